//! `rekindle plan` and `rekindle reciprocity` through the real binary, on
//! the samples: the story's plan as golden output, and what must never be in it.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

mod common;

use common::{golden, json, rekindle, stdout};

fn pairs(plan: &serde_json::Value) -> Vec<(String, String)> {
    plan.as_array()
        .expect("an array")
        .iter()
        .map(|i| {
            (
                i["action"].as_str().unwrap().to_string(),
                i["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_sample_story_plan() {
    golden("plan.txt", &stdout(&["plan", "2026"]));
    let all = stdout(&["plan", "2026", "--format", "json", "--limit", "0"]);
    golden("plan.json", &all);
    let plan: serde_json::Value = serde_json::from_str(&all).unwrap();
    let found = pairs(&plan);
    for expected in [
        ("reply", "Elif Demir"),
        ("reciprocate", "Priya Raman"),
        ("ask", "Maya Okonkwo-Reyes"),
        ("ask", "Tomás Álvarez"),
    ] {
        let expected = (expected.0.to_string(), expected.1.to_string());
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    // The recruiter, the sponsored sender, the closed account, the spammer:
    // never in the plan. Lena's invitation note was never accepted.
    for never in [
        "Dana Whitfield",
        "Northwind Careers",
        "LinkedIn Member",
        "Crypto Deals",
        "Lena Fischer",
    ] {
        assert!(
            found.iter().all(|(_, n)| n != never),
            "{never} in {found:?}"
        );
    }
    // One item per person.
    let mut names: Vec<&String> = found.iter().map(|(_, n)| n).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), found.len());
    // Maya's note rides along; Tomás's too.
    let maya = plan
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "Maya Okonkwo-Reyes")
        .unwrap();
    assert!(
        maya["note"]
            .as_str()
            .unwrap()
            .starts_with("Met at the 2019")
    );
    let default = json(&["plan", "2026", "--format", "json"]);
    let default = pairs(&default);
    assert!(default.len() <= 7);
    let mut actions: Vec<&String> = default.iter().map(|(a, _)| a).collect();
    actions.dedup();
    assert!(actions.len() >= 3, "{default:?}");
}

#[test]
fn congratulate_comes_from_the_older_export() {
    let plan = stdout(&[
        "plan",
        "2025-later",
        "--since",
        "2025",
        "--format",
        "json",
        "--limit",
        "0",
    ]);
    golden("plan-since.json", &plan);
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert!(
        pairs(&plan)
            .iter()
            .any(|(a, n)| a == "congratulate" && n == "Maya Okonkwo-Reyes"),
        "{plan:#}"
    );
    let without = json(&["plan", "2025-later", "--format", "json", "--limit", "0"]);
    assert!(pairs(&without).iter().all(|(a, _)| a != "congratulate"));
    // The newer export as --since is refused, not silently reversed.
    let out = rekindle(&["plan", "2025", "--since", "2025-later"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer export"));
}

#[test]
fn redacted_plans_hold_no_name_and_no_note() {
    let plan = stdout(&[
        "plan", "2026", "--format", "json", "--limit", "0", "--redact",
    ]);
    for secret in [
        "Maya",
        "Priya",
        "Elif",
        "offsite",
        "Madrid",
        "linkedin.com/in/",
    ] {
        assert!(!plan.contains(secret), "{secret} in {plan}");
    }
    let out = rekindle(&["plan", "2025-later", "--since", "2025", "--redact"]);
    assert!(!out.status.success());
}

#[test]
fn the_reciprocity_ledger() {
    golden("reciprocity.txt", &stdout(&["reciprocity", "2026"]));
    let rows = json(&["reciprocity", "2026", "--format", "json"]);
    let first = &rows[0];
    assert_eq!(first["name"], "Priya Raman");
    assert_eq!(
        (first["they_gave"].as_u64(), first["you_gave"].as_u64()),
        (Some(3), Some(1))
    );
}

#[test]
fn person_reads_as_a_card_and_its_json_keeps_everything() {
    let card = stdout(&["person", "2026", "okonkwo"]);
    golden("person-card.txt", &card);
    assert!(card.starts_with("Maya Okonkwo-Reyes — Head of Design at Tidewater Labs\n"));
    assert!(card.contains("\nNow: Ask — "), "{card}");
    assert!(
        card.contains("\nYour note: Met at the 2019 design offsite."),
        "{card}"
    );
    assert!(
        !card.contains("{\"kind\""),
        "ties are sentences, not JSON: {card}"
    );
    let maya = json(&["person", "2026", "okonkwo", "--format", "json"]);
    assert_eq!(maya["plan"]["action"], "ask");
    assert!(
        maya["note"]
            .as_str()
            .unwrap()
            .contains("service design book")
    );
    assert_eq!(maya["metrics"]["name"], "Maya Okonkwo-Reyes");
    let redacted = stdout(&[
        "person",
        "2026",
        "Person 14",
        "--redact",
        "--format",
        "json",
    ]);
    assert!(!redacted.contains("offsite"), "{redacted}");
}

#[test]
fn the_report_opens_with_this_week() {
    let page = stdout(&["report", "2026", "-o", "-"]);
    let week = page
        .find(r#"<section id="this-week">"#)
        .expect("a This week section");
    let neglected = page.find(r#"<section id="neglected">"#).expect("neglected");
    assert!(week < neglected);
    let section = &page[week..neglected];
    assert!(section.contains("<strong>Reply</strong>"), "{section}");
    assert!(section.contains("Elif Demir"), "{section}");
    assert_eq!(
        section.matches("<li>").count(),
        json(&["plan", "2026", "--format", "json"])
            .as_array()
            .unwrap()
            .len()
    );
}

#[test]
fn remind_from_plan_writes_one_event_per_item_with_stable_uids() {
    let ics = |start: &str| {
        stdout(&[
            "remind", "2026", "--from", "plan", "--limit", "7", "--start", start,
        ])
    };
    let (a, b) = (ics("2026-10-06"), ics("2026-11-02"));
    let plan = json(&["plan", "2026", "--format", "json"]);
    let items = plan.as_array().unwrap();
    assert_eq!(a.matches("BEGIN:VEVENT").count(), items.len());
    let summaries: Vec<&str> = a
        .lines()
        .filter_map(|l| l.strip_prefix("SUMMARY:"))
        .collect();
    assert_eq!(summaries[0], "Reply Elif Demir");
    assert!(
        summaries.contains(&"Reciprocate Priya Raman"),
        "{summaries:?}"
    );
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("UID:plan-"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&a), uids(&b), "UIDs do not depend on the day");
    assert_eq!(uids(&a).len(), items.len());
    // The why and the step are in the description (unfolded), the note too.
    let unfolded = a.replace("\r\n ", "");
    assert!(unfolded.contains("Reply to their last message\\, even briefly."));
    assert!(unfolded.contains("Your note: Met at the 2019 design offsite."));
}

#[test]
fn csv_plans_keep_every_evidence_column_on_every_row() {
    let csv = stdout(&["plan", "2026", "--format", "csv", "--limit", "0"]);
    let header = csv.lines().next().unwrap();
    for column in ["gave", "target_company", "last_message", "invited_on"] {
        assert!(
            header.split(',').any(|c| c == column),
            "{column} not in {header}"
        );
    }
    assert!(
        csv.contains("recommendation"),
        "reciprocate's evidence is there: {csv}"
    );
}

#[test]
fn the_report_since_an_older_export_plans_congratulations() {
    let page = stdout(&["report", "2025-later", "--since", "2025", "-o", "-"]);
    let week = page.find(r#"<section id="this-week">"#).unwrap();
    let end = week + page[week..].find("</section>").unwrap();
    assert!(
        page[week..end].contains("<strong>Congratulate</strong>"),
        "{}",
        &page[week..end]
    );
    let plain = stdout(&["report", "2025-later", "-o", "-"]);
    assert!(!plain.contains("<strong>Congratulate</strong>"));
}
