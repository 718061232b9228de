//! Absorbing server documents: the mapping round trip of every collection, the merge's cases,
//! skipped documents, conflicts CouchDB keeps, and final cards.

use super::absorb::{absorb, absorb_one, Absorbed, Resolution};
use super::bookkeeping::KnownRev;
use super::document::{doc_id, read_doc, to_doc, ServerDoc};
use super::wording;
use crate::domain::collections::{each_meta, Collection};
use crate::domain::data::AppData;
use crate::domain::exchange::merge::join;
use crate::domain::record::{Record, Stamp};
use crate::domain::sample;
use crate::domain::scoring::scorecard::CardStatus;
use crate::domain::scoring::template::CriterionKind;
use chrono::{DateTime, TimeZone, Utc};
use serde_json::json;
use std::collections::BTreeMap;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, 8, 0, 0).unwrap()
}

fn bavi(day: u32) -> Stamp {
    Stamp::new("bavi", at(day))
}

fn quoc_oai(day: u32) -> Stamp {
    Stamp::new("quoc-oai", at(day))
}

fn base() -> AppData {
    sample::with_numbered_ids(&bavi(1)).0
}

/// Record `id` of `c` in `data` as the server would send it, on revision `rev`.
fn doc(data: &AppData, c: Collection, id: &str, rev: &str) -> ServerDoc {
    read_doc(to_doc(data, c, id, Some(rev)).expect("the record exists")).expect("a document")
}

fn no_revisions() -> BTreeMap<String, Vec<ServerDoc>> {
    BTreeMap::new()
}

#[test]
fn every_collection_goes_up_and_comes_down_as_the_same_records() {
    let data = base();
    let mut docs = Vec::new();
    let mut kinds = Vec::new();
    each_meta(&data, &mut |c, m| {
        docs.push(doc(&data, c, &m.id, "1-a"));
        if !kinds.contains(&c) {
            kinds.push(c);
        }
    });
    assert_eq!(
        kinds,
        Collection::ALL,
        "the sample has records of every collection"
    );
    // The body is the record exactly as an export file writes it, with `_id` and `_rev`.
    let unit = &data.units[0];
    let mut expected = serde_json::to_value(unit).unwrap();
    expected["_id"] = json!(doc_id(Collection::Units, &unit.meta.id));
    expected["_rev"] = json!("1-a");
    assert_eq!(
        to_doc(&data, Collection::Units, &unit.meta.id, Some("1-a")),
        Some(expected)
    );

    // A fresh office takes them in pages, in the server's order.
    let mut fresh = AppData::default();
    let mut written = 0;
    for page in docs.chunks(37) {
        let absorbed = absorb(&mut fresh, page, &no_revisions(), &quoc_oai(2));
        assert_eq!(absorbed.skipped, Vec::new());
        assert_eq!(absorbed.known.len(), page.len());
        written += absorbed.written.len();
    }
    assert_eq!(written, docs.len());
    assert_eq!(fresh, data);

    // Absorbing them again changes nothing.
    let again = absorb(&mut fresh, &docs, &no_revisions(), &quoc_oai(3));
    assert!(again.written.is_empty());
    assert_eq!(fresh, data);
}

#[test]
fn a_newer_server_version_replaces_the_local_one_and_an_older_one_is_ignored() {
    let mut local = base();
    let id = local.units[2].meta.id.clone();
    let mut server = local.clone();
    server.units[2].name = "Công đoàn cơ sở Trường Tiểu học Vật Lại".into();
    server.units[2].meta.touch(&quoc_oai(2));
    let newer = doc(&server, Collection::Units, &id, "2-b");

    let absorbed = absorb_one(&mut local, &newer, &bavi(3));
    assert_eq!(absorbed.written, vec![(Collection::Units, id.clone())]);
    assert_eq!(local.units[2], server.units[2]);
    assert_eq!(
        absorbed.known,
        vec![(
            doc_id(Collection::Units, &id),
            KnownRev {
                rev: "2-b".into(),
                edits: server.units[2].meta.edits.clone(),
                refused: None
            }
        )]
    );

    // The office edits again; the server's older copy then changes nothing here.
    local.units[2].short_name = "CĐCS TH Vật Lại".into();
    local.units[2].meta.touch(&bavi(4));
    let kept = local.units[2].clone();
    let absorbed = absorb_one(&mut local, &newer, &bavi(5));
    assert!(absorbed.written.is_empty());
    assert_eq!(local.units[2], kept);
    assert_eq!(absorbed.known[0].1.edits, server.units[2].meta.edits);
}

#[test]
fn concurrent_edits_end_as_the_same_record_on_both_offices() {
    let start = base();
    let id = start.units[1].meta.id.clone();
    let mut here = start.clone();
    here.units[1].name = "Tên sửa ở Ba Vì".into();
    here.units[1].meta.touch(&bavi(2));
    let mut there = start.clone();
    there.units[1].name = "Tên sửa ở Quốc Oai".into();
    there.units[1].meta.touch(&quoc_oai(3));

    let from_there = doc(&there, Collection::Units, &id, "2-q");
    let from_here = doc(&here, Collection::Units, &id, "2-b");
    absorb_one(&mut here, &from_there, &bavi(4));
    absorb_one(&mut there, &from_here, &quoc_oai(4));
    assert_eq!(here.units[1], there.units[1]);
    assert_eq!(here.units[1].name, "Tên sửa ở Quốc Oai", "the later edit wins");
    assert_eq!(
        here.units[1].meta.edits,
        [("bavi".to_string(), 2), ("quoc-oai".to_string(), 1)].into()
    );
}

#[test]
fn a_deletion_travels_as_a_tombstone() {
    let mut local = base();
    let id = local.units[4].meta.id.clone();
    let mut server = local.clone();
    server.units[4].meta.deleted = true;
    server.units[4].meta.touch(&quoc_oai(2));
    let absorbed = absorb_one(&mut local, &doc(&server, Collection::Units, &id, "2-d"), &bavi(3));
    assert_eq!(absorbed.written, vec![(Collection::Units, id)]);
    assert!(local.units[4].meta.deleted);
    assert!(!local.units[4].is_live());
}

#[test]
fn a_bad_document_is_skipped_with_its_reason_and_the_rest_of_the_page_taken() {
    let mut local = base();
    let mut server = local.clone();
    for (i, unit) in server.units.iter_mut().enumerate().take(3) {
        unit.name = format!("Tên mới {i}");
        unit.meta.touch(&quoc_oai(2));
    }
    let (a, b, c) = (
        server.units[0].meta.id.clone(),
        server.units[1].meta.id.clone(),
        server.units[2].meta.id.clone(),
    );
    let report = server.indicators[0].meta.id.clone();
    let figures = &mut server.indicators[0].figures;
    figures.members = Some(10);
    figures.new_members = Some(11);
    server.indicators[0].meta.touch(&quoc_oai(2));

    let mut wrong_type = doc(&server, Collection::Units, &b, "2-b");
    wrong_type.body["name"] = json!(5);
    let mut other_id = doc(&server, Collection::Units, &c, "2-c");
    other_id.body["meta"]["id"] = json!("khac");
    let design =
        read_doc(json!({"_id": "_design/thidua", "_rev": "1-x", "validate_doc_update": "…"})).unwrap();
    let foreign = read_doc(json!({"_id": "cats:1", "_rev": "1-y", "name": "Tom"})).unwrap();
    let deleted =
        read_doc(json!({"_id": doc_id(Collection::Units, &a), "_rev": "3-z", "_deleted": true})).unwrap();
    let page = vec![
        design,
        doc(&server, Collection::Units, &a, "2-a"),
        wrong_type,
        other_id,
        doc(&server, Collection::Indicators, &report, "2-r"),
        foreign,
        doc(&server, Collection::Units, &server.units[5].meta.id, "1-u"),
    ];
    let before_b = local.units[1].clone();
    let before_report = local.indicators[0].clone();
    let absorbed = absorb(&mut local, &page, &no_revisions(), &bavi(3));

    assert_eq!(absorbed.written, vec![(Collection::Units, a.clone())]);
    assert_eq!(local.units[0].name, "Tên mới 0");
    assert_eq!(local.units[1], before_b);
    assert_eq!(local.indicators[0], before_report);
    let skipped: Vec<&str> = absorbed.skipped.iter().map(|(d, _)| d.as_str()).collect();
    let (ub, uc, ir) = (
        doc_id(Collection::Units, &b),
        doc_id(Collection::Units, &c),
        doc_id(Collection::Indicators, &report),
    );
    assert_eq!(skipped, [ub.as_str(), uc.as_str(), ir.as_str(), "cats:1"]);
    let reasons: Vec<&str> = absorbed.skipped.iter().map(|(_, r)| r.as_str()).collect();
    assert!(
        reasons[0]
            .starts_with("Bản ghi từ máy chủ không hợp lệ, không được nhận: Sai kiểu dữ liệu ở Đơn vị (mã"),
        "{}",
        reasons[0]
    );
    assert!(reasons[0].contains("trường \"name\""), "{}", reasons[0]);
    assert!(reasons[1].contains("meta.id = \"khac\""), "{}", reasons[1]);
    assert!(reasons[2].contains("Chỉ tiêu (mã"), "{}", reasons[2]);
    assert!(
        !reasons[2].contains("thứ"),
        "no position in a page: {}",
        reasons[2]
    );
    assert_eq!(reasons[3], wording::NOT_A_RECORD);
    // Every document of ours is known, skipped or not. One it could not take in is known with
    // the local version vector: the older local copy does not go up over the version this
    // office could not read (which would drop the other office's edit, at every round).
    assert_eq!(absorbed.known.len(), 5);
    let mut known = std::collections::HashMap::new();
    known.extend(absorbed.known.iter().cloned());
    assert_eq!(known[&ub].rev, "2-b");
    assert_eq!(known[&ub].edits, local.units[1].meta.edits);
    assert_eq!(known[&ir].edits, local.indicators[0].meta.edits);
    let waiting = super::bookkeeping::pending(&local, &known);
    for skipped_here in [&b, &c, &report] {
        assert!(
            !waiting.iter().any(|(_, id)| id == skipped_here),
            "{skipped_here} is not pending because of a version it could not read"
        );
    }

    // A CouchDB deletion made by another tool is not taken for ours.
    let gone = absorb_one(&mut local, &deleted, &bavi(4));
    assert_eq!(
        gone.skipped,
        vec![(
            doc_id(Collection::Units, &a),
            wording::DELETED_OUTSIDE.to_string()
        )]
    );
    assert!(local.units[0].is_live());
}

/// The server's copy of unit 1 edited by `office` on `day`, named after it.
fn edited(start: &AppData, stamp: &Stamp) -> AppData {
    let mut data = start.clone();
    data.units[1].name = format!("Tên của {}", stamp.office_id);
    data.units[1].meta.touch(stamp);
    data
}

#[test]
fn a_conflict_couchdb_keeps_is_merged_the_same_whichever_revision_wins_there() {
    let start = base();
    let id = start.units[1].meta.id.clone();
    let key = doc_id(Collection::Units, &id);
    let a = doc(&edited(&start, &quoc_oai(2)), Collection::Units, &id, "2-a");
    let b = doc(
        &edited(&start, &Stamp::new("thach-that", at(3))),
        Collection::Units,
        &id,
        "2-b",
    );
    let mut here_edit = edited(&start, &bavi(4));
    here_edit.units[1].short_name = "Ba Vì".into();

    let resolve = |local: &AppData, winner: &ServerDoc, loser: &ServerDoc| -> (AppData, Absorbed) {
        let mut local = local.clone();
        let mut shown = winner.clone();
        shown.conflicts = vec![loser.rev.clone()];
        let revisions = BTreeMap::from([(key.clone(), vec![loser.clone()])]);
        let absorbed = absorb(&mut local, &[shown], &revisions, &bavi(5));
        (local, absorbed)
    };
    for local in [start.clone(), here_edit] {
        let (one, absorbed) = resolve(&local, &a, &b);
        let (other, other_absorbed) = resolve(&local, &b, &a);
        assert_eq!(one.units[1], other.units[1]);
        assert_eq!(
            absorbed.resolutions,
            vec![Resolution {
                doc_id: key.clone(),
                rev: "2-a".into(),
                losing: vec!["2-b".into()]
            }]
        );
        assert_eq!(other_absorbed.resolutions[0].losing, vec!["2-a".to_string()]);
        let edits = join(&join(&a_edits(&a), &a_edits(&b)), &local.units[1].meta.edits);
        assert_eq!(one.units[1].meta.edits, edits, "every version's edits are joined");
        assert_eq!(absorbed.written, vec![(Collection::Units, id.clone())]);
        // The server's winner is what is known there until the merged record goes up.
        assert_eq!(absorbed.known[0].1.rev, "2-a");
    }
    let (merged, _) = resolve(&start, &a, &b);
    assert_eq!(merged.units[1].name, "Tên của thach-that", "the later edit wins");
}

fn a_edits(doc: &ServerDoc) -> BTreeMap<String, u64> {
    serde_json::from_value(doc.body["meta"]["edits"].clone()).unwrap()
}

#[test]
fn a_revision_in_conflict_that_is_not_valid_is_not_deleted() {
    let start = base();
    let id = start.units[1].meta.id.clone();
    let key = doc_id(Collection::Units, &id);
    let mut a = doc(&edited(&start, &quoc_oai(2)), Collection::Units, &id, "2-a");
    let mut b = doc(&edited(&start, &bavi(3)), Collection::Units, &id, "2-b");
    b.body["name"] = json!(null);
    a.conflicts = vec!["2-b".into()];
    let mut local = start.clone();
    let absorbed = absorb(
        &mut local,
        &[a],
        &BTreeMap::from([(key.clone(), vec![b])]),
        &bavi(4),
    );
    assert_eq!(local.units[1].name, "Tên của quoc-oai");
    assert!(absorbed.resolutions.is_empty());
    assert_eq!(absorbed.skipped.len(), 1);
    assert_eq!(absorbed.skipped[0].0, key);
}

#[test]
fn a_final_card_a_server_version_moves_is_reopened_with_a_record() {
    let stamp = Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
    let mut local = crate::domain::scoring::sample::cluster_4_2023_data(&stamp);
    assert!(local.scorecards.iter().all(|c| c.status == CardStatus::Final));
    let mut server = local.clone();
    let template = &mut server.templates[0];
    let criterion = template
        .criteria
        .iter_mut()
        .find(|c| matches!(c.kind, CriterionKind::Count { .. }))
        .unwrap();
    if let CriterionKind::Count { points_each, .. } = &mut criterion.kind {
        *points_each += crate::domain::scoring::points::Points::whole(1);
    }
    criterion.max += crate::domain::scoring::points::Points::whole(5);
    template.meta.touch(&quoc_oai(2));
    let template_id = template.meta.id.clone();

    let absorbed = absorb_one(
        &mut local,
        &doc(&server, Collection::Templates, &template_id, "2-t"),
        &bavi(3),
    );
    let cards: Vec<String> = local.scorecards.iter().map(|c| c.meta.id.clone()).collect();
    assert_eq!(absorbed.reopened, cards);
    assert_eq!(absorbed.written[0], (Collection::Templates, template_id));
    for id in &cards {
        assert!(absorbed.written.contains(&(Collection::Scorecards, id.clone())));
    }
    for card in &local.scorecards {
        assert_eq!(card.status, CardStatus::Reviewed);
        let reopening = card.reopenings.last().unwrap();
        assert_eq!(reopening.by, wording::REOPENED_BY);
        assert_eq!(reopening.reason, wording::REOPEN_REASON);
        assert_eq!(reopening.office_id, "bavi");
    }
}

#[test]
fn a_version_changed_without_counting_converges_on_the_merges_winner() {
    // Another tool rewrote the record on the server and left its version vector as it was.
    let mut local = base();
    let id = local.units[0].meta.id.clone();
    let key = doc_id(Collection::Units, &id);
    let mut server = local.clone();
    server.units[0].name = "Tên sửa bằng công cụ khác".into();
    server.units[0].meta.changed_at = at(2);
    let absorbed = absorb_one(&mut local, &doc(&server, Collection::Units, &id, "2-x"), &bavi(3));
    assert_eq!(local.units[0], server.units[0], "the later change wins");
    assert_eq!(absorbed.written, vec![(Collection::Units, id.clone())]);
    assert_eq!(absorbed.known[0].1.edits, server.units[0].meta.edits);

    // The same with the server's version older: this office keeps its own and sends it, as
    // the server cannot tell by the vector that it is behind.
    let mut local = base();
    let kept = local.units[0].clone();
    server.units[0].meta.changed_at = at(1) - chrono::Duration::days(1);
    let absorbed = absorb_one(&mut local, &doc(&server, Collection::Units, &id, "2-x"), &bavi(3));
    assert_eq!(local.units[0], kept);
    assert!(absorbed.written.is_empty());
    let known: super::bookkeeping::Known = absorbed.known.into_iter().collect();
    assert_eq!(known[&key].rev, "2-x");
    assert!(super::bookkeeping::pending(&local, &known).contains(&(Collection::Units, id)));
}

/// A city's whole data down to a fresh office page by page, and what is left to upload after
/// it: run with `cargo test --release --lib sync::absorb_tests::city -- --ignored --nocapture`
/// to see the times (printed, not asserted).
#[test]
#[ignore]
fn city_down_to_a_fresh_office() {
    use crate::domain::sample::city_scale::{generate, CityScale};
    use std::time::Instant;
    let city = generate(CityScale::HA_NOI);
    let mut docs = Vec::new();
    let mut known = super::bookkeeping::Known::new();
    let started = Instant::now();
    let mut ids = Vec::new();
    each_meta(&city, &mut |c, m| ids.push((c, m.id.clone())));
    let bodies = super::document::to_docs(&city, &ids, &known);
    println!("{} documents made in {:?}", bodies.len(), started.elapsed());
    for mut body in bodies {
        body["_rev"] = json!("1-a");
        docs.push(read_doc(body).expect("a document"));
    }
    let mut fresh = AppData::default();
    let started = Instant::now();
    let mut slowest = std::time::Duration::ZERO;
    for page in docs.chunks(super::problems::DOWNLOAD_BATCH) {
        let page_started = Instant::now();
        let absorbed = absorb(&mut fresh, page, &no_revisions(), &bavi(2));
        slowest = slowest.max(page_started.elapsed());
        assert!(absorbed.skipped.is_empty(), "{:?}", &absorbed.skipped[..1]);
        known.extend(absorbed.known);
    }
    println!(
        "{} documents absorbed in {:?} (slowest page {:?})",
        docs.len(),
        started.elapsed(),
        slowest
    );
    // The records, not this installation's own office.
    fresh.office = city.office.clone();
    assert!(fresh == city, "the records came down as they went up");
    let started = Instant::now();
    assert_eq!(super::bookkeeping::pending_count(&fresh, &known), 0);
    println!(
        "pending_count over {} records in {:?}",
        docs.len(),
        started.elapsed()
    );
}

#[test]
fn edits_of_different_fields_on_two_offices_both_survive_with_the_base() {
    let start = base();
    let id = start.units[1].meta.id.clone();
    let key = doc_id(Collection::Units, &id);
    let known: super::bookkeeping::Known = [(
        key.clone(),
        KnownRev {
            rev: "1-a".into(),
            edits: start.units[1].meta.edits.clone(),
            refused: None,
        },
    )]
    .into();
    let base_doc = doc(&start, Collection::Units, &id, "1-a");

    let mut ba_vi = start.clone();
    ba_vi.units[1].short_name = "Tên tắt sửa ở Ba Vì".into();
    ba_vi.units[1].meta.touch(&bavi(2));
    let mut son_tay = start.clone();
    son_tay.units[1].name = "Liên đoàn Lao động thị xã Sơn Tây".into();
    son_tay.units[1].meta.touch(&Stamp::new("son-tay", at(3)));
    let from_son_tay = doc(&son_tay, Collection::Units, &id, "2-s");

    assert_eq!(
        super::bookkeeping::bases_wanted(&ba_vi, &known, std::slice::from_ref(&from_son_tay)),
        vec![(key.clone(), "1-a".to_string())]
    );
    assert!(super::bookkeeping::bases_wanted(&start, &known, std::slice::from_ref(&from_son_tay)).is_empty());

    let absorbed = super::absorb::absorb_one_with_base(&mut ba_vi, &from_son_tay, Some(&base_doc), &bavi(4));
    assert_eq!(absorbed.skipped, vec![]);
    assert_eq!(absorbed.written, vec![(Collection::Units, id.clone())]);
    let merged = &ba_vi.units[1];
    assert_eq!(merged.short_name, "Tên tắt sửa ở Ba Vì");
    assert_eq!(merged.name, "Liên đoàn Lao động thị xã Sơn Tây");
    // A new edit of Ba Vì: Sơn Tây takes it whole and both end alike.
    absorb_one(
        &mut son_tay,
        &doc(&ba_vi, Collection::Units, &id, "3-b"),
        &Stamp::new("son-tay", at(5)),
    );
    assert_eq!(son_tay.units[1], ba_vi.units[1]);

    // Without the base, the later version is kept whole, as a file import does by default.
    let mut without = start.clone();
    without.units[1].short_name = "Tên tắt sửa ở Ba Vì".into();
    without.units[1].meta.touch(&bavi(2));
    absorb_one(&mut without, &from_son_tay, &bavi(4));
    assert_eq!(without.units[1].short_name, start.units[1].short_name);
}
