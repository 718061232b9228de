//! Tính điểm: from a template, a card and the unit's indicators to totals. Pure and cheap, so
//! it is simply run again whenever anything changes: after a template edit, automatic points
//! follow the new rules while typed scores stay (entries are keyed by criterion id; entries of
//! removed criteria are ignored, not deleted).
//!
//! Reviewed totals use, criterion by criterion, the reviewed score where the cluster entered
//! one and the unit's self score otherwise (the cluster only types what it changes).
//! Totals are `base + min(bonus, bonus cap) − penalties`, never below zero.

use super::cluster::Cluster;
use super::indicators::{self, IndicatorKey, Rate, UnitIndicators};
use super::points::Points;
use super::scorecard::{self, CardStatus, Mark, Scorecard, Side};
use super::template::{Criterion, CriterionKind, ScoringTemplate, TargetFormula, TargetSource};
use crate::domain::record::Id;
use std::collections::BTreeMap;

/// Why an automatic criterion has no points from the indicators (it then counts as zero).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Đơn vị chưa nhập chỉ tiêu năm.
    NoReport,
    /// The figure was not reported.
    IndicatorMissing(IndicatorKey),
    /// The target figure was not reported.
    TargetMissing(IndicatorKey),
    /// A target of zero: no rate can be stated.
    TargetZero,
}

/// Best rate among a cluster's members, per target criterion id (needed by the relative formula).
pub type BestRates = BTreeMap<String, Rate>;

fn target_rate(criterion: &Criterion, report: Option<&UnitIndicators>) -> Result<Option<Rate>, Gap> {
    let CriterionKind::Target {
        indicator, target, ..
    } = &criterion.kind
    else {
        return Ok(None);
    };
    let report = report.ok_or(Gap::NoReport)?;
    let actual = report
        .get(indicator)
        .ok_or_else(|| Gap::IndicatorMissing(indicator.clone()))?;
    let target = match target {
        TargetSource::Fixed(n) => *n,
        TargetSource::Indicator(key) => report.get(key).ok_or_else(|| Gap::TargetMissing(key.clone()))?,
    };
    indicators::rate(Some(actual), Some(target))
        .map(Some)
        .ok_or(Gap::TargetZero)
}

/// The best rate of each target criterion among `reports` (the cluster members' reports).
pub fn best_rates<'a>(
    template: &ScoringTemplate,
    reports: impl IntoIterator<Item = &'a UnitIndicators> + Clone,
) -> BestRates {
    let mut best = BestRates::new();
    for c in &template.criteria {
        for report in reports.clone() {
            if let Ok(Some(r)) = target_rate(c, Some(report)) {
                let better = best.get(&c.id).is_none_or(|b| r.cmp_rate(*b).is_gt());
                if better {
                    best.insert(c.id.clone(), r);
                }
            }
        }
    }
    best
}

/// Points of a target or count criterion from the unit's report. `Ok(ZERO)` for other kinds.
pub fn auto_points(
    criterion: &Criterion,
    report: Option<&UnitIndicators>,
    best: &BestRates,
) -> Result<Points, Gap> {
    let max = criterion.max;
    match &criterion.kind {
        CriterionKind::Count {
            indicator,
            points_each,
            per,
        } => {
            let report = report.ok_or(Gap::NoReport)?;
            let n = report
                .get(indicator)
                .ok_or_else(|| Gap::IndicatorMissing(indicator.clone()))?;
            let units = n / (*per).max(1);
            let raw = u128::from(units) * u128::from(points_each.tenths());
            Ok(Points(u32::try_from(raw).unwrap_or(u32::MAX)).min(max))
        }
        CriterionKind::Target { formula, .. } => {
            let r = target_rate(criterion, report)?.expect("a target criterion has a rate");
            let (a, t) = (u128::from(r.actual), u128::from(r.target));
            Ok(match formula {
                TargetFormula::Proportional => max.scaled(a.min(t), t),
                TargetFormula::Relative => relative(max, r, best.get(&criterion.id).copied()),
            })
        }
        _ => Ok(Points::ZERO),
    }
}

/// The guide's piecewise formula in rates (see [`TargetFormula::Relative`]).
fn relative(max: Points, r: Rate, best: Option<Rate>) -> Points {
    let (a, t) = (u128::from(r.actual), u128::from(r.target));
    if a <= t {
        return max.scaled(a, 2 * t);
    }
    let Some(b) = best.filter(|b| r.cmp_rate(*b).is_lt()) else {
        return max; // the cluster's best (or equal to it)
    };
    let (ba, bt) = (u128::from(b.actual), u128::from(b.target));
    // ½ + ½·(a/t − 1)/(A/T − 1) = (t(A−T) + (a−t)T) / (2t(A−T))
    let den = t * (ba - bt);
    max.scaled(den + (a - t) * bt, 2 * den)
}

/// One criterion's points on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionPoints {
    pub criterion_id: String,
    pub self_points: Points,
    pub reviewed_points: Points,
    /// For automatic criteria: why the points are zero, if they are for want of figures.
    pub gap: Option<Gap>,
}

/// Totals of one side (self or reviewed) of a card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Base points per block code (bonus, penalties and vetoes excluded).
    pub blocks: BTreeMap<String, Points>,
    /// Sum of base criteria.
    pub base: Points,
    /// Bonus as entered, before the cap.
    pub bonus_entered: Points,
    /// Bonus counted (capped by the template's bonus cap).
    pub bonus: Points,
    pub penalty: Points,
    /// `base + bonus − penalty`, not below zero.
    pub total: Points,
    /// Veto criteria answered "yes".
    pub vetoes: Vec<String>,
    /// Criteria typed by the scorer with no score on this side (they count as zero).
    pub unscored: Vec<String>,
    /// Stored scores above a criterion's (since lowered) max, counted as the max.
    pub clamped: Vec<String>,
}

impl Tally {
    pub fn block(&self, code: &str) -> Points {
        self.blocks.get(code).copied().unwrap_or_default()
    }

    pub fn vetoed(&self) -> bool {
        !self.vetoes.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardResult {
    pub card_id: Id,
    pub unit_id: Id,
    /// The card's status: only final cards rank for good (see [`super::standing`]).
    pub status: CardStatus,
    pub criteria: Vec<CriterionPoints>,
    pub self_tally: Tally,
    pub reviewed: Tally,
}

/// The mark counted on `side` (see [`scorecard::Entry::counted`]).
fn counted_mark(card: &Scorecard, criterion_id: &str, side: Side) -> Option<Mark> {
    card.entry(criterion_id)?.counted(side)
}

fn add_to_tally(tally: &mut Tally, c: &Criterion, points: Points, flag: bool) {
    match c.kind {
        CriterionKind::Bonus => tally.bonus_entered += points,
        CriterionKind::Penalty => tally.penalty += points,
        CriterionKind::Veto => {
            if flag {
                tally.vetoes.push(c.id.clone());
            }
        }
        _ => {
            tally.base += points;
            *tally.blocks.entry(c.block.clone()).or_default() += points;
        }
    }
}

/// Computes one card. `best` comes from [`best_rates`] over the cluster's members.
pub fn compute_card(
    template: &ScoringTemplate,
    card: &Scorecard,
    report: Option<&UnitIndicators>,
    best: &BestRates,
) -> CardResult {
    let mut self_tally = Tally::default();
    let mut reviewed = Tally::default();
    for b in &template.blocks {
        self_tally.blocks.insert(b.code.clone(), Points::ZERO);
        reviewed.blocks.insert(b.code.clone(), Points::ZERO);
    }
    let mut criteria = Vec::new();
    for c in &template.criteria {
        let mut gap = None;
        let mut side_points = |side: Side, tally: &mut Tally| -> Points {
            if c.kind.is_automatic() {
                let p = auto_points(c, report, best).unwrap_or_else(|g| {
                    gap = Some(g);
                    Points::ZERO
                });
                add_to_tally(tally, c, p, false);
                return p;
            }
            let (points, flag) = match counted_mark(card, &c.id, side) {
                None => {
                    if c.kind != CriterionKind::Bonus && c.kind != CriterionKind::Penalty {
                        tally.unscored.push(c.id.clone());
                    }
                    (Points::ZERO, false)
                }
                Some(Mark::Flag(yes)) => (
                    if yes && c.kind == CriterionKind::YesNo {
                        c.max
                    } else {
                        Points::ZERO
                    },
                    yes,
                ),
                Some(Mark::Points(p)) => {
                    if p > c.max {
                        tally.clamped.push(c.id.clone());
                    }
                    (p.min(c.max), false)
                }
            };
            add_to_tally(tally, c, points, flag);
            points
        };
        let self_points = side_points(Side::SelfScore, &mut self_tally);
        let reviewed_points = side_points(Side::Reviewed, &mut reviewed);
        criteria.push(CriterionPoints {
            criterion_id: c.id.clone(),
            self_points,
            reviewed_points,
            gap,
        });
    }
    for tally in [&mut self_tally, &mut reviewed] {
        tally.bonus = tally.bonus_entered.min(template.settings.bonus_cap);
        tally.total = (tally.base + tally.bonus).saturating_sub(tally.penalty);
    }
    CardResult {
        card_id: card.meta.id.clone(),
        unit_id: card.unit_id.clone(),
        status: card.status,
        criteria,
        self_tally,
        reviewed,
    }
}

/// Results of a cluster-year: one per member with a live card, in member order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterResults {
    pub cards: Vec<CardResult>,
    /// Members with no card yet.
    pub without_card: Vec<Id>,
    /// The table the results are ranked, tiered and awarded with: the one the final cards kept
    /// when they all kept the same, else the live one (see [`ranking_table`]).
    pub template: ScoringTemplate,
}

/// Computes every member's card: a final card on the inputs it kept at Chốt (see
/// [`super::seal`]), any other on the live table and figures, with the cluster's best rates
/// taken over the members' reports.
pub fn compute_cluster(
    cluster: &Cluster,
    template: &ScoringTemplate,
    reports: &[UnitIndicators],
    cards: &[Scorecard],
) -> ClusterResults {
    compute_members(cluster, template, reports, cards, true)
}

/// Like [`compute_cluster`], but every card on the live inputs: what the cards would show if
/// they were all reopened now. The guard of final cards compares these before and after an edit.
pub fn compute_cluster_live(
    cluster: &Cluster,
    template: &ScoringTemplate,
    reports: &[UnitIndicators],
    cards: &[Scorecard],
) -> ClusterResults {
    compute_members(cluster, template, reports, cards, false)
}

fn compute_members(
    cluster: &Cluster,
    template: &ScoringTemplate,
    reports: &[UnitIndicators],
    cards: &[Scorecard],
    kept: bool,
) -> ClusterResults {
    let best = super::seal::cluster_best_rates(cluster, template, reports);
    let mut results = ClusterResults {
        cards: Vec::new(),
        without_card: Vec::new(),
        template: template.clone(),
    };
    let mut member_cards = Vec::new();
    for unit_id in &cluster.member_ids {
        match scorecard::find_for(cards, &cluster.meta.id, cluster.year, unit_id) {
            Some(card) => {
                let result = match card.kept().filter(|_| kept) {
                    Some(seal) => seal.compute(card),
                    None => {
                        let report = indicators::find_for(reports, unit_id, cluster.year);
                        compute_card(template, card, report, &best)
                    }
                };
                results.cards.push(result);
                member_cards.push(card);
            }
            None => results.without_card.push(unit_id.clone()),
        }
    }
    if kept {
        if let Some(table) = ranking_table(&member_cards) {
            results.template = table.clone();
        }
    }
    results
}

/// The table kept by the final cards, when every final card kept one and all kept the same:
/// their tiers and awards are then decided by the thresholds and numbers they were finalised
/// under. (The guard refuses table edits while cards are final, so they agree; cards
/// finalised by older versions kept nothing and follow the live table.)
fn ranking_table<'a>(cards: &[&'a Scorecard]) -> Option<&'a ScoringTemplate> {
    let finals: Vec<&Scorecard> = cards
        .iter()
        .copied()
        .filter(|c| c.status == CardStatus::Final)
        .collect();
    let first = finals.first()?.kept()?;
    finals
        .iter()
        .all(|c| {
            c.kept()
                .is_some_and(|s| super::seal::same_table(&s.template, &first.template))
        })
        .then_some(&first.template)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Stamp;
    use crate::domain::scoring::default_template::{default_template, ids};
    use crate::domain::scoring::scorecard::{set_mark, submit};
    use chrono::DateTime;

    fn stamp() -> Stamp {
        Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    fn template() -> ScoringTemplate {
        default_template("t".into(), "k".into(), 2023, &stamp())
    }

    fn report(new: u64, target: u64) -> UnitIndicators {
        let mut r = UnitIndicators::new("i".into(), "u".into(), 2023, &stamp());
        r.figures.new_members = Some(new);
        r.figures.new_members_target = Some(target);
        r
    }

    fn points_of(t: &ScoringTemplate, id: &str, r: &UnitIndicators, best: &BestRates) -> Result<Points, Gap> {
        auto_points(t.criterion(id).unwrap(), Some(r), best)
    }

    #[test]
    fn relative_formula_follows_the_guide() {
        let t = template(); // II.1 is worth 15
        let best = best_rates(&t, [&report(300, 100), &report(150, 100)]);
        assert_eq!(
            best[ids::NEW_MEMBERS],
            Rate {
                actual: 300,
                target: 100
            }
        );
        let p = |a, tg| points_of(&t, ids::NEW_MEMBERS, &report(a, tg), &best).unwrap();
        assert_eq!(p(50, 100), Points(38), "below target: ½·15·0,5 = 3,75 → 3,8");
        assert_eq!(p(100, 100), Points(75), "at target: half");
        assert_eq!(p(300, 100), Points::whole(15), "the best gets the max");
        assert_eq!(p(200, 100), Points(113), "halfway to the best: 7,5 + 3,75");
        assert_eq!(p(400, 200), Points(113), "rates, not raw numbers");
    }

    #[test]
    fn proportional_formula_is_capped_at_max() {
        let mut t = template();
        let CriterionKind::Target { formula, .. } = &mut t.criteria[5].kind else {
            panic!()
        };
        *formula = TargetFormula::Proportional;
        let best = BestRates::new();
        assert_eq!(
            points_of(&t, ids::NEW_MEMBERS, &report(573, 1000), &best),
            Ok(Points(86))
        );
        assert_eq!(
            points_of(&t, ids::NEW_MEMBERS, &report(1910, 1000), &best),
            Ok(Points::whole(15))
        );
    }

    #[test]
    fn target_of_zero_gives_no_points_and_says_why() {
        let t = template();
        let r = report(5, 0);
        assert_eq!(best_rates(&t, [&r]).get(ids::NEW_MEMBERS), None);
        assert_eq!(
            points_of(&t, ids::NEW_MEMBERS, &r, &BestRates::new()),
            Err(Gap::TargetZero)
        );
    }

    #[test]
    fn missing_indicators_give_no_points_and_say_which() {
        let t = template();
        let mut r = report(5, 10);
        r.figures.new_members_target = None;
        assert_eq!(
            points_of(&t, ids::NEW_MEMBERS, &r, &BestRates::new()),
            Err(Gap::TargetMissing(IndicatorKey::NewMembersTarget))
        );
        assert_eq!(
            points_of(&t, ids::HEALTH, &r, &BestRates::new()),
            Err(Gap::IndicatorMissing(IndicatorKey::HealthChecks))
        );
        assert_eq!(
            auto_points(t.criterion(ids::HEALTH).unwrap(), None, &BestRates::new()),
            Err(Gap::NoReport)
        );
        let card = Scorecard::new("c".into(), "k".into(), 2023, "u".into(), &stamp());
        let result = compute_card(&t, &card, None, &BestRates::new());
        let health = result
            .criteria
            .iter()
            .find(|c| c.criterion_id == ids::HEALTH)
            .unwrap();
        assert_eq!(health.gap, Some(Gap::NoReport));
        assert_eq!(result.reviewed.total, Points::ZERO);
        assert!(result.reviewed.unscored.contains(&ids::CARE.to_string()));
    }

    #[test]
    fn counts_are_per_step_and_capped() {
        let t = template();
        let mut r = report(1, 1);
        r.figures.health_checks = Some(149);
        r.figures.propaganda_sessions = Some(40);
        let best = BestRates::new();
        assert_eq!(points_of(&t, ids::HEALTH, &r, &best), Ok(Points::whole(2)));
        assert_eq!(points_of(&t, ids::PROPAGANDA, &r, &best), Ok(Points::whole(5)));
    }

    fn mark(card: &mut Scorecard, t: &ScoringTemplate, id: &str, side: Side, m: Mark) {
        set_mark(card, t, id, side, Some(m), &stamp()).unwrap();
    }

    #[test]
    fn totals_add_blocks_cap_bonus_subtract_penalties_and_fall_back_to_self_scores() {
        let t = template();
        let mut card = Scorecard::new("c".into(), "k".into(), 2023, "u".into(), &stamp());
        mark(
            &mut card,
            &t,
            ids::CARE,
            Side::SelfScore,
            Mark::Points(Points::whole(9)),
        );
        mark(
            &mut card,
            &t,
            ids::STRONG_GRASSROOTS,
            Side::SelfScore,
            Mark::Points(Points::new(8, 5)),
        );
        mark(
            &mut card,
            &t,
            ids::REPORTS_ON_TIME,
            Side::SelfScore,
            Mark::Flag(true),
        );
        mark(
            &mut card,
            &t,
            ids::BONUS,
            Side::SelfScore,
            Mark::Points(Points::whole(5)),
        );
        submit(&mut card, "Nguyễn Văn A", &stamp()).unwrap();
        mark(
            &mut card,
            &t,
            ids::CARE,
            Side::Reviewed,
            Mark::Points(Points::whole(7)),
        );
        mark(
            &mut card,
            &t,
            ids::PENALTY,
            Side::Reviewed,
            Mark::Points(Points::whole(2)),
        );
        let mut short = t.clone();
        short.settings.bonus_cap = Points::whole(3);
        let r = compute_card(&short, &card, None, &BestRates::new());
        assert_eq!(r.self_tally.block("I"), Points::whole(9));
        assert_eq!(r.self_tally.block("II"), Points::new(13, 5));
        assert_eq!(r.self_tally.bonus_entered, Points::whole(5));
        assert_eq!(r.self_tally.bonus, Points::whole(3));
        assert_eq!(r.self_tally.total, Points::new(25, 5));
        assert_eq!(r.reviewed.block("I"), Points::whole(7));
        assert_eq!(
            r.reviewed.block("II"),
            Points::new(13, 5),
            "reviewed falls back to self"
        );
        assert_eq!(r.reviewed.penalty, Points::whole(2));
        assert_eq!(r.reviewed.total, Points::new(21, 5));
    }

    #[test]
    fn vetoes_are_flagged_on_each_side() {
        let t = template();
        let mut card = Scorecard::new("c".into(), "k".into(), 2023, "u".into(), &stamp());
        mark(
            &mut card,
            &t,
            ids::VETO_ACCIDENT,
            Side::SelfScore,
            Mark::Flag(false),
        );
        submit(&mut card, "Nguyễn Văn A", &stamp()).unwrap();
        mark(
            &mut card,
            &t,
            ids::VETO_ACCIDENT,
            Side::Reviewed,
            Mark::Flag(true),
        );
        let r = compute_card(&t, &card, None, &BestRates::new());
        assert!(!r.self_tally.vetoed());
        assert_eq!(r.reviewed.vetoes, vec![ids::VETO_ACCIDENT.to_string()]);
        assert_eq!(
            r.reviewed.total,
            Points::ZERO,
            "a veto carries no points of its own"
        );
    }

    #[test]
    fn template_changed_after_scoring_recomputes_auto_points_and_keeps_manual_ones() {
        let mut t = template();
        let mut card = Scorecard::new("c".into(), "k".into(), 2023, "u".into(), &stamp());
        mark(
            &mut card,
            &t,
            ids::CARE,
            Side::SelfScore,
            Mark::Points(Points::whole(8)),
        );
        mark(
            &mut card,
            &t,
            ids::POLICY,
            Side::SelfScore,
            Mark::Points(Points::whole(4)),
        );
        let r = report(100, 100);
        let before = compute_card(&t, &card, Some(&r), &best_rates(&t, [&r]));
        assert_eq!(before.criteria[5].self_points, Points(75));
        // The cluster raises II.1 to 20 points, lowers I.1 to 6 and drops I.5.
        t.criteria[5].max = Points::whole(20);
        t.criteria[0].max = Points::whole(6);
        t.criteria.retain(|c| c.id != ids::POLICY);
        let after = compute_card(&t, &card, Some(&r), &best_rates(&t, [&r]));
        let ii1 = after
            .criteria
            .iter()
            .find(|c| c.criterion_id == ids::NEW_MEMBERS)
            .unwrap();
        assert_eq!(ii1.self_points, Points::whole(10), "auto recomputed: half of 20");
        assert_eq!(
            after.self_tally.block("I"),
            Points::whole(6),
            "I.1 counted at its new max, I.5 ignored"
        );
        assert_eq!(after.self_tally.clamped, vec![ids::CARE.to_string()]);
        assert_eq!(
            card.entry(ids::CARE).unwrap().self_mark,
            Some(Mark::Points(Points::whole(8))),
            "kept"
        );
        assert_eq!(card.orphan_entries(&t).collect::<Vec<_>>(), vec![ids::POLICY]);
    }
}
