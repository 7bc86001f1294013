//! The scores, computed with polars on one row per person who has anything
//! to score: messages, shared conversations, endorsements, recommendations
//! or an entry in the ledger. Everyone else's scores are [`Scores::QUIET`],
//! what the same formulas give for nothing (the tests hold the two to each
//! other).

use polars::prelude::*;

use super::activity::Inputs;
use super::{DEFAULT_RHYTHM_DAYS, IN_TOUCH_DAYS, MIN_NEGLECTED_DEPTH};
use crate::identity::PersonId;
use crate::ledger::{Effects, PersonEffect};
use crate::network::day_number;

/// One person's scores, exact (the typed rows round them). The default is
/// a quiet person's: never an interaction, so nothing since, no depth,
/// nothing overdue (see [`Scores::quiet`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Scores {
    pub person_id: u32,
    /// Day numbers: the last interaction, a ledger touch counted.
    pub last_interaction: Option<i32>,
    pub days_since_last_interaction: Option<i32>,
    pub reciprocity: f64,
    pub depth: f64,
    pub overdue: Option<f64>,
    pub in_touch: bool,
    pub neglect: f64,
    pub ledger_touch: Option<String>,
    pub cadence_days: Option<u32>,
    pub snoozed_until: Option<i32>,
    pub ignored: bool,
}

impl Scores {
    /// The scores of a person with no [`Inputs`] and no ledger entry.
    pub fn quiet(person_id: u32) -> Scores {
        Scores {
            person_id,
            ..Scores::default()
        }
    }
}

/// Whether a person has anything to score (see the module docs).
pub(super) fn to_score(id: PersonId, inputs: &Inputs, effects: &Effects) -> bool {
    !inputs.is_quiet() || effects.get(id).is_some()
}

/// The scores of the people `ids` (ascending, none the owner), from their
/// `inputs` (indexed by person id), as of the day number `as_of`.
///
/// The ledger's effects are read per person here, not joined in polars: a
/// touch is folded into the last interaction before the frame is made, and
/// a cadence column exists only when somebody has one. Joined, the ledger's
/// columns were wholly null without a ledger, and polars answers a kernel
/// on a wholly null (or false) column with its shared 8 MiB zeroed buffer,
/// written on first use: 2,048 pages touched at every run.
pub(super) fn score(
    inputs: &[Inputs],
    ids: &[u32],
    effects: &Effects,
    as_of: i32,
) -> PolarsResult<Vec<Scores>> {
    // Each scored person's ledger entry, looked up once.
    let entries: Vec<Option<&PersonEffect>> =
        ids.iter().map(|&id| effects.get(PersonId(id))).collect();
    let cadence = effects.iter().any(|(_, e)| e.cadence_days.is_some());
    let frame = with_scores(
        inputs_frame(inputs, ids, &entries, as_of, cadence)?.lazy(),
        as_of,
        cadence,
    )
    .select([
        col("person_id"),
        col("last_interaction").cast(DataType::Int32),
        col("days_since_last_interaction").cast(DataType::Int32),
        col("reciprocity"),
        col("depth"),
        col("overdue"),
        col("in_touch"),
        col("neglect"),
    ])
    .collect()?;
    let mut scores = extract(&frame)?;
    // The frame keeps the order of `ids` (the caller checks it).
    for (s, entry) in scores.iter_mut().zip(&entries) {
        if let Some(e) = entry {
            s.ledger_touch = touch(e).map(|t| format!("{} on {}", t.how, t.on));
            s.cadence_days = e.cadence_days;
            s.snoozed_until = e.snoozed_until.map(day_number);
            s.ignored = e.ignored;
        }
    }
    Ok(scores)
}

/// The latest touch of a person's ledger entry.
fn touch(e: &PersonEffect) -> Option<&crate::ledger::Touch> {
    e.last_touch.as_ref()
}

/// The people's inputs, one row each, as the formulas name them; the last
/// interaction counts a ledger touch (after the as-of date, as on it), and
/// with `cadence` the ledger's cadences are a column. `entries` are the
/// people's ledger entries, in the order of `ids`.
fn inputs_frame(
    inputs: &[Inputs],
    ids: &[u32],
    entries: &[Option<&PersonEffect>],
    as_of: i32,
    cadence: bool,
) -> PolarsResult<DataFrame> {
    let rows: Vec<Inputs> = ids
        .iter()
        .map(|&id| inputs.get(id as usize).copied().unwrap_or_default())
        .collect();
    let column = |f: fn(&Inputs) -> u32| rows.iter().map(f).collect::<Vec<u32>>();
    let last: Vec<Option<i32>> = (entries.iter().zip(&rows))
        .map(|(entry, i)| {
            let touched = entry.and_then(touch).map(|t| day_number(t.on).min(as_of));
            i.activity.last.max(touched)
        })
        .collect();
    let mut frame = df!(
        "person_id" => ids,
        "messages_sent" => column(|i| i.activity.sent),
        "messages_received" => column(|i| i.activity.received),
        "last_interaction" => last,
        "active_months" => column(|i| i.activity.active_months),
        "typical_gap_days" => rows.iter().map(|i| i.activity.typical_gap).collect::<Vec<Option<f64>>>(),
        "group_conversations" => column(|i| i.group_conversations),
        "endorsements_given" => column(|i| i.endorsements_given),
        "endorsements_received" => column(|i| i.endorsements_received),
        "recommendations_given" => column(|i| i.recommendations_given),
        "recommendations_received" => column(|i| i.recommendations_received),
    )?;
    if cadence {
        let days: Vec<Option<u32>> = entries
            .iter()
            .map(|entry| entry.and_then(|e| e.cadence_days))
            .collect();
        frame.with_column(Series::new("cadence_days".into(), days).into())?;
    }
    Ok(frame)
}

/// The formulas of the module docs, as columns.
fn with_scores(frame: LazyFrame, as_of: i32, cadence: bool) -> LazyFrame {
    let f = float;
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
        if cadence {
            f("cadence_days").fill_null(g)
        } else {
            g
        }
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
    frame
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
            in_touch(cadence).alias("in_touch"),
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
}

/// Within [`IN_TOUCH_DAYS`] or twice the rhythm; with `cadence`, a person
/// with one is in touch within it instead. Never in touch without any
/// interaction: `false and null` is false, so the column has no nulls to
/// fill (a literal `false` would be a scalar column, which polars expands
/// with its shared zeroed buffer).
fn in_touch(cadence: bool) -> Expr {
    let f = float;
    let usual = col("days_since_last_interaction")
        .lt_eq(lit(IN_TOUCH_DAYS))
        .or(f("days_since_last_interaction").lt_eq(col("rhythm_days") * lit(2.0)));
    let within = if cadence {
        when(col("cadence_days").is_not_null())
            .then(f("days_since_last_interaction").lt_eq(col("rhythm_days")))
            .otherwise(usual)
    } else {
        usual
    };
    col("days_since_last_interaction").is_not_null().and(within)
}

/// A column as floats.
fn float(name: &str) -> Expr {
    col(name).cast(DataType::Float64)
}

/// The scored frame's rows (the ledger's fields are filled in after).
fn extract(frame: &DataFrame) -> PolarsResult<Vec<Scores>> {
    let ids = frame.column("person_id")?.u32()?;
    let last = frame.column("last_interaction")?.i32()?;
    let since = frame.column("days_since_last_interaction")?.i32()?;
    let reciprocity = frame.column("reciprocity")?.f64()?;
    let depth = frame.column("depth")?.f64()?;
    let overdue = frame.column("overdue")?.f64()?;
    let in_touch = frame.column("in_touch")?.bool()?;
    let neglect = frame.column("neglect")?.f64()?;
    Ok((0..frame.height())
        .map(|i| Scores {
            person_id: ids.get(i).unwrap_or_default(),
            last_interaction: last.get(i),
            days_since_last_interaction: since.get(i),
            reciprocity: reciprocity.get(i).unwrap_or(0.0),
            depth: depth.get(i).unwrap_or(0.0),
            overdue: overdue.get(i),
            in_touch: in_touch.get(i).unwrap_or(false),
            neglect: neglect.get(i).unwrap_or(0.0),
            ..Scores::default()
        })
        .collect())
}
