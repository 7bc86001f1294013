//! The scores, computed with polars on one row per person who has anything
//! to score: messages, shared conversations, endorsements, recommendations
//! or an entry in the ledger. Everyone else's scores are [`Scores::QUIET`],
//! what the same formulas give for nothing (the tests hold the two to each
//! other).

use polars::prelude::*;

use super::activity::Inputs;
use super::{DEFAULT_RHYTHM_DAYS, IN_TOUCH_DAYS, MIN_NEGLECTED_DEPTH};
use crate::identity::PersonId;
use crate::ledger::Effects;
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
pub(super) fn score(
    inputs: &[Inputs],
    ids: &[u32],
    effects: &Effects,
    as_of: i32,
) -> PolarsResult<Vec<Scores>> {
    let frame = inputs_frame(inputs, ids)?.lazy().join(
        effects_frame(effects, as_of)?.lazy(),
        [col("person_id")],
        [col("person_id")],
        JoinArgs::new(JoinType::Left),
    );
    let frame = with_scores(frame, as_of)
        .select([
            col("person_id"),
            col("last_interaction").cast(DataType::Int32),
            col("days_since_last_interaction").cast(DataType::Int32),
            col("reciprocity"),
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
    extract(&frame)
}

/// The people's inputs, one row each, as the formulas name them.
fn inputs_frame(inputs: &[Inputs], ids: &[u32]) -> PolarsResult<DataFrame> {
    let rows: Vec<Inputs> = ids
        .iter()
        .map(|&id| inputs.get(id as usize).copied().unwrap_or_default())
        .collect();
    let column = |f: fn(&Inputs) -> u32| rows.iter().map(f).collect::<Vec<u32>>();
    df!(
        "person_id" => ids,
        "messages_sent" => column(|i| i.activity.sent),
        "messages_received" => column(|i| i.activity.received),
        "last_interaction" => rows.iter().map(|i| i.activity.last).collect::<Vec<Option<i32>>>(),
        "active_months" => column(|i| i.activity.active_months),
        "typical_gap_days" => rows.iter().map(|i| i.activity.typical_gap).collect::<Vec<Option<f64>>>(),
        "group_conversations" => column(|i| i.group_conversations),
        "endorsements_given" => column(|i| i.endorsements_given),
        "endorsements_received" => column(|i| i.endorsements_received),
        "recommendations_given" => column(|i| i.recommendations_given),
        "recommendations_received" => column(|i| i.recommendations_received),
    )
}

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

/// The formulas of the module docs, as columns.
fn with_scores(frame: LazyFrame, as_of: i32) -> LazyFrame {
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
    frame
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
}

/// The scored frame's rows.
fn extract(frame: &DataFrame) -> PolarsResult<Vec<Scores>> {
    let ids = frame.column("person_id")?.u32()?;
    let last = frame.column("last_interaction")?.i32()?;
    let since = frame.column("days_since_last_interaction")?.i32()?;
    let reciprocity = frame.column("reciprocity")?.f64()?;
    let depth = frame.column("depth")?.f64()?;
    let overdue = frame.column("overdue")?.f64()?;
    let in_touch = frame.column("in_touch")?.bool()?;
    let neglect = frame.column("neglect")?.f64()?;
    let touch = frame.column("ledger_touch")?.str()?;
    let cadence = frame.column("cadence_days")?.u32()?;
    let snoozed = frame.column("snoozed_until")?.i32()?;
    let ignored = frame.column("ignored")?.bool()?;
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
            ledger_touch: touch.get(i).map(str::to_string),
            cadence_days: cadence.get(i),
            snoozed_until: snoozed.get(i),
            ignored: ignored.get(i).unwrap_or(false),
        })
        .collect())
}
