//! Units (đơn vị) in a conflict: named by their full name, fields by the unit form's labels.

use super::{show, Describe, Differences, Names};
use crate::domain::units::{kind_name, Unit};

impl Describe for Unit {
    const FIELDS: &'static [&'static str] = &[
        "name",
        "short_name",
        "kind",
        "parent_id",
        "active_from",
        "active_to",
        "archived",
    ];

    fn title(&self, _: &Names) -> String {
        format!("Đơn vị {}", self.name)
    }

    fn differences(a: &Self, b: &Self, names: &Names, out: &mut Differences) {
        out.field("Tên đơn vị", &a.name, &b.name, &|s| show::text(s));
        out.field("Tên viết tắt", &a.short_name, &b.short_name, &|s| {
            show::text(s)
        });
        out.field("Loại đơn vị", &a.kind, &b.kind, &|k| {
            kind_name(*k).to_string()
        });
        out.field("Đơn vị cấp trên", &a.parent_id, &b.parent_id, &|p| {
            names.unit_or_none(p)
        });
        out.field("Hoạt động từ ngày", &a.active_from, &b.active_from, &show::date);
        out.field("Hoạt động đến ngày", &a.active_to, &b.active_to, &show::date);
        out.field("Lưu trữ", &a.archived, &b.archived, &|archived| {
            if *archived {
                "Đã lưu trữ"
            } else {
                "Đang dùng"
            }
            .to_string()
        });
    }
}
