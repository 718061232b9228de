//! A sheet of units into unit records. Each row is a unit under the chosen parent (or under the
//! unit its "Cấp trên" cell names). A row whose name matches a unit already under that parent
//! (without diacritics or case) updates it with the cells that are filled; any other row is a
//! new unit. The unit form's rules apply ([`units::own_rules`]).

use super::columns::{cell_for, Field, Mapping};
use super::{Grid, Outcome, Problem, SheetCell};
use crate::domain::data::AppData;
use crate::domain::fold::fold;
use crate::domain::parse;
use crate::domain::record::{self, Id, Meta, Stamp};
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
    let headers = mapping.headers(grid);
    let mut problems = Vec::new();
    let mut out: Vec<Unit> = Vec::new();
    // (parent, folded name) → the sheet row that named it first.
    let mut seen: HashMap<(Option<Id>, String), usize> = HashMap::new();
    for r in mapping.header_row + 1..grid.rows.len() {
        if grid.rows[r].iter().all(SheetCell::is_blank) {
            continue;
        }
        let row = r + 1;
        let mut problem = |field: &Field, message: String| {
            let column = mapping.column_of(field);
            problems.push(Problem {
                row,
                column,
                header: column.map(|c| headers[c].clone()).unwrap_or_default(),
                message,
            });
        };
        let text = |field: &Field| cell_for(grid, mapping, r, field).1.text();
        let name = text(&Field::Name);
        let kind = match text(&Field::Kind) {
            t if t.is_empty() => None,
            t => match kind_from(&t) {
                Some(k) => Some(k),
                None => {
                    problem(
                        &Field::Kind,
                        format!("không rõ loại \"{t}\"; hãy ghi một trong: {}.", kind_list()),
                    );
                    continue;
                }
            },
        };
        let parent_id = match text(&Field::Parent) {
            t if t.is_empty() => parent.map(str::to_string),
            t => match unit_named(local, &t, None) {
                Some(u) => Some(u.meta.id.clone()),
                None => {
                    problem(
                        &Field::Parent,
                        format!("không có đơn vị cấp trên tên \"{t}\" trên máy này."),
                    );
                    continue;
                }
            },
        };
        let mut date = |field: &Field| -> Result<Option<NaiveDate>, ()> {
            let (column, cell) = cell_for(grid, mapping, r, field);
            let header = column.map(|c| headers[c].clone()).unwrap_or_default();
            parse::optional_date(&header, &cell.text()).map_err(|m| problem(field, m))
        };
        let (Ok(from), Ok(to)) = (date(&Field::ActiveFrom), date(&Field::ActiveTo)) else {
            continue;
        };
        let broken = units::own_rules(&name, from, to);
        if let Some(e) = broken.first() {
            let field = if *e == UnitError::EndBeforeStart {
                Field::ActiveTo
            } else {
                Field::Name
            };
            problem(&field, units::error_message(e));
            continue;
        }
        let key = (parent_id.clone(), match_key(&name));
        if let Some(first) = seen.insert(key, row) {
            problem(
                &Field::Name,
                format!("\"{name}\" đã có ở dòng {first} (cùng đơn vị cấp trên)."),
            );
            continue;
        }
        let short_name = text(&Field::ShortName);
        match unit_named(local, &name, Some(parent_id.as_deref())) {
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
                out.push(unit);
            }
            None => out.push(Unit {
                meta: Meta::new(new_id(), stamp),
                name: name.trim().to_string(),
                short_name,
                kind: kind.unwrap_or(UnitKind::Grassroots),
                parent_id,
                active_from: from,
                active_to: to,
                archived: false,
            }),
        }
    }
    if problems.is_empty() {
        Outcome::Ready(Box::new(AppData {
            units: out,
            ..AppData::default()
        }))
    } else {
        Outcome::Refused(problems)
    }
}

/// A live unit named `name` (or so abbreviated), without diacritics or case, and with the
/// usual abbreviations read as their words (LĐLĐ, CĐCS); with `parent` given, only among that
/// parent's units.
pub fn unit_named<'a>(local: &'a AppData, name: &str, parent: Option<Option<&str>>) -> Option<&'a Unit> {
    let wanted = match_key(name);
    record::live(&local.units).find(|u| {
        parent.is_none_or(|p| u.parent_id.as_deref() == p)
            && (match_key(&u.name) == wanted
                || (!u.short_name.trim().is_empty() && match_key(&u.short_name) == wanted))
    })
}

/// A name as matched: folded, single-spaced, with "Liên đoàn Lao động" as "LĐLĐ" and "Công
/// đoàn cơ sở" as "CĐCS", so "Lien doan lao dong huyen Ba Vi" is "LĐLĐ huyện Ba Vì".
fn match_key(name: &str) -> String {
    let folded = fold(name).split_whitespace().collect::<Vec<_>>().join(" ");
    folded
        .replace("lien doan lao dong", "ldld")
        .replace("cong doan co so", "cdcs")
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
