//! Reading and writing the ledger file so that no entry is ever lost.
//!
//! Every write happens under an exclusive lock on a sibling `<file>.lock`
//! (a lock on the ledger itself would be lost by the rename), re-reads the
//! file inside the lock, and replaces it atomically: a temporary file beside
//! it, flushed to disk, renamed over it. Two processes writing at once both
//! land; a failed write leaves the old file and no temporary file; a ledger
//! that does not parse, or is of a newer schema, is never rewritten.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Ledger;
use crate::error::{Error, Result};

/// Reads the ledger at `path`; a file that does not exist is an empty ledger
/// (and nothing is created).
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let ledger = rekindle::ledger::store::load(&dir.path().join("ledger.toml"))?;
/// assert!(ledger.entries().is_empty());
/// # Ok::<(), rekindle::Error>(())
/// ```
pub fn load(path: &Path) -> Result<Ledger> {
    match fs::read(path) {
        Ok(bytes) => parse_bytes(&bytes, path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Ledger::empty(path)),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Ledger> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::Ledger {
            path: path.to_path_buf(),
            line: Some(line),
            message: "not UTF-8 text".into(),
        }
    })?;
    Ledger::parse(text, path)
}

/// The lock file of a ledger: `ledger.toml` → `ledger.toml.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Changes the ledger at `path` with `change` and writes it back, under the
/// lock and atomically (see the module docs). Returns the ledger written.
/// If `change` fails, nothing is written.
///
/// ```
/// use rekindle::ledger::store;
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("ledger.toml");
/// store::update(&path, |l| l.set_ignored("linkedin.com/in/sam", "Sam", true))?;
/// assert!(store::load(&path)?.entries()[0].ignored);
/// # Ok::<(), rekindle::Error>(())
/// ```
pub fn update(path: &Path, change: impl FnOnce(&mut Ledger) -> Result<()>) -> Result<Ledger> {
    let cannot = |source: io::Error| Error::LedgerWrite {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(cannot)?;
    let lock_file = lock_path(path);
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_file)
        .map_err(|source| Error::LedgerWrite {
            path: lock_file.clone(),
            source,
        })?;
    lock.lock().map_err(|source| Error::LedgerWrite {
        path: lock_file.clone(),
        source,
    })?;
    // Read inside the lock: another process may have written since we looked.
    let mut ledger = load(path)?;
    change(&mut ledger)?;
    write_atomic(path, &dir, ledger.to_string().as_bytes()).map_err(cannot)?;
    drop(lock);
    Ok(ledger)
}

/// Writes `bytes` to a temporary file in `dir`, flushes it to disk and renames
/// it over `path`. On any failure the temporary file is removed.
fn write_atomic(path: &Path, dir: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".rekindle-ledger.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable once the folder is flushed too (where the
    // platform lets a folder be opened; elsewhere the rename stands as is).
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder with a file in it: the rename must fail.
        let target = dir.path().join("ledger.toml");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("keep"), b"old").unwrap();
        assert!(write_atomic(&target, dir.path(), b"version = 1\n").is_err());
        assert_eq!(fs::read(target.join("keep")).unwrap(), b"old");
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("ledger.toml")]);
    }

    #[test]
    fn a_ledger_that_does_not_parse_is_never_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        let bytes = b"version = 1\n[people.\"x\"\nname = \"X\"\n";
        fs::write(&path, bytes).unwrap();
        let e = update(&path, |l| l.set_ignored("x", "X", true)).unwrap_err();
        assert!(matches!(e, Error::Ledger { line: Some(2), .. }), "{e}");
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        let bytes = b"# future\nversion = 2\n";
        fs::write(&path, bytes).unwrap();
        let e = update(&path, |l| l.set_ignored("x", "X", true)).unwrap_err();
        assert!(e.to_string().contains("schema version 2 is newer"), "{e}");
        assert!(e.to_string().contains("line 2"), "{e}");
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn a_failed_change_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        let e = update(&path, |_| {
            Err(Error::InvalidOption {
                what: "test",
                value: String::new(),
                expected: "nothing",
            })
        });
        assert!(e.is_err());
        assert!(!path.exists());
    }

    #[test]
    fn the_lock_is_a_sibling_file() {
        assert_eq!(
            lock_path(Path::new("/a/b/ledger.toml")),
            Path::new("/a/b/ledger.toml.lock")
        );
    }
}
