//! [`Export`]: every record of one export, and what was skipped and why.

use std::path::Path;

use chrono::NaiveDate;

use crate::archive::{Archive, FileKind, FoundFile};
use crate::dates::date_in_export_name;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};
use crate::limits::{Limits, human_bytes};
use crate::message_log::MessageLog;
use crate::parse::connections::Connection;
use crate::parse::endorsements::Endorsement;
use crate::parse::invitations::Invitation;
use crate::parse::jobs::{self, Job};
use crate::parse::notes::{self, Note};
use crate::parse::positions::Position;
use crate::parse::profile::Profile;
use crate::parse::recommendations::Recommendation;
use crate::parse::{
    connections, endorsements, invitations, messages, positions, profile, recommendations,
};
use crate::pipe::pipe;
use crate::strings::Strings;
use crate::warnings::Warnings;

/// All records of one LinkedIn data export.
///
/// Open it from a `.zip`, an unzipped folder, or a single CSV file; files the
/// export lacks are simply empty. Rows that could not be read are listed in
/// [`Export::warnings`].
#[derive(Debug, Clone, Default)]
pub struct Export {
    /// The name the export date is read from (the zip's or folder's name).
    pub export_name: String,
    /// The export files found, in the order they were read.
    pub files: Vec<FoundFile>,
    /// `Profile.csv`: the owner, if present.
    pub profile: Option<Profile>,
    /// `Connections.csv` rows that are people.
    pub connections: Vec<Connection>,
    /// `Connections.csv` rows of hidden or closed profiles (a date only).
    pub hidden_connections: usize,
    /// The latest date of those hidden rows (they count for the as-of date).
    pub hidden_connections_latest: Option<NaiveDate>,
    /// What is kept of `messages.csv`: its rows folded into per-conversation
    /// and per-day counts as they were read (drafts and spam included,
    /// flagged); no row is kept.
    pub messages: MessageLog,
    /// `Invitations.csv`.
    pub invitations: Vec<Invitation>,
    /// `Endorsement_Received_Info.csv`.
    pub endorsements_received: Vec<Endorsement>,
    /// `Endorsement_Given_Info.csv`.
    pub endorsements_given: Vec<Endorsement>,
    /// `Recommendations_Received.csv`.
    pub recommendations_received: Vec<Recommendation>,
    /// `Recommendations_Given.csv`.
    pub recommendations_given: Vec<Recommendation>,
    /// `Positions.csv`: the owner's employers.
    pub positions: Vec<Position>,
    /// `Jobs/Job Applications.csv`: jobs applied for.
    pub job_applications: Vec<Job>,
    /// `Jobs/Saved Jobs.csv`: jobs saved.
    pub saved_jobs: Vec<Job>,
    /// `Notes.csv`: the owner's notes on connections.
    pub notes: Vec<Note>,
    /// Rows skipped or values left empty, each naming its file and line.
    pub warnings: Warnings,
    /// The texts the messages' [`Sym`](crate::Sym)s refer to.
    pub strings: Strings,
    /// The limits the files were read under.
    pub limits: Limits,
}

/// What later stages keep of an [`Export`] once its records are resolved
/// into people: the files found and how many records each file held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFacts {
    /// The name the export date is read from (the zip's or folder's name).
    pub export_name: String,
    /// The export files found, in the order they were read.
    pub files: Vec<FoundFile>,
    /// The export's own date ([`Export::export_date`]).
    pub export_date: Option<NaiveDate>,
    /// People rows of Connections.csv.
    pub connections: usize,
    /// Hidden or closed profiles in Connections.csv.
    pub hidden_connections: usize,
    /// Rows of Invitations.csv.
    pub invitations: usize,
    /// Endorsements received.
    pub endorsements_received: usize,
    /// Endorsements given.
    pub endorsements_given: usize,
    /// Recommendations received.
    pub recommendations_received: usize,
    /// Recommendations given.
    pub recommendations_given: usize,
}

impl Export {
    /// The facts later stages keep of this export.
    pub fn facts(&self) -> ExportFacts {
        ExportFacts {
            export_name: self.export_name.clone(),
            files: self.files.clone(),
            export_date: self.export_date(),
            connections: self.connections.len(),
            hidden_connections: self.hidden_connections,
            invitations: self.invitations.len(),
            endorsements_received: self.endorsements_received.len(),
            endorsements_given: self.endorsements_given.len(),
            recommendations_received: self.recommendations_received.len(),
            recommendations_given: self.recommendations_given.len(),
        }
    }

    /// Reads an export from a `.zip` (in place), a folder, or one CSV file.
    ///
    /// ```
    /// let export = rekindle::Export::open("../../data-samples/2026")?;
    /// assert_eq!(export.profile.unwrap().full_name(), "Avery Quinn");
    /// # Ok::<(), rekindle::Error>(())
    /// ```
    ///
    /// messages.csv, by far the largest file, is inflated on one thread and
    /// parsed on another while the other files are read: a large export
    /// keeps both cores busy.
    pub fn open(path: impl AsRef<Path>) -> Result<Export> {
        Export::open_with(path, &Limits::default())
    }

    /// [`Export::open`] under other [`Limits`].
    pub fn open_with(path: impl AsRef<Path>, limits: &Limits) -> Result<Export> {
        let path = path.as_ref();
        let mut archive = Archive::open(path)?;
        let mut export = Export {
            export_name: archive.export_name.clone(),
            files: archive.files.clone(),
            warnings: std::mem::take(&mut archive.warnings).into_iter().collect(),
            limits: *limits,
            ..Export::default()
        };
        let total = Arc::new(AtomicU64::new(0));
        let mut order: Vec<usize> = (0..archive.files.len()).collect();
        order.sort_by_key(|&i| archive.files[i].kind);
        let messages_at = order
            .iter()
            .position(|&i| archive.files[i].kind == FileKind::Messages);
        let messages = messages_at.map(|at| order.remove(at));
        std::thread::scope(|scope| {
            let piped = messages.map(|i| {
                let file = base_name(&export.files[i].name);
                let (writer, reader) = pipe();
                let capped = Capped::new(&file, limits, &total);
                // The input is never opened twice (a pipe could not be):
                // this thread reads from what was opened above.
                let detached = archive.detach(i);
                scope.spawn(move || match detached {
                    Ok(detached) => detached.read_with(|source| match source {
                        Ok(source) => {
                            writer.pump(capped.wrap(source));
                        }
                        // The error itself travels on, its cause kept.
                        Err(e) => writer.fail(std::io::Error::other(e)),
                    }),
                    Err(e) => writer.fail(std::io::Error::other(e)),
                });
                (file, reader)
            });
            // The other files on a thread of their own, and messages.csv
            // parsed on this one: the message log is then allocated where
            // the analysis runs, which reuses its memory once it is freed
            // (from another thread's allocator arena it stayed resident).
            let total = &total;
            let archive = &mut archive;
            let others = scope.spawn(move || -> Result<Export> {
                for i in order {
                    let kind = archive.files[i].kind;
                    let file = base_name(&archive.files[i].name);
                    let reader = Capped::new(&file, limits, total).wrap(archive.reader(i)?);
                    export.read_file(kind, &file, reader)?;
                }
                Ok(export)
            });
            let mut part = Export {
                limits: *limits,
                ..Export::default()
            };
            let parsed = piped.map(|(file, reader)| part.read_messages(&file, reader));
            // The other files' error first, as when they were read first.
            let mut export = others.join().map_err(|_| Error::File {
                file: path.display().to_string(),
                line: None,
                message: "reading stopped unexpectedly".into(),
            })??;
            if let Some(parsed) = parsed {
                parsed?;
                export.messages = part.messages;
                export.strings = part.strings;
                export.warnings.merge(part.warnings);
            }
            export.warnings.sort_by_file(|file| {
                FileKind::from_file_name(file).map_or(usize::MAX, |k| {
                    FileKind::ALL
                        .iter()
                        .position(|a| *a == k)
                        .unwrap_or(usize::MAX)
                })
            });
            Ok(export)
        })
    }

    /// Reads messages.csv into the log.
    fn read_messages(&mut self, file: &str, reader: impl std::io::Read) -> Result<()> {
        let log = &mut self.messages;
        let (strings, limits, w) = (&mut self.strings, &self.limits, &mut self.warnings);
        messages::read(file, reader, strings, limits, w, |m, _| log.add(m))?;
        log.seal();
        Ok(())
    }

    /// Reads one export file from any reader, adding its records to this export.
    /// `file` names it in warnings.
    pub fn read_file(
        &mut self,
        kind: FileKind,
        file: &str,
        reader: impl std::io::Read,
    ) -> Result<()> {
        let w = &mut self.warnings;
        let limits = &self.limits.clone();
        match kind {
            FileKind::Connections => {
                let c = connections::read(file, reader, limits, w)?;
                self.connections.extend(c.people);
                self.hidden_connections += c.hidden;
                self.hidden_connections_latest =
                    self.hidden_connections_latest.max(c.hidden_latest);
            }
            FileKind::Messages => self.read_messages(file, reader)?,
            FileKind::Invitations => self
                .invitations
                .extend(invitations::read(file, reader, limits, w)?),
            FileKind::EndorsementsReceived => self
                .endorsements_received
                .extend(endorsements::read(file, reader, limits, w)?),
            FileKind::EndorsementsGiven => self
                .endorsements_given
                .extend(endorsements::read(file, reader, limits, w)?),
            FileKind::RecommendationsReceived => self
                .recommendations_received
                .extend(recommendations::read(file, reader, limits, w)?),
            FileKind::RecommendationsGiven => self
                .recommendations_given
                .extend(recommendations::read(file, reader, limits, w)?),
            FileKind::Profile => {
                if let Some(p) = profile::read(file, reader, limits, w)? {
                    self.profile.get_or_insert(p);
                }
            }
            FileKind::Positions => self
                .positions
                .extend(positions::read(file, reader, limits, w)?),
            FileKind::JobApplications => self
                .job_applications
                .extend(jobs::read(file, reader, false, limits, w)?),
            FileKind::SavedJobs => self
                .saved_jobs
                .extend(jobs::read(file, reader, true, limits, w)?),
            FileKind::Notes => self.notes.extend(notes::read(file, reader, limits, w)?),
        }
        Ok(())
    }

    /// The export's own date: from its name (`…_MM-DD-YYYY`), else the latest
    /// date found in its records. `None` for an export with no dates at all.
    pub fn export_date(&self) -> Option<NaiveDate> {
        date_in_export_name(&self.export_name).or_else(|| self.latest_date())
    }

    /// The latest date any record carries, hidden-profile rows included.
    pub fn latest_date(&self) -> Option<NaiveDate> {
        let messages = self.messages.latest_date().into_iter();
        let connections = self
            .connections
            .iter()
            .filter_map(|c| c.connected_on)
            .chain(self.hidden_connections_latest);
        let invitations = self
            .invitations
            .iter()
            .filter_map(|i| i.sent_at.map(|d| d.date()));
        let endorsements = self
            .endorsements_received
            .iter()
            .chain(&self.endorsements_given)
            .filter_map(|e| e.date.map(|d| d.date()));
        let recommendations = self
            .recommendations_received
            .iter()
            .chain(&self.recommendations_given)
            .filter_map(|r| r.date);
        messages
            .chain(connections)
            .chain(invitations)
            .chain(endorsements)
            .chain(recommendations)
            .max()
    }
}

/// `Jobs/Job Applications.csv` → `Job Applications.csv`.
fn base_name(name: &str) -> String {
    name.rsplit('/').next().unwrap_or(name).to_string()
}

/// Stops a file that inflates beyond the limits (a zip bomb) with an error
/// instead of letting it fill memory or disk time.
struct Capped {
    file: String,
    limits: Limits,
    total: Arc<AtomicU64>,
}

impl Capped {
    fn new(file: &str, limits: &Limits, total: &Arc<AtomicU64>) -> Capped {
        Capped {
            file: file.to_string(),
            limits: *limits,
            total: Arc::clone(total),
        }
    }

    fn wrap<R: Read>(self, inner: R) -> CappedReader<R> {
        CappedReader {
            inner,
            read: 0,
            cap: self,
        }
    }
}

struct CappedReader<R> {
    inner: R,
    read: u64,
    cap: Capped,
}

impl<R: Read> Read for CappedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        let total = self.cap.total.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
        let limits = &self.cap.limits;
        let too_big =
            |what: String| Err(std::io::Error::new(std::io::ErrorKind::InvalidData, what));
        if self.read > limits.max_file_bytes {
            return too_big(format!(
                "{} inflates to more than {}, the limit for one file (a zip bomb?)",
                self.cap.file,
                human_bytes(limits.max_file_bytes)
            ));
        }
        if total > limits.max_total_bytes {
            return too_big(format!(
                "the export inflates to more than {}, the limit for all files (a zip bomb?)",
                human_bytes(limits.max_total_bytes)
            ));
        }
        Ok(n)
    }
}
