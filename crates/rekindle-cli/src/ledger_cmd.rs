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
use std::sync::OnceLock;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use rekindle::identity::PersonId;
use rekindle::ledger::{Effects, Entry, How, Ledger, Touch, parse_duration, store};
use rekindle::{Network, reports};
use serde::Serialize;

use crate::{Failure, Input, Loaded};

/// The global flags that choose the ledger.
#[derive(Args, Debug, Clone, Default)]
pub struct LedgerFlags {
    /// The ledger file (else $REKINDLE_LEDGER, else rekindle/ledger.toml in your data folder).
    #[arg(long, value_name = "FILE", global = true)]
    ledger: Option<PathBuf>,
    /// Leave the ledger out (even if --ledger is given): the export alone decides.
    #[arg(long, global = true)]
    no_ledger: bool,
}

static FLAGS: OnceLock<LedgerFlags> = OnceLock::new();

/// Sets the ledger flags, once, from the arguments.
pub fn configure(flags: LedgerFlags) {
    let _ = FLAGS.set(flags);
}

/// Where the ledger is, or `None` under `--no-ledger` (or with no data folder).
fn ledger_path() -> Option<PathBuf> {
    let flags = FLAGS.get().cloned().unwrap_or_default();
    if flags.no_ledger {
        return None;
    }
    if let Some(path) = flags.ledger {
        return Some(path);
    }
    if let Some(path) = std::env::var_os("REKINDLE_LEDGER").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    dirs::data_dir().map(|d| d.join("rekindle").join("ledger.toml"))
}

/// The path to write to, or an error saying why there is none.
fn writable_path() -> Result<PathBuf, Failure> {
    if FLAGS.get().is_some_and(|f| f.no_ledger) {
        return Err("--no-ledger was given: there is no ledger to use".into());
    }
    ledger_path().ok_or_else(|| {
        "no data folder on this system: give the ledger with --ledger FILE or REKINDLE_LEDGER"
            .into()
    })
}

/// The ledger's effects on a network (none without a ledger file). A ledger
/// that does not parse is an error: every command stops on it.
pub fn effects(network: &Network) -> Result<Effects, Failure> {
    let Some(path) = ledger_path() else {
        return Ok(Effects::none());
    };
    if !path.exists() {
        return Ok(Effects::none());
    }
    let ledger = store::load(&path)?;
    Ok(Effects::new(&ledger, &network.people, today()))
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The ledger commands.
#[derive(Subcommand, Debug)]
pub enum LedgerCommand {
    /// Log an interaction outside LinkedIn (a coffee, a call): it counts as being in touch.
    Touch {
        #[command(flatten)]
        who: Who,
        /// The day it happened (YYYY-MM-DD); today if not given.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::calendar::parse_day)]
        on: Option<NaiveDate>,
        /// How you were in touch.
        #[arg(long, value_enum, default_value_t = HowArg::Other)]
        how: HowArg,
        /// A note of your own, kept in the ledger (dropped by `ledger --redact`).
        #[arg(long)]
        note: Option<String>,
    },
    /// Hide someone from the suggestions until a day: `--until 2027-03-01` or `--for 3m`.
    Snooze {
        #[command(flatten)]
        who: Who,
        /// The day they come back (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::calendar::parse_day, conflicts_with = "for_", required_unless_present = "for_")]
        until: Option<NaiveDate>,
        /// How long from today: 10d, 2w, 3m, 1y (d = 1 day, w = 7, m = 30, y = 365).
        #[arg(long = "for", value_name = "DURATION")]
        for_: Option<String>,
    },
    /// Lift a snooze.
    Unsnooze(Who),
    /// Never suggest this person again.
    Ignore(Who),
    /// Suggest this person again.
    Unignore(Who),
    /// How often you want to be in touch with someone: 3w, 2m, 1y, or off for the inferred rhythm.
    Cadence {
        #[command(flatten)]
        who: Who,
        /// The cadence (d = 1 day, w = 7, m = 30, y = 365), or `off`.
        #[arg(value_name = "EVERY")]
        every: String,
    },
    /// Every entry of your ledger.
    Ledger {
        /// Output format.
        #[arg(long, value_enum, default_value_t = LedgerFormat::Table)]
        format: LedgerFormat,
        /// Leave out your notes, so the list can be shared.
        #[arg(long)]
        redact: bool,
    },
}

/// The export and the person a ledger command is about.
#[derive(Args, Debug)]
pub struct Who {
    #[command(flatten)]
    input: Input,
    /// A part of their name or profile URL (as for `person`).
    query: String,
}

/// How an interaction happened, on the command line.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum HowArg {
    /// Met for a coffee (or a meal).
    Coffee,
    /// A phone or video call.
    Call,
    /// A meeting.
    Meeting,
    /// An email.
    Email,
    /// Anything else.
    Other,
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

/// Output formats of `rekindle ledger`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerFormat {
    /// A table to read.
    Table,
    /// A JSON array of entries.
    Json,
}

/// The person a query names: exactly one, else an error listing the matches.
pub fn resolve(l: &Loaded, query: &str) -> Result<PersonId, Failure> {
    let found = reports::find_people(&l.metrics, query);
    match found.as_slice() {
        [] => Err(format!("nobody matches {query:?}").into()),
        [one] => Ok(*one),
        several => {
            let names: Vec<String> = several
                .iter()
                .filter_map(|id| l.metrics.get(*id))
                .map(|m| match (&m.profile_url, &m.company) {
                    (Some(url), _) => format!("{} ({url})", m.name),
                    (None, Some(company)) => format!("{} ({company})", m.name),
                    _ => m.name.clone(),
                })
                .collect();
            Err(format!(
                "{} people match {query:?}; narrow the query (a longer name or a part of the profile URL):\n  {}",
                several.len(),
                names.join("\n  ")
            )
            .into())
        }
    }
}

/// Text from an export or a ledger, safe for one terminal line.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Runs a ledger command.
pub fn run(command: LedgerCommand, out: &mut dyn Write) -> Result<(), Failure> {
    let who = match command {
        LedgerCommand::Ledger { format, redact } => return list(format, redact, out),
        LedgerCommand::Touch { ref who, .. }
        | LedgerCommand::Snooze { ref who, .. }
        | LedgerCommand::Cadence { ref who, .. }
        | LedgerCommand::Unsnooze(ref who)
        | LedgerCommand::Ignore(ref who)
        | LedgerCommand::Unignore(ref who) => who,
    };
    let path = writable_path()?;
    if who.input.redact {
        return Err(
            "--redact: ledger commands write real names and keys, so they cannot run redacted"
                .into(),
        );
    }
    // Loading reads the ledger too: a corrupt one stops here, untouched.
    let l = crate::load(&who.input)?;
    let id = resolve(&l, &who.query)?;
    let person = l.network.people.get(id);
    let key = person
        .profile_url
        .clone()
        .unwrap_or_else(|| rekindle::keys::name_key(&person.name));
    let name = person.name.clone();
    let today = today();
    let shown = plain(&name);
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
    writeln!(out, "{done} (in {})", path.display())?;
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

fn list(format: LedgerFormat, redact: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let path = writable_path()?;
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
            writeln!(out, "No entries in {}.", path.display())?;
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
            crate::render::write_rows(
                out,
                &rows,
                crate::render::Format::Table,
                None,
                &crate::style(),
            )?;
        }
    }
    Ok(())
}
