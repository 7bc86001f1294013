//! rekindle reads a LinkedIn data export and tells which relationships you
//! are letting go cold, and why.
//!
//! [`Analysis::open`] is the front door: it reads the export (zip, folder or
//! one CSV, any era since 2020), resolves who is who, builds the petgraph
//! relationship graph, measures every relationship with polars, and answers
//! every report, each row with a reason a person can read.
//!
//! ```
//! use rekindle::{Analysis, Options};
//!
//! let analysis = Analysis::open(
//!     "../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip",
//!     &Options::default(),
//! )?;
//! let neglected = analysis.neglected();
//! assert_eq!(neglected[0].name, "Maya Okonkwo-Reyes");
//! assert!(neglected[0].reason.starts_with("52 messages over 3 years, usually every ~3 weeks"));
//! # Ok::<(), rekindle::Error>(())
//! ```
//!
//! Each stage is usable on its own: [`Export::open`] gives the parsed
//! records, [`Network::from_export`] the graph, [`metrics::compute`] the
//! polars table, and [`reports`] the lists. The library never prints and
//! never exits; problems come back as an [`Error`] or as counted
//! [`Warning`]s naming the file and line.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analysis;
mod archive;
mod conversations;
mod cores;
mod dated;
pub mod dates;
pub mod diff;
mod error;
mod export;
pub mod frames;
mod graph_formats;
mod grouping;
mod identity;
mod index_table;
mod keys;
pub mod ledger;
mod limits;
mod message_log;
pub mod metrics;
mod network;
mod occasions;
mod options;
mod parse;
mod pipe;
pub mod plan;
pub mod redact;
pub mod reports;
pub mod roles;
mod shared_file;
mod strings;
pub mod timeline;
mod warnings;
mod words;

pub use analysis::Analysis;
pub use archive::{FileKind, FoundFile};
pub use conversations::{Conversation, ConversationDay, LastMessage};
pub use error::{Candidate, Error, Result, Warning};
pub use export::{Export, ExportFacts};
pub use identity::{Connected, Owner, People, Person, PersonId, Who};
pub use keys::{name_key, normalize_profile_url, profile_link, split_names};
pub use limits::Limits;
pub use message_log::{MessageCell, MessageHeader, MessageLog, ORDERED_PER_DAY};
pub use metrics::{Metrics, PersonMetrics};
pub use network::{InteractionKind, Interactions, Network, Node, Tie};
pub use occasions::{Favour, FavourKind, Occasions, PersonNote};
pub use options::Options;
pub use parse::Direction;
pub use parse::connections::{Connection, Connections};
pub use parse::endorsements::Endorsement;
pub use parse::invitations::Invitation;
pub use parse::jobs::Job;
pub use parse::messages::{Folder, Message, MessageKind};
pub use parse::notes::Note;
pub use parse::positions::Position;
pub use parse::profile::Profile;
pub use parse::recommendations::Recommendation;
/// The graph library the [`Network`] is built on, re-exported so embedders use the same version.
pub use petgraph;
/// The DataFrame library the metrics come in, re-exported so embedders use the same version.
pub use polars;
pub use reports::{
    Activity, CompanyRow, Dot, ListedRelationship, NeverContactedRow, Overview, OwnerRow,
    PersonReport, RelationshipRow, Summary, TieRow, UnansweredRow, YearRow,
};
pub use strings::{Strings, Sym};
pub use warnings::{WarningGroup, Warnings};
