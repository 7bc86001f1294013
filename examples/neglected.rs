//! Open an export and print the relationships most worth rekindling, with reasons.
//!
//! `cargo run -p rekindle --example neglected -- data-samples/2026`
#![allow(clippy::print_stdout)] // an example prints; the library never does

use rekindle::{Analysis, Options};

fn main() -> Result<(), rekindle::Error> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data-samples/2026".to_string());
    let analysis = Analysis::open(&path, &Options::default())?;
    println!("as of {}:", analysis.network().as_of);
    for row in analysis.neglected().iter().take(10) {
        println!("{:5.1}  {}: {}", row.score, row.name, row.reason);
    }
    Ok(())
}
