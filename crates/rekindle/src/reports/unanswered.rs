//! `unanswered`: direct conversations where the other person wrote last.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::conversations::Conversation;
use crate::identity::{PersonId, Who};
use crate::network::Network;
use crate::parse::messages::MessageKind;

/// A conversation where the other person wrote last and you have not replied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnansweredRow {
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// The day of their last message.
    pub last_message: NaiveDate,
    /// Days from then to the as-of date.
    pub days_waiting: i64,
    /// Their messages since your last one.
    pub messages_waiting: u32,
}

/// Direct conversations where the other person wrote last, newest first
/// (one row per person: their most recent such conversation).
///
/// Someone you wrote to later, in another 1:1 thread, is not waiting.
pub fn unanswered(network: &Network) -> Vec<UnansweredRow> {
    let replied = last_direct_sent(network);
    let mut best: BTreeMap<PersonId, UnansweredRow> = BTreeMap::new();
    for c in &network.conversations {
        let Some((person, at, waiting)) = waiting_in(c) else {
            continue;
        };
        if replied.get(&person).is_some_and(|sent| *sent > at) {
            continue;
        }
        let last = at.date();
        let node = network.node(person);
        let row = UnansweredRow {
            name: node.name.to_string(),
            profile_url: node.profile_url.as_deref().map(str::to_string),
            last_message: last,
            days_waiting: (network.as_of - last).num_days(),
            messages_waiting: waiting,
        };
        if best
            .get(&person)
            .is_none_or(|b| b.last_message < row.last_message)
        {
            best.insert(person, row);
        }
    }
    let mut rows: Vec<UnansweredRow> = best.into_values().collect();
    rows.sort_by(|a, b| {
        b.last_message
            .cmp(&a.last_message)
            .then(a.name.cmp(&b.name))
    });
    rows
}

/// When the owner last wrote to each person in any 1:1 conversation (up to the as-of day).
fn last_direct_sent(network: &Network) -> HashMap<PersonId, NaiveDateTime> {
    let mut out: HashMap<PersonId, NaiveDateTime> = HashMap::new();
    for c in &network.conversations {
        let &[person] = c.participants.as_slice() else {
            continue;
        };
        if c.is_group() || c.has_unknown_participant {
            continue;
        }
        let sent = c.activity.iter().filter(|a| {
            a.sender == Who::Owner && a.kind == MessageKind::Personal && a.day <= network.as_of
        });
        if let Some(last) = sent.map(|a| a.last_at()).max() {
            let entry = out.entry(person).or_insert(last);
            *entry = (*entry).max(last);
        }
    }
    out
}

/// (person, time of their last message, their messages since the owner's
/// last), as of the network's day.
pub(crate) fn waiting_in(c: &Conversation) -> Option<(PersonId, NaiveDateTime, u32)> {
    if c.is_group() || c.is_sponsored() || c.has_unknown_participant {
        return None;
    }
    let &[person] = c.participants.as_slice() else {
        return None;
    };
    let last = c.last_personal?;
    if last.sender != Who::Person(person) {
        return None;
    }
    Some((person, last.sent_at, last.since_owner))
}
