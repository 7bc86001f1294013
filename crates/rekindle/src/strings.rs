//! [`Strings`]: each distinct text of the large files stored once.
//!
//! messages.csv repeats the same names, URLs and conversation ids on every
//! row; a million messages hold only tens of thousands of distinct values.
//! Records keep a 4-byte [`Sym`] instead of a `String`.

use std::collections::HashMap;

/// A `HashMap` with foldhash, for maps hit once per row: several times
/// faster than SipHash, and seeded per process.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with foldhash (see [`FastMap`]).
pub(crate) type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// A text interned in [`Strings`]. `Sym::EMPTY` is the empty text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Sym(pub u32);

impl Sym {
    /// The empty text: an absent value.
    pub const EMPTY: Sym = Sym(0);

    /// Whether this is the empty text.
    pub fn is_empty(self) -> bool {
        self == Sym::EMPTY
    }
}

/// The distinct texts of an export.
#[derive(Debug, Clone)]
pub struct Strings {
    texts: Vec<Box<str>>,
    ids: FastMap<Box<str>, Sym>,
}

impl Default for Strings {
    fn default() -> Self {
        let mut strings = Strings {
            texts: Vec::new(),
            ids: FastMap::default(),
        };
        strings.texts.push("".into());
        strings.ids.insert("".into(), Sym::EMPTY);
        strings
    }
}

impl Strings {
    /// The symbol of `text`, adding it if new.
    ///
    /// ```
    /// let mut s = rekindle::Strings::default();
    /// let a = s.intern("Avery Quinn");
    /// assert_eq!(s.intern("Avery Quinn"), a);
    /// assert_eq!(s.get(a), "Avery Quinn");
    /// assert!(s.intern("").is_empty());
    /// ```
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(&sym) = self.ids.get(text) {
            return sym;
        }
        let sym = Sym(u32::try_from(self.texts.len()).unwrap_or(u32::MAX));
        self.texts.push(text.into());
        self.ids.insert(text.into(), sym);
        sym
    }

    /// The symbol of `text` if it was interned.
    pub fn find(&self, text: &str) -> Option<Sym> {
        self.ids.get(text).copied()
    }

    /// The text of a symbol.
    pub fn get(&self, sym: Sym) -> &str {
        self.texts.get(sym.0 as usize).map_or("", |t| t)
    }

    /// The text of a symbol, `None` for the empty text.
    pub fn opt(&self, sym: Sym) -> Option<&str> {
        (!sym.is_empty()).then(|| self.get(sym))
    }

    /// How many distinct texts (the empty one included).
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether only the empty text is stored.
    pub fn is_empty(&self) -> bool {
        self.texts.len() <= 1
    }
}
