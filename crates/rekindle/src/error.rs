//! The one error type of the library, and the warnings that let a run go on.

use std::fmt;
use std::path::PathBuf;

/// Everything that can stop rekindle from reading an export.
///
/// Each variant names the file it is about and, where it applies, the line
/// and the offending value, so a user can find the problem themselves.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The path given does not exist.
    #[error("{}: no such file or folder", path.display())]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// The path exists but could not be read.
    #[error("{}: cannot read: {}", path.display(), source)]
    Io {
        /// The file or folder that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file of the export that could not be read on (an I/O error while
    /// reading it, or a limit reached), with the I/O error as its source.
    #[error("{file}: {}cannot read: {}", line.map(|l| format!("line {l}: ")).unwrap_or_default(), source)]
    Read {
        /// The file name inside the export.
        file: String,
        /// The line being read, when known.
        line: Option<u64>,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A pipe, FIFO or device given where a zip archive must be read in place.
    #[error("{}: not a regular file ({reason})", path.display())]
    NotRegularFile {
        /// The path as given.
        path: PathBuf,
        /// Why a regular file is needed.
        reason: &'static str,
    },
    /// A file that should be a zip archive is not one (or is damaged).
    #[error("{}: not a readable zip archive ({reason})", path.display())]
    NotZip {
        /// The file.
        path: PathBuf,
        /// What the zip reader said.
        reason: String,
    },
    /// A file that is neither a zip archive nor a CSV file rekindle knows.
    #[error("{}: not a LinkedIn export (expected the .zip, its folder, or one of its CSV files)", path.display())]
    UnknownFile {
        /// The file.
        path: PathBuf,
    },
    /// A folder or zip with none of the files of a LinkedIn export.
    #[error("{}: no LinkedIn export files found (looked for Connections.csv, messages.csv, Profile.csv, …)", path.display())]
    NoExportFiles {
        /// The folder or archive.
        path: PathBuf,
    },
    /// A zip whose only content of interest is another zip (a user zipped the zip).
    #[error("{}: holds another zip ({inner}) and no export files; unzip it once and point rekindle at {inner}", path.display())]
    NestedZip {
        /// The outer zip.
        path: PathBuf,
        /// The zip inside it.
        inner: String,
    },
    /// A folder holding several export folders: rekindle will not guess which one is meant.
    #[error("{}: holds {} LinkedIn exports ({}); point rekindle at one of them", path.display(), candidates.len(), candidates.join(", "))]
    SeveralExports {
        /// The folder.
        path: PathBuf,
        /// The export folders found inside it.
        candidates: Vec<String>,
    },
    /// A CSV file could not be read at all (not one row of it, but the file).
    #[error("{file}: {}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    File {
        /// The file name inside the export.
        file: String,
        /// The 1-based line where reading failed, where there is one.
        line: Option<u64>,
        /// What went wrong.
        message: String,
    },
    /// An `--as-of` date or other option value that cannot be used.
    #[error("invalid {what}: {value:?} ({expected})")]
    InvalidOption {
        /// The option.
        what: &'static str,
        /// The value given.
        value: String,
        /// What was expected instead.
        expected: &'static str,
    },
    /// Two exports compared with [`crate::diff::Diff`] belong to different people.
    #[error(
        "the two exports belong to different people ({old} and {new}); a diff compares two exports of one owner"
    )]
    DifferentOwners {
        /// The owner of the older export, as its files name them.
        old: String,
        /// The owner of the newer export.
        new: String,
    },
    /// The metrics engine (polars) failed; this is a bug in rekindle, not in the input.
    #[error("computing metrics failed")]
    Metrics(#[from] polars::error::PolarsError),
    /// A ledger file that cannot be used: not TOML, a value of the wrong
    /// kind, or a newer schema. The file is never rewritten.
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Ledger {
        /// The ledger file.
        path: PathBuf,
        /// The 1-based line, where it is known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The ledger (or its lock or folder) could not be written; the old file is intact.
    #[error("{}: cannot write the ledger", path.display())]
    LedgerWrite {
        /// The file or folder that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// `strict` was asked for and reading gave a warning.
    #[error("{first}{}; --strict makes warnings errors", more_warnings(*more))]
    Strict {
        /// The first warning.
        first: Warning,
        /// How many more there were.
        more: usize,
    },
    /// A person query that matches nobody.
    #[error("nobody matches {query:?}")]
    NoMatch {
        /// The query as given.
        query: String,
    },
    /// A person query that matches several people: rekindle will not guess.
    #[error("{} people match {query:?}; narrow the query (a longer name or a part of the profile URL):\n  {}", candidates.len(), candidates.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  "))]
    SeveralMatch {
        /// The query as given.
        query: String,
        /// Everyone it matches.
        candidates: Vec<Candidate>,
    },
}

/// One of the people a query matches, as an error lists them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Candidate {
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// Their company, if known.
    pub company: Option<String>,
}

/// Shown one per line (`Name (link or company)`): a control character in
/// the data (a line break above all) becomes a space, so a name can never
/// pose as another line of the list.
impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = match (&self.profile_url, &self.company) {
            (Some(url), _) => format!("{} ({url})", self.name),
            (None, Some(company)) => format!("{} ({company})", self.name),
            _ => self.name.clone(),
        };
        let line: String = line
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        f.write_str(&line)
    }
}

fn more_warnings(more: usize) -> String {
    match more {
        0 => String::new(),
        n => format!(
            " (and {n} more warning{})",
            crate::reports::plural(n as i64)
        ),
    }
}

/// The result type of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem with one row or one value that did not stop the run.
///
/// The row is skipped (or the value left empty), counted, and reported, never
/// silently dropped. Display gives `file line N: message "value"`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// The file inside the export, e.g. `messages.csv`.
    pub file: String,
    /// The 1-based line where the row starts, if the warning is about a row.
    pub line: Option<u64>,
    /// What is wrong and what was done about it.
    pub message: String,
    /// The offending value, if there is one.
    pub value: Option<String>,
}

impl Warning {
    pub(crate) fn new(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Warning {
            file: file.to_string(),
            line,
            message: message.into(),
            value: None,
        }
    }

    pub(crate) fn with_value(mut self, value: impl Into<String>) -> Self {
        let mut value: String = value.into();
        if value.chars().count() > 80 {
            value = value.chars().take(79).collect::<String>() + "…";
        }
        self.value = Some(value);
        self
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(value) = &self.value {
            write!(f, " {value:?}")?;
        }
        Ok(())
    }
}
