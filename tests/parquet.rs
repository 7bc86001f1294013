//! `--format parquet` through the binary: the files read back with polars
//! equal the library's frames (the ones Python gets); Parquet never goes to
//! a terminal and never into the export.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use std::path::{Path, PathBuf};

use common::{SAMPLE_ZIP, rekindle, samples, stdout};
use polars_io::SerReader;
use polars_io::parquet::read::ParquetReader;
use rekindle::polars::prelude::DataFrame;
use rekindle::{Analysis, Options, frames};

/// A fresh empty folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rekindle-parquet-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read(path: &Path) -> DataFrame {
    ParquetReader::new(std::fs::File::open(path).unwrap())
        .finish()
        .unwrap()
}

fn analysis() -> Analysis {
    Analysis::open(samples().join(SAMPLE_ZIP), &Options::default()).unwrap()
}

fn failure(args: &[&str]) -> String {
    let out = rekindle(args);
    assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn metrics_parquet_reads_back_equal_to_the_frame() {
    let dir = scratch("metrics");
    let file = dir.join("metrics.parquet");
    let said = stdout(&[
        "metrics",
        SAMPLE_ZIP,
        "--format",
        "parquet",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(said.starts_with("Wrote "), "{said}");
    let expected = frames::metrics(&analysis().metrics().rows).unwrap();
    let got = read(&file);
    assert_eq!(got.schema(), expected.schema());
    assert!(got.equals_missing(&expected), "{got}\n{expected}");
    assert!(got.height() > 10);
    // Nothing but the file is left behind (no temporary file).
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn metrics_parquet_keeps_the_limit() {
    let dir = scratch("limit");
    let file = dir.join("top.parquet");
    let f = file.to_str().unwrap();
    stdout(&[
        "metrics", SAMPLE_ZIP, "--format", "parquet", "--limit", "3", "-o", f,
    ]);
    assert_eq!(read(&file).height(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn graph_parquet_writes_nodes_and_edges_equal_to_the_frames() {
    let dir = scratch("graph");
    let out = dir.join("graph"); // made by rekindle
    stdout(&[
        "graph",
        SAMPLE_ZIP,
        "--format",
        "parquet",
        "-o",
        out.to_str().unwrap(),
    ]);
    let (nodes, edges) = frames::graph(analysis().network()).unwrap();
    let (got_nodes, got_edges) = (
        read(&out.join("nodes.parquet")),
        read(&out.join("edges.parquet")),
    );
    assert_eq!(got_nodes.schema(), nodes.schema());
    assert!(got_nodes.equals_missing(&nodes));
    assert_eq!(got_edges.schema(), edges.schema());
    assert!(got_edges.equals_missing(&edges));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parquet_without_output_is_an_error_not_bytes() {
    let err = failure(&["metrics", SAMPLE_ZIP, "--format", "parquet"]);
    assert!(
        err.starts_with("rekindle: --format parquet writes binary data: name the file with -o"),
        "{err}"
    );
    let err = failure(&["graph", SAMPLE_ZIP, "--format", "parquet"]);
    assert!(err.contains("name the folder with -o"), "{err}");
}

#[test]
fn output_is_only_for_parquet() {
    let err = failure(&["metrics", SAMPLE_ZIP, "--format", "json", "-o", "x.json"]);
    assert!(err.contains("-o is for --format parquet"), "{err}");
    assert!(!samples().join("x.json").exists());
}

#[test]
fn parquet_is_never_written_into_the_export() {
    // A folder export: refuse a file inside it, and the folder itself.
    let before: Vec<_> = std::fs::read_dir(samples().join("2026"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let err = failure(&[
        "metrics",
        "2026",
        "--format",
        "parquet",
        "-o",
        "2026/m.parquet",
    ]);
    assert!(
        err.contains("inside the export folder being read")
            || err.contains("is the export being read"),
        "{err}"
    );
    let err = failure(&["graph", "2026", "--format", "parquet", "-o", "2026"]);
    assert!(
        err.contains("inside the export folder being read")
            || err.contains("is the export being read"),
        "{err}"
    );
    // A zip export: refuse writing over it.
    let dir = scratch("over");
    let zip = dir.join("export.zip");
    std::fs::copy(samples().join(SAMPLE_ZIP), &zip).unwrap();
    let z = zip.to_str().unwrap();
    let err = failure(&["metrics", z, "--format", "parquet", "-o", z]);
    assert!(err.contains("is the export being read"), "{err}");
    assert_eq!(
        std::fs::read(&zip).unwrap(),
        std::fs::read(samples().join(SAMPLE_ZIP)).unwrap()
    );
    let after: Vec<_> = std::fs::read_dir(samples().join("2026"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(before, after);
    std::fs::remove_dir_all(&dir).unwrap();
}
