//! "Gửi phiếu cho Cụm trưởng": what a card sent alone carries, its name, and that the cluster
//! head's installation places it.

use super::*;
use crate::domain::exchange::unshared::{unshared, Exported, Sharing};
use crate::domain::exchange::{export, validate, Office, Scope};
use crate::domain::record::Stamp;
use crate::domain::sample;
use chrono::{DateTime, Utc};

fn at(day: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + day * 86_400, 0).unwrap()
}

/// The sample (Cụm thi đua số 4, 2023) and Ba Vì's card in it.
fn ba_vi_card() -> (AppData, Id) {
    let (data, _) = sample::with_numbered_ids(&Stamp::new("ba-vi-office", at(0)));
    let unit = data.units.iter().find(|u| u.name.contains("Ba Vì")).unwrap();
    let card = data
        .scorecards
        .iter()
        .find(|s| s.unit_id == unit.meta.id)
        .unwrap();
    let id = card.meta.id.clone();
    (data, id)
}

fn card_part(id: &str) -> Part {
    Part::Card {
        scorecard_id: id.to_string(),
    }
}

#[test]
fn a_card_alone_carries_its_unit_cluster_table_and_own_figures_only() {
    let (data, id) = ba_vi_card();
    let card = record::find(&data.scorecards, &id).unwrap();
    let (sel, description) = select_part(&data, &card_part(&id)).unwrap();
    assert_eq!(
        description,
        "Phiếu chấm LĐLĐ huyện Ba Vì - Cụm thi đua số 4 - 2023"
    );
    let picked = |c: Collection, ids: Vec<&str>| ids.into_iter().filter(|i| sel.contains(c, i)).count();
    assert_eq!(
        picked(
            Collection::Scorecards,
            data.scorecards.iter().map(|s| s.id()).collect()
        ),
        1
    );
    assert!(sel.contains(Collection::Scorecards, &id));
    assert!(sel.contains(Collection::Clusters, &card.cluster_id));
    let tables: Vec<&str> = data
        .templates
        .iter()
        .filter(|t| t.cluster_id == card.cluster_id)
        .map(|t| t.id())
        .collect();
    assert!(!tables.is_empty() && tables.iter().all(|t| sel.contains(Collection::Templates, t)));
    for i in &data.indicators {
        let own = i.unit_id == card.unit_id && i.year == card.year;
        assert_eq!(sel.contains(Collection::Indicators, i.id()), own, "{}", i.id());
    }
    assert!(sel.contains(Collection::Units, &card.unit_id));
    assert!(data
        .dialogues
        .iter()
        .all(|d| !sel.contains(Collection::Dialogues, d.id())));
    assert!(data
        .programmes
        .iter()
        .all(|p| !sel.contains(Collection::Programmes, p.id())));
    let whole = select_part(
        &data,
        &Part::ClusterYear {
            cluster_id: card.cluster_id.clone(),
        },
    )
    .unwrap()
    .0;
    assert!(sel.len() < whole.len(), "{} of {}", sel.len(), whole.len());
}

#[test]
fn a_card_file_is_named_after_the_unit_and_the_cluster() {
    let (data, id) = ba_vi_card();
    assert_eq!(
        card_file_name(&data, &id).unwrap(),
        "phieu-cham-ba-vi-cum-4-2023.json.gz"
    );
    assert_eq!(
        without_prefix("ldld-quan-dong-da".into(), UNIT_PREFIXES),
        "dong-da"
    );
    assert_eq!(without_prefix("cdcs-may-10".into(), UNIT_PREFIXES), "cdcs-may-10");
    assert_eq!(card_file_name(&data, "no-such-card"), None);
}

/// The cluster head has everything of the cluster but Ba Vì's card; the card file places it
/// and changes nothing else. An office that has nothing of the cluster can read it too.
#[test]
fn the_cluster_head_places_a_card_sent_alone() {
    let (data, id) = ba_vi_card();
    let (sel, description) = select_part(&data, &card_part(&id)).unwrap();
    let office = Office {
        id: "ba-vi-office".into(),
        name: "LĐLĐ huyện Ba Vì".into(),
    };
    let json = export(&data, &sel, office, Scope { description }, at(1)).to_json();

    let mut head = data.clone();
    head.scorecards.retain(|s| s.meta.id != id);
    let incoming = validate(json.as_bytes(), &head).unwrap();
    let plan = incoming.plan(&head);
    let placed: Vec<_> = plan
        .summaries()
        .into_iter()
        .filter(|s| s.new + s.updated + s.conflicts > 0)
        .collect();
    assert_eq!(placed.len(), 1, "{placed:?}");
    assert_eq!((placed[0].collection, placed[0].new), (Collection::Scorecards, 1));
    let merged = plan.apply(
        &head,
        &incoming.file.data,
        &Default::default(),
        &Stamp::new("head", at(2)),
    );
    assert_eq!(merged.scorecards.len(), data.scorecards.len());
    assert!(merged.scorecards.iter().any(|s| s.meta.id == id));

    assert!(
        validate(json.as_bytes(), &AppData::default()).is_ok(),
        "self-contained"
    );
}

/// The sharing status counts only what the card's file carried as shared.
#[test]
fn a_card_sent_alone_shares_only_what_it_carried() {
    let (mut data, id) = ba_vi_card();
    let total = unshared(&data, at(1)).total;
    let (sel, description) = select_part(&data, &card_part(&id)).unwrap();
    let exported = Exported::new(&data, &sel, false, description, at(1));
    data.sync.record(exported);
    let u = unshared(&data, at(1));
    assert_eq!((u.count, u.sharing), (total - sel.len(), Sharing::Partly));
}
