//! Your own record of people, beside the export: touches outside LinkedIn,
//! snoozes, people to ignore, and the cadence you want with someone.
//!
//! The ledger is one hand-editable TOML file the user owns. rekindle reads it
//! with `toml_edit` and rewrites only what a command changes, so comments,
//! ordering and keys it does not know survive. People are keyed by their
//! normalised profile URL (their name key where the export has no URL), with
//! the name beside the key for a human reader:
//!
//! ```toml
//! # My rekindle ledger.
//! version = 1
//!
//! [people."linkedin.com/in/maya-okonkwo-reyes"]
//! name = "Maya Okonkwo-Reyes"
//! touches = [
//!   { on = 2026-11-30, how = "coffee", note = "her new team" },
//! ]
//! cadence_days = 21
//!
//! [people."sam lee"]
//! name = "Sam Lee"
//! snoozed_until = 2027-03-01
//! ignored = false
//! ```
//!
//! [`store`] reads and writes the file (atomically, under a lock); [`Effects`]
//! is what a ledger changes in the metrics of one export.
//!
//! ```
//! use rekindle::ledger::{How, Ledger, Touch};
//!
//! let mut ledger = Ledger::parse("# mine\nversion = 1\n", "ledger.toml")?;
//! let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
//! ledger.touch("linkedin.com/in/maya", "Maya", &Touch { on, how: How::Coffee, note: None })?;
//! assert_eq!(ledger.entries()[0].touches[0].how, How::Coffee);
//! assert!(ledger.to_string().starts_with("# mine\n"));
//! # Ok::<(), rekindle::Error>(())
//! ```

mod effects;
pub mod store;

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::error::{Error, Result};

pub use effects::{Effects, PersonEffect};

/// The schema version this rekindle reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

/// How an interaction outside LinkedIn happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// Met for a coffee (or a meal).
    Coffee,
    /// A phone or video call.
    Call,
    /// A meeting, in person or online.
    Meeting,
    /// An email.
    Email,
    /// Anything else.
    Other,
}

impl How {
    /// Every value, in the order the help lists them.
    pub const ALL: [How; 5] = [How::Coffee, How::Call, How::Meeting, How::Email, How::Other];

    /// The word the ledger file uses.
    pub fn as_str(self) -> &'static str {
        match self {
            How::Coffee => "coffee",
            How::Call => "call",
            How::Meeting => "meeting",
            How::Email => "email",
            How::Other => "other",
        }
    }

    /// Reads the word the ledger file uses.
    ///
    /// ```
    /// use rekindle::ledger::How;
    /// assert_eq!(How::parse("call"), Some(How::Call));
    /// assert_eq!(How::parse("dinner"), None);
    /// ```
    pub fn parse(text: &str) -> Option<How> {
        How::ALL.into_iter().find(|h| h.as_str() == text)
    }
}

impl fmt::Display for How {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One interaction outside LinkedIn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Touch {
    /// The day it happened.
    pub on: NaiveDate,
    /// How.
    pub how: How,
    /// The user's own note, if any (dropped by `--redact`).
    pub note: Option<String>,
}

/// Everything the ledger says of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Normalised profile URL, or name key where the export had no URL.
    pub key: String,
    /// Their name, for a human reader of the file.
    pub name: String,
    /// Interactions outside LinkedIn, in file order.
    pub touches: Vec<Touch>,
    /// Hidden from suggestions while today is before this day.
    pub snoozed_until: Option<NaiveDate>,
    /// Never suggested.
    pub ignored: bool,
    /// How often you want to be in touch, in days (replaces the inferred rhythm).
    pub cadence_days: Option<u32>,
}

impl Entry {
    /// The latest touch, if any (the first of equal days).
    pub fn last_touch(&self) -> Option<&Touch> {
        self.touches
            .iter()
            .fold(None, |best: Option<&Touch>, t| match best {
                Some(b) if b.on >= t.on => Some(b),
                _ => Some(t),
            })
    }
}

/// Parses a duration: a number and a unit, `d` = 1 day, `w` = 7, `m` = 30,
/// `y` = 365. `None` for `off`.
///
/// ```
/// use rekindle::ledger::parse_duration;
/// assert_eq!(parse_duration("3w"), Ok(Some(21)));
/// assert_eq!(parse_duration("2m"), Ok(Some(60)));
/// assert_eq!(parse_duration("1y"), Ok(Some(365)));
/// assert_eq!(parse_duration("off"), Ok(None));
/// assert!(parse_duration("3 weeks").is_err());
/// assert!(parse_duration("0d").is_err());
/// ```
pub fn parse_duration(text: &str) -> std::result::Result<Option<u32>, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    let bad = || format!("{text:?} is not a duration such as 10d, 3w, 2m, 1y or off");
    let split = t.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (digits, unit) = t.split_at(split);
    let n: u32 = digits.parse().map_err(|_| bad())?;
    let per = match unit {
        "d" => 1,
        "w" => 7,
        "m" => 30,
        "y" => 365,
        _ => return Err(bad()),
    };
    match n.checked_mul(per) {
        Some(days) if (1..=MAX_DAYS).contains(&days) => Ok(Some(days)),
        _ => Err(format!(
            "{text:?}: a duration must be from 1 day to {} years",
            MAX_DAYS / 365
        )),
    }
}

/// The longest duration anywhere in a ledger: a hundred years.
const MAX_DAYS: u32 = 36_500;

/// A ledger file, parsed: its entries and the document they came from.
#[derive(Debug, Clone)]
pub struct Ledger {
    path: PathBuf,
    doc: DocumentMut,
    entries: Vec<Entry>,
}

/// What a check of the document found wrong, and where (a byte range of the text).
struct Invalid {
    span: Option<Range<usize>>,
    message: String,
}

fn invalid(span: Option<Range<usize>>, message: impl Into<String>) -> Invalid {
    Invalid {
        span,
        message: message.into(),
    }
}

impl Ledger {
    /// An empty ledger that will live at `path`.
    pub fn empty(path: impl Into<PathBuf>) -> Ledger {
        let mut doc = DocumentMut::new();
        doc.decor_mut().set_prefix(
            "# rekindle ledger: your own record of people, beside the export.\n\
             # Edit it by hand or with `rekindle touch|snooze|ignore|cadence`;\n\
             # comments and unknown keys are kept.\n",
        );
        doc["version"] = toml_edit::value(SCHEMA_VERSION);
        Ledger {
            path: path.into(),
            doc,
            entries: Vec::new(),
        }
    }

    /// Parses a ledger's text; `path` only names the file in errors.
    ///
    /// A file that is not TOML, or whose values are not what the ledger
    /// holds, is an [`Error::Ledger`] naming the line; a newer schema
    /// version is refused the same way. Empty text is an empty ledger.
    pub fn parse(text: &str, path: impl Into<PathBuf>) -> Result<Ledger> {
        let path = path.into();
        if text.trim().is_empty() {
            return Ok(Ledger::empty(path));
        }
        let error = |span: Option<Range<usize>>, message: String| Error::Ledger {
            line: span.map(|s| line_of(text, s.start)),
            path: path.clone(),
            message,
        };
        let spanned = toml_edit::Document::parse(text)
            .map_err(|e| error(e.span(), format!("not valid TOML: {}", e.message().trim())))?;
        let entries = entries_of(spanned.as_table()).map_err(|bad| error(bad.span, bad.message))?;
        Ok(Ledger {
            path,
            doc: spanned.into_mut(),
            entries,
        })
    }

    /// The file this ledger is (or will be) stored in.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of one key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// Records an interaction outside LinkedIn.
    pub fn touch(&mut self, key: &str, name: &str, touch: &Touch) -> Result<()> {
        let entry = self.entry_table(key, name)?;
        let mut t = InlineTable::new();
        t.insert("on", date_value(touch.on));
        t.insert("how", Value::from(touch.how.as_str()));
        if let Some(note) = &touch.note {
            t.insert("note", Value::from(note.as_str()));
        }
        match entry.get_mut("touches") {
            Some(Item::ArrayOfTables(tables)) => tables.push(t.into_table()),
            Some(Item::Value(Value::Array(array))) => push_line(array, t),
            _ => {
                let mut array = Array::new();
                push_line(&mut array, t);
                entry.insert("touches", Item::Value(Value::Array(array)));
            }
        }
        self.refresh()
    }

    /// Hides a person until `until` (`None` lifts the snooze).
    pub fn snooze(&mut self, key: &str, name: &str, until: Option<NaiveDate>) -> Result<()> {
        self.set(key, name, "snoozed_until", until.map(date_value))
    }

    /// Sets or clears "never suggest this person".
    pub fn set_ignored(&mut self, key: &str, name: &str, ignored: bool) -> Result<()> {
        self.set(key, name, "ignored", ignored.then(|| Value::from(true)))
    }

    /// Sets the cadence in days (`None` goes back to the inferred rhythm).
    pub fn set_cadence(&mut self, key: &str, name: &str, days: Option<u32>) -> Result<()> {
        self.set(
            key,
            name,
            "cadence_days",
            days.map(|d| Value::from(i64::from(d))),
        )
    }

    fn set(&mut self, key: &str, name: &str, field: &str, value: Option<Value>) -> Result<()> {
        let entry = self.entry_table(key, name)?;
        match value {
            Some(v) => {
                entry.insert(field, Item::Value(v));
            }
            None => {
                entry.remove(field);
            }
        }
        self.refresh()
    }

    /// The table of one person, made (with their name) if it is not there.
    fn entry_table(&mut self, key: &str, name: &str) -> Result<&mut Table> {
        let cannot = Error::Ledger {
            path: self.path.clone(),
            line: None,
            message: format!("cannot edit people.{key:?}: not a table"),
        };
        if self.doc.get("version").is_none() {
            self.doc["version"] = toml_edit::value(SCHEMA_VERSION);
        }
        let people = self.doc.as_table_mut().entry("people").or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        });
        to_table(people);
        let Some(people) = people.as_table_mut() else {
            return Err(cannot);
        };
        let entry = people.entry(key).or_insert_with(|| {
            let mut t = Table::new();
            t.insert("name", toml_edit::value(name));
            Item::Table(t)
        });
        to_table(entry);
        entry.as_table_mut().ok_or(cannot)
    }

    /// Re-reads the entries from the edited document, checking it again.
    fn refresh(&mut self) -> Result<()> {
        self.entries = entries_of(self.doc.as_table()).map_err(|bad| Error::Ledger {
            path: self.path.clone(),
            line: None,
            message: bad.message,
        })?;
        Ok(())
    }
}

/// Turns a hand-written inline table (`x = { … }`) into a regular one, so
/// tables can be added inside it.
fn to_table(item: &mut Item) {
    if let Item::Value(Value::InlineTable(inline)) = item {
        let table = std::mem::take(inline).into_table();
        *item = Item::Table(table);
    }
}

impl fmt::Display for Ledger {
    /// The file's text: the user's own with this session's changes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.doc)
    }
}

/// Adds an inline table to an array on a line of its own.
fn push_line(array: &mut Array, mut t: InlineTable) {
    t.fmt();
    array.push_formatted(Value::InlineTable(t));
    if let Some(last) = array.iter_mut().last() {
        last.decor_mut().set_prefix("\n  ");
        last.decor_mut().set_suffix("");
    }
    array.set_trailing_comma(true);
    array.set_trailing("\n");
}

fn date_value(day: NaiveDate) -> Value {
    use chrono::Datelike;
    let date = toml_edit::Date {
        year: u16::try_from(day.year()).unwrap_or(0),
        month: day.month() as u8,
        day: day.day() as u8,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Checks the document and reads its entries.
fn entries_of(root: &Table) -> std::result::Result<Vec<Entry>, Invalid> {
    match root.get("version") {
        None if root.get("people").is_some() => {
            return Err(invalid(
                root.get("people").and_then(Item::span),
                format!(
                    "no `version = {SCHEMA_VERSION}` line: rekindle cannot tell which schema this is"
                ),
            ));
        }
        None => {}
        Some(item) => match item.as_integer() {
            Some(SCHEMA_VERSION) => {}
            Some(v) if v > SCHEMA_VERSION => {
                return Err(invalid(
                    item.span(),
                    format!(
                        "schema version {v} is newer than this rekindle reads ({SCHEMA_VERSION}); upgrade rekindle (the file is left as it is)"
                    ),
                ));
            }
            _ => {
                return Err(invalid(
                    item.span(),
                    format!("`version` must be {SCHEMA_VERSION}"),
                ));
            }
        },
    }
    let Some(people) = root.get("people") else {
        return Ok(Vec::new());
    };
    let people = people
        .as_table_like()
        .ok_or_else(|| invalid(people.span(), "`people` must be a table"))?;
    let mut entries = Vec::with_capacity(people.len());
    for (key, item) in people.iter() {
        let span = people
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span());
        let table = item
            .as_table_like()
            .ok_or_else(|| invalid(span.clone(), format!("people.{key:?} must be a table")))?;
        entries.push(entry_of(key, table, span)?);
    }
    Ok(entries)
}

fn entry_of(
    key: &str,
    table: &dyn toml_edit::TableLike,
    span: Option<Range<usize>>,
) -> std::result::Result<Entry, Invalid> {
    if key.trim().is_empty() {
        return Err(invalid(span, "a person's key is empty"));
    }
    let at = |field: &str| table.get(field);
    let name = match at("name") {
        None => key.to_string(),
        Some(item) => item
            .as_str()
            .ok_or_else(|| invalid(item.span(), format!("people.{key:?}.name must be text")))?
            .to_string(),
    };
    let snoozed_until = at("snoozed_until")
        .map(|item| date_of(item, &format!("people.{key:?}.snoozed_until")))
        .transpose()?;
    let ignored = match at("ignored") {
        None => false,
        Some(item) => item.as_bool().ok_or_else(|| {
            invalid(
                item.span(),
                format!("people.{key:?}.ignored must be true or false"),
            )
        })?,
    };
    let cadence_days = match at("cadence_days") {
        None => None,
        Some(item) => {
            let days = item
                .as_integer()
                .and_then(|d| u32::try_from(d).ok())
                .filter(|d| (1..=MAX_DAYS).contains(d));
            Some(days.ok_or_else(|| {
                invalid(
                    item.span(),
                    format!("people.{key:?}.cadence_days must be a whole number of days from 1 to {MAX_DAYS}"),
                )
            })?)
        }
    };
    let mut touches = Vec::new();
    if let Some(item) = at("touches") {
        let field = format!("people.{key:?}.touches");
        let wrong = || {
            invalid(
                item.span(),
                format!("{field} must be a list of {{ on = YYYY-MM-DD, how = \"coffee\" }}"),
            )
        };
        match item {
            Item::ArrayOfTables(tables) => {
                for t in tables.iter() {
                    touches.push(touch_of(t, t.span(), &field)?);
                }
            }
            Item::Value(Value::Array(array)) => {
                for v in array.iter() {
                    let t = v.as_inline_table().ok_or_else(|| {
                        invalid(v.span(), format!("{field}: each touch must be {{ on = YYYY-MM-DD, how = \"coffee\" }}"))
                    })?;
                    touches.push(touch_of(t, v.span(), &field)?);
                }
            }
            _ => return Err(wrong()),
        }
    }
    Ok(Entry {
        key: key.to_string(),
        name,
        touches,
        snoozed_until,
        ignored,
        cadence_days,
    })
}

fn touch_of(
    t: &dyn toml_edit::TableLike,
    span: Option<Range<usize>>,
    field: &str,
) -> std::result::Result<Touch, Invalid> {
    let on = t
        .get("on")
        .ok_or_else(|| invalid(span.clone(), format!("{field}: a touch has no `on` date")))?;
    let on = date_of(on, &format!("{field}.on"))?;
    let how = match t.get("how") {
        None => How::Other,
        Some(item) => item.as_str().and_then(How::parse).ok_or_else(|| {
            invalid(
                item.span(),
                format!("{field}.how must be one of coffee, call, meeting, email, other"),
            )
        })?,
    };
    let note = match t.get("note") {
        None => None,
        Some(item) => Some(
            item.as_str()
                .ok_or_else(|| invalid(item.span(), format!("{field}.note must be text")))?
                .to_string(),
        ),
    };
    Ok(Touch { on, how, note })
}

/// A TOML local date (`2026-11-30`) or the same as text (`"2026-11-30"`).
fn date_of(item: &Item, field: &str) -> std::result::Result<NaiveDate, Invalid> {
    let wrong = || {
        invalid(
            item.span(),
            format!("{field} must be a date such as 2026-11-30"),
        )
    };
    if let Some(text) = item.as_str() {
        return NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| wrong());
    }
    let dt = item.as_datetime().ok_or_else(wrong)?;
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(wrong)
        }
        _ => Err(wrong()),
    }
}

#[cfg(test)]
mod tests;
