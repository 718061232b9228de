//! Each figure has one answer: the dialogue figures *Phối hợp › Số liệu giai đoạn* shows
//! ([`ScopeYear`]) and those *Đối thoại › Tổng hợp* shows ([`summarize`]) agree for every year
//! and unit of the sample, and the sample obeys the active-unit rule it is checked against.

use super::programme::AreaMeasure;
use super::totals::{ReportScope, ScopeYear};
use crate::domain::data::AppData;
use crate::domain::dialogues::{summarize, Summary};
use crate::domain::record::{self, Record, Stamp};
use crate::domain::sample;
use chrono::{DateTime, Datelike, NaiveDate};

/// The figures both pages show for one scope and year: dialogues, attendances, proposals
/// raised and proposals resolved.
fn shown(s: &Summary) -> [u64; 4] {
    [
        s.dialogues as u64,
        s.attendances,
        s.proposals as u64,
        s.closed as u64,
    ]
}

fn period_page(data: &AppData, scope: &ReportScope, year: i32) -> [u64; 4] {
    let y = ScopeYear::gather(scope, year, data);
    [
        AreaMeasure::DialoguesHeld,
        AreaMeasure::DialogueAttendances,
        AreaMeasure::ProposalsRaised,
        AreaMeasure::ProposalsResolved,
    ]
    .map(|m| y.value(&m).value.unwrap_or(0))
}

fn add(a: [u64; 4], b: [u64; 4]) -> [u64; 4] {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]
}

fn sample_data() -> AppData {
    let stamp = Stamp::new("o", DateTime::from_timestamp(1_764_000_000, 0).unwrap());
    sample::with_numbered_ids(&stamp).0
}

fn years(data: &AppData) -> std::ops::RangeInclusive<i32> {
    let all: Vec<i32> = record::live(&data.dialogues)
        .map(|d| d.date.year())
        .chain(record::live(&data.indicators).map(|i| i.year))
        .chain(record::live(&data.clusters).map(|c| c.year))
        .collect();
    *all.iter().min().unwrap()..=*all.iter().max().unwrap()
}

/// Checks both pages for every year of `data` and every unit, and for all units together.
fn assert_pages_agree(data: &AppData) {
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    for year in years(data) {
        let dialogues_page = shown(&summarize(year, None, &data.dialogues, &data.proposals, today));
        assert_eq!(
            period_page(data, &ReportScope::All, year),
            dialogues_page,
            "all units, {year}"
        );
        for unit in record::live(&data.units) {
            // Phối hợp's unit is the unit and its direct children in scope that year; Đối thoại's
            // is the unit alone. The same figure is their sum, unit by unit.
            let gathered = ScopeYear::gather(&ReportScope::Unit(unit.id().into()), year, data);
            let mut expected = shown(&summarize(
                year,
                Some(unit.id()),
                &data.dialogues,
                &data.proposals,
                today,
            ));
            for child in gathered.units.iter().filter(|c| c.id() != unit.id()) {
                let own = summarize(year, Some(child.id()), &data.dialogues, &data.proposals, today);
                expected = add(expected, shown(&own));
            }
            assert_eq!(
                period_page(data, &ReportScope::Unit(unit.id().into()), year),
                expected,
                "{} in {year}",
                unit.name
            );
        }
    }
}

#[test]
fn both_pages_give_the_same_dialogue_figures_for_every_year_of_the_sample() {
    let data = sample_data();
    assert!(years(&data).clone().count() >= 5, "the sample spans years");
    assert!(!data.dialogues.is_empty());
    assert_pages_agree(&data);
}

#[test]
fn a_dialogue_recorded_before_the_active_unit_rule_counts_on_both_pages() {
    // Issue 22: Ba Vì ended on 30/06/2025; a 2026 dialogue of 1.250 attendances showed 1 on
    // Đối thoại and 0 on Phối hợp. The forms now refuse it; one already stored counts on both.
    let mut data = sample_data();
    let ba_vi = data.units.iter().find(|u| u.short_name == "Ba Vì").unwrap();
    assert_eq!(ba_vi.active_to, NaiveDate::from_ymd_opt(2025, 6, 30));
    let mut late = data.dialogues[0].clone();
    late.meta.id = "late".into();
    late.unit_id = ba_vi.id().into();
    late.date = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    late.attendances = 1_250;
    let ba_vi_id = ba_vi.id().to_string();
    data.dialogues.push(late);
    assert_eq!(
        period_page(&data, &ReportScope::Unit(ba_vi_id), 2026),
        [1, 1_250, 0, 0]
    );
    assert_pages_agree(&data);
}

#[test]
fn the_sample_obeys_the_active_unit_rule() {
    let data = sample_data();
    for d in record::live(&data.dialogues) {
        let unit = record::find(&data.units, &d.unit_id).unwrap();
        assert!(unit.active_on(d.date), "{} on {}", unit.name, d.date);
    }
    for r in record::live(&data.indicators) {
        let unit = record::find(&data.units, &r.unit_id).unwrap();
        assert!(unit.active_in_year(r.year), "{} in {}", unit.name, r.year);
    }
}
