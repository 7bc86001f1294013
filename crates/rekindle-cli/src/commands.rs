//! One function per command: read the export through [`Analysis`], render
//! what it answers. No judgement lives here; that is the library's.

use std::io::Write;
use std::path::{Path, PathBuf};

use rekindle::diff::Diff;
use rekindle::{Analysis, Export, Network, Options};

use crate::args::{
    Common, DiffArgs, GraphFormat, Input, LedgerFlags, Listing, MetricsArgs, MetricsFormat,
    OutputFormat, RemindArgs, ReportArgs,
};
use crate::output::{Failure, Printer, limited};
use crate::output_file::Target;
use crate::sanitize;
use crate::{calendar, diff_view, html, ledger_cmd, parquet};

/// The columns of the neglected and strongest tables; the reason goes under each row.
const RELATIONSHIP_COLUMNS: [&str; 4] = ["name", "company", "last_interaction", "score"];

/// What every command shares: how output looks, and which ledger applies.
pub struct Context {
    /// Renders rows and records.
    pub printer: Printer,
    /// Where the user's ledger is, or that it is left out.
    pub ledger: LedgerFlags,
}

/// Reads and analyses the export, the user's ledger applied.
pub fn load(input: &Input, cx: &Context) -> Result<&'static Analysis, Failure> {
    load_path(&input.path, &input.options()?, cx)
}

/// Reads and analyses one export with a spinner on stderr while a large
/// one loads (hidden when stderr is not a terminal, cleared before output).
///
/// The analysis lives until the process ends, one command later: it is
/// never freed piece by piece (for 30,000 people that took longer than
/// reading Connections.csv), the system takes its pages back at exit.
pub(crate) fn load_path(
    path: &Path,
    options: &Options,
    cx: &Context,
) -> Result<&'static Analysis, Failure> {
    // A ledger that does not parse stops every command, before any reading.
    let ledger = ledger_cmd::read(&cx.ledger)?;
    let progress = indicatif::ProgressBar::new_spinner();
    progress.enable_steady_tick(std::time::Duration::from_millis(120));
    progress.set_message(format!("reading {}", path.display()));
    let export = Export::open_with(path, &options.limits)?;
    progress.set_message(format!("analysing {} messages", export.messages.rows()));
    let analysis = match &ledger {
        Some(ledger) => {
            Analysis::from_export_with_ledger(export, options, ledger, ledger_cmd::today())?
        }
        None => Analysis::from_export(export, options)?,
    };
    progress.finish_and_clear();
    Ok(Box::leak(Box::new(analysis)))
}

/// What an empty list says when the export has no messages at all: there is
/// nothing to judge, which is not the same as all being well.
pub const NO_MESSAGES: &str = "No messages in this export, so nothing to judge.";

/// `usual`, unless no message was counted.
pub fn unless_no_messages(messages: usize, usual: &str) -> &str {
    if messages == 0 { NO_MESSAGES } else { usual }
}

/// `rekindle summary`.
pub fn summary(c: &Common, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    Ok(cx
        .printer
        .record(out, &load(&c.input, cx)?.summary(), c.format)?)
}

/// `rekindle neglected`.
pub fn neglected(l: &Listing, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let analysis = load(&l.common.input, cx)?;
    let rows = limited(analysis.neglected(), l.limit);
    let empty = unless_no_messages(
        analysis.network().messages_counted,
        "No neglected relationships: everyone you were close to, you are still in touch with.",
    );
    Ok(cx
        .printer
        .reasoned_rows(out, &rows, l.common.format, &RELATIONSHIP_COLUMNS, empty)?)
}

/// `rekindle strongest`.
pub fn strongest(l: &Listing, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let analysis = load(&l.common.input, cx)?;
    let rows = limited(analysis.strongest(), l.limit);
    let empty = unless_no_messages(
        analysis.network().messages_counted,
        "No two-way relationship is active right now.",
    );
    Ok(cx
        .printer
        .reasoned_rows(out, &rows, l.common.format, &RELATIONSHIP_COLUMNS, empty)?)
}

/// `rekindle unanswered`.
pub fn unanswered(l: &Listing, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let analysis = load(&l.common.input, cx)?;
    let rows = limited(analysis.unanswered(), l.limit);
    let columns = ["name", "last_message", "days_waiting", "messages_waiting"];
    let empty = unless_no_messages(
        analysis.network().messages_counted,
        "Nobody is waiting for your reply.",
    );
    Ok(cx
        .printer
        .rows(out, &rows, l.common.format, &columns, empty)?)
}

/// `rekindle never-contacted`.
pub fn never_contacted(l: &Listing, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let rows = limited(load(&l.common.input, cx)?.never_contacted(), l.limit);
    let columns = ["name", "company", "connected_on", "reason"];
    let empty = "You have exchanged messages with every connection.";
    Ok(cx
        .printer
        .rows(out, &rows, l.common.format, &columns, empty)?)
}

/// `rekindle companies`.
pub fn companies(
    l: &Listing,
    company: Option<&str>,
    cx: &Context,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let rows = limited(load(&l.common.input, cx)?.companies(company), l.limit);
    let columns = [
        "company",
        "connections",
        "two_way",
        "deepest",
        "total_depth",
    ];
    Ok(cx
        .printer
        .rows(out, &rows, l.common.format, &columns, "No company matches.")?)
}

/// `rekindle metrics`.
pub fn metrics(m: &MetricsArgs, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let format = match m.format {
        MetricsFormat::Table => OutputFormat::Table,
        MetricsFormat::Json => OutputFormat::Json,
        MetricsFormat::Csv => OutputFormat::Csv,
        MetricsFormat::Markdown => OutputFormat::Markdown,
        MetricsFormat::Parquet => {
            let output = parquet::required(m.output.as_deref(), "file")?;
            let rows = limited(load(&m.input, cx)?.metrics().rows.clone(), m.limit);
            return parquet::write_metrics(&rows, &m.input.path, &output, out);
        }
    };
    if m.output.is_some() {
        return Err("-o is for --format parquet; other formats go to standard output".into());
    }
    let analysis = load(&m.input, cx)?;
    // A slice of the rows, not a copy of 30,000 of them.
    let all = analysis.metrics().rows.as_slice();
    let rows = &all[..m.limit.map_or(all.len(), |n| n.min(all.len()))];
    let columns = ["name", "last_interaction", "depth", "neglect"];
    Ok(cx
        .printer
        .rows(out, rows, format, &columns, "No people in this export.")?)
}

/// `rekindle person`.
pub fn person(c: &Common, query: &str, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let report = load(&c.input, cx)?.person(query)?;
    if c.format == crate::args::OutputFormat::Table {
        return Ok(crate::plan_view::person_card(&report, out)?);
    }
    Ok(cx.printer.record(out, &report, c.format)?)
}

/// `rekindle graph`.
pub fn graph(
    input: &Input,
    format: GraphFormat,
    output: Option<&PathBuf>,
    cx: &Context,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let write: fn(&Network, &mut dyn Write) -> std::io::Result<()> = match format {
        GraphFormat::Graphml => Network::write_graphml,
        GraphFormat::Dot => Network::write_dot,
        GraphFormat::Json => Network::write_json,
        GraphFormat::Parquet => {
            let dir = parquet::required(output.map(PathBuf::as_path), "folder")?;
            return parquet::write_graph(load(input, cx)?.network(), &input.path, &dir, out);
        }
    };
    let target = Target::resolve(output.map(PathBuf::as_path), &input.path)?;
    let analysis = load(input, cx)?;
    let network = analysis.network();
    target.write(out, |sink| write(network, sink))
}

/// `rekindle diff`: the lists to `out`; a note on stderr when the older
/// export was given second.
pub fn diff(args: &DiffArgs, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let err = &mut std::io::stderr();
    if args.read.as_of.is_some() {
        return Err("diff reads each export as of its own date: --as-of does not apply".into());
    }
    // Redaction applies to the diff: pseudonyms of two exports do not match.
    let options = Options {
        redact: false,
        ..args.read.options()?
    };
    let a = load_path(&args.old, &options, cx)?;
    let b = load_path(&args.new, &options, cx)?;
    let (mut diff, swapped) = Analysis::diff_any_order(a, b)?;
    if swapped {
        writeln!(
            err,
            "rekindle: {} is the older export ({} before {}); comparing it to {}",
            sanitize::one_line(&args.new.display().to_string()),
            diff.old.as_of,
            diff.new.as_of,
            sanitize::one_line(&args.old.display().to_string()),
        )?;
    }
    if args.read.redact {
        diff.redact();
    }
    if let Some(n) = args.limit {
        diff.truncate(n);
    }
    diff_view::write_diff(out, &diff, args.format, &cx.printer)
}

/// The diff from the export at `old` to the analysed `newer` (`--since`), in
/// either order (a note on stderr when `old` is the newer one), and the
/// newer side's metrics.
fn since(
    input: &Input,
    old: &Path,
    newer: &Analysis,
    cx: &Context,
) -> Result<(Diff, Option<&'static Analysis>), Failure> {
    if input.read.redact {
        // Pseudonyms differ between two exports: a redacted pair cannot be matched.
        return Err("--since cannot be combined with --redact".into());
    }
    let options = Options {
        as_of: None,
        ..input.read.options()?
    };
    let o = load_path(old, &options, cx)?;
    let (diff, swapped) = Analysis::diff_any_order(o, newer)?;
    if swapped {
        writeln!(
            std::io::stderr(),
            "rekindle: {} is the newer export ({} after {}); showing the changes from {} to {}",
            sanitize::one_line(&old.display().to_string()),
            diff.new.as_of,
            diff.old.as_of,
            sanitize::one_line(&input.path.display().to_string()),
            sanitize::one_line(&old.display().to_string()),
        )?;
    }
    Ok((diff, swapped.then_some(o)))
}

/// `rekindle report`.
pub fn report(args: &ReportArgs, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let ReportArgs {
        input,
        output,
        limit,
        since: since_old,
    } = args;
    let limit = *limit;
    let target = Target::resolve(Some(output), &input.path)?;
    let analysis = load(input, cx)?;
    let mut overview = analysis.overview(limit);
    let since = match since_old {
        Some(old) => {
            let (diff, swapped) = since(input, old, analysis, cx)?;
            if swapped.is_none() {
                // This week with the job changes to congratulate on.
                overview.this_week = rekindle::plan::plan(
                    analysis.network(),
                    analysis.metrics(),
                    Some(&diff),
                    rekindle::plan::DEFAULT_LIMIT,
                );
            }
            Some(diff_view::since_section(&diff, limit))
        }
        None => None,
    };
    let page = html::page(&overview, since.as_deref())?;
    target.write(out, |sink| sink.write_all(page.as_bytes()))?;
    if let Some(file) = target.file() {
        writeln!(
            out,
            "Wrote {}: open it in any browser (it works offline).",
            sanitize::one_line(&file.display().to_string())
        )?;
    }
    Ok(())
}

/// `rekindle remind`.
pub fn remind(args: &RemindArgs, cx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let RemindArgs {
        input,
        output,
        limit,
        every,
        start,
        since: since_old,
        from,
    } = args;
    let output = output.as_ref();
    let target = Target::resolve(output.map(PathBuf::as_path), &input.path)?;
    let analysis = load(input, cx)?;
    if *from == crate::args::RemindFrom::Plan {
        let ics = crate::plan_view::plan_calendar(args, analysis, cx)?;
        return target.write(out, |sink| sink.write_all(ics.as_bytes()));
    }
    let congratulate = match since_old {
        Some(old) => {
            let (diff, swapped) = since(input, old, analysis, cx)?;
            let newer = swapped.as_ref().unwrap_or(&analysis);
            diff_view::congratulations(&diff, newer.metrics())
        }
        None => Vec::new(),
    };
    let rows = limited(analysis.neglected(), Some(*limit));
    // Tomorrow by the clock, not by the export: an export can be old.
    let start = match *start {
        Some(day) => day,
        None => chrono::Local::now()
            .date_naive()
            .succ_opt()
            .ok_or("today is the last day chrono knows")?,
    };
    let ics = calendar::build(&congratulate, &rows, start, *every, chrono::Utc::now())?;
    target.write(out, |sink| sink.write_all(ics.as_bytes()))
}

/// `rekindle completions`: rendered first, because clap_complete panics on
/// a write error (`| head`).
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<(), Failure> {
    let mut command = <crate::args::Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rekindle", &mut script);
    Ok(out.write_all(&script)?)
}

/// `rekindle man`.
pub fn man(out: &mut dyn Write) -> Result<(), Failure> {
    let command = <crate::args::Cli as clap::CommandFactory>::command();
    Ok(clap_mangen::Man::new(command).render(out)?)
}
