//! `summary`: what an export holds, in counts.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::{neglected, never_contacted};
use crate::identity::PersonId;
use crate::keys::profile_link;
use crate::metrics::Metrics;
use crate::network::Network;

/// The owner, as reports show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnerRow {
    /// Their name, if known.
    pub name: Option<String>,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
}

/// What an export holds, in counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The owner.
    pub owner: OwnerRow,
    /// The day the analysis is as of.
    pub as_of: NaiveDate,
    /// The export files found.
    pub files: Vec<String>,
    /// People rows in Connections.csv (hidden ones excluded).
    pub connections: usize,
    /// Hidden or closed profiles in Connections.csv.
    pub hidden_connections: usize,
    /// Messages counted: not drafts, not in SPAM (unless asked); sponsored included.
    pub messages: usize,
    /// Conversations those messages belong to.
    pub conversations: usize,
    /// Of which group conversations.
    pub group_conversations: usize,
    /// Distinct people other than the owner: connections or correspondents.
    pub people: usize,
    /// Rows of Invitations.csv.
    pub invitations: usize,
    /// Endorsements received.
    pub endorsements_received: usize,
    /// Endorsements given.
    pub endorsements_given: usize,
    /// Recommendations received.
    pub recommendations_received: usize,
    /// Recommendations given.
    pub recommendations_given: usize,
    /// People on the neglected list.
    pub neglected: usize,
    /// People your ledger snoozes (until a day still ahead).
    pub snoozed: usize,
    /// People your ledger says never to suggest.
    pub ignored: usize,
    /// Connections never contacted (no two-way exchange).
    pub never_contacted: usize,
    /// Rows skipped or values left empty, each naming its file and line.
    pub warnings: Vec<String>,
}

/// Counts what the export holds.
pub fn summary(network: &Network, metrics: &Metrics) -> Summary {
    let correspondents: HashSet<PersonId> = network
        .conversations
        .iter()
        .filter(|c| !c.is_sponsored())
        .flat_map(|c| c.participants.iter().copied())
        .collect();
    let people = network
        .people
        .iter()
        .skip(1)
        .filter(|(id, p)| p.connection.is_some() || correspondents.contains(id))
        .count();
    Summary {
        owner: OwnerRow {
            name: network.owner.name.clone(),
            profile_url: network.owner.profile_url.as_deref().map(profile_link),
        },
        as_of: network.as_of,
        files: network.facts.files.iter().map(|f| f.name.clone()).collect(),
        connections: network.facts.connections,
        hidden_connections: network.facts.hidden_connections,
        messages: network.messages_counted,
        conversations: network.conversations.len(),
        group_conversations: network
            .conversations
            .iter()
            .filter(|c| c.is_group())
            .count(),
        people,
        invitations: network.facts.invitations,
        endorsements_received: network.facts.endorsements_received,
        endorsements_given: network.facts.endorsements_given,
        recommendations_received: network.facts.recommendations_received,
        recommendations_given: network.facts.recommendations_given,
        neglected: neglected(network, metrics).len(),
        snoozed: metrics
            .rows
            .iter()
            .filter(|m| m.snoozed_until.is_some())
            .count(),
        ignored: metrics.rows.iter().filter(|m| m.ignored).count(),
        never_contacted: never_contacted(metrics).len(),
        warnings: network.warnings.iter().map(ToString::to_string).collect(),
    }
}
