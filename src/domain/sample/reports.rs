//! One request of each report the app makes, on the sample's records: the Word and Excel
//! files that tools and tests judge (`office/examples/sample_files.rs`,
//! `office/tests/word_layout.rs`) are made from this one list.

use crate::domain::data::AppData;
use crate::domain::reports::ReportRequest;

/// Each report with a short name for its file, on data holding the sample ([`super::with_numbered_ids`])
/// and its cluster `cluster_id`.
pub fn report_requests(data: &AppData, cluster_id: &str) -> Vec<(&'static str, ReportRequest)> {
    let cluster = data
        .clusters
        .iter()
        .find(|c| c.meta.id == cluster_id)
        .expect("the sample cluster");
    let dialogue = data
        .dialogues
        .iter()
        .find(|d| data.proposals.iter().any(|p| p.dialogue_id == d.meta.id))
        .expect("a sample dialogue with proposals");
    let thanh_oai = data
        .units
        .iter()
        .find(|u| u.name.contains("Thanh Oai"))
        .expect("the sample's Thanh Oai");
    let programme = data
        .programmes
        .iter()
        .find(|p| p.unit_id == thanh_oai.meta.id)
        .expect("Thanh Oai's programme");
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Stamp;
    use crate::domain::reports::ReportSettings;

    #[test]
    fn every_sample_report_builds() {
        let at = chrono::DateTime::from_timestamp(1_764_403_200, 0).unwrap();
        let (data, cluster_id) = super::super::with_numbered_ids(&Stamp::new("office", at));
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let requests = report_requests(&data, &cluster_id);
        assert_eq!(requests.len(), 6);
        for (name, request) in requests {
            assert!(
                request.build(&data, &ReportSettings::default(), today).is_ok(),
                "{name}"
            );
        }
    }
}
