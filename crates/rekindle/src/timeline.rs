//! Activity over time: connections gained per year, messages per month sent
//! and received, and one person's monthly activity. The series charts are
//! drawn from; every series is contiguous (empty periods are zeros), so a
//! chart shows a quiet year as quiet rather than skipping it.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::identity::{PersonId, Who};
use crate::network::{Network, day_date};
use crate::parse::messages::MessageKind;

/// Connections made in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearCount {
    /// The year.
    pub year: i32,
    /// Connections made that year.
    pub connections: u32,
}

/// Messages in one month, from the owner's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// Messages the owner wrote (direct and group).
    pub sent: u32,
    /// Messages others wrote to the owner or in the owner's groups.
    pub received: u32,
}

/// A month as a single number (`year * 12 + month - 1`), for ranges and axes.
pub fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// Connections made per year, from the first year with one to the as-of
/// year; connections dated after the as-of day are not counted.
///
/// ```
/// use rekindle::{Export, Network, Options, timeline};
///
/// let export = Export::open("../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip")?;
/// let network = Network::from_export(&export, &Options::default())?;
/// let years = timeline::connections_by_year(&network);
/// assert_eq!(years.last().map(|y| y.year), Some(2026));
/// let total: u32 = years.iter().map(|y| y.connections).sum();
/// assert_eq!(total as usize, export.connections.len());
/// # Ok::<(), rekindle::Error>(())
/// ```
pub fn connections_by_year(network: &Network) -> Vec<YearCount> {
    let years: Vec<i32> = network
        .graph
        .node_weights()
        .filter(|n| n.is_connection && !n.is_owner)
        .filter_map(|n| n.connected_on)
        .filter(|d| *d <= network.as_of)
        .map(|d| d.year())
        .collect();
    let Some(&first) = years.iter().min() else {
        return Vec::new();
    };
    let last = network.as_of.year();
    let mut out: Vec<YearCount> = (first..=last)
        .map(|year| YearCount {
            year,
            connections: 0,
        })
        .collect();
    for year in years {
        out[(year - first) as usize].connections += 1;
    }
    out
}

/// Personal messages per month, sent and received, from the month of the
/// first to the as-of month. Sponsored and system messages are not counted;
/// a group message counts once, however many people it reached.
pub fn messages_by_month(network: &Network) -> Vec<MonthCount> {
    let last = month_index(network.as_of);
    // (sent, received) per month, counted back from the as-of month: no
    // message is later, so one pass finds both the counts and the span.
    let mut back: Vec<(u32, u32)> = Vec::new();
    for a in network.conversations.iter().flat_map(|c| &c.activity) {
        if a.kind != MessageKind::Personal || a.day > network.as_of {
            continue;
        }
        let ago = (last - month_index(a.day)) as usize;
        if ago >= back.len() {
            back.resize(ago + 1, (0, 0));
        }
        if a.sender == Who::Owner {
            back[ago].0 += a.count;
        } else {
            back[ago].1 += a.count;
        }
    }
    back.iter()
        .enumerate()
        .rev()
        .map(|(ago, &(sent, received))| {
            let m = last - ago as i32;
            MonthCount {
                year: m.div_euclid(12),
                month: m.rem_euclid(12) as u32 + 1,
                sent,
                received,
            }
        })
        .collect()
}

/// Messages exchanged with one person (direct and group, both ways) in each
/// of the `months` months up to and including the as-of month, oldest first.
pub fn person_by_month(network: &Network, person: PersonId, months: u32) -> Vec<u32> {
    let last = month_index(network.as_of);
    let first = last - months as i32 + 1;
    let mut out = vec![0; months as usize];
    let interactions = &network.interactions;
    // Rows are sorted by person: find this person's run.
    let start = interactions.person.partition_point(|&p| p < person.0);
    let end = interactions.person.partition_point(|&p| p <= person.0);
    for i in start..end {
        let month = month_index(day_date(interactions.day[i]));
        if (first..=last).contains(&month) {
            out[(month - first) as usize] += interactions.count[i];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Export, Options};

    fn sample() -> Network {
        let export =
            Export::open("../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip")
                .expect("sample opens");
        Network::from_export(&export, &Options::default()).expect("network builds")
    }

    #[test]
    fn months_are_contiguous_and_add_up_to_the_personal_messages() {
        let network = sample();
        let months = messages_by_month(&network);
        for pair in months.windows(2) {
            let a = pair[0].year * 12 + pair[0].month as i32;
            let b = pair[1].year * 12 + pair[1].month as i32;
            assert_eq!(b, a + 1);
        }
        let last = months.last().expect("some months");
        assert_eq!((last.year, last.month), (2026, 10));
        let personal = network
            .conversations
            .iter()
            .flat_map(|c| &c.activity)
            .filter(|a| a.kind == MessageKind::Personal)
            .map(|a| a.count as usize)
            .sum::<usize>();
        let counted: u32 = months.iter().map(|m| m.sent + m.received).sum();
        assert_eq!(counted as usize, personal);
        assert!(months.iter().any(|m| m.sent > 0) && months.iter().any(|m| m.received > 0));
    }

    #[test]
    fn a_person_series_counts_their_interactions_in_the_window() {
        let network = sample();
        let total: u32 = network.interactions.count.iter().sum();
        let mut in_window = 0;
        for id in network.people.iter().map(|(id, _)| id) {
            let series = person_by_month(&network, id, 12 * 100);
            assert_eq!(series.len(), 1200);
            in_window += series.iter().sum::<u32>();
        }
        // A hundred years covers every interaction of the sample.
        assert_eq!(in_window, total);
        // A one-month window holds only the as-of month.
        let maya = network
            .people
            .iter()
            .find(|(_, p)| &*p.name == "Maya Okonkwo-Reyes")
            .map(|(id, _)| id)
            .expect("Maya is in the sample");
        assert_eq!(person_by_month(&network, maya, 1), vec![0]);
        assert!(person_by_month(&network, maya, 60).iter().sum::<u32>() > 0);
    }
}
