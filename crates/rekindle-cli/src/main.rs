//! `rekindle`: which LinkedIn relationships are you letting go cold, and why?
//!
//! The binary is glue: it parses arguments, calls the library, and renders
//! the rows it returns. Errors print as one readable chain on stderr, exit 2.
#![forbid(unsafe_code)]

mod calendar;
mod charts;
mod html;
mod ledger_cmd;
mod render;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rekindle::{Export, Network, Options, metrics, reports};

use render::{Format, TableStyle, write_record, write_rows};

/// Find the relationships you are letting go cold, from your own LinkedIn data export.
///
/// PATH is the export as downloaded (Basic_/Complete_LinkedInDataExport_MM-DD-YYYY.zip),
/// the unzipped folder, or a single messages.csv / Connections.csv.
/// Everything runs on this machine; nothing is sent anywhere; message text is never shown.
#[derive(Parser, Debug)]
#[command(name = "rekindle", version, about, long_about)]
struct Cli {
    /// When to colour table headers: auto (a terminal, and NO_COLOR unset), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
    #[command(flatten)]
    ledger: ledger_cmd::LedgerFlags,
    #[command(subcommand)]
    command: Command,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The colour choice, set once from the arguments.
static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

#[derive(Subcommand, Debug)]
enum Command {
    /// Owner, as-of date, files found, counts and warnings.
    Summary(Common),
    /// People you were close to and have let go cold, most worth rekindling first.
    Neglected(Listing),
    /// Your strongest relationships you are in touch with now.
    Strongest(Listing),
    /// Direct conversations where the other person wrote last, newest first.
    Unanswered(Listing),
    /// Connections you never exchanged messages with, newest first.
    NeverContacted(Listing),
    /// Everything known about one person, and why they are or are not on each list.
    Person {
        #[command(flatten)]
        common: Common,
        /// A part of their name or profile URL.
        query: String,
    },
    /// Where your network sits: connections and depth per company.
    Companies {
        #[command(flatten)]
        listing: Listing,
        /// Only companies whose name contains this.
        #[arg(long)]
        company: Option<String>,
    },
    /// The whole per-person metrics table, to analyse yourself.
    Metrics(Listing),
    /// The relationship graph, for Gephi, yEd, networkx or Graphviz.
    Graph {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Graphml)]
        format: GraphFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// One self-contained HTML page with charts and every list, to read in a browser or share.
    ///
    /// Nothing in it loads from the network and it holds no message text.
    Report {
        #[command(flatten)]
        input: Input,
        /// Write the page here; `-` writes it to standard output.
        #[arg(short, long, default_value = "rekindle-report.html")]
        output: PathBuf,
        /// Show at most this many rows in each list.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Reminders to reconnect with the neglected, as a calendar file for Google, Outlook or Apple.
    ///
    /// One all-day event per person, one a week from tomorrow by default, each with the reason
    /// and the profile link: `rekindle remind PATH -o reconnect.ics`, then import the file.
    Remind {
        #[command(flatten)]
        input: Input,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Remind of at most this many people, most worth rekindling first.
        #[arg(long, value_name = "N", default_value_t = 10)]
        limit: usize,
        /// Time between two reminders, in days or weeks: 1d, 3d, 1w, 2w.
        #[arg(long, value_name = "INTERVAL", value_parser = calendar::parse_every, default_value = "1w")]
        every: u64,
        /// Day of the first reminder (YYYY-MM-DD); tomorrow if not given.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = calendar::parse_day)]
        start: Option<chrono::NaiveDate>,
    },
    #[command(flatten)]
    Ledger(ledger_cmd::LedgerCommand),
    /// Print a shell completion script: `rekindle completions bash > /etc/bash_completion.d/rekindle`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `rekindle man > rekindle.1 && man ./rekindle.1`.
    Man,
}

#[derive(Args, Debug)]
struct Input {
    /// The export: .zip, unzipped folder, or one CSV file.
    path: PathBuf,
    /// Compute as of this day (YYYY-MM-DD) instead of the export's own date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// Count messages in the SPAM folder too.
    #[arg(long)]
    include_spam: bool,
    /// Treat every warning (a skipped row, an unreadable date) as an error.
    #[arg(long)]
    strict: bool,
    /// Replace names with stable pseudonyms (`Person 17`, you are `You`) and drop
    /// profile links, so the output can be shared without exposing anyone.
    #[arg(long)]
    redact: bool,
    /// Largest size one file may inflate to, e.g. 8GiB (guards against zip bombs).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "8GiB")]
    max_file_size: u64,
    /// Largest size all files together may inflate to.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "16GiB")]
    max_total_size: u64,
    /// Largest size one CSV record (one message with its text) may have.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64MiB")]
    max_record_size: u64,
    /// Most columns a CSV row may have; wider rows are skipped with a warning.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    max_columns: usize,
}

/// `4096`, `512KiB`, `64MiB`, `8GiB` (also KB/MB/GB, read as powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("{text:?} is not a size such as 64MiB"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{text:?}: unknown unit (use KiB, MiB or GiB)")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))
}

#[derive(Args, Debug)]
struct Common {
    #[command(flatten)]
    input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

#[derive(Args, Debug)]
struct Listing {
    #[command(flatten)]
    common: Common,
    /// Show at most this many rows.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OutputFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum GraphFormat {
    Graphml,
    Dot,
    Json,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Table => Format::Table,
            OutputFormat::Json => Format::Json,
            OutputFormat::Csv => Format::Csv,
            OutputFormat::Markdown => Format::Markdown,
        }
    }
}

type Failure = Box<dyn std::error::Error>;

/// An export read and analysed.
struct Loaded {
    export: Export,
    network: Network,
    metrics: metrics::Metrics,
}

fn load(input: &Input) -> Result<Loaded, Failure> {
    let options = Options {
        as_of: input
            .as_of
            .as_deref()
            .map(Options::parse_as_of)
            .transpose()?,
        include_spam: input.include_spam,
    };
    let limits = rekindle::Limits {
        max_file_bytes: input.max_file_size,
        max_total_bytes: input.max_total_size,
        max_record_bytes: input.max_record_size,
        max_columns: input.max_columns,
    };
    // A spinner on stderr while a large export loads; hidden when stderr is
    // not a terminal, and cleared before any output.
    let progress = indicatif::ProgressBar::new_spinner();
    progress.enable_steady_tick(std::time::Duration::from_millis(120));
    progress.set_message(format!("reading {}", input.path.display()));
    let mut export = Export::open_with(&input.path, &limits)?;
    progress.set_message(format!(
        "building the network of {} messages",
        export.messages.len()
    ));
    let mut network = Network::from_export(&export, &options)?;
    // Matched by names and URLs, so before any redaction.
    let effects = ledger_cmd::effects(&network)?;
    network.warnings.extend(effects.warnings().iter().cloned());
    if input.redact {
        network.redact();
    }
    // The network holds what the reports need of the messages: free the
    // rows before the metrics run, so peak memory stays low on large exports.
    export.messages = Vec::new();
    if input.strict
        && let Some(first) = network.warnings.first()
    {
        let more = network.warnings.len() - 1;
        let tail = if more > 0 {
            format!(
                " (and {more} more warning{})",
                if more == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        return Err(format!("{first}{tail}; --strict makes warnings errors").into());
    }
    progress.set_message("computing metrics");
    let metrics = metrics::compute_with(&network, &effects)?;
    progress.finish_and_clear();
    Ok(Loaded {
        export,
        network,
        metrics,
    })
}

fn style() -> TableStyle {
    let max_width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80);
    let color = match COLOR.get().copied().unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    };
    TableStyle { max_width, color }
}

/// Records (summary, person) are read, not scanned: their values are never cut.
fn unbounded() -> TableStyle {
    TableStyle {
        max_width: 0,
        ..style()
    }
}

fn limited<T>(mut rows: Vec<T>, limit: Option<usize>) -> Vec<T> {
    if let Some(n) = limit {
        rows.truncate(n);
    }
    rows
}

/// Rows, or a line saying there are none (tables only: machine formats stay empty).
fn emit<T: serde::Serialize>(
    out: &mut dyn Write,
    rows: &[T],
    format: OutputFormat,
    columns: &[&str],
    empty: &str,
) -> io::Result<()> {
    if rows.is_empty() && format == OutputFormat::Table {
        return writeln!(out, "{empty}");
    }
    write_rows(out, rows, format.into(), Some(columns), &style())
}

const RELATIONSHIP_COLUMNS: [&str; 5] = ["name", "company", "last_interaction", "score", "reason"];

/// Neglected or strongest rows. In a table each reason gets its own wrapped
/// lines under its row, because the reason is the point of the list.
fn emit_relationships(
    out: &mut dyn Write,
    rows: &[reports::RelationshipRow],
    format: OutputFormat,
    empty: &str,
) -> io::Result<()> {
    if format != OutputFormat::Table || rows.is_empty() {
        return emit(out, rows, format, &RELATIONSHIP_COLUMNS, empty);
    }
    let style = style();
    let mut table = Vec::new();
    let columns = ["name", "company", "last_interaction", "score"];
    write_rows(&mut table, rows, Format::Table, Some(&columns), &style)?;
    let table = String::from_utf8_lossy(&table);
    let mut lines = table.lines();
    if let Some(header) = lines.next() {
        writeln!(out, "{header}")?;
    }
    let width = if style.max_width == 0 {
        80
    } else {
        style.max_width
    };
    for (line, row) in lines.zip(rows) {
        writeln!(out, "{line}")?;
        for wrapped in render::wrap(&row.reason, width.saturating_sub(4).max(20)) {
            writeln!(out, "    {wrapped}")?;
        }
    }
    Ok(())
}

fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let _ = COLOR.set(cli.color);
    ledger_cmd::configure(cli.ledger);
    match cli.command {
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            // clap_complete panics on a write error (`| head`): render first.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "rekindle", &mut script);
            out.write_all(&script)?;
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(out)?;
        }
        Command::Summary(common) => {
            let l = load(&common.input)?;
            let summary = reports::summary(&l.export, &l.network, &l.metrics);
            write_record(out, &summary, common.format.into(), &unbounded())?;
        }
        Command::Neglected(listing) => {
            let l = load(&listing.common.input)?;
            let rows = limited(reports::neglected(&l.network, &l.metrics), listing.limit);
            emit_relationships(
                out,
                &rows,
                listing.common.format,
                "No neglected relationships: everyone you were close to, you are still in touch with.",
            )?;
        }
        Command::Strongest(listing) => {
            let l = load(&listing.common.input)?;
            let rows = limited(reports::strongest(&l.network, &l.metrics), listing.limit);
            emit_relationships(
                out,
                &rows,
                listing.common.format,
                "No two-way relationship is active right now.",
            )?;
        }
        Command::Unanswered(listing) => {
            let l = load(&listing.common.input)?;
            let rows = limited(reports::unanswered(&l.network), listing.limit);
            emit(
                out,
                &rows,
                listing.common.format,
                &["name", "last_message", "days_waiting", "messages_waiting"],
                "Nobody is waiting for your reply.",
            )?;
        }
        Command::NeverContacted(listing) => {
            let l = load(&listing.common.input)?;
            let rows = limited(reports::never_contacted(&l.metrics), listing.limit);
            emit(
                out,
                &rows,
                listing.common.format,
                &["name", "company", "connected_on", "reason"],
                "You have exchanged messages with every connection.",
            )?;
        }
        Command::Companies { listing, company } => {
            let l = load(&listing.common.input)?;
            let rows = limited(
                reports::companies(&l.metrics, company.as_deref()),
                listing.limit,
            );
            emit(
                out,
                &rows,
                listing.common.format,
                &[
                    "company",
                    "connections",
                    "two_way",
                    "deepest",
                    "total_depth",
                ],
                "No company matches.",
            )?;
        }
        Command::Metrics(listing) => {
            let l = load(&listing.common.input)?;
            let rows = limited(l.metrics.rows, listing.limit);
            emit(
                out,
                &rows,
                listing.common.format,
                &["name", "last_interaction", "depth", "neglect"],
                "No people in this export.",
            )?;
        }
        Command::Person { common, query } => {
            let l = load(&common.input)?;
            let found = reports::find_people(&l.metrics, &query);
            match found.as_slice() {
                [] => return Err(format!("nobody matches {query:?}").into()),
                [one] => {
                    let report = reports::person(&l.network, &l.metrics, *one)
                        .ok_or_else(|| format!("nobody matches {query:?}"))?;
                    write_record(out, &report, common.format.into(), &unbounded())?;
                }
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
                    return Err(format!(
                        "{} people match {query:?}; narrow the query (a longer name or a part of the profile URL):\n  {}",
                        several.len(),
                        names.join("\n  ")
                    )
                    .into());
                }
            }
        }
        Command::Graph {
            input,
            format,
            output,
        } => {
            let l = load(&input)?;
            write_to(output.as_deref(), out, |sink| match format {
                GraphFormat::Graphml => l.network.write_graphml(sink),
                GraphFormat::Dot => l.network.write_dot(sink),
                GraphFormat::Json => l.network.write_json(sink),
            })?;
        }
        Command::Report {
            input,
            output,
            limit,
        } => {
            let l = load(&input)?;
            let page = html::report(&l.export, &l.network, &l.metrics, limit)?;
            let to_file = output.as_os_str() != "-";
            write_to(to_file.then_some(output.as_path()), out, |sink| {
                sink.write_all(page.as_bytes())
            })?;
            if to_file {
                writeln!(
                    out,
                    "Wrote {}: open it in any browser (it works offline).",
                    output.display()
                )?;
            }
        }
        Command::Ledger(command) => ledger_cmd::run(command, out)?,
        Command::Remind {
            input,
            output,
            limit,
            every,
            start,
        } => {
            let l = load(&input)?;
            let rows = limited(reports::neglected(&l.network, &l.metrics), Some(limit));
            // Tomorrow by the clock, not by the export: an export can be old.
            let start = match start {
                Some(day) => day,
                None => chrono::Local::now()
                    .date_naive()
                    .succ_opt()
                    .ok_or("today is the last day chrono knows")?,
            };
            let ics = calendar::build(&rows, start, every, chrono::Utc::now())?;
            write_to(output.as_deref(), out, |sink| write!(sink, "{ics}"))?;
        }
    }
    Ok(())
}

/// Writes with `write` to the file at `path`, or to `out` when there is none.
fn write_to(
    path: Option<&std::path::Path>,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    match path {
        Some(path) => {
            let cannot = |e: io::Error| format!("{}: cannot write: {e}", path.display());
            let mut file = io::BufWriter::new(std::fs::File::create(path).map_err(cannot)?);
            write(&mut file)
                .and_then(|()| file.flush())
                .map_err(cannot)?;
        }
        None => {
            write(out)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn is_broken_pipe(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(error);
    while let Some(e) = source {
        if let Some(io) = e.downcast_ref::<io::Error>()
            && io.kind() == io::ErrorKind::BrokenPipe
        {
            return true;
        }
        source = e.source();
    }
    false
}

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli, &mut out).and_then(|()| out.flush().map_err(Into::into));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            let mut message = format!("rekindle: {e}");
            let mut source = e.source();
            while let Some(s) = source {
                message += &format!(": {s}");
                source = s.source();
            }
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
