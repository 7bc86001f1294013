//! `Notes.csv` (2026): the owner's own notes on connections.
//!
//! `Connection First Name,Connection Last Name,Connection Profile URL,Note,Created On,Edited On`.
//! A note is the owner's private text: shown back to them in `person`, plan
//! items and reminders, and dropped under redaction.

use std::io::Read;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Flow, Header, full_name, read_rows, text};
use crate::dates::parse_datetime;
use crate::error::Result;
use crate::keys::normalize_profile_url;
use crate::limits::Limits;
use crate::warnings::Warnings;

/// One note the owner wrote about a connection.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Note {
    /// The line of the row.
    pub line: u64,
    /// The connection's name.
    pub name: String,
    /// The connection's normalised profile URL, if given.
    pub profile_url: Option<String>,
    /// The note.
    pub text: String,
    /// When it was last written: edited, else created (`None` if neither reads).
    pub date: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "CONNECTION FIRST NAME", default, borrow)]
    first_name: Option<&'a str>,
    #[serde(rename = "CONNECTION LAST NAME", default, borrow)]
    last_name: Option<&'a str>,
    #[serde(rename = "CONNECTION PROFILE URL", default, borrow)]
    url: Option<&'a str>,
    #[serde(rename = "NOTE", default, borrow)]
    note: Option<&'a str>,
    #[serde(rename = "CREATED ON", default, borrow)]
    created_on: Option<&'a str>,
    #[serde(rename = "EDITED ON", default, borrow)]
    edited_on: Option<&'a str>,
}

/// Reads `Notes.csv`.
pub fn read<R: Read>(
    file: &str,
    input: R,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Vec<Note>> {
    const HEADER: Header = Header {
        required: &["NOTE", "CONNECTION FIRST NAME"],
        expected: "Connection First Name and Note",
    };
    let mut out = Vec::new();
    read_rows(file, input, &HEADER, limits, warnings, |table, _| {
        let row: Row = table.row()?;
        let name = full_name(row.first_name.unwrap_or(""), row.last_name.unwrap_or(""));
        let profile_url = row.url.and_then(normalize_profile_url);
        if name.is_empty() && profile_url.is_none() {
            return Err(table.warn("row skipped: no name or profile URL", ""));
        }
        let Some(note) = text(row.note) else {
            return Err(table.warn("row skipped: empty note", &name));
        };
        let day = |v: Option<&str>| parse_datetime(v.unwrap_or("")).map(|d| d.date());
        out.push(Note {
            line: table.line(),
            name,
            profile_url,
            text: note,
            date: day(row.edited_on).or_else(|| day(row.created_on)),
        });
        Ok(Flow::Next)
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_the_latest_date_and_multiline_text() {
        let mut w = Warnings::default();
        let notes = read(
            "Notes.csv",
            "Connection First Name,Connection Last Name,Connection Profile URL,Note,Created On,Edited On\n\
             Maya,Okonkwo-Reyes,https://www.linkedin.com/in/maya-x,\"Loves ramen.\nAsk about the book.\",2026-01-02,2026-03-04\n\
             Kwame,Mensah,,Met at the offsite,2025-06-01,\n\
             Nobody,Here,,,2025-06-01,\n"
                .as_bytes(),
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].text, "Loves ramen.\nAsk about the book.");
        assert_eq!(
            notes[0].profile_url.as_deref(),
            Some("linkedin.com/in/maya-x")
        );
        assert_eq!(notes[0].date.unwrap().to_string(), "2026-03-04");
        assert_eq!(notes[1].date.unwrap().to_string(), "2025-06-01");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w.kept()[0].line, Some(5));
    }
}
