//! Which report to make, as the print view's address names it (`#/in/ket-qua/<cụm>` …), so a
//! report can be reopened, bookmarked or printed again from its link.

use super::{
    award_proposal, cluster_results, dialogue_year, minutes, programme, review_minutes, scorecard, Document,
    ReportError, ReportSettings,
};
use crate::domain::data::AppData;
use crate::domain::programmes::totals::{report_span, ReportScope};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportRequest {
    ClusterResults {
        cluster_id: String,
    },
    Scorecard {
        cluster_id: String,
        unit_id: String,
    },
    /// Biên bản họp bình xét thi đua cụm.
    ReviewMinutes {
        cluster_id: String,
    },
    /// Tờ trình đề nghị khen thưởng.
    AwardProposal {
        cluster_id: String,
    },
    Minutes {
        dialogue_id: String,
    },
    DialogueYear {
        year: i32,
        unit_id: Option<String>,
    },
    AnnualReview {
        programme_id: String,
        year: i32,
    },
    /// ReportScope as [`ReportScope::value`]: "*", "u:<id>", "c:<cluster>".
    Period {
        scope: String,
        from: i32,
        to: i32,
    },
}

impl ReportRequest {
    /// The path segments after `in/`.
    pub fn segments(&self) -> Vec<String> {
        match self {
            ReportRequest::ClusterResults { cluster_id } => vec!["ket-qua".into(), cluster_id.clone()],
            ReportRequest::Scorecard { cluster_id, unit_id } => {
                vec!["phieu-cham".into(), cluster_id.clone(), unit_id.clone()]
            }
            ReportRequest::Minutes { dialogue_id } => vec!["bien-ban".into(), dialogue_id.clone()],
            ReportRequest::ReviewMinutes { cluster_id } => {
                vec!["bien-ban-binh-xet".into(), cluster_id.clone()]
            }
            ReportRequest::AwardProposal { cluster_id } => {
                vec!["to-trinh-khen-thuong".into(), cluster_id.clone()]
            }
            ReportRequest::DialogueYear { year, unit_id } => {
                let mut s = vec!["doi-thoai-nam".into(), year.to_string()];
                s.extend(unit_id.clone());
                s
            }
            ReportRequest::AnnualReview { programme_id, year } => {
                vec!["so-ket".into(), programme_id.clone(), year.to_string()]
            }
            ReportRequest::Period { scope, from, to } => {
                vec![
                    "giai-doan".into(),
                    from.to_string(),
                    to.to_string(),
                    scope.clone(),
                ]
            }
        }
    }

    pub fn parse(segments: &[String]) -> Option<ReportRequest> {
        let s: Vec<&str> = segments.iter().map(String::as_str).collect();
        Some(match s.as_slice() {
            ["ket-qua", cluster] => ReportRequest::ClusterResults {
                cluster_id: cluster.to_string(),
            },
            ["phieu-cham", cluster, unit] => ReportRequest::Scorecard {
                cluster_id: cluster.to_string(),
                unit_id: unit.to_string(),
            },
            ["bien-ban", dialogue] => ReportRequest::Minutes {
                dialogue_id: dialogue.to_string(),
            },
            ["bien-ban-binh-xet", cluster] => ReportRequest::ReviewMinutes {
                cluster_id: cluster.to_string(),
            },
            ["to-trinh-khen-thuong", cluster] => ReportRequest::AwardProposal {
                cluster_id: cluster.to_string(),
            },
            ["doi-thoai-nam", year] => ReportRequest::DialogueYear {
                year: year.parse().ok()?,
                unit_id: None,
            },
            ["doi-thoai-nam", year, unit] => ReportRequest::DialogueYear {
                year: year.parse().ok()?,
                unit_id: Some(unit.to_string()),
            },
            ["so-ket", programme, year] => ReportRequest::AnnualReview {
                programme_id: programme.to_string(),
                year: year.parse().ok()?,
            },
            ["giai-doan", from, to, scope] => {
                let (from, to) = (from.parse().ok()?, to.parse().ok()?);
                report_span(from, to).ok()?;
                ReportRequest::Period {
                    scope: scope.to_string(),
                    from,
                    to,
                }
            }
            _ => return None,
        })
    }

    pub fn build(
        &self,
        data: &AppData,
        settings: &ReportSettings,
        today: NaiveDate,
    ) -> Result<Document, ReportError> {
        match self {
            ReportRequest::ClusterResults { cluster_id } => {
                cluster_results::cluster_results(data, cluster_id, settings, today)
            }
            ReportRequest::Scorecard { cluster_id, unit_id } => {
                scorecard::scorecard_report(data, cluster_id, unit_id, settings, today)
            }
            ReportRequest::Minutes { dialogue_id } => minutes::dialogue_minutes(data, dialogue_id, settings),
            ReportRequest::ReviewMinutes { cluster_id } => {
                review_minutes::review_minutes(data, cluster_id, settings, today)
            }
            ReportRequest::AwardProposal { cluster_id } => {
                award_proposal::award_proposal(data, cluster_id, settings, today)
            }
            ReportRequest::DialogueYear { year, unit_id } => {
                dialogue_year::dialogue_year(data, *year, unit_id.as_deref(), settings, today)
            }
            ReportRequest::AnnualReview { programme_id, year } => {
                programme::annual_review(data, programme_id, *year, settings, today)
            }
            ReportRequest::Period { scope, from, to } => programme::period(
                data,
                &ReportScope::from_value(scope),
                *from..=*to,
                settings,
                today,
            ),
        }
    }
}
