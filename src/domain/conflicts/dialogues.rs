//! Dialogues and proposals in a conflict, by the dialogue and proposal forms' labels.

use super::differences::Label;
use super::names::dialogue_phrase;
use super::{show, Describe, Differences, Names};
use crate::domain::dialogues::meeting::{Host, HostKind, RaisedPoint};
use crate::domain::dialogues::wording::{kind_name, level_name, status_name, topic_name};
use crate::domain::dialogues::{AgreedPoint, Chair, Dialogue, Directive, Proposal, StatusChange};
use crate::domain::format;

fn chair(c: &Chair) -> String {
    match (c.name.trim().is_empty(), c.role.trim().is_empty()) {
        (true, true) => show::EMPTY.to_string(),
        (false, true) => c.name.clone(),
        (true, false) => c.role.clone(),
        (false, false) => format!("{}, {}", c.name, c.role),
    }
}

fn agreed(p: &AgreedPoint) -> String {
    if p.measure.trim().is_empty() {
        p.content.clone()
    } else {
        format!("{} (biện pháp: {})", p.content, p.measure)
    }
}

impl Describe for Dialogue {
    const FIELDS: &'static [&'static str] = &[
        "kind",
        "level",
        "date",
        "place",
        "unit_id",
        "worker_chair",
        "employer_chair",
        "enterprises",
        "attendances",
        "agreed",
        "disagreed",
        "next_dialogue_on",
        "minutes_notes",
        "minutes_signed",
        "meeting",
        "raised",
        "reopenings",
    ];

    fn title(&self, names: &Names) -> String {
        crate::domain::letter_case::capitalise(&dialogue_phrase(self, names))
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Hình thức đối thoại", &a.kind, &b.kind, &|k| {
            kind_name(*k).to_string()
        });
        out.field("Cấp đối thoại", &a.level, &b.level, &|l| {
            level_name(*l).to_string()
        });
        out.field("Ngày đối thoại", &a.date, &b.date, &|d| format::date(*d));
        out.field("Địa điểm", &a.place, &b.place, &|s| show::text(s));
        out.field("Đơn vị tổ chức", &a.unit_id, &b.unit_id, &|id| {
            names.unit(id)
        });
        out.field(
            "Chủ trì phía người lao động",
            &a.worker_chair,
            &b.worker_chair,
            &chair,
        );
        out.field(
            "Chủ trì phía NSDLĐ/chính quyền",
            &a.employer_chair,
            &b.employer_chair,
            &chair,
        );
        out.items(
            Label::Field("Doanh nghiệp tham gia"),
            &a.enterprises,
            &b.enterprises,
            &|s| s.clone(),
        );
        out.field("Số lượt tham dự", &a.attendances, &b.attendances, &|n| {
            show::count(u64::from(*n))
        });
        out.items(
            Label::Field("Nội dung đã thống nhất"),
            &a.agreed,
            &b.agreed,
            &agreed,
        );
        out.items(
            Label::Field("Nội dung chưa thống nhất"),
            &a.disagreed,
            &b.disagreed,
            &|s| s.clone(),
        );
        out.field(
            "Thời gian đối thoại tiếp theo",
            &a.next_dialogue_on,
            &b.next_dialogue_on,
            &show::date,
        );
        out.field("Ghi chú biên bản", &a.minutes_notes, &b.minutes_notes, &|s| {
            show::text(s)
        });
        out.field(
            "Biên bản đã có chữ ký của hai bên",
            &a.minutes_signed,
            &b.minutes_signed,
            &|signed| {
                if *signed {
                    "Đã có chữ ký"
                } else {
                    "Chưa có chữ ký"
                }
                .to_string()
            },
        );
        let (x, y) = (&a.meeting, &b.meeting);
        out.field("Giờ bắt đầu", &x.start_time, &y.start_time, &|t| {
            t.map_or_else(|| show::NOT_GIVEN.to_string(), |t| t.format("%H:%M").to_string())
        });
        out.field("Đơn vị chủ trì đối thoại", &x.host, &y.host, &host);
        out.items(
            Label::Field("Thành phần phía NSDLĐ/chính quyền"),
            &x.employer_side,
            &y.employer_side,
            &chair,
        );
        out.items(
            Label::Field("Thành phần phía người lao động"),
            &x.worker_side,
            &y.worker_side,
            &chair,
        );
        out.field("Người ghi biên bản", &x.minute_taker, &y.minute_taker, &chair);
        let raised = |r: &Option<Vec<RaisedPoint>>| r.clone().unwrap_or_default();
        out.items(
            Label::Field("Nội dung kiến nghị ghi trong biên bản đã ký"),
            &raised(&a.raised),
            &raised(&b.raised),
            &|p| p.content.clone(),
        );
        out.items(
            Label::Field("Mở lại biên bản"),
            &a.reopenings,
            &b.reopenings,
            &|r| super::scoring::reopening(r, names),
        );
    }
}

/// Who holds the dialogue, whose letterhead the minutes carry.
fn host(h: &Host) -> String {
    match h.kind {
        HostKind::Federation => "Liên đoàn Lao động".to_string(),
        HostKind::PeoplesCommittee => format!("Ủy ban nhân dân: {}", show::text(&h.name)),
        HostKind::Enterprise => format!("Doanh nghiệp: {}", show::text(&h.name)),
    }
}

fn directive(d: &Directive) -> String {
    match (d.number.trim().is_empty(), d.date) {
        (true, None) => show::NOT_GIVEN.to_string(),
        (false, None) => format!("số {}", d.number),
        (true, Some(day)) => format!("ngày {}", format::date(day)),
        (false, Some(day)) => format!("số {} ngày {}", d.number, format::date(day)),
    }
}

fn status_change(c: &StatusChange, names: &Names) -> String {
    let note = if c.note.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", c.note)
    };
    format!(
        "{}: {} → {}{note}, ghi bởi {}",
        format::date(c.on),
        status_name(c.from),
        status_name(c.to),
        names.office(&c.by)
    )
}

/// Longest part of a proposal's content in its name.
const CONTENT_IN_NAME: usize = 80;

impl Describe for Proposal {
    const FIELDS: &'static [&'static str] = &[
        "dialogue_id",
        "content",
        "topic",
        "raised_by",
        "agency",
        "directive",
        "deadline",
        "status",
        "response",
        "resolved_on",
        "history",
    ];

    fn title(&self, names: &Names) -> String {
        let content = show::cut(&self.content, CONTENT_IN_NAME);
        match names.dialogue_date(&self.dialogue_id) {
            Some(day) => format!(
                "Kiến nghị \"{content}\" của cuộc đối thoại ngày {}",
                format::date(day)
            ),
            None => format!("Kiến nghị \"{content}\""),
        }
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Cuộc đối thoại", &a.dialogue_id, &b.dialogue_id, &|id| {
            names.dialogue(id)
        });
        out.field("Nội dung kiến nghị", &a.content, &b.content, &|s| {
            show::text(s)
        });
        out.field("Lĩnh vực", &a.topic, &b.topic, &|t| topic_name(*t).to_string());
        out.field(
            "Người/đơn vị kiến nghị",
            &a.raised_by,
            &b.raised_by,
            &|s| show::text(s),
        );
        out.field(
            "Cơ quan được giao giải quyết",
            &a.agency,
            &b.agency,
            &|s| show::text(s),
        );
        out.field("Văn bản chỉ đạo", &a.directive, &b.directive, &directive);
        out.field("Hạn giải quyết", &a.deadline, &b.deadline, &show::date);
        out.field("Trạng thái", &a.status, &b.status, &|s| {
            status_name(*s).to_string()
        });
        out.field(
            "Kết quả trả lời, giải quyết",
            &a.response,
            &b.response,
            &|s| show::text(s),
        );
        out.field("Ngày giải quyết", &a.resolved_on, &b.resolved_on, &show::date);
        out.items(
            Label::Field("Lịch sử trạng thái"),
            &a.history,
            &b.history,
            &|c| status_change(c, names),
        );
    }
}
