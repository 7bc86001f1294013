//! `rekindle report`: the HTML page holds what the other commands print,
//! loads nothing, holds no message text, and renders in a real browser with
//! its charts visible.
//!
//! The browser test runs `tests/browser/render.py` (headless Chromium). Where
//! Chromium is missing it is skipped with a note, unless
//! `REKINDLE_BROWSER_TESTS=required` (set by `.ci/run`), which makes a
//! missing browser a failure.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{SAMPLE_ZIP as ZIP, json, names, rekindle, root, stdout};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rekindle-report-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The report of the 2026 sample, written with `-o` to a scratch file.
fn report(name: &str, extra: &[&str]) -> (PathBuf, String) {
    let path = scratch(name);
    let mut args = vec!["report", ZIP, "-o", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let said = stdout(&args);
    assert!(said.starts_with("Wrote "), "{said}");
    let html = std::fs::read_to_string(&path).unwrap();
    (path, html)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of every `class="name"` element inside `<section id="…">`, in order.
fn names_in(html: &str, section: &str) -> Vec<String> {
    let start = html
        .find(&format!(r#"<section id="{section}">"#))
        .unwrap_or_else(|| panic!("no section {section}"));
    let body = &html[start..start + html[start..].find("</section>").unwrap()];
    body.split(r#"class="name""#)
        .skip(1)
        .map(|rest| {
            let text = &rest[rest.find('>').unwrap() + 1..];
            unescape(&text[..text.find('<').unwrap()])
        })
        .collect()
}

fn json_names(command: &str) -> Vec<String> {
    names(&json(&[command, ZIP, "--format", "json"]))
}

#[test]
fn report_holds_the_same_lists_as_the_commands() {
    let (_, html) = report("lists.html", &[]);
    let neglected = json_names("neglected");
    assert_eq!(neglected, ["Maya Okonkwo-Reyes", "Jonas Lindqvist"]);
    assert_eq!(names_in(&html, "neglected"), neglected);
    assert_eq!(names_in(&html, "strongest"), json_names("strongest"));
    assert_eq!(names_in(&html, "unanswered"), json_names("unanswered"));
    assert!(html.contains(r#"<dd id="neglected-count">2</dd>"#));
    assert!(html.contains(r#"<dd id="connections">14</dd>"#));
    assert!(html.contains("Avery Quinn"));
    // Each neglected person gets a sparkline, and the three charts are there.
    let neglected_section = &html[html.find(r#"<section id="neglected">"#).unwrap()..];
    let neglected_section = &neglected_section[..neglected_section.find("</section>").unwrap()];
    assert_eq!(neglected_section.matches("<svg").count(), 2);
    for chart in ["chart-connections", "chart-messages", "chart-recency"] {
        let at = html.find(&format!(r#"<figure id="{chart}">"#)).unwrap();
        assert!(
            html[at..].find("<svg").unwrap() < 200,
            "{chart} has its SVG"
        );
    }
    // The scatter marks exactly the neglected in red.
    let recency = &html[html.find(r#"id="chart-recency""#).unwrap()..];
    let recency = &recency[..recency.find("</figure>").unwrap()];
    let red_dots = recency.matches(r##"fill="#DC2626""##).count();
    assert_eq!(
        red_dots,
        neglected.len() + 1,
        "one per neglected, one in the legend"
    );

    let limited = report("limited.html", &["--limit", "1"]).1;
    assert_eq!(names_in(&limited, "neglected"), neglected[..1]);
}

#[test]
fn report_loads_nothing_and_holds_no_message_text() {
    let (_, html) = report("offline.html", &[]);
    assert!(
        html.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none';"#)
    );
    for forbidden in [
        "<script", "<link", "<iframe", "<img", "@import", "url(", " src=",
    ] {
        assert!(!html.contains(forbidden), "the page holds {forbidden:?}");
    }
    // The only links are profile links, and they are not loaded, only followed.
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with("https://www.linkedin.com/in/"),
            "unexpected link {}",
            &href[..href.find('"').unwrap()]
        );
    }
    // No message text: every CONTENT and SUBJECT of the sample is absent.
    let messages =
        root().join("data-samples/2026/Complete_LinkedInDataExport_10-05-2026/messages.csv");
    let mut reader = csv::Reader::from_path(messages).unwrap();
    let headers = reader.headers().unwrap().clone();
    let columns: Vec<usize> = ["CONTENT", "SUBJECT"]
        .iter()
        .map(|c| headers.iter().position(|h| h == *c).unwrap())
        .collect();
    let mut checked = 0;
    for record in reader.records() {
        let record = record.unwrap();
        for &c in &columns {
            let text = record.get(c).unwrap_or("").trim();
            // Short texts ("Thanks!") could appear by chance in a reason.
            if text.chars().count() >= 12 {
                checked += 1;
                assert!(
                    !unescape(&html).contains(text),
                    "message text in the report: {text:?}"
                );
            }
        }
    }
    assert!(checked > 50, "only {checked} texts were checked");
}

#[test]
fn report_to_stdout_and_a_clear_error_for_an_unwritable_path() {
    let page = stdout(&["report", ZIP, "-o", "-"]);
    assert!(page.starts_with("<!doctype html>") && page.trim_end().ends_with("</html>"));
    let out = rekindle(&["report", ZIP, "-o", "/nonexistent-dir/r.html"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("rekindle: /nonexistent-dir/r.html: cannot write:"),
        "{err}"
    );
}

fn chromium_available() -> bool {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .chain(std::env::var("CHROMIUM").ok().as_deref().iter())
        .any(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// Runs the browser script; returns its exit code and its JSON.
fn render(page: &Path, shot: &Path, height: u32) -> (i32, serde_json::Value) {
    let out = Command::new("python3")
        .arg(root().join("tests/browser/render.py"))
        .args([page, shot])
        .args(["--height", &height.to_string()])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "render.py printed no JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

/// How many pixels of the screenshot are within a few levels of `rgb`.
fn pixels_of(png_path: &Path, rgb: [u8; 3]) -> usize {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buf[..info.buffer_size()]
        .chunks(channels)
        .filter(|px| (0..3).all(|i| px[i].abs_diff(rgb[i]) <= 6))
        .count()
}

#[test]
fn report_renders_in_chromium_with_charts_and_no_requests() {
    if !chromium_available() {
        assert_ne!(
            std::env::var("REKINDLE_BROWSER_TESTS").as_deref(),
            Ok("required"),
            "REKINDLE_BROWSER_TESTS=required but no Chromium is installed"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: no Chromium (apt-get install chromium) to render the report in");
        }
        return;
    }
    let (page, _) = report("browser.html", &[]);
    let shot = scratch("browser.png");
    let (code, seen) = render(&page, &shot, 3600);
    assert_eq!(code, 0, "the page did not load cleanly: {seen:#}");
    assert_eq!(seen["console_messages"], serde_json::json!([]));
    assert_eq!(seen["page_requests"], serde_json::json!([]));
    // The charts are drawn: the bars' teal, the neglected dots' red and the
    // sent line's blue are on the screen, in more than a stray pixel or two.
    for (what, rgb) in [
        ("connection bars", [13, 148, 136]),
        ("neglected dots", [220, 38, 38]),
        ("sent line", [37, 99, 235]),
        ("received line", [234, 88, 12]),
    ] {
        let n = pixels_of(&shot, rgb);
        assert!(
            n > 50,
            "{what}: only {n} pixels of {rgb:?} in {}",
            shot.display()
        );
    }

    // The check can fail: a page that logs and fetches is caught on both counts.
    let bad = scratch("bad.html");
    std::fs::write(
        &bad,
        r#"<!doctype html><title>bad</title><img src="http://127.0.0.1:9/x.png"><script>console.error("caught")</script>"#,
    )
    .unwrap();
    let (code, seen) = render(&bad, &scratch("bad.png"), 400);
    assert_eq!(code, 1, "{seen:#}");
    assert!(
        seen["console_messages"][0]
            .as_str()
            .unwrap()
            .contains("caught")
    );
    assert_eq!(seen["page_requests"][0], "http://127.0.0.1:9/x.png");
}
