//! Kết quả bỏ phiếu suy tôn: per award form and unit, the votes for and the votes cast at the
//! cluster's review meeting (domain guide §1). A unit the ranking puts forward for a form is
//! proposed only with the table's share of the votes cast (see [`super::awards`]); the tie-break
//! order (`Cluster::vote_order`) is a separate record and stays as it is.

use super::award_forms::{AwardForm, VoteShare};
use super::cluster::Cluster;
use crate::domain::format;
use crate::domain::record::Id;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteCount {
    /// The [`AwardForm::id`] voted on.
    pub form_id: String,
    pub unit_id: Id,
    /// Số phiếu đồng ý
    pub votes_for: u32,
    /// Số phiếu bầu (phiếu hợp lệ)
    pub votes_cast: u32,
}

impl VoteCount {
    /// "5/6 phiếu (83,3%)"
    pub fn words(&self) -> String {
        let share = f64::from(self.votes_for) * 100.0 / f64::from(self.votes_cast.max(1));
        format!(
            "{}/{} phiếu ({})",
            self.votes_for,
            self.votes_cast,
            format::percent(share)
        )
    }
}

/// The vote recorded for `unit_id` on `form_id`.
pub fn find<'a>(tally: &'a [VoteCount], form_id: &str, unit_id: &str) -> Option<&'a VoteCount> {
    tally
        .iter()
        .find(|v| v.form_id == form_id && v.unit_id == unit_id)
}

/// Whether the cluster voted on this form at all (a form nobody voted on is proposed by score,
/// as before the tally was recorded).
pub fn voted_on(tally: &[VoteCount], form_id: &str) -> bool {
    tally.iter().any(|v| v.form_id == form_id)
}

/// Why a tally was refused; every problem, in the order of the rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TallyError {
    UnknownForm {
        form_id: String,
    },
    NotMember {
        unit_id: Id,
    },
    /// The same unit and form twice.
    Twice {
        form_id: String,
        unit_id: Id,
    },
    NoVotesCast {
        form_id: String,
        unit_id: Id,
    },
    ForOverCast {
        form_id: String,
        unit_id: Id,
    },
    /// More votes cast than units present at the meeting (one vote each).
    CastOverPresent {
        form_id: String,
        unit_id: Id,
        present: usize,
    },
}

impl TallyError {
    /// The message, naming the unit and the form: "Phiếu bầu Bằng khen … – LĐLĐ huyện Ba Vì: …".
    pub fn message(&self, unit: impl Fn(&str) -> String, form: impl Fn(&str) -> String) -> String {
        let at = |f: &str, u: &str| format!("Kết quả bỏ phiếu {} – {}", form(f), unit(u));
        match self {
            TallyError::UnknownForm { form_id } => {
                format!("Hình thức khen thưởng “{form_id}” không có trong bảng điểm năm này.")
            }
            TallyError::NotMember { unit_id } => {
                format!("{} không phải đơn vị thành viên của cụm.", unit(unit_id))
            }
            TallyError::Twice { form_id, unit_id } => format!("{}: được ghi hai lần.", at(form_id, unit_id)),
            TallyError::NoVotesCast { form_id, unit_id } => {
                format!("{}: số phiếu bầu phải từ 1 trở lên.", at(form_id, unit_id))
            }
            TallyError::ForOverCast { form_id, unit_id } => format!(
                "{}: số phiếu đồng ý không được lớn hơn số phiếu bầu.",
                at(form_id, unit_id)
            ),
            TallyError::CastOverPresent {
                form_id,
                unit_id,
                present,
            } => format!(
                "{}: số phiếu bầu không được lớn hơn số đơn vị dự họp ({present}).",
                at(form_id, unit_id)
            ),
        }
    }
}

/// How many may vote: the member units present at the meeting when recorded, else every member.
pub fn voters(cluster: &Cluster) -> usize {
    match &cluster.meeting {
        Some(m) if !m.present.is_empty() => m.present.len(),
        _ => cluster.member_ids.len(),
    }
}

/// The one check of a tally, whoever enters it: forms of the table, members of the cluster, each
/// pair once, votes for ≤ votes cast ≤ units present, at least one vote cast.
pub fn check(tally: &[VoteCount], cluster: &Cluster, forms: &[AwardForm]) -> Vec<TallyError> {
    let present = voters(cluster);
    let mut errors = Vec::new();
    for (i, v) in tally.iter().enumerate() {
        let (form_id, unit_id) = (v.form_id.clone(), v.unit_id.clone());
        if !forms.iter().any(|f| f.id == v.form_id) {
            errors.push(TallyError::UnknownForm { form_id });
            continue;
        }
        if !cluster.member_ids.contains(&v.unit_id) {
            errors.push(TallyError::NotMember { unit_id });
            continue;
        }
        if find(&tally[..i], &v.form_id, &v.unit_id).is_some() {
            errors.push(TallyError::Twice { form_id, unit_id });
        } else if v.votes_cast == 0 {
            errors.push(TallyError::NoVotesCast { form_id, unit_id });
        } else if v.votes_for > v.votes_cast {
            errors.push(TallyError::ForOverCast { form_id, unit_id });
        } else if v.votes_cast as usize > present {
            errors.push(TallyError::CastOverPresent {
                form_id,
                unit_id,
                present,
            });
        }
    }
    errors
}

/// Ghi kết quả bỏ phiếu: replaces the cluster's tally when it passes [`check`]. A change after
/// the results were closed makes the closing stale (see [`super::closing`]).
pub fn record(
    cluster: &mut Cluster,
    tally: Vec<VoteCount>,
    forms: &[AwardForm],
) -> Result<(), Vec<TallyError>> {
    crate::domain::record::checked(check(&tally, cluster, forms))?;
    cluster.tally = tally;
    Ok(())
}

/// "Không đủ tỷ lệ phiếu: 3/6 phiếu (50%), cần quá bán (trên 50%) số phiếu bầu."
pub fn shortfall(vote: Option<&VoteCount>, share: VoteShare) -> String {
    match vote {
        Some(v) => format!("chưa đạt tỷ lệ phiếu: {}, cần {}", v.words(), share.words()),
        None => "chưa được bỏ phiếu".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::award_forms::default_forms;
    use crate::domain::scoring::review_meeting::{Attendance, ReviewMeeting};

    fn cluster() -> Cluster {
        let stamp = crate::domain::record::Stamp::new("o", chrono::DateTime::from_timestamp(0, 0).unwrap());
        let mut data = crate::domain::data::AppData::default();
        super::super::sample::cluster_4_2023(
            &[],
            {
                let mut n = 0;
                move || {
                    n += 1;
                    format!("id-{n}")
                }
            },
            &stamp,
        )
        .add_to(&mut data);
        let mut c = data.clusters.remove(0);
        c.tally.clear();
        c.meeting = None;
        c
    }

    fn vote(unit: &str, votes_for: u32, votes_cast: u32) -> VoteCount {
        VoteCount {
            form_id: "bk-ldld".into(),
            unit_id: unit.into(),
            votes_for,
            votes_cast,
        }
    }

    #[test]
    fn the_tally_reads_as_votes_for_of_votes_cast_with_the_share() {
        assert_eq!(vote("id-1", 5, 6).words(), "5/6 phiếu (83,3%)");
        assert_eq!(vote("id-1", 3, 6).words(), "3/6 phiếu (50%)");
    }

    #[test]
    fn votes_for_never_pass_votes_cast_nor_votes_cast_the_units_present() {
        let mut c = cluster();
        let forms = default_forms();
        let tally = vec![
            vote("id-1", 7, 6),
            vote("id-2", 6, 6),
            vote("id-2", 1, 6),
            vote("id-3", 0, 0),
            vote("ghost", 1, 1),
            VoteCount {
                form_id: "huy-chuong".into(),
                ..vote("id-1", 1, 1)
            },
        ];
        assert_eq!(
            check(&tally, &c, &forms),
            [
                TallyError::ForOverCast {
                    form_id: "bk-ldld".into(),
                    unit_id: "id-1".into()
                },
                TallyError::Twice {
                    form_id: "bk-ldld".into(),
                    unit_id: "id-2".into()
                },
                TallyError::NoVotesCast {
                    form_id: "bk-ldld".into(),
                    unit_id: "id-3".into()
                },
                TallyError::NotMember {
                    unit_id: "ghost".into()
                },
                TallyError::UnknownForm {
                    form_id: "huy-chuong".into()
                },
            ]
        );
        // Five units present: six votes cast is one too many.
        c.meeting = Some(ReviewMeeting {
            present: (1..=5)
                .map(|i| Attendance {
                    unit_id: format!("id-{i}"),
                    representatives: String::new(),
                })
                .collect(),
            ..ReviewMeeting::default()
        });
        let errors = record(&mut c, vec![vote("id-2", 6, 6)], &forms).unwrap_err();
        assert_eq!(
            errors[0].message(|u| format!("đơn vị {u}"), |_| "Bằng khen".into()),
            "Kết quả bỏ phiếu Bằng khen – đơn vị id-2: số phiếu bầu không được lớn hơn số đơn vị dự họp (5)."
        );
        assert!(c.tally.is_empty(), "a refused tally changes nothing");
        record(&mut c, vec![vote("id-2", 4, 5)], &forms).unwrap();
        assert_eq!(c.tally, [vote("id-2", 4, 5)]);
    }
}
