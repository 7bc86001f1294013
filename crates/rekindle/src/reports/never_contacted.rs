//! `never-contacted`: connections with no two-way exchange, ever.

use chrono::NaiveDate;
use serde::Serialize;

use super::plural;
use crate::metrics::{Metrics, PersonMetrics};

/// A connection with no two-way exchange, ever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeverContactedRow {
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// Their current company.
    pub company: Option<String>,
    /// Their current position.
    pub position: Option<String>,
    /// When you connected.
    pub connected_on: Option<NaiveDate>,
    /// Direct messages you sent.
    pub messages_sent: u32,
    /// Direct messages you received.
    pub messages_received: u32,
    /// What there was, in words.
    pub reason: String,
}

/// Connections you never exchanged messages with, newest connections first.
pub fn never_contacted(metrics: &Metrics) -> Vec<NeverContactedRow> {
    let mut rows: Vec<&PersonMetrics> = metrics
        .rows
        .iter()
        .filter(|m| m.is_connection && (m.messages_sent == 0 || m.messages_received == 0))
        .collect();
    rows.sort_by(|a, b| {
        b.connected_on
            .cmp(&a.connected_on)
            .then(a.name.cmp(&b.name))
    });
    rows.into_iter()
        .map(|m| NeverContactedRow {
            name: m.name.to_string(),
            profile_url: m.profile_url.as_deref().map(str::to_string),
            company: m.company.as_deref().map(str::to_string),
            position: m.position.as_deref().map(str::to_string),
            connected_on: m.connected_on,
            messages_sent: m.messages_sent,
            messages_received: m.messages_received,
            reason: match (m.messages_sent, m.messages_received) {
                (0, 0) if m.group_conversations > 0 => {
                    "only in group conversations, never one-to-one".into()
                }
                (0, 0) => "never exchanged a message".into(),
                (s, 0) => format!("you wrote {s} time{}, no reply", plural(s)),
                (_, r) => format!("they wrote {r} time{}, you never replied", plural(r)),
            },
        })
        .collect()
}
