//! A deterministic generator of large, realistic, **invented** LinkedIn data
//! exports, for rekindle's tests and benchmarks.
//!
//! [`write_export`] writes `Complete_LinkedInDataExport_MM-DD-YYYY.zip` (the
//! 2025/2026 shapes of every file rekindle reads, at the zip root, deflated)
//! and a `….truth.json` naming who is close, formerly close, one-way and
//! one-off, with the exact counts a reader should find. The same [`Spec`]
//! always gives byte-identical files: chance comes from a splitmix64 stream
//! seeded by [`Spec::seed`], and zip timestamps are fixed.
//!
//! Message text is invented while the zip is written and never kept, so a
//! million messages need only their timestamps in memory (16 bytes each).
//!
//! ```no_run
//! let spec = rekindle_gen::Spec::new(2_000, 60_000, 7, chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap());
//! let (zip, truth) = rekindle_gen::write_export(&spec, std::path::Path::new("/tmp/out"))?;
//! # Ok::<(), std::io::Error>(())
//! ```

mod lexicon;
mod plan;
mod rng;
mod text;
mod write;

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::{ConvKind, DRAFT, Folder, Plan};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Rows of Connections.csv, hidden-profile rows (about 0.5%) included.
    pub connections: usize,
    /// Rows of messages.csv, drafts and SPAM included.
    pub messages: usize,
    /// The seed every choice derives from.
    pub seed: u64,
    /// The export date (in the zip's name; reports are as of this day).
    pub export_date: NaiveDate,
    /// Message texts of one sentence (about 20 to 100 bytes) instead of 20
    /// to 2,000 bytes: an export where the per-message work shows, not the
    /// bytes every reader skips.
    pub short_bodies: bool,
}

impl Spec {
    /// A spec.
    pub fn new(connections: usize, messages: usize, seed: u64, export_date: NaiveDate) -> Spec {
        Spec {
            connections,
            messages,
            seed,
            export_date,
            short_bodies: false,
        }
    }

    /// `Complete_LinkedInDataExport_MM-DD-YYYY`.
    pub fn export_name(&self) -> String {
        format!(
            "Complete_LinkedInDataExport_{}",
            self.export_date.format("%m-%d-%Y")
        )
    }

    fn check(&self) -> io::Result<()> {
        let invalid = |what: &str| {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                what.to_string(),
            ))
        };
        if self.connections < 20 || self.connections > 1_000_000 {
            return invalid("connections must be between 20 and 1,000,000");
        }
        if self.messages < 200 || self.messages > 50_000_000 {
            return invalid("messages must be between 200 and 50,000,000");
        }
        // Before 2003 on purpose too: every date shifts with the export date,
        // as synthetic exports that keep their data obviously fake do.
        if !(1800..=2100).contains(&chrono::Datelike::year(&self.export_date)) {
            return invalid("the export date must be between 1800 and 2100");
        }
        Ok(())
    }
}

/// What the generated export holds, for checking a reader's judgement.
///
/// Profile URLs are written as in the export (`https://www.linkedin.com/in/<slug>`,
/// some slugs percent-encoded or with capitals): compare them normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truth {
    /// The zip's name without `.zip`.
    pub export_name: String,
    /// The seed.
    pub seed: u64,
    /// The owner's name, as in Profile.csv.
    pub owner_name: String,
    /// The owner's profile URL.
    pub owner_url: String,
    /// People rows of Connections.csv (hidden rows excluded).
    pub connections: usize,
    /// Hidden-profile rows of Connections.csv (a date only).
    pub hidden_connections: usize,
    /// Every row of messages.csv.
    pub messages: usize,
    /// Rows that are neither drafts nor in SPAM (sponsored and system lines included).
    pub messages_counted: usize,
    /// Draft rows.
    pub drafts: usize,
    /// Rows in the SPAM folder.
    pub spam: usize,
    /// Conversations with at least one counted row.
    pub conversations: usize,
    /// Of which group conversations (3–6 people).
    pub group_conversations: usize,
    /// Formerly close: 30+ messages both ways at a steady rhythm for 1–4
    /// years, then silent for at least a year and four rhythms.
    pub formerly_close: Vec<String>,
    /// Close: two-way every 1–4 weeks, until the last 0–60 days.
    pub close: Vec<String>,
    /// One-way: connections and recruiters who wrote 2–8 times, never answered.
    pub one_way: Vec<String>,
    /// One-off: a single "thanks for connecting" exchange of 1–3 messages.
    pub one_off: Vec<String>,
}

impl Truth {
    /// Reads a `….truth.json`.
    pub fn read(path: &Path) -> io::Result<Truth> {
        let bytes = std::fs::read(path)?;
        serde_json::from_slice(&bytes).map_err(io::Error::other)
    }
}

fn truth_of(spec: &Spec, plan: &Plan) -> Truth {
    let url = |slug: &str| format!("https://www.linkedin.com/in/{slug}");
    let mut lists: [Vec<u32>; 4] = Default::default();
    let (mut messages, mut counted, mut drafts, mut spam) = (0, 0, 0, 0);
    let (mut conversations, mut groups) = (0, 0);
    for c in &plan.convs {
        let slot = match c.kind {
            ConvKind::FormerlyClose => Some(0),
            ConvKind::Close => Some(1),
            ConvKind::OneWay { .. } | ConvKind::Recruiter => Some(2),
            ConvKind::OneOff => Some(3),
            _ => None,
        };
        if let Some(s) = slot {
            lists[s].push(c.members[0]);
        }
        messages += c.msgs.len();
        let d = c.msgs.iter().filter(|m| m.flags & DRAFT != 0).count();
        drafts += d;
        let in_spam = c.folder == Folder::Spam;
        if in_spam {
            spam += c.msgs.len();
        }
        let n = if in_spam { 0 } else { c.msgs.len() - d };
        counted += n;
        if n > 0 {
            conversations += 1;
            groups += usize::from(c.kind == ConvKind::Group);
        }
    }
    let [formerly_close, close, one_way, one_off] = lists.map(|mut l| {
        l.sort_unstable();
        l.into_iter()
            .map(|p| url(&plan.persons[p as usize].slug))
            .collect::<Vec<_>>()
    });
    let connections = plan
        .persons
        .iter()
        .filter(|p| p.connected.is_some())
        .count();
    Truth {
        export_name: spec.export_name(),
        seed: spec.seed,
        owner_name: format!("{} {}", lexicon::OWNER_FIRST, lexicon::OWNER_LAST),
        owner_url: url(&plan.owner_slug),
        connections,
        hidden_connections: plan.hidden.len(),
        messages,
        messages_counted: counted,
        drafts,
        spam,
        conversations,
        group_conversations: groups,
        formerly_close,
        close,
        one_way,
        one_off,
    }
}

/// Generates the export of `spec` into `dir` (created if missing): the zip
/// and its truth file, returned as (zip, truth).
pub fn write_export(spec: &Spec, dir: &Path) -> io::Result<(PathBuf, PathBuf)> {
    spec.check()?;
    std::fs::create_dir_all(dir)?;
    let plan = plan::plan(spec);
    let truth = truth_of(spec, &plan);
    if truth.messages != spec.messages
        || truth.connections + truth.hidden_connections != spec.connections
    {
        return Err(io::Error::other(format!(
            "internal error: planned {} messages and {} connection rows, asked for {} and {}",
            truth.messages,
            truth.connections + truth.hidden_connections,
            spec.messages,
            spec.connections
        )));
    }
    let name = spec.export_name();
    let zip = dir.join(format!("{name}.zip"));
    let truth_path = dir.join(format!("{name}.truth.json"));
    write::write_zip(&plan, spec, &zip)?;
    let mut json = serde_json::to_vec_pretty(&truth).map_err(io::Error::other)?;
    json.push(b'\n');
    std::fs::write(&truth_path, json)?;
    Ok((zip, truth_path))
}

/// The truth of `spec` without writing anything (the plan alone, no text).
pub fn truth(spec: &Spec) -> io::Result<Truth> {
    spec.check()?;
    Ok(truth_of(spec, &plan::plan(spec)))
}
