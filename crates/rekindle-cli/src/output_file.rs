//! Where a command's file goes, and writing it without ever destroying one.
//!
//! Three promises, for every command that writes a file:
//! - `-o -` is standard output;
//! - the output is never the input: not the same file (after following
//!   symbolic and hard links), and nothing inside an export folder;
//! - a regular file is written to a temporary file in its own folder, synced
//!   and renamed over the target, so a failure leaves the old file whole and
//!   no stray file behind. A symbolic link is written through (the link
//!   stays, its target is replaced); a device or FIFO (`/dev/null`, a pipe)
//!   is streamed to, as there is nothing to rename over.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::sanitize;

/// Where to write: standard output, or a file checked against the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (no `-o`, or `-o -`).
    Stdout,
    /// A file.
    File {
        /// The path as the user gave it, for messages.
        shown: PathBuf,
        /// Where the bytes go: links resolved, so a rename lands on the real file.
        real: PathBuf,
        /// The target exists and is not a regular file (a device, a FIFO).
        stream: bool,
    },
}

/// Why a path cannot be written to.
fn refuse(path: &Path, why: &str) -> String {
    format!("{}: {why}", sanitize::one_line(&path.display().to_string()))
}

impl Target {
    /// The target for `-o PATH` (`None` or `-` is standard output), refused
    /// when writing it could change `input`, the export being read.
    ///
    /// # Errors
    /// A one-line message naming the path when it is the input, lies inside
    /// the input folder, is a folder, or is a symbolic link to nothing.
    pub fn resolve(output: Option<&Path>, input: &Path) -> Result<Target, String> {
        let Some(path) = output else {
            return Ok(Target::Stdout);
        };
        if path.as_os_str() == "-" {
            return Ok(Target::Stdout);
        }
        if path.as_os_str().is_empty() {
            return Err("an empty output path: name a file, or `-` for standard output".into());
        }
        // `metadata` follows links (also /proc's, as /dev/stdout is).
        let existing = match fs::metadata(path) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if fs::symlink_metadata(path).is_ok() {
                    return Err(refuse(
                        path,
                        "is a symbolic link to a missing file; name the file itself",
                    ));
                }
                None
            }
            Err(e) => return Err(refuse(path, &format!("cannot be written: {e}"))),
        };
        if let Some(meta) = &existing {
            if meta.is_dir() {
                return Err(refuse(path, "is a folder; name a file to write"));
            }
            if let Ok(input_meta) = fs::metadata(input)
                && same_file(meta, &input_meta)
            {
                return Err(refuse(
                    path,
                    "is the export being read; write the output to another file",
                ));
            }
            if !meta.is_file() {
                return Ok(Target::File {
                    shown: path.to_path_buf(),
                    real: path.to_path_buf(),
                    stream: true,
                });
            }
        }
        let real = match existing {
            Some(_) => fs::canonicalize(path)
                .map_err(|e| refuse(path, &format!("cannot be written: {e}")))?,
            None => {
                let parent = match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let name = path
                    .file_name()
                    .ok_or_else(|| refuse(path, "does not name a file"))?;
                // A missing folder is reported when the write fails.
                fs::canonicalize(parent)
                    .unwrap_or_else(|_| parent.to_path_buf())
                    .join(name)
            }
        };
        if let Ok(input_real) = fs::canonicalize(input) {
            if real == input_real {
                return Err(refuse(
                    path,
                    "is the export being read; write the output to another file",
                ));
            }
            if input_real.is_dir() && real.starts_with(&input_real) {
                return Err(refuse(
                    path,
                    "is inside the export folder being read; write the output outside it",
                ));
            }
        }
        Ok(Target::File {
            shown: path.to_path_buf(),
            real,
            stream: false,
        })
    }

    /// The file written to, as the user named it; `None` for standard output.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Target::Stdout => None,
            Target::File { shown, .. } => Some(shown),
        }
    }

    /// Writes with `write` to the target; standard output is `out`.
    ///
    /// # Errors
    /// Any error of `write` or of the file system, naming the file; an
    /// error of `out` as it is (so a closed pipe stays recognisable). On
    /// error a file written before is left as it was, and no temporary file
    /// stays.
    pub fn write(
        &self,
        out: &mut dyn Write,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Box<dyn std::error::Error>> {
        match self {
            Target::Stdout => {
                write(out)?;
                out.flush()?;
            }
            Target::File {
                shown,
                real,
                stream,
            } => {
                let cannot = |e: io::Error| refuse(shown, &format!("cannot write: {e}"));
                if *stream {
                    let mut file = io::BufWriter::new(
                        fs::OpenOptions::new()
                            .write(true)
                            .open(real)
                            .map_err(cannot)?,
                    );
                    write(&mut file)
                        .and_then(|()| file.flush())
                        .map_err(cannot)?;
                } else {
                    atomic_write(real, write).map_err(cannot)?;
                }
            }
        }
        Ok(())
    }
}

/// Writes `real` (a regular file or none yet) through a temporary file
/// beside it, renamed over it once complete and synced.
fn atomic_write(
    real: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let old = fs::metadata(real).ok();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rekindle-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // What File::create gives a new file (0666 less the umask), not
        // tempfile's private 0600.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // Dropped on every early return: the temporary file is removed.
    let temp = builder.tempfile_in(folder)?;
    if let Some(old) = old {
        // A file replaced keeps its permissions.
        fs::set_permissions(temp.path(), old.permissions())?;
    }
    let mut writer = io::BufWriter::new(temp);
    write(&mut writer)?;
    let temp = writer
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?;
    temp.as_file().sync_all()?;
    temp.persist(real).map_err(|e| e.error)?;
    Ok(())
}

/// Whether two metadata describe one file (same device and inode on Unix).
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn file(target: &Target) -> &Path {
        match target {
            Target::File { real, .. } => real,
            Target::Stdout => panic!("not a file"),
        }
    }

    #[test]
    fn dash_and_nothing_are_standard_output() {
        let input = Path::new("export.zip");
        assert_eq!(Target::resolve(None, input), Ok(Target::Stdout));
        assert_eq!(
            Target::resolve(Some(Path::new("-")), input),
            Ok(Target::Stdout)
        );
        let mut out = Vec::new();
        Target::Stdout
            .write(&mut out, |w| w.write_all(b"hello"))
            .unwrap();
        assert_eq!(out, b"hello");
    }

    #[test]
    fn a_failing_write_leaves_the_old_file_whole_and_no_stray_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        fs::write(&path, b"old bytes").unwrap();
        let target = Target::resolve(Some(&path), Path::new("elsewhere.zip")).unwrap();
        let err = target
            .write(&mut io::sink(), |w| {
                w.write_all(&[b'x'; 100_000])?;
                Err(io::Error::other("disk full"))
            })
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("report.html: cannot write: disk full"),
            "{err}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"old bytes");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.html"]);

        target
            .write(&mut io::sink(), |w| w.write_all(b"new"))
            .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_to_the_input_and_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("export.zip");
        fs::write(&input, b"zip").unwrap();
        let link = dir.path().join("link.zip");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let hard = dir.path().join("hard.zip");
        fs::hard_link(&input, &hard).unwrap();
        for output in [&input, &link, &hard] {
            let err = Target::resolve(Some(output), &input).unwrap_err();
            assert!(err.contains("is the export being read"), "{err}");
        }
        // Also when the input is named through the link.
        assert!(Target::resolve(Some(&input), &link).is_err());

        // A link to another file: the link stays, its target gets the bytes.
        let other = dir.path().join("old.ics");
        fs::write(&other, b"old").unwrap();
        let to_other = dir.path().join("to-other.ics");
        std::os::unix::fs::symlink(&other, &to_other).unwrap();
        let target = Target::resolve(Some(&to_other), &input).unwrap();
        assert_eq!(file(&target), fs::canonicalize(&other).unwrap());
        target
            .write(&mut io::sink(), |w| w.write_all(b"new"))
            .unwrap();
        assert!(fs::symlink_metadata(&to_other).unwrap().is_symlink());
        assert_eq!(fs::read(&other).unwrap(), b"new");

        let dangling = dir.path().join("dangling.ics");
        std::os::unix::fs::symlink(dir.path().join("missing"), &dangling).unwrap();
        assert!(
            Target::resolve(Some(&dangling), &input)
                .unwrap_err()
                .contains("symbolic link to a missing file")
        );
    }

    #[test]
    fn nothing_is_written_inside_an_export_folder() {
        let dir = tempfile::tempdir().unwrap();
        let export = dir.path().join("export");
        fs::create_dir(&export).unwrap();
        fs::write(export.join("Connections.csv"), b"x").unwrap();
        for name in ["Connections.csv", "new.csv", "sub/deeper.html"] {
            let err = Target::resolve(Some(&export.join(name)), &export).unwrap_err();
            assert!(err.contains("inside the export folder"), "{name}: {err}");
        }
        let err = Target::resolve(Some(&export), &export).unwrap_err();
        assert!(err.contains("is a folder"), "{err}");
        let beside = dir.path().join("report.html");
        assert!(Target::resolve(Some(&beside), &export).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_streamed_to_never_replaced() {
        let target =
            Target::resolve(Some(Path::new("/dev/null")), Path::new("export.zip")).unwrap();
        assert!(matches!(target, Target::File { stream: true, .. }));
        target
            .write(&mut io::sink(), |w| w.write_all(b"x"))
            .unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().is_file());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.graphml");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let target = Target::resolve(Some(&path), Path::new("export.zip")).unwrap();
        target
            .write(&mut io::sink(), |w| w.write_all(b"new"))
            .unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
