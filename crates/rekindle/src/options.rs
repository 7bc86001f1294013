//! [`Options`]: the choices that change what an analysis counts and shows.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::limits::Limits;

/// What an analysis counts, as of when, and under which limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Reports are computed as of this day. `None`: the export's own date
    /// (from its name, else its latest record), never the wall clock, so a
    /// report is the same whenever it is run.
    pub as_of: Option<NaiveDate>,
    /// Count messages in the SPAM folder too (left out by default).
    pub include_spam: bool,
    /// Replace every name with a stable pseudonym and drop profile links
    /// (see [`crate::redact`]).
    pub redact: bool,
    /// Turn the first warning into an error.
    pub strict: bool,
    /// The limits the export is read under.
    pub limits: Limits,
}

impl Options {
    /// Reads a `YYYY-MM-DD` as-of date.
    ///
    /// ```
    /// let d = rekindle::Options::parse_as_of("2026-01-31").unwrap();
    /// assert_eq!(d.to_string(), "2026-01-31");
    /// assert!(rekindle::Options::parse_as_of("31/01/2026").is_err());
    /// ```
    pub fn parse_as_of(text: &str) -> Result<NaiveDate> {
        crate::dates::parse_iso_day(text).ok_or_else(|| Error::InvalidOption {
            what: "as-of date",
            value: text.to_string(),
            expected: "a date as YYYY-MM-DD",
        })
    }
}
