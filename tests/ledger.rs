//! The ledger through the binary: every command, every effect on the
//! reports, and that no entry is ever lost or overwritten.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use chrono::{Days, NaiveDate};
use serde_json::Value;

/// The 2026 sample (folder: quicker to read than the zip).
const S2026: &str = "2026";
/// The 2022 sample: the same story, an older era.
const S2022: &str = "2022";
/// The 2020 sample: an era with no profile URLs at all, matched by name.
const S2020: &str = "2020";

/// A temporary folder holding one ledger file (not created).
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        Place {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn ledger(&self) -> PathBuf {
        self.dir.path().join("ledger.toml")
    }

    /// Runs rekindle with `--ledger` pointing here.
    fn run(&self, args: &[&str]) -> Output {
        let ledger = self.ledger();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--ledger", ledger.to_str().unwrap()]);
        common::rekindle(&all)
    }

    /// Runs and expects success, with nothing on stderr.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "rekindle {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// Runs and expects exit 2; returns stderr.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(2), "rekindle {args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    }

    fn entries(&self) -> Vec<Value> {
        self.json(&["ledger"]).as_array().unwrap().clone()
    }
}

fn names(rows: &Value) -> Vec<String> {
    common::names(rows)
}

fn person(rows: &Value, name: &str) -> Option<Value> {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .cloned()
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

const MAYA: &str = "Maya Okonkwo-Reyes";
const JONAS: &str = "Jonas Lindqvist";

#[test]
fn touch_takes_a_neglected_person_off_neglected_and_says_why() {
    let p = Place::new();
    assert!(names(&p.json(&["neglected", S2026])).contains(&MAYA.to_string()));
    let said = p.ok(&[
        "touch",
        S2026,
        "maya",
        "--on",
        "2026-09-30",
        "--how",
        "coffee",
        "--note",
        "her new team",
    ]);
    assert!(
        said.starts_with("Logged coffee with Maya Okonkwo-Reyes on 2026-09-30"),
        "{said}"
    );

    assert!(!names(&p.json(&["neglected", S2026])).contains(&MAYA.to_string()));
    let strongest = p.json(&["strongest", S2026]);
    let maya = person(&strongest, MAYA).expect("in touch again, so among the strongest");
    let reason = maya["reason"].as_str().unwrap();
    assert!(
        reason.contains("coffee on 2026-09-30, from your ledger"),
        "{reason}"
    );
    assert_eq!(maya["last_interaction"], "2026-09-30");

    let metrics = p.json(&["metrics", S2026]);
    let m = person(&metrics, MAYA).unwrap();
    assert_eq!(m["ledger_touch"], "coffee on 2026-09-30");
    assert_eq!(m["in_touch"], true);
    assert_eq!(m["neglect"], 0.0);

    // The calendar no longer reminds of her.
    let ics = p.ok(&["remind", S2026]);
    assert!(!ics.contains("Maya"), "{ics}");

    // `person` shows it; without the ledger she is back.
    let report = p.json(&["person", S2026, "maya"]);
    assert_eq!(report["metrics"]["ledger_touch"], "coffee on 2026-09-30");
    assert!(
        report["strongest"]
            .as_str()
            .unwrap()
            .contains("from your ledger")
    );
    let without = p.json(&["neglected", S2026, "--no-ledger"]);
    assert!(names(&without).contains(&MAYA.to_string()));

    // The listing, with and without notes.
    let entries = p.entries();
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!(e["key"], "linkedin.com/in/maya-okonkwo-reyes-3f81b2");
    assert_eq!(e["name"], MAYA);
    assert_eq!(
        e["touches"],
        serde_json::json!([{ "on": "2026-09-30", "how": "coffee", "note": "her new team" }])
    );
    assert_eq!(e["snoozed_until"], Value::Null);
    assert_eq!(e["ignored"], false);
    assert_eq!(e["cadence_days"], Value::Null);
    let redacted = p.json(&["ledger", "--redact"]);
    assert_eq!(redacted[0]["touches"][0]["note"], Value::Null);
    let table = p.ok(&["ledger"]);
    assert!(
        table.contains(MAYA) && table.contains("coffee on 2026-09-30"),
        "{table}"
    );
}

#[test]
fn touch_defaults_to_today_and_refuses_the_future() {
    let p = Place::new();
    p.ok(&["touch", S2026, "jonas"]);
    let e = &p.entries()[0];
    assert_eq!(e["touches"][0]["on"], today().to_string());
    assert_eq!(e["touches"][0]["how"], "other");
    let tomorrow = today().checked_add_days(Days::new(1)).unwrap().to_string();
    let err = p.fails(&["touch", S2026, "jonas", "--on", &tomorrow]);
    assert!(err.contains("after today"), "{err}");
    assert_eq!(p.entries()[0]["touches"].as_array().unwrap().len(), 1);
}

#[test]
fn snooze_hides_until_the_day_and_unsnooze_lifts_it() {
    let p = Place::new();
    p.ok(&["snooze", S2026, "jonas", "--for", "3m"]);
    let until = today().checked_add_days(Days::new(90)).unwrap();
    assert_eq!(p.entries()[0]["snoozed_until"], until.to_string());
    assert!(!names(&p.json(&["neglected", S2026])).contains(&JONAS.to_string()));
    let m = person(&p.json(&["metrics", S2026]), JONAS).unwrap();
    assert_eq!(m["snoozed_until"], until.to_string());
    // Still measured: the score is there, only the suggestion is held back.
    assert!(m["neglect"].as_f64().unwrap() > 0.0);

    p.ok(&["unsnooze", S2026, "jonas"]);
    assert_eq!(p.entries()[0]["snoozed_until"], Value::Null);
    assert!(names(&p.json(&["neglected", S2026])).contains(&JONAS.to_string()));

    // A snooze that is over no longer hides (written by hand: the CLI refuses the past).
    std::fs::write(
        p.ledger(),
        "version = 1\n[people.\"linkedin.com/in/jonas-lindqvist-a2094e\"]\nname = \"Jonas Lindqvist\"\nsnoozed_until = 2020-01-01\n",
    )
    .unwrap();
    assert!(names(&p.json(&["neglected", S2026])).contains(&JONAS.to_string()));
    let err = p.fails(&["snooze", S2026, "jonas", "--until", "2020-01-01"]);
    assert!(err.contains("not after today"), "{err}");
    let err = p.fails(&["snooze", S2026, "jonas", "--for", "3 months"]);
    assert!(err.contains("not a duration"), "{err}");
}

#[test]
fn ignore_hides_for_good_and_unignore_brings_back() {
    let p = Place::new();
    p.ok(&["ignore", S2026, "maya"]);
    assert!(!names(&p.json(&["neglected", S2026])).contains(&MAYA.to_string()));
    assert!(!p.ok(&["remind", S2026]).contains("Maya"));
    assert_eq!(p.entries()[0]["ignored"], true);
    let summary = p.json(&["summary", S2026]);
    assert_eq!(
        (summary["ignored"].clone(), summary["snoozed"].clone()),
        (1.into(), 0.into())
    );
    // Redacted output is matched before the names go: the same people are left off.
    let plain = p.json(&["neglected", S2026]).as_array().unwrap().len();
    let redacted = p.json(&["neglected", S2026, "--redact"]);
    assert_eq!(redacted.as_array().unwrap().len(), plain);
    assert!(!redacted.to_string().contains("Maya"));
    let page = p.ok(&["report", S2026, "-o", "-"]);
    assert!(
        page.contains(&format!("<dd id=\"neglected-count\">{plain}</dd>")),
        "the report counts the ledger too"
    );
    p.ok(&["unignore", S2026, "maya"]);
    assert_eq!(p.entries()[0]["ignored"], false);
    assert!(names(&p.json(&["neglected", S2026])).contains(&MAYA.to_string()));
}

#[test]
fn cadence_replaces_the_rhythm_uncapped_and_off_restores_it() {
    let p = Place::new();
    let before = person(&p.json(&["metrics", S2026]), JONAS).unwrap();
    let days = before["days_since_last_interaction"].as_f64().unwrap();
    assert!(
        days > 365.0 && days < 730.0,
        "the story's Jonas is silent {days} days"
    );
    assert_eq!(before["in_touch"], false);

    // Two years: longer than the one-year cap on inferred rhythms.
    p.ok(&["cadence", S2026, "jonas", "2y"]);
    assert_eq!(p.entries()[0]["cadence_days"], 730);
    let m = person(&p.json(&["metrics", S2026]), JONAS).unwrap();
    assert_eq!(m["cadence_days"], 730);
    assert_eq!(m["in_touch"], true);
    let overdue = m["overdue"].as_f64().unwrap();
    assert!((overdue - days / 730.0).abs() < 0.01, "{overdue}");
    assert!(!names(&p.json(&["neglected", S2026])).contains(&JONAS.to_string()));

    // A week: more overdue than the inferred rhythm made them.
    p.ok(&["cadence", S2026, "jonas", "1w"]);
    let m = person(&p.json(&["metrics", S2026]), JONAS).unwrap();
    let overdue = m["overdue"].as_f64().unwrap();
    assert!((overdue - days / 7.0).abs() < 0.01, "{overdue}");
    assert!(m["neglect"].as_f64().unwrap() > before["neglect"].as_f64().unwrap());

    p.ok(&["cadence", S2026, "jonas", "off"]);
    assert_eq!(p.entries()[0]["cadence_days"], Value::Null);
    let m = person(&p.json(&["metrics", S2026]), JONAS).unwrap();
    assert_eq!(m["overdue"], before["overdue"]);
}

#[test]
fn twenty_concurrent_touches_all_land() {
    let p = Place::new();
    let ledger = p.ledger();
    let children: Vec<_> = (0..20)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_rekindle"))
                .args(["touch", S2026, "maya", "--note", &format!("touch {i}")])
                .arg("--ledger")
                .arg(&ledger)
                .current_dir(common::samples())
                .output_async()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let touches = p.entries()[0]["touches"].as_array().unwrap().clone();
    assert_eq!(touches.len(), 20);
    let mut notes: Vec<String> = touches
        .iter()
        .map(|t| t["note"].as_str().unwrap().to_string())
        .collect();
    notes.sort();
    notes.dedup();
    assert_eq!(notes.len(), 20);
    // No temporary file left beside it; the lock file stays (it is reused).
    let mut left: Vec<String> = std::fs::read_dir(p.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["ledger.toml", "ledger.toml.lock"]);
}

/// Spawning without waiting, to run processes at once.
trait OutputAsync {
    fn output_async(&mut self) -> std::process::Child;
}

impl OutputAsync for Command {
    fn output_async(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }
}

fn assert_refused(p: &Place, bytes: &[u8], want: &str) {
    std::fs::write(p.ledger(), bytes).unwrap();
    for args in [
        &["neglected", S2026][..],
        &["summary", S2026],
        &["touch", S2026, "maya"],
        &["ignore", S2026, "maya"],
        &["ledger"],
    ] {
        let err = p.fails(args);
        assert!(
            err.contains(p.ledger().to_str().unwrap()),
            "{args:?}: {err}"
        );
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(
            std::fs::read(p.ledger()).unwrap(),
            bytes,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn a_corrupt_or_truncated_ledger_stops_every_command_and_is_never_overwritten() {
    let p = Place::new();
    p.ok(&["touch", S2026, "maya", "--how", "call"]);
    p.ok(&["ignore", S2026, "jonas"]);
    let good = std::fs::read(p.ledger()).unwrap();
    // Cut in the middle of the second entry's header.
    let cut = good.windows(8).rposition(|w| w == b"[people.").unwrap() + 10;
    let line = good[..cut].iter().filter(|&&b| b == b'\n').count() + 1;
    assert_refused(&p, &good[..cut], &format!("line {line}"));
    assert_refused(
        &p,
        b"version = 1\n[people.\"x\"]\nignored = \"yes\"\n",
        "line 3: people.\"x\".ignored must be true or false",
    );
    assert_refused(&p, b"\xff\xfe not text", "not UTF-8");
}

#[test]
fn a_ledger_of_a_newer_schema_is_refused_and_left_alone() {
    let p = Place::new();
    assert_refused(
        &p,
        b"# from the future\nversion = 2\n",
        "newer than this rekindle reads",
    );
}

#[test]
fn a_ledger_that_cannot_be_read_or_written_is_a_clear_error() {
    // Tests run as root, for whom permissions do not stop a write: a folder
    // in the ledger's place makes both the read and the write fail honestly.
    let p = Place::new();
    std::fs::create_dir(p.ledger()).unwrap();
    for args in [&["neglected", S2026][..], &["touch", S2026, "maya"]] {
        let err = p.fails(args);
        assert!(
            err.contains(&format!("{}: cannot read", p.ledger().display())),
            "{err}"
        );
    }
    // A folder that cannot be made (a file is in the way).
    let blocked = p.dir.path().join("file");
    std::fs::write(&blocked, b"x").unwrap();
    let inside = blocked.join("ledger.toml");
    let out = common::rekindle(&["touch", S2026, "maya", "--ledger", inside.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write the ledger"), "{err}");
    assert_eq!(std::fs::read(&blocked).unwrap(), b"x");
}

#[test]
fn the_users_comments_and_own_keys_survive_a_rewrite() {
    let p = Place::new();
    let mine = "# My people. Do not lose this line.\nversion = 1\nowner_note = \"mine\"\n\n# Old boss: never.\n[people.\"linkedin.com/in/jonas-lindqvist-a2094e\"]\nname = \"Jonas Lindqvist\"\nignored = true # decided 2025\nmet_at = \"Brightline\"\n";
    std::fs::write(p.ledger(), mine).unwrap();
    p.ok(&["touch", S2026, "maya", "--on", "2026-09-01"]);
    p.ok(&["cadence", S2026, "jonas", "2m"]);
    let text = std::fs::read_to_string(p.ledger()).unwrap();
    for kept in [
        "# My people. Do not lose this line.\n",
        "owner_note = \"mine\"",
        "# Old boss: never.\n",
        "ignored = true # decided 2025",
        "met_at = \"Brightline\"",
    ] {
        assert!(text.contains(kept), "{kept:?} lost:\n{text}");
    }
    assert!(
        text.find("jonas") < text.find("maya"),
        "order kept:\n{text}"
    );
    assert!(text.contains("cadence_days = 60"), "{text}");
}

#[test]
fn nothing_is_written_unless_a_ledger_command_runs() {
    let p = Place::new();
    for args in [
        &["neglected", S2026][..],
        &["summary", S2026],
        &["person", S2026, "maya"],
        &["ledger"],
    ] {
        p.ok(args);
    }
    assert_eq!(std::fs::read_dir(p.dir.path()).unwrap().count(), 0);
}

#[test]
fn the_ledger_is_found_through_rekindle_ledger_and_refused_under_no_ledger() {
    let p = Place::new();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rekindle"))
            .args(args)
            .env("REKINDLE_LEDGER", p.ledger())
            .current_dir(common::samples())
            .output()
            .unwrap()
    };
    assert!(run(&["ignore", S2026, "maya"]).status.success());
    assert!(p.ledger().exists());
    let out = run(&["neglected", S2026, "--format", "json"]);
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!names(&rows).contains(&MAYA.to_string()));
    let out = run(&["ignore", S2026, "jonas", "--no-ledger"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-ledger"));
}

#[test]
fn a_query_matching_several_people_is_an_error_listing_them() {
    let p = Place::new();
    let err = p.fails(&["touch", S2026, "an"]);
    assert!(err.contains("people match \"an\""), "{err}");
    assert!(err.lines().count() > 2, "{err}");
    assert!(!p.ledger().exists());
    let err = p.fails(&["ignore", S2026, "nobody-is-called-this"]);
    assert!(err.contains("nobody matches"), "{err}");
}

/// What the ledger decides of one person, as the metrics show it.
fn ledger_view(metrics: &Value, name: &str) -> Value {
    let m = person(metrics, name).unwrap_or_else(|| panic!("{name} in both eras"));
    serde_json::json!({
        "ledger_touch": m["ledger_touch"],
        "cadence_days": m["cadence_days"],
        "snoozed_until": m["snoozed_until"],
        "ignored": m["ignored"],
    })
}

#[test]
fn the_same_ledger_gives_the_same_answers_in_two_eras() {
    let p = Place::new();
    // Written from the 2026 export, where everyone has a profile URL.
    p.ok(&[
        "touch",
        S2026,
        "maya",
        "--on",
        "2021-06-01",
        "--how",
        "meeting",
    ]);
    p.ok(&["ignore", S2026, "jonas"]);
    let entries = p.entries();
    assert!(
        entries
            .iter()
            .all(|e| e["key"].as_str().unwrap().starts_with("linkedin.com/in/"))
    );
    let new = p.json(&["metrics", S2026]);
    for era in [S2022, S2020] {
        let old = p.json(&["metrics", era]);
        for name in [MAYA, JONAS] {
            assert_eq!(
                ledger_view(&new, name),
                ledger_view(&old, name),
                "{era} {name}"
            );
        }
        assert!(
            !names(&p.json(&["neglected", era])).contains(&JONAS.to_string()),
            "{era}"
        );
    }
    assert_eq!(
        ledger_view(&new, MAYA)["ledger_touch"],
        "meeting on 2021-06-01"
    );
    assert_eq!(ledger_view(&new, JONAS)["ignored"], true);
    assert!(!names(&p.json(&["neglected", S2026])).contains(&JONAS.to_string()));
}

#[test]
fn an_entry_written_from_an_era_without_urls_applies_in_a_later_one() {
    let p = Place::new();
    p.ok(&["ignore", S2020, "maya"]);
    assert_eq!(p.entries()[0]["key"], "maya okonkwo-reyes");
    let m = person(&p.json(&["metrics", S2026]), MAYA).unwrap();
    assert_eq!(m["ignored"], true);
    assert!(!names(&p.json(&["neglected", S2026])).contains(&MAYA.to_string()));
}

#[test]
fn a_name_that_could_be_two_people_is_never_guessed() {
    let p = Place::new();
    // The 2026 story has two Sam Lees, told apart only by their URLs.
    std::fs::write(
        p.ledger(),
        "version = 1\n[people.\"sam lee\"]\nname = \"Sam Lee\"\nignored = true\n",
    )
    .unwrap();
    let metrics = p.json(&["metrics", S2026]);
    let sams: Vec<&Value> = metrics
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["name"] == "Sam Lee")
        .collect();
    assert_eq!(sams.len(), 2);
    assert!(sams.iter().all(|m| m["ignored"] == false));
    let summary = p.json(&["summary", S2026]);
    let warnings = summary["warnings"].to_string();
    assert!(
        warnings.contains("matches more than one person"),
        "{warnings}"
    );
}
