//! Why a file's text cannot be read as JSON, in terms an officer can act on, found by looking
//! at the text itself (not at the parser's English message): saved as UTF-16, nested deeper
//! than any export, or, at the place the parser stopped, a number too large, NaN/Infinity, or
//! half of a character (a lone surrogate escape).

use super::json_text::Survey;

/// Deeper than this, the parser refuses the file; exports are never deeper than about ten.
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Saved as UTF-16 (some Windows editors' "Unicode"): every other byte is zero.
    Utf16,
    /// Lists and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A number beyond what any field can hold (1e400).
    NumberTooLarge,
    /// NaN or Infinity: not numbers in JSON.
    NotANumber,
    /// A `\uD800`-style escape without its other half: half a character.
    HalfCharacter,
}

/// What is wrong before parsing: the encoding and the depth (of the text's [`Survey`]).
pub fn before_parsing(bytes: &[u8], survey: &Survey) -> Option<TextProblem> {
    let utf16_bom = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    let head = &bytes[..bytes.len().min(64)];
    let zeros = head.iter().filter(|b| **b == 0).count();
    if utf16_bom || (head.len() >= 4 && zeros * 3 >= head.len()) {
        return Some(TextProblem::Utf16);
    }
    (survey.depth > MAX_DEPTH).then_some(TextProblem::TooDeep)
}

/// What the parser met where it stopped (1-based `line` and `column`, as serde_json counts).
pub fn at_error(bytes: &[u8], line: usize, column: usize) -> Option<TextProblem> {
    let start = bytes
        .split(|b| *b == b'\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let end = (start + column).min(bytes.len());
    // The token that ends at the error: back to the previous separator.
    let from = bytes[..end]
        .iter()
        .rposition(|b| matches!(b, b',' | b':' | b'[' | b'{' | b' ' | b'\n' | b'\t' | b'\r'))
        .map_or(0, |i| i + 1);
    let token = &bytes[from.min(end)..(end + 400).min(bytes.len())];
    let text = String::from_utf8_lossy(token);
    let text = text.trim_start_matches('-');
    if text.starts_with("NaN") || text.starts_with("Infinity") {
        return Some(TextProblem::NotANumber);
    }
    let number: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        .collect();
    if super::float_range::reads_as_infinity(&number) {
        return Some(TextProblem::NumberTooLarge);
    }
    // Inside a string: look back on the line for a surrogate escape.
    let line_text = String::from_utf8_lossy(&bytes[start.min(end)..end]).to_ascii_lowercase();
    if [
        "\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf",
    ]
    .iter()
    .any(|p| line_text.contains(p))
    {
        return Some(TextProblem::HalfCharacter);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::json_text::survey;
    use super::*;

    fn before(text: &[u8]) -> Option<TextProblem> {
        before_parsing(text, &survey(text, |_| false))
    }

    fn parse_problem(text: &[u8]) -> Option<TextProblem> {
        before(text).or_else(|| {
            let e = serde_json::from_slice::<serde_json::Value>(text).unwrap_err();
            at_error(text, e.line(), e.column())
        })
    }

    #[test]
    fn each_problem_is_found_where_it_is() {
        let utf16: Vec<u8> = "\u{feff}{\"a\": 1}"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(parse_problem(&utf16), Some(TextProblem::Utf16));
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(parse_problem(deep.as_bytes()), Some(TextProblem::TooDeep));
        // Brackets inside strings do not count.
        assert_eq!(before(format!("[\"{}\"]", "[".repeat(500)).as_bytes()), None);
        // Nor after an escaped quote, which does not end the string.
        assert_eq!(
            before(format!("[\"\\\"{}\\\\\"]", "[".repeat(500)).as_bytes()),
            None
        );
        assert_eq!(
            parse_problem(b"{\"year\": 1e400}"),
            Some(TextProblem::NumberTooLarge)
        );
        assert_eq!(
            parse_problem(b"{\"year\": -1e400}"),
            Some(TextProblem::NumberTooLarge)
        );
        assert_eq!(
            parse_problem(b"{\"year\":\n  NaN}"),
            Some(TextProblem::NotANumber)
        );
        assert_eq!(
            parse_problem(b"{\"name\": \"ab\\ud800 c\"}"),
            Some(TextProblem::HalfCharacter)
        );
        assert_eq!(parse_problem(b"{\"name\": \"ab\" \"c\"}"), None);
    }
}
