//! The self-contained HTML report: one file, every style and chart inline,
//! no script, and a Content-Security-Policy that forbids the page any
//! request, so it opens offline and leaks nothing. Names and profile links
//! only: message text is never read into it.

use std::fmt::Write as _;

use rekindle::reports::{self, ListedRelationship, Overview};

use crate::charts;
use crate::output::Failure;

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1e293b; --muted: #64748b; --line: #e2e8f0; --red: #dc2626; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f8fafc; }
header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 0 0 4px; }
.sub, .note, .meta, footer { color: var(--muted); }
.note { margin: 0 0 12px; font-size: .9rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 8px; margin: 16px 0; padding: 0; }
.stats div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.stats dt { font-size: .8rem; color: var(--muted); }
.stats dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.stats .alert dd { color: var(--red); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 16px 0; break-inside: avoid-page; }
figure { margin: 16px 0 0; max-width: 760px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg { max-width: 100%; height: auto; display: block; }
ol.people { list-style: none; margin: 0; padding: 0; }
ol.people li { border-top: 1px solid var(--line); padding: 10px 0; break-inside: avoid; }
.head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }
.name { font-weight: 600; }
.spark { margin-left: auto; width: 160px; }
.reason { margin: 2px 0 0; }
.meta { font-size: .85rem; }
a { color: #1d4ed8; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: 6px 8px; border-top: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; color: var(--muted); border-top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-style: italic; }
footer { padding: 8px 16px 32px; font-size: .85rem; }
@media print {
  body { background: #fff; }
  section { border: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The "This week" section: the plan, each item with why now and the step.
fn this_week(page: &mut String, items: &[rekindle::plan::PlanItem]) -> Result<(), Failure> {
    page.push_str(
        r#"<section id="this-week">
<h2>This week</h2>
<p class="note">One thing to do per person, the most pressing first: why now, and a small step.</p>
"#,
    );
    if items.is_empty() {
        page.push_str(r#"<p class="empty">Nothing to do this week: nobody is waiting, owed or gone cold.</p>"#);
    } else {
        page.push_str("<ol class=\"plan\">");
        for i in items {
            write!(
                page,
                r#"<li><strong>{}</strong> {}<br><span class="reason">{}</span><br>{}"#,
                escape(i.action.title()),
                name_html(&i.name, i.profile_url.as_deref()),
                escape(&i.why_now),
                escape(&i.suggestion)
            )?;
            if let Some(note) = &i.note {
                write!(
                    page,
                    r#"<br><span class="note">Your note: {}</span>"#,
                    escape(note)
                )?;
            }
            page.push_str("</li>");
        }
        page.push_str("</ol>");
    }
    page.push_str("\n</section>\n");
    Ok(())
}

/// A name, linked to the profile when there is one (an https link only).
fn name_html(name: &str, url: Option<&str>) -> String {
    match url.filter(|u| u.starts_with("https://")) {
        Some(url) => format!(
            r#"<a class="name" href="{}" rel="noreferrer noopener">{}</a>"#,
            escape(url),
            escape(name)
        ),
        None => format!(r#"<span class="name">{}</span>"#, escape(name)),
    }
}

/// The whole report as one HTML page: the overview laid out, nothing
/// computed; `since` (already escaped HTML) goes before the neglected list.
pub fn page(o: &Overview, since: Option<&str>) -> Result<String, Failure> {
    let warnings = o.warnings;
    let owner = o.owner.as_deref().unwrap_or("your network");
    let as_of = o.as_of;

    let mut page = String::with_capacity(64 * 1024);
    let title = format!("rekindle: {owner}, as of {as_of}");
    write!(
        page,
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>Relationships worth rekindling</h1>
<p class="sub">{owner_html} · as of {as_of} · made by rekindle {version} on this computer from the LinkedIn data export</p>
<dl class="stats">
<div><dt>Connections</dt><dd id="connections">{connections}</dd></div>
<div><dt>People messaged</dt><dd id="messaged">{messaged}</dd></div>
<div class="alert"><dt>Neglected</dt><dd id="neglected-count">{neglected_count}</dd></div>
<div><dt>Waiting for your reply</dt><dd>{unanswered_count}</dd></div>
</dl>
</header>
<main>
"#,
        title = escape(&title),
        owner_html = escape(owner),
        version = env!("CARGO_PKG_VERSION"),
        connections = o.connections,
        messaged = o.messaged,
        neglected_count = o.neglected_count,
        unanswered_count = o.unanswered_count,
    )?;

    // This week first: what to do, and why now.
    this_week(&mut page, &o.this_week)?;
    if let Some(since) = since {
        page.push_str(since);
    }
    // Neglected first: it is what the report is for.
    page.push_str(
        r#"<section id="neglected">
<h2>Neglected: people you were close to and have let go cold</h2>
<p class="note">Most worth rekindling first. The line beside each name shows your messages with them per month, from the first to today.</p>
"#,
    );
    relationship_list(
        &mut page,
        &o.neglected,
        crate::commands::unless_no_messages(
            o.messages,
            "No neglected relationships: everyone you were close to, you are still in touch with.",
        ),
    )?;
    page.push_str("</section>\n");

    charts_section(&mut page, o)?;

    page.push_str(
        r#"<section id="unanswered">
<h2>Waiting for your reply</h2>
<p class="note">Direct conversations where the other person wrote last, newest first.</p>
"#,
    );
    if o.unanswered.is_empty() {
        let empty =
            crate::commands::unless_no_messages(o.messages, "Nobody is waiting for your reply.");
        write!(page, r#"<p class="empty">{}</p>"#, escape(empty))?;
    } else {
        page.push_str(r#"<div class="scroll"><table><thead><tr><th>Name</th><th>Their last message</th><th class="num">Waiting</th><th class="num">Messages</th></tr></thead><tbody>"#);
        for row in &o.unanswered {
            write!(
                page,
                r#"<tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
                name_html(&row.name, row.profile_url.as_deref()),
                row.last_message,
                escape(&reports::human_days(row.days_waiting)),
                row.messages_waiting
            )?;
        }
        page.push_str("</tbody></table></div>");
    }
    page.push_str("\n</section>\n");

    page.push_str(
        r#"<section id="strongest">
<h2>Strongest: the relationships you keep up</h2>
<p class="note">Two-way relationships you are in touch with now, deepest first.</p>
"#,
    );
    relationship_list(
        &mut page,
        &o.strongest,
        crate::commands::unless_no_messages(
            o.messages,
            "No two-way relationship is active right now.",
        ),
    )?;
    page.push_str("</section>\n");

    page.push_str(
        r#"<section id="companies">
<h2>Companies</h2>
<p class="note">Where your network sits: connections, two-way relationships and their depth per company.</p>
"#,
    );
    if o.companies.is_empty() {
        page.push_str(r#"<p class="empty">No companies are known.</p>"#);
    } else {
        page.push_str(r#"<div class="scroll"><table><thead><tr><th>Company</th><th class="num">Connections</th><th class="num">Two-way</th><th>Deepest tie</th><th class="num">Total depth</th></tr></thead><tbody>"#);
        for row in &o.companies {
            write!(
                page,
                r#"<tr><td>{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td class="num">{:.1}</td></tr>"#,
                escape(&row.company),
                row.connections,
                row.two_way,
                escape(&row.deepest),
                row.total_depth
            )?;
        }
        page.push_str("</tbody></table></div>");
    }
    page.push_str("\n</section>\n</main>\n");
    write!(
        page,
        r#"<footer>Made offline by rekindle {}. This page contains names, companies and profile links from your export, never message text, and loads nothing from the network. {} warning{} while reading the export; run <code>rekindle summary</code> to see them.</footer>
</body>
</html>
"#,
        env!("CARGO_PKG_VERSION"),
        warnings,
        reports::plural(warnings as i64)
    )?;
    Ok(page)
}

/// The neglected or strongest list: name, company, sparkline, reason.
fn relationship_list(
    page: &mut String,
    rows: &[ListedRelationship],
    empty: &str,
) -> Result<(), Failure> {
    if rows.is_empty() {
        writeln!(page, r#"<p class="empty">{}</p>"#, escape(empty))?;
        return Ok(());
    }
    page.push_str("<ol class=\"people\">\n");
    for ListedRelationship { row, activity } in rows {
        let at = [row.position.as_deref(), row.company.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" at ");
        let last = match (row.last_interaction, row.days_since_last_interaction) {
            (Some(date), Some(days)) => format!(
                "last talked {date} ({} ago)",
                reports::human_days(i64::from(days))
            ),
            _ => "never talked".to_string(),
        };
        let span = format!(
            "messages per month, {} to {}",
            activity.from.format("%Y-%m"),
            activity
                .from
                .checked_add_months(chrono::Months::new(
                    activity.per_month.len().saturating_sub(1) as u32
                ))
                .unwrap_or(activity.from)
                .format("%Y-%m")
        );
        writeln!(
            page,
            r#"<li><div class="head">{name}<span class="meta">{at}</span><span class="spark" title="{span}">{spark}</span></div><p class="reason">{reason}</p><p class="meta">{last} · score {score:.1}</p></li>"#,
            name = name_html(&row.name, row.profile_url.as_deref()),
            at = escape(&at),
            span = escape(&span),
            spark = charts::sparkline(&activity.per_month)?,
            reason = escape(&row.reason),
            last = escape(&last),
            score = row.score,
        )?;
    }
    page.push_str("</ol>\n");
    Ok(())
}

/// The three charts: connections per year, messages per month, and
/// recency against depth with the neglected marked.
fn charts_section(page: &mut String, o: &Overview) -> Result<(), Failure> {
    write!(
        page,
        r#"<section id="charts">
<h2>Your network over time</h2>
<figure id="chart-connections"><figcaption>Connections gained per year</figcaption>{}</figure>
<figure id="chart-messages"><figcaption>Messages per month, sent and received</figcaption>{}</figure>
<figure id="chart-recency"><figcaption>How long since you talked, against how deep the relationship was</figcaption>{}<p class="note">Each dot is a two-way relationship. Red dots are on the neglected list: deep, and silent for much longer than their usual rhythm.</p></figure>
</section>
"#,
        charts::connections_per_year(&o.connections_by_year)?,
        charts::messages_per_month(&o.messages_by_month)?,
        charts::recency_vs_depth(&o.dots)?,
    )?;
    Ok(())
}
