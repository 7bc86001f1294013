//! Every era of the export format, as folder and as zip, gives the answers
//! `data-samples/expected.json` records for its invented story.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::path::{Path, PathBuf};

use rekindle::{Analysis, Options};
use serde_json::Value;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data-samples")
}

fn expected() -> Vec<(String, Value)> {
    let text = std::fs::read_to_string(samples().join("expected.json")).expect("expected.json");
    let json: Value = serde_json::from_str(&text).expect("valid JSON");
    let eras: Vec<(String, Value)> = json
        .as_object()
        .expect("an object of eras")
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(eras.len(), 9, "every era is covered");
    eras
}

/// The three forms a user may point at: the era folder (a parent of one
/// export folder), the export folder itself, and the zip.
fn forms(era: &str, want: &Value) -> Vec<PathBuf> {
    let name = want["export_name"].as_str().expect("export_name");
    let zip = if era.ends_with("-excel") {
        format!("{name}_excel.zip")
    } else {
        format!("{name}.zip")
    };
    vec![
        samples().join(era),
        samples().join(era).join(name),
        samples().join("zips").join(zip),
    ]
}

fn analyse(path: &Path, options: &Options) -> Analysis {
    Analysis::open(path, options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn names<T>(rows: &[T], name: impl Fn(&T) -> &str) -> Vec<String> {
    rows.iter().map(|r| name(r).to_string()).collect()
}

/// The names expected.json lists under `key`.
fn listed(want: &Value, key: &str) -> Vec<String> {
    want[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_era_and_form_gives_the_expected_summary() {
    for (era, want) in expected() {
        for path in forms(&era, &want) {
            let s = analyse(&path, &Options::default()).summary();
            let got = serde_json::to_value(&s).expect("summary serialises");
            let at = path.display();
            for key in [
                "as_of",
                "owner",
                "connections",
                "hidden_connections",
                "messages",
                "conversations",
                "group_conversations",
                "people",
                "invitations",
                "endorsements_received",
                "endorsements_given",
                "recommendations_received",
                "recommendations_given",
            ] {
                assert_eq!(got[key], want[key], "{at}: {key}");
            }
            // Only the pre-2023 eras have a name that could be two people.
            let ambiguous = s
                .warnings
                .iter()
                .filter(|w| w.contains("people are named this"))
                .count();
            assert_eq!(
                s.warnings.len(),
                ambiguous,
                "{at}: unexpected warnings {:?}",
                s.warnings
            );
        }
    }
}

#[test]
fn every_era_ranks_the_same_people_in_the_same_order() {
    for (era, want) in expected() {
        for path in forms(&era, &want) {
            let analysis = analyse(&path, &Options::default());
            let at = path.display();
            let neglected = analysis.neglected();
            assert_eq!(
                names(&neglected, |r| &r.name),
                listed(&want, "neglected_order"),
                "{at}"
            );
            let unanswered = analysis.unanswered();
            assert_eq!(
                names(&unanswered, |r| &r.name),
                listed(&want, "unanswered_order"),
                "{at}"
            );
            let strongest = analysis.strongest();
            assert_eq!(strongest[0].name, want["strongest_first"], "{at}");
            // The recruiter and the one-off contacts never look neglected.
            for r in &neglected {
                assert!(
                    r.messages_sent > 0 && r.messages_received > 0,
                    "{at}: {}",
                    r.name
                );
            }
        }
    }
}

#[test]
fn spam_counts_only_when_asked() {
    for (era, want) in expected() {
        let path = samples().join(&era);
        let options = Options {
            include_spam: true,
            ..Options::default()
        };
        let got = serde_json::to_value(analyse(&path, &options).summary()).unwrap();
        for key in ["messages", "conversations", "people"] {
            assert_eq!(got[key], want["include_spam"][key], "{era}: {key}");
        }
    }
}

#[test]
fn messages_csv_alone_still_finds_the_owner() {
    let (_, want) = expected()
        .into_iter()
        .find(|(era, _)| era == "2026")
        .unwrap();
    let path = forms("2026", &want)[1].join("messages.csv");
    let analysis = analyse(&path, &Options::default());
    let s = analysis.summary();
    assert_eq!(s.owner.name.as_deref(), Some("Avery Quinn"));
    assert_eq!(
        s.owner.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/avery-quinn-7c1e20")
    );
    assert_eq!(
        s.as_of.to_string(),
        "2026-10-05",
        "the folder name carries the date"
    );
    assert_eq!(s.messages, 193);
    assert_eq!(s.connections, 0);
    assert_eq!(
        names(&analysis.neglected(), |r| &r.name),
        ["Maya Okonkwo-Reyes", "Jonas Lindqvist"]
    );
}

#[test]
fn as_of_override_reads_the_export_as_it_was_then() {
    let options = Options {
        as_of: Some(Options::parse_as_of("2024-01-01").unwrap()),
        ..Options::default()
    };
    let analysis = analyse(&samples().join("2026"), &options);
    assert_eq!(analysis.network().as_of.to_string(), "2024-01-01");
    // In early 2024 Maya and Avery still wrote every few weeks.
    assert!(
        analysis
            .neglected()
            .iter()
            .all(|r| r.name != "Maya Okonkwo-Reyes")
    );
    assert!(
        analysis
            .strongest()
            .iter()
            .any(|r| r.name == "Maya Okonkwo-Reyes")
    );
}
