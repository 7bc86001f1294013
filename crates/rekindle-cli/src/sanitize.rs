//! The one place text from an export is made safe for where it is shown.
//!
//! Names, companies, titles and profile links are written by other people:
//! they may hold escape codes (ESC, OSC, BEL), line breaks, or bidirectional
//! overrides that make a terminal or a Markdown viewer show something else
//! than the bytes. Every string that reaches a terminal (tables, records,
//! error messages) goes through [`one_line`]; every Markdown cell through
//! [`markdown_cell`].

use std::borrow::Cow;
use std::fmt;

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069): they reorder what follows on screen ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text made safe for one terminal line: CR LF, line breaks, tabs and every
/// other control character (C0, DEL, C1: ESC and BEL included) become one
/// space each; bidi overrides are dropped.
///
/// ```text
/// one_line("Ann\x1b]8;;x\x07\nB\u{202E}ob") == "Ann ]8;;x  Bob"
/// ```
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue; // CR LF is one break, one space
        }
        if is_bidi_control(c) {
            continue;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    Cow::Owned(out)
}

/// One cell of a GitHub-flavoured Markdown table: on one line ([`one_line`]),
/// `\`, `|` and the inline markup characters `` ` * _ ~ [ ] `` backslash-escaped
/// (no cell break, link, image or code span can be made from data), `<` and
/// `>` written as entities (no raw HTML), and `&` too where it could start a
/// character reference (`&lt;`, `&#60;`): a lone `&` as in "Harbor & Finch"
/// stays as it is.
pub fn markdown_cell(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;");
            }
            '\\' | '|' | '`' | '*' | '_' | '~' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A message of several lines whose every line was made safe with
/// [`one_line`]: the error printer shows it as it is, line breaks included,
/// where any other error text is put on one line.
#[derive(Debug)]
pub struct Lines(String);

impl Lines {
    /// Joins `lines` with line breaks, each cleaned with [`one_line`].
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Lines {
        let cleaned: Vec<Cow<'_, str>> = lines.into_iter().map(one_line).collect();
        Lines(cleaned.join("\n"))
    }
}

impl fmt::Display for Lines {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Lines {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_blanks_controls_and_drops_bidi() {
        assert_eq!(
            one_line("Ann\x1b]8;;x\x07\r\nB\u{202E}ob\u{2066}\u{85}\u{7f}"),
            "Ann ]8;;x  Bob  "
        );
        assert!(matches!(one_line("Zoë 李"), Cow::Borrowed(_)));
        for c in ['\u{202A}', '\u{202D}', '\u{2067}', '\u{2069}'] {
            assert_eq!(one_line(&format!("a{c}b")), "ab");
        }
        // Marks that are not overrides stay (Arabic and Hebrew names use them).
        assert_eq!(one_line("a\u{200F}b"), "a\u{200F}b");
    }

    #[test]
    fn markdown_cells_hold_no_markup() {
        assert_eq!(
            markdown_cell("<script>a|b</script>\n[x](javascript:y) & `c` \\|"),
            "&lt;script&gt;a\\|b&lt;/script&gt; \\[x\\](javascript:y) & \\`c\\` \\\\\\|"
        );
        assert_eq!(
            markdown_cell("&lt;b&#62; AT&T"),
            "&amp;lt;b&amp;#62; AT&amp;T"
        );
        assert_eq!(markdown_cell("Zoë *Star*_"), "Zoë \\*Star\\*\\_");
    }

    #[test]
    fn lines_clean_each_line() {
        let lines = Lines::new(["2 people match", "  Ann\x1b[2J\nfake: ok"]);
        assert_eq!(lines.to_string(), "2 people match\n  Ann [2J fake: ok");
    }
}
