//! Clusters, scoring tables, yearly indicators and scorecards in a conflict. A card's entries
//! are one line per criterion that differs, named by the criterion's code and name, with both
//! marks as the card shows them (7,0).

use super::differences::Label;
use super::names::cluster_label;
use super::{show, Describe, Differences, Names};
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::indicators::{IndicatorKey, UnitIndicators};
use crate::domain::scoring::scorecard::{Entry, Mark, Reopening, Scorecard, StatusStep};
use crate::domain::scoring::template::{Criterion, CriterionKind, ScoringTemplate, TargetSource};
use crate::domain::scoring::wording;

impl Describe for Cluster {
    const FIELDS: &'static [&'static str] = &[
        "name",
        "year",
        "member_ids",
        "head_id",
        "deputy_id",
        "next_head_id",
        "vote_order",
        "results_closed",
        "tally",
        "meeting",
    ];

    fn title(&self, _: &Names) -> String {
        cluster_label(&self.name, self.year)
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Tên cụm", &a.name, &b.name, &|s| show::text(s));
        out.field("Năm", &a.year, &b.year, &i32::to_string);
        out.items(
            Label::Field("Đơn vị thành viên"),
            &a.member_ids,
            &b.member_ids,
            &|id| names.unit(id),
        );
        out.field("Cụm trưởng", &a.head_id, &b.head_id, &|id| {
            names.unit_or_none(id)
        });
        out.field("Cụm phó", &a.deputy_id, &b.deputy_id, &|id| {
            names.unit_or_none(id)
        });
        out.field(
            "Cụm trưởng năm sau",
            &a.next_head_id,
            &b.next_head_id,
            &|id| names.unit_or_none(id),
        );
        out.field(
            "Kết quả bỏ phiếu",
            &a.vote_order,
            &b.vote_order,
            &|order| {
                show::list(
                    order
                        .iter()
                        .enumerate()
                        .map(|(i, id)| format!("{}. {}", i + 1, names.unit(id)))
                        .collect(),
                )
            },
        );
        out.items(
            Label::Field("Kết quả bỏ phiếu suy tôn"),
            &a.tally,
            &b.tally,
            &|v| format!("{} – {}: {}", names.unit(&v.unit_id), v.form_id, v.words()),
        );
        out.field("Biên bản họp bình xét", &a.meeting, &b.meeting, &|m| match m {
            Some(m) => format!(
                "họp {} tại {}, {} đơn vị dự",
                m.date.map(crate::domain::format::date).unwrap_or_default(),
                show::text(&m.place),
                m.present.len()
            ),
            None => "Chưa ghi".to_string(),
        });
        out.field(
            "Chốt kết quả cụm",
            &a.results_closed,
            &b.results_closed,
            &|c| match c {
                Some(c) => format!("chốt ngày {} bởi {}", names.day(c.at), c.by),
                None => "Chưa chốt".to_string(),
            },
        );
    }
}

/// "Chỉ tiêu (đạt / giao): Kết nạp đoàn viên mới so với Chỉ tiêu kết nạp đoàn viên, …".
fn kind_in_words(kind: &CriterionKind) -> String {
    let name = wording::kind(kind);
    match kind {
        CriterionKind::Target {
            indicator,
            target,
            formula,
        } => {
            let target = match target {
                TargetSource::Indicator(key) => wording::indicator(key),
                TargetSource::Fixed(n) => format!("chỉ tiêu cố định {}", show::count(*n)),
            };
            format!(
                "{name}: {} so với {target}, {}",
                wording::indicator(indicator),
                wording::formula(*formula)
            )
        }
        CriterionKind::Count {
            indicator,
            points_each,
            per,
        } => format!(
            "{name}: {} điểm mỗi {} {}",
            show::points(*points_each),
            show::count(*per),
            wording::indicator(indicator)
        ),
        _ => name.to_string(),
    }
}

/// The parts of a criterion that differ from the other version's, in words.
fn criterion_parts(c: Option<&Criterion>, other: Option<&Criterion>) -> String {
    let Some(c) = c else {
        return "(không có trong bảng điểm)".to_string();
    };
    let Some(o) = other else {
        return format!(
            "Tên: {}; Khối: {}; Điểm tối đa: {}; Cách tính: {}",
            c.name,
            c.block,
            show::points(c.max),
            kind_in_words(&c.kind)
        );
    };
    let mut parts = Vec::new();
    if c.code != o.code {
        parts.push(format!("Mã: {}", show::text(&c.code)));
    }
    if c.name != o.name {
        parts.push(format!("Tên: {}", show::text(&c.name)));
    }
    if c.block != o.block {
        parts.push(format!("Khối: {}", c.block));
    }
    if c.max != o.max {
        parts.push(format!("Điểm tối đa: {}", show::points(c.max)));
    }
    if c.kind != o.kind {
        parts.push(format!("Cách tính: {}", kind_in_words(&c.kind)));
    }
    parts.join("; ")
}

fn criterion_label(c: &Criterion) -> Label {
    Label::Criterion {
        code: c.code.clone(),
        name: c.name.clone(),
    }
}

impl Describe for ScoringTemplate {
    const FIELDS: &'static [&'static str] = &["cluster_id", "year", "name", "blocks", "criteria", "settings"];

    fn title(&self, names: &Names) -> String {
        format!("Bảng điểm của {}", names.cluster(&self.cluster_id))
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Cụm thi đua", &a.cluster_id, &b.cluster_id, &|id| {
            names.cluster(id)
        });
        out.field("Năm", &a.year, &b.year, &i32::to_string);
        out.field("Tên bảng điểm", &a.name, &b.name, &|s| show::text(s));
        let mut codes: Vec<&str> = a
            .blocks
            .iter()
            .chain(&b.blocks)
            .map(|k| k.code.as_str())
            .collect();
        dedup_keep_order(&mut codes);
        for code in codes {
            let title =
                |t: &ScoringTemplate| t.blocks.iter().find(|k| k.code == code).map(|k| k.title.clone());
            out.field_part(format!("Khối {code}"), &title(a), &title(b), &|t| {
                t.clone().unwrap_or_else(|| show::NONE.to_string())
            });
        }
        let mut ids: Vec<&str> = a
            .criteria
            .iter()
            .chain(&b.criteria)
            .map(|c| c.id.as_str())
            .collect();
        dedup_keep_order(&mut ids);
        for id in ids {
            let (x, y) = (a.criterion(id), b.criterion(id));
            if x != y {
                let label = criterion_label(y.or(x).expect("the id comes from one of them"));
                out.push(label, criterion_parts(x, y), criterion_parts(y, x));
            }
        }
        let (s, t) = (&a.settings, &b.settings);
        out.field(
            "Ngưỡng HTXSNV (từ)",
            &s.thresholds.excellent,
            &t.thresholds.excellent,
            &|p| show::points(*p),
        );
        out.field(
            "Ngưỡng HTTNV (từ)",
            &s.thresholds.good,
            &t.thresholds.good,
            &|p| show::points(*p),
        );
        out.field(
            "Ngưỡng HTNV (từ)",
            &s.thresholds.done,
            &t.thresholds.done,
            &|p| show::points(*p),
        );
        out.field("Điểm thưởng tối đa", &s.bonus_cap, &t.bonus_cap, &|p| {
            show::points(*p)
        });
        out.field(
            "Tỷ lệ HTXSNV tối đa (%)",
            &s.excellent_cap_percent,
            &t.excellent_cap_percent,
            &|p| p.map_or_else(|| "Không giới hạn".to_string(), |p| format!("{p}%")),
        );
        out.items(
            Label::Field("Hình thức khen thưởng"),
            &s.forms(),
            &t.forms(),
            &|f| {
                format!(
                    "{}: {} (từ {})",
                    f.name,
                    show::count(u64::from(f.count)),
                    f.lowest_tier.abbreviation()
                )
            },
        );
        out.field(
            "Tỷ lệ phiếu cần để đề nghị",
            &s.vote_share,
            &t.vote_share,
            &|v| v.words(),
        );
        out.field(
            "Khối xét khi bằng điểm",
            &s.tie_blocks,
            &t.tie_blocks,
            &|blocks| {
                if blocks.is_empty() {
                    show::NONE.to_string()
                } else {
                    blocks.join(", rồi ")
                }
            },
        );
    }
}

fn dedup_keep_order(items: &mut Vec<&str>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|x| seen.insert(*x));
}

impl Describe for UnitIndicators {
    const FIELDS: &'static [&'static str] = &["unit_id", "year", "figures", "extra"];

    fn title(&self, names: &Names) -> String {
        format!("Chỉ tiêu năm {} của {}", self.year, names.unit(&self.unit_id))
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Đơn vị", &a.unit_id, &b.unit_id, &|id| names.unit(id));
        out.field("Năm", &a.year, &b.year, &i32::to_string);
        for key in IndicatorKey::BUILT_IN {
            out.field_part(wording::indicator(key), &key.read(a), &key.read(b), &show::figure);
        }
        let mut keys: Vec<&str> = a.extra.iter().chain(&b.extra).map(|e| e.key.as_str()).collect();
        dedup_keep_order(&mut keys);
        for key in keys {
            let find = |r: &UnitIndicators| r.extra.iter().find(|e| e.key == key).cloned();
            let (x, y) = (find(a), find(b));
            if x != y {
                let name = y
                    .as_ref()
                    .or(x.as_ref())
                    .map(|e| e.name.clone())
                    .unwrap_or_default();
                let value = |e: &Option<crate::domain::scoring::indicators::ExtraIndicator>| match e {
                    None => show::NONE.to_string(),
                    Some(e) if e.name != name => format!("{}: {}", e.name, show::figure(&e.value)),
                    Some(e) => show::figure(&e.value),
                };
                out.push(
                    Label::Part(format!("Chỉ tiêu riêng \"{name}\"")),
                    value(&x),
                    value(&y),
                );
            }
        }
    }
}

/// A mark as the card shows it: 7,0; Có / Không; "chưa chấm".
fn mark(m: Option<Mark>) -> String {
    match m {
        Some(Mark::Points(p)) => show::points(p),
        Some(Mark::Flag(true)) => "Có".to_string(),
        Some(Mark::Flag(false)) => "Không".to_string(),
        None => "chưa chấm".to_string(),
    }
}

/// Both marks of an entry, and its comment and evidence where they differ from `other`'s.
fn entry_line(e: &Entry, other: &Entry) -> String {
    let mut parts = vec![
        format!("Tự chấm: {}", mark(e.self_mark)),
        format!("Cụm chấm: {}", mark(e.reviewed_mark)),
    ];
    if e.comment != other.comment {
        parts.push(format!("Nhận xét: {}", show::text(&e.comment)));
    }
    if e.evidence != other.evidence {
        parts.push(format!("Minh chứng: {}", show::text(&e.evidence)));
    }
    parts.join("; ")
}

/// "mở lại ngày 20/11/2026 bởi Nguyễn Văn A, lý do Sửa điểm khối I (tổng cụm chấm 89,1 →
/// 90,1)".
pub fn reopening(r: &Reopening, names: &Names) -> String {
    let totals = match (r.total_before, r.total_after) {
        (Some(b), Some(a)) if a != b => {
            format!(" (tổng cụm chấm {} → {})", show::points(b), show::points(a))
        }
        (Some(b), _) => format!(" (tổng cụm chấm {} khi chốt)", show::points(b)),
        _ => String::new(),
    };
    format!(
        "mở lại ngày {} bởi {}, lý do {}{totals}",
        names.day(r.at),
        r.by,
        r.reason
    )
}

/// What a card kept at Chốt, as its result: "tổng cụm chấm 89,1 điểm theo bảng điểm …".
fn kept_result(card: &Scorecard) -> String {
    match &card.seal {
        Some(seal) => format!(
            "tổng cụm chấm {} điểm, tính theo “{}” và chỉ tiêu lúc chốt",
            show::points(seal.compute(card).reviewed.total),
            seal.template.name
        ),
        None => "không có".to_string(),
    }
}

fn step(s: &StatusStep, names: &Names) -> String {
    format!(
        "{} ngày {} bởi {}",
        wording::status(s.status),
        names.day(s.at),
        s.by
    )
}

impl Describe for Scorecard {
    const FIELDS: &'static [&'static str] = &[
        "cluster_id",
        "year",
        "unit_id",
        "status",
        "entries",
        "reopenings",
        "history",
        "seal",
    ];

    fn title(&self, names: &Names) -> String {
        format!(
            "Phiếu chấm của {}, {}",
            names.unit(&self.unit_id),
            names.cluster(&self.cluster_id)
        )
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Đơn vị", &a.unit_id, &b.unit_id, &|id| names.unit(id));
        out.field("Cụm thi đua", &a.cluster_id, &b.cluster_id, &|id| {
            names.cluster(id)
        });
        out.field("Năm", &a.year, &b.year, &i32::to_string);
        out.field("Trạng thái", &a.status, &b.status, &|s| {
            wording::status(*s).to_string()
        });
        // The table's order; entries of criteria the table no longer has come after.
        let template = names
            .template(&b.cluster_id, b.year)
            .or(names.template(&a.cluster_id, a.year));
        let mut ids: Vec<&str> = template
            .map(|t| t.criteria.iter().map(|c| c.id.as_str()).collect())
            .unwrap_or_default();
        ids.extend(a.entries.keys().chain(b.entries.keys()).map(String::as_str));
        dedup_keep_order(&mut ids);
        let blank = Entry::default();
        for id in ids {
            let x = a.entries.get(id).unwrap_or(&blank);
            let y = b.entries.get(id).unwrap_or(&blank);
            if x == y {
                continue;
            }
            let label = match template.and_then(|t| t.criterion(id)) {
                Some(c) => criterion_label(c),
                None => Label::Criterion {
                    code: String::new(),
                    name: "Tiêu chí không còn trong bảng điểm".to_string(),
                },
            };
            out.push(label, entry_line(x, y), entry_line(y, x));
        }
        out.items(
            Label::Field("Mở lại phiếu"),
            &a.reopenings,
            &b.reopenings,
            &|r| reopening(r, names),
        );
        out.items(
            Label::Field("Các bước của phiếu"),
            &a.history,
            &b.history,
            &|s| step(s, names),
        );
        if a.seal != b.seal {
            out.push(Label::Field("Kết quả đã chốt"), kept_result(a), kept_result(b));
        }
    }
}
