//! One function per command: read the export through [`Analysis`], render
//! what it answers. No judgement lives here; that is the library's.

use std::io::Write;
use std::path::{Path, PathBuf};

use rekindle::{Analysis, Export, Network};

use crate::args::{Common, GraphFormat, Input, Listing, MetricsArgs, MetricsFormat, OutputFormat};
use crate::output::{Failure, Printer, limited, write_to};
use crate::{calendar, html, parquet};

/// The columns of the neglected and strongest tables; the reason goes under each row.
const RELATIONSHIP_COLUMNS: [&str; 4] = ["name", "company", "last_interaction", "score"];

/// Reads and analyses the export, with a spinner on stderr while a large
/// one loads (hidden when stderr is not a terminal, cleared before output).
fn load(input: &Input) -> Result<Analysis, Failure> {
    let options = input.options()?;
    let progress = indicatif::ProgressBar::new_spinner();
    progress.enable_steady_tick(std::time::Duration::from_millis(120));
    progress.set_message(format!("reading {}", input.path.display()));
    let export = Export::open_with(&input.path, &options.limits)?;
    progress.set_message(format!("analysing {} messages", export.messages.len()));
    let analysis = Analysis::from_export(export, &options)?;
    progress.finish_and_clear();
    Ok(analysis)
}

/// `rekindle summary`.
pub fn summary(c: &Common, p: &Printer, out: &mut dyn Write) -> Result<(), Failure> {
    Ok(p.record(out, &load(&c.input)?.summary(), c.format)?)
}

/// `rekindle neglected`.
pub fn neglected(l: &Listing, p: &Printer, out: &mut dyn Write) -> Result<(), Failure> {
    let rows = limited(load(&l.common.input)?.neglected(), l.limit);
    let empty =
        "No neglected relationships: everyone you were close to, you are still in touch with.";
    Ok(p.reasoned_rows(out, &rows, l.common.format, &RELATIONSHIP_COLUMNS, empty)?)
}

/// `rekindle strongest`.
pub fn strongest(l: &Listing, p: &Printer, out: &mut dyn Write) -> Result<(), Failure> {
    let rows = limited(load(&l.common.input)?.strongest(), l.limit);
    let empty = "No two-way relationship is active right now.";
    Ok(p.reasoned_rows(out, &rows, l.common.format, &RELATIONSHIP_COLUMNS, empty)?)
}

/// `rekindle unanswered`.
pub fn unanswered(l: &Listing, p: &Printer, out: &mut dyn Write) -> Result<(), Failure> {
    let rows = limited(load(&l.common.input)?.unanswered(), l.limit);
    let columns = ["name", "last_message", "days_waiting", "messages_waiting"];
    let empty = "Nobody is waiting for your reply.";
    Ok(p.rows(out, &rows, l.common.format, &columns, empty)?)
}

/// `rekindle never-contacted`.
pub fn never_contacted(l: &Listing, p: &Printer, out: &mut dyn Write) -> Result<(), Failure> {
    let rows = limited(load(&l.common.input)?.never_contacted(), l.limit);
    let columns = ["name", "company", "connected_on", "reason"];
    let empty = "You have exchanged messages with every connection.";
    Ok(p.rows(out, &rows, l.common.format, &columns, empty)?)
}

/// `rekindle companies`.
pub fn companies(
    l: &Listing,
    company: Option<&str>,
    p: &Printer,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let rows = limited(load(&l.common.input)?.companies(company), l.limit);
    let columns = [
        "company",
        "connections",
        "two_way",
        "deepest",
        "total_depth",
    ];
    Ok(p.rows(out, &rows, l.common.format, &columns, "No company matches.")?)
}

/// `rekindle metrics`.
pub fn metrics(m: &MetricsArgs, p: &Printer, out: &mut dyn Write) -> Result<(), Failure> {
    let format = match m.format {
        MetricsFormat::Table => OutputFormat::Table,
        MetricsFormat::Json => OutputFormat::Json,
        MetricsFormat::Csv => OutputFormat::Csv,
        MetricsFormat::Markdown => OutputFormat::Markdown,
        MetricsFormat::Parquet => {
            let output = parquet::required(m.output.as_deref(), "file")?;
            let rows = limited(load(&m.input)?.metrics().rows.clone(), m.limit);
            return parquet::write_metrics(&rows, &m.input.path, &output, out);
        }
    };
    if m.output.is_some() {
        return Err("-o is for --format parquet; other formats go to standard output".into());
    }
    let analysis = load(&m.input)?;
    let rows = limited(analysis.metrics().rows.clone(), m.limit);
    let columns = ["name", "last_interaction", "depth", "neglect"];
    Ok(p.rows(out, &rows, format, &columns, "No people in this export.")?)
}

/// `rekindle person`.
pub fn person(c: &Common, query: &str, p: &Printer, out: &mut dyn Write) -> Result<(), Failure> {
    Ok(p.record(out, &load(&c.input)?.person(query)?, c.format)?)
}

/// `rekindle graph`.
pub fn graph(
    input: &Input,
    format: GraphFormat,
    output: Option<&PathBuf>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let write: fn(&Network, &mut dyn Write) -> std::io::Result<()> = match format {
        GraphFormat::Graphml => Network::write_graphml,
        GraphFormat::Dot => Network::write_dot,
        GraphFormat::Json => Network::write_json,
        GraphFormat::Parquet => {
            let dir = parquet::required(output.map(PathBuf::as_path), "folder")?;
            return parquet::write_graph(load(input)?.network(), &input.path, &dir, out);
        }
    };
    let analysis = load(input)?;
    let network = analysis.network();
    write_to(output.map(PathBuf::as_path), out, |sink| {
        Ok(write(network, sink)?)
    })
}

/// `rekindle report`.
pub fn report(
    input: &Input,
    output: &Path,
    limit: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let overview = load(input)?.overview(limit);
    let to_file = output.as_os_str() != "-";
    write_to(to_file.then_some(output), out, |sink| {
        html::write_report(sink, &overview)
    })?;
    if to_file {
        writeln!(
            out,
            "Wrote {}: open it in any browser (it works offline).",
            output.display()
        )?;
    }
    Ok(())
}

/// `rekindle remind`.
pub fn remind(
    input: &Input,
    output: Option<&PathBuf>,
    limit: usize,
    every: u64,
    start: Option<chrono::NaiveDate>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let rows = limited(load(input)?.neglected(), Some(limit));
    // Tomorrow by the clock, not by the export: an export can be old.
    let start = match start {
        Some(day) => day,
        None => chrono::Local::now()
            .date_naive()
            .succ_opt()
            .ok_or("today is the last day chrono knows")?,
    };
    let ics = calendar::build(&rows, start, every, chrono::Utc::now())?;
    write_to(output.map(PathBuf::as_path), out, |sink| {
        Ok(write!(sink, "{ics}")?)
    })
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
