//! `stages EXPORT`: how long each stage of `rekindle neglected` takes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::Instant;

use rekindle::{Export, Network, Options, metrics, reports};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: stages EXPORT");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), rekindle::Error> {
        let t = Instant::now();
        let export = Export::open(&path)?;
        let parse = t.elapsed();
        let network = Network::from_export(&export, &Options::default())?;
        let graph = t.elapsed() - parse;
        let m = metrics::compute(&network)?;
        let computed = t.elapsed() - parse - graph;
        let neglected = reports::neglected(&network, &m);
        let report = t.elapsed() - parse - graph - computed;
        println!(
            "parse {:.3}s  network {:.3}s  metrics {:.3}s  report {:.3}s  total {:.3}s  ({} messages, {} people, {} neglected)",
            parse.as_secs_f64(),
            graph.as_secs_f64(),
            computed.as_secs_f64(),
            report.as_secs_f64(),
            t.elapsed().as_secs_f64(),
            export.messages.rows(),
            network.people.len(),
            neglected.len()
        );
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stages: {e}");
            ExitCode::from(2)
        }
    }
}
