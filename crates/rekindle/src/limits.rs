//! [`Limits`]: caps that turn hostile or broken input into a clear error
//! instead of exhausted memory or time.

/// Resource limits while reading an export. The defaults are far beyond
/// any real export (30,000 connections; messages.csv of hundreds of MB;
/// message bodies of a few MB) and far below what would hurt a laptop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes one file may hold once inflated (a zip bomb stops here).
    pub max_file_bytes: u64,
    /// Bytes all files together may hold once inflated.
    pub max_total_bytes: u64,
    /// Bytes one CSV record may span (a message body lives in one record).
    /// Memory while reading is bounded by this, not by the file.
    pub max_record_bytes: u64,
    /// Columns a CSV row may have; a wider row is skipped with a warning.
    pub max_columns: usize,
    /// Participants a group conversation may have for the ties between its
    /// members (`SharedGroups` between two others) to be counted: those
    /// pairs grow with the square of its size. Above it, your own tie with
    /// each member is still counted exactly, and a warning names the
    /// conversation.
    pub max_group_size: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 8 << 30,
            max_total_bytes: 16 << 30,
            max_record_bytes: 64 << 20,
            max_columns: 1_000,
            max_group_size: 100,
        }
    }
}

/// `1.5 GiB`, `64 MiB`, `900 bytes`.
pub(crate) fn human_bytes(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            let value = bytes as f64 / size as f64;
            return if value.fract() == 0.0 {
                format!("{value:.0} {unit}")
            } else {
                format!("{value:.1} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}
