//! A cluster points to its member units, and to its head, deputy, next head and votes (units
//! too); its year lies in [`YEARS`]; and it obeys the cluster form's own rules (a name,
//! members listed once, head, deputy and votes among the members).

use super::{outside, Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::record;
use crate::domain::scoring::cluster::{own_rules, Cluster, ClusterDraft, ClusterError, YEARS};
use crate::domain::scoring::review_meeting::MeetingError;
use crate::domain::scoring::template;
use crate::domain::scoring::vote_tally::{self, TallyError};
use crate::domain::scoring::wording::cluster_error;

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
        .chain(year_end_rules(c, lookup, &unit_name))
        .collect()
}

/// The vote tally's check, as on the *Kết quả* page (the forms are the table's, when the file or
/// the data holds it), and the meeting's units present among the members.
fn year_end_rules(c: &Cluster, lookup: &Lookup<'_>, unit_name: &dyn Fn(&str) -> String) -> Vec<RuleIssue> {
    let forms = lookup
        .find(|d| template::find_for(&d.templates, &c.meta.id, c.year))
        .map(|t| t.settings.forms());
    let form_name = |id: &str| {
        forms
            .as_ref()
            .and_then(|f| f.iter().find(|f| f.id == id))
            .map_or_else(|| id.to_string(), |f| f.name.clone())
    };
    let tally = vote_tally::check(&c.tally, c, forms.as_deref().unwrap_or_default())
        .into_iter()
        .filter(|e| forms.is_some() || !matches!(e, TallyError::UnknownForm { .. }))
        .map(|e| RuleIssue {
            field: "tally".into(),
            message: e.message(unit_name, form_name),
        });
    let present = c
        .meeting
        .iter()
        .flat_map(|m| &m.present)
        .filter(|a| !c.member_ids.contains(&a.unit_id));
    let present = present.map(|a| RuleIssue {
        field: "meeting".into(),
        message: MeetingError::NotMember {
            unit_id: a.unit_id.clone(),
        }
        .message(unit_name),
    });
    tally.chain(present).collect()
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
    refs.extend(
        c.tally
            .iter()
            .enumerate()
            .map(|(i, v)| Reference::new(format!("tally[{i}].unit_id"), Collection::Units, &v.unit_id)),
    );
    if let Some(m) = &c.meeting {
        refs.extend(m.present.iter().enumerate().map(|(i, a)| {
            Reference::new(
                format!("meeting.present[{i}].unit_id"),
                Collection::Units,
                &a.unit_id,
            )
        }));
        refs.extend(
            m.next_deputy_id
                .iter()
                .map(|id| Reference::new("meeting.next_deputy_id", Collection::Units, id)),
        );
    }
    refs
}

fn ranges(c: &Cluster, _: &Lookup<'_>) -> Vec<RangeIssue> {
    let (min, max) = (f64::from(*YEARS.start()), f64::from(*YEARS.end()));
    outside("year", f64::from(c.year), Some(min), Some(max))
        .into_iter()
        .collect()
}
