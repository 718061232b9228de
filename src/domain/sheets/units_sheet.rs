//! A sheet of units into unit records. Each row is a unit under the chosen parent (or under the
//! unit its "Cấp trên" cell names). A row naming a unit already under that parent updates it
//! with the cells that are filled ([`super::matching`] says how names are matched); any other row
//! is a new unit. The unit form's rules apply ([`units::own_rules`]), to the unit as it will be
//! saved (a sheet's end date is checked against the stored start).

use super::columns::{cell_for, Field, Mapping};
use super::matching::{find_unit, is_footer, match_key, Among, Found};
use super::{Grid, Outcome, Problems};
use crate::domain::data::AppData;
use crate::domain::fold::fold;
use crate::domain::parse;
use crate::domain::record::{Id, Meta, Stamp};
use crate::domain::units::{self, Unit, UnitError, UnitKind};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Reads every row under the header row; `parent` is where the units go (None: top level).
pub fn read_units(
    grid: &Grid,
    mapping: &Mapping,
    parent: Option<&str>,
    local: &AppData,
    stamp: &Stamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Outcome {
    let mut problems = Problems::new(grid, mapping);
    // Each unit's recorded work, gathered once: a new period must keep it inside.
    let work = units::work_spans(local);
    let mut out: Vec<Unit> = Vec::new();
    // Each unit (by id, or for a new one by parent and name) → the row that named it first.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in mapping.data_rows(grid) {
        let row = r + 1;
        let text = |field: &Field| cell_for(grid, mapping, r, field).1.text();
        let name = text(&Field::Name);
        if is_footer(&name) {
            problems.add(
                row,
                &Field::Name,
                format!("\"{name}\" không phải tên đơn vị; hãy xóa dòng này khỏi bảng tính."),
            );
            continue;
        }
        let kind = match text(&Field::Kind) {
            t if t.is_empty() => None,
            t => match kind_from(&t) {
                Some(k) => Some(k),
                None => {
                    problems.add(
                        row,
                        &Field::Kind,
                        format!("không rõ loại \"{t}\"; hãy ghi một trong: {}.", kind_list()),
                    );
                    continue;
                }
            },
        };
        let parent_id = match text(&Field::Parent) {
            t if t.is_empty() => parent.map(str::to_string),
            t => match find_unit(local, &t, Among::Active) {
                Found::One(u) => Some(u.meta.id.clone()),
                Found::None => {
                    problems.add(
                        row,
                        &Field::Parent,
                        format!("không có đơn vị cấp trên tên \"{t}\" trên máy này."),
                    );
                    continue;
                }
                Found::Many(n) => {
                    problems.add(
                        row,
                        &Field::Parent,
                        format!("có {n} đơn vị tên \"{t}\"; hãy ghi đúng tên đầy đủ, có dấu."),
                    );
                    continue;
                }
            },
        };
        let date = |problems: &mut Problems, field: &Field| -> Result<Option<NaiveDate>, ()> {
            parse::cell_date(&text(field)).map_err(|m| problems.add(row, field, m))
        };
        let (Ok(from), Ok(to)) = (
            date(&mut problems, &Field::ActiveFrom),
            date(&mut problems, &Field::ActiveTo),
        ) else {
            continue;
        };
        let existing = match find_unit(local, &name, Among::Children(parent_id.as_deref())) {
            Found::Many(n) => {
                problems.add(
                    row,
                    &Field::Name,
                    format!(
                        "có {n} đơn vị cùng cấp trên mang tên \"{name}\"; hãy ghi đúng tên đầy đủ, có dấu."
                    ),
                );
                continue;
            }
            Found::One(u) => Some(u),
            Found::None => None,
        };
        let short_name = text(&Field::ShortName);
        let unit = match existing {
            Some(existing) => {
                let mut unit = existing.clone();
                if !short_name.is_empty() {
                    unit.short_name = short_name;
                }
                unit.kind = kind.unwrap_or(unit.kind);
                unit.active_from = from.or(unit.active_from);
                unit.active_to = to.or(unit.active_to);
                if unit != *existing {
                    unit.meta.touch(stamp);
                }
                unit
            }
            None => Unit {
                meta: Meta::new(String::new(), stamp),
                name: name.trim().to_string(),
                short_name,
                kind: kind.unwrap_or(UnitKind::Grassroots),
                parent_id: parent_id.clone(),
                active_from: from,
                active_to: to,
                archived: false,
            },
        };
        // The form's rules, on the unit as it will be saved.
        if let Some(e) = units::own_rules(&unit.name, unit.active_from, unit.active_to).first() {
            let field = if *e == UnitError::EndBeforeStart {
                Field::ActiveTo
            } else {
                Field::Name
            };
            problems.add(row, &field, units::error_message(e));
            continue;
        }
        // Only a changed period is checked: the row must not move recorded work outside it.
        if let Some(outside) = existing
            .filter(|u| (u.active_from, u.active_to) != (unit.active_from, unit.active_to))
            .and_then(|u| work.get(u.meta.id.as_str()))
            .and_then(|span| span.outside(unit.active_from, unit.active_to))
        {
            let e = UnitError::WorkOutside(outside);
            let field = match e.field() {
                Some(units::UnitField::ActiveFrom) => Field::ActiveFrom,
                _ => Field::ActiveTo,
            };
            problems.add(row, &field, units::error_message(&e));
            continue;
        }
        let key = match existing {
            Some(u) => u.meta.id.clone(),
            None => format!("{}\t{}", parent_id.unwrap_or_default(), match_key(&name)),
        };
        if let Some(first) = seen.insert(key, row) {
            problems.add(
                row,
                &Field::Name,
                format!("dòng này và dòng {first} cùng chỉ một đơn vị (\"{name}\")."),
            );
            continue;
        }
        out.push(match existing {
            Some(_) => unit,
            None => Unit {
                meta: Meta::new(new_id(), stamp),
                ..unit
            },
        });
    }
    problems.outcome(AppData {
        units: out,
        ..AppData::default()
    })
}

fn kind_from(text: &str) -> Option<UnitKind> {
    let t = fold(text);
    let aliases = |k: UnitKind| -> &'static [&'static str] {
        match k {
            UnitKind::City => &["ldld thanh pho", "ldld tinh", "thanh pho", "tinh", "city"],
            UnitKind::District => &["ldld quan", "ldld huyen", "quan", "huyen", "thi xa", "district"],
            UnitKind::Sector => &["cong doan nganh", "nganh", "cd nganh", "sector"],
            UnitKind::Grassroots => &["cdcs", "cong doan co so", "co so", "grassroots"],
            UnitKind::Other => &["khac", "other"],
        }
    };
    UnitKind::ALL
        .into_iter()
        .find(|k| fold(units::kind_name(*k)) == t || aliases(*k).contains(&t.as_str()))
}

fn kind_list() -> String {
    UnitKind::ALL
        .into_iter()
        .map(units::kind_name)
        .collect::<Vec<_>>()
        .join(", ")
}
