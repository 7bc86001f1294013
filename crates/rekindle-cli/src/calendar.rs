//! The `remind` calendar: one all-day iCalendar (RFC 5545) event per person
//! to reconnect with, a fixed number of days apart.
//!
//! Folding, TEXT escaping and CRLF line ends are left to the `icalendar`
//! crate; what it does not do is done here, because names, companies and
//! links come from other people: control characters (a bare CR, ESC, …) and
//! bidi overrides never reach a TEXT value, and the URL is percent-encoded
//! (RFC 3986) and only ever http or https, so no value can end its line and
//! start another property or event. Days outside the years 1–9999 (the four
//! digits of an RFC 5545 DATE) are refused.
//! The output depends only on the rows, the dates and the stamp passed in,
//! so the same arguments give the same UIDs, and a calendar that matches
//! events by UID updates them on a second import instead of adding copies.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property, Trigger};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use rekindle::reports::RelationshipRow;

use crate::output::Failure;
use crate::sanitize;

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
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a day such as 2026-12-07 (YYYY-MM-DD)"))
}

/// A calendar reminding of `rows` in order: the first on `start`, each next
/// one `every_days` later. `stamp` is the DTSTAMP of every event (when the
/// calendar was made).
///
/// `congratulate` (job changes, from `remind --since`) come first, one
/// "Congratulate <name>" event each, then the "Reconnect with <name>" events
/// of `rows`, all `every_days` apart.
pub fn build(
    congratulate: &[RelationshipRow],
    rows: &[RelationshipRow],
    start: NaiveDate,
    every_days: u64,
    stamp: DateTime<Utc>,
) -> Result<String, Failure> {
    let mut calendar = empty(NAME, start)?;
    let events = congratulate
        .iter()
        .map(|r| (true, r))
        .chain(rows.iter().map(|r| (false, r)));
    for (i, (congrats, row)) in events.enumerate() {
        let day = nth_day(start, i, every_days)?;
        calendar.push(event(row, day, stamp, congrats)?);
    }
    Ok(refold(&calendar.done().to_string()))
}

/// A calendar named `name` whose first reminder falls on `start`, refused
/// when `start` is outside the years a calendar file holds.
fn empty(name: &str, start: NaiveDate) -> Result<Calendar, Failure> {
    if !in_range(start) {
        return Err(format!("{start} is outside the years 1 to 9999 a calendar file holds").into());
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//rekindle//rekindle {}//EN", env!("CARGO_PKG_VERSION")),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(name);
    Ok(calendar)
}

/// The day of reminder `i` (0-based), `every_days` apart from `start`.
fn nth_day(start: NaiveDate, i: usize, every_days: u64) -> Result<NaiveDate, Failure> {
    (i as u64)
        .checked_mul(every_days)
        .and_then(|offset| start.checked_add_days(Days::new(offset)))
        .filter(|day| in_range(*day) && day.succ_opt().is_some_and(in_range))
        .ok_or_else(|| {
            format!(
                "reminder {} would fall after 9999-12-30, the last day a calendar file holds",
                i + 1
            )
            .into()
        })
}

/// The `remind --from plan` calendar: one all-day event per plan item,
/// `every_days` apart from `start`, SUMMARY "<Action> <name>", the why and
/// the step (and your note) in the description. UIDs are stable per person
/// and action, not per day, so a re-import updates rather than duplicates.
pub fn build_plan(
    items: &[rekindle::plan::PlanItem],
    start: NaiveDate,
    every_days: u64,
    stamp: DateTime<Utc>,
) -> Result<String, Failure> {
    let mut calendar = empty("rekindle: this week", start)?;
    for (i, item) in items.iter().enumerate() {
        let day = nth_day(start, i, every_days)?;
        let next = day
            .succ_opt()
            .ok_or_else(|| format!("{day} is the last day chrono knows"))?;
        let title = format!("{} {}", item.action.title(), sanitize::one_line(&item.name));
        let key = item.profile_url.as_deref().unwrap_or(&item.name);
        let uid = format!("plan-{}-{:016x}@rekindle", item.action.as_str(), fnv1a(key));
        let mut alarm = Alarm::display(&title, Trigger::after_start(TimeDelta::hours(9)));
        alarm
            .add_property("UID", format!("alarm-{uid}"))
            .timestamp(stamp);
        let mut lines = vec![
            sanitize::one_line(&item.why_now).into_owned(),
            sanitize::one_line(&item.suggestion).into_owned(),
        ];
        if let Some(note) = &item.note {
            lines.push(format!("Your note: {}", sanitize::one_line(note)));
        }
        if let Some(url) = &item.profile_url {
            lines.push(format!("Profile: {}", sanitize::one_line(url)));
        }
        let mut event = Event::new();
        event
            .uid(&uid)
            .timestamp(stamp)
            .starts(day)
            .ends(next)
            .summary(&title)
            .description(&lines.join("\n"))
            .add_property("TRANSP", "TRANSPARENT")
            .alarm(alarm);
        if let Some(url) = item.profile_url.as_deref().and_then(uri) {
            event.url(&url);
        }
        calendar.push(event.done());
    }
    Ok(refold(&calendar.done().to_string()))
}

/// The longest content line, in octets without its CRLF (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// Folds every content line to at most 75 octets, the leading space of a
/// continuation line included, cutting only between characters. The crate
/// folds its continuation lines to 76 octets; and as no value holds a bare
/// CR or LF, every CRLF followed by a space in its output is one of its folds.
fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(text.len() + text.len() / 64 * 3);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut budget = LINE_OCTETS;
        loop {
            if rest.len() <= budget {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = budget;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            budget = LINE_OCTETS - 1;
        }
    }
    out
}

/// One all-day, free-time event on `day`, with a display alarm at 9:00.
fn event(
    row: &RelationshipRow,
    day: NaiveDate,
    stamp: DateTime<Utc>,
    congrats: bool,
) -> Result<Event, Failure> {
    let next = day
        .succ_opt()
        .ok_or_else(|| format!("{day} is the last day chrono knows"))?;
    let (title, uid) = if congrats {
        (
            format!("Congratulate {}", sanitize::one_line(&row.name)),
            uid(row, "congratulate"),
        )
    } else {
        (
            format!("Reconnect with {}", sanitize::one_line(&row.name)),
            uid(row, "reconnect"),
        )
    };
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
    if let Some(url) = row.profile_url.as_deref().and_then(uri) {
        event.url(&url);
    }
    Ok(event.done())
}

/// Why, when last, where, and the link: never any message text.
fn description(row: &RelationshipRow) -> String {
    // Each line cleaned on its own: the only line breaks are these.
    let mut lines = vec![sanitize::one_line(&row.reason).into_owned()];
    if let Some(last) = row.last_interaction {
        lines.push(format!("Last interaction: {last}"));
    }
    if let Some(company) = &row.company {
        lines.push(format!("Company: {}", sanitize::one_line(company)));
    }
    if let Some(url) = &row.profile_url {
        lines.push(format!("Profile: {}", sanitize::one_line(url)));
    }
    lines.join("\n")
}

/// A year RFC 5545 can write (`date-fullyear = 4DIGIT`; year 0 left out).
fn in_range(day: NaiveDate) -> bool {
    (1..=9999).contains(&day.year())
}

/// What RFC 3986 does not allow as it is in a URI: controls, space,
/// non-ASCII (always encoded) and `" < > \ ^ ` { | }`.
const NOT_URI: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The profile link as a URI value: http(s) only (anything else, such as a
/// `javascript:` link, is left out of the URL property), every character a URI
/// cannot hold percent-encoded, and a `%` that does not start an encoding
/// written `%25`.
fn uri(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0;
    if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for (i, piece) in url.split('%').enumerate() {
        if i > 0 {
            let at = piece.as_bytes();
            let encoded = at.len() >= 2 && at[0].is_ascii_hexdigit() && at[1].is_ascii_hexdigit();
            out.push_str(if encoded { "%" } else { "%25" });
        }
        out.extend(utf8_percent_encode(piece, NOT_URI));
    }
    Some(out)
}

/// `<16 hex digits>-<action>@rekindle`: the person (profile link, else name
/// and company) hashed with FNV-1a, which unlike std's hasher never changes
/// between Rust versions, and the action. No date: re-importing a calendar
/// made another day or with another `--start` updates each person's event
/// instead of adding a copy.
fn uid(row: &RelationshipRow, action: &str) -> String {
    let key = match &row.profile_url {
        Some(url) => url.clone(),
        None => format!("{}\u{1f}{}", row.name, row.company.as_deref().unwrap_or("")),
    };
    format!("{:016x}-{action}@rekindle", fnv1a(&key))
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
    fn links_are_percent_encoded_and_only_http() {
        assert_eq!(
            uri("https://www.linkedin.com/in/x\r\nATTENDEE:mailto:a@b\r\nx").as_deref(),
            Some("https://www.linkedin.com/in/x%0D%0AATTENDEE:mailto:a@b%0D%0Ax")
        );
        assert_eq!(
            uri("https://x/in/zoë 100%<b>%41").as_deref(),
            Some("https://x/in/zo%C3%AB%20100%25%3Cb%3E%41")
        );
        assert_eq!(uri("javascript:alert(1)"), None);
        assert_eq!(uri("no scheme"), None);
    }

    #[test]
    fn lines_fold_to_75_octets_between_characters() {
        let long = format!("DESCRIPTION:{}\r\nEND:X\r\n", "ab李".repeat(40));
        let folded = refold(&long);
        for line in folded.split_terminator("\r\n") {
            assert!(line.len() <= LINE_OCTETS, "{} octets: {line:?}", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
        // The crate's own folds are undone first.
        assert_eq!(refold(&folded), folded);
    }

    #[test]
    fn a_start_outside_four_digit_years_is_refused() {
        let stamp = DateTime::<Utc>::from_timestamp(0, 0).unwrap();
        for (y, m, d) in [(10_000, 1, 1), (0, 6, 1), (-40, 1, 1)] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert!(
                build(&[], &[], day, 1, stamp)
                    .unwrap_err()
                    .to_string()
                    .contains("1 to 9999")
            );
        }
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        assert!(build(&[], &[], last, 1, stamp).is_ok());
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
