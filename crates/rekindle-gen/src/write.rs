//! Writes a plan as a zip of 2025/2026-era export files, streaming: message
//! text is invented row by row straight into the deflate stream.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::lexicon::{
    CONNECTIONS_NOTE, OWNER_FIRST, OWNER_LAST, RECRUITER_SUBJECTS, SPONSORED_SUBJECTS,
};
use crate::plan::{ConvKind, DAY, DRAFT, EXTERNAL, Folder, Plan, SYSTEM_ACCEPTED, SYSTEM_LEFT};
use crate::text::{Flavor, Text};

const PROFILE_URL: &str = "https://www.linkedin.com/in/";

fn datetime(t: i64) -> NaiveDateTime {
    DateTime::from_timestamp(t, 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

fn date_before(now: i64, days: i64) -> NaiveDate {
    datetime(now - days * DAY).date()
}

/// A cell quoted only when it must be (commas, quotes, line breaks).
fn cell(w: &mut impl Write, s: &str) -> io::Result<()> {
    if s.contains([',', '"', '\n', '\r']) {
        quoted(w, s)
    } else {
        w.write_all(s.as_bytes())
    }
}

/// A cell always quoted, inner quotes doubled.
fn quoted(w: &mut impl Write, s: &str) -> io::Result<()> {
    w.write_all(b"\"")?;
    let mut parts = s.split('"');
    if let Some(first) = parts.next() {
        w.write_all(first.as_bytes())?;
    }
    for part in parts {
        w.write_all(b"\"\"")?;
        w.write_all(part.as_bytes())?;
    }
    w.write_all(b"\"")
}

/// A row of cells quoted only where needed, without its line end.
fn row(w: &mut impl Write, cells: &[&str]) -> io::Result<()> {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        cell(w, c)?;
    }
    Ok(())
}

/// Names and profile URLs of everyone, the owner as `owner`.
struct Directory {
    owner_name: String,
    owner_url: String,
    names: Vec<String>,
    urls: Vec<String>,
}

impl Directory {
    fn new(plan: &Plan) -> Directory {
        Directory {
            owner_name: format!("{OWNER_FIRST} {OWNER_LAST}"),
            owner_url: format!("{PROFILE_URL}{}", plan.owner_slug),
            names: plan.persons.iter().map(|p| p.full_name()).collect(),
            urls: plan
                .persons
                .iter()
                .map(|p| format!("{PROFILE_URL}{}", p.slug))
                .collect(),
        }
    }
}

/// Writes the zip at `path`.
pub(crate) fn write_zip(plan: &Plan, spec: &crate::Spec, path: &Path) -> io::Result<()> {
    let (seed, export_date) = (spec.seed, spec.export_date);
    let year = u16::try_from(export_date.year()).map_err(io::Error::other)?;
    // A zip's DOS time starts in 1980: an export dated earlier (shifted on
    // purpose) gets the earliest time a zip can hold.
    let when = if year < 1980 {
        zip::DateTime::default()
    } else {
        zip::DateTime::from_date_and_time(
            year,
            export_date.month() as u8,
            export_date.day() as u8,
            9,
            0,
            0,
        )
        .map_err(io::Error::other)?
    };
    // Deflate level 2: for a million messages about twice as fast as the
    // default level 6, for an archive about 8% larger.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(2))
        .last_modified_time(when)
        .unix_permissions(0o644);
    let file = File::create(path)?;
    let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 20, file));
    let dir = Directory::new(plan);
    let mut text = Text::new(seed, spec.short_bodies);

    let files: [(&str, Section); 10] = [
        ("Profile.csv", Section::Profile),
        ("Connections.csv", Section::Connections),
        ("messages.csv", Section::Messages),
        ("guide_messages.csv", Section::GuideMessages),
        ("Invitations.csv", Section::Invitations),
        (
            "Endorsement_Received_Info.csv",
            Section::EndorsementsReceived,
        ),
        ("Endorsement_Given_Info.csv", Section::EndorsementsGiven),
        (
            "Recommendations_Received.csv",
            Section::RecommendationsReceived,
        ),
        ("Recommendations_Given.csv", Section::RecommendationsGiven),
        ("Positions.csv", Section::Positions),
    ];
    for (name, section) in files {
        let opts = options.large_file(matches!(section, Section::Messages));
        zip.start_file(name, opts)?;
        let mut w = BufWriter::with_capacity(1 << 20, &mut zip);
        match section {
            Section::Profile => profile(&mut w)?,
            Section::Connections => connections(&mut w, plan, &dir)?,
            Section::Messages => messages(&mut w, plan, &dir, &mut text)?,
            Section::GuideMessages => w.write_all(
                b"\"CONVERSATION ID\",\"CONVERSATION TITLE\",\"FROM\",\"SENDER PROFILE URL\",\"TO\",\"RECIPIENT PROFILE URLS\",\"DATE\",\"CONTENT\",\"FOLDER\",\"ATTACHMENTS\"\n",
            )?,
            Section::Invitations => invitations(&mut w, plan, &dir)?,
            Section::EndorsementsReceived => endorsements(&mut w, plan, true)?,
            Section::EndorsementsGiven => endorsements(&mut w, plan, false)?,
            Section::RecommendationsReceived => recommendations(&mut w, plan, true)?,
            Section::RecommendationsGiven => recommendations(&mut w, plan, false)?,
            Section::Positions => positions(&mut w, plan)?,
        }
        w.flush()?;
    }
    let mut inner = zip.finish()?;
    inner.flush()?;
    Ok(())
}

#[derive(Debug, Clone, Copy)]
enum Section {
    Profile,
    Connections,
    Messages,
    GuideMessages,
    Invitations,
    EndorsementsReceived,
    EndorsementsGiven,
    RecommendationsReceived,
    RecommendationsGiven,
    Positions,
}

fn profile(w: &mut impl Write) -> io::Result<()> {
    w.write_all(b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n")?;
    row(
        w,
        &[
            OWNER_FIRST,
            OWNER_LAST,
            "",
            "",
            "",
            "Product lead",
            "Product lead who likes small teams, clear goals, and fewer meetings.\nPreviously design and research.",
            "Software Development",
            "",
            "Utrecht, Utrecht, Netherlands",
            "",
            "[PERSONAL:https://robinvale.example]",
            "",
        ],
    )?;
    w.write_all(b"\n")
}

fn connections(w: &mut impl Write, plan: &Plan, dir: &Directory) -> io::Result<()> {
    w.write_all(b"Notes:\n")?;
    quoted(w, CONNECTIONS_NOTE)?;
    w.write_all(b"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On")?;
    let mut rows: Vec<(i64, Option<usize>)> = plan
        .persons
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.connected.map(|d| (d, Some(i))))
        .chain(plan.hidden.iter().map(|&d| (d, None)))
        .collect();
    rows.sort_by_key(|r| r.0);
    for (days, who) in rows {
        w.write_all(b"\n")?;
        let date = date_before(plan.now, days).format("%d %b %Y").to_string();
        match who {
            None => {
                w.write_all(b",,,,,,")?;
                w.write_all(date.as_bytes())?;
            }
            Some(i) => {
                let p = &plan.persons[i];
                let company = plan.company_of(p);
                row(
                    w,
                    &[
                        &p.first,
                        &p.last,
                        &dir.urls[i],
                        p.email.as_deref().unwrap_or(""),
                        company,
                        &p.position,
                        &date,
                    ],
                )?;
            }
        }
    }
    Ok(())
}

fn first_name(full: &str) -> &str {
    full.split(' ').next().unwrap_or(full)
}

fn messages(w: &mut impl Write, plan: &Plan, dir: &Directory, text: &mut Text) -> io::Result<()> {
    const HEADER: [&str; 12] = [
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
        "IS MESSAGE DRAFT",
    ];
    for (i, h) in HEADER.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        quoted(w, h)?;
    }
    w.write_all(b"\n")?;
    let mut date = String::with_capacity(32);
    for conv in &plan.convs {
        // Speaker 0 is the owner, speaker i the member i - 1.
        let mut names: Vec<&str> = vec![&dir.owner_name];
        let mut urls: Vec<&str> = vec![&dir.owner_url];
        for &m in &conv.members {
            names.push(&dir.names[m as usize]);
            urls.push(&dir.urls[m as usize]);
        }
        let (external, subject, title) = match conv.kind {
            ConvKind::Sponsored { company } => {
                let company = &plan.companies[company as usize];
                let subject = format!("{} {company}", text.rng().pick(SPONSORED_SUBJECTS));
                (format!("{company} Careers"), subject.clone(), subject)
            }
            ConvKind::Member => ("LinkedIn Member".to_string(), String::new(), String::new()),
            _ => (String::new(), String::new(), conv.title.clone()),
        };
        // The TO and RECIPIENT PROFILE URLS cells for each sender.
        let to: Vec<(String, String)> = (0..names.len())
            .map(|s| {
                if conv.kind == ConvKind::Member {
                    return ("LinkedIn Member".to_string(), String::new());
                }
                let others = (0..names.len()).filter(|&i| i != s);
                let n: Vec<&str> = others.clone().map(|i| names[i]).collect();
                let u: Vec<&str> = others.map(|i| urls[i]).collect();
                (n.join(", "), u.join(","))
            })
            .collect();
        let folder = match conv.folder {
            Folder::Inbox => "INBOX",
            Folder::Archive => "ARCHIVE",
            Folder::Spam => "SPAM",
        };
        let oldest = conv.msgs.len().saturating_sub(1);
        for (j, m) in conv.msgs.iter().enumerate() {
            let (from, from_url, to_names, to_urls) = if m.from == EXTERNAL {
                (
                    external.as_str(),
                    "",
                    dir.owner_name.as_str(),
                    dir.owner_url.as_str(),
                )
            } else {
                let s = usize::from(m.from);
                (names[s], urls[s], to[s].0.as_str(), to[s].1.as_str())
            };
            let to_first = if m.from == 0 {
                names.get(1).map_or("there", |n| first_name(n))
            } else {
                OWNER_FIRST
            };
            quoted(w, &conv.id)?;
            w.write_all(b",")?;
            quoted(w, &title)?;
            w.write_all(b",")?;
            quoted(w, from)?;
            w.write_all(b",")?;
            quoted(w, from_url)?;
            w.write_all(b",")?;
            quoted(w, to_names)?;
            w.write_all(b",")?;
            quoted(w, to_urls)?;
            w.write_all(b",")?;
            date.clear();
            let dt = datetime(m.t);
            use std::fmt::Write as _;
            let _ = write!(
                date,
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
                dt.year(),
                dt.month(),
                dt.day(),
                dt.hour(),
                dt.minute(),
                dt.second()
            );
            quoted(w, &date)?;
            w.write_all(b",")?;
            let recruiting = matches!(
                conv.kind,
                ConvKind::Recruiter | ConvKind::OneWay { subjects: true }
            ) && m.from != 0;
            if recruiting {
                let s = *text.rng().pick(RECRUITER_SUBJECTS);
                quoted(w, s)?;
            } else {
                quoted(w, &subject)?;
            }
            w.write_all(b",")?;
            let content: &str = if m.flags & SYSTEM_LEFT != 0 {
                crate::lexicon::SYSTEM_LEFT
            } else if m.flags & SYSTEM_ACCEPTED != 0 {
                crate::lexicon::SYSTEM_ACCEPTED
            } else {
                let flavor = match conv.kind {
                    ConvKind::Sponsored { company } => Flavor::Sponsored {
                        company: &plan.companies[company as usize],
                    },
                    _ if m.flags & DRAFT != 0 => Flavor::Draft { to_first },
                    ConvKind::OneOff if j == oldest => Flavor::Thanks { to_first },
                    ConvKind::Recruiter | ConvKind::OneWay { .. } if j == oldest => {
                        Flavor::Recruiter { to_first }
                    }
                    _ => Flavor::Chat { to_first },
                };
                text.message(flavor)
            };
            quoted(w, content)?;
            w.write_all(b",")?;
            quoted(w, folder)?;
            w.write_all(b",")?;
            if m.flags == 0 && m.from != EXTERNAL && text.rng().chance(0.003) {
                let id = text.rng().next_u64();
                quoted(
                    w,
                    &format!("https://www.linkedin.com/dms/prv/attachment/{id:016x}/"),
                )?;
            } else {
                w.write_all(b"\"\"")?;
            }
            w.write_all(b",")?;
            w.write_all(if m.flags & DRAFT != 0 {
                b"\"Yes\"\n"
            } else {
                b"\"No\"\n"
            })?;
        }
    }
    Ok(())
}

fn invitations(w: &mut impl Write, plan: &Plan, dir: &Directory) -> io::Result<()> {
    w.write_all(b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n")?;
    for inv in &plan.invitations {
        let p = inv.person as usize;
        // LinkedIn writes two-digit years; one outside 1969-2068 would read
        // back in the wrong century, so a shifted export writes all four.
        let at = datetime(inv.t);
        let shape = if (1969..=2068).contains(&at.year()) {
            "%-m/%-d/%y, %-I:%M %p"
        } else {
            "%-m/%-d/%Y, %-I:%M %p"
        };
        let sent = at.format(shape).to_string();
        let (from, to, from_url, to_url, direction) = if inv.outgoing {
            (
                dir.owner_name.as_str(),
                dir.names[p].as_str(),
                dir.owner_url.as_str(),
                dir.urls[p].as_str(),
                "OUTGOING",
            )
        } else {
            (
                dir.names[p].as_str(),
                dir.owner_name.as_str(),
                dir.urls[p].as_str(),
                dir.owner_url.as_str(),
                "INCOMING",
            )
        };
        row(w, &[from, to, &sent, inv.note, direction, from_url, to_url])?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

fn endorsements(w: &mut impl Write, plan: &Plan, received: bool) -> io::Result<()> {
    let (list, who) = if received {
        (&plan.endorsements_received, "Endorser")
    } else {
        (&plan.endorsements_given, "Endorsee")
    };
    writeln!(
        w,
        "Endorsement Date,Skill Name,{who} First Name,{who} Last Name,{who} Public Url,Endorsement Status"
    )?;
    for e in list {
        let p = &plan.persons[e.person as usize];
        let date = datetime(e.t).format("%Y/%m/%d %H:%M:%S UTC").to_string();
        let url = format!("www.linkedin.com/in/{}", p.slug);
        row(w, &[&date, e.skill, &p.first, &p.last, &url, e.status])?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

fn recommendations(w: &mut impl Write, plan: &Plan, received: bool) -> io::Result<()> {
    let list = if received {
        &plan.recommendations_received
    } else {
        &plan.recommendations_given
    };
    w.write_all(b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n")?;
    for r in list {
        let p = &plan.persons[r.person as usize];
        let about = if received { OWNER_FIRST } else { &p.first };
        let text = r.text.replace("{name}", about);
        let date = datetime(r.t).format("%b %Y").to_string();
        let company = plan.company_of(p);
        row(
            w,
            &[
                &p.first,
                &p.last,
                company,
                &p.position,
                &text,
                &date,
                r.status,
            ],
        )?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

fn positions(w: &mut impl Write, plan: &Plan) -> io::Result<()> {
    w.write_all(b"Company Name,Title,Description,Location,Started On,Finished On\n")?;
    let company = |i: usize| plan.companies.get(i).map_or("", String::as_str);
    let year = date_before(plan.now, 0).year();
    let rows = [
        (
            company(0),
            "Product Lead",
            "Leads discovery, delivery and the roadmap.",
            "Utrecht, Netherlands",
            format!("Mar {}", year - 3),
            String::new(),
        ),
        (
            company(1),
            "Senior Product Manager",
            "",
            "Amsterdam, Netherlands",
            format!("Jan {}", year - 7),
            format!("Feb {}", year - 3),
        ),
        (
            company(2),
            "Product Designer",
            "Design systems and research.\nTwo launches.",
            "Rotterdam, Netherlands",
            format!("Sep {}", year - 11),
            format!("Dec {}", year - 7),
        ),
    ];
    for (c, title, description, location, started, finished) in rows {
        row(w, &[c, title, description, location, &started, &finished])?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
