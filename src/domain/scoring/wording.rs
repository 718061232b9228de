//! Vietnamese wording of scoring: indicators, criterion kinds, tiers, statuses and every error
//! or explanation the scoring domain returns, shared by the scoring pages and the reports.

use crate::domain::scoring::cluster::ClusterError;
use crate::domain::scoring::compute::Gap;
use crate::domain::scoring::indicators::{IndicatorIssue, IndicatorKey, TargetRate};
use crate::domain::scoring::points::PointsError;
use crate::domain::scoring::ranking::{Demotion, TieBreak, Tier};
use crate::domain::scoring::scorecard::{Action, CardStatus, ScorecardError};
use crate::domain::scoring::template::{CriterionKind, TargetFormula, TemplateIssue};

/// A rate against target as the indicators form names it ("Phát triển đoàn viên").
pub fn target_rate(rate: TargetRate) -> &'static str {
    match rate {
        TargetRate::NewMembers => "Phát triển đoàn viên",
        TargetRate::NewGrassroots => "Thành lập CĐCS",
    }
}

pub fn indicator(key: &IndicatorKey) -> String {
    use IndicatorKey::*;
    match key {
        GrassrootsUnions => "Số CĐCS đang quản lý",
        Members => "Số đoàn viên",
        NewMembers => "Kết nạp đoàn viên mới",
        NewMembersTarget => "Chỉ tiêu kết nạp đoàn viên",
        NewGrassroots => "Thành lập CĐCS mới",
        NewGrassrootsTarget => "Chỉ tiêu thành lập CĐCS",
        ImprovementsBase => "Sáng kiến cải tiến cấp cơ sở",
        ImprovementsUpper => "Sáng kiến cải tiến cấp trên cơ sở",
        ExperienceBase => "Sáng kiến kinh nghiệm cấp cơ sở",
        ExperienceDistrict => "Sáng kiến kinh nghiệm cấp huyện",
        ExperienceCity => "Sáng kiến kinh nghiệm cấp thành phố",
        GoodWorkersBase => "Công nhân giỏi cấp cơ sở",
        GoodWorkersDistrict => "Công nhân giỏi cấp huyện",
        GoodWorkersCapital => "Công nhân giỏi Thủ đô",
        GoodCreativeWorkers => "Lao động giỏi – Lao động sáng tạo",
        GoodDeedsTown => "Người tốt, việc tốt cấp thị xã",
        GoodDeedsCity => "Người tốt, việc tốt cấp thành phố",
        SupervisionJoined => "Giám sát: số cuộc tham gia",
        SupervisionChaired => "Giám sát: số cuộc chủ trì",
        PropagandaSessions => "Tuyên truyền: số buổi",
        PropagandaAttendances => "Tuyên truyền: số lượt người",
        HealthChecks => "Đoàn viên được khám sức khỏe",
        Gifts => "Suất quà trao tặng",
        PartyNominations => "Giới thiệu đoàn viên ưu tú cho Đảng",
        Custom(key) => return format!("Chỉ tiêu riêng \"{key}\""),
    }
    .to_string()
}

pub fn tier(t: Tier) -> &'static str {
    match t {
        Tier::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Tier::Good => "Hoàn thành tốt nhiệm vụ",
        Tier::Done => "Hoàn thành nhiệm vụ",
        Tier::NotDone => "Không hoàn thành nhiệm vụ",
    }
}

pub fn status(s: CardStatus) -> &'static str {
    match s {
        CardStatus::Draft => "Nháp",
        CardStatus::Submitted => "Đã nộp",
        CardStatus::Reviewed => "Cụm đã chấm",
        CardStatus::Final => "Chốt",
    }
}

pub fn kind(k: &CriterionKind) -> &'static str {
    match k {
        CriterionKind::Manual => "Chấm tay",
        CriterionKind::Target { .. } => "Chỉ tiêu (đạt / giao)",
        CriterionKind::Count { .. } => "Đếm × điểm",
        CriterionKind::YesNo => "Có / không",
        CriterionKind::Bonus => "Điểm thưởng",
        CriterionKind::Penalty => "Điểm trừ",
        CriterionKind::Veto => "Tiêu chí loại trừ",
    }
}

pub fn formula(f: TargetFormula) -> &'static str {
    match f {
        TargetFormula::Relative => "So với đơn vị cao nhất cụm",
        TargetFormula::Proportional => "Tỷ lệ đạt × điểm tối đa",
    }
}

fn action(a: Action) -> &'static str {
    match a {
        Action::SetSelfScore => "sửa điểm tự chấm",
        Action::SetReviewedScore => "sửa điểm cụm chấm",
        Action::EditNote => "sửa nhận xét",
        Action::Submit => "nộp phiếu",
        Action::SendBack => "trả lại phiếu",
        Action::MarkReviewed => "xác nhận cụm đã chấm",
        Action::Finalise => "chốt phiếu",
        Action::Reopen => "mở lại phiếu",
    }
}

pub fn scorecard_error(e: &ScorecardError, criterion_name: impl Fn(&str) -> String) -> String {
    match e {
        ScorecardError::UnknownCriterion { criterion_id } => {
            format!("Tiêu chí \"{criterion_id}\" không có trong bảng điểm.")
        }
        ScorecardError::AboveMaximum {
            criterion_id,
            max,
            given,
        } => format!(
            "{}: điểm {given} vượt quá điểm tối đa {max}.",
            criterion_name(criterion_id)
        ),
        ScorecardError::Automatic { criterion_id } => format!(
            "{}: điểm được tính tự động từ chỉ tiêu, không nhập tay.",
            criterion_name(criterion_id)
        ),
        ScorecardError::WrongMarkKind { criterion_id } => {
            format!("{}: kiểu điểm không đúng.", criterion_name(criterion_id))
        }
        ScorecardError::NotAllowed { status: s, action: a } => format!(
            "Phiếu đang ở trạng thái \"{}\" nên không thể {}.",
            status(*s),
            action(*a)
        ),
        ScorecardError::ActorRequired => "Hãy ghi người thực hiện bước này (họ tên hoặc chức vụ).".into(),
        ScorecardError::ReopenerRequired => "Hãy ghi người mở lại phiếu.".into(),
        ScorecardError::ReasonRequired => "Hãy ghi lý do mở lại phiếu.".into(),
    }
}

pub fn points_error(label: &str, e: PointsError) -> String {
    match e {
        PointsError::NotANumber => format!("{label}: hãy nhập số điểm, ví dụ 8 hoặc 8,5."),
        PointsError::Negative => format!("{label}: điểm không được âm."),
        PointsError::TooPrecise => format!("{label}: điểm chỉ lấy một chữ số thập phân, ví dụ 8,5."),
    }
}

pub fn indicator_issue(issue: &IndicatorIssue) -> String {
    match issue {
        IndicatorIssue::NewMembersExceedMembers => "Số kết nạp mới lớn hơn tổng số đoàn viên.".into(),
        IndicatorIssue::NewGrassrootsExceedGrassroots => "Số CĐCS thành lập mới lớn hơn tổng số CĐCS.".into(),
        IndicatorIssue::ZeroTarget { key } => {
            format!(
                "{}: chỉ tiêu bằng 0 nên không tính được tỷ lệ (vẫn lưu được).",
                indicator(key)
            )
        }
        IndicatorIssue::ExtraNameRequired { .. } | IndicatorIssue::ExtraKeyRequired => {
            "Chỉ tiêu riêng cần có tên.".into()
        }
        IndicatorIssue::DuplicateExtraKey { key } => format!("Chỉ tiêu riêng \"{key}\" bị trùng."),
    }
}

pub fn template_issue(issue: &TemplateIssue) -> String {
    use TemplateIssue::*;
    match issue {
        NameRequired => "Tên bảng điểm là bắt buộc.".into(),
        BaseTotalNot100 { total } => {
            format!("Tổng điểm các tiêu chí cơ bản là {total}, không phải 100 (vẫn lưu được).")
        }
        BlockCodeRequired => "Mỗi khối cần có mã (I, II, III…).".into(),
        DuplicateBlock { code } => format!("Khối \"{code}\" bị trùng."),
        CriterionIdRequired => "Mỗi tiêu chí cần có mã.".into(),
        DuplicateCriterion { id } => format!("Mã tiêu chí \"{id}\" bị trùng."),
        CriterionNameRequired { id } => format!("Tiêu chí \"{id}\" cần có tên."),
        UnknownBlock { id, block } => {
            format!("Tiêu chí \"{id}\" thuộc khối \"{block}\" không có trong bảng.")
        }
        MaxMustBePositive { id } => format!("Tiêu chí \"{id}\": điểm tối đa phải lớn hơn 0."),
        PointsEachMustBePositive { id } => format!("Tiêu chí \"{id}\": điểm mỗi đơn vị đếm phải lớn hơn 0."),
        PerMustBePositive { id } => {
            format!("Tiêu chí \"{id}\": số đếm cho mỗi lần cộng điểm phải lớn hơn 0.")
        }
        ZeroFixedTarget { id } => {
            format!("Tiêu chí \"{id}\": chỉ tiêu cố định bằng 0, mọi đơn vị sẽ được 0 điểm (vẫn lưu được).")
        }
        ThresholdsNotDescending => "Ngưỡng xếp loại phải giảm dần: HTXSNV > HTTNV > HTNV.".into(),
        ExcellentUnreachable { excellent, best } => format!(
            "Ngưỡng HTXSNV ({excellent}) cao hơn tổng điểm tối đa có thể đạt ({best}) (vẫn lưu được)."
        ),
        ExcellentCapAbove100 { percent } => format!("Tỷ lệ HTXSNV tối đa {percent}% vượt quá 100%."),
        UnknownTieBlock { code } => format!("Khối \"{code}\" dùng để xét khi bằng điểm không có trong bảng."),
    }
}

pub fn gap(g: &Gap) -> String {
    match g {
        Gap::NoReport => "Đơn vị chưa nhập chỉ tiêu năm.".into(),
        Gap::IndicatorMissing(k) => format!("Thiếu số liệu \"{}\".", indicator(k)),
        Gap::TargetMissing(k) => format!("Thiếu \"{}\".", indicator(k)),
        Gap::TargetZero => "Chỉ tiêu được giao bằng 0.".into(),
    }
}

/// Why a row is ranked above the next one, in words.
pub fn tie_break(t: &TieBreak, next_unit: &str) -> String {
    match t {
        TieBreak::NextVetoed => format!("{next_unit} vi phạm tiêu chí loại trừ."),
        TieBreak::Total { a, b } => format!("Tổng điểm {a} > {b}."),
        TieBreak::Block { code, a, b } => {
            format!("Bằng tổng điểm với {next_unit}; hơn ở khối {code}: {a} > {b}.")
        }
        TieBreak::FewerPenalties { a, b } => {
            format!("Bằng tổng điểm và điểm các khối với {next_unit}; ít điểm trừ hơn: {a} < {b}.")
        }
        TieBreak::Vote { a, b } => match b {
            Some(b) => format!("Bằng điểm với {next_unit}; xếp trước theo kết quả bỏ phiếu ({a} trước {b})."),
            None => format!("Bằng điểm với {next_unit}; xếp trước theo kết quả bỏ phiếu (thứ {a})."),
        },
        TieBreak::Unresolved => format!("Bằng điểm hoàn toàn với {next_unit}: đồng hạng, cần bỏ phiếu."),
    }
}

pub fn demotion(d: &Demotion) -> String {
    match d {
        Demotion::ExcellentCap { allowed, eligible } => format!(
            "Xuống HTTNV do giới hạn tỷ lệ HTXSNV: chỉ {allowed}/{eligible} đơn vị đủ điều kiện được giữ HTXSNV."
        ),
        Demotion::ExcellentCapTie { allowed, eligible } => format!(
            "Xuống HTTNV: đồng hạng tại ngưỡng giới hạn HTXSNV ({allowed}/{eligible} suất) mà không đủ suất cho cả nhóm; cần bỏ phiếu."
        ),
    }
}

/// The message of a cluster error, for the form and for a refused file.
pub fn cluster_error(error: &ClusterError, unit_name: impl Fn(&str) -> String) -> String {
    match error {
        ClusterError::NameRequired => "Tên cụm là bắt buộc.".into(),
        ClusterError::NameTaken { year } => {
            format!("Đã có một cụm cùng tên trong năm {year}. Hãy mở cụm đó để sửa, hoặc đặt tên khác.")
        }
        ClusterError::YearOutOfRange { year } => format!("Năm {year} không hợp lệ (từ 2000 đến 2100)."),
        ClusterError::NoMembers => "Hãy chọn ít nhất một đơn vị thành viên.".into(),
        ClusterError::DuplicateMember { unit_id } => format!("{} được chọn hai lần.", unit_name(unit_id)),
        ClusterError::UnknownMember { unit_id } => {
            format!("Đơn vị {} không còn tồn tại.", unit_name(unit_id))
        }
        ClusterError::MemberNotActive { unit_id } => {
            format!(
                "{} không hoạt động trong năm này (xem thời gian hoạt động).",
                unit_name(unit_id)
            )
        }
        ClusterError::HeadNotMember => "Cụm trưởng phải là đơn vị thành viên.".into(),
        ClusterError::DeputyNotMember => "Cụm phó phải là đơn vị thành viên.".into(),
        ClusterError::HeadIsDeputy => "Cụm phó phải khác Cụm trưởng.".into(),
        ClusterError::NextHeadNotMember => "Cụm trưởng năm sau phải là đơn vị thành viên.".into(),
        ClusterError::VoteNotMember { unit_id } => {
            format!(
                "{} trong kết quả bỏ phiếu không phải thành viên cụm.",
                unit_name(unit_id)
            )
        }
        ClusterError::NotFound => "Cụm này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
    }
}

/// One final card an edit would move: "LĐLĐ huyện Ba Vì (Cụm thi đua số 4 – 2023): 89,1 điểm
/// khi chốt → 90,1 điểm".
pub fn moved_card(m: &crate::domain::scoring::final_guard::MovedCard, unit: &str, cluster: &str) -> String {
    let change = if m.kept_total == m.new_total {
        format!("{} điểm, bảng điểm thay đổi", m.kept_total)
    } else {
        format!("{} điểm khi chốt → {} điểm", m.kept_total, m.new_total)
    };
    format!("{unit} ({cluster} – {}): {change}", m.year)
}

/// Why an edit that would move final cards was not saved, and what the officer may do.
pub fn moved_cards_refusal(count: usize) -> String {
    format!(
        "Chưa lưu: thay đổi này làm thay đổi kết quả của {} phiếu đã chốt (danh sách dưới đây). \
         Phiếu đã chốt chỉ thay đổi khi được mở lại. Nếu vẫn muốn lưu, hãy ghi người mở lại và lý do \
         rồi chọn mở lại các phiếu: việc mở lại được ghi vào từng phiếu, kèm tổng điểm trước và sau.",
        crate::domain::format::integer(count as i64)
    )
}

/// Why a file that would move final cards waits for the officer's choice.
pub fn import_moves_final_cards(count: usize) -> String {
    format!(
        "Tệp này có bảng điểm, chỉ tiêu hoặc cụm khác với dữ liệu đã dùng để chốt {} phiếu (danh sách dưới đây). \
         Phiếu đã chốt chỉ thay đổi khi được mở lại: để nhập tệp, hãy ghi người mở lại và lý do rồi chọn mở lại \
         các phiếu (việc mở lại được ghi vào từng phiếu, kèm tổng điểm trước và sau); hoặc không nhập tệp này.",
        crate::domain::format::integer(count as i64)
    )
}

/// What a save that reopened final cards did: "Đã mở lại 6 phiếu đã chốt: Ba Vì 89,1 → 90,1; …".
pub fn reopened_cards(lines: &[String]) -> String {
    format!(
        "Đã mở lại {} phiếu đã chốt: {}. Hãy xem lại và chốt lại các phiếu này.",
        crate::domain::format::integer(lines.len() as i64),
        lines.join("; ")
    )
}

/// A reopening of a final card, `day` being its date as the page shows it: "12/11/2026 –
/// Nguyễn Đức Nghĩa: Sai số liệu (tổng cụm chấm 89,1 khi chốt → 90,1 sau khi mở lại)".
pub fn reopening(r: &crate::domain::scoring::scorecard::Reopening, day: &str) -> String {
    let totals = match (r.total_before, r.total_after) {
        (Some(b), Some(a)) if a != b => format!(" (tổng cụm chấm {b} khi chốt → {a} sau khi mở lại)"),
        (Some(b), _) => format!(" (tổng cụm chấm {b}, không đổi khi mở lại)"),
        _ => String::new(),
    };
    format!("{day} – {}: {}{totals}", r.by, r.reason)
}
