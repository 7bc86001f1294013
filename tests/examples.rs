//! Runs the embedding examples (built by `cargo test`) on the 2026 sample.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> String {
    // target/debug/deps/examples-… → target/debug/examples/<name>
    let exe = std::env::current_exe().expect("test binary path");
    let dir: PathBuf = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir")
        .join("examples");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data-samples/2026");
    let out = Command::new(dir.join(name))
        .arg(sample)
        .output()
        .unwrap_or_else(|e| panic!("run example {name}: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn neglected_example_prints_the_ranked_list_with_reasons() {
    let out = example("neglected");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "as of 2026-10-05:");
    assert!(
        lines[1].contains("Maya Okonkwo-Reyes: 52 messages over 3 years"),
        "{out}"
    );
    assert!(lines[2].contains("Jonas Lindqvist: 12 messages"), "{out}");
    assert_eq!(lines.len(), 3, "{out}");
}

#[test]
fn graph_example_walks_ties_between_other_people() {
    let out = example("graph");
    assert!(out.starts_with("19 people, 40 ties;"), "{out}");
    assert!(
        out.contains("Maya Okonkwo-Reyes and Noah Kim share 1 group conversation(s)"),
        "{out}"
    );
    assert!(
        out.contains("Tomás Álvarez and Priya Raman share 1 group conversation(s)"),
        "{out}"
    );
}
