//! `rekindle-gen`: writes a large, invented LinkedIn data export and its truth file.
//!
//! ```text
//! rekindle-gen --connections 30000 --messages 1000000 --seed 7 --date 10-05-2026 --out DIR
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Parser;

/// Writes DIR/Complete_LinkedInDataExport_MM-DD-YYYY.zip (invented people and
/// messages, deterministic from the seed) and DIR/….truth.json.
#[derive(Debug, Parser)]
#[command(name = "rekindle-gen", version, about)]
struct Args {
    /// Rows of Connections.csv (hidden-profile rows included).
    #[arg(long, default_value_t = 30_000)]
    connections: usize,
    /// Rows of messages.csv (drafts and SPAM included).
    #[arg(long, default_value_t = 1_000_000)]
    messages: usize,
    /// Seed: the same seed gives byte-identical files.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Export date, MM-DD-YYYY as in the zip's name (or YYYY-MM-DD). Every
    /// date of the export is relative to it: `--date 10-05-1850` shifts the
    /// whole history before LinkedIn's launch.
    #[arg(long, value_parser = parse_date)]
    date: NaiveDate,
    /// Message texts of one sentence (default: 20 to 2,000 bytes, a few much longer).
    #[arg(long)]
    short_bodies: bool,
    /// Output folder (created if missing).
    #[arg(long)]
    out: PathBuf,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%m-%d-%Y")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .map_err(|_| format!("expected MM-DD-YYYY (or YYYY-MM-DD), got {s:?}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let spec = rekindle_gen::Spec {
        short_bodies: args.short_bodies,
        ..rekindle_gen::Spec::new(args.connections, args.messages, args.seed, args.date)
    };
    let started = Instant::now();
    match rekindle_gen::write_export(&spec, &args.out) {
        Ok((zip, truth_path)) => {
            let size = std::fs::metadata(&zip).map(|m| m.len()).unwrap_or(0);
            println!("{}", zip.display());
            println!("{}", truth_path.display());
            if let Ok(t) = rekindle_gen::Truth::read(&truth_path) {
                println!(
                    "{} connections (+{} hidden), {} messages ({} counted, {} drafts, {} spam), {} conversations ({} groups)",
                    t.connections,
                    t.hidden_connections,
                    t.messages,
                    t.messages_counted,
                    t.drafts,
                    t.spam,
                    t.conversations,
                    t.group_conversations
                );
                println!(
                    "{} close, {} formerly close, {} one-way, {} one-off",
                    t.close.len(),
                    t.formerly_close.len(),
                    t.one_way.len(),
                    t.one_off.len()
                );
            }
            println!(
                "{:.1} MB in {:.1} s",
                size as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rekindle-gen: {e}");
            ExitCode::from(2)
        }
    }
}
