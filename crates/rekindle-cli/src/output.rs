//! Where output goes and how it looks: one [`Printer`] built from `--color`,
//! `NO_COLOR` and `COLUMNS`, and the one error type of the binary.

use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use crate::args::{ColorChoice, OutputFormat};
use crate::render::{self, Format, TableStyle};

/// Anything a command, a chart, the page or the calendar can fail with;
/// printed by `main` as one chain of causes.
pub type Failure = Box<dyn std::error::Error>;

/// Renders rows and records for one run, in the terminal's style.
pub struct Printer {
    style: TableStyle,
    raw_csv: bool,
}

impl Printer {
    /// The style of this terminal: `COLUMNS` wide (else 80), colour as
    /// chosen; `raw_csv` writes CSV cells unneutralised.
    pub fn new(color: ColorChoice, raw_csv: bool) -> Printer {
        let max_width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(80);
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        };
        Printer {
            style: TableStyle { max_width, color },
            raw_csv,
        }
    }

    /// The renderer's format for `--format`: CSV cells are neutralised
    /// against spreadsheet formulas unless `--raw-csv`.
    fn format(&self, format: OutputFormat) -> Format {
        match format {
            OutputFormat::Table => Format::Table,
            OutputFormat::Json => Format::Json,
            OutputFormat::Csv if self.raw_csv => Format::RawCsv,
            OutputFormat::Csv => Format::Csv,
            OutputFormat::Markdown => Format::Markdown,
        }
    }

    /// Rows in `format` (`columns` for tables), or for a table with no rows
    /// the line `empty`: machine formats stay empty.
    pub fn rows<T: Serialize>(
        &self,
        out: &mut dyn Write,
        rows: &[T],
        format: OutputFormat,
        columns: &[&str],
        empty: &str,
    ) -> io::Result<()> {
        if rows.is_empty() && format == OutputFormat::Table {
            return writeln!(out, "{empty}");
        }
        render::write_rows(out, rows, self.format(format), Some(columns), &self.style)
    }

    /// Rows whose `reason` is the point: in a table, wrapped under each row.
    pub fn reasoned_rows<T: Serialize>(
        &self,
        out: &mut dyn Write,
        rows: &[T],
        format: OutputFormat,
        columns: &[&str],
        empty: &str,
    ) -> io::Result<()> {
        if rows.is_empty() && format == OutputFormat::Table {
            return writeln!(out, "{empty}");
        }
        render::write_rows_with_notes(
            out,
            rows,
            self.format(format),
            columns,
            "reason",
            &self.style,
        )
    }

    /// Rows never cut to the terminal's width (lists inside a report).
    pub fn unbounded_rows<T: Serialize>(
        &self,
        out: &mut dyn Write,
        rows: &[T],
        format: OutputFormat,
        columns: &[&str],
    ) -> io::Result<()> {
        render::write_rows(
            out,
            rows,
            self.format(format),
            Some(columns),
            &self.unbounded(),
        )
    }

    fn unbounded(&self) -> TableStyle {
        TableStyle {
            max_width: 0,
            ..self.style.clone()
        }
    }

    /// One record (summary, person): read, not scanned, so never cut to width.
    pub fn record<T: Serialize>(
        &self,
        out: &mut dyn Write,
        record: &T,
        format: OutputFormat,
    ) -> io::Result<()> {
        render::write_record(out, record, self.format(format), &self.unbounded())
    }
}

/// Keeps the first `limit` rows, all without one.
pub fn limited<T>(mut rows: Vec<T>, limit: Option<usize>) -> Vec<T> {
    if let Some(n) = limit {
        rows.truncate(n);
    }
    rows
}
