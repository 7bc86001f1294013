//! What a ledger changes for the people of one export.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Ledger, Touch};
use crate::error::Warning;
use crate::identity::{People, PersonId};
use crate::keys::name_key;

/// What the ledger says of one person of the export, as the metrics use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonEffect {
    /// The ledger key the person matched.
    pub key: String,
    /// The latest touch on or before today, if any.
    pub last_touch: Option<Touch>,
    /// The cadence the user wants, in days.
    pub cadence_days: Option<u32>,
    /// Snoozed until this day, while today is before it.
    pub snoozed_until: Option<NaiveDate>,
    /// Never to be suggested.
    pub ignored: bool,
}

/// A ledger applied to the people of one network, for
/// [`crate::metrics::compute_with`].
///
/// A person matches an entry by their normalised profile URL; where the
/// export has no URL for them (older eras), by name — provided the name is
/// one person's alone in the export and one entry's alone in the ledger, and
/// the entry's URL (if it has one) is nobody else's here. A name that could
/// mean several is left unmatched with a warning, never guessed.
#[derive(Debug, Clone, Default)]
pub struct Effects {
    by_person: HashMap<PersonId, PersonEffect>,
    warnings: Vec<Warning>,
}

impl Effects {
    /// No ledger: the metrics as the export alone gives them.
    pub fn none() -> Effects {
        Effects::default()
    }

    /// Matches the ledger's entries to `people` as of `today` (the caller's
    /// clock: the library has none). Touches after today are not counted;
    /// a snooze that ended on or before today no longer applies.
    ///
    /// ```
    /// use rekindle::ledger::{Effects, Ledger};
    /// let export = rekindle::Export::open("../../data-samples/2026")?;
    /// let network = rekindle::Network::from_export(&export, &Default::default())?;
    /// let ledger = Ledger::parse(
    ///     "version = 1\n[people.\"maya okonkwo-reyes\"]\nname = \"Maya Okonkwo-Reyes\"\nignored = true\n",
    ///     "ledger.toml",
    /// )?;
    /// let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let effects = Effects::new(&ledger, &network.people, today);
    /// assert_eq!(effects.len(), 1);
    /// # Ok::<(), rekindle::Error>(())
    /// ```
    pub fn new(ledger: &Ledger, people: &People, today: NaiveDate) -> Effects {
        let entries = ledger.entries();
        let mut by_key: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_key.insert(e.key.as_str(), i);
            by_name.entry(name_key(&e.name)).or_default().push(i);
        }
        let mut people_by_name: HashMap<String, u32> = HashMap::new();
        let mut urls: HashSet<&str> = HashSet::new();
        for (_, p) in people.iter().skip(1) {
            *people_by_name.entry(name_key(&p.name)).or_default() += 1;
            if let Some(u) = &p.profile_url {
                urls.insert(u);
            }
        }
        let mut effects = Effects::default();
        for (id, p) in people.iter().skip(1) {
            let by_url = p
                .profile_url
                .as_deref()
                .and_then(|u| by_key.get(u))
                .copied();
            let found = by_url.or_else(|| {
                let key = name_key(&p.name);
                let candidates: Vec<usize> = by_name
                    .get(&key)
                    .into_iter()
                    .flatten()
                    .copied()
                    // An entry keyed by a URL someone here has is theirs.
                    .filter(|&i| {
                        let k = entries[i].key.as_str();
                        k == key || (p.profile_url.is_none() && !urls.contains(k))
                    })
                    .collect();
                if candidates.is_empty() {
                    return None;
                }
                let alone = people_by_name.get(&key) == Some(&1) && candidates.len() == 1;
                if !alone {
                    effects.warnings.push(
                        Warning::new(
                            &ledger.path().display().to_string(),
                            None,
                            "a ledger entry's name matches more than one person (or several entries match one) and no profile URL tells which; not applied",
                        )
                        .with_value(&*p.name),
                    );
                    return None;
                }
                Some(candidates[0])
            });
            let Some(i) = found else { continue };
            let e = &entries[i];
            let last_touch = e
                .touches
                .iter()
                .filter(|t| t.on <= today)
                .fold(None, |best: Option<&Touch>, t| match best {
                    Some(b) if b.on >= t.on => Some(b),
                    _ => Some(t),
                })
                .cloned();
            let effect = PersonEffect {
                key: e.key.clone(),
                last_touch,
                cadence_days: e.cadence_days,
                snoozed_until: e.snoozed_until.filter(|&until| today < until),
                ignored: e.ignored,
            };
            effects.by_person.insert(id, effect);
        }
        effects
    }

    /// What applies to one person, if anything.
    pub fn get(&self, id: PersonId) -> Option<&PersonEffect> {
        self.by_person.get(&id)
    }

    /// How many people of the export an entry applies to.
    pub fn len(&self) -> usize {
        self.by_person.len()
    }

    /// Whether no entry applies to anybody.
    pub fn is_empty(&self) -> bool {
        self.by_person.is_empty()
    }

    /// Entries that could not be applied, and why.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Every person something applies to, with what.
    pub fn iter(&self) -> impl Iterator<Item = (PersonId, &PersonEffect)> {
        self.by_person.iter().map(|(id, e)| (*id, e))
    }
}
