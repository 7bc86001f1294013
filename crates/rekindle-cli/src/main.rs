//! `rekindle`: which LinkedIn relationships are you letting go cold, and why?
//!
//! The binary is glue: it parses arguments, calls the library, and renders
//! the rows it returns. Errors print as one readable chain on stderr, exit 2.
#![forbid(unsafe_code)]

mod args;
mod calendar;
mod charts;
mod commands;
mod html;
mod output;
mod parquet;
mod render;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use output::{Failure, Printer};

fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let p = &Printer::new(cli.color);
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
        } => commands::graph(&input, format, output.as_ref(), out),
        Command::Report {
            input,
            output,
            limit,
        } => commands::report(&input, &output, limit, out),
        Command::Remind {
            input,
            output,
            limit,
            every,
            start,
        } => commands::remind(&input, output.as_ref(), limit, every, start, out),
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
                // Library errors already show their I/O cause: no echo.
                let text = s.to_string();
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
