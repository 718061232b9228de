//! The Word files' layout and package, judged on the sample's reports and on made-up tables:
//! the parts need no more schema ordering, the properties say who made the file and when, the
//! table widths keep numbers, dates and short titles whole inside the page, and the header
//! blocks hold each line. (Outside programs judge the same files in the e2e tests:
//! openxml-audit, LibreOffice and pdftotext, see tests/e2e/office-judge.mjs.)

use chrono::NaiveDate;
use std::io::Read;
use thidua::domain::data::AppData;
use thidua::domain::record::Stamp;
use thidua::domain::reports::{Cell, Column, Document, ReportSettings, Table};
use thidua_office::docx::measure::{twips, Weight};
use thidua_office::docx::schema_order::mend;
use thidua_office::docx::widths::{fit, CELL_PADDING};
use thidua_office::docx::{head_widths, TEXT_WIDTH};

fn sample() -> (AppData, String) {
    let at = chrono::DateTime::from_timestamp(1_764_403_200, 0).unwrap();
    thidua::domain::sample::with_numbered_ids(&Stamp::new("office", at))
}

fn settings() -> ReportSettings {
    ReportSettings {
        parent_body: "Liên đoàn Lao động thành phố Hà Nội".into(),
        issuing_body: "Liên đoàn Lao động huyện Ba Vì".into(),
        place: "Hà Nội".into(),
        signer_name: "Nguyễn Phi Thường".into(),
        ..ReportSettings::default()
    }
}

/// Every report of the sample that the app offers as Word.
fn reports() -> Vec<Document> {
    let (data, cluster_id) = sample();
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    thidua::domain::sample::report_requests(&data, &cluster_id)
        .into_iter()
        .map(|(_, r)| r.build(&data, &settings(), today).unwrap())
        .collect()
}

fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name}"))
        .1
}

#[test]
fn every_word_part_is_already_in_the_schemas_order_and_has_its_theme() {
    for doc in reports() {
        let bytes = thidua_office::docx(&doc).unwrap();
        let parts = parts(&bytes);
        // The parts docx-rs writes (the theme is the module's own).
        let written = |n: &str| n.starts_with("word/") && n.ends_with(".xml") && !n.contains("theme");
        for (name, xml) in parts.iter().filter(|(n, _)| written(n)) {
            assert_eq!(
                &String::from_utf8(mend(xml.as_bytes())).unwrap(),
                xml,
                "{name} of {}",
                doc.summary
            );
        }
        let document = part(&parts, "word/document.xml");
        let grid_columns: Vec<&str> = document
            .split("<w:gridCol ")
            .skip(1)
            .map(|t| t.split("/>").next().unwrap())
            .collect();
        assert!(
            !grid_columns.is_empty() && grid_columns.iter().all(|t| !t.contains("w:type")),
            "{grid_columns:?}"
        );
        assert!(part(&parts, "word/theme/theme1.xml").contains("Times New Roman"));
        assert!(part(&parts, "word/_rels/document.xml.rels").contains("theme/theme1.xml"));
        assert!(part(&parts, "[Content_Types].xml").contains("/word/theme/theme1.xml"));
        // Run properties in order: fonts, bold, italic, then the size.
        let run = document
            .split("<w:rPr>")
            .nth(1)
            .unwrap()
            .split("</w:rPr>")
            .next()
            .unwrap();
        let at = |tag: &str| run.find(tag).unwrap_or(usize::MAX);
        assert!(at("<w:b ") < at("<w:sz ") || at("<w:b ") == usize::MAX, "{run}");
    }
}

#[test]
fn a_word_file_says_who_made_it_when_and_what_it_is() {
    let at = chrono::DateTime::from_timestamp(1_796_617_800, 0).unwrap(); // 07/12/2026 04:30 UTC
    let doc = reports().remove(0).made("LĐLĐ huyện Ba Vì", at);
    let core = part(&parts(&thidua_office::docx(&doc).unwrap()), "docProps/core.xml").to_string();
    assert!(
        core.contains("<dc:creator>Liên đoàn Lao động huyện Ba Vì</dc:creator>"),
        "{core}"
    );
    assert!(core.contains(">2026-12-07T04:30:00Z</dcterms:created>"), "{core}");
    assert!(
        core.contains(">2026-12-07T04:30:00Z</dcterms:modified>"),
        "{core}"
    );
    assert!(
        core.contains(&format!("<dc:title>BÁO CÁO – {}</dc:title>", doc.summary)),
        "{core}"
    );
    assert!(!core.contains("unknown") && !core.contains("1970"), "{core}");
}

#[test]
fn properties_with_markup_characters_are_escaped() {
    let core = thidua_office::docx::package::core(&thidua_office::docx::package::Properties {
        title: "A & B <C>".into(),
        author: "LĐLĐ".into(),
        made_at: None,
    });
    assert!(
        core.contains("<dc:title>A &amp; B &lt;C&gt;</dc:title>"),
        "{core}"
    );
    assert!(!core.contains("dcterms:created"), "no time, no date");
}

fn text(t: &str) -> Cell {
    Cell::text(t)
}

/// Nothing unbreakable is narrower than itself, and the columns fill the text width.
fn assert_fits(table: &Table) -> usize {
    let fit = fit(table, TEXT_WIDTH);
    assert_eq!(fit.widths.iter().sum::<usize>(), TEXT_WIDTH, "{fit:?}");
    for (c, column) in table.columns.iter().enumerate() {
        let w = fit.widths[c];
        let room = w - CELL_PADDING;
        if column.title.split_whitespace().count() <= 2 {
            assert!(
                twips(&column.title, Weight::Bold, fit.size) <= room,
                "title {} in {w}",
                column.title
            );
        }
        for row in &table.rows {
            let shown = row[c].shown();
            let piece = match &row[c] {
                Cell::Number { .. } | Cell::Date { .. } => twips(shown, Weight::Regular, fit.size),
                _ if column.numeric => twips(shown, Weight::Regular, fit.size),
                _ => shown
                    .split_whitespace()
                    .map(|p| twips(p, Weight::Regular, fit.size))
                    .max()
                    .unwrap_or(0),
            };
            assert!(piece <= room, "{shown:?} in {} ({w})", column.title);
        }
    }
    fit.size
}

#[test]
fn numbers_dates_and_short_titles_stay_whole_and_long_texts_take_the_rest() {
    let day = NaiveDate::from_ymd_opt(2024, 5, 14);
    let long = "Bằng tổng điểm với LĐLĐ huyện Ba Vì; hơn ở khối II: 32,6 > 31,1, nên xếp trên theo thứ tự ưu tiên của bảng điểm năm 2023";
    let table = Table {
        caption: "Kết quả".into(),
        columns: vec![
            Column::number("Hạng"),
            Column::text("Đơn vị"),
            Column::number("Tự chấm"),
            Column::number("Cụm chấm"),
            Column::text("Ngày nộp"),
            Column::text("Giải thích"),
        ],
        rows: (0..8)
            .map(|i| {
                vec![
                    Cell::number(f64::from(i + 1)),
                    text("LĐLĐ huyện Đan Phượng"),
                    Cell::number(91.4),
                    Cell::number(44_579.25),
                    Cell::date(day),
                    text(if i == 3 { long } else { "" }),
                ]
            })
            .collect(),
    };
    assert_eq!(assert_fits(&table), 24, "12 pt when everything fits");
    let fit = fit(&table, TEXT_WIDTH);
    // The unit's name on one line; the explanation wider than any column of numbers or dates.
    assert!(
        fit.widths[1] - CELL_PADDING >= twips("LĐLĐ huyện Đan Phượng", Weight::Regular, 24),
        "{fit:?}"
    );
    assert!(
        [0, 2, 3, 4].iter().all(|&c| fit.widths[5] > fit.widths[c]),
        "{fit:?}"
    );
}

#[test]
fn a_table_too_wide_for_twelve_points_gets_a_smaller_font_before_a_number_breaks() {
    let years: Vec<String> = (2016..=2025).map(|y| y.to_string()).collect();
    let mut columns = vec![Column::text("Chỉ tiêu")];
    columns.extend(years.iter().map(|y| Column::number(y)));
    columns.push(Column::number("Cả giai đoạn"));
    let rows = vec![std::iter::once(text("Sáng kiến cấp cơ sở"))
        .chain((0..11).map(|_| Cell::number(12_345.0)))
        .collect()];
    let table = Table {
        caption: "Giai đoạn".into(),
        columns,
        rows,
    };
    let size = assert_fits(&table);
    assert!(size < 24, "a smaller font: {size}");
}

#[test]
fn every_sample_table_keeps_its_numbers_whole() {
    for doc in reports() {
        for table in doc.tables() {
            assert_fits(table);
        }
    }
}

#[test]
fn the_header_blocks_hold_each_line_without_wrapping() {
    for (parent, issuer) in [
        ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LĐLĐ HUYỆN BA VÌ"),
        (
            "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
            "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
        ),
        (
            "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
            "LIÊN ĐOÀN LAO ĐỘNG HUYỆN BA VÌ",
        ),
    ] {
        let mut doc = reports().remove(0);
        doc.parent_body = parent.into();
        doc.issuing_body = issuer.into();
        let head = head_widths(&doc);
        let room = |w: usize| w - CELL_PADDING;
        assert!(
            twips(parent, Weight::Regular, 24) <= room(head.left),
            "{parent}: {head:?}"
        );
        assert!(
            twips(issuer, Weight::Bold, 24) <= room(head.left),
            "{issuer}: {head:?}"
        );
        assert!(twips("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Weight::Bold, 24) <= room(head.right));
        assert!(twips(&doc.place_date, Weight::Regular, 26) <= room(head.right));
        // Into the left margin by at most 20 mm of its 30.
        assert!(head.indent <= 0 && head.indent >= -20 * 57, "{head:?}");
    }
}
