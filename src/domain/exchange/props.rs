//! Property tests of the merge on random histories: several offices create, edit and delete a
//! few records and exchange full exports in random order, with a clock that moves forward.

use super::file::{export, Office, Scope, Selection};
use super::merge::{compare, Causality, Choice};
use crate::domain::collections::{DataPlan, Overrides};
use crate::domain::data::AppData;
use crate::domain::record::{self, Meta, Record, Stamp};
use crate::domain::units::{Unit, UnitKind};
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use std::collections::BTreeSet;

const OFFICES: usize = 3;
const IDS: usize = 4;

#[derive(Clone, Debug)]
enum Op {
    Create { office: usize, id: usize },
    Edit { office: usize, id: usize, name: u8 },
    Delete { office: usize, id: usize },
    Sync { from: usize, to: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..OFFICES, 0..IDS).prop_map(|(office, id)| Op::Create { office, id }),
        (0..OFFICES, 0..IDS, any::<u8>()).prop_map(|(office, id, name)| Op::Edit { office, id, name }),
        (0..OFFICES, 0..IDS).prop_map(|(office, id)| Op::Delete { office, id }),
        (0..OFFICES, 0..OFFICES).prop_map(|(from, to)| Op::Sync { from, to }),
    ]
}

fn office_id(i: usize) -> String {
    format!("office-{i}")
}

fn time(tick: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000, 0).unwrap() + Duration::minutes(tick)
}

fn unit(id: usize, stamp: &Stamp) -> Unit {
    Unit {
        meta: Meta::new(format!("u{id}"), stamp),
        name: format!("Công đoàn {id}"),
        short_name: String::new(),
        kind: UnitKind::Grassroots,
        parent_id: None,
        active_from: None,
        active_to: None,
        archived: false,
    }
}

/// The exported (and re-read) form of an office's data.
fn file_of(data: &AppData, office: usize, at: DateTime<Utc>) -> AppData {
    let f = export(
        data,
        &Selection::everything(data),
        Office {
            id: office_id(office),
            name: format!("Văn phòng {office}"),
        },
        Scope {
            description: "Toàn bộ".into(),
        },
        at,
    );
    let incoming = super::validate::validate(f.to_json().as_bytes(), data).expect("own export reads back");
    incoming.file.data
}

/// Imports with the default choices.
fn import(local: &AppData, incoming: &AppData, office: usize, at: DateTime<Utc>) -> AppData {
    DataPlan::new(local, incoming).apply(
        local,
        incoming,
        &Overrides::new(),
        &Stamp::new(office_id(office), at),
    )
}

/// Same records by id, whatever their order.
fn normalized(mut data: AppData) -> AppData {
    crate::domain::sorting::sort_by(&mut data.units, |a, b| a.meta.id.cmp(&b.meta.id));
    data
}

/// Runs a history; returns every office's data and the tick after the last op.
fn run(ops: &[Op]) -> (Vec<AppData>, i64) {
    let mut offices = vec![AppData::default(); OFFICES];
    let mut created = BTreeSet::new();
    let mut tick = 0;
    for op in ops {
        tick += 1;
        let at = time(tick);
        match *op {
            Op::Create { office, id } => {
                // Ids are random and unique in the app: one creation per id.
                if created.insert(id) {
                    offices[office]
                        .units
                        .push(unit(id, &Stamp::new(office_id(office), at)));
                }
            }
            Op::Edit { office, id, name } => {
                let stamp = Stamp::new(office_id(office), at);
                if let Some(u) = record::find_mut(&mut offices[office].units, &format!("u{id}")) {
                    u.name = format!("Tên {name}");
                    u.meta.touch(&stamp);
                }
            }
            Op::Delete { office, id } => {
                let stamp = Stamp::new(office_id(office), at);
                record::delete(&mut offices[office].units, &format!("u{id}"), &stamp);
            }
            Op::Sync { from, to } => {
                let file = file_of(&offices[from], from, at);
                offices[to] = import(&offices[to], &file, to, at);
            }
        }
    }
    (offices, tick + 1)
}

fn history() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 0..40)
}

fn deleted_ids(data: &AppData) -> BTreeSet<String> {
    data.units
        .iter()
        .filter(|u| !u.is_live())
        .map(|u| u.meta.id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn importing_the_same_file_twice_changes_nothing_the_second_time(ops in history(), a in 0..OFFICES, b in 0..OFFICES) {
        let (offices, tick) = run(&ops);
        let file = file_of(&offices[a], a, time(tick));
        let once = import(&offices[b], &file, b, time(tick));
        let plan = DataPlan::new(&once, &file);
        prop_assert!(plan.is_noop(), "{:?}", plan.summaries());
        prop_assert_eq!(import(&once, &file, b, time(tick + 1)), once);
    }

    #[test]
    fn import_order_does_not_matter(ops in history(), local in 0..OFFICES) {
        let (offices, tick) = run(&ops);
        let files: Vec<AppData> = (0..OFFICES).map(|o| file_of(&offices[o], o, time(tick))).collect();
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        let mut results = orders.iter().map(|order| {
            let merged = order.iter().fold(AppData::default(), |acc, &i| import(&acc, &files[i], local, time(tick)));
            normalized(merged)
        });
        let first = results.next().unwrap();
        for other in results {
            prop_assert_eq!(&other, &first);
        }
        // Two files, on top of an office's own data.
        let ab = import(&import(&offices[local], &files[0], local, time(tick)), &files[1], local, time(tick));
        let ba = import(&import(&offices[local], &files[1], local, time(tick)), &files[0], local, time(tick));
        prop_assert_eq!(normalized(ab), normalized(ba));
    }

    #[test]
    fn one_sided_changes_are_taken_and_concurrent_ones_are_conflicts(
        ops in history(),
        here_edits in prop::collection::btree_set(0..IDS, 0..IDS),
        there_edits in prop::collection::btree_set(0..IDS, 0..IDS),
    ) {
        let (offices, tick) = run(&ops);
        // Everything any office has, so most ids exist in the base.
        let base = (0..OFFICES).fold(offices[0].clone(), |acc, o| import(&acc, &file_of(&offices[o], o, time(tick)), 0, time(tick)));
        let (mut here, mut there) = (base.clone(), base.clone());
        let edit = |data: &mut AppData, ids: &BTreeSet<usize>, who: &str, t: i64| -> BTreeSet<String> {
            let mut done = BTreeSet::new();
            for id in ids {
                let key = format!("u{id}");
                if let Some(u) = record::find_mut(&mut data.units, &key) {
                    u.name.push_str(who);
                    u.meta.touch(&Stamp::new(who, time(t)));
                    done.insert(key);
                }
            }
            done
        };
        let changed_here = edit(&mut here, &here_edits, "here", tick);
        let changed_there = edit(&mut there, &there_edits, "there", tick + 1);
        let plan = DataPlan::new(&here, &there);
        let conflicts: BTreeSet<String> = plan.units.conflicts.iter().map(|c| c.id.clone()).collect();
        let both: BTreeSet<String> = changed_here.intersection(&changed_there).cloned().collect();
        prop_assert_eq!(&conflicts, &both);
        let updated: BTreeSet<String> = plan.units.updated.iter().map(|&at| there.units[at].meta.id.clone()).collect();
        let only_there: BTreeSet<String> = changed_there.difference(&changed_here).cloned().collect();
        prop_assert_eq!(&updated, &only_there);
        prop_assert!(plan.units.new.is_empty());
        let merged = plan.apply(&here, &there, &Overrides::new(), &Stamp::new("here", time(tick + 2)));
        for id in &only_there {
            prop_assert_eq!(record::find(&merged.units, id), record::find(&there.units, id));
        }
        for c in &plan.units.conflicts {
            // The default does not depend on which side is local.
            let reverse = DataPlan::new(&there, &here);
            let back = reverse.units.conflicts.iter().find(|r| r.id == c.id).unwrap();
            let flip = |ch: Choice| if ch == Choice::KeepLocal { Choice::TakeIncoming } else { Choice::KeepLocal };
            prop_assert_eq!(back.default, flip(c.default));
            let m = merged.units.iter().find(|u| u.meta.id == c.id).unwrap();
            prop_assert_eq!(compare(&m.meta.edits, &c.local.meta.edits), Causality::Dominates);
            prop_assert_eq!(compare(&m.meta.edits, &c.incoming.meta.edits), Causality::Dominates);
        }
    }

    #[test]
    fn deletions_are_never_undone_by_default_imports(ops in history(), extra in history()) {
        let (offices, tick) = run(&ops);
        // Old copies of every office, then more history, then the old copies arrive again.
        let old: Vec<AppData> = (0..OFFICES).map(|o| file_of(&offices[o], o, time(tick))).collect();
        let mut all = ops.clone();
        all.extend(extra);
        let (later, tick) = run(&all);
        for (o, data) in later.iter().enumerate() {
            let deleted = deleted_ids(data);
            let mut merged = data.clone();
            for file in &old {
                merged = import(&merged, file, o, time(tick));
            }
            prop_assert!(deleted.is_subset(&deleted_ids(&merged)));
        }
    }

    #[test]
    fn offices_that_exchanged_everything_agree(ops in history()) {
        let (mut offices, tick) = run(&ops);
        // Two rounds of everyone-to-everyone exchange.
        for _ in 0..2 {
            for from in 0..OFFICES {
                for to in 0..OFFICES {
                    let file = file_of(&offices[from], from, time(tick));
                    offices[to] = import(&offices[to], &file, to, time(tick));
                }
            }
        }
        let first = normalized(offices[0].clone());
        for o in &offices[1..] {
            prop_assert_eq!(&normalized(o.clone()), &first);
        }
    }
}

fn stamp(office: &str, minutes: i64) -> Stamp {
    Stamp::new(office, time(minutes))
}

#[test]
fn an_override_wins_the_next_exchange() {
    let base = AppData {
        units: vec![unit(1, &stamp("city", 0))],
        ..AppData::default()
    };
    let (mut here, mut there) = (base.clone(), base);
    here.units[0].name = "Bản ở đây".into();
    here.units[0].meta.touch(&stamp("here", 1));
    there.units[0].name = "Bản ở kia".into();
    there.units[0].meta.touch(&stamp("there", 2));
    let plan = DataPlan::new(&here, &there);
    let conflict = &plan.units.conflicts[0];
    assert_eq!(
        conflict.default,
        Choice::TakeIncoming,
        "the later edit wins by default"
    );
    assert_eq!(
        (conflict.local.name.as_str(), conflict.incoming.name.as_str()),
        ("Bản ở đây", "Bản ở kia")
    );
    let mut overrides = Overrides::new();
    overrides.insert((super::Collection::Units, "u1".into()), Choice::KeepLocal);
    let merged = plan.apply(&here, &there, &overrides, &stamp("here", 3));
    assert_eq!(merged.units[0].name, "Bản ở đây");
    assert_eq!(merged.units[0].meta.edits["here"], 2);
    // The other office now takes the overridden version as a plain update.
    let back = DataPlan::new(&there, &merged);
    assert!(back.units.conflicts.is_empty());
    let updated: Vec<_> = back
        .units
        .updated
        .iter()
        .map(|&at| merged.units[at].clone())
        .collect();
    assert_eq!(updated, merged.units);
    // Re-importing the old file here changes nothing.
    assert!(DataPlan::new(&merged, &there).is_noop());
}

#[test]
fn a_deletion_wins_over_a_concurrent_edit() {
    let base = AppData {
        units: vec![unit(1, &stamp("city", 0))],
        ..AppData::default()
    };
    let (mut here, mut there) = (base.clone(), base);
    record::delete(&mut here.units, "u1", &stamp("here", 1));
    there.units[0].name = "Sửa sau khi xoá".into();
    there.units[0].meta.touch(&stamp("there", 2));
    let merged = DataPlan::new(&here, &there).apply(&here, &there, &Overrides::new(), &stamp("here", 3));
    assert!(merged.units[0].meta.deleted);
    let merged_there =
        DataPlan::new(&there, &here).apply(&there, &here, &Overrides::new(), &stamp("there", 3));
    assert!(merged_there.units[0].meta.deleted);
    assert_eq!(merged, merged_there);
}

#[test]
fn summaries_count_each_outcome() {
    let s = stamp("city", 0);
    let local = AppData {
        units: vec![unit(1, &s), unit(2, &s)],
        ..AppData::default()
    };
    let mut incoming = local.clone();
    incoming.units[1].meta.touch(&stamp("city", 1));
    incoming.units.push(unit(3, &s));
    let summary = &DataPlan::new(&local, &incoming).summaries()[0];
    assert_eq!(
        (summary.new, summary.updated, summary.unchanged, summary.conflicts),
        (1, 1, 1, 0)
    );
}
