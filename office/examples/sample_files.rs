//! Writes every Word and Excel file the app makes from the sample data into a folder, to be
//! judged by outside programs (openxml-audit, LibreOffice → PDF → pdftotext) and looked at:
//!
//! `cargo run -p thidua-office --example sample_files -- /tmp/thidua-files`

use chrono::NaiveDate;
use thidua::domain::record::Stamp;
use thidua::domain::reports::{ReportSettings, Workbook};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/thidua-files".into());
    std::fs::create_dir_all(&dir).expect("the output folder");
    let at = chrono::DateTime::from_timestamp(1_764_403_200, 0).unwrap();
    let (data, cluster_id) = thidua::domain::sample::with_numbered_ids(&Stamp::new("office", at));
    let settings = ReportSettings {
        parent_body: "Liên đoàn Lao động thành phố Hà Nội".into(),
        issuing_body: "LĐLĐ huyện Ba Vì".into(),
        place: "Hà Nội".into(),
        signer_name: "Nguyễn Phi Thường".into(),
        ..ReportSettings::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    for (name, request) in thidua::domain::sample::report_requests(&data, &cluster_id) {
        let doc = request
            .build(&data, &settings, today)
            .expect("the sample's report")
            .made("LĐLĐ huyện Ba Vì", at);
        let json = serde_json::to_string(&doc).unwrap();
        let word = thidua_office::make("docx", &json).expect("a Word file");
        std::fs::write(format!("{dir}/{name}.docx"), word).unwrap();
        if doc.tables().next().is_some() {
            let book = Workbook::of_document(&doc, "LĐLĐ huyện Ba Vì", today);
            let excel = thidua_office::make("xlsx", &serde_json::to_string(&book).unwrap()).unwrap();
            std::fs::write(format!("{dir}/{name}.xlsx"), excel).unwrap();
        }
        println!("{dir}/{name}");
    }
}
