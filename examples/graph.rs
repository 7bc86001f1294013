//! Build the relationship graph and walk it with petgraph: who talks with whom
//! in group conversations, beyond their tie to you.
//!
//! `cargo run -p rekindle --example graph -- data-samples/2026`
#![allow(clippy::print_stdout)] // an example prints; the library never does

use petgraph::visit::EdgeRef;
use rekindle::{Analysis, Options, Tie};

fn main() -> Result<(), rekindle::Error> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data-samples/2026".to_string());
    let analysis = Analysis::open(&path, &Options::default())?;
    let network = analysis.network();
    let graph = &network.graph;
    let owner = network.owner_node();
    println!(
        "{} people, {} ties; {} direct ties to {}",
        graph.node_count(),
        graph.edge_count(),
        graph.edges(owner).count(),
        graph[owner].name
    );
    for edge in graph.edge_references() {
        if let Tie::SharedGroups { conversations } = edge.weight()
            && edge.source() != owner
            && edge.target() != owner
        {
            println!(
                "{} and {} share {conversations} group conversation(s)",
                graph[edge.source()].name,
                graph[edge.target()].name
            );
        }
    }
    Ok(())
}
