//! [`SharedFile`]: one open file read at independent positions by several
//! readers (the zip's messages.csv on one thread, its other files on
//! another) without opening the path again.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;

/// A cheap-to-clone handle on an open file, each clone with its own position
/// (positioned reads: no clone moves another's offset).
#[derive(Debug, Clone)]
pub(crate) struct SharedFile {
    file: Arc<File>,
    len: u64,
    pos: u64,
}

impl SharedFile {
    /// Shares `file`, positioned at its start.
    pub fn new(file: File) -> io::Result<SharedFile> {
        let len = file.metadata()?.len();
        Ok(SharedFile {
            file: Arc::new(file),
            len,
            pos: 0,
        })
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}

impl Read for SharedFile {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = pos.ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the start of the file",
            )
        })?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_read_at_their_own_positions() {
        let dir = std::env::temp_dir().join(format!("rekindle-shared-{}", std::process::id()));
        std::fs::write(&dir, b"0123456789").unwrap();
        let mut a = SharedFile::new(File::open(&dir).unwrap()).unwrap();
        let mut b = a.clone();
        a.seek(SeekFrom::Start(6)).unwrap();
        let mut buf = [0u8; 3];
        b.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"012");
        a.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"678");
        assert_eq!(b.seek(SeekFrom::End(-1)).unwrap(), 9);
        assert!(b.seek(SeekFrom::Current(-20)).is_err());
        std::fs::remove_file(&dir).unwrap();
    }
}
