//! Bảng điểm thi đua: the scoring table of one cluster-year, editable by the cluster. Blocks
//! (khối / phần I, II, III per HD 1294/HD-TLĐ) and their titles are data, not code.

use super::award_forms::{self, AwardForm, VoteShare};
use super::indicators::IndicatorKey;
use super::points::Points;
use crate::domain::record::{self, Id, Meta, Stamp};
use serde::{Deserialize, Serialize};

/// A group of criteria, e.g. code "II", title "Xây dựng tổ chức Công đoàn vững mạnh".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Short code, also the block's id within the template: "I", "II", "III".
    pub code: String,
    pub title: String,
}

/// How a target criterion turns actual vs target into points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetFormula {
    /// Below target `½·max·a/t`; at target `½·max`; the cluster's best rate above target gets
    /// `max`; others above target `½·max + (r−1)/(R−1)·½·max` where `r = a/t` is the unit's
    /// rate and `R` the best rate among the cluster's members. Rates rather than raw actuals,
    /// because each unit has its own target (with equal targets it is the guide's formula).
    Relative,
    /// `min(1, a/t)·max`.
    Proportional,
}

/// Where the target of a target criterion comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// Another figure of the same report (e.g. `NewMembersTarget`).
    Indicator(IndicatorKey),
    /// The same number for every unit.
    Fixed(u64),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CriterionKind {
    /// Chấm tay: points typed by the scorer, 0..max.
    Manual,
    /// Chỉ tiêu: computed from actual vs target.
    Target {
        indicator: IndicatorKey,
        target: TargetSource,
        formula: TargetFormula,
    },
    /// Đếm: `⌊count / per⌋ × points_each`, capped at the criterion's max (e.g. 1 point per
    /// 50 members given a health check: `per = 50`).
    Count {
        indicator: IndicatorKey,
        points_each: Points,
        #[serde(default = "one")]
        per: u64,
    },
    /// Có / không: full points or zero.
    YesNo,
    /// Điểm thưởng: 0..max added, then all bonus capped by [`Settings::bonus_cap`].
    Bonus,
    /// Điểm trừ: 0..max subtracted.
    Penalty,
    /// Tiêu chí loại trừ: "yes" forces KHTNV whatever the points. Its max is not used.
    Veto,
}

fn one() -> u64 {
    1
}

impl CriterionKind {
    /// Counts towards the 100-point base (not bonus, penalty or veto).
    pub fn is_base(&self) -> bool {
        matches!(
            self,
            CriterionKind::Manual
                | CriterionKind::Target { .. }
                | CriterionKind::Count { .. }
                | CriterionKind::YesNo
        )
    }

    /// Points come from the indicators, not from the scorer.
    pub fn is_automatic(&self) -> bool {
        matches!(self, CriterionKind::Target { .. } | CriterionKind::Count { .. })
    }

    /// Scored with yes/no rather than points.
    pub fn is_flag(&self) -> bool {
        matches!(self, CriterionKind::YesNo | CriterionKind::Veto)
    }
}

/// Tiêu chí. For count, bonus and penalty criteria, `max` is also the cap (one number, so
/// that "max" and "cap" can never disagree).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "super::criterion_reading::CriterionFields")]
pub struct Criterion {
    /// Stable within the template and its copies: scorecard entries are keyed by it.
    pub id: String,
    /// Display number, e.g. "II.1".
    #[serde(default)]
    pub code: String,
    pub name: String,
    /// The [`Block::code`] it belongs to.
    pub block: String,
    pub max: Points,
    #[serde(flatten)]
    pub kind: CriterionKind,
}

/// Ngưỡng xếp loại: the lowest reviewed total for each tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV)
    pub excellent: Points,
    /// Hoàn thành tốt nhiệm vụ (HTTNV)
    pub good: Points,
    /// Hoàn thành nhiệm vụ (HTNV); below it: KHTNV.
    pub done: Points,
}

impl Default for Thresholds {
    /// 90 / 75 / 50 (LĐLĐ Ba Đình 2024).
    fn default() -> Self {
        Self {
            excellent: Points::whole(90),
            good: Points::whole(75),
            done: Points::whole(50),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub thresholds: Thresholds,
    /// Upper limit on the sum of bonus points.
    pub bonus_cap: Points,
    /// Tỷ lệ HTXSNV tối đa, in percent: at most `floor(percent × eligible / 100)` units keep
    /// HTXSNV, where *eligible* is the number of units whose points reach HTTNV or better
    /// (our reading of NĐ 335/2025's "20% of HTTNV units"). `None`: no cap.
    #[serde(default)]
    pub excellent_cap_percent: Option<u8>,
    /// Số Cờ thi đua đề nghị, of a table from before [`Self::award_forms`]; read only while that
    /// list is empty (see [`Settings::forms`]).
    pub flags: u32,
    /// Số Bằng khen đề nghị, likewise.
    pub certificates: u32,
    /// Block codes compared, in order, when totals are equal (default II, then I).
    pub tie_blocks: Vec<String>,
    /// Hình thức khen thưởng, highest first (see [`super::award_forms`]); empty in tables made
    /// before the list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub award_forms: Vec<AwardForm>,
    /// The share of the votes cast a proposal needs.
    #[serde(default, skip_serializing_if = "VoteShare::is_default")]
    pub vote_share: VoteShare,
}

impl Settings {
    /// The award forms this table proposes: its list, or for a table from before the list, its
    /// flags and certificates read as [`award_forms::from_legacy`] says.
    pub fn forms(&self) -> Vec<AwardForm> {
        if self.award_forms.is_empty() {
            award_forms::from_legacy(self.flags, self.certificates)
        } else {
            self.award_forms.clone()
        }
    }

    /// Sets the list, keeping `flags` and `certificates` as the city's flag and certificate
    /// counts so that an older version reading the table proposes what it can of it.
    pub fn set_forms(&mut self, forms: Vec<AwardForm>) {
        let count = |id: &str| forms.iter().find(|f| f.id == id).map_or(0, |f| f.count);
        self.flags = count(award_forms::ids::FLAG_PROVINCE);
        self.certificates = count(award_forms::ids::MERIT_PROVINCE);
        self.award_forms = forms;
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            thresholds: Thresholds::default(),
            bonus_cap: Points::whole(5),
            excellent_cap_percent: None,
            flags: 1,
            certificates: 2,
            tie_blocks: vec!["II".into(), "I".into()],
            award_forms: award_forms::default_forms(),
            vote_share: VoteShare::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringTemplate {
    pub meta: Meta,
    pub cluster_id: Id,
    pub year: i32,
    pub name: String,
    pub blocks: Vec<Block>,
    pub criteria: Vec<Criterion>,
    pub settings: Settings,
}
crate::impl_record!(ScoringTemplate);

impl ScoringTemplate {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Sum of the base criteria's maxima (normally 100).
    pub fn base_total(&self) -> Points {
        self.criteria
            .iter()
            .filter(|c| c.kind.is_base())
            .map(|c| c.max)
            .sum()
    }

    pub fn block_max(&self, block: &str) -> Points {
        self.criteria
            .iter()
            .filter(|c| c.kind.is_base() && c.block == block)
            .map(|c| c.max)
            .sum()
    }
}

/// The live template of a cluster-year.
pub fn find_for<'a>(
    templates: &'a [ScoringTemplate],
    cluster_id: &str,
    year: i32,
) -> Option<&'a ScoringTemplate> {
    record::live(templates).find(|t| t.cluster_id == cluster_id && t.year == year)
}

/// Dùng lại bảng điểm: a copy for another cluster-year, with the same criterion ids so that a
/// year's scorecards can be compared with the last one's.
pub fn copy_template(
    from: &ScoringTemplate,
    new_id: Id,
    cluster_id: Id,
    year: i32,
    stamp: &Stamp,
) -> ScoringTemplate {
    ScoringTemplate {
        meta: Meta::new(new_id, stamp),
        cluster_id,
        year,
        ..from.clone()
    }
}

/// Where an issue is shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TemplateField {
    Name,
    Blocks,
    Criterion(String),
    Thresholds,
    BonusCap,
    ExcellentCap,
    TieBlocks,
    /// The award forms' counts and the vote share (checked by `award_forms`).
    AwardForms,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateIssue {
    NameRequired,
    /// Warning: the base criteria do not add up to 100 points.
    BaseTotalNot100 {
        total: Points,
    },
    BlockCodeRequired,
    DuplicateBlock {
        code: String,
    },
    CriterionIdRequired,
    DuplicateCriterion {
        id: String,
    },
    CriterionNameRequired {
        id: String,
    },
    UnknownBlock {
        id: String,
        block: String,
    },
    MaxMustBePositive {
        id: String,
    },
    PointsEachMustBePositive {
        id: String,
    },
    /// A count criterion's `per` of zero.
    PerMustBePositive {
        id: String,
    },
    /// Warning: a fixed target of zero gives every unit zero points for this criterion.
    ZeroFixedTarget {
        id: String,
    },
    /// Thresholds must be excellent > good > done.
    ThresholdsNotDescending,
    /// Warning: the HTXSNV threshold is above the best possible total.
    ExcellentUnreachable {
        excellent: Points,
        best: Points,
    },
    ExcellentCapAbove100 {
        percent: u8,
    },
    UnknownTieBlock {
        code: String,
    },
}

impl TemplateIssue {
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            TemplateIssue::BaseTotalNot100 { .. }
                | TemplateIssue::ZeroFixedTarget { .. }
                | TemplateIssue::ExcellentUnreachable { .. }
        )
    }

    pub fn field(&self) -> TemplateField {
        use TemplateIssue::*;
        match self {
            NameRequired => TemplateField::Name,
            BaseTotalNot100 { .. } | BlockCodeRequired | DuplicateBlock { .. } => TemplateField::Blocks,
            CriterionIdRequired => TemplateField::Criterion(String::new()),
            DuplicateCriterion { id }
            | CriterionNameRequired { id }
            | UnknownBlock { id, .. }
            | MaxMustBePositive { id }
            | PointsEachMustBePositive { id }
            | PerMustBePositive { id }
            | ZeroFixedTarget { id } => TemplateField::Criterion(id.clone()),
            ThresholdsNotDescending | ExcellentUnreachable { .. } => TemplateField::Thresholds,
            ExcellentCapAbove100 { .. } => TemplateField::ExcellentCap,
            UnknownTieBlock { .. } => TemplateField::TieBlocks,
        }
    }
}

/// Errors and warnings; the template may be saved when every issue [`is_warning`](TemplateIssue::is_warning).
pub fn validate(t: &ScoringTemplate) -> Vec<TemplateIssue> {
    let mut issues = Vec::new();
    if crate::domain::fold::is_blank(&t.name) {
        issues.push(TemplateIssue::NameRequired);
    }
    for (i, b) in t.blocks.iter().enumerate() {
        if crate::domain::fold::is_blank(&b.code) {
            issues.push(TemplateIssue::BlockCodeRequired);
        } else if t.blocks[..i].iter().any(|o| o.code == b.code) {
            issues.push(TemplateIssue::DuplicateBlock { code: b.code.clone() });
        }
    }
    for (i, c) in t.criteria.iter().enumerate() {
        let id = c.id.clone();
        if crate::domain::fold::is_blank(&c.id) {
            issues.push(TemplateIssue::CriterionIdRequired);
            continue;
        }
        if t.criteria[..i].iter().any(|o| o.id == c.id) {
            issues.push(TemplateIssue::DuplicateCriterion { id: id.clone() });
        }
        if crate::domain::fold::is_blank(&c.name) {
            issues.push(TemplateIssue::CriterionNameRequired { id: id.clone() });
        }
        if !t.blocks.iter().any(|b| b.code == c.block) {
            issues.push(TemplateIssue::UnknownBlock {
                id: id.clone(),
                block: c.block.clone(),
            });
        }
        if c.kind != CriterionKind::Veto && c.max == Points::ZERO {
            issues.push(TemplateIssue::MaxMustBePositive { id: id.clone() });
        }
        match &c.kind {
            CriterionKind::Count { points_each, per, .. } => {
                if *points_each == Points::ZERO {
                    issues.push(TemplateIssue::PointsEachMustBePositive { id: id.clone() });
                }
                if *per == 0 {
                    issues.push(TemplateIssue::PerMustBePositive { id });
                }
            }
            CriterionKind::Target {
                target: TargetSource::Fixed(0),
                ..
            } => issues.push(TemplateIssue::ZeroFixedTarget { id }),
            _ => {}
        }
    }
    let total = t.base_total();
    if total != Points::whole(100) {
        issues.push(TemplateIssue::BaseTotalNot100 { total });
    }
    let th = t.settings.thresholds;
    if !(th.excellent > th.good && th.good > th.done) {
        issues.push(TemplateIssue::ThresholdsNotDescending);
    }
    let best = total + t.settings.bonus_cap;
    if th.excellent > best {
        issues.push(TemplateIssue::ExcellentUnreachable {
            excellent: th.excellent,
            best,
        });
    }
    if let Some(percent) = t.settings.excellent_cap_percent {
        if percent > 100 {
            issues.push(TemplateIssue::ExcellentCapAbove100 { percent });
        }
    }
    for code in &t.settings.tie_blocks {
        if !t.blocks.iter().any(|b| &b.code == code) {
            issues.push(TemplateIssue::UnknownTieBlock { code: code.clone() });
        }
    }
    issues
}

/// Only the issues that stop saving.
pub fn errors(t: &ScoringTemplate) -> Vec<TemplateIssue> {
    validate(t).into_iter().filter(|i| !i.is_warning()).collect()
}

/// A cluster-year has one scoring table: a second would split its cards' scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableExists;

/// Adds a new table (the default, or last year's copied) to its cluster-year.
pub fn add(templates: &mut Vec<ScoringTemplate>, table: ScoringTemplate) -> Result<(), TableExists> {
    if find_for(templates, &table.cluster_id, table.year).is_some() {
        return Err(TableExists);
    }
    templates.push(table);
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplaceError {
    /// The edited table has issues that stop saving (warnings are not among them).
    Invalid(Vec<TemplateIssue>),
    /// The table no longer exists (deleted in another tab).
    NotFound,
}

/// Saves an edited table over the stored one, keeping its identity (id, cluster-year, edit
/// history). Returns the warnings, which do not stop saving.
pub fn replace(
    templates: &mut [ScoringTemplate],
    id: &str,
    edited: ScoringTemplate,
    stamp: &Stamp,
) -> Result<Vec<TemplateIssue>, ReplaceError> {
    let issues = validate(&edited);
    if issues.iter().any(|i| !i.is_warning()) {
        return Err(ReplaceError::Invalid(issues));
    }
    let slot = record::find_mut(templates, id).ok_or(ReplaceError::NotFound)?;
    let (meta, cluster_id, year) = (slot.meta.clone(), slot.cluster_id.clone(), slot.year);
    *slot = ScoringTemplate {
        meta,
        cluster_id,
        year,
        ..edited
    };
    slot.meta.touch(stamp);
    Ok(issues.into_iter().filter(TemplateIssue::is_warning).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::default_template::default_template;
    use chrono::DateTime;

    fn stamp() -> Stamp {
        Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    #[test]
    fn a_cluster_year_has_one_table() {
        let mut list = Vec::new();
        add(
            &mut list,
            default_template("t1".into(), "k".into(), 2023, &stamp()),
        )
        .unwrap();
        assert_eq!(
            add(
                &mut list,
                default_template("t2".into(), "k".into(), 2023, &stamp())
            ),
            Err(TableExists)
        );
        let copy = copy_template(&list[0], "t3".into(), "k".into(), 2024, &stamp());
        add(&mut list, copy).unwrap();
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn replacing_keeps_the_tables_identity_and_refuses_errors() {
        let mut list = vec![default_template("t1".into(), "k".into(), 2023, &stamp())];
        let mut edited = list[0].clone();
        edited.meta = Meta::new("other".into(), &stamp());
        edited.year = 1999;
        edited.name = "Bảng điểm 2023 (sửa)".into();
        replace(&mut list, "t1", edited.clone(), &stamp()).unwrap();
        assert_eq!((list[0].meta.id.as_str(), list[0].year), ("t1", 2023));
        assert_eq!(list[0].name, "Bảng điểm 2023 (sửa)");
        assert_eq!(list[0].meta.edits.get("o"), Some(&2));
        let mut broken = edited;
        broken.criteria[0].max = Points::ZERO;
        broken.criteria[1].id = broken.criteria[0].id.clone();
        let before = list.clone();
        assert!(matches!(
            replace(&mut list, "t1", broken, &stamp()),
            Err(ReplaceError::Invalid(_))
        ));
        assert_eq!(list, before);
        assert_eq!(
            replace(&mut list, "gone", before[0].clone(), &stamp()),
            Err(ReplaceError::NotFound)
        );
    }
}
