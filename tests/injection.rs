//! Names, companies and profile links are written by other people. Crafted
//! ones, made by a fixed pseudo-random generator, go through the real binary
//! into every renderer (table, CSV, Markdown, GraphML, iCalendar, error
//! messages), and each output is read back with an independent parser: the
//! csv crate, roxmltree (strict XML 1.0), ical-rs. No output may hold a
//! control character, a bidi override or markup where its reader would act
//! on it.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Pieces of hostile text; a name or company is two or three of them.
const PIECES: &[&str] = &[
    "Ann",
    "Zoë",
    "李小龙",
    "=HYPERLINK(\"http://evil.invalid\",\"x\")",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=tab",
    "\r=cr",
    "<script>alert(1)</script>",
    "<b onmouseover=x>",
    "\"quoted\"",
    "'single'",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.invalid\x07click\x1b]8;;\x07",
    "\x07bell",
    "\u{202E}gnp.exe",
    "\u{2066}iso\u{2069}",
    "\r\nBEGIN:VEVENT\r\nATTENDEE:mailto:evil@example.invalid",
    "line\nbreak",
    "a|b",
    "[win](javascript:alert(1))",
    "`code`",
    "*bold*_under_",
    "&lt;&#60;",
    "back\\slash\\|",
    "\u{FFFF}\u{FFFE}",
    "nul\u{0}\u{1}\u{1f}",
    "c1\u{85}\u{9b}31m",
    ";,:",
];

/// Profile link tails: percent-encoded line breaks and escapes among them.
const URL_TAILS: &[&str] = &[
    "%0D%0AATTENDEE:mailto:evil@example.invalid%0D%0A",
    "%0D%0AEND:VEVENT%0D%0ABEGIN:VEVENT%0D%0ASUMMARY:pwned",
    "%1B%5B2J%07",
    "%22%3E%3Cscript%3E",
    "%E2%80%AEfdp",
    "%EF%BF%BF",
    "=cmd",
    "plain",
    "%25",
    "sp%20ace",
];

/// xorshift64*: the same crafted export on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    fn text(&mut self) -> String {
        let n = 2 + self.below(2);
        (0..n)
            .map(|_| PIECES[self.below(PIECES.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const OWNER_URL: &str = "https://www.linkedin.com/in/avery-quinn-0000";

/// A folder export with `people` crafted connections: the even ones were
/// written to for two years and then not since (neglected), the odd ones
/// never (never contacted).
fn crafted_export(root: &Path, people: usize, seed: u64) -> PathBuf {
    let dir = root.join("export");
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(seed);
    std::fs::write(
        dir.join("Profile.csv"),
        "First Name,Last Name,Headline\nAvery,Quinn,Product lead\n",
    )
    .unwrap();
    let mut connections = csv::Writer::from_writer(Vec::new());
    connections
        .write_record([
            "First Name",
            "Last Name",
            "URL",
            "Email Address",
            "Company",
            "Position",
            "Connected On",
        ])
        .unwrap();
    let mut messages = csv::Writer::from_writer(Vec::new());
    messages
        .write_record([
            "CONVERSATION ID",
            "CONVERSATION TITLE",
            "FROM",
            "SENDER PROFILE URL",
            "TO",
            "RECIPIENT PROFILE URLS",
            "DATE",
            "SUBJECT",
            "CONTENT",
            "FOLDER",
            "ATTACHMENTS",
        ])
        .unwrap();
    for i in 0..people {
        // Every piece is in some first name or company, whatever the seed.
        let first = format!("{} {}", PIECES[i % PIECES.len()], rng.text());
        let last = rng.text();
        let url = format!(
            "https://www.linkedin.com/in/p{i}-{}",
            URL_TAILS[rng.below(URL_TAILS.len())]
        );
        let company = format!("{} {}", PIECES[(i + 24) % PIECES.len()], rng.text());
        let position = rng.text();
        connections
            .write_record([
                first.as_str(),
                last.as_str(),
                &url,
                "",
                &company,
                &position,
                "14 Feb 2021",
            ])
            .unwrap();
        if i % 2 == 1 {
            continue;
        }
        let name = format!("{first} {last}");
        let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 3).unwrap();
        for k in 0..30u64 {
            let day = start + chrono::Days::new(21 * k + i as u64);
            let date = format!("{} 10:00:00 UTC", day.format("%Y-%m-%d"));
            let (from, from_url, to, to_url) = if k % 2 == 0 {
                ("Avery Quinn", OWNER_URL, name.as_str(), url.as_str())
            } else {
                (name.as_str(), url.as_str(), "Avery Quinn", OWNER_URL)
            };
            messages
                .write_record([
                    &format!("conv-{i}"),
                    "",
                    from,
                    from_url,
                    to,
                    to_url,
                    &date,
                    "",
                    "hello",
                    "INBOX",
                    "",
                ])
                .unwrap();
        }
    }
    std::fs::write(
        dir.join("Connections.csv"),
        connections.into_inner().unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("messages.csv"), messages.into_inner().unwrap()).unwrap();
    dir
}

/// Runs `rekindle` in `cwd` with an 80-column, colourless terminal.
fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rekindle"))
        .args(args)
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .current_dir(cwd)
        .output()
        .unwrap()
}

/// What a successful run printed.
fn ok(cwd: &Path, args: &[&str]) -> String {
    let out = run(cwd, args);
    assert!(
        out.status.success(),
        "rekindle {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// No control character but the line feed, and no bidi override.
fn assert_terminal_safe(what: &str, text: &str) {
    for (n, line) in text.lines().enumerate() {
        assert!(
            !line.chars().any(|c| c.is_control() || is_bidi(c)),
            "{what}, line {}: {line:?}",
            n + 1
        );
    }
}

/// The crafted export in a scratch folder, and the folder.
struct Crafted {
    _temp: tempfile::TempDir,
    root: PathBuf,
    export: String,
}

fn crafted(seed: u64) -> Crafted {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().to_path_buf();
    let export = crafted_export(&root, 24, seed);
    Crafted {
        _temp: temp,
        root,
        export: export.to_str().unwrap().to_string(),
    }
}

impl Crafted {
    fn ok(&self, args: &[&str]) -> String {
        let mut all = args.to_vec();
        all.insert(1, &self.export);
        all.extend(["--as-of", "2026-10-01"]);
        ok(&self.root, &all)
    }

    fn json(&self, command: &str) -> Vec<Value> {
        let rows: Value = serde_json::from_str(&self.ok(&[command, "--format", "json"])).unwrap();
        rows.as_array().unwrap().clone()
    }
}

const SEEDS: [u64; 3] = [0x5eed_0001, 0xdead_beef_cafe, 42];

#[test]
fn the_crafted_export_is_hostile_and_fills_every_list() {
    let c = crafted(SEEDS[0]);
    let neglected = c.json("neglected");
    let never = c.json("never-contacted");
    assert_eq!(neglected.len(), 12, "every even person is neglected");
    assert_eq!(never.len(), 12, "every odd person was never written to");
    let text: String = neglected
        .iter()
        .chain(&never)
        .map(|r| format!("{} {}", r["name"], r["company"]))
        .collect();
    // serde_json writes controls as \u escapes, so look for those.
    for needle in [
        "\\u001b",
        "\\r",
        "\\n",
        "\u{202E}",
        "<script>",
        "=HYPERLINK",
        "\\u0007",
    ] {
        assert!(text.contains(needle), "the data lost {needle:?}");
    }
}

#[test]
fn tables_hold_no_control_characters_or_bidi_overrides() {
    for seed in SEEDS {
        let c = crafted(seed);
        for command in [
            "neglected",
            "never-contacted",
            "companies",
            "metrics",
            "strongest",
        ] {
            let table = c.ok(&[command]);
            assert_terminal_safe(&format!("{command} table (seed {seed})"), &table);
        }
        let summary = c.ok(&["summary"]);
        assert_terminal_safe("summary", &summary);
    }
}

/// Whether a spreadsheet would run this cell as a formula.
fn dangerous(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn csv_cells_never_start_a_formula_and_numbers_stay_numbers() {
    for seed in SEEDS {
        let c = crafted(seed);
        for command in ["neglected", "never-contacted", "companies"] {
            let rows = c.json(command);
            for raw in [false, true] {
                let mut args = vec![command, "--format", "csv"];
                if raw {
                    args.push("--raw-csv");
                }
                let text = c.ok(&args);
                let mut reader = csv::Reader::from_reader(text.as_bytes());
                let headers = reader.headers().unwrap().clone();
                let records: Vec<csv::StringRecord> =
                    reader.records().map(Result::unwrap).collect();
                assert_eq!(records.len(), rows.len(), "{command} rows");
                let mut neutralised = 0;
                for (record, row) in records.iter().zip(&rows) {
                    assert_eq!(record.len(), headers.len());
                    for (key, cell) in headers.iter().zip(record) {
                        match &row[key] {
                            Value::String(s) if !raw && dangerous(s) => {
                                assert_eq!(cell, format!("'{s}"), "{command}.{key}");
                                neutralised += 1;
                            }
                            Value::String(s) => assert_eq!(cell, s, "{command}.{key}"),
                            Value::Number(n) => {
                                let read: f64 = cell.parse().unwrap();
                                assert_eq!(read, n.as_f64().unwrap(), "{command}.{key}");
                            }
                            Value::Null => assert_eq!(cell, ""),
                            Value::Bool(b) => assert_eq!(cell, b.to_string()),
                            other => panic!("{command}.{key}: unexpected {other}"),
                        }
                        if !raw {
                            assert!(!dangerous(cell), "{command}.{key}: {cell:?}");
                        }
                    }
                }
                if !raw && command != "companies" {
                    assert!(neutralised > 0, "{command}: no hostile cell to neutralise");
                }
            }
        }
    }
}

#[test]
fn markdown_cells_stay_in_their_column_and_hold_no_html() {
    for seed in SEEDS {
        let c = crafted(seed);
        for command in ["neglected", "never-contacted", "companies"] {
            let rows = c.json(command);
            let text = c.ok(&[command, "--format", "markdown"]);
            assert_terminal_safe(&format!("{command} markdown"), &text);
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), rows.len() + 2, "{command}: one line per row");
            let columns = unescaped_pipes(lines[0]);
            for line in &lines {
                assert!(line.starts_with("| ") && line.ends_with(" |"), "{line:?}");
                assert_eq!(unescaped_pipes(line), columns, "{command}: {line:?}");
                assert!(!line.contains(['<', '>']), "raw HTML in {line:?}");
                let unescaped_bracket = line
                    .char_indices()
                    .any(|(i, c)| c == '[' && backslashes_before(line, i).is_multiple_of(2));
                assert!(!unescaped_bracket, "a link can start in {line:?}");
            }
        }
    }
}

fn backslashes_before(line: &str, at: usize) -> usize {
    line[..at].chars().rev().take_while(|c| *c == '\\').count()
}

/// The `|` that GitHub reads as cell borders: those not escaped by an odd
/// run of backslashes.
fn unescaped_pipes(line: &str) -> usize {
    line.char_indices()
        .filter(|(i, c)| *c == '|' && backslashes_before(line, *i).is_multiple_of(2))
        .count()
}

/// What a strict XML parser reads for a name: forbidden characters replaced
/// as rekindle does, line ends normalised as XML does.
fn as_xml_reads(name: &str) -> String {
    name.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' => '\n',
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t') => ' ',
            c => c,
        })
        .collect()
}

#[test]
fn graphml_is_well_formed_xml_with_every_name() {
    for seed in SEEDS {
        let c = crafted(seed);
        let graph: Value = serde_json::from_str(&c.ok(&["graph", "--format", "json"])).unwrap();
        let xml = c.ok(&["graph", "--format", "graphml"]);
        let doc = roxmltree::Document::parse(&xml)
            .unwrap_or_else(|e| panic!("GraphML does not parse (seed {seed}): {e}"));
        let names: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("n_name"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect();
        let want: Vec<String> = graph["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| as_xml_reads(n["name"].as_str().unwrap()))
            .collect();
        assert_eq!(names, want);
        assert!(
            want.iter().any(|n| n.contains('\u{FFFD}')),
            "seed {seed}: no U+FFFF in the names to test"
        );
    }
}

/// The property names an event and its alarm may carry.
const EVENT_PROPERTIES: [&str; 8] = [
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "DESCRIPTION",
    "TRANSP",
    "URL",
];
const ALARM_PROPERTIES: [&str; 5] = ["ACTION", "TRIGGER", "DESCRIPTION", "UID", "DTSTAMP"];

#[test]
fn the_calendar_holds_one_clean_event_per_person_and_nothing_injected() {
    for seed in SEEDS {
        let c = crafted(seed);
        let rows = c.json("neglected");
        let ics = c.ok(&[
            "remind",
            "--limit",
            "100",
            "--start",
            "2026-12-07",
            "-o",
            "-",
        ]);
        assert!(ics.ends_with("\r\n"));
        for line in ics.split_terminator("\r\n") {
            assert!(
                !line.chars().any(|c| c.is_control() || is_bidi(c)),
                "seed {seed}: {line:?}"
            );
            assert!(line.len() <= 75, "an unfolded line: {line:?}");
            assert!(!line.starts_with("ATTENDEE"), "injected: {line:?}");
        }
        let mut calendars = ical::IcalParser::new(ics.as_bytes());
        let calendar = calendars.next().unwrap().unwrap();
        assert!(calendars.next().is_none(), "a second calendar");
        assert_eq!(calendar.events.len(), rows.len(), "seed {seed}");
        for (event, row) in calendar.events.iter().zip(&rows) {
            for p in &event.properties {
                assert!(EVENT_PROPERTIES.contains(&p.name.as_str()), "{}", p.name);
            }
            assert_eq!(event.alarms.len(), 1);
            for p in &event.alarms[0].properties {
                assert!(ALARM_PROPERTIES.contains(&p.name.as_str()), "{}", p.name);
            }
            // A link holding white space is no profile link (issue 11): such
            // a person has no URL, and their event none either.
            let url = event.properties.iter().find(|p| p.name == "URL");
            let url = url.and_then(|p| p.value.clone());
            assert_eq!(url.is_some(), row["profile_url"].is_string(), "seed {seed}");
            if let Some(url) = url {
                assert!(url.starts_with("https://www.linkedin.com/in/p"), "{url}");
                assert!(
                    url.bytes()
                        .all(|b| b.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&b)),
                    "not a URI: {url:?}"
                );
            }
            // The name, cleaned as for a terminal; ical-rs trims spaces where
            // it unfolds, so compare without white space.
            let summary = event.properties.iter().find(|p| p.name == "SUMMARY");
            let summary = unescape(&summary.and_then(|p| p.value.clone()).unwrap());
            let name = row["name"].as_str().unwrap();
            let clean: String = name
                .replace("\r\n", " ")
                .chars()
                .filter(|c| !is_bidi(*c))
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let squeezed = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(
                squeezed(&summary),
                squeezed(&format!("Reconnect with {clean}"))
            );
        }
    }
}

/// RFC 5545 §3.3.11 TEXT unescaping: `\\`, `\;`, `\,`, `\n` / `\N`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[test]
fn a_calendar_past_year_9999_is_refused() {
    let c = crafted(SEEDS[0]);
    let out = run(
        &c.root,
        &[
            "remind",
            &c.export,
            "--as-of",
            "2026-10-01",
            "--start",
            "9999-12-20",
            "-o",
            "-",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    // 9999-12-20 and 12-27 fit; 10000-01-03 has five digits.
    assert!(
        err.contains("reminder 3 would fall after 9999-12-30"),
        "{err}"
    );
}

#[test]
fn the_several_people_error_is_clean_line_by_line() {
    let c = crafted(SEEDS[1]);
    let out = run(
        &c.root,
        &[
            "person",
            &c.export,
            "--as-of",
            "2026-10-01",
            "linkedin.com/in/p",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_terminal_safe("the several-match error", &err);
    let lines: Vec<&str> = err.lines().collect();
    // Those whose crafted link holds white space have no profile link
    // (issue 11), so fewer than the 24 crafted people match a URL part.
    let matched: usize = lines[0]
        .strip_prefix("rekindle: ")
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{err}"));
    assert!(matched >= 10, "{err}");
    assert!(
        lines[0].ends_with("people match \"linkedin.com/in/p\"; narrow the query (a longer name or a part of the profile URL):"),
        "{err}"
    );
    assert_eq!(lines.len(), matched + 1, "one line per person: {err}");
    for line in &lines[1..] {
        assert!(line.starts_with("  "), "{line:?}");
    }
}

#[test]
fn zip_entry_names_in_errors_are_one_clean_line() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("export.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let entry = "inner\x1b]0;owned\x07\r\nrekindle: all fine\u{202E}.zip";
    zip.start_file(entry, options).unwrap();
    zip.write_all(b"not a zip").unwrap();
    zip.finish().unwrap();
    let out = run(temp.path(), &["summary", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("holds another zip"), "{err}");
    assert!(
        err.contains("rekindle: all fine"),
        "the name is shown: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert_terminal_safe("the nested-zip error", &err);
}
