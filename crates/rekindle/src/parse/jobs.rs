//! `Jobs/Job Applications.csv` and `Jobs/Saved Jobs.csv`: companies the
//! owner wants to work at, the occasion to ask someone there for a favour.
//!
//! `Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers`
//! (date like `2/3/25, 4:05 PM`) and `Saved Date,Job Url,Job Title,Company Name`.
//! Only the company, the title and the date are kept: the contact details,
//! résumé name and answers are the owner's and no report needs them.

use std::io::Read;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Flow, Header, read_rows, text};
use crate::dates::parse_datetime;
use crate::error::Result;
use crate::limits::Limits;
use crate::warnings::Warnings;

/// One job the owner applied for or saved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Job {
    /// The line of the row.
    pub line: u64,
    /// The employer, as the file writes it.
    pub company: String,
    /// The job's title.
    pub title: Option<String>,
    /// When it was applied for or saved (`None` if unreadable; a warning says so).
    pub date: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "COMPANY NAME", default, borrow)]
    company: Option<&'a str>,
    #[serde(rename = "JOB TITLE", default, borrow)]
    title: Option<&'a str>,
    #[serde(alias = "APPLICATION DATE", alias = "SAVED DATE", default, borrow)]
    date: Option<&'a str>,
}

/// Reads `Job Applications.csv` (`saved` false) or `Saved Jobs.csv` (`saved` true).
pub fn read<R: Read>(
    file: &str,
    input: R,
    saved: bool,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Vec<Job>> {
    const APPLIED: Header = Header {
        required: &["COMPANY NAME", "APPLICATION DATE"],
        expected: "Company Name and Application Date",
    };
    const SAVED: Header = Header {
        required: &["COMPANY NAME", "SAVED DATE"],
        expected: "Company Name and Saved Date",
    };
    let header = if saved { &SAVED } else { &APPLIED };
    let mut out = Vec::new();
    read_rows(file, input, header, limits, warnings, |table, warnings| {
        let row: Row = table.row()?;
        let Some(company) = text(row.company) else {
            return Err(table.warn("row skipped: no company name", ""));
        };
        let date_text = row.date.unwrap_or("").trim();
        let date = parse_datetime(date_text).map(|d| d.date());
        if date.is_none() {
            warnings.push(table.warn("job kept without a date: unparseable date", date_text));
        }
        out.push(Job {
            line: table.line(),
            company,
            title: text(row.title),
            date,
        });
        Ok(Flow::Next)
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applications_keep_company_title_and_date_only() {
        let mut w = Warnings::default();
        let jobs = read(
            "Job Applications.csv",
            "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n\
             \"2/3/25, 4:05 PM\",a@example.com,,\"Northwind, Inc.\",PM,https://x.example,cv.pdf,\"Q? : A\"\n\
             \"yesterday\",a@example.com,,Fabrikam,,,,\n\
             \"2/3/25, 4:05 PM\",a@example.com,,,PM,,,\n"
                .as_bytes(),
            false,
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert_eq!(jobs.len(), 2);
        assert_eq!(jobs[0].company, "Northwind, Inc.");
        assert_eq!(jobs[0].date.unwrap().to_string(), "2025-02-03");
        assert_eq!(jobs[1].date, None);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(
            (w.kept()[0].line, w.kept()[0].value.as_deref()),
            (Some(3), Some("yesterday"))
        );
        assert!(w.kept()[1].message.contains("no company"), "{w:?}");
    }

    #[test]
    fn saved_jobs_have_their_own_header() {
        let mut w = Warnings::default();
        let jobs = read(
            "Saved Jobs.csv",
            "Saved Date,Job Url,Job Title,Company Name\n\
             \"9/1/26, 10:12 AM\",https://x.example,Staff PM,Harbor and Finch\n"
                .as_bytes(),
            true,
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(jobs[0].company, "Harbor and Finch");
        assert_eq!(jobs[0].title.as_deref(), Some("Staff PM"));
        assert_eq!(jobs[0].date.unwrap().to_string(), "2026-09-01");
        // An applications header is not a saved-jobs header.
        let none = read(
            "Saved Jobs.csv",
            "Application Date,Company Name\n1/1/26,X\n".as_bytes(),
            true,
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert!(none.is_empty());
        assert!(w.kept()[0].message.contains("Saved Date"), "{w:?}");
    }
}
