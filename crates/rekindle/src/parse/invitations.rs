//! `Invitations.csv`: pending or recent connection invitations.
//!
//! `From,To,Sent At,Message,Direction`, with `inviterProfileUrl` and
//! `inviteeProfileUrl` since late 2023. The note's text is not kept, only
//! whether there was one: a personal note is a signal of intent.

use std::io::Read;

use chrono::NaiveDateTime;
use serde::Deserialize;

use super::{Flow, Header, read_rows};
use crate::dates::parse_datetime;
use crate::error::Result;
use crate::keys::normalize_profile_url;
use crate::limits::Limits;
use crate::parse::Direction;
use crate::warnings::Warnings;

/// One invitation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Invitation {
    /// The line of the row.
    pub line: u64,
    /// The inviter's name.
    pub from: String,
    /// The invitee's name.
    pub to: String,
    /// When it was sent (`None` if unreadable; a warning says so).
    pub sent_at: Option<NaiveDateTime>,
    /// Whether it carried a personal note.
    pub has_note: bool,
    /// `Outgoing` if the owner sent it.
    pub direction: Direction,
    /// The inviter's normalised profile URL (late 2023 on).
    pub inviter_url: Option<String>,
    /// The invitee's normalised profile URL (late 2023 on).
    pub invitee_url: Option<String>,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(rename = "FROM", default, borrow)]
    from: Option<&'a str>,
    #[serde(rename = "TO", default, borrow)]
    to: Option<&'a str>,
    #[serde(rename = "SENT AT", default, borrow)]
    sent_at: Option<&'a str>,
    #[serde(rename = "MESSAGE", default, borrow)]
    message: Option<&'a str>,
    #[serde(rename = "DIRECTION", default, borrow)]
    direction: Option<&'a str>,
    #[serde(rename = "INVITERPROFILEURL", default, borrow)]
    inviter_url: Option<&'a str>,
    #[serde(rename = "INVITEEPROFILEURL", default, borrow)]
    invitee_url: Option<&'a str>,
}

/// Reads `Invitations.csv`.
pub fn read<R: Read>(
    file: &str,
    input: R,
    limits: &Limits,
    warnings: &mut Warnings,
) -> Result<Vec<Invitation>> {
    const HEADER: Header = Header {
        required: &["FROM", "TO", "DIRECTION"],
        expected: "From, To and Direction",
    };
    let mut out = Vec::new();
    read_rows(file, input, &HEADER, limits, warnings, |table, warnings| {
        let row: Row = table.row()?;
        let direction = match row.direction.map(str::trim) {
            Some(d) if d.eq_ignore_ascii_case("OUTGOING") => Direction::Outgoing,
            Some(d) if d.eq_ignore_ascii_case("INCOMING") => Direction::Incoming,
            other => {
                return Err(table.warn("row skipped: unknown direction", other.unwrap_or("")));
            }
        };
        let date_text = row.sent_at.unwrap_or("").trim();
        let sent_at = parse_datetime(date_text);
        if sent_at.is_none() {
            warnings.push(table.warn(
                "invitation kept without a date: unparseable date",
                date_text,
            ));
        }
        out.push(Invitation {
            line: table.line(),
            from: row.from.unwrap_or("").trim().to_string(),
            to: row.to.unwrap_or("").trim().to_string(),
            sent_at,
            has_note: row.message.is_some_and(|m| !m.trim().is_empty()),
            direction,
            inviter_url: row.inviter_url.and_then(normalize_profile_url),
            invitee_url: row.invitee_url.and_then(normalize_profile_url),
        });
        Ok(Flow::Next)
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_eras() {
        let mut w = Warnings::default();
        let old = read(
            "Invitations.csv",
            "From,To,Sent At,Message,Direction\nAvery Quinn,Lena Fischer,\"1/29/26, 2:37 PM\",Hello!,OUTGOING\n".as_bytes(),
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert!(old[0].has_note);
        assert_eq!(old[0].direction, Direction::Outgoing);
        assert_eq!(
            old[0].sent_at.map(|d| d.to_string()).as_deref(),
            Some("2026-01-29 14:37:00")
        );
        let new = read(
            "Invitations.csv",
            "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\nOmar Haddad,Avery Quinn,\"1/29/26, 2:37 PM\",,INCOMING,https://www.linkedin.com/in/omar,https://www.linkedin.com/in/avery\n".as_bytes(),
            &Limits::default(),
            &mut w,
        )
        .unwrap();
        assert!(!new[0].has_note);
        assert_eq!(new[0].invitee_url.as_deref(), Some("linkedin.com/in/avery"));
        assert!(w.is_empty());
    }
}
