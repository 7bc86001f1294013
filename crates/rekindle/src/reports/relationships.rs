//! `neglected` and `strongest`: relationships as a person weighs them, each
//! with the reason it is on the list.

use chrono::{Datelike, NaiveDate};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::{human_days, plural, round1};
use crate::identity::PersonId;
use crate::metrics::{Metrics, PersonMetrics};
use crate::network::{Network, Tie};

/// A relationship, as the neglected and strongest lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipRow {
    /// Who they are in the [`Network`] (not part of the JSON contract).
    #[serde(skip)]
    pub person: PersonId,
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// Their current company.
    pub company: Option<String>,
    /// Their current position.
    pub position: Option<String>,
    /// When you connected, if you are connected.
    pub connected_on: Option<NaiveDate>,
    /// The last message either way.
    pub last_interaction: Option<NaiveDate>,
    /// Days from then to the as-of date.
    pub days_since_last_interaction: Option<i32>,
    /// Direct messages you sent.
    pub messages_sent: u32,
    /// Direct messages you received.
    pub messages_received: u32,
    /// The relationship's usual rhythm, in days.
    pub typical_gap_days: Option<u32>,
    /// Depth, 0–100.
    pub depth: f64,
    /// The list's score (neglect for neglected, depth for strongest), 0–100.
    pub score: f64,
    /// Why they are on the list, in words.
    pub reason: String,
}

/// People you were close to and have let go cold, most worth rekindling first
/// (leaving off those your ledger snoozes or ignores).
pub fn neglected(network: &Network, metrics: &Metrics) -> Vec<RelationshipRow> {
    let mut rows: Vec<&PersonMetrics> = metrics
        .rows
        .iter()
        .filter(|m| m.neglect > 0.0 && !m.hidden())
        .collect();
    rows.sort_by(|a, b| {
        b.neglect
            .total_cmp(&a.neglect)
            .then(a.person_id.cmp(&b.person_id))
    });
    rows.into_iter()
        .map(|m| relationship_row(m, m.neglect, neglect_reason(network, m)))
        .collect()
}

/// The strongest relationships you are in touch with now, deepest first.
pub fn strongest(network: &Network, metrics: &Metrics) -> Vec<RelationshipRow> {
    let mut rows: Vec<&PersonMetrics> = metrics
        .rows
        .iter()
        .filter(|m| m.in_touch && m.messages_sent > 0 && m.messages_received > 0)
        .collect();
    rows.sort_by(|a, b| {
        b.depth
            .total_cmp(&a.depth)
            .then(a.person_id.cmp(&b.person_id))
    });
    rows.into_iter()
        .map(|m| relationship_row(m, m.depth, strongest_reason(network, m)))
        .collect()
}

fn relationship_row(m: &PersonMetrics, score: f64, reason: String) -> RelationshipRow {
    RelationshipRow {
        person: PersonId(m.person_id),
        name: m.name.to_string(),
        profile_url: m.profile_url.as_deref().map(str::to_string),
        company: m.company.as_deref().map(str::to_string),
        position: m.position.as_deref().map(str::to_string),
        connected_on: m.connected_on,
        last_interaction: m.last_interaction,
        days_since_last_interaction: m.days_since_last_interaction,
        messages_sent: m.messages_sent,
        messages_received: m.messages_received,
        typical_gap_days: m.typical_gap_days.map(|g| g.round() as u32),
        depth: round1(m.depth),
        score: round1(score),
        reason,
    }
}

/// "62 messages over 3 years, usually every ~3 weeks"
fn history(m: &PersonMetrics) -> String {
    let total = m.messages_sent + m.messages_received;
    let mut s = format!("{total} message{}", plural(total));
    if let (Some(first), Some(last)) = (m.first_interaction, m.last_interaction) {
        let span = (last - first).num_days();
        if span >= 7 {
            s += &format!(" over {}", human_days(span));
        }
    }
    match m.typical_gap_days {
        Some(gap) if m.active_periods >= 2 => {
            s += &format!(", usually every ~{}", human_days(gap.round() as i64))
        }
        _ => s += ", in a single burst",
    }
    s
}

/// What else ties the owner to them: recommendations, endorsements, groups.
fn extras(network: &Network, m: &PersonMetrics) -> Vec<String> {
    let mut out = Vec::new();
    let owner = network.owner_node();
    let node = petgraph::graph::NodeIndex::new(m.person_id as usize);
    // The owner has an edge to everybody: walk theirs (a few) from their
    // side, never the owner's 30,000 (once per row, that was quadratic).
    let from_owner = network
        .graph
        .edges_directed(node, petgraph::Direction::Incoming)
        .filter(|e| e.source() == owner);
    for e in from_owner {
        if let Tie::Recommendation { date } = e.weight() {
            out.push(format!("you recommended them{}", in_year(*date)));
        }
    }
    for e in network.graph.edges_connecting(node, owner) {
        if let Tie::Recommendation { date } = e.weight() {
            out.push(format!("they recommended you{}", in_year(*date)));
        }
    }
    match (m.endorsements_given > 0, m.endorsements_received > 0) {
        (true, true) => out.push("you endorsed each other".into()),
        (true, false) => out.push("you endorsed them".into()),
        (false, true) => out.push("they endorsed you".into()),
        (false, false) => {}
    }
    if m.group_conversations > 0 {
        let n = m.group_conversations;
        out.push(format!("{n} group conversation{} together", plural(n)));
    }
    out
}

fn in_year(date: Option<NaiveDate>) -> String {
    date.map(|d| format!(" in {}", d.year()))
        .unwrap_or_default()
}

/// "coffee on 2026-11-30, from your ledger", where the ledger has a touch.
fn ledger_touch(m: &PersonMetrics) -> Option<String> {
    m.ledger_touch
        .as_ref()
        .map(|t| format!("{t}, from your ledger"))
}

pub(super) fn neglect_reason(network: &Network, m: &PersonMetrics) -> String {
    let mut parts = vec![history(m)];
    parts.extend(ledger_touch(m));
    if let Some(days) = m.days_since_last_interaction {
        let mut silent = format!("silent for {}", human_days(i64::from(days)));
        if let Some(overdue) = m.overdue
            && m.active_periods >= 2
        {
            silent += &format!(" ({overdue:.0}× your usual gap)");
        }
        parts.push(silent);
    }
    parts.extend(extras(network, m));
    parts.join("; ")
}

pub(super) fn strongest_reason(network: &Network, m: &PersonMetrics) -> String {
    let mut parts = vec![history(m)];
    parts.extend(ledger_touch(m));
    if let Some(days) = m.days_since_last_interaction {
        parts.push(match days {
            0 => "last talked on the as-of day".to_string(),
            d => format!("last talked {} ago", human_days(i64::from(d))),
        });
    }
    parts.extend(extras(network, m));
    parts.join("; ")
}
