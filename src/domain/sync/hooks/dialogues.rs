//! A dialogue points to its organising unit. Out of range: the next dialogue dated on or
//! before this one. Its other form rules (a place, the content of each agreed point, the next
//! date when points remain disagreed) are the form's own ([`dialogue::validate`]).

use super::{date_value, Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::dialogues::dialogue::{self, Dialogue, DialogueDraft, DialogueError};
use crate::domain::dialogues::wording::dialogue_error;
use crate::domain::sync::collections::Collection;

pub const HOOKS: Hooks<Dialogue> = Hooks {
    references: |d| vec![Reference::new("unit_id", Collection::Units, &d.unit_id)],
    ranges,
    rules,
};

fn rules(d: &Dialogue, lookup: &Lookup<'_>) -> Vec<RuleIssue> {
    // The organising unit is the references' business; whether it was active on the date is
    // the form's rule, asked of the file's copy of the unit, else this office's.
    let inactive = lookup
        .unit(&d.unit_id)
        .and_then(|u| dialogue::unit_inactive(u, d.date));
    dialogue::validate(&DialogueDraft::from_dialogue(d), &[])
        .iter()
        .chain(inactive.iter())
        .filter_map(|e| {
            let field = match e {
                DialogueError::DateRequired => "date".to_string(),
                DialogueError::PlaceRequired => "place".to_string(),
                DialogueError::Attendances(_) => "attendances".to_string(),
                DialogueError::AgreedContentRequired { index } => format!("agreed[{index}].content"),
                DialogueError::NextDialogueRequired => "next_dialogue_on".to_string(),
                DialogueError::UnitInactive { .. } => "date".to_string(),
                // References and ranges say these, with the value.
                _ => return None,
            };
            Some(RuleIssue {
                field,
                message: dialogue_error(e),
            })
        })
        .collect()
}

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
