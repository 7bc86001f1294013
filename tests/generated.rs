//! The judgement at scale, on a generated export: 2,000 invented connections
//! and 60,000 messages (rekindle-gen, fixed seed) whose truth is known.
//!
//! - the neglected list's top K (K = number of formerly-close people) finds
//!   at least 90% of the formerly close;
//! - of all listed rows, at most 2% (and at most 2 people) are close, one-way
//!   or one-off people;
//! - the summary's counts are exactly what the generator wrote.
//!
//! On failure the message names every person missed or wrongly listed, with
//! their metrics (depth, typical gap, silence, overdue).
#![allow(clippy::print_stderr)]

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use rekindle::metrics::PersonMetrics;
use rekindle_gen::{Spec, Truth};

/// A temporary folder removed when dropped, even if the test fails.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir =
            std::env::temp_dir().join(format!("rekindle-gen-{tag}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The key URLs are compared by: rekindle's own normalisation (lowercase, no
/// scheme or `www.`, percent-encoding decoded).
fn key(url: &str) -> String {
    rekindle::normalize_profile_url(url).unwrap_or_else(|| url.to_lowercase())
}

fn keys(urls: &[String]) -> HashSet<String> {
    urls.iter().map(|u| key(u)).collect()
}

fn describe(m: Option<&PersonMetrics>, url: &str) -> String {
    match m {
        None => format!("  {url}: no metrics row (not resolved to a person)"),
        Some(m) => format!(
            "  {} <{url}>: depth {:.1}, typical_gap_days {:?}, days_since_last_interaction {:?}, \
             overdue {:?}, in_touch {}, neglect {:.1}, sent {}, received {}, active_periods {}, \
             active_months {}, group_conversations {}",
            m.name,
            m.depth,
            m.typical_gap_days,
            m.days_since_last_interaction,
            m.overdue,
            m.in_touch,
            m.neglect,
            m.messages_sent,
            m.messages_received,
            m.active_periods,
            m.active_months,
            m.group_conversations,
        ),
    }
}

#[test]
fn neglected_finds_the_formerly_close_at_scale() {
    let tmp = TempDir::new("judgement");
    let date = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    let spec = Spec::new(2_000, 60_000, 7, date);
    let (zip, truth_path) = rekindle_gen::write_export(&spec, &tmp.0).unwrap();
    let truth = Truth::read(&truth_path).unwrap();
    assert_eq!(truth.messages, 60_000);
    assert!(
        truth.formerly_close.len() >= 10,
        "the export should hold a fair number of formerly-close people"
    );

    let analysis = rekindle::Analysis::open(&zip, &rekindle::Options::default()).unwrap();
    let neglected = analysis.neglected();
    let summary = analysis.summary();
    let metrics = analysis.metrics();

    // Exact counts.
    assert_eq!(summary.connections, truth.connections, "connections");
    assert_eq!(
        summary.hidden_connections, truth.hidden_connections,
        "hidden connections"
    );
    assert_eq!(summary.messages, truth.messages_counted, "messages counted");
    assert_eq!(summary.conversations, truth.conversations, "conversations");
    assert_eq!(
        summary.group_conversations, truth.group_conversations,
        "group conversations"
    );

    let formerly_close = keys(&truth.formerly_close);
    let close = keys(&truth.close);
    let one_way = keys(&truth.one_way);
    let one_off = keys(&truth.one_off);
    let row_of = |k: &str| {
        metrics
            .rows
            .iter()
            .find(|m| m.profile_url.as_deref().map(key).as_deref() == Some(k))
    };

    // Recall within the top K.
    let k = formerly_close.len();
    let top: HashSet<String> = neglected
        .iter()
        .take(k)
        .filter_map(|r| r.profile_url.as_deref().map(key))
        .collect();
    let mut missed: Vec<&String> = formerly_close.difference(&top).collect();
    missed.sort();
    let found = k - missed.len();
    let recall = found as f64 / k as f64;

    // Wrongly listed: close, one-way or one-off people anywhere on the list.
    let mut wrong = Vec::new();
    for r in &neglected {
        let Some(url) = r.profile_url.as_deref().map(key) else {
            continue;
        };
        let kind = if close.contains(&url) {
            "close"
        } else if one_way.contains(&url) {
            "one-way"
        } else if one_off.contains(&url) {
            "one-off"
        } else {
            continue;
        };
        wrong.push((kind, url));
    }
    let listed = neglected.len();
    let false_share = wrong.len() as f64 / listed.max(1) as f64;

    eprintln!(
        "generated export: {} connections, {} messages; neglected lists {listed}; \
         recall {found}/{k} = {:.1}% in the top {k}; wrongly listed {} = {:.2}% of the list",
        truth.connections,
        truth.messages,
        recall * 100.0,
        wrong.len(),
        false_share * 100.0
    );

    let mut report = String::new();
    if !missed.is_empty() {
        report += &format!("formerly close, not in the top {k}:\n");
        for url in &missed {
            let rank = neglected
                .iter()
                .position(|r| r.profile_url.as_deref().map(key).as_deref() == Some(url.as_str()));
            report += &describe(row_of(url), url);
            report += &format!(" (rank {rank:?})\n");
        }
    }
    if !wrong.is_empty() {
        report += "wrongly listed:\n";
        for (kind, url) in &wrong {
            report += &format!("{kind}:");
            report += &describe(row_of(url), url);
            report += "\n";
        }
    }
    assert!(
        recall >= 0.9,
        "recall {found}/{k} below 90% in the top {k}\n{report}"
    );
    assert!(
        false_share <= 0.02 && wrong.len() <= 2,
        "{} of {listed} listed rows are close, one-way or one-off people\n{report}",
        wrong.len()
    );
}

#[test]
fn same_spec_same_bytes() {
    let date = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let spec = Spec::new(300, 4_000, 11, date);
    let a = TempDir::new("det-a");
    let b = TempDir::new("det-b");
    let (zip_a, truth_a) = rekindle_gen::write_export(&spec, &a.0).unwrap();
    let (zip_b, truth_b) = rekindle_gen::write_export(&spec, &b.0).unwrap();
    assert_eq!(
        zip_a.file_name().unwrap(),
        "Complete_LinkedInDataExport_06-30-2025.zip"
    );
    assert_eq!(
        std::fs::read(&zip_a).unwrap(),
        std::fs::read(&zip_b).unwrap()
    );
    assert_eq!(
        std::fs::read(&truth_a).unwrap(),
        std::fs::read(&truth_b).unwrap()
    );
    let other = TempDir::new("det-c");
    let (zip_c, _) =
        rekindle_gen::write_export(&Spec::new(300, 4_000, 12, date), &other.0).unwrap();
    assert_ne!(
        std::fs::read(&zip_a).unwrap(),
        std::fs::read(&zip_c).unwrap()
    );
}

#[test]
fn small_and_lopsided_specs_keep_their_counts() {
    let date = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    for (connections, messages) in [(50, 2_000), (30_000, 2_000), (50, 200_000)] {
        let truth = rekindle_gen::truth(&Spec::new(connections, messages, 3, date)).unwrap();
        assert_eq!(truth.messages, messages);
        assert_eq!(truth.connections + truth.hidden_connections, connections);
        assert!(!truth.formerly_close.is_empty(), "{connections}/{messages}");
        assert!(!truth.close.is_empty(), "{connections}/{messages}");
    }
}

/// Issue 11: an export whose every date lies before LinkedIn's launch (a
/// synthetic one kept obviously fake) is read whole: every message counted,
/// the as-of date the latest record's (the zip's name is not trusted for a
/// year LinkedIn could not have written), and a handful of grouped warnings.
#[test]
fn an_export_dated_before_2003_is_read_whole() {
    let dir = TempDir::new("victorian");
    let date = NaiveDate::from_ymd_opt(1850, 10, 5).unwrap();
    let spec = Spec::new(300, 6_000, 11, date);
    let (zip, _) = rekindle_gen::write_export(&spec, &dir.0).expect("generate");
    let truth = rekindle_gen::truth(&spec).unwrap();
    let export = rekindle::Export::open(&zip).expect("read");
    let latest = export.latest_date().expect("dated records");
    assert!(latest.to_string().starts_with("1850"), "{latest}");
    let analysis = rekindle::Analysis::from_export(export, &rekindle::Options::default()).unwrap();
    let summary = analysis.summary();
    assert_eq!(summary.messages, truth.messages_counted);
    assert_eq!(summary.connections, truth.connections);
    assert_eq!(summary.as_of, latest);
    assert!(
        !summary.warnings.iter().any(|w| w.contains("unparseable")),
        "{:?}",
        summary.warnings
    );
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.starts_with("messages.csv: ") && w.contains("dates before 2003")),
        "{:?}",
        summary.warnings
    );
    // The summary table is a line per field, file and warning group.
    assert!(summary.warnings.len() <= 12, "{:?}", summary.warnings);
}
