//! [`Network`]: the relationship graph (petgraph), people as nodes and every
//! kind of tie as an edge, plus the dated interactions the metrics need.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use petgraph::graph::{DiGraph, NodeIndex};

use crate::conversations::{self, Conversation, ConversationDay};
use crate::error::{Result, Warning};
use crate::export::{Export, ExportFacts};
use crate::identity::{self, Owner, People, PersonId, Who};
use crate::keys::push_profile_link;
use crate::occasions::{Favour, FavourKind, Occasions};
use crate::options::Options;
use crate::parse::Direction;
use crate::parse::connections::Connection;
use crate::parse::messages::MessageKind;
use crate::strings::FastMap as HashMap;
use crate::warnings::Warnings;

/// A person in the graph. Node `i` is [`PersonId`]`(i)`; node 0 is the owner.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Node {
    /// Their name as best known.
    pub name: Arc<str>,
    /// Their profile link (`https://www.linkedin.com/in/…`), if known.
    pub profile_url: Option<Arc<str>>,
    /// Current company, for connections.
    pub company: Option<Arc<str>>,
    /// Current position, for connections.
    pub position: Option<Arc<str>>,
    /// When you connected, for connections.
    pub connected_on: Option<NaiveDate>,
    /// Whether this is a first-degree connection.
    pub is_connection: bool,
    /// Whether this is the owner of the export.
    pub is_owner: bool,
}

/// One tie between two people. Edges point from the one who acted (the
/// sender, endorser, recommender, inviter) where there is one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tie {
    /// A first-degree connection (owner → person).
    Connection {
        /// When you connected.
        connected_on: Option<NaiveDate>,
    },
    /// Direct (one-to-one) messages (owner → person), both ways counted.
    DirectMessages {
        /// Messages the owner sent.
        sent: u32,
        /// Messages the owner received.
        received: u32,
        /// The first message.
        first: NaiveDateTime,
        /// The last message.
        last: NaiveDateTime,
    },
    /// Group conversations two people share (the owner or two others: the
    /// only tie between two other people an export shows).
    SharedGroups {
        /// How many group conversations they share.
        conversations: u32,
    },
    /// An endorsement (endorser → endorsee).
    Endorsement {
        /// The skill.
        skill: String,
        /// When.
        date: Option<NaiveDate>,
    },
    /// A recommendation (recommender → recommended).
    Recommendation {
        /// When.
        date: Option<NaiveDate>,
    },
    /// A connection invitation (inviter → invitee).
    Invitation {
        /// When it was sent.
        date: Option<NaiveDate>,
        /// Whether it carried a personal note.
        has_note: bool,
    },
}

impl Tie {
    /// The tie's kind as every output spells it (`connection`,
    /// `direct_messages`, `shared_groups`, `endorsement`, `recommendation`,
    /// `invitation`): the same as the `kind` key of its JSON.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Tie::Connection { .. } => "connection",
            Tie::DirectMessages { .. } => "direct_messages",
            Tie::SharedGroups { .. } => "shared_groups",
            Tie::Endorsement { .. } => "endorsement",
            Tie::Recommendation { .. } => "recommendation",
            Tie::Invitation { .. } => "invitation",
        }
    }
}

/// What an interaction was, from the owner's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum InteractionKind {
    /// The owner wrote to them one-to-one.
    DirectSent = 0,
    /// They wrote to the owner one-to-one.
    DirectReceived = 1,
    /// The owner wrote in a group they are in.
    GroupSent = 2,
    /// They wrote in a group the owner is in.
    GroupReceived = 3,
}

/// Interactions with people, one row per person, day and kind, with how
/// many there were: the columns the metrics are computed from. A burst of
/// messages on one day is one row, which keeps large exports compact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interactions {
    /// The person (never the owner).
    pub person: Vec<u32>,
    /// The day, as days since 1970-01-01.
    pub day: Vec<i32>,
    /// What it was.
    pub kind: Vec<InteractionKind>,
    /// How many messages of that kind, that person and day.
    pub count: Vec<u32>,
}

impl Interactions {
    /// Builds the columns from (person, day, kind) events, each with how
    /// many messages it stands for, in any order: put in their persons'
    /// ranges by counting, then each person's few sorted by day and kind.
    /// Events of one key are summed, so their order does not matter.
    fn from_events(mut events: Vec<(u64, u32)>) -> Interactions {
        if u32::try_from(events.len()).is_ok() {
            crate::grouping::sort_grouped_split(
                &mut events,
                |&(key, _)| (key >> 33) as u32,
                |e| e.0,
            );
        } else {
            events.sort_unstable_by_key(|&(key, _)| key);
        }
        // Events of one key summed in place, so that the columns are
        // allocated once at their length: grown by doubling, four columns
        // of a million rows would leave up to half their room unused.
        events.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
        let rows = events.len();
        let mut out = Interactions {
            person: Vec::with_capacity(rows),
            day: Vec::with_capacity(rows),
            kind: Vec::with_capacity(rows),
            count: Vec::with_capacity(rows),
        };
        for (key, n) in events {
            let (person, day, kind) = unpack(key);
            out.person.push(person);
            out.day.push(day);
            out.kind.push(kind);
            out.count.push(n);
        }
        out
    }

    /// How many rows (person, day, kind).
    pub fn len(&self) -> usize {
        self.person.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
    }
}

/// Whether a conversation-day counts as interactions: personal messages
/// up to the as-of day.
fn is_interaction(a: &ConversationDay, as_of: NaiveDate) -> bool {
    a.kind == MessageKind::Personal && a.day <= as_of
}

/// Whom a conversation-day's messages are interactions with: every other
/// participant for the owner's, the sender for anyone else's, nobody for an
/// unknown sender's.
fn with_whom<'a>(c: &'a Conversation, a: &'a ConversationDay) -> &'a [PersonId] {
    match &a.sender {
        Who::Owner => &c.participants,
        Who::Person(p) => std::slice::from_ref(p),
        Who::Unknown => &[],
    }
}

/// How many (person, day, kind) events the conversations give, so that
/// their vector is allocated once: at 1M messages it is the largest one
/// the network builds, and doubling would leave up to half of it unused.
fn event_count(conversations: &[Conversation], as_of: NaiveDate) -> usize {
    (conversations.iter().filter(|c| !c.is_sponsored()))
        .flat_map(|c| c.activity.iter().map(move |a| (c, a)))
        .filter(|(_, a)| is_interaction(a, as_of))
        .map(|(c, a)| with_whom(c, a).len())
        .sum()
}

/// Days are offset so that any date since year 0 packs as a positive number.
const DAY_OFFSET: i64 = 1 << 30;

/// One event in a sortable `u64`: person, day, kind.
fn pack(person: PersonId, day: NaiveDate, kind: InteractionKind) -> u64 {
    let day = (i64::from(day_number(day)) + DAY_OFFSET) as u64;
    (u64::from(person.0) << 33) | (day << 2) | kind as u64
}

fn unpack(key: u64) -> (u32, i32, InteractionKind) {
    let kind = match key & 3 {
        0 => InteractionKind::DirectSent,
        1 => InteractionKind::DirectReceived,
        2 => InteractionKind::GroupSent,
        _ => InteractionKind::GroupReceived,
    };
    let day = ((key >> 2) & ((1 << 31) - 1)) as i64 - DAY_OFFSET;
    ((key >> 33) as u32, day as i32, kind)
}

/// Days since 1970-01-01.
pub fn day_number(date: NaiveDate) -> i32 {
    // What `(date - 1970-01-01).num_days()` gives, without a Duration.
    date.num_days_from_ce() - EPOCH_DAYS_FROM_CE
}

/// Days from 0001-01-01 (day 1) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The date of a day number, as adding that many days to 1970-01-01 gives
/// it (without a Duration: this runs for every interaction), clamped to
/// chrono's range.
pub fn day_date(day: i32) -> NaiveDate {
    let clamped = if day < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    };
    day.checked_add(EPOCH_DAYS_FROM_CE)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(clamped)
}

/// The relationship graph of one export.
#[derive(Debug, Clone)]
pub struct Network {
    /// The graph: node `i` is person `i`, node 0 the owner.
    pub graph: DiGraph<Node, Tie>,
    /// Who owns the export.
    pub owner: Owner,
    /// The day reports are computed as of.
    pub as_of: NaiveDate,
    /// Everyone, with their keys.
    pub people: People,
    /// Conversations, with participants resolved (drafts out; spam out unless asked).
    pub conversations: Vec<Conversation>,
    /// Interactions up to the as-of day, per person, day and kind, for the metrics.
    pub interactions: Interactions,
    /// The export's warnings and those of resolving who is who.
    pub warnings: Warnings,
    /// Messages counted (not drafts, not spam unless asked), sponsored included.
    pub messages_counted: usize,
    /// The files found and how many records each held.
    pub facts: ExportFacts,
    /// Favours, notes, jobs and positions: what the plan reads.
    pub occasions: Occasions,
}

impl Network {
    /// Builds the graph of an export.
    ///
    /// ```
    /// let export = rekindle::Export::open("../../data-samples/2024")?;
    /// let network = rekindle::Network::from_export(&export, &rekindle::Options::default())?;
    /// assert_eq!(&*network.graph[network.owner_node()].name, "Avery Quinn");
    /// assert_eq!(network.as_of.to_string(), "2024-04-09");
    /// # Ok::<(), rekindle::Error>(())
    /// ```
    pub fn from_export(export: &Export, options: &Options) -> Result<Network> {
        Network::build(export, options)
    }

    /// [`Network::from_export`] of an export no longer needed after: its
    /// message log is freed as soon as the conversations are assembled,
    /// before the graph and the interactions are built beside them.
    pub(crate) fn from_owned_export(export: Export, options: &Options) -> Result<Network> {
        Network::build(export, options)
    }

    fn build<'a>(mut source: impl Source<'a>, options: &Options) -> Result<Network> {
        source.compact_messages();
        let export = source.export();
        let mut warnings = export.warnings.clone();
        let ties = warnings.len();
        let owner = identity::detect_owner(export, &mut warnings);
        // Only messages need the owner (to tell sent from received): a
        // connections-only download without Profile.csv is complete as it is.
        // A tie has said why already.
        if owner.name.is_none()
            && owner.profile_url.is_none()
            && !export.messages.is_empty()
            && warnings.len() == ties
        {
            warnings.push(Warning::new(
                "Profile.csv",
                None,
                "the owner of the export could not be told: no Profile.csv, and the messages do not show who sent them",
            ));
        }
        let as_of = crate::dated::as_of(export, options, &mut warnings)?;
        warnings.merge(crate::dated::suspicious(export, export.export_date()));
        let until = options.as_of;
        let facts = crate::dated::facts_until(export, until);
        // Each connection's texts move into its person, where the export is
        // owned: nothing below reads them from the export.
        let connections = source.take_connections();
        let export = source.export();
        let mut people = People::new(export, connections, &owner, until, &mut warnings);
        let conversations =
            conversations::assemble(export, &mut people, options, as_of, &mut warnings);
        let mut owner = owner;
        if owner.profile_url.is_none() {
            // Resolving recipients may have revealed it.
            owner
                .profile_url
                .clone_from(&people.get(PersonId::OWNER).profile_url);
        }
        // Nothing below reads the message log.
        source.release_messages();
        let export = source.export();

        // Resolve the other files' people before the graph is laid out.
        let mut endorsements = Vec::new();
        let mut favours = Vec::new();
        for (list, file, received) in [
            (
                &export.endorsements_received,
                "Endorsement_Received_Info.csv",
                true,
            ),
            (
                &export.endorsements_given,
                "Endorsement_Given_Info.csv",
                false,
            ),
        ] {
            for e in list
                .iter()
                .filter(|e| !crate::dated::after(e.date.map(|d| d.date()), until))
            {
                let who = people.resolve(&e.name, e.profile_url.as_deref(), &mut warnings, file);
                if let Who::Person(id) = who {
                    let (from, to) = if received {
                        (id, PersonId::OWNER)
                    } else {
                        (PersonId::OWNER, id)
                    };
                    endorsements.push((from, to, e.skill.clone(), e.date.map(|d| d.date())));
                    let skill = e.skill.clone();
                    favours.push(Favour {
                        person: id,
                        by_owner: !received,
                        kind: FavourKind::Endorsement { skill },
                        date: e.date.map(|d| d.date()),
                        status: e.status.clone(),
                    });
                }
            }
        }
        let mut recommendations = Vec::new();
        for (list, file, received) in [
            (
                &export.recommendations_received,
                "Recommendations_Received.csv",
                true,
            ),
            (
                &export.recommendations_given,
                "Recommendations_Given.csv",
                false,
            ),
        ] {
            for r in list.iter().filter(|r| !crate::dated::after(r.date, until)) {
                if let Who::Person(id) = people.resolve(&r.name, None, &mut warnings, file) {
                    let (from, to) = if received {
                        (id, PersonId::OWNER)
                    } else {
                        (PersonId::OWNER, id)
                    };
                    recommendations.push((from, to, r.date));
                    favours.push(Favour {
                        person: id,
                        by_owner: !received,
                        kind: FavourKind::Recommendation,
                        date: r.date,
                        status: r.status.clone(),
                    });
                }
            }
        }
        let mut invitations = Vec::new();
        for i in export
            .invitations
            .iter()
            .filter(|i| !crate::dated::after(i.sent_at.map(|d| d.date()), until))
        {
            let (name, url) = match i.direction {
                Direction::Outgoing => (&i.to, i.invitee_url.as_deref()),
                Direction::Incoming => (&i.from, i.inviter_url.as_deref()),
            };
            if let Who::Person(id) = people.resolve(name, url, &mut warnings, "Invitations.csv") {
                let (from, to) = match i.direction {
                    Direction::Outgoing => (PersonId::OWNER, id),
                    Direction::Incoming => (id, PersonId::OWNER),
                };
                invitations.push((from, to, i.sent_at.map(|d| d.date()), i.has_note));
                if i.has_note {
                    favours.push(Favour {
                        person: id,
                        by_owner: i.direction == Direction::Outgoing,
                        kind: FavourKind::InvitationNote,
                        date: i.sent_at.map(|d| d.date()),
                        status: String::new(),
                    });
                }
            }
        }
        let occasions = Occasions::collect(export, &mut people, favours, &mut warnings);
        // The messages' events counted on the other core, beside the
        // people's nodes here: the nodes stay as long as the network, and
        // this thread's heap has the message log's room free for them.
        let (talks, max_group) = (&conversations, export.limits.max_group_size);
        let counting = &mut warnings;
        let (counted, mut graph) = crate::cores::both(
            move || Counted::of(talks, as_of, max_group, counting),
            || graph_of(&people),
        );
        let Counted {
            events,
            direct,
            shared,
            messages_counted,
        } = counted;
        let node = |id: PersonId| NodeIndex::new(id.index());
        let owner_node = node(PersonId::OWNER);
        let mut direct: Vec<_> = direct.into_iter().collect();
        direct.sort_by_key(|(p, _)| *p);
        for (p, (sent, received, first, last)) in direct {
            graph.add_edge(
                owner_node,
                node(p),
                Tie::DirectMessages {
                    sent,
                    received,
                    first,
                    last,
                },
            );
        }
        let mut shared: Vec<_> = shared.into_iter().collect();
        shared.sort();
        for ((a, b), conversations) in shared {
            graph.add_edge(node(a), node(b), Tie::SharedGroups { conversations });
        }
        for (from, to, skill, date) in endorsements {
            graph.add_edge(node(from), node(to), Tie::Endorsement { skill, date });
        }
        for (from, to, date) in recommendations {
            graph.add_edge(node(from), node(to), Tie::Recommendation { date });
        }
        for (from, to, date, has_note) in invitations {
            graph.add_edge(node(from), node(to), Tie::Invitation { date, has_note });
        }
        let interactions = Interactions::from_events(events);
        source.dispose();
        Ok(Network {
            graph,
            owner,
            as_of,
            people,
            conversations,
            interactions,
            warnings,
            messages_counted,
            facts,
            occasions,
        })
    }

    /// The owner's node.
    pub fn owner_node(&self) -> NodeIndex {
        NodeIndex::new(PersonId::OWNER.index())
    }

    /// The node of a person.
    pub fn node(&self, id: PersonId) -> &Node {
        &self.graph[NodeIndex::new(id.index())]
    }
}

/// What the messages count, conversation by conversation: the
/// interactions' events, the direct conversations' counts per person and
/// the groups each pair shares.
struct Counted {
    events: Vec<(u64, u32)>,
    direct: HashMap<PersonId, (u32, u32, NaiveDateTime, NaiveDateTime)>,
    shared: HashMap<(PersonId, PersonId), u32>,
    messages_counted: usize,
}

impl Counted {
    fn of(
        conversations: &[Conversation],
        as_of: NaiveDate,
        max_group_size: usize,
        warnings: &mut Warnings,
    ) -> Counted {
        let expected_events = event_count(conversations, as_of);
        let mut events: Vec<(u64, u32)> = Vec::with_capacity(expected_events);
        let mut direct: HashMap<PersonId, (u32, u32, NaiveDateTime, NaiveDateTime)> =
            HashMap::default();
        let mut shared: HashMap<(PersonId, PersonId), u32> = HashMap::default();
        let mut messages_counted = 0;
        for c in conversations {
            messages_counted += c.message_count();
            if c.is_sponsored() {
                continue;
            }
            let group = c.is_group();
            if group {
                let mut members = c.participants.clone();
                members.push(PersonId::OWNER);
                members.sort();
                if members.len() > max_group_size {
                    // Pairs grow with the square of the group: keep the
                    // owner's tie with each member only, and say so.
                    warnings.push(too_big_group(c, members.len(), max_group_size));
                    for &b in &members[1..] {
                        *shared.entry((PersonId::OWNER, b)).or_default() += 1;
                    }
                } else {
                    for (i, &a) in members.iter().enumerate() {
                        for &b in &members[i + 1..] {
                            *shared.entry((a, b)).or_default() += 1;
                        }
                    }
                }
            }
            for a in c.activity.iter().filter(|a| is_interaction(a, as_of)) {
                let sent = a.sender == Who::Owner;
                let kind = match (sent, group) {
                    (true, false) => InteractionKind::DirectSent,
                    (false, false) => InteractionKind::DirectReceived,
                    (true, true) => InteractionKind::GroupSent,
                    (false, true) => InteractionKind::GroupReceived,
                };
                for &p in with_whom(c, a) {
                    events.push((pack(p, a.day, kind), a.count));
                    if !group {
                        count_direct(&mut direct, p, a, sent);
                    }
                }
            }
        }
        debug_assert_eq!(events.len(), expected_events);
        Counted {
            events,
            direct,
            shared,
            messages_counted,
        }
    }
}

/// The graph of every person, with the owner's tie to each connection.
fn graph_of(people: &People) -> DiGraph<Node, Tie> {
    let mut graph = DiGraph::with_capacity(people.len(), people.len() * 2);
    // Each link made here, then shared: one allocation, the shared text's.
    let mut link = String::new();
    for (id, person) in people.iter() {
        let connection = person.connection.as_ref();
        graph.add_node(Node {
            name: person.name.clone(),
            profile_url: person.profile_url.as_deref().map(|key| {
                link.clear();
                push_profile_link(&mut link, key);
                Arc::from(link.as_str())
            }),
            company: connection.and_then(|c| c.company.clone()),
            position: connection.and_then(|c| c.position.clone()),
            connected_on: connection.and_then(|c| c.connected_on),
            is_connection: connection.is_some(),
            is_owner: id == PersonId::OWNER,
        });
    }
    let node = |id: PersonId| NodeIndex::new(id.index());
    for (id, person) in people.iter() {
        if let Some(c) = &person.connection {
            let connected_on = c.connected_on;
            graph.add_edge(
                node(PersonId::OWNER),
                node(id),
                Tie::Connection { connected_on },
            );
        }
    }
    graph
}

/// What a [`Network`] is built from: a borrowed export, or an owned one
/// that lets go of its message log once it has been read.
trait Source<'a> {
    fn export(&self) -> &Export;
    /// The export's connections: taken out of an owned export, so that
    /// their texts move rather than being copied.
    fn take_connections(&mut self) -> Cow<'a, [Connection]>;
    /// Keeps less of the message log, where no more rows can come.
    fn compact_messages(&mut self) {}
    fn release_messages(&mut self) {}
    /// Lets go of the export once the network is built.
    fn dispose(self)
    where
        Self: Sized,
    {
    }
}

impl<'a> Source<'a> for &'a Export {
    fn export(&self) -> &Export {
        self
    }

    fn take_connections(&mut self) -> Cow<'a, [Connection]> {
        Cow::Borrowed(&self.connections)
    }
}

impl Source<'static> for Export {
    fn export(&self) -> &Export {
        self
    }

    fn take_connections(&mut self) -> Cow<'static, [Connection]> {
        Cow::Owned(std::mem::take(&mut self.connections))
    }

    fn compact_messages(&mut self) {
        self.messages.compact_order();
    }

    fn release_messages(&mut self) {
        self.messages = crate::message_log::MessageLog::default();
    }

    /// Freeing 30,000 connections' texts one by one takes a tenth of the
    /// fixed cost of an analysis: it is done on a thread of its own, while
    /// the caller goes on (here, if no thread can be started).
    fn dispose(self) {
        let _ = std::thread::Builder::new()
            .name("rekindle-drop".into())
            .spawn(move || drop(self));
    }
}

/// The warning for a group above [`crate::Limits::max_group_size`].
fn too_big_group(c: &Conversation, members: usize, max: usize) -> Warning {
    let message = format!(
        "group conversation of {members} participants, more than the limit of {max}: \
         only your tie with each of them is counted, not theirs with each other"
    );
    Warning::new("messages.csv", None, message).with_value(c.title.as_deref().unwrap_or(&c.key))
}

fn count_direct(
    direct: &mut HashMap<PersonId, (u32, u32, NaiveDateTime, NaiveDateTime)>,
    person: PersonId,
    a: &ConversationDay,
    sent: bool,
) {
    let (first, last) = (a.first_at(), a.last_at());
    let entry = direct.entry(person).or_insert((0, 0, first, last));
    if sent {
        entry.0 += a.count;
    } else {
        entry.1 += a.count;
    }
    entry.2 = entry.2.min(first);
    entry.3 = entry.3.max(last);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_from_1970_as_a_duration_does() {
        let epoch = NaiveDate::default();
        let mut day = Some(NaiveDate::MIN);
        while let Some(d) = day {
            assert_eq!(day_number(d), (d - epoch).num_days() as i32, "{d}");
            let n = day_number(d);
            assert_eq!(day_date(n), epoch + chrono::Duration::days(i64::from(n)));
            day = d.checked_add_signed(chrono::Duration::days(997));
        }
        assert_eq!(day_date(day_number(NaiveDate::MAX)), NaiveDate::MAX);
        assert_eq!(day_date(i32::MAX), NaiveDate::MAX);
        assert_eq!(day_date(i32::MIN), NaiveDate::MIN);
        assert_eq!(
            day_number(NaiveDate::MAX),
            (NaiveDate::MAX - epoch).num_days() as i32
        );
        assert_eq!(day_number(epoch), 0);
        assert_eq!(day_date(day_number(NaiveDate::MIN)), NaiveDate::MIN);
    }

    #[test]
    fn events_are_summed_per_person_day_and_kind_in_order() {
        use InteractionKind::*;
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
        let p = PersonId;
        // Interleaved people, days and kinds, with repeated keys.
        let events = vec![
            (pack(p(3), day(2), DirectSent), 1),
            (pack(p(1), day(5), GroupReceived), 2),
            (pack(p(3), day(1), DirectReceived), 4),
            (pack(p(1), day(5), GroupReceived), 8),
            (pack(p(2), day(9), DirectSent), 16),
            (pack(p(3), day(2), DirectSent), 32),
            (pack(p(1), day(4), DirectSent), 64),
        ];
        let i = Interactions::from_events(events);
        let rows: Vec<_> = (0..i.len())
            .map(|r| (i.person[r], day_date(i.day[r]), i.kind[r], i.count[r]))
            .collect();
        assert_eq!(
            rows,
            [
                (1, day(4), DirectSent, 64),
                (1, day(5), GroupReceived, 10),
                (2, day(9), DirectSent, 16),
                (3, day(1), DirectReceived, 4),
                (3, day(2), DirectSent, 33),
            ]
        );
        // Each column is allocated at its length, not grown by doubling
        // (1,025 rows would take room for 2,048).
        let events = (0..1025u32)
            .map(|d| {
                (
                    pack(p(1), day(1) + chrono::Days::new(d.into()), DirectSent),
                    1,
                )
            })
            .collect();
        let i = Interactions::from_events(events);
        assert_eq!(i.len(), 1025);
        assert_eq!(
            [
                i.person.capacity(),
                i.day.capacity(),
                i.kind.capacity(),
                i.count.capacity()
            ],
            [1025; 4]
        );
    }
}
