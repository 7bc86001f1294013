//! Per-person metrics, computed with polars from the network's interactions.
//! Each person's interactions are first summed in one pass over them (they
//! come sorted by person and day): counts by kind, first and last days,
//! active months and periods; polars then computes every score on one row
//! per person who has anything to score (messages, shared conversations,
//! endorsements, recommendations or a ledger entry: a few thousand of a
//! network's tens of thousands). Everyone else's scores are what the
//! formulas give for nothing.
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

mod activity;
mod scores;

use polars::prelude::*;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::identity::PersonId;
use crate::ledger::Effects;
use crate::network::{Network, day_date, day_number};

use activity::Inputs;
use scores::Scores;

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
    /// Their name (shared with the graph's node, not copied).
    pub name: Arc<str>,
    /// Their profile link, if known.
    pub profile_url: Option<Arc<str>>,
    /// Current company (connections only).
    pub company: Option<Arc<str>>,
    /// Current position (connections only).
    pub position: Option<Arc<str>>,
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

/// The metrics of every person, as typed rows and as a polars DataFrame.
#[derive(Debug, Clone)]
pub struct Metrics {
    /// One row per person, in `person_id` order (scores rounded to 0.1,
    /// ratios to 0.01).
    pub rows: Vec<PersonMetrics>,
    /// The exact scores of the people polars scored, in `person_id` order
    /// (everyone else's are exact in `rows`): [`Metrics::frame`]'s.
    exact: Vec<Exact>,
}

/// The scores the typed rows round.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Exact {
    person_id: u32,
    reciprocity: f64,
    depth: f64,
    overdue: Option<f64>,
    neglect: f64,
}

impl Exact {
    fn of(s: &Scores) -> Exact {
        Exact {
            person_id: s.person_id,
            reciprocity: s.reciprocity,
            depth: s.depth,
            overdue: s.overdue,
            neglect: s.neglect,
        }
    }
}

impl Metrics {
    /// The row of one person.
    pub fn get(&self, id: PersonId) -> Option<&PersonMetrics> {
        self.rows
            .binary_search_by_key(&id.0, |r| r.person_id)
            .ok()
            .map(|i| &self.rows[i])
    }

    /// The rows as a polars DataFrame, built on each call: columns named
    /// and ordered as the fields of [`PersonMetrics`], dates as polars
    /// `Date`, scores exact (not rounded).
    ///
    /// ```
    /// let export = rekindle::Export::open("../../data-samples/2026")?;
    /// let network = rekindle::Network::from_export(&export, &Default::default())?;
    /// let metrics = rekindle::metrics::compute(&network)?;
    /// let frame = metrics.frame()?;
    /// assert_eq!(frame.height(), metrics.rows.len());
    /// assert!(frame.column("neglect").is_ok());
    /// # Ok::<(), rekindle::Error>(())
    /// ```
    pub fn frame(&self) -> Result<DataFrame> {
        metrics_frame(&self.rows, &self.exact).map_err(polars_error)
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
/// assert!(metrics.rows.iter().any(|m| m.neglect > 0.0));
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
/// let maya = metrics.rows.iter().find(|m| &*m.name == "Maya Okonkwo-Reyes").unwrap();
/// assert!(maya.in_touch);
/// assert_eq!(maya.last_interaction.map(|d| d.to_string()).as_deref(), Some("2026-09-30"));
/// assert_eq!(maya.ledger_touch.as_deref(), Some("coffee on 2026-09-30"));
/// # Ok::<(), rekindle::Error>(())
/// ```
pub fn compute_with(network: &Network, effects: &Effects) -> Result<Metrics> {
    compute_scoring(network, effects, |id, inputs| {
        scores::to_score(id, inputs, effects)
    })
}

/// [`compute_with`], with polars scoring the people `scored` picks (the
/// tests have it score everyone, to hold [`Scores::quiet`] to the formulas).
fn compute_scoring(
    network: &Network,
    effects: &Effects,
    scored: impl Fn(PersonId, &Inputs) -> bool,
) -> Result<Metrics> {
    let inputs = activity::inputs(network);
    let input_of = |id: PersonId| inputs.get(id.index()).copied().unwrap_or_default();
    let people = || network.people.iter().skip(1).map(|(id, _)| id);
    let ids: Vec<u32> = people()
        .filter(|&id| scored(id, &input_of(id)))
        .map(|id| id.0)
        .collect();
    let as_of = day_number(network.as_of);
    let computed = if ids.is_empty() {
        Vec::new()
    } else {
        scores::score(&inputs, &ids, effects, as_of).map_err(polars_error)?
    };
    if !computed.iter().map(|s| s.person_id).eq(ids.iter().copied()) {
        return Err(polars_error(polars_err!(
            ComputeError: "the scores came back for other people than were scored"
        )));
    }
    let mut computed = computed.into_iter().peekable();
    let mut exact = Vec::with_capacity(ids.len());
    let rows = people()
        .map(|id| {
            let scores = match computed.next_if(|s| s.person_id == id.0) {
                Some(scored) => {
                    exact.push(Exact::of(&scored));
                    scored
                }
                None => Scores::quiet(id.0),
            };
            row(network, id, &input_of(id), scores)
        })
        .collect();
    Ok(Metrics { rows, exact })
}

/// One person's typed row.
fn row(network: &Network, id: PersonId, inputs: &Inputs, s: Scores) -> PersonMetrics {
    let node = network.node(id);
    let a = &inputs.activity;
    let date = |d: Option<i32>| d.map(day_date);
    PersonMetrics {
        person_id: id.0,
        name: node.name.clone(),
        profile_url: node.profile_url.clone(),
        company: node.company.clone(),
        position: node.position.clone(),
        is_connection: node.is_connection,
        connected_on: node.connected_on,
        messages_sent: a.sent,
        messages_received: a.received,
        conversations: inputs.conversations,
        group_conversations: inputs.group_conversations,
        group_messages_sent: a.group_sent,
        group_messages_received: a.group_received,
        first_interaction: date(a.first),
        last_interaction: date(s.last_interaction),
        last_sent: date(a.last_sent),
        last_received: date(a.last_received),
        active_months: a.active_months,
        active_periods: a.periods,
        typical_gap_days: a.typical_gap,
        days_since_last_interaction: s.days_since_last_interaction,
        reciprocity: round(s.reciprocity, 100.0),
        endorsements_given: inputs.endorsements_given,
        endorsements_received: inputs.endorsements_received,
        recommendations_given: inputs.recommendations_given,
        recommendations_received: inputs.recommendations_received,
        depth: round(s.depth, 10.0),
        overdue: s.overdue.map(|o| round(o, 100.0)),
        in_touch: s.in_touch,
        neglect: round(s.neglect, 10.0),
        ledger_touch: s.ledger_touch,
        cadence_days: s.cadence_days,
        snoozed_until: date(s.snoozed_until),
        ignored: s.ignored,
    }
}

/// Rounds to `1/scale` (the typed rows are for reading; the frame stays exact).
fn round(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

/// The frame of [`Metrics::frame`].
fn metrics_frame(rows: &[PersonMetrics], exact: &[Exact]) -> PolarsResult<DataFrame> {
    let mut exact = exact.iter().peekable();
    let scores: Vec<Exact> = rows
        .iter()
        .map(|r| {
            exact
                .next_if(|e| e.person_id == r.person_id)
                .copied()
                .unwrap_or(Exact {
                    person_id: r.person_id,
                    reciprocity: r.reciprocity,
                    depth: r.depth,
                    overdue: r.overdue,
                    neglect: r.neglect,
                })
        })
        .collect();
    let n = |name: &str| PlSmallStr::from(name);
    let u32s = |name: &str, f: fn(&PersonMetrics) -> u32| -> Column {
        Series::new(n(name), rows.iter().map(f).collect::<Vec<u32>>()).into()
    };
    let texts = |name: &str, f: fn(&PersonMetrics) -> Option<&str>| -> Column {
        Series::new(n(name), rows.iter().map(f).collect::<Vec<Option<&str>>>()).into()
    };
    let bools = |name: &str, f: fn(&PersonMetrics) -> bool| -> Column {
        Series::new(n(name), rows.iter().map(f).collect::<Vec<bool>>()).into()
    };
    let dates = |name: &str, f: fn(&PersonMetrics) -> Option<chrono::NaiveDate>| {
        let days: Vec<Option<i32>> = rows.iter().map(|r| f(r).map(day_number)).collect();
        PolarsResult::Ok(Column::from(
            Series::new(n(name), days).cast(&DataType::Date)?,
        ))
    };
    let floats =
        |name: &str, values: Vec<Option<f64>>| -> Column { Series::new(n(name), values).into() };
    let columns = vec![
        u32s("person_id", |r| r.person_id),
        texts("name", |r| Some(&r.name)),
        texts("profile_url", |r| r.profile_url.as_deref()),
        texts("company", |r| r.company.as_deref()),
        texts("position", |r| r.position.as_deref()),
        bools("is_connection", |r| r.is_connection),
        dates("connected_on", |r| r.connected_on)?,
        u32s("messages_sent", |r| r.messages_sent),
        u32s("messages_received", |r| r.messages_received),
        u32s("conversations", |r| r.conversations),
        u32s("group_conversations", |r| r.group_conversations),
        u32s("group_messages_sent", |r| r.group_messages_sent),
        u32s("group_messages_received", |r| r.group_messages_received),
        dates("first_interaction", |r| r.first_interaction)?,
        dates("last_interaction", |r| r.last_interaction)?,
        dates("last_sent", |r| r.last_sent)?,
        dates("last_received", |r| r.last_received)?,
        u32s("active_months", |r| r.active_months),
        u32s("active_periods", |r| r.active_periods),
        floats(
            "typical_gap_days",
            rows.iter().map(|r| r.typical_gap_days).collect(),
        ),
        Series::new(
            n("days_since_last_interaction"),
            rows.iter()
                .map(|r| r.days_since_last_interaction)
                .collect::<Vec<Option<i32>>>(),
        )
        .into(),
        floats(
            "reciprocity",
            scores.iter().map(|s| Some(s.reciprocity)).collect(),
        ),
        u32s("endorsements_given", |r| r.endorsements_given),
        u32s("endorsements_received", |r| r.endorsements_received),
        u32s("recommendations_given", |r| r.recommendations_given),
        u32s("recommendations_received", |r| r.recommendations_received),
        floats("depth", scores.iter().map(|s| Some(s.depth)).collect()),
        floats("overdue", scores.iter().map(|s| s.overdue).collect()),
        bools("in_touch", |r| r.in_touch),
        floats("neglect", scores.iter().map(|s| Some(s.neglect)).collect()),
        texts("ledger_touch", |r| r.ledger_touch.as_deref()),
        Series::new(
            n("cadence_days"),
            rows.iter()
                .map(|r| r.cadence_days)
                .collect::<Vec<Option<u32>>>(),
        )
        .into(),
        dates("snoozed_until", |r| r.snoozed_until)?,
        bools("ignored", |r| r.ignored),
    ];
    DataFrame::new(rows.len(), columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;
    use crate::{Export, Options};

    /// Every sample era, as a network.
    fn networks() -> Vec<(String, Network)> {
        let mut eras: Vec<String> = std::fs::read_dir("../../data-samples")
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir() && e.file_name() != "zips")
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        eras.sort();
        assert!(eras.len() >= 10, "{eras:?}");
        eras.into_iter()
            .map(|era| {
                let network = network(&era);
                (era, network)
            })
            .collect()
    }

    /// One sample era, as a network.
    fn network(era: &str) -> Network {
        let export = Export::open(format!("../../data-samples/{era}")).unwrap();
        Network::from_export(&export, &Options::default()).unwrap()
    }

    /// A ledger that touches, paces, snoozes and ignores people who have no
    /// other inputs.
    fn ledger_of_quiet_people(network: &Network) -> (Ledger, usize) {
        let inputs = activity::inputs(network);
        // Names one person's alone, so that the ledger matches them.
        let mut people_named = std::collections::HashMap::new();
        for (_, p) in network.people.iter() {
            *people_named
                .entry(crate::keys::name_key(&p.name))
                .or_insert(0) += 1;
        }
        let quiet: Vec<&str> = (network.people.iter().skip(1))
            .filter(|(id, p)| {
                inputs[id.0 as usize].is_quiet()
                    && people_named[&crate::keys::name_key(&p.name)] == 1
            })
            .map(|(_, p)| &*p.name)
            .take(4)
            .collect();
        let entries = [
            "touches = [{ on = 2020-01-02, how = \"coffee\" }]",
            "cadence_days = 30\ntouches = [{ on = 2019-05-06, how = \"call\" }]",
            "snoozed_until = 2099-01-01",
            "ignored = true",
        ];
        let mut text = String::from("version = 1\n");
        for (name, entry) in quiet.iter().zip(entries) {
            let key = crate::keys::name_key(name);
            text.push_str(&format!("[people.{key:?}]\nname = {name:?}\n{entry}\n"));
        }
        (Ledger::parse(&text, "ledger.toml").unwrap(), quiet.len())
    }

    #[test]
    fn scoring_only_people_with_inputs_changes_no_row_and_no_frame() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut skipped = 0;
        for (era, network) in networks() {
            let (ledger, quiet) = ledger_of_quiet_people(&network);
            let with_ledger = Effects::new(&ledger, &network.people, today);
            assert_eq!(
                with_ledger.len(),
                quiet,
                "{era}: {:?}",
                with_ledger.warnings()
            );
            for effects in [Effects::none(), with_ledger] {
                let some = compute_with(&network, &effects).unwrap();
                let all = compute_scoring(&network, &effects, |_, _| true).unwrap();
                assert_eq!(all.exact.len(), all.rows.len(), "{era}");
                skipped += all.exact.len() - some.exact.len();
                assert_eq!(some.rows, all.rows, "{era}");
                let (a, b) = (some.frame().unwrap(), all.frame().unwrap());
                assert!(a.equals_missing(&b), "{era}: {a}\n{b}");
            }
        }
        assert!(skipped > 20, "only {skipped} quiet people in the samples");
    }

    #[test]
    fn rows_share_their_nodes_and_persons_texts() {
        let network = network("2026");
        let metrics = compute(&network).unwrap();
        let same = |a: &Option<Arc<str>>, b: &Option<Arc<str>>| match (a, b) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        let mut companies = 0;
        for row in &metrics.rows {
            let id = PersonId(row.person_id);
            let (node, person) = (network.node(id), network.people.get(id));
            assert!(Arc::ptr_eq(&row.name, &node.name), "{}", row.name);
            assert!(Arc::ptr_eq(&node.name, &person.name), "{}", row.name);
            assert!(same(&row.profile_url, &node.profile_url), "{}", row.name);
            assert!(same(&row.company, &node.company), "{}", row.name);
            assert!(same(&row.position, &node.position), "{}", row.name);
            if let Some(c) = &person.connection {
                assert!(same(&node.company, &c.company), "{}", row.name);
                companies += usize::from(c.company.is_some());
            }
        }
        assert!(companies > 5, "only {companies} companies in the sample");
    }

    #[test]
    fn the_frame_has_the_rows_columns_and_exact_scores() {
        let network = network("2026");
        let metrics = compute(&network).unwrap();
        let frame = metrics.frame().unwrap();
        let typed = crate::frames::metrics(&metrics.rows).unwrap();
        assert_eq!(frame.get_column_names(), typed.get_column_names());
        assert_eq!(frame.height(), metrics.rows.len());
        assert_eq!(frame.column("last_sent").unwrap().dtype(), &DataType::Date);
        let exact = frame.column("neglect").unwrap().f64().unwrap();
        let mut unrounded = 0;
        for (row, exact) in metrics.rows.iter().zip(exact.iter()) {
            let exact = exact.unwrap();
            assert_eq!(row.neglect, round(exact, 10.0));
            unrounded += usize::from(exact != row.neglect);
        }
        assert!(unrounded > 0, "no score had more than one decimal");
    }
}
