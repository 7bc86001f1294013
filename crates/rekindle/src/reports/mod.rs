//! The reports a person acts on, each a list of plain serialisable rows.
//!
//! Every row that recommends something carries a `reason` a person can read.
//! One file per report; the helpers that word numbers live here, once.

mod companies;
mod never_contacted;
mod overview;
mod person;
mod reciprocity;
mod relationships;
mod summary;
mod unanswered;

/// How numbers read in every report.
pub use crate::words::{human_days, plural};
pub use companies::{CompanyRow, companies};
pub use never_contacted::{NeverContactedRow, never_contacted};
pub use overview::{Activity, Dot, ListedRelationship, Overview, overview};
pub use person::{PersonReport, TieRow, YearRow, find_people, person};
pub use reciprocity::{FavourRow, ReciprocityRow, reciprocity};
pub use relationships::{RelationshipRow, neglected, strongest};
pub use summary::{OwnerRow, Summary, summary};
pub(crate) use unanswered::waiting_in;
pub use unanswered::{UnansweredRow, unanswered};

/// A score as reports show it: rounded to one decimal.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
