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

pub use companies::{CompanyRow, companies};
pub use never_contacted::{NeverContactedRow, never_contacted};
pub use overview::{Activity, Dot, ListedRelationship, Overview, overview};
pub use person::{PersonReport, TieRow, YearRow, find_people, person};
pub use reciprocity::{FavourRow, ReciprocityRow, reciprocity};
pub use relationships::{RelationshipRow, neglected, strongest};
pub use summary::{OwnerRow, Summary, summary};
pub(crate) use unanswered::waiting_in;
pub use unanswered::{UnansweredRow, unanswered};

/// `s` unless there is exactly one.
///
/// ```
/// use rekindle::reports::plural;
/// for (n, text) in [(1, "1 message"), (2, "2 messages"), (0, "0 messages")] {
///     assert_eq!(format!("{n} message{}", plural(n)), text);
/// }
/// ```
pub fn plural(n: impl Into<i64>) -> &'static str {
    if n.into() == 1 { "" } else { "s" }
}

/// A score as reports show it: rounded to one decimal.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Days in words a person reads at a glance: `5 days`, `3 weeks`,
/// `8 months`, `2 years 4 months`.
///
/// ```
/// use rekindle::reports::human_days;
/// assert_eq!(human_days(1), "1 day");
/// assert_eq!(human_days(21), "3 weeks");
/// assert_eq!(human_days(120), "4 months");
/// assert_eq!(human_days(852), "2 years 4 months");
/// assert_eq!(human_days(730), "2 years");
/// ```
pub fn human_days(days: i64) -> String {
    let unit = |n: i64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match days {
        d if d < 14 => unit(d, "day"),
        d if d < 60 => unit((d as f64 / 7.0).round() as i64, "week"),
        d if d < 365 => unit((d as f64 / 30.44).round() as i64, "month"),
        d => {
            let months = (d as f64 / 30.44).round() as i64;
            let (years, rest) = (months / 12, months % 12);
            if rest == 0 {
                unit(years, "year")
            } else {
                format!("{} {}", unit(years, "year"), unit(rest, "month"))
            }
        }
    }
}
