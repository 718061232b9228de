//! A sheet of one year's figures into the units' yearly reports. Each row names a unit, found
//! by name or short name (without diacritics or case) among the chosen parent's units; a name
//! found nowhere is refused with its row, since figures cannot be kept for a unit that does
//! not exist. Filled cells replace the unit's figures for that year; blank cells leave them.
//! The indicators form's rules apply ([`indicators::validate`]).

use super::columns::{cell_for, Field, Mapping};
use super::units_sheet::unit_named;
use super::{Grid, Outcome, Problem, SheetCell};
use crate::domain::data::AppData;
use crate::domain::parse;
use crate::domain::record::{self, Id, Stamp};
use crate::domain::scoring::indicators::{self, IndicatorKey, UnitIndicators};
use crate::domain::scoring::wording::indicator_issue;
use std::collections::HashMap;

/// Reads every row under the header row as `year`'s figures of `parent`'s units (None: any unit).
pub fn read_figures(
    grid: &Grid,
    mapping: &Mapping,
    year: i32,
    parent: Option<&str>,
    local: &AppData,
    stamp: &Stamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Outcome {
    let headers = mapping.headers(grid);
    let parent_name = parent
        .and_then(|p| record::find(&local.units, p))
        .map(|p| p.name.clone());
    let mut problems = Vec::new();
    let mut out: Vec<UnitIndicators> = Vec::new();
    let mut seen: HashMap<Id, usize> = HashMap::new();
    for r in mapping.header_row + 1..grid.rows.len() {
        if grid.rows[r].iter().all(SheetCell::is_blank) {
            continue;
        }
        let row = r + 1;
        let problem = |problems: &mut Vec<Problem>, field: &Field, message: String| {
            let column = mapping.column_of(field);
            problems.push(Problem {
                row,
                column,
                header: column.map(|c| headers[c].clone()).unwrap_or_default(),
                message,
            });
        };
        let name = cell_for(grid, mapping, r, &Field::Unit).1.text();
        let unit = if name.is_empty() {
            problem(&mut problems, &Field::Unit, "chưa ghi tên đơn vị.".into());
            continue;
        } else {
            match unit_named(local, &name, parent.map(Some)) {
                Some(u) => u,
                None => {
                    let under = parent_name
                        .as_ref()
                        .map(|p| format!(" thuộc {p}"))
                        .unwrap_or_default();
                    problem(
                        &mut problems,
                        &Field::Unit,
                        format!("không có đơn vị \"{name}\"{under} trên máy này; hãy thêm đơn vị trước, hoặc sửa tên."),
                    );
                    continue;
                }
            }
        };
        if let Some(first) = seen.insert(unit.meta.id.clone(), row) {
            problem(
                &mut problems,
                &Field::Unit,
                format!("\"{name}\" đã có ở dòng {first}."),
            );
            continue;
        }
        let existing = indicators::find_for(&local.indicators, &unit.meta.id, year);
        let mut report = existing
            .cloned()
            .unwrap_or_else(|| UnitIndicators::new(new_id(), unit.meta.id.clone(), year, stamp));
        let mut bad = false;
        for key in IndicatorKey::BUILT_IN {
            let field = Field::Figure(key.clone());
            let (column, cell) = cell_for(grid, mapping, r, &field);
            let header = column.map(|c| headers[c].clone()).unwrap_or_default();
            match count(&header, cell) {
                Ok(None) => {}
                Ok(Some(v)) => key.write(&mut report, Some(v)),
                Err(message) => {
                    problem(&mut problems, &field, message);
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
            problem(
                &mut problems,
                &Field::Figure(issue.field()),
                indicator_issue(&issue),
            );
            continue;
        }
        if existing.is_some_and(|e| *e != report) {
            report.meta.touch(stamp);
        }
        out.push(report);
    }
    if problems.is_empty() {
        Outcome::Ready(Box::new(AppData {
            indicators: out,
            ..AppData::default()
        }))
    } else {
        Outcome::Refused(problems)
    }
}

/// A count from a number cell (a whole number, not negative) or from text typed the vi-VN way.
fn count(header: &str, cell: &SheetCell) -> Result<Option<u64>, String> {
    match cell {
        SheetCell::Number(n) if *n < 0.0 => Err(parse::count_message(
            header,
            crate::domain::format::CountError::Negative,
        )),
        SheetCell::Number(n) if n.fract() != 0.0 || *n > 1e15 => Err(parse::count_message(
            header,
            crate::domain::format::CountError::NotANumber,
        )),
        SheetCell::Number(n) => Ok(Some(*n as u64)),
        other => parse::count(header, &other.text()),
    }
}
