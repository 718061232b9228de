//! Cụm thi đua: peer units grouped for one year, with a head (Cụm trưởng) and a deputy
//! (Cụm phó) who rotate yearly. One record per cluster-year, so past years stay as they were.

use crate::domain::record::{self, Id, Meta, Record, Stamp};
use crate::domain::sorting;
use crate::domain::units::Unit;
use serde::{Deserialize, Serialize};

/// Years a cluster may be recorded for; anything else is a typing mistake.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    pub meta: Meta,
    /// "Cụm thi đua số 4"
    pub name: String,
    pub year: i32,
    /// Member units in the cluster's own order (the order of rotation).
    pub member_ids: Vec<Id>,
    /// Cụm trưởng
    #[serde(default)]
    pub head_id: Option<Id>,
    /// Cụm phó
    #[serde(default)]
    pub deputy_id: Option<Id>,
    /// Cụm trưởng năm sau, elected at the year-end review (recorded when known).
    #[serde(default)]
    pub next_head_id: Option<Id>,
    /// Kết quả bỏ phiếu: unit ids, most votes first. The last tie-break of the ranking.
    #[serde(default)]
    pub vote_order: Vec<Id>,
    /// Kết quả đã chốt: set when the cluster closed its results, every member's card being
    /// final (see [`super::closing`]).
    #[serde(default)]
    pub results_closed: Option<super::closing::ResultsClosing>,
    /// Kết quả bỏ phiếu suy tôn: votes for and cast per award form and unit (see
    /// [`super::vote_tally`]); empty until the cluster records it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tally: Vec<super::vote_tally::VoteCount>,
    /// Họp bình xét: the review meeting's details, for its minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<super::review_meeting::ReviewMeeting>,
}
crate::impl_record!(Cluster);

/// What the cluster form submits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClusterDraft {
    pub name: String,
    pub year: i32,
    pub member_ids: Vec<Id>,
    pub head_id: Option<Id>,
    pub deputy_id: Option<Id>,
    pub next_head_id: Option<Id>,
    pub vote_order: Vec<Id>,
}

impl ClusterDraft {
    pub fn from_cluster(c: &Cluster) -> Self {
        Self {
            name: c.name.clone(),
            year: c.year,
            member_ids: c.member_ids.clone(),
            head_id: c.head_id.clone(),
            deputy_id: c.deputy_id.clone(),
            next_head_id: c.next_head_id.clone(),
            vote_order: c.vote_order.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClusterField {
    Name,
    Year,
    Members,
    Head,
    Deputy,
    NextHead,
    VoteOrder,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClusterError {
    NameRequired,
    /// Another live cluster has the same name (diacritics and case aside) in that year.
    NameTaken {
        year: i32,
    },
    YearOutOfRange {
        year: i32,
    },
    NoMembers,
    DuplicateMember {
        unit_id: Id,
    },
    /// Not a live unit (deleted, or never existed here).
    UnknownMember {
        unit_id: Id,
    },
    /// The unit did not exist in that year (its active period ends before or starts after).
    MemberNotActive {
        unit_id: Id,
    },
    HeadNotMember,
    DeputyNotMember,
    HeadIsDeputy,
    NextHeadNotMember,
    VoteNotMember {
        unit_id: Id,
    },
    NotFound,
}

impl ClusterError {
    pub fn field(&self) -> Option<ClusterField> {
        use ClusterError::*;
        match self {
            NameRequired | NameTaken { .. } => Some(ClusterField::Name),
            YearOutOfRange { .. } => Some(ClusterField::Year),
            NoMembers | DuplicateMember { .. } | UnknownMember { .. } | MemberNotActive { .. } => {
                Some(ClusterField::Members)
            }
            HeadNotMember => Some(ClusterField::Head),
            DeputyNotMember | HeadIsDeputy => Some(ClusterField::Deputy),
            NextHeadNotMember => Some(ClusterField::NextHead),
            VoteNotMember { .. } => Some(ClusterField::VoteOrder),
            NotFound => None,
        }
    }
}

/// The form's check, against the units of this installation: [`own_rules`] and every member
/// an existing unit active in the year.
pub fn validate(draft: &ClusterDraft, units: &[Unit]) -> Vec<ClusterError> {
    let mut errors = own_rules(draft);
    for id in unique(&draft.member_ids) {
        match record::find(units, id) {
            None => errors.push(ClusterError::UnknownMember { unit_id: id.clone() }),
            Some(u) if !u.active_in_year(draft.year) => {
                errors.push(ClusterError::MemberNotActive { unit_id: id.clone() })
            }
            Some(_) => {}
        }
    }
    errors
}

fn unique(ids: &[Id]) -> impl Iterator<Item = &Id> {
    ids.iter()
        .enumerate()
        .filter(|(i, id)| !ids[..*i].contains(id))
        .map(|(_, id)| id)
}

/// The rules a cluster obeys on its own, whoever made it (the form, or a file being imported):
/// a name, a year in range, members listed once, head, deputy, next head and votes among them.
pub fn own_rules(draft: &ClusterDraft) -> Vec<ClusterError> {
    let mut errors = Vec::new();
    if crate::domain::fold::fold(&draft.name).is_empty() {
        errors.push(ClusterError::NameRequired);
    }
    if !YEARS.contains(&draft.year) {
        errors.push(ClusterError::YearOutOfRange { year: draft.year });
    }
    if draft.member_ids.is_empty() {
        errors.push(ClusterError::NoMembers);
    }
    for (i, id) in draft.member_ids.iter().enumerate() {
        if draft.member_ids[..i].contains(id) {
            errors.push(ClusterError::DuplicateMember { unit_id: id.clone() });
        }
    }
    let is_member = |id: &Option<Id>| id.as_ref().is_none_or(|id| draft.member_ids.contains(id));
    if !is_member(&draft.head_id) {
        errors.push(ClusterError::HeadNotMember);
    }
    if !is_member(&draft.deputy_id) {
        errors.push(ClusterError::DeputyNotMember);
    }
    if draft.head_id.is_some() && draft.head_id == draft.deputy_id {
        errors.push(ClusterError::HeadIsDeputy);
    }
    if !is_member(&draft.next_head_id) {
        errors.push(ClusterError::NextHeadNotMember);
    }
    for id in &draft.vote_order {
        if !draft.member_ids.contains(id) {
            errors.push(ClusterError::VoteNotMember { unit_id: id.clone() });
        }
    }
    errors
}

/// A cluster is one per name and year: a second "Cụm thi đua số 4 – 2023" would split the
/// year's scorecards between two records. `editing` is the record being saved, if any.
fn check_unique(clusters: &[Cluster], draft: &ClusterDraft, editing: Option<&str>) -> Vec<ClusterError> {
    match find_year(clusters, &draft.name, draft.year) {
        Some(other)
            if Some(other.meta.id.as_str()) != editing && !crate::domain::fold::is_blank(&draft.name) =>
        {
            vec![ClusterError::NameTaken { year: draft.year }]
        }
        _ => Vec::new(),
    }
}

fn apply(c: &mut Cluster, draft: ClusterDraft) {
    c.name = draft.name.trim().to_string();
    c.year = draft.year;
    c.member_ids = draft.member_ids;
    c.head_id = draft.head_id;
    c.deputy_id = draft.deputy_id;
    c.next_head_id = draft.next_head_id;
    c.vote_order = draft.vote_order;
}

/// Builds a validated cluster record without storing it.
pub fn create(
    id: Id,
    draft: ClusterDraft,
    units: &[Unit],
    stamp: &Stamp,
) -> Result<Cluster, Vec<ClusterError>> {
    crate::domain::record::checked(validate(&draft, units))?;
    let mut c = Cluster {
        meta: Meta::new(id, stamp),
        name: String::new(),
        year: draft.year,
        member_ids: Vec::new(),
        head_id: None,
        deputy_id: None,
        next_head_id: None,
        vote_order: Vec::new(),
        results_closed: None,
        tally: Vec::new(),
        meeting: None,
    };
    apply(&mut c, draft);
    Ok(c)
}

/// Adds a new cluster-year, refused when the name is already used in that year.
pub fn add(
    clusters: &mut Vec<Cluster>,
    id: Id,
    draft: ClusterDraft,
    units: &[Unit],
    stamp: &Stamp,
) -> Result<(), Vec<ClusterError>> {
    let mut errors = validate(&draft, units);
    errors.extend(check_unique(clusters, &draft, None));
    crate::domain::record::checked(errors)?;
    clusters.push(create(id, draft, units, stamp)?);
    Ok(())
}

pub fn update(
    clusters: &mut [Cluster],
    id: &str,
    draft: ClusterDraft,
    units: &[Unit],
    stamp: &Stamp,
) -> Result<(), Vec<ClusterError>> {
    let mut errors = validate(&draft, units);
    errors.extend(check_unique(clusters, &draft, Some(id)));
    crate::domain::record::checked(errors)?;
    let c = record::find_mut(clusters, id).ok_or_else(|| vec![ClusterError::NotFound])?;
    apply(c, draft);
    c.meta.touch(stamp);
    Ok(())
}

/// Why the places given in the conference's vote were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteError {
    /// Places count from 1 (most votes).
    PlaceFromOne { unit_id: Id },
    /// Two units given the same place.
    SamePlace { place: u64 },
}

/// Kết quả bỏ phiếu: each unit's place as the officer typed it (1 = most votes; `None` = not
/// placed) into the vote order, placed units first in order of place.
pub fn vote_order(places: Vec<(Id, Option<u64>)>) -> Result<Vec<Id>, VoteError> {
    let mut placed: Vec<(u64, Id)> = Vec::new();
    for (unit_id, place) in places {
        match place {
            Some(0) => return Err(VoteError::PlaceFromOne { unit_id }),
            Some(p) => placed.push((p, unit_id)),
            None => {}
        }
    }
    sorting::sort_by_key(&mut placed, |(p, _)| *p);
    if let Some(w) = placed.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(VoteError::SamePlace { place: w[0].0 });
    }
    Ok(placed.into_iter().map(|(_, id)| id).collect())
}

/// The member after `id` in member order, wrapping round; `None` for a lone member.
pub fn member_after<'a>(cluster: &'a Cluster, id: &str) -> Option<&'a Id> {
    let n = cluster.member_ids.len();
    let pos = cluster.member_ids.iter().position(|m| m == id)?;
    (n > 1).then(|| &cluster.member_ids[(pos + 1) % n])
}

/// The head proposed for next year: the elected one if recorded (and still a member), else the
/// member after this year's head, else the first member.
pub fn proposed_next_head(cluster: &Cluster) -> Option<Id> {
    if let Some(elected) = &cluster.next_head_id {
        if cluster.member_ids.contains(elected) {
            return Some(elected.clone());
        }
    }
    if let Some(head) = &cluster.head_id {
        if let Some(next) = member_after(cluster, head) {
            return Some(next.clone());
        }
    }
    cluster.member_ids.first().cloned()
}

/// Năm sau: copies the cluster to `year + 1` with the same members and proposes the head (see
/// [`proposed_next_head`]) and the deputy (the one the review meeting elected, else the member
/// after the new head, in member order). The next head, votes, meeting and tombstone are not
/// carried over. Returns a new record with `new_id`.
pub fn start_next_year(cluster: &Cluster, new_id: Id, stamp: &Stamp) -> Cluster {
    let head = proposed_next_head(cluster);
    let elected = cluster
        .meeting
        .as_ref()
        .and_then(|m| m.next_deputy_id.clone())
        .filter(|d| cluster.member_ids.contains(d) && Some(d) != head.as_ref());
    let deputy = elected.or_else(|| head.as_ref().and_then(|h| member_after(cluster, h).cloned()));
    Cluster {
        meta: Meta::new(new_id, stamp),
        name: cluster.name.clone(),
        year: cluster.year + 1,
        member_ids: cluster.member_ids.clone(),
        head_id: head,
        deputy_id: deputy,
        next_head_id: None,
        vote_order: Vec::new(),
        results_closed: None,
        tally: Vec::new(),
        meeting: None,
    }
}

/// Next year's record of this cluster already exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearExists {
    pub id: Id,
}

/// "Sang năm …": adds next year's record of `cluster` (see [`start_next_year`]), once.
pub fn add_next_year(
    clusters: &mut Vec<Cluster>,
    cluster: &Cluster,
    new_id: Id,
    stamp: &Stamp,
) -> Result<Id, YearExists> {
    if let Some(existing) = find_year(clusters, &cluster.name, cluster.year + 1) {
        return Err(YearExists {
            id: existing.meta.id.clone(),
        });
    }
    let next = start_next_year(cluster, new_id, stamp);
    let id = next.meta.id.clone();
    clusters.push(next);
    Ok(id)
}

/// The live cluster record with this name folded and year (to avoid starting a year twice).
pub fn find_year<'a>(clusters: &'a [Cluster], name: &str, year: i32) -> Option<&'a Cluster> {
    let folded = crate::domain::fold::fold(name);
    record::live(clusters).find(|c| c.year == year && crate::domain::fold::fold(&c.name) == folded)
}

/// Whether `unit_id` is a member of this cluster-year.
pub fn has_member(cluster: &Cluster, unit_id: &str) -> bool {
    cluster.is_live() && cluster.member_ids.iter().any(|m| m == unit_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::units::UnitKind;
    use chrono::DateTime;

    fn stamp() -> Stamp {
        Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    fn unit(id: &str) -> Unit {
        Unit {
            meta: Meta::new(id.into(), &stamp()),
            name: format!("LĐLĐ {id}"),
            short_name: String::new(),
            kind: UnitKind::District,
            parent_id: None,
            active_from: None,
            active_to: None,
            archived: false,
        }
    }

    fn units() -> Vec<Unit> {
        ["a", "b", "c"].into_iter().map(unit).collect()
    }

    fn draft() -> ClusterDraft {
        ClusterDraft {
            name: "Cụm thi đua số 4".into(),
            year: 2023,
            member_ids: vec!["a".into(), "b".into(), "c".into()],
            head_id: Some("b".into()),
            deputy_id: Some("c".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_cluster_is_created() {
        let c = create("k".into(), draft(), &units(), &stamp()).unwrap();
        assert_eq!(c.name, "Cụm thi đua số 4");
        assert!(has_member(&c, "a"));
    }

    #[test]
    fn head_and_deputy_must_be_distinct_members() {
        let mut d = draft();
        d.deputy_id = d.head_id.clone();
        d.next_head_id = Some("zzz".into());
        let errors = validate(&d, &units());
        assert_eq!(
            errors,
            vec![ClusterError::HeadIsDeputy, ClusterError::NextHeadNotMember]
        );
        assert_eq!(errors[0].field(), Some(ClusterField::Deputy));
        let mut d = draft();
        d.head_id = Some("x".into());
        assert_eq!(validate(&d, &units()), vec![ClusterError::HeadNotMember]);
    }

    #[test]
    fn name_year_and_members_are_required() {
        let d = ClusterDraft {
            name: " ".into(),
            year: 23,
            ..Default::default()
        };
        assert_eq!(
            validate(&d, &units()),
            vec![
                ClusterError::NameRequired,
                ClusterError::YearOutOfRange { year: 23 },
                ClusterError::NoMembers
            ]
        );
    }

    #[test]
    fn members_must_be_known_distinct_and_active_that_year() {
        let mut us = units();
        us[2].active_to = chrono::NaiveDate::from_ymd_opt(2022, 12, 31);
        let mut d = draft();
        d.deputy_id = None;
        d.member_ids.push("a".into());
        d.member_ids.push("ghost".into());
        assert_eq!(
            validate(&d, &us),
            vec![
                ClusterError::DuplicateMember { unit_id: "a".into() },
                ClusterError::MemberNotActive { unit_id: "c".into() },
                ClusterError::UnknownMember {
                    unit_id: "ghost".into()
                },
            ]
        );
    }

    #[test]
    fn rotation_proposes_the_member_after_the_head() {
        let c = create("k".into(), draft(), &units(), &stamp()).unwrap();
        let next = start_next_year(&c, "k2".into(), &stamp());
        assert_eq!(next.year, 2024);
        assert_eq!(next.member_ids, c.member_ids);
        assert_eq!(next.head_id.as_deref(), Some("c"));
        assert_eq!(next.deputy_id.as_deref(), Some("a"), "wraps round");
        assert_eq!(next.meta.id, "k2");
        assert_eq!(next.next_head_id, None);
    }

    #[test]
    fn rotation_follows_the_elected_next_head() {
        let mut d = draft();
        d.next_head_id = Some("a".into());
        let c = create("k".into(), d, &units(), &stamp()).unwrap();
        let next = start_next_year(&c, "k2".into(), &stamp());
        assert_eq!(next.head_id.as_deref(), Some("a"));
        assert_eq!(next.deputy_id.as_deref(), Some("b"));
        assert!(validate(&ClusterDraft::from_cluster(&next), &units()).is_empty());
    }

    #[test]
    fn rotation_without_a_head_starts_with_the_first_member() {
        let mut d = draft();
        d.head_id = None;
        d.deputy_id = None;
        let c = create("k".into(), d, &units(), &stamp()).unwrap();
        assert_eq!(
            start_next_year(&c, "k2".into(), &stamp()).head_id.as_deref(),
            Some("a")
        );
    }

    #[test]
    fn a_second_cluster_with_the_same_name_and_year_is_refused_on_add_and_update() {
        let units = units();
        let mut clusters = Vec::new();
        add(&mut clusters, "k1".into(), draft(), &units, &stamp()).unwrap();
        let mut same = draft();
        same.name = "cum thi dua so 4".into();
        assert_eq!(
            add(&mut clusters, "k2".into(), same.clone(), &units, &stamp()),
            Err(vec![ClusterError::NameTaken { year: same.year }])
        );
        same.year += 1;
        add(&mut clusters, "k2".into(), same.clone(), &units, &stamp()).unwrap();
        // Moving next year's record back onto this year's name is refused too…
        same.year -= 1;
        assert_eq!(
            update(&mut clusters, "k2", same, &units, &stamp()),
            Err(vec![ClusterError::NameTaken { year: draft().year }])
        );
        // …while saving a record under its own name is not.
        update(&mut clusters, "k1", draft(), &units, &stamp()).unwrap();
        assert_eq!(clusters.len(), 2);
    }

    #[test]
    fn the_vote_orders_placed_units_by_place_and_refuses_a_shared_place() {
        let order = vote_order(vec![
            ("a".into(), Some(2)),
            ("b".into(), None),
            ("c".into(), Some(1)),
        ]);
        assert_eq!(order, Ok(vec!["c".to_string(), "a".to_string()]));
        assert_eq!(
            vote_order(vec![("a".into(), Some(1)), ("c".into(), Some(1))]),
            Err(VoteError::SamePlace { place: 1 })
        );
        assert_eq!(
            vote_order(vec![("a".into(), Some(0))]),
            Err(VoteError::PlaceFromOne { unit_id: "a".into() })
        );
    }
}
