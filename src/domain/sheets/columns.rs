//! What each column of a sheet means. Headers are recognised by their folded text (no
//! diacritics, no case: "Ten don vi" is "Tên đơn vị"), including the app's own exports and
//! templates; when a header is not recognised, the officer maps it (or leaves it out).

use super::{Grid, SheetCell};
use crate::domain::fold::fold;
use crate::domain::letter_case;
use crate::domain::reports::{Column, Table};
use crate::domain::scoring::indicators::IndicatorKey;
use crate::domain::scoring::wording::indicator;

/// What a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetKind {
    /// A list of units (grassroots unions mostly) under one parent.
    Units,
    /// One year's figures, a row per unit.
    Figures,
}

impl SheetKind {
    pub fn name(self) -> &'static str {
        match self {
            SheetKind::Units => "Danh sách đơn vị",
            SheetKind::Figures => "Chỉ tiêu năm",
        }
    }

    /// The columns a sheet of this kind can have, in template order.
    pub fn fields(self) -> Vec<Field> {
        match self {
            SheetKind::Units => vec![
                Field::Name,
                Field::ShortName,
                Field::Kind,
                Field::Parent,
                Field::ActiveFrom,
                Field::ActiveTo,
            ],
            SheetKind::Figures => std::iter::once(Field::Unit)
                .chain(IndicatorKey::BUILT_IN.iter().cloned().map(Field::Figure))
                .collect(),
        }
    }

    /// The column every row needs: the unit's name.
    pub fn key_field(self) -> Field {
        match self {
            SheetKind::Units => Field::Name,
            SheetKind::Figures => Field::Unit,
        }
    }

    /// What each column may hold, said under the file picker.
    pub fn help(self) -> Vec<String> {
        match self {
            SheetKind::Units => vec![
                "Tên đơn vị (bắt buộc).".into(),
                "Tên viết tắt.".into(),
                format!(
                    "Loại: {} (bỏ trống: Công đoàn cơ sở).",
                    crate::domain::units::UnitKind::ALL
                        .into_iter()
                        .map(crate::domain::units::kind_name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "Cấp trên: tên một đơn vị đã có (bỏ trống: đơn vị cấp trên chọn ở trên).".into(),
                "Hoạt động từ, Đến: ngày dd/mm/yyyy.".into(),
            ],
            SheetKind::Figures => vec![
                "Đơn vị (bắt buộc): tên hoặc tên viết tắt của một đơn vị đã có.".into(),
                format!(
                    "{}: số nguyên (1.450 hoặc 1450), bỏ trống nếu chưa có số liệu.",
                    IndicatorKey::BUILT_IN
                        .iter()
                        .map(indicator)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ],
        }
    }

    /// The blank template ("Tải mẫu Excel"): the header row, nothing else.
    pub fn template(self) -> Table {
        Table {
            caption: format!("Mẫu {}", letter_case::lower(self.name())),
            columns: self.fields().iter().map(|f| Column::text(&f.label())).collect(),
            rows: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    ShortName,
    Kind,
    Parent,
    ActiveFrom,
    ActiveTo,
    /// The unit a figures row is for.
    Unit,
    Figure(IndicatorKey),
    /// A column left out (an order number, a rate the app computes itself…).
    Ignored,
}

impl Field {
    pub fn label(&self) -> String {
        match self {
            Field::Name => "Tên đơn vị".into(),
            Field::ShortName => "Tên viết tắt".into(),
            Field::Kind => "Loại".into(),
            Field::Parent => "Cấp trên".into(),
            Field::ActiveFrom => "Hoạt động từ".into(),
            Field::ActiveTo => "Đến".into(),
            Field::Unit => "Đơn vị".into(),
            Field::Figure(k) => indicator(k),
            Field::Ignored => "Bỏ qua cột này".into(),
        }
    }

    /// Other ways officers head the column, as [`header_key`] reduces them. Kept to headers
    /// that mean one thing: "Cấp" alone is the unit's kind, "Cấp trên" its parent.
    fn aliases(&self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "ten",
                "ten cong doan",
                "ten cdcs",
                "ten cong doan co so",
                "don vi",
                "ten don vi",
                "ten day du",
                "ten don vi day du",
            ],
            Field::ShortName => &["viet tat", "ten ngan", "ten goi tat", "ten viet tat", "ten tat"],
            Field::Kind => &[
                "loai",
                "loai don vi",
                "cap",
                "cap don vi",
                "loai hinh",
                "loai hinh don vi",
                "cap cong doan",
            ],
            Field::Parent => &[
                "truc thuoc",
                "don vi cap tren",
                "cong doan cap tren",
                "cap tren truc tiep",
                "don vi quan ly",
                "thuoc",
            ],
            Field::ActiveFrom => &[
                "tu ngay",
                "ngay thanh lap",
                "thanh lap",
                "hoat dong tu ngay",
                "bat dau hoat dong",
                "ngay bat dau",
                "ngay bat dau hoat dong",
                "tu",
            ],
            Field::ActiveTo => &[
                "den ngay",
                "ngung hoat dong",
                "giai the",
                "hoat dong den",
                "hoat dong den ngay",
                "ngay ngung hoat dong",
                "ngung hoat dong tu",
                "ngung hoat dong tu ngay",
                "ngay giai the",
                "het hoat dong",
                "ngay ket thuc",
                "den",
            ],
            Field::Unit => &[
                "ten don vi",
                "ten cdcs",
                "cong doan co so",
                "ten",
                "ten cong doan",
                "ten cong doan co so",
                "don vi bao cao",
            ],
            Field::Figure(k) => figure_aliases(k),
            _ => &[],
        }
    }
}

/// Other ways the main yearly figures are headed in the membership system's sheets.
fn figure_aliases(key: &IndicatorKey) -> &'static [&'static str] {
    match key {
        IndicatorKey::GrassrootsUnions => &["so cdcs", "tong so cdcs", "cdcs dang quan ly", "cdcs"],
        IndicatorKey::Members => &["doan vien", "tong so doan vien", "so dv"],
        IndicatorKey::NewMembers => &[
            "ket nap moi",
            "so ket nap moi",
            "doan vien ket nap moi",
            "so doan vien ket nap moi",
            "ket nap doan vien",
        ],
        IndicatorKey::NewMembersTarget => &[
            "chi tieu ket nap",
            "chi tieu ket nap doan vien moi",
            "chi tieu phat trien doan vien",
        ],
        IndicatorKey::NewGrassroots => &["cdcs thanh lap moi", "so cdcs thanh lap moi", "thanh lap cdcs"],
        IndicatorKey::NewGrassrootsTarget => &["chi tieu thanh lap cdcs moi", "chi tieu cdcs moi"],
        _ => &[],
    }
}

/// A header reduced to what tells columns apart: folded (no diacritics, no case), notes in
/// brackets dropped ("Hoạt động từ (dd/mm/yyyy)"), punctuation and marks of a required column
/// ("Tên đơn vị (*)", "Đến ngày:") read as spaces, spaces collapsed.
pub fn header_key(header: &str) -> String {
    let mut plain = String::new();
    let mut depth = 0usize;
    for ch in fold(header).chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_ascii_alphanumeric() => plain.push(c),
            _ => plain.push(' '),
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headers that are known and left out: an order number, the archive mark and rates, which
/// the app computes from the figures.
fn ignored(key: &str) -> bool {
    matches!(key, "stt" | "so tt" | "tt" | "luu tru") || key.starts_with("ty le")
}

/// The field a header names in a sheet of `kind`, if it is recognised.
pub fn recognise(header: &str, kind: SheetKind) -> Option<Field> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    if ignored(&key) {
        return Some(Field::Ignored);
    }
    kind.fields()
        .into_iter()
        .find(|f| header_key(&f.label()) == key)
        .or_else(|| {
            kind.fields()
                .into_iter()
                .find(|f| f.aliases().contains(&key.as_str()))
        })
}

/// Which row holds the headers, and what each column is (`None`: not recognised).
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// 0-based.
    pub header_row: usize,
    pub columns: Vec<Option<Field>>,
}

/// How far down the header row is looked for (a title and a caption row come first in the
/// app's own spreadsheets).
const HEADER_SEARCH_ROWS: usize = 10;

impl Mapping {
    /// The first row (of the first ten) naming the key column is the header row; without one,
    /// the first row that is not empty, for the officer to map.
    pub fn detect(grid: &Grid, kind: SheetKind) -> Mapping {
        let of_row = |r: usize| -> Vec<Option<Field>> {
            grid.rows[r].iter().map(|c| recognise(&c.text(), kind)).collect()
        };
        let rows = grid.rows.len().min(HEADER_SEARCH_ROWS);
        let header_row = (0..rows)
            .find(|&r| of_row(r).contains(&Some(kind.key_field())))
            .or_else(|| (0..grid.rows.len()).find(|&r| grid.rows[r].iter().any(|c| !c.is_blank())))
            .unwrap_or(0);
        let mut columns = if grid.rows.is_empty() {
            Vec::new()
        } else {
            of_row(header_row)
        };
        // Cells further right than the headers are columns too (with no header).
        let widest = grid.rows.iter().skip(header_row).map(Vec::len).max().unwrap_or(0);
        columns.resize(widest.max(columns.len()), None);
        Mapping { header_row, columns }
    }

    /// The headers of the file, column by column.
    pub fn headers(&self, grid: &Grid) -> Vec<String> {
        (0..self.columns.len())
            .map(|c| grid.cell(self.header_row, c).text())
            .collect()
    }

    /// What keeps the mapping from being used: the key column missing, a field given twice,
    /// or a column with a header nobody has said what to do with. Empty when ready.
    pub fn gaps(&self, grid: &Grid, kind: SheetKind) -> Vec<String> {
        let mut gaps = Vec::new();
        let key = kind.key_field();
        if !self.columns.contains(&Some(key.clone())) {
            gaps.push(format!("Chưa có cột \"{}\".", key.label()));
        }
        for (i, field) in self.columns.iter().enumerate() {
            if let Some(f) = field.as_ref().filter(|f| **f != Field::Ignored) {
                if self.columns[..i].contains(&Some(f.clone())) {
                    gaps.push(format!("Cột \"{}\" được chọn cho hai cột của tệp.", f.label()));
                }
            }
        }
        for (i, header) in self.headers(grid).iter().enumerate() {
            if self.columns[i].is_some() {
                continue;
            }
            let letter = super::column_letter(i);
            if !crate::domain::fold::is_blank(header) {
                gaps.push(format!(
                    "Cột {letter} (\"{header}\"): chưa rõ cột này chứa gì; hãy chọn, hoặc bỏ qua cột này."
                ));
            } else if grid
                .rows
                .iter()
                .skip(self.header_row + 1)
                .any(|r| r.get(i).is_some_and(|c| !c.is_blank()))
            {
                gaps.push(format!("Cột {letter} có dữ liệu nhưng không có tiêu đề; hãy chọn cột này chứa gì, hoặc bỏ qua cột này."));
            }
        }
        gaps
    }

    /// The rows under the header row that hold something (0-based), in order: each is a unit
    /// or a unit's figures.
    pub fn data_rows<'a>(&self, grid: &'a Grid) -> impl Iterator<Item = usize> + 'a {
        (self.header_row + 1..grid.rows.len()).filter(|&r| !grid.rows[r].iter().all(SheetCell::is_blank))
    }

    /// The column holding `field`, if any.
    pub fn column_of(&self, field: &Field) -> Option<usize> {
        self.columns.iter().position(|f| f.as_ref() == Some(field))
    }
}

/// The cell of `row` for `field`, and its column; blank when the sheet has no such column.
pub fn cell_for<'a>(
    grid: &'a Grid,
    mapping: &Mapping,
    row: usize,
    field: &Field,
) -> (Option<usize>, &'a SheetCell) {
    match mapping.column_of(field) {
        Some(c) => (Some(c), grid.cell(row, c)),
        None => (None, &SheetCell::Empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_row(cells: &[&str]) -> Vec<SheetCell> {
        cells.iter().map(|c| SheetCell::Text(c.to_string())).collect()
    }

    #[test]
    fn headers_are_recognised_with_or_without_diacritics() {
        assert_eq!(recognise("Tên đơn vị", SheetKind::Units), Some(Field::Name));
        assert_eq!(recognise("TEN DON VI", SheetKind::Units), Some(Field::Name));
        assert_eq!(
            recognise(" ten viet tat ", SheetKind::Units),
            Some(Field::ShortName)
        );
        assert_eq!(recognise("STT", SheetKind::Units), Some(Field::Ignored));
        assert_eq!(
            recognise("Số đoàn viên", SheetKind::Figures),
            Some(Field::Figure(IndicatorKey::Members))
        );
        assert_eq!(
            recognise("so doan vien", SheetKind::Figures),
            Some(Field::Figure(IndicatorKey::Members))
        );
        assert_eq!(recognise("Ghi chú riêng", SheetKind::Units), None);
    }

    /// The usual ways of heading each column of a units sheet, as other programs and officers
    /// write them.
    const EVERYDAY_UNIT_HEADERS: &[(&str, Field)] = &[
        ("Tên đơn vị", Field::Name),
        ("TÊN ĐƠN VỊ", Field::Name),
        ("Đơn vị", Field::Name),
        ("Tên", Field::Name),
        ("Tên công đoàn cơ sở", Field::Name),
        ("Tên đơn vị (*)", Field::Name),
        ("  tên   đơn  vị  ", Field::Name),
        ("Tên viết tắt", Field::ShortName),
        ("Viết tắt", Field::ShortName),
        ("Tên gọi tắt", Field::ShortName),
        ("Loại", Field::Kind),
        ("Loại đơn vị", Field::Kind),
        ("Cấp", Field::Kind),
        ("Cấp đơn vị", Field::Kind),
        ("Loai hinh", Field::Kind),
        ("Đơn vị cấp trên", Field::Parent),
        ("Cấp trên", Field::Parent),
        ("Trực thuộc", Field::Parent),
        ("don vi cap tren", Field::Parent),
        ("Công đoàn cấp trên", Field::Parent),
        ("Hoạt động từ", Field::ActiveFrom),
        ("Hoạt động từ (dd/mm/yyyy)", Field::ActiveFrom),
        ("Từ ngày", Field::ActiveFrom),
        ("Ngày thành lập", Field::ActiveFrom),
        ("HOAT DONG TU", Field::ActiveFrom),
        ("Hoạt động đến", Field::ActiveTo),
        ("Đến ngày", Field::ActiveTo),
        ("Đến", Field::ActiveTo),
        ("Ngừng hoạt động", Field::ActiveTo),
        ("Ngày ngừng hoạt động", Field::ActiveTo),
        ("Ngừng hoạt động từ ngày:", Field::ActiveTo),
        ("Giải thể", Field::ActiveTo),
        ("hoat dong den", Field::ActiveTo),
    ];

    #[test]
    fn everyday_unit_headers_are_recognised() {
        for (header, field) in EVERYDAY_UNIT_HEADERS {
            assert_eq!(
                recognise(header, SheetKind::Units).as_ref(),
                Some(field),
                "\"{header}\""
            );
        }
        // Headers that name nothing the app keeps stay for the officer to map.
        for header in ["Mã số thuế", "Địa chỉ", "Ghi chú", ""] {
            assert_eq!(recognise(header, SheetKind::Units), None, "\"{header}\"");
        }
    }

    #[test]
    fn a_sheet_from_another_program_needs_no_mapping() {
        let grid = Grid {
            rows: vec![
                text_row(&[
                    "Tên đơn vị",
                    "Tên viết tắt",
                    "Loại",
                    "Đơn vị cấp trên",
                    "Hoạt động từ",
                    "Hoạt động đến",
                    "Mã số thuế",
                ]),
                text_row(&[
                    "CĐCS Công ty May 10",
                    "May 10",
                    "",
                    "",
                    "01/01/2020",
                    "",
                    "0100101",
                ]),
            ],
        };
        let m = Mapping::detect(&grid, SheetKind::Units);
        assert_eq!(
            m.columns,
            vec![
                Some(Field::Name),
                Some(Field::ShortName),
                Some(Field::Kind),
                Some(Field::Parent),
                Some(Field::ActiveFrom),
                Some(Field::ActiveTo),
                None
            ]
        );
        // Only the column nobody can guess is asked about.
        assert_eq!(m.gaps(&grid, SheetKind::Units).len(), 1);
    }

    #[test]
    fn everyday_figure_headers_are_recognised() {
        for (header, key) in [
            ("Tên đơn vị", None),
            ("Tên CĐCS", None),
            ("Tổng số đoàn viên", Some(IndicatorKey::Members)),
            ("Đoàn viên", Some(IndicatorKey::Members)),
            ("Số CĐCS", Some(IndicatorKey::GrassrootsUnions)),
            ("Kết nạp mới", Some(IndicatorKey::NewMembers)),
            ("Chỉ tiêu kết nạp", Some(IndicatorKey::NewMembersTarget)),
            ("CĐCS thành lập mới", Some(IndicatorKey::NewGrassroots)),
        ] {
            let field = key.map(Field::Figure).unwrap_or(Field::Unit);
            assert_eq!(recognise(header, SheetKind::Figures), Some(field), "\"{header}\"");
        }
    }

    #[test]
    fn header_keys_drop_notes_and_punctuation() {
        assert_eq!(header_key("Hoạt động từ (dd/mm/yyyy)"), "hoat dong tu");
        assert_eq!(header_key("Đến ngày:"), "den ngay");
        assert_eq!(header_key("Tên đơn vị*"), "ten don vi");
        assert_eq!(header_key("Số CĐCS"), "so cdcs");
    }

    #[test]
    fn the_header_row_is_found_under_a_title_and_unknown_columns_are_gaps() {
        let grid = Grid {
            rows: vec![
                text_row(&["LĐLĐ thành phố Hà Nội – Danh sách đơn vị"]),
                text_row(&[]),
                text_row(&["STT", "Ten don vi", "Mã số thuế"]),
                text_row(&["1", "CĐCS Công ty May 10", "0100101"]),
            ],
        };
        let mut m = Mapping::detect(&grid, SheetKind::Units);
        assert_eq!(m.header_row, 2);
        assert_eq!(m.columns, vec![Some(Field::Ignored), Some(Field::Name), None]);
        let gaps = m.gaps(&grid, SheetKind::Units);
        assert_eq!(
            gaps,
            ["Cột C (\"Mã số thuế\"): chưa rõ cột này chứa gì; hãy chọn, hoặc bỏ qua cột này."]
        );
        m.columns[2] = Some(Field::Ignored);
        assert!(m.gaps(&grid, SheetKind::Units).is_empty());
        m.columns[0] = Some(Field::Name);
        assert_eq!(m.gaps(&grid, SheetKind::Units).len(), 1, "a field given twice");
    }
}
