//! Reading a spreadsheet the officer chose into the app's [`Grid`]: the first sheet of an
//! .xlsx (also .xls and .ods) through calamine, or a .csv in UTF-8 (with or without a BOM)
//! through csv. Rows and columns keep their places, so row 7 of the grid is row 7 of the sheet.

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chrono::NaiveDate;
use thidua::domain::sheets::{Grid, SheetCell, SheetFormat};

pub fn read(name: &str, bytes: &[u8]) -> Result<Grid, String> {
    match SheetFormat::check(name, bytes.len())? {
        SheetFormat::Csv => read_csv(bytes),
        SheetFormat::Workbook => read_workbook(bytes),
    }
}

fn read_workbook(bytes: &[u8]) -> Result<Grid, String> {
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|_| {
        "không mở được tệp như một bảng tính Excel (.xlsx); tệp có thể bị hỏng hoặc không phải bảng tính"
            .to_string()
    })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or("bảng tính không có trang nào")?
        .map_err(|e| format!("không đọc được trang đầu của bảng tính ({e})"))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<SheetCell>> = (0..top).map(|_| Vec::new()).collect();
    for row in range.rows() {
        let mut cells: Vec<SheetCell> = (0..left).map(|_| SheetCell::Empty).collect();
        cells.extend(row.iter().map(cell));
        rows.push(cells);
    }
    Ok(Grid { rows })
}

fn cell(data: &Data) -> SheetCell {
    match data {
        Data::Int(n) => SheetCell::Number(*n as f64),
        Data::Float(f) => SheetCell::Number(*f),
        Data::String(s) if s.trim().is_empty() => SheetCell::Empty,
        Data::String(s) => SheetCell::Text(s.clone()),
        Data::Bool(b) => SheetCell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        // A date cell reaches the app as yyyy-mm-dd; calamine knows the workbook's epoch (1900,
        // or 1904 in old Mac workbooks).
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day)) {
                Some(day) => SheetCell::Text(day.format("%Y-%m-%d").to_string()),
                None => SheetCell::Number(d.as_f64()),
            }
        }
        Data::DateTime(d) => SheetCell::Number(d.as_f64()),
        Data::DateTimeIso(s) => SheetCell::Text(s.chars().take(10).collect()),
        Data::DurationIso(s) => SheetCell::Text(s.clone()),
        Data::Error(e) => SheetCell::Text(format!("#{e:?}")),
        Data::Empty => SheetCell::Empty,
    }
}

fn read_csv(bytes: &[u8]) -> Result<Grid, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        "tệp CSV không ở mã UTF-8; trong Excel hãy lưu bằng \"CSV UTF-8 (Comma delimited)\"".to_string()
    })?;
    // Excel in Vietnamese settings writes ";" between cells; others write ",".
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| format!("tệp CSV bị lỗi ở dòng {} ", e.position().map_or(0, |p| p.line())))?;
        rows.push(
            record
                .iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        SheetCell::Empty
                    } else {
                        SheetCell::Text(c.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Grid { rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_a_bom_and_semicolons_reads_cell_by_cell() {
        let grid = read(
            "don-vi.csv",
            "\u{feff}STT;Tên đơn vị\n1;\"CĐCS Công ty May; Hà Nội\"\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(
            grid.rows[1][1],
            SheetCell::Text("CĐCS Công ty May; Hà Nội".into())
        );
    }

    #[test]
    fn a_csv_not_in_utf8_is_refused_with_a_way_out() {
        let e = read("don-vi.csv", b"T\xean \xf0\n").unwrap_err();
        assert!(e.contains("UTF-8"), "{e}");
    }

    #[test]
    fn an_xlsx_made_by_the_app_reads_back_with_numbers_and_dates() {
        use thidua::domain::reports::{Cell, Column, Table, Workbook};
        let day = NaiveDate::from_ymd_opt(2024, 5, 14).unwrap();
        let book = Workbook {
            title: "Thử".into(),
            sheets: vec![Table {
                caption: "Bảng".into(),
                columns: vec![Column::text("Tên"), Column::number("Số"), Column::text("Ngày")],
                rows: vec![vec![
                    Cell::text("Ba Vì"),
                    Cell::number(12.5),
                    Cell::date(Some(day)),
                ]],
            }],
        };
        let bytes = crate::xlsx(&book).unwrap();
        let grid = read("bang.xlsx", &bytes).unwrap();
        assert_eq!(grid.cell(0, 0), &SheetCell::Text("Thử".into()));
        assert_eq!(grid.cell(3, 0), &SheetCell::Text("Ba Vì".into()));
        assert_eq!(grid.cell(3, 1), &SheetCell::Number(12.5));
        assert_eq!(grid.cell(3, 2), &SheetCell::Text("2024-05-14".into()));
    }

    #[test]
    fn a_file_that_is_no_spreadsheet_is_refused() {
        assert!(read("x.xlsx", b"not a zip").is_err());
    }
}
