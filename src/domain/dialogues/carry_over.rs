//! Carry-over (chuyển kỳ): the next dialogue of the same organising unit reviews every proposal
//! from its earlier dialogues that was still open on its date.

use super::dialogue::Dialogue;
use super::proposal::Proposal;
use crate::domain::record::{self, Record};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Proposals from earlier dialogues (dated strictly before) of `dialogue`'s organising unit that
/// were still open at the end of `dialogue.date`, judged by their status history: one resolved
/// after that date was still open then, even if it is closed now; one resolved on that very day
/// is not carried over. Oldest dialogue first, then in stored order.
pub fn carried_over_to<'a>(
    dialogue: &Dialogue,
    dialogues: &[Dialogue],
    proposals: &'a [Proposal],
) -> Vec<&'a Proposal> {
    let earlier: HashMap<&str, NaiveDate> = record::live(dialogues)
        .filter(|d| d.unit_id == dialogue.unit_id && d.date < dialogue.date)
        .map(|d| (d.id(), d.date))
        .collect();
    let mut found: Vec<(NaiveDate, usize, &Proposal)> = record::live(proposals)
        .enumerate()
        .filter_map(|(i, p)| earlier.get(p.dialogue_id.as_str()).map(|date| (*date, i, p)))
        .filter(|(_, _, p)| p.open_on(dialogue.date))
        .collect();
    found.sort_by_key(|(date, i, _)| (*date, *i));
    found.into_iter().map(|(_, _, p)| p).collect()
}
