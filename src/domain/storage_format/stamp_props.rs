//! Every domain command stamps exactly the records it changes. The store writes only the records
//! carrying a commit's stamp ([`stamped`]): a record changed but not stamped would be lost at the
//! next start, a record stamped but unchanged written for nothing. So each command the pages run
//! is run here on the sample data with a fresh stamp, on a record chosen at random, and the
//! records that differ from before ([`changed_by`]) must be the records carrying the stamp — no
//! more, no less; a refused command must change nothing.

use super::changes::{changed_by, stamped};
use crate::domain::data::AppData;
use crate::domain::dialogues::proposal::{self, ProposalDraft, StatusUpdate};
use crate::domain::dialogues::{dialogue, signing, DialogueDraft, ProposalStatus};
use crate::domain::programmes::{programme, review};
use crate::domain::record::{self, Stamp};
use crate::domain::scoring::final_guard::{self, Reopener};
use crate::domain::scoring::indicators::{self as ind, IndicatorKey};
use crate::domain::scoring::scorecard::{self as sc, Mark, Side};
use crate::domain::scoring::{closing, cluster, seal, template as tpl};
use crate::domain::units::{self, UnitDraft};
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The sample, loaded once (every case starts from a copy).
fn sample() -> &'static AppData {
    static SAMPLE: OnceLock<AppData> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let stamp = Stamp::new("sample", Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap());
        crate::domain::sample::with_numbered_ids(&stamp).0
    })
}

/// A stamp no record of the sample carries, as the store makes one per commit.
fn fresh() -> Stamp {
    Stamp::new("prop-office", Utc.with_ymd_and_hms(2030, 6, 1, 9, 30, 0).unwrap())
}

fn nth<T>(items: &[T], pick: usize) -> &T {
    &items[pick % items.len()]
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A command as a page runs it: on the data, with the commit's stamp, on the `pick`th record
/// of its kind. `true`: accepted.
type Command = fn(&mut AppData, &Stamp, usize) -> bool;

const COMMANDS: &[(&str, Command)] = &[
    ("add a unit", |d, s, n| {
        let parent = nth(&d.units, n).meta.id.clone();
        let draft = UnitDraft {
            name: format!("CĐCS mới {n}"),
            parent_id: Some(parent),
            ..UnitDraft::from_unit(nth(&d.units, n))
        };
        units::add(&mut d.units, "new-unit".into(), draft, s).is_ok()
    }),
    ("edit a unit (its period too)", |d, s, n| {
        let u = nth(&d.units, n).clone();
        let draft = UnitDraft {
            name: format!("{} (sửa)", u.name),
            active_from: Some(day(2000 + (n % 30) as i32, 1, 1)),
            ..UnitDraft::from_unit(&u)
        };
        units::update_keeping_work(d, &u.meta.id, draft, s).is_ok()
    }),
    ("archive or restore a unit", |d, s, n| {
        let u = nth(&d.units, n).clone();
        units::set_archived(&mut d.units, &u.meta.id, !u.archived, s).is_ok()
    }),
    ("add a cluster", |d, s, n| {
        let c = nth(&d.clusters, n).clone();
        let draft = cluster::ClusterDraft {
            name: format!("{} mới", c.name),
            ..cluster::ClusterDraft::from_cluster(&c)
        };
        let units = d.units.clone();
        cluster::add(&mut d.clusters, "new-cluster".into(), draft, &units, s).is_ok()
    }),
    ("edit a cluster's members (final cards reopened)", |d, s, n| {
        let c = nth(&d.clusters, n).clone();
        let mut draft = cluster::ClusterDraft::from_cluster(&c);
        draft.name = format!("{} (sửa)", c.name);
        if n % 2 == 0 && draft.member_ids.len() > 2 {
            let gone = draft.member_ids.pop();
            for id in [&mut draft.head_id, &mut draft.deputy_id, &mut draft.next_head_id] {
                if *id == gone {
                    *id = None;
                }
            }
            draft.vote_order.retain(|v| Some(v) != gone.as_ref());
        }
        let reopener = Reopener::new("Nguyễn Văn A", "Sửa thành viên");
        final_guard::guarded(d, Some(&reopener), s, |d| {
            cluster::update(&mut d.clusters, &c.meta.id, draft, &d.units, s)
        })
        .is_ok()
    }),
    ("start a cluster's next year", |d, s, n| {
        let c = nth(&d.clusters, n).clone();
        cluster::add_next_year(&mut d.clusters, &c, "next-year".into(), s).is_ok()
    }),
    ("close a cluster's results", |d, s, n| {
        let id = nth(&d.clusters, n).meta.id.clone();
        let cards = d.scorecards.clone();
        let c = record::find_mut(&mut d.clusters, &id).unwrap();
        closing::close(c, &cards, "Nguyễn Văn A", s).is_ok()
    }),
    ("save a unit's indicators (final cards reopened)", |d, s, n| {
        let r = nth(&d.indicators, n).clone();
        let figures = IndicatorKey::BUILT_IN
            .iter()
            .map(|k| (k.clone(), k.read(&r).map(|v| v + 1)))
            .collect();
        let draft = ind::IndicatorsDraft {
            figures,
            extra: r.extra.clone(),
        };
        let reopener = Reopener::new("Nguyễn Văn A", "Sửa chỉ tiêu");
        final_guard::guarded(d, Some(&reopener), s, |d| {
            ind::save(
                &mut d.indicators,
                "new-report".into(),
                &r.unit_id,
                r.year,
                draft,
                s,
            )
        })
        .is_ok()
    }),
    ("make a scorecard", |d, s, n| {
        let c = nth(&d.clusters, n).clone();
        let unit = nth(&c.member_ids, n / 7).clone();
        sc::create(
            &mut d.scorecards,
            "new-card".into(),
            &c.meta.id,
            c.year + n as i32 % 2,
            &unit,
            s,
        )
        .is_ok()
    }),
    ("finalise or reopen a card", |d, s, n| {
        let id = nth(&d.scorecards, n).meta.id.clone();
        if n % 2 == 0 {
            seal::finalise_card(d, &id, "Cụm trưởng", s).is_ok()
        } else {
            seal::reopen_card(d, &id, "Cụm trưởng", "Sửa điểm", s).is_ok()
        }
    }),
    ("copy a scoring table to a later year", |d, s, n| {
        let t = nth(&d.templates, n).clone();
        let copy = tpl::copy_template(&t, "new-table".into(), t.cluster_id.clone(), t.year + 10, s);
        tpl::add(&mut d.templates, copy).is_ok()
    }),
    ("edit a scoring table (final cards reopened)", |d, s, n| {
        let mut t = nth(&d.templates, n).clone();
        t.name = format!("{} (sửa)", t.name);
        let reopener = Reopener::new("Nguyễn Văn A", "Sửa bảng điểm");
        let id = t.meta.id.clone();
        final_guard::guarded(d, Some(&reopener), s, |d| {
            tpl::replace(&mut d.templates, &id, t, s)
        })
        .is_ok()
    }),
    ("add a dialogue", |d, s, n| {
        let draft = DialogueDraft {
            place: format!("Hội trường {n}"),
            minutes_signed: false,
            ..DialogueDraft::from_dialogue(nth(&d.dialogues, n))
        };
        dialogue::add(&mut d.dialogues, &d.units, "new-dialogue".into(), draft, s).is_ok()
    }),
    ("reopen signed minutes", |d, s, n| {
        let id = nth(&d.dialogues, n).meta.id.clone();
        signing::reopen(&mut d.dialogues, &id, "Nguyễn Văn A", "Sửa biên bản", s).is_ok()
    }),
    ("add a proposal", |d, s, n| {
        let draft = ProposalDraft {
            content: format!("Kiến nghị mới {n}"),
            ..ProposalDraft::from_proposal(nth(&d.proposals, n))
        };
        proposal::add(&mut d.proposals, &d.dialogues, "new-proposal".into(), draft, s).is_ok()
    }),
    ("edit a proposal", |d, s, n| {
        let p = nth(&d.proposals, n).clone();
        let draft = ProposalDraft {
            content: format!("{} (sửa)", p.content),
            ..ProposalDraft::from_proposal(&p)
        };
        proposal::update(&mut d.proposals, &d.dialogues, &p.meta.id, draft, s).is_ok()
    }),
    ("change a proposal's status", |d, s, n| {
        let id = nth(&d.proposals, n).meta.id.clone();
        let update = match n % 3 {
            0 => StatusUpdate::open(ProposalStatus::InProgress, day(2030, 5, 1)),
            1 => StatusUpdate::closing(ProposalStatus::Resolved, day(2030, 5, 2), "Đã giải quyết"),
            _ => StatusUpdate::open(ProposalStatus::Escalated, day(2030, 5, 3)),
        };
        proposal::change_status_by_id(&mut d.proposals, &d.dialogues, &id, update, s).is_ok()
    }),
    ("delete a proposal", |d, s, n| {
        let id = nth(&d.proposals, n).meta.id.clone();
        record::delete(&mut d.proposals, &id, s)
    }),
    ("add a programme", |d, s, n| {
        let mut draft = programme::ProgrammeDraft::from_programme(nth(&d.programmes, n));
        draft.number = format!("{n}/CTr-mới");
        programme::add(
            &mut d.programmes,
            &d.units,
            &d.reviews,
            "new-programme".into(),
            draft,
            s,
        )
        .is_ok()
    }),
    ("edit a programme", |d, s, n| {
        let p = nth(&d.programmes, n).clone();
        let mut draft = programme::ProgrammeDraft::from_programme(&p);
        draft.title = format!("{} (sửa)", p.title);
        programme::update(&mut d.programmes, &d.units, &d.reviews, &p.meta.id, draft, s).is_ok()
    }),
    ("delete a programme with its reviews", |d, s, n| {
        let id = nth(&d.programmes, n).meta.id.clone();
        programme::delete_with_reviews(&mut d.programmes, &mut d.reviews, &id, s)
    }),
    ("add a review", |d, s, n| {
        let mut draft = review::ReviewDraft::from_review(nth(&d.reviews, n));
        draft.year += 1 + (n % 3) as i32;
        draft.held_on = Some(day(draft.year, 12, 20));
        review::add(&mut d.reviews, &d.programmes, "new-review".into(), draft, s).is_ok()
    }),
    ("edit a review", |d, s, n| {
        let r = nth(&d.reviews, n).clone();
        let mut draft = review::ReviewDraft::from_review(&r);
        draft.limitations.push("Còn chậm".into());
        review::update(&mut d.reviews, &d.programmes, &r.meta.id, draft, s).is_ok()
    }),
    ("delete a review", |d, s, n| {
        let id = nth(&d.reviews, n).meta.id.clone();
        review::delete(&mut d.reviews, &id, s)
    }),
];

/// Commands on a card being scored: the sample's cards are final, so each case first reopens
/// the card it picks (with another stamp), and that is the data the command starts from.
const ON_AN_OPEN_CARD: &[(&str, Command)] = &[("note or mark a criterion on a card", |d, s, n| {
    let card = nth(&d.scorecards, n).clone();
    let Some(t) = tpl::find_for(&d.templates, &card.cluster_id, card.year).cloned() else {
        return false;
    };
    let criterion = nth(&t.criteria, n / 3).id.clone();
    let c = record::find_mut(&mut d.scorecards, &card.meta.id).unwrap();
    match n % 3 {
        0 => sc::set_note(c, &criterion, "Đã làm", "Báo cáo số 12", s).is_ok(),
        1 => sc::set_mark(c, &t, &criterion, Side::SelfScore, Some(Mark::Flag(true)), s).is_ok(),
        _ => sc::set_mark(c, &t, &criterion, Side::Reviewed, None, s).is_ok(),
    }
})];

/// The sample with the `pick`th card reopened, as the officer does before scoring it again.
fn with_open_card(pick: usize) -> AppData {
    let mut data = sample().clone();
    let id = nth(&data.scorecards, pick).meta.id.clone();
    let earlier = Stamp::new("setup", Utc.with_ymd_and_hms(2029, 1, 1, 0, 0, 0).unwrap());
    // A card that is not final is open already.
    let _ = seal::reopen_card(&mut data, &id, "Cụm trưởng", "Chấm lại", &earlier);
    data
}

/// Editing or deleting a dialogue: the sample's minutes are signed, so each case first reopens the minutes
/// of the dialogue it picks (with another stamp), as the officer must before editing them.
const ON_REOPENED_MINUTES: &[(&str, Command)] = &[
    ("delete a dialogue with its proposals", |d, s, n| {
        let id = nth(&d.dialogues, n).meta.id.clone();
        dialogue::delete_with_proposals(&mut d.dialogues, &mut d.proposals, &id, s).is_ok()
    }),
    ("edit a dialogue", |d, s, n| {
        let g = nth(&d.dialogues, n).clone();
        let draft = DialogueDraft {
            place: format!("{} (sửa)", g.place),
            ..DialogueDraft::from_dialogue(&g)
        };
        dialogue::update(&mut d.dialogues, &d.units, &d.proposals, &g.meta.id, draft, s).is_ok()
    }),
];

/// The sample with the `pick`th dialogue's signed minutes reopened.
fn with_open_minutes(pick: usize) -> AppData {
    let mut data = sample().clone();
    let id = nth(&data.dialogues, pick).meta.id.clone();
    let earlier = Stamp::new("setup", Utc.with_ymd_and_hms(2029, 1, 1, 0, 0, 0).unwrap());
    // Minutes that are not signed are open already.
    let _ = signing::reopen(&mut data.dialogues, &id, "Nguyễn Văn A", "Sửa biên bản", &earlier);
    data
}

/// Moving a card through its steps: each case first makes a new card for a member of the
/// cluster it picks (the next year's, which has none), and for an odd pick submits it.
const ON_A_NEW_CARD: &[(&str, Command)] = &[("move a card a step", |d, s, n| {
    let c = record::find_mut(&mut d.scorecards, "draft-card").unwrap();
    match n % 3 {
        0 => sc::submit(c, "CĐCS", s).is_ok(),
        1 => sc::send_back(c, "Cụm trưởng", s).is_ok(),
        _ => sc::mark_reviewed(c, "Cụm trưởng", s).is_ok(),
    }
})];

/// The sample with a card "draft-card" being scored: a draft, or submitted for an odd `pick`.
fn with_new_card(pick: usize) -> AppData {
    let mut data = sample().clone();
    let c = nth(&data.clusters, pick).clone();
    let unit = nth(&c.member_ids, pick).clone();
    let earlier = Stamp::new("setup", Utc.with_ymd_and_hms(2029, 1, 1, 0, 0, 0).unwrap());
    sc::create(
        &mut data.scorecards,
        "draft-card".into(),
        &c.meta.id,
        c.year + 1,
        &unit,
        &earlier,
    )
    .unwrap();
    if pick % 2 == 1 {
        let card = record::find_mut(&mut data.scorecards, "draft-card").unwrap();
        sc::submit(card, "CĐCS", &earlier).unwrap();
    }
    data
}

/// The data a group's cases start from, made for the record each case picks.
type Start = fn(usize) -> AppData;

/// Each group of commands with the data its cases start from.
const GROUPS: &[(Start, &[(&str, Command)])] = &[
    (|_| sample().clone(), COMMANDS),
    (with_open_card, ON_AN_OPEN_CARD),
    (with_open_minutes, ON_REOPENED_MINUTES),
    (with_new_card, ON_A_NEW_CARD),
];

/// The keys of some stored records, in order.
fn keys(records: Vec<super::StoredRecord>) -> Vec<String> {
    let mut keys: Vec<String> = records.into_iter().map(|r| r.key).collect();
    crate::domain::sorting::sort(&mut keys);
    keys
}

/// Runs one command and checks what it stamped; `true` if it was accepted.
fn stamps_exactly_what_it_changes(
    before: &AppData,
    name: &str,
    command: Command,
    pick: usize,
) -> Result<bool, TestCaseError> {
    let mut after = before.clone();
    let stamp = fresh();
    let accepted = command(&mut after, &stamp, pick);
    if accepted {
        prop_assert_eq!(
            keys(changed_by(before, &after)),
            keys(stamped(&after, &stamp)),
            "{} (record {}): changed ≠ stamped",
            name,
            pick
        );
    } else {
        prop_assert!(
            &after == before,
            "{} (record {}) was refused but changed the data",
            name,
            pick
        );
    }
    Ok(accepted)
}

proptest! {
    #[test]
    fn every_command_stamps_exactly_what_it_changes(pick in 0usize..10_000) {
        for (start, commands) in GROUPS {
            let before = start(pick);
            for (name, command) in *commands {
                stamps_exactly_what_it_changes(&before, name, *command, pick)?;
            }
        }
    }
}

/// The property above says nothing of a command that is always refused: each is accepted on
/// some record of the sample, and loading the sample itself stamps every record it adds.
#[test]
fn every_command_is_accepted_somewhere_and_the_sample_stamps_all_it_adds() {
    let mut never = Vec::new();
    for (start, commands) in GROUPS {
        for (name, command) in *commands {
            let accepted = (0..200)
                .any(|pick| stamps_exactly_what_it_changes(&start(pick), name, *command, pick).unwrap());
            if !accepted {
                never.push(*name);
            }
        }
    }
    assert!(never.is_empty(), "never accepted on the sample: {never:?}");
    let stamp = fresh();
    let mut data = AppData::default();
    let mut n = 0;
    crate::domain::sample::load(
        &mut data,
        &mut || {
            n += 1;
            format!("id-{n}")
        },
        &stamp,
    )
    .unwrap();
    assert_eq!(
        keys(changed_by(&AppData::default(), &data)),
        keys(stamped(&data, &stamp))
    );
}
