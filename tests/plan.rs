//! The plan's judgement, each action told as a small invented story: who
//! gets which action, who never does, one item per person, and the mix.
//!
//! Exports are built in memory. Every date is given in days before the as-of
//! date, 2025-06-30, which comes from the export's name.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use rekindle::plan::{Action, PlanItem, PlanOptions};
use rekindle::{Analysis, Export, FileKind, Options};

#[macro_use]
mod stories;
use stories::*;

/// Accumulates Connections.csv and messages.csv rows.
#[derive(Default)]
struct Story {
    connections: Vec<String>,
    messages: Messages,
    /// Other files: (kind, name, whole text).
    files: Vec<(FileKind, &'static str, String)>,
}

story_messages!(Story);

impl Story {
    fn connect(&mut self, p: &Someone, days_before: i64) {
        self.connect_at(p, days_before, "Contoso", "Engineer");
    }

    fn connect_at(&mut self, p: &Someone, days_before: i64, company: &str, position: &str) {
        let (first, last) = p.name.split_once(' ').unwrap_or((p.name, ""));
        self.connections.push(format!(
            "{first},{last},{},,{},{},{}",
            p.url(),
            field(company),
            field(position),
            connected_on(days_before)
        ));
    }

    fn file(&mut self, kind: FileKind, name: &'static str, text: String) {
        self.files.push((kind, name, text));
    }

    fn export(&self) -> rekindle::Result<Export> {
        self.export_named(EXPORT_NAME)
    }

    fn export_named(&self, name: &str) -> rekindle::Result<Export> {
        let mut export = Export {
            export_name: name.into(),
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
        for (kind, name, text) in &self.files {
            export.read_file(*kind, name, text.as_bytes())?;
        }
        Ok(export)
    }

    fn analyse(&self, options: &Options) -> rekindle::Result<Analysis> {
        Analysis::from_export(self.export()?, options)
    }
}

// ---------------------------------------------------------------- files

fn split(p: &Someone) -> (&'static str, &'static str) {
    p.name.split_once(' ').unwrap_or((p.name, ""))
}

impl Story {
    /// `p` endorsed Avery (or Avery `p`, `by_avery`) for `skill`.
    fn endorse(&mut self, p: &Someone, by_avery: bool, skill: &str, days: i64, status: &str) {
        let (kind, name, role) = if by_avery {
            (
                FileKind::EndorsementsGiven,
                "Endorsement_Given_Info.csv",
                "Endorsee",
            )
        } else {
            (
                FileKind::EndorsementsReceived,
                "Endorsement_Received_Info.csv",
                "Endorser",
            )
        };
        let (first, last) = split(p);
        let header = format!(
            "Endorsement Date,Skill Name,{role} First Name,{role} Last Name,{role} Public Url,Endorsement Status"
        );
        let row = format!(
            "{} 10:00:00 UTC,{skill},{first},{last},www.linkedin.com/in/{},{status}",
            ymd(days).replace('-', "/"),
            p.slug
        );
        self.file(kind, name, format!("{header}\n{row}\n"));
    }

    /// `p` recommended Avery (or Avery `p`, `by_avery`).
    fn recommend(&mut self, p: &Someone, by_avery: bool, days: i64, status: &str) {
        let (kind, name) = if by_avery {
            (FileKind::RecommendationsGiven, "Recommendations_Given.csv")
        } else {
            (
                FileKind::RecommendationsReceived,
                "Recommendations_Received.csv",
            )
        };
        let (first, last) = split(p);
        let text = format!(
            "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n\
             {first},{last},Contoso,Engineer,A pleasure to work with.,{},{status}\n",
            ymd(days)
        );
        self.file(kind, name, text);
    }

    /// An invitation between Avery and `p`, with `note` (may be empty).
    fn invite(&mut self, p: &Someone, by_avery: bool, days: i64, note: &str) {
        let (y, m, d) = date(days);
        let (from, to, direction) = if by_avery {
            (&AVERY, p, "OUTGOING")
        } else {
            (p, &AVERY, "INCOMING")
        };
        let text = format!(
            "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
             {},{},\"{m}/{d}/{:02}, 2:37 PM\",{},{direction},{},{}\n",
            from.name,
            to.name,
            y % 100,
            field(note),
            from.url(),
            to.url()
        );
        self.file(FileKind::Invitations, "Invitations.csv", text);
    }

    fn saved_job(&mut self, company: &str, days: i64) {
        let (y, m, d) = date(days);
        let text = format!(
            "Saved Date,Job Url,Job Title,Company Name\n\
             \"{m}/{d}/{:02}, 10:12 AM\",https://jobs.example/1,Staff PM,{}\n",
            y % 100,
            field(company)
        );
        self.file(FileKind::SavedJobs, "Saved Jobs.csv", text);
    }

    fn applied(&mut self, company: &str, days: i64) {
        let (y, m, d) = date(days);
        let text = format!(
            "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n\
             \"{m}/{d}/{:02}, 4:05 PM\",avery@example.com,,{},Group PM,https://jobs.example/2,cv.pdf,\n",
            y % 100,
            field(company)
        );
        self.file(FileKind::JobApplications, "Job Applications.csv", text);
    }

    fn worked_at(&mut self, company: &str, started: &str, finished: &str) {
        let text = format!(
            "Company Name,Title,Description,Location,Started On,Finished On\n{},PM,,,{started},{finished}\n",
            field(company)
        );
        self.file(FileKind::Positions, "Positions.csv", text);
    }

    fn note(&mut self, p: &Someone, text: &str) {
        let (first, last) = split(p);
        let text = format!(
            "Connection First Name,Connection Last Name,Connection Profile URL,Note,Created On,Edited On\n\
             {first},{last},{},{},2025-01-02 09:00:00 UTC,\n",
            p.url(),
            field(text)
        );
        self.file(FileKind::Notes, "Notes.csv", text);
    }

    fn plan(&self) -> Vec<PlanItem> {
        let analysis = self.analyse(&Options::default()).expect("analyse");
        all(&analysis)
    }
}

fn all(analysis: &Analysis) -> Vec<PlanItem> {
    analysis
        .plan(&PlanOptions {
            since: None,
            limit: 0,
        })
        .expect("plan")
}

fn action_of(plan: &[PlanItem], p: &Someone) -> Option<Action> {
    plan.iter().find(|i| i.name == p.name).map(|i| i.action)
}

const TESS: Someone = someone("Tess Morgan", "tess-morgan");
const RAVI: Someone = someone("Ravi Patel", "ravi-patel");

// ---------------------------------------------------------------- reply

#[test]
fn reply_when_someone_you_talk_with_wrote_last() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    story.talk(&TESS, &[60, 50, 40, 12]); // Avery, Tess, Avery, Tess
    let plan = story.plan();
    let item = plan.iter().find(|i| i.name == TESS.name).expect("Tess");
    assert_eq!(item.action, Action::Reply);
    assert_eq!(item.last_message.map(|d| d.to_string()), Some(ymd(12)));
    assert_eq!(item.messages_waiting, Some(1));
    assert!(item.why_now.contains(&ymd(12)), "{}", item.why_now);
    assert!(
        !item.suggestion.contains("Good to hear"),
        "never quotes a message"
    );
    assert!(
        !item.why_now.contains("Good to hear"),
        "never quotes a message"
    );
}

#[test]
fn one_way_senders_never_get_reply() {
    let recruiter = someone("Dana Whitfield", "dana-whitfield-talent");
    let mut story = Story::default();
    story.one_way_from(&recruiter, &[30, 20, 10]);
    let c = story.new_conversation();
    story.raw(&Row {
        content: SPONSORED,
        ..Row::plain(&c, &recruiter, &[&AVERY], 5)
    });
    let member = story.new_conversation();
    story.raw(&Row {
        from: "LinkedIn Member",
        from_url: String::new(),
        ..Row::plain(&member, &AVERY, &[&AVERY], 4)
    });
    let plan = story.plan();
    assert_eq!(action_of(&plan, &recruiter), None, "{plan:#?}");
    assert!(plan.iter().all(|i| i.action != Action::Reply), "{plan:#?}");
}

#[test]
fn a_draft_is_not_a_reply() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    let c = story.talk(&TESS, &[60, 50, 40, 12]);
    story.raw(&Row {
        draft: true,
        ..Row::plain(&c, &AVERY, &[&TESS], 3)
    });
    assert_eq!(action_of(&story.plan(), &TESS), Some(Action::Reply));
}

#[test]
fn a_reply_in_another_thread_or_an_old_message_gives_no_reply() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    story.connect(&RAVI, 2000);
    story.talk(&TESS, &[60, 50, 40, 12]);
    // Avery wrote to Tess in another one-to-one thread since.
    let other = story.new_conversation();
    story.say(&other, &AVERY, &[&TESS], 5);
    // Ravi wrote last, but 200 days ago.
    story.talk(&RAVI, &[260, 250, 240, 200]);
    let plan = story.plan();
    assert_ne!(action_of(&plan, &TESS), Some(Action::Reply), "{plan:#?}");
    assert_ne!(action_of(&plan, &RAVI), Some(Action::Reply), "{plan:#?}");
}

// ---------------------------------------------------------------- reciprocate

#[test]
fn a_visible_recommendation_never_returned_is_to_reciprocate() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    story.recommend(&TESS, false, 100, "VISIBLE");
    // Endorsing her is not returning a recommendation in kind.
    story.endorse(&TESS, true, "Rust", 50, "ACCEPTED");
    let plan = story.plan();
    let item = plan.iter().find(|i| i.name == TESS.name).expect("Tess");
    assert_eq!(item.action, Action::Reciprocate);
    assert_eq!(item.gave.len(), 1);
    assert_eq!(item.gave[0].what, "recommendation");
    assert_eq!(item.gave[0].date.map(|d| d.to_string()), Some(ymd(100)));
}

#[test]
fn pending_recommendations_and_hidden_endorsements_are_not_favours() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    story.connect(&RAVI, 2000);
    story.recommend(&TESS, false, 100, "PENDING");
    story.endorse(&RAVI, false, "Go", 100, "HIDDEN");
    let plan = story.plan();
    assert_eq!(action_of(&plan, &TESS), None, "{plan:#?}");
    assert_eq!(action_of(&plan, &RAVI), None, "{plan:#?}");
}

#[test]
fn an_endorsement_of_any_skill_returns_an_endorsement() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    story.connect(&RAVI, 2000);
    story.endorse(&TESS, false, "Go", 100, "ACCEPTED");
    story.endorse(&TESS, true, "Rust", 90, "ACCEPTED");
    story.endorse(&RAVI, false, "Go", 100, "ACCEPTED");
    let plan = story.plan();
    assert_eq!(action_of(&plan, &TESS), None, "{plan:#?}");
    assert_eq!(action_of(&plan, &RAVI), Some(Action::Reciprocate));
}

#[test]
fn a_recommendation_outweighs_endorsements_and_recent_outweighs_old() {
    let sam = someone("Sam Lee", "sam-lee");
    let mut story = Story::default();
    for p in [&TESS, &RAVI, &sam] {
        story.connect(p, 2000);
    }
    story.recommend(&TESS, false, 100, "VISIBLE");
    // As old as Sam's recommendation below.
    story.endorse(&RAVI, false, "Go", 1500, "ACCEPTED");
    // The same favour as Tess's, years older.
    story.files.push((
        FileKind::RecommendationsReceived,
        "Recommendations_Received.csv",
        format!(
            "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n\
             Sam,Lee,Contoso,Engineer,Great.,{},VISIBLE\n",
            ymd(1500)
        ),
    ));
    let plan = story.plan();
    let names: Vec<&str> = plan
        .iter()
        .filter(|i| i.action == Action::Reciprocate)
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["Tess Morgan", "Sam Lee", "Ravi Patel"]);
}

// ---------------------------------------------------------------- follow up

#[test]
fn an_invitation_note_with_nothing_since_is_to_follow_up() {
    let mut story = Story::default();
    story.connect(&TESS, 20);
    story.invite(&TESS, true, 25, "Great meeting you at the meetup!");
    let plan = story.plan();
    let item = plan.iter().find(|i| i.name == TESS.name).expect("Tess");
    assert_eq!(item.action, Action::FollowUp);
    assert_eq!(item.invited_by, Some("you"));
    assert!(!item.why_now.contains("meetup"), "never quotes the note");
}

#[test]
fn no_follow_up_without_a_note_a_connection_or_with_an_exchange_since() {
    let sam = someone("Sam Lee", "sam-lee");
    let mut no_note = Story::default();
    no_note.connect(&TESS, 20);
    no_note.invite(&TESS, false, 25, "");
    assert_eq!(action_of(&no_note.plan(), &TESS), None);

    let mut not_connected = Story::default();
    not_connected.invite(&RAVI, true, 25, "Hello there");
    assert_eq!(action_of(&not_connected.plan(), &RAVI), None);

    let mut talked = Story::default();
    talked.connect(&sam, 20);
    talked.invite(&sam, false, 25, "Hello there");
    talked.talk(&sam, &[15, 14]);
    assert_ne!(action_of(&talked.plan(), &sam), Some(Action::FollowUp));
}

// ---------------------------------------------------------------- ask

#[test]
fn ask_people_at_a_company_you_want_to_work_at() {
    let sam = someone("Sam Lee", "sam-lee");
    let mut story = Story::default();
    story.connect_at(&TESS, 2000, "NORTHWIND, INC.", "Director");
    story.connect_at(&RAVI, 2000, "Fabrikam", "PM");
    story.connect_at(&sam, 2000, "Contoso", "PM");
    story.exchange(&TESS, 20, 10, 5); // Avery wrote last
    story.saved_job("Northwind Inc", 10);
    // Applied to Fabrikam, but 200 days ago: no longer an occasion.
    story.applied("Fabrikam", 200);
    let plan = story.plan();
    let item = plan.iter().find(|i| i.name == TESS.name).expect("Tess");
    assert_eq!(item.action, Action::Ask);
    assert_eq!(item.target_company.as_deref(), Some("Northwind Inc"));
    assert!(item.suggestion.starts_with("Ask"), "{}", item.suggestion);
    assert_eq!(action_of(&plan, &RAVI), None, "{plan:#?}");
    assert_eq!(action_of(&plan, &sam), None, "{plan:#?}");

    let mut recent = Story::default();
    recent.connect_at(&RAVI, 2000, "Fabrikam Ltd", "PM");
    recent.applied("Fabrikam", 30);
    assert_eq!(action_of(&recent.plan(), &RAVI), Some(Action::Ask));
}

#[test]
fn colleagues_from_positions_count_and_a_cold_tie_reconnects_first() {
    let mut story = Story::default();
    // Connected in 2021 while Avery worked at Tidewater; now elsewhere.
    story.connect_at(&TESS, 1500, "Brightline", "Engineer");
    story.connect_at(&RAVI, 100, "Brightline", "Engineer");
    story.exchange(&TESS, 600, 14, 30); // deep, silent for 600 days
    story.worked_at("Tidewater Labs", "Jan 2020", "Dec 2022");
    story.saved_job("Tidewater Labs, Inc.", 10);
    let plan = story.plan();
    let item = plan.iter().find(|i| i.name == TESS.name).expect("Tess");
    assert_eq!(item.action, Action::Ask);
    assert!(
        item.why_now.contains("while you worked at Tidewater Labs"),
        "{}",
        item.why_now
    );
    assert!(
        item.suggestion.starts_with("Reconnect first"),
        "{}",
        item.suggestion
    );
    // Her reconnect is folded in, not a second item.
    assert_eq!(plan.iter().filter(|i| i.name == TESS.name).count(), 1);
    assert!(item.also.contains(&Action::Reconnect), "{item:#?}");
    // Ravi connected after Avery left.
    assert_eq!(action_of(&plan, &RAVI), None, "{plan:#?}");
}

// ---------------------------------------------------------------- congratulate

#[test]
fn a_job_change_is_to_congratulate_a_cosmetic_reword_is_not() {
    let mut old = Story::default();
    old.connect_at(&TESS, 2000, "Contoso", "Senior Product Manager");
    old.connect_at(&RAVI, 2000, "Contoso", "Engineer");
    old.exchange(&TESS, 20, 10, 5);
    old.exchange(&RAVI, 20, 10, 5);
    let mut new = Story::default();
    new.connect_at(&TESS, 2000, "Contoso Ltd.", "Sr. Product Mgr");
    new.connect_at(&RAVI, 2000, "Fabrikam", "Engineer");
    new.exchange(&TESS, 20, 10, 5);
    new.exchange(&RAVI, 20, 10, 5);
    let options = Options::default();
    let older = Analysis::from_export(
        old.export_named("Complete_LinkedInDataExport_01-31-2025")
            .unwrap(),
        &options,
    )
    .unwrap();
    let newer = new.analyse(&options).unwrap();
    let plan = newer
        .plan(&PlanOptions {
            since: Some(&older),
            limit: 0,
        })
        .unwrap();
    assert_eq!(
        action_of(&plan, &RAVI),
        Some(Action::Congratulate),
        "{plan:#?}"
    );
    assert_eq!(action_of(&plan, &TESS), None, "{plan:#?}");
    let ravi = plan.iter().find(|i| i.name == RAVI.name).unwrap();
    assert_eq!(ravi.old_company.as_deref(), Some("Contoso"));
    // Without the older export, nobody is congratulated.
    assert!(all(&newer).iter().all(|i| i.action != Action::Congratulate));
}

// ---------------------------------------------------------------- folding, mix, notes

#[test]
fn one_item_per_person_reply_before_reconnect() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    // A deep tie, silent for two years, then Tess writes again 10 days ago.
    story.exchange(&TESS, 730, 14, 30);
    story.one_way_from(&TESS, &[10]);
    story.recommend(&TESS, false, 100, "VISIBLE");
    let plan = story.plan();
    let of_tess: Vec<&PlanItem> = plan.iter().filter(|i| i.name == TESS.name).collect();
    assert_eq!(of_tess.len(), 1, "{plan:#?}");
    assert_eq!(of_tess[0].action, Action::Reply);
    assert!(
        of_tess[0].also.contains(&Action::Reciprocate),
        "{:?}",
        of_tess[0].also
    );
    assert!(
        of_tess[0].why_now.contains("Also:"),
        "{}",
        of_tess[0].why_now
    );
}

#[test]
fn the_default_plan_is_a_short_balanced_mix() {
    let mut story = Story::default();
    let people: Vec<Someone> = [
        ("Ann One", "ann-one"),
        ("Ben Two", "ben-two"),
        ("Cat Three", "cat-three"),
        ("Dan Four", "dan-four"),
        ("Eve Five", "eve-five"),
        ("Fay Six", "fay-six"),
    ]
    .into_iter()
    .map(|(n, s)| someone(n, s))
    .collect();
    for (i, p) in people.iter().enumerate() {
        story.connect(p, 2000);
        // Everyone wrote last, recently: six replies owed.
        story.talk(p, &[60, 50, 40, 10 + i as i64]);
    }
    story.connect(&TESS, 2000);
    story.exchange(&TESS, 730, 14, 30);
    story.connect(&RAVI, 2000);
    story.endorse(&RAVI, false, "Go", 100, "ACCEPTED");
    let analysis = story.analyse(&Options::default()).unwrap();
    let plan = analysis.plan(&PlanOptions::default()).unwrap();
    let actions: Vec<Action> = plan.iter().map(|i| i.action).collect();
    assert_eq!(
        actions,
        [
            Action::Reply,
            Action::Reply,
            Action::Reply,
            Action::Reply,
            Action::Reply,
            Action::Reciprocate,
            Action::Reconnect
        ],
        "{plan:#?}"
    );
    // Best first within an action: the most recent message first.
    assert_eq!(plan[0].name, "Ann One");
    assert_eq!(all(&analysis).len(), 8);
    let three = analysis
        .plan(&PlanOptions {
            since: None,
            limit: 3,
        })
        .unwrap();
    let actions: Vec<Action> = three.iter().map(|i| i.action).collect();
    assert_eq!(
        actions,
        [Action::Reply, Action::Reciprocate, Action::Reconnect]
    );
}

#[test]
fn notes_ride_along_and_are_dropped_under_redaction() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    story.talk(&TESS, &[60, 50, 40, 12]);
    story.note(&TESS, "Ask about the climbing trip");
    let item = story.plan().into_iter().next().expect("an item");
    assert_eq!(item.note.as_deref(), Some("Ask about the climbing trip"));
    let redacted = story
        .analyse(&Options {
            redact: true,
            ..Options::default()
        })
        .unwrap();
    let items = all(&redacted);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].note, None);
    assert_ne!(items[0].name, TESS.name);
}

// ---------------------------------------------------------------- files

#[test]
fn job_files_are_read_from_the_jobs_subfolder_of_zip_and_folder() {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data-samples");
    for path in [
        samples.join("2026"),
        samples.join("zips/Complete_LinkedInDataExport_10-05-2026.zip"),
    ] {
        let export = Export::open(&path).unwrap();
        assert_eq!(export.job_applications.len(), 1, "{path:?}");
        assert_eq!(export.saved_jobs.len(), 2, "{path:?}");
        assert_eq!(export.notes.len(), 2, "{path:?}");
        assert_eq!(export.positions.len(), 2, "{path:?}");
        let names: Vec<&str> = export.files.iter().map(|f| f.name.as_str()).collect();
        assert!(names.contains(&"Jobs/Saved Jobs.csv"), "{names:?}");
    }
    // A zip of the unzipped folder: Jobs/ under its root folder.
    let dir = std::env::temp_dir().join(format!("rekindle-plan-jobs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let zip_path = dir.join("export.zip");
    {
        let file = std::fs::File::create(&zip_path).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default();
        for (name, text) in [
            (
                "Export_06-30-2025/Connections.csv",
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nTess,Morgan,https://www.linkedin.com/in/tess,,Northwind,PM,01 Jan 2024\n",
            ),
            (
                "Export_06-30-2025/Jobs/Saved Jobs.csv",
                "Saved Date,Job Url,Job Title,Company Name\n\"6/1/25, 10:12 AM\",https://jobs.example/1,PM,Northwind\n",
            ),
            // Not the export's Jobs folder: left alone.
            (
                "Other/Jobs/Saved Jobs.csv",
                "Saved Date,Job Url,Job Title,Company Name\n\"6/1/25, 10:12 AM\",https://jobs.example/1,PM,Fabrikam\n",
            ),
        ] {
            zip.start_file(name, options).unwrap();
            std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    let export = Export::open(&zip_path).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(export.saved_jobs.len(), 1);
    assert_eq!(export.saved_jobs[0].company, "Northwind");
}

#[test]
fn people_the_ledger_snoozes_or_ignores_get_no_item() {
    let mut story = Story::default();
    story.connect(&TESS, 2000);
    story.connect(&RAVI, 2000);
    story.talk(&TESS, &[60, 50, 40, 12]);
    story.talk(&RAVI, &[60, 50, 40, 11]);
    assert_eq!(story.plan().len(), 2);
    let ledger = rekindle::ledger::Ledger::parse(
        "version = 1\n\
         [people.\"linkedin.com/in/tess-morgan\"]\nname = \"Tess Morgan\"\nsnoozed_until = 2025-08-01\n\
         [people.\"linkedin.com/in/ravi-patel\"]\nname = \"Ravi Patel\"\nignored = true\n",
        "ledger.toml",
    )
    .expect("ledger parses");
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let analysis = Analysis::from_export_with_ledger(
        story.export().unwrap(),
        &Options::default(),
        &ledger,
        today,
    )
    .unwrap();
    assert!(all(&analysis).is_empty(), "{:#?}", all(&analysis));
}
