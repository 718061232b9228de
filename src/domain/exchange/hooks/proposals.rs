//! A proposal points to its dialogue. Out of range: a directive, deadline or resolution date
//! before the dialogue's date, taken from the file, else from local data (no live dialogue
//! known: nothing to compare with). The rules are the form's own ([`proposal::validate`]).

use super::{date_value, Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::dialogues::proposal::{self, Proposal, ProposalDraft, ProposalError};
use crate::domain::dialogues::wording::proposal_error;

pub const HOOKS: Hooks<Proposal> = Hooks {
    references: |p| {
        vec![Reference::new(
            "dialogue_id",
            Collection::Dialogues,
            &p.dialogue_id,
        )]
    },
    ranges,
    rules,
};

/// The content is required, as on the form (the dialogue's date rules are ranges, above).
fn rules(p: &Proposal, _: &Lookup<'_>) -> Vec<RuleIssue> {
    if !crate::domain::fold::is_blank(&p.content) {
        return Vec::new();
    }
    vec![RuleIssue {
        field: "content".into(),
        message: proposal_error(&ProposalError::ContentRequired),
    }]
}

fn ranges(p: &Proposal, lookup: &Lookup<'_>) -> Vec<RangeIssue> {
    let Some(dialogue) = lookup.dialogue(&p.dialogue_id) else {
        return Vec::new();
    };
    let held = date_value(dialogue.date);
    proposal::validate(&ProposalDraft::from_proposal(p), std::slice::from_ref(dialogue))
        .into_iter()
        .filter_map(|e| {
            let (field, date) = match e {
                ProposalError::DirectiveBeforeDialogue => ("directive.date", p.directive.date?),
                ProposalError::DeadlineBeforeDialogue => ("deadline", p.deadline?),
                ProposalError::ResolvedBeforeDialogue => ("resolved_on", p.resolved_on?),
                _ => return None,
            };
            Some(RangeIssue {
                field: field.into(),
                value: date_value(date),
                min: Some(held),
                max: None,
            })
        })
        .collect()
}
