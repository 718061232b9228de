//! Proposal topics (lĩnh vực kiến nghị): a fixed list, so counts by topic add up across offices.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// BHXH, nợ đóng BHXH
    SocialInsurance,
    /// Tiền lương, thu nhập
    Wages,
    /// Nhà ở
    Housing,
    /// An toàn, vệ sinh lao động (ATVSLĐ)
    OccupationalSafety,
    /// Y tế, sức khỏe
    Health,
    /// Trường học, nhà trẻ cho con CNLĐ
    Schools,
    /// An ninh trật tự
    PublicOrder,
    /// Đào tạo, dạy nghề
    Training,
    /// Khác
    Other,
}

impl Topic {
    pub const ALL: [Topic; 9] = [
        Topic::SocialInsurance,
        Topic::Wages,
        Topic::Housing,
        Topic::OccupationalSafety,
        Topic::Health,
        Topic::Schools,
        Topic::PublicOrder,
        Topic::Training,
        Topic::Other,
    ];

    /// Position in [`Topic::ALL`], for per-topic counters.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Words a search for this topic should hit even when the proposal text does not use them
    /// ("bhxh" finds a proposal filed under social insurance). Search vocabulary, not UI labels.
    pub fn search_terms(self) -> &'static str {
        match self {
            Topic::SocialInsurance => "BHXH bảo hiểm xã hội nợ BHXH",
            Topic::Wages => "tiền lương thu nhập",
            Topic::Housing => "nhà ở",
            Topic::OccupationalSafety => "ATVSLĐ an toàn vệ sinh lao động",
            Topic::Health => "y tế sức khỏe",
            Topic::Schools => "trường học nhà trẻ",
            Topic::PublicOrder => "an ninh trật tự",
            Topic::Training => "đào tạo dạy nghề",
            Topic::Other => "khác",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_matches_position_in_all() {
        for (i, t) in Topic::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
        }
    }
}
