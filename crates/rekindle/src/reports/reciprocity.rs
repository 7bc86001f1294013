//! `reciprocity`: the ledger behind `reciprocate` — per person, what they
//! gave you and what you gave them, unbalanced first.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::plural;
use crate::identity::PersonId;
use crate::network::Network;
use crate::occasions::{Favour, FavourKind};

/// One favour as the ledger lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FavourRow {
    /// `recommendation`, `endorsement` or `invitation_note`.
    pub what: &'static str,
    /// The skill, for an endorsement.
    pub skill: Option<String>,
    /// When, if known.
    pub date: Option<NaiveDate>,
    /// As the file says (`VISIBLE`, `ACCEPTED`, `PENDING`, `HIDDEN`; empty for notes).
    pub status: String,
    /// Whether it counts: visible, accepted, or yours (a hidden endorsement
    /// or pending recommendation from them is not yet a favour).
    pub counts: bool,
}

/// What one person and you have given each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReciprocityRow {
    /// Who they are in the [`Network`] (not part of the JSON contract).
    #[serde(skip)]
    pub person: PersonId,
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// Favours from them that count.
    pub they_gave: u32,
    /// Favours from you.
    pub you_gave: u32,
    /// `they_gave - you_gave`: above 0, you owe them.
    pub balance: i64,
    /// Everything they gave, oldest first.
    pub from_them: Vec<FavourRow>,
    /// Everything you gave, oldest first.
    pub from_you: Vec<FavourRow>,
    /// The ledger in a sentence.
    pub reason: String,
}

fn row(f: &Favour) -> FavourRow {
    let (what, skill) = match &f.kind {
        FavourKind::Recommendation => ("recommendation", None),
        FavourKind::Endorsement { skill } => ("endorsement", Some(skill.clone())),
        FavourKind::InvitationNote => ("invitation_note", None),
    };
    FavourRow {
        what,
        skill,
        date: f.date,
        status: f.status.clone(),
        counts: f.by_owner || f.is_shown(),
    }
}

fn words(rows: &[FavourRow]) -> String {
    let mut parts = Vec::new();
    for (what, label) in [
        ("recommendation", "recommendation"),
        ("endorsement", "endorsement"),
        ("invitation_note", "invitation with a note"),
    ] {
        let of: Vec<&FavourRow> = rows.iter().filter(|r| r.counts && r.what == what).collect();
        if of.is_empty() {
            continue;
        }
        let mut details: Vec<String> = of
            .iter()
            .map(|r| match (&r.skill, r.date) {
                (Some(s), Some(d)) => format!("{s}, {d}"),
                (Some(s), None) => s.clone(),
                (None, Some(d)) => d.to_string(),
                (None, None) => "undated".to_string(),
            })
            .collect();
        details.dedup();
        parts.push(format!(
            "{} {label}{} ({})",
            of.len(),
            plural(of.len() as i64),
            details.join("; ")
        ));
    }
    if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join(", ")
    }
}

/// Per person, what was given each way, unbalanced first (the most you owe
/// first, then the most they owe), then by name.
pub fn reciprocity(network: &Network) -> Vec<ReciprocityRow> {
    let mut by: BTreeMap<PersonId, (Vec<FavourRow>, Vec<FavourRow>)> = BTreeMap::new();
    for f in &network.occasions.favours {
        let e = by.entry(f.person).or_default();
        if f.by_owner { &mut e.1 } else { &mut e.0 }.push(row(f));
    }
    let mut rows: Vec<ReciprocityRow> = by
        .into_iter()
        .map(|(person, (mut from_them, mut from_you))| {
            from_them.sort_by_key(|r| r.date);
            from_you.sort_by_key(|r| r.date);
            let they_gave = from_them.iter().filter(|r| r.counts).count() as u32;
            let you_gave = from_you.iter().filter(|r| r.counts).count() as u32;
            let node = network.node(person);
            let reason = format!(
                "They gave {}; you gave {}.",
                words(&from_them),
                words(&from_you)
            );
            ReciprocityRow {
                person,
                name: node.name.to_string(),
                profile_url: node.profile_url.as_deref().map(str::to_string),
                they_gave,
                you_gave,
                balance: i64::from(they_gave) - i64::from(you_gave),
                from_them,
                from_you,
                reason,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.balance
            .abs()
            .cmp(&a.balance.abs())
            .then(b.balance.cmp(&a.balance))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.person.cmp(&b.person))
    });
    rows
}
