//! Phiếu chấm điểm: one unit's scores on its cluster-year's table, self-scored by the unit
//! (tự chấm) and reviewed by the cluster (chấm chéo / cụm chấm), through
//! Nháp → Đã nộp → Cụm đã chấm → Chốt. A final card is read-only until reopened, and every
//! reopening is kept on the card (who, when, why).

use super::points::Points;
use super::seal::CardSeal;
use super::template::ScoringTemplate;
use crate::domain::record::{self, Id, Meta, Stamp};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    /// Nháp: the unit is self-scoring.
    #[default]
    Draft,
    /// Đã nộp: sent to the cluster head, waiting for review.
    Submitted,
    /// Cụm đã chấm: reviewed scores entered.
    Reviewed,
    /// Chốt: final, read-only.
    Final,
}

/// Which score of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Điểm tự chấm
    SelfScore,
    /// Điểm cụm chấm
    Reviewed,
}

/// A score: points for manual, bonus and penalty criteria; yes/no for yes-no and veto ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Points(Points),
    Flag(bool),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    pub self_mark: Option<Mark>,
    pub reviewed_mark: Option<Mark>,
    /// Nhận xét
    pub comment: String,
    /// Tài liệu minh chứng (số văn bản, đường dẫn…)
    pub evidence: String,
}

impl Entry {
    pub fn mark(&self, side: Side) -> Option<Mark> {
        match side {
            Side::SelfScore => self.self_mark,
            Side::Reviewed => self.reviewed_mark,
        }
    }

    /// The mark that counts on `side`: a blank reviewed mark means the cluster agreed with the
    /// self score, so the self mark counts.
    pub fn counted(&self, side: Side) -> Option<Mark> {
        match side {
            Side::SelfScore => self.self_mark,
            Side::Reviewed => self.reviewed_mark.or(self.self_mark),
        }
    }
}

/// One step of the card's way (nộp, trả lại, cụm chấm xong, chốt): who took it, from which
/// office, when, and the status it led to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusStep {
    pub status: CardStatus,
    /// The person who took the step (name or position).
    pub by: String,
    pub office_id: String,
    pub at: DateTime<Utc>,
}

/// Mở lại phiếu đã chốt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reopening {
    /// The person who reopened it (name or position).
    pub by: String,
    pub office_id: String,
    pub at: DateTime<Utc>,
    pub reason: String,
    /// Tổng cụm chấm as finalised, before the reopening (None: not known, as in files written
    /// before totals were recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_before: Option<Points>,
    /// Tổng cụm chấm right after the reopening, on the data of that moment: differs from the
    /// total before when the reopening let an edit of the table or the figures through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_after: Option<Points>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    pub meta: Meta,
    pub cluster_id: Id,
    pub year: i32,
    pub unit_id: Id,
    /// Required in files and storage (every version wrote it): a final card that arrived
    /// without it must not silently become a draft.
    pub status: CardStatus,
    /// Keyed by criterion id. Entries of criteria later removed from the template are kept
    /// (and ignored by the computation), so that restoring the criterion restores the scores.
    #[serde(default)]
    pub entries: BTreeMap<String, Entry>,
    #[serde(default)]
    pub reopenings: Vec<Reopening>,
    /// Every step through Nháp → Đã nộp → Cụm đã chấm → Chốt, oldest first.
    #[serde(default)]
    pub history: Vec<StatusStep>,
    /// Bản chốt: the inputs of the result as finalised, kept while the card is final (see
    /// [`super::seal`]). None for cards never finalised, reopened since, or finalised by a
    /// version of the app that did not keep them (those follow the live data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<CardSeal>,
}
crate::impl_record!(Scorecard);

impl Reopening {
    /// A reopening by `by` for `reason`, from the stamp's office at its time; the totals are a
    /// card's, filled in by [`super::seal`] (minutes have none).
    pub fn new(by: &str, reason: &str, stamp: &Stamp) -> Self {
        Reopening {
            by: by.trim().to_string(),
            office_id: stamp.office_id.clone(),
            at: stamp.at,
            reason: reason.trim().to_string(),
            total_before: None,
            total_after: None,
        }
    }
}

impl Scorecard {
    pub fn new(id: Id, cluster_id: Id, year: i32, unit_id: Id, stamp: &Stamp) -> Self {
        Self {
            meta: Meta::new(id, stamp),
            cluster_id,
            year,
            unit_id,
            status: CardStatus::Draft,
            entries: BTreeMap::new(),
            reopenings: Vec::new(),
            history: Vec::new(),
            seal: None,
        }
    }

    /// When the card last reached its current status, and who took it there.
    pub fn last_step(&self) -> Option<&StatusStep> {
        self.history.iter().rev().find(|s| s.status == self.status)
    }

    pub fn entry(&self, criterion_id: &str) -> Option<&Entry> {
        self.entries.get(criterion_id)
    }

    /// Criterion ids of entries the template no longer has.
    pub fn orphan_entries<'a>(&'a self, template: &'a ScoringTemplate) -> impl Iterator<Item = &'a str> {
        self.entries
            .keys()
            .filter(|id| template.criterion(id).is_none())
            .map(String::as_str)
    }
}

/// The live card of a unit in a cluster-year.
pub fn find_for<'a>(
    cards: &'a [Scorecard],
    cluster_id: &str,
    year: i32,
    unit_id: &str,
) -> Option<&'a Scorecard> {
    record::live(cards).find(|c| c.cluster_id == cluster_id && c.year == year && c.unit_id == unit_id)
}

/// A unit has one card per cluster-year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardExists;

/// Tạo phiếu chấm: a new draft card for a member of a cluster-year.
pub fn create(
    cards: &mut Vec<Scorecard>,
    id: Id,
    cluster_id: &str,
    year: i32,
    unit_id: &str,
    stamp: &Stamp,
) -> Result<(), CardExists> {
    if find_for(cards, cluster_id, year, unit_id).is_some() {
        return Err(CardExists);
    }
    cards.push(Scorecard::new(
        id,
        cluster_id.to_string(),
        year,
        unit_id.to_string(),
        stamp,
    ));
    Ok(())
}

/// What the user did that the card refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SetSelfScore,
    SetReviewedScore,
    EditNote,
    Submit,
    SendBack,
    MarkReviewed,
    Finalise,
    Reopen,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScorecardError {
    UnknownCriterion {
        criterion_id: String,
    },
    /// Điểm vượt quá điểm tối đa của tiêu chí.
    AboveMaximum {
        criterion_id: String,
        max: Points,
        given: Points,
    },
    /// Points of target and count criteria come from the indicators.
    Automatic {
        criterion_id: String,
    },
    /// Yes/no criteria take a yes/no, the others take points.
    WrongMarkKind {
        criterion_id: String,
    },
    /// The card's status does not allow this action (e.g. self-scoring a submitted card).
    NotAllowed {
        status: CardStatus,
        action: Action,
    },
    /// Every step of the card's way records who took it.
    ActorRequired,
    /// Reopening needs who and why.
    ReopenerRequired,
    ReasonRequired,
}

impl ScorecardError {
    /// The criterion the message belongs next to, if any.
    pub fn criterion(&self) -> Option<&str> {
        match self {
            ScorecardError::UnknownCriterion { criterion_id }
            | ScorecardError::AboveMaximum { criterion_id, .. }
            | ScorecardError::Automatic { criterion_id }
            | ScorecardError::WrongMarkKind { criterion_id } => Some(criterion_id),
            _ => None,
        }
    }
}

/// One step of the card's way, as offered at a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// Nộp phiếu: Nháp → Đã nộp.
    Submit,
    /// Trả lại đơn vị: Đã nộp → Nháp.
    SendBack,
    /// Xác nhận cụm đã chấm: Đã nộp → Cụm đã chấm.
    MarkReviewed,
    /// Chốt phiếu: Cụm đã chấm → Chốt.
    Finalise,
    /// Mở lại phiếu: Chốt → Cụm đã chấm.
    Reopen,
}

impl Transition {
    /// The status the step starts from.
    pub fn from(self) -> CardStatus {
        match self {
            Transition::Submit => CardStatus::Draft,
            Transition::SendBack | Transition::MarkReviewed => CardStatus::Submitted,
            Transition::Finalise => CardStatus::Reviewed,
            Transition::Reopen => CardStatus::Final,
        }
    }

    /// The status the step leads to.
    pub fn to(self) -> CardStatus {
        match self {
            Transition::SendBack => CardStatus::Draft,
            Transition::Submit => CardStatus::Submitted,
            Transition::MarkReviewed | Transition::Reopen => CardStatus::Reviewed,
            Transition::Finalise => CardStatus::Final,
        }
    }

    /// The action a refusal of this step names.
    fn action(self) -> Action {
        match self {
            Transition::Submit => Action::Submit,
            Transition::SendBack => Action::SendBack,
            Transition::MarkReviewed => Action::MarkReviewed,
            Transition::Finalise => Action::Finalise,
            Transition::Reopen => Action::Reopen,
        }
    }
}

impl CardStatus {
    /// The statuses in the order of the card's way.
    pub const ALL: [CardStatus; 4] = [
        CardStatus::Draft,
        CardStatus::Submitted,
        CardStatus::Reviewed,
        CardStatus::Final,
    ];

    /// Whether the score of `side` may be set at this step: the unit self-scores its draft; the
    /// cluster reviews once the card is submitted and until it is final.
    pub fn may_edit(self, side: Side) -> bool {
        match side {
            Side::SelfScore => self == CardStatus::Draft,
            Side::Reviewed => matches!(self, CardStatus::Submitted | CardStatus::Reviewed),
        }
    }

    /// Whether comments and evidence may be edited: until the card is final.
    pub fn may_edit_notes(self) -> bool {
        !self.is_read_only()
    }

    /// Chốt: the card is a record, nothing on it changes until it is reopened.
    pub fn is_read_only(self) -> bool {
        self == CardStatus::Final
    }

    /// The steps a card at this status may take next, in the order they are offered.
    pub fn next_steps(self) -> &'static [Transition] {
        match self {
            CardStatus::Draft => &[Transition::Submit],
            CardStatus::Submitted => &[Transition::SendBack, Transition::MarkReviewed],
            CardStatus::Reviewed => &[Transition::Finalise],
            CardStatus::Final => &[Transition::Reopen],
        }
    }
}

fn allowed(card: &Scorecard, action: Action, ok: bool) -> Result<(), ScorecardError> {
    if ok {
        Ok(())
    } else {
        Err(ScorecardError::NotAllowed {
            status: card.status,
            action,
        })
    }
}

/// Checks a mark against the template without storing it.
pub fn check_mark(template: &ScoringTemplate, criterion_id: &str, mark: Mark) -> Result<(), ScorecardError> {
    let criterion_id_owned = || criterion_id.to_string();
    let c = template
        .criterion(criterion_id)
        .ok_or_else(|| ScorecardError::UnknownCriterion {
            criterion_id: criterion_id_owned(),
        })?;
    if c.kind.is_automatic() {
        return Err(ScorecardError::Automatic {
            criterion_id: criterion_id_owned(),
        });
    }
    match mark {
        Mark::Flag(_) if c.kind.is_flag() => Ok(()),
        Mark::Points(given) if !c.kind.is_flag() => {
            if given > c.max {
                Err(ScorecardError::AboveMaximum {
                    criterion_id: criterion_id_owned(),
                    max: c.max,
                    given,
                })
            } else {
                Ok(())
            }
        }
        _ => Err(ScorecardError::WrongMarkKind {
            criterion_id: criterion_id_owned(),
        }),
    }
}

/// Sets (or with `None` clears) a score. Self scores while the card is a draft; reviewed scores
/// once submitted and until final.
pub fn set_mark(
    card: &mut Scorecard,
    template: &ScoringTemplate,
    criterion_id: &str,
    side: Side,
    mark: Option<Mark>,
    stamp: &Stamp,
) -> Result<(), ScorecardError> {
    let action = match side {
        Side::SelfScore => Action::SetSelfScore,
        Side::Reviewed => Action::SetReviewedScore,
    };
    allowed(card, action, card.status.may_edit(side))?;
    if let Some(m) = mark {
        check_mark(template, criterion_id, m)?;
    } else if template.criterion(criterion_id).is_none() {
        return Err(ScorecardError::UnknownCriterion {
            criterion_id: criterion_id.to_string(),
        });
    }
    let entry = card.entries.entry(criterion_id.to_string()).or_default();
    match side {
        Side::SelfScore => entry.self_mark = mark,
        Side::Reviewed => entry.reviewed_mark = mark,
    }
    card.meta.touch(stamp);
    Ok(())
}

/// Comment and evidence may be edited until the card is final.
pub fn set_note(
    card: &mut Scorecard,
    criterion_id: &str,
    comment: &str,
    evidence: &str,
    stamp: &Stamp,
) -> Result<(), ScorecardError> {
    allowed(card, Action::EditNote, card.status.may_edit_notes())?;
    let entry = card.entries.entry(criterion_id.to_string()).or_default();
    entry.comment = comment.trim().to_string();
    entry.evidence = evidence.trim().to_string();
    card.meta.touch(stamp);
    Ok(())
}

/// Whether the card at its status may take `step` (the one rule the buttons and the steps ask).
fn may_take(card: &Scorecard, step: Transition) -> Result<(), ScorecardError> {
    allowed(card, step.action(), card.status.next_steps().contains(&step))
}

fn step(card: &mut Scorecard, transition: Transition, by: &str, stamp: &Stamp) -> Result<(), ScorecardError> {
    may_take(card, transition)?;
    let to = transition.to();
    if crate::domain::fold::is_blank(by) {
        return Err(ScorecardError::ActorRequired);
    }
    card.status = to;
    card.history.push(StatusStep {
        status: to,
        by: by.trim().to_string(),
        office_id: stamp.office_id.clone(),
        at: stamp.at,
    });
    card.meta.touch(stamp);
    Ok(())
}

/// Nộp: Nháp → Đã nộp.
pub fn submit(card: &mut Scorecard, by: &str, stamp: &Stamp) -> Result<(), ScorecardError> {
    step(card, Transition::Submit, by, stamp)
}

/// Trả lại: Đã nộp → Nháp, so the unit can correct its self-scoring.
pub fn send_back(card: &mut Scorecard, by: &str, stamp: &Stamp) -> Result<(), ScorecardError> {
    step(card, Transition::SendBack, by, stamp)
}

/// Cụm chấm xong: Đã nộp → Cụm đã chấm.
pub fn mark_reviewed(card: &mut Scorecard, by: &str, stamp: &Stamp) -> Result<(), ScorecardError> {
    step(card, Transition::MarkReviewed, by, stamp)
}

/// Chốt: Cụm đã chấm → Chốt, keeping the inputs of the card's result with it (made by
/// [`super::seal::finalise_card`] from the data).
pub fn finalise(card: &mut Scorecard, seal: CardSeal, by: &str, stamp: &Stamp) -> Result<(), ScorecardError> {
    step(card, Transition::Finalise, by, stamp)?;
    card.seal = Some(seal);
    Ok(())
}

/// Mở lại: Chốt → Cụm đã chấm, recording who reopened it, when and why.
pub fn reopen(card: &mut Scorecard, by: &str, reason: &str, stamp: &Stamp) -> Result<(), ScorecardError> {
    may_take(card, Transition::Reopen)?;
    if crate::domain::fold::is_blank(by) {
        return Err(ScorecardError::ReopenerRequired);
    }
    if crate::domain::fold::is_blank(reason) {
        return Err(ScorecardError::ReasonRequired);
    }
    card.reopenings.push(Reopening::new(by, reason, stamp));
    card.status = Transition::Reopen.to();
    card.seal = None;
    card.meta.touch(stamp);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::default_template::{default_template, ids};

    fn stamp() -> Stamp {
        Stamp::new("ba-vi", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    fn seal(t: &ScoringTemplate) -> CardSeal {
        CardSeal {
            template: t.clone(),
            report: None,
            best_rates: Default::default(),
        }
    }

    fn setup() -> (ScoringTemplate, Scorecard) {
        let t = default_template("t".into(), "k".into(), 2023, &stamp());
        let c = Scorecard::new("c".into(), "k".into(), 2023, "u".into(), &stamp());
        (t, c)
    }

    #[test]
    fn score_above_maximum_is_refused_naming_the_criterion() {
        let (t, mut c) = setup();
        let err = set_mark(
            &mut c,
            &t,
            ids::CARE,
            Side::SelfScore,
            Some(Mark::Points(Points(101))),
            &stamp(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            ScorecardError::AboveMaximum {
                criterion_id: ids::CARE.into(),
                max: Points::whole(10),
                given: Points(101)
            }
        );
        assert_eq!(err.criterion(), Some(ids::CARE));
        assert!(c.entries.is_empty());
        set_mark(
            &mut c,
            &t,
            ids::CARE,
            Side::SelfScore,
            Some(Mark::Points(Points::whole(10))),
            &stamp(),
        )
        .unwrap();
    }

    #[test]
    fn automatic_and_yes_no_criteria_refuse_the_wrong_input() {
        let (t, mut c) = setup();
        let pts = Some(Mark::Points(Points::whole(1)));
        assert_eq!(
            set_mark(&mut c, &t, ids::NEW_MEMBERS, Side::SelfScore, pts, &stamp()),
            Err(ScorecardError::Automatic {
                criterion_id: ids::NEW_MEMBERS.into()
            })
        );
        assert_eq!(
            set_mark(&mut c, &t, ids::VETO_STRIKE, Side::SelfScore, pts, &stamp()),
            Err(ScorecardError::WrongMarkKind {
                criterion_id: ids::VETO_STRIKE.into()
            })
        );
        assert_eq!(
            set_mark(&mut c, &t, "nope", Side::SelfScore, pts, &stamp()),
            Err(ScorecardError::UnknownCriterion {
                criterion_id: "nope".into()
            })
        );
        set_mark(
            &mut c,
            &t,
            ids::VETO_STRIKE,
            Side::SelfScore,
            Some(Mark::Flag(false)),
            &stamp(),
        )
        .unwrap();
    }

    #[test]
    fn self_scores_only_in_draft_and_reviewed_scores_only_after_submission() {
        let (t, mut c) = setup();
        let m = Some(Mark::Points(Points::whole(8)));
        assert!(matches!(
            set_mark(&mut c, &t, ids::CARE, Side::Reviewed, m, &stamp()),
            Err(ScorecardError::NotAllowed {
                status: CardStatus::Draft,
                ..
            })
        ));
        set_mark(&mut c, &t, ids::CARE, Side::SelfScore, m, &stamp()).unwrap();
        submit(&mut c, "Nguyễn Văn A", &stamp()).unwrap();
        assert!(set_mark(&mut c, &t, ids::CARE, Side::SelfScore, m, &stamp()).is_err());
        set_mark(
            &mut c,
            &t,
            ids::CARE,
            Side::Reviewed,
            Some(Mark::Points(Points::whole(7))),
            &stamp(),
        )
        .unwrap();
        mark_reviewed(&mut c, "Nguyễn Văn A", &stamp()).unwrap();
        finalise(&mut c, seal(&t), "Nguyễn Văn A", &stamp()).unwrap();
        assert_eq!(
            c.entry(ids::CARE).unwrap().mark(Side::Reviewed),
            Some(Mark::Points(Points::whole(7)))
        );
    }

    #[test]
    fn a_unit_has_one_card_per_cluster_year() {
        let mut cards = Vec::new();
        create(&mut cards, "c1".into(), "k", 2023, "u", &stamp()).unwrap();
        assert_eq!(
            create(&mut cards, "c2".into(), "k", 2023, "u", &stamp()),
            Err(CardExists)
        );
        create(&mut cards, "c3".into(), "k", 2024, "u", &stamp()).unwrap();
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].status, CardStatus::Draft);
    }

    #[test]
    fn every_step_records_who_took_it_and_when() {
        let (_, mut c) = setup();
        assert_eq!(submit(&mut c, "  ", &stamp()), Err(ScorecardError::ActorRequired));
        assert_eq!(c.status, CardStatus::Draft);
        assert!(c.history.is_empty());
        submit(&mut c, " Chủ tịch LĐLĐ Ba Vì ", &stamp()).unwrap();
        let later = Stamp::new("quoc-oai", DateTime::from_timestamp(1_700_100_000, 0).unwrap());
        send_back(&mut c, "Cụm trưởng", &later).unwrap();
        submit(&mut c, "Chủ tịch LĐLĐ Ba Vì", &stamp()).unwrap();
        mark_reviewed(&mut c, "Cụm trưởng", &later).unwrap();
        finalise(
            &mut c,
            seal(&default_template("t".into(), "k".into(), 2023, &stamp())),
            "Cụm trưởng",
            &later,
        )
        .unwrap();
        let steps: Vec<(CardStatus, &str)> = c.history.iter().map(|s| (s.status, s.by.as_str())).collect();
        assert_eq!(
            steps,
            vec![
                (CardStatus::Submitted, "Chủ tịch LĐLĐ Ba Vì"),
                (CardStatus::Draft, "Cụm trưởng"),
                (CardStatus::Submitted, "Chủ tịch LĐLĐ Ba Vì"),
                (CardStatus::Reviewed, "Cụm trưởng"),
                (CardStatus::Final, "Cụm trưởng"),
            ]
        );
        let last = c.last_step().unwrap();
        assert_eq!((last.office_id.as_str(), last.at), ("quoc-oai", later.at));
    }

    #[test]
    fn a_final_card_is_read_only() {
        let (t, mut c) = setup();
        submit(&mut c, "Nguyễn Văn A", &stamp()).unwrap();
        mark_reviewed(&mut c, "Nguyễn Văn A", &stamp()).unwrap();
        finalise(&mut c, seal(&t), "Nguyễn Văn A", &stamp()).unwrap();
        let m = Some(Mark::Points(Points::whole(1)));
        for side in [Side::SelfScore, Side::Reviewed] {
            assert!(matches!(
                set_mark(&mut c, &t, ids::CARE, side, m, &stamp()),
                Err(ScorecardError::NotAllowed {
                    status: CardStatus::Final,
                    ..
                })
            ));
        }
        assert!(set_note(&mut c, ids::CARE, "x", "", &stamp()).is_err());
        assert!(finalise(&mut c, seal(&t), "Nguyễn Văn A", &stamp()).is_err());
    }

    #[test]
    fn reopening_a_finalised_card_is_recorded() {
        let (t, mut c) = setup();
        submit(&mut c, "Nguyễn Văn A", &stamp()).unwrap();
        mark_reviewed(&mut c, "Nguyễn Văn A", &stamp()).unwrap();
        finalise(&mut c, seal(&t), "Nguyễn Văn A", &stamp()).unwrap();
        assert_eq!(
            reopen(&mut c, "", "sai số liệu", &stamp()),
            Err(ScorecardError::ReopenerRequired)
        );
        assert_eq!(
            reopen(&mut c, "Cụm trưởng", " ", &stamp()),
            Err(ScorecardError::ReasonRequired)
        );
        let later = Stamp::new("quoc-oai", DateTime::from_timestamp(1_700_100_000, 0).unwrap());
        reopen(
            &mut c,
            "Nguyễn Đức Nghĩa",
            "Sai số liệu phát triển đoàn viên",
            &later,
        )
        .unwrap();
        assert_eq!(c.status, CardStatus::Reviewed);
        assert_eq!(
            c.reopenings,
            vec![Reopening {
                by: "Nguyễn Đức Nghĩa".into(),
                office_id: "quoc-oai".into(),
                at: later.at,
                reason: "Sai số liệu phát triển đoàn viên".into(),
                total_before: None,
                total_after: None,
            }]
        );
        set_mark(
            &mut c,
            &t,
            ids::CARE,
            Side::Reviewed,
            Some(Mark::Points(Points::whole(9))),
            &stamp(),
        )
        .unwrap();
        finalise(&mut c, seal(&t), "Nguyễn Văn A", &stamp()).unwrap();
        assert!(reopen(&mut send_back_fails(c), "x", "y", &stamp()).is_ok());
    }

    #[test]
    fn who_may_score_at_each_step() {
        use CardStatus::*;
        let table = [
            (Draft, true, false),
            (Submitted, false, true),
            (Reviewed, false, true),
            (Final, false, false),
        ];
        for (status, self_score, reviewed) in table {
            assert_eq!(status.may_edit(Side::SelfScore), self_score, "{status:?} self");
            assert_eq!(status.may_edit(Side::Reviewed), reviewed, "{status:?} reviewed");
            assert_eq!(status.may_edit_notes(), status != Final, "{status:?} notes");
            assert_eq!(status.is_read_only(), status == Final, "{status:?} read-only");
        }
    }

    #[test]
    fn the_card_is_refused_exactly_what_its_status_does_not_allow() {
        let (t, _) = setup();
        for status in CardStatus::ALL {
            for side in [Side::SelfScore, Side::Reviewed] {
                let (_, mut c) = setup();
                c.status = status;
                let m = Some(Mark::Points(Points::whole(5)));
                let done = set_mark(&mut c, &t, ids::CARE, side, m, &stamp());
                assert_eq!(done.is_ok(), status.may_edit(side), "{status:?} {side:?}");
            }
            let (_, mut c) = setup();
            c.status = status;
            let done = set_note(&mut c, ids::CARE, "Đạt", "", &stamp());
            assert_eq!(done.is_ok(), status.may_edit_notes(), "{status:?} note");
        }
    }

    #[test]
    fn the_next_steps_of_each_status_lead_along_the_way() {
        use Transition::*;
        assert_eq!(CardStatus::Draft.next_steps(), &[Submit]);
        assert_eq!(CardStatus::Submitted.next_steps(), &[SendBack, MarkReviewed]);
        assert_eq!(CardStatus::Reviewed.next_steps(), &[Finalise]);
        assert_eq!(CardStatus::Final.next_steps(), &[Reopen]);
        let (t, _) = setup();
        for status in CardStatus::ALL {
            for &step in status.next_steps() {
                assert_eq!(step.from(), status, "{step:?}");
            }
            // Every step is tried at every status: it goes through exactly where it is offered.
            for step in [Submit, SendBack, MarkReviewed, Finalise, Reopen] {
                let (_, mut c) = setup();
                c.status = status;
                let done = match step {
                    Submit => submit(&mut c, "Cụm trưởng", &stamp()),
                    SendBack => send_back(&mut c, "Cụm trưởng", &stamp()),
                    MarkReviewed => mark_reviewed(&mut c, "Cụm trưởng", &stamp()),
                    Finalise => finalise(&mut c, seal(&t), "Cụm trưởng", &stamp()),
                    Reopen => reopen(&mut c, "Cụm trưởng", "Sai số liệu", &stamp()),
                };
                let offered = status.next_steps().contains(&step);
                assert_eq!(done.is_ok(), offered, "{status:?} {step:?}");
                if offered {
                    assert_eq!(c.status, step.to(), "{step:?}");
                } else {
                    assert_eq!(c.status, status, "{step:?} refused leaves the card");
                }
            }
        }
    }

    fn send_back_fails(mut c: Scorecard) -> Scorecard {
        assert!(send_back(&mut c, "Nguyễn Văn A", &stamp()).is_err());
        c
    }
}
