//! Messages grouped into conversations, with every participant resolved to a person.
//!
//! Drafts are dropped here (they were never sent), and so is the SPAM folder
//! unless [`Options::include_spam`] is set. Sponsored campaigns stay, marked,
//! but their senders never become people.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

use crate::warnings::Warnings;

use crate::export::Export;
use crate::identity::{People, PersonId, Who};
use crate::keys::{LINKEDIN_MEMBER, name_key, split_names, url_list};
use crate::options::Options;
use crate::parse::Direction;
use crate::parse::messages::{Folder, MessageKind};
use crate::strings::Sym;

/// One message of a conversation, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConversationMessage {
    /// When it was sent (UTC).
    pub sent_at: NaiveDateTime,
    /// Who sent it.
    pub sender: Who,
    /// Personal, sponsored or system.
    pub kind: MessageKind,
    /// The line of messages.csv it starts on: same-second messages keep file order.
    pub line: u64,
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
///
/// Work is done per distinct value, not per row: a conversation's
/// participants come from its distinct (`TO`, `RECIPIENT PROFILE URLS`) and
/// (`FROM`, `SENDER PROFILE URL`) pairs, so a million rows cost a million
/// hash look-ups of small integers.
pub(crate) fn assemble(
    export: &Export,
    people: &mut People,
    options: &Options,
    warnings: &mut Warnings,
) -> Vec<Conversation> {
    const FILE: &str = "messages.csv";
    let strings = &export.strings;
    let owner_key = name_key(&people.get(PersonId::OWNER).name);

    // Group rows by conversation, in the order conversations first appear.
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut by_id: HashMap<Sym, usize> = HashMap::new();
    let mut by_names: HashMap<(Sym, Sym), usize> = HashMap::new();
    let mut derived: HashMap<String, usize> = HashMap::new();
    for (i, m) in export.messages.iter().enumerate() {
        // An as-of date given time-travels: later messages never happened.
        let later = options.as_of.is_some_and(|d| m.sent_at.date() > d);
        if later || m.is_draft || (!options.include_spam && m.folder == Folder::Spam) {
            continue;
        }
        let group = if !m.conversation_id.is_empty() {
            *by_id.entry(m.conversation_id).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            })
        } else {
            // 2020 exports: the participants' names are the conversation.
            match by_names.get(&(m.from, m.to)) {
                Some(&g) => g,
                None => {
                    let key =
                        derived_key(strings.get(m.from), strings.get(m.to), &owner_key, people);
                    let g = *derived.entry(key).or_insert_with(|| {
                        groups.push(Vec::new());
                        groups.len() - 1
                    });
                    by_names.insert((m.from, m.to), g);
                    g
                }
            }
        };
        groups[group].push(i as u32);
    }

    let mut conversations = Vec::with_capacity(groups.len());
    for rows in groups {
        let first = &export.messages[rows[0] as usize];
        let mut conversation = Conversation {
            key: match strings.opt(first.conversation_id) {
                Some(id) => id.to_string(),
                None => format!("{}|{}", strings.get(first.from), strings.get(first.to)),
            },
            title: None,
            participants: Vec::new(),
            has_unknown_participant: false,
            messages: Vec::with_capacity(rows.len()),
        };
        // The distinct senders and recipient lists of this conversation, in
        // the order they first appear (sets only to tell what was seen).
        let mut senders: Vec<(Sym, Sym, Option<Direction>)> = Vec::new();
        let mut recipients: Vec<(Sym, Sym)> = Vec::new();
        let mut seen_senders = HashSet::new();
        let mut seen_recipients = HashSet::new();
        for &i in &rows {
            let m = &export.messages[i as usize];
            if conversation.title.is_none() {
                conversation.title = strings.opt(m.conversation_title).map(str::to_string);
            }
            if m.kind == MessageKind::Sponsored {
                continue;
            }
            if seen_senders.insert((m.from, m.sender_url, m.direction)) {
                senders.push((m.from, m.sender_url, m.direction));
            }
            if seen_recipients.insert((m.to, m.recipient_urls)) {
                recipients.push((m.to, m.recipient_urls));
            }
        }
        // What this conversation itself says about names and URLs.
        let mut url_of: HashMap<String, &str> = HashMap::new();
        let mut name_of: HashMap<&str, String> = HashMap::new();
        for &(from, url, _) in &senders {
            if let Some(url) = strings.opt(url) {
                url_of.entry(name_key(strings.get(from))).or_insert(url);
                name_of
                    .entry(url)
                    .or_insert_with(|| strings.get(from).to_string());
            }
        }
        let mut split_recipients = Vec::with_capacity(recipients.len());
        for &(to, urls) in &recipients {
            let names = split_names(strings.get(to), |n| people.is_known_name(n));
            let urls: Vec<&str> = url_list(strings, urls).collect();
            if names.len() == urls.len() {
                for (name, url) in names.iter().zip(&urls) {
                    url_of.entry(name_key(name)).or_insert(url);
                    name_of.entry(url).or_insert_with(|| name.clone());
                }
            }
            split_recipients.push((names, urls));
        }
        let mut seen_people = HashSet::new();
        let mut note = |who: Who, c: &mut Conversation| match who {
            Who::Person(id) => {
                if seen_people.insert(id) {
                    c.participants.push(id);
                }
            }
            Who::Unknown => c.has_unknown_participant = true,
            Who::Owner => {}
        };
        let mut sender_of: HashMap<(Sym, Sym, Option<Direction>), Who> = HashMap::new();
        for &(from, url, direction) in &senders {
            let who = if direction == Some(Direction::Outgoing) {
                Who::Owner
            } else {
                let name = strings.get(from);
                let url = strings
                    .opt(url)
                    .or_else(|| url_of.get(&name_key(name)).copied());
                people.resolve(name, url, warnings, FILE)
            };
            if who != Who::Unknown || strings.get(from) == LINKEDIN_MEMBER {
                note(who, &mut conversation);
            }
            sender_of.insert((from, url, direction), who);
        }
        for (names, urls) in split_recipients {
            if urls.is_empty() {
                for name in names {
                    let url = url_of.get(&name_key(&name)).copied();
                    let who = people.resolve(&name, url, warnings, FILE);
                    note(who, &mut conversation);
                }
            } else {
                for url in urls {
                    let name = name_of.get(url).map(String::as_str).unwrap_or("");
                    let who = people.resolve(name, Some(url), warnings, FILE);
                    note(who, &mut conversation);
                }
            }
        }
        for &i in &rows {
            let m = &export.messages[i as usize];
            let sender = if m.kind == MessageKind::Sponsored {
                Who::Unknown
            } else {
                sender_of
                    .get(&(m.from, m.sender_url, m.direction))
                    .copied()
                    .unwrap_or(Who::Unknown)
            };
            conversation.messages.push(ConversationMessage {
                sent_at: m.sent_at,
                sender,
                kind: m.kind,
                line: m.line,
            });
        }
        conversation.messages.sort_by_key(|m| (m.sent_at, m.line));
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
