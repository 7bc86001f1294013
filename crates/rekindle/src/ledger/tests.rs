#![allow(clippy::unwrap_used)]

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn error_of(text: &str) -> (Option<usize>, String) {
    match Ledger::parse(text, "l.toml").unwrap_err() {
        Error::Ledger { line, message, .. } => (line, message),
        e => panic!("not a ledger error: {e}"),
    }
}

#[test]
fn comments_order_and_unknown_keys_survive_a_rewrite() {
    let text = "# my people\nversion = 1\nmine = \"kept\"\n\n# the boss\n[people.\"b\"]\nname = \"B\" # hi\nfavourite = 3\n\n[people.\"a\"]\nname = \"A\"\n";
    let mut ledger = Ledger::parse(text, "l.toml").unwrap();
    ledger
        .touch(
            "a",
            "A",
            &Touch {
                on: day(2026, 11, 30),
                how: How::Call,
                note: Some("quote \" and ]".into()),
            },
        )
        .unwrap();
    ledger.set_cadence("c", "C", Some(21)).unwrap();
    let out = ledger.to_string();
    for kept in [
        "# my people\n",
        "mine = \"kept\"",
        "# the boss\n",
        "name = \"B\" # hi",
        "favourite = 3",
    ] {
        assert!(out.contains(kept), "{kept:?} lost:\n{out}");
    }
    assert!(out.find("[people.\"b\"]") < out.find("[people.\"a\"]"));
    let again = Ledger::parse(&out, "l.toml").unwrap();
    assert_eq!(again.entries().len(), 3);
    let a = again.get("a").unwrap();
    assert_eq!(a.touches[0].note.as_deref(), Some("quote \" and ]"));
    assert_eq!(again.get("c").unwrap().cadence_days, Some(21));
}

#[test]
fn every_field_reads_back() {
    let mut ledger = Ledger::empty("l.toml");
    let t = |d, how| Touch {
        on: d,
        how,
        note: None,
    };
    ledger
        .touch("k", "K", &t(day(2026, 1, 2), How::Coffee))
        .unwrap();
    ledger
        .touch("k", "K", &t(day(2026, 3, 4), How::Email))
        .unwrap();
    ledger.snooze("k", "K", Some(day(2027, 1, 1))).unwrap();
    ledger.set_ignored("k", "K", true).unwrap();
    ledger.set_cadence("k", "K", Some(60)).unwrap();
    let back = Ledger::parse(&ledger.to_string(), "l.toml").unwrap();
    let k = back.get("k").unwrap();
    assert_eq!(k.name, "K");
    assert_eq!(k.touches.len(), 2);
    assert_eq!(k.last_touch().unwrap().how, How::Email);
    assert_eq!(k.snoozed_until, Some(day(2027, 1, 1)));
    assert!(k.ignored);
    assert_eq!(k.cadence_days, Some(60));
    // Clearing removes the keys.
    ledger.snooze("k", "K", None).unwrap();
    ledger.set_ignored("k", "K", false).unwrap();
    ledger.set_cadence("k", "K", None).unwrap();
    let out = ledger.to_string();
    for gone in ["snoozed_until", "ignored", "cadence_days"] {
        assert!(!out.contains(gone), "{gone} left:\n{out}");
    }
}

#[test]
fn hand_written_forms_are_read() {
    let text = "version = 1\n[people.x]\ntouches = [{ on = \"2026-02-03\" }]\n[[people.y.touches]]\non = 2026-04-05\nhow = \"meeting\"\n";
    let mut ledger = Ledger::parse(text, "l.toml").unwrap();
    assert_eq!(ledger.get("x").unwrap().name, "x");
    assert_eq!(ledger.get("x").unwrap().touches[0].how, How::Other);
    assert_eq!(ledger.get("y").unwrap().touches[0].on, day(2026, 4, 5));
    // A touch added to an array of tables stays one.
    ledger
        .touch(
            "y",
            "Y",
            &Touch {
                on: day(2026, 5, 6),
                how: How::Call,
                note: None,
            },
        )
        .unwrap();
    let back = Ledger::parse(&ledger.to_string(), "l.toml").unwrap();
    assert_eq!(back.get("y").unwrap().touches.len(), 2);
}

#[test]
fn errors_name_the_line_and_what_is_wrong() {
    let (line, message) =
        error_of("version = 1\n\n[people.\"a\"]\nname = \"A\"\nignored = \"yes\"\n");
    assert_eq!(line, Some(5));
    assert!(
        message.contains("ignored must be true or false"),
        "{message}"
    );
    let (line, message) = error_of(
        "version = 1\n[people.a]\ntouches = [\n  { on = 2026-01-01, how = \"dinner\" },\n]\n",
    );
    assert_eq!(line, Some(4));
    assert!(message.contains("how must be one of"), "{message}");
    let (line, message) = error_of("version = 1\n[people.a]\nsnoozed_until = 2026-13-01\n");
    assert_eq!(line, Some(3));
    assert!(message.contains("TOML"), "{message}");
    let (line, message) = error_of("version = 1\n[people.a]\ncadence_days = 0\n");
    assert_eq!(line, Some(3));
    assert!(message.contains("cadence_days"), "{message}");
    let (_, message) = error_of("[people.a]\nname = \"A\"\n");
    assert!(message.contains("no `version"), "{message}");
    let (line, message) = error_of("version = 7\n");
    assert_eq!(line, Some(1));
    assert!(message.contains("newer"), "{message}");
    // Truncated in the middle of a table header.
    let (line, _) = error_of("version = 1\n[people.\"a\"]\nname = \"A\"\n[people.\"b");
    assert_eq!(line, Some(4));
}

#[test]
fn durations() {
    assert_eq!(parse_duration("10d"), Ok(Some(10)));
    assert_eq!(parse_duration("OFF"), Ok(None));
    for bad in ["", "w", "3", "3x", "-1d", "100y1", "101y", "4294967295w"] {
        assert!(parse_duration(bad).is_err(), "{bad}");
    }
}
