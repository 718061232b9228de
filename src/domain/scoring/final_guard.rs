//! Final means final: an edit of a scoring table, of yearly figures or of a cluster that would
//! move a final card (its table, or any of its points) is refused, naming those cards, unless
//! the officer chooses to reopen them. The reopening is then recorded on each card (who, which
//! office, when, why, the total before and after) and the cards follow the new data.
//!
//! Every path that changes these records asks here — the forms through [`guarded`], a file
//! import through [`moved_cards`] on the data before and after the merge — so no page, tab
//! or file can move a signed result silently.
//!
//! "Would move" is judged on the live inputs before and after the edit (what the card would
//! show if reopened), so an edit that leaves every final card's table and points as they were
//! (a figure no criterion reads, a cluster's name) goes through.

use super::cluster::Cluster;
use super::compute::{compute_cluster_live, CardResult};
use super::indicators::UnitIndicators;
use super::points::Points;
use super::scorecard::{CardStatus, Scorecard, ScorecardError};
use super::seal::{self, same_table, SealError};
use super::template::{self, ScoringTemplate};
use crate::domain::data::AppData;
use crate::domain::fold::is_blank;
use crate::domain::record::{self, Id, Stamp};
use std::collections::{BTreeMap, HashMap};

/// A final card that an edit would move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedCard {
    pub card_id: Id,
    pub unit_id: Id,
    pub cluster_id: Id,
    pub year: i32,
    /// Tổng cụm chấm as the card shows it now (as finalised).
    pub kept_total: Points,
    /// Tổng cụm chấm after the edit.
    pub new_total: Points,
    /// Whether the edit changes the card's table (its points may stay).
    pub table_changed: bool,
}

/// Who reopens the cards an edit moves, and why: the reopen rule of a single card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reopener {
    pub by: String,
    pub reason: String,
}

impl Reopener {
    pub fn new(by: &str, reason: &str) -> Self {
        Reopener {
            by: by.trim().to_string(),
            reason: reason.trim().to_string(),
        }
    }

    /// The reopen rule's own checks, before anything is changed.
    pub fn check(&self) -> Result<(), ScorecardError> {
        if is_blank(&self.by) {
            Err(ScorecardError::ReopenerRequired)
        } else if is_blank(&self.reason) {
            Err(ScorecardError::ReasonRequired)
        } else {
            Ok(())
        }
    }
}

/// Why a guarded edit was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded<E> {
    /// The edit itself refused.
    Edit(E),
    /// The edit would move these final cards, and the officer did not choose to reopen them.
    FinalCardsMove(Vec<MovedCard>),
    /// Reopening them was chosen but refused (who or why missing).
    Reopen(ScorecardError),
}

/// What a final card would show on the live inputs, with the version of the card itself.
#[derive(Clone, Debug)]
struct Outcome {
    card_edits: BTreeMap<String, u64>,
    table: ScoringTemplate,
    result: CardResult,
    kept_total: Points,
}

/// Every final card's outcome on the live data, by card id.
#[derive(Clone, Debug, Default)]
pub struct FinalOutcomes(HashMap<Id, Outcome>);

impl FinalOutcomes {
    pub fn of(data: &AppData) -> Self {
        let mut out = HashMap::new();
        each_final_cluster(data, |cluster, template, cards, reports| {
            let live = compute_cluster_live(cluster, template, reports, cards);
            for result in live.cards {
                let Some(card) = cards.iter().find(|c| c.meta.id == result.card_id) else {
                    continue;
                };
                if card.status != CardStatus::Final {
                    continue;
                }
                let kept_total = card
                    .kept()
                    .map_or(result.reviewed.total, |s| s.compute(card).reviewed.total);
                out.insert(
                    card.meta.id.clone(),
                    Outcome {
                        card_edits: card.meta.edits.clone(),
                        table: template.clone(),
                        result,
                        kept_total,
                    },
                );
            }
        });
        FinalOutcomes(out)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Calls `f` for every live cluster-year that has a table and at least one final card, with
/// its live cards and its members' reports (looked up once through an index: a city's data
/// holds 70.000 records).
fn each_final_cluster(
    data: &AppData,
    mut f: impl FnMut(&Cluster, &ScoringTemplate, &[Scorecard], &[UnitIndicators]),
) {
    let mut cards_of: HashMap<&str, Vec<Scorecard>> = HashMap::new();
    for card in record::live(&data.scorecards) {
        cards_of
            .entry(card.cluster_id.as_str())
            .or_default()
            .push(card.clone());
    }
    cards_of.retain(|_, cards| cards.iter().any(|c| c.status == CardStatus::Final));
    if cards_of.is_empty() {
        return;
    }
    let reports: HashMap<(&str, i32), &UnitIndicators> = record::live(&data.indicators)
        .map(|r| ((r.unit_id.as_str(), r.year), r))
        .collect();
    for cluster in record::live(&data.clusters) {
        let Some(cards) = cards_of.get(cluster.meta.id.as_str()) else {
            continue;
        };
        let Some(template) = template::find_for(&data.templates, &cluster.meta.id, cluster.year) else {
            continue;
        };
        let member_reports: Vec<UnitIndicators> = cluster
            .member_ids
            .iter()
            .filter_map(|u| reports.get(&(u.as_str(), cluster.year)).map(|r| (*r).clone()))
            .collect();
        f(cluster, template, cards, &member_reports);
    }
}

/// Final cards whose outcome differs between `before` and the data `after`: the card itself
/// unchanged (a newer version of the card brings its own result) and still final, but its
/// table or its points moved.
pub fn moved_since(before: &FinalOutcomes, after: &AppData) -> Vec<MovedCard> {
    let now = FinalOutcomes::of(after);
    let mut moved: Vec<MovedCard> = Vec::new();
    for (id, old) in &before.0 {
        // Deleted, or brought by a newer version of itself: not a side effect.
        let Some(card) = record::find(&after.scorecards, id) else {
            continue;
        };
        if card.meta.edits != old.card_edits || card.status != CardStatus::Final {
            continue;
        }
        // Still final but no longer computable (its cluster changed year or lost its table):
        // moved as surely as by a new table.
        let (table_changed, new_total) = match now.0.get(id) {
            Some(new) => (!same_table(&old.table, &new.table), new.result.reviewed.total),
            None => (true, old.kept_total),
        };
        let points_changed = now.0.get(id).is_some_and(|new| new.result != old.result);
        if !table_changed && !points_changed {
            continue;
        }
        moved.push(MovedCard {
            card_id: id.clone(),
            unit_id: card.unit_id.clone(),
            cluster_id: card.cluster_id.clone(),
            year: card.year,
            kept_total: old.kept_total,
            new_total,
            table_changed,
        });
    }
    // In the order of the data: cluster by cluster, members in the cluster's order.
    let order: HashMap<&str, usize> = after
        .scorecards
        .iter()
        .enumerate()
        .map(|(i, c)| (c.meta.id.as_str(), i))
        .collect();
    crate::domain::sorting::sort_by_key(&mut moved, |m| order.get(m.card_id.as_str()).copied());
    moved
}

/// Final cards the change from `before` to `after` would move.
pub fn moved_cards(before: &AppData, after: &AppData) -> Vec<MovedCard> {
    moved_since(&FinalOutcomes::of(before), after)
}

/// Final cards a merge (a file import) would move: `merge` makes the merged data, and is not
/// even called when `before` has no final card (a city's 70.000 records are not copied for
/// nothing).
pub fn moved_by_merge(before: &AppData, merge: impl FnOnce(&AppData) -> AppData) -> Vec<MovedCard> {
    let outcomes = FinalOutcomes::of(before);
    if outcomes.is_empty() {
        return Vec::new();
    }
    moved_since(&outcomes, &merge(before))
}

/// The import's rule, the forms' own: the merged data `next` may move final cards of
/// `before` only when `reopener` reopens them, recorded on each card.
pub fn guard_merge(
    before: &AppData,
    next: &mut AppData,
    reopener: Option<&Reopener>,
    stamp: &Stamp,
) -> Result<Vec<MovedCard>, Guarded<std::convert::Infallible>> {
    let outcomes = FinalOutcomes::of(before);
    if outcomes.is_empty() {
        return Ok(Vec::new());
    }
    let moved = moved_since(&outcomes, next);
    if moved.is_empty() {
        return Ok(moved);
    }
    let Some(reopener) = reopener else {
        return Err(Guarded::FinalCardsMove(moved));
    };
    reopen_moved(next, &moved, reopener, stamp).map_err(Guarded::Reopen)?;
    Ok(moved)
}

/// Reopens `moved` cards in `data`, recording who, why and their totals before and after.
pub fn reopen_moved(
    data: &mut AppData,
    moved: &[MovedCard],
    reopener: &Reopener,
    stamp: &Stamp,
) -> Result<(), ScorecardError> {
    reopener.check()?;
    for m in moved {
        match seal::reopen_with_totals(
            data,
            &m.card_id,
            &reopener.by,
            &reopener.reason,
            Some(m.kept_total),
            stamp,
        ) {
            Ok(()) | Err(SealError::NotFound) | Err(SealError::NoTable) => {}
            Err(SealError::Card(e)) => return Err(e),
        }
    }
    Ok(())
}

/// Makes `edit` on `data`, refusing it when it would move final cards unless `reopener` says
/// who reopens them and why; then they are reopened and the edit stands. Returns the edit's
/// value and the cards reopened.
pub fn guarded<T, E>(
    data: &mut AppData,
    reopener: Option<&Reopener>,
    stamp: &Stamp,
    edit: impl FnOnce(&mut AppData) -> Result<T, E>,
) -> Result<(T, Vec<MovedCard>), Guarded<E>> {
    let before = FinalOutcomes::of(data);
    let value = edit(data).map_err(Guarded::Edit)?;
    if before.is_empty() {
        return Ok((value, Vec::new()));
    }
    let moved = moved_since(&before, data);
    if moved.is_empty() {
        return Ok((value, moved));
    }
    let Some(reopener) = reopener else {
        return Err(Guarded::FinalCardsMove(moved));
    };
    reopen_moved(data, &moved, reopener, stamp).map_err(Guarded::Reopen)?;
    Ok((value, moved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::ranking::{tier_for, Tier};
    use crate::domain::scoring::sample;
    use crate::domain::scoring::template::CriterionKind;
    use chrono::DateTime;

    fn stamp() -> Stamp {
        Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    fn later() -> Stamp {
        Stamp::new("quoc-oai", DateTime::from_timestamp(1_800_000_000, 0).unwrap())
    }

    fn data() -> AppData {
        sample::cluster_4_2023_data(&stamp())
    }

    /// Raises "Điểm mỗi lần" of the first count criterion by one, as the officer did.
    fn raise_points_each(d: &mut AppData) -> Result<(), ()> {
        let c = d.templates[0]
            .criteria
            .iter_mut()
            .find(|c| matches!(c.kind, CriterionKind::Count { .. }))
            .unwrap();
        if let CriterionKind::Count { points_each, .. } = &mut c.kind {
            *points_each += Points::whole(1);
        }
        c.max += Points::whole(5);
        d.templates[0].meta.touch(&later());
        Ok(())
    }

    fn shown(d: &AppData) -> Vec<(Points, Tier)> {
        let c = &d.clusters[0];
        let t = template::find_for(&d.templates, &c.meta.id, c.year).unwrap();
        let r = super::super::compute::compute_cluster(c, t, &d.indicators, &d.scorecards);
        r.cards
            .iter()
            .map(|x| {
                let th = &r.template.settings.thresholds;
                (
                    x.reviewed.total,
                    tier_for(x.reviewed.total, th, x.reviewed.vetoed()),
                )
            })
            .collect()
    }

    #[test]
    fn a_table_edit_under_final_cards_is_refused_naming_them() {
        let mut d = data();
        let before = shown(&d);
        let Err(Guarded::FinalCardsMove(moved)) = guarded(&mut d, None, &later(), raise_points_each) else {
            panic!("the edit must be refused")
        };
        assert_eq!(moved.len(), 6, "every card was computed from the table");
        assert!(moved.iter().all(|m| m.table_changed));
        let units: Vec<&Id> = d.scorecards.iter().map(|c| &c.unit_id).collect();
        assert_eq!(moved.iter().map(|m| &m.unit_id).collect::<Vec<_>>(), units);
        // Even with the edit left in the data (the store puts back what a refused change
        // touched), the final cards show what they were finalised with.
        assert_eq!(shown(&d), before);
    }

    #[test]
    fn a_figure_that_moves_the_clusters_best_names_every_card_it_moves() {
        let mut d = data();
        let unit = d.scorecards[0].unit_id.clone();
        let raise = |d: &mut AppData| -> Result<(), ()> {
            let r = d.indicators.iter_mut().find(|r| r.unit_id == unit).unwrap();
            r.figures.new_members = r.figures.new_members.map(|n| n * 10);
            Ok(())
        };
        let Err(Guarded::FinalCardsMove(moved)) = guarded(&mut d, None, &later(), raise) else {
            panic!("the edit must be refused")
        };
        assert!(moved.len() > 1, "the best rate moves the others too: {moved:?}");
        assert!(moved.iter().any(|m| m.unit_id == unit));
        assert!(moved.iter().all(|m| !m.table_changed));
    }

    #[test]
    fn moving_the_cluster_to_another_year_moves_its_final_cards() {
        let mut d = data();
        let year = |d: &mut AppData| -> Result<(), ()> {
            d.clusters[0].year = 2024;
            Ok(())
        };
        let Err(Guarded::FinalCardsMove(moved)) = guarded(&mut d, None, &later(), year) else {
            panic!("the edit must be refused")
        };
        assert_eq!(moved.len(), 6);
    }

    #[test]
    fn an_edit_no_card_reads_goes_through() {
        let mut d = data();
        let gifts = |d: &mut AppData| -> Result<(), ()> {
            d.indicators[0].figures.gifts = Some(1234);
            d.clusters[0].name = "Cụm thi đua số 4 (khu vực phía Tây)".into();
            Ok(())
        };
        let (_, moved) = guarded(&mut d, None, &later(), gifts).unwrap();
        assert!(moved.is_empty());
        assert!(d.scorecards.iter().all(|c| c.status == CardStatus::Final));
    }

    #[test]
    fn reopening_lets_the_edit_through_and_records_old_and_new_totals() {
        let mut d = data();
        let before = shown(&d);
        let blank = Reopener::new("Cụm trưởng", " ");
        assert_eq!(
            guarded(&mut d.clone(), Some(&blank), &later(), raise_points_each),
            Err(Guarded::Reopen(ScorecardError::ReasonRequired))
        );
        let who = Reopener::new(
            "Nguyễn Đức Nghĩa",
            "Sửa điểm mỗi lần khám sức khỏe theo hướng dẫn mới",
        );
        let (_, moved) = guarded(&mut d, Some(&who), &later(), raise_points_each).unwrap();
        assert_eq!(moved.len(), 6);
        for (card, (old_total, _)) in d.scorecards.iter().zip(&before) {
            assert_eq!(card.status, CardStatus::Reviewed);
            let r = card.reopenings.last().unwrap();
            assert_eq!(
                (r.by.as_str(), r.office_id.as_str()),
                ("Nguyễn Đức Nghĩa", "quoc-oai")
            );
            assert_eq!(r.total_before, Some(*old_total));
            assert_eq!(r.total_after, Some(seal::shown_total(&d, card).unwrap()));
        }
        assert_ne!(shown(&d), before, "recomputed on the new table");
    }

    #[test]
    fn an_import_preview_finds_the_cards_a_files_table_would_move() {
        let local = data();
        let mut merged = local.clone();
        raise_points_each(&mut merged).unwrap();
        assert_eq!(moved_cards(&local, &merged).len(), 6);
        // A file that brings a card's own new version moves nothing by side effect.
        let mut own = local.clone();
        own.scorecards[0].meta.touch(&later());
        own.scorecards[0].status = CardStatus::Reviewed;
        assert!(moved_cards(&local, &own).is_empty());
    }

    #[test]
    fn an_import_that_moves_final_cards_needs_a_recorded_reopening() {
        let local = data();
        let mut next = local.clone();
        raise_points_each(&mut next).unwrap();
        let Err(Guarded::FinalCardsMove(moved)) = guard_merge(&local, &mut next.clone(), None, &later())
        else {
            panic!("refused without a reopening")
        };
        assert_eq!(moved.len(), 6);
        let who = Reopener::new("Cụm trưởng", "Nhận bảng điểm sửa của cụm");
        guard_merge(&local, &mut next, Some(&who), &later()).unwrap();
        assert!(next.scorecards.iter().all(|c| c.status == CardStatus::Reviewed
            && c.reopenings
                .last()
                .is_some_and(|r| r.reason == "Nhận bảng điểm sửa của cụm")));
        let mut untouched = local.clone();
        assert_eq!(
            guard_merge(&local, &mut untouched, None, &later()),
            Ok(Vec::new())
        );
    }
}
