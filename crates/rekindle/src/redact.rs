//! Redaction: a network with every name replaced by a stable pseudonym and
//! every profile URL dropped, so a report or a bug sample can be shared
//! without exposing anyone.
//!
//! A pseudonym is the person's place in the export (`Person 17`): the same
//! export read with the same options gives everyone the same pseudonym in
//! every report, so outputs can be compared, and nothing in it is derived
//! from the name, so it cannot be reversed by guessing names. The owner is
//! `You`. Companies, positions and dates are kept: they are what makes a
//! report or a bug useful. Conversation titles and the values quoted in
//! warnings (which may be names) are dropped.

use crate::identity::PersonId;
use crate::network::Network;

/// The pseudonym of a person.
///
/// ```
/// use rekindle::PersonId;
/// assert_eq!(rekindle::redact::pseudonym(PersonId(0)), "You");
/// assert_eq!(rekindle::redact::pseudonym(PersonId(17)), "Person 17");
/// ```
pub fn pseudonym(id: PersonId) -> String {
    if id == PersonId::OWNER {
        "You".to_string()
    } else {
        format!("Person {}", id.0)
    }
}

impl Network {
    /// Replaces every name with its [`pseudonym`] and drops profile URLs,
    /// conversation titles and warning values. Run it before
    /// [`crate::metrics::compute`], which copies names into its rows.
    ///
    /// ```
    /// use rekindle::{Export, Network, Options, metrics, reports};
    ///
    /// let export = Export::open("../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip")?;
    /// let mut network = Network::from_export(&export, &Options::default())?;
    /// network.redact();
    /// let neglected = reports::neglected(&network, &metrics::compute(&network)?);
    /// assert!(neglected[0].name.starts_with("Person "));
    /// assert_eq!(neglected[0].profile_url, None);
    /// # Ok::<(), rekindle::Error>(())
    /// ```
    pub fn redact(&mut self) {
        for (i, node) in self.graph.node_weights_mut().enumerate() {
            node.name = pseudonym(PersonId(i as u32)).into();
            node.profile_url = None;
        }
        if self.owner.name.is_some() {
            self.owner.name = Some(pseudonym(PersonId::OWNER));
        }
        self.owner.profile_url = None;
        self.people.redact(pseudonym);
        // The owner's notes are their own words about real people.
        self.occasions.notes.clear();
        for conversation in &mut self.conversations {
            conversation.title = None;
            conversation.key = String::new();
        }
        self.warnings.redact_values();
    }
}

#[cfg(test)]
mod tests {
    use crate::{Export, Network, Options, metrics, reports};

    #[test]
    fn no_name_or_url_of_the_export_survives() {
        let export =
            Export::open("../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip")
                .expect("sample opens");
        let plain = Network::from_export(&export, &Options::default()).expect("builds");
        let mut redacted = plain.clone();
        redacted.redact();
        let metrics = metrics::compute(&redacted).expect("metrics");

        // Every name and URL key rekindle knows, and the URLs as the files spell them.
        let mut secrets: Vec<String> = plain
            .people
            .iter()
            .flat_map(|(_, p)| {
                [p.name.to_string()]
                    .into_iter()
                    .chain(p.profile_url.clone())
            })
            .collect();
        secrets.extend(
            export
                .connections
                .iter()
                .filter_map(|c| c.profile_url.clone()),
        );
        assert!(secrets.len() > 30, "{secrets:?}");

        let mut everything = format!("{:?}{:?}", redacted, metrics.rows);
        for format in [
            Network::write_graphml,
            Network::write_json,
            Network::write_dot,
        ] {
            let mut out = Vec::new();
            format(&redacted, &mut out).expect("writes");
            everything += &String::from_utf8_lossy(&out);
        }
        for secret in &secrets {
            assert!(!everything.contains(secret.as_str()), "{secret:?} survived");
        }

        // Same shape, same judgement: only the names changed.
        let plain_metrics = metrics::compute(&plain).expect("metrics");
        let before = reports::neglected(&plain, &plain_metrics);
        let after = reports::neglected(&redacted, &metrics);
        assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(a.name, super::pseudonym(b.person));
            assert_eq!((a.score, &a.reason), (b.score, &b.reason));
        }
    }
}
