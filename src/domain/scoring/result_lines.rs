//! The rows of a cluster-year's results as officers read them, on the *Kết quả* tab and in the
//! report: rank, card status, self and reviewed totals, tier, proposed award, and every reason
//! in words (vetoes, the HTXSNV cap, how a tie was broken).

use super::awards::{propose_awards, Award};
use super::compute::ClusterResults;
use super::points::Points;
use super::ranking::{RankedRow, TieBreak};
use super::scorecard::CardStatus;
use super::standing::Standing;
use super::template::ScoringTemplate;
use super::wording;

#[derive(Clone, Debug, PartialEq)]
pub struct ResultLine {
    pub row: RankedRow,
    pub status: CardStatus,
    pub self_total: Option<Points>,
    pub why: Vec<String>,
    pub award: Option<Award>,
}

/// One line per ranked row, in rank order. `unit_label` names the next unit in tie reasons.
pub fn result_lines(
    standing: &Standing,
    results: &ClusterResults,
    template: &ScoringTemplate,
    unit_label: impl Fn(&str) -> String,
) -> Vec<ResultLine> {
    let rows: Vec<RankedRow> = standing.ranked.iter().map(|(r, _)| r.clone()).collect();
    let awards = propose_awards(&rows, &template.settings);
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
            ResultLine {
                row: row.clone(),
                status: *status,
                self_total: results
                    .cards
                    .iter()
                    .find(|c| c.card_id == row.card_id)
                    .map(|c| c.self_tally.total),
                why,
                award: awards.iter().find(|a| a.unit_id == row.unit_id).map(|a| a.award),
            }
        })
        .collect()
}

/// "Cờ thi đua", "Bằng khen", with "(dự kiến)" while the results are not final.
pub fn award_text(award: Option<Award>, tentative: bool) -> String {
    let name = match award {
        Some(Award::Flag) => "Cờ thi đua",
        Some(Award::Certificate) => "Bằng khen",
        None => return String::new(),
    };
    if tentative {
        format!("{name} (dự kiến)")
    } else {
        name.to_string()
    }
}
