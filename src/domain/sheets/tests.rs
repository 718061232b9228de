//! Sheets of units and figures read into records, with the sample's units (LĐLĐ thành phố Hà Nội
//! and its districts) as local data.

use super::*;
use crate::domain::collections::{Collection, DataPlan};
use crate::domain::data::AppData;
use crate::domain::record::Stamp;
use crate::domain::scoring::indicators::find_for;
use chrono::{TimeZone, Utc};

fn sample() -> crate::domain::data::AppData {
    crate::domain::sample::with_numbered_ids(&stamp()).0
}

fn stamp() -> Stamp {
    Stamp::new("office", Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap())
}

fn grid(rows: &[&[&str]]) -> Grid {
    Grid {
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| SheetCell::Text(c.to_string())).collect())
            .collect(),
    }
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new-{n}")
    }
}

/// The problems of a units sheet the import refuses, as the officer reads them.
fn units_refused(
    sheet: &Grid,
    mapping: &columns::Mapping,
    parent: Option<&str>,
    local: &AppData,
) -> Vec<String> {
    match units_sheet::read_units(sheet, mapping, parent, local, &stamp(), &mut ids()) {
        Outcome::Refused(problems) => problems.iter().map(Problem::text).collect(),
        Outcome::Ready(_) => panic!("the sheet was taken"),
    }
}

#[test]
fn a_units_sheet_names_its_bad_row_and_column_then_imports_new_and_matched_units() {
    let local = sample();
    let thanh_oai = local.units.iter().find(|u| u.name.contains("Thanh Oai")).unwrap();
    let parent = thanh_oai.parent_id.clone();
    // Typed without diacritics, in capitals.
    let typed = crate::domain::letter_case::upper(&crate::domain::fold::fold(&thanh_oai.name));
    let bad = grid(&[
        &["STT", "Ten don vi", "Loai", "Ngay thanh lap"],
        &["1", &typed, "", ""],
        &["2", "CĐCS Công ty May Thanh Trì", "Công đoàn cơ sở", "15/03/2019"],
        &["3", "CĐCS Trường THCS Kim Bài", "trường học", ""],
        &["4", "CĐCS Bệnh viện Đa khoa", "cdcs", "31/02/2020"],
    ]);
    let mapping = columns::Mapping::detect(&bad, SheetKind::Units);
    assert!(mapping.gaps(&bad, SheetKind::Units).is_empty());
    let texts = units_refused(&bad, &mapping, parent.as_deref(), &local);
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts[0].starts_with("Dòng 4, cột C (Loai): không rõ loại \"trường học\""),
        "{}",
        texts[0]
    );
    assert_eq!(
        texts[1],
        "Dòng 5, cột D (Ngay thanh lap): ngày \"31/02/2020\" không có trên lịch."
    );

    let good = grid(&[
        &["STT", "Ten don vi", "Loai", "Ngay thanh lap"],
        &["1", &typed, "", ""],
        &["2", "CĐCS Công ty May Thanh Trì", "Công đoàn cơ sở", "15/03/2019"],
    ]);
    let Outcome::Ready(data) =
        units_sheet::read_units(&good, &mapping, parent.as_deref(), &local, &stamp(), &mut ids())
    else {
        panic!("a good sheet reads");
    };
    assert_eq!(data.units.len(), 2);
    assert_eq!(
        data.units[0].meta.id, thanh_oai.meta.id,
        "matched without diacritics"
    );
    let new = &data.units[1];
    assert_eq!(
        (new.meta.id.as_str(), new.parent_id.as_deref()),
        ("new-1", parent.as_deref())
    );
    assert_eq!(new.active_from, chrono::NaiveDate::from_ymd_opt(2019, 3, 15));
    let plan = DataPlan::new(&local, &data);
    let units = plan
        .summaries()
        .into_iter()
        .find(|s| s.collection == Collection::Units)
        .unwrap();
    assert_eq!((units.new, units.updated, units.unchanged), (1, 0, 1));
}

#[test]
fn a_figures_sheet_fills_a_years_reports_of_units_found_by_name() {
    let local = sample();
    let sheet = grid(&[
        &["Đơn vị", "So doan vien", "Ket nap doan vien moi"],
        &["LĐLĐ huyện Ba Vì", "12.500", "300"],
        &["Lien doan lao dong huyen Dan Phuong", "9000", ""],
    ]);
    let mapping = columns::Mapping::detect(&sheet, SheetKind::Figures);
    let data = match figures_sheet::read_figures(&sheet, &mapping, 2025, None, &local, &stamp(), &mut ids()) {
        Outcome::Ready(data) => data,
        Outcome::Refused(p) => panic!("the sheet reads: {p:?}"),
    };
    assert_eq!(data.indicators.len(), 2);
    let ba_vi = data
        .indicators
        .iter()
        .find(|r| r.figures.members == Some(12_500))
        .unwrap();
    assert_eq!((ba_vi.year, ba_vi.figures.new_members), (2025, Some(300)));
    assert!(
        find_for(&local.indicators, &ba_vi.unit_id, 2025).is_none(),
        "a new report"
    );

    let bad = grid(&[
        &["Đơn vị", "Số đoàn viên", "Kết nạp đoàn viên mới"],
        &["LĐLĐ huyện Ba Vì", "100", "250"],
        &["LĐLĐ huyện Không Có", "100", "1"],
        &["LĐLĐ huyện Đan Phượng", "-5", ""],
    ]);
    let mapping = columns::Mapping::detect(&bad, SheetKind::Figures);
    let Outcome::Refused(problems) =
        figures_sheet::read_figures(&bad, &mapping, 2025, None, &local, &stamp(), &mut ids())
    else {
        panic!("bad rows refuse the sheet");
    };
    let texts: Vec<String> = problems.iter().map(Problem::text).collect();
    assert_eq!(
        texts,
        [
            "Dòng 2, cột C (Kết nạp đoàn viên mới): Số kết nạp mới lớn hơn tổng số đoàn viên.",
            "Dòng 3, cột A (Đơn vị): không có đơn vị \"LĐLĐ huyện Không Có\" trên máy này; hãy thêm đơn vị trước, hoặc sửa tên.",
            "Dòng 4, cột B (Số đoàn viên): không được là số âm.",
        ]
    );
}

#[test]
fn a_sheet_is_checked_as_it_will_be_saved_and_two_rows_cannot_name_one_unit() {
    let local = sample();
    let thanh_oai = local.units.iter().find(|u| u.name.contains("Thanh Oai")).unwrap();
    let parent = thanh_oai.parent_id.clone();
    let mut changed = local.clone();
    let stored = changed
        .units
        .iter_mut()
        .find(|u| u.meta.id == thanh_oai.meta.id)
        .unwrap();
    stored.active_from = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
    stored.short_name = "Thanh Oai".into();
    let sheet = grid(&[
        &["Tên đơn vị", "Đến"],
        &[&thanh_oai.name, "31/12/2015"],
        &["Thanh Oai", ""],
        &["Tổng cộng", ""],
    ]);
    let mapping = columns::Mapping::detect(&sheet, SheetKind::Units);
    let texts = units_refused(&sheet, &mapping, parent.as_deref(), &changed);
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts[0].starts_with("Dòng 2, cột B (Đến): "),
        "the stored start counts: {}",
        texts[0]
    );
    assert!(
        texts[1].starts_with("Dòng 4, cột A (Tên đơn vị): \"Tổng cộng\" không phải tên đơn vị"),
        "{}",
        texts[1]
    );

    let sheet = grid(&[&["Tên đơn vị"], &[&thanh_oai.name], &["Thanh Oai"]]);
    assert_eq!(
        units_refused(&sheet, &mapping, parent.as_deref(), &changed)[0],
        format!("Dòng 3, cột A (Tên đơn vị): dòng này và dòng 2 cùng chỉ một đơn vị (\"Thanh Oai\").")
    );
}

#[test]
fn a_column_with_data_but_no_header_must_be_mapped() {
    let sheet = grid(&[&["Tên đơn vị"], &["CĐCS Công ty May 10", "0100101"]]);
    let mapping = columns::Mapping::detect(&sheet, SheetKind::Units);
    assert_eq!(
        mapping.gaps(&sheet, SheetKind::Units),
        ["Cột B có dữ liệu nhưng không có tiêu đề; hãy chọn cột này chứa gì, hoặc bỏ qua cột này."]
    );
}
