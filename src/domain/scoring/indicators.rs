//! Chỉ tiêu: the numbers a unit reports for a year (domain guide §2). Every figure is an
//! `Option<u64>`: a figure not reported (`None`) is not the same as a reported zero, and
//! counts cannot be negative by construction.

use crate::domain::record::{self, Id, Meta, Stamp};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One unit's reported figures for one year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figures {
    /// Số Công đoàn cơ sở (CĐCS) đang quản lý
    pub grassroots_unions: Option<u64>,
    /// Số đoàn viên
    pub members: Option<u64>,
    /// Kết nạp đoàn viên mới
    pub new_members: Option<u64>,
    /// Chỉ tiêu kết nạp đoàn viên được giao
    pub new_members_target: Option<u64>,
    /// Thành lập CĐCS mới
    pub new_grassroots: Option<u64>,
    /// Chỉ tiêu thành lập CĐCS được giao
    pub new_grassroots_target: Option<u64>,
    /// Sáng kiến cải tiến cấp cơ sở
    pub improvements_base: Option<u64>,
    /// Sáng kiến cải tiến cấp trên cơ sở
    pub improvements_upper: Option<u64>,
    /// Sáng kiến kinh nghiệm cấp cơ sở
    pub experience_base: Option<u64>,
    /// Sáng kiến kinh nghiệm cấp huyện
    pub experience_district: Option<u64>,
    /// Sáng kiến kinh nghiệm cấp thành phố
    pub experience_city: Option<u64>,
    /// Công nhân giỏi cấp cơ sở
    pub good_workers_base: Option<u64>,
    /// Công nhân giỏi cấp huyện
    pub good_workers_district: Option<u64>,
    /// Công nhân giỏi Thủ đô
    pub good_workers_capital: Option<u64>,
    /// Lao động giỏi – Lao động sáng tạo
    pub good_creative_workers: Option<u64>,
    /// Người tốt, việc tốt cấp thị xã
    pub good_deeds_town: Option<u64>,
    /// Người tốt, việc tốt cấp thành phố
    pub good_deeds_city: Option<u64>,
    /// Giám sát: số cuộc tham gia
    pub supervision_joined: Option<u64>,
    /// Giám sát: số cuộc chủ trì
    pub supervision_chaired: Option<u64>,
    /// Tuyên truyền: số buổi
    pub propaganda_sessions: Option<u64>,
    /// Tuyên truyền: số lượt người tham dự
    pub propaganda_attendances: Option<u64>,
    /// Đoàn viên được khám sức khỏe định kỳ
    pub health_checks: Option<u64>,
    /// Suất quà (Tết sum vầy, Tháng công nhân…)
    pub gifts: Option<u64>,
    /// Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp
    pub party_nominations: Option<u64>,
}

/// A figure the office defines itself (chỉ tiêu riêng), e.g. "Mái ấm Công đoàn".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraIndicator {
    /// Stable key that template criteria link to.
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub value: Option<u64>,
}

/// The record: one unit, one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitIndicators {
    pub meta: Meta,
    pub unit_id: Id,
    pub year: i32,
    #[serde(default)]
    pub figures: Figures,
    #[serde(default)]
    pub extra: Vec<ExtraIndicator>,
}
crate::impl_record!(UnitIndicators);

impl UnitIndicators {
    /// An empty report (nothing reported yet).
    pub fn new(id: Id, unit_id: Id, year: i32, stamp: &Stamp) -> Self {
        Self {
            meta: Meta::new(id, stamp),
            unit_id,
            year,
            figures: Figures::default(),
            extra: Vec::new(),
        }
    }

    pub fn get(&self, key: &IndicatorKey) -> Option<u64> {
        key.read(self)
    }
}

/// The live report of `unit_id` for `year`.
pub fn find_for<'a>(all: &'a [UnitIndicators], unit_id: &str, year: i32) -> Option<&'a UnitIndicators> {
    record::live(all).find(|r| r.unit_id == unit_id && r.year == year)
}

macro_rules! indicator_keys {
    ($($variant:ident => $field:ident),* $(,)?) => {
        /// Every built-in indicator, so that template criteria can link to one, plus the
        /// office's own indicators by key.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum IndicatorKey {
            $($variant,)*
            /// An [`ExtraIndicator`] by its key.
            Custom(String),
        }

        impl IndicatorKey {
            /// The built-in keys, in the order of the report form.
            pub const BUILT_IN: &'static [IndicatorKey] = &[$(IndicatorKey::$variant,)*];

            /// The value in a report; `None` when not reported.
            pub fn read(&self, report: &UnitIndicators) -> Option<u64> {
                match self {
                    $(IndicatorKey::$variant => report.figures.$field,)*
                    IndicatorKey::Custom(key) => {
                        report.extra.iter().find(|e| &e.key == key).and_then(|e| e.value)
                    }
                }
            }

            /// Writes the value (used by forms and the sample data). For a custom key that the
            /// report does not have yet, adds it with the key as its name.
            pub fn write(&self, report: &mut UnitIndicators, value: Option<u64>) {
                match self {
                    $(IndicatorKey::$variant => report.figures.$field = value,)*
                    IndicatorKey::Custom(key) => {
                        match report.extra.iter_mut().find(|e| &e.key == key) {
                            Some(e) => e.value = value,
                            None => report.extra.push(ExtraIndicator {
                                key: key.clone(),
                                name: key.clone(),
                                value,
                            }),
                        }
                    }
                }
            }
        }
    };
}

indicator_keys! {
    GrassrootsUnions => grassroots_unions,
    Members => members,
    NewMembers => new_members,
    NewMembersTarget => new_members_target,
    NewGrassroots => new_grassroots,
    NewGrassrootsTarget => new_grassroots_target,
    ImprovementsBase => improvements_base,
    ImprovementsUpper => improvements_upper,
    ExperienceBase => experience_base,
    ExperienceDistrict => experience_district,
    ExperienceCity => experience_city,
    GoodWorkersBase => good_workers_base,
    GoodWorkersDistrict => good_workers_district,
    GoodWorkersCapital => good_workers_capital,
    GoodCreativeWorkers => good_creative_workers,
    GoodDeedsTown => good_deeds_town,
    GoodDeedsCity => good_deeds_city,
    SupervisionJoined => supervision_joined,
    SupervisionChaired => supervision_chaired,
    PropagandaSessions => propaganda_sessions,
    PropagandaAttendances => propaganda_attendances,
    HealthChecks => health_checks,
    Gifts => gifts,
    PartyNominations => party_nominations,
}

/// Actual against target (tỷ lệ đạt so với chỉ tiêu), kept as the two whole numbers so that
/// comparisons are exact. Only made when the target is above zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    pub actual: u64,
    pub target: u64,
}

/// A figure measured against its target (tỷ lệ đạt chỉ tiêu): the pairs of a report that make
/// a rate, for the indicators form, the cluster's table and its spreadsheet alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetRate {
    /// Phát triển đoàn viên: members admitted against their target.
    NewMembers,
    /// Thành lập CĐCS: grassroots unions founded against their target.
    NewGrassroots,
}

impl TargetRate {
    pub const ALL: [TargetRate; 2] = [TargetRate::NewMembers, TargetRate::NewGrassroots];

    /// The figure achieved.
    pub fn actual(self) -> IndicatorKey {
        match self {
            TargetRate::NewMembers => IndicatorKey::NewMembers,
            TargetRate::NewGrassroots => IndicatorKey::NewGrassroots,
        }
    }

    /// The target it is measured against.
    pub fn target(self) -> IndicatorKey {
        match self {
            TargetRate::NewMembers => IndicatorKey::NewMembersTarget,
            TargetRate::NewGrassroots => IndicatorKey::NewGrassrootsTarget,
        }
    }

    /// The rate in `report`; `None` as [`rate`] says.
    pub fn of(self, report: &UnitIndicators) -> Option<Rate> {
        rate(report.get(&self.actual()), report.get(&self.target()))
    }
}

/// `None` when either figure is missing or the target is zero (no rate can be stated).
pub fn rate(actual: Option<u64>, target: Option<u64>) -> Option<Rate> {
    match (actual, target) {
        (Some(actual), Some(target)) if target > 0 => Some(Rate { actual, target }),
        _ => None,
    }
}

impl Rate {
    /// As a percentage, for display: `format::percent(r.percent())` gives "192,7%".
    pub fn percent(self) -> f64 {
        self.actual as f64 / self.target as f64 * 100.0
    }

    /// Percentage in tenths, rounded half up: 1927 for 192,7%.
    pub fn percent_tenths(self) -> u64 {
        let num = u128::from(self.actual) * 1000;
        let den = u128::from(self.target);
        u64::try_from((num * 2 + den) / (den * 2)).unwrap_or(u64::MAX)
    }

    pub fn reached(self) -> bool {
        self.actual >= self.target
    }

    /// Exact comparison by cross-multiplication.
    pub fn cmp_rate(self, other: Rate) -> Ordering {
        (u128::from(self.actual) * u128::from(other.target))
            .cmp(&(u128::from(other.actual) * u128::from(self.target)))
    }
}

/// What is wrong with a report, and the field it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndicatorIssue {
    /// Kết nạp mới nhiều hơn tổng số đoàn viên.
    NewMembersExceedMembers,
    /// Thành lập mới nhiều hơn tổng số CĐCS.
    NewGrassrootsExceedGrassroots,
    /// A target of zero: no rate can be computed (a warning, not an error).
    ZeroTarget {
        key: IndicatorKey,
    },
    /// An office's own indicator needs a name (its key is made from it).
    ExtraNameRequired {
        key: String,
    },
    ExtraKeyRequired,
    DuplicateExtraKey {
        key: String,
    },
}

impl IndicatorIssue {
    /// The field to show the message next to.
    pub fn field(&self) -> IndicatorKey {
        match self {
            IndicatorIssue::NewMembersExceedMembers => IndicatorKey::NewMembers,
            IndicatorIssue::NewGrassrootsExceedGrassroots => IndicatorKey::NewGrassroots,
            IndicatorIssue::ZeroTarget { key } => key.clone(),
            IndicatorIssue::ExtraNameRequired { key } => IndicatorKey::Custom(key.clone()),
            IndicatorIssue::ExtraKeyRequired => IndicatorKey::Custom(String::new()),
            IndicatorIssue::DuplicateExtraKey { key } => IndicatorKey::Custom(key.clone()),
        }
    }

    /// Warnings may be saved; errors may not.
    pub fn is_warning(&self) -> bool {
        matches!(self, IndicatorIssue::ZeroTarget { .. })
    }
}

/// What the indicators form submits for one unit-year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorsDraft {
    /// Built-in figures as typed; `None` is "not reported".
    pub figures: Vec<(IndicatorKey, Option<u64>)>,
    /// The office's own; a new one without a key gets one made from its name, so template
    /// criteria can link to it and renaming it later keeps the link.
    pub extra: Vec<ExtraIndicator>,
}

/// Lưu chỉ tiêu: creates or replaces the unit's report for the year. Refused with its errors
/// (nothing changes); saved with its warnings (a target of zero).
pub fn save(
    reports: &mut Vec<UnitIndicators>,
    new_id: Id,
    unit_id: &str,
    year: i32,
    draft: IndicatorsDraft,
    stamp: &Stamp,
) -> Result<Vec<IndicatorIssue>, Vec<IndicatorIssue>> {
    let existing = find_for(reports, unit_id, year).map(|r| r.meta.id.clone());
    let mut report = match &existing {
        Some(id) => record::find(reports, id).cloned().expect("found above"),
        None => UnitIndicators::new(new_id, unit_id.to_string(), year, stamp),
    };
    for (key, value) in draft.figures {
        key.write(&mut report, value);
    }
    report.extra = draft
        .extra
        .into_iter()
        .map(|mut e| {
            e.name = e.name.trim().to_string();
            if crate::domain::fold::is_blank(&e.key) {
                e.key = crate::domain::fold::slug(&e.name);
            }
            e
        })
        .collect();
    let issues = validate(&report);
    if issues.iter().any(|i| !i.is_warning()) {
        return Err(issues);
    }
    match existing {
        Some(id) => {
            report.meta.touch(stamp);
            if let Some(slot) = record::find_mut(reports, &id) {
                *slot = report;
            }
        }
        None => reports.push(report),
    }
    Ok(issues)
}

/// The office's own indicators in use among `reports` (key and latest name), so template
/// criteria can be linked to them.
pub fn custom_keys<'a>(reports: impl IntoIterator<Item = &'a UnitIndicators>) -> Vec<(String, String)> {
    let mut keys = std::collections::BTreeMap::new();
    for r in reports.into_iter().filter(|r| !r.meta.deleted) {
        for e in &r.extra {
            keys.insert(e.key.clone(), e.name.clone());
        }
    }
    keys.into_iter().collect()
}

pub fn validate(report: &UnitIndicators) -> Vec<IndicatorIssue> {
    let f = &report.figures;
    let mut issues = Vec::new();
    if let (Some(new), Some(all)) = (f.new_members, f.members) {
        if new > all {
            issues.push(IndicatorIssue::NewMembersExceedMembers);
        }
    }
    if let (Some(new), Some(all)) = (f.new_grassroots, f.grassroots_unions) {
        if new > all {
            issues.push(IndicatorIssue::NewGrassrootsExceedGrassroots);
        }
    }
    for key in TargetRate::ALL.iter().map(|r| r.target()) {
        if key.read(report) == Some(0) {
            issues.push(IndicatorIssue::ZeroTarget { key });
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for e in &report.extra {
        let key = e.key.trim();
        if crate::domain::fold::is_blank(&e.name) {
            issues.push(IndicatorIssue::ExtraNameRequired { key: key.to_string() });
        } else if key.is_empty() {
            issues.push(IndicatorIssue::ExtraKeyRequired);
        } else if !seen.insert(key) {
            issues.push(IndicatorIssue::DuplicateExtraKey { key: key.to_string() });
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn report() -> UnitIndicators {
        let stamp = Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        UnitIndicators::new("i1".into(), "u1".into(), 2023, &stamp)
    }

    #[test]
    fn saving_creates_then_replaces_the_unit_years_report_and_refuses_errors() {
        let stamp = Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        let mut reports = Vec::new();
        let draft = IndicatorsDraft {
            figures: vec![
                (IndicatorKey::Members, Some(7_500)),
                (IndicatorKey::NewMembersTarget, Some(0)),
            ],
            extra: vec![ExtraIndicator {
                key: String::new(),
                name: " Mái ấm Công đoàn ".into(),
                value: Some(3),
            }],
        };
        let warnings = save(&mut reports, "r1".into(), "u1", 2023, draft, &stamp).unwrap();
        assert_eq!(
            warnings,
            vec![IndicatorIssue::ZeroTarget {
                key: IndicatorKey::NewMembersTarget
            }]
        );
        assert_eq!(reports[0].extra[0].key, "mai-am-cong-doan");
        assert_eq!(reports[0].extra[0].name, "Mái ấm Công đoàn");
        // Another unit of the same year is a record of its own; the same unit-year is replaced.
        let other = IndicatorsDraft {
            figures: vec![(IndicatorKey::Members, Some(1))],
            extra: Vec::new(),
        };
        save(&mut reports, "r2".into(), "u2", 2023, other.clone(), &stamp).unwrap();
        save(&mut reports, "r3".into(), "u1", 2023, other, &stamp).unwrap();
        assert_eq!(reports.len(), 2);
        assert_eq!(
            (
                reports[0].meta.id.as_str(),
                reports[0].get(&IndicatorKey::Members)
            ),
            ("r1", Some(1))
        );
        // New members above all members: refused, nothing changes.
        let before = reports.clone();
        let bad = IndicatorsDraft {
            figures: vec![(IndicatorKey::NewMembers, Some(5))],
            extra: Vec::new(),
        };
        assert_eq!(
            save(&mut reports, "r4".into(), "u1", 2023, bad, &stamp),
            Err(vec![
                IndicatorIssue::NewMembersExceedMembers,
                IndicatorIssue::ZeroTarget {
                    key: IndicatorKey::NewMembersTarget
                }
            ])
        );
        assert_eq!(reports, before);
    }

    #[test]
    fn custom_keys_are_listed_once_across_reports() {
        let mut a = report();
        IndicatorKey::Custom("mai-am".into()).write(&mut a, Some(3));
        let mut b = report();
        IndicatorKey::Custom("mai-am".into()).write(&mut b, Some(1));
        IndicatorKey::Custom("vay-von".into()).write(&mut b, None);
        let keys: Vec<String> = custom_keys([&a, &b]).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec!["mai-am".to_string(), "vay-von".to_string()]);
    }

    #[test]
    fn missing_is_not_zero() {
        let mut r = report();
        assert_eq!(r.get(&IndicatorKey::HealthChecks), None);
        IndicatorKey::HealthChecks.write(&mut r, Some(0));
        assert_eq!(r.get(&IndicatorKey::HealthChecks), Some(0));
    }

    #[test]
    fn every_built_in_key_reads_what_it_writes() {
        let mut r = report();
        for (n, key) in IndicatorKey::BUILT_IN.iter().enumerate() {
            key.write(&mut r, Some(n as u64 + 1));
        }
        for (n, key) in IndicatorKey::BUILT_IN.iter().enumerate() {
            assert_eq!(key.read(&r), Some(n as u64 + 1), "{key:?}");
        }
    }

    #[test]
    fn custom_indicators_are_read_by_key() {
        let mut r = report();
        let key = IndicatorKey::Custom("mai-am".into());
        key.write(&mut r, Some(3));
        assert_eq!(r.get(&key), Some(3));
        assert_eq!(r.get(&IndicatorKey::Custom("other".into())), None);
    }

    #[test]
    fn new_members_and_new_grassroots_are_the_figures_rated_against_their_targets() {
        use IndicatorKey as K;
        let pairs: Vec<(K, K)> = TargetRate::ALL.map(|t| (t.actual(), t.target())).into();
        assert_eq!(
            pairs,
            vec![
                (K::NewMembers, K::NewMembersTarget),
                (K::NewGrassroots, K::NewGrassrootsTarget)
            ]
        );
        let mut r = report();
        K::NewMembers.write(&mut r, Some(1_927));
        K::NewMembersTarget.write(&mut r, Some(1_000));
        K::NewGrassroots.write(&mut r, Some(4));
        K::NewGrassrootsTarget.write(&mut r, Some(0));
        assert_eq!(
            TargetRate::NewMembers.of(&r).map(Rate::percent_tenths),
            Some(1_927)
        );
        assert_eq!(
            TargetRate::NewGrassroots.of(&r),
            None,
            "a zero target states no rate"
        );
        assert!(validate(&r).contains(&IndicatorIssue::ZeroTarget {
            key: K::NewGrassrootsTarget
        }));
    }

    #[test]
    fn rate_needs_a_target_above_zero() {
        assert_eq!(rate(Some(5), Some(0)), None);
        assert_eq!(rate(Some(5), None), None);
        assert_eq!(rate(None, Some(5)), None);
        let r = rate(Some(1927), Some(1000)).unwrap();
        assert_eq!(r.percent_tenths(), 1927);
        assert_eq!(crate::domain::format::percent(r.percent()), "192,7%");
        assert_eq!(rate(Some(10), Some(3)).unwrap().percent_tenths(), 3333);
    }

    #[test]
    fn rates_compare_exactly() {
        let a = Rate { actual: 1, target: 3 };
        let b = Rate { actual: 2, target: 6 };
        assert_eq!(a.cmp_rate(b), Ordering::Equal);
        assert_eq!(Rate { actual: 4, target: 3 }.cmp_rate(b), Ordering::Greater);
    }

    #[test]
    fn validation_flags_impossible_figures_and_zero_targets() {
        let mut r = report();
        r.figures.members = Some(10);
        r.figures.new_members = Some(11);
        r.figures.new_members_target = Some(0);
        r.extra.push(ExtraIndicator {
            key: "x".into(),
            name: "X".into(),
            value: None,
        });
        r.extra.push(ExtraIndicator {
            key: "x".into(),
            name: "X2".into(),
            value: None,
        });
        let issues = validate(&r);
        assert!(issues.contains(&IndicatorIssue::NewMembersExceedMembers));
        assert!(issues.iter().any(|i| i.is_warning()));
        assert!(issues.contains(&IndicatorIssue::DuplicateExtraKey { key: "x".into() }));
        // A renamed-to-nothing indicator keeps its key but is refused for want of a name.
        let mut unnamed = report();
        unnamed.extra.push(ExtraIndicator {
            key: "mai-am".into(),
            name: " ".into(),
            value: Some(1),
        });
        assert_eq!(
            validate(&unnamed),
            vec![IndicatorIssue::ExtraNameRequired { key: "mai-am".into() }]
        );
        assert_eq!(issues[0].field(), IndicatorKey::NewMembers);
    }
}
