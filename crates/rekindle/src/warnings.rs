//! [`Warnings`]: every warning counted, a bounded few kept.
//!
//! A file of a million bad rows gives a million warnings of one kind. The
//! collector groups them by file and message (the kind), counts each group,
//! and keeps the first [`Warnings::KEPT_PER_KIND`] of each with their lines
//! and values: memory grows with the kinds of problem, not with the rows.

use std::collections::HashMap;

use crate::dated::thousands;
use crate::error::Warning;

/// Warnings grouped by file and kind, each group counted, the first few kept.
///
/// ```
/// use rekindle::{Warning, Warnings};
/// let export = rekindle::Export::open("../../data-samples/2026")?;
/// let warnings: &Warnings = &export.warnings;
/// assert_eq!(warnings.len(), warnings.groups().iter().map(|g| g.count).sum::<usize>());
/// # Ok::<(), rekindle::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Warnings {
    kept: Vec<Warning>,
    groups: Vec<WarningGroup>,
    index: HashMap<(String, String), usize>,
    total: usize,
}

/// One kind of warning of one file: how many, and where the first ones are.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WarningGroup {
    /// The file inside the export.
    pub file: String,
    /// What is wrong and what was done about it (the kind).
    pub message: String,
    /// How many warnings of this kind the file gave.
    pub count: usize,
    /// The lines of the first [`Warnings::KEPT_PER_KIND`] of them (where they have one).
    pub lines: Vec<u64>,
    /// The offending value of the first one, if it has one.
    pub first_value: Option<String>,
}

impl Warnings {
    /// How many warnings of each kind are kept whole.
    pub const KEPT_PER_KIND: usize = 5;

    /// Counts a warning, keeping it whole if it is among the first of its kind.
    pub fn push(&mut self, warning: Warning) {
        self.total += 1;
        let key = (warning.file.clone(), warning.message.clone());
        let at = match self.index.get(&key) {
            Some(&at) => at,
            None => {
                self.groups.push(WarningGroup {
                    file: warning.file.clone(),
                    message: warning.message.clone(),
                    count: 0,
                    lines: Vec::new(),
                    first_value: warning.value.clone(),
                });
                self.index.insert(key, self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[at];
        group.count += 1;
        if group.count <= Self::KEPT_PER_KIND {
            group.lines.extend(warning.line);
            self.kept.push(warning);
        }
    }

    /// Counts every warning of `other`: its kept ones pushed whole, the
    /// rest added to their groups' counts.
    pub fn merge(&mut self, other: Warnings) {
        let mut whole = vec![0; other.groups.len()];
        for w in other.kept {
            if let Some(&at) = other.index.get(&(w.file.clone(), w.message.clone())) {
                whole[at] += 1;
            }
            self.push(w);
        }
        for (at, group) in other.groups.into_iter().enumerate() {
            let rest = group.count.saturating_sub(whole[at]);
            if rest == 0 {
                continue;
            }
            self.total += rest;
            if let Some(&mine) = self.index.get(&(group.file, group.message)) {
                self.groups[mine].count += rest;
            }
        }
    }

    /// Every warning counted, kept or not.
    pub fn len(&self) -> usize {
        self.total
    }

    /// No warning at all.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The warnings kept whole (the first few of each kind), in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Warning> {
        self.kept.iter()
    }

    /// The kept warnings, to change them in place (as redaction does).
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Warning> {
        self.kept.iter_mut()
    }

    /// The first warning, if any.
    pub fn first(&self) -> Option<&Warning> {
        self.kept.first()
    }

    /// The kept warnings as a slice.
    pub fn kept(&self) -> &[Warning] {
        &self.kept
    }

    /// One group per file and kind, in the order each first appeared.
    pub fn groups(&self) -> &[WarningGroup] {
        &self.groups
    }

    /// Orders warnings and groups by a key of their file (stable).
    pub(crate) fn sort_by_file<K: Ord>(&mut self, key: impl Fn(&str) -> K) {
        self.kept.sort_by_key(|w| key(&w.file));
        self.groups.sort_by_key(|g| key(&g.file));
        self.index = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| ((g.file.clone(), g.message.clone()), i))
            .collect();
    }

    /// Replaces every quoted value (names may be in them) with `(redacted)`.
    pub(crate) fn redact_values(&mut self) {
        let values = self.kept.iter_mut().map(|w| &mut w.value);
        for value in values.chain(self.groups.iter_mut().map(|g| &mut g.first_value)) {
            if value.is_some() {
                *value = Some("(redacted)".to_string());
            }
        }
    }

    /// One line per group a person reads: a kind seen once is the warning
    /// itself; a kind seen more often gives its count, its first lines and
    /// its first value.
    pub fn lines(&self) -> Vec<String> {
        let mut kept = self.kept.iter();
        self.groups
            .iter()
            .map(|g| {
                if g.count == 1 {
                    let key = (&g.file, &g.message);
                    if let Some(w) = kept.by_ref().find(|w| (&w.file, &w.message) == key) {
                        return w.to_string();
                    }
                }
                g.to_string()
            })
            .collect()
    }
}

impl std::fmt::Display for WarningGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.lines.is_empty() {
            let lines: Vec<String> = self.lines.iter().map(u64::to_string).collect();
            let more = if self.count > self.lines.len() {
                ", …"
            } else {
                ""
            };
            let s = if self.lines.len() == 1 { "" } else { "s" };
            write!(f, " line{s} {}{more}", lines.join(", "))?;
        }
        write!(f, ": {}", self.message)?;
        if self.count > 1 {
            write!(f, " ({} times)", thousands(self.count))?;
        }
        if let Some(value) = &self.first_value {
            write!(f, " {value:?}")?;
        }
        Ok(())
    }
}

impl<'a> IntoIterator for &'a Warnings {
    type Item = &'a Warning;
    type IntoIter = std::slice::Iter<'a, Warning>;
    fn into_iter(self) -> Self::IntoIter {
        self.kept.iter()
    }
}

impl Extend<Warning> for Warnings {
    fn extend<T: IntoIterator<Item = Warning>>(&mut self, iter: T) {
        for w in iter {
            self.push(w);
        }
    }
}

impl FromIterator<Warning> for Warnings {
    fn from_iter<T: IntoIterator<Item = Warning>>(iter: T) -> Self {
        let mut warnings = Warnings::default();
        warnings.extend(iter);
        warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(line: u64, message: &str, value: &str) -> Warning {
        Warning::new("messages.csv", Some(line), message).with_value(value)
    }

    #[test]
    fn a_million_warnings_of_one_kind_keep_five() {
        let mut warnings = Warnings::default();
        for line in 2..1_000_002 {
            warnings.push(w(line, "row skipped: unparseable date", "soon"));
        }
        warnings.push(w(7, "other", "x"));
        assert_eq!(warnings.len(), 1_000_001);
        assert_eq!(warnings.kept().len(), 6);
        assert_eq!(warnings.groups().len(), 2);
        assert_eq!(
            warnings.lines(),
            [
                "messages.csv lines 2, 3, 4, 5, 6, …: row skipped: unparseable date (1,000,000 times) \"soon\"",
                "messages.csv line 7: other \"x\"",
            ]
        );
    }

    #[test]
    fn merging_keeps_counts_and_the_first_few() {
        let mut a = Warnings::default();
        a.push(w(1, "k", "a"));
        let mut b = Warnings::default();
        for line in 10..20 {
            b.push(w(line, "k", "b"));
        }
        a.merge(b);
        assert_eq!(a.len(), 11);
        assert_eq!(a.groups()[0].count, 11);
        assert_eq!(a.groups()[0].lines, [1, 10, 11, 12, 13]);
        assert_eq!(a.kept().len(), 5);
    }
}
