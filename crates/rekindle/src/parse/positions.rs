//! `Positions.csv`: the owner's own employers (`Started On` like `Jan 2024`).

use std::io::Read;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Flow, Header, read_rows, text};
use crate::dates::parse_month;
use crate::error::Result;
use crate::limits::Limits;
use crate::warnings::Warnings;

/// One of the owner's positions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    /// The line of the row.
    pub line: u64,
    /// The employer.
    pub company: String,
    /// The title held.
    pub title: Option<String>,
    /// First day of the month it started, if known.
    pub started_on: Option<NaiveDate>,
    /// First day of the month it ended; `None` for a current position.
    pub finished_on: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "COMPANY NAME", default, borrow)]
    company: Option<&'a str>,
    #[serde(rename = "TITLE", default, borrow)]
    title: Option<&'a str>,
    #[serde(rename = "STARTED ON", default, borrow)]
    started_on: Option<&'a str>,
    #[serde(rename = "FINISHED ON", default, borrow)]
    finished_on: Option<&'a str>,
}

/// Reads `Positions.csv`.
pub fn read<R: Read>(
    file: &str,
    input: R,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Vec<Position>> {
    const HEADER: Header = Header {
        required: &["COMPANY NAME"],
        expected: "Company Name",
    };
    let mut out = Vec::new();
    read_rows(file, input, &HEADER, limits, warnings, |table, _| {
        let row: Row = table.row()?;
        let Some(company) = text(row.company) else {
            return Err(table.warn("row skipped: no company name", ""));
        };
        let month = |value: Option<&str>| {
            let value = value.unwrap_or("").trim();
            (!value.is_empty()).then(|| parse_month(value)).flatten()
        };
        out.push(Position {
            line: table.line(),
            company,
            title: text(row.title),
            started_on: month(row.started_on),
            finished_on: month(row.finished_on),
        });
        Ok(Flow::Next)
    })?;
    Ok(out)
}
