//! Upper- and lowercase for the whole of Unicode, from compact tables. The standard library's
//! `to_uppercase`/`to_lowercase` carry 24 KB of tables into the wasm (a row per letter); the
//! same mapping as runs of letters sharing an offset is a tenth of that. Report headings are
//! uppercased ("LIÊN ĐOÀN LAO ĐỘNG…"), searches and column headers lowercased.
//!
//! The tables are generated from the standard library (`examples/letter_case_tables.rs`) and a
//! test compares every letter with it.

mod tables;

/// Letters `first`, `first + step`, … (`count` of them) map to themselves plus `delta`.
pub(crate) struct Run {
    first: u32,
    count: u16,
    step: u8,
    delta: i32,
}

/// Exactly `str::to_uppercase`.
pub fn upper(text: &str) -> String {
    convert(
        text,
        char::to_ascii_uppercase,
        tables::UPPER_RUNS,
        tables::UPPER_SEVERAL,
    )
}

/// `str::to_lowercase` letter by letter: a capital sigma is always σ (the standard library
/// writes ς at the end of a word). Used for matching and for the app's own labels.
pub fn lower(text: &str) -> String {
    convert(
        text,
        char::to_ascii_lowercase,
        tables::LOWER_RUNS,
        tables::LOWER_SEVERAL,
    )
}

/// The first letter uppercased, the rest as written ("đề nghị" → "Đề nghị").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| upper(c.encode_utf8(&mut [0; 4])) + chars.as_str())
        .unwrap_or_default()
}

/// The lowercase of one letter (one to three letters, like `char::to_lowercase`).
pub fn lower_char(c: char) -> impl Iterator<Item = char> {
    letters(one(c, tables::LOWER_RUNS, tables::LOWER_SEVERAL))
}

/// The letters of a mapping: the first always (it may be U+0000 itself), then the padding's
/// place holders left out.
fn letters([first, rest @ ..]: [char; 3]) -> impl Iterator<Item = char> {
    std::iter::once(first).chain(rest.into_iter().filter(|&c| c != '\0'))
}

fn convert(text: &str, ascii: fn(&char) -> char, runs: &[Run], several: &[(char, [char; 3])]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(ascii(&c));
        } else {
            out.extend(letters(one(c, runs, several)));
        }
    }
    out
}

/// `c` mapped: one to three letters, padded with `'\0'`.
fn one(c: char, runs: &[Run], several: &[(char, [char; 3])]) -> [char; 3] {
    if let Ok(i) = several.binary_search_by_key(&c, |&(from, _)| from) {
        return several[i].1;
    }
    let code = c as u32;
    // The last run starting at or before `c`; runs never overlap.
    let mapped = runs[..runs.partition_point(|r| r.first <= code)]
        .last()
        .filter(|r| {
            let offset = code - r.first;
            offset.is_multiple_of(r.step as u32) && offset / (r.step as u32) < r.count as u32
        })
        .and_then(|r| char::from_u32(code.wrapping_add_signed(r.delta)));
    [mapped.unwrap_or(c), '\0', '\0']
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // ours compared with std's, letter by letter
mod tests {
    use super::*;

    fn std_upper(c: char) -> String {
        c.to_uppercase().collect()
    }

    #[test]
    fn every_letter_as_std() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(upper(&text), std_upper(c), "{c:?} U+{:04X}", c as u32);
            assert_eq!(lower(&text), text.to_lowercase(), "{c:?} U+{:04X}", c as u32);
            assert_eq!(
                lower_char(c).collect::<String>(),
                c.to_lowercase().collect::<String>()
            );
        }
    }

    #[test]
    fn vietnamese_headings_and_labels() {
        assert_eq!(
            upper("Liên đoàn Lao động huyện Đan Phượng"),
            "LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐAN PHƯỢNG"
        );
        assert_eq!(upper("Trưởng ban – ủy viên"), "TRƯỞNG BAN – ỦY VIÊN");
        assert_eq!(lower("ĐÃ CHỐT Ưu Tiên"), "đã chốt ưu tiên");
        assert_eq!(upper("Straße ŉ"), "STRASSE ʼN");
        assert_eq!(lower("İ"), "i\u{307}");
    }

    #[test]
    fn sentences_as_std_apart_from_final_sigma() {
        for text in ["Cụm thi đua số 4 (2023)", "ǅemal Ǆ ǆ", "ΑΣ ΣΑ", "Ⓐ𐐀ﬀ", ""] {
            assert_eq!(upper(text), text.to_uppercase());
        }
        assert_eq!(lower("ΑΣ ΣΑ"), "ασ σα");
        assert_eq!(lower("Cụm ǅ Ⓐ𐐀"), "Cụm ǅ Ⓐ𐐀".to_lowercase());
    }
}
