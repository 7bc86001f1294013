//! Invented message text: random length, some multi-line (LF or CRLF), commas,
//! double quotes, small HTML fragments. Made while the zip is written, one
//! message at a time, and never kept.

use crate::lexicon::{
    DRAFT_OPENERS, GREETINGS, HTML_LINKS, PUNCT_END, RECRUITER_OPENERS, THANKS_OPENERS, WORDS,
};
use crate::rng::Rng;

/// How a message opens.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Flavor<'a> {
    /// Ordinary chat, greeting the recipient now and then.
    Chat { to_first: &'a str },
    /// The first message after connecting.
    Thanks { to_first: &'a str },
    /// A recruiter's pitch.
    Recruiter { to_first: &'a str },
    /// An unsent draft.
    Draft { to_first: &'a str },
    /// A sponsored InMail campaign.
    Sponsored { company: &'a str },
}

pub(crate) struct Text {
    rng: Rng,
    buf: String,
    short: bool,
}

impl Text {
    pub(crate) fn new(seed: u64, short: bool) -> Text {
        Text {
            rng: Rng::new(seed, 2),
            buf: String::with_capacity(64 * 1024),
            short,
        }
    }

    /// Access to the text stream's generator, for small choices made while writing.
    pub(crate) fn rng(&mut self) -> &mut Rng {
        &mut self.rng
    }

    fn length(&mut self) -> usize {
        if self.short {
            // One sentence: the loop in `message` writes at least one.
            return 0;
        }
        if self.rng.chance(0.0008) {
            self.rng.range(10_000, 50_000) as usize
        } else {
            // Log-uniform between 20 and 2,000 bytes: mostly short.
            (20.0 * 100f64.powf(self.rng.unit())) as usize
        }
    }

    /// One message's text.
    pub(crate) fn message(&mut self, flavor: Flavor<'_>) -> &str {
        self.buf.clear();
        if let Flavor::Sponsored { company } = flavor {
            self.sponsored(company);
            return &self.buf;
        }
        let length = self.length();
        let target = if self.short { length } else { length.max(20) };
        let newline = if self.rng.chance(0.2) { "\r\n" } else { "\n" };
        let html = self.rng.chance(0.03);
        if html {
            self.buf.push_str("<p>");
        }
        match flavor {
            Flavor::Chat { to_first } => {
                if self.rng.chance(0.15) {
                    self.greet(to_first);
                }
            }
            Flavor::Thanks { to_first } => {
                self.greet(to_first);
                let opener = self.rng.pick(THANKS_OPENERS);
                self.buf.push_str(opener);
                self.buf.push(' ');
            }
            Flavor::Recruiter { to_first } => {
                self.greet(to_first);
                let opener = self.rng.pick(RECRUITER_OPENERS);
                self.buf.push_str(opener);
                self.buf.push(' ');
            }
            Flavor::Draft { to_first } => {
                self.greet(to_first);
                let opener = self.rng.pick(DRAFT_OPENERS);
                self.buf.push_str(opener);
                self.buf.push(' ');
            }
            Flavor::Sponsored { .. } => {}
        }
        // A little over the target: trimming the last line end must not
        // bring a message under 20 bytes.
        while self.buf.len() < target + 4 {
            self.sentence(if html { "<br>" } else { newline });
        }
        let trimmed = self.buf.trim_end().len();
        self.buf.truncate(trimmed);
        if html {
            self.buf.push_str("</p>");
        }
        &self.buf
    }

    fn greet(&mut self, first: &str) {
        let greeting = *self.rng.pick(GREETINGS);
        if greeting.ends_with(',') {
            self.buf.push_str(greeting);
        } else {
            self.buf.push_str(greeting);
            self.buf.push(' ');
            self.buf.push_str(first);
            self.buf.push(',');
        }
        self.buf.push(' ');
    }

    fn sentence(&mut self, newline: &str) {
        let words = self.rng.range(3, 16);
        let quote_at = if self.rng.chance(0.05) {
            self.rng.range(1, words - 2)
        } else {
            -1
        };
        let link_at = if self.rng.chance(0.01) {
            self.rng.range(0, words - 1)
        } else {
            -1
        };
        for i in 0..words {
            let word = *self.rng.pick(WORDS);
            if i == 0 {
                let mut chars = word.chars();
                if let Some(c) = chars.next() {
                    self.buf.extend(c.to_uppercase());
                    self.buf.push_str(chars.as_str());
                }
            } else if i == quote_at {
                self.buf.push('"');
                self.buf.push_str(word);
            } else if i == quote_at + 1 {
                self.buf.push_str(word);
                self.buf.push('"');
            } else if i == link_at {
                let href = *self.rng.pick(HTML_LINKS);
                self.buf.push_str("<a href=\"");
                self.buf.push_str(href);
                self.buf.push_str("\">");
                self.buf.push_str(word);
                self.buf.push_str("</a>");
            } else {
                self.buf.push_str(word);
            }
            if i + 1 < words {
                if self.rng.chance(0.08) {
                    self.buf.push(',');
                }
                self.buf.push(' ');
            }
        }
        let end = *self.rng.pick(PUNCT_END);
        self.buf.push_str(end);
        let r = self.rng.unit();
        if r < 0.85 {
            self.buf.push(' ');
        } else if r < 0.97 {
            self.buf.push_str(newline);
        } else {
            self.buf.push_str(newline);
            self.buf.push_str(newline);
        }
    }

    fn sponsored(&mut self, company: &str) {
        const P: &str = "<p class=\"spinmail-quill-editor__spin-break\">";
        self.buf.push_str(P);
        self.buf.push_str("Hi %FIRSTNAME%,</p>");
        self.buf.push_str(P);
        self.buf.push_str(company);
        self.buf
            .push_str(" is growing, and we are looking for people who love hard problems. ");
        let target = self.rng.range(100, 900) as usize;
        while self.buf.len() < target {
            self.sentence(" ");
        }
        self.buf.push_str("</p>");
        self.buf.push_str(P);
        self.buf
            .push_str("<a href=\"https://example.com/careers\">See open roles</a></p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_markers() {
        let mut t = Text::new(7, false);
        for _ in 0..2000 {
            let m = t.message(Flavor::Chat { to_first: "Zoë" }).to_string();
            assert!(m.len() >= 20, "{m:?}");
            assert!(!m.starts_with("<p class=\"spinmail"));
            assert!(!m.contains("conversation"));
        }
        let s = t.message(Flavor::Sponsored {
            company: "Northwind",
        });
        assert!(s.starts_with("<p class=\"spinmail-quill-editor__spin-break\">Hi %FIRSTNAME%,"));
    }
}
