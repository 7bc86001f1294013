//! The floor rekindle's speed is measured against: open the export zip,
//! inflate Connections.csv and messages.csv, and walk every CSV record once
//! with csv's `ByteRecord`, keeping nothing. No analysis can be faster than
//! reading its input once.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Records walked in each file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Walked {
    /// Records (lines of CSV, preamble and header included) in Connections.csv.
    pub connections: u64,
    /// Records in messages.csv.
    pub messages: u64,
}

/// Walks both files of the zip at `path`.
pub fn walk_floor(path: &Path) -> Result<Walked, Box<dyn std::error::Error>> {
    let mut archive = zip::ZipArchive::new(BufReader::new(File::open(path)?))?;
    let mut walked = Walked::default();
    for (name, count) in [
        ("Connections.csv", &mut walked.connections),
        ("messages.csv", &mut walked.messages),
    ] {
        let Ok(entry) = archive.by_name(name) else {
            continue;
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(entry);
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record)? {
            *count += 1;
        }
    }
    Ok(walked)
}
