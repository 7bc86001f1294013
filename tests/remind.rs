//! `rekindle remind`: the calendar file, read back by an independent parser
//! (ical-rs) and checked line by line against RFC 5545.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Days, NaiveDate};
use common::{SAMPLE_ZIP as ZIP, json, rekindle, stdout};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};

/// The neglected list as JSON: what `remind` must put in the calendar.
fn neglected() -> Vec<serde_json::Value> {
    let rows = json(&["neglected", ZIP, "--format", "json"])
        .as_array()
        .unwrap()
        .clone();
    assert!(rows.len() >= 2, "the 2026 sample has neglected people");
    rows
}

/// Runs `remind` into a fresh temporary file and returns its text; the file
/// is deleted, and stdout must stay empty.
fn remind_to_file(extra: &[&str]) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let file = std::env::temp_dir().join(format!(
        "rekindle-remind-{}-{}.ics",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let mut args = vec!["remind", ZIP, "-o", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let printed = stdout(&args);
    let text = std::fs::read_to_string(&file);
    let _ = std::fs::remove_file(&file);
    assert!(printed.is_empty(), "remind -o printed {printed:?}");
    text.unwrap()
}

/// Exactly one VCALENDAR, as ical-rs reads it.
fn parse(text: &str) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("a VCALENDAR").unwrap();
    assert!(calendars.next().is_none(), "more than one VCALENDAR");
    calendar
}

fn property<'a>(properties: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    let mut found = properties.iter().filter(|p| p.name == name);
    let first = found.next()?;
    assert!(found.next().is_none(), "{name} appears twice");
    first.value.as_deref()
}

fn value<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    property(&event.properties, name).unwrap_or_else(|| panic!("event without {name}"))
}

/// RFC 5545 §3.3.11 TEXT unescaping: `\\`, `\;`, `\,`, `\n` / `\N`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn dates(calendar: &IcalCalendar) -> Vec<String> {
    calendar
        .events
        .iter()
        .map(|e| value(e, "DTSTART").to_string())
        .collect()
}

#[test]
fn one_event_per_neglected_person_in_order_a_week_apart() {
    let rows = neglected();
    let calendar = parse(&remind_to_file(&["--start", "2026-12-07", "--every", "1w"]));
    assert_eq!(
        property(&calendar.properties, "X-WR-CALNAME"),
        Some("rekindle: reconnect")
    );
    assert!(
        property(&calendar.properties, "PRODID")
            .unwrap()
            .contains("rekindle")
    );
    assert_eq!(property(&calendar.properties, "VERSION"), Some("2.0"));
    assert_eq!(calendar.events.len(), rows.len());

    let mut uids = std::collections::HashSet::new();
    for (i, (event, row)) in calendar.events.iter().zip(&rows).enumerate() {
        let name = row["name"].as_str().unwrap();
        assert_eq!(
            unescape(value(event, "SUMMARY")),
            format!("Reconnect with {name}")
        );

        let start = day("2026-12-07") + Days::new(7 * i as u64);
        assert_eq!(value(event, "DTSTART"), start.format("%Y%m%d").to_string());
        let dtstart = event.properties.iter().find(|p| p.name == "DTSTART");
        let params = dtstart.unwrap().params.clone().unwrap_or_default();
        assert!(
            params.contains(&("VALUE".to_string(), vec!["DATE".to_string()])),
            "an all-day event: {params:?}"
        );

        // ical-rs trims whitespace at the end of every folded line (RFC 5545
        // keeps it), so compare without spaces here; the exact text is
        // checked on the raw file in `stdout_is_a_folded_crlf_calendar`.
        let description = unescape(value(event, "DESCRIPTION"));
        let squeezed = |s: &str| s.split_whitespace().collect::<String>();
        let reason = row["reason"].as_str().unwrap();
        assert!(
            squeezed(&description).contains(&squeezed(reason)),
            "{description:?} lacks {reason:?}"
        );
        let last = row["last_interaction"].as_str().unwrap();
        assert!(description.contains(last), "{description:?} lacks {last}");
        if let Some(company) = row["company"].as_str() {
            assert!(squeezed(&description).contains(&squeezed(company)));
        }

        match row["profile_url"].as_str() {
            Some(url) => {
                assert_eq!(value(event, "URL"), url);
                assert!(description.contains(url), "{description:?} lacks {url}");
            }
            None => assert!(property(&event.properties, "URL").is_none()),
        }
        assert_eq!(value(event, "TRANSP"), "TRANSPARENT");
        let uid = value(event, "UID");
        assert!(uid.ends_with("@rekindle"), "{uid}");
        assert!(uids.insert(uid.to_string()), "UID {uid} twice");
        assert_eq!(event.alarms.len(), 1);
    }
}

#[test]
fn limit_and_every_shape_the_schedule() {
    let rows = neglected();
    let one = parse(&remind_to_file(&["--start", "2026-12-07", "--limit", "1"]));
    assert_eq!(one.events.len(), 1);
    assert_eq!(
        unescape(value(&one.events[0], "SUMMARY")),
        format!("Reconnect with {}", rows[0]["name"].as_str().unwrap())
    );

    let spaced = parse(&remind_to_file(&["--start", "2026-12-30", "--every", "3d"]));
    let want: Vec<String> = (0..rows.len() as u64)
        .map(|i| {
            (day("2026-12-30") + Days::new(3 * i))
                .format("%Y%m%d")
                .to_string()
        })
        .collect();
    assert_eq!(dates(&spaced), want);
    assert_eq!(dates(&spaced)[..2], ["20261230", "20270102"]);

    // Nobody to remind: still a calendar, and nothing else on stdout.
    let empty = stdout(&["remind", ZIP, "--limit", "0"]);
    assert!(empty.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(empty.ends_with("END:VCALENDAR\r\n"));
    assert!(parse(&empty).events.is_empty());

    // The same arguments give the same UIDs, so a re-import can update, not copy.
    let again = parse(&remind_to_file(&["--start", "2026-12-30", "--every", "3d"]));
    let uids = |c: &IcalCalendar| -> Vec<String> {
        c.events
            .iter()
            .map(|e| value(e, "UID").to_string())
            .collect()
    };
    assert_eq!(uids(&spaced), uids(&again));
    // Another start day or spacing keeps every person's UID (issue 11): a
    // re-import updates the events, never duplicates them.
    let moved = parse(&remind_to_file(&["--start", "2027-03-01", "--every", "1w"]));
    assert_eq!(uids(&spaced), uids(&moved));
}

/// RFC 5545 §3.1: unfold by removing every CRLF followed by one space or tab.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

#[test]
fn stdout_is_a_folded_crlf_calendar() {
    let rows = neglected();
    let text = stdout(&["remind", ZIP, "--start", "2026-12-07"]);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let body = text.strip_suffix("\r\n").unwrap();
    for line in body.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare LF/CR in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert_eq!(parse(&text).events.len(), rows.len());

    // The exact reasons, read as RFC 5545 says.
    let descriptions: Vec<String> = unfold(&text)
        .split("\r\n")
        .filter_map(|line| line.strip_prefix("DESCRIPTION:"))
        .map(unescape)
        .filter(|d| !d.starts_with("Reconnect with"))
        .collect();
    assert_eq!(descriptions.len(), rows.len());
    for (description, row) in descriptions.iter().zip(&rows) {
        let reason = row["reason"].as_str().unwrap();
        assert!(
            description.starts_with(&format!("{reason}\n")),
            "{description:?}"
        );
        assert!(description.contains(&format!(
            "Last interaction: {}",
            row["last_interaction"].as_str().unwrap()
        )));
    }
}

#[test]
fn bad_arguments_exit_2_with_one_clear_line() {
    let out = rekindle(&["remind", ZIP, "--every", "5x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\"5x\""), "{err}");
    assert!(err.contains("e.g. 3d or 1w"), "{err}");

    let out = rekindle(&["remind", ZIP, "--start", "2026-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-13-01"));

    // An unwritable output is one line naming the file, like `graph -o`.
    let out = rekindle(&["remind", ZIP, "-o", "no/such/folder/reconnect.ics"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("rekindle: no/such/folder/reconnect.ics: cannot write: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}
