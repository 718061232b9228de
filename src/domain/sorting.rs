//! Sorting, through one routine. Each `sort_by` with its own closure puts its own copy of the
//! standard library's sort into the wasm (about 4 KB each: 96 KB for the app's sorts before
//! `wasm-opt`). Here the items' positions are sorted by one comparison behind a reference, so the
//! wasm holds a single copy, and each call site adds only the few lines that move its items.
//! Stable, as `slice::sort_by` is.

use std::cmp::Ordering;

/// Sorts `items` by `order`; equal items keep their order.
pub fn sort_by<T>(items: &mut Vec<T>, order: impl Fn(&T, &T) -> Ordering) {
    let positions = sorted_positions(items.len(), &|a, b| order(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        positions
            .into_iter()
            .map(|at| slots[at].take().expect("each position is taken once")),
    );
}

/// Sorts `items` by `key`; equal keys keep their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `order` gives them: the app's one copy of the sort.
#[inline(never)]
fn sorted_positions(len: usize, order: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)] // the one copy the others call
    positions.sort_by(|a, b| order(*a, *b));
    positions
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // ours compared with std's
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by_key(&mut ours, |(k, _)| *k);
            theirs.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(&ours, &theirs);
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
