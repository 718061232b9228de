//! A cluster points to its member units, and to its head, deputy, next head and votes (units
//! too); its year lies in [`YEARS`]; and it obeys the cluster form's own rules (a name,
//! members listed once, head, deputy and votes among the members).

use super::{outside, Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::record;
use crate::domain::scoring::cluster::{own_rules, Cluster, ClusterDraft, ClusterError, YEARS};
use crate::domain::scoring::wording::cluster_error;
use crate::domain::sync::collections::Collection;

pub const HOOKS: Hooks<Cluster> = Hooks {
    references,
    ranges,
    rules,
};

fn rules(c: &Cluster, lookup: &Lookup<'_>) -> Vec<RuleIssue> {
    let unit_name = |id: &str| {
        lookup
            .find(|d| record::find(&d.units, id))
            .map_or_else(|| format!("Đơn vị mã \"{id}\""), |u| u.name.clone())
    };
    own_rules(&ClusterDraft::from_cluster(c))
        .iter()
        // The year is checked as a range, with its bounds.
        .filter(|e| !matches!(e, ClusterError::YearOutOfRange { .. }))
        .map(|e| RuleIssue {
            field: match e {
                ClusterError::NameRequired => "name",
                ClusterError::HeadNotMember => "head_id",
                ClusterError::DeputyNotMember | ClusterError::HeadIsDeputy => "deputy_id",
                ClusterError::NextHeadNotMember => "next_head_id",
                ClusterError::VoteNotMember { .. } => "vote_order",
                _ => "member_ids",
            }
            .into(),
            message: cluster_error(e, unit_name),
        })
        .collect()
}

fn references(c: &Cluster) -> Vec<Reference<'_>> {
    fn listed<'a>(name: &str, ids: &'a [String]) -> Vec<Reference<'a>> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| Reference::new(format!("{name}[{i}]"), Collection::Units, id))
            .collect()
    }
    let mut refs = listed("member_ids", &c.member_ids);
    for (field, id) in [
        ("head_id", &c.head_id),
        ("deputy_id", &c.deputy_id),
        ("next_head_id", &c.next_head_id),
    ] {
        refs.extend(id.iter().map(|id| Reference::new(field, Collection::Units, id)));
    }
    refs.extend(listed("vote_order", &c.vote_order));
    refs
}

fn ranges(c: &Cluster, _: &Lookup<'_>) -> Vec<RangeIssue> {
    let (min, max) = (f64::from(*YEARS.start()), f64::from(*YEARS.end()));
    outside("year", f64::from(c.year), Some(min), Some(max))
        .into_iter()
        .collect()
}
