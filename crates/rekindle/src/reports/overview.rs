//! `overview`: everything the one-page report shows, computed once, so a
//! renderer only lays it out.

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    CompanyRow, RelationshipRow, UnansweredRow, companies, neglected, strongest, unanswered,
};
use crate::identity::PersonId;
use crate::metrics::Metrics;
use crate::network::Network;
use crate::timeline::{self, MonthCount, YearCount};

/// The fewest and most months an activity series spans: from the month of
/// the first interaction with that person to the as-of month, within these.
const ACTIVITY_MONTHS: std::ops::RangeInclusive<i32> = 12..=240;

/// How many of the most neglected get their name beside their dot.
const LABELLED_DOTS: usize = 5;

/// The whole picture of a network, as the HTML report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// The owner's name, if known.
    pub owner: Option<String>,
    /// The day the analysis is as of.
    pub as_of: NaiveDate,
    /// People rows of Connections.csv.
    pub connections: usize,
    /// People messaged either way.
    pub messaged: usize,
    /// Warnings while reading the export.
    pub warnings: usize,
    /// Messages counted: none means there is nothing to judge, not that all is well.
    pub messages: usize,
    /// Everyone on the neglected list (the lists below may be cut short).
    pub neglected_count: usize,
    /// Everyone waiting for a reply.
    pub unanswered_count: usize,
    /// The neglected, most worth rekindling first, with their activity.
    pub neglected: Vec<ListedRelationship>,
    /// Who waits for your reply, newest first.
    pub unanswered: Vec<UnansweredRow>,
    /// The strongest relationships, with their activity.
    pub strongest: Vec<ListedRelationship>,
    /// Companies by depth.
    pub companies: Vec<CompanyRow>,
    /// Connections gained per year.
    pub connections_by_year: Vec<YearCount>,
    /// Messages per month, sent and received.
    pub messages_by_month: Vec<MonthCount>,
    /// Every relationship with some depth: how long since you talked against how deep it was.
    pub dots: Vec<Dot>,
    /// What to do this week: the default plan (see [`crate::plan`]).
    pub this_week: Vec<crate::plan::PlanItem>,
}

/// A relationship on a list, with its messages per month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedRelationship {
    /// The row as the list shows it.
    #[serde(flatten)]
    pub row: RelationshipRow,
    /// Messages with them per month.
    pub activity: Activity,
}

/// Messages with one person per month, up to the as-of month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    /// The first day of the first month counted.
    pub from: NaiveDate,
    /// Messages (direct and group, both ways) in each month, oldest first.
    pub per_month: Vec<u32>,
}

/// One relationship in the recency-against-depth chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dot {
    /// Days since the last interaction.
    pub days: i32,
    /// Depth, 0–100.
    pub depth: f64,
    /// Whether they are on the neglected list.
    pub neglected: bool,
    /// Their name, for the few most neglected.
    pub label: Option<String>,
}

/// Computes the overview; `limit` caps each list (not the counts or charts).
pub fn overview(network: &Network, metrics: &Metrics, limit: Option<usize>) -> Overview {
    let cap = |n: usize| limit.map_or(n, |l| l.min(n));
    let neglected = neglected(network, metrics);
    let mut unanswered = unanswered(network);
    let unanswered_count = unanswered.len();
    unanswered.truncate(cap(unanswered.len()));
    let listed = |rows: &[RelationshipRow]| -> Vec<ListedRelationship> {
        rows[..cap(rows.len())]
            .iter()
            .map(|row| ListedRelationship {
                activity: activity(network, metrics, row.person),
                row: row.clone(),
            })
            .collect()
    };
    let labelled: Vec<PersonId> = neglected
        .iter()
        .take(LABELLED_DOTS)
        .map(|r| r.person)
        .collect();
    let dots = metrics
        .rows
        .iter()
        .filter(|m| m.depth > 0.0)
        .filter_map(|m| {
            Some(Dot {
                days: m.days_since_last_interaction?,
                depth: m.depth,
                neglected: m.neglect > 0.0,
                label: labelled
                    .contains(&PersonId(m.person_id))
                    .then(|| m.name.to_string()),
            })
        })
        .collect();
    let mut companies = companies(metrics, None);
    companies.truncate(cap(companies.len()));
    let this_week = crate::plan::plan(network, metrics, None, crate::plan::DEFAULT_LIMIT);
    Overview {
        this_week,
        owner: network.owner.name.clone(),
        as_of: network.as_of,
        connections: network.facts.connections,
        messaged: metrics
            .rows
            .iter()
            .filter(|m| m.messages_sent + m.messages_received > 0)
            .count(),
        warnings: network.warnings.len(),
        messages: network.messages_counted,
        neglected_count: neglected.len(),
        unanswered_count,
        neglected: listed(&neglected),
        unanswered,
        strongest: listed(&strongest(network, metrics)),
        companies,
        connections_by_year: timeline::connections_by_year(network),
        messages_by_month: timeline::messages_by_month(network),
        dots,
    }
}

/// One person's messages per month, from their first interaction to the as-of month.
fn activity(network: &Network, metrics: &Metrics, person: PersonId) -> Activity {
    let first = metrics
        .get(person)
        .and_then(|m| m.first_interaction)
        .unwrap_or(network.as_of);
    let last = timeline::month_index(network.as_of);
    let months = (last - timeline::month_index(first) + 1)
        .clamp(*ACTIVITY_MONTHS.start(), *ACTIVITY_MONTHS.end());
    let from = last - months + 1;
    Activity {
        from: NaiveDate::from_ymd_opt(from.div_euclid(12), from.rem_euclid(12) as u32 + 1, 1)
            .unwrap_or(network.as_of),
        per_month: timeline::person_by_month(network, person, months as u32),
    }
}
