//! A [`Workbook`] as an Excel file: one sheet per table, a title row naming office, content and
//! date, Vietnamese headers on a frozen row, numbers as numbers, and column widths fitted to
//! their content; printed as it is on A4 (see [`print_setup`]).

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook as Xlsx, XlsxError};
use std::collections::HashSet;
use thidua::domain::reports::{Cell, Workbook};

pub fn xlsx(book: &Workbook) -> Result<Vec<u8>, String> {
    write(book).map_err(|e| format!("không tạo được tệp Excel ({e})"))
}

fn write(book: &Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut file = Xlsx::new();
    let title = Format::new().set_bold().set_font_size(13);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let day_format = Format::new().set_num_format("dd/mm/yyyy");
    let mut taken = HashSet::new();
    for (n, table) in book.sheets.iter().enumerate() {
        let sheet = file.add_worksheet();
        sheet.set_name(sheet_name(&table.caption, n, &mut taken))?;
        sheet.write_string_with_format(0, 0, &book.title, &title)?;
        sheet.write_string(1, 0, &table.caption)?;
        const HEAD: u32 = 2;
        for (col, column) in table.columns.iter().enumerate() {
            sheet.write_string_with_format(HEAD, col as u16, &column.title, &header)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = HEAD + 1 + r as u32;
            for (col, value) in row.iter().enumerate() {
                match value {
                    Cell::Text(t) => {
                        sheet.write_string(r, col as u16, t)?;
                    }
                    Cell::Number { value, .. } => {
                        sheet.write_number(r, col as u16, *value)?;
                    }
                    Cell::Date { date, shown } => {
                        match ExcelDateTime::from_ymd(
                            date.year() as u16,
                            date.month() as u8,
                            date.day() as u8,
                        ) {
                            Ok(day) => sheet.write_datetime_with_format(r, col as u16, &day, &day_format)?,
                            Err(_) => sheet.write_string(r, col as u16, shown)?,
                        };
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(HEAD + 1, 0)?;
        // The title row is long: fitting widths to it would make the first column huge.
        sheet.set_autofit_max_width(60 * 7).autofit();
        sheet.set_column_width(0, column_width(table, 0))?;
        print_setup(sheet, &book.title, table, HEAD)?;
    }
    if book.sheets.is_empty() {
        let sheet = file.add_worksheet();
        sheet.write_string_with_format(0, 0, &book.title, &title)?;
        sheet.write_string(1, 0, "Báo cáo này không có bảng số liệu.")?;
    }
    file.save_to_buffer()
}

/// A4; landscape when the columns are wider than a portrait page; one page wide; the header
/// row repeated on each page; the title as the print header and the page number below.
fn print_setup(
    sheet: &mut rust_xlsxwriter::Worksheet,
    title: &str,
    table: &thidua::domain::reports::Table,
    head: u32,
) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    sheet.set_paper_size(A4);
    if landscape(table) {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(head, head)?;
    sheet.set_header(print_header(title));
    sheet.set_footer("&CTrang &P/&N");
    Ok(())
}

/// Whether the sheet's columns, as fitted, are wider than A4 portrait's printable width
/// (210 mm less Excel's default margins of 0,7 inch a side).
pub fn landscape(table: &thidua::domain::reports::Table) -> bool {
    const PORTRAIT_MM: f64 = 210.0 - 2.0 * 17.78;
    // Excel's column width unit: a width of w characters is 7w + 5 pixels at 96 dpi.
    let mm = |chars: f64| (chars * 7.0 + 5.0) * 25.4 / 96.0;
    let total: f64 = (0..table.columns.len()).map(|c| mm(column_width(table, c))).sum();
    total > PORTRAIT_MM
}

/// The print header: the title centred, in the header's own escape for `&`, cut to what Excel
/// allows (255 characters with the codes).
pub fn print_header(title: &str) -> String {
    let escaped = title.replace('&', "&&");
    let mut cut: String = escaped.chars().take(240).collect();
    // Never end on half of an escaped "&&".
    if cut.ends_with('&') && !cut.ends_with("&&") {
        cut.pop();
    }
    format!("&C{cut}")
}

/// A column's width from its header and cells (characters), within reason.
fn column_width(table: &thidua::domain::reports::Table, col: usize) -> f64 {
    let longest = std::iter::once(table.columns.get(col).map_or(0, |c| c.title.chars().count()))
        .chain(
            table
                .rows
                .iter()
                .map(|r| r.get(col).map_or(0, |c| c.shown().chars().count())),
        )
        .max()
        .unwrap_or(0);
    (longest as f64 + 2.0).clamp(6.0, 60.0)
}

/// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(caption: &str, n: usize, taken: &mut HashSet<String>) -> String {
    let clean: String = caption
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'');
    let mut name: String = clean.chars().take(31).collect();
    // Cut between words when the caption is longer than Excel allows.
    if clean.chars().count() > 31 {
        if let Some(space) = name.rfind(' ').filter(|&i| i > 15) {
            name.truncate(space);
        }
    }
    if name.trim().is_empty() {
        name = format!("Bảng {}", n + 1);
    }
    let base = name.clone();
    let mut copy = 1;
    while !taken.insert(name.to_lowercase()) {
        copy += 1;
        let suffix = format!(" ({copy})");
        name = base.chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_obey_excels_rules() {
        let mut taken = HashSet::new();
        let long = "Kết quả chấm điểm: xếp loại [năm 2024] của Cụm thi đua số 4";
        let a = sheet_name(long, 0, &mut taken);
        assert!(
            a.chars().count() <= 31 && !a.contains(':') && !a.contains('['),
            "{a}"
        );
        let b = sheet_name(long, 1, &mut taken);
        assert_ne!(a.to_lowercase(), b.to_lowercase());
        assert!(b.chars().count() <= 31);
        assert_eq!(sheet_name("  ", 2, &mut taken), "Bảng 3");
        // A third long name still finds a free one.
        let c = sheet_name(long, 3, &mut taken);
        assert!(![&a, &b].contains(&&c) && c.chars().count() <= 31, "{c}");
    }
}
