//! `Connections.csv`: the member's first-degree connections.
//!
//! Three eras: no preamble and no URL (until mid-2021), a "Notes:" preamble
//! (mid-2021 on), and a `URL` column after `Last Name` (mid-2023 on).

use std::io::Read;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Flow, Header, full_name, read_rows, shared_text, text};
use crate::dates::parse_date;
use crate::error::Result;
use crate::keys::normalize_profile_url;
use crate::limits::Limits;
use crate::warnings::Warnings;

/// One connection, as LinkedIn listed it at export time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Connection {
    /// The line of the row in `Connections.csv`.
    pub line: u64,
    /// First name.
    pub first_name: String,
    /// Last name (may hold suffixes such as `Doe, Ph.D.`).
    pub last_name: String,
    /// Normalised profile URL (`linkedin.com/in/<slug>`), absent before mid-2023.
    pub profile_url: Option<String>,
    /// Email, shown only when the connection allows it.
    pub email: Option<String>,
    /// Their company at export time (shared with the person, the graph's
    /// node and the metrics' row, not copied).
    pub company: Option<Arc<str>>,
    /// Their position at export time (shared, as the company).
    pub position: Option<Arc<str>>,
    /// When you connected (`None` if the date could not be read; a warning says so).
    pub connected_on: Option<NaiveDate>,
}

impl Connection {
    /// First and last name joined.
    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
}

/// What `Connections.csv` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Connections {
    /// Rows that are people.
    pub people: Vec<Connection>,
    /// Rows of members who hid or closed their profile: only a date, no person.
    pub hidden: usize,
    /// The latest date of those rows: it still counts for the as-of date.
    pub hidden_latest: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "FIRST NAME", default, borrow)]
    first_name: Option<&'a str>,
    #[serde(rename = "LAST NAME", default, borrow)]
    last_name: Option<&'a str>,
    #[serde(rename = "URL", default, borrow)]
    url: Option<&'a str>,
    #[serde(rename = "EMAIL ADDRESS", default, borrow)]
    email: Option<&'a str>,
    #[serde(rename = "COMPANY", default, borrow)]
    company: Option<&'a str>,
    #[serde(rename = "POSITION", default, borrow)]
    position: Option<&'a str>,
    #[serde(rename = "CONNECTED ON", default, borrow)]
    connected_on: Option<&'a str>,
}

/// Where each column sits in this file's header.
#[derive(Clone, Copy)]
struct Columns {
    first_name: Option<usize>,
    last_name: Option<usize>,
    url: Option<usize>,
    email: Option<usize>,
    company: Option<usize>,
    position: Option<usize>,
    connected_on: Option<usize>,
}

impl Columns {
    fn of<R: Read>(table: &super::Table<R>) -> Columns {
        Columns {
            first_name: table.column("FIRST NAME"),
            last_name: table.column("LAST NAME"),
            url: table.column("URL"),
            email: table.column("EMAIL ADDRESS"),
            company: table.column("COMPANY"),
            position: table.column("POSITION"),
            connected_on: table.column("CONNECTED ON"),
        }
    }

    /// The row as serde would read it (an empty cell is `None`), or `None`
    /// for a row that is not plain (see [`super::Table::str_field`]).
    fn row<'a, R: Read>(&self, table: &'a super::Table<R>) -> Option<Row<'a>> {
        let cell = |column: Option<usize>| -> Option<Option<&'a str>> {
            let text = table.str_field(column)?;
            Some((!text.is_empty()).then_some(text))
        };
        Some(Row {
            first_name: cell(self.first_name)?,
            last_name: cell(self.last_name)?,
            url: cell(self.url)?,
            email: cell(self.email)?,
            company: cell(self.company)?,
            position: cell(self.position)?,
            connected_on: cell(self.connected_on)?,
        })
    }
}

/// Reads `Connections.csv` of any era.
pub fn read<R: Read>(
    file: &str,
    input: R,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Connections> {
    const HEADER: Header = Header {
        required: &["FIRST NAME", "CONNECTED ON"],
        expected: "First Name and Connected On",
    };
    let mut out = Connections::default();
    let mut columns = None;
    read_rows(file, input, &HEADER, limits, warnings, |table, warnings| {
        let columns = *columns.get_or_insert_with(|| Columns::of(table));
        // Most rows are plain text: read them without serde's machinery.
        let row = match columns.row(table) {
            Some(row) => row,
            None => table.row()?,
        };
        let first = row.first_name.unwrap_or("").trim();
        let last = row.last_name.unwrap_or("").trim();
        let url = row.url.and_then(normalize_profile_url);
        if first.is_empty() && last.is_empty() && url.is_none() {
            out.hidden += 1;
            let date = row.connected_on.and_then(parse_date);
            out.hidden_latest = out.hidden_latest.max(date);
            return Ok(Flow::Next);
        }
        let date_text = row.connected_on.unwrap_or("").trim();
        let connected_on = parse_date(date_text);
        if connected_on.is_none() {
            warnings.push(table.warn(
                "connection kept without a date: unparseable date",
                date_text,
            ));
        }
        out.people.push(Connection {
            line: table.line(),
            first_name: first.to_string(),
            last_name: last.to_string(),
            profile_url: url,
            email: text(row.email),
            company: shared_text(row.company),
            position: shared_text(row.position),
            connected_on,
        });
        Ok(Flow::Next)
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::shown;

    fn parse(text: &str) -> (Connections, Vec<String>) {
        let mut warnings = Warnings::default();
        let c = read(
            "Connections.csv",
            text.as_bytes(),
            &Limits::default(),
            &mut warnings,
        )
        .unwrap();
        (c, shown(&warnings))
    }

    #[test]
    fn era_2020_without_preamble_or_url() {
        let (c, w) = parse(
            "First Name,Last Name,Email Address,Company,Position,Connected On\n\
             Ines,Okafor,,\"Northwind, Inc.\",Director,08 Feb 2020\n\
             ,,,,,07 Jun 2019",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.hidden, 1);
        assert_eq!(c.hidden_latest, NaiveDate::from_ymd_opt(2019, 6, 7));
        assert_eq!(c.people.len(), 1);
        let p = &c.people[0];
        assert_eq!(p.full_name(), "Ines Okafor");
        assert_eq!(p.company.as_deref(), Some("Northwind, Inc."));
        assert_eq!(p.profile_url, None);
        assert_eq!(p.connected_on, NaiveDate::from_ymd_opt(2020, 2, 8));
        assert_eq!(p.line, 2);
    }

    #[test]
    fn era_2023_with_preamble_url_bom_and_crlf() {
        let (c, w) = parse(
            "\u{feff}Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\n\
             First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\
             Jane,\"Doe, Ph.D.\",https://www.linkedin.com/in/Jane-Doe-PhD/?trk=x,,Lab,\"Lead\r\nScientist\",8-Feb-23\r\n",
        );
        assert!(w.is_empty(), "{w:?}");
        let p = &c.people[0];
        assert_eq!(p.full_name(), "Jane Doe, Ph.D.");
        assert_eq!(
            p.profile_url.as_deref(),
            Some("linkedin.com/in/jane-doe-phd")
        );
        assert_eq!(p.position.as_deref(), Some("Lead\r\nScientist"));
        assert_eq!(p.connected_on, NaiveDate::from_ymd_opt(2023, 2, 8));
        assert_eq!(p.line, 5);
    }

    #[test]
    fn a_bad_date_keeps_the_person_and_says_where() {
        let (c, w) = parse(
            "First Name,Last Name,Email Address,Company,Position,Connected On\n\
             A,B,,,,31 Foo 2020\n",
        );
        assert_eq!(c.people.len(), 1);
        assert_eq!(
            w,
            vec![
                "Connections.csv line 2: connection kept without a date: unparseable date \"31 Foo 2020\""
            ]
        );
    }

    #[test]
    fn another_tools_file_is_reported_not_misread() {
        let (c, w) = parse("name,email\nA,a@example.com\n");
        assert!(c.people.is_empty());
        assert_eq!(
            w,
            vec![
                "Connections.csv: file skipped: no header row with First Name and Connected On \"name,email\""
            ]
        );
    }
}
