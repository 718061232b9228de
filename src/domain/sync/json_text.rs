//! One pass over a JSON text without parsing it: the checks that look at every byte of a city's
//! 70 MB file before reading it (its nesting depth, its hand-written dates) share one way to
//! tell a string's quotes from escaped ones. A plain loop over bytes: measured on the city's
//! file, faster than searching for each quote.

/// What one pass over a text finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Survey {
    /// The deepest nesting of lists and objects, outside strings.
    pub depth: usize,
    /// Whether some string's content (as written, escapes unread, without its quotes) is one
    /// `mark` marks.
    pub marked: bool,
}

/// Surveys `text` in one pass: its depth, and whether `mark` marks a string (asked until one
/// is). Any bytes: text that is not UTF-8 is surveyed the same way; an unterminated string runs
/// to the end.
pub fn survey(text: &[u8], mark: impl Fn(&[u8]) -> bool) -> Survey {
    let mut found = Survey {
        depth: 0,
        marked: false,
    };
    let (mut now, mut at) = (0usize, 0usize);
    while at < text.len() {
        match text[at] {
            b'"' => {
                let end = string_end(text, at + 1);
                found.marked = found.marked || mark(&text[at + 1..end]);
                at = end;
            }
            b'[' | b'{' => {
                now += 1;
                found.depth = found.depth.max(now);
            }
            b']' | b'}' => now = now.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    found
}

/// Where the string whose content starts at `start` ends: its closing quote, or the text's end.
fn string_end(text: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < text.len() && text[end] != b'"' {
        // An escaped character, `\"` included, is passed over with its backslash.
        end += if text[end] == b'\\' { 2 } else { 1 };
    }
    end.min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// The strings' contents `survey` hands to `mark`, in order, and the depth it finds.
    fn strings_and_depth(text: &[u8]) -> (Vec<Vec<u8>>, usize) {
        let seen = RefCell::new(Vec::new());
        let found = survey(text, |s| {
            seen.borrow_mut().push(s.to_vec());
            false
        });
        (seen.into_inner(), found.depth)
    }

    #[test]
    fn strings_end_at_their_first_unescaped_quote() {
        let text = br#"{"a\"b": ["c\\", "d"], "e": "f\"#;
        let (strings, depth) = strings_and_depth(text);
        let expected: [&[u8]; 5] = [br#"a\"b"#, br"c\\", b"d", b"e", br#"f\"#];
        assert_eq!(strings, expected);
        assert_eq!(depth, 2);
        assert_eq!(strings_and_depth(b""), (vec![], 0));
        assert_eq!(strings_and_depth(b"[1]"), (vec![], 1));
        // Brackets inside strings do not count.
        assert_eq!(strings_and_depth(br#"["[[[", "\"[["]"#).1, 1);
        let found = survey(text, |s| s == b"d");
        assert_eq!((found.depth, found.marked), (2, true));
        assert!(!survey(text, |s| s == b"c").marked);
    }
}
