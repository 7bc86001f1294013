//! Messages grouped into conversations, with every participant resolved to a person.
//!
//! Drafts are dropped here (they were never sent), and so is the SPAM folder
//! unless [`Options::include_spam`] is set. Sponsored campaigns stay, marked,
//! but their senders never become people.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::error::Warning;
use crate::export::Export;
use crate::identity::{LINKEDIN_MEMBER, People, PersonId, Who, name_key, split_names};
use crate::options::Options;
use crate::parse::messages::{Direction, Folder, MessageKind};

/// One message of a conversation, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConversationMessage {
    /// When it was sent (UTC).
    pub sent_at: NaiveDateTime,
    /// Who sent it.
    pub sender: Who,
    /// Personal, sponsored or system.
    pub kind: MessageKind,
    /// Its index in [`Export::messages`].
    pub row: usize,
}

/// A conversation: its participants other than the owner, and its messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversation {
    /// LinkedIn's id, or for 2020 exports a key made of the participants' names.
    pub key: String,
    /// The conversation's title, if it has one.
    pub title: Option<String>,
    /// Everyone in it except the owner and unknown members.
    pub participants: Vec<PersonId>,
    /// Whether a `LinkedIn Member` (closed or private account) took part.
    pub has_unknown_participant: bool,
    /// Its messages, oldest first.
    pub messages: Vec<ConversationMessage>,
}

impl Conversation {
    /// Three or more people, the owner included.
    pub fn is_group(&self) -> bool {
        self.participants.len() + usize::from(self.has_unknown_participant) >= 2
    }

    /// Every message is a sponsored campaign.
    pub fn is_sponsored(&self) -> bool {
        self.messages
            .iter()
            .all(|m| m.kind == MessageKind::Sponsored)
    }
}

/// Groups the export's messages into conversations and resolves who took part.
pub(crate) fn assemble(
    export: &Export,
    people: &mut People,
    options: &Options,
    warnings: &mut Vec<Warning>,
) -> Vec<Conversation> {
    const FILE: &str = "messages.csv";
    let counted = |i: &usize| {
        let m = &export.messages[*i];
        !m.is_draft && (options.include_spam || m.folder != Folder::Spam)
    };
    // Group rows by conversation, in the order conversations first appear.
    let mut order: Vec<String> = Vec::new();
    let mut rows: HashMap<String, Vec<usize>> = HashMap::new();
    let owner_key = people.get(PersonId::OWNER).name.clone();
    let owner_key = name_key(&owner_key);
    for i in (0..export.messages.len()).filter(counted) {
        let m = &export.messages[i];
        let key = match &m.conversation_id {
            Some(id) => id.clone(),
            None => derived_key(&m.from, &m.to, &owner_key, people),
        };
        rows.entry(key.clone())
            .or_insert_with(|| {
                order.push(key.clone());
                Vec::new()
            })
            .push(i);
    }

    let mut conversations = Vec::with_capacity(order.len());
    for key in order {
        let indices = &rows[&key];
        // What this conversation itself says about names and URLs.
        let mut url_of: HashMap<String, String> = HashMap::new();
        let mut name_of: HashMap<String, String> = HashMap::new();
        for &i in indices {
            let m = &export.messages[i];
            if m.kind == MessageKind::Sponsored {
                continue;
            }
            if let Some(url) = &m.sender_url {
                url_of
                    .entry(name_key(&m.from))
                    .or_insert_with(|| url.clone());
                name_of.entry(url.clone()).or_insert_with(|| m.from.clone());
            }
            let names = split_names(&m.to, |n| people.is_known_name(n));
            if names.len() == m.recipient_urls.len() {
                for (name, url) in names.iter().zip(&m.recipient_urls) {
                    url_of.entry(name_key(name)).or_insert_with(|| url.clone());
                    name_of.entry(url.clone()).or_insert_with(|| name.clone());
                }
            }
        }
        let mut conversation = Conversation {
            key: key.clone(),
            title: None,
            participants: Vec::new(),
            has_unknown_participant: false,
            messages: Vec::with_capacity(indices.len()),
        };
        let note = |who: Who, c: &mut Conversation| match who {
            Who::Person(id) => {
                if !c.participants.contains(&id) {
                    c.participants.push(id);
                }
            }
            Who::Unknown => c.has_unknown_participant = true,
            Who::Owner => {}
        };
        for &i in indices {
            let m = &export.messages[i];
            if conversation.title.is_none() {
                conversation.title.clone_from(&m.conversation_title);
            }
            let sender = if m.kind == MessageKind::Sponsored {
                Who::Unknown
            } else if m.direction == Some(Direction::Outgoing) {
                Who::Owner
            } else {
                let url = m
                    .sender_url
                    .clone()
                    .or_else(|| url_of.get(&name_key(&m.from)).cloned());
                people.resolve(&m.from, url.as_deref(), warnings, FILE)
            };
            if m.kind != MessageKind::Sponsored {
                if sender != Who::Unknown || m.from == LINKEDIN_MEMBER {
                    note(sender, &mut conversation);
                }
                if m.recipient_urls.is_empty() {
                    for name in split_names(&m.to, |n| people.is_known_name(n)) {
                        let url = url_of.get(&name_key(&name)).cloned();
                        let who = people.resolve(&name, url.as_deref(), warnings, FILE);
                        note(who, &mut conversation);
                    }
                } else {
                    for url in &m.recipient_urls {
                        let name = name_of.get(url).map(String::as_str).unwrap_or("");
                        let who = people.resolve(name, Some(url), warnings, FILE);
                        note(who, &mut conversation);
                    }
                }
            }
            conversation.messages.push(ConversationMessage {
                sent_at: m.sent_at,
                sender,
                kind: m.kind,
                row: i,
            });
        }
        conversation.messages.sort_by_key(|m| (m.sent_at, m.row));
        conversations.push(conversation);
    }
    conversations
}

/// For exports without conversation ids: the participants' names, the owner left out.
fn derived_key(from: &str, to: &str, owner_key: &str, people: &People) -> String {
    let mut names: Vec<String> = split_names(to, |n| people.is_known_name(n))
        .iter()
        .map(|n| name_key(n))
        .chain(std::iter::once(name_key(from)))
        .filter(|n| n != owner_key && !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    format!("names:{}", names.join("|"))
}
