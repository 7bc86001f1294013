//! Overlapping inflating with parsing: one thread reads (and inflates) a
//! file in blocks while another parses the blocks already read. Parsed
//! blocks go back to the reading thread to be filled again: a new block
//! costs zeroing and fresh pages (75 MB of each at a million messages).

use std::io::{self, Read};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Bytes per block handed from the reading thread to the parsing thread.
const BLOCK: usize = 1 << 18;
/// Blocks in flight: bounds the memory the pipe holds (4 MiB).
const IN_FLIGHT: usize = 16;

/// The parsing end of a pipe: a `Read` over blocks sent by [`pump`].
pub(crate) struct PipeReader {
    blocks: Receiver<io::Result<Vec<u8>>>,
    /// Where parsed blocks go back to be filled again.
    spares: SyncSender<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
}

/// The reading end of a pipe.
pub(crate) struct PipeWriter {
    blocks: SyncSender<io::Result<Vec<u8>>>,
    spares: Receiver<Vec<u8>>,
}

/// A new pipe.
pub(crate) fn pipe() -> (PipeWriter, PipeReader) {
    let (tx, rx) = sync_channel(IN_FLIGHT);
    // Every block there is fits: those in flight, the one being filled and
    // the one being parsed.
    let (spare_tx, spare_rx) = sync_channel(IN_FLIGHT + 2);
    (
        PipeWriter {
            blocks: tx,
            spares: spare_rx,
        },
        PipeReader {
            blocks: rx,
            spares: spare_tx,
            current: Vec::new(),
            pos: 0,
        },
    )
}

impl PipeWriter {
    /// Reads `source` to its end into the pipe. Stops quietly if the parser
    /// has gone away; a read error is passed on to the parser. Returns how
    /// many blocks it had to make (the others came back parsed).
    pub fn pump(self, mut source: impl Read) -> usize {
        let mut made = 0;
        loop {
            let mut block = self.spares.try_recv().unwrap_or_else(|_| {
                made += 1;
                Vec::new()
            });
            // A spare came back whole (only the last block is shorter).
            block.resize(BLOCK, 0);
            let mut filled = 0;
            let result = loop {
                match source.read(&mut block[filled..]) {
                    Ok(0) => break Ok(()),
                    Ok(n) => {
                        filled += n;
                        if filled == BLOCK {
                            break Ok(());
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => break Err(e),
                }
            };
            block.truncate(filled);
            let end = filled < BLOCK;
            let sent = match result {
                Ok(()) if filled > 0 => self.blocks.send(Ok(block)),
                Ok(()) => Ok(()),
                Err(e) => {
                    let _ = self.blocks.send(Err(e));
                    return made;
                }
            };
            if sent.is_err() || end {
                return made;
            }
        }
    }

    /// Passes an error to the parser instead of data.
    pub fn fail(self, error: io::Error) {
        let _ = self.blocks.send(Err(error));
    }
}

impl Read for PipeReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.current.len() {
            match self.blocks.recv() {
                Ok(block) => {
                    let parsed = std::mem::replace(&mut self.current, block?);
                    if parsed.capacity() == BLOCK {
                        // Full, or the reading end has finished: dropped.
                        let _ = self.spares.try_send(parsed);
                    }
                    self.pos = 0;
                }
                // The reading end finished: end of file.
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len() - self.pos);
        buf[..n].copy_from_slice(&self.current[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `len` bytes pumped through a pipe on another thread: whether they
    /// all arrived in order, and how many blocks the pump made.
    fn through_pipe(len: usize) -> (bool, usize) {
        let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let (writer, mut reader) = pipe();
        let copy = data.clone();
        let handle = std::thread::spawn(move || writer.pump(&copy[..]));
        let mut got = Vec::new();
        reader.read_to_end(&mut got).unwrap();
        let made = handle.join().unwrap();
        (got == data, made)
    }

    #[test]
    fn bytes_arrive_whole_and_in_order() {
        assert!(through_pipe(3 * BLOCK + 123).0);
    }

    #[test]
    fn parsed_blocks_are_filled_again() {
        let (whole, made) = through_pipe(40 * BLOCK + 7);
        assert!(whole);
        // 41 blocks passed through; no more were made than are ever held
        // at once (in flight, being filled, being parsed).
        assert!(made <= IN_FLIGHT + 2, "{made} blocks made");
    }

    #[test]
    fn a_read_error_reaches_the_parser() {
        let (writer, mut reader) = pipe();
        writer.fail(io::Error::other("truncated zip"));
        let err = reader.read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(err.to_string(), "truncated zip");
    }
}
