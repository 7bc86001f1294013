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
    common: &Common,
    since: &Path,
    newer: &Analysis,
    cx: &Context,
) -> Result<Analysis, Failure> {
    if common.input.read.redact {
        return Err("--since cannot be combined with --redact".into());
    }
    let options = Options {
        as_of: None,
        ..common.input.read.options()?
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
    let older = since.map(|s| older(common, s, &analysis, cx)).transpose()?;
    let items = analysis.plan(&PlanOptions {
        since: older.as_ref(),
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
