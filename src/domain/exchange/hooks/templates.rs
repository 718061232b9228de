//! A scoring template points to its cluster. Out of range: a criterion maximum of zero (except
//! for veto criteria, whose maximum is not used), tier thresholds that do not descend
//! (HTXSNV > HTTNV > HTNV), an HTXSNV cap above 100 %. Its other rules are the table editor's
//! own ([`template::errors`]): a name, block codes given once, criteria with an id given once,
//! a name and a known block, counts with positive steps, tie-break blocks that exist.

use super::{outside, Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::scoring::points::Points;
use crate::domain::scoring::template::{self, CriterionKind, ScoringTemplate, TemplateIssue};
use crate::domain::scoring::wording::template_issue;

pub const HOOKS: Hooks<ScoringTemplate> = Hooks {
    references: |t| vec![Reference::new("cluster_id", Collection::Clusters, &t.cluster_id)],
    ranges,
    rules,
};

fn rules(t: &ScoringTemplate, _: &Lookup<'_>) -> Vec<RuleIssue> {
    let criterion = |id: &str, field: &str| match t.criteria.iter().position(|c| c.id == id) {
        Some(i) => format!("criteria[{i}].{field}"),
        None => "criteria".to_string(),
    };
    template::errors(t)
        .iter()
        .filter_map(|issue| {
            use TemplateIssue::*;
            let field = match issue {
                NameRequired => "name".to_string(),
                BlockCodeRequired | DuplicateBlock { .. } => "blocks".to_string(),
                CriterionIdRequired => "criteria".to_string(),
                DuplicateCriterion { id } => criterion(id, "id"),
                CriterionNameRequired { id } => criterion(id, "name"),
                UnknownBlock { id, .. } => criterion(id, "block"),
                PointsEachMustBePositive { id } => criterion(id, "points_each"),
                PerMustBePositive { id } => criterion(id, "per"),
                UnknownTieBlock { .. } => "settings.tie_blocks".to_string(),
                // Reported as ranges, with the value and its bounds.
                _ => return None,
            };
            Some(RuleIssue {
                field,
                message: template_issue(issue),
            })
        })
        .collect()
}

/// The smallest step of points: one tenth.
const TENTH: f64 = 0.1;

fn ranges(t: &ScoringTemplate, _: &Lookup<'_>) -> Vec<RangeIssue> {
    let mut issues = Vec::new();
    for (i, c) in t.criteria.iter().enumerate() {
        if c.kind != CriterionKind::Veto && c.max == Points::ZERO {
            issues.extend(outside(format!("criteria[{i}].max"), 0.0, Some(TENTH), None));
        }
    }
    let th = t.settings.thresholds;
    // Each threshold must lie strictly below the one above it.
    let below = |field: &str, value: Points, above: Points| {
        outside(
            format!("settings.thresholds.{field}"),
            value.as_f64(),
            Some(0.0),
            Some(above.as_f64() - TENTH),
        )
    };
    issues.extend(below("good", th.good, th.excellent));
    issues.extend(below("done", th.done, th.good));
    if let Some(percent) = t.settings.excellent_cap_percent {
        issues.extend(outside(
            "settings.excellent_cap_percent",
            f64::from(percent),
            Some(0.0),
            Some(100.0),
        ));
    }
    issues
}
