//! The reports as polars DataFrames, for embedders that analyse further
//! (the Python package, Parquet files): the same columns, in the same order
//! and with the same values as each report's JSON, typed (days are `Date`).
//!
//! Each frame is built from the rows' own serde serialisation, so a field
//! added to a row without its column here is an error the tests see, not a
//! column silently dropped.
//!
//! ```
//! use rekindle::{Analysis, Options, frames};
//!
//! let analysis = Analysis::open("../../data-samples/2026", &Options::default())?;
//! let neglected = frames::relationships(&analysis.neglected())?;
//! assert_eq!(neglected.get_column_names()[0].as_str(), "name");
//! assert_eq!(neglected.height(), analysis.neglected().len());
//! # Ok::<(), rekindle::Error>(())
//! ```

use chrono::{NaiveDate, NaiveDateTime};
use polars::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::diff::Diff;
use crate::error::{Error, Result};
use crate::metrics::PersonMetrics;
use crate::network::{Network, Node, Tie};
use crate::plan::PlanItem;
use crate::reports::{CompanyRow, NeverContactedRow, RelationshipRow, UnansweredRow};

/// The type a column gets in a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text (`String`).
    Text,
    /// A whole number (`Int64`).
    Int,
    /// A number (`Float64`).
    Float,
    /// `true` / `false` (`Boolean`).
    Bool,
    /// A day, `YYYY-MM-DD` in JSON (`Date`).
    Day,
    /// A moment, `YYYY-MM-DDTHH:MM:SS` in JSON (`Datetime[ms]`, no zone).
    Moment,
    /// A list of texts, a JSON array of strings (`List[String]`).
    Texts,
    /// Any JSON value kept as its JSON text (`String`): a list of objects,
    /// which this build of polars (no struct dtype, to keep its features
    /// minimal) cannot hold as such; the Python package decodes it.
    Json,
}

/// Columns of [`relationships`] (neglected, strongest).
pub const RELATIONSHIP_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("company", Kind::Text),
    ("position", Kind::Text),
    ("connected_on", Kind::Day),
    ("last_interaction", Kind::Day),
    ("days_since_last_interaction", Kind::Int),
    ("messages_sent", Kind::Int),
    ("messages_received", Kind::Int),
    ("typical_gap_days", Kind::Int),
    ("depth", Kind::Float),
    ("score", Kind::Float),
    ("reason", Kind::Text),
];

/// Columns of [`unanswered`].
pub const UNANSWERED_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("last_message", Kind::Day),
    ("days_waiting", Kind::Int),
    ("messages_waiting", Kind::Int),
];

/// Columns of [`never_contacted`].
pub const NEVER_CONTACTED_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("company", Kind::Text),
    ("position", Kind::Text),
    ("connected_on", Kind::Day),
    ("messages_sent", Kind::Int),
    ("messages_received", Kind::Int),
    ("reason", Kind::Text),
];

/// Columns of [`companies`].
pub const COMPANY_COLUMNS: &[(&str, Kind)] = &[
    ("company", Kind::Text),
    ("connections", Kind::Int),
    ("two_way", Kind::Int),
    ("deepest", Kind::Text),
    ("deepest_depth", Kind::Float),
    ("total_depth", Kind::Float),
];

/// Columns of [`metrics`].
pub const METRICS_COLUMNS: &[(&str, Kind)] = &[
    ("person_id", Kind::Int),
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("company", Kind::Text),
    ("position", Kind::Text),
    ("is_connection", Kind::Bool),
    ("connected_on", Kind::Day),
    ("messages_sent", Kind::Int),
    ("messages_received", Kind::Int),
    ("conversations", Kind::Int),
    ("group_conversations", Kind::Int),
    ("group_messages_sent", Kind::Int),
    ("group_messages_received", Kind::Int),
    ("first_interaction", Kind::Day),
    ("last_interaction", Kind::Day),
    ("last_sent", Kind::Day),
    ("last_received", Kind::Day),
    ("active_months", Kind::Int),
    ("active_periods", Kind::Int),
    ("typical_gap_days", Kind::Float),
    ("days_since_last_interaction", Kind::Int),
    ("reciprocity", Kind::Float),
    ("endorsements_given", Kind::Int),
    ("endorsements_received", Kind::Int),
    ("recommendations_given", Kind::Int),
    ("recommendations_received", Kind::Int),
    ("depth", Kind::Float),
    ("overdue", Kind::Float),
    ("in_touch", Kind::Bool),
    ("neglect", Kind::Float),
    ("ledger_touch", Kind::Text),
    ("cadence_days", Kind::Int),
    ("snoozed_until", Kind::Day),
    ("ignored", Kind::Bool),
];

/// Columns of the nodes frame of [`graph`]: the nodes of `rekindle graph --format json`.
pub const NODE_COLUMNS: &[(&str, Kind)] = &[
    ("id", Kind::Int),
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("company", Kind::Text),
    ("position", Kind::Text),
    ("connected_on", Kind::Day),
    ("is_connection", Kind::Bool),
    ("is_owner", Kind::Bool),
];

/// Columns of the edges frame of [`graph`]: every key any tie kind has in
/// `rekindle graph --format json`, empty where a kind has no such key.
pub const EDGE_COLUMNS: &[(&str, Kind)] = &[
    ("source", Kind::Int),
    ("target", Kind::Int),
    ("kind", Kind::Text),
    ("connected_on", Kind::Day),
    ("sent", Kind::Int),
    ("received", Kind::Int),
    ("first", Kind::Moment),
    ("last", Kind::Moment),
    ("conversations", Kind::Int),
    ("skill", Kind::Text),
    ("date", Kind::Day),
    ("has_note", Kind::Bool),
];

/// Columns of [`plan`]: the items of `rekindle plan --format json`. `gave`
/// (a list of `{what, skill, date}`) is its JSON text ([`Kind::Json`]).
pub const PLAN_COLUMNS: &[(&str, Kind)] = &[
    ("action", Kind::Text),
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("company", Kind::Text),
    ("why_now", Kind::Text),
    ("suggestion", Kind::Text),
    ("score", Kind::Float),
    ("depth", Kind::Float),
    ("also", Kind::Texts),
    ("note", Kind::Text),
    ("last_message", Kind::Day),
    ("messages_waiting", Kind::Int),
    ("job_change", Kind::Text),
    ("old_company", Kind::Text),
    ("old_position", Kind::Text),
    ("new_position", Kind::Text),
    ("gave", Kind::Json),
    ("invited_on", Kind::Day),
    ("invited_by", Kind::Text),
    ("target_company", Kind::Text),
    ("job_title", Kind::Text),
    ("known_via", Kind::Text),
    ("last_interaction", Kind::Day),
];

/// Columns of the `job_changes` frame of [`diff`].
pub const JOB_CHANGE_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("kind", Kind::Text),
    ("old_company", Kind::Text),
    ("new_company", Kind::Text),
    ("old_position", Kind::Text),
    ("new_position", Kind::Text),
    ("depth", Kind::Float),
    ("reason", Kind::Text),
];

/// Columns of the `new_connections` and `removed_connections` frames of [`diff`].
pub const CONNECTION_CHANGE_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("connected_on", Kind::Day),
    ("company", Kind::Text),
    ("position", Kind::Text),
    ("reason", Kind::Text),
];

/// Columns of the `renamed_profiles` frame of [`diff`].
pub const RENAMED_PROFILE_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("old_profile_url", Kind::Text),
    ("new_profile_url", Kind::Text),
    ("reason", Kind::Text),
];

/// Columns of the `rekindled` frame of [`diff`].
pub const REKINDLED_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("last_interaction", Kind::Day),
    ("depth", Kind::Float),
    ("old_score", Kind::Float),
    ("reason", Kind::Text),
];

/// Columns of the `gone_cold` frame of [`diff`].
pub const GONE_COLD_COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("profile_url", Kind::Text),
    ("last_interaction", Kind::Day),
    ("depth", Kind::Float),
    ("score", Kind::Float),
    ("reason", Kind::Text),
];

/// Plan items as a frame ([`PLAN_COLUMNS`]).
pub fn plan(items: &[PlanItem]) -> Result<DataFrame> {
    frame(items, PLAN_COLUMNS, Keys::Exact)
}

/// A [`Diff`] as `rekindle diff --format json` has it: each list a frame,
/// the rest (sides, counts, …) as the JSON's own values.
#[derive(Debug, Clone)]
pub struct DiffFrames {
    /// Every key of the diff's JSON that is not a list, in the JSON's order:
    /// `old`, `new` (as-of date and owner), `counts`, `ambiguous`.
    pub header: serde_json::Map<String, Value>,
    /// Each list of the diff, by its JSON key, in the JSON's order.
    pub sections: Vec<(&'static str, DataFrame)>,
}

/// The diff as frames: `job_changes` ([`JOB_CHANGE_COLUMNS`]),
/// `new_connections` and `removed_connections` ([`CONNECTION_CHANGE_COLUMNS`]),
/// `renamed_profiles` ([`RENAMED_PROFILE_COLUMNS`]), `rekindled`
/// ([`REKINDLED_COLUMNS`]), `gone_cold` ([`GONE_COLD_COLUMNS`]). A list in the
/// JSON that has no frame here is an error, not a key silently dropped.
pub fn diff(diff: &Diff) -> Result<DiffFrames> {
    let sections = vec![
        (
            "job_changes",
            frame(&diff.job_changes, JOB_CHANGE_COLUMNS, Keys::Exact)?,
        ),
        (
            "new_connections",
            frame(
                &diff.new_connections,
                CONNECTION_CHANGE_COLUMNS,
                Keys::Exact,
            )?,
        ),
        (
            "removed_connections",
            frame(
                &diff.removed_connections,
                CONNECTION_CHANGE_COLUMNS,
                Keys::Exact,
            )?,
        ),
        (
            "renamed_profiles",
            frame(&diff.renamed_profiles, RENAMED_PROFILE_COLUMNS, Keys::Exact)?,
        ),
        (
            "rekindled",
            frame(&diff.rekindled, REKINDLED_COLUMNS, Keys::Exact)?,
        ),
        (
            "gone_cold",
            frame(&diff.gone_cold, GONE_COLD_COLUMNS, Keys::Exact)?,
        ),
    ];
    let bug = |message: String| -> Error {
        Error::Metrics(polars_err!(SchemaMismatch: "the diff: {message}"))
    };
    let Value::Object(mut header) = serde_json::to_value(diff).map_err(|e| bug(e.to_string()))?
    else {
        return Err(bug("not a JSON object".to_string()));
    };
    for (name, _) in &sections {
        if header.shift_remove(*name).is_none() {
            return Err(bug(format!("has no list {name:?}")));
        }
    }
    if let Some((key, _)) = header.iter().find(|(_, v)| v.is_array()) {
        return Err(bug(format!("has a list {key:?} with no frame")));
    }
    Ok(DiffFrames { header, sections })
}

/// Neglected or strongest rows as a frame ([`RELATIONSHIP_COLUMNS`]).
pub fn relationships(rows: &[RelationshipRow]) -> Result<DataFrame> {
    frame(rows, RELATIONSHIP_COLUMNS, Keys::Exact)
}

/// Unanswered rows as a frame ([`UNANSWERED_COLUMNS`]).
pub fn unanswered(rows: &[UnansweredRow]) -> Result<DataFrame> {
    frame(rows, UNANSWERED_COLUMNS, Keys::Exact)
}

/// Never-contacted rows as a frame ([`NEVER_CONTACTED_COLUMNS`]).
pub fn never_contacted(rows: &[NeverContactedRow]) -> Result<DataFrame> {
    frame(rows, NEVER_CONTACTED_COLUMNS, Keys::Exact)
}

/// Company rows as a frame ([`COMPANY_COLUMNS`]).
pub fn companies(rows: &[CompanyRow]) -> Result<DataFrame> {
    frame(rows, COMPANY_COLUMNS, Keys::Exact)
}

/// The per-person metrics rows (as `rekindle metrics --format json` shows
/// them, rounded) as a frame ([`METRICS_COLUMNS`]).
pub fn metrics(rows: &[PersonMetrics]) -> Result<DataFrame> {
    frame(rows, METRICS_COLUMNS, Keys::Exact)
}

/// The graph as two frames, nodes ([`NODE_COLUMNS`]) and edges
/// ([`EDGE_COLUMNS`]), in the order `rekindle graph --format json` lists them.
pub fn graph(network: &Network) -> Result<(DataFrame, DataFrame)> {
    #[derive(Serialize)]
    struct NodeRow<'a> {
        id: usize,
        #[serde(flatten)]
        node: &'a Node,
    }
    #[derive(Serialize)]
    struct EdgeRow<'a> {
        source: usize,
        target: usize,
        #[serde(flatten)]
        tie: &'a Tie,
    }
    let g = &network.graph;
    let nodes: Vec<NodeRow> = g
        .node_indices()
        .map(|i| NodeRow {
            id: i.index(),
            node: &g[i],
        })
        .collect();
    let edges: Vec<EdgeRow> = g
        .raw_edges()
        .iter()
        .map(|e| EdgeRow {
            source: e.source().index(),
            target: e.target().index(),
            tie: &e.weight,
        })
        .collect();
    Ok((
        frame(&nodes, NODE_COLUMNS, Keys::Exact)?,
        frame(&edges, EDGE_COLUMNS, Keys::Subset)?,
    ))
}

/// Whether every row must have exactly the columns, in order, or some of them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keys {
    Exact,
    Subset,
}

/// One column being filled.
enum Column {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
    Day(Vec<Option<i32>>),
    Moment(Vec<Option<i64>>),
    Texts(Vec<Option<Series>>),
    Json(Vec<Option<String>>),
}

impl Column {
    fn new(kind: Kind, rows: usize) -> Column {
        match kind {
            Kind::Text => Column::Text(Vec::with_capacity(rows)),
            Kind::Int => Column::Int(Vec::with_capacity(rows)),
            Kind::Float => Column::Float(Vec::with_capacity(rows)),
            Kind::Bool => Column::Bool(Vec::with_capacity(rows)),
            Kind::Day => Column::Day(Vec::with_capacity(rows)),
            Kind::Moment => Column::Moment(Vec::with_capacity(rows)),
            Kind::Texts => Column::Texts(Vec::with_capacity(rows)),
            Kind::Json => Column::Json(Vec::with_capacity(rows)),
        }
    }

    /// Appends `value` (absent or JSON null: a null), or says why it cannot.
    fn push(&mut self, value: Option<Value>) -> std::result::Result<(), String> {
        let value = value.filter(|v| !v.is_null());
        let mismatch = |v: &Value, what: &str| format!("{v} is not {what}");
        match self {
            Column::Text(c) => c.push(match value {
                None => None,
                Some(Value::String(s)) => Some(s),
                Some(v) => return Err(mismatch(&v, "text")),
            }),
            Column::Int(c) => c.push(match value {
                None => None,
                Some(v) => Some(v.as_i64().ok_or_else(|| mismatch(&v, "a whole number"))?),
            }),
            Column::Float(c) => c.push(match value {
                None => None,
                Some(v) => Some(v.as_f64().ok_or_else(|| mismatch(&v, "a number"))?),
            }),
            Column::Bool(c) => c.push(match value {
                None => None,
                Some(v) => Some(v.as_bool().ok_or_else(|| mismatch(&v, "true or false"))?),
            }),
            Column::Day(c) => c.push(match value {
                None => None,
                Some(v) => {
                    let day = v
                        .as_str()
                        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                        .ok_or_else(|| mismatch(&v, "a day"))?;
                    Some(crate::network::day_number(day))
                }
            }),
            Column::Moment(c) => c.push(match value {
                None => None,
                Some(v) => {
                    let moment = v
                        .as_str()
                        .and_then(|s| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").ok())
                        .ok_or_else(|| mismatch(&v, "a moment"))?;
                    Some(moment.and_utc().timestamp_millis())
                }
            }),
            Column::Texts(c) => c.push(match value {
                None => None,
                Some(Value::Array(items)) => {
                    let texts = items
                        .iter()
                        .map(|v| v.as_str().ok_or_else(|| mismatch(v, "text")))
                        .collect::<std::result::Result<Vec<&str>, String>>()?;
                    Some(Series::new(PlSmallStr::EMPTY, texts))
                }
                Some(v) => return Err(mismatch(&v, "a list")),
            }),
            Column::Json(c) => c.push(value.map(|v| v.to_string())),
        }
        Ok(())
    }

    fn into_column(self, name: &str) -> PolarsResult<polars::prelude::Column> {
        let name = PlSmallStr::from(name);
        Ok(match self {
            Column::Text(c) => Series::new(name, c).into(),
            Column::Int(c) => Series::new(name, c).into(),
            Column::Float(c) => Series::new(name, c).into(),
            Column::Bool(c) => Series::new(name, c).into(),
            Column::Day(c) => Series::new(name, c).cast(&DataType::Date)?.into(),
            Column::Moment(c) => Series::new(name, c)
                .cast(&DataType::Datetime(TimeUnit::Milliseconds, None))?
                .into(),
            // The cast types the column even when no row has a list.
            Column::Texts(c) => ListChunked::from_iter(c)
                .with_name(name)
                .into_series()
                .cast(&DataType::List(Box::new(DataType::String)))?
                .into(),
            Column::Json(c) => Series::new(name, c).into(),
        })
    }
}

/// Builds a frame of `rows` with `columns`, from each row's JSON object.
fn frame<T: Serialize>(rows: &[T], columns: &[(&str, Kind)], keys: Keys) -> Result<DataFrame> {
    let bug = |row: usize, message: String| -> Error {
        Error::Metrics(polars_err!(SchemaMismatch: "row {row} of a report: {message}"))
    };
    let mut filling: Vec<Column> = columns
        .iter()
        .map(|(_, kind)| Column::new(*kind, rows.len()))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let Value::Object(mut object) =
            serde_json::to_value(row).map_err(|e| bug(i, e.to_string()))?
        else {
            return Err(bug(i, "not a JSON object".to_string()));
        };
        if keys == Keys::Exact && !object.keys().eq(columns.iter().map(|(name, _)| *name)) {
            let got: Vec<&String> = object.keys().collect();
            return Err(bug(i, format!("has keys {got:?}, the frame {columns:?}")));
        }
        for ((name, _), column) in columns.iter().zip(&mut filling) {
            column
                .push(object.remove(*name))
                .map_err(|e| bug(i, format!("{name}: {e}")))?;
        }
        if let Some(extra) = object.keys().next() {
            return Err(bug(
                i,
                format!("has a key {extra:?} the frame has no column for"),
            ));
        }
    }
    let built = columns
        .iter()
        .zip(filling)
        .map(|((name, _), column)| column.into_column(name))
        .collect::<PolarsResult<Vec<_>>>()?;
    Ok(DataFrame::new(rows.len(), built)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analysis, Options};

    fn sample() -> Analysis {
        Analysis::open("../../data-samples/2026", &Options::default()).expect("sample reads")
    }

    #[test]
    fn frames_have_the_json_columns_in_order_with_types() {
        let a = sample();
        let df = relationships(&a.neglected()).expect("frame");
        let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
        let wanted: Vec<&str> = RELATIONSHIP_COLUMNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, wanted);
        assert_eq!(
            df.column("connected_on").expect("col").dtype(),
            &DataType::Date
        );
        assert_eq!(df.column("score").expect("col").dtype(), &DataType::Float64);
        let first = &a.neglected()[0];
        let name = df.column("name").expect("col").str().expect("str").get(0);
        assert_eq!(name, Some(first.name.as_str()));
    }

    #[test]
    fn every_report_of_every_era_fits_its_frame() {
        for era in [
            "2020",
            "2021",
            "2022",
            "2022-excel",
            "2023-mid",
            "2024",
            "2024-dec",
            "2025",
            "2026",
        ] {
            let a = Analysis::open(format!("../../data-samples/{era}"), &Options::default())
                .expect("sample reads");
            assert_eq!(
                relationships(&a.neglected()).expect(era).height(),
                a.neglected().len()
            );
            assert_eq!(
                relationships(&a.strongest()).expect(era).height(),
                a.strongest().len()
            );
            assert_eq!(
                unanswered(&a.unanswered()).expect(era).height(),
                a.unanswered().len()
            );
            let nc = a.never_contacted();
            assert_eq!(never_contacted(&nc).expect(era).height(), nc.len());
            assert_eq!(
                companies(&a.companies(None)).expect(era).height(),
                a.companies(None).len()
            );
            assert_eq!(
                metrics(&a.metrics().rows).expect(era).height(),
                a.metrics().rows.len()
            );
            let (nodes, edges) = graph(a.network()).expect(era);
            assert_eq!(nodes.height(), a.network().graph.node_count());
            assert_eq!(edges.height(), a.network().graph.edge_count());
        }
    }

    #[test]
    fn empty_rows_still_have_every_column() {
        let df = unanswered(&[]).expect("frame");
        assert_eq!((df.height(), df.width()), (0, UNANSWERED_COLUMNS.len()));
        assert_eq!(
            df.column("last_message").expect("col").dtype(),
            &DataType::Date
        );
    }

    #[test]
    fn a_row_whose_keys_drift_from_the_columns_is_an_error() {
        #[derive(Serialize)]
        struct Drifted {
            name: String,
            extra: u32,
        }
        let rows = [Drifted {
            name: "Ana".into(),
            extra: 1,
        }];
        let exact = frame(&rows, &[("name", Kind::Text)], Keys::Exact);
        assert!(exact.is_err());
        let subset = frame(&rows, &[("name", Kind::Text)], Keys::Subset);
        let message = subset.expect_err("extra key").to_string();
        assert!(message.contains("computing metrics failed"), "{message}");
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error_not_a_null() {
        #[derive(Serialize)]
        struct Row {
            day: &'static str,
        }
        let err = frame(
            &[Row { day: "not a day" }],
            &[("day", Kind::Day)],
            Keys::Exact,
        );
        let Err(Error::Metrics(e)) = err else {
            panic!("expected an error, got {err:?}");
        };
        assert!(e.to_string().contains("\"not a day\" is not a day"), "{e}");
    }

    #[test]
    fn plan_items_fit_their_frame_with_lists_typed() {
        let older = Analysis::open("../../data-samples/2025", &Options::default()).expect("old");
        let newer =
            Analysis::open("../../data-samples/2025-later", &Options::default()).expect("new");
        let items = newer
            .plan(&crate::plan::PlanOptions {
                since: Some(&older),
                limit: 0,
            })
            .expect("plan");
        let df = plan(&items).expect("frame");
        assert_eq!(df.height(), items.len());
        let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
        let wanted: Vec<&str> = PLAN_COLUMNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, wanted);
        let also = df.column("also").expect("col");
        assert_eq!(also.dtype(), &DataType::List(Box::new(DataType::String)));
        let first_also: Vec<String> = items[0].also.iter().map(|a| a.as_str().into()).collect();
        let got = also.list().expect("list").get_as_series(0).expect("row 0");
        let got = got.str().expect("str");
        let got: Vec<String> = (0..got.len())
            .map(|j| got.get(j).expect("no null").to_string())
            .collect();
        assert_eq!(got, first_also);
        assert!(
            items.iter().any(|i| i.job_change.is_some()),
            "the job changes since"
        );
        // What they gave you is a list of objects: its JSON text.
        let items = sample()
            .plan(&crate::plan::PlanOptions::default())
            .expect("plan");
        let df = plan(&items).expect("frame");
        let gave = df.column("gave").expect("col");
        assert_eq!(gave.dtype(), &DataType::String);
        let i = items
            .iter()
            .position(|i| !i.gave.is_empty())
            .expect("a favour");
        let text = gave.str().expect("str").get(i).expect("text");
        assert_eq!(text, serde_json::to_string(&items[i].gave).expect("json"));
    }

    #[test]
    fn an_empty_plan_still_types_its_lists() {
        let df = plan(&[]).expect("frame");
        assert_eq!((df.height(), df.width()), (0, PLAN_COLUMNS.len()));
        let also = df.column("also").expect("col").dtype().clone();
        assert_eq!(also, DataType::List(Box::new(DataType::String)));
    }

    #[test]
    fn a_diff_is_a_frame_per_list_and_its_header() {
        let older = Analysis::open("../../data-samples/2025", &Options::default()).expect("old");
        let newer =
            Analysis::open("../../data-samples/2025-later", &Options::default()).expect("new");
        let d = Analysis::diff(&older, &newer).expect("diff");
        let frames = diff(&d).expect("frames");
        let keys: Vec<&str> = frames.header.keys().map(String::as_str).collect();
        assert_eq!(keys, ["old", "new", "counts", "ambiguous"]);
        let json = serde_json::to_value(&d).expect("json");
        for (name, df) in &frames.sections {
            let rows = json[name].as_array().expect("a list");
            assert_eq!(df.height(), rows.len(), "{name}");
            assert!(df.height() > 0, "{name}: the sample pair plants one");
            let first: Vec<&str> = rows[0]
                .as_object()
                .expect("row")
                .keys()
                .map(String::as_str)
                .collect();
            let columns: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
            assert_eq!(columns, first, "{name}");
        }
        let (_, new_connections) = &frames.sections[1];
        let dtype = new_connections.column("connected_on").expect("col").dtype();
        assert_eq!(dtype, &DataType::Date);
    }

    #[test]
    fn edge_moments_are_datetimes() {
        let (_, edges) = graph(sample().network()).expect("frames");
        let dtype = edges.column("last").expect("col").dtype().clone();
        assert_eq!(dtype, DataType::Datetime(TimeUnit::Milliseconds, None));
        assert!(edges.column("last").expect("col").null_count() < edges.height());
    }
}
