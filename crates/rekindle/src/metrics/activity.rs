//! What each person's scores are computed from, summed in one pass over the
//! network: their interactions (which come sorted by person and day), the
//! conversations they share with you, and their endorsements and
//! recommendations.

use crate::network::{InteractionKind, Interactions, Network, Tie, day_date};

use super::PERIOD_GAP_DAYS;

/// One person's interactions, summed (see [`activities`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Activity {
    pub sent: u32,
    pub received: u32,
    pub group_sent: u32,
    pub group_received: u32,
    /// Day numbers: of the first and last interaction of any kind, and of
    /// the last one-to-one message each way.
    pub first: Option<i32>,
    pub last: Option<i32>,
    pub last_sent: Option<i32>,
    pub last_received: Option<i32>,
    /// Distinct months with a direct message either way.
    pub active_months: u32,
    /// Active periods (see the module docs), and the median gap between
    /// their starts (none with a single period).
    pub periods: u32,
    pub typical_gap: Option<f64>,
}

/// Everything the export says of one person that a score reads.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Inputs {
    pub activity: Activity,
    /// Conversations of any kind, and group conversations, shared with you
    /// (sponsored messages not counted).
    pub conversations: u32,
    pub group_conversations: u32,
    pub endorsements_given: u32,
    pub endorsements_received: u32,
    pub recommendations_given: u32,
    pub recommendations_received: u32,
}

impl Inputs {
    /// Nothing at all: every score of such a person is known without
    /// computing it (see [`super::scores::Scores::QUIET`]).
    pub fn is_quiet(&self) -> bool {
        *self == Inputs::default()
    }
}

/// Each person's [`Inputs`], indexed by person id.
pub(super) fn inputs(network: &Network) -> Vec<Inputs> {
    // One vector, written once: the activities go straight into it.
    let mut out = vec![Inputs::default(); network.people.len()];
    activities(&network.interactions, |person, activity| {
        if let Some(slot) = out.get_mut(person as usize) {
            slot.activity = activity;
        }
    });
    // Ties other than messages, counted per person and direction.
    let owner = network.owner_node();
    for e in network.graph.raw_edges() {
        let (from, to) = (e.source(), e.target());
        let (other, given) = if from == owner {
            (to, true)
        } else if to == owner {
            (from, false)
        } else {
            continue;
        };
        let Some(slot) = out.get_mut(other.index()) else {
            continue;
        };
        let count = match (&e.weight, given) {
            (Tie::Endorsement { .. }, true) => &mut slot.endorsements_given,
            (Tie::Endorsement { .. }, false) => &mut slot.endorsements_received,
            (Tie::Recommendation { .. }, true) => &mut slot.recommendations_given,
            (Tie::Recommendation { .. }, false) => &mut slot.recommendations_received,
            _ => continue,
        };
        *count += 1;
    }
    for c in &network.conversations {
        if c.is_sponsored() {
            continue;
        }
        for p in &c.participants {
            if let Some(slot) = out.get_mut(p.0 as usize) {
                slot.conversations += 1;
                slot.group_conversations += u32::from(c.is_group());
            }
        }
    }
    out
}

/// Each person's [`Activity`], given to `keep` with their id (once per
/// person who has any), in one pass over the interactions, which come
/// sorted by person and day: the distinct days of direct messages start a
/// new period after a gap of more than [`PERIOD_GAP_DAYS`].
pub(super) fn activities(interactions: &Interactions, mut keep: impl FnMut(u32, Activity)) {
    debug_assert!((interactions.person.iter().zip(&interactions.day)).is_sorted_by(|a, b| a <= b));
    let mut current: Option<(u32, Activity)> = None;
    let (mut last_day, mut last_start, mut last_month) = (i32::MIN, 0, None);
    let mut gaps: Vec<i32> = Vec::new();
    let rows = (interactions.person.iter().zip(&interactions.day))
        .zip(interactions.kind.iter().zip(&interactions.count));
    for ((&person, &day), (&kind, &count)) in rows {
        if current.is_none_or(|(p, _)| p != person) {
            if let Some((p, mut activity)) = current.take() {
                activity.typical_gap = median(&mut gaps);
                keep(p, activity);
            }
            gaps.clear();
            last_month = None;
            current = Some((person, Activity::default()));
        }
        let Some((_, a)) = current.as_mut() else {
            continue;
        };
        a.first = a.first.or(Some(day));
        a.last = Some(day);
        let total = match kind {
            InteractionKind::DirectSent => {
                a.last_sent = Some(day);
                &mut a.sent
            }
            InteractionKind::DirectReceived => {
                a.last_received = Some(day);
                &mut a.received
            }
            InteractionKind::GroupSent => &mut a.group_sent,
            InteractionKind::GroupReceived => &mut a.group_received,
        };
        *total = total.saturating_add(count);
        if (kind as u8) >= InteractionKind::GroupSent as u8 {
            continue;
        }
        let month = crate::timeline::month_index(day_date(day));
        if last_month != Some(month) {
            a.active_months += 1;
            last_month = Some(month);
        }
        if a.periods == 0 {
            (a.periods, last_day, last_start) = (1, day, day);
            continue;
        }
        if day > last_day + PERIOD_GAP_DAYS {
            gaps.push(day - last_start);
            a.periods += 1;
            last_start = day;
        }
        last_day = day;
    }
    if let Some((p, mut activity)) = current {
        activity.typical_gap = median(&mut gaps);
        keep(p, activity);
    }
}

/// The median, as polars takes it (the mean of the two middle values).
fn median(values: &mut [i32]) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(values[n / 2])),
        _ => {
            let (low, high) = (f64::from(values[n / 2 - 1]), f64::from(values[n / 2]));
            Some(low + (high - low) * 0.5)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_sums_each_persons_interactions_and_finds_their_rhythm() {
        use InteractionKind::*;
        // (person, day, kind), sorted as the network gives them.
        let rows = [
            (1, 0, DirectSent),
            (1, 0, DirectReceived),
            (1, 3, DirectReceived),
            (1, 10, GroupSent),
            (1, 20, DirectSent),
            (1, 27, DirectSent),
            (1, 60, DirectReceived),
            (2, 5, GroupReceived),
            (3, 1, DirectSent),
            (4, 0, DirectSent),
            (4, 10, DirectSent),
            (4, 40, DirectSent),
        ];
        let interactions = Interactions {
            person: rows.iter().map(|r| r.0).collect(),
            day: rows.iter().map(|r| r.1).collect(),
            kind: rows.iter().map(|r| r.2).collect(),
            count: vec![1; rows.len()],
        };
        let mut all = vec![Activity::default(); 6];
        activities(&interactions, |p, a| all[p as usize] = a);
        let rhythm = |p: usize| all.get(p).map(|a| (a.periods, a.typical_gap));
        // Starts 0, 20 (27 is within a week of 20, the group day 10 does
        // not count) and 60: gaps 20 and 40, median 30.
        assert_eq!(rhythm(1), Some((3, Some(30.0))));
        // Only group messages: no direct period at all.
        assert_eq!(rhythm(2), Some((0, None)));
        // One period: no rhythm.
        assert_eq!(rhythm(3), Some((1, None)));
        // Starts 0, 10, 40: gaps 10 and 30.
        assert_eq!(rhythm(4), Some((3, Some(20.0))));
        // The sums and days, as polars grouped them before.
        let one = all[1];
        assert_eq!(
            (one.sent, one.received, one.group_sent, one.group_received),
            (3, 3, 1, 0)
        );
        assert_eq!((one.first, one.last), (Some(0), Some(60)));
        assert_eq!((one.last_sent, one.last_received), (Some(27), Some(60)));
        // Direct days 0, 3, 20, 27 (January 1970) and 60 (2 March); the group
        // day 10 does not count.
        assert_eq!(one.active_months, 2);
        let two = all[2];
        assert_eq!(
            (two.group_received, two.active_months, two.last_sent),
            (1, 0, None)
        );
        assert_eq!((two.first, two.last), (Some(5), Some(5)));
        // Nobody else has any.
        assert_eq!(all[5], Activity::default());
        assert_eq!(median(&mut [9, 5, 100]), Some(9.0));
        assert_eq!(median(&mut []), None);
    }
}
