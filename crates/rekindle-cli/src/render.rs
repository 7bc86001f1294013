//! Rendering of report rows and single records as a terminal table, JSON,
//! CSV or a Markdown table.
//!
//! Everything is serialised to [`serde_json::Value`] first (with the
//! `preserve_order` feature, so object keys keep struct field order), checked,
//! rendered into memory and only then written to the caller's writer in one
//! `write_all`: a failing row never leaves half a table behind. JSON rows are
//! the exception: they are streamed, as 30,000 people's metrics are 30 MB of
//! JSON (see [`write_rows`]).

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Map, Value};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize;

/// Output format chosen with --format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a human in a terminal.
    Table,
    /// Pretty-printed JSON.
    Json,
    /// CSV with a header row; text cells that a spreadsheet would run as a
    /// formula are neutralised (see [`csv_text`]).
    Csv,
    /// CSV with every cell exactly as it is (`--raw-csv`).
    RawCsv,
    /// GitHub-flavoured Markdown pipe table.
    Markdown,
}

/// How a table is laid out in a terminal.
#[derive(Debug, Clone)]
pub struct TableStyle {
    /// Widest a line may be, in terminal cells; `0` means no limit.
    pub max_width: usize,
    /// Whether ANSI escape codes (a bold header) may be written.
    pub color: bool,
}

/// Separator between table columns.
const GAP: &str = "  ";
/// A column is never squeezed below this many cells (nor below its header).
const MIN_COL_WIDTH: usize = 6;
/// Marks a value cut short to fit its column.
const ELLIPSIS: char = '…';
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Writes rows (each serialising to a JSON object with the same keys) in `format`.
/// `columns`: for Table and Markdown only, which keys to show and in which order (None = all keys of the first row). Json and Csv always carry every key.
///
/// An empty slice writes nothing for Table and Markdown, `[]` for Json, and
/// for Csv a header row only when `columns` is given. A key named in
/// `columns` that a row lacks is shown as null.
///
/// # Errors
/// `InvalidData` when a row fails to serialise, `InvalidInput` when a row is
/// not a JSON object, and any error of `out`. Nothing is written on error,
/// except in Json: its rows are streamed to `out` once the first has been
/// serialised, so a later row failing (rows of one type serialise alike,
/// unless one's own `Serialize` fails) ends the output where it failed.
pub fn write_rows<T: Serialize>(
    out: &mut dyn Write,
    rows: &[T],
    format: Format,
    columns: Option<&[&str]>,
    style: &TableStyle,
) -> io::Result<()> {
    if format == Format::Json {
        // Streamed as they are, not through a JSON tree of every row nor a
        // buffer of all of them (for 30,000 people, 30 MB). The rows are of
        // one type: the first tells whether they are objects.
        if let Some(first) = rows.first() {
            to_object(first)?;
        }
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut out, rows).map_err(|e| match e.io_error_kind() {
            Some(kind) => io::Error::new(kind, e),
            None => io::Error::new(io::ErrorKind::InvalidData, e),
        })?;
        out.write_all(b"\n")?;
        return out.flush();
    }
    let buf = {
        let rows = rows.iter().map(to_object).collect::<io::Result<Vec<_>>>()?;
        let chosen: Option<Vec<String>> =
            columns.map(|cols| cols.iter().map(|c| (*c).to_owned()).collect());
        let all_keys: Option<Vec<String>> = rows.first().map(|row| row.keys().cloned().collect());
        if format == Format::Csv || format == Format::RawCsv {
            // Csv carries every key; `columns` only names the header of an empty slice.
            rows_csv(
                &rows,
                &all_keys.or(chosen).unwrap_or_default(),
                format == Format::Csv,
            )?
        } else if rows.is_empty() {
            return Ok(());
        } else {
            let keys = chosen.or(all_keys).unwrap_or_default();
            if format == Format::Table {
                rows_table(&rows, &keys, style, None).into_bytes()
            } else {
                rows_markdown(&rows, &keys).into_bytes()
            }
        }
    };
    out.write_all(&buf)
}

/// Like [`write_rows`], but in a table the `note` key is not a column: its
/// text is wrapped on indented lines under each row. Other formats carry it
/// as any other key.
///
/// # Errors
/// As [`write_rows`].
pub fn write_rows_with_notes<T: Serialize>(
    out: &mut dyn Write,
    rows: &[T],
    format: Format,
    columns: &[&str],
    note: &str,
    style: &TableStyle,
) -> io::Result<()> {
    if format != Format::Table || rows.is_empty() {
        let mut all: Vec<&str> = columns.to_vec();
        all.push(note);
        return write_rows(out, rows, format, Some(&all), style);
    }
    let rows = rows.iter().map(to_object).collect::<io::Result<Vec<_>>>()?;
    let keys: Vec<String> = columns.iter().map(|c| (*c).to_owned()).collect();
    out.write_all(rows_table(&rows, &keys, style, Some(note)).as_bytes())
}

/// Writes one record (serialising to a JSON object) in `format`: Table = aligned `key  value` lines (nested objects flattened as `owner.name`, arrays one item per line indented under the key), Markdown = a two-column `| field | value |` table, Json = pretty object, Csv = one header row + one row (nested values flattened with dotted keys, arrays joined with "; ").
///
/// # Errors
/// `InvalidData` when the record fails to serialise, `InvalidInput` when it
/// is not a JSON object, and any error of `out`. Nothing is written on error.
pub fn write_record<T: Serialize>(
    out: &mut dyn Write,
    record: &T,
    format: Format,
    style: &TableStyle,
) -> io::Result<()> {
    let record = to_object(record)?;
    let fields = || {
        let mut fields = Vec::new();
        flatten("", &record, &mut fields);
        fields
    };
    let buf = match format {
        Format::Json => json_bytes(&record)?,
        Format::Table => record_table(&fields(), style).into_bytes(),
        Format::Markdown => record_markdown(&fields()).into_bytes(),
        Format::Csv | Format::RawCsv => record_csv(&fields(), format == Format::Csv)?,
    };
    out.write_all(&buf)
}

// ---------------------------------------------------------------------------
// Conversion and plain-text cell values

fn to_object<T: Serialize>(value: &T) -> io::Result<Map<String, Value>> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "expected a JSON object to render, got {}",
                kind_name(&other)
            ),
        )),
        Err(err) => Err(io::Error::new(io::ErrorKind::InvalidData, err)),
    }
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Pretty JSON plus a trailing newline.
fn json_bytes<V: Serialize + ?Sized>(value: &V) -> io::Result<Vec<u8>> {
    let mut buf = serde_json::to_vec_pretty(value)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    buf.push(b'\n');
    Ok(buf)
}

/// A non-null value as plain text: strings as-is, numbers and booleans as
/// written in JSON, arrays as their items joined with "; ", objects as
/// compact JSON. Null is the empty string.
fn plain_text(value: &Value) -> Cow<'_, str> {
    match value {
        Value::Null => Cow::Borrowed(""),
        Value::String(s) => Cow::Borrowed(s),
        Value::Array(items) => {
            Cow::Owned(items.iter().map(item_text).collect::<Vec<_>>().join("; "))
        }
        Value::Bool(_) | Value::Number(_) | Value::Object(_) => Cow::Owned(value.to_string()),
    }
}

/// One array item as text; nested arrays and objects stay compact JSON.
fn item_text(value: &Value) -> Cow<'_, str> {
    match value {
        Value::Null => Cow::Borrowed(""),
        Value::String(s) => Cow::Borrowed(s),
        _ => Cow::Owned(value.to_string()),
    }
}

/// A column is numeric (right-aligned) when it holds at least one number and
/// nothing else but nulls.
fn is_numeric_column(rows: &[Map<String, Value>], key: &str) -> bool {
    let mut any_number = false;
    for value in rows.iter().filter_map(|row| row.get(key)) {
        match value {
            Value::Number(_) => any_number = true,
            Value::Null => {}
            _ => return false,
        }
    }
    any_number
}

// ---------------------------------------------------------------------------
// CSV

fn csv_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::new(io::ErrorKind::InvalidData, format!("{other:?}")),
    }
}

fn csv_cell(value: Option<&Value>, neutral: bool) -> Cow<'_, str> {
    value.map_or(Cow::Borrowed(""), |v| csv_text(v, neutral))
}

/// A CSV cell's text. With `neutral`, a text cell beginning with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'`, as OWASP recommends against
/// formula injection: a spreadsheet then shows it as text and never runs it.
/// Numbers and booleans are never changed, so numeric columns stay numbers.
fn csv_text(value: &Value, neutral: bool) -> Cow<'_, str> {
    let text = plain_text(value);
    let is_text = matches!(value, Value::String(_) | Value::Array(_));
    if neutral && is_text && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

fn rows_csv(rows: &[Map<String, Value>], keys: &[String], neutral: bool) -> io::Result<Vec<u8>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(keys).map_err(csv_error)?;
    for row in rows {
        let record: Vec<Cow<'_, str>> =
            keys.iter().map(|k| csv_cell(row.get(k), neutral)).collect();
        writer
            .write_record(record.iter().map(|c| c.as_bytes()))
            .map_err(csv_error)?;
    }
    writer.into_inner().map_err(csv::IntoInnerError::into_error)
}

fn record_csv(fields: &[(String, &Value)], neutral: bool) -> io::Result<Vec<u8>> {
    if fields.is_empty() {
        return Ok(Vec::new());
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(fields.iter().map(|(k, _)| k.as_bytes()))
        .map_err(csv_error)?;
    let values: Vec<Cow<'_, str>> = fields.iter().map(|(_, v)| csv_text(v, neutral)).collect();
    writer
        .write_record(values.iter().map(|c| c.as_bytes()))
        .map_err(csv_error)?;
    writer.into_inner().map_err(csv::IntoInnerError::into_error)
}

// ---------------------------------------------------------------------------
// Markdown

/// Escapes `|` and puts the text on one line: for the column names, which
/// are the program's own; every value goes through [`sanitize::markdown_cell`].
fn markdown_escape(text: &str) -> String {
    text.replace("\r\n", " ")
        .replace(['\n', '\r'], " ")
        .replace('|', "\\|")
}

fn markdown_line(out: &mut String, cells: &[String]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        out.push_str(" |");
    }
    out.push('\n');
}

fn rows_markdown(rows: &[Map<String, Value>], keys: &[String]) -> String {
    let mut out = String::new();
    let header: Vec<String> = keys.iter().map(|k| markdown_escape(k)).collect();
    markdown_line(&mut out, &header);
    let separator: Vec<String> = keys
        .iter()
        .map(|k| {
            if is_numeric_column(rows, k) {
                "---:".to_owned()
            } else {
                "---".to_owned()
            }
        })
        .collect();
    markdown_line(&mut out, &separator);
    for row in rows {
        let cells: Vec<String> = keys
            .iter()
            .map(|k| sanitize::markdown_cell(&row.get(k).map_or(Cow::Borrowed(""), plain_text)))
            .collect();
        markdown_line(&mut out, &cells);
    }
    out
}

fn record_markdown(fields: &[(String, &Value)]) -> String {
    let mut out = String::new();
    if fields.is_empty() {
        return out;
    }
    markdown_line(&mut out, &["field".to_owned(), "value".to_owned()]);
    markdown_line(&mut out, &["---".to_owned(), "---".to_owned()]);
    for (key, value) in fields {
        markdown_line(
            &mut out,
            &[
                sanitize::markdown_cell(key),
                sanitize::markdown_cell(&plain_text(value)),
            ],
        );
    }
    out
}

// ---------------------------------------------------------------------------
// Terminal table

/// Makes text safe for one terminal line ([`sanitize::one_line`]): line
/// breaks, tabs and every other control character (ESC included, so data can
/// never inject escape codes) become a single space; bidi overrides go.
fn one_line(text: &str) -> String {
    sanitize::one_line(text).into_owned()
}

/// A table cell: null and missing values show as `-`.
fn table_cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "-".to_owned(),
        Some(v) => one_line(&plain_text(v)),
    }
}

/// Cuts `text` to at most `width` display cells, ending it with `…` when
/// anything was cut. Cuts only between chars and keeps zero-width combining
/// marks with their base char.
fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    // The ellipsis itself takes one cell.
    let Some(budget) = width.checked_sub(1) else {
        return Cow::Borrowed("");
    };
    let mut end = 0;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let mut head = &text[..end];
    // Width of a string is not always the sum of its chars' widths (emoji
    // sequences); make sure the kept part really fits.
    while head.width() > budget {
        let mut chars = head.chars();
        chars.next_back();
        head = chars.as_str();
    }
    let mut cut = head.trim_end().to_owned();
    cut.push(ELLIPSIS);
    Cow::Owned(cut)
}

/// Pads `text` (already at most `width` wide) to `width` cells.
fn pad(out: &mut String, text: &str, width: usize, right: bool) {
    let fill = width.saturating_sub(text.width());
    if right {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(text);
    } else {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', fill));
    }
}

/// Ends a line: trailing spaces dropped, optionally wrapped in bold.
fn push_line(out: &mut String, line: &str, bold: bool) {
    let line = line.trim_end_matches(' ');
    if bold {
        out.push_str(BOLD);
        out.push_str(line);
        out.push_str(RESET);
    } else {
        out.push_str(line);
    }
    out.push('\n');
}

/// Shrinks column widths until the table fits in `max_width` (0 = no limit).
///
/// The widest column gives up a cell at a time, so one long free-text column
/// (a `reason`, a `note`) takes the squeeze until it is no wider than the
/// others, which then shrink evenly with it. No column goes below its `min`.
/// When even the minimum widths do not fit, the table is left wider than
/// `max_width` rather than hiding whole headers.
fn fit_widths(natural: &[usize], mins: &[usize], max_width: usize) -> Vec<usize> {
    let mut widths = natural.to_vec();
    if max_width == 0 {
        return widths;
    }
    let mut total = widths.iter().sum::<usize>() + GAP.len() * widths.len().saturating_sub(1);
    while total > max_width {
        // Widest first; on a tie the column with more text to lose, then the
        // rightmost one.
        let Some(i) = (0..widths.len())
            .filter(|&i| widths[i] > mins[i])
            .max_by_key(|&i| (widths[i], natural[i], i))
        else {
            break;
        };
        widths[i] -= 1;
        total -= 1;
    }
    widths
}

/// Indent of the note lines under a table row.
const NOTE_INDENT: &str = "    ";

/// A terminal table; with `note`, that key's text is not a column but wrapped
/// lines under each row (a `reason` is the point of its row, too long for a cell).
fn rows_table(
    rows: &[Map<String, Value>],
    keys: &[String],
    style: &TableStyle,
    note: Option<&str>,
) -> String {
    let headers: Vec<String> = keys.iter().map(|k| one_line(k)).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| keys.iter().map(|k| table_cell(row.get(k))).collect())
        .collect();
    let numeric: Vec<bool> = keys.iter().map(|k| is_numeric_column(rows, k)).collect();

    let natural: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            cells
                .iter()
                .map(|row| row[i].width())
                .fold(h.width(), usize::max)
        })
        .collect();
    let mins: Vec<usize> = headers
        .iter()
        .zip(&natural)
        .map(|(h, &n)| h.width().max(MIN_COL_WIDTH).min(n))
        .collect();
    let widths = fit_widths(&natural, &mins, style.max_width);

    let render = |line_cells: &[String]| -> String {
        let mut line = String::new();
        for (i, cell) in line_cells.iter().enumerate() {
            if i > 0 {
                line.push_str(GAP);
            }
            pad(&mut line, &truncate(cell, widths[i]), widths[i], numeric[i]);
        }
        line
    };

    let note_width = match style.max_width {
        0 => 80,
        w => w,
    }
    .saturating_sub(NOTE_INDENT.len())
    .max(20);
    let mut out = String::new();
    push_line(&mut out, &render(&headers), style.color);
    for (row, cells) in rows.iter().zip(&cells) {
        push_line(&mut out, &render(cells), false);
        let Some(text) = note.and_then(|key| row.get(key)).map(plain_text) else {
            continue;
        };
        for line in wrap(&one_line(&text), note_width) {
            out.push_str(NOTE_INDENT);
            push_line(&mut out, &line, false);
        }
    }
    out
}

/// Flattens nested objects into dotted keys; arrays and scalars are leaves.
/// An empty nested object is kept as a leaf so its key is not lost.
fn flatten<'a>(prefix: &str, map: &'a Map<String, Value>, out: &mut Vec<(String, &'a Value)>) {
    for (key, value) in map {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Value::Object(inner) if !inner.is_empty() => flatten(&path, inner, out),
            _ => out.push((path, value)),
        }
    }
}

/// Indent and bullet of an array item under its key.
const ITEM_PREFIX: &str = "  - ";

fn record_table(fields: &[(String, &Value)], style: &TableStyle) -> String {
    let keys: Vec<String> = fields.iter().map(|(k, _)| one_line(k)).collect();
    let key_width = keys.iter().map(|k| k.width()).max().unwrap_or(0);
    let limit = |used: usize| -> usize {
        if style.max_width == 0 {
            usize::MAX
        } else {
            style.max_width.saturating_sub(used).max(MIN_COL_WIDTH)
        }
    };
    let key_text = |key: &str, padded: bool| -> String {
        let mut text = String::new();
        if style.color {
            text.push_str(BOLD);
            text.push_str(key);
            text.push_str(RESET);
        } else {
            text.push_str(key);
        }
        if padded {
            text.extend(std::iter::repeat_n(' ', key_width - key.width()));
        }
        text
    };

    let mut out = String::new();
    for (key, (_, value)) in keys.iter().zip(fields) {
        match value {
            Value::Array(items) if !items.is_empty() => {
                push_line(&mut out, &key_text(key, false), false);
                for item in items {
                    let text = one_line(&item_text(item));
                    let text = if text.is_empty() {
                        "-".to_owned()
                    } else {
                        text
                    };
                    let line =
                        format!("{ITEM_PREFIX}{}", truncate(&text, limit(ITEM_PREFIX.len())));
                    push_line(&mut out, &line, false);
                }
            }
            _ => {
                let text = match value {
                    Value::Array(_) => "-".to_owned(),
                    other => table_cell(Some(other)),
                };
                let line = format!(
                    "{}{GAP}{}",
                    key_text(key, true),
                    truncate(&text, limit(key_width + GAP.len()))
                );
                push_line(&mut out, &line, false);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------

/// Greedy word wrap to `width` display cells; a word longer than a line
/// stands alone on its line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Contact {
        name: String,
        company: Option<String>,
        score: i64,
        note: String,
    }

    fn contacts() -> Vec<Contact> {
        vec![
            Contact {
                name: "Ann".into(),
                company: None,
                score: 42,
                note: "likes tea, coffee".into(),
            },
            Contact {
                name: "Bob \"B\"".into(),
                company: Some("A|B Corp".into()),
                score: 7,
                note: "line1\nline2".into(),
            },
        ]
    }

    const PLAIN: TableStyle = TableStyle {
        max_width: 0,
        color: false,
    };

    fn rows_to_string<T: Serialize>(
        rows: &[T],
        format: Format,
        columns: Option<&[&str]>,
        style: &TableStyle,
    ) -> String {
        let mut buf = Vec::new();
        write_rows(&mut buf, rows, format, columns, style).expect("write_rows failed");
        String::from_utf8(buf).expect("output is not UTF-8")
    }

    fn record_to_string<T: Serialize>(record: &T, format: Format, style: &TableStyle) -> String {
        let mut buf = Vec::new();
        write_record(&mut buf, record, format, style).expect("write_record failed");
        String::from_utf8(buf).expect("output is not UTF-8")
    }

    #[test]
    fn table_basic() {
        let got = rows_to_string(&contacts(), Format::Table, None, &PLAIN);
        let want = "\
name     company   score  note
Ann      -            42  likes tea, coffee
Bob \"B\"  A|B Corp      7  line1 line2
";
        assert_eq!(got, want);
    }

    #[test]
    fn json_basic() {
        let got = rows_to_string(&contacts(), Format::Json, None, &PLAIN);
        let want = r#"[
  {
    "name": "Ann",
    "company": null,
    "score": 42,
    "note": "likes tea, coffee"
  },
  {
    "name": "Bob \"B\"",
    "company": "A|B Corp",
    "score": 7,
    "note": "line1\nline2"
  }
]
"#;
        assert_eq!(got, want);
    }

    #[test]
    fn csv_basic() {
        let got = rows_to_string(&contacts(), Format::Csv, None, &PLAIN);
        let want = "\
name,company,score,note
Ann,,42,\"likes tea, coffee\"
\"Bob \"\"B\"\"\",A|B Corp,7,\"line1
line2\"
";
        assert_eq!(got, want);
    }

    #[test]
    fn csv_ignores_columns_and_flattens_nested_values() {
        #[derive(Serialize)]
        struct Row {
            id: u32,
            tags: Vec<&'static str>,
            meta: Meta,
            ok: bool,
        }
        #[derive(Serialize)]
        struct Meta {
            a: u8,
            b: Option<u8>,
        }
        let rows = [Row {
            id: 1,
            tags: vec!["x", "y,z"],
            meta: Meta { a: 1, b: None },
            ok: true,
        }];
        let got = rows_to_string(&rows, Format::Csv, Some(&["id"]), &PLAIN);
        let want = "\
id,tags,meta,ok
1,\"x; y,z\",\"{\"\"a\"\":1,\"\"b\"\":null}\",true
";
        assert_eq!(got, want);
    }

    #[test]
    fn markdown_basic() {
        let got = rows_to_string(&contacts(), Format::Markdown, None, &PLAIN);
        let want = "\
| name | company | score | note |
| --- | --- | ---: | --- |
| Ann |  | 42 | likes tea, coffee |
| Bob \"B\" | A\\|B Corp | 7 | line1 line2 |
";
        assert_eq!(got, want);
    }

    #[derive(Serialize)]
    struct Person {
        name: &'static str,
        company: &'static str,
        score: f64,
    }

    #[test]
    fn table_aligns_accented_and_cjk_names() {
        let rows = [
            Person {
                name: "Zoë Álvarez",
                company: "Ünïcorn",
                score: 9.5,
            },
            Person {
                name: "李小龙",
                company: "株式会社",
                score: 10.25,
            },
            // Decomposed: "e" + COMBINING ACUTE ACCENT, 5 chars but 4 cells.
            Person {
                name: "Rene\u{301}",
                company: "Acme",
                score: 3.0,
            },
        ];
        let got = rows_to_string(&rows, Format::Table, None, &PLAIN);
        let want = "\
name         company   score
Zoë Álvarez  Ünïcorn     9.5
李小龙       株式会社  10.25
Rene\u{301}         Acme        3.0
";
        assert_eq!(got, want);
        // Every line is exactly as wide as the header once trailing padding
        // of the last (right-aligned) column is accounted for.
        for line in got.lines() {
            assert_eq!(line.width(), 28, "{line:?}");
        }
    }

    #[derive(Serialize)]
    struct Lead {
        name: &'static str,
        days: u32,
        reason: &'static str,
    }

    #[test]
    fn table_truncates_widest_column_to_max_width() {
        let rows = [
            Lead {
                name: "Zoë Álvarez",
                days: 120,
                reason: "You used to talk every month, then nothing since the spring offsite",
            },
            Lead {
                name: "李小龙",
                days: 7,
                reason: "short",
            },
        ];
        let style = TableStyle {
            max_width: 40,
            color: false,
        };
        let got = rows_to_string(&rows, Format::Table, None, &style);
        // name 11 + 2 + days 4 + 2 = 19 cells, leaving 21 for reason.
        let want = "\
name         days  reason
Zoë Álvarez   120  You used to talk eve…
李小龙          7  short
";
        assert_eq!(got, want);
        for line in got.lines() {
            assert!(line.width() <= 40, "{line:?} is {} wide", line.width());
            assert_eq!(line, line.trim_end(), "trailing space in {line:?}");
        }
        assert!(got.contains('…'));
    }

    #[test]
    fn table_squeezes_several_columns_and_respects_minimum() {
        #[derive(Serialize)]
        struct Wide {
            name: &'static str,
            company: &'static str,
            reason: &'static str,
        }
        let rows = [Wide {
            name: "Maximiliano Fernández",
            company: "Internationale Handelsgesellschaft",
            reason: "Worked together at three companies and then lost touch",
        }];
        let style = TableStyle {
            max_width: 40,
            color: false,
        };
        let got = rows_to_string(&rows, Format::Table, None, &style);
        // 40 - 2 * 2 gaps = 36 cells shared by three columns: 12 each.
        let want = "\
name          company       reason
Maximiliano…  Internation…  Worked toge…
";
        assert_eq!(got, want);
        for line in got.lines() {
            assert!(line.width() <= 40);
        }

        // Too narrow for even the minimum widths: columns stop at
        // max(header, 6) and the line stays wider than asked.
        let tiny = TableStyle {
            max_width: 10,
            color: false,
        };
        let got = rows_to_string(&rows, Format::Table, None, &tiny);
        let want = "\
name    company  reason
Maxim…  Intern…  Worke…
";
        assert_eq!(got, want);
    }

    #[test]
    fn truncate_is_width_aware() {
        assert_eq!(truncate("abcdef", 6), "abcdef");
        assert_eq!(truncate("abcdefg", 6), "abcde…");
        // CJK chars are two cells: 2 + 2 + … = 5 cells, never 7.
        assert_eq!(truncate("李小龙李小龙", 6), "李小…");
        assert_eq!(truncate("李小龙李小龙", 6).width(), 5);
        // Combining mark stays with its base or goes with it.
        assert_eq!(truncate("Rene\u{301}e Dupont", 6), "Rene\u{301}e…");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        // No space before the ellipsis.
        assert_eq!(truncate("hello world", 7), "hello…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn colour_only_when_asked() {
        let coloured = TableStyle {
            max_width: 0,
            color: true,
        };
        let got = rows_to_string(
            &contacts(),
            Format::Table,
            Some(&["name", "score"]),
            &coloured,
        );
        let want = "\
\x1b[1mname     score\x1b[0m
Ann         42
Bob \"B\"      7
";
        assert_eq!(got, want);

        let plain = rows_to_string(&contacts(), Format::Table, Some(&["name", "score"]), &PLAIN);
        assert!(!plain.contains('\x1b'));

        // Escape codes inside the data never reach the terminal either.
        let sneaky = [Person {
            name: "\x1b[31mred\x1b[0m",
            company: "x",
            score: 1.0,
        }];
        let got = rows_to_string(&sneaky, Format::Table, None, &PLAIN);
        assert!(!got.contains('\x1b'), "{got:?}");
        let got = record_to_string(&sneaky[0], Format::Table, &PLAIN);
        assert!(!got.contains('\x1b'), "{got:?}");
    }

    #[test]
    fn columns_select_and_order() {
        let cols: &[&str] = &["score", "name"];
        let got = rows_to_string(&contacts(), Format::Table, Some(cols), &PLAIN);
        let want = "\
score  name
   42  Ann
    7  Bob \"B\"
";
        assert_eq!(got, want);

        let got = rows_to_string(&contacts(), Format::Markdown, Some(cols), &PLAIN);
        let want = "\
| score | name |
| ---: | --- |
| 42 | Ann |
| 7 | Bob \"B\" |
";
        assert_eq!(got, want);

        // Json ignores the selection and keeps every key.
        let got = rows_to_string(&contacts()[..1], Format::Json, Some(cols), &PLAIN);
        assert!(got.contains("\"company\": null"), "{got}");
        assert!(got.contains("\"note\""), "{got}");

        // A key the rows lack shows as null.
        let got = rows_to_string(
            &contacts()[..1],
            Format::Table,
            Some(&["name", "x"]),
            &PLAIN,
        );
        assert_eq!(got, "name  x\nAnn   -\n");
    }

    #[test]
    fn empty_slice() {
        let none: [Contact; 0] = [];
        let cols: &[&str] = &["name", "score"];
        assert_eq!(rows_to_string(&none, Format::Table, None, &PLAIN), "");
        assert_eq!(rows_to_string(&none, Format::Table, Some(cols), &PLAIN), "");
        assert_eq!(
            rows_to_string(&none, Format::Markdown, Some(cols), &PLAIN),
            ""
        );
        assert_eq!(rows_to_string(&none, Format::Json, None, &PLAIN), "[]\n");
        assert_eq!(rows_to_string(&none, Format::Csv, None, &PLAIN), "");
        assert_eq!(
            rows_to_string(&none, Format::Csv, Some(cols), &PLAIN),
            "name,score\n"
        );
    }

    #[derive(Serialize)]
    struct Owner {
        name: &'static str,
        email: Option<&'static str>,
    }

    #[derive(Serialize)]
    struct Relationship {
        id: u32,
        owner: Owner,
        tags: Vec<&'static str>,
        note: &'static str,
    }

    fn relationship() -> Relationship {
        Relationship {
            id: 7,
            owner: Owner {
                name: "Zoë Álvarez",
                email: None,
            },
            tags: vec!["mentor", "a|b, c"],
            note: "met at \"RustConf\"\nSeattle",
        }
    }

    #[test]
    fn record_table() {
        let got = record_to_string(&relationship(), Format::Table, &PLAIN);
        let want = "\
id           7
owner.name   Zoë Álvarez
owner.email  -
tags
  - mentor
  - a|b, c
note         met at \"RustConf\" Seattle
";
        assert_eq!(got, want);

        let coloured = TableStyle {
            max_width: 0,
            color: true,
        };
        let got = record_to_string(&relationship(), Format::Table, &coloured);
        assert!(got.starts_with("\x1b[1mid\x1b[0m           7\n"), "{got:?}");
    }

    #[test]
    fn record_table_truncates_to_max_width() {
        let style = TableStyle {
            max_width: 30,
            color: false,
        };
        let got = record_to_string(&relationship(), Format::Table, &style);
        let want = "\
id           7
owner.name   Zoë Álvarez
owner.email  -
tags
  - mentor
  - a|b, c
note         met at \"RustConf…
";
        assert_eq!(got, want);
        for line in got.lines() {
            assert!(line.width() <= 30, "{line:?}");
        }
    }

    #[test]
    fn record_markdown() {
        let got = record_to_string(&relationship(), Format::Markdown, &PLAIN);
        let want = "\
| field | value |
| --- | --- |
| id | 7 |
| owner.name | Zoë Álvarez |
| owner.email |  |
| tags | mentor; a\\|b, c |
| note | met at \"RustConf\" Seattle |
";
        assert_eq!(got, want);
    }

    #[test]
    fn record_json() {
        let got = record_to_string(&relationship(), Format::Json, &PLAIN);
        let want = r#"{
  "id": 7,
  "owner": {
    "name": "Zoë Álvarez",
    "email": null
  },
  "tags": [
    "mentor",
    "a|b, c"
  ],
  "note": "met at \"RustConf\"\nSeattle"
}
"#;
        assert_eq!(got, want);
    }

    #[test]
    fn record_csv() {
        let got = record_to_string(&relationship(), Format::Csv, &PLAIN);
        let want = "\
id,owner.name,owner.email,tags,note
7,Zoë Álvarez,,\"mentor; a|b, c\",\"met at \"\"RustConf\"\"
Seattle\"
";
        assert_eq!(got, want);
    }

    #[test]
    fn non_object_rows_are_invalid_input() {
        let mut buf = Vec::new();
        let err = write_rows(&mut buf, &[1, 2], Format::Json, None, &PLAIN)
            .expect_err("numbers are not objects");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        let err = write_record(&mut buf, &"text", Format::Table, &PLAIN)
            .expect_err("a string is not an object");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(buf.is_empty());
    }

    #[test]
    fn serialisation_errors_are_invalid_data() {
        struct Broken;
        impl Serialize for Broken {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("broken"))
            }
        }
        let mut buf = Vec::new();
        let err = write_rows(&mut buf, &[Broken], Format::Csv, None, &PLAIN)
            .expect_err("serialisation fails");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        let err =
            write_record(&mut buf, &Broken, Format::Json, &PLAIN).expect_err("serialisation fails");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(buf.is_empty());
    }

    #[test]
    fn json_rows_stream_the_bytes_a_buffer_would_hold() {
        let rows = [relationship(), relationship()];
        let mut streamed = Vec::new();
        write_rows(&mut streamed, &rows, Format::Json, None, &PLAIN).unwrap();
        let mut whole = serde_json::to_vec_pretty(&rows).unwrap();
        whole.push(b'\n');
        assert_eq!(streamed, whole);
        let mut empty = Vec::new();
        write_rows(&mut empty, &[] as &[u8], Format::Json, None, &PLAIN).unwrap();
        assert_eq!(empty, b"[]\n");
    }

    #[test]
    fn a_json_row_failing_after_the_first_is_invalid_data() {
        /// Serialises as an object, or fails.
        struct Row(bool);
        impl Serialize for Row {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                if !self.0 {
                    return Err(serde::ser::Error::custom("broken"));
                }
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("ok", &true)?;
                map.end()
            }
        }
        let mut buf = Vec::new();
        let err = write_rows(
            &mut buf,
            &[Row(true), Row(false)],
            Format::Json,
            None,
            &PLAIN,
        )
        .expect_err("the second row fails");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(err.to_string().contains("broken"), "{err}");
        // A first row that fails writes nothing.
        let mut buf = Vec::new();
        let err = write_rows(&mut buf, &[Row(false)], Format::Json, None, &PLAIN).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(buf.is_empty());
    }

    #[test]
    fn wrap_breaks_between_words_within_width() {
        assert_eq!(
            wrap("52 messages over 3 years, usually every ~3 weeks", 20),
            ["52 messages over 3", "years, usually every", "~3 weeks"]
        );
        assert_eq!(wrap("", 10), Vec::<String>::new());
        assert_eq!(wrap("unbreakableword x", 5), ["unbreakableword", "x"]);
    }
}
