//! How wide a line of text is in Times New Roman, estimated from the font's advance widths, so
//! that table columns and the header blocks can be sized before Word or LibreOffice lays them
//! out. Widths are in thousandths of the font size (the font's em), as font files give them.
//!
//! The ASCII widths are those of Liberation Serif, which is metric-compatible with Times New
//! Roman. Letters with Vietnamese diacritics are taken at the widest of their kind in Times
//! and in Noto Serif, the font LibreOffice falls back on where Liberation Serif lacks a glyph
//! (ả, ơ, ự …): an estimate a little wide is harmless (a column a millimetre wider), one too
//! narrow breaks a number across lines.

use thidua::domain::fold::fold;

/// Advance widths of the printable ASCII characters (U+0020 – U+007E), regular.
const REGULAR: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 777, 180, 333, 333, 500, 563, 250, 333, 250, 277, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 277, 277, 563, 563, 563, 443, 920, 722, 666, 666, 722, 610, 556, 722, 722, 333,
    389, 722, 610, 889, 722, 722, 556, 722, 666, 556, 610, 722, 722, 943, 722, 722, 610, 333, 277, 333, 469,
    500, 333, 443, 500, 443, 500, 443, 333, 500, 500, 277, 277, 500, 277, 777, 500, 500, 500, 500, 333, 389,
    277, 500, 500, 722, 500, 500, 443, 479, 200, 479, 541,
];

/// The same, bold.
const BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 277, 333, 333, 500, 569, 250, 333, 250, 277, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 333, 333, 569, 569, 569, 500, 930, 722, 666, 722, 722, 666, 610, 777, 777, 389,
    500, 777, 666, 943, 722, 777, 610, 777, 722, 556, 666, 722, 722, 1000, 722, 722, 666, 333, 277, 333, 581,
    500, 333, 500, 556, 443, 556, 443, 333, 500, 556, 277, 333, 556, 277, 833, 556, 500, 556, 556, 443, 389,
    333, 556, 500, 722, 500, 500, 443, 394, 220, 394, 520,
];

/// A letter with Vietnamese diacritics, by its base letter: (small regular, small bold,
/// capital regular, capital bold).
fn accented(base: char) -> Option<(u16, u16, u16, u16)> {
    Some(match base {
        'a' => (563, 599, 723, 753),
        'd' => (500, 557, 723, 723),
        'e' => (535, 571, 623, 667),
        'i' => (320, 352, 367, 401),
        'o' => (607, 670, 778, 843),
        'u' => (676, 778, 778, 853),
        'y' => (565, 579, 723, 723),
        _ => return None,
    })
}

/// A run's style, as far as its width goes (italic is as wide as regular, near enough).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One character's advance in thousandths of an em.
pub fn advance(ch: char, weight: Weight) -> u32 {
    let bold = weight == Weight::Bold;
    if (' '..='~').contains(&ch) {
        let table = if bold { &BOLD } else { &REGULAR };
        return u32::from(table[ch as usize - 0x20]);
    }
    let base = fold(ch.encode_utf8(&mut [0; 4])).chars().next().unwrap_or(ch);
    match accented(base) {
        Some((small, small_bold, capital, capital_bold)) => u32::from(match (ch.is_uppercase(), bold) {
            (false, false) => small,
            (false, true) => small_bold,
            (true, false) => capital,
            (true, true) => capital_bold,
        }),
        // Dashes, the ellipsis, typographic quotes and anything else: as wide as a digit, or
        // as a capital when it is a letter of another script.
        None if ch.is_alphabetic() => 778,
        None => 500,
    }
}

/// The width of `text` on one line, in twentieths of a point (twips), at `half_points` (Word's
/// unit of font size: 26 is 13 pt).
pub fn twips(text: &str, weight: Weight, half_points: usize) -> usize {
    let em: u32 = text.chars().map(|c| advance(c, weight)).sum();
    // An em is the font size: half_points × 10 twips; rounded up.
    (em as usize * half_points * 10).div_ceil(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_half_an_em_and_diacritics_are_never_narrower_than_their_letter() {
        assert_eq!(advance('9', Weight::Regular), 500);
        assert_eq!(twips("91,4", Weight::Regular, 24), (500 * 3 + 250) * 240 / 1000);
        for (plain, marked) in [
            ('a', 'ặ'),
            ('o', 'ợ'),
            ('u', 'ữ'),
            ('O', 'Ộ'),
            ('D', 'Đ'),
            ('i', 'ị'),
        ] {
            for weight in [Weight::Regular, Weight::Bold] {
                assert!(advance(marked, weight) >= advance(plain, weight), "{marked}");
            }
        }
        assert!(twips("CỘNG HÒA", Weight::Bold, 24) > twips("CỘNG HÒA", Weight::Regular, 24));
    }
}
