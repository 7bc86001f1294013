//! Who the invented people are and when every message between them was sent.
//!
//! The plan holds timestamps and senders only (16 bytes a message); message
//! text is invented later, while the zip is written, and never kept.

use std::collections::HashSet;

use crate::Spec;
use crate::lexicon::{
    COMMA_TITLES, COMPANY_FIRST, COMPANY_LEGAL, COMPANY_SECOND, FIRST_NAMES, GROUP_TITLES,
    INVITATION_NOTES, LAST_NAMES, NAME_SUFFIXES, OWNER_FIRST, OWNER_LAST, RECOMMENDATION_TEXTS,
    RECRUITER_TITLES, SKILLS, SPAM_NAMES, TITLE_LEVELS, TITLE_SECOND_LINES, TITLES, fold_char,
};
use crate::rng::Rng;

/// Seconds in a day.
pub(crate) const DAY: i64 = 86_400;
/// How far back the relationships reach, in days: eight years.
pub(crate) const HORIZON: i64 = 2922;
/// The sender index of a conversation's outside sender (a sponsor, `LinkedIn Member`).
pub(crate) const EXTERNAL: u8 = u8::MAX;

/// A message flag: an unsent draft.
pub(crate) const DRAFT: u8 = 1;
/// A message flag: a system line (`A LinkedIn member left the conversation.`).
pub(crate) const SYSTEM_LEFT: u8 = 2;
/// A message flag: the system line `Message request accepted`.
pub(crate) const SYSTEM_ACCEPTED: u8 = 4;

/// What a person is to the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Close,
    FormerlyClose,
    OneWay,
    OneOff,
    /// A connection never written to one-to-one.
    Quiet,
    /// A non-connection who wrote a few times, never answered.
    Recruiter,
    /// A non-connection met in group conversations.
    Guest,
    Spammer,
    /// A non-connection only in Invitations.csv.
    Invitee,
}

/// One invented person.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub first: String,
    pub last: String,
    /// The URL path after `/in/`, as written (may hold `%C3%AB` or capitals).
    pub slug: String,
    pub company: Option<u32>,
    pub position: String,
    pub email: Option<String>,
    /// Days before the export date they connected; `None` for non-connections.
    pub connected: Option<i64>,
    pub kind: Kind,
    /// Shares the full name with someone else.
    pub dup: bool,
    in_group: bool,
}

impl Person {
    pub(crate) fn full_name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// One message: when, who (0 the owner, `i` the conversation's `members[i - 1]`,
/// [`EXTERNAL`] its outside sender) and flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Msg {
    pub t: i64,
    pub from: u8,
    pub flags: u8,
}

/// What a conversation is, which decides how its text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConvKind {
    Close,
    FormerlyClose,
    OneWay { subjects: bool },
    OneOff,
    Recruiter,
    DraftOnly,
    Group,
    Sponsored { company: u32 },
    Member,
    Spam,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Folder {
    Inbox,
    Archive,
    Spam,
}

/// One conversation.
#[derive(Debug, Clone)]
pub(crate) struct Conv {
    pub id: String,
    pub title: String,
    pub kind: ConvKind,
    pub folder: Folder,
    /// Participants other than the owner (person indices).
    pub members: Vec<u32>,
    /// Newest first once the plan is finished.
    pub msgs: Vec<Msg>,
}

#[derive(Debug, Clone)]
pub(crate) struct Endorsement {
    pub t: i64,
    pub person: u32,
    pub skill: &'static str,
    pub status: &'static str,
}

#[derive(Debug, Clone)]
pub(crate) struct Recommendation {
    pub t: i64,
    pub person: u32,
    pub text: &'static str,
    pub status: &'static str,
}

#[derive(Debug, Clone)]
pub(crate) struct Invitation {
    pub t: i64,
    pub person: u32,
    pub outgoing: bool,
    pub note: &'static str,
}

/// Everything the export will hold, text aside.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// The export date at 00:00 UTC, in Unix seconds.
    pub now: i64,
    pub owner_slug: String,
    pub companies: Vec<String>,
    pub persons: Vec<Person>,
    /// Days before the export date of each hidden-profile row.
    pub hidden: Vec<i64>,
    /// Newest conversation first.
    pub convs: Vec<Conv>,
    pub endorsements_received: Vec<Endorsement>,
    pub endorsements_given: Vec<Endorsement>,
    pub recommendations_received: Vec<Recommendation>,
    pub recommendations_given: Vec<Recommendation>,
    pub invitations: Vec<Invitation>,
}

impl Plan {
    /// The name of a person's current company, or `""` when they have none.
    pub fn company_of(&self, person: &Person) -> &str {
        person
            .company
            .map_or("", |c| self.companies[c as usize].as_str())
    }
}

/// Builds the plan of an export.
pub(crate) fn plan(spec: &Spec) -> Plan {
    let mut b = Builder::new(spec);
    b.build()
}

/// A time window `[lo, hi]` in Unix seconds.
type Window = (i64, i64);

struct Builder {
    rng: Rng,
    now: i64,
    connections: usize,
    messages: usize,
    salt: u64,
    slugs: u64,
    names: HashSet<String>,
    companies: Vec<String>,
    persons: Vec<Person>,
    convs: Vec<Conv>,
    /// Active window of each formerly-close person: (person, window).
    fc_windows: Vec<(u32, Window)>,
    /// Window of each group conversation: (conv index, window).
    group_windows: Vec<(usize, Window)>,
}

impl Builder {
    fn new(spec: &Spec) -> Builder {
        let now = spec
            .export_date
            .and_hms_opt(0, 0, 0)
            .map_or(0, |d| d.and_utc().timestamp());
        let mut rng = Rng::new(spec.seed, 1);
        let salt = rng.next_u64() & 0xFF_FFFF;
        Builder {
            rng,
            now,
            connections: spec.connections,
            messages: spec.messages,
            salt,
            slugs: 0,
            names: HashSet::new(),
            companies: Vec::new(),
            persons: Vec::new(),
            convs: Vec::new(),
            fc_windows: Vec::new(),
            group_windows: Vec::new(),
        }
    }

    // ------------------------------------------------------------ time

    /// A time of day on the day `days` before the export date (never after the export date).
    fn at(&mut self, days: i64) -> i64 {
        let t = self.now - days.max(1) * DAY + self.rng.range(7 * 3600, 21 * 3600);
        t.min(self.now - 60)
    }

    /// `m` messages of a two-person exchange within a few hours of one day.
    fn burst(&mut self, days: i64, m: usize, out: &mut Vec<Msg>) {
        let mut t = self.at(days) - self.rng.range(0, 4 * 3600);
        let step = (16 * 3600 / m.max(1) as i64).clamp(120, 3 * 3600);
        let mut from = self.rng.below(2) as u8;
        for _ in 0..m {
            out.push(Msg {
                t: clamp(self.now, t),
                from,
                flags: 0,
            });
            t += self.rng.range(60, step);
            if self.rng.chance(0.75) {
                from ^= 1;
            }
        }
    }

    // ------------------------------------------------------------ people

    fn slug(&mut self, first: &str, last: &str) -> String {
        let keep_unicode = self.rng.chance(0.25);
        let capitals = self.rng.chance(0.01);
        let mut base = String::new();
        let mut dash = true;
        for c in format!("{first} {last}").chars() {
            if c.is_ascii_alphanumeric() {
                if capitals && dash {
                    base.push(c.to_ascii_uppercase());
                } else {
                    base.push(c.to_ascii_lowercase());
                }
                dash = false;
            } else if c == '\'' || c == '.' {
                // O'Brien → obrien, Ph.D. → phd
            } else if c.is_alphabetic() {
                let lower = c.to_lowercase().next().unwrap_or(c);
                if keep_unicode {
                    let mut bytes = [0u8; 4];
                    for b in lower.encode_utf8(&mut bytes).bytes() {
                        base.push_str(&format!("%{b:02X}"));
                    }
                } else if let Some(folded) = fold_char(lower) {
                    base.push_str(folded);
                }
                dash = false;
            } else if !dash {
                base.push('-');
                dash = true;
            }
        }
        let base = base.trim_end_matches('-');
        // A bijection of a counter: every slug's suffix is different.
        let n = self.slugs;
        self.slugs += 1;
        let suffix = (n.wrapping_mul(0x9E37_79B1).wrapping_add(self.salt)) & 0xFF_FFFF;
        format!("{base}-{suffix:06x}")
    }

    /// A full name nobody else has yet.
    fn new_name(&mut self) -> (String, String) {
        for attempt in 0.. {
            let first = (*self.rng.pick(FIRST_NAMES)).to_string();
            let mut last = (*self.rng.pick(LAST_NAMES)).to_string();
            if attempt > 20 || self.rng.chance(0.04) {
                last = format!("{last}-{}", self.rng.pick(LAST_NAMES));
            }
            if self.rng.chance(0.004) {
                last.push_str(self.rng.word(NAME_SUFFIXES));
            }
            let full = format!("{first} {last}");
            if full != format!("{OWNER_FIRST} {OWNER_LAST}") && self.names.insert(full) {
                return (first, last);
            }
        }
        unreachable!("the loop above only ends by returning")
    }

    fn position(&mut self) -> String {
        let r = self.rng.unit();
        if r < 0.02 {
            (*self.rng.pick(COMMA_TITLES)).to_string()
        } else if r < 0.03 {
            format!(
                "{}{}\n{}",
                self.rng.pick(TITLE_LEVELS),
                self.rng.pick(TITLES),
                self.rng.pick(TITLE_SECOND_LINES)
            )
        } else {
            format!("{}{}", self.rng.pick(TITLE_LEVELS), self.rng.pick(TITLES))
        }
    }

    fn company(&mut self) -> Option<u32> {
        if self.companies.is_empty() {
            return None;
        }
        let skewed = self.rng.unit().powf(2.2);
        Some((skewed * self.companies.len() as f64) as u32)
    }

    fn add_person(&mut self, kind: Kind, connected: Option<i64>) -> u32 {
        let (first, last) = self.new_name();
        let slug = self.slug(&first, &last);
        let jobless = self.rng.chance(0.03);
        let (company, position) = if jobless {
            (None, String::new())
        } else if kind == Kind::Recruiter {
            (
                self.company(),
                (*self.rng.pick(RECRUITER_TITLES)).to_string(),
            )
        } else {
            let c = self.company();
            (c, self.position())
        };
        let email = self.rng.chance(0.03).then(|| {
            let local: String = slug
                .rsplit_once('-')
                .map_or(slug.as_str(), |(b, _)| b)
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .map(|c| {
                    if c == '-' {
                        '.'
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            let tld = self.rng.pick(&["com", "org", "net"]);
            format!("{local}@example.{tld}")
        });
        self.persons.push(Person {
            first,
            last,
            slug,
            company,
            position,
            email,
            connected,
            kind,
            dup: false,
            in_group: false,
        });
        (self.persons.len() - 1) as u32
    }

    fn random_connected(&mut self) -> i64 {
        1 + (3300.0 * self.rng.unit().powf(1.35)) as i64
    }

    fn conv_id(&mut self) -> String {
        let a = self.rng.next_u64();
        let b = self.rng.next_u64();
        let uuid = format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0xFFF,
            ((b >> 48) & 0x3FFF) | 0x8000,
            b & 0xFFFF_FFFF_FFFF
        );
        format!("2-{}", base64(format!("{uuid}_010").as_bytes()))
    }

    fn conv(&mut self, kind: ConvKind, members: Vec<u32>, msgs: Vec<Msg>, archive: f64) -> Conv {
        let folder = if self.rng.chance(archive) {
            Folder::Archive
        } else {
            Folder::Inbox
        };
        Conv {
            id: self.conv_id(),
            title: String::new(),
            kind,
            folder,
            members,
            msgs,
        }
    }

    // ------------------------------------------------------------ relationships

    /// Two-way, steady for 1–4 years, then silent for at least a year and
    /// four rhythms; sometimes an unsent draft lately.
    fn formerly_close(&mut self, p: u32) -> (Conv, i64, Window) {
        let rhythm = self.rng.range(7, 56);
        let duration = self.rng.range(365, 1460);
        let silence = self
            .rng
            .range((4 * rhythm + 30).max(380), HORIZON - duration - 10);
        let start = silence + duration;
        let mut days = Vec::new();
        let mut d = start;
        while d >= silence {
            days.push(d);
            let step = (rhythm as f64 * (0.8 + 0.4 * self.rng.unit())).round() as i64;
            d -= step.max(8);
        }
        let per = 32usize.div_ceil(days.len()).max(2);
        let mut msgs = Vec::new();
        for &d in &days {
            let m = per + usize::from(self.rng.chance(0.3));
            self.burst(d, m, &mut msgs);
        }
        for side in [0u8, 1] {
            while msgs.iter().filter(|m| m.from == side).count() < 15 {
                let near = msgs[self.rng.index(msgs.len())].t;
                let t = clamp(self.now, near + self.rng.range(60, 3 * 3600));
                msgs.push(Msg {
                    t,
                    from: side,
                    flags: 0,
                });
            }
        }
        let lo = msgs.iter().map(|m| m.t).min().unwrap_or(0);
        let hi = msgs.iter().map(|m| m.t).max().unwrap_or(0);
        if self.rng.chance(0.35) {
            let days = self.rng.range(2, 200);
            let t = self.at(days);
            msgs.push(Msg {
                t,
                from: 0,
                flags: DRAFT,
            });
        }
        let connected = start + self.rng.range(0, 150);
        let conv = self.conv(ConvKind::FormerlyClose, vec![p], msgs, 0.2);
        (conv, connected, (lo, hi))
    }

    /// Two-way every 1–4 weeks, until the last 0–60 days.
    fn close(&mut self, p: u32) -> (Conv, i64) {
        let rhythm = self.rng.range(7, 28);
        let last = self.rng.range(1, 60);
        let span = 200 + ((HORIZON - 300) as f64 * self.rng.unit().powf(1.5)) as i64;
        let start = last + span;
        let mut msgs = Vec::new();
        let mut d = last;
        while d <= start {
            let m = self.rng.range(2, 4) as usize;
            self.burst(d, m, &mut msgs);
            let step = (rhythm as f64 * (0.7 + 0.6 * self.rng.unit())).round() as i64;
            d += step.max(3);
        }
        let connected = start + self.rng.range(0, 200);
        (self.conv(ConvKind::Close, vec![p], msgs, 0.05), connected)
    }

    /// 2–8 messages from them over the years, never answered.
    fn one_way(&mut self, p: u32, connected: i64, kind: ConvKind) -> Conv {
        let n = self.rng.range(2, 8);
        let first = (connected - self.rng.range(0, 30)).max(2);
        let mut msgs = Vec::new();
        let t = self.at(first);
        msgs.push(Msg {
            t,
            from: 1,
            flags: 0,
        });
        if kind == ConvKind::Recruiter && self.rng.chance(0.15) {
            msgs.push(Msg {
                t: clamp(self.now, t + self.rng.range(600, 20 * 3600)),
                from: 0,
                flags: SYSTEM_ACCEPTED,
            });
        }
        for _ in 1..n {
            let d = self.rng.range(1, first);
            let t = self.at(d);
            msgs.push(Msg {
                t,
                from: 1,
                flags: 0,
            });
        }
        let archive = if kind == ConvKind::Recruiter {
            0.3
        } else {
            0.2
        };
        self.conv(kind, vec![p], msgs, archive)
    }

    /// One "thanks for connecting" exchange of 1–3 messages.
    fn one_off(&mut self, p: u32, connected: i64) -> Conv {
        let d = (connected - self.rng.range(0, 2)).max(1);
        let n = if self.rng.chance(0.25) {
            1
        } else {
            self.rng.range(2, 3)
        };
        let mut from = u8::from(self.rng.chance(0.4));
        let mut t = self.at(d);
        let mut msgs = Vec::new();
        for _ in 0..n {
            msgs.push(Msg {
                t: clamp(self.now, t),
                from,
                flags: 0,
            });
            t += self.rng.range(600, 20 * 3600);
            from ^= 1;
        }
        self.conv(ConvKind::OneOff, vec![p], msgs, 0.15)
    }

    /// A group of 3–6 people with `base` messages; its window, and whether
    /// it could be made.
    fn group(
        &mut self,
        base: usize,
        close: &[u32],
        quiet: &[u32],
        one_off: &[u32],
    ) -> Option<(Conv, Window)> {
        let k = self.rng.range(2, 5) as usize;
        let mut members: Vec<u32> = Vec::with_capacity(k);
        let window;
        if !self.fc_windows.is_empty() && self.rng.chance(0.15) {
            // A group from a formerly-close friendship's active years: it
            // stays inside them, so their silence stays true.
            let (f, (lo, hi)) = self.fc_windows[self.rng.index(self.fc_windows.len())];
            let a = lo + self.rng.below(((hi - lo) / 2).max(1) as u64) as i64;
            let b = a + self.rng.below((hi - a).max(1) as u64) as i64;
            window = (a, b.max(a));
            members.push(f);
        } else {
            let start = self.rng.range(30, HORIZON);
            let length = self.rng.range(1, (start - 1).min(900));
            let lo = self.at(start);
            let hi = self.at(start - length).max(lo + 3600);
            window = (lo, clamp(self.now, hi));
        }
        let mut tries = 0;
        while members.len() < k && tries < 50 {
            tries += 1;
            let r = self.rng.unit();
            let candidate = if r < 0.35 && !close.is_empty() {
                *self.rng.pick(close)
            } else if r < 0.65 && !quiet.is_empty() {
                *self.rng.pick(quiet)
            } else if r < 0.9 || one_off.is_empty() {
                let id = self.add_person(Kind::Guest, None);
                // A few guests carry a comma in their last name.
                if self.rng.chance(0.05) {
                    let suffix = self.rng.pick(NAME_SUFFIXES);
                    self.persons[id as usize].last.push_str(suffix);
                }
                id
            } else {
                let id = *self.rng.pick(one_off);
                if self.persons[id as usize].in_group {
                    continue;
                }
                id
            };
            if !members.contains(&candidate) {
                members.push(candidate);
            }
        }
        if members.len() < 2 {
            return None;
        }
        for &m in &members {
            self.persons[m as usize].in_group = true;
        }
        let mut msgs = Vec::with_capacity(base);
        for _ in 0..base {
            msgs.push(self.group_message(&members, window));
        }
        if self.rng.chance(0.05) {
            let from = 1 + self.rng.index(members.len()) as u8;
            msgs.push(Msg {
                t: window.1,
                from,
                flags: SYSTEM_LEFT,
            });
        }
        let mut conv = self.conv(ConvKind::Group, members, msgs, 0.1);
        if self.rng.chance(0.4) {
            conv.title = (*self.rng.pick(GROUP_TITLES)).to_string();
        }
        Some((conv, window))
    }

    fn group_message(&mut self, members: &[u32], (lo, hi): Window) -> Msg {
        let from = if self.rng.chance(0.3) {
            0
        } else {
            1 + self.rng.index(members.len()) as u8
        };
        Msg {
            t: lo + self.rng.below((hi - lo).max(0) as u64 + 1) as i64,
            from,
            flags: 0,
        }
    }

    // ------------------------------------------------------------ the whole

    fn build(&mut self) -> Plan {
        let c = self.connections;
        let hidden_rows = if c >= 50 { (c / 200).max(1) } else { 0 };
        let people = c - hidden_rows;

        let n_companies = (people / 8).clamp(12, 320);
        let mut seen = HashSet::new();
        while self.companies.len() < n_companies {
            let mut name = format!(
                "{} {}",
                self.rng.pick(COMPANY_FIRST),
                self.rng.pick(COMPANY_SECOND)
            );
            if self.rng.chance(0.12) {
                name.push_str(self.rng.word(COMPANY_LEGAL));
            }
            if seen.insert(name.clone()) {
                self.companies.push(name);
            }
        }

        let owner_slug = self.slug(OWNER_FIRST, OWNER_LAST);
        for _ in 0..people {
            self.add_person(Kind::Quiet, None);
        }
        // Pairs of different people with the same full name.
        let pairs = if people >= 20 {
            (people / 1500).max(3)
        } else {
            0
        };
        let mut made = 0;
        while made < pairs {
            let i = self.rng.index(people);
            let j = self.rng.index(people);
            if i == j || self.persons[i].dup || self.persons[j].dup {
                continue;
            }
            let (first, last) = (self.persons[i].first.clone(), self.persons[i].last.clone());
            self.persons[j].slug = self.slug(&first, &last);
            self.persons[j].first = first;
            self.persons[j].last = last;
            self.persons[i].dup = true;
            self.persons[j].dup = true;
            made += 1;
        }

        // Categories, before the budget says how many of each it can afford.
        let mut order: Vec<u32> = (0..people as u32).collect();
        self.rng.shuffle(&mut order);
        let share = |f: f64| ((people as f64 * f).round() as usize).max(1);
        let (n_close, n_fc, n_one_way) = (share(0.01), share(0.01), share(0.02));
        let n_one_off = (people as f64 * 0.15).round() as usize;
        let mut cursor = order.into_iter();
        let mut take = |n: usize| -> Vec<u32> { cursor.by_ref().take(n).collect() };
        let fc_candidates = take(n_fc);
        let close_candidates = take(n_close);
        let one_way_candidates = take(n_one_way);
        let one_off_candidates = take(n_one_off);

        let budget = self.messages;
        let noise = (budget / 200).clamp(8, 5000).min(budget / 4);
        let avail = budget - noise;
        let mut left = avail;
        let mut admit = |cost: usize, used: &mut usize, cap: usize, admitted: usize| {
            if cost <= left && (*used + cost <= cap || admitted == 0) {
                left -= cost;
                *used += cost;
                true
            } else {
                false
            }
        };

        let mut fc = Vec::new();
        let mut used = 0;
        for p in fc_candidates {
            let (conv, connected, window) = self.formerly_close(p);
            if admit(conv.msgs.len(), &mut used, avail * 30 / 100, fc.len()) {
                self.persons[p as usize].kind = Kind::FormerlyClose;
                self.persons[p as usize].connected = Some(connected);
                self.fc_windows.push((p, window));
                self.convs.push(conv);
                fc.push(p);
            }
        }
        let mut close = Vec::new();
        let mut close_convs = Vec::new();
        let mut used = 0;
        for p in close_candidates {
            let (conv, connected) = self.close(p);
            if admit(conv.msgs.len(), &mut used, avail * 30 / 100, close.len()) {
                self.persons[p as usize].kind = Kind::Close;
                self.persons[p as usize].connected = Some(connected);
                close_convs.push(self.convs.len());
                self.convs.push(conv);
                close.push(p);
            }
        }
        let mut one_way = Vec::new();
        let mut used = 0;
        let n_recruiters = share(0.005);
        for (i, p) in one_way_candidates
            .into_iter()
            .map(Some)
            .chain(std::iter::repeat_n(None, n_recruiters))
            .enumerate()
        {
            let (p, connected, kind) = match p {
                Some(p) => {
                    let connected = self.rng.range(20, 3300);
                    let subjects = self.rng.chance(0.4);
                    (p, Some(connected), ConvKind::OneWay { subjects })
                }
                None => {
                    let p = self.add_person(Kind::Recruiter, None);
                    (p, None, ConvKind::Recruiter)
                }
            };
            let first = connected.unwrap_or_else(|| self.rng.range(30, 2500));
            let conv = self.one_way(p, first, kind);
            if admit(conv.msgs.len(), &mut used, avail * 5 / 100, i) {
                if connected.is_some() {
                    self.persons[p as usize].kind = Kind::OneWay;
                    self.persons[p as usize].connected = connected;
                }
                self.convs.push(conv);
                one_way.push(p);
            }
        }
        let mut one_off = Vec::new();
        let mut used = 0;
        for p in one_off_candidates {
            let connected = self.rng.range(3, 3300);
            let conv = self.one_off(p, connected);
            if admit(conv.msgs.len(), &mut used, avail * 8 / 100, one_off.len()) {
                self.persons[p as usize].kind = Kind::OneOff;
                self.persons[p as usize].connected = Some(connected);
                self.convs.push(conv);
                one_off.push(p);
            }
        }
        // Everyone not admitted above is a quiet connection.
        for i in 0..people {
            if self.persons[i].connected.is_none() {
                let d = self.random_connected();
                self.persons[i].connected = Some(d);
            }
        }
        let quiet: Vec<u32> = (0..people as u32)
            .filter(|&i| self.persons[i as usize].kind == Kind::Quiet)
            .collect();

        let n_groups = (people / 60 + budget / 15_000).clamp(2, 3000);
        let mut used = 0;
        for i in 0..n_groups {
            let base = self.rng.range(3, 30) as usize;
            let Some((conv, window)) = self.group(base, &close, &quiet, &one_off) else {
                continue;
            };
            if admit(conv.msgs.len(), &mut used, avail * 7 / 100, i) {
                self.group_windows.push((self.convs.len(), window));
                self.convs.push(conv);
            }
        }

        self.noise(noise, &quiet);
        self.extras(budget, &close_convs);

        // Hidden-profile rows: a date only.
        let hidden: Vec<i64> = (0..hidden_rows).map(|_| self.random_connected()).collect();
        let (endorsements_received, endorsements_given) =
            self.endorsements(&close, &fc, &quiet, &one_off);
        let (recommendations_received, recommendations_given) = self.recommendations(&close, &fc);
        let invitations = self.invitations(people);

        for conv in &mut self.convs {
            conv.msgs.sort_by_key(|m| std::cmp::Reverse(m.t));
        }
        let mut convs = std::mem::take(&mut self.convs);
        convs.sort_by_key(|c| std::cmp::Reverse(c.msgs.first().map_or(0, |m| m.t)));
        Plan {
            now: self.now,
            owner_slug,
            companies: std::mem::take(&mut self.companies),
            persons: std::mem::take(&mut self.persons),
            hidden,
            convs,
            endorsements_received,
            endorsements_given,
            recommendations_received,
            recommendations_given,
            invitations,
        }
    }

    /// Exactly `rows` rows of sponsored InMail, `LinkedIn Member` messages,
    /// SPAM and draft-only conversations.
    fn noise(&mut self, rows: usize, quiet: &[u32]) {
        let sponsored = rows * 35 / 100;
        let member = rows * 15 / 100;
        let spam = rows * 25 / 100;
        let drafts = rows - sponsored - member - spam;
        for _ in 0..sponsored {
            let company = self.rng.index(self.companies.len()) as u32;
            let days = self.rng.range(1, HORIZON / 2);
            let t = self.at(days);
            let msgs = vec![Msg {
                t,
                from: EXTERNAL,
                flags: 0,
            }];
            let conv = self.conv(ConvKind::Sponsored { company }, Vec::new(), msgs, 0.3);
            self.convs.push(conv);
        }
        let mut left = member;
        while left > 0 {
            let days = self.rng.range(1, HORIZON);
            let t = self.at(days);
            let mut msgs = vec![Msg {
                t,
                from: EXTERNAL,
                flags: 0,
            }];
            if left >= 2 && self.rng.chance(0.2) {
                msgs.push(Msg {
                    t: clamp(self.now, t + self.rng.range(3600, 3 * DAY)),
                    from: 0,
                    flags: 0,
                });
            }
            left -= msgs.len();
            let conv = self.conv(ConvKind::Member, Vec::new(), msgs, 0.2);
            self.convs.push(conv);
        }
        let mut left = spam;
        while left > 0 {
            let n = (self.rng.range(1, 3) as usize).min(left);
            left -= n;
            let p = self.add_spammer();
            let days = self.rng.range(1, HORIZON / 2);
            let t = self.at(days);
            let msgs = (0..n)
                .map(|i| Msg {
                    t: clamp(self.now, t + i as i64 * DAY * 5),
                    from: 1,
                    flags: 0,
                })
                .collect();
            let mut conv = self.conv(ConvKind::Spam, vec![p], msgs, 0.0);
            conv.folder = Folder::Spam;
            self.convs.push(conv);
        }
        let mut left = drafts;
        while left > 0 {
            let n = (self.rng.range(1, 2) as usize).min(left);
            left -= n;
            let p = if quiet.is_empty() {
                self.add_person(Kind::Guest, None)
            } else {
                *self.rng.pick(quiet)
            };
            let days = self.rng.range(1, 400);
            let t = self.at(days);
            let msgs = (0..n)
                .map(|i| Msg {
                    t: clamp(self.now, t + i as i64 * 600),
                    from: 0,
                    flags: DRAFT,
                })
                .collect();
            let conv = self.conv(ConvKind::DraftOnly, vec![p], msgs, 0.0);
            self.convs.push(conv);
        }
    }

    fn add_spammer(&mut self) -> u32 {
        let (first, last) = *self.rng.pick(SPAM_NAMES);
        let n = self.slugs;
        self.slugs += 1;
        let slug = format!(
            "{}-{}-official-{}",
            first.to_lowercase(),
            last.to_lowercase().replace(' ', "-"),
            (n.wrapping_mul(0x9E37_79B1).wrapping_add(self.salt)) & 0xFF_FFFF
        );
        self.persons.push(Person {
            first: first.to_string(),
            last: last.to_string(),
            slug,
            company: None,
            position: String::new(),
            email: None,
            connected: None,
            kind: Kind::Spammer,
            dup: false,
            in_group: false,
        });
        (self.persons.len() - 1) as u32
    }

    /// Whatever the budget has left: more messages in close relationships
    /// (inside their span) and in group conversations (inside their window).
    fn extras(&mut self, budget: usize, close_convs: &[usize]) {
        let total: usize = self.convs.iter().map(|c| c.msgs.len()).sum();
        let left = budget.saturating_sub(total);
        if left == 0 {
            return;
        }
        let groups: Vec<(usize, Window)> = self.group_windows.clone();
        let to_close = match (close_convs.is_empty(), groups.is_empty()) {
            (false, false) => left * 65 / 100,
            (false, true) => left,
            (true, _) => 0,
        };
        let to_groups = if groups.is_empty() {
            0
        } else {
            left - to_close
        };
        let rest = left - to_close - to_groups;

        let weights: Vec<usize> = close_convs
            .iter()
            .map(|&i| self.convs[i].msgs.len())
            .collect();
        for (i, n) in split(to_close, &weights).into_iter().enumerate() {
            let ci = close_convs[i];
            let base = self.convs[ci].msgs.len();
            let lo = self.convs[ci].msgs.iter().map(|m| m.t).min().unwrap_or(0);
            let hi = self.convs[ci].msgs.iter().map(|m| m.t).max().unwrap_or(0);
            for _ in 0..n {
                let t = if self.rng.chance(0.6) {
                    self.convs[ci].msgs[self.rng.index(base)].t + self.rng.range(30, 3 * 3600)
                } else {
                    lo + self.rng.below((hi - lo).max(0) as u64 + 1) as i64
                };
                let m = Msg {
                    t: clamp(self.now, t),
                    from: self.rng.below(2) as u8,
                    flags: 0,
                };
                self.convs[ci].msgs.push(m);
            }
        }
        let weights: Vec<usize> = groups
            .iter()
            .map(|&(i, _)| self.convs[i].msgs.len())
            .collect();
        for (g, n) in split(to_groups, &weights).into_iter().enumerate() {
            let (ci, window) = groups[g];
            let members = self.convs[ci].members.clone();
            for _ in 0..n {
                let m = self.group_message(&members, window);
                self.convs[ci].msgs.push(m);
            }
        }
        // Neither close ties nor groups (a tiny budget): join existing
        // exchanges, which moves no one's rhythm or silence.
        if rest > 0 {
            if self.convs.is_empty() {
                for _ in 0..rest {
                    let company = self.rng.index(self.companies.len()) as u32;
                    let t = self.at(1);
                    let msgs = vec![Msg {
                        t,
                        from: EXTERNAL,
                        flags: 0,
                    }];
                    let conv = self.conv(ConvKind::Sponsored { company }, Vec::new(), msgs, 0.0);
                    self.convs.push(conv);
                }
                return;
            }
            let ci = (0..self.convs.len())
                .max_by_key(|&i| {
                    (
                        matches!(self.convs[i].kind, ConvKind::FormerlyClose),
                        self.convs[i].msgs.len(),
                    )
                })
                .unwrap_or(0);
            let base: Vec<Msg> = self.convs[ci]
                .msgs
                .iter()
                .copied()
                .filter(|m| m.flags == 0)
                .collect();
            for _ in 0..rest {
                let near = base[self.rng.index(base.len())];
                let m = Msg {
                    t: clamp(self.now, near.t + self.rng.range(30, 3 * 3600)),
                    from: near.from,
                    flags: 0,
                };
                self.convs[ci].msgs.push(m);
            }
        }
    }

    fn endorsement_time(&mut self, p: u32) -> i64 {
        if let Some(&(_, (lo, hi))) = self.fc_windows.iter().find(|(f, _)| *f == p) {
            return lo + self.rng.below((hi - lo).max(0) as u64 + 1) as i64;
        }
        let connected = self.persons[p as usize].connected.unwrap_or(HORIZON);
        let days = self.rng.range(1, connected.max(2) - 1);
        self.at(days)
    }

    fn endorsements(
        &mut self,
        close: &[u32],
        fc: &[u32],
        quiet: &[u32],
        one_off: &[u32],
    ) -> (Vec<Endorsement>, Vec<Endorsement>) {
        let mut received = Vec::new();
        let mut given = Vec::new();
        let statuses = ["ACCEPTED"; 18]
            .into_iter()
            .chain(["PENDING", "HIDDEN"])
            .collect::<Vec<_>>();
        let add = |b: &mut Builder, list: &mut Vec<Endorsement>, p: u32, n: i64| {
            let first_skill = b.rng.index(SKILLS.len());
            for k in 0..n as usize {
                let t = b.endorsement_time(p);
                list.push(Endorsement {
                    t,
                    person: p,
                    skill: SKILLS[(first_skill + k) % SKILLS.len()],
                    status: b.rng.word(&statuses),
                });
            }
        };
        for &p in close {
            if self.rng.chance(0.5) {
                let n = self.rng.range(1, 3);
                add(self, &mut received, p, n);
            }
            if self.rng.chance(0.3) {
                let n = self.rng.range(1, 2);
                add(self, &mut given, p, n);
            }
        }
        for &p in fc {
            if self.rng.chance(0.5) {
                let n = self.rng.range(1, 2);
                add(self, &mut received, p, n);
            }
            if self.rng.chance(0.4) {
                add(self, &mut given, p, 1);
            }
        }
        if !quiet.is_empty() {
            for _ in 0..quiet.len() / 40 {
                let p = *self.rng.pick(quiet);
                add(self, &mut received, p, 1);
            }
            for _ in 0..quiet.len() / 60 {
                let p = *self.rng.pick(quiet);
                add(self, &mut given, p, 1);
            }
        }
        let mut shuffled = one_off.to_vec();
        self.rng.shuffle(&mut shuffled);
        for &p in shuffled.iter().take(one_off.len() / 30) {
            add(self, &mut received, p, 1);
        }
        received.sort_by_key(|e| std::cmp::Reverse(e.t));
        given.sort_by_key(|e| std::cmp::Reverse(e.t));
        (received, given)
    }

    fn recommendations(
        &mut self,
        close: &[u32],
        fc: &[u32],
    ) -> (Vec<Recommendation>, Vec<Recommendation>) {
        // Recommendations carry no URL: only people whose name is theirs alone.
        let mut eligible: Vec<u32> = close
            .iter()
            .chain(fc)
            .copied()
            .filter(|&p| !self.persons[p as usize].dup)
            .collect();
        self.rng.shuffle(&mut eligible);
        let make = |b: &mut Builder, p: u32| {
            let t = b.endorsement_time(p);
            Recommendation {
                t,
                person: p,
                text: b.rng.word(RECOMMENDATION_TEXTS),
                status: if b.rng.chance(0.9) {
                    "VISIBLE"
                } else {
                    "HIDDEN"
                },
            }
        };
        let n_received = eligible.len().min(3);
        let n_given = (eligible.len() - n_received).min(2);
        let received: Vec<_> = eligible[..n_received]
            .iter()
            .map(|&p| make(self, p))
            .collect();
        let given: Vec<_> = eligible[n_received..n_received + n_given]
            .iter()
            .map(|&p| make(self, p))
            .collect();
        (received, given)
    }

    fn invitations(&mut self, people: usize) -> Vec<Invitation> {
        let n = (people / 1000).clamp(2, 30);
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let p = self.add_person(Kind::Invitee, None);
            let outgoing = i == 0 || self.rng.chance(0.6);
            let days = self.rng.range(1, 60);
            let t = self.at(days);
            let note = if self.rng.chance(0.3) {
                *self.rng.pick(INVITATION_NOTES)
            } else {
                ""
            };
            out.push(Invitation {
                t,
                person: p,
                outgoing,
                note,
            });
        }
        out.sort_by_key(|i| std::cmp::Reverse(i.t));
        out
    }
}

/// Keeps a time a minute before the export date at the latest.
fn clamp(now: i64, t: i64) -> i64 {
    t.min(now - 60)
}

/// Splits `total` in proportion to `weights` (largest remainders last-come).
fn split(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    if weights.is_empty() {
        return Vec::new();
    }
    if sum == 0 {
        let mut out = vec![total / weights.len(); weights.len()];
        out[0] += total % weights.len();
        return out;
    }
    let mut out: Vec<usize> = weights
        .iter()
        .map(|&w| (total as u128 * w as u128 / sum as u128) as usize)
        .collect();
    let mut rest = total - out.iter().sum::<usize>();
    let mut i = 0;
    while rest > 0 {
        out[i % weights.len()] += 1;
        rest -= 1;
        i += 1;
    }
    out
}

/// Standard base64 with padding.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_sample_ids() {
        assert_eq!(
            base64(b"90970564-68e0-449d-af89-78f793d67bc0_010"),
            "OTA5NzA1NjQtNjhlMC00NDlkLWFmODktNzhmNzkzZDY3YmMwXzAxMA=="
        );
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn split_keeps_the_total() {
        assert_eq!(split(10, &[1, 1, 1]).iter().sum::<usize>(), 10);
        assert_eq!(split(7, &[0, 0]), vec![4, 3]);
        assert_eq!(split(100, &[3, 1]), vec![75, 25]);
    }
}
