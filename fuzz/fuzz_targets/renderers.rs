//! The renderers on hostile names, companies and profile links: the input is
//! split at 0xFF bytes into text pieces, made into a Connections.csv and a
//! messages.csv (so people land on the neglected list), and every output is
//! read back: the table holds no control character or bidi override, the CSV
//! re-parses with every text cell neutralised, every Markdown line has its
//! columns, the GraphML parses as XML 1.0, and the calendar parses with one
//! event per row and no line longer than 75 octets.
//!
//! The renderers live in the binary crate; their files are compiled in here
//! as they are.
#![no_main]
#![allow(dead_code)]

#[path = "../../crates/rekindle-cli/src/calendar.rs"]
mod calendar;
#[path = "../../crates/rekindle-cli/src/render.rs"]
mod render;
#[path = "../../crates/rekindle-cli/src/sanitize.rs"]
mod sanitize;

/// What `calendar.rs` takes from the binary's `output.rs` (which needs clap).
mod output {
    pub type Failure = Box<dyn std::error::Error>;
}

use libfuzzer_sys::fuzz_target;
use rekindle::{Export, FileKind, Network, Options};

const OWNER: &str = "https://www.linkedin.com/in/owner-0";

fn csv_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).expect("in memory");
    }
    writer.into_inner().expect("in memory")
}

fn terminal_safe(text: &str) -> bool {
    text.lines()
        .all(|l| !l.chars().any(|c| c.is_control() || sanitize::is_bidi_control(c)))
}

fuzz_target!(|data: &[u8]| {
    let pieces: Vec<String> = data
        .split(|b| *b == 0xFF)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    let piece = |i: usize| pieces[i % pieces.len()].clone();
    let people = (pieces.len() / 3).clamp(1, 8);
    let mut connections = vec![
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
            .map(String::from)
            .to_vec(),
    ];
    let mut messages = vec![
        [
            "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
            "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for i in 0..people {
        let (name, company) = (piece(3 * i), piece(3 * i + 1));
        let url = format!("https://www.linkedin.com/in/p{i}-{}", piece(3 * i + 2));
        connections.push(vec![
            name.clone(), String::new(), url.clone(), String::new(), company,
            String::new(), "14 Feb 2021".into(),
        ]);
        for k in 0..12 {
            let date = format!("2022-{:02}-0{} 10:00:00 UTC", k + 1, 1 + i % 8);
            let (from, from_url, to, to_url) = if k % 2 == 0 {
                ("Owner", OWNER, name.as_str(), url.as_str())
            } else {
                (name.as_str(), url.as_str(), "Owner", OWNER)
            };
            messages.push(
                [&format!("c{i}"), "", from, from_url, to, to_url, &date, "", "hi", "INBOX", ""]
                    .map(String::from)
                    .to_vec(),
            );
        }
    }
    let mut export = Export::default();
    let connections = csv_bytes(&connections);
    let messages = csv_bytes(&messages);
    if export
        .read_file(FileKind::Connections, "Connections.csv", &connections[..])
        .is_err()
        || export
            .read_file(FileKind::Messages, "messages.csv", &messages[..])
            .is_err()
    {
        return;
    }
    let options = Options {
        as_of: Options::parse_as_of("2026-10-01").ok(),
        ..Options::default()
    };
    let Ok(network) = Network::from_export(&export, &options) else {
        return;
    };
    let Ok(metrics) = rekindle::metrics::compute(&network) else {
        return;
    };
    let rows = rekindle::reports::neglected(&network, &metrics);
    let style = render::TableStyle { max_width: 80, color: false };

    let mut table = Vec::new();
    render::write_rows(&mut table, &rows, render::Format::Table, None, &style).expect("table");
    assert!(terminal_safe(&String::from_utf8(table).expect("utf-8")));

    let mut csv_out = Vec::new();
    render::write_rows(&mut csv_out, &rows, render::Format::Csv, None, &style).expect("csv");
    let mut reader = csv::Reader::from_reader(&csv_out[..]);
    let records: Vec<csv::StringRecord> =
        reader.records().map(|r| r.expect("CSV re-parses")).collect();
    assert_eq!(records.len(), rows.len());
    for record in &records {
        for cell in record {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell:?}");
        }
    }

    let mut markdown = Vec::new();
    render::write_rows(&mut markdown, &rows, render::Format::Markdown, None, &style)
        .expect("markdown");
    let markdown = String::from_utf8(markdown).expect("utf-8");
    assert!(terminal_safe(&markdown));
    assert!(!markdown.contains(['<', '>']));
    if !rows.is_empty() {
        assert_eq!(markdown.lines().count(), rows.len() + 2);
    }

    let mut graphml = Vec::new();
    network.write_graphml(&mut graphml).expect("graphml");
    let graphml = String::from_utf8(graphml).expect("utf-8");
    roxmltree::Document::parse(&graphml).expect("GraphML is XML 1.0");

    let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("a day");
    let stamp = chrono::DateTime::<chrono::Utc>::from_timestamp(0, 0).expect("a time");
    let ics = calendar::build(&[], &rows, start, 7, stamp).expect("calendar");
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75 && !line.chars().any(char::is_control), "{line:?}");
    }
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .expect("a calendar")
        .expect("the calendar parses");
    assert_eq!(calendar.events.len(), rows.len());
});
