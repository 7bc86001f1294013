//! rekindle reads a LinkedIn data export and tells which relationships you
//! are letting go cold, and why.
//!
//! Data flows one way: [`Export::open`] finds and parses the export's files
//! (zip, folder or one CSV, any era since 2020) into typed records;
//! [`Network::from_export`] resolves who is who and builds the petgraph
//! relationship graph; [`metrics::compute`] gives one polars row per person;
//! [`reports`] turn those into lists a person acts on, each row with a reason.
//! The library never prints and never exits; problems come back as an
//! [`Error`] or as counted [`Warning`]s naming the file and line.
//!
//! ```
//! use rekindle::{Export, Network, Options, metrics, reports};
//!
//! let export = Export::open("../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip")?;
//! let network = Network::from_export(&export, &Options::default())?;
//! let metrics = metrics::compute(&network)?;
//! let neglected = reports::neglected(&network, &metrics);
//! assert_eq!(neglected[0].name, "Maya Okonkwo-Reyes");
//! assert!(neglected[0].reason.starts_with("52 messages over 3 years, usually every ~3 weeks"));
//! # Ok::<(), rekindle::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod archive;
pub mod conversations;
pub mod dates;
mod error;
mod export;
mod graph_formats;
pub mod identity;
pub mod keys;
pub mod ledger;
mod limits;
pub mod metrics;
mod network;
mod options;
pub mod parse;
mod pipe;
pub mod redact;
pub mod reports;
mod strings;
pub mod timeline;

pub use archive::{FileKind, FoundFile};
pub use error::{Error, Result, Warning};
pub use export::Export;
pub use keys::{normalize_profile_url, split_names};
pub use limits::Limits;
pub use network::{InteractionKind, Interactions, Network, Node, Tie};
pub use options::Options;
/// The graph library the [`Network`] is built on, re-exported so embedders use the same version.
pub use petgraph;
/// The DataFrame library the metrics come in, re-exported so embedders use the same version.
pub use polars;
pub use strings::{Strings, Sym};
