//! `stages EXPORT`: how long each stage of `rekindle neglected` takes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::Instant;

use rekindle::{Export, Network, Options, metrics, reports};

/// A field of /proc/self/status in MB (Linux; 0 elsewhere).
fn mb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: stages EXPORT");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), rekindle::Error> {
        let t = Instant::now();
        let export = Export::open(&path)?;
        let parse = t.elapsed();
        eprintln!(
            "after parse: peak {} MB, now {} MB; kept (headers, cells, ordered, days) {:?}",
            mb("VmHWM"),
            mb("VmRSS"),
            export.messages.kept()
        );
        let network = Network::from_export(&export, &Options::default())?;
        let graph = t.elapsed() - parse;
        eprintln!(
            "after network: peak {} MB, now {} MB",
            mb("VmHWM"),
            mb("VmRSS")
        );
        let m = metrics::compute(&network)?;
        let computed = t.elapsed() - parse - graph;
        eprintln!(
            "after metrics: peak {} MB, now {} MB",
            mb("VmHWM"),
            mb("VmRSS")
        );
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
