//! The command line: every command, flag and format, as clap parses them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use rekindle::{Limits, Options};

use crate::calendar;

/// Find the relationships you are letting go cold, from your own LinkedIn data export.
///
/// PATH is the export as downloaded (Basic_/Complete_LinkedInDataExport_MM-DD-YYYY.zip),
/// the unzipped folder, or a single messages.csv / Connections.csv.
/// Everything runs on this machine; nothing is sent anywhere; message text is never shown.
#[derive(Parser, Debug)]
#[command(name = "rekindle", version, about, long_about)]
pub struct Cli {
    /// When to colour table headers: auto (a terminal, and NO_COLOR unset), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// With --format csv: write text cells exactly as they are. By default a cell
    /// beginning with = + - @ tab or CR gets a leading ' so no spreadsheet runs it.
    #[arg(long, global = true)]
    pub raw_csv: bool,
    #[command(flatten)]
    pub ledger: LedgerFlags,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
    Metrics(MetricsArgs),
    /// The relationship graph, for Gephi, yEd, networkx or Graphviz.
    Graph {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Graphml)]
        format: GraphFormat,
        /// Write to this file instead of standard output (`-` is standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// One self-contained HTML page with charts and every list, to read in a browser or share.
    ///
    /// Nothing in it loads from the network and it holds no message text.
    Report(ReportArgs),
    /// Reminders to reconnect with the neglected, as a calendar file for Google, Outlook or Apple.
    ///
    /// One all-day event per person, one a week from tomorrow by default, each with the reason
    /// and the profile link: `rekindle remind PATH -o reconnect.ics`, then import the file.
    Remind(RemindArgs),
    /// What to do this week, and why now: reply, congratulate, reciprocate, follow up, ask, reconnect.
    ///
    /// One item per person, a balanced mix (at most 3 of one action while others have candidates).
    Plan {
        #[command(flatten)]
        common: Common,
        /// At most this many items; 0 means every candidate.
        #[arg(long, value_name = "N", default_value_t = 7)]
        limit: usize,
        /// An older export: job changes since it give "congratulate".
        #[arg(long, value_name = "OLD")]
        since: Option<PathBuf>,
    },
    /// Who gave what: recommendations, endorsements and invitation notes each way, unbalanced first.
    Reciprocity(Listing),
    /// What changed between two exports: job changes, new and gone connections, rekindled, gone cold.
    ///
    /// OLD and NEW are two exports of yours, in any order: the older is found by its date.
    Diff(DiffArgs),
    #[command(flatten)]
    Ledger(LedgerCommand),
    /// Print a shell completion script: `rekindle completions bash > /etc/bash_completion.d/rekindle`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `rekindle man > rekindle.1 && man ./rekindle.1`.
    Man,
}

#[derive(Args, Debug)]
pub struct Input {
    /// The export: .zip, unzipped folder, or one CSV file.
    pub path: PathBuf,
    #[command(flatten)]
    pub read: Reading,
}

/// How an export is read: everything but its path.
#[derive(Args, Debug, Clone)]
pub struct Reading {
    /// Compute as of this day (YYYY-MM-DD) instead of the export's own date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Count messages in the SPAM folder too.
    #[arg(long)]
    pub include_spam: bool,
    /// Treat every warning (a skipped row, an unreadable date) as an error.
    #[arg(long)]
    pub strict: bool,
    /// Replace names with stable pseudonyms (`Person 17`, you are `You`) and drop
    /// profile links, so the output can be shared without exposing anyone.
    #[arg(long)]
    pub redact: bool,
    /// Largest size one file may inflate to, e.g. 8GiB (guards against zip bombs).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "8GiB")]
    pub max_file_size: u64,
    /// Largest size all files together may inflate to.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "16GiB")]
    pub max_total_size: u64,
    /// Largest size one CSV record (one message with its text) may have.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64MiB")]
    pub max_record_size: u64,
    /// Most columns a CSV row may have; wider rows are skipped with a warning.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_columns: usize,
    /// Most participants a group may have for the ties between its members
    /// to be counted; above it only yours with each member are (with a warning).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub max_group_size: usize,
}

/// `rekindle report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: Input,
    /// Write the page here (required: nothing is written unasked); `-` is standard output.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Show at most this many rows in each list.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// An older export: add a "Since your last export" section (job changes, rekindled, gone cold).
    #[arg(long, value_name = "OLD")]
    pub since: Option<PathBuf>,
}

/// `rekindle remind`.
#[derive(Args, Debug)]
pub struct RemindArgs {
    #[command(flatten)]
    pub input: Input,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Remind of at most this many people, most worth rekindling first.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Time between two reminders, in days or weeks: 1d, 3d, 1w, 2w.
    #[arg(long, value_name = "INTERVAL", value_parser = calendar::parse_every, default_value = "1w")]
    pub every: u64,
    /// Day of the first reminder (YYYY-MM-DD); tomorrow if not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = calendar::parse_day)]
    pub start: Option<NaiveDate>,
    /// An older export: first one "Congratulate <name>" event per job change since it.
    #[arg(long, value_name = "OLD")]
    pub since: Option<PathBuf>,
    /// What to remind of: the neglected list, or this week's plan (one event per item).
    #[arg(long, value_enum, default_value_t = RemindFrom::Neglected)]
    pub from: RemindFrom,
}

/// What `remind` makes events of.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemindFrom {
    /// "Reconnect with <name>", most neglected first.
    Neglected,
    /// One event per plan item: "Reply <name>", "Congratulate <name>", …
    Plan,
}

/// `rekindle diff OLD NEW`.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The older export (.zip, folder or CSV). Either order works: the older of
    /// the two is found by its as-of date.
    pub old: PathBuf,
    /// The newer export.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Show at most this many rows in each list (counts stay complete).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// How both exports are read. `--redact`: pseudonyms are those of the
    /// newer export; connections gone are `Old person N` by their place in
    /// the older one. Each export is read as of its own date.
    #[command(flatten)]
    pub read: Reading,
}

/// `4096`, `512KiB`, `64MiB`, `8GiB` (also KB/MB/GB, read as powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
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
pub struct Common {
    #[command(flatten)]
    pub input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

#[derive(Args, Debug)]
pub struct Listing {
    #[command(flatten)]
    pub common: Common,
    /// Show at most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    Graphml,
    Dot,
    Json,
    /// nodes.parquet and edges.parquet in the folder given with -o.
    Parquet,
}

/// `rekindle metrics`: a listing that can also be a Parquet file.
#[derive(Args, Debug)]
pub struct MetricsArgs {
    #[command(flatten)]
    pub input: Input,
    /// Output format; parquet needs -o.
    #[arg(long, value_enum, default_value_t = MetricsFormat::Table)]
    pub format: MetricsFormat,
    /// Show at most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Write the Parquet file here (only with --format parquet).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// The formats of `rekindle metrics`: those of every listing, and Parquet.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricsFormat {
    Table,
    Json,
    Csv,
    Markdown,
    Parquet,
}

impl Input {
    /// The analysis options the flags ask for.
    pub fn options(&self) -> rekindle::Result<Options> {
        self.read.options()
    }
}

impl Reading {
    /// The analysis options these flags ask for.
    pub fn options(&self) -> rekindle::Result<Options> {
        Ok(Options {
            as_of: self
                .as_of
                .as_deref()
                .map(Options::parse_as_of)
                .transpose()?,
            include_spam: self.include_spam,
            redact: self.redact,
            strict: self.strict,
            limits: Limits {
                max_file_bytes: self.max_file_size,
                max_total_bytes: self.max_total_size,
                max_record_bytes: self.max_record_size,
                max_columns: self.max_columns,
                max_group_size: self.max_group_size,
            },
        })
    }
}

/// The global flags that choose the ledger.
#[derive(Args, Debug, Clone, Default)]
pub struct LedgerFlags {
    /// The ledger file (else $REKINDLE_LEDGER, else rekindle/ledger.toml in your data folder).
    #[arg(long, value_name = "FILE", global = true)]
    pub ledger: Option<PathBuf>,
    /// Leave the ledger out (even if --ledger is given): the export alone decides.
    #[arg(long, global = true)]
    pub no_ledger: bool,
}

/// The ledger commands.
#[derive(Subcommand, Debug)]
pub enum LedgerCommand {
    /// Log an interaction outside LinkedIn (a coffee, a call): it counts as being in touch.
    Touch {
        #[command(flatten)]
        who: Who,
        /// The day it happened (YYYY-MM-DD); today if not given.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = calendar::parse_day)]
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
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = calendar::parse_day, conflicts_with = "for_", required_unless_present = "for_")]
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
    pub input: Input,
    /// A part of their name or profile URL (as for `person`).
    pub query: String,
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

/// Output formats of `rekindle ledger`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerFormat {
    /// A table to read.
    Table,
    /// A JSON array of entries.
    Json,
}
