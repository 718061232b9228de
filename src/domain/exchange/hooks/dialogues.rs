//! A dialogue points to its organising unit. Out of range: the next dialogue dated on or
//! before this one. Its other form rules (a place, the content of each agreed point, the next
//! date when points remain disagreed) are the form's own ([`dialogue::validate`]), and so is the
//! lock of signed minutes ([`signing::changes_signed_minutes`]): a file whose copy would replace
//! or conflict with minutes signed here, changing them without a reopening this office has not
//! seen, is refused.

use super::{date_value, Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::dialogues::dialogue::{self, Dialogue, DialogueDraft, DialogueError};
use crate::domain::dialogues::signing;
use crate::domain::dialogues::wording::{dialogue_error, signed_minutes_changed};
use crate::domain::exchange::merge::{compare, Causality};

pub const HOOKS: Hooks<Dialogue> = Hooks {
    references: |d| vec![Reference::new("unit_id", Collection::Units, &d.unit_id)],
    ranges,
    rules,
};

fn rules(d: &Dialogue, lookup: &Lookup<'_>) -> Vec<RuleIssue> {
    let mut issues = form_rules(d, lookup);
    if let Some(local) = lookup.local_dialogue(&d.meta.id) {
        // An older copy (one this office has seen) is kept out by the merge, not refused here.
        let newer = !matches!(
            compare(&d.meta.edits, &local.meta.edits),
            Causality::Dominated | Causality::Equal
        );
        if newer && signing::changes_signed_minutes(local, d) {
            issues.push(RuleIssue {
                field: "minutes_signed".into(),
                message: signed_minutes_changed(local.date),
            });
        }
    }
    issues
}

fn form_rules(d: &Dialogue, lookup: &Lookup<'_>) -> Vec<RuleIssue> {
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
                DialogueError::StartTimeInvalid => "meeting.start_time".to_string(),
                DialogueError::HostNameRequired => "meeting.host.name".to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::AppData;
    use crate::domain::dialogues::testkit::{d, dialogue, stamp};
    use crate::domain::dialogues::DialogueKind;
    use crate::domain::record::Stamp;

    fn with(dialogue: Dialogue) -> AppData {
        AppData {
            dialogues: vec![dialogue],
            ..AppData::default()
        }
    }

    fn refused(incoming: &Dialogue, local: &Dialogue) -> Vec<String> {
        let (incoming_data, local_data) = (with(incoming.clone()), with(local.clone()));
        let lookup = Lookup::new(&incoming_data, &local_data);
        (HOOKS.rules)(incoming, &lookup)
            .into_iter()
            .map(|i| i.field)
            .collect()
    }

    #[test]
    fn a_file_changing_minutes_signed_here_is_refused_unless_it_records_a_reopening() {
        let local = dialogue("dl", "thanh-oai", DialogueKind::Periodic, d(2025, 5, 15));
        let other = Stamp::new("ba-vi", stamp().at);
        let mut edited = local.clone();
        edited.attendances = 999;
        edited.meta.touch(&other);
        assert_eq!(refused(&edited, &local), vec!["minutes_signed"]);
        assert!(signed_minutes_changed(local.date).contains("15/05/2025"));

        // An older copy than ours is the merge's to keep out, not a reason to refuse the file.
        let mut older = local.clone();
        older.attendances = 1;
        assert!(refused(&older, &local).is_empty());

        // Reopened (recorded) where it was edited: taken in.
        let mut reopened = local.clone();
        signing::reopen(
            std::slice::from_mut(&mut reopened),
            "dl",
            "Cụm trưởng",
            "Sửa số lượt",
            &other,
        )
        .unwrap();
        reopened.attendances = 999;
        assert!(refused(&reopened, &local).is_empty());

        // Minutes not signed here: any newer copy is an ordinary update.
        let mut unsigned = local.clone();
        unsigned.minutes_signed = false;
        assert!(refused(&edited, &unsigned).is_empty());
    }
}
