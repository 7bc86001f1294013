//! Who is who: one key per person, and who the owner is.
//!
//! A normalised profile URL is the best key. Exports before mid-2023 carry no
//! URL for connections, so people are also matched by name, carefully: a name
//! that could be two people is never guessed into one of them.

use std::borrow::Cow;
use std::sync::Arc;

use crate::error::Warning;
use crate::export::Export;
use crate::index_table::IndexTable;
use crate::keys::{LINKEDIN_MEMBER, name_key, url_list};
use crate::message_log::MessageHeader;
use crate::parse::Direction;
use crate::parse::connections::Connection;
// Keyed by names and URLs a stranger writes, looked up per person: foldhash
// (seeded per process); nothing iterates these maps in an order that shows.
use crate::strings::{FastMap as HashMap, FastSet as HashSet, Sym};
use crate::warnings::Warnings;

/// A person's index in [`People`]. The owner is always `PersonId(0)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct PersonId(pub u32);

impl PersonId {
    /// The owner of the export.
    pub const OWNER: PersonId = PersonId(0);

    /// As an index into a slice.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One person known to the export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    /// Their name as best known (shared with the graph's node and the
    /// metrics' row, not copied).
    pub name: Arc<str>,
    /// Their normalised profile URL key, if any file gives it.
    pub profile_url: Option<String>,
    /// What Connections.csv says of them, if they are a connection.
    pub connection: Option<Connected>,
}

/// A connection's row, as later stages keep it (names live in [`Person`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Connected {
    /// The line of the row in Connections.csv.
    pub line: u64,
    /// Their company at export time.
    pub company: Option<Arc<str>>,
    /// Their position at export time.
    pub position: Option<Arc<str>>,
    /// When you connected.
    pub connected_on: Option<chrono::NaiveDate>,
}

/// What a person keeps of a connection's row, moved out of an owned row
/// and copied from a borrowed one.
struct Texts {
    profile_url: Option<String>,
    connected: Connected,
}

impl Texts {
    fn of(connections: Cow<'_, [Connection]>) -> Box<dyn Iterator<Item = Texts> + '_> {
        fn texts(
            line: u64,
            profile_url: Option<String>,
            company: Option<Arc<str>>,
            position: Option<Arc<str>>,
            connected_on: Option<chrono::NaiveDate>,
        ) -> Texts {
            let connected = Connected {
                line,
                company,
                position,
                connected_on,
            };
            Texts {
                profile_url,
                connected,
            }
        }
        match connections {
            Cow::Owned(rows) => Box::new(
                rows.into_iter()
                    .map(|c| texts(c.line, c.profile_url, c.company, c.position, c.connected_on)),
            ),
            Cow::Borrowed(rows) => Box::new(rows.iter().map(|c| {
                let (url, company, position) = (&c.profile_url, &c.company, &c.position);
                texts(
                    c.line,
                    url.clone(),
                    company.clone(),
                    position.clone(),
                    c.connected_on,
                )
            })),
        }
    }
}

/// The owner of the export, as far as it can be told.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Owner {
    /// Their name (from `Profile.csv`, else inferred from messages).
    pub name: Option<String>,
    /// Their normalised profile URL key, if any file reveals it.
    pub profile_url: Option<String>,
}

/// What a name or URL in a file refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// The owner of the export.
    Owner,
    /// A person.
    Person(PersonId),
    /// Nobody rekindle can tell apart (`LinkedIn Member`, an empty name).
    Unknown,
}

/// Every person of an export, with one key each.
#[derive(Debug, Clone, Default)]
pub struct People {
    persons: Vec<Person>,
    /// Everyone with a profile URL, by it: the key is read from the person,
    /// not stored twice.
    by_url: IndexTable,
    by_name: HashMap<String, Named>,
    /// Name-only placeholders for names that match several people.
    ambiguous: HashMap<String, PersonId>,
    owner_name_key: Option<String>,
}

/// The people one name key belongs to: the first, and how many. A name is
/// only ever told to be one person or several, so the rest need no list.
#[derive(Debug, Clone, Copy)]
struct Named {
    first: PersonId,
    count: u32,
}

/// The URL key a person is found by in [`People`]'s URL index (only people
/// with one are in it).
fn url_key(person: &Person) -> &str {
    person.profile_url.as_deref().unwrap_or_default()
}

impl People {
    /// The person with profile URL key `url`, if anyone has it.
    fn by_url(&self, url: &str) -> Option<PersonId> {
        self.by_url.find(&self.persons, url_key, url).map(PersonId)
    }

    /// Records `id` under name key `key`.
    fn name(&mut self, key: String, id: PersonId) {
        self.by_name
            .entry(key)
            .and_modify(|n| n.count += 1)
            .or_insert(Named {
                first: id,
                count: 1,
            });
    }

    /// Renames everyone with `pseudonym` and forgets every URL and name
    /// index, so nothing of the real names is left (see [`crate::redact`]).
    pub(crate) fn redact(&mut self, pseudonym: impl Fn(PersonId) -> String) {
        for (i, person) in self.persons.iter_mut().enumerate() {
            person.name = pseudonym(PersonId(i as u32)).into();
            person.profile_url = None;
        }
        self.by_url = IndexTable::default();
        self.by_name.clear();
        self.ambiguous.clear();
        self.owner_name_key = None;
    }

    /// Starts the directory with the owner and every connection, giving
    /// URL-less connections the URL other files show for the same full name
    /// where exactly one URL and one connection carry that name. Rows that
    /// share a profile URL under different names are kept apart (the later
    /// one without the URL key), and a warning names the URL and lines.
    /// Connections made after `until` (an as-of date given) are left out.
    pub(crate) fn new(
        export: &Export,
        connections: Cow<'_, [Connection]>,
        owner: &Owner,
        until: Option<chrono::NaiveDate>,
        warnings: &mut Warnings,
    ) -> People {
        let mut people = People {
            owner_name_key: owner.name.as_deref().map(name_key),
            ..People::default()
        };
        people.push(Person {
            name: owner.name.as_deref().unwrap_or("(you)").into(),
            profile_url: owner.profile_url.clone(),
            connection: None,
        });
        people.index_url(PersonId::OWNER);
        // Only a connection without a URL asks which URL its name goes by,
        // and how many connections carry that name.
        let some_without_url = connections.iter().any(|c| c.profile_url.is_none());
        let urls_by_name = if some_without_url {
            urls_by_name(export)
        } else {
            HashMap::default()
        };
        // Each connection's name and key, made once; the name in a scratch
        // buffer, then shared in one allocation.
        let mut scratch = String::new();
        let named: Vec<(Arc<str>, String)> = connections
            .iter()
            .map(|c| {
                scratch.clear();
                crate::parse::push_full_name(&mut scratch, &c.first_name, &c.last_name);
                let name = Arc::<str>::from(scratch.as_str());
                let key = name_key(&name);
                (name, key)
            })
            .collect();
        let mut connections_by_name: HashMap<String, usize> = HashMap::default();
        if some_without_url {
            for (_, key) in &named {
                *connections_by_name.entry(key.clone()).or_default() += 1;
            }
        }
        people.persons.reserve_exact(named.len());
        people.by_name.reserve(named.len());
        people.by_url.reserve(named.len(), &people.persons, url_key);
        for (c, (name, key)) in Texts::of(connections).zip(named) {
            if crate::dated::after(c.connected.connected_on, until) {
                continue;
            }
            let url = c.profile_url.or_else(|| {
                let urls = urls_by_name.get(&key)?;
                let unique = urls.len() == 1 && connections_by_name.get(&key) == Some(&1);
                unique.then(|| urls[0].clone())
            });
            if let Some(url) = &url
                && let Some(id) = people.by_url(url)
            {
                let first = &people.persons[id.index()];
                if name_key(&first.name) == key {
                    // The same profile listed twice: one person, said so.
                    if let Some(l) = first.connection.as_ref().map(|f| f.line) {
                        let message = format!(
                            "this row repeats line {l} (same name and profile URL): counted as one person"
                        );
                        let line = Some(c.connected.line);
                        warnings.push(Warning::new("Connections.csv", line, message));
                    }
                    people.persons[id.index()]
                        .connection
                        .get_or_insert(c.connected);
                    continue;
                }
                // One URL, two names: never merged silently.
                let first_line = first.connection.as_ref().map(|f| f.line);
                // Names and URL go in the value, which redaction drops.
                let message = format!(
                    "this row and {} share a profile URL under different names; kept apart as two people",
                    first_line.map_or("the owner".to_string(), |l| format!("line {l}")),
                );
                let value = format!("{url}: {} / {name}", first.name);
                warnings.push(
                    Warning::new("Connections.csv", Some(c.connected.line), message)
                        .with_value(value),
                );
                let id = people.push(Person {
                    name,
                    profile_url: None,
                    connection: Some(c.connected),
                });
                people.name(key, id);
                continue;
            }
            people.add_keyed(name, key, url, Some(c.connected));
        }
        people
    }

    fn add(
        &mut self,
        name: Arc<str>,
        profile_url: Option<String>,
        connection: Option<Connected>,
    ) -> PersonId {
        let key = name_key(&name);
        self.add_keyed(name, key, profile_url, connection)
    }

    /// [`People::add`] with the name's key made already.
    fn add_keyed(
        &mut self,
        name: Arc<str>,
        key: String,
        profile_url: Option<String>,
        connection: Option<Connected>,
    ) -> PersonId {
        let id = self.push(Person {
            name,
            profile_url,
            connection,
        });
        self.name(key, id);
        self.index_url(id);
        id
    }

    /// Adds a person; their id. Past the connections, the people that
    /// messages and other files add are mostly few: room grows by an eighth,
    /// not doubled, so that 30,000 connections do not leave room for 30,000
    /// more unused (3 MB).
    fn push(&mut self, person: Person) -> PersonId {
        let len = self.persons.len();
        if len == self.persons.capacity() {
            self.persons.reserve_exact((len / 8).max(16));
        }
        self.persons.push(person);
        PersonId(u32::try_from(len).unwrap_or(u32::MAX))
    }

    /// Adds person `id`'s URL, if any, to the URL index. Callers look it up
    /// first: a URL is never indexed twice.
    fn index_url(&mut self, id: PersonId) {
        if self.persons[id.index()].profile_url.is_some() {
            self.by_url.insert(&self.persons, url_key, id.0);
        }
    }

    /// Finds, or adds, the person a name and optional URL key refer to.
    /// A name shared by several people with no URL to tell them apart becomes
    /// one name-only entry of its own, and a warning says so.
    pub(crate) fn resolve(
        &mut self,
        name: &str,
        url: Option<&str>,
        warnings: &mut Warnings,
        file: &str,
    ) -> Who {
        let name = name.trim();
        if let Some(url) = url {
            if let Some(id) = self.by_url(url) {
                return if id == PersonId::OWNER {
                    Who::Owner
                } else {
                    Who::Person(id)
                };
            }
            let display = if name.is_empty() || name == LINKEDIN_MEMBER {
                slug_name(url)
            } else {
                name.to_string()
            };
            return Who::Person(self.add(display.into(), Some(url.to_string()), None));
        }
        if name.is_empty() || name == LINKEDIN_MEMBER {
            return Who::Unknown;
        }
        let key = name_key(name);
        if self.owner_name_key.as_deref() == Some(key.as_str()) {
            return Who::Owner;
        }
        if let Some(&id) = self.ambiguous.get(&key) {
            return Who::Person(id);
        }
        match self.by_name.get(&key).copied() {
            None => Who::Person(self.add(name.into(), None, None)),
            Some(Named { first, count: 1 }) => Who::Person(first),
            Some(Named { count, .. }) => {
                warnings.push(Warning::new(
                    file,
                    None,
                    format!(
                        "{count} people are named this and no profile URL tells which one is meant; kept apart as a separate person"
                    ),
                )
                .with_value(name));
                let id = self.push(Person {
                    name: name.into(),
                    profile_url: None,
                    connection: None,
                });
                self.ambiguous.insert(key, id);
                Who::Person(id)
            }
        }
    }

    /// Whether a name key belongs to anybody known.
    pub fn is_known_name(&self, key: &str) -> bool {
        self.by_name.contains_key(key) || self.owner_name_key.as_deref() == Some(key)
    }

    /// The person behind an id.
    pub fn get(&self, id: PersonId) -> &Person {
        &self.persons[id.index()]
    }

    /// Every person, the owner first.
    pub fn iter(&self) -> impl Iterator<Item = (PersonId, &Person)> {
        self.persons
            .iter()
            .enumerate()
            .map(|(i, p)| (PersonId(i as u32), p))
    }

    /// How many people, the owner included.
    pub fn len(&self) -> usize {
        self.persons.len()
    }

    /// Whether there is nobody, not even an owner (never true once built).
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty()
    }
}

/// `linkedin.com/in/sam-lee-12ab` → `sam-lee-12ab`: a label for a URL with no name.
fn slug_name(url: &str) -> String {
    url.rsplit('/').next().unwrap_or(url).to_string()
}

/// Every URL seen beside a name anywhere in the export, by name key.
fn urls_by_name(export: &Export) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::default();
    let mut seen: HashSet<(String, String)> = HashSet::default();
    let mut add = |name: &str, url: &str| {
        if name.is_empty() || name == LINKEDIN_MEMBER || url.is_empty() {
            return;
        }
        let key = name_key(name);
        // A set, not a scan of the list: one name may carry thousands of URLs.
        if seen.insert((key.clone(), url.to_string())) {
            map.entry(key).or_default().push(url.to_string());
        }
    };
    let strings = &export.strings;
    // Distinct pairs first: a million rows hold a few thousand of them, so
    // the recipient cell is inspected once per distinct value, not per row.
    let mut senders: HashSet<(Sym, Sym)> = HashSet::default();
    let mut recipients: HashSet<(Sym, Sym)> = HashSet::default();
    for h in export.messages.headers() {
        senders.insert((h.from, h.sender_url));
        recipients.insert((h.to, h.recipient_urls));
    }
    let one_recipient = |&(to, urls): &(Sym, Sym)| {
        !strings.get(to).contains(", ") && url_list(strings, urls).count() == 1
    };
    let mut pairs: Vec<(Sym, Sym)> = senders
        .into_iter()
        .chain(recipients.into_iter().filter(one_recipient))
        .collect();
    pairs.sort_unstable();
    for (name, url) in pairs {
        add(strings.get(name), strings.get(url));
    }
    for e in export
        .endorsements_received
        .iter()
        .chain(&export.endorsements_given)
    {
        if let Some(url) = &e.profile_url {
            add(&e.name, url);
        }
    }
    for i in &export.invitations {
        if let Some(url) = &i.inviter_url {
            add(&i.from, url);
        }
        if let Some(url) = &i.invitee_url {
            add(&i.to, url);
        }
    }
    map
}

/// Tells who owns the export: the name from `Profile.csv`; the URL from
/// invitations (inviter of outgoing, invitee of incoming), else from the
/// messages sent or received under that name; with messages alone, the
/// participant of (nearly) every conversation.
pub fn detect_owner(export: &Export, warnings: &mut Warnings) -> Owner {
    let strings = &export.strings;
    let text = |sym: Sym| strings.opt(sym).map(str::to_string);
    // A tie is never decided silently: the owner stays unknown on that
    // point, and a warning names both.
    let ties = std::cell::RefCell::new(Vec::new());
    let tie = |what: &str, a: &str, b: &str| {
        // The two go in the value, which redaction drops.
        let message = format!(
            "the owner is ambiguous: two are equally likely by {what}, and nothing else tells; \
             add Profile.csv to the input to decide"
        );
        let warning = Warning::new("messages.csv", None, message).with_value(format!("{a} / {b}"));
        ties.borrow_mut().push(warning);
    };
    let mut name = export.profile.as_ref().map(|p| p.full_name());
    let mut url = match majority(export.invitations.iter().filter_map(|i| match i.direction {
        Direction::Outgoing => i.inviter_url.clone(),
        Direction::Incoming => i.invitee_url.clone(),
    })) {
        Ok(url) => url,
        Err((a, b)) => {
            tie("their invitations", &a, &b);
            None
        }
    };
    let sym_tie = |what: &str, found: Result<Option<Sym>, (Sym, Sym)>| match found {
        Ok(sym) => sym.and_then(text),
        Err((a, b)) => {
            tie(what, strings.get(a), strings.get(b));
            None
        }
    };
    if name.is_none() {
        // 2020 exports say which messages were sent.
        name = sym_tie(
            "the messages marked sent",
            majority_sym(
                rows_of(export)
                    .filter(|(h, _)| h.direction == Some(Direction::Outgoing))
                    .map(|(h, n)| (h.from, n)),
            ),
        );
    }
    if url.is_none()
        && let Some(name) = &name
    {
        let key = name_key(name);
        let is_owner = cached(|sym: Sym| name_key(strings.get(sym)) == key);
        url = sym_tie(
            "the URLs of the messages they sent",
            majority_sym(
                rows_of(export)
                    .filter(|(h, _)| is_owner(h.from))
                    .map(|(h, n)| (h.sender_url, n)),
            ),
        );
        if url.is_none() {
            // An owner who only ever received: their URL where they are the one recipient.
            url = sym_tie(
                "the URLs of the messages they received",
                majority_sym(
                    rows_of(export)
                        .filter(|(h, _)| {
                            is_owner(h.to) && url_list(strings, h.recipient_urls).count() == 1
                        })
                        .map(|(h, n)| (h.recipient_urls, n)),
                ),
            );
        }
    }
    let mut undecided = false;
    if name.is_none() && url.is_none() {
        match most_present_participant(export) {
            Ok(found) => (name, url) = found,
            Err((a, b)) => {
                undecided = true;
                tie("the conversations they are in", &a, &b);
            }
        }
    }
    if name.is_none()
        && !undecided
        && let Some(url) = &url
    {
        let url = strings.find(url).unwrap_or(Sym::EMPTY);
        name = sym_tie(
            "the names on the messages from their URL",
            majority_sym(
                rows_of(export)
                    .filter(|(h, _)| !url.is_empty() && h.sender_url == url)
                    .map(|(h, n)| (h.from, n)),
            ),
        );
    }
    warnings.extend(ties.take());
    Owner {
        name,
        profile_url: url,
    }
}

/// Each distinct message header with how many rows carried it.
fn rows_of(export: &Export) -> impl Iterator<Item = (&MessageHeader, u64)> {
    let log = &export.messages;
    (0..)
        .zip(log.headers())
        .map(|(i, h)| (h, log.header_rows(i)))
}

/// Memoises a predicate on symbols (names repeat on every row).
fn cached(f: impl Fn(Sym) -> bool) -> impl Fn(Sym) -> bool {
    let memo = std::cell::RefCell::new(HashMap::default());
    move |sym| *memo.borrow_mut().entry(sym).or_insert_with(|| f(sym))
}

/// The participant present in the most conversations: the owner of a
/// `messages.csv` given alone.
/// `Err` names two participants equally present when nothing else decides.
type Found = (Option<String>, Option<String>);
fn most_present_participant(export: &Export) -> Result<Found, (String, String)> {
    let strings = &export.strings;
    // Sets: a conversation may have thousands of participants.
    let mut by_conversation: HashMap<Sym, HashSet<(bool, &str)>> = HashMap::default();
    fn push<'s>(keys: &mut HashSet<(bool, &'s str)>, k: (bool, &'s str)) {
        keys.insert(k);
    }
    for m in export.messages.headers() {
        if m.conversation_id.is_empty() {
            continue;
        }
        let keys = by_conversation.entry(m.conversation_id).or_default();
        let from = strings.get(m.from);
        match strings.opt(m.sender_url) {
            Some(url) => push(keys, (true, url)),
            None if !from.is_empty() && from != LINKEDIN_MEMBER => push(keys, (false, from)),
            None => {}
        }
        let to = strings.get(m.to);
        if m.recipient_urls.is_empty() {
            if !to.contains(", ") && !to.is_empty() {
                push(keys, (false, to));
            }
        } else {
            for url in url_list(strings, m.recipient_urls) {
                push(keys, (true, url));
            }
        }
    }
    let mut counts: HashMap<(bool, &str), usize> = HashMap::default();
    for keys in by_conversation.values() {
        for k in keys {
            *counts.entry(*k).or_default() += 1;
        }
    }
    match top(counts) {
        Ok(Some((true, url))) => Ok((None, Some(url.to_string()))),
        Ok(Some((false, name))) => Ok((Some(name.to_string()), None)),
        Ok(None) => Ok((None, None)),
        Err((a, b)) => Err((a.1.to_string(), b.1.to_string())),
    }
}

/// The most frequent value: `Ok(None)` for no value, `Err` with the two
/// smallest of the values tied for most frequent (nothing else decides).
fn top<T: Ord + Clone, N: Ord + Copy>(counts: HashMap<T, N>) -> Result<Option<T>, (T, T)> {
    let Some(best) = counts.values().copied().max() else {
        return Ok(None);
    };
    let mut tied: Vec<T> = counts
        .into_iter()
        .filter(|(_, n)| *n == best)
        .map(|(v, _)| v)
        .collect();
    tied.sort();
    let mut tied = tied.into_iter();
    match (tied.next(), tied.next()) {
        (Some(a), Some(b)) => Err((a, b)),
        (one, _) => Ok(one),
    }
}

/// The most frequent non-empty symbol, each given with how many rows carry
/// it; `Err` with two of them on a tie.
fn majority_sym(values: impl Iterator<Item = (Sym, u64)>) -> Result<Option<Sym>, (Sym, Sym)> {
    let mut counts: HashMap<Sym, u64> = HashMap::default();
    for (v, n) in values.filter(|(v, _)| !v.is_empty()) {
        *counts.entry(v).or_default() += n;
    }
    top(counts)
}

/// The most frequent value; `Err` with two of them on a tie.
fn majority(values: impl Iterator<Item = String>) -> Result<Option<String>, (String, String)> {
    let mut counts: HashMap<String, usize> = HashMap::default();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    top(counts)
}
