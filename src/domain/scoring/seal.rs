//! Bản chốt của phiếu: what a final card keeps of the inputs its result came from — the scoring
//! table as it was, the unit's yearly figures and the cluster's best rates — so that its total,
//! rank, tier and awards stay as finalised whatever is edited later. The result is computed by
//! the same pure function as for any card ([`compute_card`]), run on the kept inputs instead of
//! the live ones: one computation, two sources of input.
//!
//! Finalising seals the card; reopening (by hand, or because the officer chose to let an edit
//! move final cards, see [`super::final_guard`]) records the total before and after and drops
//! the seal, so the card follows the live data again until it is finalised anew.

use super::cluster::Cluster;
use super::compute::{best_rates, compute_card, BestRates, CardResult};
use super::indicators::{self, UnitIndicators};
use super::points::Points;
use super::scorecard::{self, CardStatus, Scorecard, ScorecardError};
use super::template::{self, ScoringTemplate};
use crate::domain::data::AppData;
use crate::domain::record::{self, Stamp};
use serde::{Deserialize, Serialize};

/// The inputs kept with a final card at Chốt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSeal {
    /// Bảng điểm as it was when the card was finalised.
    pub template: ScoringTemplate,
    /// The unit's yearly figures as they were (None: the unit had reported none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<UnitIndicators>,
    /// The cluster's best rate per target criterion, which the relative formula compares with.
    #[serde(default)]
    pub best_rates: BestRates,
}

impl CardSeal {
    /// The card's result on the kept inputs.
    pub fn compute(&self, card: &Scorecard) -> CardResult {
        compute_card(&self.template, card, self.report.as_ref(), &self.best_rates)
    }
}

/// Whether two tables score and print alike: everything but their record bookkeeping.
pub fn same_table(a: &ScoringTemplate, b: &ScoringTemplate) -> bool {
    a.name == b.name && a.blocks == b.blocks && a.criteria == b.criteria && a.settings == b.settings
}

/// The live inputs of one card: its cluster-year's table, its unit's figures, and the best
/// rates over the cluster's members. None without a table (nothing to score on).
pub fn live_seal(data: &AppData, card: &Scorecard) -> Option<CardSeal> {
    let cluster = record::find(&data.clusters, &card.cluster_id)?;
    let template = template::find_for(&data.templates, &cluster.meta.id, cluster.year)?;
    Some(CardSeal {
        template: template.clone(),
        report: indicators::find_for(&data.indicators, &card.unit_id, card.year).cloned(),
        best_rates: cluster_best_rates(cluster, template, &data.indicators),
    })
}

/// Best rates over the members' reports of the cluster's year.
pub fn cluster_best_rates(
    cluster: &Cluster,
    template: &ScoringTemplate,
    reports: &[UnitIndicators],
) -> BestRates {
    let member_reports: Vec<&UnitIndicators> = cluster
        .member_ids
        .iter()
        .filter_map(|u| indicators::find_for(reports, u, cluster.year))
        .collect();
    best_rates(template, member_reports.iter().copied())
}

/// What finalising or reopening a card through the data refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// The card (or its cluster) no longer exists: deleted in another tab.
    NotFound,
    /// The cluster-year has no scoring table to finalise on.
    NoTable,
    Card(ScorecardError),
}

impl From<ScorecardError> for SealError {
    fn from(e: ScorecardError) -> Self {
        SealError::Card(e)
    }
}

/// Chốt phiếu: finalises the card and keeps the inputs of its result with it.
pub fn finalise_card(data: &mut AppData, card_id: &str, by: &str, stamp: &Stamp) -> Result<(), SealError> {
    let card = record::find(&data.scorecards, card_id).ok_or(SealError::NotFound)?;
    let seal = live_seal(data, card).ok_or(SealError::NoTable)?;
    let card = record::find_mut(&mut data.scorecards, card_id).ok_or(SealError::NotFound)?;
    scorecard::finalise(card, seal, by, stamp)?;
    Ok(())
}

/// The reviewed total a card shows now: on its kept inputs when final and sealed, else on the
/// live ones. None when the cluster-year has no table.
pub fn shown_total(data: &AppData, card: &Scorecard) -> Option<Points> {
    match card.kept() {
        Some(seal) => Some(seal.compute(card).reviewed.total),
        None => live_seal(data, card).map(|s| s.compute(card).reviewed.total),
    }
}

/// Mở lại phiếu: reopens a final card, recording who, from which office, when and why, and its
/// reviewed total before (as finalised) and after (on today's data).
pub fn reopen_card(
    data: &mut AppData,
    card_id: &str,
    by: &str,
    reason: &str,
    stamp: &Stamp,
) -> Result<(), SealError> {
    reopen_with_totals(data, card_id, by, reason, None, stamp)
}

/// [`reopen_card`], with the total before given when the caller knows it better (a card
/// finalised by an older version kept no inputs: its total before an edit is the guard's).
pub(crate) fn reopen_with_totals(
    data: &mut AppData,
    card_id: &str,
    by: &str,
    reason: &str,
    before: Option<Points>,
    stamp: &Stamp,
) -> Result<(), SealError> {
    let card = record::find(&data.scorecards, card_id).ok_or(SealError::NotFound)?;
    let before = before.or_else(|| shown_total(data, card));
    let mut reopened = card.clone();
    scorecard::reopen(&mut reopened, by, reason, stamp)?;
    let after = shown_total(data, &reopened);
    if let Some(last) = reopened.reopenings.last_mut() {
        last.total_before = before;
        last.total_after = after;
    }
    let slot = record::find_mut(&mut data.scorecards, card_id).ok_or(SealError::NotFound)?;
    *slot = reopened;
    Ok(())
}

impl Scorecard {
    /// The kept inputs, when the card is final and carries them.
    pub fn kept(&self) -> Option<&CardSeal> {
        self.seal.as_ref().filter(|_| self.status == CardStatus::Final)
    }

    /// The table the card is shown and printed with: the kept one when final, else `live`.
    pub fn table_or<'a>(&'a self, live: &'a ScoringTemplate) -> &'a ScoringTemplate {
        self.kept().map_or(live, |s| &s.template)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::sample;
    use crate::domain::scoring::template::CriterionKind;
    use chrono::DateTime;

    fn later() -> Stamp {
        Stamp::new("quoc-oai", DateTime::from_timestamp(1_800_000_000, 0).unwrap())
    }

    fn sample_data() -> AppData {
        let stamp = Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        sample::cluster_4_2023_data(&stamp)
    }

    fn totals(data: &AppData) -> Vec<Points> {
        data.scorecards
            .iter()
            .map(|c| shown_total(data, c).unwrap())
            .collect()
    }

    #[test]
    fn the_sample_cards_are_final_and_sealed() {
        let data = sample_data();
        assert!(data.scorecards.iter().all(|c| c.kept().is_some()));
    }

    #[test]
    fn a_final_cards_total_ignores_later_edits_of_the_table_and_figures() {
        let mut data = sample_data();
        let kept = totals(&data);
        // Behind the guard's back, as an old version of the app or a stray file could.
        let t = &mut data.templates[0];
        for c in &mut t.criteria {
            if matches!(c.kind, CriterionKind::Count { .. }) {
                c.max += Points::whole(5);
            }
            if let CriterionKind::Count { points_each, .. } = &mut c.kind {
                *points_each += Points::whole(1);
            }
        }
        for r in &mut data.indicators {
            r.figures.new_members = r.figures.new_members.map(|n| n * 3);
        }
        assert_eq!(totals(&data), kept);
    }

    #[test]
    fn reopening_records_the_total_before_and_after_and_drops_the_seal() {
        let mut data = sample_data();
        let id = data.scorecards[0].meta.id.clone();
        let before = shown_total(&data, &data.scorecards[0]).unwrap();
        data.indicators
            .iter_mut()
            .for_each(|r| r.figures.health_checks = Some(0));
        assert_eq!(
            reopen_card(&mut data, &id, "", "Sai số liệu", &later()),
            Err(SealError::Card(ScorecardError::ReopenerRequired))
        );
        reopen_card(
            &mut data,
            &id,
            "Cụm trưởng",
            "Sai số liệu khám sức khỏe",
            &later(),
        )
        .unwrap();
        let card = &data.scorecards[0];
        assert_eq!(card.status, CardStatus::Reviewed);
        assert!(card.seal.is_none());
        let r = card.reopenings.last().unwrap();
        assert_eq!(r.total_before, Some(before));
        let after = r.total_after.unwrap();
        assert!(
            after < before,
            "no health checks, fewer points: {after} < {before}"
        );
        assert_eq!(shown_total(&data, card), Some(after));
    }

    #[test]
    fn finalising_keeps_the_inputs_as_they_are() {
        let mut data = sample_data();
        let id = data.scorecards[1].meta.id.clone();
        reopen_card(&mut data, &id, "Cụm trưởng", "Kiểm tra lại", &later()).unwrap();
        data.templates[0].name = "Bảng điểm đã sửa".into();
        finalise_card(&mut data, &id, "Cụm trưởng", &later()).unwrap();
        let seal = data.scorecards[1].kept().unwrap();
        assert_eq!(seal.template.name, "Bảng điểm đã sửa");
        assert_eq!(
            seal.report.as_ref().map(|r| &r.unit_id),
            Some(&data.scorecards[1].unit_id)
        );
    }
}
