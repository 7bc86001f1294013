//! `person`: everything known about one person, and why they are or are not
//! on each list.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::relationships::{neglect_reason, strongest_reason};
use super::{human_days, plural, unanswered};
use crate::identity::{PersonId, Who};
use crate::metrics::{IN_TOUCH_DAYS, MIN_NEGLECTED_DEPTH, Metrics, PersonMetrics};
use crate::network::{Network, Tie};
use crate::parse::messages::MessageKind;

/// One tie of a person, as the person report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieRow {
    /// `connection`, `direct_messages`, `shared_groups`, `endorsement`, `recommendation` or `invitation`.
    pub kind: String,
    /// `from_you`, `to_you`, `both`, `none` (a group you shared) or, for
    /// group ties with others, `with` the other person's name.
    pub direction: String,
    /// The tie's date, if it has one.
    pub date: Option<NaiveDate>,
    /// What it is, in words.
    pub detail: String,
}

/// A year of messages with a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearRow {
    /// The year.
    pub year: i32,
    /// Direct messages you sent.
    pub sent: u32,
    /// Direct messages you received.
    pub received: u32,
    /// Messages in groups you share (yours and theirs).
    pub group: u32,
}

/// Everything known about one person, and why they are or are not on each list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonReport {
    /// Their metrics (the same row as `rekindle metrics`).
    pub metrics: PersonMetrics,
    /// Every tie, from the graph.
    pub ties: Vec<TieRow>,
    /// Messages per year.
    pub activity: Vec<YearRow>,
    /// Why they are or are not on the neglected list.
    pub neglected: String,
    /// Why they are or are not on the strongest list.
    pub strongest: String,
    /// Whether they wait for your reply.
    pub unanswered: String,
    /// Why they are or are not on the never-contacted list.
    pub never_contacted: String,
    /// What to do now: their plan item, if they have one (see [`crate::plan`]).
    pub plan: Option<crate::plan::PlanItem>,
    /// Your own note on them (Notes.csv); none under redaction.
    pub note: Option<String>,
}

/// The people whose name or profile URL contains `query` (case-insensitive).
pub fn find_people(metrics: &Metrics, query: &str) -> Vec<PersonId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let exact: Vec<PersonId> = metrics
        .rows
        .iter()
        .filter(|m| {
            m.name.to_lowercase() == q
                || m.profile_url
                    .as_deref()
                    .is_some_and(|u| u.to_lowercase() == q)
        })
        .map(|m| PersonId(m.person_id))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    metrics
        .rows
        .iter()
        .filter(|m| {
            m.name.to_lowercase().contains(&q)
                || m.profile_url
                    .as_deref()
                    .is_some_and(|u| u.to_lowercase().contains(&q))
        })
        .map(|m| PersonId(m.person_id))
        .collect()
}

/// Everything known about one person.
pub fn person(network: &Network, metrics: &Metrics, id: PersonId) -> Option<PersonReport> {
    let m = metrics.get(id)?.clone();
    let node = petgraph::graph::NodeIndex::new(id.index());
    let owner = network.owner_node();
    let mut ties = Vec::new();
    for e in network
        .graph
        .edges_directed(node, petgraph::Direction::Incoming)
        .chain(
            network
                .graph
                .edges_directed(node, petgraph::Direction::Outgoing),
        )
    {
        use petgraph::visit::EdgeRef;
        let (from, to) = (e.source(), e.target());
        let direction = if from == owner {
            "from_you".to_string()
        } else if to == owner {
            "to_you".to_string()
        } else {
            let other = if from == node { to } else { from };
            format!("with {}", network.graph[other].name)
        };
        let kind = e.weight().kind_name();
        let (date, detail) = match e.weight() {
            Tie::Connection { connected_on } => {
                (*connected_on, "first-degree connection".to_string())
            }
            Tie::DirectMessages {
                sent,
                received,
                first,
                last,
            } => (
                Some(last.date()),
                format!(
                    "{sent} sent, {received} received, {} to {}",
                    first.date(),
                    last.date()
                ),
            ),
            Tie::SharedGroups { conversations } => (
                None,
                format!(
                    "{conversations} group conversation{} together",
                    plural(*conversations)
                ),
            ),
            Tie::Endorsement { skill, date } => (*date, format!("endorsed for {skill}")),
            Tie::Recommendation { date } => (*date, "wrote a recommendation".to_string()),
            Tie::Invitation { date, has_note } => (
                *date,
                if *has_note {
                    "invitation with a personal note"
                } else {
                    "invitation without a note"
                }
                .to_string(),
            ),
        };
        // From the data, not the edge's layout: messages go the ways they
        // went, and a shared group with you has no direction.
        let direction = match e.weight() {
            Tie::DirectMessages { sent, received, .. } => match (*sent > 0, *received > 0) {
                (true, true) => "both",
                (true, false) => "from_you",
                (false, true) => "to_you",
                (false, false) => "none",
            }
            .to_string(),
            Tie::SharedGroups { .. } if from == owner || to == owner => "none".to_string(),
            _ => direction,
        };
        ties.push(TieRow {
            kind: kind.to_string(),
            direction,
            date,
            detail,
        });
    }
    ties.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(a.date.cmp(&b.date))
            .then(a.direction.cmp(&b.direction))
    });

    let mut years: BTreeMap<i32, YearRow> = BTreeMap::new();
    for c in network
        .conversations
        .iter()
        .filter(|c| c.participants.contains(&id) && !c.is_sponsored())
    {
        for a in c
            .activity
            .iter()
            .filter(|a| a.kind == MessageKind::Personal && a.day <= network.as_of)
        {
            let year = a.day.year();
            let row = years.entry(year).or_insert(YearRow {
                year,
                sent: 0,
                received: 0,
                group: 0,
            });
            match (c.is_group(), a.sender) {
                (true, Who::Owner) | (true, Who::Person(_)) => row.group += a.count,
                (false, Who::Owner) => row.sent += a.count,
                (false, Who::Person(_)) => row.received += a.count,
                _ => {}
            }
        }
    }

    let two_way = m.messages_sent > 0 && m.messages_received > 0;
    let since = m
        .days_since_last_interaction
        .map(|d| human_days(i64::from(d)))
        .unwrap_or_else(|| "never".into());
    let neglected = if m.ignored {
        "not on the list: your ledger says never to suggest them".to_string()
    } else if let Some(until) = m.snoozed_until {
        format!("not on the list: snoozed in your ledger until {until}")
    } else if m.neglect > 0.0 {
        format!(
            "on the list (score {:.1}): {}",
            m.neglect,
            neglect_reason(network, &m)
        )
    } else if !two_way {
        "not on the list: you never exchanged messages both ways".into()
    } else if m.in_touch
        && let Some(cadence) = m.cadence_days
    {
        format!(
            "not on the list: in touch (last interaction {since} ago, within your ledger's cadence of {cadence} days)"
        )
    } else if m.in_touch {
        format!(
            "not on the list: in touch (last interaction {since} ago, within {IN_TOUCH_DAYS} days or twice your usual gap)"
        )
    } else if m.depth < MIN_NEGLECTED_DEPTH {
        format!(
            "not on the list: too shallow a tie (depth {:.1}, at least {MIN_NEGLECTED_DEPTH} needed)",
            m.depth
        )
    } else {
        "not on the list: not overdue for its usual rhythm".into()
    };
    let strongest = if m.in_touch && two_way {
        format!(
            "on the list (depth {:.1}): {}",
            m.depth,
            strongest_reason(network, &m)
        )
    } else if !two_way {
        "not on the list: no two-way exchange".into()
    } else {
        format!("not on the list: not in touch now (last interaction {since} ago)")
    };
    let unanswered = unanswered(network)
        .into_iter()
        .find(|r| *r.name == *m.name && r.profile_url.as_deref() == m.profile_url.as_deref())
        .map(|r| {
            format!(
                "waiting {} day{} for your reply to {} message{}",
                r.days_waiting,
                plural(r.days_waiting),
                r.messages_waiting,
                plural(r.messages_waiting)
            )
        })
        .unwrap_or_else(|| "nothing waiting for your reply".into());
    let never_contacted = if !m.is_connection {
        "not on the list: not a connection".into()
    } else if two_way {
        "not on the list: you exchanged messages both ways".into()
    } else {
        "on the list: no two-way exchange ever".into()
    };
    Some(PersonReport {
        metrics: m,
        ties,
        activity: years.into_values().collect(),
        neglected,
        strongest,
        unanswered,
        never_contacted,
        plan: None,
        note: network.occasions.note(id).map(|n| n.text.clone()),
    })
}
