//! [`MessageLog`]: what is kept of `messages.csv` once its rows are read.
//!
//! Rows are folded in as they are parsed and then dropped; no row survives
//! reading. What stays:
//!
//! - each distinct **header** (conversation id, title, sender, recipients),
//!   with how many rows carried it: who sent and received what, and the
//!   owner's detection, need distinct values only;
//! - a **cell** per header, day, kind and folder class: how many messages,
//!   the first line (the order conversations and people appear in), the
//!   first and last time of day;
//! - the **order** of a conversation's personal messages within one day
//!   (time and line), up to [`ORDERED_PER_DAY`] a day: which messages came
//!   after the owner's last reply. A conversation with an id keeps, for
//!   each message, its time and its place among the day's rows in 16
//!   bytes ([`Sequenced`]); once no more rows can come
//!   ([`MessageLog::compact_order`]), only its runs: whose messages came one
//!   after another, and how many;
//! - per **day**, how many rows (drafts included) and the first line: the
//!   as-of date and the dates to doubt.
//!
//! Memory grows with conversations × active days, never with rows: a
//! thousand copies of one day's messages cost what one copy does.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::grouping::{sort_grouped, sort_grouped_split};
use crate::index_table::IndexTable;
use crate::parse::Direction;
use crate::parse::messages::{Folder, Message, MessageKind};
use crate::strings::{FastMap, Sym};

/// How many personal messages of one conversation and day keep their order
/// (time and line). Past it, the day's messages are counted, not ordered:
/// which of them came after the owner's last reply that day is then not told
/// apart (all of a sender's messages that day count as after it), and where
/// that decides how many messages wait for a reply, a warning names the
/// conversation. This bounds memory per conversation-day.
pub const ORDERED_PER_DAY: usize = 256;

/// What rows of one conversation share: everything but the date, the text
/// and the flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MessageHeader {
    /// LinkedIn's conversation id (absent in 2020 exports).
    pub conversation_id: Sym,
    /// A named group's or campaign's title, mostly absent.
    pub conversation_title: Sym,
    /// The sender's name as shown.
    pub from: Sym,
    /// The sender's normalised profile URL, where the era has it.
    pub sender_url: Sym,
    /// Who sent it, where the file says so (2020).
    pub direction: Option<Direction>,
    /// The recipients' names joined by `", "`.
    pub to: Sym,
    /// The recipients' normalised profile URLs joined by `,`.
    pub recipient_urls: Sym,
}

/// Messages of one header, day, kind and folder class (drafts are never in
/// a cell: they were not sent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageCell {
    /// Index into [`MessageLog::headers`].
    pub header: u32,
    /// The day (UTC).
    pub day: NaiveDate,
    /// Personal, sponsored or system.
    pub kind: MessageKind,
    /// Filed in the SPAM folder.
    pub spam: bool,
    /// How many messages.
    pub count: u32,
    /// The first line any of them starts on.
    pub first_line: u64,
    /// The earliest time of day.
    pub first: NaiveTime,
    /// The latest time of day, and the line of that message (same-second
    /// messages keep file order).
    pub last: (NaiveTime, u64),
}

impl MessageCell {
    /// When the first of them was sent.
    pub fn first_at(&self) -> NaiveDateTime {
        self.day.and_time(self.first)
    }

    /// When the last of them was sent.
    pub fn last_at(&self) -> NaiveDateTime {
        self.day.and_time(self.last.0)
    }
}

/// One personal message's place within its conversation-day: 24 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ordered {
    /// The time of day and the line: the order within the day.
    pub at: (NaiveTime, u64),
    /// Its conversation-day, an index into the log's buckets.
    bucket: u32,
    /// Its header and folder.
    pub from: HeaderFolder,
}

/// One personal message's place within a conversation-day of a conversation
/// with an id: 16 bytes. Only the order matters there (nothing outside the
/// day compares with it), so the line is replaced by the message's place
/// among the day's rows, which fits a byte below [`ORDERED_PER_DAY`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sequenced {
    /// The time of day in nanoseconds (under 2^47, leap second included),
    /// then the place among the day's rows: the order within the day.
    key: u64,
    /// Its conversation-day, an index into the log's buckets.
    bucket: u32,
    /// Its header and folder.
    pub from: HeaderFolder,
}

/// Bits of [`Sequenced::key`] below the time: the place among the day's rows.
const PLACE_BITS: u32 = 8;
const _: () = assert!(ORDERED_PER_DAY <= 1 << PLACE_BITS);
const _: () = assert!(size_of::<Sequenced>() == 16);

impl Sequenced {
    fn key(time: NaiveTime, place: u32) -> u64 {
        use chrono::Timelike;
        let nanos = u64::from(time.num_seconds_from_midnight()) * 1_000_000_000
            + u64::from(time.nanosecond());
        nanos << PLACE_BITS | u64::from(place)
    }
}

/// A header and whether the message was filed in the SPAM folder, in 4
/// bytes: the folder in the top bit. A file within the limits has far fewer
/// than 2^31 rows, so far fewer headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeaderFolder(u32);

const SPAM_BIT: u32 = 1 << 31;

impl HeaderFolder {
    fn new(header: u32, spam: bool) -> HeaderFolder {
        HeaderFolder((header & !SPAM_BIT) | if spam { SPAM_BIT } else { 0 })
    }

    /// Index into [`MessageLog::headers`].
    pub fn header(self) -> u32 {
        self.0 & !SPAM_BIT
    }

    /// Filed in the SPAM folder.
    pub fn spam(self) -> bool {
        self.0 & SPAM_BIT != 0
    }
}

/// Rows dated one day, drafts and spam included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayRows {
    pub day: NaiveDate,
    pub rows: u64,
    pub drafts: u64,
    pub first_line: u64,
}

/// Which conversation-day a personal message is ordered in: the conversation
/// id, or in 2020 exports (no ids) the sender and recipients as a pair in
/// either direction, so that both sides of a thread meet.
pub(crate) type Thread = (Sym, Sym);

/// One conversation-day's ordered messages.
#[derive(Debug, Clone, Copy, Default)]
struct Bucket {
    /// Where its messages start (once sealed) in `ordered`, or for a
    /// conversation with an id in `sequenced`, or its runs in `runs` (once
    /// compacted).
    start: u32,
    len: u32,
    overflow: bool,
    /// Its thread is a conversation id: the whole conversation is in it.
    by_id: bool,
}

/// Consecutive personal messages of one header and folder class, within a
/// conversation-day in time order: 8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    /// Their header and folder.
    pub from: HeaderFolder,
    /// How many messages.
    pub count: u32,
}

/// A conversation-day's personal messages in time order (see
/// [`MessageLog::ordered_on`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum DayOrder<'a> {
    /// Each message, with its time and line (a conversation without an id).
    Messages(&'a [Ordered]),
    /// Each message in order: the conversation has an id, so every message
    /// of its day is here, and what came after whose is told by position.
    Sequence(&'a [Sequenced]),
    /// Their runs: the conversation has an id, so every message of its day
    /// is here, and what came after whose is told by position alone.
    Runs(&'a [Run]),
}

/// Everything kept of `messages.csv`; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct MessageLog {
    rows: u64,
    headers: Vec<MessageHeader>,
    header_rows: Vec<u64>,
    cells: Vec<MessageCell>,
    /// Where each header's cells start in `cells` (once sealed), and one past the last.
    header_cells: Vec<u32>,
    days: Vec<DayRows>,
    ordered: Vec<Ordered>,
    sequenced: Vec<Sequenced>,
    runs: Vec<Run>,
    buckets: Vec<Bucket>,
    /// While reading: each conversation-day's bucket.
    bucket_ids: FastMap<(Thread, NaiveDate), u32>,
    /// Once sealed, buckets are sorted by thread and day: each thread's
    /// range of them, and each bucket's day (a few bytes a bucket where the
    /// map took 20 or more).
    thread_buckets: FastMap<Thread, (u32, u32)>,
    bucket_days: Vec<NaiveDate>,
    sealed: bool,
    /// The order of conversations with an id is kept as runs: no more rows.
    compacted: bool,
    // While reading: distinct values to their index.
    header_ids: FastMap<MessageHeader, u32>,
    cell_ids: IndexTable,
    day_ids: FastMap<NaiveDate, u32>,
    last_header: Option<(MessageHeader, u32)>,
    // Consecutive rows mostly share their day, cell and conversation-day:
    // the last of each skips a hash look-up.
    last_day: Option<(NaiveDate, u32)>,
    last_cell: Option<((u32, NaiveDate, u8), u32)>,
    last_bucket: Option<((Thread, NaiveDate), u32)>,
}

impl MessageLog {
    /// Folds one row in.
    pub(crate) fn add(&mut self, m: &Message) {
        debug_assert!(!self.compacted, "rows added to a compacted log");
        if self.sealed {
            self.unseal();
        }
        self.rows += 1;
        let header = MessageHeader {
            conversation_id: m.conversation_id,
            conversation_title: m.conversation_title,
            from: m.from,
            sender_url: m.sender_url,
            direction: m.direction,
            to: m.to,
            recipient_urls: m.recipient_urls,
        };
        // Consecutive rows mostly share their header, day, cell and
        // conversation-day: `index_of` tries the row before's first.
        let h = index_of(
            &mut self.last_header,
            &mut self.header_ids,
            header,
            self.headers.len(),
            || {
                self.headers.push(header);
                self.header_rows.push(0);
            },
        );
        self.header_rows[h as usize] += 1;
        let day = m.sent_at.date();
        let time = m.sent_at.time();
        let d = index_of(
            &mut self.last_day,
            &mut self.day_ids,
            day,
            self.days.len(),
            || {
                self.days.push(DayRows {
                    day,
                    rows: 0,
                    drafts: 0,
                    first_line: m.line,
                })
            },
        );
        let day_rows = &mut self.days[d as usize];
        day_rows.rows += 1;
        day_rows.drafts += u64::from(m.is_draft);
        day_rows.first_line = day_rows.first_line.min(m.line);
        if m.is_draft {
            return;
        }
        let spam = m.folder == Folder::Spam;
        let class = class_of(m.kind, spam);
        let key = (h, day, class);
        let c = match self.last_cell {
            Some((last, c)) if last == key => c,
            _ => {
                let c = match self.cell_ids.find_or_insert(&self.cells, cell_key, &key) {
                    Some(c) => c,
                    None => {
                        self.cells.push(MessageCell {
                            header: h,
                            day,
                            kind: m.kind,
                            spam,
                            count: 0,
                            first_line: m.line,
                            first: time,
                            last: (time, m.line),
                        });
                        (self.cells.len() - 1) as u32
                    }
                };
                self.last_cell = Some((key, c));
                c
            }
        };
        let cell = &mut self.cells[c as usize];
        cell.count += 1;
        cell.first_line = cell.first_line.min(m.line);
        cell.first = cell.first.min(time);
        cell.last = cell.last.max((time, m.line));
        if m.kind != MessageKind::Personal {
            return;
        }
        let key = (thread_of(&header), day);
        let b = index_of(
            &mut self.last_bucket,
            &mut self.bucket_ids,
            key,
            self.buckets.len(),
            || {
                self.buckets.push(Bucket {
                    by_id: !header.conversation_id.is_empty(),
                    ..Bucket::default()
                })
            },
        );
        let bucket = &mut self.buckets[b as usize];
        if bucket.len as usize >= ORDERED_PER_DAY {
            // Said where it changes an answer: see `conversations`.
            bucket.overflow = true;
            return;
        }
        let from = HeaderFolder::new(h, spam);
        if bucket.by_id {
            self.sequenced.push(Sequenced {
                key: Sequenced::key(time, bucket.len),
                bucket: b,
                from,
            });
        } else {
            self.ordered.push(Ordered {
                at: (time, m.line),
                bucket: b,
                from,
            });
        }
        bucket.len += 1;
    }

    /// Sorts what was read for the look-ups of [`MessageLog::cells_of`] and
    /// [`MessageLog::ordered_on`], and frees the maps used while reading.
    pub(crate) fn seal(&mut self) {
        if self.sealed {
            return;
        }
        self.header_ids = FastMap::default();
        self.cell_ids = IndexTable::default();
        self.day_ids = FastMap::default();
        // The cells are sorted on a thread of their own, beside the days
        // here, when there are enough to be worth one; then the days'
        // messages, each kind on both cores once there are enough of them.
        let headers = self.headers.len();
        if self.cells.len() >= SORT_APART {
            let mut cells = std::mem::take(&mut self.cells);
            (self.header_cells, ()) =
                crate::cores::both(|| sort_cells(&mut cells, headers), || self.sort_buckets());
            self.cells = cells;
        } else {
            self.header_cells = sort_cells(&mut self.cells, headers);
            self.sort_buckets();
        }
        self.order_messages();
        self.days.sort_unstable_by_key(|d| d.day);
        // What was read stays as long as the export: give back the room
        // the vectors grew into.
        self.cells.shrink_to_fit();
        self.ordered.shrink_to_fit();
        self.sequenced.shrink_to_fit();
        self.buckets.shrink_to_fit();
        self.headers.shrink_to_fit();
        self.header_rows.shrink_to_fit();
        self.last_header = None;
        self.last_day = None;
        self.last_cell = None;
        self.last_bucket = None;
        self.sealed = true;
    }

    /// Sorts each conversation-day's messages (the days sorted by
    /// [`MessageLog::sort_buckets`]), and tells each day where its messages
    /// start.
    fn order_messages(&mut self) {
        sort_grouped_split(&mut self.ordered, |o| o.bucket, |o| o.at);
        sort_grouped_split(&mut self.sequenced, |o| o.bucket, |o| o.key);
        // Each kind of bucket's messages lie in its own vector, by bucket.
        let (mut ordered_at, mut sequenced_at) = (0, 0);
        for bucket in &mut self.buckets {
            let start = if bucket.by_id {
                &mut sequenced_at
            } else {
                &mut ordered_at
            };
            bucket.start = *start;
            *start += bucket.len;
        }
        debug_assert!(self.buckets.iter().enumerate().all(|(i, b)| {
            let range = b.start as usize..(b.start + b.len) as usize;
            if b.by_id {
                self.sequenced[range].iter().all(|o| o.bucket as usize == i)
            } else {
                self.ordered[range].iter().all(|o| o.bucket as usize == i)
            }
        }));
    }

    /// Sorts the buckets by thread and day, for [`MessageLog::ordered_on`]
    /// to find by thread and binary search, and frees the map of them.
    fn sort_buckets(&mut self) {
        let mut keys: Vec<(Thread, NaiveDate, u32)> = std::mem::take(&mut self.bucket_ids)
            .into_iter()
            .map(|((thread, day), b)| (thread, day, b))
            .collect();
        keys.sort_unstable();
        let mut new_index = vec![0u32; self.buckets.len()];
        for (i, &(_, _, b)) in (0u32..).zip(&keys) {
            new_index[b as usize] = i;
        }
        self.buckets = keys
            .iter()
            .map(|&(_, _, b)| self.buckets[b as usize])
            .collect();
        self.bucket_days = keys.iter().map(|&(_, day, _)| day).collect();
        // Sorted, each thread's buckets lie side by side: one entry a thread.
        self.thread_buckets = FastMap::default();
        let mut start = 0u32;
        for run in keys.chunk_by(|a, b| a.0 == b.0) {
            let len = run.len() as u32;
            self.thread_buckets.insert(run[0].0, (start, len));
            start += len;
        }
        for o in &mut self.ordered {
            o.bucket = new_index[o.bucket as usize];
        }
        for o in &mut self.sequenced {
            o.bucket = new_index[o.bucket as usize];
        }
    }

    /// Keeps the order of each conversation with an id as its runs (see
    /// [`DayOrder::Runs`]) instead of every message's time and line: a few
    /// bytes a run instead of 16 a message. Rows cannot be added after it,
    /// as the times they would be ordered by are gone; the network built
    /// from an export it owns calls it before assembling conversations.
    pub(crate) fn compact_order(&mut self) {
        self.seal();
        if self.compacted {
            return;
        }
        let mut runs: Vec<Run> = Vec::new();
        for bucket in self.buckets.iter_mut().filter(|b| b.by_id) {
            let (start, len) = (bucket.start as usize, bucket.len as usize);
            let first = runs.len();
            for o in &self.sequenced[start..start + len] {
                let open = runs.len() > first;
                match runs.last_mut() {
                    Some(run) if open && run.from == o.from => {
                        run.count += 1;
                    }
                    _ => runs.push(Run {
                        from: o.from,
                        count: 1,
                    }),
                }
            }
            bucket.start = first as u32;
            bucket.len = (runs.len() - first) as u32;
        }
        runs.shrink_to_fit();
        self.sequenced = Vec::new();
        self.runs = runs;
        self.compacted = true;
    }

    /// Rebuilds the reading maps, for rows added after sealing (a second
    /// part of messages.csv).
    fn unseal(&mut self) {
        self.header_ids = (0..).zip(&self.headers).map(|(i, h)| (*h, i)).collect();
        self.cell_ids = IndexTable::of(&self.cells, cell_key);
        self.day_ids = (0..).zip(&self.days).map(|(i, d)| (d.day, i)).collect();
        for (&thread, &(start, len)) in &self.thread_buckets {
            for b in start..start + len {
                self.bucket_ids
                    .insert((thread, self.bucket_days[b as usize]), b);
            }
        }
        self.thread_buckets = FastMap::default();
        self.bucket_days = Vec::new();
        self.sealed = false;
    }

    /// How much is kept: (distinct headers, cells, ordered messages, days).
    pub fn kept(&self) -> (usize, usize, usize, usize) {
        (
            self.headers.len(),
            self.cells.len(),
            self.ordered.len() + self.sequenced.len(),
            self.days.len(),
        )
    }

    /// Rows read, drafts and spam included.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Whether no row was read.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The distinct headers, in the order of their first row.
    pub fn headers(&self) -> &[MessageHeader] {
        &self.headers
    }

    /// How many rows carried header `h`, drafts and spam included.
    pub fn header_rows(&self, h: u32) -> u64 {
        self.header_rows[h as usize]
    }

    /// The cells of header `h`, by day.
    pub fn cells_of(&self, h: u32) -> &[MessageCell] {
        debug_assert!(self.sealed);
        let h = h as usize;
        match (self.header_cells.get(h), self.header_cells.get(h + 1)) {
            (Some(&a), Some(&b)) => &self.cells[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The latest day any row is dated, drafts included.
    pub fn latest_date(&self) -> Option<NaiveDate> {
        self.days.iter().map(|d| d.day).max()
    }

    /// Rows dated each day: (day, rows, drafts, first line), by day.
    pub(crate) fn days(&self) -> impl Iterator<Item = DayRows> + '_ {
        self.days.iter().copied()
    }

    /// The ordered personal messages of the thread of header `h` on `day`
    /// (by time, then line), and whether more were left unordered.
    pub(crate) fn ordered_on(&self, h: u32, day: NaiveDate) -> (DayOrder<'_>, bool) {
        debug_assert!(self.sealed);
        let thread = thread_of(&self.headers[h as usize]);
        let found = self.thread_buckets.get(&thread).and_then(|&(start, len)| {
            let days = &self.bucket_days[start as usize..(start + len) as usize];
            let at = days.binary_search(&day).ok()?;
            Some(start + at as u32)
        });
        match found {
            Some(b) => {
                let bucket = self.buckets[b as usize];
                let range = bucket.start as usize..(bucket.start + bucket.len) as usize;
                let order = match (bucket.by_id, self.compacted) {
                    (true, true) => DayOrder::Runs(&self.runs[range]),
                    (true, false) => DayOrder::Sequence(&self.sequenced[range]),
                    (false, _) => DayOrder::Messages(&self.ordered[range]),
                };
                (order, bucket.overflow)
            }
            None => (DayOrder::Messages(&[]), false),
        }
    }
}

/// Cells from which [`MessageLog::seal`] sorts them on a thread of their own.
const SORT_APART: usize = 1 << 16;

/// Sorts `cells` by header, then day, kind and folder; where each of the
/// `headers` headers' cells start, and one past the last.
fn sort_cells(cells: &mut [MessageCell], headers: usize) -> Vec<u32> {
    sort_grouped(cells, |c| c.header, |c| (c.day, c.kind as u8, c.spam));
    let mut starts = vec![0; headers + 1];
    for c in cells.iter() {
        starts[c.header as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    starts
}

/// The index of `key`: the row before's when it had the same (`last`), else
/// from `ids`; a new key gets `next`, and `add` is called to store its item.
fn index_of<K: Copy + Eq + std::hash::Hash>(
    last: &mut Option<(K, u32)>,
    ids: &mut FastMap<K, u32>,
    key: K,
    next: usize,
    add: impl FnOnce(),
) -> u32 {
    if let Some((k, i)) = *last
        && k == key
    {
        return i;
    }
    let next = next as u32;
    let i = *ids.entry(key).or_insert(next);
    if i == next {
        add();
    }
    *last = Some((key, i));
    i
}

/// A cell's kind and folder class in one byte, as the cell map keys it.
fn class_of(kind: MessageKind, spam: bool) -> u8 {
    (kind as u8) << 1 | u8::from(spam)
}

/// What tells cells apart: header, day, kind and folder class.
fn cell_key(c: &MessageCell) -> (u32, NaiveDate, u8) {
    (c.header, c.day, class_of(c.kind, c.spam))
}

pub(crate) fn thread_of(h: &MessageHeader) -> Thread {
    if h.conversation_id.is_empty() {
        (h.from.min(h.to), h.from.max(h.to))
    } else {
        (h.conversation_id, Sym::EMPTY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::parse::messages::read;
    use crate::parse::shown;
    use crate::strings::Strings;
    use crate::warnings::Warnings;

    const HEADER: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER,IS MESSAGE DRAFT";

    /// Reads `rows` (under the header) into `log` and seals it; the warnings.
    fn fold(log: &mut MessageLog, strings: &mut Strings, rows: &[String]) -> Vec<String> {
        let text = format!("{HEADER}\n{}\n", rows.join("\n"));
        let mut warnings = Warnings::default();
        read(
            "messages.csv",
            text.as_bytes(),
            strings,
            &Limits::default(),
            &mut warnings,
            |m, _| log.add(m),
        )
        .unwrap();
        log.seal();
        shown(&warnings)
    }

    fn log_of(rows: &[String]) -> (MessageLog, Strings, Vec<String>) {
        let (mut log, mut strings) = (MessageLog::default(), Strings::default());
        let warnings = fold(&mut log, &mut strings, rows);
        (log, strings, warnings)
    }

    fn row(id: &str, from: &str, to: &str, at: &str) -> String {
        let url = |n: &str| format!("https://www.linkedin.com/in/{}", n.to_lowercase());
        format!(
            "{id},,{from},{},{to},{},{at},hi,INBOX,No",
            url(from),
            url(to)
        )
    }

    #[test]
    fn cells_sorted_on_a_thread_of_their_own_find_their_headers() {
        // Enough cells to be sorted apart: 1,000 conversations over 70
        // days, the file newest day first and conversations interleaved.
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let rows: Vec<String> = (0..70)
            .rev()
            .flat_map(|d| (0..1000).map(move |c| (d, c)))
            .map(|(d, c)| {
                let day = start + chrono::Days::new(d);
                row(
                    &format!("c{c}"),
                    &format!("P{c}"),
                    "Avery",
                    &format!("{day} 10:00:00 UTC"),
                )
            })
            .collect();
        let (log, _, _) = log_of(&rows);
        assert!(log.cells.len() >= SORT_APART);
        for h in 0..1000 {
            let cells = log.cells_of(h);
            assert_eq!(cells.len(), 70, "header {h}");
            assert!(cells.iter().all(|c| c.header == h && c.count == 1));
            assert!(cells.is_sorted_by_key(|c| c.day), "header {h}");
            let (DayOrder::Sequence(one), false) = log.ordered_on(h, start) else {
                panic!("header {h}: its first day's message");
            };
            assert_eq!(one.len(), 1);
        }
    }

    #[test]
    fn a_thousand_copies_of_a_day_cost_what_one_copy_does() {
        let day = [
            row("c1", "Ada", "Avery", "2024-03-01 10:00:00 UTC"),
            row("c1", "Avery", "Ada", "2024-03-01 10:05:00 UTC"),
            row("c1", "Ada", "Avery", "2024-03-01 10:10:00 UTC"),
        ];
        let rows: Vec<String> = (0..1000).flat_map(|_| day.clone()).collect();
        let (log, _, warnings) = log_of(&rows);
        assert_eq!(log.rows(), 3000);
        // Two headers (Ada→Avery, Avery→Ada), one cell each, one day.
        assert_eq!(log.headers().len(), 2);
        assert_eq!(log.cells.len(), 2);
        assert_eq!(log.cells_of(0)[0].count, 2000);
        assert_eq!(log.cells_of(1)[0].count, 1000);
        assert_eq!(log.days.len(), 1);
        // The order is kept for the first ORDERED_PER_DAY messages only.
        assert_eq!(log.sequenced.len(), ORDERED_PER_DAY);
        assert!(log.buckets[0].overflow);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn cells_keep_counts_first_line_and_first_and_last_times() {
        let (log, strings, _) = log_of(&[
            row("c1", "Ada", "Avery", "2024-03-01 18:00:00 UTC"),
            row("c1", "Ada", "Avery", "2024-03-01 09:00:00 UTC"),
            row("c1", "Ada", "Avery", "2024-03-02 12:00:00 UTC"),
            row("c1", "Ada", "Avery", "2024-03-05 12:00:00 UTC").replace(",No", ",Yes"),
        ]);
        assert_eq!(log.rows(), 4);
        let h = &log.headers()[0];
        assert_eq!(strings.get(h.from), "Ada");
        let cells = log.cells_of(0);
        assert_eq!(cells.len(), 2, "the draft is in no cell");
        assert_eq!((cells[0].count, cells[0].first_line), (2, 2));
        assert_eq!(cells[0].first_at().to_string(), "2024-03-01 09:00:00");
        assert_eq!(cells[0].last_at().to_string(), "2024-03-01 18:00:00");
        assert_eq!(cells[0].last.1, 2);
        assert_eq!(cells[1].day.to_string(), "2024-03-02");
        // Per day, drafts included: the as-of and suspicious-date checks.
        let days: Vec<_> = log
            .days()
            .map(|d| (d.day.to_string(), d.rows, d.drafts))
            .collect();
        assert_eq!(
            days,
            [
                ("2024-03-01".to_string(), 2, 0),
                ("2024-03-02".to_string(), 1, 0),
                ("2024-03-05".to_string(), 1, 1)
            ]
        );
        assert_eq!(log.latest_date().unwrap().to_string(), "2024-03-05");
    }

    /// A day of Ada's and Avery's messages, not in time order in the file,
    /// with two at 10:05 (lines 3 and 5), in conversation `id`.
    fn unordered_day(id: &str) -> MessageLog {
        log_of(&[
            row(id, "Ada", "Avery", "2024-03-01 10:20:00 UTC"),
            row(id, "Avery", "Ada", "2024-03-01 10:05:00 UTC"),
            row(id, "Ada", "Avery", "2024-03-01 10:00:00.5 UTC"),
            row(id, "Ada", "Avery", "2024-03-01 10:05:00 UTC"),
        ])
        .0
    }

    #[test]
    fn a_day_is_ordered_by_time_then_line_whatever_the_file_order() {
        // Without a conversation id, each message keeps its time and line.
        let log = unordered_day("");
        let day = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let (DayOrder::Messages(ordered), false) = log.ordered_on(0, day) else {
            panic!("the messages, none left out");
        };
        let order: Vec<(String, u64)> = ordered
            .iter()
            .map(|o| (o.at.0.to_string(), o.at.1))
            .collect();
        assert_eq!(
            order,
            [
                ("10:00:00.500".to_string(), 4),
                ("10:05:00".to_string(), 3),
                ("10:05:00".to_string(), 5),
                ("10:20:00".to_string(), 2),
            ]
        );
        // With an id, the same order by header (Ada is 0, Avery 1), then
        // compacted, as runs: Ada, Avery, Ada twice.
        let mut log = unordered_day("c1");
        let (DayOrder::Sequence(messages), false) = log.ordered_on(0, day) else {
            panic!("the messages in order, none left out");
        };
        let headers: Vec<u32> = messages.iter().map(|o| o.from.header()).collect();
        assert_eq!(headers, [0, 1, 0, 0]);
        log.compact_order();
        let (DayOrder::Runs(runs), false) = log.ordered_on(1, day) else {
            panic!("runs, none left out");
        };
        let runs: Vec<(u32, u32)> = runs.iter().map(|r| (r.from.header(), r.count)).collect();
        assert_eq!(runs, [(0, 1), (1, 1), (0, 2)]);
    }

    #[test]
    fn rows_added_after_sealing_join_the_same_cells() {
        let (mut log, mut strings, _) =
            log_of(&[row("c1", "Ada", "Avery", "2024-03-01 10:00:00 UTC")]);
        // A second part of messages.csv, read after the first was sealed.
        fold(
            &mut log,
            &mut strings,
            &[row("c1", "Ada", "Avery", "2024-03-01 11:00:00 UTC")],
        );
        assert_eq!(log.rows(), 2);
        assert_eq!(log.headers().len(), 1);
        assert_eq!(log.cells_of(0).len(), 1);
        assert_eq!(log.cells_of(0)[0].count, 2);
        let day = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let (DayOrder::Sequence(ordered), _) = log.ordered_on(0, day) else {
            panic!("messages in order");
        };
        assert_eq!(ordered.len(), 2);
    }

    #[test]
    fn each_conversation_day_finds_its_own_messages_across_parts() {
        // Three conversations over four days, the file newest first, then a
        // second part that adds a day to one and a conversation of its own.
        let at = |d: u32, h: u32| format!("2024-03-{d:02} {h:02}:00:00 UTC");
        let first: Vec<String> = (1..=4)
            .rev()
            .flat_map(|d| (1..=3).map(move |c| (d, c)))
            .map(|(d, c)| row(&format!("c{c}"), "Ada", "Avery", &at(d, c)))
            .collect();
        let (mut log, mut strings, _) = log_of(&first);
        let second = [
            row("c2", "Ada", "Avery", &at(9, 5)),
            row("c4", "Ada", "Avery", &at(2, 7)),
        ];
        fold(&mut log, &mut strings, &second);
        log.compact_order();
        let runs_on = |h: u32, d: u32| {
            let day = NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
            match log.ordered_on(h, day) {
                (DayOrder::Runs(runs), false) => runs.iter().map(|r| r.count).sum::<u32>(),
                (DayOrder::Messages([]), false) => 0,
                other => panic!("runs expected, got {other:?}"),
            }
        };
        // Headers in order of first row: c1, c2, c3, then c4.
        for h in 0..3 {
            for d in 1..=4 {
                assert_eq!(runs_on(h, d), 1, "conversation {h}, day {d}");
            }
        }
        assert_eq!(runs_on(1, 9), 1);
        assert_eq!(runs_on(0, 9), 0, "c1 wrote nothing on the 9th");
        assert_eq!(runs_on(3, 2), 1);
        assert_eq!(runs_on(3, 1), 0);
    }
}
