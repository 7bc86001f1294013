//! One parser per export file, each turning CSV rows into typed records.
//!
//! Every parser finds its header row by content (LinkedIn has prefixed some
//! files with a "Notes:" preamble in some years and not in others), maps
//! columns by name (so any era's column order and any extra column works),
//! and skips a row it cannot read with a [`Warning`] naming the file, line and
//! value, never silently.

pub mod connections;
pub mod endorsements;
pub mod invitations;
pub mod jobs;
pub mod messages;
pub mod notes;
pub mod positions;
pub mod profile;
pub mod recommendations;
mod records;

use std::io::Read;
use std::sync::Arc;

use csv::ByteRecord;
use serde::Deserialize;

use crate::error::{Error, Result, Warning};
use crate::warnings::Warnings;
use records::Records;

/// Who sent a message, when the file says so itself (2020 exports only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received by the owner.
    Incoming,
    /// Sent by the owner.
    Outgoing,
}

use crate::limits::Limits;

/// The record reader's buffer: it reads this far ahead of the record it parses.
const CSV_BUFFER: usize = 1 << 16;

/// How many rows may come before the header (the preamble is three).
const HEADER_SEARCH_ROWS: usize = 50;

/// A CSV file positioned after its header row.
pub(crate) struct Table<R: Read> {
    pub file: String,
    reader: Records<R>,
    headers: ByteRecord,
    /// The current row as csv's record, made only for [`Table::row`].
    record: std::cell::OnceCell<ByteRecord>,
    line: u64,
    max_columns: usize,
    /// Rows skipped by the table itself; parsers pass them on.
    pub skipped: Warnings,
    /// Whether the end of the file was reached (and checked for truncation).
    ended: bool,
}

/// What [`Table::open`] found.
pub(crate) enum Opened<R: Read> {
    /// The header row, ready to read rows.
    Table(Box<Table<R>>),
    /// A file with no rows at all, or LinkedIn's "No conversations found".
    Empty,
    /// Rows, but none of them the expected header.
    NoHeader { first_row: String },
}

impl<R: Read> Table<R> {
    /// Reads up to the header: the first row whose cells include every name in
    /// `required` (compared trimmed and uppercased, BOM removed).
    pub fn open(file: &str, input: R, required: &[&str], limits: &Limits) -> Result<Opened<R>> {
        let mut reader = Records::new(input, CSV_BUFFER, limits.max_record_bytes);
        let head = reader.head().map_err(|source| Error::Read {
            file: file.to_string(),
            line: None,
            source,
        })?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(Error::File {
                file: file.to_string(),
                line: None,
                message: "is UTF-16 text (as Excel saves \"Unicode Text\"); save it again as \"CSV UTF-8\"".into(),
            });
        }
        let mut first_row = None;
        for _ in 0..HEADER_SEARCH_ROWS {
            if !read_row(file, &mut reader)? {
                break;
            }
            let cells: Vec<String> = reader.iter().map(canonical_header).collect();
            if required.iter().all(|r| cells.iter().any(|c| c == r)) {
                let headers = ByteRecord::from(cells);
                return Ok(Opened::Table(Box::new(Table {
                    file: file.to_string(),
                    reader,
                    headers,
                    record: std::cell::OnceCell::new(),
                    line: 0,
                    max_columns: limits.max_columns,
                    skipped: Warnings::default(),
                    ended: false,
                })));
            }
            if first_row.is_none() {
                first_row = Some(
                    reader
                        .iter()
                        .map(String::from_utf8_lossy)
                        .collect::<Vec<_>>()
                        .join(","),
                );
            }
        }
        if let Some(row) = &first_row {
            let upper = row.to_ascii_uppercase();
            if row.contains('\t') && required.iter().all(|r| upper.contains(r)) {
                return Err(Error::File {
                    file: file.to_string(),
                    line: None,
                    message: "is tab-separated (as Excel saves \"Unicode Text\"); save it again as \"CSV UTF-8\"".into(),
                });
            }
        }
        Ok(match first_row {
            None => Opened::Empty,
            Some(row) if row.trim().eq_ignore_ascii_case("No conversations found") => Opened::Empty,
            Some(row) => Opened::NoHeader { first_row: row },
        })
    }

    /// Advances to the next row; `false` at the end of the file.
    pub fn next_row(&mut self) -> Result<bool> {
        loop {
            self.record = std::cell::OnceCell::new();
            if !read_row(&self.file, &mut self.reader)? {
                if !self.ended {
                    self.ended = true;
                    if let Some(line) = self.reader.open_quote_line() {
                        let message = "file ends inside a quoted field: it may be truncated (read up to there)";
                        self.skipped
                            .push(Warning::new(&self.file, Some(line), message));
                    }
                }
                return Ok(false);
            }
            let line = self.reader.line();
            // A row of nothing but empty cells (Excel pads files with them).
            if self
                .reader
                .iter()
                .all(|c| c.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            self.line = line;
            if self.reader.len() > self.max_columns {
                let message = format!(
                    "row skipped: {} columns, more than the limit of {}",
                    self.reader.len(),
                    self.max_columns
                );
                self.skipped
                    .push(Warning::new(&self.file, Some(self.line), message));
                continue;
            }
            return Ok(true);
        }
    }

    /// The line the current row starts on (1-based).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The current row mapped by header name into `T`.
    pub fn row<'a, T: Deserialize<'a>>(&'a self) -> std::result::Result<T, Warning> {
        let record = self.record.get_or_init(|| self.reader.iter().collect());
        record.deserialize(Some(&self.headers)).map_err(|e| {
            let why = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => match err.field() {
                    Some(i) => format!(
                        "row skipped: column {} {}",
                        String::from_utf8_lossy(self.headers.get(i as usize).unwrap_or(b"?")),
                        err.kind()
                    ),
                    None => format!("row skipped: {}", err.kind()),
                },
                other => format!("row skipped: {other:?}"),
            };
            Warning::new(&self.file, Some(self.line()), why)
        })
    }

    /// The index of a column, by its canonical (uppercase) name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name.as_bytes())
    }

    /// The current row's raw bytes in a column (empty if absent or short).
    pub fn field(&self, column: Option<usize>) -> &[u8] {
        column.and_then(|i| self.reader.get(i)).unwrap_or(b"")
    }

    /// The current row's text in a column, where the row has exactly the
    /// header's fields and the column is valid UTF-8 (`None` otherwise: then
    /// [`Table::row`] reads it, and says what is wrong).
    pub fn str_field(&self, column: Option<usize>) -> Option<&str> {
        if self.reader.len() != self.headers.len() {
            return None;
        }
        std::str::from_utf8(self.field(column)).ok()
    }

    /// A row with fewer fields than the header, said as such: a short row
    /// is malformed, not a bad value (`row has 1 field, expected 10`).
    pub fn short_row(&self) -> Option<Warning> {
        let (has, expected) = (self.reader.len(), self.headers.len());
        (has < expected).then(|| {
            let s = if has == 1 { "" } else { "s" };
            let message = format!("row skipped: row has {has} field{s}, expected {expected}");
            Warning::new(&self.file, Some(self.line()), message)
        })
    }

    /// A warning about the current row.
    pub fn warn(&self, message: impl Into<String>, value: &str) -> Warning {
        Warning::new(&self.file, Some(self.line()), message).with_value(value)
    }
}

fn read_row<R: Read>(file: &str, reader: &mut Records<R>) -> Result<bool> {
    // An I/O error keeps its cause (the kind, the system's words).
    reader.read().map_err(|source| Error::Read {
        file: file.to_string(),
        line: Some(reader.line()),
        source,
    })
}

/// `\u{feff}First Name ` → `FIRST NAME`.
fn canonical_header(cell: &[u8]) -> String {
    let cell = cell.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(cell);
    String::from_utf8_lossy(cell).trim().to_ascii_uppercase()
}

/// A trimmed, non-empty text value.
pub(crate) fn text(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// [`text`] as shared text, for a value that later stages share rather
/// than copy (one allocation either way).
pub(crate) fn shared_text(value: Option<&str>) -> Option<Arc<str>> {
    value
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Arc::from)
}

/// Opens a file's table, or says why there is none: `None` for an empty
/// file, and for a file without the expected header also a warning saying
/// which columns were looked for (`expected`) and what the file began with.
fn open_table<R: Read>(
    file: &str,
    input: R,
    required: &[&str],
    expected: &str,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Option<Box<Table<R>>>> {
    Ok(match Table::open(file, input, required, limits)? {
        Opened::Table(table) => Some(table),
        Opened::Empty => None,
        Opened::NoHeader { first_row } => {
            let message = format!("file skipped: no header row with {expected}");
            warnings.push(Warning::new(file, None, message).with_value(first_row));
            None
        }
    })
}

/// The header cells that identify a file, and how a warning names them.
pub(crate) struct Header {
    /// Cells the header row must hold (canonical: trimmed, uppercase).
    pub required: &'static [&'static str],
    /// The same, as a person reads them in a warning.
    pub expected: &'static str,
}

/// What a parser does after a row.
pub(crate) enum Flow {
    /// Read the next row.
    Next,
    /// Stop reading: the file has given what the parser needs.
    Stop,
}

/// The skeleton every parser shares: finds the header row (or warns that
/// there is none), hands each row to `on_row`, records the `Warning` of a
/// row it skips, and passes on the rows the table itself skipped (too wide).
/// `on_row` may push warnings of its own about a row it keeps.
pub(crate) fn read_rows<R: Read>(
    file: &str,
    input: R,
    header: &Header,
    limits: &Limits,
    warnings: &mut Warnings,
    mut on_row: impl FnMut(&Table<R>, &mut Warnings) -> std::result::Result<Flow, Warning>,
) -> Result<()> {
    let Some(mut table) = open_table(
        file,
        input,
        header.required,
        header.expected,
        limits,
        warnings,
    )?
    else {
        return Ok(());
    };
    while table.next_row()? {
        match on_row(&table, warnings) {
            Ok(Flow::Next) => {}
            Ok(Flow::Stop) => break,
            Err(skipped) => warnings.push(skipped),
        }
    }
    warnings.merge(std::mem::take(&mut table.skipped));
    Ok(())
}

/// Joins first and last name the way LinkedIn shows them.
pub(crate) fn full_name(first: &str, last: &str) -> String {
    let mut name = String::new();
    push_full_name(&mut name, first, last);
    name
}

/// [`full_name`], written at the end of `out` (not `format!`: this runs for
/// every connection).
pub(crate) fn push_full_name(out: &mut String, first: &str, last: &str) {
    let (first, last) = (first.trim(), last.trim());
    out.reserve(first.len() + 1 + last.len());
    out.push_str(first);
    if !first.is_empty() && !last.is_empty() {
        out.push(' ');
    }
    out.push_str(last);
}

/// Test helper: the warnings' display strings.
#[cfg(test)]
pub(crate) fn shown(warnings: &Warnings) -> Vec<String> {
    warnings.iter().map(ToString::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(bytes: &[u8]) -> Box<Table<&[u8]>> {
        match Table::open("t.csv", bytes, &["A", "B"], &Limits::default()) {
            Ok(Opened::Table(t)) => t,
            _ => panic!("no table"),
        }
    }

    #[test]
    fn full_names_join_what_is_there_with_one_space() {
        for (first, last, name) in [
            (" Ines ", "Okafor ", "Ines Okafor"),
            ("", " Okafor", "Okafor"),
            ("Ines", "  ", "Ines"),
            ("", "", ""),
            ("Jane", "Doe, Ph.D.", "Jane Doe, Ph.D."),
        ] {
            assert_eq!(full_name(first, last), name);
            // Written after what the buffer holds, as the people's names are.
            let mut out = String::from("> ");
            push_full_name(&mut out, first, last);
            assert_eq!(out, format!("> {name}"));
        }
    }

    #[test]
    fn line_breaks_inside_a_record_longer_than_the_buffer_are_counted() {
        // One record of 100,000 line breaks inside quotes, then another row.
        let mut csv = b"A,B\n1,\"".to_vec();
        csv.extend(b"x\n".repeat(100_000));
        csv.extend(b"\"\n2,y\r\n\r\n3,z\n");
        let mut t = table(&csv);
        assert!(t.next_row().unwrap());
        assert_eq!(t.line(), 2);
        assert_eq!(t.field(Some(1)).len(), 200_000);
        assert!(t.next_row().unwrap());
        assert_eq!((t.line(), t.field(Some(0))), (100_003, &b"2"[..]));
        assert!(t.next_row().unwrap());
        assert_eq!((t.line(), t.field(Some(0))), (100_005, &b"3"[..]));
        assert!(!t.next_row().unwrap());
        assert!(t.skipped.is_empty());
    }

    #[test]
    fn rows_of_empty_cells_are_skipped_and_counted() {
        let mut csv = b"A,B\n".to_vec();
        csv.extend(b",\n".repeat(100_000));
        csv.extend(b"1,2\n");
        let mut t = table(&csv);
        assert!(t.next_row().unwrap());
        assert_eq!((t.line(), t.field(Some(1))), (100_002, &b"2"[..]));
    }

    #[test]
    fn a_file_cut_inside_quotes_warns_once_with_its_line() {
        let mut t = table(b"A,B\n1,\"ok \"\"quoted\"\"\"\n2,5\" bare\n3,\"cut\nhere");
        let mut rows = 0;
        while t.next_row().unwrap() {
            rows += 1;
        }
        assert!(!t.next_row().unwrap());
        assert_eq!(rows, 3);
        assert_eq!(
            shown(&t.skipped),
            [
                "t.csv line 4: file ends inside a quoted field: it may be truncated (read up to there)"
            ]
        );
    }

    /// A reader that fails as an unreadable file does.
    struct Denied;
    impl Read for Denied {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::PermissionDenied.into())
        }
    }

    #[test]
    fn a_read_error_keeps_its_kind_and_its_source() {
        // Constructed: tests run as root, where chmod 000 does not stop a read.
        let Err(err) = Table::open("t.csv", Denied, &["A"], &Limits::default()) else {
            panic!("read");
        };
        assert_eq!(err.to_string(), "t.csv: cannot read: permission denied");
        let source =
            std::error::Error::source(&err).and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(
            source.map(std::io::Error::kind),
            Some(std::io::ErrorKind::PermissionDenied)
        );
        // The same error in the middle of a file, after the header.
        let mut t = table_of(b"A,B\n1,2\n".chain(Denied));
        assert!(t.next_row().unwrap());
        let err = t.next_row().unwrap_err();
        assert!(
            err.to_string().ends_with("cannot read: permission denied"),
            "{err}"
        );
        assert!(std::error::Error::source(&err).is_some());
    }

    fn table_of<R: Read>(input: R) -> Box<Table<R>> {
        match Table::open("t.csv", input, &["A", "B"], &Limits::default()) {
            Ok(Opened::Table(t)) => t,
            _ => panic!("no table"),
        }
    }
}
