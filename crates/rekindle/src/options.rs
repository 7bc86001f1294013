//! [`Options`]: the choices that change what an analysis counts.

use chrono::NaiveDate;

/// What an analysis counts, and as of when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Reports are computed as of this day. `None`: the export's own date
    /// (from its name, else its latest record), never the wall clock, so a
    /// report is the same whenever it is run.
    pub as_of: Option<NaiveDate>,
    /// Count messages in the SPAM folder too (left out by default).
    pub include_spam: bool,
}

impl Options {
    /// Reads a `YYYY-MM-DD` as-of date.
    ///
    /// ```
    /// let d = rekindle::Options::parse_as_of("2026-01-31").unwrap();
    /// assert_eq!(d.to_string(), "2026-01-31");
    /// assert!(rekindle::Options::parse_as_of("31/01/2026").is_err());
    /// ```
    pub fn parse_as_of(text: &str) -> crate::Result<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            crate::Error::InvalidOption {
                what: "as-of date",
                value: text.to_string(),
                expected: "a date as YYYY-MM-DD",
            }
        })
    }
}
