//! Coordination programmes and their annual reviews in a conflict, by the programme and review
//! forms' labels; content areas by their number and title.

use super::differences::Label;
use super::names::programme_label;
use super::{show, Describe, Differences, Names};
use crate::domain::format;
use crate::domain::programmes::wording::{lead_name, measure_label, outcome_name};
use crate::domain::programmes::{AnnualReview, AreaResult, ContentArea, Programme};

/// The parts of a content area that differ from the other version's, in words.
fn area_parts(area: Option<&ContentArea>, other: Option<&ContentArea>) -> String {
    let Some(a) = area else {
        return show::NONE.to_string();
    };
    let measures = |x: &ContentArea| show::list(x.measures.iter().map(measure_label).collect());
    let all = other.is_none();
    let mut parts = Vec::new();
    if all || other.is_some_and(|o| o.number != a.number) {
        parts.push(format!("Số thứ tự: {}", a.number));
    }
    if all || other.is_some_and(|o| o.title != a.title) {
        parts.push(format!("Tên nội dung: {}", show::text(&a.title)));
    }
    if all || other.is_some_and(|o| o.lead != a.lead) {
        parts.push(format!("Bên chủ trì: {}", lead_name(a.lead)));
    }
    if all || other.is_some_and(|o| o.measures != a.measures) {
        parts.push(format!("Chỉ tiêu đánh giá: {}", measures(a)));
    }
    parts.join("; ")
}

fn area_name(a: &ContentArea) -> String {
    format!("Nội dung phối hợp {}. {}", a.number, a.title)
}

impl Describe for Programme {
    const FIELDS: &'static [&'static str] = &[
        "number",
        "title",
        "authority",
        "unit_id",
        "signed_on",
        "from_year",
        "to_year",
        "areas",
    ];

    fn title(&self, _: &Names) -> String {
        programme_label(self)
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Số hiệu", &a.number, &b.number, &|s| show::text(s));
        out.field("Trích yếu", &a.title, &b.title, &|s| show::text(s));
        out.field("UBND ký chương trình", &a.authority, &b.authority, &|s| {
            show::text(s)
        });
        out.field("LĐLĐ ký chương trình", &a.unit_id, &b.unit_id, &|id| {
            names.unit(id)
        });
        out.field("Ngày ký", &a.signed_on, &b.signed_on, &|d| format::date(*d));
        out.field("Từ năm", &a.from_year, &b.from_year, &i32::to_string);
        out.field("Đến năm", &a.to_year, &b.to_year, &i32::to_string);
        let mut ids: Vec<&str> = Vec::new();
        for area in a.areas.iter().chain(&b.areas) {
            if !ids.contains(&area.id.as_str()) {
                ids.push(&area.id);
            }
        }
        for id in ids {
            let (x, y) = (a.area(id), b.area(id));
            if x != y {
                let named = y.or(x).expect("the id comes from one of them");
                out.push(Label::Part(area_name(named)), area_parts(x, y), area_parts(y, x));
            }
        }
    }
}

pub(super) fn result(r: Option<&AreaResult>) -> String {
    match r {
        None => "(chưa đánh giá)".to_string(),
        Some(r) if r.note.trim().is_empty() => outcome_name(r.outcome).to_string(),
        Some(r) => format!("{} ({})", outcome_name(r.outcome), r.note),
    }
}

impl Describe for AnnualReview {
    const FIELDS: &'static [&'static str] = &[
        "programme_id",
        "year",
        "held_on",
        "results",
        "limitations",
        "next_tasks",
    ];

    fn title(&self, names: &Names) -> String {
        format!(
            "Đánh giá năm {} của {}",
            self.year,
            names.programme(&self.programme_id)
        )
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Chương trình", &a.programme_id, &b.programme_id, &|id| {
            names.programme(id)
        });
        out.field("Năm", &a.year, &b.year, &i32::to_string);
        out.field("Ngày tổ chức hội nghị", &a.held_on, &b.held_on, &|d| {
            format::date(*d)
        });
        let programme = names.programme_record(&b.programme_id);
        let mut ids: Vec<&str> = Vec::new();
        for r in a.results.iter().chain(&b.results) {
            if !ids.contains(&r.area_id.as_str()) {
                ids.push(&r.area_id);
            }
        }
        for id in ids {
            let (x, y) = (a.result_for(id), b.result_for(id));
            if x != y {
                let name = programme
                    .and_then(|p| p.area(id))
                    .map_or_else(|| "Nội dung không còn trong chương trình".to_string(), area_name);
                out.push(Label::Part(format!("Kết quả: {name}")), result(x), result(y));
            }
        }
        out.items(
            Label::Field("Hạn chế"),
            &a.limitations,
            &b.limitations,
            &|s| s.clone(),
        );
        out.items(
            Label::Field("Nhiệm vụ năm tới"),
            &a.next_tasks,
            &b.next_tasks,
            &|s| s.clone(),
        );
    }
}
