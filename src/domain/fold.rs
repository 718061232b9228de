//! Diacritic-folding search: officers type "dan phuong" or "bhxh" and expect "Đan Phượng" or
//! "BHXH" to match, so both sides are reduced to lowercase ASCII letters before comparing.

/// Lowercases and strips Vietnamese diacritics (đ/Đ → d), also from decomposed input
/// (combining marks U+0300–U+036F, as some keyboards and macOS produce), and collapses spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    let mut push = |base: char| {
        if base.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(base);
            last_space = false;
        }
    };
    // Runs over every searchable text of a city's data when a list opens: ASCII, most of
    // every text, takes no lowercase tables and no lookup.
    for ch in text.chars() {
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase());
            continue;
        }
        // Invisible characters (zero-width spaces and joiners, a byte-order mark, a soft
        // hyphen) are not there for the officer: a name of only these is empty, and a word
        // with one inside is still found.
        if matches!(ch, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}') {
            continue;
        }
        if let Some(lower) = vietnamese_lowercase(ch) {
            push(base_letter(lower));
            continue;
        }
        for lower in crate::domain::letter_case::lower_char(ch) {
            if !('\u{300}'..='\u{36f}').contains(&lower) {
                push(base_letter(lower));
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The lowercase of a Vietnamese letter by its place in Unicode, without the general tables.
fn vietnamese_lowercase(ch: char) -> Option<char> {
    let code = ch as u32;
    let lower = match ch {
        '\u{e0}'..='\u{ff}' | '\u{103}' | '\u{111}' | '\u{129}' | '\u{169}' | '\u{1a1}' | '\u{1b0}' => code,
        // Latin-1 capitals, apart from the multiplication sign.
        '\u{c0}'..='\u{de}' if ch != '×' => code + 0x20,
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' => code + 1,
        'Ư' => 'ư' as u32,
        // Latin Extended Additional (ạ…ỹ): capital and small letters alternate.
        '\u{1ea0}'..='\u{1ef9}' => code | 1,
        _ => return None,
    };
    char::from_u32(lower)
}

fn base_letter(ch: char) -> char {
    match ch {
        'á' | 'à' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ'
        | 'ậ' => 'a',
        'é' | 'è' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => 'e',
        'í' | 'ì' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ó' | 'ò' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ớ' | 'ờ' | 'ở' | 'ỡ'
        | 'ợ' => 'o',
        'ú' | 'ù' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ý' | 'ỳ' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' => 'd',
        other => other,
    }
}

/// Whether a required text is missing: only blanks or invisible characters (a zero-width
/// space or a lone byte-order mark looks like nothing to the officer, so it is nothing).
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
    })
}

/// A search query folded once and matched against many texts: every word of the query must
/// start a word of the text, in any order. Every Vietnamese syllable is written as a word, so
/// matching at word starts lets "nha o" find "nhà ở" without hitting every text containing an
/// "o", and "dan phu" finds "Đan Phượng" while the officer is still typing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(query: &str) -> Self {
        Self {
            words: fold(query)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Matches already folded text (fold once per record when filtering large lists).
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.words.iter().all(|w| starts_a_word(folded, w))
    }

    pub fn matches(&self, text: &str) -> bool {
        self.is_empty() || self.matches_folded(&fold(text))
    }
}

fn starts_a_word(folded: &str, word: &str) -> bool {
    let bytes = folded.as_bytes();
    folded
        .match_indices(word)
        .any(|(i, _)| i == 0 || bytes[i - 1] == b' ')
}

/// The positions of the first `limit` texts (already folded) that `query` matches, and how many
/// match in all: a picker over thousands of units shows a few and says how many there are.
pub fn first_matches(query: &Query, folded: &[String], limit: usize) -> (Vec<usize>, usize) {
    let mut shown = Vec::new();
    let mut total = 0;
    for (i, text) in folded.iter().enumerate() {
        if query.is_empty() || query.matches_folded(text) {
            total += 1;
            if shown.len() < limit {
                shown.push(i);
            }
        }
    }
    (shown, total)
}

/// One-shot convenience: does `text` match `query`, ignoring case and diacritics?
pub fn matches(query: &str, text: &str) -> bool {
    Query::new(query).matches(text)
}

/// Longest slug kept per part, so names stay under common path limits.
const SLUG_MAX: usize = 60;

/// Lowercase ASCII letters and digits separated by single dashes: a name folded for file
/// names and keys (`Công đoàn ngành Y tế` → `cong-doan-nganh-y-te`).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in fold(text).chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > SLUG_MAX {
        // Cut between words, not inside one ("…cua-cac", not "…cua-cac-don-v").
        let cut = out[..=SLUG_MAX]
            .rfind('-')
            .filter(|&i| i > SLUG_MAX / 2)
            .unwrap_or(SLUG_MAX);
        out.truncate(cut);
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the quick folding compared with std's case mapping
mod tests {
    use super::*;

    #[test]
    fn a_picker_shows_the_first_matches_and_counts_them_all() {
        let units: Vec<String> = (1..=6349)
            .map(|i| fold(&format!("CĐCS Công ty May Đống Đa số {i}")))
            .collect();
        let (shown, total) = first_matches(&Query::new("dong da so 1"), &units, 50);
        assert_eq!(total, 1 + 10 + 100 + 1000);
        assert_eq!(shown.len(), 50);
        assert_eq!(shown[0], 0);
        let (shown, total) = first_matches(&Query::new(""), &units, 50);
        assert_eq!((shown.len(), total), (50, 6349));
        assert_eq!(first_matches(&Query::new("ba vi"), &units, 50), (vec![], 0));
    }

    #[test]
    fn folds_district_names_with_d_stroke() {
        assert_eq!(fold("Đan Phượng"), "dan phuong");
        assert_eq!(fold("LĐLĐ huyện Quốc Oai"), "ldld huyen quoc oai");
        assert_eq!(fold("Thạch Thất"), "thach that");
    }

    #[test]
    fn folds_every_marked_vowel() {
        assert_eq!(fold("ẮẰẲẴẶÂẤẦẨẪẬ"), "aaaaaaaaaaa");
        assert_eq!(fold("ỨỪỬỮỰƯ ỲÝỶỸỴ"), "uuuuuu yyyyy");
        assert_eq!(fold("ỚỜỞỠỢƠ ÊỆ"), "oooooo ee");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_its_base_in_both_cases() {
        for (base, marked) in [
            ("a", "áàảãạăắằẳẵặâấầẩẫậ"),
            ("e", "éèẻẽẹêếềểễệ"),
            ("i", "íìỉĩị"),
            ("o", "óòỏõọôốồổỗộơớờởỡợ"),
            ("u", "úùủũụưứừửữự"),
            ("y", "ýỳỷỹỵ"),
            ("d", "đ"),
        ] {
            for ch in marked.chars() {
                assert_eq!(fold(&ch.to_string()), base, "{ch}");
                assert_eq!(fold(&ch.to_uppercase().to_string()), base, "{ch}");
            }
        }
    }

    #[test]
    fn the_quick_lowercase_agrees_with_unicode() {
        for code in 0xc0..=0x1ef9 {
            let Some(ch) = char::from_u32(code) else { continue };
            if let Some(lower) = vietnamese_lowercase(ch) {
                assert_eq!(
                    ch.to_lowercase().collect::<String>(),
                    lower.to_string(),
                    "U+{code:04X}"
                );
            }
        }
    }

    #[test]
    fn invisible_characters_are_not_there() {
        assert!(is_blank(" \u{200b}\u{feff}\t") && is_blank(""));
        assert!(!is_blank("\u{200b}a"));
        assert_eq!(fold("\u{200b}\u{feff} \u{2060}"), "");
        assert_eq!(fold("Phư\u{200b}ợng"), "phuong");
        assert!(Query::new("dan phuong").matches("Đan\u{200d} Phư\u{ad}ợng"));
    }

    #[test]
    fn folds_decomposed_input() {
        // "Phượng" typed with combining marks: ư + U+0323 (dot below)
        assert_eq!(fold("Phu\u{31b}\u{323}o\u{31b}ng"), "phuong");
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(fold("  nhà   ở \t xã hội "), "nha o xa hoi");
    }

    #[test]
    fn query_finds_text_without_diacritics() {
        assert!(matches("dan phuong", "LĐLĐ huyện Đan Phượng"));
        assert!(matches("bhxh", "Nợ đóng BHXH kéo dài"));
        assert!(matches("nha o", "Nhà ở cho công nhân"));
        assert!(matches("phượng đan", "Đan Phượng"));
        assert!(!matches("ba vi", "Đan Phượng"));
        assert!(matches("dan phu", "LĐLĐ huyện Đan Phượng"));
    }

    #[test]
    fn query_words_match_at_the_start_of_syllables() {
        assert!(matches("nha o", "Xây nhà ở xã hội"));
        assert!(!matches("nha o", "Điều chỉnh thu nhập theo lương"));
        assert!(!matches("hxh", "Nợ đóng BHXH"));
    }

    #[test]
    fn empty_query_matches_everything() {
        assert!(matches("   ", "bất kỳ"));
    }

    #[test]
    fn a_long_slug_is_cut_between_words() {
        let s = slug("Kết quả tổ chức đối thoại tại nơi làm việc năm 2024 của các đơn vị trong thành phố");
        assert!(s.len() <= SLUG_MAX, "{s}");
        assert!(
            "ket-qua-to-chuc-doi-thoai-tai-noi-lam-viec-nam-2024-cua-cac-don-vi-trong-thanh-pho"
                .split('-')
                .any(|w| s.ends_with(&format!("-{w}"))),
            "{s}"
        );
        assert!(!s.ends_with("-d") && !s.ends_with("-do"), "{s}");
    }

    #[test]
    fn slug_drops_punctuation_and_limits_length() {
        assert_eq!(
            slug("Công đoàn ngành Y tế (Hà Nội)!"),
            "cong-doan-nganh-y-te-ha-noi"
        );
        assert!(slug(&"Đống Đa ".repeat(30)).len() <= SLUG_MAX);
        assert!(!slug(&"Đống Đa ".repeat(30)).ends_with('-'));
    }
}
