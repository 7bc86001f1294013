//! `Recommendations_Received.csv` and `Recommendations_Given.csv`.
//!
//! `First Name,Last Name,Company,Job Title,Text,Creation Date,Status`; no URL,
//! so they are matched to people by name. The date's format has changed
//! often; the text is not kept, only its length.

use std::io::Read;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Flow, Header, full_name, read_rows, text};
use crate::dates::parse_datetime;
use crate::error::Result;
use crate::limits::Limits;
use crate::warnings::Warnings;

/// One recommendation, received or given.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Recommendation {
    /// The line of the row.
    pub line: u64,
    /// The other person's name.
    pub name: String,
    /// Their company, as written on the recommendation.
    pub company: Option<String>,
    /// Their job title, as written on the recommendation.
    pub job_title: Option<String>,
    /// The length of the text in bytes; the text itself is not kept.
    pub text_len: u32,
    /// When it was written (`None` if unreadable; a warning says so).
    pub date: Option<NaiveDate>,
    /// `VISIBLE`, `HIDDEN` or `PENDING`.
    pub status: String,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "FIRST NAME", default, borrow)]
    first_name: Option<&'a str>,
    #[serde(rename = "LAST NAME", default, borrow)]
    last_name: Option<&'a str>,
    #[serde(rename = "COMPANY", default, borrow)]
    company: Option<&'a str>,
    #[serde(rename = "JOB TITLE", default, borrow)]
    job_title: Option<&'a str>,
    #[serde(rename = "TEXT", default, borrow)]
    text: Option<&'a [u8]>,
    #[serde(rename = "CREATION DATE", default, borrow)]
    date: Option<&'a str>,
    #[serde(rename = "STATUS", default, borrow)]
    status: Option<&'a str>,
}

/// Reads either recommendations file.
pub fn read<R: Read>(
    file: &str,
    input: R,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Vec<Recommendation>> {
    const HEADER: Header = Header {
        required: &["FIRST NAME", "LAST NAME", "TEXT"],
        expected: "First Name, Last Name and Text",
    };
    let mut out = Vec::new();
    read_rows(file, input, &HEADER, limits, warnings, |table, warnings| {
        let row: Row = table.row()?;
        let name = full_name(row.first_name.unwrap_or(""), row.last_name.unwrap_or(""));
        if name.is_empty() {
            return Err(table.warn("row skipped: no name", ""));
        }
        let date_text = row.date.unwrap_or("").trim();
        let date = parse_datetime(date_text).map(|d| d.date());
        if date.is_none() {
            warnings.push(table.warn(
                "recommendation kept without a date: unparseable date",
                date_text,
            ));
        }
        out.push(Recommendation {
            line: table.line(),
            name,
            company: text(row.company),
            job_title: text(row.job_title),
            text_len: u32::try_from(row.text.unwrap_or(b"").len()).unwrap_or(u32::MAX),
            date,
            status: row.status.unwrap_or("").trim().to_ascii_uppercase(),
        });
        Ok(Flow::Next)
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_shape_seen() {
        let mut w = Warnings::default();
        let r = read(
            "Recommendations_Given.csv",
            "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n\
             Maya,Reyes,Acme,PM,\"Great, truly.\",\"08/30/22, 05:51 PM\",VISIBLE\n\
             Maya,Reyes,Acme,PM,x,01/01/24,VISIBLE\n\
             Maya,Reyes,Acme,PM,x,Jan 2024,VISIBLE\n"
                .as_bytes(),
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert!(w.is_empty(), "{w:?}");
        let dates: Vec<String> = r.iter().map(|r| r.date.unwrap().to_string()).collect();
        assert_eq!(dates, ["2022-08-30", "2024-01-01", "2024-01-01"]);
        assert_eq!(r[0].text_len, 13);
    }
}
