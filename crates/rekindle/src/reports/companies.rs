//! `companies`: where the network sits, and how deep it is there.

use std::collections::BTreeMap;

use serde::Serialize;

use super::round1;
use crate::metrics::{Metrics, PersonMetrics};

/// Where the network sits: connections and depth per company.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyRow {
    /// The company, as connections list it now.
    pub company: String,
    /// Connections working there.
    pub connections: usize,
    /// Of whom you exchanged messages both ways with.
    pub two_way: usize,
    /// The deepest relationship there.
    pub deepest: String,
    /// Its depth, 0–100.
    pub deepest_depth: f64,
    /// The sum of depths there: where your network is strongest.
    pub total_depth: f64,
}

/// Companies by total depth of the relationships there, then by connections.
/// `filter`: keep companies whose name contains it (case-insensitive).
pub fn companies(metrics: &Metrics, filter: Option<&str>) -> Vec<CompanyRow> {
    let filter = filter.map(str::to_lowercase);
    let mut by_company: BTreeMap<String, Vec<&PersonMetrics>> = BTreeMap::new();
    for m in metrics.rows.iter().filter(|m| m.is_connection) {
        let Some(company) = &m.company else { continue };
        if filter
            .as_ref()
            .is_some_and(|f| !company.to_lowercase().contains(f))
        {
            continue;
        }
        by_company.entry(company.to_string()).or_default().push(m);
    }
    let mut rows: Vec<CompanyRow> = by_company
        .into_iter()
        .map(|(company, people)| {
            let deepest = people
                .iter()
                .max_by(|a, b| {
                    a.depth
                        .total_cmp(&b.depth)
                        .then(b.person_id.cmp(&a.person_id))
                })
                .copied();
            CompanyRow {
                company,
                connections: people.len(),
                two_way: people
                    .iter()
                    .filter(|m| m.messages_sent > 0 && m.messages_received > 0)
                    .count(),
                deepest: deepest.map(|m| m.name.to_string()).unwrap_or_default(),
                deepest_depth: round1(deepest.map_or(0.0, |m| m.depth)),
                total_depth: round1(people.iter().map(|m| m.depth).sum()),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.total_depth
            .total_cmp(&a.total_depth)
            .then(b.connections.cmp(&a.connections))
            .then(a.company.cmp(&b.company))
    });
    rows
}
