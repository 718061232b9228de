//! A unit's yearly figures point to the unit. Counts cannot be negative by their type. The
//! indicator form's rules are its own ([`indicators::validate`]): no more new members than
//! members, no more new CĐCS than CĐCS, an office's own indicator with a name and a key given
//! once. A target of zero is only a warning there, and is accepted here too.

use super::{Hooks, Lookup, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::scoring::indicators::{self, IndicatorIssue, UnitIndicators};
use crate::domain::scoring::wording::indicator_issue;

pub const HOOKS: Hooks<UnitIndicators> = Hooks {
    references: |r| vec![Reference::new("unit_id", Collection::Units, &r.unit_id)],
    rules,
    ..Hooks::NONE
};

fn rules(r: &UnitIndicators, lookup: &Lookup<'_>) -> Vec<RuleIssue> {
    // The one active-unit rule, asked of the file's copy of the unit, else this office's.
    let inactive = lookup
        .unit(&r.unit_id)
        .and_then(|u| crate::domain::units::inactive_in_year_message(u, r.year))
        .map(|message| RuleIssue {
            field: "year".to_string(),
            message,
        });
    let extra = |key: &str, field: &str| match r.extra.iter().position(|e| e.key.trim() == key) {
        Some(i) => format!("extra[{i}].{field}"),
        None => "extra".to_string(),
    };
    indicators::validate(r)
        .iter()
        .filter(|issue| !issue.is_warning())
        .map(|issue| RuleIssue {
            field: match issue {
                IndicatorIssue::NewMembersExceedMembers => "figures.new_members".to_string(),
                IndicatorIssue::NewGrassrootsExceedGrassroots => "figures.new_grassroots".to_string(),
                IndicatorIssue::ExtraNameRequired { key } => extra(key, "name"),
                IndicatorIssue::DuplicateExtraKey { key } => extra(key, "key"),
                _ => "extra".to_string(),
            },
            message: indicator_issue(issue),
        })
        .chain(inactive)
        .collect()
}
