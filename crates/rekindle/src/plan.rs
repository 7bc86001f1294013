//! `plan`: what to do this week, and why now — a short list of concrete
//! actions, each with the evidence from the export that makes it timely.
//!
//! The actions, in their order of precedence (one item per person: their
//! most pressing action, the others folded into `why_now`):
//!
//! - **reply**: a one-to-one conversation where someone you have a two-way
//!   history with wrote last, within [`REPLY_WINDOW_DAYS`], and you have not
//!   written to them since in any one-to-one thread. One-way senders
//!   (recruiters, sponsored campaigns, `LinkedIn Member`) never count, and a
//!   draft is not a reply (drafts are never sent).
//! - **congratulate** (given an older export): a job change from the
//!   [`Diff`] (a new company or a new role; cosmetic rewords never count),
//!   deepest tie first.
//! - **reciprocate**: they recommended you (a visible recommendation) or
//!   endorsed you (an accepted endorsement) and you never returned it in kind
//!   (a recommendation by a recommendation, an endorsement by an endorsement
//!   of any skill). A recommendation weighs more than endorsements, a recent
//!   favour more than an old one.
//! - **follow_up**: an invitation with a personal note, either way, to
//!   someone who is now a connection, with no two-way exchange since.
//! - **ask**: a company you applied to (within [`APPLIED_WINDOW_DAYS`]) or
//!   saved a job at, and your connections there (company names compared as
//!   [`crate::roles::company_key`] does), or connected while you worked there
//!   (`Positions.csv`); a tie gone cold gets "reconnect first, then ask".
//! - **reconnect**: the neglected list, most neglected first.
//!
//! People your ledger snoozes or ignores get no item at all.
//!
//! ```
//! use rekindle::{Analysis, Options, plan::{Action, PlanOptions}};
//!
//! let analysis = Analysis::open("../../data-samples/2026", &Options::default())?;
//! let plan = analysis.plan(&PlanOptions::default())?;
//! assert!(plan.len() <= 7);
//! assert!(plan.iter().any(|i| i.action == Action::Reciprocate && i.name == "Priya Raman"));
//! # Ok::<(), rekindle::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::diff::{Diff, JobChangeKind};
use crate::identity::PersonId;
use crate::metrics::{Metrics, PersonMetrics};
use crate::network::Network;
use crate::occasions::FavourKind;
use crate::reports::{self, human_days, plural, round1};
use crate::roles::company_key;

/// A message they wrote this many days ago or less can still get a reply.
pub const REPLY_WINDOW_DAYS: i64 = 180;
/// A job applied for this many days ago or less is still an occasion to ask.
pub const APPLIED_WINDOW_DAYS: i64 = 180;
/// How many items a plan has unless asked otherwise.
pub const DEFAULT_LIMIT: usize = 7;
/// The most items of one action while other actions have candidates.
pub const MAX_PER_ACTION: usize = 3;

/// What to do, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// They wrote last; answer them.
    Reply,
    /// They changed jobs; congratulate them.
    Congratulate,
    /// They recommended or endorsed you; return it in kind.
    Reciprocate,
    /// An invitation with a note was accepted and nothing followed.
    FollowUp,
    /// They are at a company you want to work at; ask them about it.
    Ask,
    /// A deep tie gone cold; get back in touch.
    Reconnect,
}

impl Action {
    /// Every action, in order of precedence.
    pub const ALL: [Action; 6] = [
        Action::Reply,
        Action::Congratulate,
        Action::Reciprocate,
        Action::FollowUp,
        Action::Ask,
        Action::Reconnect,
    ];

    /// The action as JSON spells it: `reply`, `follow_up`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Reply => "reply",
            Action::Congratulate => "congratulate",
            Action::Reciprocate => "reciprocate",
            Action::FollowUp => "follow_up",
            Action::Ask => "ask",
            Action::Reconnect => "reconnect",
        }
    }

    /// The action as a title begins: `Reply`, `Follow up`, …
    ///
    /// ```
    /// assert_eq!(rekindle::plan::Action::FollowUp.title(), "Follow up");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Action::Reply => "Reply",
            Action::Congratulate => "Congratulate",
            Action::Reciprocate => "Reciprocate",
            Action::FollowUp => "Follow up",
            Action::Ask => "Ask",
            Action::Reconnect => "Reconnect",
        }
    }
}

/// What a plan is made of.
#[derive(Debug, Clone, Copy)]
pub struct PlanOptions<'a> {
    /// An older export of the same owner: its job changes give `congratulate`.
    pub since: Option<&'a crate::Analysis>,
    /// At most this many items, a balanced mix; 0 means every candidate.
    pub limit: usize,
}

impl Default for PlanOptions<'_> {
    fn default() -> Self {
        PlanOptions {
            since: None,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// Something they gave you (or you them), as plan items show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Given {
    /// `recommendation` or `endorsement`.
    pub what: &'static str,
    /// The skill, for an endorsement.
    pub skill: Option<String>,
    /// When, if known.
    pub date: Option<NaiveDate>,
}

/// How you know someone at a company you want to work at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KnownVia {
    /// They work there now (Connections.csv).
    WorksThere,
    /// You connected while you worked there (Positions.csv).
    ConnectedWhileYouWorkedThere,
}

/// One thing to do this week, with the evidence that makes it timely.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    /// Who they are in the [`Network`] (not part of the JSON contract).
    #[serde(skip)]
    pub person: PersonId,
    /// What to do.
    pub action: Action,
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// Their current company.
    pub company: Option<String>,
    /// Why now, in a sentence with dates and counts; other reasons follow.
    pub why_now: String,
    /// A short concrete step (never quoting a message).
    pub suggestion: String,
    /// How pressing within its action, 0–100: best first.
    pub score: f64,
    /// Depth of the tie, 0–100.
    pub depth: f64,
    /// Other actions that also apply to them, folded into `why_now`.
    pub also: Vec<Action>,
    /// Your own note on them (Notes.csv); none under redaction.
    pub note: Option<String>,
    /// reply: the day of their last message.
    pub last_message: Option<NaiveDate>,
    /// reply: their messages since your last one.
    pub messages_waiting: Option<u32>,
    /// congratulate: `new_company` or `new_role`.
    pub job_change: Option<JobChangeKind>,
    /// congratulate: the company before.
    pub old_company: Option<String>,
    /// congratulate: the position before.
    pub old_position: Option<String>,
    /// congratulate: the position now.
    pub new_position: Option<String>,
    /// reciprocate: what they gave you that you never returned.
    pub gave: Vec<Given>,
    /// follow_up: the day of the invitation.
    pub invited_on: Option<NaiveDate>,
    /// follow_up: `you` or `them`.
    pub invited_by: Option<&'static str>,
    /// ask: the company you want to work at, as your job file writes it.
    pub target_company: Option<String>,
    /// ask: the job's title.
    pub job_title: Option<String>,
    /// ask: how you know them there.
    pub known_via: Option<KnownVia>,
    /// reconnect: the last message either way.
    pub last_interaction: Option<NaiveDate>,
}

/// A candidate action for one person before folding.
struct Candidate {
    item: PlanItem,
    /// A few words for folding into another action's `why_now`.
    short: String,
}

/// The plan of `network` (with the older export's diff for congratulations):
/// every candidate folded to one item per person, then the balanced mix of
/// at most `limit` (0: all), listed in order of precedence, best first.
pub fn plan(
    network: &Network,
    metrics: &Metrics,
    diff: Option<&Diff>,
    limit: usize,
) -> Vec<PlanItem> {
    let mut candidates = Vec::new();
    reply(network, metrics, &mut candidates);
    if let Some(diff) = diff {
        congratulate(metrics, diff, &mut candidates);
    }
    reciprocate(network, metrics, &mut candidates);
    follow_up(network, metrics, &mut candidates);
    ask(network, metrics, &mut candidates);
    reconnect(network, metrics, &mut candidates);
    // People your ledger snoozes or ignores are never suggested.
    candidates.retain(|c| metrics.get(c.item.person).is_none_or(|m| !m.hidden()));
    let items = fold(network, candidates);
    mix(items, limit)
}

/// A plan item for `m` with no evidence yet.
fn item(m: &PersonMetrics, action: Action, why_now: String, suggestion: &str) -> PlanItem {
    PlanItem {
        person: PersonId(m.person_id),
        action,
        name: m.name.to_string(),
        profile_url: m.profile_url.as_deref().map(str::to_string),
        company: m.company.as_deref().map(str::to_string),
        why_now,
        suggestion: suggestion.to_string(),
        score: 0.0,
        depth: m.depth,
        also: Vec::new(),
        note: None,
        last_message: None,
        messages_waiting: None,
        job_change: None,
        old_company: None,
        old_position: None,
        new_position: None,
        gave: Vec::new(),
        invited_on: None,
        invited_by: None,
        target_company: None,
        job_title: None,
        known_via: None,
        last_interaction: None,
    }
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

fn ago(as_of: NaiveDate, day: NaiveDate) -> String {
    let days = (as_of - day).num_days();
    if days <= 0 {
        "today".to_string()
    } else {
        format!("{} ago", human_days(days))
    }
}

fn reply(network: &Network, metrics: &Metrics, out: &mut Vec<Candidate>) {
    let as_of = network.as_of;
    let mut latest: BTreeMap<PersonId, (NaiveDate, u32)> = BTreeMap::new();
    for c in &network.conversations {
        if let Some((person, last, waiting)) = reports::waiting_in(c)
            && latest.get(&person).is_none_or(|(d, _)| *d < last.date())
        {
            latest.insert(person, (last.date(), waiting));
        }
    }
    for (person, (last, waiting)) in latest {
        let Some(m) = metrics.get(person) else {
            continue;
        };
        let days = (as_of - last).num_days();
        let two_way = m.messages_sent > 0 && m.messages_received > 0;
        let answered = m.last_sent.is_some_and(|sent| sent >= last);
        if !two_way || answered || days > REPLY_WINDOW_DAYS {
            continue;
        }
        let total = m.messages_sent + m.messages_received;
        let why = format!(
            "{} wrote on {last} ({}), {waiting} message{} since your last reply; you have exchanged {total} message{} in all.",
            first_name(&m.name),
            ago(as_of, last),
            plural(waiting),
            plural(total),
        );
        let mut i = item(
            m,
            Action::Reply,
            why,
            "Reply to their last message, even briefly.",
        );
        let fresh = 1.0 - days as f64 / (2 * REPLY_WINDOW_DAYS) as f64;
        i.score = round1((m.depth.max(5.0) * fresh).clamp(0.0, 100.0));
        i.last_message = Some(last);
        i.messages_waiting = Some(waiting);
        out.push(Candidate {
            item: i,
            short: format!("they wrote last on {last}"),
        });
    }
}

fn congratulate(metrics: &Metrics, diff: &Diff, out: &mut Vec<Candidate>) {
    for jc in &diff.job_changes {
        let Some(m) = metrics.get(jc.person()) else {
            continue;
        };
        let why = format!(
            "Since your export of {}: {}.",
            diff.old.as_of,
            jc.reason.trim_end_matches('.')
        );
        let suggestion = match jc.kind {
            JobChangeKind::NewCompany => {
                "Congratulate them on the new job and ask how it is going."
            }
            JobChangeKind::NewRole => "Congratulate them on the new role.",
        };
        let mut i = item(m, Action::Congratulate, why, suggestion);
        i.score = round1(m.depth.max(1.0));
        i.job_change = Some(jc.kind);
        i.old_company.clone_from(&jc.old_company);
        i.old_position.clone_from(&jc.old_position);
        i.new_position.clone_from(&jc.new_position);
        out.push(Candidate {
            item: i,
            short: "they changed jobs".to_string(),
        });
    }
}

fn reciprocate(network: &Network, metrics: &Metrics, out: &mut Vec<Candidate>) {
    #[derive(Default)]
    struct Ledger {
        recommended_you: Vec<Option<NaiveDate>>,
        endorsed_you: Vec<(String, Option<NaiveDate>)>,
        you_recommended: bool,
        you_endorsed: bool,
    }
    let mut by_person: BTreeMap<PersonId, Ledger> = BTreeMap::new();
    for f in &network.occasions.favours {
        let l = by_person.entry(f.person).or_default();
        match (&f.kind, f.by_owner) {
            (FavourKind::Recommendation, true) => l.you_recommended = true,
            (FavourKind::Endorsement { .. }, true) => l.you_endorsed = true,
            (FavourKind::Recommendation, false) if f.is_shown() => l.recommended_you.push(f.date),
            (FavourKind::Endorsement { skill }, false) if f.is_shown() => {
                l.endorsed_you.push((skill.clone(), f.date));
            }
            _ => {}
        }
    }
    let as_of = network.as_of;
    for (person, l) in by_person {
        let mut gave = Vec::new();
        let mut words = Vec::new();
        let mut weight = 0.0;
        if !l.you_recommended && !l.recommended_you.is_empty() {
            for date in &l.recommended_you {
                gave.push(Given {
                    what: "recommendation",
                    skill: None,
                    date: *date,
                });
                words.push(match date {
                    Some(d) => format!("recommended you on {d}"),
                    None => "recommended you".to_string(),
                });
                weight += 3.0;
            }
        }
        if !l.you_endorsed && !l.endorsed_you.is_empty() {
            for (skill, date) in &l.endorsed_you {
                gave.push(Given {
                    what: "endorsement",
                    skill: Some(skill.clone()),
                    date: *date,
                });
                words.push(match date {
                    Some(d) => format!("endorsed you for {skill} on {d}"),
                    None => format!("endorsed you for {skill}"),
                });
            }
            weight += (l.endorsed_you.len() as f64).min(3.0);
        }
        if gave.is_empty() {
            continue;
        }
        let Some(m) = metrics.get(person) else {
            continue;
        };
        let latest = gave.iter().filter_map(|g| g.date).max();
        let years = latest.map_or(3.0, |d| ((as_of - d).num_days().max(0) as f64) / 365.0);
        let recommended = gave.iter().any(|g| g.what == "recommendation");
        let returned = if recommended {
            "you have not written them one"
        } else {
            "you have not endorsed them"
        };
        let why = format!("{} {}; {returned}.", first_name(&m.name), join_and(&words));
        let suggestion = if recommended {
            "Write them a short recommendation for the work you saw them do."
        } else {
            "Endorse them for a skill you have seen them use."
        };
        let mut i = item(m, Action::Reciprocate, why, suggestion);
        i.score = round1((20.0 * weight / (1.0 + years)).clamp(0.0, 100.0));
        i.gave = gave;
        out.push(Candidate {
            item: i,
            short: "they vouched for you and you never returned it".to_string(),
        });
    }
}

fn follow_up(network: &Network, metrics: &Metrics, out: &mut Vec<Candidate>) {
    let as_of = network.as_of;
    // The latest invitation note per person.
    let mut latest: BTreeMap<PersonId, (NaiveDate, bool)> = BTreeMap::new();
    for f in &network.occasions.favours {
        if let (FavourKind::InvitationNote, Some(date)) = (&f.kind, f.date)
            && latest.get(&f.person).is_none_or(|(d, _)| *d < date)
        {
            latest.insert(f.person, (date, f.by_owner));
        }
    }
    for (person, (date, by_owner)) in latest {
        let Some(m) = metrics.get(person) else {
            continue;
        };
        let exchanged =
            m.last_sent.is_some_and(|d| d >= date) && m.last_received.is_some_and(|d| d >= date);
        if !m.is_connection || exchanged || date > as_of {
            continue;
        }
        let who = if by_owner {
            "You invited them with a personal note"
        } else {
            "They invited you with a personal note"
        };
        let why = format!(
            "{who} on {date} ({}); you are connected now, and have not had a two-way exchange since.",
            ago(as_of, date)
        );
        let mut i = item(
            m,
            Action::FollowUp,
            why,
            "Pick up where the invitation left off: one question about their work.",
        );
        let days = (as_of - date).num_days() as f64;
        i.score = round1((100.0 * (1.0 - days / 730.0)).clamp(1.0, 100.0));
        i.invited_on = Some(date);
        i.invited_by = Some(if by_owner { "you" } else { "them" });
        out.push(Candidate {
            item: i,
            short: format!("your invitation of {date} was never followed up"),
        });
    }
}

/// A company the owner wants to work at.
struct Target {
    company: String,
    title: Option<String>,
    /// `saved the … job at … on …`, `applied to … at … on …`.
    words: String,
}

fn ask(network: &Network, metrics: &Metrics, out: &mut Vec<Candidate>) {
    let as_of = network.as_of;
    let o = &network.occasions;
    let mut targets: HashMap<String, Target> = HashMap::new();
    let jobs = o
        .job_applications
        .iter()
        .filter(|j| {
            j.date
                .is_some_and(|d| (as_of - d).num_days() <= APPLIED_WINDOW_DAYS)
        })
        .map(|j| (j, "applied for"))
        .chain(o.saved_jobs.iter().map(|j| (j, "saved")));
    for (job, verb) in jobs {
        let Some(key) = company_key(&job.company) else {
            continue;
        };
        let title = job.title.as_deref().unwrap_or("a");
        let when = job.date.map(|d| format!(" on {d}")).unwrap_or_default();
        let words = format!("You {verb} the {title} job at {}{when}", job.company);
        // The first file's row wins: applications before saved jobs.
        targets.entry(key).or_insert(Target {
            company: job.company.clone(),
            title: job.title.clone(),
            words,
        });
    }
    if targets.is_empty() {
        return;
    }
    // Your employers among the targets, with when you were there.
    let worked: Vec<(&str, NaiveDate, NaiveDate, &str)> = o
        .positions
        .iter()
        .filter_map(|p| {
            let key = company_key(&p.company)?;
            let (key, _) = targets.get_key_value(&key)?;
            let start = p.started_on?;
            let end = p.finished_on.map_or(as_of, |f| {
                f.checked_add_months(chrono::Months::new(1)).unwrap_or(f)
            });
            Some((key.as_str(), start, end, p.company.as_str()))
        })
        .collect();
    for m in metrics.rows.iter().filter(|m| m.is_connection) {
        let current = m
            .company
            .as_deref()
            .and_then(company_key)
            .filter(|k| targets.contains_key(k));
        let (key, via, how) = if let Some(key) = current {
            let position = m
                .position
                .as_deref()
                .map(|p| format!(" as {}", one_line(p)));
            let how = format!(
                "{} works there now{}",
                first_name(&m.name),
                position.unwrap_or_default()
            );
            (key, KnownVia::WorksThere, how)
        } else if let Some(on) = m.connected_on
            && let Some((key, _, _, company)) = worked
                .iter()
                .find(|(_, start, end, _)| *start <= on && on < *end)
        {
            let how = format!("you connected on {on}, while you worked at {company}");
            (key.to_string(), KnownVia::ConnectedWhileYouWorkedThere, how)
        } else {
            continue;
        };
        let target = &targets[&key];
        let two_way = m.messages_sent > 0 && m.messages_received > 0;
        let suggestion = if two_way && !m.in_touch {
            "Reconnect first, then ask what it is like to work there."
        } else if !two_way {
            "Introduce yourself first, then ask what it is like to work there."
        } else {
            "Ask what it is like to work there and whether they would refer you."
        };
        let why = format!("{}; {how}.", target.words);
        let mut i = item(m, Action::Ask, why, suggestion);
        let bonus = if via == KnownVia::WorksThere {
            10.0
        } else {
            0.0
        };
        i.score = round1((m.depth + bonus).clamp(1.0, 100.0));
        i.target_company = Some(target.company.clone());
        i.job_title.clone_from(&target.title);
        i.known_via = Some(via);
        out.push(Candidate {
            item: i,
            short: format!("you could ask them about {}", target.company),
        });
    }
}

fn reconnect(network: &Network, metrics: &Metrics, out: &mut Vec<Candidate>) {
    for row in reports::neglected(network, metrics) {
        let Some(m) = metrics.get(row.person) else {
            continue;
        };
        let why = format!("{}.", row.reason.trim_end_matches('.'));
        let mut i = item(
            m,
            Action::Reconnect,
            why,
            "Send a short note about something you shared, with no ask attached.",
        );
        i.score = row.score;
        i.last_interaction = row.last_interaction;
        out.push(Candidate {
            item: i,
            short: "the tie has gone cold".to_string(),
        });
    }
}

/// One item per person: the most pressing action, the others folded in.
fn fold(network: &Network, mut candidates: Vec<Candidate>) -> Vec<PlanItem> {
    candidates.sort_by(|a, b| {
        a.item
            .person
            .cmp(&b.item.person)
            .then(a.item.action.cmp(&b.item.action))
            .then(b.item.score.total_cmp(&a.item.score))
    });
    let mut items: Vec<PlanItem> = Vec::new();
    let mut shorts: Vec<String> = Vec::new();
    for c in candidates {
        match items.last_mut() {
            Some(last) if last.person == c.item.person => {
                if !last.also.contains(&c.item.action) {
                    last.also.push(c.item.action);
                    shorts.push(c.short);
                }
            }
            _ => {
                finish(items.last_mut(), &mut shorts);
                items.push(c.item);
            }
        }
    }
    finish(items.last_mut(), &mut shorts);
    for i in &mut items {
        i.note = network.occasions.note(i.person).map(|n| n.text.clone());
    }
    items
}

fn finish(item: Option<&mut PlanItem>, shorts: &mut Vec<String>) {
    if let Some(item) = item
        && !shorts.is_empty()
    {
        let also = join_and(shorts);
        item.why_now = format!("{} Also: {}.", item.why_now, also.trim_end_matches('.'));
    }
    shorts.clear();
}

/// The balanced mix: rounds taking the best remaining item of each action,
/// at most [`MAX_PER_ACTION`] of one while others have candidates.
fn mix(items: Vec<PlanItem>, limit: usize) -> Vec<PlanItem> {
    let mut by_action: BTreeMap<Action, Vec<PlanItem>> = BTreeMap::new();
    for i in items {
        by_action.entry(i.action).or_default().push(i);
    }
    for list in by_action.values_mut() {
        list.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.depth.total_cmp(&a.depth))
                .then(a.person.cmp(&b.person))
        });
        list.reverse(); // best last, to pop
    }
    let total: usize = by_action.values().map(Vec::len).sum();
    let limit = if limit == 0 { total } else { limit.min(total) };
    let mut taken: BTreeMap<Action, Vec<PlanItem>> = BTreeMap::new();
    let mut count = 0;
    while count < limit {
        let others_left = |a: Action, by: &BTreeMap<Action, Vec<PlanItem>>| {
            by.iter().any(|(b, l)| *b != a && !l.is_empty())
        };
        let mut progressed = false;
        for action in Action::ALL {
            if count == limit {
                break;
            }
            let held = taken.get(&action).map_or(0, Vec::len);
            let capped = held >= MAX_PER_ACTION && others_left(action, &by_action);
            if capped {
                continue;
            }
            if let Some(i) = by_action.get_mut(&action).and_then(Vec::pop) {
                taken.entry(action).or_default().push(i);
                count += 1;
                progressed = true;
            }
        }
        if !progressed {
            // Every action left is capped but others still hold candidates
            // only because they are capped too: lift the cap.
            let Some(action) = Action::ALL
                .into_iter()
                .find(|a| by_action.get(a).is_some_and(|l| !l.is_empty()))
            else {
                break;
            };
            if let Some(i) = by_action.get_mut(&action).and_then(Vec::pop) {
                taken.entry(action).or_default().push(i);
                count += 1;
            }
        }
    }
    taken.into_values().flatten().collect()
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A title as one line (titles can hold line breaks).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dummy(person: u32, action: Action, score: f64) -> PlanItem {
        let m = PersonMetrics {
            person_id: person,
            name: format!("P{person}").into(),
            profile_url: None,
            company: None,
            position: None,
            is_connection: true,
            connected_on: None,
            messages_sent: 0,
            messages_received: 0,
            conversations: 0,
            group_conversations: 0,
            group_messages_sent: 0,
            group_messages_received: 0,
            first_interaction: None,
            last_interaction: None,
            last_sent: None,
            last_received: None,
            active_months: 0,
            active_periods: 0,
            typical_gap_days: None,
            days_since_last_interaction: None,
            reciprocity: 0.0,
            endorsements_given: 0,
            endorsements_received: 0,
            recommendations_given: 0,
            recommendations_received: 0,
            depth: 0.0,
            overdue: None,
            in_touch: false,
            neglect: 0.0,
            ledger_touch: None,
            cadence_days: None,
            snoozed_until: None,
            ignored: false,
        };
        let mut i = item(&m, action, String::new(), "");
        i.score = score;
        i
    }

    fn actions(items: &[PlanItem]) -> Vec<(Action, u32)> {
        items.iter().map(|i| (i.action, i.person.0)).collect()
    }

    #[test]
    fn at_most_three_of_one_action_while_others_have_candidates() {
        let mut items: Vec<PlanItem> = (1..=6)
            .map(|p| dummy(p, Action::Reply, f64::from(p)))
            .collect();
        items.push(dummy(7, Action::Reconnect, 5.0));
        items.push(dummy(8, Action::Reconnect, 9.0));
        items.push(dummy(9, Action::Ask, 1.0));
        let plan = mix(items, 7);
        assert_eq!(
            actions(&plan),
            [
                (Action::Reply, 6),
                (Action::Reply, 5),
                (Action::Reply, 4),
                (Action::Reply, 3),
                (Action::Ask, 9),
                (Action::Reconnect, 8),
                (Action::Reconnect, 7),
            ]
        );
        // Two actions both past the cap: the cap gives way, in precedence order.
        let mut items: Vec<PlanItem> = (1..=5).map(|p| dummy(p, Action::Reply, 1.0)).collect();
        items.extend((6..=10).map(|p| dummy(p, Action::Reconnect, 1.0)));
        let plan = mix(items, 7);
        let replies = plan.iter().filter(|i| i.action == Action::Reply).count();
        assert_eq!((plan.len(), replies), (7, 4));
    }

    #[test]
    fn limit_zero_is_everything_in_precedence_order() {
        let items = vec![
            dummy(1, Action::Reconnect, 50.0),
            dummy(2, Action::Reply, 1.0),
            dummy(3, Action::Reply, 2.0),
            dummy(4, Action::Reciprocate, 7.0),
        ];
        let plan = mix(items, 0);
        assert_eq!(
            actions(&plan),
            [
                (Action::Reply, 3),
                (Action::Reply, 2),
                (Action::Reciprocate, 4),
                (Action::Reconnect, 1)
            ]
        );
    }

    #[test]
    fn one_action_alone_is_not_capped() {
        let items: Vec<PlanItem> = (1..=5).map(|p| dummy(p, Action::Ask, 1.0)).collect();
        assert_eq!(mix(items, 7).len(), 5);
    }

    #[test]
    fn folding_keeps_the_most_pressing_and_names_the_rest() {
        // An export with no dates needs an as-of day (it is never 1970).
        let options = crate::Options {
            as_of: crate::dates::parse_iso_day("2026-10-05"),
            ..crate::Options::default()
        };
        let network = Network::from_export(&crate::Export::default(), &options)
            .expect("an empty export builds");
        let c = |action, score, short: &str| Candidate {
            item: dummy(3, action, score),
            short: short.to_string(),
        };
        let items = fold(
            &network,
            vec![
                c(Action::Reconnect, 90.0, "the tie has gone cold"),
                c(Action::Reply, 10.0, "they wrote last"),
                c(Action::Ask, 50.0, "you could ask them about X"),
            ],
        );
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].action, Action::Reply);
        assert_eq!(items[0].also, [Action::Ask, Action::Reconnect]);
        assert!(
            items[0]
                .why_now
                .ends_with("Also: you could ask them about X and the tie has gone cold."),
            "{}",
            items[0].why_now
        );
    }
}
