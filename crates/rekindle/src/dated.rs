//! What an export's dates say: the day an analysis is as of, and the dates
//! to doubt.
//!
//! Every well-formed date is read. A date before LinkedIn's launch or after
//! the export's own date is suspicious, not unreadable: its row is kept and
//! one warning per file and kind says how many there are and where the first
//! one is. An analysis never falls back to 1970: with no dated record and no
//! as-of date given, it stops with [`Error::UnknownAsOf`].

use chrono::{Datelike, NaiveDate};

use crate::archive::FileKind;
use crate::dates::LINKEDIN_LAUNCH_YEAR;
use crate::error::{Error, Result, Warning};
use crate::export::{Export, ExportFacts};
use crate::options::Options;
use crate::warnings::Warnings;

/// The day to analyse as of: the one asked for (with a warning when records
/// come after it), else the export's own date.
pub(crate) fn as_of(
    export: &Export,
    options: &Options,
    warnings: &mut Warnings,
) -> Result<NaiveDate> {
    let latest = export.latest_date();
    match options.as_of {
        Some(day) => {
            if let Some(latest) = latest.filter(|l| *l > day) {
                let until = Some(day);
                let messages: u64 = export
                    .messages
                    .days()
                    .filter(|d| after(Some(d.day), until))
                    .map(|d| d.rows - d.drafts)
                    .sum();
                let messages = messages as usize;
                let full = export.facts();
                let kept = facts_until(export, until);
                let left = |what: &str, n: usize| {
                    (n > 0).then(|| {
                        format!(
                            "{} {what}{}",
                            thousands(n),
                            crate::reports::plural(n as i64)
                        )
                    })
                };
                let parts: Vec<String> = [
                    left("connection", full.connections - kept.connections),
                    left("message", messages),
                    left("invitation", full.invitations - kept.invitations),
                    left(
                        "endorsement",
                        full.endorsements_received + full.endorsements_given
                            - kept.endorsements_received
                            - kept.endorsements_given,
                    ),
                    left(
                        "recommendation",
                        full.recommendations_received + full.recommendations_given
                            - kept.recommendations_received
                            - kept.recommendations_given,
                    ),
                ]
                .into_iter()
                .flatten()
                .collect();
                let message = format!(
                    "{day} is earlier than the latest record ({latest}): left out as later: {}",
                    if parts.is_empty() {
                        "nothing counted".to_string()
                    } else {
                        parts.join(", ")
                    }
                );
                warnings.push(Warning::new("as-of date", None, message));
            }
            Ok(day)
        }
        None => export.export_date().ok_or_else(|| Error::UnknownAsOf {
            export: export.export_name.clone(),
        }),
    }
}

/// Whether a record's date comes after an as-of date given.
pub(crate) fn after(date: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    matches!((date, until), (Some(d), Some(u)) if d > u)
}

/// The export's facts, counting only records up to an as-of date given.
pub(crate) fn facts_until(export: &Export, until: Option<NaiveDate>) -> ExportFacts {
    let mut facts = export.facts();
    if until.is_none() {
        return facts;
    }
    let count = |dates: &mut dyn Iterator<Item = Option<NaiveDate>>| {
        dates.filter(|d| !after(*d, until)).count()
    };
    facts.connections = count(&mut export.connections.iter().map(|c| c.connected_on));
    facts.invitations = count(
        &mut export
            .invitations
            .iter()
            .map(|i| i.sent_at.map(|d| d.date())),
    );
    facts.endorsements_received = count(
        &mut export
            .endorsements_received
            .iter()
            .map(|e| e.date.map(|d| d.date())),
    );
    facts.endorsements_given = count(
        &mut export
            .endorsements_given
            .iter()
            .map(|e| e.date.map(|d| d.date())),
    );
    facts.recommendations_received =
        count(&mut export.recommendations_received.iter().map(|r| r.date));
    facts.recommendations_given = count(&mut export.recommendations_given.iter().map(|r| r.date));
    facts
}

/// One grouped warning per file and kind for dates before LinkedIn's launch
/// or after `export_date`.
pub(crate) fn suspicious(export: &Export, export_date: Option<NaiveDate>) -> Warnings {
    let mut out = Warnings::default();
    let name = |kind: FileKind| kind.file_name();
    check_counted(
        name(FileKind::Messages),
        export
            .messages
            .days()
            .map(|d| (d.first_line, d.day, d.rows as usize)),
        export_date,
        &mut out,
    );
    check(
        name(FileKind::Connections),
        export
            .connections
            .iter()
            .filter_map(|c| Some((c.line, c.connected_on?))),
        export_date,
        &mut out,
    );
    check(
        name(FileKind::Invitations),
        export
            .invitations
            .iter()
            .filter_map(|i| Some((i.line, i.sent_at?.date()))),
        export_date,
        &mut out,
    );
    for (kind, list) in [
        (
            FileKind::EndorsementsReceived,
            &export.endorsements_received,
        ),
        (FileKind::EndorsementsGiven, &export.endorsements_given),
    ] {
        let rows = list.iter().filter_map(|e| Some((e.line, e.date?.date())));
        check(name(kind), rows, export_date, &mut out);
    }
    for (kind, list) in [
        (
            FileKind::RecommendationsReceived,
            &export.recommendations_received,
        ),
        (
            FileKind::RecommendationsGiven,
            &export.recommendations_given,
        ),
    ] {
        let rows = list.iter().filter_map(|r| Some((r.line, r.date?)));
        check(name(kind), rows, export_date, &mut out);
    }
    out
}

/// How many dates of one kind, and the first (by line).
#[derive(Default)]
struct Tally {
    count: usize,
    first: Option<(u64, NaiveDate)>,
}

impl Tally {
    fn add(&mut self, line: u64, date: NaiveDate, count: usize) {
        self.count += count;
        if self.first.is_none_or(|(l, _)| line < l) {
            self.first = Some((line, date));
        }
    }

    fn warn(&self, file: &str, what: &str, out: &mut Warnings) {
        if let Some((line, date)) = self.first {
            let n = self.count;
            let message = format!(
                "{} date{} {what}: rows kept; first at line {line}",
                thousands(n),
                crate::reports::plural(n as i64)
            );
            out.push(Warning::new(file, None, message).with_value(date.to_string()));
        }
    }
}

fn check(
    file: &str,
    rows: impl Iterator<Item = (u64, NaiveDate)>,
    export_date: Option<NaiveDate>,
    out: &mut Warnings,
) {
    check_counted(file, rows.map(|(l, d)| (l, d, 1)), export_date, out);
}

/// [`check`] on dates given with how many rows carry each (and the first line).
fn check_counted(
    file: &str,
    rows: impl Iterator<Item = (u64, NaiveDate, usize)>,
    export_date: Option<NaiveDate>,
    out: &mut Warnings,
) {
    let (mut early, mut late) = (Tally::default(), Tally::default());
    for (line, date, count) in rows {
        if date.year() < LINKEDIN_LAUNCH_YEAR {
            early.add(line, date, count);
        } else if export_date.is_some_and(|e| date > e) {
            late.add(line, date, count);
        }
    }
    early.warn(
        file,
        &format!("before {LINKEDIN_LAUNCH_YEAR}, LinkedIn's launch"),
        out,
    );
    if let Some(e) = export_date {
        late.warn(file, &format!("after the export date {e}"), out);
    }
}

/// `20000` → `20,000`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(20_000), "20,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
