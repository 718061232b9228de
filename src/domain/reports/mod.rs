//! Official documents made from the data (domain guide §5): the report settings of the office,
//! a layout-free document model, and one builder per report. The print view (`ui::print`)
//! draws a [`Document`]; the builders know nothing of the browser.

pub mod award_proposal;
pub mod cluster_results;
pub mod dialogue_year;
pub mod document;
pub mod lists;
pub mod minutes;
pub mod programme;
pub mod request;
pub mod review_minutes;
pub mod scorecard;
pub mod settings;
pub mod workbook;
pub mod year_end;

pub use document::{Block, Cell, Column, Document, Signature, Table};
pub use request::ReportRequest;
pub use settings::ReportSettings;
pub use workbook::Workbook;

use crate::domain::data::AppData;
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::compute::{compute_cluster, ClusterResults};
use crate::domain::scoring::template::{self, ScoringTemplate};

/// A cluster-year as the scoring reports read it: the cluster, its table and every card's
/// computed points.
fn scored_cluster<'a>(
    data: &'a AppData,
    cluster_id: &str,
) -> Result<(&'a Cluster, &'a ScoringTemplate, ClusterResults), ReportError> {
    let cluster =
        crate::domain::record::find(&data.clusters, cluster_id).ok_or(ReportError::ClusterNotFound)?;
    let t = template::find_for(&data.templates, &cluster.meta.id, cluster.year)
        .ok_or(ReportError::NoScoringTable)?;
    let results = compute_cluster(cluster, t, &data.indicators, &data.scorecards);
    Ok((cluster, t, results))
}

/// Why a report cannot be made: what it is about is not there (deleted, or a link from
/// another installation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportError {
    ClusterNotFound,
    NoScoringTable,
    NoScorecard,
    DialogueNotFound,
    UnitNotFound,
    ProgrammeNotFound,
    /// The year-end papers print closed results only.
    ResultsNotClosed,
    NoReviewMeeting,
}

impl ReportError {
    pub fn message(self) -> &'static str {
        match self {
            ReportError::ClusterNotFound => "Không tìm thấy cụm thi đua này (có thể đã bị xóa).",
            ReportError::NoScoringTable => "Cụm năm này chưa có bảng điểm nên chưa có kết quả để báo cáo.",
            ReportError::NoScorecard => "Đơn vị này chưa có phiếu chấm trong cụm năm này.",
            ReportError::DialogueNotFound => "Không tìm thấy cuộc đối thoại này (có thể đã bị xóa).",
            ReportError::UnitNotFound => "Không tìm thấy đơn vị này (có thể đã bị xóa).",
            ReportError::ProgrammeNotFound => "Không tìm thấy chương trình phối hợp này (có thể đã bị xóa).",
            ReportError::ResultsNotClosed => "Kết quả của cụm chưa chốt, hoặc đã thay đổi sau khi chốt: biên bản họp bình xét và tờ trình đề nghị khen thưởng chỉ lập được từ kết quả đã chốt.",
            ReportError::NoReviewMeeting => "Chưa ghi biên bản họp bình xét (thời gian, địa điểm, thành phần) ở phần Kết quả của cụm.",
        }
    }
}

#[cfg(test)]
mod tests;
