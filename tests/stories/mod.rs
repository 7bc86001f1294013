//! What the story tests share: invented people, dates counted back from the
//! as-of day, and CSV rows spelled out (tests/judgement.rs, tests/plan.rs).
#![allow(dead_code)] // each story file uses its own part
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

/// `story.talk(…)` and the other message builders write into a story's
/// `messages`: `story_messages!(Story)` lets a story be used as its Messages.
macro_rules! story_messages {
    ($story:ty) => {
        impl std::ops::Deref for $story {
            type Target = Messages;
            fn deref(&self) -> &Messages {
                &self.messages
            }
        }

        impl std::ops::DerefMut for $story {
            fn deref_mut(&mut self) -> &mut Messages {
                &mut self.messages
            }
        }
    };
}

pub const EXPORT_NAME: &str = "Complete_LinkedInDataExport_06-30-2025";
/// The as-of date, as (year, month, day).
pub const AS_OF: (i64, i64, i64) = (2025, 6, 30);

pub const MESSAGES_HEADER: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,\
RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT";
pub const CONNECTIONS_HEADER: &str =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
pub const SPONSORED: &str =
    "<p class=\"spinmail-quill-editor__spin-break\">Hi %FIRSTNAME%, we are hiring!</p>";

// ---------------------------------------------------------------- dates

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil((y, m, d): (i64, i64, i64)) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

pub fn date(days_before: i64) -> (i64, i64, i64) {
    civil_from_days(days_from_civil(AS_OF) - days_before)
}

/// `2025-06-30` for 0: how the library prints a date.
pub fn ymd(days_before: i64) -> String {
    let (y, m, d) = date(days_before);
    format!("{y}-{m:02}-{d:02}")
}

/// `08 Feb 2023`: how Connections.csv writes a date.
pub fn connected_on(days_before: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m, d) = date(days_before);
    let month = MONTHS[usize::try_from(m - 1).unwrap_or(0)];
    format!("{d:02} {month} {y}")
}

/// `count` days, `every` days apart, the last `last` days before the as-of
/// date; oldest first.
pub fn every(last: i64, every: i64, count: i64) -> Vec<i64> {
    (0..count).rev().map(|i| last + i * every).collect()
}

// ---------------------------------------------------------------- people

pub struct Someone {
    pub name: &'static str,
    pub slug: &'static str,
}

impl Someone {
    /// The profile link, as the library reports it.
    pub fn url(&self) -> String {
        format!("https://www.linkedin.com/in/{}", self.slug)
    }
}

pub const fn someone(name: &'static str, slug: &'static str) -> Someone {
    Someone { name, slug }
}

pub const AVERY: Someone = someone("Avery Quinn", "avery-quinn");

// ---------------------------------------------------------------- exports

pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One messages.csv row, spelled out.
pub struct Row<'a> {
    pub conversation: &'a str,
    pub from: &'a str,
    pub from_url: String,
    pub to: String,
    pub to_urls: String,
    pub days_before: i64,
    pub content: &'a str,
    pub folder: &'a str,
    pub draft: bool,
}

/// messages.csv rows being written, and the conversation ids handed out.
#[derive(Default)]
pub struct Messages {
    pub rows: Vec<String>,
    conversations: u32,
}

impl Messages {
    pub fn new_conversation(&mut self) -> String {
        self.conversations += 1;
        format!("2-conversation-{}==", self.conversations)
    }

    pub fn raw(&mut self, row: &Row) {
        // Distinct, increasing times within a day keep same-day messages in order.
        let n = self.rows.len();
        let (hour, minute) = (8 + (n / 60) % 12, n % 60);
        let cells = [
            field(row.conversation),
            String::new(),
            field(row.from),
            field(&row.from_url),
            field(&row.to),
            field(&row.to_urls),
            format!("{} {hour:02}:{minute:02}:00 UTC", ymd(row.days_before)),
            String::new(),
            field(row.content),
            row.folder.to_string(),
            if row.draft { "Yes" } else { "No" }.to_string(),
        ];
        self.rows.push(cells.join(","));
    }

    /// A plain message in a conversation.
    pub fn say(&mut self, conversation: &str, from: &Someone, to: &[&Someone], days_before: i64) {
        self.raw(&Row::plain(conversation, from, to, days_before));
    }

    /// A one-to-one conversation on the given days, Avery and `p` taking turns,
    /// Avery first. Returns the conversation id.
    pub fn talk(&mut self, p: &Someone, days: &[i64]) -> String {
        let c = self.new_conversation();
        for (i, &day) in days.iter().enumerate() {
            if i % 2 == 0 {
                self.say(&c, &AVERY, &[p], day);
            } else {
                self.say(&c, p, &[&AVERY], day);
            }
        }
        c
    }

    /// `count` messages taking turns every `every_days`, the last `last_days_before`.
    pub fn exchange(
        &mut self,
        p: &Someone,
        last_days_before: i64,
        every_days: i64,
        count: i64,
    ) -> String {
        self.talk(p, &every(last_days_before, every_days, count))
    }

    /// `p` writes to Avery on the given days, never answered.
    pub fn one_way_from(&mut self, p: &Someone, days: &[i64]) {
        let c = self.new_conversation();
        for &day in days {
            self.say(&c, p, &[&AVERY], day);
        }
    }
}

impl<'a> Row<'a> {
    /// A plain message from `from` to `to`.
    pub fn plain(
        conversation: &'a str,
        from: &'a Someone,
        to: &[&Someone],
        days_before: i64,
    ) -> Row<'a> {
        let names: Vec<&str> = to.iter().map(|p| p.name).collect();
        let urls: Vec<String> = to.iter().map(|p| p.url()).collect();
        Row {
            conversation,
            from: from.name,
            from_url: from.url(),
            to: names.join(", "),
            to_urls: urls.join(","),
            days_before,
            content: "Good to hear from you",
            folder: "INBOX",
            draft: false,
        }
    }
}
