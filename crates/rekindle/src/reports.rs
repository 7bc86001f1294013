//! The reports a person acts on, each a list of plain serialisable rows.
//!
//! Every row that recommends something carries a `reason` a person can read.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::conversations::Conversation;
use crate::export::Export;
use crate::identity::{PersonId, Who};
use crate::keys::profile_link;
use crate::metrics::{IN_TOUCH_DAYS, MIN_NEGLECTED_DEPTH, Metrics, PersonMetrics};
use crate::network::{Network, Tie};
use crate::parse::messages::MessageKind;

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
pub fn summary(export: &Export, network: &Network, metrics: &Metrics) -> Summary {
    let correspondents: std::collections::HashSet<PersonId> = network
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
        files: export.files.iter().map(|f| f.name.clone()).collect(),
        connections: export.connections.len(),
        hidden_connections: export.hidden_connections,
        messages: network.messages_counted,
        conversations: network.conversations.len(),
        group_conversations: network
            .conversations
            .iter()
            .filter(|c| c.is_group())
            .count(),
        people,
        invitations: export.invitations.len(),
        endorsements_received: export.endorsements_received.len(),
        endorsements_given: export.endorsements_given.len(),
        recommendations_received: export.recommendations_received.len(),
        recommendations_given: export.recommendations_given.len(),
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
        name: m.name.clone(),
        profile_url: m.profile_url.clone(),
        company: m.company.clone(),
        position: m.position.clone(),
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

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
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
    for e in network.graph.edges_connecting(owner, node) {
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

fn neglect_reason(network: &Network, m: &PersonMetrics) -> String {
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

fn strongest_reason(network: &Network, m: &PersonMetrics) -> String {
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
pub fn unanswered(network: &Network) -> Vec<UnansweredRow> {
    let mut best: BTreeMap<PersonId, UnansweredRow> = BTreeMap::new();
    for c in &network.conversations {
        let Some((person, last, waiting)) = waiting_in(c, network.as_of) else {
            continue;
        };
        let node = network.node(person);
        let row = UnansweredRow {
            name: node.name.clone(),
            profile_url: node.profile_url.clone(),
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

/// (person, day of their last message, their messages since the owner's last).
fn waiting_in(c: &Conversation, as_of: NaiveDate) -> Option<(PersonId, NaiveDate, u32)> {
    if c.is_group() || c.is_sponsored() || c.has_unknown_participant {
        return None;
    }
    let &[person] = c.participants.as_slice() else {
        return None;
    };
    let personal: Vec<_> = c
        .messages
        .iter()
        .filter(|m| m.kind == MessageKind::Personal && m.sent_at.date() <= as_of)
        .collect();
    let last = personal.last()?;
    if last.sender != Who::Person(person) {
        return None;
    }
    let waiting = personal
        .iter()
        .rev()
        .take_while(|m| m.sender != Who::Owner)
        .filter(|m| m.sender == Who::Person(person))
        .count();
    Some((person, last.sent_at.date(), waiting as u32))
}

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
            name: m.name.clone(),
            profile_url: m.profile_url.clone(),
            company: m.company.clone(),
            position: m.position.clone(),
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
        by_company.entry(company.clone()).or_default().push(m);
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
                deepest: deepest.map(|m| m.name.clone()).unwrap_or_default(),
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

/// One tie of a person, as the person report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieRow {
    /// `connection`, `direct_messages`, `shared_groups`, `endorsement`, `recommendation` or `invitation`.
    pub kind: String,
    /// `from_you`, `to_you`, `both` or, for group ties with others, the other person's name.
    pub direction: String,
    /// The tie's date, if it has one.
    pub date: Option<NaiveDate>,
    /// What it is, in words.
    pub detail: String,
}

/// A year of messages with a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearRow {
    /// The year.
    pub year: i32,
    /// Direct messages you sent.
    pub sent: u32,
    /// Direct messages you received.
    pub received: u32,
    /// Messages in groups you share (yours and theirs).
    pub group: u32,
}

/// Everything known about one person, and why they are or are not on each list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonReport {
    /// Their metrics (the same row as `rekindle metrics`).
    pub metrics: PersonMetrics,
    /// Every tie, from the graph.
    pub ties: Vec<TieRow>,
    /// Messages per year.
    pub activity: Vec<YearRow>,
    /// Why they are or are not on the neglected list.
    pub neglected: String,
    /// Why they are or are not on the strongest list.
    pub strongest: String,
    /// Whether they wait for your reply.
    pub unanswered: String,
    /// Why they are or are not on the never-contacted list.
    pub never_contacted: String,
}

/// The people whose name or profile URL contains `query` (case-insensitive).
pub fn find_people(metrics: &Metrics, query: &str) -> Vec<PersonId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let exact: Vec<PersonId> = metrics
        .rows
        .iter()
        .filter(|m| {
            m.name.to_lowercase() == q
                || m.profile_url
                    .as_deref()
                    .is_some_and(|u| u.to_lowercase() == q)
        })
        .map(|m| PersonId(m.person_id))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    metrics
        .rows
        .iter()
        .filter(|m| {
            m.name.to_lowercase().contains(&q)
                || m.profile_url
                    .as_deref()
                    .is_some_and(|u| u.to_lowercase().contains(&q))
        })
        .map(|m| PersonId(m.person_id))
        .collect()
}

/// Everything known about one person.
pub fn person(network: &Network, metrics: &Metrics, id: PersonId) -> Option<PersonReport> {
    let m = metrics.get(id)?.clone();
    let node = petgraph::graph::NodeIndex::new(id.index());
    let owner = network.owner_node();
    let mut ties = Vec::new();
    for e in network
        .graph
        .edges_directed(node, petgraph::Direction::Incoming)
        .chain(
            network
                .graph
                .edges_directed(node, petgraph::Direction::Outgoing),
        )
    {
        use petgraph::visit::EdgeRef;
        let (from, to) = (e.source(), e.target());
        let direction = if from == owner {
            "from_you".to_string()
        } else if to == owner {
            "to_you".to_string()
        } else {
            let other = if from == node { to } else { from };
            format!("with {}", network.graph[other].name)
        };
        let (kind, date, detail) = match e.weight() {
            Tie::Connection { connected_on } => (
                "connection",
                *connected_on,
                "first-degree connection".to_string(),
            ),
            Tie::DirectMessages {
                sent,
                received,
                first,
                last,
            } => (
                "direct_messages",
                Some(last.date()),
                format!(
                    "{sent} sent, {received} received, {} to {}",
                    first.date(),
                    last.date()
                ),
            ),
            Tie::SharedGroups { conversations } => (
                "shared_groups",
                None,
                format!(
                    "{conversations} group conversation{} together",
                    plural(*conversations)
                ),
            ),
            Tie::Endorsement { skill, date } => {
                ("endorsement", *date, format!("endorsed for {skill}"))
            }
            Tie::Recommendation { date } => (
                "recommendation",
                *date,
                "wrote a recommendation".to_string(),
            ),
            Tie::Invitation { date, has_note } => (
                "invitation",
                *date,
                if *has_note {
                    "invitation with a personal note"
                } else {
                    "invitation without a note"
                }
                .to_string(),
            ),
        };
        let direction = if kind == "direct_messages" {
            "both".to_string()
        } else {
            direction
        };
        ties.push(TieRow {
            kind: kind.to_string(),
            direction,
            date,
            detail,
        });
    }
    ties.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(a.date.cmp(&b.date))
            .then(a.direction.cmp(&b.direction))
    });

    let mut years: BTreeMap<i32, YearRow> = BTreeMap::new();
    for c in network
        .conversations
        .iter()
        .filter(|c| c.participants.contains(&id) && !c.is_sponsored())
    {
        for msg in c
            .messages
            .iter()
            .filter(|x| x.kind == MessageKind::Personal && x.sent_at.date() <= network.as_of)
        {
            let year = msg.sent_at.year();
            let row = years.entry(year).or_insert(YearRow {
                year,
                sent: 0,
                received: 0,
                group: 0,
            });
            match (c.is_group(), msg.sender) {
                (true, Who::Owner) | (true, Who::Person(_)) => row.group += 1,
                (false, Who::Owner) => row.sent += 1,
                (false, Who::Person(_)) => row.received += 1,
                _ => {}
            }
        }
    }

    let two_way = m.messages_sent > 0 && m.messages_received > 0;
    let since = m
        .days_since_last_interaction
        .map(|d| human_days(i64::from(d)))
        .unwrap_or_else(|| "never".into());
    let neglected = if m.ignored {
        "not on the list: your ledger says never to suggest them".to_string()
    } else if let Some(until) = m.snoozed_until {
        format!("not on the list: snoozed in your ledger until {until}")
    } else if m.neglect > 0.0 {
        format!(
            "on the list (score {:.1}): {}",
            m.neglect,
            neglect_reason(network, &m)
        )
    } else if !two_way {
        "not on the list: you never exchanged messages both ways".into()
    } else if m.in_touch
        && let Some(cadence) = m.cadence_days
    {
        format!(
            "not on the list: in touch (last interaction {since} ago, within your ledger's cadence of {cadence} days)"
        )
    } else if m.in_touch {
        format!(
            "not on the list: in touch (last interaction {since} ago, within {IN_TOUCH_DAYS} days or twice your usual gap)"
        )
    } else if m.depth < MIN_NEGLECTED_DEPTH {
        format!(
            "not on the list: too shallow a tie (depth {:.1}, at least {MIN_NEGLECTED_DEPTH} needed)",
            m.depth
        )
    } else {
        "not on the list: not overdue for its usual rhythm".into()
    };
    let strongest = if m.in_touch && two_way {
        format!(
            "on the list (depth {:.1}): {}",
            m.depth,
            strongest_reason(network, &m)
        )
    } else if !two_way {
        "not on the list: no two-way exchange".into()
    } else {
        format!("not on the list: not in touch now (last interaction {since} ago)")
    };
    let unanswered = unanswered(network)
        .into_iter()
        .find(|r| r.name == m.name && r.profile_url == m.profile_url)
        .map(|r| {
            format!(
                "waiting {} day{} for your reply to {} message{}",
                r.days_waiting,
                plural(r.days_waiting as u32),
                r.messages_waiting,
                plural(r.messages_waiting)
            )
        })
        .unwrap_or_else(|| "nothing waiting for your reply".into());
    let never_contacted = if !m.is_connection {
        "not on the list: not a connection".into()
    } else if two_way {
        "not on the list: you exchanged messages both ways".into()
    } else {
        "on the list: no two-way exchange ever".into()
    };
    Some(PersonReport {
        metrics: m,
        ties,
        activity: years.into_values().collect(),
        neglected,
        strongest,
        unanswered,
        never_contacted,
    })
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Days in words a person reads at a glance: `5 days`, `3 weeks`,
/// `8 months`, `2 years 4 months`.
///
/// ```
/// use rekindle::reports::human_days;
/// assert_eq!(human_days(1), "1 day");
/// assert_eq!(human_days(21), "3 weeks");
/// assert_eq!(human_days(120), "4 months");
/// assert_eq!(human_days(852), "2 years 4 months");
/// assert_eq!(human_days(730), "2 years");
/// ```
pub fn human_days(days: i64) -> String {
    let unit = |n: i64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match days {
        d if d < 14 => unit(d, "day"),
        d if d < 60 => unit((d as f64 / 7.0).round() as i64, "week"),
        d if d < 365 => unit((d as f64 / 30.44).round() as i64, "month"),
        d => {
            let months = (d as f64 / 30.44).round() as i64;
            let (years, rest) = (months / 12, months % 12);
            if rest == 0 {
                unit(years, "year")
            } else {
                format!("{} {}", unit(years, "year"), unit(rest, "month"))
            }
        }
    }
}
