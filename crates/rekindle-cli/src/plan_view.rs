//! `rekindle plan` and `rekindle reciprocity`: the library's plan items and
//! favour ledger, rendered. No judgement lives here.

use std::io::Write;
use std::path::Path;

use rekindle::plan::{PlanItem, PlanOptions};
use rekindle::{Analysis, Options};
use serde::Serialize;

use crate::args::{Common, Listing, OutputFormat};
use crate::commands::{Context, load, load_path};
use crate::output::{Failure, limited};

/// A plan item as a table shows it: the why, the step and the note under it.
#[derive(Serialize)]
struct PlanLine<'a> {
    action: &'a str,
    name: &'a str,
    company: Option<&'a str>,
    score: f64,
    reason: String,
}

/// The text under a plan item in a table: why now, then what to do, then your note.
pub fn plan_reason(item: &PlanItem) -> String {
    let mut text = format!("{} → {}", item.why_now, item.suggestion);
    if let Some(note) = &item.note {
        text += &format!(
            " Your note: {}",
            note.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    text
}

/// Loads the older export for `--since`: never with `--redact` (pseudonyms
/// of two exports cannot be matched), and it must be the older one.
pub fn older(
    input: &crate::args::Input,
    since: &Path,
    newer: &Analysis,
    cx: &Context,
) -> Result<&'static Analysis, Failure> {
    if input.read.redact {
        return Err("--since cannot be combined with --redact".into());
    }
    let options = Options {
        as_of: None,
        ..input.read.options()?
    };
    let older = load_path(since, &options, cx)?;
    if older.network().as_of > newer.network().as_of {
        return Err(format!(
            "--since {} is the newer export ({} after {}): give the older one",
            crate::sanitize::one_line(&since.display().to_string()),
            older.network().as_of,
            newer.network().as_of
        )
        .into());
    }
    Ok(older)
}

/// `rekindle plan`.
pub fn plan(
    common: &Common,
    limit: usize,
    since: Option<&Path>,
    cx: &Context,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let p = &cx.printer;
    let analysis = load(&common.input, cx)?;
    let older = since
        .map(|s| older(&common.input, s, analysis, cx))
        .transpose()?;
    let items = analysis.plan(&PlanOptions {
        since: older,
        limit,
    })?;
    let empty = "Nothing to do this week: nobody is waiting, owed or gone cold.";
    if common.format == OutputFormat::Table {
        let lines: Vec<PlanLine> = items
            .iter()
            .map(|i| PlanLine {
                action: i.action.as_str(),
                name: &i.name,
                company: i.company.as_deref(),
                score: i.score,
                reason: plan_reason(i),
            })
            .collect();
        let columns = ["action", "name", "company", "score"];
        return Ok(p.reasoned_rows(out, &lines, common.format, &columns, empty)?);
    }
    let columns = ["action", "name", "why_now", "suggestion"];
    Ok(p.rows(out, &items, common.format, &columns, empty)?)
}

/// `rekindle reciprocity`.
pub fn reciprocity(l: &Listing, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let p = &cx.printer;
    let rows = limited(load(&l.common.input, cx)?.reciprocity(), l.limit);
    let columns = ["name", "they_gave", "you_gave", "balance"];
    let empty = "No recommendations, endorsements or invitation notes either way.";
    Ok(p.reasoned_rows(out, &rows, l.common.format, &columns, empty)?)
}

/// `person` in table format: a card a person reads, not the JSON flattened.
/// Every text from the export is put on one clean line.
pub fn person_card(r: &rekindle::PersonReport, out: &mut dyn Write) -> std::io::Result<()> {
    use crate::sanitize::one_line;
    let m = &r.metrics;
    let clean = |t: &str| one_line(t).into_owned();
    let mut who = clean(&m.name);
    match (m.position.as_deref(), m.company.as_deref()) {
        (Some(p), Some(c)) => who += &format!(" — {} at {}", clean(p), clean(c)),
        (Some(p), None) => who += &format!(" — {}", clean(p)),
        (None, Some(c)) => who += &format!(" — at {}", clean(c)),
        (None, None) => {}
    }
    writeln!(out, "{who}")?;
    if let Some(url) = &m.profile_url {
        writeln!(out, "{}", clean(url))?;
    }
    match (m.is_connection, m.connected_on) {
        (true, Some(on)) => writeln!(out, "Connected since {on}.")?,
        (true, None) => writeln!(out, "A connection.")?,
        (false, _) => writeln!(out, "Not a connection.")?,
    }
    writeln!(out)?;
    // The relationship: the same reason as the lists give.
    let relationship = [&r.neglected, &r.strongest, &r.never_contacted]
        .into_iter()
        .find(|t| t.starts_with("on the list"))
        .map(|t| t.split_once(": ").map_or(t.as_str(), |(_, rest)| rest))
        .map(str::to_string)
        .unwrap_or_else(|| r.neglected.clone());
    writeln!(
        out,
        "The relationship: {}.",
        clean(relationship.trim_end_matches('.'))
    )?;
    if !r.unanswered.starts_with("not") {
        writeln!(out, "Unanswered: {}.", clean(&r.unanswered))?;
    }
    match &r.plan {
        Some(item) => {
            writeln!(
                out,
                "Now: {} — {}",
                item.action.title(),
                clean(&item.why_now)
            )?;
            writeln!(out, "     {}", clean(&item.suggestion))?;
        }
        None => writeln!(out, "Now: nothing pressing.")?,
    }
    if let Some(note) = &r.note {
        writeln!(out, "Your note: {}", clean(note))?;
    }
    if !r.ties.is_empty() {
        writeln!(out)?;
        writeln!(out, "Ties")?;
        for t in &r.ties {
            writeln!(out, "  - {}", tie_sentence(t))?;
        }
    }
    if !r.activity.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Activity per year (messages both ways, groups included)"
        )?;
        let total = |y: &rekindle::YearRow| y.sent + y.received + y.group;
        let max = r.activity.iter().map(total).max().unwrap_or(0).max(1);
        for y in &r.activity {
            let n = total(y);
            let width = (n as usize * 30).div_ceil(max as usize);
            writeln!(out, "  {}  {:<30} {n}", y.year, "█".repeat(width))?;
        }
    }
    Ok(())
}

/// One tie as a sentence: "They endorsed you for Go on 2024-05-01."
fn tie_sentence(t: &rekindle::TieRow) -> String {
    let detail = crate::sanitize::one_line(&t.detail).into_owned();
    let on = t.date.map(|d| format!(" on {d}")).unwrap_or_default();
    let to_you = t.direction == "to_you";
    match t.kind.as_str() {
        "connection" => format!("Connected{on}."),
        "direct_messages" => format!("Direct messages: {detail}."),
        "endorsement" => {
            let skill = detail.strip_prefix("endorsed for ").unwrap_or(&detail);
            if to_you {
                format!("They endorsed you for {skill}{on}.")
            } else {
                format!("You endorsed them for {skill}{on}.")
            }
        }
        "recommendation" if to_you => format!("They recommended you{on}."),
        "recommendation" => format!("You recommended them{on}."),
        // A group with you has no direction ("none"); with another, the
        // direction names them ("with Noah Kim").
        "shared_groups" if matches!(t.direction.as_str(), "none" | "from_you") => {
            format!("You share {detail}.")
        }
        "shared_groups" => format!(
            "They share {detail} {}.",
            crate::sanitize::one_line(&t.direction)
        )
        .replace(" together with", " with"),
        _ => {
            let who = match t.direction.as_str() {
                "to_you" => "from them",
                "from_you" => "from you",
                _ => "both ways",
            };
            format!("{} {who}{on}: {detail}.", t.kind.replace('_', " "))
        }
    }
}

/// `remind --from plan`: the plan (with `--since`, its job changes too) as
/// calendar events, `--limit` items, one every `--every` from `--start`.
pub fn plan_calendar(
    args: &crate::args::RemindArgs,
    analysis: &Analysis,
    cx: &Context,
) -> Result<String, Failure> {
    let older = args
        .since
        .as_deref()
        .map(|s| older(&args.input, s, analysis, cx))
        .transpose()?;
    let items = analysis.plan(&PlanOptions {
        since: older,
        limit: args.limit,
    })?;
    let start = match args.start {
        Some(day) => day,
        None => chrono::Local::now()
            .date_naive()
            .succ_opt()
            .ok_or("today is the last day chrono knows")?,
    };
    crate::calendar::build_plan(&items, start, args.every, chrono::Utc::now())
}
