//! Open an export and print the relationships most worth rekindling, with reasons.
//!
//! `cargo run -p rekindle --example neglected -- data-samples/2026`
#![allow(clippy::print_stdout)] // an example prints; the library never does

use rekindle::{Export, Network, Options, metrics, reports};

fn main() -> Result<(), rekindle::Error> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data-samples/2026".to_string());
    let export = Export::open(&path)?;
    let network = Network::from_export(&export, &Options::default())?;
    let metrics = metrics::compute(&network)?;
    println!("as of {}:", network.as_of);
    for row in reports::neglected(&network, &metrics).iter().take(10) {
        println!("{:5.1}  {}: {}", row.score, row.name, row.reason);
    }
    Ok(())
}
