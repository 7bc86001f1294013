//! Date parsing for every format the export files have used.
//!
//! LinkedIn has changed its date formats over the years and differs from file
//! to file; Excel rewrites them when a user re-saves a file. Each parser here
//! accepts every shape known for its file plus the generic fallbacks (ISO
//! dates, US `MM/DD/YYYY`), and returns `None` for anything else so the caller
//! can report the value. Any well-formed date is read, whatever its year (a
//! four-digit one): a date outside LinkedIn's lifetime is suspicious, not
//! unreadable, and [`crate::Network`] says so in one grouped warning.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Day-first and month-name dates: `08 Feb 2023`, `8-Feb-23`, `Feb 8, 2023`,
/// plus ISO `2023-02-08` and US `02/08/2023` or `2/8/23`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    if s.is_empty() {
        return None;
    }
    day_month_year(s).or_else(|| date_by_formats(s))
}

/// [`parse_date`] by its formats alone.
fn date_by_formats(s: &str) -> Option<NaiveDate> {
    const FORMATS: &[&str] = &[
        "%d %b %Y",
        "%d-%b-%y",
        "%d-%b-%Y",
        "%b %d, %Y",
        "%Y-%m-%d",
        "%m/%d/%Y",
        "%m/%d/%y",
        "%Y/%m/%d",
        "%d %B %Y",
    ];
    FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok().filter(well_formed))
        .or_else(|| parse_datetime(s).map(|dt| dt.date()))
}

/// `04 Oct 2026`, the shape of every `Connected On` since 2021, read as the
/// first format (`%d %b %Y`) reads it, without a format string. `None` for
/// anything else, which the formats then read.
fn day_month_year(s: &str) -> Option<NaiveDate> {
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let b = s.as_bytes();
    if b.len() != 11 || b[2] != b' ' || b[6] != b' ' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = number(&b[7..11]).filter(|y| *y >= 1000)?;
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(&b[3..6]))?;
    NaiveDate::from_ymd_opt(year as i32, month as u32 + 1, number(&b[0..2])?)
}

/// Timestamps: `2023-06-11 15:33:58 UTC`, `2019-11-06T02:08:20`,
/// `2022/06/20 13:05:02 UTC`, `1/29/26, 2:37 PM`, `08/30/22, 05:51 PM`,
/// and Excel's `6/11/2023 15:33`. A date alone is read as midnight; a month
/// alone (`Jan 2024`) as its first day. All are taken as UTC.
pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let mut s = text.trim();
    for suffix in [" UTC", "Z", " GMT", " +0000"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
        }
    }
    if s.is_empty() {
        return None;
    }
    fixed_timestamp(s.as_bytes()).or_else(|| datetime_by_formats(s))
}

/// [`parse_datetime`] by its formats alone, of text without a zone.
fn datetime_by_formats(s: &str) -> Option<NaiveDateTime> {
    const FORMATS: &[&str] = &[
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y/%m/%d %H:%M:%S",
        "%m/%d/%y, %I:%M %p",
        "%m/%d/%Y, %I:%M %p",
        "%m/%d/%y %I:%M %p",
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
        "%m/%d/%y %H:%M",
        "%Y-%m-%d %H:%M",
    ];
    if let Some(dt) = FORMATS.iter().find_map(|f| {
        NaiveDateTime::parse_from_str(s, f)
            .ok()
            .filter(|dt| well_formed(&dt.date()))
    }) {
        return Some(dt);
    }
    let date_only = [
        "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y/%m/%d", "%d %b %Y", "%d-%b-%y",
    ]
    .iter()
    .find_map(|f| NaiveDate::parse_from_str(s, f).ok().filter(well_formed))
    .or_else(|| parse_month(s).filter(well_formed));
    date_only.map(|d| d.and_time(NaiveTime::MIN))
}

/// `2023-06-11 15:33:58` (or with a `T`) and `2022/06/20 13:05:02`, read
/// as their formats read them, without a format string: the shape of nearly
/// every message and endorsement. `None` for anything else (a leap second,
/// a three-digit year), which the formats then read.
pub(crate) fn fixed_timestamp(b: &[u8]) -> Option<NaiveDateTime> {
    if b.len() != 19 || b[13] != b':' || b[16] != b':' {
        return None;
    }
    // `%Y-%m-%d %H:%M:%S`, `%Y-%m-%dT%H:%M:%S` and `%Y/%m/%d %H:%M:%S`.
    match (b[4], b[7], b[10]) {
        (b'-', b'-', b' ' | b'T') | (b'/', b'/', b' ') => {}
        _ => return None,
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = number(0..4).filter(|y| *y >= 1000)?;
    NaiveDate::from_ymd_opt(year as i32, number(5..7)?, number(8..10)?)?.and_hms_opt(
        number(11..13)?,
        number(14..16)?,
        number(17..19)?,
    )
}

/// `Jan 2024`, `January 2024`, `2024-01` or a bare year `2024`: the first day of that period.
pub fn parse_month(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    for f in ["%d %b %Y", "%d %B %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&format!("01 {s}"), f) {
            return Some(d);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d") {
        return Some(d);
    }
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::from_ymd_opt(s.parse().ok()?, 1, 1);
    }
    None
}

/// A day written `YYYY-MM-DD`, as options and ledgers take it: the one
/// parser of that form.
///
/// ```
/// use rekindle::dates::parse_iso_day;
/// assert_eq!(parse_iso_day(" 2026-01-31 ").map(|d| d.to_string()).as_deref(), Some("2026-01-31"));
/// assert_eq!(parse_iso_day("31/01/2026"), None);
/// ```
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A year written with four digits: `01/02/24` read as `%Y` would be year
/// 24, so a shorter year is left to the two-digit `%y` formats.
fn well_formed(date: &NaiveDate) -> bool {
    use chrono::Datelike;
    (1000..=9999).contains(&date.year())
}

/// The first year of LinkedIn (launched May 2003): a record dated before it
/// is kept, and counted as suspicious.
pub const LINKEDIN_LAUNCH_YEAR: i32 = 2003;

/// An export's own name is only trusted for a date LinkedIn could have
/// written there.
fn plausible(date: &NaiveDate) -> bool {
    use chrono::Datelike;
    (2002..=2100).contains(&date.year())
}

/// Reads `MM-DD-YYYY` out of an export's file or folder name
/// (`Complete_LinkedInDataExport_10-05-2026.zip`).
pub fn date_in_export_name(name: &str) -> Option<NaiveDate> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).rev().find_map(|i| {
        let window = name.get(i..i + 10)?;
        let b = window.as_bytes();
        let shape = b[2] == b'-'
            && b[5] == b'-'
            && b.iter()
                .enumerate()
                .all(|(k, c)| k == 2 || k == 5 || c.is_ascii_digit());
        if !shape {
            return None;
        }
        NaiveDate::parse_from_str(window, "%m-%d-%Y")
            .ok()
            .filter(plausible)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_timestamp_reads_as_the_formats_do() {
        for text in [
            "2023-06-11 15:33:58",
            "2019-11-06T02:08:20",
            "2022/06/20 13:05:02",
            "2026-02-28 00:00:00",
            "1843-03-14 09:10:11",
        ] {
            let fixed = fixed_timestamp(text.as_bytes());
            assert!(fixed.is_some(), "{text}");
            assert_eq!(fixed, datetime_by_formats(text), "{text}");
        }
        // Left to the formats: not the fixed shapes, or not a valid time.
        for text in [
            "2022/06/20T13:05:02",
            "2023-02-30 15:33:58",
            "0999-06-11 15:33:58",
            "2023-06-11 25:33:58",
            "2016-12-31 23:59:60",
            "2023-6-11 15:33:58 ",
            "6/11/2023 15:33:58",
        ] {
            assert_eq!(fixed_timestamp(text.as_bytes()), None, "{text}");
        }
        // What the formats make of a leap second, the whole parser still does.
        assert_eq!(
            parse_datetime("2016-12-31 23:59:60 UTC"),
            datetime_by_formats("2016-12-31 23:59:60")
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn connection_dates_of_every_shape() {
        assert_eq!(parse_date("08 Feb 2023"), Some(d(2023, 2, 8)));
        assert_eq!(parse_date("8-Feb-23"), Some(d(2023, 2, 8)));
        assert_eq!(parse_date("2023-02-08"), Some(d(2023, 2, 8)));
        assert_eq!(parse_date("02/08/2023"), Some(d(2023, 2, 8)));
        assert_eq!(parse_date(" 4-Apr-21 "), Some(d(2021, 4, 4)));
    }

    #[test]
    fn the_fast_day_month_year_reads_as_the_formats_do() {
        for text in ["04 Oct 2026", "29 feb 2024", "01 DEC 1999", "07 Jun 1003"] {
            assert!(day_month_year(text).is_some(), "{text}");
            assert_eq!(day_month_year(text), date_by_formats(text), "{text}");
        }
        // Left to the formats: other shapes, impossible days, short years.
        for text in [
            "29 Feb 2023",
            "00 Oct 2026",
            "4 Oct 2026",
            "04 Oct 0999",
            "04 Okt 2026",
            "04-Oct-2026",
            "04 October 2026",
        ] {
            assert_eq!(day_month_year(text), None, "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in ["31 Foo 2020", "99 Feb 2020", "01 Jan 0001", "", "soon"] {
            assert_eq!(parse_date(bad), None, "{bad}");
            assert_eq!(parse_datetime(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_outside_linkedins_lifetime_are_read() {
        assert_eq!(parse_date("14 Mar 1843"), Some(d(1843, 3, 14)));
        assert_eq!(parse_date("01 Jan 9999"), Some(d(9999, 1, 1)));
        assert_eq!(
            parse_datetime("1843-03-14 09:10:11 UTC").map(|t| t.date()),
            Some(d(1843, 3, 14))
        );
        assert_eq!(
            parse_datetime("03/14/1843").map(|t| t.date()),
            Some(d(1843, 3, 14))
        );
        // A two-digit year is still this century, never year 24.
        assert_eq!(parse_date("01/02/24"), Some(d(2024, 1, 2)));
        // Export names stay plausible.
        assert_eq!(date_in_export_name("Export_10-05-1843.zip"), None);
    }

    #[test]
    fn timestamps_of_every_file() {
        let t = |y, mo, day, h, mi, s| d(y, mo, day).and_hms_opt(h, mi, s).unwrap();
        assert_eq!(
            parse_datetime("2023-06-11 15:33:58 UTC"),
            Some(t(2023, 6, 11, 15, 33, 58))
        );
        assert_eq!(
            parse_datetime("2019-11-06T02:08:20"),
            Some(t(2019, 11, 6, 2, 8, 20))
        );
        assert_eq!(
            parse_datetime("2022/06/20 13:05:02 UTC"),
            Some(t(2022, 6, 20, 13, 5, 2))
        );
        assert_eq!(
            parse_datetime("1/29/26, 2:37 PM"),
            Some(t(2026, 1, 29, 14, 37, 0))
        );
        assert_eq!(
            parse_datetime("08/30/22, 05:51 PM"),
            Some(t(2022, 8, 30, 17, 51, 0))
        );
        assert_eq!(parse_datetime("01/01/24"), Some(t(2024, 1, 1, 0, 0, 0)));
        assert_eq!(parse_datetime("Jan 2024"), Some(t(2024, 1, 1, 0, 0, 0)));
        assert_eq!(
            parse_datetime("6/11/2023 15:33"),
            Some(t(2023, 6, 11, 15, 33, 0))
        );
    }

    #[test]
    fn export_name_dates() {
        assert_eq!(
            date_in_export_name("Complete_LinkedInDataExport_10-05-2026.zip"),
            Some(d(2026, 10, 5))
        );
        assert_eq!(
            date_in_export_name("Basic_LinkedInDataExport_11-14-2020"),
            Some(d(2020, 11, 14))
        );
        assert_eq!(date_in_export_name("export.zip"), None);
        assert_eq!(date_in_export_name("x_13-45-2020.zip"), None);
    }
}
