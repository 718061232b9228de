//! A dialogue points to its organising unit. Out of range: the next dialogue dated on or
//! before this one (the form's rule, [`dialogue::validate`]).

use super::{date_value, Hooks, Lookup, RangeIssue, Reference};
use crate::domain::dialogues::dialogue::{self, Dialogue, DialogueDraft, DialogueError};
use crate::domain::sync::collections::Collection;

pub const HOOKS: Hooks<Dialogue> = Hooks {
    references: |d| vec![Reference::new("unit_id", Collection::Units, &d.unit_id)],
    ranges,
    ..Hooks::NONE
};

fn ranges(d: &Dialogue, _: &Lookup<'_>) -> Vec<RangeIssue> {
    // Units are the references' business; the form's other rules (place required…) are not ranges.
    dialogue::validate(&DialogueDraft::from_dialogue(d), &[])
        .into_iter()
        .filter_map(|e| match e {
            DialogueError::NextDialogueNotAfter => Some(RangeIssue {
                field: "next_dialogue_on".into(),
                value: date_value(d.next_dialogue_on?),
                min: d.date.succ_opt().map(date_value),
                max: None,
            }),
            _ => None,
        })
        .collect()
}
