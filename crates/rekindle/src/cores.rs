//! Work shared by two cores (every machine rekindle meets has at least
//! two): one part on a scoped thread of its own, the other on this one.
//!
//! A leaf: it knows nothing of what the parts are.

/// Runs `apart` on a thread of its own and `here` on this one, and gives
/// both results. A panic on the other thread is a bug, not input: it goes
/// on here.
///
/// Callers split only work worth a thread (about the cost of sorting
/// 60,000 items), below a threshold of their own.
pub(crate) fn both<A: Send, B>(
    apart: impl FnOnce() -> A + Send,
    here: impl FnOnce() -> B,
) -> (A, B) {
    std::thread::scope(|scope| {
        let other = scope.spawn(apart);
        let mine = here();
        let theirs = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (theirs, mine)
    })
}

/// `f` of every item, in order; from `split_from` in all by `weight`, the
/// items from the middle weight on are done on a second thread.
pub(crate) fn map_halves<T: Sync, R: Send>(
    items: &[T],
    split_from: usize,
    weight: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let weights: Vec<usize> = items.iter().map(weight).collect();
    let total: usize = weights.iter().sum();
    if total < split_from {
        return items.iter().map(&f).collect();
    }
    let mut below = 0;
    let middle = weights
        .iter()
        .position(|&w| {
            below += w;
            below > total / 2
        })
        .unwrap_or(items.len());
    let (first, second) = items.split_at(middle);
    let f = &f;
    let (later, mut out) = both(
        move || second.iter().map(f).collect::<Vec<R>>(),
        move || first.iter().map(f).collect::<Vec<R>>(),
    );
    out.extend(later);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_map_every_item_in_order() {
        // Weights past the split, heavier at the end: the halves are
        // uneven in items, even in weight.
        let items: Vec<usize> = (0..1_000).collect();
        let doubled = map_halves(&items, 100, |&i| i, |i| i * 2);
        assert_eq!(doubled, (0..1_000).map(|i| i * 2).collect::<Vec<_>>());
        // Below the split, and empty.
        assert_eq!(map_halves(&[1, 2], 100, |_| 1, |i| *i), [1, 2]);
        assert!(map_halves(&Vec::<u8>::new(), 0, |_| 1, |i| *i).is_empty());
    }

    #[test]
    fn both_parts_run_and_a_panic_apart_goes_on() {
        assert_eq!(both(|| 1, || "here"), (1, "here"));
        let caught = std::panic::catch_unwind(|| both(|| panic!("apart"), || 2));
        assert!(caught.is_err());
    }
}
