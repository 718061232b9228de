//! Several files imported together: read each, merge them in export order, list conflicts
//! between them.

use super::*;
use crate::domain::exchange::scopes::{select_part, Part};
use crate::domain::exchange::{export, Office, Scope, Selection};
use crate::domain::record::{Meta, Record};
use crate::domain::units::{Unit, UnitKind};

fn at(day: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + day * 86_400, 0).unwrap()
}

fn unit(id: &str, name: &str, parent: Option<&str>, stamp: &Stamp) -> Unit {
    Unit {
        meta: Meta::new(id.into(), stamp),
        name: name.into(),
        short_name: String::new(),
        kind: UnitKind::Grassroots,
        parent_id: parent.map(str::to_string),
        active_from: None,
        active_to: None,
        archived: false,
    }
}

/// The bytes of a file of `data` sent by `office` on `day`.
fn file_of(data: &AppData, office: &str, day: i64) -> Vec<u8> {
    export(
        data,
        &Selection::everything(data),
        Office {
            id: office.into(),
            name: format!("LĐLĐ {office}"),
        },
        Scope {
            description: "Phần gửi".into(),
        },
        at(day),
    )
    .to_json()
    .into_bytes()
}

fn units(list: Vec<Unit>) -> AppData {
    AppData {
        units: list,
        ..AppData::default()
    }
}

fn readable(received: &[Received]) -> Vec<&Incoming> {
    received.iter().filter_map(|r| r.read.as_ref().ok()).collect()
}

#[test]
fn files_are_merged_oldest_export_first_and_a_broken_file_is_listed_last_with_its_reason() {
    let s = Stamp::new("a", at(0));
    let files = vec![
        (
            "c.json".to_string(),
            file_of(&units(vec![unit("u3", "CĐCS C", None, &s)]), "c", 3),
        ),
        (
            "hong.json".to_string(),
            b"{\"format\": \"thidua-export\", ".to_vec(),
        ),
        (
            "a.json".to_string(),
            file_of(&units(vec![unit("u1", "CĐCS A", None, &s)]), "a", 5),
        ),
        (
            "b.json".to_string(),
            file_of(&units(vec![unit("u2", "CĐCS B", None, &s)]), "b", 1),
        ),
    ];
    let received = read_all(&files, &AppData::default());
    let names: Vec<&str> = received.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["b.json", "c.json", "a.json", "hong.json"]);
    assert!(
        matches!(received[3].read, Err(ImportError::Truncated)),
        "{:?}",
        received[3].read
    );

    let combined = combine(&readable(&received), &Overrides::new(), &s);
    let ids: Vec<&str> = combined.data.units.iter().map(|u| u.id()).collect();
    assert_eq!(ids, ["u2", "u3", "u1"], "new records in merge order");
    assert!(combined.between.is_empty());
    let local = units(vec![unit("u1", "CĐCS A", None, &s)]);
    let plan = DataPlan::new(&local, &combined.data);
    assert_eq!(totals(&plan.summaries()), (2, 0, 1, 0));
}

#[test]
fn a_reference_into_another_file_of_the_batch_is_accepted() {
    let s = Stamp::new("a", at(0));
    let parent = units(vec![unit("p", "LĐLĐ huyện Ba Vì", None, &s)]);
    let child = units(vec![unit("c", "CĐCS May 10", Some("p"), &s)]);
    let alone = read_all(
        &[("con.json".into(), file_of(&child, "x", 1))],
        &AppData::default(),
    );
    assert!(matches!(alone[0].read, Err(ImportError::UnknownReference { .. })));
    let together = read_all(
        &[
            ("con.json".into(), file_of(&child, "x", 1)),
            ("cha.json".into(), file_of(&parent, "y", 2)),
        ],
        &AppData::default(),
    );
    assert!(together.iter().all(|r| r.read.is_ok()), "{together:?}");
}

/// Two units edited the same record independently: the conflict is listed, with the same
/// winner whichever file comes first, and the officer may take the other side.
#[test]
fn a_conflict_between_two_files_is_listed_and_decided_the_same_in_any_order() {
    let s = Stamp::new("head", at(0));
    let base = unit("u", "CĐCS Công ty May 10", None, &s);
    let mut from_a = base.clone();
    from_a.short_name = "May 10".into();
    from_a.meta.touch(&Stamp::new("a", at(1)));
    let mut from_b = base.clone();
    from_b.short_name = "May Mười".into();
    from_b.meta.touch(&Stamp::new("b", at(2)));
    let files = [
        (
            "a.json".to_string(),
            file_of(&units(vec![from_a.clone()]), "a", 1),
        ),
        (
            "b.json".to_string(),
            file_of(&units(vec![from_b.clone()]), "b", 2),
        ),
    ];
    let received = read_all(&files, &AppData::default());
    let forward = combine(&readable(&received), &Overrides::new(), &s);
    assert_eq!(
        forward.between,
        [Between {
            collection: Collection::Units,
            id: "u".into(),
            earlier: 0,
            later: 1,
        }]
    );
    assert_eq!(forward.steps.len(), 1);
    assert_eq!(
        forward.steps[0].conflict_ids(),
        [(Collection::Units, "u".to_string())]
    );
    assert_eq!(
        forward.data.units[0].short_name, "May Mười",
        "the later edit wins by default"
    );

    let mut backward: Vec<&Incoming> = readable(&received);
    backward.reverse();
    let backward = combine(&backward, &Overrides::new(), &s);
    assert_eq!(
        backward.data.units[0].short_name, "May Mười",
        "whatever the order"
    );

    let mut choices = Overrides::new();
    choices.insert((Collection::Units, "u".into()), super::super::Choice::KeepLocal);
    let chosen = combine(&readable(&received), &choices, &Stamp::new("head", at(3)));
    assert_eq!(
        chosen.data.units[0].short_name, "May 10",
        "the earlier file's version, as chosen"
    );
}

/// The sample's cluster sent by each unit as its card alone: the cluster head imports them
/// together; the cluster, table and units each file repeats are counted once.
#[test]
fn cards_sent_alone_by_several_units_combine_into_one_import() {
    let stamp = Stamp::new("head", at(0));
    let (data, _) = crate::domain::sample::with_numbered_ids(&stamp);
    let files: Vec<(String, Vec<u8>)> = data
        .scorecards
        .iter()
        .take(3)
        .enumerate()
        .map(|(day, card)| {
            let (sel, description) = select_part(
                &data,
                &Part::Card {
                    scorecard_id: card.meta.id.clone(),
                },
            )
            .unwrap();
            let file = export(
                &data,
                &sel,
                Office {
                    id: card.unit_id.clone(),
                    name: card.unit_id.clone(),
                },
                Scope { description },
                at(day as i64 + 1),
            );
            (format!("{day}.json"), file.to_json().into_bytes())
        })
        .collect();
    let mut head = data.clone();
    let sent: Vec<String> = data
        .scorecards
        .iter()
        .take(3)
        .map(|c| c.meta.id.clone())
        .collect();
    head.scorecards.retain(|c| !sent.contains(&c.meta.id));
    let received = read_all(&files, &head);
    assert!(received.iter().all(|r| r.read.is_ok()));
    let combined = combine(&readable(&received), &Overrides::new(), &stamp);
    assert!(combined.between.is_empty());
    let plan = DataPlan::new(&head, &combined.data);
    let (new, updated, _, conflicts) = totals(&plan.summaries());
    assert_eq!((new, updated, conflicts), (3, 0, 0));
}

/// The conflict names the file whose version the earlier files held, not just the one before.
#[test]
fn a_conflict_names_the_file_that_brought_the_other_version() {
    let s = Stamp::new("head", at(0));
    let base = unit("u", "CĐCS Công ty May 10", None, &s);
    let mut from_a = base.clone();
    from_a.short_name = "May 10".into();
    from_a.meta.touch(&Stamp::new("a", at(1)));
    let mut from_c = base.clone();
    from_c.short_name = "May Mười".into();
    from_c.meta.touch(&Stamp::new("c", at(3)));
    let files = [
        ("a.json".to_string(), file_of(&units(vec![from_a]), "a", 1)),
        (
            "b.json".to_string(),
            file_of(&units(vec![unit("v", "CĐCS B", None, &s)]), "b", 2),
        ),
        ("c.json".to_string(), file_of(&units(vec![from_c]), "c", 3)),
    ];
    let received = read_all(&files, &AppData::default());
    let combined = combine(&readable(&received), &Overrides::new(), &s);
    assert_eq!((combined.between[0].earlier, combined.between[0].later), (0, 2));
    assert_eq!(combined.steps.len(), 2);
    assert!(combined.steps[0].conflict_ids().is_empty());
}
