//! A scoring template points to its cluster. Out of range: a criterion maximum of zero (except
//! for veto criteria, whose maximum is not used), tier thresholds that do not descend
//! (HTXSNV > HTTNV > HTNV), an HTXSNV cap above 100 %. Its other rules
//! ([`template::validate`](crate::domain::scoring::template::validate)) are the editor's.

use super::{outside, Hooks, Lookup, RangeIssue, Reference};
use crate::domain::scoring::points::Points;
use crate::domain::scoring::template::{CriterionKind, ScoringTemplate};
use crate::domain::sync::collections::Collection;

pub const HOOKS: Hooks<ScoringTemplate> = Hooks {
    references: |t| vec![Reference::new("cluster_id", Collection::Clusters, &t.cluster_id)],
    ranges,
    ..Hooks::NONE
};

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
