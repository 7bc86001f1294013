//! The `remind` calendar: one all-day iCalendar (RFC 5545) event per person
//! to reconnect with, a fixed number of days apart.
//!
//! Folding, escaping and CRLF line ends are left to the `icalendar` crate.
//! The output depends only on the rows, the dates and the stamp passed in,
//! so the same arguments give the same UIDs, and a calendar that matches
//! events by UID updates them on a second import instead of adding copies.

use chrono::{DateTime, Days, NaiveDate, TimeDelta, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property, Trigger};
use rekindle::reports::RelationshipRow;

use crate::output::Failure;

/// The calendar's name, as calendar apps show it.
pub const NAME: &str = "rekindle: reconnect";

/// `3d`, `1w`, `2w`: days between two reminders (at least one).
pub fn parse_every(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let days_per_unit = match unit.trim().to_ascii_lowercase().as_str() {
        "d" => 1,
        "w" => 7,
        _ => {
            return Err(format!(
                "{text:?}: use a number of days or weeks, e.g. 3d or 1w"
            ));
        }
    };
    match digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(days_per_unit))
    {
        Some(0) => Err(format!("{text:?}: reminders must be at least 1 day apart")),
        Some(days) => Ok(days),
        None => Err(format!(
            "{text:?}: use a number of days or weeks, e.g. 3d or 1w"
        )),
    }
}

/// A day written YYYY-MM-DD.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    rekindle::dates::parse_iso_day(text)
        .ok_or_else(|| format!("{text:?} is not a day such as 2026-12-07 (YYYY-MM-DD)"))
}

/// A calendar reminding of `rows` in order: the first on `start`, each next
/// one `every_days` later. `stamp` is the DTSTAMP of every event (when the
/// calendar was made).
pub fn build(
    rows: &[RelationshipRow],
    start: NaiveDate,
    every_days: u64,
    stamp: DateTime<Utc>,
) -> Result<Calendar, Failure> {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//rekindle//rekindle {}//EN", env!("CARGO_PKG_VERSION")),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(NAME);
    for (i, row) in rows.iter().enumerate() {
        let day = (i as u64)
            .checked_mul(every_days)
            .and_then(|offset| start.checked_add_days(Days::new(offset)))
            .ok_or_else(|| format!("reminder {} falls after the last day chrono knows", i + 1))?;
        calendar.push(event(row, day, stamp)?);
    }
    Ok(calendar.done())
}

/// One all-day, free-time event on `day`, with a display alarm at 9:00.
fn event(row: &RelationshipRow, day: NaiveDate, stamp: DateTime<Utc>) -> Result<Event, Failure> {
    let next = day
        .succ_opt()
        .ok_or_else(|| format!("{day} is the last day chrono knows"))?;
    let title = format!("Reconnect with {}", row.name);
    let uid = uid(row);
    // The crate gives a component without UID a random one: name the alarm
    // (RFC 9074) so the output stays deterministic.
    let mut alarm = Alarm::display(&title, Trigger::after_start(TimeDelta::hours(9)));
    alarm
        .add_property("UID", format!("alarm-{uid}"))
        .timestamp(stamp);
    let mut event = Event::new();
    event
        .uid(&uid)
        .timestamp(stamp)
        .starts(day)
        .ends(next)
        .summary(&title)
        .description(&description(row))
        .add_property("TRANSP", "TRANSPARENT")
        .alarm(alarm);
    if let Some(url) = &row.profile_url {
        event.url(url);
    }
    Ok(event.done())
}

/// Why, when last, where, and the link: never any message text.
fn description(row: &RelationshipRow) -> String {
    let mut lines = vec![row.reason.clone()];
    if let Some(last) = row.last_interaction {
        lines.push(format!("Last interaction: {last}"));
    }
    if let Some(company) = &row.company {
        lines.push(format!("Company: {company}"));
    }
    if let Some(url) = &row.profile_url {
        lines.push(format!("Profile: {url}"));
    }
    lines.join("\n")
}

/// `<16 hex digits>-reconnect@rekindle`: the person (profile link, else name
/// and company) hashed with FNV-1a, which unlike std's hasher never changes
/// between Rust versions, and the action. No date: re-importing a calendar
/// made another day or with another `--start` updates each person's event
/// instead of adding a copy.
fn uid(row: &RelationshipRow) -> String {
    let key = match &row.profile_url {
        Some(url) => url.clone(),
        None => format!("{}\u{1f}{}", row.name, row.company.as_deref().unwrap_or("")),
    };
    format!("{:016x}-reconnect@rekindle", fnv1a(&key))
}

/// 64-bit FNV-1a.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn intervals_are_days_or_weeks() {
        assert_eq!(parse_every("1w"), Ok(7));
        assert_eq!(parse_every("2W"), Ok(14));
        assert_eq!(parse_every("3d"), Ok(3));
        assert_eq!(
            parse_every("5x"),
            Err("\"5x\": use a number of days or weeks, e.g. 3d or 1w".to_string())
        );
        assert!(parse_every("w").is_err());
        assert!(parse_every("0d").unwrap_err().contains("at least 1 day"));
        assert!(parse_every("99999999999999999999w").is_err());
    }

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn days_parse_strictly() {
        assert_eq!(
            parse_day("2026-12-07"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
        );
        assert!(parse_day("2026-13-01").is_err());
        assert!(parse_day("07/12/2026").is_err());
    }
}
