//! A scorecard points to its cluster and its unit. Its points may not exceed their criterion's
//! maximum in the template of the same cluster-year, taken from the file, else from local data
//! (no template known: nothing to compare with). The rule is the scoring module's own
//! ([`check_mark`]), as is the rule that a yes/no criterion takes a yes/no and a points
//! criterion points (the form offers nothing else). Marks of a criterion since removed from the
//! template are kept, as the app keeps them, for when it comes back.

use super::{Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::scoring::scorecard::{check_mark, Scorecard, ScorecardError};
use crate::domain::scoring::template;
use crate::domain::scoring::wording::scorecard_error;

pub const HOOKS: Hooks<Scorecard> = Hooks {
    references: |c| {
        vec![
            Reference::new("cluster_id", Collection::Clusters, &c.cluster_id),
            Reference::new("unit_id", Collection::Units, &c.unit_id),
        ]
    },
    ranges,
    rules,
};

/// Every mark the scoring module refuses, with its path (`entries.<criterion>.<side>`) and
/// the table's criterion names; nothing when no table of the cluster-year is known.
fn refused_marks(card: &Scorecard, lookup: &Lookup<'_>) -> Vec<(String, ScorecardError, String)> {
    let Some(template) = lookup.find(|d| template::find_for(&d.templates, &card.cluster_id, card.year))
    else {
        return Vec::new();
    };
    let mut refused = Vec::new();
    for (criterion_id, entry) in &card.entries {
        for (side, mark) in [
            ("self_mark", entry.self_mark),
            ("reviewed_mark", entry.reviewed_mark),
        ] {
            let Some(mark) = mark else { continue };
            if let Err(e) = check_mark(template, criterion_id, mark) {
                let name = template
                    .criterion(criterion_id)
                    .map_or_else(|| criterion_id.clone(), |c| format!("{} {}", c.code, c.name));
                refused.push((format!("entries.{criterion_id}.{side}"), e, name));
            }
        }
    }
    refused
}

fn rules(card: &Scorecard, lookup: &Lookup<'_>) -> Vec<RuleIssue> {
    refused_marks(card, lookup)
        .into_iter()
        .filter(|(_, e, _)| matches!(e, ScorecardError::WrongMarkKind { .. }))
        .map(|(field, e, name)| RuleIssue {
            field,
            message: scorecard_error(&e, |_| name.clone()),
        })
        .collect()
}

fn ranges(card: &Scorecard, lookup: &Lookup<'_>) -> Vec<RangeIssue> {
    refused_marks(card, lookup)
        .into_iter()
        .filter_map(|(field, e, _)| match e {
            ScorecardError::AboveMaximum { max, given, .. } => Some(RangeIssue {
                field: format!("{field}.points"),
                value: given.as_f64(),
                min: Some(0.0),
                max: Some(max.as_f64()),
            }),
            _ => None,
        })
        .collect()
}
