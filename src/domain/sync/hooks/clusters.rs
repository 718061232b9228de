//! A cluster points to its member units, and to its head, deputy, next head and votes (units
//! too); its year lies in [`YEARS`].

use super::{outside, Hooks, Lookup, RangeIssue, Reference};
use crate::domain::scoring::cluster::{Cluster, YEARS};
use crate::domain::sync::collections::Collection;

pub const HOOKS: Hooks<Cluster> = Hooks { references, ranges };

fn references(c: &Cluster) -> Vec<Reference> {
    let listed = |name: &str, ids: &[String]| -> Vec<Reference> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| Reference::new(format!("{name}[{i}]"), Collection::Units, id))
            .collect()
    };
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
