//! The ledger commands (`touch`, `snooze`, `unsnooze`, `ignore`, `unignore`,
//! `cadence`, `ledger`) and where the ledger lives.
//!
//! The ledger is `--ledger FILE`, else `$REKINDLE_LEDGER`, else
//! `rekindle/ledger.toml` in the platform data folder
//! (`$XDG_DATA_HOME`, `~/.local/share`, `~/Library/Application Support`,
//! `%APPDATA%`). Every report reads it, if it exists; only these commands
//! write it.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use rekindle::ledger::{Entry, How, Ledger, Touch, parse_duration, store};
use serde::Serialize;

use crate::args::{HowArg, LedgerCommand, LedgerFlags, LedgerFormat};
use crate::commands::{Context, load};
use crate::output::Failure;
use crate::sanitize;

/// Where the ledger is, or `None` under `--no-ledger` (or with no data folder).
fn ledger_path(flags: &LedgerFlags) -> Option<PathBuf> {
    if flags.no_ledger {
        return None;
    }
    if let Some(path) = &flags.ledger {
        return Some(path.clone());
    }
    if let Some(path) = std::env::var_os("REKINDLE_LEDGER").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    dirs::data_dir().map(|d| d.join("rekindle").join("ledger.toml"))
}

/// The path to write to, or an error saying why there is none.
fn writable_path(flags: &LedgerFlags) -> Result<PathBuf, Failure> {
    if flags.no_ledger {
        return Err("--no-ledger was given: there is no ledger to use".into());
    }
    ledger_path(flags).ok_or_else(|| {
        "no data folder on this system: give the ledger with --ledger FILE or REKINDLE_LEDGER"
            .into()
    })
}

/// The user's ledger, if there is one (none under `--no-ledger` or where
/// the file does not exist). A ledger that does not parse is an error: every
/// command stops on it, and it is never rewritten.
pub fn read(flags: &LedgerFlags) -> Result<Option<Ledger>, Failure> {
    match ledger_path(flags) {
        Some(path) if path.exists() => Ok(Some(store::load(&path)?)),
        _ => Ok(None),
    }
}

/// Today by the clock: the ledger is about the user's time, not the export's.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Runs a ledger command.
pub fn run(command: LedgerCommand, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let who = match command {
        LedgerCommand::Ledger { format, redact } => return list(format, redact, cx, out),
        LedgerCommand::Touch { ref who, .. }
        | LedgerCommand::Snooze { ref who, .. }
        | LedgerCommand::Cadence { ref who, .. }
        | LedgerCommand::Unsnooze(ref who)
        | LedgerCommand::Ignore(ref who)
        | LedgerCommand::Unignore(ref who) => who,
    };
    let path = writable_path(&cx.ledger)?;
    if who.input.read.redact {
        return Err(
            "--redact: ledger commands write real names and keys, so they cannot run redacted"
                .into(),
        );
    }
    // Loading reads the ledger too: a corrupt one stops here, untouched.
    let analysis = load(&who.input, cx)?;
    let id = analysis.find_person(&who.query)?;
    let person = analysis.network().people.get(id);
    let key = person
        .profile_url
        .clone()
        .unwrap_or_else(|| rekindle::name_key(&person.name));
    let name = person.name.clone();
    let today = today();
    let shown = sanitize::one_line(&name).into_owned();
    let done = match command {
        LedgerCommand::Touch { on, how, note, .. } => {
            let on = on.unwrap_or(today);
            if on > today {
                return Err(format!("--on {on} is after today ({today})").into());
            }
            let touch = Touch {
                on,
                how: how.into(),
                note,
            };
            store::update(&path, |ledger| ledger.touch(&key, &name, &touch))?;
            format!("Logged {} with {shown} on {on}", touch.how)
        }
        LedgerCommand::Snooze { until, for_, .. } => {
            let until = match (until, for_) {
                (Some(day), _) => day,
                (None, Some(text)) => {
                    let days = parse_duration(&text)?
                        .ok_or("--for off: use `unsnooze` to lift a snooze")?;
                    today
                        .checked_add_days(chrono::Days::new(u64::from(days)))
                        .ok_or("--for: too far ahead")?
                }
                (None, None) => return Err("snooze needs --until or --for".into()),
            };
            if until <= today {
                return Err(format!("--until {until} is not after today ({today})").into());
            }
            store::update(&path, |ledger| ledger.snooze(&key, &name, Some(until)))?;
            format!("Snoozed {shown} until {until}")
        }
        LedgerCommand::Unsnooze(_) => {
            store::update(&path, |ledger| ledger.snooze(&key, &name, None))?;
            format!("{shown} is no longer snoozed")
        }
        LedgerCommand::Ignore(_) => {
            store::update(&path, |ledger| ledger.set_ignored(&key, &name, true))?;
            format!("{shown} will not be suggested again")
        }
        LedgerCommand::Unignore(_) => {
            store::update(&path, |ledger| ledger.set_ignored(&key, &name, false))?;
            format!("{shown} may be suggested again")
        }
        LedgerCommand::Cadence { every, .. } => {
            let days = parse_duration(&every)?;
            store::update(&path, |ledger| ledger.set_cadence(&key, &name, days))?;
            match days {
                Some(d) => format!("Cadence with {shown}: every {d} days"),
                None => format!("Cadence with {shown}: back to your inferred rhythm"),
            }
        }
        LedgerCommand::Ledger { .. } => return Ok(()),
    };
    writeln!(
        out,
        "{done} (in {})",
        sanitize::one_line(&path.display().to_string())
    )?;
    Ok(())
}

/// A ledger entry as the table shows it (the key and every touch are in the JSON).
#[derive(Serialize)]
struct EntryRow<'a> {
    name: &'a str,
    last_touch: Option<String>,
    snoozed_until: Option<NaiveDate>,
    ignored: bool,
    cadence_days: Option<u32>,
}

fn list(
    format: LedgerFormat,
    redact: bool,
    cx: &Context,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let path = writable_path(&cx.ledger)?;
    let ledger = if path.exists() {
        store::load(&path)?
    } else {
        Ledger::empty(&path)
    };
    let mut entries: Vec<Entry> = ledger.entries().to_vec();
    if redact {
        for t in entries.iter_mut().flat_map(|e| e.touches.iter_mut()) {
            t.note = None;
        }
    }
    match format {
        LedgerFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)?;
        }
        LedgerFormat::Table if entries.is_empty() => {
            writeln!(
                out,
                "No entries in {}.",
                sanitize::one_line(&path.display().to_string())
            )?;
        }
        LedgerFormat::Table => {
            let rows: Vec<EntryRow> = entries
                .iter()
                .map(|e| EntryRow {
                    name: &e.name,
                    last_touch: e.last_touch().map(|t| format!("{} on {}", t.how, t.on)),
                    snoozed_until: e.snoozed_until,
                    ignored: e.ignored,
                    cadence_days: e.cadence_days,
                })
                .collect();
            let columns = [
                "name",
                "last_touch",
                "snoozed_until",
                "ignored",
                "cadence_days",
            ];
            cx.printer
                .rows(out, &rows, crate::args::OutputFormat::Table, &columns, "")?;
        }
    }
    Ok(())
}

impl From<HowArg> for How {
    fn from(h: HowArg) -> How {
        match h {
            HowArg::Coffee => How::Coffee,
            HowArg::Call => How::Call,
            HowArg::Meeting => How::Meeting,
            HowArg::Email => How::Email,
            HowArg::Other => How::Other,
        }
    }
}
