//! How a [`Diff`] reads: one section per list in a table or Markdown, one
//! table with a `list` column in CSV, the diff itself in JSON; the
//! "Since your last export" section of the HTML page; the job changes as
//! the calendar's "Congratulate" rows.

use std::io::Write;

use rekindle::diff::Diff;
use rekindle::{Metrics, RelationshipRow};
use serde::Serialize;

use crate::args::OutputFormat;
use crate::output::{Failure, Printer};

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
    // Every list's rows have a name, a profile link and a reason; the JSON
    // key is the field's name.
    macro_rules! section {
        ($list:ident, $title:expr, $empty:expr) => {
            (
                stringify!($list),
                $title,
                $empty,
                lines(stringify!($list), &diff.$list, |r| {
                    (&r.name, r.profile_url.as_deref(), &r.reason)
                }),
            )
        };
    }
    vec![
        section!(job_changes, "Job changes", "No job changes."),
        section!(new_connections, "New connections", "No new connections."),
        section!(
            removed_connections,
            "Connections gone",
            "No connections gone."
        ),
        section!(
            renamed_profiles,
            "Changed profile links",
            "No changed profile links."
        ),
        section!(
            rekindled,
            "Rekindled",
            "Nobody rekindled: no neglected tie is in touch again."
        ),
        section!(gone_cold, "Gone cold", "Nothing gone cold."),
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
pub fn write_diff(
    out: &mut dyn Write,
    diff: &Diff,
    format: OutputFormat,
    p: &Printer,
) -> Result<(), Failure> {
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
            p.unbounded_rows(
                &mut buf,
                &all,
                format,
                &["list", "name", "profile_url", "reason"],
            )?;
        }
        OutputFormat::Table | OutputFormat::Markdown => {
            let markdown = format == OutputFormat::Markdown;
            let days = (diff.new.as_of - diff.old.as_of).num_days();
            let head = format!(
                "Changes from {} to {} ({days} day{})",
                diff.old.as_of,
                diff.new.as_of,
                rekindle::reports::plural(days)
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
                } else {
                    writeln!(buf, "{heading}")?;
                }
                p.unbounded_rows(&mut buf, &rows, format, &["name", "reason"])?;
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

/// `remind NEW --since OLD`: the job changes, as rows of the calendar's
/// "Congratulate <name>" events, most worth congratulating first. `newer`
/// is the newer export's metrics.
pub fn congratulations(diff: &Diff, newer: &Metrics) -> Vec<RelationshipRow> {
    diff.job_changes
        .iter()
        .map(|c| {
            let m = newer.get(c.person());
            RelationshipRow {
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
        .collect()
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
