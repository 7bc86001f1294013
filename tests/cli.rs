//! The real `rekindle` binary over the samples: exact JSON, golden tables,
//! exit codes and one-line errors.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use std::process::Command;

use common::{golden, json, names, rekindle, samples, stdout};

/// Every command that prints a list or a record of an export.
const REPORTS: [&str; 7] = [
    "summary",
    "neglected",
    "strongest",
    "unanswered",
    "never-contacted",
    "companies",
    "metrics",
];

fn failure(args: &[&str]) -> String {
    let out = rekindle(args);
    assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    err
}

#[test]
fn summary_json_is_exact_for_every_era_as_folder_and_zip() {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(samples().join("expected.json")).unwrap())
            .unwrap();
    for (era, want) in expected.as_object().unwrap() {
        let name = want["export_name"].as_str().unwrap();
        let zip = if era.ends_with("-excel") {
            format!("zips/{name}_excel.zip")
        } else {
            format!("zips/{name}.zip")
        };
        for path in [era.clone(), zip] {
            let got = json(&["summary", &path, "--format", "json"]);
            for key in [
                "owner",
                "as_of",
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
                assert_eq!(got[key], want[key], "{path}: {key}");
            }
            assert_eq!(got["neglected"], 2, "{path}");
            assert!(got["warnings"].is_array(), "{path}");
        }
    }
}

#[test]
fn golden_reports_of_the_2026_sample() {
    golden("summary.txt", &stdout(&["summary", "2026"]));
    golden("neglected.txt", &stdout(&["neglected", "2026"]));
    golden(
        "neglected.json",
        &stdout(&["neglected", "2026", "--format", "json"]),
    );
    golden("strongest.txt", &stdout(&["strongest", "2026"]));
    golden(
        "strongest.json",
        &stdout(&["strongest", "2026", "--format", "json"]),
    );
    golden("unanswered.txt", &stdout(&["unanswered", "2026"]));
    golden(
        "unanswered.json",
        &stdout(&["unanswered", "2026", "--format", "json"]),
    );
    golden(
        "never-contacted.csv",
        &stdout(&["never-contacted", "2026", "--format", "csv"]),
    );
    golden(
        "companies.md",
        &stdout(&["companies", "2026", "--format", "markdown"]),
    );
}

#[test]
fn every_era_gives_the_same_reports() {
    let reference = ["neglected", "strongest", "unanswered"]
        .map(|r| names(&json(&[r, "2026", "--format", "json"])));
    for era in [
        "2020",
        "2021",
        "2022",
        "2022-excel",
        "2023-mid",
        "2024",
        "2024-dec",
        "2025",
    ] {
        for (i, report) in ["neglected", "strongest", "unanswered"].iter().enumerate() {
            assert_eq!(
                names(&json(&[report, era, "--format", "json"])),
                reference[i],
                "{era} {report}"
            );
        }
    }
}

#[test]
fn json_rows_carry_the_documented_fields() {
    let rows = json(&["neglected", "2026", "--format", "json"]);
    let first = rows[0].as_object().unwrap();
    for key in [
        "name",
        "profile_url",
        "company",
        "position",
        "connected_on",
        "last_interaction",
        "days_since_last_interaction",
        "messages_sent",
        "messages_received",
        "typical_gap_days",
        "score",
        "reason",
    ] {
        assert!(first.contains_key(key), "missing {key}");
    }
    assert_eq!(rows[0]["name"], "Maya Okonkwo-Reyes");
    assert_eq!(rows[0]["last_interaction"], "2024-07-27");
    assert_eq!(rows[0]["days_since_last_interaction"], 800);
    let unanswered = json(&["unanswered", "2026", "--format", "json", "--limit", "1"]);
    assert_eq!(unanswered.as_array().unwrap().len(), 1);
    assert_eq!(unanswered[0]["name"], "Elif Demir");
    assert_eq!(unanswered[0]["days_waiting"], 20);
    assert_eq!(unanswered[0]["messages_waiting"], 1);
}

#[test]
fn tables_fit_80_columns() {
    // A summary is a record, not a table: its values are never cut.
    for report in REPORTS.into_iter().filter(|r| *r != "summary") {
        let out = stdout(&[report, "2026"]);
        for line in out.lines() {
            assert!(
                line.chars().count() <= 80,
                "{report}: {line:?} is {} wide",
                line.chars().count()
            );
            assert!(!line.contains('\u{1b}'), "NO_COLOR is respected");
        }
    }
}

#[test]
fn as_of_and_spam_flags_change_the_answer() {
    let s = json(&[
        "summary",
        "2026",
        "--format",
        "json",
        "--as-of",
        "2024-01-01",
        "--include-spam",
    ]);
    assert_eq!(s["as_of"], "2024-01-01");
    assert_eq!(s["messages"], 195);
    let err = failure(&["summary", "2026", "--as-of", "01/02/2024"]);
    assert_eq!(
        err,
        "rekindle: invalid as-of date: \"01/02/2024\" (a date as YYYY-MM-DD)\n"
    );
}

#[test]
fn person_explains_every_list() {
    let maya = json(&["person", "2026", "okonkwo", "--format", "json"]);
    assert_eq!(maya["metrics"]["name"], "Maya Okonkwo-Reyes");
    assert!(
        maya["neglected"]
            .as_str()
            .unwrap()
            .starts_with("on the list (score 87.6)")
    );
    assert!(
        maya["strongest"]
            .as_str()
            .unwrap()
            .starts_with("not on the list")
    );
    let kinds: Vec<&str> = maya["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "connection",
        "direct_messages",
        "endorsement",
        "recommendation",
        "shared_groups",
    ] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let err = failure(&["person", "2026", "sam lee"]);
    assert!(
        err.starts_with("rekindle: 2 people match \"sam lee\"; narrow the query"),
        "{err}"
    );
    assert!(err.contains("sam-lee-contoso"), "{err}");
    assert_eq!(
        failure(&["person", "2026", "nobody-like-this"]),
        "rekindle: nobody matches \"nobody-like-this\"\n"
    );
}

#[test]
fn graph_exports_every_node_and_tie() {
    let graph = json(&["graph", "2026", "--format", "json"]);
    let nodes = graph["nodes"].as_array().unwrap().len();
    let edges = graph["edges"].as_array().unwrap().len();
    let graphml = stdout(&["graph", "2026"]);
    assert!(graphml.starts_with("<?xml"));
    assert_eq!(graphml.matches("<node id=").count(), nodes);
    assert_eq!(graphml.matches("<edge id=").count(), edges);
    assert!(graphml.contains("<data key=\"n_name\">Jane Doe, Ph.D.</data>"));
    let dot = stdout(&["graph", "2026", "--format", "dot"]);
    assert_eq!(dot.matches(" -> ").count(), edges);
    let file = std::env::temp_dir().join(format!("rekindle-graph-{}.graphml", std::process::id()));
    assert!(stdout(&["graph", "2026", "-o", file.to_str().unwrap()]).is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), graphml);
    std::fs::remove_file(file).unwrap();
}

#[test]
fn bad_input_is_one_clear_line_and_exit_2() {
    assert_eq!(
        failure(&["summary", "no/such/export.zip"]),
        "rekindle: no/such/export.zip: no such file or folder\n"
    );
    let dir = std::env::temp_dir().join(format!("rekindle-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fake = dir.join("Complete_LinkedInDataExport_01-01-2026.zip");
    std::fs::write(&fake, "this is not a zip").unwrap();
    let err = failure(&["summary", fake.to_str().unwrap()]);
    assert!(err.contains("not a readable zip archive"), "{err}");
    assert_eq!(err.lines().count(), 1);
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let err = failure(&["summary", empty.to_str().unwrap()]);
    assert!(err.ends_with("no LinkedIn export files found (looked for Connections.csv, messages.csv, Profile.csv, …)\n"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&["completions", shell]);
        for command in ["neglected", "never-contacted", "graph"] {
            assert!(
                script.contains(command),
                "{shell} completion lacks {command}"
            );
        }
    }
    // bash itself parses the script.
    let script =
        std::env::temp_dir().join(format!("rekindle-completion-{}.bash", std::process::id()));
    std::fs::write(&script, stdout(&["completions", "bash"])).unwrap();
    let check = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("bash");
    std::fs::remove_file(&script).unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let man = stdout(&["man"]);
    assert!(man.contains(".TH rekindle 1"), "{man}");
    assert!(man.contains("neglected"));
}

#[test]
fn color_is_chosen_by_flag_and_never_on_by_accident() {
    let always = stdout(&["neglected", "2026", "--color", "always"]);
    assert!(always.starts_with("\u{1b}[1mname"), "{always:?}");
    let never = stdout(&["neglected", "2026", "--color", "never"]);
    assert!(!never.contains('\u{1b}'));
    // auto: not a terminal here, so no colour (and NO_COLOR is set too).
    assert!(!stdout(&["neglected", "2026"]).contains('\u{1b}'));
}

#[test]
fn redact_hides_every_name_and_link_in_every_output() {
    for zip in [
        "zips/Complete_LinkedInDataExport_10-05-2026.zip",
        // The 2020 export has a warning whose value is a name.
        "zips/Basic_LinkedInDataExport_11-14-2020.zip",
    ] {
        // Everyone rekindle knows, read without --redact.
        let everyone = json(&["metrics", zip, "--format", "json"]);
        let mut secrets = names(&everyone);
        secrets.push(
            json(&["summary", zip, "--format", "json"])["owner"]["name"]
                .as_str()
                .unwrap()
                .to_string(),
        );
        assert!(secrets.len() > 15, "{secrets:?}");

        let mut outputs = Vec::new();
        for command in REPORTS {
            for format in ["table", "json", "csv", "markdown"] {
                outputs.push(stdout(&[command, zip, "--redact", "--format", format]));
            }
        }
        for format in ["graphml", "dot", "json"] {
            outputs.push(stdout(&["graph", zip, "--redact", "--format", format]));
        }
        outputs.push(stdout(&[
            "person", zip, "--redact", "Person 1", "--format", "json",
        ]));
        outputs.push(stdout(&["report", zip, "--redact", "-o", "-"]));
        outputs.push(stdout(&[
            "remind",
            zip,
            "--redact",
            "--start",
            "2026-12-01",
        ]));
        for output in &outputs {
            for secret in &secrets {
                assert!(
                    !output.contains(secret.as_str()),
                    "{secret:?} in:\n{output}"
                );
            }
            assert!(
                !output.contains("linkedin.com/in/"),
                "a profile link in:\n{output}"
            );
        }

        // Only the names changed: the same people in the same order, same scores.
        let plain = json(&["neglected", zip, "--format", "json"]);
        let redacted = json(&["neglected", zip, "--redact", "--format", "json"]);
        assert_eq!(
            plain.as_array().unwrap().len(),
            redacted.as_array().unwrap().len()
        );
        for (p, r) in plain
            .as_array()
            .unwrap()
            .iter()
            .zip(redacted.as_array().unwrap())
        {
            assert!(r["name"].as_str().unwrap().starts_with("Person "));
            assert_eq!(r["profile_url"], serde_json::Value::Null);
            assert_eq!((&p["score"], &p["reason"]), (&r["score"], &r["reason"]));
        }
        // Stable: a second run gives the same pseudonyms.
        assert_eq!(
            redacted,
            json(&["neglected", zip, "--redact", "--format", "json"])
        );
    }
    let summary = json(&[
        "summary",
        "zips/Basic_LinkedInDataExport_11-14-2020.zip",
        "--redact",
        "--format",
        "json",
    ]);
    assert_eq!(summary["owner"]["name"], "You");
    assert_eq!(
        summary["warnings"],
        serde_json::json!([
            "messages.csv: 2 people are named this and no profile URL tells which one is meant; kept apart as a separate person \"(redacted)\""
        ])
    );
}
