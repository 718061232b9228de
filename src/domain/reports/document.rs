//! An official document as the reports build it, independent of how it is shown: the print
//! view draws it as HTML (A4, Times New Roman), and a table of it can go to a spreadsheet.
//! The parts are those of an administrative document (QĐ 933/QĐ-TLĐ on top of NĐ 30/2020,
//! domain guide §5): the two header blocks, title and summary line, body, recipients and
//! signatures.

use super::settings::ReportSettings;
use crate::domain::format;
use crate::domain::letter_case;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The right header block of every document (NĐ 30/2020): the national name and motto.
pub const REPUBLIC: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// Heads the list of recipients, bottom left.
pub const RECIPIENTS_TITLE: &str = "Nơi nhận:";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Left header block, first line: the parent body in capitals (TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM).
    pub parent_body: String,
    /// Left header block, second line, bold: the issuing body in capitals.
    pub issuing_body: String,
    /// "Số:      /BC-LĐLĐ": the number is written in by hand when the document is registered.
    pub number: String,
    /// "Hà Nội, ngày 14 tháng 5 năm 2024"
    pub place_date: String,
    /// "BÁO CÁO", "BIÊN BẢN", "BẢNG CHẤM ĐIỂM THI ĐUA"
    pub title: String,
    /// The summary line under the title, bold.
    pub summary: String,
    /// Set while the figures are not final: said on top, in words (DỰ THẢO …).
    pub draft: Option<String>,
    pub body: Vec<Block>,
    /// "Nơi nhận:" lines; none for minutes, which both sides keep.
    pub recipients: Vec<String>,
    /// Left to right; one for a report, two for minutes and scorecards (both sides).
    pub signatures: Vec<Signature>,
    /// What a spreadsheet of the report holds when it is more than the printed tables: the
    /// results sheet carries every block's points, the card status and the award, which do not
    /// fit an A4 portrait page. Empty: the spreadsheet holds the printed tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<Table>,
    /// Who made the file, for a Word file's properties: the issuing office's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The moment the file was made (created and modified in a Word file's properties); set by
    /// the app when it asks for the file, as the domain has no clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A numbered section heading ("I. KẾT QUẢ CHẤM ĐIỂM").
    Heading(String),
    Paragraph(String),
    Table(Table),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Names the table for screen readers and as a spreadsheet's sheet title.
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub title: String,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

impl Column {
    pub fn text(title: &str) -> Column {
        Column {
            title: title.to_string(),
            numeric: false,
        }
    }

    pub fn number(title: &str) -> Column {
        Column {
            title: title.to_string(),
            numeric: true,
        }
    }
}

/// A table cell: a number keeps its value (for spreadsheets) next to its vi-VN text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Text(String),
    Number {
        value: f64,
        shown: String,
    },
    /// A day, shown dd/mm/yyyy; a spreadsheet gets a real date cell.
    Date {
        date: NaiveDate,
        shown: String,
    },
    Empty,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell::Text(t.into())
    }

    /// A number shown with up to two decimals (44.579; 53,5).
    pub fn number(value: f64) -> Cell {
        Cell::Number {
            value,
            shown: format::decimal(value, 2),
        }
    }

    /// A short phrase kept on one line ("6/6 phiếu (100%)"): its spaces are no-break spaces, so
    /// neither a browser nor Word wraps it, and the Word table's widths count it as one piece.
    pub fn unbroken(t: impl Into<String>) -> Cell {
        Cell::Text(t.into().replace(' ', "\u{a0}"))
    }

    /// A day, or nothing when there is none.
    pub fn date(date: Option<NaiveDate>) -> Cell {
        date.map_or(Cell::Empty, |date| Cell::Date {
            date,
            shown: format::date(date),
        })
    }

    pub fn shown(&self) -> &str {
        match self {
            Cell::Text(t) => t,
            Cell::Number { shown, .. } | Cell::Date { shown, .. } => shown,
            Cell::Empty => "",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// "TM. BAN THƯỜNG VỤ", "ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG"; may be empty.
    pub authority: String,
    /// "CHỦ TỊCH"; may be empty.
    pub title: String,
    /// The signer's full name; empty leaves the line to be written by hand.
    pub name: String,
}

impl Document {
    /// A document issued by this office, with its header, number and signer from `settings`.
    pub fn issued(settings: &ReportSettings, date: NaiveDate, title: &str, summary: String) -> Document {
        Document {
            parent_body: letter_case::upper(&settings.parent_body),
            issuing_body: letter_case::upper(&settings.issuing_body),
            number: format!("Số:        {}", settings.sign),
            place_date: place_date(&settings.place, date),
            title: letter_case::upper(title),
            summary,
            draft: None,
            body: Vec::new(),
            // Addressed to no one unless the builder adds "Kính gửi" (see `recipients_for`).
            recipients: settings.recipients_for(false),
            signatures: vec![settings.signature()],
            sheets: Vec::new(),
            author: settings.issuing_body.trim().to_string(),
            made_at: None,
        }
    }

    /// The document as a file made at `at` by `office`: the file's author is the issuing body
    /// the settings name, or the office's own name when they name none.
    pub fn made(mut self, office: &str, at: DateTime<Utc>) -> Document {
        if self.author.trim().is_empty() {
            self.author = office.trim().to_string();
        }
        self.made_at = Some(at);
        self
    }

    /// Every table of the document, in order (a spreadsheet gets one sheet each).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.body.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

/// "Hà Nội, ngày 14 tháng 5 năm 2024"; without a place name, only the date.
pub fn place_date(place: &str, date: NaiveDate) -> String {
    let place = place.trim();
    if place.is_empty() {
        capitalise(&format::date_long(date))
    } else {
        format!("{place}, {}", format::date_long(date))
    }
}

fn capitalise(text: &str) -> String {
    letter_case::capitalise(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_and_date_line_reads_as_in_official_documents() {
        let d = NaiveDate::from_ymd_opt(2024, 5, 14).unwrap();
        assert_eq!(place_date("Hà Nội", d), "Hà Nội, ngày 14 tháng 5 năm 2024");
        assert_eq!(place_date(" ", d), "Ngày 14 tháng 5 năm 2024");
    }

    #[test]
    fn a_file_is_authored_by_the_issuing_body_or_else_the_office() {
        let d = NaiveDate::from_ymd_opt(2024, 5, 14).unwrap();
        let at = DateTime::from_timestamp(1_765_000_000, 0).unwrap();
        let settings = ReportSettings {
            issuing_body: "Liên đoàn Lao động huyện Ba Vì".into(),
            ..ReportSettings::default()
        };
        let doc = Document::issued(&settings, d, "Báo cáo", String::new());
        assert_eq!(doc.author, "Liên đoàn Lao động huyện Ba Vì");
        let made = doc.made("LĐLĐ huyện Ba Vì", at);
        assert_eq!(
            (made.author.as_str(), made.made_at),
            ("Liên đoàn Lao động huyện Ba Vì", Some(at))
        );
        let unnamed = Document::issued(&ReportSettings::default(), d, "Báo cáo", String::new());
        assert_eq!(unnamed.made(" LĐLĐ huyện Ba Vì ", at).author, "LĐLĐ huyện Ba Vì");
    }

    #[test]
    fn numbers_keep_their_value_and_show_in_vi_vn() {
        let c = Cell::number(53.5);
        assert_eq!(c.shown(), "53,5");
        assert!(matches!(c, Cell::Number { value, .. } if value == 53.5));
        assert_eq!(Cell::number(44579.0).shown(), "44.579");
    }
}
