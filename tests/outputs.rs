//! Files `rekindle` writes: never the input, never unasked, never half.
//! Unix only: the tests make symbolic links and set a file-size limit.
#![cfg(unix)]
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{SAMPLE_ZIP, samples};

/// Runs `rekindle` in `cwd`.
fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rekindle"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(cwd)
        .output()
        .unwrap()
}

/// A scratch folder holding a copy of the 2026 sample zip.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("export.zip");
    std::fs::copy(samples().join(SAMPLE_ZIP), &zip).unwrap();
    (dir, zip)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Exit 2, one line on stderr naming `what`, nothing on stdout.
fn refused(out: &Output, what: &str) -> String {
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(what), "{err}");
    assert!(out.stdout.is_empty());
    err
}

#[test]
fn an_output_over_the_input_is_refused_and_the_input_kept() {
    let (dir, zip) = scratch();
    let before = std::fs::read(&zip).unwrap();
    let link = dir.path().join("link.zip");
    std::os::unix::fs::symlink(&zip, &link).unwrap();
    let zip_s = zip.to_str().unwrap();
    for output in [zip_s, "export.zip", "./export.zip", "link.zip"] {
        for command in ["report", "graph", "remind"] {
            let out = run(dir.path(), &[command, zip_s, "-o", output]);
            refused(&out, "is the export being read");
        }
    }
    // The input named through the link, the output as the file itself.
    let out = run(dir.path(), &["graph", "link.zip", "-o", zip_s]);
    refused(&out, "is the export being read");
    assert_eq!(std::fs::read(&zip).unwrap(), before);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(names_in(dir.path()), ["export.zip", "link.zip"]);
}

#[test]
fn nothing_is_written_inside_an_export_folder() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export");
    std::fs::create_dir(&export).unwrap();
    let sample = samples().join("2026/Complete_LinkedInDataExport_10-05-2026");
    let connections = std::fs::read(sample.join("Connections.csv")).unwrap();
    std::fs::write(export.join("Connections.csv"), &connections).unwrap();
    for output in ["export/Connections.csv", "export/graph.graphml"] {
        let out = run(dir.path(), &["graph", "export", "-o", output]);
        refused(&out, "inside the export folder");
    }
    // A single CSV as the input: the file itself is refused, its folder is fine.
    let out = run(
        dir.path(),
        &[
            "remind",
            "export/Connections.csv",
            "-o",
            "export/Connections.csv",
        ],
    );
    refused(&out, "is the export being read");
    assert_eq!(
        std::fs::read(export.join("Connections.csv")).unwrap(),
        connections
    );
    assert_eq!(names_in(&export), ["Connections.csv"]);
}

#[test]
fn report_writes_only_where_told_and_dash_is_stdout_everywhere() {
    let (dir, zip) = scratch();
    let zip = zip.to_str().unwrap();
    // No -o: a usage error, and no rekindle-report.html appears.
    let out = run(dir.path(), &["report", zip]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
    assert_eq!(names_in(dir.path()), ["export.zip"]);

    for (command, starts) in [
        (vec!["report", zip, "-o", "-"], "<!doctype html>"),
        (vec!["graph", zip, "-o", "-"], "<?xml"),
        (vec!["graph", zip, "--format", "dot", "-o", "-"], "digraph"),
        (vec!["remind", zip, "-o", "-"], "BEGIN:VCALENDAR"),
    ] {
        let out = run(dir.path(), &command);
        assert!(out.status.success(), "{command:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with(starts), "{command:?}: {}", &text[..40]);
    }
    assert_eq!(
        names_in(dir.path()),
        ["export.zip"],
        "a file named - appeared"
    );

    let out = run(dir.path(), &["report", zip, "-o", "page.html"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Wrote page.html: open it in any browser (it works offline).\n"
    );
    assert_eq!(names_in(dir.path()), ["export.zip", "page.html"]);
}

/// Runs `rekindle ARGS` with writes beyond `blocks` 512-byte blocks failing
/// (RLIMIT_FSIZE, SIGXFSZ ignored so a write returns EFBIG instead of
/// killing the process).
fn run_with_file_limit(cwd: &Path, blocks: u32, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_rekindle"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

#[test]
fn a_failing_write_leaves_the_old_file_whole_and_no_stray_file() {
    let (dir, zip) = scratch();
    let zip = zip.to_str().unwrap();
    let old = b"<html>the report of last week</html>\n";
    for (command, file) in [("report", "page.html"), ("graph", "graph.graphml")] {
        let path = dir.path().join(file);
        std::fs::write(&path, old).unwrap();
        // The sample's report and graph are far larger than 4 KiB.
        let out = run_with_file_limit(dir.path(), 8, &[command, zip, "-o", file]);
        let err = refused(&out, &format!("{file}: cannot write"));
        assert!(err.contains("too large"), "the cause is named: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), old, "{command} broke {file}");
        let mut want = vec!["export.zip".to_string(), file.to_string()];
        if command == "graph" {
            want.push("page.html".to_string());
        }
        want.sort();
        assert_eq!(names_in(dir.path()), want, "a temporary file was left");
    }
}
