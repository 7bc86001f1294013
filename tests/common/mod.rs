//! What the tests of the `rekindle` binary share: running it over the
//! samples and reading what it printed.
#![allow(dead_code)] // each test file uses its own part
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The 2026 sample as downloaded, relative to [`samples`].
pub const SAMPLE_ZIP: &str = "zips/Complete_LinkedInDataExport_10-05-2026.zip";

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `data-samples/`, where the binary runs.
pub fn samples() -> PathBuf {
    root().join("data-samples")
}

/// Runs `rekindle` in `data-samples/` with an 80-column, colourless terminal.
pub fn rekindle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rekindle"))
        .args(args)
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        // Never the user's own ledger: no REKINDLE_LEDGER, a data folder that is not there.
        .env_remove("REKINDLE_LEDGER")
        .env("XDG_DATA_HOME", root().join("target/no-such-data-home"))
        .current_dir(samples())
        .output()
        .expect("run rekindle")
}

/// What `rekindle` printed; it must succeed and say nothing on stderr.
pub fn stdout(args: &[&str]) -> String {
    let out = rekindle(args);
    assert!(
        out.status.success(),
        "rekindle {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// What `rekindle` printed, read as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).expect("valid JSON")
}

/// The `name` of every row of a JSON list, in order.
pub fn names(rows: &serde_json::Value) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

/// Compares with `tests/golden/<name>`; `REKINDLE_BLESS=1` rewrites the file.
pub fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("REKINDLE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with REKINDLE_BLESS=1 to create)",
            path.display()
        )
    });
    assert_eq!(actual, expected, "output differs from {}", path.display());
}
