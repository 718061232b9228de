//! Đề nghị khen thưởng: the table's award forms (see [`super::award_forms`]) in their order,
//! each for as many units as the table allows, in rank order, never for vetoed units or units
//! below the form's lowest tier; then the cluster's vote confirms each.
//!
//! Units are taken in rank order by rank group: a group of units sharing a rank that does not
//! fit entirely in the remaining awards gets none of that award (the cluster's vote breaks the
//! tie) and no unit ranked below it gets it either; such groups may still get the next award.
//!
//! The ranking puts units forward; the vote decides. Once the cluster recorded votes on a form
//! (see [`super::vote_tally`]), a unit put forward for it is proposed only with the table's share
//! of the votes cast; without it the unit is not proposed for that form, its place is not given
//! to the next unit (that would be a vote nobody held), and it may still be put forward for the
//! next form. A form nobody voted on is proposed by score alone, as before the tally existed.

use super::award_forms::AwardForm;
use super::ranking::{rank_groups, RankedRow};
use super::template::Settings;
use super::vote_tally::{self, VoteCount};
use crate::domain::record::Id;
use crate::domain::sorting;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardProposal {
    pub unit_id: Id,
    pub form: AwardForm,
    /// The unit's votes for this form, when recorded.
    pub vote: Option<VoteCount>,
    /// Whether it is proposed: false when the form was voted on and the unit lacks the share.
    pub proposed: bool,
}

/// The units put forward for each award, in rank order, with the vote's verdict.
pub fn put_forward(rows: &[RankedRow], settings: &Settings, tally: &[VoteCount]) -> Vec<AwardProposal> {
    let mut out: Vec<AwardProposal> = Vec::new();
    let mut taken = vec![false; rows.len()];
    for form in settings.forms() {
        let voted = vote_tally::voted_on(tally, &form.id);
        let mut left = form.count as usize;
        for group in rank_groups(rows) {
            let candidates: Vec<usize> = group
                .filter(|&i| !taken[i] && rows[i].vetoes.is_empty() && rows[i].tier <= form.lowest_tier)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            if candidates.len() > left {
                break;
            }
            left -= candidates.len();
            for i in candidates {
                let vote = vote_tally::find(tally, &form.id, &rows[i].unit_id).cloned();
                let proposed = !voted
                    || vote
                        .as_ref()
                        .is_some_and(|v| settings.vote_share.reached(v.votes_for, v.votes_cast));
                taken[i] = proposed;
                out.push(AwardProposal {
                    unit_id: rows[i].unit_id.clone(),
                    form: form.clone(),
                    vote,
                    proposed,
                });
            }
        }
    }
    sorting::sort_by_key(&mut out, |p| rows.iter().position(|r| r.unit_id == p.unit_id));
    out
}

/// Proposed awards, in rank order.
pub fn propose_awards(rows: &[RankedRow], settings: &Settings, tally: &[VoteCount]) -> Vec<AwardProposal> {
    put_forward(rows, settings, tally)
        .into_iter()
        .filter(|p| p.proposed)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::ranking::rank;
    use crate::domain::scoring::ranking::tests::{card, template};

    const FLAG: &str = "Cờ thi đua của LĐLĐ tỉnh/thành phố";
    const MERIT: &str = "Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố";

    fn awards(
        rows: &[RankedRow],
        t: &crate::domain::scoring::template::ScoringTemplate,
    ) -> Vec<(String, &'static str)> {
        awards_voted(rows, t, &[])
    }

    fn awards_voted(
        rows: &[RankedRow],
        t: &crate::domain::scoring::template::ScoringTemplate,
        tally: &[VoteCount],
    ) -> Vec<(String, &'static str)> {
        propose_awards(rows, &t.settings, tally)
            .into_iter()
            .map(|p| (p.unit_id, if p.form.name == FLAG { FLAG } else { MERIT }))
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
            [("b".into(), FLAG), ("a".into(), MERIT), ("c".into(), MERIT)]
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
        assert_eq!(awards(&rows, &t), [("b".into(), MERIT)]);
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
            [("a".into(), MERIT), ("b".into(), MERIT)],
            "c is not given the flag over the two tied units above it"
        );
    }

    fn vote(form_id: &str, unit: &str, votes_for: u32) -> VoteCount {
        VoteCount {
            form_id: form_id.into(),
            unit_id: unit.into(),
            votes_for,
            votes_cast: 6,
        }
    }

    #[test]
    fn a_unit_without_more_than_half_the_votes_is_not_proposed_and_its_place_not_passed_on() {
        let t = template();
        let rows = rank(
            &[
                card("a", 950, 0, 0, 0),
                card("b", 910, 0, 0, 0),
                card("c", 800, 0, 0, 0),
                card("e", 790, 0, 0, 0),
            ],
            &t,
            &[],
        );
        // Exactly half for the flag: a is put forward, refused, and put forward again for the
        // certificate, which b and a get by vote; c's place went to a.
        let tally = [
            vote("co-ldld", "a", 3),
            vote("bk-ldld", "a", 5),
            vote("bk-ldld", "b", 4),
        ];
        assert_eq!(
            awards_voted(&rows, &t, &tally),
            [("a".into(), MERIT), ("b".into(), MERIT)]
        );
        let refused: Vec<(String, String)> = put_forward(&rows, &t.settings, &tally)
            .into_iter()
            .filter(|p| !p.proposed)
            .map(|p| (p.unit_id, p.vote.map(|v| v.words()).unwrap_or_default()))
            .collect();
        assert_eq!(refused, [("a".into(), "3/6 phiếu (50%)".into())]);
        // A unit put forward for a form that was voted on, without a vote of its own, is not
        // proposed either; a form nobody voted on goes by score.
        let tally = [vote("bk-ldld", "b", 6)];
        assert_eq!(
            awards_voted(&rows, &t, &tally),
            [("a".into(), FLAG), ("b".into(), MERIT)]
        );
    }

    #[test]
    fn an_older_table_proposes_its_flags_and_certificates_as_the_citys() {
        let mut t = template();
        t.settings.award_forms.clear();
        t.settings.flags = 0;
        t.settings.certificates = 1;
        let rows = rank(&[card("a", 950, 0, 0, 0), card("b", 910, 0, 0, 0)], &t, &[]);
        assert_eq!(awards(&rows, &t), [("a".into(), MERIT)]);
    }
}
