//! `floor EXPORT.zip`: the floor's time for one export, printed as seconds.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: floor EXPORT.zip");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    match rekindle_bench::walk_floor(path.as_ref()) {
        Ok(walked) => {
            println!(
                "{:.3}s connections={} messages={}",
                start.elapsed().as_secs_f64(),
                walked.connections,
                walked.messages
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::from(2)
        }
    }
}
