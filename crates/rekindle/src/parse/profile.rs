//! `Profile.csv`: the owner's own profile (one row). Only what identifies the
//! owner is kept; address, birth date and the like are never read.

use std::io::Read;

use serde::Deserialize;

use super::{Flow, Header, full_name, read_rows, text};
use crate::error::Result;
use crate::limits::Limits;
use crate::warnings::Warnings;

/// The owner's profile.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Profile {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Headline.
    pub headline: Option<String>,
    /// Industry.
    pub industry: Option<String>,
}

impl Profile {
    /// First and last name joined.
    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "FIRST NAME", default, borrow)]
    first_name: Option<&'a str>,
    #[serde(rename = "LAST NAME", default, borrow)]
    last_name: Option<&'a str>,
    #[serde(rename = "HEADLINE", default, borrow)]
    headline: Option<&'a str>,
    #[serde(rename = "INDUSTRY", default, borrow)]
    industry: Option<&'a str>,
}

/// Reads `Profile.csv`: its first row with a name.
pub fn read<R: Read>(
    file: &str,
    input: R,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Option<Profile>> {
    const HEADER: Header = Header {
        required: &["FIRST NAME", "LAST NAME"],
        expected: "First Name and Last Name",
    };
    let mut profile = None;
    read_rows(file, input, &HEADER, limits, warnings, |table, _| {
        let row: Row = table.row()?;
        let first_name = row.first_name.unwrap_or("").trim().to_string();
        let last_name = row.last_name.unwrap_or("").trim().to_string();
        if full_name(&first_name, &last_name).is_empty() {
            return Ok(Flow::Next);
        }
        profile = Some(Profile {
            first_name,
            last_name,
            headline: text(row.headline),
            industry: text(row.industry),
        });
        Ok(Flow::Stop)
    })?;
    Ok(profile)
}
