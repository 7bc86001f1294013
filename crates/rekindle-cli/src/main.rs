//! `rekindle`: which LinkedIn relationships are you letting go cold, and why?
//!
//! The binary is glue: it parses arguments, calls the library, and renders
//! the rows it returns. Errors print as one readable chain on stderr, exit 2.
// One call into the C library (`allocator`) is the only unsafe code.
#![deny(unsafe_code)]

mod allocator;
mod args;
mod calendar;
mod charts;
mod commands;
mod diff_view;
mod html;
mod ledger_cmd;
mod output;
mod output_file;
mod parquet;
mod plan_view;
mod render;
mod sanitize;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use commands::Context;
use output::{Failure, Printer};

fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let p = &Context {
        printer: Printer::new(cli.color, cli.raw_csv),
        ledger: cli.ledger,
    };
    match cli.command {
        Command::Summary(c) => commands::summary(&c, p, out),
        Command::Neglected(l) => commands::neglected(&l, p, out),
        Command::Strongest(l) => commands::strongest(&l, p, out),
        Command::Unanswered(l) => commands::unanswered(&l, p, out),
        Command::NeverContacted(l) => commands::never_contacted(&l, p, out),
        Command::Person { common, query } => commands::person(&common, &query, p, out),
        Command::Companies { listing, company } => {
            commands::companies(&listing, company.as_deref(), p, out)
        }
        Command::Metrics(l) => commands::metrics(&l, p, out),
        Command::Graph {
            input,
            format,
            output,
        } => commands::graph(&input, format, output.as_ref(), p, out),
        Command::Report(args) => commands::report(&args, p, out),
        Command::Remind(args) => commands::remind(&args, p, out),
        Command::Diff(args) => commands::diff(&args, p, out),
        Command::Plan {
            common,
            limit,
            since,
        } => plan_view::plan(&common, limit, since.as_deref(), p, out),
        Command::Reciprocity(l) => plan_view::reciprocity(&l, p, out),
        Command::Ledger(command) => ledger_cmd::run(command, p, out),
        Command::Completions { shell } => commands::completions(shell, out),
        Command::Man => commands::man(out),
    }
}

/// Whether the error is a closed pipe (`rekindle … | head`): not an error.
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
    allocator::tune();
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli, &mut out).and_then(|()| out.flush().map_err(Into::into));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            // Error text holds names, zip entry names and paths from the
            // export: on one clean line, but for the list of people a query
            // matches, cleaned line by line.
            let text = e.to_string();
            let mut message = match e.downcast_ref::<rekindle::Error>() {
                Some(rekindle::Error::SeveralMatch { .. }) => {
                    format!("rekindle: {}", sanitize::Lines::new(text.lines()))
                }
                _ => format!("rekindle: {}", sanitize::one_line(&text)),
            };
            let mut source = e.source();
            while let Some(s) = source {
                // Library errors already show their I/O cause: no echo.
                let text = sanitize::one_line(&s.to_string()).into_owned();
                if !message.ends_with(&text) {
                    message += &format!(": {text}");
                }
                source = s.source();
            }
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
