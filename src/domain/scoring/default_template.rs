//! Bảng điểm mẫu: a starting table following domain guide §1: three blocks per HD 1294/HD-TLĐ,
//! base criteria worth exactly 100 points, capped bonus, penalties and the three vetoes.
//! Offices edit it freely; nothing else depends on these particular criteria.

use super::indicators::IndicatorKey as K;
use super::points::Points;
use super::template::{
    Block, Criterion, CriterionKind, ScoringTemplate, Settings, TargetFormula, TargetSource,
};
use crate::domain::record::{Id, Meta, Stamp};

/// Criterion ids of the default table that other code (the sample data, tests) refers to.
pub mod ids {
    pub const CARE: &str = "I.1";
    pub const HEALTH: &str = "I.2";
    pub const SUPERVISION: &str = "I.3";
    pub const DEMOCRACY: &str = "I.4";
    pub const POLICY: &str = "I.5";
    pub const NEW_MEMBERS: &str = "II.1";
    pub const NEW_GRASSROOTS: &str = "II.2";
    pub const STRONG_GRASSROOTS: &str = "II.3";
    pub const REPORTS_ON_TIME: &str = "II.4";
    pub const PROPAGANDA: &str = "III.1";
    pub const INITIATIVES: &str = "III.2";
    pub const MOVEMENTS: &str = "III.3";
    pub const CLUSTER_WORK: &str = "III.4";
    pub const BONUS: &str = "T.1";
    pub const PENALTY: &str = "TR.1";
    pub const VETO_STRIKE: &str = "L.1";
    pub const VETO_ACCIDENT: &str = "L.2";
    pub const VETO_DISCIPLINE: &str = "L.3";
}

fn crit(id: &str, name: &str, block: &str, max: u32, kind: CriterionKind) -> Criterion {
    Criterion {
        id: id.into(),
        code: id.into(),
        name: name.into(),
        block: block.into(),
        max: Points::whole(max),
        kind,
    }
}

fn target(indicator: K, target: K) -> CriterionKind {
    CriterionKind::Target {
        indicator,
        target: TargetSource::Indicator(target),
        formula: TargetFormula::Relative,
    }
}

fn count(indicator: K, points_each: Points, per: u64) -> CriterionKind {
    CriterionKind::Count {
        indicator,
        points_each,
        per,
    }
}

/// The default table for a cluster-year: I 35 + II 40 + III 25 = 100 points, bonus up to 5,
/// penalties up to 10, three vetoes; thresholds 90/75/50, one Cờ thi đua and two Bằng khen.
pub fn default_template(id: Id, cluster_id: Id, year: i32, stamp: &Stamp) -> ScoringTemplate {
    use ids::*;
    use CriterionKind::{Bonus, Manual, Penalty, Veto, YesNo};
    let criteria = vec![
        crit(
            CARE,
            "Chăm lo đời sống, đại diện, bảo vệ quyền lợi hợp pháp của đoàn viên, NLĐ",
            "I",
            10,
            Manual,
        ),
        crit(
            HEALTH,
            "Tổ chức khám sức khỏe định kỳ cho đoàn viên (1 điểm / 50 người)",
            "I",
            5,
            count(K::HealthChecks, Points::whole(1), 50),
        ),
        crit(
            SUPERVISION,
            "Chủ trì giám sát (1 điểm / cuộc)",
            "I",
            5,
            count(K::SupervisionChaired, Points::whole(1), 1),
        ),
        crit(
            DEMOCRACY,
            "Thực hiện QCDC, Hội nghị CBCCVC, Hội nghị NLĐ, đối thoại",
            "I",
            10,
            Manual,
        ),
        crit(
            POLICY,
            "Tham gia xây dựng chính sách, pháp luật; phối hợp với chính quyền",
            "I",
            5,
            Manual,
        ),
        crit(
            NEW_MEMBERS,
            "Phát triển đoàn viên so với chỉ tiêu",
            "II",
            15,
            target(K::NewMembers, K::NewMembersTarget),
        ),
        crit(
            NEW_GRASSROOTS,
            "Thành lập CĐCS so với chỉ tiêu",
            "II",
            10,
            target(K::NewGrassroots, K::NewGrassrootsTarget),
        ),
        crit(
            STRONG_GRASSROOTS,
            "Xây dựng CĐCS vững mạnh; kiểm tra, tài chính Công đoàn",
            "II",
            10,
            Manual,
        ),
        crit(REPORTS_ON_TIME, "Báo cáo đầy đủ, đúng hạn", "II", 5, YesNo),
        crit(
            PROPAGANDA,
            "Tuyên truyền, giáo dục (0,5 điểm / buổi)",
            "III",
            5,
            count(K::PropagandaSessions, Points(5), 1),
        ),
        crit(
            INITIATIVES,
            "Sáng kiến cải tiến cấp trên cơ sở (0,5 điểm / sáng kiến)",
            "III",
            5,
            count(K::ImprovementsUpper, Points(5), 1),
        ),
        crit(
            MOVEMENTS,
            "Phong trào thi đua, nữ công, văn hóa – thể thao",
            "III",
            10,
            Manual,
        ),
        crit(
            CLUSTER_WORK,
            "Tham gia hoạt động của Cụm thi đua",
            "III",
            5,
            Manual,
        ),
        crit(
            BONUS,
            "Điểm thưởng: mô hình mới, cách làm hay được cấp trên ghi nhận",
            "III",
            5,
            Bonus,
        ),
        crit(
            PENALTY,
            "Điểm trừ: báo cáo chậm, sai số liệu, không tham gia hoạt động Cụm",
            "III",
            10,
            Penalty,
        ),
        crit(
            VETO_STRIKE,
            "Để xảy ra đình công, ngừng việc tập thể trái pháp luật",
            "III",
            0,
            Veto,
        ),
        crit(
            VETO_ACCIDENT,
            "Để xảy ra tai nạn lao động chết người do lỗi chủ quan",
            "III",
            0,
            Veto,
        ),
        crit(
            VETO_DISCIPLINE,
            "Cán bộ chủ chốt bị kỷ luật từ hình thức cảnh cáo trở lên",
            "III",
            0,
            Veto,
        ),
    ];
    ScoringTemplate {
        meta: Meta::new(id, stamp),
        cluster_id,
        year,
        name: format!("Bảng điểm thi đua năm {year}"),
        blocks: vec![
            Block {
                code: "I".into(),
                title: "Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, NLĐ; tham gia quản lý, giám sát".into(),
            },
            Block { code: "II".into(), title: "Xây dựng tổ chức Công đoàn vững mạnh".into() },
            Block { code: "III".into(), title: "Tuyên truyền, thi đua và các nhiệm vụ khác".into() },
        ],
        criteria,
        settings: Settings::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::template::{copy_template, errors, validate, TemplateIssue};
    use chrono::DateTime;

    fn stamp() -> Stamp {
        Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    #[test]
    fn default_template_is_valid_and_worth_100_points() {
        let t = default_template("t".into(), "k".into(), 2023, &stamp());
        assert_eq!(validate(&t), vec![]);
        assert_eq!(t.base_total(), Points::whole(100));
        assert_eq!(t.blocks.len(), 3);
        assert_eq!(
            t.block_max("I") + t.block_max("II") + t.block_max("III"),
            Points::whole(100)
        );
        assert_eq!(
            t.criteria
                .iter()
                .filter(|c| c.kind == CriterionKind::Veto)
                .count(),
            3
        );
        assert_eq!(t.settings.flags, 1);
        assert_eq!(t.settings.certificates, 2);
    }

    #[test]
    fn template_validation_reports_errors_and_warnings() {
        let mut t = default_template("t".into(), "k".into(), 2023, &stamp());
        t.criteria[0].max = Points::ZERO;
        t.criteria[1].block = "IV".into();
        t.settings.thresholds.good = Points::whole(95);
        t.settings.excellent_cap_percent = Some(120);
        let issues = validate(&t);
        assert!(issues.contains(&TemplateIssue::BaseTotalNot100 {
            total: Points::whole(90)
        }));
        assert!(issues.contains(&TemplateIssue::MaxMustBePositive { id: ids::CARE.into() }));
        assert!(issues.contains(&TemplateIssue::UnknownBlock {
            id: ids::HEALTH.into(),
            block: "IV".into()
        }));
        assert!(issues.contains(&TemplateIssue::ThresholdsNotDescending));
        assert!(issues.contains(&TemplateIssue::ExcellentCapAbove100 { percent: 120 }));
        let errs = errors(&t);
        assert!(errs.iter().all(|i| !i.is_warning()));
        assert_eq!(
            errs.len(),
            issues.len() - 1,
            "only the 100-point total is a warning"
        );
    }

    #[test]
    fn duplicate_criterion_ids_are_refused() {
        let mut t = default_template("t".into(), "k".into(), 2023, &stamp());
        let dup = t.criteria[0].clone();
        t.criteria.push(dup);
        assert!(errors(&t).contains(&TemplateIssue::DuplicateCriterion { id: ids::CARE.into() }));
    }

    #[test]
    fn copying_a_template_keeps_criteria_and_changes_cluster_year() {
        let t = default_template("t".into(), "k".into(), 2023, &stamp());
        let c = copy_template(&t, "t2".into(), "k2".into(), 2024, &stamp());
        assert_eq!(c.meta.id, "t2");
        assert_eq!((c.cluster_id.as_str(), c.year), ("k2", 2024));
        assert_eq!(c.criteria, t.criteria);
        assert_eq!(c.settings, t.settings);
    }
}
