//! Finding an export's files: in a zip (read in place), a folder, or one CSV file.
//!
//! Names are matched case-insensitively, ignoring spaces, underscores and
//! dashes, because LinkedIn's own names drift between exports. Unknown files
//! and subfolders are ignored. Nothing is ever extracted or written to disk.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, Warning};
use crate::shared_file::SharedFile;

/// The export files rekindle reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// `Connections.csv`: the member's first-degree connections.
    Connections,
    /// `messages.csv`: every message of every conversation.
    Messages,
    /// `Invitations.csv`: pending or recent connection invitations.
    Invitations,
    /// `Endorsement_Received_Info.csv`.
    EndorsementsReceived,
    /// `Endorsement_Given_Info.csv`.
    EndorsementsGiven,
    /// `Recommendations_Received.csv`.
    RecommendationsReceived,
    /// `Recommendations_Given.csv`.
    RecommendationsGiven,
    /// `Profile.csv`: the owner's own profile.
    Profile,
    /// `Positions.csv`: the owner's own employers.
    Positions,
    /// `Jobs/Job Applications.csv`: jobs the owner applied for.
    JobApplications,
    /// `Jobs/Saved Jobs.csv`: jobs the owner saved.
    SavedJobs,
    /// `Notes.csv` (2026): the owner's own notes on connections.
    Notes,
}

impl FileKind {
    /// Every kind, in the order files are read.
    pub const ALL: [FileKind; 12] = [
        FileKind::Profile,
        FileKind::Connections,
        FileKind::Messages,
        FileKind::Invitations,
        FileKind::EndorsementsReceived,
        FileKind::EndorsementsGiven,
        FileKind::RecommendationsReceived,
        FileKind::RecommendationsGiven,
        FileKind::Positions,
        FileKind::JobApplications,
        FileKind::SavedJobs,
        FileKind::Notes,
    ];

    /// The file's usual name in an export.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Connections => "Connections.csv",
            FileKind::Messages => "messages.csv",
            FileKind::Invitations => "Invitations.csv",
            FileKind::EndorsementsReceived => "Endorsement_Received_Info.csv",
            FileKind::EndorsementsGiven => "Endorsement_Given_Info.csv",
            FileKind::RecommendationsReceived => "Recommendations_Received.csv",
            FileKind::RecommendationsGiven => "Recommendations_Given.csv",
            FileKind::Profile => "Profile.csv",
            FileKind::Positions => "Positions.csv",
            FileKind::JobApplications => "Job Applications.csv",
            FileKind::SavedJobs => "Saved Jobs.csv",
            FileKind::Notes => "Notes.csv",
        }
    }

    /// Recognises a file by its name (not its path), however LinkedIn or the
    /// user spelled it.
    ///
    /// ```
    /// use rekindle::FileKind;
    /// assert_eq!(FileKind::from_file_name("Endorsement Received Info.CSV"), Some(FileKind::EndorsementsReceived));
    /// assert_eq!(FileKind::from_file_name("guide_messages.csv"), None);
    /// ```
    pub fn from_file_name(name: &str) -> Option<FileKind> {
        let key = squash(name);
        FileKind::ALL
            .into_iter()
            .find(|kind| squash(kind.file_name()) == key)
    }
}

/// `Job Applications.csv` and `Saved Jobs.csv`, which live in `Jobs/`.
fn is_job_file(kind: FileKind) -> bool {
    matches!(kind, FileKind::JobApplications | FileKind::SavedJobs)
}

/// The `Jobs/` subfolder of the export's root holds the two job files.
fn in_jobs_folder(kind: FileKind, root: &str, folder: &str) -> bool {
    let sub = match folder.rsplit_once('/') {
        Some((parent, sub)) => (parent == root).then_some(sub),
        None => root.is_empty().then_some(folder),
    };
    is_job_file(kind) && sub.is_some_and(|sub| sub.eq_ignore_ascii_case("jobs"))
}

/// Lowercase, without spaces, underscores or dashes.
fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One export file found in the input.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FoundFile {
    /// What the file is.
    pub kind: FileKind,
    /// Its name as it appears in the archive or folder.
    pub name: String,
    /// Its size in bytes (uncompressed), as the archive or file system tells.
    pub size: u64,
}

/// Where an export's files are read from.
enum Location {
    Zip {
        archive: Box<zip::ZipArchive<SharedFile>>,
        indices: Vec<usize>,
    },
    Files(Vec<PathBuf>),
    /// The one file given, already open (a regular file or a pipe): read once.
    Single(Option<Box<dyn Read + Send>>),
}

/// One found file, ready to be read on another thread.
pub(crate) enum Detached {
    Zip(Box<zip::ZipArchive<SharedFile>>, usize, String),
    Path(PathBuf),
    Reader(Box<dyn Read + Send>),
}

impl Detached {
    /// Calls `f` with a reader over the file's bytes, or why there is none.
    pub fn read_with(self, f: impl FnOnce(Result<Box<dyn Read + '_>>)) {
        match self {
            Detached::Zip(mut archive, index, name) => match archive.by_index(index) {
                Ok(entry) => f(Ok(Box::new(entry))),
                Err(e) => f(Err(zip_error(name, e))),
            },
            Detached::Path(path) => match File::open(&path) {
                Ok(file) => f(Ok(Box::new(BufReader::with_capacity(1 << 16, file)))),
                Err(e) => f(Err(io_error(&path)(e))),
            },
            Detached::Reader(reader) => f(Ok(reader)),
        }
    }
}

/// An opened export: the files found, ready to be read one after another.
pub(crate) struct Archive {
    /// The name that may carry the export date: the zip's or the folder's.
    pub export_name: String,
    pub files: Vec<FoundFile>,
    /// Files left out (a second file of one kind), each named.
    pub warnings: Vec<Warning>,
    location: Location,
}

impl Archive {
    /// Opens whatever the user pointed at.
    pub fn open(path: &Path) -> Result<Archive> {
        let meta = std::fs::metadata(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                Error::NotFound {
                    path: path.to_path_buf(),
                }
            } else {
                Error::Io {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
        if meta.is_dir() {
            return Archive::open_folder(path);
        }
        // Opened once and only once: a pipe or FIFO cannot be opened twice.
        let mut file = File::open(path).map_err(io_error(path))?;
        let mut head = vec![0u8; 4096];
        let read = read_prefix(&mut file, &mut head).map_err(io_error(path))?;
        head.truncate(read);
        let is_zip_name = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        let is_zip = head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06");
        if !meta.is_file() {
            // A pipe, a FIFO, a device: its bytes can be read once, in order.
            if is_zip || is_zip_name {
                return Err(Error::NotRegularFile {
                    path: path.to_path_buf(),
                    reason: "a zip archive is read in place, which a pipe cannot do; save it to a file first",
                });
            }
            let reader = Cursor::new(head.clone()).chain(BufReader::with_capacity(1 << 16, file));
            return Archive::open_single_file(path, &head, 0, Box::new(reader));
        }
        if is_zip || is_zip_name {
            return Archive::open_zip(path, file);
        }
        // The rest of the file after the bytes already read.
        let reader = Cursor::new(head.clone()).chain(BufReader::with_capacity(1 << 16, file));
        Archive::open_single_file(path, &head, meta.len(), Box::new(reader))
    }

    fn open_zip(path: &Path, file: File) -> Result<Archive> {
        let shared = SharedFile::new(file).map_err(io_error(path))?;
        let mut archive = zip::ZipArchive::new(shared).map_err(|e| Error::NotZip {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        // (kind, depth, folder, name, index, size) of every entry we know.
        let mut known = Vec::new();
        let mut nested_zip = None;
        for index in 0..archive.len() {
            let Ok(entry) = archive.by_index_raw(index) else {
                continue;
            };
            if entry.is_dir() {
                continue;
            }
            let Ok(name) = entry.name() else {
                continue;
            };
            let full = name.replace('\\', "/");
            let (folder, name) = match full.rsplit_once('/') {
                Some((folder, name)) => (folder.to_string(), name.to_string()),
                None => (String::new(), full.clone()),
            };
            if nested_zip.is_none() && name.to_ascii_lowercase().ends_with(".zip") {
                nested_zip = Some(full.clone());
            }
            if let Some(kind) = FileKind::from_file_name(&name).or_else(|| copy_of(&name)) {
                let depth = if folder.is_empty() {
                    0
                } else {
                    folder.matches('/').count() + 1
                };
                known.push((kind, depth, folder, full, index, entry.size()));
            }
        }
        let export_name = file_stem(path);
        // The job files sit in a subfolder and say nothing alone: the
        // export's root is where its other files are.
        let rooted = |k: &&(FileKind, usize, String, String, usize, u64)| !is_job_file(k.0);
        let Some(min_depth) = known.iter().filter(rooted).map(|k| k.1).min() else {
            if let Some(inner) = nested_zip {
                return Err(Error::NestedZip {
                    path: path.to_path_buf(),
                    inner,
                });
            }
            return Err(Error::NoExportFiles {
                path: path.to_path_buf(),
            });
        };
        let mut folders: Vec<&str> = known
            .iter()
            .filter(rooted)
            .filter(|k| k.1 == min_depth)
            .map(|k| k.2.as_str())
            .collect();
        folders.sort_unstable();
        folders.dedup();
        if folders.len() > 1 {
            return Err(Error::SeveralExports {
                path: path.to_path_buf(),
                candidates: folders.iter().map(|f| f.to_string()).collect(),
            });
        }
        let root = folders[0].to_string();
        let export_name = if root.is_empty() {
            export_name
        } else {
            // A zip of the unzipped folder: its folder name carries the date.
            format!("{export_name} {root}")
        };
        let mut warnings = Vec::new();
        if archive.has_duplicate_names() {
            let message = "entries with the same name as another were left out: a zip can give only one entry of each name";
            warnings.push(Warning::new(&base_name(path), None, message));
        }
        let found = known
            .into_iter()
            .filter(|k| k.2 == root || in_jobs_folder(k.0, &root, &k.2))
            .map(|(kind, _, _, name, index, size)| (FoundFile { kind, name, size }, index));
        let (files, indices) = one_of_each_kind(found, &mut warnings).into_iter().unzip();
        Ok(Archive {
            export_name,
            files,
            warnings,
            location: Location::Zip {
                archive: Box::new(archive),
                indices,
            },
        })
    }

    fn open_folder(path: &Path) -> Result<Archive> {
        let found = scan_folder(path)?;
        if !found.is_empty() {
            return Ok(Archive::from_paths(folder_name(path), found));
        }
        // A parent folder holding exactly one unzipped export.
        let mut candidates = Vec::new();
        let entries = std::fs::read_dir(path).map_err(io_error(path))?;
        let mut subfolders: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        subfolders.sort();
        for sub in subfolders {
            let found = scan_folder(&sub)?;
            if !found.is_empty() {
                candidates.push((sub, found));
            }
        }
        if candidates.is_empty() {
            return Archive::open_zip_in_folder(path);
        }
        match candidates.len() {
            1 => {
                let (sub, found) = candidates.remove(0);
                Ok(Archive::from_paths(folder_name(&sub), found))
            }
            _ => Err(Error::SeveralExports {
                path: path.to_path_buf(),
                candidates: candidates.iter().map(|(p, _)| folder_name(p)).collect(),
            }),
        }
    }

    /// A folder holding no export files but the export's zip (as a browser
    /// download folder does): reads the zip; several zips are never guessed.
    fn open_zip_in_folder(path: &Path) -> Result<Archive> {
        let entries = std::fs::read_dir(path).map_err(io_error(path))?;
        let mut zips: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")))
            .collect();
        zips.sort();
        match zips.as_slice() {
            [] => Err(Error::NoExportFiles {
                path: path.to_path_buf(),
            }),
            [one] => Archive::open(one),
            several => Err(Error::SeveralExports {
                path: path.to_path_buf(),
                candidates: several.iter().map(|p| base_name(p)).collect(),
            }),
        }
    }

    fn open_single_file(
        path: &Path,
        head: &[u8],
        size: u64,
        reader: Box<dyn Read + Send>,
    ) -> Result<Archive> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = match FileKind::from_file_name(&name) {
            Some(kind) => Some(kind),
            None => sniff_kind(head),
        };
        let Some(kind) = kind else {
            return Err(Error::UnknownFile {
                path: path.to_path_buf(),
            });
        };
        let export_name = path.parent().map(folder_name).unwrap_or_default();
        Ok(Archive {
            export_name,
            files: vec![FoundFile { kind, name, size }],
            warnings: Vec::new(),
            location: Location::Single(Some(reader)),
        })
    }

    fn from_paths(export_name: String, found: Vec<(FoundFile, PathBuf)>) -> Archive {
        let mut warnings = Vec::new();
        let (files, paths) = one_of_each_kind(found, &mut warnings).into_iter().unzip();
        Archive {
            export_name,
            files,
            warnings,
            location: Location::Files(paths),
        }
    }

    /// The `i`-th found file, to be read on another thread (each file once).
    pub fn detach(&mut self, i: usize) -> Result<Detached> {
        match &mut self.location {
            Location::Zip { archive, indices } => Ok(Detached::Zip(
                archive.clone(),
                indices[i],
                self.files[i].name.clone(),
            )),
            Location::Files(paths) => Ok(Detached::Path(paths[i].clone())),
            Location::Single(reader) => {
                reader
                    .take()
                    .map(Detached::Reader)
                    .ok_or_else(|| Error::File {
                        file: self.files[i].name.clone(),
                        line: None,
                        message: "was already read".into(),
                    })
            }
        }
    }

    /// A reader over the `i`-th found file's bytes, inflated on the fly.
    pub fn reader(&mut self, i: usize) -> Result<Box<dyn Read + '_>> {
        let name = self.files[i].name.clone();
        match &mut self.location {
            Location::Zip { archive, indices } => {
                let entry = archive
                    .by_index(indices[i])
                    .map_err(|e| zip_error(name, e))?;
                Ok(Box::new(entry))
            }
            Location::Files(paths) => {
                let file = File::open(&paths[i]).map_err(io_error(&paths[i]))?;
                Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
            }
            Location::Single(reader) => match reader.take() {
                Some(reader) => Ok(reader),
                None => Err(Error::File {
                    file: name,
                    line: None,
                    message: "was already read".into(),
                }),
            },
        }
    }
}

/// A zip entry that cannot be read; an I/O error keeps its cause.
fn zip_error(file: String, e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(source) => Error::Read {
            file,
            line: None,
            source,
        },
        e => Error::File {
            file,
            line: None,
            message: format!("cannot read from the zip archive: {e}"),
        },
    }
}

/// `messages (1).csv` → the kind of `messages.csv`: a browser's second download.
fn copy_of(name: &str) -> Option<FileKind> {
    let lower = name.to_ascii_lowercase();
    let stem = lower.strip_suffix(".csv")?.trim_end();
    let open = stem.strip_suffix(')')?.rfind('(')?;
    let number = &stem[open + 1..stem.len() - 1];
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    FileKind::from_file_name(&format!("{}.csv", stem[..open].trim_end()))
}

/// One file of each kind: a file named as LinkedIn names it before a copy
/// (`messages (1).csv`), else the first; each one left out is named in a
/// warning that also says which one was read.
fn one_of_each_kind<T>(
    found: impl IntoIterator<Item = (FoundFile, T)>,
    warnings: &mut Vec<Warning>,
) -> Vec<(FoundFile, T)> {
    let mut found: Vec<(bool, usize, (FoundFile, T))> = found
        .into_iter()
        .enumerate()
        .map(|(order, f)| {
            let base = f.0.name.rsplit('/').next().unwrap_or(&f.0.name);
            (copy_of(base).is_some(), order, f)
        })
        .collect();
    found.sort_by_key(|(copy, order, f)| (f.0.kind, *copy, *order));
    let mut kept: Vec<(usize, (FoundFile, T))> = Vec::new();
    for (_, order, f) in found {
        match kept.last() {
            Some((_, (read, _))) if read.kind == f.0.kind => {
                let message = format!(
                    "file left out: {} was read as the export's {}",
                    read.name,
                    f.0.kind.file_name()
                );
                warnings.push(Warning::new(&f.0.name, None, message));
            }
            _ => kept.push((order, f)),
        }
    }
    kept.sort_by_key(|(order, _)| *order);
    kept.into_iter().map(|(_, f)| f).collect()
}

fn base_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Turns an I/O error on `path` into the library's error.
fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn read_prefix(file: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let n = file.read(&mut buf[filled..])?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(filled)
}

/// The export files directly inside a folder (not in its subfolders).
fn scan_folder(path: &Path) -> Result<Vec<(FoundFile, PathBuf)>> {
    let entries = std::fs::read_dir(path).map_err(io_error(path))?;
    let mut found: Vec<(FoundFile, PathBuf)> = Vec::new();
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(kind) = FileKind::from_file_name(&name).or_else(|| copy_of(&name)) {
            let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
            found.push((FoundFile { kind, name, size }, p));
        }
    }
    if !found.is_empty() {
        found.extend(scan_jobs_folder(path)?);
    }
    Ok(found)
}

/// The job files in a `Jobs/` subfolder of an export folder, named
/// `Jobs/<file>` as in the zip.
fn scan_jobs_folder(path: &Path) -> Result<Vec<(FoundFile, PathBuf)>> {
    let entries = std::fs::read_dir(path).map_err(io_error(path))?;
    let mut subs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().eq_ignore_ascii_case("jobs"))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    subs.sort();
    let mut found = Vec::new();
    for sub in subs {
        let folder = sub
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let entries = std::fs::read_dir(&sub).map_err(io_error(&sub))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let kind = FileKind::from_file_name(&name).or_else(|| copy_of(&name));
            if let Some(kind) = kind.filter(|k| in_jobs_folder(*k, "", &folder)) {
                let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
                let name = format!("{folder}/{name}");
                found.push((FoundFile { kind, name, size }, p));
            }
        }
    }
    Ok(found)
}

/// Guesses a CSV's kind from its header when its name says nothing
/// (a user renamed `messages.csv` to `avery-messages.csv`).
fn sniff_kind(head: &[u8]) -> Option<FileKind> {
    let head = String::from_utf8_lossy(head).to_uppercase();
    let has = |s: &str| head.contains(s);
    if has("CONNECTED ON") && has("FIRST NAME") {
        Some(FileKind::Connections)
    } else if has("FROM") && has("DATE") && has("CONTENT") {
        Some(FileKind::Messages)
    } else if has("SENT AT") && has("DIRECTION") {
        Some(FileKind::Invitations)
    } else {
        None
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn folder_name(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_drift_but_match() {
        assert_eq!(
            FileKind::from_file_name("connections.csv"),
            Some(FileKind::Connections)
        );
        assert_eq!(
            FileKind::from_file_name("Recommendations Given.csv"),
            Some(FileKind::RecommendationsGiven)
        );
        assert_eq!(
            FileKind::from_file_name("MESSAGES.CSV"),
            Some(FileKind::Messages)
        );
        assert_eq!(FileKind::from_file_name("coach_messages.csv"), None);
        assert_eq!(FileKind::from_file_name("Rich_Media.csv"), None);
    }

    #[test]
    fn copies_are_known_by_their_original() {
        assert_eq!(copy_of("messages (1).csv"), Some(FileKind::Messages));
        assert_eq!(copy_of("Connections(12).CSV"), Some(FileKind::Connections));
        assert_eq!(copy_of("messages ().csv"), None);
        assert_eq!(copy_of("messages (a).csv"), None);
        assert_eq!(copy_of("guide (1).csv"), None);
        assert_eq!(copy_of("Saved Jobs (1).csv"), Some(FileKind::SavedJobs));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_unreadable_file_says_why_in_its_own_words() {
        // Opens, then fails to read at offset 0 (EIO), even as root.
        let err = Archive::open(Path::new("/proc/self/mem"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("/proc/self/mem: cannot read: Input/output error (os error 5)")
        );
    }

    #[test]
    fn missing_path_is_a_clear_error() {
        let err = Archive::open(Path::new("/no/such/export.zip"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("/no/such/export.zip: no such file or folder")
        );
    }
}
