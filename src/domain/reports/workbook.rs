//! What a spreadsheet of the app holds, independent of the file format: a title row naming the
//! office, the content and the date, and one sheet per table, each cell a real number or text.
//! The office module (office/) writes it as .xlsx.

use super::document::{Document, Table};
use crate::domain::format;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    /// The first row of every sheet: "LĐLĐ huyện Ba Vì – Kết quả chấm điểm… – ngày 30/11/2026".
    pub title: String,
    pub sheets: Vec<Table>,
}

impl Workbook {
    /// The tables of a report, under a title that says whose and what it is, and whether
    /// the figures are still a draft.
    pub fn of_document(doc: &Document, office: &str, date: NaiveDate) -> Workbook {
        let content = if doc.summary.trim().is_empty() {
            doc.title.clone()
        } else {
            doc.summary.clone()
        };
        let content = match &doc.draft {
            Some(_) => format!("DỰ THẢO – {content}"),
            None => content,
        };
        Workbook {
            title: title_line(office, &content, date),
            sheets: if doc.sheets.is_empty() {
                doc.tables().cloned().collect()
            } else {
                doc.sheets.clone()
            },
        }
    }
}

/// "LĐLĐ huyện Ba Vì – Danh sách đơn vị – ngày 30/11/2026"; an unnamed office is left out.
pub fn title_line(office: &str, content: &str, date: NaiveDate) -> String {
    let date = format!("ngày {}", format::date(date));
    [office.trim(), content.trim(), date.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" – ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_row_names_office_content_and_date() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            title_line("LĐLĐ huyện Ba Vì", "Danh sách đơn vị", d),
            "LĐLĐ huyện Ba Vì – Danh sách đơn vị – ngày 30/11/2026"
        );
        assert_eq!(
            title_line(" ", "Danh sách đơn vị", d),
            "Danh sách đơn vị – ngày 30/11/2026"
        );
    }
}
