//! [`Analysis`]: the front door. One call reads an export and answers every
//! report; most embedders need nothing else.

use std::path::Path;

use chrono::NaiveDate;

use crate::diff::Diff;
use crate::error::{Candidate, Error, Result, Warning};
use crate::export::Export;
use crate::identity::PersonId;
use crate::ledger::{Effects, Ledger};
use crate::metrics::{self, Metrics};
use crate::network::Network;
use crate::options::Options;
use crate::plan::{PlanItem, PlanOptions};
use crate::reports::{
    self, CompanyRow, NeverContactedRow, Overview, PersonReport, ReciprocityRow, RelationshipRow,
    Summary, UnansweredRow,
};
use crate::warnings::Warnings;

/// An export read, resolved into people and measured: every report of it.
///
/// ```
/// use rekindle::{Analysis, Options};
///
/// let analysis = Analysis::open("../../data-samples/2026", &Options::default())?;
/// assert_eq!(analysis.summary().owner.name.as_deref(), Some("Avery Quinn"));
/// assert_eq!(analysis.neglected()[0].name, "Maya Okonkwo-Reyes");
/// assert!(analysis.person("priya")?.strongest.starts_with("on the list"));
/// # Ok::<(), rekindle::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Analysis {
    network: Network,
    metrics: Metrics,
}

impl Analysis {
    /// Reads the export at `path` (a `.zip`, a folder, or one CSV file) under
    /// `options.limits` and analyses it.
    pub fn open(path: impl AsRef<Path>, options: &Options) -> Result<Analysis> {
        let export = Export::open_with(path, &options.limits)?;
        Analysis::from_export(export, options)
    }

    /// Analyses an export already read. The export is consumed: its message
    /// rows are freed as soon as the network holds what the reports need.
    ///
    /// With `options.redact`, every name is a pseudonym (and warnings lose
    /// their quoted values) before anything is measured or reported, so no
    /// report can show a real one; with `options.strict`, the first warning
    /// is an [`Error::Strict`].
    pub fn from_export(export: Export, options: &Options) -> Result<Analysis> {
        Analysis::build(export, options, None)
    }

    /// [`Analysis::open`] with the user's [`Ledger`] applied as of `today`
    /// (the caller's clock: the library has none): touches count as
    /// interactions, cadences replace the inferred rhythm, snoozed and
    /// ignored people leave the suggesting lists.
    pub fn open_with_ledger(
        path: impl AsRef<Path>,
        options: &Options,
        ledger: &Ledger,
        today: NaiveDate,
    ) -> Result<Analysis> {
        let export = Export::open_with(path, &options.limits)?;
        Analysis::from_export_with_ledger(export, options, ledger, today)
    }

    /// [`Analysis::from_export`] with the user's [`Ledger`] applied as of `today`.
    pub fn from_export_with_ledger(
        export: Export,
        options: &Options,
        ledger: &Ledger,
        today: NaiveDate,
    ) -> Result<Analysis> {
        Analysis::build(export, options, Some((ledger, today)))
    }

    fn build(
        export: Export,
        options: &Options,
        ledger: Option<(&Ledger, NaiveDate)>,
    ) -> Result<Analysis> {
        let mut network = Network::from_owned_export(export, options)?;
        // Entries match people by names and URLs: before any redaction.
        let effects = match ledger {
            Some((ledger, today)) => Effects::new(ledger, &network.people, today),
            None => Effects::none(),
        };
        network.warnings.extend(effects.warnings().iter().cloned());
        if options.redact {
            network.redact();
        }
        if options.strict
            && let Some(first) = network.warnings.first()
        {
            return Err(Error::Strict {
                first: first.clone(),
                more: network.warnings.len() - 1,
            });
        }
        let metrics = metrics::compute_with(&network, &effects)?;
        Ok(Analysis { network, metrics })
    }

    /// Owner, as-of date, files, counts and warnings.
    pub fn summary(&self) -> Summary {
        reports::summary(&self.network, &self.metrics)
    }

    /// People you were close to and have let go cold, most worth rekindling first.
    pub fn neglected(&self) -> Vec<RelationshipRow> {
        reports::neglected(&self.network, &self.metrics)
    }

    /// Your strongest relationships that are active now, deepest first.
    pub fn strongest(&self) -> Vec<RelationshipRow> {
        reports::strongest(&self.network, &self.metrics)
    }

    /// Direct conversations where the other person wrote last, newest first.
    pub fn unanswered(&self) -> Vec<UnansweredRow> {
        reports::unanswered(&self.network)
    }

    /// Connections with no two-way exchange ever, newest first.
    pub fn never_contacted(&self) -> Vec<NeverContactedRow> {
        reports::never_contacted(&self.metrics)
    }

    /// Connections and depth per company; `filter` keeps names containing it.
    pub fn companies(&self, filter: Option<&str>) -> Vec<CompanyRow> {
        reports::companies(&self.metrics, filter)
    }

    /// Everything about the one person whose name or profile URL contains
    /// `query`: [`Error::NoMatch`] for nobody, [`Error::SeveralMatch`] with
    /// the candidates for more than one. Their plan item (without an older
    /// export, so never `congratulate`) and your note come with it.
    pub fn person(&self, query: &str) -> Result<PersonReport> {
        let id = self.find_person(query)?;
        let mut report =
            reports::person(&self.network, &self.metrics, id).ok_or_else(|| Error::NoMatch {
                query: query.to_string(),
            })?;
        let everything = crate::plan::plan(&self.network, &self.metrics, None, 0);
        report.plan = everything.into_iter().find(|i| i.person == id);
        Ok(report)
    }

    /// The one person `query` names (as [`Analysis::person`] finds them).
    pub fn find_person(&self, query: &str) -> Result<PersonId> {
        match reports::find_people(&self.metrics, query).as_slice() {
            [] => Err(Error::NoMatch {
                query: query.to_string(),
            }),
            [one] => Ok(*one),
            several => Err(Error::SeveralMatch {
                query: query.to_string(),
                candidates: several
                    .iter()
                    .filter_map(|id| self.metrics.get(*id))
                    .map(|m| Candidate {
                        name: m.name.to_string(),
                        profile_url: m.profile_url.as_deref().map(str::to_string),
                        company: m.company.as_deref().map(str::to_string),
                    })
                    .collect(),
            }),
        }
    }

    /// Everything the one-page report shows; `limit` caps each list.
    pub fn overview(&self, limit: Option<usize>) -> Overview {
        reports::overview(&self.network, &self.metrics, limit)
    }

    /// The per-person metrics, as a polars DataFrame and as typed rows.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The relationship graph and what it was built from.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Rows skipped or values left empty, each naming its file and line:
    /// the first [`Warnings::KEPT_PER_KIND`] of each kind; see
    /// [`Analysis::warning_groups`] for every count.
    pub fn warnings(&self) -> &[Warning] {
        self.network.warnings.kept()
    }

    /// Every warning counted, grouped by file and kind.
    pub fn warning_groups(&self) -> &Warnings {
        &self.network.warnings
    }

    /// Per person, what they gave you and you gave them, unbalanced first.
    pub fn reciprocity(&self) -> Vec<ReciprocityRow> {
        reports::reciprocity(&self.network)
    }

    /// What to do this week, and why now: one item per person, a balanced
    /// mix of at most `options.limit` (see [`crate::plan`]). With
    /// `options.since`, the older export's job changes give `congratulate`
    /// ([`Error::DifferentOwners`] if it is someone else's).
    pub fn plan(&self, options: &PlanOptions) -> Result<Vec<PlanItem>> {
        let diff = options
            .since
            .map(|older| Analysis::diff(older, self))
            .transpose()?;
        Ok(crate::plan::plan(
            &self.network,
            &self.metrics,
            diff.as_ref(),
            options.limit,
        ))
    }

    /// What changed from `older` to `newer`, two exports of one owner
    /// ([`Error::DifferentOwners`] otherwise).
    pub fn diff(older: &Analysis, newer: &Analysis) -> Result<Diff> {
        Diff::between(
            &older.network,
            &older.metrics,
            &newer.network,
            &newer.metrics,
        )
    }

    /// [`Analysis::diff`] with the two in either order: the one with the
    /// earlier as-of date is the older. Also says whether `b` was the older.
    pub fn diff_any_order(a: &Analysis, b: &Analysis) -> Result<(Diff, bool)> {
        Diff::between_any_order(&a.network, &a.metrics, &b.network, &b.metrics)
    }
}
