//! Units point to their parent unit, and obey the unit form's rules: a name that is more than
//! blanks or invisible characters, an end not before the start, no unit above itself.

use super::{Hooks, Lookup, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::units::{closes_a_loop, error_message, own_rules, Unit, UnitError};

pub const HOOKS: Hooks<Unit> = Hooks {
    references: |u| {
        u.parent_id
            .iter()
            .map(|p| Reference::new("parent_id", Collection::Units, p))
            .collect()
    },
    rules,
    ..Hooks::NONE
};

fn rules(u: &Unit, lookup: &Lookup<'_>) -> Vec<RuleIssue> {
    let mut broken = own_rules(&u.name, u.active_from, u.active_to);
    if let Some(parent) = &u.parent_id {
        if closes_a_loop(
            parent,
            &u.meta.id,
            &|id| lookup.parent_of(id),
            lookup.unit_count(),
        ) {
            broken.push(UnitError::ParentCycle);
        }
    }
    broken
        .iter()
        .map(|e| RuleIssue {
            field: match e {
                UnitError::NameRequired => "name",
                UnitError::EndBeforeStart => "active_to",
                _ => "parent_id",
            }
            .into(),
            message: error_message(e),
        })
        .collect()
}
