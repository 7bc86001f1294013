//! Messages grouped into conversations, with every participant resolved to a person.
//!
//! Drafts are dropped here (they were never sent), and so is the SPAM folder
//! unless [`Options::include_spam`] is set. Sponsored campaigns stay, marked,
//! but their senders never become people.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::warnings::Warnings;

use crate::error::Warning;
use crate::export::Export;
use crate::identity::{People, PersonId, Who};
use crate::keys::{LINKEDIN_MEMBER, name_key, split_names, url_list};
use crate::message_log::{
    DayOrder, HeaderFolder, MessageCell, MessageLog, ORDERED_PER_DAY, thread_of,
};
use crate::options::Options;
use crate::parse::Direction;
use crate::parse::messages::MessageKind;
use crate::strings::{FastMap as HashMap, FastSet as HashSet, Sym};

/// A conversation's messages of one day, sender and kind, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConversationDay {
    /// The day (UTC).
    pub day: NaiveDate,
    /// Who sent them (sponsored campaigns: [`Who::Unknown`]).
    pub sender: Who,
    /// Personal, sponsored or system.
    pub kind: MessageKind,
    /// How many.
    pub count: u32,
    /// When the first was sent (time of day): see [`ConversationDay::first_at`].
    pub first: NaiveTime,
    /// When the last was sent (time of day): see [`ConversationDay::last_at`].
    pub last: NaiveTime,
}

impl ConversationDay {
    /// When the first of them was sent.
    pub fn first_at(&self) -> NaiveDateTime {
        self.day.and_time(self.first)
    }

    /// When the last of them was sent.
    pub fn last_at(&self) -> NaiveDateTime {
        self.day.and_time(self.last)
    }
}

/// A conversation's last personal message up to the as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastMessage {
    /// Who sent it.
    pub sender: Who,
    /// When.
    pub sent_at: NaiveDateTime,
    /// How many messages its sender wrote after the owner's last one (all
    /// of theirs when the owner never wrote), itself included.
    pub since_owner: u32,
}

/// A conversation: its participants other than the owner, and what was said when.
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
    /// Its messages counted per day, sender and kind, oldest day first.
    pub activity: Vec<ConversationDay>,
    /// Its last personal message up to the as-of day.
    pub last_personal: Option<LastMessage>,
}

impl Conversation {
    /// Three or more people, the owner included.
    pub fn is_group(&self) -> bool {
        self.participants.len() + usize::from(self.has_unknown_participant) >= 2
    }

    /// Every message is a sponsored campaign.
    pub fn is_sponsored(&self) -> bool {
        self.activity
            .iter()
            .all(|a| a.kind == MessageKind::Sponsored)
    }

    /// How many messages it holds (every kind).
    pub fn message_count(&self) -> usize {
        self.activity.iter().map(|a| a.count as usize).sum()
    }
}

/// The headers of one conversation, and the first kept row among them.
struct Group {
    headers: Vec<u32>,
    first_line: u64,
    first_header: u32,
}

/// Groups the export's messages into conversations and resolves who took part.
///
/// Work is done per distinct value, not per row: a conversation's
/// participants come from its distinct (`TO`, `RECIPIENT PROFILE URLS`) and
/// (`FROM`, `SENDER PROFILE URL`) pairs, its messages from the log's
/// per-day cells. `as_of` is the day the last message is told as of.
pub(crate) fn assemble(
    export: &Export,
    people: &mut People,
    options: &Options,
    as_of: NaiveDate,
    warnings: &mut Warnings,
) -> Vec<Conversation> {
    const FILE: &str = "messages.csv";
    let strings = &export.strings;
    let log = &export.messages;
    let headers = log.headers();
    let owner_key = name_key(&people.get(PersonId::OWNER).name);
    // An as-of date given time-travels: later messages never happened.
    // Drafts are never in a cell.
    let kept = |c: &&MessageCell| {
        options.as_of.is_none_or(|d| c.day <= d) && (options.include_spam || !c.spam)
    };
    // Each header's first kept line, of any row and of a row not sponsored:
    // one pass over its cells, read by grouping, titles and participants.
    let firsts: Vec<(Option<u64>, Option<u64>)> = (0..headers.len() as u32)
        .map(|h| {
            log.cells_of(h)
                .iter()
                .filter(kept)
                .fold((None, None), |(any, not_sponsored), c| {
                    let earliest =
                        |a: Option<u64>| Some(a.map_or(c.first_line, |a| a.min(c.first_line)));
                    let sponsored = c.kind == MessageKind::Sponsored;
                    (
                        earliest(any),
                        if sponsored {
                            not_sponsored
                        } else {
                            earliest(not_sponsored)
                        },
                    )
                })
        })
        .collect();
    let first_kept = |h: u32, not_sponsored: bool| {
        let (any, not) = firsts[h as usize];
        if not_sponsored { not } else { any }
    };

    // Group headers by conversation, in the order conversations first appear.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_id: HashMap<Sym, usize> = HashMap::default();
    let mut by_names: HashMap<(Sym, Sym), usize> = HashMap::default();
    let mut derived: HashMap<String, usize> = HashMap::default();
    let new_group = |groups: &mut Vec<Group>| {
        groups.push(Group {
            headers: Vec::new(),
            first_line: u64::MAX,
            first_header: 0,
        });
        groups.len() - 1
    };
    for (h, m) in (0u32..).zip(headers) {
        let Some(first) = first_kept(h, false) else {
            continue;
        };
        let g = if !m.conversation_id.is_empty() {
            *by_id
                .entry(m.conversation_id)
                .or_insert_with(|| new_group(&mut groups))
        } else {
            // 2020 exports: the participants' names are the conversation.
            match by_names.get(&(m.from, m.to)) {
                Some(&g) => g,
                None => {
                    let key =
                        derived_key(strings.get(m.from), strings.get(m.to), &owner_key, people);
                    let g = *derived.entry(key).or_insert_with(|| new_group(&mut groups));
                    by_names.insert((m.from, m.to), g);
                    g
                }
            }
        };
        let group = &mut groups[g];
        group.headers.push(h);
        if first < group.first_line {
            group.first_line = first;
            group.first_header = h;
        }
    }
    groups.sort_unstable_by_key(|g| g.first_line);

    // Who took part, resolved here in the order conversations first appear;
    // each conversation's days and last message then on both cores.
    let mut resolved: Vec<Resolved> = Vec::with_capacity(groups.len());
    // The warnings resolving gave, by the conversation they came with.
    let mut said: Vec<(usize, Warnings)> = Vec::new();
    let mut local = Warnings::default();
    for group in groups {
        let warnings = &mut local;
        let first = &headers[group.first_header as usize];
        let title = group
            .headers
            .iter()
            .filter(|&&h| !headers[h as usize].conversation_title.is_empty())
            .filter_map(|&h| Some((first_kept(h, false)?, h)))
            .min()
            .map(|(_, h)| {
                strings
                    .get(headers[h as usize].conversation_title)
                    .to_string()
            });
        let mut conversation = Conversation {
            key: match strings.opt(first.conversation_id) {
                Some(id) => id.to_string(),
                None => format!("{}|{}", strings.get(first.from), strings.get(first.to)),
            },
            title,
            participants: Vec::new(),
            has_unknown_participant: false,
            activity: Vec::new(),
            last_personal: None,
        };
        // The distinct senders and recipient lists of this conversation's
        // rows that are not sponsored, in the order they first appear.
        let mut first_sent: HashMap<(Sym, Sym, Option<Direction>), u64> = HashMap::default();
        let mut first_received: HashMap<(Sym, Sym), u64> = HashMap::default();
        for &h in &group.headers {
            let Some(line) = first_kept(h, true) else {
                continue;
            };
            let m = &headers[h as usize];
            let at = first_sent
                .entry((m.from, m.sender_url, m.direction))
                .or_insert(line);
            *at = (*at).min(line);
            let at = first_received
                .entry((m.to, m.recipient_urls))
                .or_insert(line);
            *at = (*at).min(line);
        }
        let senders = in_order(first_sent);
        let recipients = in_order(first_received);
        // What this conversation itself says about names and URLs.
        let mut url_of: HashMap<String, &str> = HashMap::default();
        let mut name_of: HashMap<&str, String> = HashMap::default();
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
        let mut seen_people = HashSet::default();
        let mut note = |who: Who, c: &mut Conversation| match who {
            Who::Person(id) => {
                if seen_people.insert(id) {
                    c.participants.push(id);
                }
            }
            Who::Unknown => c.has_unknown_participant = true,
            Who::Owner => {}
        };
        let mut sender_of: HashMap<(Sym, Sym, Option<Direction>), Who> = HashMap::default();
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
        // Who sent each header's messages (sponsored ones: nobody).
        let who = group
            .headers
            .iter()
            .map(|&h| {
                let m = &headers[h as usize];
                let key = (m.from, m.sender_url, m.direction);
                sender_of.get(&key).copied().unwrap_or(Who::Unknown)
            })
            .collect();
        if !local.is_empty() {
            said.push((resolved.len(), std::mem::take(&mut local)));
        }
        resolved.push(Resolved {
            conversation,
            headers: group.headers,
            who,
        });
    }
    let days = |r: &Resolved| -> Days {
        let who_of: HashMap<u32, Who> = r
            .headers
            .iter()
            .copied()
            .zip(r.who.iter().copied())
            .collect();
        let conversation = &r.conversation;
        // One day per (day, sender, kind): each header's cells come sorted by
        // day and kind, so the stable sort mostly merges sorted runs, and
        // cells of one key (spam and not) end up side by side to be summed.
        let cells: usize = r.headers.iter().map(|&h| log.cells_of(h).len()).sum();
        let mut activity: Vec<ConversationDay> = Vec::with_capacity(cells);
        for (&h, &who) in r.headers.iter().zip(&r.who) {
            for c in log.cells_of(h).iter().filter(kept) {
                let sender = if c.kind == MessageKind::Sponsored {
                    Who::Unknown
                } else {
                    who
                };
                activity.push(ConversationDay {
                    day: c.day,
                    sender,
                    kind: c.kind,
                    count: c.count,
                    first: c.first,
                    last: c.last.0,
                });
            }
        }
        let key = |a: &ConversationDay| (a.day, a.sender, a.kind as u8);
        activity.sort_by_key(key);
        activity.dedup_by(|later, kept| {
            let same = key(later) == key(kept);
            if same {
                kept.count += later.count;
                kept.first = kept.first.min(later.first);
                kept.last = kept.last.max(later.last);
            }
            same
        });
        // Kept as long as the network: no room left over.
        activity.shrink_to_fit();
        let personal = Personal {
            log,
            headers: &r.headers,
            who_of: &who_of,
            include_spam: options.include_spam,
            until: as_of,
        };
        let (last, unordered) = personal.last();
        let direct = !conversation.is_group() && !conversation.has_unknown_participant;
        let warning = unordered.filter(|_| direct).map(|day| {
            let message = format!(
                "more than {ORDERED_PER_DAY} messages of this conversation on {day}: which of \
                 them came after your last reply that day is not told apart, so all of that \
                 day's count as waiting"
            );
            let name = conversation.title.as_deref().unwrap_or(&conversation.key);
            Warning::new(FILE, None, message).with_value(name)
        });
        Days {
            activity,
            last,
            warning,
        }
    };
    let cells = |r: &Resolved| r.headers.iter().map(|&h| log.cells_of(h).len()).sum();
    let made = crate::cores::map_halves(&resolved, SPLIT_FROM, cells, days);
    // The warnings in the order one pass in conversation order gives them.
    let mut said = said.into_iter().peekable();
    let mut conversations = Vec::with_capacity(resolved.len());
    for (at, (r, days)) in resolved.into_iter().zip(made).enumerate() {
        while let Some((_, local)) = said.next_if(|(of, _)| *of == at) {
            warnings.merge(local);
        }
        warnings.extend(days.warning);
        let mut conversation = r.conversation;
        conversation.activity = days.activity;
        conversation.last_personal = days.last;
        conversations.push(conversation);
    }
    conversations
}

/// A conversation whose participants are resolved, with who sent each of
/// its headers' messages (in the headers' order).
struct Resolved {
    conversation: Conversation,
    headers: Vec<u32>,
    who: Vec<Who>,
}

/// What a conversation's cells make: its days, its last message, and the
/// warning of a day whose order is not told.
struct Days {
    activity: Vec<ConversationDay>,
    last: Option<LastMessage>,
    warning: Option<Warning>,
}

/// Cells below which the days are made on one thread.
const SPLIT_FROM: usize = 1 << 16;

/// Distinct values by the line they first appear on.
fn in_order<T>(first_lines: HashMap<T, u64>) -> Vec<T> {
    let mut v: Vec<(u64, T)> = first_lines.into_iter().map(|(k, l)| (l, k)).collect();
    v.sort_unstable_by_key(|(l, _)| *l);
    v.into_iter().map(|(_, k)| k).collect()
}

/// One conversation's personal messages up to a day, for its last message.
struct Personal<'a> {
    log: &'a MessageLog,
    headers: &'a [u32],
    who_of: &'a HashMap<u32, Who>,
    include_spam: bool,
    until: NaiveDate,
}

impl Personal<'_> {
    /// Its personal cells up to the day, with their sender.
    fn cells(&self) -> impl Iterator<Item = (Who, &MessageCell)> + '_ {
        self.headers.iter().flat_map(move |&h| {
            let who = self.who_of[&h];
            self.log.cells_of(h).iter().filter_map(move |c| {
                let kept =
                    c.kind == MessageKind::Personal && c.day <= self.until && self.keeps(c.spam);
                kept.then_some((who, c))
            })
        })
    }

    /// The last message, and how many its sender wrote after the owner's
    /// last; with the day that count took whole, past [`ORDERED_PER_DAY`].
    fn last(&self) -> (Option<LastMessage>, Option<NaiveDate>) {
        let key = |c: &MessageCell| (c.day, c.last);
        let Some((sender, last)) = self.cells().max_by_key(|(_, c)| key(c)) else {
            return (None, None);
        };
        let owner_last = self
            .cells()
            .filter(|(w, _)| *w == Who::Owner)
            .map(|(_, c)| key(c))
            .max();
        let theirs = || self.cells().filter(move |(w, _)| *w == sender);
        let (since_owner, unordered) = match owner_last {
            None => (theirs().map(|(_, c)| c.count).sum(), None),
            Some((day, at)) => {
                let later: u32 = theirs()
                    .filter(|(_, c)| c.day > day)
                    .map(|(_, c)| c.count)
                    .sum();
                let (same_day, whole) = self.after_on(day, at, sender);
                (later + same_day, whole.then_some(day))
            }
        };
        let last = LastMessage {
            sender,
            sent_at: last.last_at(),
            since_owner,
        };
        (Some(last), unordered)
    }

    /// How many of `sender`'s messages on `day` came after `at` (time, line),
    /// and whether the day had more than the log orders (then counted whole).
    fn after_on(&self, day: NaiveDate, at: (NaiveTime, u64), sender: Who) -> (u32, bool) {
        // A set: a 2020 group (no ids) has a thread per sender.
        let mut threads = HashSet::default();
        let mut count = 0;
        for &h in self.headers {
            if !threads.insert(thread_of(&self.log.headers()[h as usize])) {
                continue;
            }
            let (ordered, overflow) = self.log.ordered_on(h, day);
            if overflow {
                // More than the log orders: the day's messages after the
                // owner's last count whole.
                let whole = self
                    .cells()
                    .filter(|(w, c)| *w == sender && c.day == day && c.last > at)
                    .map(|(_, c)| c.count)
                    .sum();
                return (whole, true);
            }
            count += match ordered {
                DayOrder::Messages(ordered) => ordered
                    .iter()
                    .filter(|o| {
                        o.at > at
                            && self.keeps(o.from.spam())
                            && self.who_of.get(&o.from.header()) == Some(&sender)
                    })
                    .count() as u32,
                // The conversation has an id, so this is its only thread and
                // the owner's last message that day (`at`) is the end of the
                // last of the owner's runs in it.
                DayOrder::Runs(runs) => self.after_owner(runs, |r| (r.from, r.count), sender),
                DayOrder::Sequence(messages) => self.after_owner(messages, |o| (o.from, 1), sender),
            };
        }
        (count, false)
    }

    /// Whether a message is counted: not filed as spam, or spam included.
    fn keeps(&self, spam: bool) -> bool {
        self.include_spam || !spam
    }

    /// How many of `sender`'s messages in a day's `order` (each a header and
    /// folder, and how many messages in a row) came after the owner's last.
    fn after_owner<T>(
        &self,
        order: &[T],
        of: impl Fn(&T) -> (HeaderFolder, u32),
        sender: Who,
    ) -> u32 {
        let kept = |from: HeaderFolder| self.keeps(from.spam());
        let who = |from: HeaderFolder| self.who_of.get(&from.header());
        let after = order
            .iter()
            .rposition(|r| {
                let (from, _) = of(r);
                kept(from) && who(from) == Some(&Who::Owner)
            })
            .map_or(0, |i| i + 1);
        order[after..]
            .iter()
            .map(&of)
            .filter(|&(from, _)| kept(from) && who(from) == Some(&sender))
            .map(|(_, count)| count)
            .sum()
    }
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

#[cfg(test)]
mod tests {
    use crate::archive::FileKind;
    use crate::export::Export;
    use crate::network::Network;
    use crate::options::Options;
    use crate::reports;

    const AVERY: &str = "https://www.linkedin.com/in/avery";
    const ADA: &str = "https://www.linkedin.com/in/ada";

    /// Avery's export with Ada as a connection and `messages` as messages.csv.
    /// Built from the export borrowed and owned, which compacts the order of
    /// conversations with ids into runs: both must tell the same.
    fn network(messages: &str) -> Network {
        network_with(messages, &Options::default())
    }

    fn network_with(messages: &str, options: &Options) -> Network {
        let mut export = Export {
            export_name: "Complete_LinkedInDataExport_03-10-2024".into(),
            ..Export::default()
        };
        let files = [
            (
                FileKind::Profile,
                "First Name,Last Name\nAvery,Quinn\n".to_string(),
            ),
            (
                FileKind::Connections,
                format!(
                    "First Name,Last Name,URL,Company,Position,Connected On\nAda,Byron,{ADA},,,01 Jan 2020\n"
                ),
            ),
            (FileKind::Messages, messages.to_string()),
        ];
        for (kind, text) in files {
            export
                .read_file(kind, kind.file_name(), text.as_bytes())
                .unwrap();
        }
        let borrowed = Network::from_export(&export, options).unwrap();
        let owned = Network::from_owned_export(export, options).unwrap();
        assert_eq!(borrowed.conversations, owned.conversations);
        assert_eq!(borrowed.warnings, owned.warnings);
        borrowed
    }

    fn waiting(network: &Network) -> Vec<(String, u32)> {
        reports::unanswered(network)
            .into_iter()
            .map(|r| (r.last_message.to_string(), r.messages_waiting))
            .collect()
    }

    fn with_ids(rows: &[(&str, &str)]) -> String {
        let mut text = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER\n".to_string();
        for (from, at) in rows {
            let (name, url, to, to_url) = if *from == "Ada" {
                ("Ada Byron", ADA, "Avery Quinn", AVERY)
            } else {
                ("Avery Quinn", AVERY, "Ada Byron", ADA)
            };
            text += &format!("c1,{name},{url},{to},{to_url},{at},hi,INBOX\n");
        }
        text
    }

    #[test]
    fn messages_waiting_follow_time_not_file_order_within_a_day() {
        // Ada 10:00, Avery 10:05, Ada 10:10 and 10:20, written out of order.
        let rows = [
            ("Ada", "2024-03-01 10:20:00 UTC"),
            ("Avery", "2024-03-01 10:05:00 UTC"),
            ("Ada", "2024-03-01 10:00:00 UTC"),
            ("Ada", "2024-03-01 10:10:00 UTC"),
            ("Ada", "2024-02-20 08:00:00 UTC"),
        ];
        let n = network(&with_ids(&rows));
        assert_eq!(waiting(&n), [("2024-03-01".to_string(), 2)]);
        let last = n.conversations[0].last_personal.unwrap();
        assert_eq!(last.sent_at.to_string(), "2024-03-01 10:20:00");
        assert_eq!(last.since_owner, 2);
    }

    #[test]
    fn runs_tell_what_came_after_the_owners_last_as_every_message_does() {
        // A fixed xorshift: random days of a conversation, spam among them.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..300 {
            let mut text = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER\n".to_string();
            for _ in 0..1 + next(12) {
                let (name, url, to, to_url) = if next(2) == 0 {
                    ("Ada Byron", ADA, "Avery Quinn", AVERY)
                } else {
                    ("Avery Quinn", AVERY, "Ada Byron", ADA)
                };
                let at = format!("2024-03-0{} 10:{:02}:00 UTC", 1 + next(2), next(4));
                let folder = if next(4) == 0 { "SPAM" } else { "INBOX" };
                text += &format!("c1,{name},{url},{to},{to_url},{at},hi,{folder}\n");
            }
            for include_spam in [false, true] {
                let options = Options {
                    include_spam,
                    ..Options::default()
                };
                // `network_with` compares the two ways.
                network_with(&text, &options);
            }
        }
    }

    #[test]
    fn within_one_second_the_line_decides() {
        // Same second: Avery's reply on the later line comes after Ada's.
        let n = network(&with_ids(&[
            ("Ada", "2024-03-01 10:05:00 UTC"),
            ("Avery", "2024-03-01 10:05:00 UTC"),
        ]));
        assert!(waiting(&n).is_empty(), "{:?}", waiting(&n));
        let n = network(&with_ids(&[
            ("Avery", "2024-03-01 10:05:00 UTC"),
            ("Ada", "2024-03-01 10:05:00 UTC"),
            ("Ada", "2024-03-02 09:00:00 UTC"),
        ]));
        assert_eq!(waiting(&n), [("2024-03-02".to_string(), 2)]);
    }

    #[test]
    fn past_the_ordered_limit_a_day_counts_whole_and_says_so() {
        let mut rows: Vec<(&str, String)> = vec![("Avery", "2024-03-01 12:00:00 UTC".into())];
        for i in 0..crate::ORDERED_PER_DAY + 10 {
            let at = format!("2024-03-01 {:02}:{:02}:00 UTC", 13 + i / 60, i % 60);
            rows.push(("Ada", at));
        }
        rows.push(("Ada", "2024-03-01 08:00:00 UTC".into()));
        let rows: Vec<(&str, &str)> = rows.iter().map(|(f, a)| (*f, a.as_str())).collect();
        let n = network(&with_ids(&rows));
        // Exact would be ORDERED_PER_DAY + 10 (the 08:00 message came before
        // Avery's reply); past the limit the whole day of Ada's counts.
        assert_eq!(
            waiting(&n),
            [("2024-03-01".to_string(), crate::ORDERED_PER_DAY as u32 + 11)]
        );
        let said: Vec<String> = n.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            said.iter().any(|w| w.contains("not told apart")
                && w.contains("on 2024-03-01")
                && w.contains("\"c1\"")),
            "{said:?}"
        );
    }

    #[test]
    fn on_both_cores_the_warnings_keep_the_order_of_one_pass() {
        // c1's and c3's senders each have a name two people carry, c2's
        // day is not ordered; c4's 70,000 days put the cells past
        // SPLIT_FROM, so the days are made on both cores.
        let mut export = Export::default();
        let connections = "First Name,Last Name,Company,Position,Connected On\n\
                           Sam,Lee,,,01 Jan 2020\nSam,Lee,,,02 Jan 2020\n\
                           Kim,Park,,,01 Jan 2020\nKim,Park,,,02 Jan 2020\n";
        let mut messages = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER\n".to_string();
        let row = |c: &str, from: &str, url: &str, at: &str| {
            format!("{c},{from},{url},Avery Quinn,{AVERY},{at} UTC,hi,INBOX\n")
        };
        messages += &row("c1", "Sam Lee", "", "2024-03-02 10:00:00");
        messages +=
            &format!("c2,Avery Quinn,{AVERY},Ada Byron,{ADA},2024-03-01 00:30:00 UTC,hi,INBOX\n");
        for i in 0..crate::ORDERED_PER_DAY + 1 {
            let at = format!("2024-03-01 {:02}:{:02}:00", 1 + i / 60, i % 60);
            messages += &row("c2", "Ada Byron", ADA, &at);
        }
        messages += &row("c3", "Kim Park", "", "2024-03-02 10:00:00");
        let start = chrono::NaiveDate::from_ymd_opt(1830, 1, 1).unwrap();
        for day in start.iter_days().take(70_000) {
            messages += &row("c4", "Ada Byron", ADA, &format!("{day} 10:00:00"));
        }
        let files = [
            (FileKind::Profile, "First Name,Last Name\nAvery,Quinn\n"),
            (FileKind::Connections, connections),
            (FileKind::Messages, messages.as_str()),
        ];
        for (kind, text) in files {
            export
                .read_file(kind, kind.file_name(), text.as_bytes())
                .unwrap();
        }
        let n = Network::from_owned_export(export, &Options::default()).unwrap();
        let said: Vec<String> = n.warnings.iter().map(|w| w.to_string()).collect();
        let at = |part: &str| said.iter().position(|w| w.contains(part));
        let order = [at("\"Sam Lee\""), at("not told apart"), at("\"Kim Park\"")];
        assert!(order.iter().all(Option::is_some), "{said:?}");
        assert!(order.is_sorted(), "{said:?}");
        assert_eq!(n.conversations.len(), 4);
        assert_eq!(n.conversations[3].activity.len(), 70_000);
    }

    #[test]
    fn without_ids_both_sides_of_a_thread_meet_in_one_day() {
        let text = "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n\
                    Ada Byron,Avery Quinn,2024-03-01T10:20:00,,hi,INCOMING,INBOX\n\
                    Avery Quinn,Ada Byron,2024-03-01T10:05:00,,hi,OUTGOING,INBOX\n\
                    Ada Byron,Avery Quinn,2024-03-01T10:00:00,,hi,INCOMING,INBOX\n";
        let n = network(text);
        assert_eq!(n.conversations.len(), 1);
        assert_eq!(waiting(&n), [("2024-03-01".to_string(), 1)]);
    }
}
