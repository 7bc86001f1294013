//! [`IndexTable`]: the positions of items in a `Vec`, found by the key each
//! item carries.
//!
//! A `HashMap<K, u32>` beside a `Vec` of items that hold their key already
//! stores every key twice: for the message log's cells (a 12-byte key) its
//! slots were 17 bytes, 27 MB at a million messages. Here a slot is the
//! 4-byte position and hashbrown's control byte; the key is read from the
//! item.

use std::hash::{BuildHasher, Hash};

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// Positions of items by key (see the module docs).
#[derive(Debug, Clone, Default)]
pub(crate) struct IndexTable {
    table: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
}

impl IndexTable {
    /// The position of the item of `items` whose key (`key_of`) is `key`,
    /// or `None` after recording `items.len()` as its position: the caller
    /// pushes the new item there.
    pub fn find_or_insert<T, K: Hash + Eq>(
        &mut self,
        items: &[T],
        key_of: impl Fn(&T) -> K,
        key: &K,
    ) -> Option<u32> {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(key);
        let entry = self.table.entry(
            hash,
            |&i| key_of(&items[i as usize]) == *key,
            |&i| hasher.hash_one(key_of(&items[i as usize])),
        );
        match entry {
            Entry::Occupied(found) => Some(*found.get()),
            Entry::Vacant(vacant) => {
                vacant.insert(u32::try_from(items.len()).unwrap_or(u32::MAX));
                None
            }
        }
    }

    /// The position of the item of `items` whose key (`key_of`, borrowed
    /// from the item) is `key`.
    pub fn find<T, K: Hash + Eq + ?Sized>(
        &self,
        items: &[T],
        key_of: impl Fn(&T) -> &K,
        key: &K,
    ) -> Option<u32> {
        let hash = self.hasher.hash_one(key);
        self.table
            .find(hash, |&i| key_of(&items[i as usize]) == key)
            .copied()
    }

    /// Records `items[at]`, whose key (borrowed, as for [`IndexTable::find`])
    /// no recorded item has: the caller has looked it up.
    pub fn insert<T, K: Hash + Eq + ?Sized>(
        &mut self,
        items: &[T],
        key_of: impl Fn(&T) -> &K,
        at: u32,
    ) {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(key_of(&items[at as usize]));
        self.table
            .insert_unique(hash, at, |&j| hasher.hash_one(key_of(&items[j as usize])));
    }

    /// Makes room for `additional` more positions, so that recording them
    /// rehashes nothing (rehashing reads every recorded item's key again).
    pub fn reserve<T, K: Hash + Eq + ?Sized>(
        &mut self,
        additional: usize,
        items: &[T],
        key_of: impl Fn(&T) -> &K,
    ) {
        let hasher = &self.hasher;
        self.table
            .reserve(additional, |&j| hasher.hash_one(key_of(&items[j as usize])));
    }

    /// A table of every item of `items`, each key once.
    pub fn of<T, K: Hash + Eq>(items: &[T], key_of: impl Fn(&T) -> K) -> IndexTable {
        let mut index = IndexTable::default();
        let IndexTable { table, hasher } = &mut index;
        table.reserve(items.len(), |_| 0);
        for (i, item) in items.iter().enumerate() {
            let hash = hasher.hash_one(key_of(item));
            table.insert_unique(hash, i as u32, |&j| {
                hasher.hash_one(key_of(&items[j as usize]))
            });
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_recorded_across_growth() {
        let mut items: Vec<(u32, char)> = Vec::new();
        let mut index = IndexTable::default();
        for round in 0..2 {
            for n in 0..10_000u32 {
                let key = n % 5_000;
                match index.find_or_insert(&items, |item| item.0, &key) {
                    Some(at) => assert_eq!(items[at as usize].0, key),
                    None => {
                        assert_eq!((round, n < 5_000), (0, true), "{key} was new");
                        items.push((key, 'x'));
                    }
                }
            }
        }
        assert_eq!(items.len(), 5_000);
        let mut rebuilt = IndexTable::of(&items, |item| item.0);
        assert_eq!(
            rebuilt.find_or_insert(&items, |item| item.0, &4_321),
            Some(4_321)
        );
        assert_eq!(rebuilt.find_or_insert(&items, |item| item.0, &9_999), None);
    }

    #[test]
    fn finds_items_inserted_by_position() {
        let items: Vec<String> = (0..1_000).map(|n| format!("key-{n}")).collect();
        let mut index = IndexTable::default();
        index.insert(&items, |s| s.as_str(), 999);
        index.reserve(items.len(), &items, |s| s.as_str());
        let room = index.table.capacity();
        for at in (0..items.len() as u32 - 1).rev() {
            index.insert(&items, |s| s.as_str(), at);
        }
        for (at, item) in items.iter().enumerate() {
            assert_eq!(
                index.find(&items, |s| s.as_str(), item.as_str()),
                Some(at as u32)
            );
        }
        assert_eq!(index.find(&items, |s| s.as_str(), "key-1000"), None);
        assert_eq!(index.table.capacity(), room, "reserved room grew");
    }
}
