//! Numbering the items of a list an officer builds by hand (a programme's content areas, a
//! unit's own indicators on the form): the ONE rule for the number a new item gets.

/// The number for a new item: one past the highest in use, 1 for an empty list. A gap left by
/// a removed item is not filled again, so a number the officer has seen is never handed to a
/// different item while the form is open.
pub fn next_number(in_use: impl IntoIterator<Item = u32>) -> u32 {
    in_use
        .into_iter()
        .max()
        .map_or(1, |highest| highest.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_item_follows_the_highest_number_and_gaps_stay_empty() {
        assert_eq!(next_number([]), 1);
        assert_eq!(next_number([1, 2, 3]), 4);
        assert_eq!(next_number([3, 1]), 4, "order does not matter");
        assert_eq!(next_number([1, 5]), 6, "the gap 2–4 is not refilled");
        assert_eq!(next_number([u32::MAX]), u32::MAX, "never wraps to 0");
    }
}
