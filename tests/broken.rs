//! Hostile and broken inputs through the real binary: each ends with exit 0
//! and counted warnings, or exit 2 and one line naming the file; never a
//! panic, never a write to the input or the working folder.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder for one case, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("rekindle-broken-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("cwd")).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn zip(&self, name: &str, entries: &[(&str, &[u8])]) -> PathBuf {
        let path = self.0.join(name);
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (entry, bytes) in entries {
            zip.start_file(*entry, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        path
    }

    /// Runs `rekindle summary --format json PATH ARGS…` from an empty working
    /// folder and checks that nothing was written there or to the input.
    fn summary(&self, path: &Path, args: &[&str]) -> Output {
        let before = snapshot(path);
        let out = Command::new(env!("CARGO_BIN_EXE_rekindle"))
            .arg("summary")
            .arg(path)
            .args(["--format", "json"])
            .args(args)
            .current_dir(self.0.join("cwd"))
            .output()
            .unwrap();
        assert_eq!(
            std::fs::read_dir(self.0.join("cwd")).unwrap().count(),
            0,
            "wrote into the working folder"
        );
        assert_eq!(snapshot(path), before, "the input changed");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        out
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Sizes and modification times of a path and what lies directly in it.
fn snapshot(path: &Path) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut items = vec![path.to_path_buf()];
    if path.is_dir() {
        items.extend(std::fs::read_dir(path).unwrap().map(|e| e.unwrap().path()));
    }
    items.sort();
    items
        .into_iter()
        .map(|p| {
            let meta = std::fs::symlink_metadata(&p).ok();
            let len = meta.as_ref().map_or(0, |m| m.len());
            (p, len, meta.and_then(|m| m.modified().ok()))
        })
        .collect()
}

/// Exit 2 with exactly one line on stderr, which contains `expected`.
fn fails_with(out: &Output, expected: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(expected),
        "{err:?} should contain {expected:?}"
    );
    assert!(out.stdout.is_empty());
}

/// Exit 0; returns the summary.
fn succeeds(out: &Output) -> serde_json::Value {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {err}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn warnings(summary: &serde_json::Value) -> Vec<String> {
    summary["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

const MESSAGES_HEADER: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n";

fn message(id: &str, from: &str, date: &str, content: &str) -> String {
    format!(
        "{id},,{from},https://www.linkedin.com/in/{},Avery Quinn,https://www.linkedin.com/in/avery,{date},,\"{content}\",INBOX\n",
        from.to_lowercase().replace(' ', "-")
    )
}

#[test]
fn paths_that_are_not_exports() {
    let s = Scratch::new("paths");
    fails_with(
        &s.summary(&s.0.join("missing.zip"), &[]),
        "missing.zip: no such file or folder",
    );
    fails_with(
        &s.summary(&s.file("export.zip", b"just some text"), &[]),
        "export.zip: not a readable zip archive",
    );
    fails_with(
        &s.summary(&s.file("notes.txt", b"hello"), &[]),
        "notes.txt: not a LinkedIn export",
    );
    fails_with(
        &s.summary(&s.file("empty.csv", b""), &[]),
        "empty.csv: not a LinkedIn export",
    );
    let empty_dir = s.0.join("empty-folder");
    std::fs::create_dir_all(&empty_dir).unwrap();
    fails_with(
        &s.summary(&empty_dir, &[]),
        "no LinkedIn export files found",
    );
    let zip = s.zip(
        "nothing.zip",
        &[("readme.txt", b"hi"), ("Jobs/Saved Jobs.csv", b"a,b\n")],
    );
    fails_with(
        &s.summary(&zip, &[]),
        "nothing.zip: no LinkedIn export files found",
    );
}

#[test]
fn a_symlink_loop_in_a_folder_ends() {
    let s = Scratch::new("symlink");
    let dir = s.0.join("export");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    fails_with(&s.summary(&dir, &[]), "no LinkedIn export files found");
    s.file(
        "export/messages.csv",
        format!(
            "{MESSAGES_HEADER}{}",
            message("c1", "Dana Whitfield", "2024-01-01 10:00:00 UTC", "hi")
        )
        .as_bytes(),
    );
    assert_eq!(succeeds(&s.summary(&dir, &[]))["messages"], 1);
}

#[test]
fn damaged_and_crafted_zips() {
    let s = Scratch::new("zips");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip");
    let bytes = std::fs::read(sample).unwrap();
    let truncated = s.file(
        "Complete_LinkedInDataExport_10-05-2026.zip",
        &bytes[..bytes.len() / 2],
    );
    fails_with(&s.summary(&truncated, &[]), "not a readable zip archive");

    let nested = s.zip(
        "outer.zip",
        &[("Complete_LinkedInDataExport_10-05-2026.zip", &bytes)],
    );
    fails_with(
        &s.summary(&nested, &[]),
        "outer.zip: holds another zip (Complete_LinkedInDataExport_10-05-2026.zip)",
    );

    // Entry names that would escape a folder if extracted: read in place, harmless.
    let body = format!(
        "{MESSAGES_HEADER}{}",
        message("c1", "Dana Whitfield", "2024-01-01 10:00:00 UTC", "hi")
    );
    for name in ["../../messages.csv", "/etc/messages.csv"] {
        let traversal = s.zip("traversal.zip", &[(name, body.as_bytes())]);
        let summary = succeeds(&s.summary(&traversal, &[]));
        assert_eq!(summary["messages"], 1, "{name}");
        assert!(!s.0.parent().unwrap().join("messages.csv").exists());
    }
    // Two exports side by side in one zip: rekindle will not guess.
    let two = s.zip(
        "two.zip",
        &[
            ("a/messages.csv", body.as_bytes()),
            ("b/messages.csv", body.as_bytes()),
        ],
    );
    fails_with(
        &s.summary(&two, &[]),
        "two.zip: holds 2 LinkedIn exports (a, b)",
    );
}

#[test]
fn a_zip_bomb_stops_at_the_limits() {
    let s = Scratch::new("bomb");
    // 80 MiB of one message body: deflates to under 100 KiB.
    let mut body = MESSAGES_HEADER.as_bytes().to_vec();
    body.extend_from_slice(b"c1,,Dana,,Avery,,2024-01-01 10:00:00 UTC,,\"");
    body.resize(body.len() + (80 << 20), b'a');
    body.extend_from_slice(b"\",INBOX\n");
    let zip = s.zip("bomb.zip", &[("messages.csv", &body)]);
    drop(body);
    fails_with(
        &s.summary(&zip, &[]),
        "messages.csv: line 2: cannot read: a record longer than 64 MiB, the limit",
    );
    fails_with(
        &s.summary(&zip, &["--max-file-size", "16MiB"]),
        "messages.csv inflates to more than 16 MiB, the limit for one file",
    );
    fails_with(
        &s.summary(&zip, &["--max-total-size", "1MiB"]),
        "the export inflates to more than 1 MiB, the limit for all files",
    );
    // With room for it, the one huge message is simply counted.
    assert_eq!(
        succeeds(&s.summary(&zip, &["--max-record-size", "512MiB"]))["messages"],
        1
    );
}

#[test]
fn encodings_excel_and_other_tools_write() {
    let s = Scratch::new("encodings");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "First Name,Last Name,Connected On\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    fails_with(
        &s.summary(&s.file("a/Connections.csv", &utf16), &[]),
        "Connections.csv: is UTF-16 text",
    );
    let tabs = "First Name\tLast Name\tURL\tEmail Address\tCompany\tPosition\tConnected On\nA\tB\t\t\t\t\t08 Feb 2023\n";
    fails_with(
        &s.summary(&s.file("b/Connections.csv", tabs.as_bytes()), &[]),
        "Connections.csv: is tab-separated",
    );
    // Latin-1 names: the row is kept or skipped, but the file goes on.
    let mut latin1 = MESSAGES_HEADER.as_bytes().to_vec();
    latin1.extend_from_slice(b"c1,,Jos\xe9 Ruiz,https://www.linkedin.com/in/jose,Avery Quinn,,2024-01-01 10:00:00 UTC,,hi,INBOX\n");
    latin1.extend_from_slice(
        message(
            "c2",
            "Dana Whitfield",
            "2024-01-02 10:00:00 UTC",
            "hi\0there",
        )
        .as_bytes(),
    );
    // Found by cargo fuzz: a flipped byte inside a sender URL used to panic.
    latin1.extend_from_slice(b"c3,,Avery Quinn,https://www.li\x91nkedin.com/in/avery,Priya Raman,,2024-01-03 10:00:00 UTC,,hi,INBOX\n");
    let summary = succeeds(&s.summary(&s.file("c/messages.csv", &latin1), &[]));
    assert_eq!(summary["messages"], 3);
    assert_eq!(
        warnings(&summary),
        [
            // Grouped by file and kind (issue 11): lines, count, first value.
            "messages.csv lines 2, 4: invalid UTF-8 in a name or id replaced by \u{fffd} (2 times) \"Jos\u{fffd} Ruiz\"",
            // Three conversations, two people in two each: a tie (issue 11).
            "messages.csv: the owner is ambiguous: two are equally likely by the conversations they are in, and nothing else tells; add Profile.csv to the input to decide \"Avery Quinn / Priya Raman\"",
        ]
    );
}

#[test]
fn broken_rows_are_counted_and_good_rows_kept() {
    let s = Scratch::new("rows");
    let mut csv = MESSAGES_HEADER.to_string();
    csv += &message("c1", "Dana Whitfield", "2024-01-01 10:00:00 UTC", "fine");
    csv += &message("c1", "Dana Whitfield", "31 Foo 2020", "bad date");
    csv += &message(
        "c1",
        "Dana Whitfield",
        "2020-02-99 10:00:00 UTC",
        "impossible day",
    );
    csv += &message(
        "c1",
        "Dana Whitfield",
        "0001-01-01 00:00:00 UTC",
        "year one",
    );
    csv += &message(
        "c1",
        "Dana Whitfield",
        "9999-12-31 00:00:00 UTC",
        "year 9999",
    );
    csv += "c1,,Dana Whitfield\n"; // ragged: no date at all
    csv += &format!("c1{}\n", ",x".repeat(100_000)); // 100,001 columns
    csv += &message(
        "c1",
        "Dana Whitfield",
        "2024-01-03 10:00:00 UTC",
        &"long text ".repeat(2_000_000),
    ); // 20 MB body
    csv += &message(
        "c1",
        "Dana Whitfield",
        "2024-01-04 10:00:00 UTC",
        "fine again",
    );
    let summary = succeeds(&s.summary(&s.file("messages.csv", csv.as_bytes()), &[]));
    assert_eq!(
        summary["messages"], 4,
        "the good rows, the 20 MB one and the year-9999 one included (issue 11: any well-formed date is read)"
    );
    assert_eq!(
        warnings(&summary),
        [
            // Grouped by file and kind (issue 11): lines, count, first value.
            "messages.csv lines 3, 4, 5: row skipped: unparseable date (3 times) \"31 Foo 2020\"",
            // A short row is malformed, not a bad date (issue 11).
            "messages.csv line 7: row skipped: row has 3 fields, expected 10",
            "messages.csv line 8: row skipped: 100001 columns, more than the limit of 1000",
            // One conversation alone cannot tell its owner (issue 11).
            "messages.csv: the owner is ambiguous: two are equally likely by the conversations they are in, and nothing else tells; add Profile.csv to the input to decide \"linkedin.com/in/avery / linkedin.com/in/dana-whitfield\"",
        ]
    );
    let strict = s.summary(&s.0.join("messages.csv"), &["--strict"]);
    fails_with(
        &strict,
        "messages.csv line 3: row skipped: unparseable date \"31 Foo 2020\" (and 5 more warnings); --strict makes warnings errors",
    );
}

#[test]
fn empty_header_only_and_foreign_files() {
    let s = Scratch::new("empty");
    // No dated record: the as-of date must be given (issue 11), never 1970.
    let undated = s.summary(&s.file("a/messages.csv", b""), &[]);
    fails_with(&undated, "the as-of date is unknown");
    let as_of = ["--as-of", "2024-06-01"];
    let summary = succeeds(&s.summary(&s.0.join("a/messages.csv"), &as_of));
    assert_eq!(summary["messages"], 0);
    assert!(
        warnings(&summary)
            .iter()
            .all(|w| !w.contains("messages.csv"))
    );
    let summary = succeeds(&s.summary(
        &s.file("b/messages.csv", MESSAGES_HEADER.as_bytes()),
        &as_of,
    ));
    assert_eq!(summary["messages"], 0);
    let summary = succeeds(&s.summary(
        &s.file("c/Connections.csv", b"name,email\nA,a@example.com\n"),
        &as_of,
    ));
    assert_eq!(summary["connections"], 0);
    assert_eq!(
        warnings(&summary)[0],
        "Connections.csv: file skipped: no header row with First Name and Connected On \"name,email\""
    );
    let mut noise = vec![0u8; 4096];
    let mut x: u32 = 12345;
    for b in &mut noise {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    let out = s.summary(&s.file("d/messages.csv", &noise), &as_of);
    assert!(matches!(out.status.code(), Some(0) | Some(2)), "{out:?}");
    let unterminated = format!(
        "{MESSAGES_HEADER}c1,,Dana,,Avery,,2024-01-01 10:00:00 UTC,,\"never closed,INBOX\n"
    );
    let out = s.summary(&s.file("e/messages.csv", unterminated.as_bytes()), &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
