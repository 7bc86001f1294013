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
pub mod messages;
pub mod positions;
pub mod profile;
pub mod recommendations;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};

use csv::ByteRecord;
use serde::Deserialize;

use crate::error::{Error, Result, Warning};

/// Who sent a message, when the file says so itself (2020 exports only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received by the owner.
    Incoming,
    /// Sent by the owner.
    Outgoing,
}

use crate::limits::{Limits, human_bytes};

/// The CSV reader's buffer: it reads this far ahead of the record it parses.
const CSV_BUFFER: usize = 1 << 16;

/// How many rows may come before the header (the preamble is three).
const HEADER_SEARCH_ROWS: usize = 50;

/// A CSV file positioned after its header row.
pub(crate) struct Table<R: Read> {
    pub file: String,
    reader: csv::Reader<LineCounter<BufReader<R>>>,
    headers: ByteRecord,
    record: ByteRecord,
    line: u64,
    max_columns: usize,
    /// Rows skipped by the table itself; parsers pass them on.
    pub skipped: Vec<Warning>,
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
        let mut input = BufReader::with_capacity(1 << 16, input);
        let head = input.fill_buf().map_err(|e| Error::File {
            file: file.to_string(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(Error::File {
                file: file.to_string(),
                line: None,
                message: "is UTF-16 text (as Excel saves \"Unicode Text\"); save it again as \"CSV UTF-8\"".into(),
            });
        }
        let mut reader = csv::ReaderBuilder::new()
            .buffer_capacity(CSV_BUFFER)
            .has_headers(false)
            .flexible(true)
            .from_reader(LineCounter::new(input, limits.max_record_bytes));
        let mut record = ByteRecord::new();
        let mut first_row = None;
        for _ in 0..HEADER_SEARCH_ROWS {
            if !read_row(file, &mut reader, &mut record)? {
                break;
            }
            let cells: Vec<String> = record.iter().map(canonical_header).collect();
            if required.iter().all(|r| cells.iter().any(|c| c == r)) {
                let headers = ByteRecord::from(cells);
                return Ok(Opened::Table(Box::new(Table {
                    file: file.to_string(),
                    reader,
                    headers,
                    record,
                    line: 0,
                    max_columns: limits.max_columns,
                    skipped: Vec::new(),
                })));
            }
            if first_row.is_none() {
                first_row = Some(
                    record
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
            if !read_row(&self.file, &mut self.reader, &mut self.record)? {
                return Ok(false);
            }
            // A row of nothing but empty cells (Excel pads files with them).
            if self
                .record
                .iter()
                .all(|c| c.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            let start = self.record.position().map_or(0, |p| p.byte());
            self.line = self.reader.get_mut().line_at(start);
            if self.record.len() > self.max_columns {
                let message = format!(
                    "row skipped: {} columns, more than the limit of {}",
                    self.record.len(),
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
        self.record.deserialize(Some(&self.headers)).map_err(|e| {
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
        column.and_then(|i| self.record.get(i)).unwrap_or(b"")
    }

    /// A warning about the current row.
    pub fn warn(&self, message: impl Into<String>, value: &str) -> Warning {
        Warning::new(&self.file, Some(self.line()), message).with_value(value)
    }
}

fn read_row<R: Read>(
    file: &str,
    reader: &mut csv::Reader<LineCounter<R>>,
    record: &mut ByteRecord,
) -> Result<bool> {
    let read = reader.read_byte_record(record);
    let end = reader.position().byte();
    reader.get_mut().record_start = end;
    read.map_err(|e| {
        let line = e.position().map(|p| p.line());
        Error::File {
            file: file.to_string(),
            line,
            message: format!("cannot read: {e}"),
        }
    })
}

/// Counts lines under the CSV reader, because csv's own record positions
/// point before skipped blank lines and into the middle of a CRLF.
///
/// It remembers each run of `\r`/`\n` bytes until a record start passes it,
/// so memory stays bounded by the reader's buffer, not by the file.
pub(crate) struct LineCounter<R> {
    inner: R,
    offset: u64,
    /// Where the record being read started, and how far it may reach.
    record_start: u64,
    max_record: u64,
    runs: VecDeque<(u64, u64, u64)>,
    newlines_before: u64,
}

impl<R: Read> LineCounter<R> {
    fn new(inner: R, max_record: u64) -> Self {
        LineCounter {
            inner,
            offset: 0,
            record_start: 0,
            max_record,
            runs: VecDeque::new(),
            newlines_before: 0,
        }
    }

    /// The 1-based line of the first non-terminator byte at or after `byte`.
    /// Calls must come with growing `byte`.
    fn line_at(&mut self, byte: u64) -> u64 {
        while let Some(&(start, _, newlines)) = self.runs.front() {
            if start > byte {
                break;
            }
            self.newlines_before += newlines;
            self.runs.pop_front();
        }
        1 + self.newlines_before
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &b) in buf[..n].iter().enumerate() {
            if b != b'\n' && b != b'\r' {
                continue;
            }
            let pos = self.offset + i as u64;
            let newline = u64::from(b == b'\n');
            match self.runs.back_mut() {
                Some(run) if run.1 == pos => {
                    run.1 += 1;
                    run.2 += newline;
                }
                _ => self.runs.push_back((pos, pos + 1, newline)),
            }
        }
        self.offset += n as u64;
        // The CSV reader reads up to one buffer ahead of the record it is in.
        let span = self.offset - self.record_start.min(self.offset);
        if span > self.max_record.saturating_add(CSV_BUFFER as u64) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "a record longer than {}, the limit; is this really a LinkedIn CSV?",
                    human_bytes(self.max_record)
                ),
            ));
        }
        Ok(n)
    }
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

/// Opens a file's table, or says why there is none: `None` for an empty
/// file, and for a file without the expected header also a warning saying
/// which columns were looked for (`expected`) and what the file began with.
fn open_table<R: Read>(
    file: &str,
    input: R,
    required: &[&str],
    expected: &str,
    limits: &Limits,
    warnings: &mut Vec<Warning>,
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
    warnings: &mut Vec<Warning>,
    mut on_row: impl FnMut(&Table<R>, &mut Vec<Warning>) -> std::result::Result<Flow, Warning>,
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
    warnings.append(&mut table.skipped);
    Ok(())
}

/// Joins first and last name the way LinkedIn shows them.
pub(crate) fn full_name(first: &str, last: &str) -> String {
    match (first.trim(), last.trim()) {
        ("", last) => last.to_string(),
        (first, "") => first.to_string(),
        (first, last) => format!("{first} {last}"),
    }
}

/// Test helper: the warnings' display strings.
#[cfg(test)]
pub(crate) fn shown(warnings: &[Warning]) -> Vec<String> {
    warnings.iter().map(ToString::to_string).collect()
}
