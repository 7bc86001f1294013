//! rekindle reads a LinkedIn data export and tells which relationships you
//! are letting go cold, and why.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod archive;
pub mod conversations;
pub mod dates;
mod error;
mod export;
pub mod identity;
mod options;
pub mod parse;

pub use archive::{FileKind, FoundFile};
pub use error::{Error, Result, Warning};
pub use export::Export;
pub use identity::{normalize_profile_url, split_names};
pub use options::Options;
pub use petgraph;
pub use polars;
mod graph_formats;
pub mod metrics;
mod network;
pub use network::{InteractionKind, Interactions, Network, Node, Tie};
pub mod reports;
