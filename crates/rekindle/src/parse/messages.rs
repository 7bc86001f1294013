//! `messages.csv`: every message of every conversation, in every era.
//!
//! 2020 exports have `FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER` and no
//! conversation ids; 2021 on add `CONVERSATION ID`, `SENDER PROFILE URL`,
//! later `RECIPIENT PROFILE URLS` and draft flags; 2026 quotes every field.
//! Message text is never kept: only its length, and whether it is a
//! sponsored campaign or a system line.

use std::io::Read;

use chrono::NaiveDateTime;

pub use super::Direction;
use super::{Flow, Header, Table, read_rows};
use crate::dates::parse_datetime;
use crate::error::Result;
use crate::keys::{normalize_profile_url, split_profile_urls, url_list};
use crate::limits::Limits;
use crate::strings::{FastMap, Strings, Sym};
use crate::warnings::Warnings;

/// The folder a message was filed in. Sent messages are in `Inbox` too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Folder {
    /// `INBOX`, or empty.
    Inbox,
    /// `ARCHIVE`.
    Archive,
    /// `SPAM`: left out of every analysis unless asked for.
    Spam,
    /// Any other folder name.
    Other,
}

/// What kind of message a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// A message a person wrote.
    Personal,
    /// A sponsored InMail or campaign: never a relationship.
    Sponsored,
    /// A line LinkedIn wrote (`Message request accepted`, `… left the conversation.`).
    System,
}

/// One row of `messages.csv`, without its text.
///
/// Texts are [`Sym`]s into the export's [`Strings`]: a million messages
/// repeat a few thousand names and URLs. [`Sym::EMPTY`] marks an absent value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Message {
    /// The line the row starts on.
    pub line: u64,
    /// LinkedIn's conversation id (absent in 2020 exports).
    pub conversation_id: Sym,
    /// A named group's or campaign's title, mostly absent.
    pub conversation_title: Sym,
    /// The sender's name as shown (`LinkedIn Member` for closed or private accounts).
    pub from: Sym,
    /// The sender's normalised profile URL, where the era has it.
    pub sender_url: Sym,
    /// The recipients' names joined by `", "` (a name may itself hold `", "`).
    pub to: Sym,
    /// The recipients' normalised profile URLs joined by `,` (mid-2023 on);
    /// see [`Message::recipient_urls`].
    pub recipient_urls: Sym,
    /// When it was sent, in UTC.
    pub sent_at: NaiveDateTime,
    /// Who sent it, where the file says so (2020).
    pub direction: Option<Direction>,
    /// The folder.
    pub folder: Folder,
    /// A draft that was never sent: never an interaction.
    pub is_draft: bool,
    /// The length of the text in bytes; the text itself is not kept.
    pub content_len: u32,
    /// Personal, sponsored or system.
    pub kind: MessageKind,
}

impl Message {
    /// The recipients' normalised profile URLs.
    pub fn recipient_urls<'s>(&self, strings: &'s Strings) -> impl Iterator<Item = &'s str> + 's {
        url_list(strings, self.recipient_urls)
    }

    /// How many recipient URLs the row has.
    pub fn recipient_url_count(&self, strings: &Strings) -> usize {
        self.recipient_urls(strings).count()
    }
}

const SPONSORED_MARK: &[u8] = b"<p class=\"spinmail-quill-editor__spin-break\">";

/// Reads `messages.csv` of any era, handing each row to `sink` (with the
/// warnings, so that it may add its own) and keeping none.
///
/// This is the hot path of a large export, so columns are looked up once by
/// name and each row decodes only the columns an analysis needs; the text of
/// a message is measured, never decoded or kept.
pub(crate) fn read<R: Read>(
    file: &str,
    input: R,
    strings: &mut Strings,
    limits: &Limits,
    warnings: &mut Warnings,
    mut sink: impl FnMut(&Message, &mut Warnings),
) -> Result<()> {
    const HEADER: Header = Header {
        required: &["FROM", "DATE"],
        expected: "FROM and DATE",
    };
    let mut columns = None;
    // Consecutive rows mostly belong to one conversation: remember each
    // column's last value. Raw URL cells map to their normalised symbol.
    let mut last: [Last; 6] = Default::default();
    let mut sender_urls: FastMap<Sym, Sym> = FastMap::default();
    let mut recipient_cells: FastMap<Sym, Sym> = FastMap::default();
    // (raw sender, raw recipients) of the two rows before, and their URLs.
    type RawUrls = ((Sym, Sym), (Sym, Sym));
    let mut last_urls: [Option<RawUrls>; 2] = [None, None];
    read_rows(file, input, &HEADER, limits, warnings, |table, warnings| {
        let Columns {
            id: c_id,
            title: c_title,
            from: c_from,
            sender: c_sender,
            to: c_to,
            recipients: c_recipients,
            date: c_date,
            content: c_content,
            direction: c_direction,
            folder: c_folder,
            draft: c_draft,
            conversation_draft: c_conversation_draft,
        } = *columns.get_or_insert_with(|| Columns::of(table));
        let date = table.field(c_date);
        let Some(sent_at) =
            fast_timestamp(date).or_else(|| parse_datetime(&String::from_utf8_lossy(date)))
        else {
            return Err(table.short_row().unwrap_or_else(|| {
                table.warn(
                    "row skipped: unparseable date",
                    &String::from_utf8_lossy(date),
                )
            }));
        };
        let content = table.field(c_content);
        let mut lossy = false;
        let mut sym = |slot: usize, column: Option<usize>| {
            last[slot].intern(table.field(column), strings, &mut lossy)
        };
        let conversation_id = sym(0, c_id);
        let conversation_title = sym(1, c_title);
        let from = sym(2, c_from);
        let raw_sender = sym(3, c_sender);
        let to = sym(4, c_to);
        let raw_recipients = sym(5, c_recipients);
        if lossy {
            warnings.push(table.warn(
                "invalid UTF-8 in a name or id replaced by \u{fffd}",
                strings.get(from),
            ));
        }
        // The same raw cells as one of the two rows before map to the same URLs.
        let raw = (raw_sender, raw_recipients);
        let (sender_url, recipient_urls) = match last_urls {
            [Some((last, urls)), _] | [_, Some((last, urls))] if last == raw => urls,
            _ => {
                let sender_url = *sender_urls.entry(raw_sender).or_insert_with(|| {
                    let url = normalize_profile_url(strings.get(raw_sender));
                    strings.intern(url.as_deref().unwrap_or(""))
                });
                let recipient_urls = *recipient_cells.entry(raw_recipients).or_insert_with(|| {
                    let urls = split_profile_urls(strings.get(raw_recipients)).join(",");
                    strings.intern(&urls)
                });
                last_urls = [Some((raw, (sender_url, recipient_urls))), last_urls[0]];
                (sender_url, recipient_urls)
            }
        };
        let direction = table.field(c_direction).trim_ascii();
        let folder = table.field(c_folder).trim_ascii();
        let message = Message {
            line: table.line(),
            conversation_id,
            conversation_title,
            from,
            sender_url,
            to,
            recipient_urls,
            sent_at,
            direction: if direction.eq_ignore_ascii_case(b"INCOMING") {
                Some(Direction::Incoming)
            } else if direction.eq_ignore_ascii_case(b"OUTGOING") {
                Some(Direction::Outgoing)
            } else {
                None
            },
            folder: if folder.is_empty() || folder.eq_ignore_ascii_case(b"INBOX") {
                Folder::Inbox
            } else if folder.eq_ignore_ascii_case(b"ARCHIVE") {
                Folder::Archive
            } else if folder.eq_ignore_ascii_case(b"SPAM") {
                Folder::Spam
            } else {
                Folder::Other
            },
            is_draft: yes(table.field(c_draft)) || yes(table.field(c_conversation_draft)),
            content_len: u32::try_from(content.len()).unwrap_or(u32::MAX),
            kind: classify(content),
        };
        sink(&message, warnings);
        Ok(Flow::Next)
    })
}

/// Where each column messages.csv may have sits in this file's header.
#[derive(Clone, Copy)]
struct Columns {
    id: Option<usize>,
    title: Option<usize>,
    from: Option<usize>,
    sender: Option<usize>,
    to: Option<usize>,
    recipients: Option<usize>,
    date: Option<usize>,
    content: Option<usize>,
    direction: Option<usize>,
    folder: Option<usize>,
    draft: Option<usize>,
    conversation_draft: Option<usize>,
}

impl Columns {
    fn of<R: Read>(table: &Table<R>) -> Columns {
        let col = |name: &str| table.column(name);
        Columns {
            id: col("CONVERSATION ID"),
            title: col("CONVERSATION TITLE"),
            from: col("FROM"),
            sender: col("SENDER PROFILE URL"),
            to: col("TO"),
            recipients: col("RECIPIENT PROFILE URLS"),
            date: col("DATE"),
            content: col("CONTENT"),
            direction: col("DIRECTION"),
            folder: col("FOLDER"),
            draft: col("IS MESSAGE DRAFT"),
            conversation_draft: col("IS CONVERSATION DRAFT"),
        }
    }
}

/// A column's last two raw values and their symbols: a one-to-one
/// conversation's rows alternate between two senders (and two recipients).
#[derive(Default)]
struct Last {
    slots: [(Vec<u8>, Sym); 2],
    /// The slot hit or filled most recently.
    newer: usize,
}

impl Last {
    fn intern(&mut self, raw: &[u8], strings: &mut Strings, lossy: &mut bool) -> Sym {
        for i in [self.newer, 1 - self.newer] {
            if raw == self.slots[i].0.as_slice() {
                self.newer = i;
                return self.slots[i].1;
            }
        }
        let older = 1 - self.newer;
        let slot = &mut self.slots[older];
        slot.0.clear();
        slot.0.extend_from_slice(raw);
        slot.1 = match std::str::from_utf8(raw) {
            Ok(text) => strings.intern(text.trim()),
            Err(_) => {
                *lossy = true;
                strings.intern(String::from_utf8_lossy(raw).trim())
            }
        };
        self.newer = older;
        slot.1
    }
}

/// `2023-06-11 15:33:58 UTC` (and without ` UTC`, or with a `T`), parsed
/// without going through a format string: the shape of nearly every row.
fn fast_timestamp(field: &[u8]) -> Option<NaiveDateTime> {
    let field = field.trim_ascii();
    crate::dates::fixed_timestamp(field.strip_suffix(b" UTC").unwrap_or(field))
}

fn yes(flag: &[u8]) -> bool {
    let flag = flag.trim_ascii();
    flag.eq_ignore_ascii_case(b"yes") || flag.eq_ignore_ascii_case(b"true")
}

fn classify(content: &[u8]) -> MessageKind {
    let trimmed = content.trim_ascii();
    if trimmed.starts_with(SPONSORED_MARK) {
        return MessageKind::Sponsored;
    }
    const SYSTEM_LINES: &[&[u8]] = &[
        b"Message request accepted",
        b"A LinkedIn member left the conversation.",
    ];
    if SYSTEM_LINES.contains(&trimmed)
        || (trimmed.len() < 120
            && (trimmed.ends_with(b" left the conversation.")
                || trimmed.ends_with(b" joined the conversation.")))
    {
        return MessageKind::System;
    }
    MessageKind::Personal
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::shown;

    fn parse(text: &str) -> (Vec<Message>, Strings, Vec<String>) {
        let mut warnings = Warnings::default();
        let mut strings = Strings::default();
        let mut m = Vec::new();
        read(
            "messages.csv",
            text.as_bytes(),
            &mut strings,
            &Limits::default(),
            &mut warnings,
            |row, _| m.push(*row),
        )
        .unwrap();
        (m, strings, shown(&warnings))
    }

    #[test]
    fn era_2020_with_direction_and_no_ids() {
        let (m, _, w) = parse(
            "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n\
             Avery Quinn,Maya Reyes,2019-11-06T02:08:20,,\"Hi, Maya\",OUTGOING,INBOX\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(m.len(), 1);
        assert!(m[0].conversation_id.is_empty());
        assert_eq!(m[0].direction, Some(Direction::Outgoing));
        assert_eq!(m[0].content_len, 8);
        assert_eq!(m[0].sent_at.to_string(), "2019-11-06 02:08:20");
    }

    #[test]
    fn era_2026_all_quoted_multiline_and_draft_flags() {
        let (m, s, w) = parse(
            "\"CONVERSATION ID\",\"CONVERSATION TITLE\",\"FROM\",\"SENDER PROFILE URL\",\"TO\",\"RECIPIENT PROFILE URLS\",\"DATE\",\"SUBJECT\",\"CONTENT\",\"IS MESSAGE DRAFT\",\"FOLDER\",\"ATTACHMENTS\"\n\
             \"2-abc==\",\"\",\"Avery Quinn\",\"https://www.linkedin.com/in/avery\",\"Priya Raman, Jane Doe, Ph.D.\",\"https://www.linkedin.com/in/priya,https://www.linkedin.com/in/jane\",\"2026-01-02 03:04:05 UTC\",\"\",\"line one\r\nline \"\"two\"\"\",\"No\",\"INBOX\",\"\"\n\
             \"2-abc==\",\"\",\"Avery Quinn\",\"https://www.linkedin.com/in/avery\",\"Priya Raman\",\"https://www.linkedin.com/in/priya\",\"2026-01-03 03:04:05 UTC\",\"\",\"draft\",\"Yes\",\"INBOX\",\"\"",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(m.len(), 2);
        assert_eq!(s.get(m[0].conversation_id), "2-abc==");
        assert_eq!(
            m[0].recipient_urls(&s).collect::<Vec<_>>(),
            ["linkedin.com/in/priya", "linkedin.com/in/jane"]
        );
        assert_eq!(s.get(m[0].to), "Priya Raman, Jane Doe, Ph.D.");
        assert_eq!(s.get(m[0].sender_url), "linkedin.com/in/avery");
        assert_eq!(m[0].line, 2);
        assert!(!m[0].is_draft);
        assert!(m[1].is_draft);
        assert_eq!(m[1].line, 4);
    }

    #[test]
    fn sponsored_system_and_spam_rows_are_marked() {
        let (m, _, _) = parse(
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n\
             c1,,Northwind Careers,,Avery Quinn,2023-06-11 15:33:58 UTC,,\"<p class=\"\"spinmail-quill-editor__spin-break\"\">Hi %FIRSTNAME%\",INBOX\n\
             c2,,Dana W,https://linkedin.com/in/dana,Avery Quinn,2023-06-11 15:33:58 UTC,,Message request accepted,ARCHIVE\n\
             c3,,Crypto,https://linkedin.com/in/crypto,Avery Quinn,2023-06-11 15:33:58 UTC,,Buy now,SPAM\n",
        );
        assert_eq!(m[0].kind, MessageKind::Sponsored);
        assert_eq!(m[1].kind, MessageKind::System);
        assert_eq!(m[1].folder, Folder::Archive);
        assert_eq!(m[2].kind, MessageKind::Personal);
        assert_eq!(m[2].folder, Folder::Spam);
    }

    #[test]
    fn a_bad_date_skips_the_row_with_a_warning() {
        let (m, _, w) =
            parse("FROM,TO,DATE,CONTENT\nA,B,yesterday,hi\nA,B,2020-01-01T00:00:00,hi\n");
        assert_eq!(m.len(), 1);
        assert_eq!(
            w,
            vec!["messages.csv line 2: row skipped: unparseable date \"yesterday\""]
        );
    }

    #[test]
    fn no_conversations_found_is_an_empty_file() {
        let (m, _, w) = parse("No conversations found");
        assert!(m.is_empty());
        assert!(w.is_empty());
    }

    #[test]
    fn the_fast_timestamp_agrees_with_the_general_parser() {
        for text in [
            "2023-06-11 15:33:58 UTC",
            "2019-11-06T02:08:20",
            "2026-02-28 00:00:00",
            "1843-03-14 09:10:11 UTC",
        ] {
            assert_eq!(
                fast_timestamp(text.as_bytes()),
                parse_datetime(text),
                "{text}"
            );
            assert!(fast_timestamp(text.as_bytes()).is_some(), "{text}");
        }
        for text in [
            "2023-02-30 15:33:58 UTC",
            "0001-06-11 15:33:58",
            "2023-06-11 25:33:58",
        ] {
            assert_eq!(fast_timestamp(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn invalid_utf8_in_a_name_is_replaced_with_a_warning() {
        let mut warnings = Warnings::default();
        let mut strings = Strings::default();
        let bytes = b"FROM,TO,DATE,CONTENT\nJos\xe9 Ruiz,Avery Quinn,2020-01-01T00:00:00,hi\n";
        let mut m = Vec::new();
        read(
            "messages.csv",
            &bytes[..],
            &mut strings,
            &Limits::default(),
            &mut warnings,
            |row, _| m.push(*row),
        )
        .unwrap();
        assert_eq!(strings.get(m[0].from), "Jos\u{fffd} Ruiz");
        assert_eq!(
            shown(&warnings),
            [
                "messages.csv line 2: invalid UTF-8 in a name or id replaced by \u{fffd} \"Jos\u{fffd} Ruiz\""
            ]
        );
    }
}
