//! Spreadsheets in: a federation's list of units, or the yearly figures of a year, arrive as
//! Excel or CSV sheets. The office module reads the file into a [`Grid`] of cells; here the
//! header row is found and its columns recognised (with or without diacritics), or mapped by
//! the officer; each row is checked with the forms' own rules and named by row and column; and
//! the rows become records of an ordinary import ([`crate::domain::exchange::Incoming`]), so the
//! preview (new / updated / unchanged), the confirmation and the undo are the JSON import's.

pub mod columns;
pub mod figures_sheet;
pub mod matching;
pub mod units_sheet;

pub use columns::{Field, Mapping, SheetKind};

use serde::{Deserialize, Serialize};

/// How a chosen file is read: as CSV text, or as a workbook (.xlsx, .xls, .ods).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Csv,
    Workbook,
}

/// Sheets larger than this are not lists of units or figures.
pub const MAX_SHEET_BYTES: usize = 20 * 1024 * 1024;

impl SheetFormat {
    /// The format a file name says, or why the file is not taken, in Vietnamese.
    pub fn check(name: &str, size: usize) -> Result<SheetFormat, String> {
        if size > MAX_SHEET_BYTES {
            return Err(format!(
                "Tệp \"{name}\" quá lớn cho một bảng tính đơn vị hoặc chỉ tiêu (tối đa 20 MB)."
            ));
        }
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Ok(SheetFormat::Csv)
        } else if [".xlsx", ".xls", ".ods"].iter().any(|e| lower.ends_with(e)) {
            Ok(SheetFormat::Workbook)
        } else {
            Err(format!(
                "Tệp \"{name}\" không phải bảng tính: hãy chọn tệp .xlsx, .xls, .ods hoặc .csv."
            ))
        }
    }
}

/// One cell as the file holds it: numbers stay numbers, dates come as `yyyy-mm-dd` text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SheetCell {
    Text(String),
    Number(f64),
    Empty,
}

impl SheetCell {
    /// The cell as text ("12" for the number 12, "12,5" for 12.5).
    pub fn text(&self) -> String {
        match self {
            SheetCell::Text(t) => t.trim().to_string(),
            SheetCell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            SheetCell::Number(n) => crate::domain::format::decimal(*n, 6),
            SheetCell::Empty => String::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        crate::domain::fold::is_blank(&self.text())
    }
}

/// The first sheet of a file, row by row.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub rows: Vec<Vec<SheetCell>>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &SheetCell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&SheetCell::Empty)
    }
}

/// A row the import refuses, named as the officer sees it in the spreadsheet: row 7 is the
/// seventh row of the sheet, column C its third column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based, as the spreadsheet numbers rows.
    pub row: usize,
    /// 0-based column; `None` for the whole row.
    pub column: Option<usize>,
    /// The column's header in the file.
    pub header: String,
    pub message: String,
}

impl Problem {
    /// "Dòng 7, cột C (Loại): …"
    pub fn text(&self) -> String {
        match self.column {
            Some(c) if self.header.is_empty() => {
                format!("Dòng {}, cột {}: {}", self.row, column_letter(c), self.message)
            }
            Some(c) => format!(
                "Dòng {}, cột {} ({}): {}",
                self.row,
                column_letter(c),
                self.header,
                self.message
            ),
            None => format!("Dòng {}: {}", self.row, self.message),
        }
    }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// What a sheet import found before anything changes: the records to import (as a file's data)
/// and what it could not take.
#[derive(Debug)]
pub enum Outcome {
    Ready(Box<crate::domain::data::AppData>),
    Refused(Vec<Problem>),
}

/// How many rows need fixing (a row can have several problems).
pub fn rows_to_fix(problems: &[Problem]) -> usize {
    problems
        .iter()
        .map(|p| p.row)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// A sheet's problems as they are found, each named by its row and its field's column.
struct Problems<'a> {
    mapping: &'a columns::Mapping,
    headers: Vec<String>,
    list: Vec<Problem>,
}

impl<'a> Problems<'a> {
    fn new(grid: &Grid, mapping: &'a columns::Mapping) -> Self {
        Self {
            mapping,
            headers: mapping.headers(grid),
            list: Vec::new(),
        }
    }

    /// The column's header in the file, or the field's own name when the file has none.
    fn header(&self, field: &Field) -> String {
        self.mapping
            .column_of(field)
            .map(|c| self.headers[c].clone())
            .filter(|h| !crate::domain::fold::is_blank(h))
            .unwrap_or_else(|| field.label())
    }

    fn add(&mut self, row: usize, field: &Field, message: String) {
        let header = self.header(field);
        // The forms' parsers start with the field's name, which is already said in brackets.
        let message = match message.strip_prefix(&format!("{header}: ")) {
            Some(rest) => rest.to_string(),
            None => message,
        };
        self.list.push(Problem {
            row,
            column: self.mapping.column_of(field),
            header,
            message,
        });
    }

    fn outcome(self, data: crate::domain::data::AppData) -> Outcome {
        if self.list.is_empty() {
            Outcome::Ready(Box::new(data))
        } else {
            Outcome::Refused(self.list)
        }
    }
}

/// A checked sheet as an import of this office's own records, so that the JSON import's
/// preview, confirmation and undo serve it: "Bảng tính: Danh sách đơn vị".
pub fn into_incoming(
    data: crate::domain::data::AppData,
    office: crate::domain::exchange::Office,
    what: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> crate::domain::exchange::Incoming {
    crate::domain::exchange::Incoming {
        file: crate::domain::exchange::ExportFile {
            schema_version: crate::domain::schema::CURRENT_VERSION,
            office,
            exported_at: at,
            scope: crate::domain::exchange::Scope {
                description: format!("Bảng tính: {what}"),
            },
            data,
        },
        migrated_from: None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod problem_tests {
    use super::*;

    #[test]
    fn a_chosen_file_is_a_sheet_by_its_name_and_size() {
        assert_eq!(SheetFormat::check("Don-vi.CSV", 10), Ok(SheetFormat::Csv));
        assert_eq!(SheetFormat::check("don-vi.xlsx", 10), Ok(SheetFormat::Workbook));
        assert!(SheetFormat::check("don-vi.json", 10)
            .unwrap_err()
            .contains(".xlsx"));
        assert!(SheetFormat::check("to.xlsx", MAX_SHEET_BYTES + 1)
            .unwrap_err()
            .contains("20 MB"));
    }

    #[test]
    fn columns_are_lettered_as_in_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(2), "C");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn a_problem_names_row_column_and_header() {
        let p = Problem {
            row: 7,
            column: Some(2),
            header: "Loại".into(),
            message: "không rõ loại \"xyz\".".into(),
        };
        assert_eq!(p.text(), "Dòng 7, cột C (Loại): không rõ loại \"xyz\".");
    }
}
