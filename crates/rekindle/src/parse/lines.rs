//! Line numbers under the CSV reader, because csv's own record positions
//! point before skipped blank lines and into the middle of a CRLF.
//!
//! A [`Scanner`] follows the CSV quoting itself (as csv-core does), so line
//! breaks inside a quoted field only add to a count, and reports each run of
//! `\r`/`\n` bytes outside quotes (a record boundary) once it is complete. A
//! [`LineCounter`] under the CSV reader keeps those runs until a record start
//! passes them: memory stays bounded by the reader's buffer, not by the file
//! or by a record of a million line breaks. At the end it can tell whether
//! the file stopped inside a quoted field.
//!
//! The scan can run where the bytes are read ([`LineCounter::new`]) or on the
//! thread that inflates them ([`LineCounter::piped`]): for messages.csv it
//! is a fifth of the parsing thread's work, and the inflating thread has
//! room for it.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::mpsc::{Receiver, Sender};

use super::CSV_BUFFER;
use crate::limits::human_bytes;

/// A run of terminators outside quotes: (start, end, newlines up to its end).
pub(crate) type Run = (u64, u64, u64);

/// What a scanning thread sends a [`LineCounter::piped`]: the runs of the
/// bytes it is about to send, and at the end where the syntax was left.
pub(crate) enum Scanned {
    /// Complete runs, in order.
    Runs(Vec<Run>),
    /// The end of the file: the line of the quoted field it stopped inside.
    End(Option<u64>),
}

/// Where the bytes read so far leave the CSV syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    /// At the start of a field.
    FieldStart,
    /// Inside a field that did not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field (its end, or half of `""`).
    ClosingQuote,
}

/// Follows the CSV syntax of a byte stream, block by block.
pub(crate) struct Scanner {
    offset: u64,
    /// Every `\n` read so far.
    newlines: u64,
    quote: Syntax,
    /// The line the open quoted field started on.
    quote_line: u64,
    /// The run the bytes so far end in: reported when a byte ends it.
    pending: Option<Run>,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner {
            offset: 0,
            newlines: 0,
            quote: Syntax::FieldStart,
            quote_line: 0,
            pending: None,
        }
    }
}

impl Scanner {
    /// Scans the next bytes of the stream, adding the runs they complete to `runs`.
    pub fn scan(&mut self, bytes: &[u8], runs: &mut impl Extend<Run>) {
        let mut i = 0;
        while i < bytes.len() {
            // Inside a field only a few bytes can change anything: jump to
            // the next one (memchr looks at 16 or 32 bytes at a time).
            let skip = match self.quote {
                Syntax::Quoted => memchr::memchr2(b'"', b'\n', &bytes[i..]),
                Syntax::Unquoted => memchr::memchr3(b',', b'\n', b'\r', &bytes[i..]),
                Syntax::FieldStart | Syntax::ClosingQuote => Some(0),
            };
            let Some(skip) = skip else {
                break;
            };
            i += skip;
            let b = bytes[i];
            i += 1;
            let terminator = b == b'\n' || b == b'\r';
            self.newlines += u64::from(b == b'\n');
            self.quote = match (self.quote, b) {
                (Syntax::Quoted, b'"') => Syntax::ClosingQuote,
                (Syntax::Quoted, _) => Syntax::Quoted,
                (Syntax::FieldStart, b'"') => {
                    self.quote_line = self.newlines + 1;
                    Syntax::Quoted
                }
                (Syntax::ClosingQuote, b'"') => Syntax::Quoted,
                (_, b',' | b'\n' | b'\r') => Syntax::FieldStart,
                _ => Syntax::Unquoted,
            };
            let pos = self.offset + i as u64 - 1;
            if !terminator || self.quote != Syntax::FieldStart {
                // Any byte that is not a terminator outside quotes ends a run.
                if let Some(run) = self.pending.take() {
                    runs.extend([run]);
                }
                continue;
            }
            match &mut self.pending {
                Some(run) if run.1 == pos => {
                    run.1 += 1;
                    run.2 = self.newlines;
                }
                pending => {
                    if let Some(run) = pending.replace((pos, pos + 1, self.newlines)) {
                        runs.extend([run]);
                    }
                }
            }
        }
        self.offset += bytes.len() as u64;
    }

    /// The end of the stream: the last run, if it ends the file.
    pub fn finish(&mut self, runs: &mut impl Extend<Run>) {
        if let Some(run) = self.pending.take() {
            runs.extend([run]);
        }
    }

    /// The line of the quoted field the bytes scanned so far end inside, if they do.
    pub fn open_quote_line(&self) -> Option<u64> {
        (self.quote == Syntax::Quoted).then_some(self.quote_line)
    }
}

/// Who scans the bytes a [`LineCounter`] passes on.
enum Scanning {
    /// The counter itself, as it reads.
    Here(Scanner),
    /// The thread that reads them, ahead of them.
    Piped {
        runs: Receiver<Scanned>,
        end: Option<Option<u64>>,
    },
}

/// Line numbers of record starts, under the CSV reader (see the module docs).
pub(crate) struct LineCounter<R> {
    inner: R,
    offset: u64,
    /// Where the record being read started, and how far it may reach.
    pub(super) record_start: u64,
    max_record: u64,
    /// Complete runs a record start has not passed yet.
    pub(super) runs: VecDeque<Run>,
    newlines_before: u64,
    scanning: Scanning,
}

impl<R: Read> LineCounter<R> {
    /// A counter that scans what it reads.
    pub fn new(inner: R, max_record: u64) -> Self {
        Self::with(inner, max_record, Scanning::Here(Scanner::default()))
    }

    /// A counter of bytes another thread scans and sends with [`Scanned`]
    /// before the bytes themselves.
    pub fn piped(inner: R, max_record: u64, runs: Receiver<Scanned>) -> Self {
        Self::with(inner, max_record, Scanning::Piped { runs, end: None })
    }

    fn with(inner: R, max_record: u64, scanning: Scanning) -> Self {
        LineCounter {
            inner,
            offset: 0,
            record_start: 0,
            max_record,
            runs: VecDeque::new(),
            newlines_before: 0,
            scanning,
        }
    }

    /// The 1-based line of the first non-terminator byte at or after `byte`.
    /// Calls must come with growing `byte`.
    pub fn line_at(&mut self, byte: u64) -> u64 {
        while let Some(&(start, _, newlines)) = self.runs.front() {
            if start > byte {
                break;
            }
            self.newlines_before = newlines;
            self.runs.pop_front();
        }
        1 + self.newlines_before
    }

    /// The line of the quoted field the bytes read so far end inside, if they do.
    pub fn open_quote_line(&mut self) -> Option<u64> {
        self.receive();
        match &self.scanning {
            Scanning::Here(scanner) => scanner.open_quote_line(),
            Scanning::Piped { end, .. } => end.flatten(),
        }
    }

    /// Takes in what the scanning thread has sent so far.
    fn receive(&mut self) {
        if let Scanning::Piped { runs, end } = &mut self.scanning {
            while let Ok(scanned) = runs.try_recv() {
                match scanned {
                    Scanned::Runs(more) => self.runs.extend(more),
                    Scanned::End(open) => *end = Some(open),
                }
            }
        }
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        match &mut self.scanning {
            Scanning::Here(scanner) => {
                scanner.scan(&buf[..n], &mut self.runs);
                if n == 0 {
                    scanner.finish(&mut self.runs);
                }
            }
            Scanning::Piped { .. } => self.receive(),
        }
        self.offset += n as u64;
        // The CSV reader reads up to one buffer ahead of the record it is in.
        let span = self.offset - self.record_start.min(self.offset);
        if span > self.max_record.saturating_add(CSV_BUFFER as u64) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "a record longer than {}, the limit; is this really a LinkedIn CSV?",
                    human_bytes(self.max_record)
                ),
            ));
        }
        Ok(n)
    }
}

/// The sending end for [`LineCounter::piped`]: scans each block before it
/// is sent.
pub(crate) struct ScanSender {
    scanner: Scanner,
    runs: Sender<Scanned>,
}

impl ScanSender {
    /// A sender, and the receiver to give [`LineCounter::piped`].
    pub fn new() -> (ScanSender, Receiver<Scanned>) {
        let (tx, rx) = std::sync::mpsc::channel();
        (
            ScanSender {
                scanner: Scanner::default(),
                runs: tx,
            },
            rx,
        )
    }

    /// Scans the next block and sends the runs it completes.
    pub fn block(&mut self, bytes: &[u8]) {
        let mut runs = Vec::new();
        self.scanner.scan(bytes, &mut runs);
        if !runs.is_empty() {
            // A counter that has gone away needs no more runs.
            let _ = self.runs.send(Scanned::Runs(runs));
        }
    }

    /// The end of the stream.
    pub fn end(&mut self) {
        let mut runs = Vec::new();
        self.scanner.finish(&mut runs);
        let _ = self.runs.send(Scanned::Runs(runs));
        let _ = self.runs.send(Scanned::End(self.scanner.open_quote_line()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every run the scanner reports for `text`, fed in blocks of `block` bytes.
    fn runs_of(text: &[u8], block: usize) -> (Vec<Run>, Option<u64>) {
        let mut scanner = Scanner::default();
        let mut runs = Vec::new();
        for chunk in text.chunks(block) {
            scanner.scan(chunk, &mut runs);
        }
        scanner.finish(&mut runs);
        (runs, scanner.open_quote_line())
    }

    #[test]
    fn runs_are_whole_whatever_the_blocks() {
        let text = b"a,b\r\n\r\n\"x\ny\",c\n\nd,\"e\r\nf\nunterminated";
        let whole = runs_of(text, text.len());
        assert_eq!(whole.0, [(3, 7, 2), (14, 16, 5)]);
        assert_eq!(whole.1, Some(6));
        for block in 1..text.len() {
            assert_eq!(runs_of(text, block), whole, "blocks of {block}");
        }
    }

    #[test]
    fn a_piped_counter_numbers_lines_as_one_that_scans() {
        let text = b"h1,h2\n\n\"a\nb\",1\r\n\r\nc,2\n".to_vec();
        // Record starts as csv gives them: before a blank line, inside a CRLF.
        let starts = [0u64, 6, 15];
        let mut here = LineCounter::new(&text[..], u64::MAX);
        std::io::copy(&mut here, &mut std::io::sink()).unwrap();
        let (mut sender, rx) = ScanSender::new();
        for chunk in text.chunks(4) {
            sender.block(chunk);
        }
        sender.end();
        let mut piped = LineCounter::piped(&text[..], u64::MAX, rx);
        std::io::copy(&mut piped, &mut std::io::sink()).unwrap();
        let lines: Vec<u64> = starts.iter().map(|&s| here.line_at(s)).collect();
        assert_eq!(lines, [1, 3, 6]);
        assert_eq!(starts.map(|s| piped.line_at(s)).to_vec(), lines);
        assert_eq!(piped.open_quote_line(), None);
    }
}
