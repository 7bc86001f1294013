//! Exports as other tools write them (generators, fixtures, hand-made and
//! re-saved files), through the real binary: every row read, every warning
//! useful, nothing guessed silently (issue 11). Every input is invented and
//! built here.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::path::PathBuf;
use std::process::{Command, Output};

/// A fresh folder for one case, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("rekindle-real-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn rekindle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rekindle"))
        .args(args)
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// stdout of a run that must succeed.
fn ok(args: &[&str]) -> String {
    let out = rekindle(args);
    assert!(
        out.status.success(),
        "rekindle {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// stderr of a run that must fail.
fn fails(args: &[&str]) -> String {
    let out = rekindle(args);
    assert!(!out.status.success(), "rekindle {args:?} succeeded");
    String::from_utf8(out.stderr).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).unwrap()
}

fn summary(dir: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["summary", dir, "--format", "json"];
    args.extend_from_slice(extra);
    json(&args)
}

fn warnings(s: &serde_json::Value) -> Vec<String> {
    s["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

const PROFILE: &str = "First Name,Last Name,Headline\nAvery,Quinn,Product lead\n";
const CONNECTIONS_HEADER: &str =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
const MESSAGES_HEADER: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n";
const AVERY: &str = "https://www.linkedin.com/in/avery-quinn";

/// A messages.csv row.
fn message(id: &str, from: &str, from_url: &str, to: &str, to_urls: &str, date: &str) -> String {
    format!("{id},,{from},{from_url},{to},{to_urls},{date},,hello,INBOX\n")
}

/// An export whose every date lies in the 1840s, as one public synthetic
/// export keeps its data obviously fake.
fn victorian(s: &Scratch, messages: usize) {
    s.file("Profile.csv", PROFILE);
    s.file(
        "Connections.csv",
        &format!(
            "{CONNECTIONS_HEADER}Ada,Byron,https://www.linkedin.com/in/ada-byron,,Engines,Analyst,10 Dec 1842\n\
             Charles,Babbage,https://www.linkedin.com/in/charles-babbage,,Engines,Inventor,26 Dec 1843\n"
        ),
    );
    let mut csv = MESSAGES_HEADER.to_string();
    for i in 0..messages {
        let day = 1 + i % 28;
        let (from, from_url, to, to_url) = if i % 2 == 0 {
            (
                "Avery Quinn",
                AVERY,
                "Ada Byron",
                "https://www.linkedin.com/in/ada-byron",
            )
        } else {
            (
                "Ada Byron",
                "https://www.linkedin.com/in/ada-byron",
                "Avery Quinn",
                AVERY,
            )
        };
        let date = format!("1843-{:02}-{day:02} 10:00:00 UTC", 1 + (i / 28) % 12);
        csv += &message("c1", from, from_url, to, to_url, &date);
    }
    s.file("messages.csv", &csv);
}

// 1. Dates outside LinkedIn's lifetime.

#[test]
fn dates_before_linkedin_are_read_and_doubted_once_per_file() {
    let s = Scratch::new("victorian");
    victorian(&s, 300);
    let sum = summary(s.path(), &[]);
    assert_eq!(sum["messages"], 300, "{sum}");
    assert_eq!(sum["connections"], 2);
    // The latest record's day, never 1970.
    assert_eq!(sum["as_of"], "1843-12-26");
    let w = warnings(&sum);
    let about = |file: &str| {
        w.iter()
            .filter(|w| w.starts_with(file))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        about("messages.csv"),
        [
            "messages.csv: 300 dates before 2003, LinkedIn's launch: rows kept; first at line 2 \"1843-01-01\""
        ],
        "{w:?}"
    );
    assert_eq!(
        about("Connections.csv"),
        [
            "Connections.csv: 2 dates before 2003, LinkedIn's launch: rows kept; first at line 2 \"1842-12-10\""
        ]
    );
    assert!(!w.iter().any(|w| w.contains("unparseable")), "{w:?}");
}

#[test]
fn dates_after_the_export_date_are_doubted() {
    let s = Scratch::new("future");
    let dir = s.0.join("Basic_LinkedInDataExport_01-15-2024");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("Connections.csv"),
        format!("{CONNECTIONS_HEADER}Ada,Byron,,,,,10 Dec 2023\nBo,Chen,,,,,02 Feb 2031\n"),
    )
    .unwrap();
    let sum = summary(dir.to_str().unwrap(), &[]);
    assert_eq!(sum["as_of"], "2024-01-15");
    assert!(
        warnings(&sum).contains(
            &"Connections.csv: 1 date after the export date 2024-01-15: rows kept; first at line 3 \"2031-02-02\"".to_string()
        ),
        "{sum}"
    );
}

#[test]
fn no_dated_record_and_no_as_of_asks_for_one() {
    let s = Scratch::new("undated");
    s.file("Profile.csv", PROFILE);
    s.file(
        "Connections.csv",
        &format!("{CONNECTIONS_HEADER}Ada,Byron,,,,,someday\n"),
    );
    let err = fails(&["summary", s.path()]);
    assert!(
        err.contains("the as-of date is unknown; give one with --as-of YYYY-MM-DD"),
        "{err}"
    );
    assert!(!err.contains("1970"), "{err}");
    let sum = summary(s.path(), &["--as-of", "2024-05-01"]);
    assert_eq!(sum["as_of"], "2024-05-01");
}

#[test]
fn an_as_of_earlier_than_the_data_warns() {
    let s = Scratch::new("early-as-of");
    victorian(&s, 4);
    let sum = summary(s.path(), &["--as-of", "1843-06-01"]);
    assert!(
        warnings(&sum).iter().any(|w| w
            .starts_with("as-of date: 1843-06-01 is earlier than the latest record (1843-12-26)")),
        "{sum}"
    );
    let later = summary(s.path(), &["--as-of", "1844-01-01"]);
    assert!(!warnings(&later).iter().any(|w| w.starts_with("as-of date")));
}

// 11. The as-of date counts every dated row.

#[test]
fn hidden_profile_rows_count_for_the_as_of_date() {
    let s = Scratch::new("hidden");
    let file = s.file(
        "Connections.csv",
        &format!("{CONNECTIONS_HEADER}Ada,Byron,,,,,10 Dec 2023\n,,,,,,03 Mar 2024\n"),
    );
    let sum = summary(file.to_str().unwrap(), &[]);
    assert_eq!(sum["hidden_connections"], 1);
    assert_eq!(sum["as_of"], "2024-03-03", "{sum}");
}

// 2. Warnings grouped by file and kind.

#[test]
fn twenty_thousand_bad_rows_are_one_line_of_summary() {
    let s = Scratch::new("flood");
    s.file("Profile.csv", PROFILE);
    let mut csv = MESSAGES_HEADER.to_string();
    csv += &message(
        "c1",
        "Ada Byron",
        "",
        "Avery Quinn",
        "",
        "2024-01-01 10:00:00 UTC",
    );
    for _ in 0..20_000 {
        csv += &message("c1", "Ada Byron", "", "Avery Quinn", "", "yesterday");
    }
    s.file("messages.csv", &csv);
    let sum = summary(s.path(), &[]);
    assert_eq!(
        warnings(&sum),
        [
            "messages.csv lines 3, 4, 5, 6, 7, …: row skipped: unparseable date (20,000 times) \"yesterday\""
        ]
    );
    let table = ok(&["summary", s.path()]);
    assert!(table.lines().count() < 50, "{table}");
    assert!(table.contains("(20,000 times)"), "{table}");
    // --strict counts every one of them.
    let err = fails(&["summary", s.path(), "--strict"]);
    assert!(err.contains("(and 19999 more warnings)"), "{err}");
}

// 3. Recipient URL lists separated by spaces.

#[test]
fn recipient_urls_separated_by_spaces_are_a_group() {
    let s = Scratch::new("spaces");
    s.file("Profile.csv", PROFILE);
    let ada = "https://www.linkedin.com/in/ada-byron";
    let bo = "https://www.linkedin.com/in/bo-chen";
    s.file(
        "Connections.csv",
        &format!(
            "{CONNECTIONS_HEADER}Ada,Byron,{ada},,,,10 Dec 2023\nBo,Chen,{bo},,,,11 Dec 2023\n"
        ),
    );
    let both = format!("\"{ada} {bo}\"");
    let mut csv = MESSAGES_HEADER.to_string();
    csv += &message(
        "g1",
        "Avery Quinn",
        AVERY,
        "\"Ada Byron, Bo Chen\"",
        &both,
        "2024-01-01 10:00:00 UTC",
    );
    csv += &message(
        "g1",
        "Ada Byron",
        ada,
        "\"Avery Quinn, Bo Chen\"",
        &format!("\"{AVERY}\t{bo}\""),
        "2024-01-02 10:00:00 UTC",
    );
    s.file("messages.csv", &csv);
    let sum = summary(s.path(), &[]);
    assert_eq!(sum["conversations"], 1, "{sum}");
    assert_eq!(sum["group_conversations"], 1, "{sum}");
    assert_eq!(
        sum["people"], 2,
        "no person invented from a URL list: {sum}"
    );
}

// 4. Rows that share a profile URL under different names.

#[test]
fn rows_sharing_a_url_under_different_names_stay_apart() {
    let s = Scratch::new("shared-url");
    let url = "https://www.linkedin.com/in/placeholder";
    let file = s.file(
        "Connections.csv",
        &format!(
            "{CONNECTIONS_HEADER}Ada,Byron,{url},,,,10 Dec 2023\nBo,Chen,{url},,,,11 Dec 2023\n\
             Ada,Byron,{url},,,,10 Dec 2023\n"
        ),
    );
    let sum = summary(file.to_str().unwrap(), &[]);
    assert_eq!(sum["connections"], 3);
    let redacted = summary(file.to_str().unwrap(), &["--redact"]);
    assert!(!redacted.to_string().contains("Byron"), "{redacted}");
    // The true duplicate (same name, same URL) is one person; Bo is another.
    assert_eq!(sum["people"], 2, "{sum}");
    assert_eq!(
        warnings(&sum),
        [
            "Connections.csv line 3: this row and line 2 share a profile URL under different names; kept apart as two people \"linkedin.com/in/placeholder: Ada Byron / Bo Chen\"",
            "Connections.csv line 4: this row repeats line 2 (same name and profile URL): counted as one person",
        ]
    );
}

// 10. Connections-only downloads.

#[test]
fn a_connections_only_download_has_no_owner_warning_and_passes_strict() {
    let s = Scratch::new("connections-only");
    let file = s.file(
        "only/Connections.csv",
        &format!("{CONNECTIONS_HEADER}Ada,Byron,,,,,10 Dec 2023\n"),
    );
    for path in [file.to_str().unwrap(), s.0.join("only").to_str().unwrap()] {
        let sum = summary(path, &["--strict"]);
        assert_eq!(sum["connections"], 1);
        assert!(warnings(&sum).is_empty(), "{sum}");
    }
}

// 5. Owner ties.

#[test]
fn a_tie_for_owner_is_named_not_decided() {
    let s = Scratch::new("owner-tie");
    let ada = "https://www.linkedin.com/in/ada-byron";
    let bo = "https://www.linkedin.com/in/bo-chen";
    let mut csv = MESSAGES_HEADER.to_string();
    csv += &message(
        "c1",
        "Ada Byron",
        ada,
        "Bo Chen",
        bo,
        "2024-01-01 10:00:00 UTC",
    );
    csv += &message(
        "c1",
        "Bo Chen",
        bo,
        "Ada Byron",
        ada,
        "2024-01-02 10:00:00 UTC",
    );
    let file = s.file("messages.csv", &csv);
    let sum = summary(file.to_str().unwrap(), &[]);
    assert_eq!(sum["owner"]["name"], serde_json::Value::Null, "{sum}");
    // Redaction drops the two named.
    let redacted = summary(file.to_str().unwrap(), &["--redact"]);
    assert!(!redacted.to_string().contains("ada-byron"), "{redacted}");
    assert_eq!(
        warnings(&sum),
        [
            "messages.csv: the owner is ambiguous: two are equally likely by the conversations they are in, and nothing else tells; add Profile.csv to the input to decide \"linkedin.com/in/ada-byron / linkedin.com/in/bo-chen\""
        ]
    );
}

// 14. A malformed short row.

#[test]
fn a_short_row_says_so_not_unparseable_date() {
    let s = Scratch::new("short");
    s.file("Profile.csv", PROFILE);
    let mut csv = MESSAGES_HEADER.to_string();
    csv += &message(
        "c1",
        "Ada Byron",
        "",
        "Avery Quinn",
        "",
        "2024-01-01 10:00:00 UTC",
    );
    csv += "c1\n";
    s.file("messages.csv", &csv);
    let sum = summary(s.path(), &[]);
    assert_eq!(sum["messages"], 1);
    assert_eq!(
        warnings(&sum),
        ["messages.csv line 3: row skipped: row has 1 field, expected 10"]
    );
}

// 13. A folder holding only an export zip.

#[test]
fn a_folder_holding_only_the_export_zip_reads_it() {
    use std::io::Write;
    let s = Scratch::new("zip-in-folder");
    let downloads = s.0.join("Downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let zip_path = downloads.join("Basic_LinkedInDataExport_01-15-2024.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    zip.start_file("Connections.csv", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(format!("{CONNECTIONS_HEADER}Ada,Byron,,,,,10 Dec 2023\n").as_bytes())
        .unwrap();
    zip.finish().unwrap();
    let sum = summary(downloads.to_str().unwrap(), &[]);
    assert_eq!(sum["connections"], 1);
    assert_eq!(sum["as_of"], "2024-01-15", "the zip's own name dates it");
    // Two zips: named, never guessed.
    std::fs::copy(&zip_path, downloads.join("other.zip")).unwrap();
    let err = fails(&["summary", downloads.to_str().unwrap()]);
    assert!(
        err.contains("Basic_LinkedInDataExport_01-15-2024.zip, other.zip"),
        "{err}"
    );
}

// 6. unanswered: a later 1:1 thread answers an older one.

#[test]
fn someone_you_wrote_to_later_in_another_thread_is_not_waiting() {
    let s = Scratch::new("unanswered");
    s.file("Profile.csv", PROFILE);
    let ada = "https://www.linkedin.com/in/ada-byron";
    let bo = "https://www.linkedin.com/in/bo-chen";
    let mut csv = MESSAGES_HEADER.to_string();
    // Ada wrote last in c1, but you wrote to her later in c2.
    csv += &message(
        "c1",
        "Ada Byron",
        ada,
        "Avery Quinn",
        AVERY,
        "2024-01-01 10:00:00 UTC",
    );
    csv += &message(
        "c2",
        "Avery Quinn",
        AVERY,
        "Ada Byron",
        ada,
        "2024-01-05 10:00:00 UTC",
    );
    // Bo wrote last and nothing answered him.
    csv += &message(
        "c3",
        "Bo Chen",
        bo,
        "Avery Quinn",
        AVERY,
        "2024-01-03 10:00:00 UTC",
    );
    csv += &message(
        "c4",
        "Avery Quinn",
        AVERY,
        "Carl Dunn",
        "https://www.linkedin.com/in/carl-dunn",
        "2024-01-06 10:00:00 UTC",
    );
    s.file("messages.csv", &csv);
    let rows = json(&["unanswered", s.path(), "--format", "json"]);
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bo Chen"], "{rows}");
}

// 7. person: tie directions from the data.

#[test]
fn person_tie_directions_come_from_the_data() {
    let s = Scratch::new("directions");
    s.file("Profile.csv", PROFILE);
    let ada = "https://www.linkedin.com/in/ada-byron";
    let bo = "https://www.linkedin.com/in/bo-chen";
    s.file(
        "Invitations.csv",
        &format!("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\nAda Byron,Avery Quinn,\"1/02/24, 9:02 AM\",,INCOMING,{ada},{AVERY}\n"),
    );
    let mut csv = MESSAGES_HEADER.to_string();
    // Ada only ever wrote to you: not "both".
    csv += &message(
        "c1",
        "Ada Byron",
        ada,
        "Avery Quinn",
        AVERY,
        "2024-01-03 10:00:00 UTC",
    );
    csv += &message(
        "g1",
        "Bo Chen",
        bo,
        "\"Avery Quinn, Ada Byron\"",
        &format!("\"{AVERY},{ada}\""),
        "2024-01-04 10:00:00 UTC",
    );
    s.file("messages.csv", &csv);
    let report = json(&["person", s.path(), "ada", "--format", "json"]);
    let ties: Vec<(String, String)> = report["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["kind"].as_str().unwrap().to_string(),
                t["direction"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let of = |kind: &str| {
        ties.iter()
            .filter(|t| t.0 == kind)
            .map(|t| t.1.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(of("direct_messages"), ["to_you"], "{report}");
    assert_eq!(of("invitation"), ["to_you"], "{report}");
    let groups = of("shared_groups");
    assert!(groups.contains(&"none"), "{report}");
    assert!(groups.contains(&"with Bo Chen"), "{report}");
}

// 8. --as-of time-travels fully.

#[test]
fn as_of_leaves_out_everything_after_it_and_says_how_much() {
    let s = Scratch::new("time-travel");
    victorian(&s, 300);
    let sum = summary(s.path(), &["--as-of", "1843-06-01"]);
    // Five months of 28 days, and June 1st.
    assert_eq!(sum["messages"], 141, "{sum}");
    assert_eq!(sum["connections"], 1, "{sum}");
    assert_eq!(sum["people"], 1, "{sum}");
    assert!(
        warnings(&sum).contains(
            &"as-of date: 1843-06-01 is earlier than the latest record (1843-12-26): left out as later: 1 connection, 159 messages".to_string()
        ),
        "{sum}"
    );
    let never = json(&[
        "never-contacted",
        s.path(),
        "--as-of",
        "1843-06-01",
        "--format",
        "json",
    ]);
    assert!(!never.to_string().contains("Babbage"), "{never}");
}

// 9. Empty states tell the truth.

#[test]
fn no_messages_means_nothing_to_judge_not_all_is_well() {
    let s = Scratch::new("no-messages");
    s.file("Profile.csv", PROFILE);
    s.file(
        "Connections.csv",
        &format!("{CONNECTIONS_HEADER}Ada,Byron,,,,,10 Dec 2023\n"),
    );
    for command in ["neglected", "strongest", "unanswered"] {
        let text = ok(&[command, s.path()]);
        assert!(
            text.contains("No messages in this export, so nothing to judge."),
            "{command}: {text}"
        );
        assert!(!text.contains("still in touch"), "{command}: {text}");
    }
    let page = ok(&["report", s.path(), "-o", "-"]);
    assert_eq!(
        page.matches("No messages in this export, so nothing to judge.")
            .count(),
        3,
        "{page}"
    );
    assert!(!page.contains("still in touch with"));
}
