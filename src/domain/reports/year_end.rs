//! What the two year-end papers (the review meeting's minutes and the award proposal) read of a
//! cluster-year: made only once its results are closed and still as closed, from the frozen
//! record — the final cards ranked on the inputs they kept, and the vote as closed.

use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::scoring::awards::{put_forward, AwardProposal};
use crate::domain::scoring::closing::{self, ClosingState};
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::result_lines::{result_lines, ResultLine};
use crate::domain::scoring::review_meeting::ReviewMeeting;
use crate::domain::scoring::standing::standing;
use crate::domain::scoring::template::ScoringTemplate;

pub struct YearEnd<'a> {
    pub cluster: &'a Cluster,
    pub meeting: &'a ReviewMeeting,
    /// The table the final cards kept.
    pub template: ScoringTemplate,
    /// Every member, in rank order.
    pub lines: Vec<ResultLine>,
    /// Every unit the ranking put forward for an award, with the vote's verdict.
    pub put_forward: Vec<AwardProposal>,
}

/// The closed year of `cluster_id`, or why its papers cannot be made yet.
pub fn read<'a>(data: &'a AppData, cluster_id: &str) -> Result<YearEnd<'a>, ReportError> {
    let (cluster, _, results) = super::scored_cluster(data, cluster_id)?;
    let ClosingState::Closed(_) = closing::state(cluster, &data.scorecards) else {
        return Err(ReportError::ResultsNotClosed);
    };
    let meeting = cluster.meeting.as_ref().ok_or(ReportError::NoReviewMeeting)?;
    let template = results.template.clone();
    let ranked = standing(&results, &template, &cluster.vote_order, false);
    let lines = result_lines(&ranked, &results, &template, &cluster.tally, |u| {
        data.unit_label(u)
    });
    let rows: Vec<_> = ranked.ranked.iter().map(|(r, _)| r.clone()).collect();
    let put_forward = put_forward(&rows, &template.settings, &cluster.tally);
    Ok(YearEnd {
        cluster,
        meeting,
        template,
        lines,
        put_forward,
    })
}

impl YearEnd<'_> {
    /// The reviewed total and tier of a unit, as "91,5 điểm, HTXSNV".
    pub fn standing_of(&self, unit_id: &str) -> Option<&ResultLine> {
        self.lines.iter().find(|l| l.row.unit_id == unit_id)
    }

    /// The forms in the table's order with the units proposed for each (forms with none left out).
    pub fn proposed_by_form(&self) -> Vec<(String, Vec<&AwardProposal>)> {
        let mut out: Vec<(String, Vec<&AwardProposal>)> = Vec::new();
        for form in self.template.settings.forms() {
            let units: Vec<&AwardProposal> = self
                .put_forward
                .iter()
                .filter(|p| p.proposed && p.form.id == form.id)
                .collect();
            if !units.is_empty() {
                out.push((form.name, units));
            }
        }
        out
    }
}

/// "Nguyễn Văn Hùng" from "Đ/c Nguyễn Văn Hùng – Chủ tịch LĐLĐ huyện Ba Vì": the name to sign
/// under.
pub fn signer_name(person: &str) -> String {
    let name = person.split(" – ").next().unwrap_or_default().trim();
    name.strip_prefix("Đ/c ").unwrap_or(name).trim().to_string()
}
