//! A sheet of one year's figures into the units' yearly reports. Each row names a unit among the
//! chosen parent's units, or among all active units ([`super::matching`]); a name found nowhere,
//! or answering to two units, is refused with its row, since figures must not be kept for a
//! unit that does not exist or land on the wrong one. Filled cells replace the unit's figures
//! for that year; blank cells leave them. The indicators form's rules apply
//! ([`indicators::validate`]).

use super::columns::{cell_for, Field, Mapping};
use super::matching::{find_unit, is_footer, Among, Found};
use super::{Grid, Outcome, Problems, SheetCell};
use crate::domain::data::AppData;
use crate::domain::format::CountError;
use crate::domain::parse;
use crate::domain::record::{self, Id, Stamp};
use crate::domain::scoring::indicators::{self, IndicatorKey, UnitIndicators};
use crate::domain::scoring::wording::indicator_issue;
use std::collections::HashMap;

/// Reads every row under the header row as `year`'s figures of `parent`'s units (None: any
/// active unit).
pub fn read_figures(
    grid: &Grid,
    mapping: &Mapping,
    year: i32,
    parent: Option<&str>,
    local: &AppData,
    stamp: &Stamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Outcome {
    let parent_name = parent
        .and_then(|p| record::find(&local.units, p))
        .map(|p| format!(" thuộc {}", p.name))
        .unwrap_or_default();
    let among = match parent {
        Some(p) => Among::Children(Some(p)),
        None => Among::Active,
    };
    let mut problems = Problems::new(grid, mapping);
    let mut out: Vec<UnitIndicators> = Vec::new();
    let mut seen: HashMap<Id, usize> = HashMap::new();
    for r in mapping.data_rows(grid) {
        let row = r + 1;
        let name = cell_for(grid, mapping, r, &Field::Unit).1.text();
        let unit = match find_unit(local, &name, among) {
            _ if name.is_empty() => {
                problems.add(row, &Field::Unit, "chưa ghi tên đơn vị.".into());
                continue;
            }
            _ if is_footer(&name) => {
                problems.add(
                    row,
                    &Field::Unit,
                    format!("\"{name}\" không phải tên đơn vị; hãy xóa dòng này khỏi bảng tính."),
                );
                continue;
            }
            Found::One(u) => u,
            Found::None => {
                problems.add(
                    row,
                    &Field::Unit,
                    format!("không có đơn vị \"{name}\"{parent_name} trên máy này; hãy thêm đơn vị trước, hoặc sửa tên."),
                );
                continue;
            }
            Found::Many(n) => {
                problems.add(row, &Field::Unit, format!("có {n} đơn vị tên \"{name}\"{parent_name}; hãy chọn đơn vị cấp trên, hoặc ghi đúng tên đầy đủ, có dấu."));
                continue;
            }
        };
        // The one active-unit rule: no figures for a year the unit did not work in.
        if let Some(message) = crate::domain::units::inactive_in_year_message(unit, year) {
            problems.add(row, &Field::Unit, message);
            continue;
        }
        if let Some(first) = seen.insert(unit.meta.id.clone(), row) {
            problems.add(
                row,
                &Field::Unit,
                format!("dòng này và dòng {first} cùng chỉ đơn vị \"{}\".", unit.name),
            );
            continue;
        }
        let existing = indicators::find_for(&local.indicators, &unit.meta.id, year);
        let mut report = existing
            .cloned()
            .unwrap_or_else(|| UnitIndicators::new(String::new(), unit.meta.id.clone(), year, stamp));
        let mut bad = false;
        for key in IndicatorKey::BUILT_IN {
            let field = Field::Figure(key.clone());
            let cell = cell_for(grid, mapping, r, &field).1;
            match count(&problems.header(&field), cell) {
                Ok(None) => {}
                Ok(Some(v)) => key.write(&mut report, Some(v)),
                Err(message) => {
                    problems.add(row, &field, message);
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        if let Some(issue) = indicators::validate(&report)
            .into_iter()
            .find(|i| !i.is_warning())
        {
            problems.add(row, &Field::Figure(issue.field()), indicator_issue(&issue));
            continue;
        }
        match existing {
            Some(e) if *e != report => report.meta.touch(stamp),
            Some(_) => {}
            None => report.meta.id = new_id(),
        }
        out.push(report);
    }
    problems.outcome(AppData {
        indicators: out,
        ..AppData::default()
    })
}

/// A count from a number cell (a whole number, not negative) or from text typed the vi-VN way.
fn count(header: &str, cell: &SheetCell) -> Result<Option<u64>, String> {
    match cell {
        SheetCell::Number(n) if *n < 0.0 => Err(parse::count_message(header, CountError::Negative)),
        SheetCell::Number(n) if n.fract() != 0.0 || *n > 1e15 => {
            Err(parse::count_message(header, CountError::NotANumber))
        }
        SheetCell::Number(n) => Ok(Some(*n as u64)),
        other => parse::count(header, &other.text()),
    }
}
