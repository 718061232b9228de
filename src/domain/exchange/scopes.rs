//! The parts of the data an officer can export (phạm vi xuất): everything, one cluster-year,
//! one unit's dialogues of a year, or one programme. Each scope becomes a [`Selection`] plus a
//! description for the file's `scope` and name.
//!
//! A part carries what its records point to, so the receiving office can always import it:
//! the units a cluster, dialogue or programme names, and their parent units up the chain
//! (references to records that exist nowhere are refused on import).

use super::file::Selection;
use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::fold::slug;
use crate::domain::record::{self, Id, Record};
use std::collections::BTreeSet;

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Toàn bộ dữ liệu.
    Everything,
    /// One cluster-year: the cluster, its units, template, indicators and scorecards.
    ClusterYear { cluster_id: Id },
    /// One unit's dialogues of one year, with their proposals.
    UnitDialogues { unit_id: Id, year: i32 },
    /// One programme with its annual reviews.
    Programme { programme_id: Id },
    /// One unit's scorecard sent alone to the cluster head (Gửi phiếu cho Cụm trưởng): see
    /// [`card_alone`] for what it carries.
    Card { scorecard_id: Id },
}

/// The records of `part` and the description of the file's content, or None when the part
/// names a record that does not exist (any more).
pub fn select_part(data: &AppData, part: &Part) -> Option<(Selection, String)> {
    match part {
        Part::Everything => Some((Selection::everything(data), "Toàn bộ dữ liệu".to_string())),
        Part::ClusterYear { cluster_id } => cluster_year(data, cluster_id),
        Part::UnitDialogues { unit_id, year } => unit_dialogues(data, unit_id, *year),
        Part::Programme { programme_id } => programme(data, programme_id),
        Part::Card { scorecard_id } => card_alone(data, scorecard_id),
    }
}

/// Adds the units and all their ancestors (parent_id chains), tombstones included.
fn insert_units_with_parents(sel: &mut Selection, data: &AppData, ids: impl IntoIterator<Item = Id>) {
    let mut todo: Vec<Id> = ids.into_iter().collect();
    let mut seen = BTreeSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(unit) = data.units.iter().find(|u| u.meta.id == id) else {
            continue;
        };
        sel.insert(Collection::Units, id.clone());
        if let Some(parent) = &unit.parent_id {
            todo.push(parent.clone());
        }
    }
}

fn cluster_year(data: &AppData, cluster_id: &str) -> Option<(Selection, String)> {
    let cluster = record::find(&data.clusters, cluster_id)?;
    let mut sel = Selection::empty();
    sel.insert(Collection::Clusters, cluster_id);
    let members = cluster_units(cluster);
    for t in data.templates.iter().filter(|t| t.cluster_id == cluster_id) {
        sel.insert(Collection::Templates, t.id());
    }
    let mut units = members.clone();
    for s in data.scorecards.iter().filter(|s| s.cluster_id == cluster_id) {
        sel.insert(Collection::Scorecards, s.id());
        units.insert(s.unit_id.clone());
    }
    for i in data
        .indicators
        .iter()
        .filter(|i| i.year == cluster.year && members.contains(&i.unit_id))
    {
        sel.insert(Collection::Indicators, i.id());
    }
    insert_units_with_parents(&mut sel, data, units);
    Some((sel, cluster_label(cluster)))
}

/// A scorecard sent alone, with what the cluster head's installation needs to place it and to
/// compute it as the unit did:
/// - the card itself;
/// - the cluster (the card names it), and the units the cluster names (members, head, deputy)
///   with their parents, so the file is accepted even where some of them are missing;
/// - the cluster's scoring table, whose criteria the card's entries are keyed by;
/// - the unit's own figures of the cluster's year: its automatic points (targets, counts) are
///   read from them. The other units' figures are not sent: they are theirs to send, and the
///   cluster head has them.
///
/// Nothing else of the cluster (other cards, other figures) travels, so the sharing status
/// counts only these records as shared.
fn card_alone(data: &AppData, scorecard_id: &str) -> Option<(Selection, String)> {
    let card = record::find(&data.scorecards, scorecard_id)?;
    let cluster = record::find(&data.clusters, &card.cluster_id)?;
    let unit = record::find(&data.units, &card.unit_id)?;
    let mut sel = Selection::empty();
    sel.insert(Collection::Scorecards, scorecard_id);
    sel.insert(Collection::Clusters, cluster.id());
    for t in data.templates.iter().filter(|t| t.cluster_id == cluster.id()) {
        sel.insert(Collection::Templates, t.id());
    }
    for i in data
        .indicators
        .iter()
        .filter(|i| i.year == cluster.year && i.unit_id == card.unit_id)
    {
        sel.insert(Collection::Indicators, i.id());
    }
    let units = cluster_units(cluster).into_iter().chain([card.unit_id.clone()]);
    insert_units_with_parents(&mut sel, data, units);
    Some((
        sel,
        format!("Phiếu chấm {} - {}", unit.name, cluster_label(cluster)),
    ))
}

/// The name a card file gets: `phieu-cham-<unit>-<cluster>.json.gz`, e.g.
/// `phieu-cham-ba-vi-cum-4-2023.json.gz` for LĐLĐ huyện Ba Vì in Cụm thi đua số 4, 2023: ASCII,
/// short (the unit's short name when it has one, the kind of office and "thi đua số" left out),
/// so that the cluster head sees at once whose card each attachment is.
pub fn card_file_name(data: &AppData, scorecard_id: &str) -> Option<String> {
    let card = record::find(&data.scorecards, scorecard_id)?;
    let cluster = record::find(&data.clusters, &card.cluster_id)?;
    let unit = record::find(&data.units, &card.unit_id)?;
    let unit_part = without_prefix(slug(unit.label()), UNIT_PREFIXES);
    let cluster_part = slug(&cluster_label(cluster)).replacen("cum-thi-dua-so-", "cum-", 1);
    Some(format!("phieu-cham-{unit_part}-{cluster_part}.json.gz"))
}

/// The kind of office in front of a unit's name, the same for every unit of a kind; longest
/// first.
const UNIT_PREFIXES: &[&str] = &[
    "lien-doan-lao-dong-thanh-pho-",
    "lien-doan-lao-dong-thi-xa-",
    "lien-doan-lao-dong-huyen-",
    "lien-doan-lao-dong-quan-",
    "ldld-thanh-pho-",
    "ldld-thi-xa-",
    "ldld-huyen-",
    "ldld-quan-",
];

/// `slugged` without the first of `prefixes` it starts with.
fn without_prefix(slugged: String, prefixes: &[&str]) -> String {
    prefixes
        .iter()
        .find_map(|p| slugged.strip_prefix(p).filter(|rest| !rest.is_empty()))
        .map(str::to_string)
        .unwrap_or(slugged)
}

/// Every unit a cluster names: members, the recorded vote order, head, deputy and next head.
fn cluster_units(cluster: &crate::domain::scoring::cluster::Cluster) -> BTreeSet<Id> {
    let mut ids = BTreeSet::new();
    // Plain loops: a chain of five iterators costs the start bundle twice as much code.
    for id in cluster.member_ids.iter().chain(&cluster.vote_order) {
        ids.insert(id.clone());
    }
    for id in [&cluster.head_id, &cluster.deputy_id, &cluster.next_head_id]
        .into_iter()
        .flatten()
    {
        ids.insert(id.clone());
    }
    ids
}

/// "Cụm thi đua số 4 - 2023" (the year once, even when the name has it).
fn cluster_label(cluster: &crate::domain::scoring::cluster::Cluster) -> String {
    if cluster.name.contains(&cluster.year.to_string()) {
        cluster.name.clone()
    } else {
        format!("{} - {}", cluster.name, cluster.year)
    }
}

fn unit_dialogues(data: &AppData, unit_id: &str, year: i32) -> Option<(Selection, String)> {
    use chrono::Datelike;
    let unit = record::find(&data.units, unit_id)?;
    let mut sel = Selection::empty();
    let dialogues: BTreeSet<&str> = data
        .dialogues
        .iter()
        .filter(|d| d.unit_id == unit_id && d.date.year() == year)
        .map(|d| d.id())
        .collect();
    for id in &dialogues {
        sel.insert(Collection::Dialogues, *id);
    }
    for p in data
        .proposals
        .iter()
        .filter(|p| dialogues.contains(p.dialogue_id.as_str()))
    {
        sel.insert(Collection::Proposals, p.id());
    }
    insert_units_with_parents(&mut sel, data, [unit_id.to_string()]);
    Some((sel, format!("Đối thoại {} - {year}", unit.label())))
}

fn programme(data: &AppData, programme_id: &str) -> Option<(Selection, String)> {
    let p = record::find(&data.programmes, programme_id)?;
    let mut sel = Selection::empty();
    sel.insert(Collection::Programmes, programme_id);
    for r in data.reviews.iter().filter(|r| r.programme_id == programme_id) {
        sel.insert(Collection::Reviews, r.id());
    }
    insert_units_with_parents(&mut sel, data, [p.unit_id.clone()]);
    Some((sel, format!("Chương trình phối hợp {}", p.number)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::{export, validate, Office, Scope};
    use crate::domain::record::{Meta, Stamp};
    use crate::domain::units::{Unit, UnitKind};

    fn stamp() -> Stamp {
        Stamp::new(
            "ba-vi",
            chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        )
    }

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            meta: Meta::new(id.into(), &stamp()),
            name: format!("LĐLĐ {id}"),
            short_name: String::new(),
            kind: UnitKind::District,
            parent_id: parent.map(str::to_string),
            active_from: None,
            active_to: None,
            archived: false,
        }
    }

    fn cluster(id: &str, year: i32, members: &[&str]) -> crate::domain::scoring::cluster::Cluster {
        crate::domain::scoring::cluster::Cluster {
            meta: Meta::new(id.into(), &stamp()),
            name: "Cụm thi đua số 4".into(),
            year,
            member_ids: members.iter().map(|m| m.to_string()).collect(),
            head_id: None,
            deputy_id: None,
            next_head_id: None,
            vote_order: Vec::new(),
            results_closed: None,
            tally: Vec::new(),
            meeting: None,
        }
    }

    fn sample() -> AppData {
        AppData {
            units: vec![
                unit("city", None),
                unit("ba-vi", Some("city")),
                unit("quoc-oai", Some("city")),
                unit("soc-son", Some("city")),
            ],
            clusters: vec![
                cluster("c4-2023", 2023, &["ba-vi", "quoc-oai"]),
                cluster("c1-2023", 2023, &["soc-son"]),
            ],
            ..AppData::default()
        }
    }

    #[test]
    fn a_cluster_year_carries_its_units_and_their_parents_only() {
        let data = sample();
        let (sel, description) = select_part(
            &data,
            &Part::ClusterYear {
                cluster_id: "c4-2023".into(),
            },
        )
        .unwrap();
        assert_eq!(description, "Cụm thi đua số 4 - 2023");
        assert!(sel.contains(Collection::Clusters, "c4-2023"));
        assert!(!sel.contains(Collection::Clusters, "c1-2023"));
        for id in ["city", "ba-vi", "quoc-oai"] {
            assert!(sel.contains(Collection::Units, id), "{id}");
        }
        assert!(!sel.contains(Collection::Units, "soc-son"));
    }

    #[test]
    fn an_exported_cluster_year_imports_into_an_empty_office() {
        let data = sample();
        let (sel, description) = select_part(
            &data,
            &Part::ClusterYear {
                cluster_id: "c4-2023".into(),
            },
        )
        .unwrap();
        let file = export(
            &data,
            &sel,
            Office {
                id: "ba-vi".into(),
                name: "LĐLĐ huyện Ba Vì".into(),
            },
            Scope { description },
            stamp().at,
        );
        let incoming = validate(file.to_json().as_bytes(), &AppData::default()).unwrap();
        assert_eq!(incoming.file.data.units.len(), 3);
        assert_eq!(incoming.file.data.clusters.len(), 1);
    }

    #[test]
    fn everything_selects_every_record() {
        let data = sample();
        let (sel, description) = select_part(&data, &Part::Everything).unwrap();
        assert_eq!(sel.len(), 6);
        assert_eq!(description, "Toàn bộ dữ liệu");
    }

    #[test]
    fn a_missing_record_selects_nothing() {
        let data = sample();
        assert!(select_part(
            &data,
            &Part::ClusterYear {
                cluster_id: "x".into()
            }
        )
        .is_none());
        assert!(select_part(
            &data,
            &Part::Programme {
                programme_id: "x".into()
            }
        )
        .is_none());
        assert!(select_part(
            &data,
            &Part::UnitDialogues {
                unit_id: "x".into(),
                year: 2024
            }
        )
        .is_none());
    }

    #[test]
    fn a_units_dialogues_of_a_year_carry_their_proposals_and_nothing_else() {
        use chrono::Datelike;
        let sample = crate::domain::dialogues::sample::synthetic_proposals(300, 7);
        let data = AppData {
            units: sample.units,
            dialogues: sample.dialogues,
            proposals: sample.proposals,
            ..AppData::default()
        };
        let first = &data.dialogues[0];
        let (unit, year) = (first.unit_id.clone(), first.date.year());
        let (sel, _) = select_part(
            &data,
            &Part::UnitDialogues {
                unit_id: unit.clone(),
                year,
            },
        )
        .unwrap();
        for d in &data.dialogues {
            let wanted = d.unit_id == unit && d.date.year() == year;
            assert_eq!(sel.contains(Collection::Dialogues, &d.meta.id), wanted);
        }
        for p in &data.proposals {
            let of_selected = sel.contains(Collection::Dialogues, &p.dialogue_id);
            assert_eq!(sel.contains(Collection::Proposals, &p.meta.id), of_selected);
        }
        assert!(sel.contains(Collection::Units, &unit));
    }

    #[test]
    fn a_units_dialogues_carry_the_unit() {
        let data = sample();
        let (sel, description) = select_part(
            &data,
            &Part::UnitDialogues {
                unit_id: "ba-vi".into(),
                year: 2024,
            },
        )
        .unwrap();
        assert!(sel.contains(Collection::Units, "ba-vi"));
        assert!(sel.contains(Collection::Units, "city"));
        assert_eq!(description, "Đối thoại LĐLĐ ba-vi - 2024");
    }
}

#[cfg(test)]
#[path = "card_alone_tests.rs"]
mod card_alone_tests;
