//! The rows of a cluster-year's results as officers read them, on the *Kết quả* tab and in the
//! report: rank, card status, self and reviewed totals, tier, proposed award, and every reason
//! in words (vetoes, the HTXSNV cap, how a tie was broken).

use super::award_forms::AwardForm;
use super::awards::put_forward;
use super::compute::ClusterResults;
use super::points::Points;
use super::ranking::{RankedRow, TieBreak};
use super::scorecard::CardStatus;
use super::standing::Standing;
use super::template::ScoringTemplate;
use super::vote_tally::{self, VoteCount};
use super::wording;

#[derive(Clone, Debug, PartialEq)]
pub struct ResultLine {
    pub row: RankedRow,
    pub status: CardStatus,
    pub self_total: Option<Points>,
    pub why: Vec<String>,
    /// The award form proposed, confirmed by the vote when the cluster voted on it.
    pub award: Option<AwardForm>,
}

/// One line per ranked row, in rank order. `unit_label` names the next unit in tie reasons;
/// `tally` is the cluster's vote (a unit put forward without the share says so).
pub fn result_lines(
    standing: &Standing,
    results: &ClusterResults,
    template: &ScoringTemplate,
    tally: &[VoteCount],
    unit_label: impl Fn(&str) -> String,
) -> Vec<ResultLine> {
    let rows: Vec<RankedRow> = standing.ranked.iter().map(|(r, _)| r.clone()).collect();
    let awards = put_forward(&rows, &template.settings, tally);
    standing
        .ranked
        .iter()
        .enumerate()
        .map(|(i, (row, status))| {
            let mut why = Vec::new();
            for v in &row.vetoes {
                let name = template
                    .criterion(v)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| v.clone());
                why.push(format!("Vi phạm tiêu chí loại trừ: {name} → KHTNV."));
            }
            if let Some(d) = &row.demoted {
                why.push(wording::demotion(d));
            }
            if let (Some(tb), Some(next)) = (&row.before_next, rows.get(i + 1)) {
                if !matches!(tb, TieBreak::Total { .. }) {
                    why.push(wording::tie_break(tb, &unit_label(&next.unit_id)));
                }
            }
            for refused in awards.iter().filter(|a| !a.proposed && a.unit_id == row.unit_id) {
                why.push(format!(
                    "Không đề nghị {}: {}.",
                    refused.form.name,
                    vote_tally::shortfall(refused.vote.as_ref(), template.settings.vote_share)
                ));
            }
            ResultLine {
                row: row.clone(),
                status: *status,
                self_total: results
                    .cards
                    .iter()
                    .find(|c| c.card_id == row.card_id)
                    .map(|c| c.self_tally.total),
                why,
                award: awards
                    .iter()
                    .find(|a| a.proposed && a.unit_id == row.unit_id)
                    .map(|a| a.form.clone()),
            }
        })
        .collect()
}

/// "Cờ thi đua của LĐLĐ tỉnh/thành phố", with "(dự kiến)" while the results are not final.
pub fn award_text(award: Option<&AwardForm>, tentative: bool) -> String {
    let Some(name) = award.map(|a| a.name.as_str()) else {
        return String::new();
    };
    if tentative {
        format!("{name} (dự kiến)")
    } else {
        name.to_string()
    }
}
