//! Đề nghị khen thưởng: Cờ thi đua for the first unit(s) in the top tier, Bằng khen for the
//! next ones, counts from the template; never for vetoed units or units below HTTNV.
//!
//! Units are taken in rank order by rank group: a group of units sharing a rank that does not
//! fit entirely in the remaining awards gets none of that award (the cluster's vote breaks the
//! tie) and no unit ranked below it gets it either; such groups may still get the next award.

use super::ranking::{rank_groups, RankedRow, Tier};
use super::template::Settings;
use crate::domain::record::Id;
use crate::domain::sorting;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Award {
    /// Cờ thi đua
    Flag,
    /// Bằng khen
    Certificate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardProposal {
    pub unit_id: Id,
    pub award: Award,
}

/// Proposed awards, in rank order.
pub fn propose_awards(rows: &[RankedRow], settings: &Settings) -> Vec<AwardProposal> {
    let mut proposals = Vec::new();
    let mut taken = vec![false; rows.len()];
    let rounds = [
        (Award::Flag, settings.flags as usize, Tier::Excellent),
        (Award::Certificate, settings.certificates as usize, Tier::Good),
    ];
    for (award, count, lowest_tier) in rounds {
        let mut left = count;
        for group in rank_groups(rows) {
            let candidates: Vec<usize> = group
                .filter(|&i| !taken[i] && rows[i].vetoes.is_empty() && rows[i].tier <= lowest_tier)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            if candidates.len() > left {
                break;
            }
            left -= candidates.len();
            for i in candidates {
                taken[i] = true;
                proposals.push(AwardProposal {
                    unit_id: rows[i].unit_id.clone(),
                    award,
                });
            }
        }
    }
    sorting::sort_by_key(&mut proposals, |p| {
        rows.iter().position(|r| r.unit_id == p.unit_id)
    });
    proposals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::ranking::rank;
    use crate::domain::scoring::ranking::tests::{card, template};

    fn awards(
        rows: &[RankedRow],
        t: &crate::domain::scoring::template::ScoringTemplate,
    ) -> Vec<(String, Award)> {
        propose_awards(rows, &t.settings)
            .into_iter()
            .map(|p| (p.unit_id, p.award))
            .collect()
    }

    #[test]
    fn flag_for_the_best_excellent_unit_and_certificates_for_the_next_two() {
        let t = template();
        let results = [
            card("a", 910, 0, 0, 0),
            card("b", 950, 0, 0, 0),
            card("c", 800, 0, 0, 0),
            card("d", 700, 0, 0, 0),
            card("e", 790, 0, 0, 0),
        ];
        let rows = rank(&results, &t, &[]);
        assert_eq!(
            awards(&rows, &t),
            [
                ("b".into(), Award::Flag),
                ("a".into(), Award::Certificate),
                ("c".into(), Award::Certificate)
            ]
        );
    }

    #[test]
    fn no_flag_without_an_excellent_unit_and_nothing_for_vetoed_units() {
        let t = template();
        let mut vetoed = card("a", 990, 0, 0, 0);
        vetoed.reviewed.vetoes.push("L.2".into());
        let rows = rank(
            &[vetoed, card("b", 800, 0, 0, 0), card("c", 600, 0, 0, 0)],
            &t,
            &[],
        );
        assert_eq!(awards(&rows, &t), [("b".into(), Award::Certificate)]);
    }

    #[test]
    fn an_unresolved_tie_for_the_flag_gets_certificates() {
        let t = template();
        let rows = rank(
            &[
                card("a", 950, 0, 0, 0),
                card("b", 950, 0, 0, 0),
                card("c", 930, 0, 0, 0),
            ],
            &t,
            &[],
        );
        assert_eq!(
            awards(&rows, &t),
            [("a".into(), Award::Certificate), ("b".into(), Award::Certificate)],
            "c is not given the flag over the two tied units above it"
        );
    }
}
