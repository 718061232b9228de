//! Xếp hạng và xếp loại: tiers from reviewed totals, ranking with the tie rule, and the
//! optional cap on HTXSNV.
//!
//! Order: units without a veto first; then higher total; then higher subtotals of the
//! template's tie blocks (default block II, then block I); then fewer penalty points; then the
//! cluster's recorded vote order (units in the vote list before those not in it). Units equal
//! on all of these share a rank and keep the cluster's member order.
//!
//! HTXSNV cap: at most `floor(percent × eligible / 100)` units keep HTXSNV, where eligible
//! units are those whose points reach HTTNV or better (vetoes excluded). Units are kept in rank
//! order; a group sharing a rank that does not fit entirely moves down as a whole (we cannot
//! choose among equals; recording a vote breaks the tie), so the cap is never exceeded.

use super::compute::CardResult;
use super::points::Points;
use super::template::{ScoringTemplate, Thresholds};
use crate::domain::record::Id;
use crate::domain::sorting;
use std::cmp::Ordering;

/// Xếp loại.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV)
    Excellent,
    /// Hoàn thành tốt nhiệm vụ (HTTNV)
    Good,
    /// Hoàn thành nhiệm vụ (HTNV)
    Done,
    /// Không hoàn thành nhiệm vụ (KHTNV)
    NotDone,
}

impl Tier {
    /// The abbreviation users expect.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Tier::Excellent => "HTXSNV",
            Tier::Good => "HTTNV",
            Tier::Done => "HTNV",
            Tier::NotDone => "KHTNV",
        }
    }
}

/// The tier of a total; any veto forces KHTNV.
pub fn tier_for(total: Points, thresholds: &Thresholds, vetoed: bool) -> Tier {
    if vetoed {
        Tier::NotDone
    } else if total >= thresholds.excellent {
        Tier::Excellent
    } else if total >= thresholds.good {
        Tier::Good
    } else if total >= thresholds.done {
        Tier::Done
    } else {
        Tier::NotDone
    }
}

/// Why a row comes before the next one: the first rule of the tie rule that separates them,
/// with the two values compared (`a` this row, `b` the next).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// The next unit has a veto.
    NextVetoed,
    Total {
        a: Points,
        b: Points,
    },
    /// Higher subtotal of a tie block (e.g. code "II").
    Block {
        code: String,
        a: Points,
        b: Points,
    },
    FewerPenalties {
        a: Points,
        b: Points,
    },
    /// Earlier in the recorded vote (1-based positions; `None`: not in the vote list).
    Vote {
        a: usize,
        b: Option<usize>,
    },
    /// Equal on every rule: same rank.
    Unresolved,
}

/// Why a unit does not keep the tier its points give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Demotion {
    /// Beyond the HTXSNV cap: `allowed` of `eligible` units may keep HTXSNV.
    ExcellentCap { allowed: usize, eligible: usize },
    /// Tied at the cap boundary with units that cannot all fit under it.
    ExcellentCapTie { allowed: usize, eligible: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankedRow {
    pub unit_id: Id,
    pub card_id: Id,
    /// 1-based; equal for units tied on every rule.
    pub rank: usize,
    pub total: Points,
    pub vetoes: Vec<String>,
    /// The tier the points (and vetoes) give.
    pub points_tier: Tier,
    /// The tier after the HTXSNV cap.
    pub tier: Tier,
    pub demoted: Option<Demotion>,
    /// Why this row is before the next; `None` on the last row.
    pub before_next: Option<TieBreak>,
}

/// Orders two cards by the tie rule; the reason is the first rule that separates them.
pub fn compare(
    a: &CardResult,
    b: &CardResult,
    template: &ScoringTemplate,
    vote_order: &[Id],
) -> (Ordering, TieBreak) {
    let (x, y) = (&a.reviewed, &b.reviewed);
    if x.vetoed() != y.vetoed() {
        let o = if x.vetoed() {
            Ordering::Greater
        } else {
            Ordering::Less
        };
        return (o, TieBreak::NextVetoed);
    }
    if x.total != y.total {
        return (
            y.total.cmp(&x.total),
            TieBreak::Total {
                a: x.total,
                b: y.total,
            },
        );
    }
    for code in &template.settings.tie_blocks {
        let (pa, pb) = (x.block(code), y.block(code));
        if pa != pb {
            return (
                pb.cmp(&pa),
                TieBreak::Block {
                    code: code.clone(),
                    a: pa,
                    b: pb,
                },
            );
        }
    }
    if x.penalty != y.penalty {
        return (
            x.penalty.cmp(&y.penalty),
            TieBreak::FewerPenalties {
                a: x.penalty,
                b: y.penalty,
            },
        );
    }
    let pos = |id: &str| vote_order.iter().position(|v| v == id).map(|p| p + 1);
    let (va, vb) = (pos(&a.unit_id), pos(&b.unit_id));
    let key = |v: Option<usize>| v.unwrap_or(usize::MAX);
    match key(va).cmp(&key(vb)) {
        Ordering::Equal => (Ordering::Equal, TieBreak::Unresolved),
        o => {
            let (first, second) = if o.is_lt() { (va, vb) } else { (vb, va) };
            (
                o,
                TieBreak::Vote {
                    a: first.unwrap_or_default(),
                    b: second,
                },
            )
        }
    }
}

/// Ranks the cards of a cluster-year (from [`compute_cluster`](super::compute::compute_cluster),
/// in member order) and applies the HTXSNV cap.
pub fn rank(results: &[CardResult], template: &ScoringTemplate, vote_order: &[Id]) -> Vec<RankedRow> {
    let mut order: Vec<&CardResult> = results.iter().collect();
    sorting::sort_by(&mut order, |a, b| compare(a, b, template, vote_order).0);
    let thresholds = &template.settings.thresholds;
    let mut rows: Vec<RankedRow> = Vec::with_capacity(order.len());
    for (i, r) in order.iter().enumerate() {
        let rank = match i {
            0 => 1,
            _ if compare(order[i - 1], r, template, vote_order).0.is_eq() => rows[i - 1].rank,
            _ => i + 1,
        };
        let before_next = order
            .get(i + 1)
            .map(|next| compare(r, next, template, vote_order).1);
        let points_tier = tier_for(r.reviewed.total, thresholds, r.reviewed.vetoed());
        rows.push(RankedRow {
            unit_id: r.unit_id.clone(),
            card_id: r.card_id.clone(),
            rank,
            total: r.reviewed.total,
            vetoes: r.reviewed.vetoes.clone(),
            points_tier,
            tier: points_tier,
            demoted: None,
            before_next,
        });
    }
    if let Some(percent) = template.settings.excellent_cap_percent {
        apply_excellent_cap(&mut rows, percent);
    }
    rows
}

/// Groups of consecutive rows sharing a rank, as index ranges.
pub fn rank_groups(rows: &[RankedRow]) -> Vec<std::ops::Range<usize>> {
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 1..=rows.len() {
        if i == rows.len() || rows[i].rank != rows[start].rank {
            groups.push(start..i);
            start = i;
        }
    }
    groups
}

fn apply_excellent_cap(rows: &mut [RankedRow], percent: u8) {
    let eligible = rows.iter().filter(|r| r.points_tier <= Tier::Good).count();
    let allowed = usize::from(percent.min(100)) * eligible / 100;
    let mut kept = 0;
    let mut full = false;
    for group in rank_groups(rows) {
        if rows[group.start].points_tier != Tier::Excellent {
            continue;
        }
        if !full && kept + group.len() <= allowed {
            kept += group.len();
            continue;
        }
        let reason = if !full && kept < allowed {
            Demotion::ExcellentCapTie { allowed, eligible }
        } else {
            Demotion::ExcellentCap { allowed, eligible }
        };
        full = true;
        for row in &mut rows[group] {
            row.tier = Tier::Good;
            row.demoted = Some(reason.clone());
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::record::Stamp;
    use crate::domain::scoring::compute::Tally;
    use crate::domain::scoring::default_template::default_template;
    use chrono::DateTime;

    pub(crate) fn template() -> ScoringTemplate {
        let stamp = Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        default_template("t".into(), "k".into(), 2023, &stamp)
    }

    /// A result with the given reviewed total, block II and I subtotals and penalty (tenths).
    pub(crate) fn card(unit: &str, total: u32, two: u32, one: u32, penalty: u32) -> CardResult {
        let reviewed = Tally {
            total: Points(total),
            blocks: [("II".to_string(), Points(two)), ("I".to_string(), Points(one))].into(),
            penalty: Points(penalty),
            ..Tally::default()
        };
        CardResult {
            card_id: format!("card-{unit}"),
            unit_id: unit.into(),
            status: Default::default(),
            criteria: Vec::new(),
            self_tally: reviewed.clone(),
            reviewed,
        }
    }

    fn ids(rows: &[RankedRow]) -> Vec<&str> {
        rows.iter().map(|r| r.unit_id.as_str()).collect()
    }

    #[test]
    fn tiers_follow_the_thresholds() {
        let th = Thresholds::default();
        assert_eq!(tier_for(Points::whole(90), &th, false), Tier::Excellent);
        assert_eq!(tier_for(Points(899), &th, false), Tier::Good);
        assert_eq!(tier_for(Points::whole(75), &th, false), Tier::Good);
        assert_eq!(tier_for(Points::whole(50), &th, false), Tier::Done);
        assert_eq!(tier_for(Points(499), &th, false), Tier::NotDone);
        assert_eq!(tier_for(Points::whole(100), &th, true), Tier::NotDone);
        assert_eq!(Tier::Excellent.abbreviation(), "HTXSNV");
    }

    #[test]
    fn ranks_by_total_first() {
        let rows = rank(
            &[card("a", 800, 0, 0, 0), card("b", 920, 0, 0, 0)],
            &template(),
            &[],
        );
        assert_eq!(ids(&rows), ["b", "a"]);
        assert_eq!(
            rows[0].before_next,
            Some(TieBreak::Total {
                a: Points(920),
                b: Points(800)
            })
        );
        assert_eq!((rows[0].rank, rows[1].rank), (1, 2));
        assert_eq!(rows[1].before_next, None);
        assert_eq!((rows[0].tier, rows[1].tier), (Tier::Excellent, Tier::Good));
    }

    #[test]
    fn ranks_ties_by_block_two_then_block_one() {
        let results = [
            card("a", 900, 350, 300, 0),
            card("b", 900, 360, 290, 0),
            card("c", 900, 350, 310, 0),
        ];
        let rows = rank(&results, &template(), &[]);
        assert_eq!(ids(&rows), ["b", "c", "a"]);
        assert_eq!(
            rows[0].before_next,
            Some(TieBreak::Block {
                code: "II".into(),
                a: Points(360),
                b: Points(350)
            })
        );
        assert_eq!(
            rows[1].before_next,
            Some(TieBreak::Block {
                code: "I".into(),
                a: Points(310),
                b: Points(300)
            })
        );
        assert_eq!(rows.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn ranks_ties_then_by_fewer_penalties_then_by_vote() {
        let results = [
            card("a", 900, 350, 300, 20),
            card("b", 900, 350, 300, 10),
            card("c", 900, 350, 300, 20),
        ];
        let rows = rank(&results, &template(), &["c".to_string()]);
        assert_eq!(ids(&rows), ["b", "c", "a"]);
        assert_eq!(
            rows[0].before_next,
            Some(TieBreak::FewerPenalties {
                a: Points(10),
                b: Points(20)
            })
        );
        assert_eq!(rows[1].before_next, Some(TieBreak::Vote { a: 1, b: None }));
    }

    #[test]
    fn all_units_tied_share_the_first_rank_in_member_order() {
        let results = [
            card("a", 800, 300, 300, 0),
            card("b", 800, 300, 300, 0),
            card("c", 800, 300, 300, 0),
        ];
        let rows = rank(&results, &template(), &[]);
        assert_eq!(ids(&rows), ["a", "b", "c"]);
        assert!(rows.iter().all(|r| r.rank == 1));
        assert_eq!(rows[0].before_next, Some(TieBreak::Unresolved));
        let voted = rank(&results, &template(), &["c".into(), "a".into(), "b".into()]);
        assert_eq!(ids(&voted), ["c", "a", "b"]);
        assert_eq!(voted.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(voted[0].before_next, Some(TieBreak::Vote { a: 1, b: Some(2) }));
    }

    #[test]
    fn a_veto_on_the_top_scorer_forces_khtnv_and_the_bottom() {
        let mut top = card("a", 980, 400, 300, 0);
        top.reviewed.vetoes.push("L.1".into());
        let rows = rank(&[top, card("b", 700, 0, 0, 0)], &template(), &[]);
        assert_eq!(ids(&rows), ["b", "a"]);
        assert_eq!(rows[0].before_next, Some(TieBreak::NextVetoed));
        assert_eq!(rows[1].tier, Tier::NotDone);
        assert_eq!(rows[1].total, Points(980));
    }

    #[test]
    fn excellent_cap_moves_the_surplus_to_good_in_rank_order() {
        let mut t = template();
        t.settings.excellent_cap_percent = Some(20);
        // 10 eligible units → 2 may keep HTXSNV; four reach 90.
        let mut results: Vec<CardResult> = (0..4)
            .map(|i| card(&format!("x{i}"), 950 - i * 10, 0, 0, 0))
            .collect();
        results.extend((0..6).map(|i| card(&format!("g{i}"), 800 - i, 0, 0, 0)));
        let rows = rank(&results, &t, &[]);
        let tiers: Vec<Tier> = rows.iter().take(4).map(|r| r.tier).collect();
        assert_eq!(tiers, [Tier::Excellent, Tier::Excellent, Tier::Good, Tier::Good]);
        assert_eq!(
            rows[2].demoted,
            Some(Demotion::ExcellentCap {
                allowed: 2,
                eligible: 10
            })
        );
        assert_eq!(rows[2].points_tier, Tier::Excellent);
        assert_eq!(rows[4].demoted, None);
    }

    #[test]
    fn excellent_cap_with_an_unresolved_tie_at_the_boundary_moves_the_whole_tie() {
        let mut t = template();
        t.settings.excellent_cap_percent = Some(20);
        let mut results = vec![
            card("a", 950, 0, 0, 0),
            card("b", 920, 400, 0, 0),
            card("c", 920, 400, 0, 0),
        ];
        results.extend((0..7).map(|i| card(&format!("g{i}"), 800, 0, 0, 0)));
        let rows = rank(&results, &t, &[]);
        assert_eq!(rows[0].tier, Tier::Excellent);
        assert_eq!((rows[1].rank, rows[2].rank), (2, 2));
        for row in &rows[1..3] {
            assert_eq!(row.tier, Tier::Good);
            assert_eq!(
                row.demoted,
                Some(Demotion::ExcellentCapTie {
                    allowed: 2,
                    eligible: 10
                })
            );
        }
        // A tie broken by block II at the boundary is decided by the tie rule.
        results[2] = card("c", 920, 390, 0, 0);
        let rows = rank(&results, &t, &[]);
        assert_eq!(ids(&rows)[..3], ["a", "b", "c"]);
        assert_eq!((rows[1].tier, rows[2].tier), (Tier::Excellent, Tier::Good));
        assert_eq!(
            rows[2].demoted,
            Some(Demotion::ExcellentCap {
                allowed: 2,
                eligible: 10
            })
        );
    }

    #[test]
    fn excellent_cap_counts_only_units_reaching_good_or_better() {
        let mut t = template();
        t.settings.excellent_cap_percent = Some(20);
        let results = [
            card("a", 950, 0, 0, 0),
            card("b", 600, 0, 0, 0),
            card("c", 400, 0, 0, 0),
        ];
        let rows = rank(&results, &t, &[]);
        // One eligible unit: floor(0,2 × 1) = 0 may keep HTXSNV.
        assert_eq!(rows[0].tier, Tier::Good);
        assert_eq!(
            rows[0].demoted,
            Some(Demotion::ExcellentCap {
                allowed: 0,
                eligible: 1
            })
        );
    }
}
