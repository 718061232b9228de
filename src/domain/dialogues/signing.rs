//! Signed minutes are the record of a meeting (Labour Code 2019 art. 63–64; domain guide §3):
//! once "Biên bản đã có chữ ký của hai bên" is ticked, the dialogue's record is locked as a
//! final scorecard is. [`super::dialogue::update`] and deletion refuse it; a change needs an
//! explicit [`reopen`], recorded on the dialogue (who, which office, when, why) as a final
//! card's reopening is. Signing copies the contents raised (the proposals' words) into the
//! minutes, so the proposals' later follow-up (status, response, deadline, even a reworded
//! content) never alters the signed paper.

use super::dialogue::{Dialogue, DialogueError};
use super::meeting::RaisedPoint;
use super::proposal::Proposal;
use crate::domain::record::{self, Stamp};
use crate::domain::scoring::scorecard::Reopening;

/// Copies the contents raised at the dialogue from its live proposals into its minutes.
pub fn record_raised(dialogue: &mut Dialogue, proposals: &[Proposal]) {
    dialogue.raised = Some(raised_now(&dialogue.meta.id, proposals));
}

/// The contents raised as the dialogue's live proposals word them now.
pub fn raised_now(dialogue_id: &str, proposals: &[Proposal]) -> Vec<RaisedPoint> {
    record::live(proposals)
        .filter(|p| p.dialogue_id == dialogue_id)
        .map(|p| RaisedPoint {
            proposal_id: p.meta.id.clone(),
            content: p.content.clone(),
            topic: p.topic,
            raised_by: p.raised_by.clone(),
        })
        .collect()
}

/// Mở lại biên bản: signed → not signed, recording who reopened it, from which office, when
/// and why. The copy of the contents raised goes with the signatures; signing again takes a
/// new one.
pub fn reopen(
    dialogues: &mut [Dialogue],
    id: &str,
    by: &str,
    reason: &str,
    stamp: &Stamp,
) -> Result<(), Vec<DialogueError>> {
    let d = record::find_mut(dialogues, id).ok_or_else(|| vec![DialogueError::NotFound])?;
    if !d.minutes_signed {
        return Err(vec![DialogueError::NotSigned]);
    }
    let mut errors = Vec::new();
    if crate::domain::fold::is_blank(by) {
        errors.push(DialogueError::ReopenerRequired);
    }
    if crate::domain::fold::is_blank(reason) {
        errors.push(DialogueError::ReasonRequired);
    }
    record::checked(errors)?;
    d.reopenings.push(Reopening::new(by, reason, stamp));
    d.minutes_signed = false;
    d.raised = None;
    d.meta.touch(stamp);
    Ok(())
}

/// The part of a dialogue its signed minutes fix: everything but the record's `meta`.
/// Two copies with the same meeting record print the same minutes.
pub fn same_meeting_record(a: &Dialogue, b: &Dialogue) -> bool {
    let strip = |d: &Dialogue| {
        let mut d = d.clone();
        d.meta = b.meta.clone();
        d
    };
    strip(a) == strip(b)
}

/// Would taking `incoming` in place of the signed `local` change signed minutes without a
/// recorded reopening? That is: `local` is signed, `incoming` differs in its meeting record,
/// and carries no reopening `local` has not seen. (Whether `incoming` is newer at all is the
/// merge's business: the import asks only of copies that would replace or conflict.)
pub fn changes_signed_minutes(local: &Dialogue, incoming: &Dialogue) -> bool {
    local.minutes_signed
        && !same_meeting_record(local, incoming)
        && incoming.reopenings.len() <= local.reopenings.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::dialogue::{self, DialogueDraft, DialogueField};
    use crate::domain::dialogues::testkit::{d, dialogue, proposal, stamp, unit};
    use crate::domain::dialogues::{change_status, DialogueKind, ProposalStatus, StatusUpdate, Topic};

    fn setup() -> (Vec<Dialogue>, Vec<Proposal>) {
        let mut dl = dialogue("dl", "thanh-oai", DialogueKind::Periodic, d(2025, 5, 15));
        dl.minutes_signed = false;
        let proposals = vec![
            proposal("p1", "dl", Topic::SocialInsurance, "Xử lý nợ đóng BHXH"),
            proposal("p2", "dl", Topic::Housing, "Nhà ở xã hội cho công nhân"),
        ];
        (vec![dl], proposals)
    }

    fn sign(dialogues: &mut [Dialogue], proposals: &[Proposal]) -> Result<(), Vec<DialogueError>> {
        let units = vec![unit("thanh-oai", "LĐLĐ huyện Thanh Oai")];
        let mut draft = DialogueDraft::from_dialogue(&dialogues[0]);
        draft.minutes_signed = true;
        dialogue::update(dialogues, &units, proposals, "dl", draft, &stamp())
    }

    #[test]
    fn signing_copies_the_contents_raised_and_locks_the_record() {
        let (mut dialogues, mut proposals) = setup();
        sign(&mut dialogues, &proposals).unwrap();
        let raised = dialogues[0].raised.clone().unwrap();
        assert_eq!(raised.len(), 2);
        assert_eq!(raised[0].content, "Xử lý nợ đóng BHXH");

        // The follow-up moves on; the signed record does not.
        let update = StatusUpdate::closing(ProposalStatus::Resolved, d(2026, 11, 2), "Đã thu hồi nợ");
        change_status(&mut proposals[0], d(2025, 5, 15), update, &stamp()).unwrap();
        proposals[1].content = "Nội dung sửa sau".into();
        assert_eq!(dialogues[0].raised.as_ref(), Some(&raised));

        // Every edit through the form is refused, on the signed box.
        let units = vec![unit("thanh-oai", "LĐLĐ huyện Thanh Oai")];
        let mut edit = DialogueDraft::from_dialogue(&dialogues[0]);
        edit.attendances = "999".into();
        let before = dialogues[0].clone();
        let refused = dialogue::update(&mut dialogues, &units, &proposals, "dl", edit, &stamp());
        assert_eq!(refused, Err(vec![DialogueError::MinutesSigned]));
        assert_eq!(DialogueError::MinutesSigned.field(), Some(DialogueField::Signed));
        assert_eq!(dialogues[0], before);
    }

    #[test]
    fn a_recorded_reopening_unlocks_the_minutes() {
        let (mut dialogues, proposals) = setup();
        sign(&mut dialogues, &proposals).unwrap();
        assert_eq!(
            reopen(&mut dialogues, "dl", " ", "", &stamp()),
            Err(vec![
                DialogueError::ReopenerRequired,
                DialogueError::ReasonRequired
            ])
        );
        assert!(dialogues[0].minutes_signed);
        reopen(
            &mut dialogues,
            "dl",
            " Nguyễn Thị Hảo ",
            "Ghi sót người dự",
            &stamp(),
        )
        .unwrap();
        let d0 = &dialogues[0];
        assert!(!d0.minutes_signed);
        assert_eq!(d0.raised, None);
        assert_eq!(d0.reopenings.len(), 1);
        assert_eq!(d0.reopenings[0].by, "Nguyễn Thị Hảo");
        assert_eq!(d0.reopenings[0].office_id, "thanh-oai");
        assert_eq!(d0.reopenings[0].reason, "Ghi sót người dự");
        assert_eq!(
            reopen(&mut dialogues, "dl", "x", "y", &stamp()),
            Err(vec![DialogueError::NotSigned])
        );

        // Unlocked: the form saves, the reopening stays on record; signing again takes a copy.
        let units = vec![unit("thanh-oai", "LĐLĐ huyện Thanh Oai")];
        let mut edit = DialogueDraft::from_dialogue(&dialogues[0]);
        edit.attendances = "320".into();
        edit.minutes_signed = true;
        dialogue::update(&mut dialogues, &units, &proposals, "dl", edit, &stamp()).unwrap();
        assert_eq!(dialogues[0].attendances, 320);
        assert_eq!(dialogues[0].reopenings.len(), 1);
        assert_eq!(dialogues[0].raised.as_ref().map(Vec::len), Some(2));
    }

    #[test]
    fn an_imported_copy_may_change_signed_minutes_only_with_a_new_reopening() {
        let (mut dialogues, proposals) = setup();
        sign(&mut dialogues, &proposals).unwrap();
        let local = dialogues[0].clone();
        let mut incoming = local.clone();
        incoming.meta.touch(&stamp());
        assert!(!changes_signed_minutes(&local, &incoming), "only meta differs");
        incoming.attendances = 999;
        assert!(changes_signed_minutes(&local, &incoming));
        reopen(
            std::slice::from_mut(&mut incoming),
            "dl",
            "Cụm trưởng",
            "Sửa số lượt",
            &stamp(),
        )
        .unwrap();
        assert!(!changes_signed_minutes(&local, &incoming));
        let mut unsigned_local = local.clone();
        unsigned_local.minutes_signed = false;
        assert!(!changes_signed_minutes(&unsigned_local, &incoming));
    }
}
