//! Per-person metrics, computed with polars from the network's interactions.
//! Each person's interactions are first summed in one pass over them (they
//! come sorted by person and day): counts by kind, first and last days,
//! active months and periods; polars then computes every score on one row
//! per person.
//!
//! One row per person other than the owner. The formulas, in words:
//!
//! - **active period**: days with a direct message either way, where messages
//!   less than [`PERIOD_GAP_DAYS`] apart belong to the same period;
//! - **typical gap** (`typical_gap_days`): the median number of days between
//!   the starts of two consecutive active periods: the relationship's own
//!   rhythm. Unknown with a single period;
//! - **depth** (0–100): how much real two-way exchange there was. Up to 40 for
//!   messages both ways (the smaller of sent and received, full at 15), up to
//!   30 for how many months had a message (full at 12) — both only if the
//!   exchange went both ways, so a recruiter writing five times adds nothing —
//!   up to 10 for group conversations together (full at 2), up to 15 for
//!   recommendations (10 each, either way), up to 5 for endorsements (2.5 each);
//! - **in touch**: the last interaction is within [`IN_TOUCH_DAYS`] days, or
//!   within twice the typical gap;
//! - **overdue**: days since the last interaction divided by the typical gap
//!   (a gap shorter than 14 days counts as 14, longer than a year as a year,
//!   unknown as [`DEFAULT_RHYTHM_DAYS`]);
//! - **neglect** (0–100): for two-way ties of depth at least
//!   [`MIN_NEGLECTED_DEPTH`] that are not in touch, `depth × (1 − 1/overdue)`:
//!   deep ties silent many times longer than their own rhythm score highest.
//!   Zero for everybody else.
//!
//! [`compute_with`] applies the user's [ledger](crate::ledger): a touch counts
//! as an interaction (`last_interaction`, so in touch, overdue and neglect);
//! a cadence replaces the inferred rhythm for overdue and in touch, uncapped
//! (in touch then means within the cadence, not within [`IN_TOUCH_DAYS`]);
//! snoozed and ignored people keep their scores but are marked, and the
//! suggesting reports leave them off. A touch after the as-of date counts as
//! on the as-of date.

use std::collections::HashMap;

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::identity::PersonId;
use crate::ledger::Effects;
use crate::network::{InteractionKind, Network, Tie, day_date, day_number};

/// Messages less than this many days apart are one period of activity.
pub const PERIOD_GAP_DAYS: i32 = 7;
/// An interaction this recent always counts as being in touch.
pub const IN_TOUCH_DAYS: i32 = 90;
/// The least depth a tie needs to be called neglected.
pub const MIN_NEGLECTED_DEPTH: f64 = 20.0;
/// The rhythm assumed for a relationship with a single active period.
pub const DEFAULT_RHYTHM_DAYS: f64 = 180.0;

/// One person's metrics, as in the DataFrame's columns of the same names.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PersonMetrics {
    /// The person's id (their node index in the graph).
    pub person_id: u32,
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// Current company (connections only).
    pub company: Option<String>,
    /// Current position (connections only).
    pub position: Option<String>,
    /// Whether they are a first-degree connection.
    pub is_connection: bool,
    /// When you connected.
    pub connected_on: Option<chrono::NaiveDate>,
    /// Direct messages you sent them.
    pub messages_sent: u32,
    /// Direct messages they sent you.
    pub messages_received: u32,
    /// Conversations of any kind you share.
    pub conversations: u32,
    /// Group conversations you share.
    pub group_conversations: u32,
    /// Your messages in groups they are in.
    pub group_messages_sent: u32,
    /// Their messages in groups you are in.
    pub group_messages_received: u32,
    /// First message either way (direct or group).
    pub first_interaction: Option<chrono::NaiveDate>,
    /// Last message either way (direct or group), or touch from your ledger.
    pub last_interaction: Option<chrono::NaiveDate>,
    /// Last direct message you sent them.
    pub last_sent: Option<chrono::NaiveDate>,
    /// Last direct message they sent you.
    pub last_received: Option<chrono::NaiveDate>,
    /// Months with a direct message either way.
    pub active_months: u32,
    /// Periods of direct activity (see the module docs).
    pub active_periods: u32,
    /// Median days between the starts of active periods.
    pub typical_gap_days: Option<f64>,
    /// Days from the last interaction to the as-of date.
    pub days_since_last_interaction: Option<i32>,
    /// The smaller of sent and received over the larger (0 = one-way, 1 = balanced).
    pub reciprocity: f64,
    /// Endorsements you gave them.
    pub endorsements_given: u32,
    /// Endorsements they gave you.
    pub endorsements_received: u32,
    /// Recommendations you wrote for them.
    pub recommendations_given: u32,
    /// Recommendations they wrote for you.
    pub recommendations_received: u32,
    /// Depth of the relationship, 0–100.
    pub depth: f64,
    /// Silence measured in the relationship's own rhythm.
    pub overdue: Option<f64>,
    /// Whether you are currently in touch.
    pub in_touch: bool,
    /// How neglected the relationship is, 0–100 (0 unless it qualifies).
    pub neglect: f64,
    /// The latest touch from your ledger, in words (`coffee on 2026-11-30`).
    pub ledger_touch: Option<String>,
    /// The cadence from your ledger, in days, replacing the inferred rhythm.
    pub cadence_days: Option<u32>,
    /// Snoozed in your ledger until this day (only while it is still ahead).
    pub snoozed_until: Option<chrono::NaiveDate>,
    /// Ignored in your ledger: never suggested.
    pub ignored: bool,
}

impl PersonMetrics {
    /// Whether your ledger keeps them off the suggesting lists (snoozed or ignored).
    pub fn hidden(&self) -> bool {
        self.ignored || self.snoozed_until.is_some()
    }
}

/// The metrics of every person, as a polars DataFrame and as typed rows.
#[derive(Debug, Clone)]
pub struct Metrics {
    /// One row per person; columns named as the fields of [`PersonMetrics`],
    /// dates as polars `Date`.
    pub frame: DataFrame,
    /// The same rows, typed, in `person_id` order (scores rounded to 0.1,
    /// ratios to 0.01).
    pub rows: Vec<PersonMetrics>,
}

impl Metrics {
    /// The row of one person.
    pub fn get(&self, id: PersonId) -> Option<&PersonMetrics> {
        self.rows
            .binary_search_by_key(&id.0, |r| r.person_id)
            .ok()
            .map(|i| &self.rows[i])
    }
}

fn polars_error(e: PolarsError) -> Error {
    Error::Metrics(e)
}

/// Computes every person's metrics as of the network's as-of date.
///
/// ```
/// let export = rekindle::Export::open("../../data-samples/2026")?;
/// let network = rekindle::Network::from_export(&export, &Default::default())?;
/// let metrics = rekindle::metrics::compute(&network)?;
/// assert!(metrics.frame.column("neglect").is_ok());
/// # Ok::<(), rekindle::Error>(())
/// ```
pub fn compute(network: &Network) -> Result<Metrics> {
    compute_with(network, &Effects::none())
}

/// Computes every person's metrics with the user's ledger applied (see the
/// module docs).
///
/// ```
/// use rekindle::ledger::{Effects, Ledger};
/// let export = rekindle::Export::open("../../data-samples/2026")?;
/// let network = rekindle::Network::from_export(&export, &Default::default())?;
/// let ledger = Ledger::parse(
///     "version = 1\n[people.\"maya okonkwo-reyes\"]\nname = \"Maya Okonkwo-Reyes\"\n\
///      touches = [{ on = 2026-09-30, how = \"coffee\" }]\n",
///     "ledger.toml",
/// )?;
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
/// let metrics = rekindle::metrics::compute_with(&network, &Effects::new(&ledger, &network.people, today))?;
/// let maya = metrics.rows.iter().find(|m| m.name == "Maya Okonkwo-Reyes").unwrap();
/// assert!(maya.in_touch);
/// assert_eq!(maya.last_interaction.map(|d| d.to_string()).as_deref(), Some("2026-09-30"));
/// assert_eq!(maya.ledger_touch.as_deref(), Some("coffee on 2026-09-30"));
/// # Ok::<(), rekindle::Error>(())
/// ```
pub fn compute_with(network: &Network, effects: &Effects) -> Result<Metrics> {
    let raw = compute_frame(network, effects).map_err(polars_error)?;
    let rows = extract_rows(&raw).map_err(polars_error)?;
    let frame = raw
        .lazy()
        .with_columns(
            DATE_COLUMNS
                .iter()
                .map(|c| col(*c).cast(DataType::Date))
                .collect::<Vec<_>>(),
        )
        .collect()
        .map_err(polars_error)?;
    Ok(Metrics { frame, rows })
}

const DATE_COLUMNS: [&str; 6] = [
    "connected_on",
    "first_interaction",
    "last_interaction",
    "last_sent",
    "last_received",
    "snoozed_until",
];

/// The ledger's effects, one row per person they apply to.
fn effects_frame(effects: &Effects, as_of: i32) -> PolarsResult<DataFrame> {
    let mut rows: Vec<_> = effects.iter().collect();
    rows.sort_by_key(|(id, _)| *id);
    fn touch(e: &crate::ledger::PersonEffect) -> Option<&crate::ledger::Touch> {
        e.last_touch.as_ref()
    }
    df!(
        "person_id" => rows.iter().map(|(id, _)| id.0).collect::<Vec<u32>>(),
        // A touch after the as-of date counts as on it.
        "touch_day" => rows.iter().map(|(_, e)| touch(e).map(|t| day_number(t.on).min(as_of))).collect::<Vec<_>>(),
        "ledger_touch" => rows.iter().map(|(_, e)| touch(e).map(|t| format!("{} on {}", t.how, t.on))).collect::<Vec<_>>(),
        "cadence_days" => rows.iter().map(|(_, e)| e.cadence_days).collect::<Vec<_>>(),
        "snoozed_until" => rows.iter().map(|(_, e)| e.snoozed_until.map(day_number)).collect::<Vec<_>>(),
        "ignored" => rows.iter().map(|(_, e)| e.ignored).collect::<Vec<bool>>(),
    )
}

/// The people and what the graph says of them, one row each, before any message metric.
fn people_frame(network: &Network) -> PolarsResult<DataFrame> {
    let n = network.people.len().saturating_sub(1);
    let mut ids = Vec::with_capacity(n);
    let mut names = Vec::with_capacity(n);
    let mut urls = Vec::with_capacity(n);
    let mut companies = Vec::with_capacity(n);
    let mut positions = Vec::with_capacity(n);
    let mut is_connection = Vec::with_capacity(n);
    let mut connected_on = Vec::with_capacity(n);
    for (id, _) in network.people.iter().skip(1) {
        let node = network.node(id);
        ids.push(id.0);
        names.push(node.name.as_str());
        urls.push(node.profile_url.as_deref());
        companies.push(node.company.as_deref());
        positions.push(node.position.as_deref());
        is_connection.push(node.is_connection);
        connected_on.push(node.connected_on.map(day_number));
    }
    // Ties other than messages, counted per person and direction.
    let mut counts: HashMap<(u32, &str), u32> = HashMap::new();
    let owner = network.owner_node();
    for e in network.graph.raw_edges() {
        let (from, to) = (e.source(), e.target());
        let (other, given) = if from == owner {
            (to, true)
        } else if to == owner {
            (from, false)
        } else {
            continue;
        };
        let key = match (&e.weight, given) {
            (Tie::Endorsement { .. }, true) => "endorsements_given",
            (Tie::Endorsement { .. }, false) => "endorsements_received",
            (Tie::Recommendation { .. }, true) => "recommendations_given",
            (Tie::Recommendation { .. }, false) => "recommendations_received",
            _ => continue,
        };
        *counts.entry((other.index() as u32, key)).or_default() += 1;
    }
    let mut conversations: HashMap<u32, (u32, u32)> = HashMap::new();
    for c in &network.conversations {
        if c.is_sponsored() {
            continue;
        }
        for p in &c.participants {
            let entry = conversations.entry(p.0).or_default();
            entry.0 += 1;
            entry.1 += u32::from(c.is_group());
        }
    }
    let count = |key: &str| -> Vec<u32> {
        ids.iter()
            .map(|id| counts.get(&(*id, key)).copied().unwrap_or(0))
            .collect()
    };
    // Each person's activity, looked up once, in the rows' order.
    let activities = activities(&network.interactions, network.people.len());
    let rows: Vec<Activity> = ids
        .iter()
        .map(|&id| activities.get(id as usize).copied().unwrap_or_default())
        .collect();
    let column = |f: fn(&Activity) -> u32| rows.iter().map(f).collect::<Vec<u32>>();
    let day = |f: fn(&Activity) -> Option<i32>| rows.iter().map(f).collect::<Vec<Option<i32>>>();
    df!(
        "person_id" => &ids,
        "messages_sent" => column(|a| a.sent),
        "messages_received" => column(|a| a.received),
        "group_messages_sent" => column(|a| a.group_sent),
        "group_messages_received" => column(|a| a.group_received),
        "first_interaction" => day(|a| a.first),
        "last_interaction" => day(|a| a.last),
        "last_sent" => day(|a| a.last_sent),
        "last_received" => day(|a| a.last_received),
        "active_months" => column(|a| a.active_months),
        "active_periods" => column(|a| a.periods),
        "typical_gap_days" => rows.iter().map(|a| a.typical_gap).collect::<Vec<Option<f64>>>(),
        "name" => names,
        "profile_url" => urls,
        "company" => companies,
        "position" => positions,
        "is_connection" => is_connection,
        "connected_on" => connected_on,
        "conversations" => ids.iter().map(|id| conversations.get(id).map_or(0, |c| c.0)).collect::<Vec<u32>>(),
        "group_conversations" => ids.iter().map(|id| conversations.get(id).map_or(0, |c| c.1)).collect::<Vec<u32>>(),
        "endorsements_given" => count("endorsements_given"),
        "endorsements_received" => count("endorsements_received"),
        "recommendations_given" => count("recommendations_given"),
        "recommendations_received" => count("recommendations_received"),
    )
}

/// One person's interactions, summed (see [`activities`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Activity {
    sent: u32,
    received: u32,
    group_sent: u32,
    group_received: u32,
    /// Day numbers: of the first and last interaction of any kind, and of
    /// the last one-to-one message each way.
    first: Option<i32>,
    last: Option<i32>,
    last_sent: Option<i32>,
    last_received: Option<i32>,
    /// Distinct months with a direct message either way.
    active_months: u32,
    /// Active periods (see the module docs), and the median gap between
    /// their starts (none with a single period).
    periods: u32,
    typical_gap: Option<f64>,
}

/// Each person's [`Activity`], indexed by person id (of `people`), in one
/// pass over the interactions, which come sorted by person and day: the
/// distinct days of direct messages start a new period after a gap of more
/// than [`PERIOD_GAP_DAYS`].
fn activities(interactions: &crate::network::Interactions, people: usize) -> Vec<Activity> {
    debug_assert!((interactions.person.iter().zip(&interactions.day)).is_sorted_by(|a, b| a <= b));
    let mut out = vec![Activity::default(); people];
    let mut keep = |person: u32, activity: Activity| {
        if let Some(slot) = out.get_mut(person as usize) {
            *slot = activity;
        }
    };
    let mut current: Option<(u32, Activity)> = None;
    let (mut last_day, mut last_start, mut last_month) = (i32::MIN, 0, None);
    let mut gaps: Vec<i32> = Vec::new();
    let rows = (interactions.person.iter().zip(&interactions.day))
        .zip(interactions.kind.iter().zip(&interactions.count));
    for ((&person, &day), (&kind, &count)) in rows {
        if current.is_none_or(|(p, _)| p != person) {
            if let Some((p, mut activity)) = current.take() {
                activity.typical_gap = median(&mut gaps);
                keep(p, activity);
            }
            gaps.clear();
            last_month = None;
            current = Some((person, Activity::default()));
        }
        let Some((_, a)) = current.as_mut() else {
            continue;
        };
        a.first = a.first.or(Some(day));
        a.last = Some(day);
        let total = match kind {
            InteractionKind::DirectSent => {
                a.last_sent = Some(day);
                &mut a.sent
            }
            InteractionKind::DirectReceived => {
                a.last_received = Some(day);
                &mut a.received
            }
            InteractionKind::GroupSent => &mut a.group_sent,
            InteractionKind::GroupReceived => &mut a.group_received,
        };
        *total = total.saturating_add(count);
        if (kind as u8) >= InteractionKind::GroupSent as u8 {
            continue;
        }
        let month = crate::timeline::month_index(day_date(day));
        if last_month != Some(month) {
            a.active_months += 1;
            last_month = Some(month);
        }
        if a.periods == 0 {
            (a.periods, last_day, last_start) = (1, day, day);
            continue;
        }
        if day > last_day + PERIOD_GAP_DAYS {
            gaps.push(day - last_start);
            a.periods += 1;
            last_start = day;
        }
        last_day = day;
    }
    if let Some((p, mut activity)) = current {
        activity.typical_gap = median(&mut gaps);
        keep(p, activity);
    }
    out
}

/// The median, as polars takes it (the mean of the two middle values).
fn median(values: &mut [i32]) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(values[n / 2])),
        _ => {
            let (low, high) = (f64::from(values[n / 2 - 1]), f64::from(values[n / 2]));
            Some(low + (high - low) * 0.5)
        }
    }
}

fn compute_frame(network: &Network, effects: &Effects) -> PolarsResult<DataFrame> {
    let as_of = day_number(network.as_of);
    let f = |name: &str| col(name).cast(DataType::Float64);
    // `value / full`, capped at 1.
    let saturate = |e: Expr, full: f64| {
        let share = e / lit(full);
        when(share.clone().gt(lit(1.0)))
            .then(lit(1.0))
            .otherwise(share)
    };
    let smaller = when(col("messages_sent").lt(col("messages_received")))
        .then(f("messages_sent"))
        .otherwise(f("messages_received"));
    let larger = when(col("messages_sent").gt(col("messages_received")))
        .then(f("messages_sent"))
        .otherwise(f("messages_received"));
    let two_way = col("messages_sent")
        .gt(lit(0))
        .and(col("messages_received").gt(lit(0)));
    let rhythm_days = {
        let g = col("typical_gap_days").fill_null(lit(DEFAULT_RHYTHM_DAYS));
        let g = when(g.clone().lt(lit(14.0))).then(lit(14.0)).otherwise(g);
        let g = when(g.clone().gt(lit(365.0))).then(lit(365.0)).otherwise(g);
        // The ledger's cadence, when there is one, uncapped.
        f("cadence_days").fill_null(g)
    };
    let exchange = when(two_way.clone())
        .then(
            saturate(smaller.clone(), 15.0) * lit(40.0)
                + saturate(f("active_months"), 12.0) * lit(30.0),
        )
        .otherwise(lit(0.0));
    let depth = exchange
        + saturate(f("group_conversations"), 2.0) * lit(10.0)
        + saturate(
            f("recommendations_given") + f("recommendations_received"),
            1.5,
        ) * lit(15.0)
        + saturate(f("endorsements_given") + f("endorsements_received"), 2.0) * lit(5.0);

    let people = people_frame(network)?.lazy();
    let frame = people
        .join(
            effects_frame(effects, as_of)?.lazy(),
            [col("person_id")],
            [col("person_id")],
            JoinArgs::new(JoinType::Left),
        )
        .with_columns([
            // A ledger touch counts as an interaction.
            when(
                col("touch_day")
                    .gt(col("last_interaction"))
                    .or(col("last_interaction").is_null()),
            )
            .then(col("touch_day"))
            .otherwise(col("last_interaction"))
            .alias("last_interaction"),
            col("ignored").fill_null(lit(false)),
        ])
        .with_columns([
            (lit(as_of) - col("last_interaction")).alias("days_since_last_interaction"),
            when(larger.clone().gt(lit(0.0)))
                .then(smaller / larger)
                .otherwise(lit(0.0))
                .alias("reciprocity"),
            depth.alias("depth"),
            rhythm_days.alias("rhythm_days"),
        ])
        .with_columns([
            (f("days_since_last_interaction") / col("rhythm_days")).alias("overdue"),
            when(col("cadence_days").is_not_null())
                .then(f("days_since_last_interaction").lt_eq(col("rhythm_days")))
                .otherwise(
                    col("days_since_last_interaction")
                        .lt_eq(lit(IN_TOUCH_DAYS))
                        .or(f("days_since_last_interaction").lt_eq(col("rhythm_days") * lit(2.0))),
                )
                .fill_null(lit(false))
                .alias("in_touch"),
        ])
        .with_column(
            when(
                two_way
                    .and(col("depth").gt_eq(lit(MIN_NEGLECTED_DEPTH)))
                    .and(col("in_touch").not())
                    .and(col("overdue").gt(lit(1.0))),
            )
            .then(col("depth") * (lit(1.0) - lit(1.0) / col("overdue")))
            .otherwise(lit(0.0))
            .alias("neglect"),
        )
        .select([
            col("person_id"),
            col("name"),
            col("profile_url"),
            col("company"),
            col("position"),
            col("is_connection"),
            col("connected_on"),
            col("messages_sent"),
            col("messages_received"),
            col("conversations"),
            col("group_conversations"),
            col("group_messages_sent"),
            col("group_messages_received"),
            col("first_interaction").cast(DataType::Int32),
            col("last_interaction").cast(DataType::Int32),
            col("last_sent").cast(DataType::Int32),
            col("last_received").cast(DataType::Int32),
            col("active_months"),
            col("active_periods"),
            col("typical_gap_days"),
            col("days_since_last_interaction").cast(DataType::Int32),
            col("reciprocity"),
            col("endorsements_given"),
            col("endorsements_received"),
            col("recommendations_given"),
            col("recommendations_received"),
            col("depth"),
            col("overdue"),
            col("in_touch"),
            col("neglect"),
            col("ledger_touch"),
            col("cadence_days").cast(DataType::UInt32),
            col("snoozed_until").cast(DataType::Int32),
            col("ignored"),
        ])
        .sort(["person_id"], SortMultipleOptions::default())
        .collect()?;
    Ok(frame)
}

/// Rounds to `1/scale` (the typed rows are for reading; the frame stays exact).
fn round(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

fn extract_rows(frame: &DataFrame) -> PolarsResult<Vec<PersonMetrics>> {
    let u32s = |name: &str| -> PolarsResult<Vec<u32>> {
        Ok(frame
            .column(name)?
            .u32()?
            .iter()
            .map(|v| v.unwrap_or(0))
            .collect())
    };
    let i32s = |name: &str| -> PolarsResult<Vec<Option<i32>>> {
        Ok(frame.column(name)?.i32()?.iter().collect())
    };
    let f64s = |name: &str| -> PolarsResult<Vec<Option<f64>>> {
        Ok(frame.column(name)?.f64()?.iter().collect())
    };
    let strs = |name: &str| -> PolarsResult<Vec<Option<String>>> {
        Ok(frame
            .column(name)?
            .str()?
            .iter()
            .map(|s| s.map(str::to_string))
            .collect())
    };
    let bools = |name: &str| -> PolarsResult<Vec<bool>> {
        Ok(frame
            .column(name)?
            .bool()?
            .iter()
            .map(|b| b.unwrap_or(false))
            .collect())
    };
    let date = |d: Option<i32>| d.map(day_date);
    let ids = u32s("person_id")?;
    let names = strs("name")?;
    let urls = strs("profile_url")?;
    let companies = strs("company")?;
    let positions = strs("position")?;
    let is_connection = bools("is_connection")?;
    let connected_on = i32s("connected_on")?;
    let sent = u32s("messages_sent")?;
    let received = u32s("messages_received")?;
    let conversations = u32s("conversations")?;
    let groups = u32s("group_conversations")?;
    let group_sent = u32s("group_messages_sent")?;
    let group_received = u32s("group_messages_received")?;
    let first = i32s("first_interaction")?;
    let last = i32s("last_interaction")?;
    let last_sent = i32s("last_sent")?;
    let last_received = i32s("last_received")?;
    let months = u32s("active_months")?;
    let periods = u32s("active_periods")?;
    let gaps = f64s("typical_gap_days")?;
    let since = i32s("days_since_last_interaction")?;
    let reciprocity = f64s("reciprocity")?;
    let eg = u32s("endorsements_given")?;
    let er = u32s("endorsements_received")?;
    let rg = u32s("recommendations_given")?;
    let rr = u32s("recommendations_received")?;
    let depth = f64s("depth")?;
    let overdue = f64s("overdue")?;
    let in_touch = bools("in_touch")?;
    let neglect = f64s("neglect")?;
    let ledger_touch = strs("ledger_touch")?;
    let cadence: Vec<Option<u32>> = frame.column("cadence_days")?.u32()?.iter().collect();
    let snoozed_until = i32s("snoozed_until")?;
    let ignored = bools("ignored")?;
    // Texts move into the rows: each column holds one per row, in order.
    let (mut names, mut urls, mut companies, mut positions, mut ledger_touch) = (
        names.into_iter(),
        urls.into_iter(),
        companies.into_iter(),
        positions.into_iter(),
        ledger_touch.into_iter(),
    );
    Ok((0..frame.height())
        .map(|i| PersonMetrics {
            person_id: ids[i],
            name: names.next().flatten().unwrap_or_default(),
            profile_url: urls.next().flatten(),
            company: companies.next().flatten(),
            position: positions.next().flatten(),
            is_connection: is_connection[i],
            connected_on: date(connected_on[i]),
            messages_sent: sent[i],
            messages_received: received[i],
            conversations: conversations[i],
            group_conversations: groups[i],
            group_messages_sent: group_sent[i],
            group_messages_received: group_received[i],
            first_interaction: date(first[i]),
            last_interaction: date(last[i]),
            last_sent: date(last_sent[i]),
            last_received: date(last_received[i]),
            active_months: months[i],
            active_periods: periods[i],
            typical_gap_days: gaps[i],
            days_since_last_interaction: since[i],
            reciprocity: round(reciprocity[i].unwrap_or(0.0), 100.0),
            endorsements_given: eg[i],
            endorsements_received: er[i],
            recommendations_given: rg[i],
            recommendations_received: rr[i],
            depth: round(depth[i].unwrap_or(0.0), 10.0),
            overdue: overdue[i].map(|o| round(o, 100.0)),
            in_touch: in_touch[i],
            neglect: round(neglect[i].unwrap_or(0.0), 10.0),
            ledger_touch: ledger_touch.next().flatten(),
            cadence_days: cadence[i],
            snoozed_until: date(snoozed_until[i]),
            ignored: ignored[i],
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Interactions;

    #[test]
    fn one_pass_sums_each_persons_interactions_and_finds_their_rhythm() {
        use InteractionKind::*;
        // (person, day, kind), sorted as the network gives them.
        let rows = [
            (1, 0, DirectSent),
            (1, 0, DirectReceived),
            (1, 3, DirectReceived),
            (1, 10, GroupSent),
            (1, 20, DirectSent),
            (1, 27, DirectSent),
            (1, 60, DirectReceived),
            (2, 5, GroupReceived),
            (3, 1, DirectSent),
            (4, 0, DirectSent),
            (4, 10, DirectSent),
            (4, 40, DirectSent),
        ];
        let interactions = Interactions {
            person: rows.iter().map(|r| r.0).collect(),
            day: rows.iter().map(|r| r.1).collect(),
            kind: rows.iter().map(|r| r.2).collect(),
            count: vec![1; rows.len()],
        };
        let all = activities(&interactions, 6);
        let rhythm = |p: usize| all.get(p).map(|a| (a.periods, a.typical_gap));
        // Starts 0, 20 (27 is within a week of 20, the group day 10 does
        // not count) and 60: gaps 20 and 40, median 30.
        assert_eq!(rhythm(1), Some((3, Some(30.0))));
        // Only group messages: no direct period at all.
        assert_eq!(rhythm(2), Some((0, None)));
        // One period: no rhythm.
        assert_eq!(rhythm(3), Some((1, None)));
        // Starts 0, 10, 40: gaps 10 and 30.
        assert_eq!(rhythm(4), Some((3, Some(20.0))));
        // The sums and days, as polars grouped them before.
        let one = all[1];
        assert_eq!(
            (one.sent, one.received, one.group_sent, one.group_received),
            (3, 3, 1, 0)
        );
        assert_eq!((one.first, one.last), (Some(0), Some(60)));
        assert_eq!((one.last_sent, one.last_received), (Some(27), Some(60)));
        // Direct days 0, 3, 20, 27 (January 1970) and 60 (2 March); the group
        // day 10 does not count.
        assert_eq!(one.active_months, 2);
        let two = all[2];
        assert_eq!(
            (two.group_received, two.active_months, two.last_sent),
            (1, 0, None)
        );
        assert_eq!((two.first, two.last), (Some(5), Some(5)));
        // Nobody else has any.
        assert_eq!(all[5], Activity::default());
        assert_eq!(median(&mut [9, 5, 100]), Some(9.0));
        assert_eq!(median(&mut []), None);
    }
}
