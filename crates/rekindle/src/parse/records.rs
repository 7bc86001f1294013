//! The CSV record reader under every [`super::Table`]: csv-core's grammar,
//! read faster, with the line each record starts on.
//!
//! csv-core steps through a record byte by byte. Here a record that lies
//! whole in the buffer is split with memchr instead, jumping from one
//! delimiter, quote or line break to the next: on messages.csv that was more
//! than half of the parsing thread's work. A record longer than the buffer,
//! and the last one of a file without a final line break, go to csv-core
//! itself, resumed across refills as `csv::Reader` does.
//!
//! Both paths read the grammar of `csv::ReaderBuilder::new().flexible(true)
//! .has_headers(false)`: `,` between fields, `\r`, `\n` or `\r\n` after a
//! record, blank lines skipped, `"` opening a quoted field only at its start
//! (`""` inside one is a quote; bytes after its closing quote join the field
//! as they are), and a record ending just after its first line-break byte.
//! The tests hold the two readers to the same records and positions on
//! every input they generate.
//!
//! Lines are counted here too, as the `\n` bytes before a record's first
//! byte (csv's own positions point before skipped blank lines and into the
//! middle of a CRLF); a record's own are counted as it is split (only a
//! quoted field holds any), so its bytes are not read a second time.
//! Memory is the buffer and one record: a record may span at most
//! [`Limits::max_record_bytes`](crate::limits::Limits), and csv-core's copy
//! of a long one is given back after it.

use std::io::Read;

use csv_core::ReadRecordResult;

use crate::limits::human_bytes;

/// Where a field of the record last read lies.
#[derive(Debug, Clone, Copy)]
enum Span {
    /// In the reader's buffer, from the record's first byte.
    Buf(usize, usize),
    /// In [`Fields::owned`]: a field rewritten (`""` made one quote, bytes
    /// after a closing quote joined), or read by csv-core.
    Owned(usize, usize),
}

/// The fields of the record last read: most are never copied, only
/// pointed at where they lie in the buffer.
#[derive(Debug, Default)]
struct Fields {
    spans: Vec<Span>,
    owned: Vec<u8>,
}

impl Fields {
    fn clear(&mut self) {
        self.spans.clear();
        self.owned.clear();
        // One huge record does not keep its size for the whole file.
        if self.owned.capacity() > KEEP_OUTPUT {
            self.owned = Vec::new();
        }
    }
}

/// Bytes of rewritten fields (and fields of csv-core's) above which their
/// buffer is given back after a record, so one huge record does not keep its
/// size for the whole file.
const KEEP_OUTPUT: usize = 1 << 20;

/// Reads CSV records (see the module docs).
pub(crate) struct Records<R> {
    input: R,
    buf: Box<[u8]>,
    /// The unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    /// The stream offset of `buf[0]`.
    offset: u64,
    /// `\n` bytes before `buf[start]`.
    newlines: u64,
    /// The input has no more bytes.
    eof: bool,
    /// The last record has been read.
    done: bool,
    /// The stream offset where reading the current record began.
    record_start: u64,
    /// The stream offset of the current record's first byte, after blank lines.
    first_byte: u64,
    /// The line that byte is on.
    line: u64,
    max_record: u64,
    /// The line of the quoted field the file ended inside, if it did.
    open_quote: Option<u64>,
    /// The record last read, and where its first byte is in `buf`.
    fields: Fields,
    base: usize,
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl<R: Read> Records<R> {
    /// A reader with a buffer of `capacity` bytes (at least one), of
    /// records at most `max_record` bytes long.
    pub fn new(input: R, capacity: usize, max_record: u64) -> Self {
        Records {
            input,
            buf: vec![0; capacity.max(1)].into_boxed_slice(),
            start: 0,
            end: 0,
            offset: 0,
            newlines: 0,
            eof: false,
            done: false,
            record_start: 0,
            first_byte: 0,
            line: 1,
            max_record,
            open_quote: None,
            fields: Fields::default(),
            base: 0,
            core: csv_core::Reader::new(),
            out: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// The first bytes of the input, read but not consumed (empty for an
    /// empty input).
    pub fn head(&mut self) -> std::io::Result<&[u8]> {
        if self.start == self.end && !self.eof {
            self.refill()?;
        }
        Ok(&self.buf[self.start..self.end])
    }

    /// The stream offset where reading the record last read began: just
    /// after the record before, as `csv::Reader`'s record positions are.
    #[cfg(test)]
    pub fn record_start(&self) -> u64 {
        self.record_start
    }

    /// The 1-based line the record last read starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// At the end of the input: the line of the quoted field it ended
    /// inside, if it did (the file may be truncated).
    pub fn open_quote_line(&self) -> Option<u64> {
        self.open_quote
    }

    /// How many fields the record last read has.
    pub fn len(&self) -> usize {
        self.fields.spans.len()
    }

    /// A field of the record last read.
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        Some(match *self.fields.spans.get(i)? {
            Span::Buf(from, to) => &self.buf[self.base + from..self.base + to],
            Span::Owned(from, to) => &self.fields.owned[from..to],
        })
    }

    /// The fields of the record last read.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Reads the next record (see [`Records::get`]); `false` at the end of the input.
    pub fn read(&mut self) -> std::io::Result<bool> {
        self.fields.clear();
        if self.done {
            return Ok(false);
        }
        self.record_start = self.offset + self.start as u64;
        loop {
            // Blank lines before a record are skipped, whatever comes next.
            let unread = &self.buf[self.start..self.end];
            let blank = unread
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            self.advance(blank);
            if self.start == self.end {
                if self.eof {
                    self.done = true;
                    return Ok(false);
                }
                self.refill()?;
                continue;
            }
            self.line = 1 + self.newlines;
            self.first_byte = self.offset + self.start as u64;
            let unread = &self.buf[self.start..self.end];
            if let Some((used, newlines)) = split_record(unread, &mut self.fields) {
                self.base = self.start;
                // The record's own line breaks, counted as it was split.
                self.start += used;
                self.newlines += newlines;
                self.check_length()?;
                return Ok(true);
            }
            // The record goes on past the bytes in the buffer.
            if self.eof || (self.start == 0 && self.end == self.buf.len()) {
                return self.read_with_core();
            }
            self.refill()?;
        }
    }

    /// Consumes `n` unread bytes.
    fn advance(&mut self, n: usize) {
        let bytes = &self.buf[self.start..self.start + n];
        self.newlines += memchr::memchr_iter(b'\n', bytes).count() as u64;
        self.start += n;
    }

    /// The error of a record longer than the limit, once it is.
    fn check_length(&self) -> std::io::Result<()> {
        let span = self.offset + self.start as u64 - self.first_byte;
        if span > self.max_record {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "a record longer than {}, the limit; is this really a LinkedIn CSV?",
                    human_bytes(self.max_record)
                ),
            ));
        }
        Ok(())
    }

    /// Moves the unread bytes to the front and reads more after them.
    fn refill(&mut self) -> std::io::Result<()> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.offset += self.start as u64;
            self.end -= self.start;
            self.start = 0;
        }
        let n = loop {
            match self.input.read(&mut self.buf[self.end..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                read => break read?,
            }
        };
        self.eof = n == 0;
        self.end += n;
        Ok(())
    }

    /// The current record, read by csv-core from `buf[start..]` on.
    fn read_with_core(&mut self) -> std::io::Result<bool> {
        self.fields.clear();
        self.core.reset();
        // Only to tell, at the end of the file, whether it stopped in quotes.
        let mut quotes = QuoteTracker::default();
        if self.out.is_empty() {
            self.out.resize(1 << 10, 0);
            self.ends.resize(16, 0);
        }
        let (mut out, mut ends) = (0, 0);
        loop {
            let (result, read, wrote, ended) = self.core.read_record(
                &self.buf[self.start..self.end],
                &mut self.out[out..],
                &mut self.ends[ends..],
            );
            quotes.scan(&self.buf[self.start..self.start + read]);
            self.advance(read);
            self.check_length()?;
            out += wrote;
            ends += ended;
            match result {
                // Empty input, at the end of the file, tells csv-core so.
                ReadRecordResult::InputEmpty => {
                    if !self.eof {
                        self.refill()?;
                    }
                }
                ReadRecordResult::OutputFull => {
                    let len = self.out.len();
                    self.out.resize(len * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => {
                    let mut from = 0;
                    for &to in &self.ends[..ends] {
                        self.fields.spans.push(Span::Owned(from, to));
                        from = to;
                    }
                    // The output becomes the record's bytes, not a copy of them.
                    std::mem::swap(&mut self.fields.owned, &mut self.out);
                    self.fields.owned.truncate(out);
                    self.out = Vec::new();
                    if self.ends.len() > KEEP_OUTPUT {
                        self.ends = Vec::new();
                    }
                    if self.eof && self.start == self.end {
                        self.open_quote = quotes.open_line().map(|l| self.line + l - 1);
                    }
                    return Ok(true);
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(false);
                }
            }
        }
    }
}

/// Follows the quoting of a record from its first byte: whether its bytes so
/// far end inside a quoted field, and on which of its lines that field began.
#[derive(Default)]
struct QuoteTracker {
    /// `\n` bytes so far.
    newlines: u64,
    quoted: bool,
    /// The last byte was a quote inside a quoted field (its end, or half of `""`).
    closing: bool,
    /// At the start of a field.
    unstarted: bool,
    started: bool,
    /// The record line (1-based) the open quoted field began on.
    quote_line: u64,
}

impl QuoteTracker {
    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            let at_field_start = !self.started || self.unstarted;
            self.started = true;
            if self.quoted {
                if self.closing {
                    self.closing = false;
                    if b != b'"' {
                        // The field closed; this byte is outside quotes.
                        self.quoted = false;
                        self.unstarted = b == b',';
                    }
                } else if b == b'"' {
                    self.closing = true;
                }
            } else if at_field_start && b == b'"' {
                self.quoted = true;
                self.quote_line = self.newlines + 1;
                self.unstarted = false;
            } else {
                self.unstarted = b == b',';
            }
            self.newlines += u64::from(b == b'\n');
        }
    }

    /// The record line of the quoted field the bytes end inside, if they do.
    fn open_line(&self) -> Option<u64> {
        (self.quoted && !self.closing).then_some(self.quote_line)
    }
}

/// Splits the record `bytes` begin with (not with a line break) into
/// `fields`, and says how many bytes it took up to and including its first
/// line-break byte, and how many `\n` bytes those are (inside quotes, and
/// the one it may end with); `None` if it does not end within `bytes`.
fn split_record(bytes: &[u8], fields: &mut Fields) -> Option<(usize, u64)> {
    fields.clear();
    let Fields { spans, owned } = fields;
    let mut i = 0;
    let mut newlines = 0;
    loop {
        // The start of a field.
        let (field_end, next) = if *bytes.get(i)? == b'"' {
            let mut from = i + 1;
            // Where the field starts in `owned`, once it has to be rewritten.
            let mut rewritten = None;
            loop {
                // The closing (or a doubled) quote, counting the line
                // breaks before it: only a quoted field holds any.
                let mut at = from;
                let quote = loop {
                    let hit = at + memchr::memchr2(b'"', b'\n', &bytes[at..])?;
                    if bytes[hit] == b'"' {
                        break hit;
                    }
                    newlines += 1;
                    at = hit + 1;
                };
                match *bytes.get(quote + 1)? {
                    b'"' => {
                        rewritten.get_or_insert(owned.len());
                        owned.extend_from_slice(&bytes[from..=quote]);
                        from = quote + 2;
                    }
                    b',' | b'\r' | b'\n' if rewritten.is_none() => {
                        spans.push(Span::Buf(from, quote));
                        break (quote + 1, bytes[quote + 1]);
                    }
                    _ => {
                        let start = *rewritten.get_or_insert(owned.len());
                        owned.extend_from_slice(&bytes[from..quote]);
                        // After the closing quote the field goes on unquoted.
                        let rest = quote + 1;
                        let stop = rest + memchr::memchr3(b',', b'\r', b'\n', &bytes[rest..])?;
                        owned.extend_from_slice(&bytes[rest..stop]);
                        spans.push(Span::Owned(start, owned.len()));
                        break (stop, bytes[stop]);
                    }
                }
            }
        } else {
            let stop = i + memchr::memchr3(b',', b'\r', b'\n', &bytes[i..])?;
            spans.push(Span::Buf(i, stop));
            (stop, bytes[stop])
        };
        if next != b',' {
            return Some((field_end + 1, newlines + u64::from(next == b'\n')));
        }
        i = field_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csv::ByteRecord;

    /// Every record of `bytes` with its start, as `csv::Reader` reads them.
    fn by_csv(bytes: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = ByteRecord::new();
        let mut all = Vec::new();
        loop {
            let start = reader.position().byte();
            if !reader.read_byte_record(&mut record).unwrap() {
                return all;
            }
            all.push((start, record.iter().map(<[u8]>::to_vec).collect()));
        }
    }

    /// The same, as [`Records`] with a buffer of `capacity` reads them.
    fn by_records(bytes: &[u8], capacity: usize) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut records = Records::new(bytes, capacity, u64::MAX);
        let mut all = Vec::new();
        while records.read().unwrap() {
            let start = records.record_start() as usize;
            // The line of the record's first byte, after blank lines.
            let first = start
                + bytes[start..]
                    .iter()
                    .take_while(|&&b| b == b'\r' || b == b'\n')
                    .count();
            let line = 1 + bytes[..first].iter().filter(|&&b| b == b'\n').count() as u64;
            assert_eq!(records.line(), line, "{:?}", String::from_utf8_lossy(bytes));
            all.push((start as u64, records.iter().map(<[u8]>::to_vec).collect()));
        }
        // The end stays the end.
        assert!(!records.read().unwrap());
        all
    }

    #[test]
    fn reads_as_csv_does_the_shapes_it_knows() {
        let cases: &[&[u8]] = &[
            b"",
            b"\n\r\n",
            b"a",
            b"a,b\nc,d",
            b"a,b\r\nc,d\r\n",
            b"a,b\rc\r\r\nd\n\n",
            b"\"a,b\",\"c\"\"d\"\"\"\n\"\"\n",
            b"\"ab\"cd,\"x\"\"y\"z\"w\n",
            b"a\"b,c\"\n",
            b"\"open\nquoted\r\nfield",
            b"\"closed\"",
            b",,\n,\n",
            b"\"\"\"\",\"\n\"\r\n",
        ];
        for &case in cases {
            let expected = by_csv(case);
            for capacity in [1, 2, 3, 5, 8, 64, 1 << 16] {
                assert_eq!(
                    by_records(case, capacity),
                    expected,
                    "{:?} with a buffer of {capacity}",
                    String::from_utf8_lossy(case)
                );
            }
        }
    }

    #[test]
    fn reads_as_csv_does_any_mix_of_its_bytes() {
        // A fixed xorshift, so a failure names a reproducible case.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        const ALPHABET: &[u8] = b"ab,\"\"\r\n \xff";
        for case in 0..20_000 {
            let len = (next() % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            let capacity = [1, 2, 4, 7, 16, 1 << 16][(next() % 6) as usize];
            assert_eq!(
                by_records(&bytes, capacity),
                by_csv(&bytes),
                "case {case}: {:?} with a buffer of {capacity}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }

    #[test]
    fn a_record_longer_than_the_buffer_is_read_whole() {
        let mut bytes = b"\"".to_vec();
        bytes.extend(b"x,\"\"\n".repeat(10_000));
        bytes.extend(b"\",b\nc,d\n");
        let records = by_records(&bytes, 64);
        assert_eq!(records, by_csv(&bytes));
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].1[0].len(), 40_000);
    }

    /// Each record's line and first field, and where the file ended in quotes.
    fn lines(bytes: &[u8], capacity: usize) -> (Vec<(u64, Vec<u8>)>, Option<u64>) {
        let mut records = Records::new(bytes, capacity, u64::MAX);
        let mut all = Vec::new();
        while records.read().unwrap() {
            all.push((records.line(), records.get(0).unwrap().to_vec()));
        }
        (all, records.open_quote_line())
    }

    #[test]
    fn lines_are_those_of_each_records_first_byte() {
        let text = b"h1,h2\n\n\"a\nb\",1\r\n\r\nc,2\n\"d\"\"\n\",3\r\re,\"cut\nhere";
        let expected = (
            vec![
                (1, b"h1".to_vec()),
                (3, b"a\nb".to_vec()),
                (6, b"c".to_vec()),
                (7, b"d\"\n".to_vec()),
                (8, b"e".to_vec()),
            ],
            Some(8),
        );
        for capacity in [1, 2, 3, 7, 64] {
            assert_eq!(lines(text, capacity), expected, "a buffer of {capacity}");
        }
        // Closed quotes at the very end are not open ones.
        assert_eq!(lines(b"a,\"b\"", 64).1, None);
        assert_eq!(lines(b"a,\"b\"\"", 64).1, Some(1));
        assert_eq!(lines(b"a,b\"", 64).1, None);
    }

    #[test]
    fn a_record_longer_than_the_limit_is_an_error_blank_lines_are_not() {
        let mut bytes = b"\n".repeat(1_000);
        // 12 bytes with its line break.
        bytes.extend(b"a,bcdefghij\n");
        let mut records = Records::new(&bytes[..], 64, 12);
        assert!(records.read().unwrap());
        let mut records = Records::new(&bytes[..], 64, 11);
        let err = records.read().unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
        assert!(
            err.to_string().starts_with("a record longer than 11 bytes"),
            "{err}"
        );
        // The same through csv-core, for a record longer than the buffer.
        let mut records = Records::new(&bytes[..], 4, 11);
        assert!(records.read().is_err());
        assert_eq!(records.line(), 1_001);
    }
}
