//! Hình thức khen thưởng: the award forms a cluster may propose for its members (domain guide §1,
//! "The year-end dossier"), each with how many the cluster may propose and the lowest tier it
//! needs, and the share of the votes cast a proposal needs.
//!
//! The list lives in the scoring table's settings (Bảng điểm), not in the office's settings:
//! the table is what each final card keeps in its seal, so a closed year's awards are computed
//! from the list as it was when the cards were finalised, whatever the office changes later, and
//! an officer sets how many of each the cluster may propose in the same place as the tiers those
//! awards depend on — once a year, for that cluster-year, copied with "Dùng lại bảng điểm".
//!
//! Tables written before the list existed hold only `flags` and `certificates` ("Cờ thi đua",
//! "Bằng khen", not saying whose): they read as the province/city federation's flag and
//! certificate (what a cluster of district federations proposes to the city federation), with
//! the same counts and tiers, so the same units get the same awards under a name that says whose.

use super::ranking::Tier;
use serde::{Deserialize, Serialize};

/// Stable ids of the default forms; the vote tally refers to a form by its id.
pub mod ids {
    pub const FLAG_NATIONAL: &str = "co-tld";
    pub const FLAG_PROVINCE: &str = "co-ldld";
    pub const MERIT_NATIONAL: &str = "bk-tld";
    pub const MERIT_PROVINCE: &str = "bk-ldld";
    pub const PAPER: &str = "giay-khen";
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardForm {
    /// Stable within the table and its copies: the vote tally is keyed by it.
    pub id: String,
    /// "Cờ thi đua của Tổng LĐLĐ Việt Nam"
    pub name: String,
    /// How many the cluster may propose (0: none this year).
    pub count: u32,
    /// The lowest tier a unit needs to be proposed (Cờ: HTXSNV; Bằng khen, Giấy khen: HTTNV).
    pub lowest_tier: Tier,
}

impl AwardForm {
    fn new(id: &str, name: &str, count: u32, lowest_tier: Tier) -> AwardForm {
        AwardForm {
            id: id.into(),
            name: name.into(),
            count,
            lowest_tier,
        }
    }
}

/// The union's award forms for collectives, highest first; the counts (one city flag, two city
/// certificates) are those tables had before the list.
pub fn default_forms() -> Vec<AwardForm> {
    vec![
        AwardForm::new(
            ids::FLAG_NATIONAL,
            "Cờ thi đua của Tổng LĐLĐ Việt Nam",
            0,
            Tier::Excellent,
        ),
        AwardForm::new(
            ids::FLAG_PROVINCE,
            "Cờ thi đua của LĐLĐ tỉnh/thành phố",
            1,
            Tier::Excellent,
        ),
        AwardForm::new(
            ids::MERIT_NATIONAL,
            "Bằng khen của Ban Chấp hành Tổng LĐLĐ Việt Nam",
            0,
            Tier::Excellent,
        ),
        AwardForm::new(
            ids::MERIT_PROVINCE,
            "Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố",
            2,
            Tier::Good,
        ),
        AwardForm::new(ids::PAPER, "Giấy khen", 0, Tier::Good),
    ]
}

/// The list a table from before it meant: its flags and certificates as the city's (see the
/// module's doc), the other forms with none.
pub fn from_legacy(flags: u32, certificates: u32) -> Vec<AwardForm> {
    default_forms()
        .into_iter()
        .map(|mut f| {
            f.count = match f.id.as_str() {
                ids::FLAG_PROVINCE => flags,
                ids::MERIT_PROVINCE => certificates,
                _ => 0,
            };
            f
        })
        .collect()
}

/// Tỷ lệ phiếu cần để được đề nghị: `percent` of the votes cast, reached or passed
/// (`inclusive`) or strictly passed. Default: more than half.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteShare {
    pub percent: u8,
    #[serde(default)]
    pub inclusive: bool,
}

impl Default for VoteShare {
    fn default() -> Self {
        VoteShare {
            percent: 50,
            inclusive: false,
        }
    }
}

impl VoteShare {
    pub fn is_default(&self) -> bool {
        *self == VoteShare::default()
    }

    /// Whether `votes_for` of `votes_cast` reach the share (no vote cast never does).
    pub fn reached(self, votes_for: u32, votes_cast: u32) -> bool {
        let (got, needed) = (
            u64::from(votes_for) * 100,
            u64::from(self.percent) * u64::from(votes_cast),
        );
        votes_cast > 0
            && if self.inclusive {
                got >= needed
            } else {
                got > needed
            }
    }

    /// As the papers say it: "quá bán (trên 50%) số phiếu bầu", "từ 67% số phiếu bầu".
    pub fn words(self) -> String {
        if self.percent == 50 && !self.inclusive {
            return "quá bán (trên 50%) số phiếu bầu".into();
        }
        let from = if self.inclusive { "từ" } else { "trên" };
        format!("{from} {}% số phiếu bầu", self.percent)
    }
}

/// Why the award settings were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AwardFormIssue {
    NameRequired {
        position: usize,
    },
    DuplicateName {
        name: String,
    },
    /// The share is 0 or over 100 percent.
    ShareOutOfRange,
}

/// The table form's check of the list and the share.
pub fn check(forms: &[AwardForm], share: VoteShare) -> Vec<AwardFormIssue> {
    let mut issues = Vec::new();
    for (i, f) in forms.iter().enumerate() {
        if crate::domain::fold::is_blank(&f.name) {
            issues.push(AwardFormIssue::NameRequired { position: i + 1 });
        } else if forms[..i]
            .iter()
            .any(|o| crate::domain::fold::fold(&o.name) == crate::domain::fold::fold(&f.name))
        {
            issues.push(AwardFormIssue::DuplicateName { name: f.name.clone() });
        }
    }
    if share.percent == 0 || share.percent > 100 {
        issues.push(AwardFormIssue::ShareOutOfRange);
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_flags_and_certificates_are_the_city_federations_with_the_same_counts() {
        let forms = from_legacy(1, 3);
        let counted: Vec<(&str, u32, Tier)> = forms
            .iter()
            .filter(|f| f.count > 0)
            .map(|f| (f.name.as_str(), f.count, f.lowest_tier))
            .collect();
        assert_eq!(
            counted,
            [
                ("Cờ thi đua của LĐLĐ tỉnh/thành phố", 1, Tier::Excellent),
                ("Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố", 3, Tier::Good)
            ]
        );
        assert_eq!(from_legacy(1, 2), default_forms());
    }

    #[test]
    fn more_than_half_refuses_exactly_half() {
        let share = VoteShare::default();
        assert!(!share.reached(3, 6), "exactly half is not more than half");
        assert!(share.reached(4, 6));
        assert!(!share.reached(0, 0), "no vote cast");
        let half_or_more = VoteShare {
            percent: 50,
            inclusive: true,
        };
        assert!(half_or_more.reached(3, 6));
        assert!(!half_or_more.reached(2, 6));
        assert_eq!(share.words(), "quá bán (trên 50%) số phiếu bầu");
        assert_eq!(
            VoteShare {
                percent: 67,
                inclusive: true
            }
            .words(),
            "từ 67% số phiếu bầu"
        );
    }

    #[test]
    fn every_form_needs_a_distinct_name_and_the_share_a_sensible_percent() {
        let mut forms = default_forms();
        forms[2].name = " ".into();
        forms[4].name = "giay khen".into();
        forms.push(AwardForm::new("x", "Giấy khen", 1, Tier::Good));
        assert_eq!(
            check(
                &forms,
                VoteShare {
                    percent: 0,
                    inclusive: false
                }
            ),
            [
                AwardFormIssue::NameRequired { position: 3 },
                AwardFormIssue::DuplicateName {
                    name: "Giấy khen".into()
                },
                AwardFormIssue::ShareOutOfRange
            ]
        );
    }
}
