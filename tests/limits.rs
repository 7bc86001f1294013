//! Inputs that once hung, chose a file silently, took quadratic work or hid
//! their cause, through the real binary: pipes and FIFOs, second copies of a
//! file, huge groups, truncated CSVs and unreadable files. Every input is
//! invented and built here.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A fresh folder for one case, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("rekindle-limits-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
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
        let options = zip::write::SimpleFileOptions::default();
        for (entry, bytes) in entries {
            zip.start_file(*entry, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn rekindle() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rekindle"));
    command.env("COLUMNS", "80").env("NO_COLOR", "1");
    command
}

/// Waits for the child, killing it (and failing) if it takes longer than a
/// minute: a hang must fail the test, not stall it. Its output is drained
/// meanwhile, so a full pipe never blocks it.
fn finish(mut child: Child, what: &str) -> Output {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: rekindle still running after 60 s; killed");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn run_summary(path: &Path, args: &[&str]) -> Output {
    let child = rekindle()
        .arg("summary")
        .arg(path)
        .args(["--format", "json"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish(child, &path.display().to_string())
}

/// Exit 0; returns the summary.
fn succeeds(out: &Output) -> serde_json::Value {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {err}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Exit 2 with one line on stderr containing `expected`.
fn fails_with(out: &Output, expected: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(expected),
        "{err:?} should contain {expected:?}"
    );
}

fn warnings(summary: &serde_json::Value) -> Vec<String> {
    summary["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

const HEADER: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n";

/// The warning of a messages.csv alone of one conversation: Dana and Avery
/// are equally present, so its owner is never guessed (issue 11).
const TIE: &str = "messages.csv: the owner is ambiguous: two are equally likely by the conversations they are in, and nothing else tells; add Profile.csv to the input to decide \"linkedin.com/in/avery / linkedin.com/in/dana-w\"";

/// `n` messages of one conversation from Dana to Avery.
fn messages(id: &str, n: usize) -> String {
    let mut out = HEADER.to_string();
    for i in 0..n {
        out += &format!(
            "{id},,Dana Whitfield,https://www.linkedin.com/in/dana-w,Avery Quinn,https://www.linkedin.com/in/avery,2024-01-{:02} 10:00:00 UTC,,hi,INBOX\n",
            1 + i % 28
        );
    }
    out
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Writes `bytes` into a FIFO from another thread; errors (the reader went
/// away) are the reader's business.
#[cfg(unix)]
fn feed(path: &Path, bytes: Vec<u8>) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        if let Ok(mut fifo) = std::fs::OpenOptions::new().write(true).open(&path) {
            let _ = fifo.write_all(&bytes);
        }
    })
}

#[cfg(unix)]
#[test]
fn a_fifo_is_read_once_as_a_csv_stream() {
    let s = Scratch::new("fifo");
    let fifo = s.0.join("messages.csv");
    mkfifo(&fifo);
    let writer = feed(&fifo, messages("c1", 3).into_bytes());
    let summary = succeeds(&run_summary(&fifo, &[]));
    writer.join().unwrap();
    assert_eq!(summary["messages"], 3);

    // A FIFO with an unknown name: its kind is told from its header.
    let other = s.0.join("export-pipe");
    mkfifo(&other);
    let writer = feed(&other, messages("c1", 2).into_bytes());
    let summary = succeeds(&run_summary(&other, &[]));
    writer.join().unwrap();
    assert_eq!(summary["messages"], 2);

    // A zip cannot be read in place from a pipe: refused, never a hang.
    let zipped = s.zip("x.zip", &[("messages.csv", messages("c1", 2).as_bytes())]);
    let fifo_zip = s.0.join("export.zip");
    mkfifo(&fifo_zip);
    let writer = feed(&fifo_zip, std::fs::read(zipped).unwrap());
    fails_with(
        &run_summary(&fifo_zip, &[]),
        "export.zip: not a regular file",
    );
    writer.join().unwrap();
}

#[cfg(unix)]
#[test]
fn standard_input_is_a_pipe_read_once() {
    let mut child = rekindle()
        .args(["summary", "/dev/stdin", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(messages("c1", 4).as_bytes()).unwrap();
    drop(stdin);
    let summary = succeeds(&finish(child, "/dev/stdin"));
    assert_eq!(summary["messages"], 4);
}

#[test]
fn a_second_file_of_one_kind_is_named_not_silently_dropped() {
    let s = Scratch::new("dupes");
    // Same name but for case, in one folder: the first in name order is read.
    let folder = s.0.join("case");
    s.file("case/MESSAGES.CSV", messages("c1", 5).as_bytes());
    s.file("case/messages.csv", messages("c2", 7).as_bytes());
    let summary = succeeds(&run_summary(&folder, &[]));
    assert_eq!(summary["messages"], 5);
    assert_eq!(
        warnings(&summary),
        [
            "messages.csv: file left out: MESSAGES.CSV was read as the export's messages.csv",
            // One conversation alone cannot tell its owner (issue 11).
            TIE
        ]
    );

    // A browser's second download: the original is read, the copy named.
    let folder = s.0.join("copy");
    s.file("copy/messages (1).csv", messages("c1", 5).as_bytes());
    s.file("copy/messages.csv", messages("c2", 7).as_bytes());
    let summary = succeeds(&run_summary(&folder, &[]));
    assert_eq!(summary["messages"], 7);
    assert_eq!(
        warnings(&summary),
        [
            "messages (1).csv: file left out: messages.csv was read as the export's messages.csv",
            // One conversation alone cannot tell its owner (issue 11).
            TIE
        ]
    );
    // The copy alone is the export's file, and read.
    std::fs::remove_file(folder.join("messages.csv")).unwrap();
    let summary = succeeds(&run_summary(&folder, &[]));
    assert_eq!(summary["messages"], 5);
    assert_eq!(warnings(&summary), [TIE]);

    // The same in a zip: two spellings of one file.
    let zip = s.zip(
        "two.zip",
        &[
            ("Messages.csv", messages("c1", 2).as_bytes()),
            ("messages.csv", messages("c2", 3).as_bytes()),
        ],
    );
    let summary = succeeds(&run_summary(&zip, &[]));
    assert_eq!(summary["messages"], 2);
    assert_eq!(
        warnings(&summary),
        [
            "messages.csv: file left out: Messages.csv was read as the export's messages.csv",
            TIE
        ]
    );
}

#[test]
fn a_zip_with_two_entries_of_one_name_says_so() {
    let s = Scratch::new("samename");
    let zip = s.zip(
        "same.zip",
        &[
            ("messages.csv", messages("c1", 2).as_bytes()),
            ("messages.csX", messages("c2", 3).as_bytes()),
        ],
    );
    // Rename the second entry to the first one's name, in its local header
    // and in the central directory (names are outside the checksums).
    let mut bytes = std::fs::read(&zip).unwrap();
    let mut renamed = 0;
    for i in 0..bytes.len() - 12 {
        if &bytes[i..i + 12] == b"messages.csX" {
            bytes[i + 11] = b'v';
            renamed += 1;
        }
    }
    assert_eq!(renamed, 2);
    std::fs::write(&zip, bytes).unwrap();
    let summary = succeeds(&run_summary(&zip, &[]));
    let warnings = warnings(&summary);
    assert_eq!(
        warnings,
        [
            "same.zip: entries with the same name as another were left out: a zip can give only one entry of each name",
            // One conversation alone cannot tell its owner (issue 11).
            TIE
        ]
    );
}

/// One group message from Avery to `n` invented people, each with a URL.
fn group(n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("Person{i} Invented")).collect();
    let urls: Vec<String> = (0..n)
        .map(|i| format!("https://www.linkedin.com/in/person-{i}"))
        .collect();
    // A second conversation makes Avery the one present in most: the owner
    // of a messages.csv alone is never picked from a tie (issue 11).
    format!(
        "{HEADER}big,Crowd,Avery Quinn,https://www.linkedin.com/in/avery,\"{}\",\"{}\",2024-01-02 10:00:00 UTC,,hello all,INBOX\n\
         solo,,Avery Quinn,https://www.linkedin.com/in/avery,Sam Other,https://www.linkedin.com/in/sam-other,2024-01-03 10:00:00 UTC,,hi,INBOX\n",
        names.join(", "),
        urls.join(",")
    )
}

fn shared_group_edges(path: &Path, args: &[&str]) -> (usize, String) {
    let child = rekindle()
        .arg("graph")
        .arg(path)
        .args(["--format", "json"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, "graph");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let graph: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let edges = graph["edges"].as_array().unwrap();
    let shared = edges
        .iter()
        .filter(|e| e["kind"] == "shared_groups")
        .count();
    (shared, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_huge_group_keeps_the_owners_ties_and_says_so() {
    let s = Scratch::new("group");
    let file = s.file("messages.csv", group(150).as_bytes());
    // Above the default limit of 100: one tie per member, with the owner.
    let summary = succeeds(&run_summary(&file, &[]));
    assert_eq!(
        warnings(&summary),
        [
            "messages.csv: group conversation of 151 participants, more than the limit of 100: only your tie with each of them is counted, not theirs with each other \"Crowd\""
        ]
    );
    let (shared, _) = shared_group_edges(&file, &[]);
    assert_eq!(shared, 150);
    // A higher limit counts every pair of the 151 (you included).
    let (shared, _) = shared_group_edges(&file, &["--max-group-size", "151"]);
    assert_eq!(shared, 151 * 150 / 2);
    let summary = succeeds(&run_summary(&file, &["--max-group-size", "151"]));
    assert!(warnings(&summary).is_empty());
}

#[test]
fn a_truncated_csv_is_read_up_to_the_cut_and_says_so() {
    let s = Scratch::new("truncated");
    let mut body = messages("c1", 3);
    body += "c1,,Dana Whitfield,https://www.linkedin.com/in/dana-w,Avery Quinn,https://www.linkedin.com/in/avery,2024-02-01 10:00:00 UTC,,\"a message cut\nin the middle";
    let file = s.file("messages.csv", body.as_bytes());
    let summary = succeeds(&run_summary(&file, &[]));
    assert_eq!(summary["messages"], 4);
    assert_eq!(
        warnings(&summary),
        [
            "messages.csv line 5: file ends inside a quoted field: it may be truncated (read up to there)",
            // One conversation alone cannot tell its owner (issue 11).
            TIE
        ]
    );
    // Quotes that close, doubled quotes and a quote inside a bare field: no warning.
    let mut fine = messages("c1", 1);
    fine += "c1,,Dana Whitfield,https://www.linkedin.com/in/dana-w,Avery Quinn,https://www.linkedin.com/in/avery,2024-02-01 10:00:00 UTC,,\"say \"\"hi\"\"\nthere\",INBOX\n";
    fine += "c1,,Dana Whitfield,https://www.linkedin.com/in/dana-w,Avery Quinn,https://www.linkedin.com/in/avery,2024-02-02 10:00:00 UTC,,5\" screen,INBOX\n";
    let file = s.file("messages.csv", fine.as_bytes());
    let summary = succeeds(&run_summary(&file, &[]));
    assert_eq!(summary["messages"], 3);
    // Only the owner tie of one conversation alone (issue 11), nothing about quotes.
    assert_eq!(warnings(&summary), [TIE]);
}

/// Root reads through `chmod 000`, and tests run as root: a real read error
/// comes from `/proc/self/mem`, which opens but fails to read at offset 0.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_names_the_cause() {
    let out = run_summary(Path::new("/proc/self/mem"), &[]);
    fails_with(
        &out,
        "rekindle: /proc/self/mem: cannot read: Input/output error (os error 5)",
    );
    let mut err = String::new();
    out.stderr.as_slice().read_to_string(&mut err).unwrap();
    assert_eq!(err.matches("Input/output error").count(), 1, "{err}");
}
