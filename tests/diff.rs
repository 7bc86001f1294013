//! `rekindle diff OLD NEW` through the binary, on the sample pairs that
//! `data-samples/generate.py` plants changes in (`diff-expected.json`).
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use common::{golden, json, names, rekindle, samples, stdout};
use serde_json::Value;

const OLD: &str = "2025";
const NEW: &str = "2025-later";

/// The planted changes of every pair, as the generator wrote them.
fn planted() -> Vec<(String, Value)> {
    let text = std::fs::read_to_string(samples().join("diff-expected.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let pairs: Vec<(String, Value)> = json
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(pairs.len(), 2, "a pair with URLs and one without");
    pairs
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The zip of an era folder's one export.
fn zip_of(era: &str) -> String {
    let folder = std::fs::read_dir(samples().join(era))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    format!("zips/{}.zip", folder.file_name().to_string_lossy())
}

fn check_planted(pair: &str, want: &Value, got: &Value) {
    let job_changes: Vec<(String, String)> = got["job_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want_jobs: Vec<(String, String)> = want["job_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
        .collect();
    assert_eq!(job_changes, want_jobs, "{pair}: job_changes");
    for list in [
        "new_connections",
        "removed_connections",
        "renamed_profiles",
        "rekindled",
        "gone_cold",
    ] {
        assert_eq!(names(&got[list]), strings(&want[list]), "{pair}: {list}");
        assert_eq!(
            got["counts"][list],
            want[list].as_array().unwrap().len(),
            "{pair}: counts.{list}"
        );
    }
    for cosmetic in strings(&want["cosmetic"]) {
        assert!(
            !names(&got["job_changes"]).contains(&cosmetic),
            "{pair}: {cosmetic} only reworded"
        );
    }
    assert_eq!(got["ambiguous"], 0, "{pair}");
    for row in got["job_changes"].as_array().unwrap() {
        for key in [
            "profile_url",
            "old_company",
            "new_company",
            "old_position",
            "new_position",
            "depth",
        ] {
            assert!(row.get(key).is_some(), "{pair}: job change lacks {key}");
        }
    }
}

#[test]
fn every_sample_pair_lists_exactly_the_planted_changes() {
    for (_, want) in planted() {
        let old = want["old"].as_str().unwrap();
        let new = want["new"].as_str().unwrap();
        let mut olds = vec![old.to_string(), zip_of(old)];
        if old == "2022" {
            // The Excel re-save writes `Connected On` as 8-Feb-22: the same days.
            olds.push("2022-excel".into());
        }
        for old in &olds {
            for new in [new.to_string(), zip_of(new)] {
                let got = json(&["diff", old, &new, "--format", "json"]);
                check_planted(&format!("{old} -> {new}"), &want, &got);
            }
        }
    }
}

#[test]
fn the_json_has_the_documented_shape() {
    let got = json(&["diff", OLD, NEW, "--format", "json"]);
    for side in ["old", "new"] {
        assert_eq!(got[side]["owner"]["name"], "Avery Quinn");
        assert_eq!(
            got[side]["owner"]["profile_url"],
            "https://www.linkedin.com/in/avery-quinn-7c1e20"
        );
    }
    assert_eq!(got["old"]["as_of"], "2025-06-30");
    assert_eq!(got["new"]["as_of"], "2025-11-28");
    let renamed = &got["renamed_profiles"][0];
    assert_eq!(
        renamed["old_profile_url"],
        "https://www.linkedin.com/in/hannah-schulz-c3e8f1"
    );
    assert_eq!(
        renamed["new_profile_url"],
        "https://www.linkedin.com/in/hannah-schulz-design"
    );
    let new = &got["new_connections"][0];
    assert_eq!(new["connected_on"], "2025-11-08");
    assert_eq!(new["company"], "Verdant Energy");
    assert_eq!(new["position"], "Product Manager");
    assert_eq!(got["rekindled"][0]["last_interaction"], "2025-11-16");
}

#[test]
fn golden_diff_of_the_sample_pair() {
    golden("diff.txt", &stdout(&["diff", OLD, NEW]));
    golden(
        "diff.json",
        &stdout(&["diff", OLD, NEW, "--format", "json"]),
    );
    golden(
        "diff.md",
        &stdout(&["diff", OLD, NEW, "--format", "markdown"]),
    );
}

#[test]
fn argument_order_does_not_matter_and_stderr_says_so() {
    let straight = rekindle(&["diff", OLD, NEW, "--format", "json"]);
    assert!(straight.status.success());
    assert!(straight.stderr.is_empty());
    let swapped = rekindle(&["diff", NEW, OLD, "--format", "json"]);
    assert!(swapped.status.success());
    let err = String::from_utf8(swapped.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("2025 is the older export") && err.contains("2025-06-30 before 2025-11-28"),
        "{err}"
    );
    assert_eq!(straight.stdout, swapped.stdout);
}

#[test]
fn two_owners_exit_2_with_a_one_line_error_naming_both() {
    // A copy of the later export with another owner: every name and the
    // owner's profile link rewritten.
    let (dir, target) = rewritten_copy(NEW, "owner", |text| {
        text.replace("avery-quinn-7c1e20", "robin-vale-0a0a0a")
            .replace("Avery", "Robin")
            .replace("Quinn", "Vale")
    });
    let out = rekindle(&["diff", OLD, target.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("Avery Quinn") && err.contains("Robin Vale"),
        "{err}"
    );
    assert!(err.contains("different people"), "{err}");
}

#[test]
fn limit_cuts_lists_but_not_counts() {
    let got = json(&["diff", OLD, NEW, "--format", "json", "--limit", "1"]);
    assert_eq!(got["job_changes"].as_array().unwrap().len(), 1);
    assert_eq!(got["counts"]["job_changes"], 2);
    let table = stdout(&["diff", OLD, NEW, "--limit", "1"]);
    assert!(table.contains("Job changes (1 of 2)"), "{table}");
    assert!(
        !table.contains("Jonas Lindqvist     Engineering"),
        "{table}"
    );
}

#[test]
fn csv_is_one_table_with_a_list_column() {
    let csv = stdout(&["diff", OLD, NEW, "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("list,name,profile_url,reason"));
    let lists: Vec<&str> = lines.map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(
        lists,
        [
            "job_changes",
            "job_changes",
            "new_connections",
            "removed_connections",
            "renamed_profiles",
            "rekindled",
            "gone_cold"
        ]
    );
}

#[test]
fn empty_sections_say_so_in_one_line() {
    let table = stdout(&["diff", "2022", "2022-later"]);
    assert!(table.contains("\nNo changed profile links.\n"), "{table}");
    let same = stdout(&["diff", OLD, OLD]);
    assert_eq!(
        same.lines().filter(|l| l.starts_with("No")).count(),
        6,
        "{same}"
    );
}

#[test]
fn redact_uses_the_newer_exports_pseudonyms_and_drops_links() {
    let got = stdout(&["diff", OLD, NEW, "--format", "json", "--redact"]);
    for real in [
        "Avery",
        "Maya",
        "Jonas",
        "Tomás",
        "Hannah",
        "Rafael",
        "Lena",
        "linkedin.com",
    ] {
        assert!(!got.contains(real), "{real} in {got}");
    }
    let got: Value = serde_json::from_str(&got).unwrap();
    // The person gone cold is the same pseudonym as in the newer export's own
    // redacted neglected list.
    let neglected = json(&["neglected", NEW, "--format", "json", "--redact"]);
    let cold = got["gone_cold"][0]["name"].as_str().unwrap().to_string();
    assert!(cold.starts_with("Person "), "{cold}");
    assert!(
        names(&neglected).contains(&cold),
        "{cold} not in {neglected}"
    );
    let gone = got["removed_connections"][0]["name"].as_str().unwrap();
    assert!(gone.starts_with("Old person "), "{gone}");
    assert_eq!(got["new"]["owner"]["name"], "You");
    // Companies and positions are kept, as in every redacted report.
    assert_eq!(got["job_changes"][0]["new_company"], "Lumen Health");
}

/// The SUMMARY lines of a calendar, in order.
fn summaries(ics: &str) -> Vec<String> {
    ics.lines()
        .filter_map(|l| l.strip_prefix("SUMMARY:"))
        .map(|s| s.trim_end().to_string())
        .collect()
}

#[test]
fn remind_since_congratulates_each_job_change_before_the_reconnects() {
    let plain = summaries(&stdout(&["remind", NEW, "--start", "2026-12-07"]));
    let since = stdout(&["remind", NEW, "--since", OLD, "--start", "2026-12-07"]);
    let mut want = vec![
        "Congratulate Maya Okonkwo-Reyes".to_string(),
        "Congratulate Jonas Lindqvist".to_string(),
    ];
    want.extend(plain.iter().cloned());
    assert_eq!(summaries(&since), want);
    assert!(
        plain.iter().all(|s| s.starts_with("Reconnect with ")),
        "{plain:?}"
    );
    // The first event is on the start day, and says what the new job is.
    assert!(since.contains("DTSTART;VALUE=DATE:20261207"));
    assert!(
        since.contains("New job: Head of Design at Tidewater Labs"),
        "{since}"
    );
    // UIDs stay unique when one person is congratulated and reminded.
    let uids: Vec<&str> = since.lines().filter(|l| l.starts_with("UID:")).collect();
    let unique: std::collections::HashSet<&&str> = uids.iter().collect();
    assert_eq!(unique.len(), uids.len());
}

#[test]
fn remind_since_refuses_redact() {
    let out = rekindle(&["remind", NEW, "--since", OLD, "--redact"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--since cannot be combined with --redact")
    );
}

/// A copy of an era's export in a fresh temporary folder, every file's text
/// passed through `rewrite`: (the folder to delete, the export folder).
fn rewritten_copy(
    era: &str,
    tag: &str,
    rewrite: impl Fn(&str) -> String,
) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("rekindle-diff-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let source = std::fs::read_dir(samples().join(era))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let target = dir.join(source.file_name().unwrap());
    let mut stack = vec![source.clone()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let to = target.join(path.strip_prefix(&source).unwrap());
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, rewrite(&std::fs::read_to_string(&path).unwrap())).unwrap();
        }
    }
    (dir, target)
}

#[test]
fn report_since_adds_the_changes_before_the_neglected_list_escaped() {
    let (dir, target) = rewritten_copy(NEW, "html", |text| {
        text.replace("Lumen Health", "<b>Lumen</b> Health")
    });
    let page = stdout(&[
        "report",
        target.to_str().unwrap(),
        "--since",
        OLD,
        "-o",
        "-",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    let at = |needle: &str| page.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    assert!(at("<section id=\"since\">") < at("<section id=\"neglected\">"));
    assert!(at("since-job_changes") < at("since-rekindled"));
    assert!(at("since-rekindled") < at("since-gone_cold"));
    assert!(page.contains("Head of Design at &lt;b&gt;Lumen&lt;/b&gt; Health"));
    assert!(!page.contains("<b>Lumen"));
    let plain = stdout(&["report", NEW, "-o", "-"]);
    assert!(!plain.contains("<section id=\"since\">"));
}
