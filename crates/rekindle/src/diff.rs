//! What changed between two exports of one owner: who changed jobs, who is
//! new, who left, whose profile link changed, what you rekindled and what
//! went cold.
//!
//! One export holds each connection's *current* company and position only;
//! two exports taken months apart show who moved. [`Diff::between`] is a pure
//! function of the two analysed exports.
//!
//! **Who is who.** A person of the older export is the same person in the
//! newer one when their normalised profile URLs are equal; where the URL
//! changed, or an export has no URLs at all, when the same name (case and
//! spacing aside) was connected on the same `Connected On` date. Where several
//! people share a name and a date on either side, nobody is guessed: they are
//! left out of every list and counted in [`Diff::ambiguous`]. People who are
//! not connections and have no URL on either side are the same person when
//! their name is unique among those on both sides. Hidden or closed profiles
//! (rows with only a date) are not people on either side.
//!
//! **What counts as a change** of company or position is decided by the keys
//! of [`crate::roles`]: case, spacing, punctuation, `&`/`and`, common
//! abbreviations and legal suffixes are cosmetic. An empty company or position
//! on either side is unknown, never a change.
//!
//! **Order** of each list: job changes deepest tie first (depth in the newer
//! export), then by name; new connections newest `connected_on` first, then by
//! name; removed connections and changed profile links by name; rekindled in
//! the older export's neglected order (most neglected first); gone cold in the
//! newer export's neglected order. Names compare case-insensitively, and ties
//! fall back to the person's place in the export, so the order is total.
//!
//! ```
//! use rekindle::{Export, Network, Options, metrics, diff::Diff};
//!
//! let open = |path: &str| -> rekindle::Result<(Network, metrics::Metrics)> {
//!     let network = Network::from_export(&Export::open(path)?, &Options::default())?;
//!     let metrics = metrics::compute(&network)?;
//!     Ok((network, metrics))
//! };
//! let (old, old_metrics) = open("../../data-samples/2025")?;
//! let (new, new_metrics) = open("../../data-samples/2025-later")?;
//! let diff = Diff::between(&old, &old_metrics, &new, &new_metrics)?;
//! assert_eq!(diff.job_changes[0].name, "Maya Okonkwo-Reyes");
//! assert_eq!(diff.rekindled[0].name, "Jonas Lindqvist");
//! # Ok::<(), rekindle::Error>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::identity::{Owner, PersonId};
use crate::keys::{name_key, normalize_profile_url, profile_link};
use crate::metrics::Metrics;
use crate::network::Network;
use crate::redact::pseudonym;
use crate::reports::{self, RelationshipRow};
use crate::roles::{company_key, position_key};

/// Everything that changed between an older and a newer export of one owner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The older export.
    pub old: Side,
    /// The newer export.
    pub new: Side,
    /// How many rows each list has (before any limit a caller applies).
    pub counts: Counts,
    /// Connections whose company or position changed, deepest tie first.
    pub job_changes: Vec<JobChange>,
    /// Connections in the newer export only, newest first.
    pub new_connections: Vec<ConnectionChange>,
    /// Connections in the older export only, by name.
    pub removed_connections: Vec<ConnectionChange>,
    /// The same person under a changed profile link, by name.
    pub renamed_profiles: Vec<RenamedProfile>,
    /// Neglected in the older export, in touch in the newer one.
    pub rekindled: Vec<Rekindled>,
    /// Not neglected in the older export, neglected in the newer one.
    pub gone_cold: Vec<GoneCold>,
    /// People left out of every list because their name and connection date
    /// match several people on one side, so who is who cannot be told.
    pub ambiguous: usize,
}

/// One of the two exports: its date and its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The day the export was computed as of.
    pub as_of: NaiveDate,
    /// Who owns it.
    pub owner: DiffOwner,
}

/// The owner of an export, as a diff shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOwner {
    /// Their name, if known.
    pub name: Option<String>,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
}

/// The length of each list of a [`Diff`], keyed by the list's name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Length of [`Diff::job_changes`].
    pub job_changes: usize,
    /// Length of [`Diff::new_connections`].
    pub new_connections: usize,
    /// Length of [`Diff::removed_connections`].
    pub removed_connections: usize,
    /// Length of [`Diff::renamed_profiles`].
    pub renamed_profiles: usize,
    /// Length of [`Diff::rekindled`].
    pub rekindled: usize,
    /// Length of [`Diff::gone_cold`].
    pub gone_cold: usize,
}

/// What kind of job change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobChangeKind {
    /// A different company.
    NewCompany,
    /// A different position at the same company.
    NewRole,
}

/// A connection whose company or position changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobChange {
    /// Their name (in the newer export).
    pub name: String,
    /// Their profile link (in the newer export), if known.
    pub profile_url: Option<String>,
    /// New company or new role at the same company.
    pub kind: JobChangeKind,
    /// Company in the older export.
    pub old_company: Option<String>,
    /// Company in the newer export.
    pub new_company: Option<String>,
    /// Position in the older export.
    pub old_position: Option<String>,
    /// Position in the newer export.
    pub new_position: Option<String>,
    /// Depth of the tie (0–100) in the newer export.
    pub depth: f64,
    /// One line: "Head of Data → VP Data at Northwind Analytics".
    pub reason: String,
    #[serde(skip)]
    id: PersonId,
}

/// A connection present in one export only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConnectionChange {
    /// Their name.
    pub name: String,
    /// Their profile link, if known.
    pub profile_url: Option<String>,
    /// When you connected.
    pub connected_on: Option<NaiveDate>,
    /// Their company.
    pub company: Option<String>,
    /// Their position.
    pub position: Option<String>,
    /// One line: what they do and when you connected.
    pub reason: String,
    #[serde(skip)]
    id: PersonId,
    #[serde(skip)]
    in_new: bool,
}

/// The same person under a changed profile link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenamedProfile {
    /// Their name (in the newer export).
    pub name: String,
    /// Their profile link now (the same as `new_profile_url`).
    pub profile_url: Option<String>,
    /// The link in the older export.
    pub old_profile_url: Option<String>,
    /// The link in the newer export.
    pub new_profile_url: Option<String>,
    /// One line: old link → new link.
    pub reason: String,
    #[serde(skip)]
    id: PersonId,
}

/// A tie neglected in the older export and in touch in the newer one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rekindled {
    /// Their name (in the newer export).
    pub name: String,
    /// Their profile link (in the newer export), if known.
    pub profile_url: Option<String>,
    /// The last interaction, in the newer export.
    pub last_interaction: Option<NaiveDate>,
    /// Depth of the tie (0–100) in the newer export.
    pub depth: f64,
    /// How neglected the tie was in the older export (0–100).
    pub old_score: f64,
    /// One line: when it was neglected, and the interaction since.
    pub reason: String,
    #[serde(skip)]
    id: PersonId,
}

/// A tie not neglected in the older export and neglected in the newer one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoneCold {
    /// Their name (in the newer export).
    pub name: String,
    /// Their profile link (in the newer export), if known.
    pub profile_url: Option<String>,
    /// The last interaction, in the newer export.
    pub last_interaction: Option<NaiveDate>,
    /// Depth of the tie (0–100) in the newer export.
    pub depth: f64,
    /// How neglected the tie is in the newer export (0–100).
    pub score: f64,
    /// One line: why it is on the newer export's neglected list.
    pub reason: String,
    #[serde(skip)]
    id: PersonId,
}

/// The parts of a person the matching looks at.
struct Entry<'a> {
    id: PersonId,
    name: &'a str,
    url: Option<String>,
    is_connection: bool,
    connected_on: Option<NaiveDate>,
}

fn entries(network: &Network) -> Vec<Entry<'_>> {
    network
        .graph
        .node_weights()
        .enumerate()
        .filter(|(_, node)| !node.is_owner)
        .map(|(i, node)| Entry {
            id: PersonId(u32::try_from(i).unwrap_or(u32::MAX)),
            name: &node.name,
            url: node.profile_url.as_deref().and_then(normalize_profile_url),
            is_connection: node.is_connection,
            connected_on: node.connected_on,
        })
        .collect()
}

/// Who in the older export is who in the newer one.
#[derive(Default)]
struct Matching {
    old_to_new: HashMap<PersonId, PersonId>,
    new_to_old: HashMap<PersonId, PersonId>,
    /// People on either side left out because they could not be told apart.
    skipped_old: HashSet<PersonId>,
    skipped_new: HashSet<PersonId>,
}

impl Matching {
    fn pair(&mut self, old: PersonId, new: PersonId) {
        self.old_to_new.insert(old, new);
        self.new_to_old.insert(new, old);
    }

    /// Pairs the unmatched entries with equal keys, one on each side;
    /// several on either side are skipped, not guessed.
    fn by_key<K: std::hash::Hash + Eq>(
        &mut self,
        old: &[Entry<'_>],
        new: &[Entry<'_>],
        key: impl Fn(&Entry<'_>) -> Option<K>,
        skip_ambiguous: bool,
    ) {
        let group = |entries: &[Entry<'_>], matched: &HashMap<PersonId, PersonId>| {
            let mut groups: HashMap<K, Vec<PersonId>> = HashMap::new();
            for e in entries {
                if matched.contains_key(&e.id) {
                    continue;
                }
                if let Some(k) = key(e) {
                    groups.entry(k).or_default().push(e.id);
                }
            }
            groups
        };
        let old_groups = group(old, &self.old_to_new);
        let new_groups = group(new, &self.new_to_old);
        // Walk the older side in its own order, so the result is deterministic.
        let mut keys: Vec<(&K, &Vec<PersonId>)> = old_groups.iter().collect();
        keys.sort_by_key(|(_, ids)| ids[0]);
        for (k, old_ids) in keys {
            let Some(new_ids) = new_groups.get(k) else {
                continue;
            };
            match (old_ids.as_slice(), new_ids.as_slice()) {
                ([o], [n]) => self.pair(*o, *n),
                _ if skip_ambiguous => {
                    self.skipped_old.extend(old_ids);
                    self.skipped_new.extend(new_ids);
                }
                _ => {}
            }
        }
    }
}

fn match_people(old: &[Entry<'_>], new: &[Entry<'_>]) -> Matching {
    let mut m = Matching::default();
    // 1. The same normalised profile URL (unique on each side by construction).
    m.by_key(old, new, |e| e.url.clone(), false);
    // 2. Connections: the same name, connected on the same day.
    m.by_key(
        old,
        new,
        |e| {
            let day = e.connected_on.filter(|_| e.is_connection)?;
            Some((name_key(e.name), day))
        },
        true,
    );
    // 3. Others with no URL on either side: a name unique on both sides.
    m.by_key(
        old,
        new,
        |e| (!e.is_connection && e.url.is_none()).then(|| name_key(e.name)),
        false,
    );
    m
}

fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn known(text: &Option<Arc<str>>) -> Option<String> {
    text.as_deref().map(tidy).filter(|t| !t.is_empty())
}

/// "Head of Design at Tidewater Labs", "Tidewater Labs", "Head of Design".
fn role(position: &Option<Arc<str>>, company: &Option<Arc<str>>) -> String {
    match (known(position), known(company)) {
        (Some(p), Some(c)) => format!("{p} at {c}"),
        (Some(p), None) => p,
        (None, Some(c)) => c,
        (None, None) => "unknown role".to_string(),
    }
}

fn owner_row(owner: &Owner) -> DiffOwner {
    DiffOwner {
        name: owner.name.clone(),
        profile_url: owner.profile_url.as_deref().map(profile_link),
    }
}

fn owner_label(owner: &Owner) -> String {
    match (&owner.name, &owner.profile_url) {
        (Some(name), Some(url)) => format!("{name}, {}", profile_link(url)),
        (Some(name), None) => name.clone(),
        (None, Some(url)) => profile_link(url),
        (None, None) => "an unknown owner".to_string(),
    }
}

/// Two owners are the same when a key known for both (profile URL, name)
/// is equal; different when some key is known for both and none is equal.
/// Owners that cannot be compared at all are taken as the same.
fn check_owners(old: &Owner, new: &Owner) -> Result<()> {
    let urls = old.profile_url.as_ref().zip(new.profile_url.as_ref());
    let names = old
        .name
        .as_deref()
        .zip(new.name.as_deref())
        .map(|(a, b)| (name_key(a), name_key(b)));
    let same = urls.is_some_and(|(a, b)| a == b) || names.as_ref().is_some_and(|(a, b)| a == b);
    if !same && (urls.is_some() || names.is_some()) {
        return Err(Error::DifferentOwners {
            old: owner_label(old),
            new: owner_label(new),
        });
    }
    Ok(())
}

fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase().cmp(&b.to_lowercase())
}

impl JobChange {
    /// The person in the newer export.
    pub fn person(&self) -> PersonId {
        self.id
    }
}

impl Diff {
    /// What changed from `old` (the older export) to `new`.
    ///
    /// # Errors
    /// [`Error::DifferentOwners`] when the exports belong to different people.
    pub fn between(
        old_network: &Network,
        old_metrics: &Metrics,
        new_network: &Network,
        new_metrics: &Metrics,
    ) -> Result<Diff> {
        check_owners(&old_network.owner, &new_network.owner)?;
        let old_entries = entries(old_network);
        let new_entries = entries(new_network);
        let m = match_people(&old_entries, &new_entries);
        let old_node = |id: PersonId| old_network.node(id);
        let new_node = |id: PersonId| new_network.node(id);
        let new_depth = |id: PersonId| new_metrics.get(id).map_or(0.0, |r| r.depth);

        let new_urls: HashMap<PersonId, &String> = new_entries
            .iter()
            .filter_map(|e| Some((e.id, e.url.as_ref()?)))
            .collect();
        let mut job_changes = Vec::new();
        let mut renamed_profiles = Vec::new();
        for e in &old_entries {
            let Some(&new_id) = m.old_to_new.get(&e.id) else {
                continue;
            };
            let (o, n) = (old_node(e.id), new_node(new_id));
            let old_url = e.url.as_ref();
            let new_url = new_urls.get(&new_id).copied();
            if let (Some(a), Some(b)) = (old_url, new_url)
                && a != b
            {
                renamed_profiles.push(RenamedProfile {
                    name: n.name.to_string(),
                    profile_url: n.profile_url.as_deref().map(str::to_string),
                    old_profile_url: o.profile_url.as_deref().map(str::to_string),
                    new_profile_url: n.profile_url.as_deref().map(str::to_string),
                    reason: format!("{} → {}", profile_link(a), profile_link(b)),
                    id: new_id,
                });
            }
            if !(o.is_connection && n.is_connection) {
                continue;
            }
            let (oc, nc) = (
                o.company.as_deref().and_then(company_key),
                n.company.as_deref().and_then(company_key),
            );
            let (op, np) = (
                o.position.as_deref().and_then(position_key),
                n.position.as_deref().and_then(position_key),
            );
            let company_changed = oc.is_some() && nc.is_some() && oc != nc;
            let position_changed = op.is_some() && np.is_some() && op != np;
            let (kind, reason) = if company_changed {
                let from = role(&o.position, &o.company);
                let to = role(&n.position, &n.company);
                (JobChangeKind::NewCompany, format!("{from} → {to}"))
            } else if position_changed {
                let mut reason = format!(
                    "{} → {}",
                    known(&o.position).unwrap_or_default(),
                    known(&n.position).unwrap_or_default()
                );
                if let Some(company) = known(&n.company).or_else(|| known(&o.company)) {
                    reason += &format!(" at {company}");
                }
                (JobChangeKind::NewRole, reason)
            } else {
                continue;
            };
            job_changes.push(JobChange {
                name: n.name.to_string(),
                profile_url: n.profile_url.as_deref().map(str::to_string),
                kind,
                old_company: o.company.as_deref().map(str::to_string),
                new_company: n.company.as_deref().map(str::to_string),
                old_position: o.position.as_deref().map(str::to_string),
                new_position: n.position.as_deref().map(str::to_string),
                depth: new_depth(new_id),
                reason,
                id: new_id,
            });
        }
        job_changes.sort_by(|a, b| {
            b.depth
                .total_cmp(&a.depth)
                .then_with(|| name_order(&a.name, &b.name))
                .then(a.id.cmp(&b.id))
        });
        renamed_profiles.sort_by(|a, b| name_order(&a.name, &b.name).then(a.id.cmp(&b.id)));

        let connection_row = |network: &Network, id: PersonId, in_new: bool| {
            let node = network.node(id);
            let mut reason = match node.connected_on {
                Some(day) => format!("connected {day}"),
                None => "connection date unknown".to_string(),
            };
            if known(&node.position).is_some() || known(&node.company).is_some() {
                reason += &format!("; {}", role(&node.position, &node.company));
            }
            ConnectionChange {
                name: node.name.to_string(),
                profile_url: node.profile_url.as_deref().map(str::to_string),
                connected_on: node.connected_on,
                company: node.company.as_deref().map(str::to_string),
                position: node.position.as_deref().map(str::to_string),
                reason,
                id,
                in_new,
            }
        };
        let mut new_connections: Vec<ConnectionChange> = new_entries
            .iter()
            .filter(|e| e.is_connection && !m.skipped_new.contains(&e.id))
            .filter(|e| {
                m.new_to_old
                    .get(&e.id)
                    .is_none_or(|&o| !old_node(o).is_connection)
            })
            .map(|e| connection_row(new_network, e.id, true))
            .collect();
        new_connections.sort_by(|a, b| {
            b.connected_on
                .cmp(&a.connected_on)
                .then_with(|| name_order(&a.name, &b.name))
                .then(a.id.cmp(&b.id))
        });
        let mut removed_connections: Vec<ConnectionChange> = old_entries
            .iter()
            .filter(|e| e.is_connection && !m.skipped_old.contains(&e.id))
            .filter(|e| {
                m.old_to_new
                    .get(&e.id)
                    .is_none_or(|&n| !new_node(n).is_connection)
            })
            .map(|e| connection_row(old_network, e.id, false))
            .collect();
        removed_connections.sort_by(|a, b| name_order(&a.name, &b.name).then(a.id.cmp(&b.id)));

        let old_neglected = reports::neglected(old_network, old_metrics);
        let new_neglected = reports::neglected(new_network, new_metrics);
        let old_neglected_ids: HashSet<PersonId> = old_neglected.iter().map(|r| r.person).collect();
        let rekindled = old_neglected
            .iter()
            .filter_map(|r: &RelationshipRow| {
                let new_id = *m.old_to_new.get(&r.person)?;
                let now = new_metrics.get(new_id).filter(|x| x.in_touch)?;
                let mut reason = format!("neglected on {} (score {})", old_network.as_of, r.score);
                match now.last_interaction {
                    Some(day) => reason += &format!("; in touch again, last interaction {day}"),
                    None => reason += "; in touch again",
                }
                Some(Rekindled {
                    name: now.name.to_string(),
                    profile_url: now.profile_url.as_deref().map(str::to_string),
                    last_interaction: now.last_interaction,
                    depth: now.depth,
                    old_score: r.score,
                    reason,
                    id: new_id,
                })
            })
            .collect();
        let gone_cold = new_neglected
            .iter()
            .filter(|r| {
                m.new_to_old
                    .get(&r.person)
                    .is_some_and(|o| !old_neglected_ids.contains(o))
            })
            .map(|r| GoneCold {
                name: r.name.clone(),
                profile_url: r.profile_url.clone(),
                last_interaction: r.last_interaction,
                depth: r.depth,
                score: r.score,
                reason: r.reason.clone(),
                id: r.person,
            })
            .collect();

        let mut diff = Diff {
            old: Side {
                as_of: old_network.as_of,
                owner: owner_row(&old_network.owner),
            },
            new: Side {
                as_of: new_network.as_of,
                owner: owner_row(&new_network.owner),
            },
            counts: Counts::default(),
            job_changes,
            new_connections,
            removed_connections,
            renamed_profiles,
            rekindled,
            gone_cold,
            ambiguous: m.skipped_old.len() + m.skipped_new.len(),
        };
        diff.recount();
        Ok(diff)
    }

    /// [`Diff::between`] with the exports in either order: the one with the
    /// earlier as-of date is taken as the older. Also says whether the
    /// arguments were swapped (`b` is the older). Equal dates keep the order
    /// given.
    ///
    /// # Errors
    /// [`Error::DifferentOwners`] when the exports belong to different people.
    pub fn between_any_order(
        a_network: &Network,
        a_metrics: &Metrics,
        b_network: &Network,
        b_metrics: &Metrics,
    ) -> Result<(Diff, bool)> {
        if a_network.as_of > b_network.as_of {
            Ok((
                Diff::between(b_network, b_metrics, a_network, a_metrics)?,
                true,
            ))
        } else {
            Ok((
                Diff::between(a_network, a_metrics, b_network, b_metrics)?,
                false,
            ))
        }
    }

    /// Sets [`Diff::counts`] from the lists' lengths.
    fn recount(&mut self) {
        self.counts = Counts {
            job_changes: self.job_changes.len(),
            new_connections: self.new_connections.len(),
            removed_connections: self.removed_connections.len(),
            renamed_profiles: self.renamed_profiles.len(),
            rekindled: self.rekindled.len(),
            gone_cold: self.gone_cold.len(),
        };
    }

    /// Keeps at most `n` rows in each list; [`Diff::counts`] keeps the full
    /// lengths.
    pub fn truncate(&mut self, n: usize) {
        self.job_changes.truncate(n);
        self.new_connections.truncate(n);
        self.removed_connections.truncate(n);
        self.renamed_profiles.truncate(n);
        self.rekindled.truncate(n);
        self.gone_cold.truncate(n);
    }

    /// Replaces every name with a pseudonym and drops every profile link, so
    /// the diff can be shared.
    ///
    /// The two exports number people differently, so a pseudonym is taken
    /// from the **newer** export: `Person 17` here is `Person 17` in
    /// `rekindle neglected NEW --redact`. Removed connections are not in the
    /// newer export and are named by their place in the older one,
    /// `Old person 17`. The owner is `You`. Companies, positions, dates and
    /// scores are kept, as in [`crate::redact`]; the reasons of changed
    /// profile links, which are links, become "profile link changed".
    ///
    /// ```
    /// # use rekindle::{Export, Network, Options, metrics, diff::Diff};
    /// # let open = |path: &str| -> rekindle::Result<(Network, metrics::Metrics)> {
    /// #     let network = Network::from_export(&Export::open(path)?, &Options::default())?;
    /// #     let metrics = metrics::compute(&network)?;
    /// #     Ok((network, metrics))
    /// # };
    /// # let (old, old_metrics) = open("../../data-samples/2025")?;
    /// # let (new, new_metrics) = open("../../data-samples/2025-later")?;
    /// let mut diff = Diff::between(&old, &old_metrics, &new, &new_metrics)?;
    /// diff.redact();
    /// assert!(diff.job_changes[0].name.starts_with("Person "));
    /// assert!(diff.removed_connections[0].name.starts_with("Old person "));
    /// assert_eq!(diff.renamed_profiles[0].new_profile_url, None);
    /// # Ok::<(), rekindle::Error>(())
    /// ```
    pub fn redact(&mut self) {
        for side in [&mut self.old, &mut self.new] {
            if side.owner.name.is_some() {
                side.owner.name = Some(pseudonym(PersonId::OWNER));
            }
            side.owner.profile_url = None;
        }
        for r in &mut self.job_changes {
            r.name = pseudonym(r.id);
            r.profile_url = None;
        }
        for r in self
            .new_connections
            .iter_mut()
            .chain(self.removed_connections.iter_mut())
        {
            r.name = if r.in_new {
                pseudonym(r.id)
            } else {
                format!("Old person {}", r.id.0)
            };
            r.profile_url = None;
        }
        for r in &mut self.renamed_profiles {
            r.name = pseudonym(r.id);
            r.profile_url = None;
            r.old_profile_url = None;
            r.new_profile_url = None;
            r.reason = "profile link changed".to_string();
        }
        for r in &mut self.rekindled {
            r.name = pseudonym(r.id);
            r.profile_url = None;
        }
        for r in &mut self.gone_cold {
            r.name = pseudonym(r.id);
            r.profile_url = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Export, Options, metrics};

    fn open(era: &str) -> (Network, Metrics) {
        let path = format!("{}/../../data-samples/{era}", env!("CARGO_MANIFEST_DIR"));
        let export = Export::open(&path).expect("sample export");
        let network = Network::from_export(&export, &Options::default()).expect("network");
        let metrics = metrics::compute(&network).expect("metrics");
        (network, metrics)
    }

    fn names<T>(rows: &[T], name: impl Fn(&T) -> &str) -> Vec<&str> {
        rows.iter().map(name).collect()
    }

    fn node_named(network: &mut Network, name: &str) -> PersonId {
        let i = network
            .graph
            .node_weights()
            .position(|n| &*n.name == name && n.is_connection)
            .expect("a connection of that name");
        PersonId(i as u32)
    }

    #[test]
    fn the_sample_pair_lists_the_planted_changes() {
        let (old, old_m) = open("2025");
        let (new, new_m) = open("2025-later");
        let d = Diff::between(&old, &old_m, &new, &new_m).expect("one owner");
        assert_eq!(
            names(&d.job_changes, |r| &r.name),
            ["Maya Okonkwo-Reyes", "Jonas Lindqvist"]
        );
        assert_eq!(d.job_changes[0].kind, JobChangeKind::NewCompany);
        assert_eq!(d.job_changes[1].kind, JobChangeKind::NewRole);
        assert_eq!(
            d.job_changes[1].reason,
            "Engineering Manager → Director of Engineering at Brightline Logistics"
        );
        assert!(d.job_changes[0].depth >= d.job_changes[1].depth);
        assert_eq!(names(&d.new_connections, |r| &r.name), ["Lena Fischer"]);
        assert_eq!(names(&d.removed_connections, |r| &r.name), ["Rafael Costa"]);
        assert_eq!(names(&d.renamed_profiles, |r| &r.name), ["Hannah Schulz"]);
        assert_eq!(
            d.renamed_profiles[0].old_profile_url.as_deref(),
            Some("https://www.linkedin.com/in/hannah-schulz-c3e8f1")
        );
        assert_eq!(names(&d.rekindled, |r| &r.name), ["Jonas Lindqvist"]);
        assert_eq!(names(&d.gone_cold, |r| &r.name), ["Tomás Álvarez"]);
        assert_eq!(d.ambiguous, 0);
        assert_eq!(d.counts.job_changes, 2);
        assert_eq!(d.counts.gone_cold, 1);
    }

    #[test]
    fn a_diff_of_an_export_with_itself_is_empty() {
        let (net, m) = open("2025");
        let d = Diff::between(&net, &m, &net, &m).expect("one owner");
        assert_eq!(d.counts, Counts::default());
        assert_eq!(d.ambiguous, 0);
    }

    #[test]
    fn cosmetic_rewords_and_unknowns_are_not_job_changes() {
        let (old, old_m) = open("2025");
        let mut new = old.clone();
        let maya = node_named(&mut new, "Maya Okonkwo-Reyes");
        let jonas = node_named(&mut new, "Jonas Lindqvist");
        let kwame = node_named(&mut new, "Kwame Mensah");
        let priya = node_named(&mut new, "Priya Raman");
        new.graph[petgraph::graph::NodeIndex::new(maya.index())].company =
            Some("TIDEWATER LABS, LLC".into());
        new.graph[petgraph::graph::NodeIndex::new(jonas.index())].position =
            Some("Engineering Mgr.".into());
        // Unknown on one side: not a change.
        new.graph[petgraph::graph::NodeIndex::new(kwame.index())].company = Some("  ".into());
        new.graph[petgraph::graph::NodeIndex::new(priya.index())].position = None;
        let new_m = metrics::compute(&new).expect("metrics");
        let d = Diff::between(&old, &old_m, &new, &new_m).expect("one owner");
        assert!(d.job_changes.is_empty(), "{:?}", d.job_changes);

        // And a real change in the same place is one.
        new.graph[petgraph::graph::NodeIndex::new(jonas.index())].position =
            Some("Senior Engineering Manager".into());
        let d = Diff::between(&old, &old_m, &new, &new_m).expect("one owner");
        assert_eq!(names(&d.job_changes, |r| &r.name), ["Jonas Lindqvist"]);
        assert_eq!(d.job_changes[0].kind, JobChangeKind::NewRole);
    }

    #[test]
    fn different_owners_are_an_error_naming_both() {
        let (old, old_m) = open("2025");
        let mut new = old.clone();
        new.owner.name = Some("Robin Vale".into());
        new.owner.profile_url = Some("linkedin.com/in/robin-vale".into());
        let err = Diff::between(&old, &old_m, &new, &old_m).expect_err("two owners");
        let text = err.to_string();
        assert!(matches!(err, Error::DifferentOwners { .. }));
        assert!(
            text.contains("Avery Quinn") && text.contains("Robin Vale"),
            "{text}"
        );
        assert!(!text.contains('\n'));
    }

    #[test]
    fn one_owner_is_recognised_by_name_when_a_url_is_missing_or_changed() {
        let (old, old_m) = open("2025");
        let mut new = old.clone();
        new.owner.profile_url = None;
        assert!(Diff::between(&old, &old_m, &new, &old_m).is_ok());
        new.owner.profile_url = Some("linkedin.com/in/avery-quinn-new".into());
        assert!(Diff::between(&old, &old_m, &new, &old_m).is_ok());
    }

    #[test]
    fn any_order_finds_the_older_export() {
        let (old, old_m) = open("2025");
        let (new, new_m) = open("2025-later");
        let (d, swapped) = Diff::between_any_order(&new, &new_m, &old, &old_m).expect("ok");
        assert!(swapped);
        assert_eq!(d.old.as_of.to_string(), "2025-06-30");
        let (same, swapped) = Diff::between_any_order(&old, &old_m, &new, &new_m).expect("ok");
        assert!(!swapped);
        assert_eq!(same, d);
    }

    fn entry<'a>(id: u32, name: &'a str, url: Option<&str>, day: u32) -> Entry<'a> {
        Entry {
            id: PersonId(id),
            name,
            url: url.map(str::to_string),
            is_connection: true,
            connected_on: NaiveDate::from_ymd_opt(2024, 3, day),
        }
    }

    #[test]
    fn matching_by_url_then_name_and_date_never_guesses() {
        let old = [
            entry(1, "Sam Lee", None, 1),
            entry(2, "Sam Lee", None, 1),
            entry(3, "Ana Ruiz", Some("linkedin.com/in/ana-old"), 2),
            entry(4, "Ben Ode", Some("linkedin.com/in/ben"), 3),
            entry(5, "Cy Tran", None, 4),
        ];
        let new = [
            entry(1, "sam  lee", None, 1),
            entry(2, "Ana Ruiz", Some("linkedin.com/in/ana-new"), 2),
            entry(3, "Benjamin Ode", Some("linkedin.com/in/ben"), 9),
            entry(4, "Cy Tran", None, 5),
        ];
        let m = match_people(&old, &new);
        // The URL wins over a changed name and date.
        assert_eq!(m.old_to_new.get(&PersonId(4)), Some(&PersonId(3)));
        // A changed URL: the same name on the same day.
        assert_eq!(m.old_to_new.get(&PersonId(3)), Some(&PersonId(2)));
        // Two Sam Lees connected the same day: nobody is guessed.
        assert!(!m.old_to_new.contains_key(&PersonId(1)));
        assert!(!m.old_to_new.contains_key(&PersonId(2)));
        assert_eq!(m.skipped_old.len(), 2);
        assert!(m.skipped_new.contains(&PersonId(1)));
        // The same name on another day is someone else.
        assert!(!m.old_to_new.contains_key(&PersonId(5)));
    }
}
