//! Writes every Word and Excel file the app makes from the sample data into a folder, to be
//! judged by outside programs (openxml-audit, LibreOffice → PDF → pdftotext) and looked at:
//!
//! `cargo run -p thidua-office --example sample_files -- /tmp/thidua-files`

use chrono::NaiveDate;
use thidua::domain::data::AppData;
use thidua::domain::record::Stamp;
use thidua::domain::reports::{ReportRequest, ReportSettings, Workbook};

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
    for (name, request) in requests(&data, &cluster_id) {
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

/// One of each report the app makes, on the sample's records.
fn requests(data: &AppData, cluster_id: &str) -> Vec<(&'static str, ReportRequest)> {
    let cluster = data.clusters.iter().find(|c| c.meta.id == cluster_id).unwrap();
    let dialogue = data
        .dialogues
        .iter()
        .find(|d| data.proposals.iter().any(|p| p.dialogue_id == d.meta.id))
        .unwrap();
    let thanh_oai = data.units.iter().find(|u| u.name.contains("Thanh Oai")).unwrap();
    let programme = data
        .programmes
        .iter()
        .find(|p| p.unit_id == thanh_oai.meta.id)
        .unwrap();
    vec![
        (
            "results",
            ReportRequest::ClusterResults {
                cluster_id: cluster_id.into(),
            },
        ),
        (
            "scorecard",
            ReportRequest::Scorecard {
                cluster_id: cluster_id.into(),
                unit_id: cluster.member_ids[0].clone(),
            },
        ),
        (
            "minutes",
            ReportRequest::Minutes {
                dialogue_id: dialogue.meta.id.clone(),
            },
        ),
        (
            "dialogue-year",
            ReportRequest::DialogueYear {
                year: 2024,
                unit_id: None,
            },
        ),
        (
            "review",
            ReportRequest::AnnualReview {
                programme_id: programme.meta.id.clone(),
                year: 2016,
            },
        ),
        (
            "period",
            ReportRequest::Period {
                scope: format!("u:{}", thanh_oai.meta.id),
                from: 2016,
                to: 2020,
            },
        ),
    ]
}
