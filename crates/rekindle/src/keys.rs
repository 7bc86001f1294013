//! The text keys people are matched by: normalised profile URLs and names.
//!
//! A leaf below every parser: it knows nothing of files, people or graphs.

use crate::strings::{Strings, Sym};

/// Normalises a LinkedIn profile URL into a key: lowercase, no scheme, no
/// `www.` or country subdomain, no query, fragment or trailing slash, and
/// percent-encoding decoded. `None` for text that is not a profile URL,
/// and for one holding whitespace (a list of URLs is not one URL).
///
/// ```
/// use rekindle::normalize_profile_url;
/// assert_eq!(
///     normalize_profile_url("https://www.linkedin.com/in/Zo%C3%AB-Brennan/?trk=abc").as_deref(),
///     Some("linkedin.com/in/zoë-brennan")
/// );
/// assert_eq!(normalize_profile_url("www.linkedin.com/in/sam-lee").as_deref(), Some("linkedin.com/in/sam-lee"));
/// assert_eq!(normalize_profile_url(""), None);
/// assert_eq!(normalize_profile_url("linkedin.com/in/a linkedin.com/in/b"), None);
/// ```
pub fn normalize_profile_url(url: &str) -> Option<String> {
    let mut s = url.trim();
    if s.is_empty() {
        return None;
    }
    for scheme in ["https://", "http://"] {
        // Compared as bytes: slicing text could cut a multi-byte character.
        if s.as_bytes()
            .get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
        {
            s = &s[scheme.len()..];
        }
    }
    // Bytes: `?` and `#` never occur inside a multi-byte character.
    let s = &s[..memchr::memchr2(b'?', b'#', s.as_bytes()).unwrap_or(s.len())];
    let s = s.trim_end_matches('/');
    if s.is_ascii() && !s.contains('%') {
        return ascii_profile_url(s);
    }
    decoded_profile_url(s)
}

/// [`normalize_profile_url`] from the point where scheme, query and trailing
/// slashes are gone, for any text.
fn decoded_profile_url(s: &str) -> Option<String> {
    let decoded = percent_decode(s).to_lowercase();
    let (host, path) = decoded.split_once('/')?;
    let host = if host == "linkedin.com" || host.ends_with(".linkedin.com") {
        "linkedin.com"
    } else {
        host
    };
    if path.is_empty() || host.is_empty() || decoded.contains(char::is_whitespace) {
        return None;
    }
    // Not `format!`: this runs for every connection whose name is not ASCII.
    Some([host, path].join("/"))
}

/// [`normalize_profile_url`] of ASCII text without percent-escapes (nearly
/// every URL), from the point where scheme, query and trailing slashes are
/// gone: one allocation instead of four.
fn ascii_profile_url(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let slash = memchr::memchr(b'/', bytes)?;
    let (host, path) = (&bytes[..slash], &bytes[slash + 1..]);
    // ASCII's whitespace as `char::is_whitespace` has it (tab to CR, space).
    if path.is_empty()
        || host.is_empty()
        || bytes.iter().any(|&b| matches!(b, b'\t'..=b'\r' | b' '))
    {
        return None;
    }
    const LINKEDIN: &[u8] = b"linkedin.com";
    let linkedin = host.len() >= LINKEDIN.len()
        && host[host.len() - LINKEDIN.len()..].eq_ignore_ascii_case(LINKEDIN)
        && (host.len() == LINKEDIN.len() || host[host.len() - LINKEDIN.len() - 1] == b'.');
    let mut key = Vec::with_capacity(s.len());
    key.extend_from_slice(if linkedin { LINKEDIN } else { host });
    key.push(b'/');
    key.extend_from_slice(path);
    key.make_ascii_lowercase();
    String::from_utf8(key).ok()
}

/// The clickable form of a normalised profile URL key.
pub fn profile_link(key: &str) -> String {
    let mut link = String::new();
    push_profile_link(&mut link, key);
    link
}

/// [`profile_link`], written at the end of `out` (not `format!`: this runs
/// for every person of the graph).
pub(crate) fn push_profile_link(out: &mut String, key: &str) {
    let scheme = if key.starts_with("linkedin.com/") {
        "https://www."
    } else {
        "https://"
    };
    out.reserve(scheme.len() + key.len());
    out.push_str(scheme);
    out.push_str(key);
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Splits a `RECIPIENT PROFILE URLS` cell into keys: URLs separated by `,`,
/// `;` or any whitespace (one generator writes `url1 url2`).
pub fn split_profile_urls(cell: &str) -> Vec<String> {
    cell.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter_map(normalize_profile_url)
        .collect()
}

/// The key names are compared by: lowercase, single spaces, trimmed.
pub fn name_key(name: &str) -> String {
    if name.is_ascii() {
        // Nearly every name: one pass over its bytes, one allocation.
        let mut key = Vec::with_capacity(name.len());
        let mut gap = false;
        for &b in name.as_bytes() {
            if char::from(b).is_whitespace() {
                gap = !key.is_empty();
                continue;
            }
            if gap {
                key.push(b' ');
                gap = false;
            }
            key.push(b.to_ascii_lowercase());
        }
        return String::from_utf8(key).unwrap_or_else(|_| any_name_key(name));
    }
    any_name_key(name)
}

/// [`name_key`] of any text.
fn any_name_key(name: &str) -> String {
    // The words joined by single spaces, then lowercased as a whole (a
    // final sigma depends on where its word ends): two allocations.
    let mut spaced = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    spaced.to_lowercase()
}

/// Splits a `TO` cell of names joined by `", "` into names, joining pieces
/// back together wherever they form a name known elsewhere (`Jane Doe, Ph.D.`).
///
/// ```
/// use rekindle::split_names;
/// let known = |n: &str| n == "jane doe, ph.d.";
/// assert_eq!(split_names("Priya Raman, Jane Doe, Ph.D., Tomás Álvarez", known),
///            ["Priya Raman", "Jane Doe, Ph.D.", "Tomás Álvarez"]);
/// ```
pub fn split_names(cell: &str, is_known: impl Fn(&str) -> bool) -> Vec<String> {
    // One known name spans at most this many `", "`-pieces (`Jane Doe, Ph.D.,
    // MBA, CFA` is four): trying longer joins would make the split cubic in
    // the cell's length, and a TO cell may name thousands of people.
    const MAX_PIECES: usize = 8;
    let parts: Vec<&str> = cell.split(", ").map(str::trim).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let mut taken = 1;
        for j in (i + 2..=parts.len().min(i + MAX_PIECES)).rev() {
            if is_known(&name_key(&parts[i..j].join(", "))) {
                taken = j - i;
                break;
            }
        }
        let name = parts[i..i + taken].join(", ");
        if !name.is_empty() {
            out.push(name);
        }
        i += taken;
    }
    out
}

/// The sender name LinkedIn uses for closed or private accounts.
pub const LINKEDIN_MEMBER: &str = "LinkedIn Member";

/// The URLs of a [`Message::recipient_urls`]-style symbol: normalised URLs
/// joined by `,`.
pub fn url_list(strings: &Strings, urls: Sym) -> impl Iterator<Item = &str> {
    strings.get(urls).split(',').filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_normalise_to_one_key() {
        let key = Some("linkedin.com/in/ines-okafor-3b2a91".to_string());
        for u in [
            "https://www.linkedin.com/in/ines-okafor-3b2a91",
            "http://linkedin.com/in/Ines-Okafor-3b2a91/",
            "www.linkedin.com/in/ines-okafor-3b2a91?trk=public_profile",
            "https://uk.linkedin.com/in/ines-okafor-3b2a91#about",
        ] {
            assert_eq!(normalize_profile_url(u), key, "{u}");
        }
        assert_eq!(
            normalize_profile_url("https://www.linkedin.com/in/zo%C3%AB-brennan-12ab"),
            normalize_profile_url("https://www.linkedin.com/in/zoë-brennan-12ab")
        );
        assert_eq!(normalize_profile_url("not a url"), None);
        // Found by cargo fuzz: a multi-byte character where a scheme would end.
        assert_eq!(
            normalize_profile_url("www.li\u{fffd}nkedin.com/in/avery").as_deref(),
            Some("www.li\u{fffd}nkedin.com/in/avery")
        );
        assert_eq!(
            normalize_profile_url("htt\u{e9}://x/in/y").as_deref(),
            Some("htt\u{e9}://x/in/y")
        );
        assert_eq!(
            profile_link("linkedin.com/in/x"),
            "https://www.linkedin.com/in/x"
        );
        assert_eq!(profile_link("example.org/in/x"), "https://example.org/in/x");
    }

    #[test]
    fn the_ascii_keys_are_the_general_ones() {
        for url in [
            "linkedin.com/in/Sam-Lee",
            "www.linkedin.com/in/sam",
            "uk.LinkedIn.com/in/sam/x",
            "xlinkedin.com/in/a",
            ".linkedin.com/in/a",
            "WWW.LINKEDIN.COM/in/A?b",
            "LINKEDIN.COM/IN/SAM",
            "example.org/in/sam",
            "linkedin.com/in/a b",
            "linkedin.com/in/a\u{b}b",
            "linkedin.com/",
            "/in/sam",
            "nourl",
        ] {
            assert_eq!(ascii_profile_url(url), decoded_profile_url(url), "{url:?}");
        }
        for name in [
            "  Jane   DOE, Ph.D. ",
            "a\tb\u{b}c\u{c}d\re\nf",
            "",
            "   ",
            "O'Neil-Smith",
        ] {
            assert_eq!(name_key(name), any_name_key(name), "{name:?}");
        }
        assert_eq!(name_key("  Jane   DOE "), "jane doe");
        // Any text: the words joined by one space, lowercased as a whole.
        for name in [
            "  ÉLODIE   Brennan ",
            "Tomás\u{a0}Álvarez\u{2003}Ruiz",
            "ΟΔΥΣΣΕΥΣ  ΣΑΣ",
            "İSTANBUL\u{3000}",
            "\u{85}",
        ] {
            let joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(name_key(name), joined.to_lowercase(), "{name:?}");
        }
        assert_eq!(name_key("ΟΔΥΣΣΕΥΣ  ΣΑΣ"), "οδυσσευς σας");
        // Every mix of a few ASCII bytes, whitespace of each kind among them.
        let bytes = [
            b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r', b'A', b'z', b'-', 0x1f,
        ];
        for n in 0..=4u32 {
            for mut i in 0..bytes.len().pow(n) {
                let mut name = String::new();
                for _ in 0..n {
                    name.push(char::from(bytes[i % bytes.len()]));
                    i /= bytes.len();
                }
                assert_eq!(name_key(&name), any_name_key(&name), "{name:?}");
            }
        }
    }

    #[test]
    fn recipient_urls_split_on_either_separator() {
        assert_eq!(
            split_profile_urls(
                "https://www.linkedin.com/in/a,https://www.linkedin.com/in/b; https://www.linkedin.com/in/c"
            ),
            [
                "linkedin.com/in/a",
                "linkedin.com/in/b",
                "linkedin.com/in/c"
            ]
        );
    }

    #[test]
    fn names_split_only_into_known_names() {
        let none = |_: &str| false;
        assert_eq!(split_names("A B, C D", none), ["A B", "C D"]);
        assert_eq!(split_names("Jane Doe, Ph.D.", none), ["Jane Doe", "Ph.D."]);
        let known = |n: &str| n == "jane doe, ph.d.";
        assert_eq!(split_names("Jane Doe, Ph.D.", known), ["Jane Doe, Ph.D."]);
        let long = |n: &str| n == "jane doe, ph.d., mba, cfa, frsa, pmp, cpa, esq.";
        assert_eq!(
            split_names("A B, Jane Doe, Ph.D., MBA, CFA, FRSA, PMP, CPA, Esq.", long),
            ["A B", "Jane Doe, Ph.D., MBA, CFA, FRSA, PMP, CPA, Esq."]
        );
    }

    #[test]
    fn splitting_a_long_cell_looks_at_a_bounded_window() {
        // 2,000 names: every piece may start a known name, so count the
        // look-ups. The old split tried every longer join: about 2 million.
        let names: Vec<String> = (0..2000).map(|i| format!("Person{i} Invented")).collect();
        let cell = names.join(", ");
        let calls = std::cell::Cell::new(0usize);
        let got = split_names(&cell, |_| {
            calls.set(calls.get() + 1);
            false
        });
        assert_eq!(got, names);
        assert!(calls.get() <= 2000 * 7, "{} look-ups", calls.get());
    }
}
