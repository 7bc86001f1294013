//! `rekindle diff OLD NEW`: what changed between two exports of one owner.
//!
//! The library computes the [`rekindle::diff::Diff`]; this module reads the
//! two exports, finds the older one by as-of date, and renders the lists.

use std::io::Write;
use std::path::PathBuf;

use rekindle::diff::Diff;
use serde::Serialize;

use crate::render::{Format, write_rows};
use crate::{Failure, Input, OutputFormat, load, parse_size, unbounded};

/// Arguments of `rekindle diff`.
#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The older export (.zip, folder or CSV). Either order works: the older of
    /// the two is found by its as-of date.
    old: PathBuf,
    /// The newer export.
    new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Show at most this many rows in each list (counts stay complete).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Replace names with pseudonyms and drop profile links. Pseudonyms are
    /// those of the newer export (`Person 17` is `Person 17` of
    /// `rekindle neglected NEW --redact`); connections gone are `Old person N`
    /// by their place in the older export.
    #[arg(long)]
    redact: bool,
    /// Count messages in the SPAM folder too.
    #[arg(long)]
    include_spam: bool,
    /// Treat every warning (a skipped row, an unreadable date) as an error.
    #[arg(long)]
    strict: bool,
    /// Largest size one file may inflate to, e.g. 8GiB (guards against zip bombs).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "8GiB")]
    max_file_size: u64,
    /// Largest size all files together may inflate to.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "16GiB")]
    max_total_size: u64,
    /// Largest size one CSV record (one message with its text) may have.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64MiB")]
    max_record_size: u64,
    /// Most columns a CSV row may have; wider rows are skipped with a warning.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    max_columns: usize,
}

impl DiffArgs {
    /// The common input flags for one of the two paths. Each export is read
    /// as of its own date, and redaction is applied to the diff, not before.
    fn input(&self, path: &std::path::Path) -> Input {
        Input {
            path: path.to_path_buf(),
            as_of: None,
            include_spam: self.include_spam,
            strict: self.strict,
            redact: false,
            max_file_size: self.max_file_size,
            max_total_size: self.max_total_size,
            max_record_size: self.max_record_size,
            max_columns: self.max_columns,
        }
    }
}

/// Runs `rekindle diff`: the rendered lists go to `out`, a note that the
/// arguments were swapped to `err`.
pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    let a = load(&args.input(&args.old))?;
    let b = load(&args.input(&args.new))?;
    let (mut diff, swapped) =
        Diff::between_any_order(&a.network, &a.metrics, &b.network, &b.metrics)?;
    if swapped {
        writeln!(
            err,
            "rekindle: {} is the older export ({} before {}); comparing it to {}",
            args.new.display(),
            diff.old.as_of,
            diff.new.as_of,
            args.old.display()
        )?;
    }
    if args.redact {
        diff.redact();
    }
    if let Some(n) = args.limit {
        diff.truncate(n);
    }
    write_diff(out, &diff, args.format)
}

/// One row as tables and CSV show it.
#[derive(Serialize)]
struct Line<'a> {
    list: &'static str,
    name: &'a str,
    profile_url: Option<&'a str>,
    reason: &'a str,
}

/// The sections: JSON key, table title, what an empty one says, its rows.
fn sections(diff: &Diff) -> Vec<(&'static str, &'static str, &'static str, Vec<Line<'_>>)> {
    fn lines<'a, T>(
        list: &'static str,
        rows: &'a [T],
        f: impl Fn(&'a T) -> (&'a str, Option<&'a str>, &'a str),
    ) -> Vec<Line<'a>> {
        rows.iter()
            .map(|r| {
                let (name, profile_url, reason) = f(r);
                Line {
                    list,
                    name,
                    profile_url,
                    reason,
                }
            })
            .collect()
    }
    vec![
        (
            "job_changes",
            "Job changes",
            "No job changes.",
            lines("job_changes", &diff.job_changes, |r| {
                (&r.name, r.profile_url.as_deref(), &r.reason)
            }),
        ),
        (
            "new_connections",
            "New connections",
            "No new connections.",
            lines("new_connections", &diff.new_connections, |r| {
                (&r.name, r.profile_url.as_deref(), &r.reason)
            }),
        ),
        (
            "removed_connections",
            "Connections gone",
            "No connections gone.",
            lines("removed_connections", &diff.removed_connections, |r| {
                (&r.name, r.profile_url.as_deref(), &r.reason)
            }),
        ),
        (
            "renamed_profiles",
            "Changed profile links",
            "No changed profile links.",
            lines("renamed_profiles", &diff.renamed_profiles, |r| {
                (&r.name, r.profile_url.as_deref(), &r.reason)
            }),
        ),
        (
            "rekindled",
            "Rekindled",
            "Nobody rekindled: no neglected tie is in touch again.",
            lines("rekindled", &diff.rekindled, |r| {
                (&r.name, r.profile_url.as_deref(), &r.reason)
            }),
        ),
        (
            "gone_cold",
            "Gone cold",
            "Nothing gone cold.",
            lines("gone_cold", &diff.gone_cold, |r| {
                (&r.name, r.profile_url.as_deref(), &r.reason)
            }),
        ),
    ]
}

/// "Job changes (2)", or "(2 of 5)" when a limit cut the list.
fn title(title: &str, shown: usize, total: usize) -> String {
    if shown < total {
        format!("{title} ({shown} of {total})")
    } else {
        format!("{title} ({total})")
    }
}

fn total(diff: &Diff, key: &str) -> usize {
    let c = &diff.counts;
    match key {
        "job_changes" => c.job_changes,
        "new_connections" => c.new_connections,
        "removed_connections" => c.removed_connections,
        "renamed_profiles" => c.renamed_profiles,
        "rekindled" => c.rekindled,
        _ => c.gone_cold,
    }
}

/// Writes the diff in `format`: JSON is the [`Diff`] itself; CSV one table
/// with a `list` column; table and Markdown one section per list.
pub fn write_diff(out: &mut dyn Write, diff: &Diff, format: OutputFormat) -> Result<(), Failure> {
    let mut buf: Vec<u8> = Vec::new();
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut buf, diff)?;
            buf.push(b'\n');
        }
        OutputFormat::Csv => {
            let all: Vec<Line<'_>> = sections(diff)
                .into_iter()
                .flat_map(|(_, _, _, rows)| rows)
                .collect();
            write_rows(
                &mut buf,
                &all,
                Format::Csv,
                Some(&["list", "name", "profile_url", "reason"]),
                &unbounded(),
            )?;
        }
        OutputFormat::Table | OutputFormat::Markdown => {
            let markdown = format == OutputFormat::Markdown;
            let days = (diff.new.as_of - diff.old.as_of).num_days();
            let head = format!(
                "Changes from {} to {} ({days} day{})",
                diff.old.as_of,
                diff.new.as_of,
                if days == 1 { "" } else { "s" }
            );
            if markdown {
                writeln!(buf, "# {head}")?;
            } else {
                writeln!(buf, "{head}")?;
            }
            for (key, name, empty, rows) in sections(diff) {
                writeln!(buf)?;
                if rows.is_empty() {
                    writeln!(buf, "{empty}")?;
                    continue;
                }
                let heading = title(name, rows.len(), total(diff, key));
                if markdown {
                    writeln!(buf, "## {heading}\n")?;
                    write_rows(
                        &mut buf,
                        &rows,
                        Format::Markdown,
                        Some(&["name", "reason"]),
                        &unbounded(),
                    )?;
                } else {
                    writeln!(buf, "{heading}")?;
                    write_rows(
                        &mut buf,
                        &rows,
                        Format::Table,
                        Some(&["name", "reason"]),
                        &unbounded(),
                    )?;
                }
            }
            if diff.ambiguous > 0 {
                writeln!(
                    buf,
                    "\n{} people left out: their name and connection date match several people, so who is who cannot be told.",
                    diff.ambiguous
                )?;
            }
        }
    }
    out.write_all(&buf)?;
    Ok(())
}

/// `remind NEW --since OLD`: the job changes since OLD, as rows of the
/// calendar's "Congratulate <name>" events, most worth congratulating first.
/// The note that OLD is in fact the newer export goes to `err`.
pub fn congratulations(
    input: &Input,
    old: &std::path::Path,
    new: &crate::Loaded,
    err: &mut dyn Write,
) -> Result<Vec<rekindle::reports::RelationshipRow>, Failure> {
    let (diff, newer) = diff_since(input, old, new, err)?;
    let newer = newer.as_ref().unwrap_or(&new.metrics);
    Ok(diff
        .job_changes
        .iter()
        .map(|c| {
            let m = newer.get(c.person());
            rekindle::reports::RelationshipRow {
                person: c.person(),
                name: c.name.clone(),
                profile_url: c.profile_url.clone(),
                company: c.new_company.clone(),
                position: c.new_position.clone(),
                connected_on: m.and_then(|m| m.connected_on),
                last_interaction: m.and_then(|m| m.last_interaction),
                days_since_last_interaction: m.and_then(|m| m.days_since_last_interaction),
                messages_sent: m.map_or(0, |m| m.messages_sent),
                messages_received: m.map_or(0, |m| m.messages_received),
                typical_gap_days: None,
                depth: c.depth,
                score: c.depth,
                reason: format!("New job: {}", c.reason),
            }
        })
        .collect())
}

/// `report NEW --since OLD`: the page's "Since your last export" section,
/// followed by the marker it replaces (see main.rs).
pub fn since(
    input: &Input,
    old: &std::path::Path,
    new: &crate::Loaded,
    limit: Option<usize>,
    err: &mut dyn Write,
) -> Result<String, Failure> {
    let (diff, _) = diff_since(input, old, new, err)?;
    Ok(since_section(&diff, limit) + "<section id=\"neglected\">")
}

/// The diff from OLD to the loaded NEW (in either order, said on `err` when
/// swapped), and the newer side's metrics when that is OLD's.
fn diff_since(
    input: &Input,
    old: &std::path::Path,
    new: &crate::Loaded,
    err: &mut dyn Write,
) -> Result<(Diff, Option<rekindle::metrics::Metrics>), Failure> {
    if input.redact {
        // Pseudonyms differ between two exports: a redacted pair cannot be matched.
        return Err("--since cannot be combined with --redact".into());
    }
    let old_input = Input {
        path: old.to_path_buf(),
        as_of: None,
        include_spam: input.include_spam,
        strict: input.strict,
        redact: false,
        max_file_size: input.max_file_size,
        max_total_size: input.max_total_size,
        max_record_size: input.max_record_size,
        max_columns: input.max_columns,
    };
    let o = load(&old_input)?;
    let (diff, swapped) =
        Diff::between_any_order(&o.network, &o.metrics, &new.network, &new.metrics)?;
    if swapped {
        writeln!(
            err,
            "rekindle: {} is the newer export ({} after {}); showing the changes from {} to {}",
            old.display(),
            diff.new.as_of,
            diff.old.as_of,
            input.path.display(),
            old.display()
        )?;
    }
    Ok((diff, swapped.then_some(o.metrics)))
}

/// The "Since your last export" section of `report NEW --since OLD`: job
/// changes first, then rekindled and gone cold. Every text from the exports
/// is HTML-escaped; links are kept only when they are https.
pub fn since_section(diff: &Diff, limit: Option<usize>) -> String {
    use crate::html::escape;
    let name = |name: &str, url: Option<&str>| match url.filter(|u| u.starts_with("https://")) {
        Some(url) => format!(
            r#"<a class="name" href="{}" rel="noreferrer noopener">{}</a>"#,
            escape(url),
            escape(name)
        ),
        None => format!(r#"<span class="name">{}</span>"#, escape(name)),
    };
    let mut html = format!(
        "<section id=\"since\">\n<h2>Since your last export</h2>\n<p class=\"note\">What changed from {} to {}.</p>\n",
        diff.old.as_of, diff.new.as_of
    );
    let lists = sections(diff);
    for (key, title_text, empty, rows) in lists {
        if !matches!(key, "job_changes" | "rekindled" | "gone_cold") {
            continue;
        }
        let total = rows.len();
        let shown = limit.map_or(total, |n| n.min(total));
        html += &format!(
            "<h3 id=\"since-{key}\">{}</h3>\n",
            escape(&title(title_text, shown, total))
        );
        if rows.is_empty() {
            html += &format!("<p class=\"empty\">{}</p>\n", escape(empty));
            continue;
        }
        html += "<ul>\n";
        for row in &rows[..shown] {
            html += &format!(
                "<li>{} — {}</li>\n",
                name(row.name, row.profile_url),
                escape(row.reason)
            );
        }
        html += "</ul>\n";
    }
    html + "</section>\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_list_says_how_long_it_was() {
        assert_eq!(title("Job changes", 2, 2), "Job changes (2)");
        assert_eq!(title("Job changes", 1, 3), "Job changes (1 of 3)");
    }
}
