//! The judgement rules, each told as a small invented story: who is neglected,
//! in what order, and who is never listed.
//!
//! Exports are built in memory. Every date is given in days before the as-of
//! date, 2025-06-30, which comes from the export's name.

use rekindle::metrics::{Metrics, PersonMetrics};
use rekindle::reports::RelationshipRow;
use rekindle::{Analysis, Export, FileKind, Options};

#[macro_use]
mod stories;
use stories::*;

/// Accumulates Connections.csv and messages.csv rows.
#[derive(Default)]
struct Story {
    connections: Vec<String>,
    messages: Messages,
}

story_messages!(Story);

impl Story {
    fn connect(&mut self, p: &Someone, days_before: i64) {
        let (first, last) = p.name.split_once(' ').unwrap_or((p.name, ""));
        self.connections.push(format!(
            "{first},{last},{},,Contoso,Engineer,{}",
            p.url(),
            connected_on(days_before)
        ));
    }

    fn export(&self) -> rekindle::Result<Export> {
        let mut export = Export {
            export_name: EXPORT_NAME.into(),
            ..Export::default()
        };
        let connections = format!("{CONNECTIONS_HEADER}\n{}\n", self.connections.join("\n"));
        let messages = format!("{MESSAGES_HEADER}\n{}\n", self.messages.rows.join("\n"));
        let profile = "First Name,Last Name\nAvery,Quinn\n";
        export.read_file(FileKind::Profile, "Profile.csv", profile.as_bytes())?;
        export.read_file(
            FileKind::Connections,
            "Connections.csv",
            connections.as_bytes(),
        )?;
        export.read_file(FileKind::Messages, "messages.csv", messages.as_bytes())?;
        Ok(export)
    }

    fn analyse(&self, options: &Options) -> rekindle::Result<Analysis> {
        Analysis::from_export(self.export()?, options)
    }
}

// ---------------------------------------------------------------- looking up

fn names(rows: &[RelationshipRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

fn listed<'a>(rows: &'a [RelationshipRow], p: &Someone) -> Option<&'a RelationshipRow> {
    rows.iter().find(|r| r.profile_url == Some(p.url()))
}

fn metrics_of<'a>(m: &'a Metrics, p: &Someone) -> Option<&'a PersonMetrics> {
    m.rows
        .iter()
        .find(|r| r.profile_url.as_deref() == Some(p.url().as_str()))
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

// ---------------------------------------------------------------- the rules

#[test]
fn deep_tie_outranks_shallow_tie_silent_equally_long() {
    let ana = someone("Ana Brightwater", "ana-brightwater");
    let ben = someone("Ben Okoro", "ben-okoro");
    let mut story = Story::default();
    // Ben listed first in the file, so only the rule can put Ana ahead.
    story.connect(&ben, 2000);
    story.connect(&ana, 2000);
    // Both every 3 weeks, both silent for exactly 730 days: Ana for 40
    // messages over 2+ years, Ben for 8 messages over 5 months.
    story.exchange(&ana, 730, 21, 40);
    story.exchange(&ben, 730, 21, 8);
    let analysis = story.analyse(&Options::default()).expect("analyse");
    let neglected = analysis.neglected();

    assert_eq!(names(&neglected), ["Ana Brightwater", "Ben Okoro"]);
    let (a, b) = (&neglected[0], &neglected[1]);
    assert!(a.score > b.score, "{} vs {}", a.score, b.score);
    assert_eq!(a.typical_gap_days, Some(21));
    assert_eq!(b.typical_gap_days, Some(21));
    // Ana: 20 each way (full 40) and 12+ months (full 30).
    assert_close(a.depth, 70.0);
    assert_close(a.score, 68.0); // 70 × (1 − 21/730)
    // Ben: 4 each way (4/15 of 40) and 6 months, Feb–Jul 2023 (6/12 of 30).
    assert_eq!(
        metrics_of(analysis.metrics(), &ben)
            .expect("Ben")
            .active_months,
        6
    );
    assert_close(b.depth, 25.7);
    assert_close(b.score, 24.9); // 25.67 × (1 − 21/730)
    assert_eq!(
        a.reason,
        "40 messages over 2 years 3 months, usually every ~3 weeks; silent for 2 years (35× your usual gap)"
    );
}

#[test]
fn more_overdue_for_its_own_rhythm_ranks_higher() {
    let cleo = someone("Cleo Marchetti", "cleo-marchetti");
    let dmitri = someone("Dmitri Hale", "dmitri-hale");
    let mut story = Story::default();
    // Dmitri listed first in the file, so only the rule can put Cleo ahead.
    story.connect(&dmitri, 2000);
    story.connect(&cleo, 2000);
    // Both silent for 300 days, both 10 messages each way in 8 months.
    // Cleo: a message and its reply every 3 weeks, Feb–Sep 2024.
    let cleo_days: Vec<i64> = every(300, 21, 10).iter().flat_map(|&d| [d, d]).collect();
    story.talk(&cleo, &cleo_days);
    // Dmitri: a burst every 120 days; the first two bursts of 4 messages, then 2.
    let dmitri_days: Vec<i64> = every(300, 120, 8)
        .iter()
        .enumerate()
        .flat_map(|(i, &d)| std::iter::repeat_n(d, if i < 2 { 4 } else { 2 }))
        .collect();
    story.talk(&dmitri, &dmitri_days);
    let analysis = story.analyse(&Options::default()).expect("analyse");

    let (c, d) = (
        metrics_of(analysis.metrics(), &cleo).expect("Cleo"),
        metrics_of(analysis.metrics(), &dmitri).expect("Dmitri"),
    );
    assert_eq!((c.messages_sent, c.messages_received), (10, 10));
    assert_eq!((d.messages_sent, d.messages_received), (10, 10));
    assert_eq!((c.active_months, d.active_months), (8, 8));
    assert_eq!(c.depth, d.depth, "equally deep");
    assert_eq!(c.days_since_last_interaction, Some(300));
    assert_eq!(d.days_since_last_interaction, Some(300));
    assert_eq!(c.typical_gap_days, Some(21.0));
    assert_eq!(d.typical_gap_days, Some(120.0));

    let neglected = analysis.neglected();
    assert_eq!(names(&neglected), ["Cleo Marchetti", "Dmitri Hale"]);
    // depth 26.67 + 20 = 46.67; × (1 − 21/300) and × (1 − 120/300).
    assert_close(neglected[0].score, 43.4);
    assert_close(neglected[1].score, 28.0);
}

#[test]
fn never_listed() {
    let nora = someone("Nora Vance", "nora-vance");
    let omar = someone("Omar Haddad", "omar-haddad");
    let rita = someone("Rita Calloway", "rita-calloway-recruits");
    let paul = someone("Paul Ferreira", "paul-ferreira");
    let mut story = Story::default();
    // Paul is a connection never messaged; the others have a story below.
    for p in [&nora, &omar, &rita, &paul] {
        story.connect(p, 2000);
    }
    // Genuinely neglected: 30 messages every 2 weeks, silent for 500 days.
    story.exchange(&nora, 500, 14, 30);
    // Current: just as deep, last message 10 days ago.
    story.exchange(&omar, 10, 10, 30);
    // A recruiter writing five times over two years, never answered.
    story.one_way_from(&rita, &every(400, 180, 5));
    // A sponsored campaign, no sender URL, sent long ago and often.
    let c = story.new_conversation();
    for day in every(600, 30, 6) {
        story.raw(&Row {
            from: "Northwind Careers",
            from_url: String::new(),
            content: SPONSORED,
            ..Row::plain(&c, &AVERY, &[&AVERY], day)
        });
    }
    // A closed account: a long two-way exchange with nobody to name.
    let c = story.new_conversation();
    for (i, day) in every(500, 14, 30).into_iter().enumerate() {
        let row = if i % 2 == 0 {
            Row {
                to: "LinkedIn Member".into(),
                ..Row::plain(&c, &AVERY, &[], day)
            }
        } else {
            Row {
                from: "LinkedIn Member",
                from_url: String::new(),
                ..Row::plain(&c, &AVERY, &[&AVERY], day)
            }
        };
        story.raw(&row);
    }
    let analysis = story.analyse(&Options::default()).expect("analyse");
    let neglected = analysis.neglected();

    assert_eq!(names(&neglected), ["Nora Vance"]);
    for name in [
        "Omar Haddad",
        "Rita Calloway",
        "Northwind Careers",
        "Avery Quinn",
        "Paul Ferreira",
        "LinkedIn Member",
    ] {
        assert!(!names(&neglected).contains(&name), "{name} listed");
    }
    assert!(listed(&neglected, &AVERY).is_none());
    // Why: Omar is in touch, Rita one-way; the sponsor, the closed account and
    // Avery are nobody to the metrics.
    let strongest = analysis.strongest();
    assert_eq!(names(&strongest), ["Omar Haddad"]);
    let r = metrics_of(analysis.metrics(), &rita).expect("Rita");
    assert_eq!((r.messages_sent, r.messages_received, r.depth), (0, 5, 0.0));
    assert!(
        analysis
            .metrics()
            .rows
            .iter()
            .all(|r| &*r.name != "Northwind Careers")
    );
    assert!(
        analysis
            .metrics()
            .rows
            .iter()
            .all(|r| &*r.name != "LinkedIn Member")
    );
    assert!(
        analysis
            .metrics()
            .rows
            .iter()
            .all(|r| &*r.name != "Avery Quinn")
    );
}

#[test]
fn people_sharing_a_name_are_scored_separately() {
    let deep_sam = someone("Sam Lee", "sam-lee-4f2a");
    let other_sam = someone("Sam Lee", "sam-lee-91cc");
    let mut story = Story::default();
    story.connect(&deep_sam, 2000);
    story.connect(&other_sam, 1500);
    story.exchange(&deep_sam, 400, 14, 30);
    story.exchange(&other_sam, 600, 30, 2);
    let analysis = story.analyse(&Options::default()).expect("analyse");
    let neglected = analysis.neglected();

    let sams: Vec<&RelationshipRow> = neglected.iter().filter(|r| &*r.name == "Sam Lee").collect();
    assert_eq!(sams.len(), 1, "{neglected:?}");
    assert_eq!(sams[0].profile_url, Some(deep_sam.url()));
    assert_eq!((sams[0].messages_sent, sams[0].messages_received), (15, 15));

    let rows: Vec<&PersonMetrics> = analysis
        .metrics()
        .rows
        .iter()
        .filter(|r| &*r.name == "Sam Lee")
        .collect();
    assert_eq!(rows.len(), 2);
    assert_ne!(rows[0].profile_url, rows[1].profile_url);
    let mut sent: Vec<u32> = rows.iter().map(|r| r.messages_sent).collect();
    sent.sort_unstable();
    assert_eq!(sent, [1, 15]);
}

#[test]
fn drafts_are_not_contact() {
    let tess = someone("Tess Morgan", "tess-morgan");
    let mut story = Story::default();
    story.connect(&tess, 2000);
    let c = story.exchange(&tess, 730, 14, 30);
    // Avery started a message five days ago and never sent it.
    story.raw(&Row {
        draft: true,
        ..Row::plain(&c, &AVERY, &[&tess], 5)
    });
    let analysis = story.analyse(&Options::default()).expect("analyse");
    let neglected = analysis.neglected();

    let row = listed(&neglected, &tess).expect("Tess still neglected");
    assert_eq!(ymd(730), "2023-07-01");
    assert_eq!(
        row.last_interaction.map(|d| d.to_string()).as_deref(),
        Some("2023-07-01")
    );
    assert_eq!(row.days_since_last_interaction, Some(730));
    assert_eq!((row.messages_sent, row.messages_received), (15, 15));
}

#[test]
fn spam_is_not_contact_unless_asked() {
    let vic = someone("Vic Sterling", "vic-sterling");
    let wren = someone("Wren Holloway", "wren-holloway");
    let mut story = Story::default();
    // A two-way tie beside the spam, so the export is not spam alone.
    story.exchange(&wren, 30, 7, 4);
    let c = story.new_conversation();
    for day in [200, 150, 100] {
        story.raw(&Row {
            folder: "SPAM",
            ..Row::plain(&c, &vic, &[&AVERY], day)
        });
    }

    let analysis = story.analyse(&Options::default()).expect("analyse");
    assert!(
        metrics_of(analysis.metrics(), &vic).is_none(),
        "{:?}",
        analysis.metrics().rows
    );

    let with_spam = Options {
        include_spam: true,
        ..Options::default()
    };
    let analysis = story.analyse(&with_spam).expect("analyse");
    let v = metrics_of(analysis.metrics(), &vic).expect("Vic counted with spam");
    assert_eq!((v.messages_sent, v.messages_received), (0, 3));
    assert_eq!(v.last_interaction.map(|d| d.to_string()), Some(ymd(100)));
}

#[test]
fn as_of_override_sees_the_past() {
    let uma = someone("Uma Patel", "uma-patel");
    let mut story = Story::default();
    story.connect(&uma, 2000);
    // Every 3 weeks, the last message 400 days before the export.
    story.exchange(&uma, 400, 21, 30);

    let analysis = story.analyse(&Options::default()).expect("analyse");
    assert_eq!(analysis.network().as_of.to_string(), ymd(0));
    assert!(listed(&analysis.neglected(), &uma).is_some());
    assert!(listed(&analysis.strongest(), &uma).is_none());

    // The day before the last message: the one before it was 20 days earlier.
    let past = Options {
        as_of: Some(Options::parse_as_of(&ymd(401)).expect("date")),
        ..Options::default()
    };
    let analysis = story.analyse(&past).expect("analyse");
    assert_eq!(analysis.network().as_of.to_string(), ymd(401));
    assert!(listed(&analysis.neglected(), &uma).is_none());
    let strongest = analysis.strongest();
    let row = listed(&strongest, &uma).expect("in touch then");
    assert_eq!(row.days_since_last_interaction, Some(20));
    assert_eq!(row.messages_sent + row.messages_received, 29);
}

#[test]
fn unanswered_lists_who_wrote_last() {
    let wes = someone("Wes Olsen", "wes-olsen");
    let xena = someone("Xena Park", "xena-park");
    let yusuf = someone("Yusuf Brandt", "yusuf-brandt");
    let zara = someone("Zara Quint", "zara-quint");
    let mut story = Story::default();
    // Avery wrote last 32 days ago; Wes then wrote twice, 20 and 12 days ago.
    let c = story.exchange(&wes, 32, 7, 5);
    story.say(&c, &wes, &[&AVERY], 20);
    story.say(&c, &wes, &[&AVERY], 12);
    // Xena and Avery: Avery wrote last.
    story.exchange(&xena, 15, 5, 3);
    // A group where Zara wrote last.
    let g = story.new_conversation();
    story.say(&g, &AVERY, &[&yusuf, &zara], 30);
    story.say(&g, &yusuf, &[&AVERY, &zara], 25);
    story.say(&g, &zara, &[&AVERY, &yusuf], 20);
    let analysis = story.analyse(&Options::default()).expect("analyse");
    let rows = analysis.unanswered();

    assert_eq!(rows.len(), 1, "{rows:?}");
    let r = &rows[0];
    assert_eq!(r.name, "Wes Olsen");
    assert_eq!(r.profile_url, Some(wes.url()));
    assert_eq!(r.messages_waiting, 2);
    assert_eq!(r.days_waiting, 12);
    assert_eq!(r.last_message.to_string(), ymd(12));
}

#[test]
fn never_contacted_excludes_two_way_ties() {
    let bea = someone("Bea Lind", "bea-lind");
    let cal = someone("Cal Dorsey", "cal-dorsey");
    let dee = someone("Dee Akers", "dee-akers");
    let eli = someone("Eli Marsh", "eli-marsh");
    let mut story = Story::default();
    story.connect(&bea, 240); // never messaged
    story.connect(&cal, 136); // wrote three times, never answered
    story.connect(&dee, 772); // Avery wrote twice, no reply
    story.connect(&eli, 90); // newest, but two-way
    story.one_way_from(&cal, &[120, 100, 80]);
    let c = story.new_conversation();
    story.say(&c, &AVERY, &[&dee], 700);
    story.say(&c, &AVERY, &[&dee], 650);
    story.exchange(&eli, 60, 5, 4);
    let analysis = story.analyse(&Options::default()).expect("analyse");
    let rows = analysis.never_contacted();

    let listed: Vec<(&str, String, &str)> = rows
        .iter()
        .map(|r| {
            let on = r.connected_on.map(|d| d.to_string()).unwrap_or_default();
            (r.name.as_str(), on, r.reason.as_str())
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "Cal Dorsey",
                ymd(136),
                "they wrote 3 times, you never replied"
            ),
            ("Bea Lind", ymd(240), "never exchanged a message"),
            ("Dee Akers", ymd(772), "you wrote 2 times, no reply"),
        ]
    );
}

#[test]
fn owner_is_known_in_an_export_of_received_messages_only() {
    let vic = someone("Vic Sterling", "vic-sterling");
    let mut story = Story::default();
    story.one_way_from(&vic, &[200, 150, 100]);
    let analysis = story.analyse(&Options::default()).expect("analyse");

    assert!(
        metrics_of(analysis.metrics(), &AVERY).is_none(),
        "the owner became a person"
    );
    assert!(
        analysis
            .network()
            .conversations
            .iter()
            .all(|c| !c.is_group())
    );
    let v = metrics_of(analysis.metrics(), &vic).expect("Vic");
    assert_eq!((v.messages_sent, v.messages_received), (0, 3));
    assert_eq!(v.group_conversations, 0);
}
