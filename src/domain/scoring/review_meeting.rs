//! Họp bình xét thi đua cụm: the details of the cluster's year-end review meeting that its minutes
//! print (domain guide §1, "The year-end dossier") — when and where, who chaired (the Cụm trưởng)
//! and who kept the minutes, the member units present with their representatives, and the deputy
//! elected for next year (the head elected is `Cluster::next_head_id`, as before).

use super::cluster::Cluster;
use crate::domain::fold::is_blank;
use crate::domain::record::Id;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewMeeting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<NaiveTime>,
    #[serde(default)]
    pub place: String,
    /// Chủ trì: the Cụm trưởng's representative, "Nguyễn Văn A – Chủ tịch LĐLĐ huyện Ba Vì".
    #[serde(default)]
    pub chair: String,
    /// Thư ký: who kept the minutes.
    #[serde(default)]
    pub secretary: String,
    /// Member units present, in member order.
    #[serde(default)]
    pub present: Vec<Attendance>,
    /// Cụm phó năm sau.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_deputy_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub unit_id: Id,
    /// "Đ/c Nguyễn Văn B – Phó Chủ tịch": free text, one or more people.
    #[serde(default)]
    pub representatives: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeetingField {
    Date,
    Place,
    Chair,
    Secretary,
    Present,
    NextHead,
    NextDeputy,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingError {
    DateRequired,
    /// The meeting is held in the cluster's year or early the next (it reviews that year).
    DateOutsideYear {
        year: i32,
    },
    PlaceRequired,
    ChairRequired,
    SecretaryRequired,
    NobodyPresent,
    NotMember {
        unit_id: Id,
    },
    NextHeadNotMember,
    NextDeputyNotMember,
    NextDeputyIsNextHead,
    /// Fewer units present than the votes already recorded as cast (one vote per unit).
    FewerThanVotesCast {
        present: usize,
        cast: u32,
    },
}

impl MeetingError {
    pub fn field(&self) -> MeetingField {
        use MeetingError::*;
        match self {
            DateRequired | DateOutsideYear { .. } => MeetingField::Date,
            PlaceRequired => MeetingField::Place,
            ChairRequired => MeetingField::Chair,
            SecretaryRequired => MeetingField::Secretary,
            NobodyPresent | NotMember { .. } | FewerThanVotesCast { .. } => MeetingField::Present,
            NextHeadNotMember => MeetingField::NextHead,
            NextDeputyNotMember | NextDeputyIsNextHead => MeetingField::NextDeputy,
        }
    }

    pub fn message(&self, unit: impl Fn(&str) -> String) -> String {
        use MeetingError::*;
        match self {
            DateRequired => "Hãy nhập ngày họp (dd/mm/yyyy).".into(),
            DateOutsideYear { year } => format!(
                "Ngày họp: hội nghị bình xét năm {year} họp trong năm {year} hoặc năm {}.",
                year + 1
            ),
            PlaceRequired => "Hãy nhập địa điểm họp.".into(),
            ChairRequired => "Hãy nhập người chủ trì (Cụm trưởng).".into(),
            SecretaryRequired => "Hãy nhập thư ký hội nghị.".into(),
            NobodyPresent => "Hãy đánh dấu các đơn vị dự họp.".into(),
            NotMember { unit_id } => format!("{} không phải đơn vị thành viên của cụm.", unit(unit_id)),
            NextHeadNotMember => "Cụm trưởng năm sau phải là đơn vị thành viên của cụm.".into(),
            NextDeputyNotMember => "Cụm phó năm sau phải là đơn vị thành viên của cụm.".into(),
            NextDeputyIsNextHead => "Cụm phó năm sau phải khác Cụm trưởng năm sau.".into(),
            FewerThanVotesCast { present, cast } => format!(
                "Số đơn vị dự họp ({present}) ít hơn số phiếu bầu đã ghi ({cast}): hãy sửa kết quả bỏ phiếu suy tôn trước."
            ),
        }
    }
}

/// The one check of the meeting's details with the head elected for next year.
pub fn check(meeting: &ReviewMeeting, next_head: Option<&Id>, cluster: &Cluster) -> Vec<MeetingError> {
    use MeetingError::*;
    let mut errors = Vec::new();
    match meeting.date {
        None => errors.push(DateRequired),
        Some(d) if !(cluster.year..=cluster.year + 1).contains(&chrono::Datelike::year(&d)) => {
            errors.push(DateOutsideYear { year: cluster.year })
        }
        Some(_) => {}
    }
    for (blank, error) in [
        (is_blank(&meeting.place), PlaceRequired),
        (is_blank(&meeting.chair), ChairRequired),
        (is_blank(&meeting.secretary), SecretaryRequired),
        (meeting.present.is_empty(), NobodyPresent),
    ] {
        if blank {
            errors.push(error);
        }
    }
    let member = |id: &Id| cluster.member_ids.contains(id);
    for a in &meeting.present {
        if !member(&a.unit_id) {
            errors.push(NotMember {
                unit_id: a.unit_id.clone(),
            });
        }
    }
    if next_head.is_some_and(|id| !member(id)) {
        errors.push(NextHeadNotMember);
    }
    let cast = cluster.tally.iter().map(|v| v.votes_cast).max().unwrap_or(0);
    if !meeting.present.is_empty() && (cast as usize) > meeting.present.len() {
        errors.push(FewerThanVotesCast {
            present: meeting.present.len(),
            cast,
        });
    }
    if let Some(deputy) = &meeting.next_deputy_id {
        if !member(deputy) {
            errors.push(NextDeputyNotMember);
        } else if next_head == Some(deputy) {
            errors.push(NextDeputyIsNextHead);
        }
    }
    errors
}

/// Ghi biên bản họp: the meeting's details and the head elected, cleaned (trimmed, each unit
/// present once, in member order), when they pass [`check`].
pub fn record(
    cluster: &mut Cluster,
    mut meeting: ReviewMeeting,
    next_head: Option<Id>,
) -> Result<(), Vec<MeetingError>> {
    crate::domain::record::checked(check(&meeting, next_head.as_ref(), cluster))?;
    for text in [&mut meeting.place, &mut meeting.chair, &mut meeting.secretary] {
        *text = text.trim().to_string();
    }
    meeting.present = cluster
        .member_ids
        .iter()
        .filter_map(|id| meeting.present.iter().find(|a| a.unit_id == *id))
        .map(|a| Attendance {
            unit_id: a.unit_id.clone(),
            representatives: a.representatives.trim().to_string(),
        })
        .collect();
    cluster.meeting = Some(meeting);
    cluster.next_head_id = next_head;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster() -> Cluster {
        let stamp = crate::domain::record::Stamp::new("o", chrono::DateTime::from_timestamp(0, 0).unwrap());
        let data = crate::domain::scoring::sample::cluster_4_2023_data(&stamp);
        let mut c = data.clusters[0].clone();
        c.meeting = None;
        c.tally.clear();
        c
    }

    #[test]
    fn a_meeting_needs_its_date_place_chair_secretary_and_units_present() {
        let c = cluster();
        let blank = ReviewMeeting {
            chair: " ".into(),
            ..ReviewMeeting::default()
        };
        assert_eq!(
            check(&blank, None, &c),
            [
                MeetingError::DateRequired,
                MeetingError::PlaceRequired,
                MeetingError::ChairRequired,
                MeetingError::SecretaryRequired,
                MeetingError::NobodyPresent
            ]
        );
        let late = ReviewMeeting {
            date: NaiveDate::from_ymd_opt(2026, 1, 5),
            ..blank
        };
        assert_eq!(
            check(&late, None, &c)[0],
            MeetingError::DateOutsideYear { year: 2023 }
        );
    }

    #[test]
    fn the_deputy_elected_is_another_member_than_the_head() {
        let mut c = cluster();
        let (a, b) = (c.member_ids[0].clone(), c.member_ids[1].clone());
        let meeting = ReviewMeeting {
            date: NaiveDate::from_ymd_opt(2023, 12, 20),
            place: " Hội trường LĐLĐ huyện Ba Vì ".into(),
            chair: "Cụm trưởng".into(),
            secretary: "Thư ký".into(),
            present: vec![
                Attendance {
                    unit_id: b.clone(),
                    representatives: " Đ/c B ".into(),
                },
                Attendance {
                    unit_id: a.clone(),
                    representatives: String::new(),
                },
            ],
            next_deputy_id: Some(a.clone()),
            start_time: None,
        };
        assert_eq!(
            record(&mut c, meeting.clone(), Some(a.clone())),
            Err(vec![MeetingError::NextDeputyIsNextHead])
        );
        assert_eq!(c.meeting, None, "a refused meeting changes nothing");
        // Two units present cannot have cast the sample's six votes.
        c.tally = crate::domain::scoring::sample::cluster_4_2023_data(&crate::domain::record::Stamp::new(
            "o",
            chrono::DateTime::from_timestamp(0, 0).unwrap(),
        ))
        .clusters[0]
            .tally
            .clone();
        assert_eq!(
            record(&mut c, meeting.clone(), Some(b.clone())),
            Err(vec![MeetingError::FewerThanVotesCast { present: 2, cast: 6 }])
        );
        c.tally.clear();
        record(&mut c, meeting, Some(b.clone())).unwrap();
        let kept = c.meeting.as_ref().unwrap();
        assert_eq!(kept.place, "Hội trường LĐLĐ huyện Ba Vì");
        assert_eq!(kept.present[0].unit_id, a, "in member order");
        assert_eq!(kept.present[1].representatives, "Đ/c B");
        assert_eq!(c.next_head_id, Some(b));
    }
}
