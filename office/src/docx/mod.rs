//! A [`Document`] as a Word file with the official layout of the print view: A4, margins 20 mm
//! top and bottom, 30 mm left, 15 mm right; Times New Roman 13 pt; the two header blocks side
//! by side, each line whole, with the short rules under the issuing body and the motto; title
//! and summary; the body, its tables sized to what they hold ([`widths`]); recipients and
//! signatures; page numbers at the top from page 2 (the first page has its own, empty header).
//!
//! docx-rs builds the parts; [`package`] writes them in the schema's order with the file's
//! properties and a theme, so Word reads every property and Word on the web opens the file.

pub mod measure;
pub mod package;
pub mod schema_order;
pub mod widths;

use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, Run, RunFonts, Table, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};
use measure::{twips, Weight};
use thidua::domain::reports::document::{MOTTO, RECIPIENTS_TITLE, REPUBLIC};
use thidua::domain::reports::{Block, Cell, Document, Signature, Table as DocTable};

/// A4 in twentieths of a point.
const PAGE: (u32, u32) = (11_906, 16_838);
const MM: i32 = 57; // twips per millimetre (56,7)
const LEFT: i32 = 30 * MM;
const RIGHT: i32 = 15 * MM;
/// The width text runs across, in twips.
pub const TEXT_WIDTH: usize = (PAGE.0 as i32 - LEFT - RIGHT) as usize;
/// Font sizes are in half points.
const BODY_SIZE: usize = 26;
const SMALL_SIZE: usize = 24;
const RECIPIENT_SIZE: usize = 22;

pub fn docx(doc: &Document) -> Result<Vec<u8>, String> {
    let times = RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .east_asia("Times New Roman")
        .cs("Times New Roman");
    let mut file = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin {
            top: 20 * MM,
            bottom: 20 * MM,
            left: LEFT,
            right: RIGHT,
            header: 10 * MM,
            footer: 10 * MM,
            gutter: 0,
        })
        .default_fonts(times)
        .default_size(BODY_SIZE)
        .header(Header::new().add_paragraph(centered().add_page_num(PageNum::new())))
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .add_table(head(doc));
    if let Some(draft) = &doc.draft {
        file = file.add_paragraph(centered().add_run(bold(draft).color("C00000")));
    }
    file = file
        .add_paragraph(centered().add_run(bold(&doc.title)))
        .add_paragraph(centered().add_run(bold(&doc.summary)))
        .add_paragraph(Paragraph::new());
    for block in &doc.body {
        file = match block {
            Block::Heading(h) => file.add_paragraph(Paragraph::new().keep_next(true).add_run(bold(h))),
            Block::Paragraph(p) => file.add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Both)
                    .add_run(Run::new().add_text(p)),
            ),
            Block::Table(t) => file.add_table(table(t)).add_paragraph(Paragraph::new()),
        };
    }
    file = file.add_paragraph(Paragraph::new()).add_table(end(doc));
    let mut parts = file.build();
    parts.document = repeat_header_rows(&parts.document);
    package::pack(parts, &properties(doc)).map_err(|e| format!("không tạo được tệp Word ({e})"))
}

/// The file's title, author and time, from the document.
pub fn properties(doc: &Document) -> package::Properties {
    let title = [doc.title.trim(), doc.summary.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" – ");
    package::Properties {
        title,
        author: doc.author.clone(),
        made_at: doc.made_at.map(|at| at.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
    }
}

fn centered() -> Paragraph {
    Paragraph::new().align(AlignmentType::Center)
}

fn bold(text: &str) -> Run {
    Run::new().add_text(text).bold()
}

fn line(text: &str, run: impl Fn(Run) -> Run) -> Paragraph {
    centered().add_run(run(Run::new().add_text(text)))
}

fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs.into_iter().fold(
        TableCell::new().width(width, WidthType::Dxa),
        TableCell::add_paragraph,
    )
}

/// A short horizontal rule, centred, `length` twips long in a block `block` twips wide: an
/// empty paragraph 1 pt high with a bottom border between its indents (Word has no shorter
/// way to draw a line that stays with the text).
fn rule(block: usize, length: usize) -> Paragraph {
    let indent = (block.saturating_sub(length) / 2) as i32;
    let mut p = Paragraph::new()
        .indent(Some(indent), None, Some(indent), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(60)
                .line(20)
                .line_rule(docx_rs::LineSpacingType::Exact),
        )
        .size(2);
    p.property = p.property.set_border(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(6)
            .space(0)
            .color("000000"),
    );
    p
}

/// The width of the two header blocks, in twips: each as wide as its longest line (so no line
/// wraps), the room left shared between them; when the two are wider than the text, the table
/// reaches into the left margin (up to 20 mm of its 30), then the right (up to 10 of its 15).
pub fn head_widths(doc: &Document) -> HeadLayout {
    let padding = 2 * widths::CELL_MARGIN + 60;
    let left = [
        twips(&doc.parent_body, Weight::Regular, SMALL_SIZE),
        twips(&doc.issuing_body, Weight::Bold, SMALL_SIZE),
        twips(doc.number.trim_end(), Weight::Regular, BODY_SIZE),
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
        + padding;
    let right = [
        twips(REPUBLIC, Weight::Bold, SMALL_SIZE),
        twips(MOTTO, Weight::Bold, BODY_SIZE),
        twips(&doc.place_date, Weight::Regular, BODY_SIZE),
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
        + padding;
    let need = left + right;
    if need <= TEXT_WIDTH {
        let spare = TEXT_WIDTH - need;
        let extra_left = spare * left / need;
        return HeadLayout {
            left: left + extra_left,
            right: right + spare - extra_left,
            indent: 0,
        };
    }
    let over = need - TEXT_WIDTH;
    let into_left = over.min(20 * MM as usize);
    HeadLayout {
        left,
        right,
        indent: -(into_left as i32),
    }
}

/// The header table's two column widths and how far it starts left of the text (negative).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadLayout {
    pub left: usize,
    pub right: usize,
    pub indent: i32,
}

/// The two header blocks: issuer on the left, the nation's name on the right.
fn head(doc: &Document) -> Table {
    let layout = head_widths(doc);
    let inner = |w: usize| w.saturating_sub(2 * widths::CELL_MARGIN);
    let issuer_rule = twips(&doc.issuing_body, Weight::Bold, SMALL_SIZE) / 3;
    let issuer = cell(
        layout.left,
        vec![
            line(&doc.parent_body, |r| r.size(SMALL_SIZE)),
            line(&doc.issuing_body, |r| r.size(SMALL_SIZE).bold()),
            rule(inner(layout.left), issuer_rule),
            line(&doc.number, |r| r.size(BODY_SIZE)),
        ],
    );
    // NĐ 30/2020, appendix I: the rule under the motto is as long as the motto.
    let nation = cell(
        layout.right,
        vec![
            line(REPUBLIC, |r| r.size(SMALL_SIZE).bold()),
            line(MOTTO, |r| r.size(BODY_SIZE).bold()),
            rule(inner(layout.right), twips(MOTTO, Weight::Bold, BODY_SIZE)),
            line(&doc.place_date, |r| r.size(BODY_SIZE).italic()),
        ],
    );
    fixed(Table::without_borders(vec![TableRow::new(vec![issuer, nation])]))
        .set_grid(vec![layout.left, layout.right])
        .width(layout.left + layout.right, WidthType::Dxa)
        .indent(layout.indent)
}

/// A table laid out at the widths given (not re-fitted by Word), with the cell margins the
/// widths were computed with.
fn fixed(t: Table) -> Table {
    let m = widths::CELL_MARGIN;
    t.layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, m, 0, m))
}

/// Marks each body table's first row as its header, repeated at the top of every page the
/// table runs onto (`<w:tblHeader/>`, as the print view repeats `<thead>`). docx-rs 0.4 has no
/// setter for it, so it is added to the written XML: a body table's header row is the only
/// first row that cannot split (the two blocks at the top and the signatures can), and
/// docx-rs writes that mark as exactly `<w:cantSplit />`.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    const TABLE: &str = "<w:tbl>";
    const ROW: &str = "<w:tr>";
    const CANT_SPLIT: &str = "<w:cantSplit />";
    let Ok(xml) = std::str::from_utf8(document) else {
        return document.to_vec();
    };
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(table) = rest.find(TABLE) {
        let (before, from_table) = rest.split_at(table + TABLE.len());
        out.push_str(before);
        rest = from_table;
        let Some(row) = rest.find(ROW) else { break };
        let row_end = rest[row..].find("</w:tr>").map_or(rest.len(), |e| row + e);
        if let Some(mark) = rest[row..row_end].find(CANT_SPLIT) {
            let at = row + mark + CANT_SPLIT.len();
            out.push_str(&rest[..at]);
            out.push_str("<w:tblHeader />");
            rest = &rest[at..];
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// A body table: bordered, header row bold and centred (repeated on each page, see
/// [`repeat_header_rows`]), numbers to the right; columns as [`widths::fit`] sizes them, at
/// the font size it chose.
fn table(t: &DocTable) -> Table {
    let fit = widths::fit(t, TEXT_WIDTH);
    let size = fit.size;
    let header = TableRow::new(
        t.columns
            .iter()
            .zip(&fit.widths)
            .map(|(c, w)| cell(*w, vec![line(&c.title, |r| r.bold().size(size)).size(size)]))
            .collect(),
    )
    .cant_split();
    let rows = t.rows.iter().map(|row| {
        TableRow::new(
            row.iter()
                .enumerate()
                .map(|(i, value)| {
                    let numeric =
                        t.columns.get(i).is_some_and(|c| c.numeric) || matches!(value, Cell::Number { .. });
                    let align = if numeric {
                        AlignmentType::Right
                    } else {
                        AlignmentType::Left
                    };
                    let text = Paragraph::new()
                        .align(align)
                        .size(size)
                        .add_run(Run::new().add_text(value.shown()).size(size));
                    cell(fit.widths.get(i).copied().unwrap_or(0), vec![text])
                })
                .collect(),
        )
        .cant_split()
    });
    fixed(Table::new(std::iter::once(header).chain(rows).collect()))
        .set_grid(fit.widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Recipients at the bottom left and the signatures beside them (or in a row of their own
/// when both sides sign).
fn end(doc: &Document) -> Table {
    let mut recipients = Vec::new();
    if !doc.recipients.is_empty() {
        let title = Run::new()
            .add_text(RECIPIENTS_TITLE)
            .bold()
            .italic()
            .size(SMALL_SIZE);
        recipients.push(Paragraph::new().add_run(title));
        recipients.extend(
            doc.recipients
                .iter()
                .map(|r| Paragraph::new().add_run(Run::new().add_text(r).size(RECIPIENT_SIZE))),
        );
    }
    let count = doc.signatures.len().max(1);
    if count == 1 {
        let left = TEXT_WIDTH * 43 / 100;
        let sign = doc.signatures.first().map(signature).unwrap_or_default();
        return fixed(Table::without_borders(vec![TableRow::new(vec![
            cell(
                left,
                if recipients.is_empty() {
                    vec![Paragraph::new()]
                } else {
                    recipients
                },
            ),
            cell(TEXT_WIDTH - left, sign),
        ])]))
        .set_grid(vec![left, TEXT_WIDTH - left])
        .width(TEXT_WIDTH, WidthType::Dxa);
    }
    // Both sides (and a minute-taker) sign at one height: each line of the blocks is a row of
    // its own, so a side whose authority wraps onto two lines does not push its name down.
    let width = TEXT_WIDTH / count;
    let row = |lines: &dyn Fn(&Signature) -> Vec<Paragraph>| {
        TableRow::new(doc.signatures.iter().map(|s| cell(width, lines(s))).collect())
    };
    let mut rows = vec![
        row(&|s| vec![line(&s.authority, |r| r.bold())]),
        row(&|s| vec![line(&s.title, |r| r.bold())]),
        row(&|_| (0..4).map(|_| Paragraph::new()).collect()),
        row(&|s| vec![line(&s.name, |r| r.bold())]),
    ];
    if !recipients.is_empty() {
        rows.push(TableRow::new(vec![cell(TEXT_WIDTH, recipients).grid_span(count)]));
    }
    fixed(Table::without_borders(rows))
        .set_grid(vec![width; count])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Authority and title in capitals, room to sign, then the name.
fn signature(s: &Signature) -> Vec<Paragraph> {
    let mut lines = vec![line(&s.authority, |r| r.bold()), line(&s.title, |r| r.bold())];
    lines.extend((0..4).map(|_| Paragraph::new()));
    lines.push(line(&s.name, |r| r.bold()));
    lines
}
