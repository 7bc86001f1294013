//! [`Occasions`]: what the export says that makes a moment to act, kept on
//! the [`Network`](crate::Network) for the plan: favours with their status,
//! the owner's notes, the jobs they want and the places they worked.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Warning;
use crate::export::Export;
use crate::identity::{People, PersonId, Who};
use crate::parse::jobs::Job;
use crate::parse::positions::Position;
use crate::warnings::Warnings;

/// What was given: a recommendation, an endorsement of a skill, or an
/// invitation with a personal note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FavourKind {
    /// A written recommendation.
    Recommendation,
    /// An endorsement of one skill.
    Endorsement {
        /// The skill.
        skill: String,
    },
    /// A connection invitation that carried a personal note.
    InvitationNote,
}

/// One favour between the owner and a person, either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Favour {
    /// The other person.
    #[serde(skip)]
    pub person: PersonId,
    /// Whether the owner gave it (else the person gave it to the owner).
    pub by_owner: bool,
    /// What it was.
    #[serde(flatten)]
    pub kind: FavourKind,
    /// When, if known.
    pub date: Option<NaiveDate>,
    /// `VISIBLE`/`HIDDEN`/`PENDING` (recommendations), `ACCEPTED`/`PENDING`/
    /// `HIDDEN` (endorsements), empty for invitations.
    pub status: String,
}

impl Favour {
    /// Whether it is a favour shown to the world: a visible recommendation,
    /// an accepted endorsement, any invitation note. A hidden endorsement or
    /// a pending recommendation is not (yet) a favour to return.
    pub fn is_shown(&self) -> bool {
        match self.kind {
            FavourKind::Recommendation => self.status == "VISIBLE",
            FavourKind::Endorsement { .. } => self.status == "ACCEPTED",
            FavourKind::InvitationNote => true,
        }
    }
}

/// A note of the owner's on a person, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonNote {
    /// Who it is about.
    #[serde(skip)]
    pub person: PersonId,
    /// The note.
    pub text: String,
    /// When it was last written.
    pub date: Option<NaiveDate>,
}

/// What the plan needs beyond the graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Occasions {
    /// Every recommendation, endorsement and invitation note, either way.
    pub favours: Vec<Favour>,
    /// The owner's notes (`Notes.csv`), one per person at most (the latest);
    /// empty under redaction.
    pub notes: Vec<PersonNote>,
    /// `Jobs/Job Applications.csv`.
    pub job_applications: Vec<Job>,
    /// `Jobs/Saved Jobs.csv`.
    pub saved_jobs: Vec<Job>,
    /// `Positions.csv`: the owner's employers.
    pub positions: Vec<Position>,
}

impl Occasions {
    /// Resolves the notes to people and keeps the rest of what the plan reads.
    pub(crate) fn collect(
        export: &Export,
        people: &mut People,
        favours: Vec<Favour>,
        warnings: &mut Warnings,
    ) -> Occasions {
        let mut notes: Vec<PersonNote> = Vec::new();
        for n in &export.notes {
            match people.resolve(&n.name, n.profile_url.as_deref(), warnings, "Notes.csv") {
                Who::Person(person) => notes.push(PersonNote {
                    person,
                    text: n.text.clone(),
                    date: n.date,
                }),
                _ => warnings.push(
                    Warning::new(
                        "Notes.csv",
                        Some(n.line),
                        "note left out: not about a person",
                    )
                    .with_value(&n.name),
                ),
            }
        }
        // The latest note per person; an earlier one is folded into it.
        notes.sort_by(|a, b| a.person.cmp(&b.person).then(b.date.cmp(&a.date)));
        let mut kept: Vec<PersonNote> = Vec::with_capacity(notes.len());
        for n in notes {
            match kept.last_mut() {
                Some(last) if last.person == n.person => {
                    last.text = format!("{}\n{}", last.text, n.text);
                }
                _ => kept.push(n),
            }
        }
        Occasions {
            favours,
            notes: kept,
            job_applications: export.job_applications.clone(),
            saved_jobs: export.saved_jobs.clone(),
            positions: export.positions.clone(),
        }
    }

    /// The owner's note on `person`, if any.
    pub fn note(&self, person: PersonId) -> Option<&PersonNote> {
        self.notes
            .binary_search_by_key(&person, |n| n.person)
            .ok()
            .map(|i| &self.notes[i])
    }
}
