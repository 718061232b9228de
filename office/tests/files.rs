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
