//! The sample's reports written as Word and Excel files: valid packages whose text holds the
//! report's names and numbers. (LibreOffice judges the same files in tests/e2e/documents.test.mjs.)

use chrono::NaiveDate;
use std::io::Read;
use thidua::domain::data::AppData;
use thidua::domain::record::Stamp;
use thidua::domain::reports::{ReportRequest, ReportSettings, Workbook};

fn sample() -> (AppData, String) {
    let at = chrono::DateTime::from_timestamp(1_764_403_200, 0).unwrap();
    thidua::domain::sample::with_numbered_ids(&Stamp::new("office", at))
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn results() -> thidua::domain::reports::Document {
    let (data, cluster_id) = sample();
    let settings = ReportSettings {
        issuing_body: "Liên đoàn Lao động thành phố Hà Nội".into(),
        place: "Hà Nội".into(),
        signer_name: "Nguyễn Phi Thường".into(),
        ..ReportSettings::default()
    };
    ReportRequest::ClusterResults { cluster_id }
        .build(&data, &settings, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap())
        .unwrap()
}

#[test]
fn a_report_as_word_has_its_header_title_table_and_signer() {
    let doc = results();
    let bytes = thidua_office::make("docx", &serde_json::to_string(&doc).unwrap()).unwrap();
    let xml = part(&bytes, "word/document.xml");
    for text in [
        "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội, ngày 30 tháng 11 năm 2026",
        "Nơi nhận:",
        "Nguyễn Phi Thường",
        &doc.summary,
    ] {
        assert!(xml.contains(text), "{text}");
    }
    let first_unit = doc.tables().next().unwrap().rows[0][1].shown().to_string();
    assert!(xml.contains(&first_unit), "{first_unit}");
    assert!(part(&bytes, "word/styles.xml").contains("Times New Roman"));
    // The results table's header row repeats on each page; the two blocks on top do not.
    let tables: Vec<&str> = xml
        .split("<w:tbl>")
        .skip(1)
        .map(|t| t.split("</w:tbl>").next().unwrap())
        .collect();
    let first_row = |t: &str| t.split("</w:tr>").next().unwrap().to_string();
    assert!(
        !first_row(tables[0]).contains("<w:tblHeader />"),
        "the header blocks"
    );
    let results = tables.iter().find(|t| t.contains(&first_unit)).unwrap();
    assert!(
        first_row(results).contains("<w:tblHeader />"),
        "{}",
        first_row(results)
    );
    assert_eq!(
        results.matches("<w:tblHeader />").count(),
        1,
        "only the header row"
    );
}

#[test]
fn a_report_as_excel_keeps_numbers_as_numbers() {
    let doc = results();
    let book = Workbook::of_document(
        &doc,
        "LĐLĐ huyện Ba Vì",
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    );
    let bytes = thidua_office::make("xlsx", &serde_json::to_string(&book).unwrap()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<pane "), "a frozen header row");
    // Row 4 is the first unit: its rank (column A) is a number cell, not a shared string.
    let rank = sheet
        .split("<c r=\"A4\"")
        .nth(1)
        .expect("cell A4")
        .split("</c>")
        .next()
        .unwrap();
    assert!(!rank.contains("t=\"s\"") && rank.contains("<v>1</v>"), "{rank}");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("LĐLĐ huyện Ba Vì – "), "the title row");
}

#[test]
fn an_unknown_request_is_a_message_not_a_panic() {
    assert!(thidua_office::make("pdf", "{}").unwrap_err().contains("pdf"));
    assert!(thidua_office::make("docx", "{").is_err());
}

#[test]
fn every_sheet_prints_on_a4_one_page_wide_with_its_header_row_and_title() {
    let doc = results();
    let book = Workbook::of_document(
        &doc,
        "LĐLĐ huyện Ba Vì & Cụm 4",
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    );
    let bytes = thidua_office::make("xlsx", &serde_json::to_string(&book).unwrap()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let setup = sheet
        .split("<pageSetup")
        .nth(1)
        .expect("a page setup")
        .split("/>")
        .next()
        .unwrap();
    assert!(setup.contains(r#"paperSize="9""#), "A4: {setup}");
    assert!(
        setup.contains(r#"fitToHeight="0""#),
        "as many pages down as needed: {setup}"
    );
    // The results sheet (rank, unit, two totals, tier, explanation…) is wider than portrait.
    assert!(setup.contains(r#"orientation="landscape""#), "{setup}");
    assert!(
        sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
        "fit to one page wide"
    );
    // The title as the print header ("&" escaped as "&&"), the page number below.
    let header = sheet
        .split("<oddHeader>")
        .nth(1)
        .expect("a print header")
        .split("</oddHeader>")
        .next()
        .unwrap();
    assert!(
        header.starts_with("&amp;CLĐLĐ huyện Ba Vì &amp;&amp; Cụm 4 – "),
        "{header}"
    );
    assert!(
        sheet.contains("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"),
        "page numbers"
    );
    // The header row (row 3) repeats on each page.
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">"#),
        "{workbook}"
    );
    assert!(workbook.contains("!$3:$3</definedName>"), "{workbook}");
}

#[test]
fn a_narrow_list_prints_portrait() {
    use thidua::domain::reports::{Cell, Column, Table};
    let table = Table {
        caption: "Đơn vị".into(),
        columns: vec![Column::number("STT"), Column::text("Tên đơn vị")],
        rows: vec![vec![Cell::number(1.0), Cell::text("LĐLĐ huyện Ba Vì")]],
    };
    let book = Workbook {
        title: "Danh sách".into(),
        sheets: vec![table],
    };
    let bytes = thidua_office::make("xlsx", &serde_json::to_string(&book).unwrap()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"orientation="portrait""#), "{sheet}");
}
