//! `Endorsement_Received_Info.csv` and `Endorsement_Given_Info.csv`.
//!
//! `Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status`
//! (`Endorsee …` in the given file); the URL column, without scheme, arrived in mid-2023.

use std::io::Read;

use chrono::NaiveDateTime;
use serde::Deserialize;

use super::{Flow, Header, full_name, read_rows};
use crate::dates::parse_datetime;
use crate::error::Result;
use crate::keys::normalize_profile_url;
use crate::limits::Limits;
use crate::warnings::Warnings;

/// One endorsement, received or given.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Endorsement {
    /// The line of the row.
    pub line: u64,
    /// When it was made (`None` if unreadable; a warning says so).
    pub date: Option<NaiveDateTime>,
    /// The skill endorsed.
    pub skill: String,
    /// The other person's name (endorser if received, endorsee if given).
    pub name: String,
    /// The other person's normalised profile URL (mid-2023 on).
    pub profile_url: Option<String>,
    /// `ACCEPTED`, `PENDING` or `HIDDEN`.
    pub status: String,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "ENDORSEMENT DATE", default, borrow)]
    date: Option<&'a str>,
    #[serde(rename = "SKILL NAME", default, borrow)]
    skill: Option<&'a str>,
    #[serde(
        alias = "ENDORSER FIRST NAME",
        alias = "ENDORSEE FIRST NAME",
        default,
        borrow
    )]
    first_name: Option<&'a str>,
    #[serde(
        alias = "ENDORSER LAST NAME",
        alias = "ENDORSEE LAST NAME",
        default,
        borrow
    )]
    last_name: Option<&'a str>,
    #[serde(
        alias = "ENDORSER PUBLIC URL",
        alias = "ENDORSEE PUBLIC URL",
        default,
        borrow
    )]
    url: Option<&'a str>,
    #[serde(rename = "ENDORSEMENT STATUS", default, borrow)]
    status: Option<&'a str>,
}

/// Reads either endorsement file.
pub fn read<R: Read>(
    file: &str,
    input: R,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Vec<Endorsement>> {
    const HEADER: Header = Header {
        required: &["ENDORSEMENT DATE", "SKILL NAME"],
        expected: "Endorsement Date and Skill Name",
    };
    let mut out = Vec::new();
    read_rows(file, input, &HEADER, limits, warnings, |table, warnings| {
        let row: Row = table.row()?;
        let name = full_name(row.first_name.unwrap_or(""), row.last_name.unwrap_or(""));
        let profile_url = row.url.and_then(normalize_profile_url);
        if name.is_empty() && profile_url.is_none() {
            return Err(table.warn(
                "row skipped: no name and no profile URL",
                row.skill.unwrap_or(""),
            ));
        }
        let date_text = row.date.unwrap_or("").trim();
        let date = parse_datetime(date_text);
        if date.is_none() {
            warnings.push(table.warn(
                "endorsement kept without a date: unparseable date",
                date_text,
            ));
        }
        out.push(Endorsement {
            line: table.line(),
            date,
            skill: row.skill.unwrap_or("").trim().to_string(),
            name,
            profile_url,
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
    fn received_with_url_and_given_without() {
        let mut w = Warnings::default();
        let r = read(
            "Endorsement_Received_Info.csv",
            "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n2022/06/20 13:05:02 UTC,SQL,Priya,Raman,www.linkedin.com/in/priya-raman,ACCEPTED\n".as_bytes(),
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert_eq!(r[0].name, "Priya Raman");
        assert_eq!(
            r[0].profile_url.as_deref(),
            Some("linkedin.com/in/priya-raman")
        );
        let g = read(
            "Endorsement_Given_Info.csv",
            "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsement Status\n2022/06/20 13:05:02 UTC,Leadership,Maya,Reyes,ACCEPTED\n".as_bytes(),
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert_eq!(g[0].name, "Maya Reyes");
        assert_eq!(g[0].skill, "Leadership");
        assert!(w.is_empty());
    }
}
