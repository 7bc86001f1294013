//! Sorting items that fall in many small groups (a header's cells, a
//! conversation-day's messages, a person's interactions): counted into their
//! groups in linear time first, then each group sorted alone.

/// Sorts `items` by `(group, order)`, keys that no two items share.
///
/// Groups are small numbers (a header's or a conversation-day's index), so
/// the items are first put in their groups' ranges by counting, in linear
/// time, and then each group is put right alone. Files keep a
/// conversation's rows together, mostly newest first: then the groups are
/// in order already and each one is reversed, in linear time too.
pub(crate) fn sort_grouped<T, O: Ord>(
    items: &mut [T],
    group: impl Fn(&T) -> u32,
    order: impl Fn(&T) -> O,
) {
    if !items.is_sorted_by_key(&group) {
        place_by_group(items, &group);
    }
    for run in items.chunk_by_mut(|a, b| group(a) == group(b)) {
        if run.is_sorted_by_key(&order) {
            continue;
        }
        if run.is_sorted_by(|a, b| order(a) > order(b)) {
            run.reverse();
        } else {
            run.sort_unstable_by_key(&order);
        }
    }
}

/// [`sort_grouped`] on two cores, from [`SPLIT_FROM`] items: the items of
/// the lower groups, about half of them, are moved before the others in one
/// linear pass, and each part is sorted on a core of its own.
pub(crate) fn sort_grouped_split<T: Send, O: Ord>(
    items: &mut [T],
    group: impl Fn(&T) -> u32 + Sync,
    order: impl Fn(&T) -> O + Sync,
) {
    if items.len() < SPLIT_FROM {
        return sort_grouped(items, group, order);
    }
    // The first group past the middle item, by a count of each group's items.
    let groups = items
        .iter()
        .map(|i| group(i) as usize + 1)
        .max()
        .unwrap_or(0);
    let mut counts = vec![0usize; groups];
    for item in items.iter() {
        counts[group(item) as usize] += 1;
    }
    let mut below = 0;
    let middle = counts
        .iter()
        .position(|&n| {
            below += n;
            below > items.len() / 2
        })
        .unwrap_or(groups) as u32;
    // Lower groups to the front, the others to the back.
    let (mut front, mut back) = (0, items.len());
    while front < back {
        if group(&items[front]) < middle {
            front += 1;
        } else {
            back -= 1;
            items.swap(front, back);
        }
    }
    let (lower, upper) = items.split_at_mut(front);
    let (group, order) = (&group, &order);
    crate::cores::both(
        move || sort_grouped(upper, group, order),
        move || sort_grouped(lower, group, order),
    );
}

/// Items below which [`sort_grouped_split`] sorts on one core: a thread
/// costs about what sorting 60,000 items in their groups does.
pub(crate) const SPLIT_FROM: usize = 1 << 16;

/// Puts each item in its group's range, groups in order: an in-place
/// counting sort, in which every swap puts at least one item in place.
pub(crate) fn place_by_group<T>(items: &mut [T], group: impl Fn(&T) -> u32) {
    let groups = items
        .iter()
        .map(|i| group(i) as usize + 1)
        .max()
        .unwrap_or(0);
    // Where each group's range starts (then: its next free place), and ends.
    let mut next = vec![0u32; groups + 1];
    for item in items.iter() {
        next[group(item) as usize + 1] += 1;
    }
    for g in 1..=groups {
        next[g] += next[g - 1];
    }
    let ends = next[1..].to_vec();
    for g in 0..groups {
        while next[g] < ends[g] {
            let at = next[g] as usize;
            let belongs = group(&items[at]) as usize;
            if belongs == g {
                next[g] += 1;
            } else {
                items.swap(at, next[belongs] as usize);
                next[belongs] += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_sorting_sorts_as_the_whole_sort_does() {
        // (group, order) pairs: groups in order with each reversed, in
        // order, or mixed; and groups out of order.
        let cases: [&[(u32, u32)]; 5] = [
            &[(0, 9), (0, 5), (0, 1), (1, 4), (2, 8), (2, 3)],
            &[(0, 1), (0, 5), (1, 2), (1, 3)],
            &[(0, 5), (0, 1), (0, 9), (3, 2), (3, 1)],
            &[(1, 1), (0, 2), (1, 0), (0, 1)],
            &[],
        ];
        for case in cases {
            let mut grouped = case.to_vec();
            sort_grouped(&mut grouped, |p| p.0, |p| p.1);
            let mut whole = case.to_vec();
            whole.sort_unstable();
            assert_eq!(grouped, whole, "{case:?}");
        }
        // Many groups in no order (a fixed xorshift), as a file of
        // interleaved conversations gives them.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut pairs: Vec<(u32, u32)> = (0..5_000u32)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                ((state % 300) as u32, i * 7 % 5_000)
            })
            .collect();
        let mut whole = pairs.clone();
        whole.sort_unstable();
        sort_grouped(&mut pairs, |p| p.0, |p| p.1);
        assert_eq!(pairs, whole);
    }

    #[test]
    fn sorting_on_two_cores_sorts_as_the_whole_sort_does() {
        // Past the split, with groups of very uneven sizes (one holds a
        // third of the items), in no order.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut pairs: Vec<(u32, u32)> = (0..(SPLIT_FROM as u32 * 2))
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let group = if state.is_multiple_of(3) {
                    7
                } else {
                    (state % 5_000) as u32
                };
                (group, i)
            })
            .collect();
        pairs.reverse();
        let mut whole = pairs.clone();
        whole.sort_unstable();
        sort_grouped_split(&mut pairs, |p| p.0, |p| p.1);
        assert_eq!(pairs, whole);
        // One group only: all of it is one part, sorted alone.
        let mut one: Vec<(u32, u32)> = (0..SPLIT_FROM as u32 + 5).rev().map(|i| (3, i)).collect();
        sort_grouped_split(&mut one, |p| p.0, |p| p.1);
        assert!(one.windows(2).all(|w| w[0] < w[1]));
    }
}
