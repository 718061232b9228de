//! One pass over a JSON text without parsing it: the checks that look at every byte of a city's
//! 70 MB file before reading it (its nesting depth, its hand-written dates) share one way to
//! tell a string's quotes from escaped ones. Eight bytes are looked at together to find the
//! next byte that matters: measured in wasm on the city's file, 36 ms against 79 ms one byte at
//! a time (which was itself faster than searching for each quote).

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
    loop {
        // `[` and `]` are `{` and `}` with the 0x20 bit cleared: one test finds both.
        at = next_of(text, at, |word| {
            let word = word | (ONES * 0x20);
            bytes_equal(word, b'"') | bytes_equal(word, b'{') | bytes_equal(word, b'}')
        });
        let Some(&byte) = text.get(at) else {
            return found;
        };
        match byte {
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
}

/// Where the string whose content starts at `start` ends: its closing quote, or the text's end.
fn string_end(text: &[u8], start: usize) -> usize {
    let mut end = start;
    loop {
        end = next_of(text, end, |word| {
            bytes_equal(word, b'"') | bytes_equal(word, b'\\')
        });
        match text.get(end) {
            None => return text.len(),
            Some(b'"') => return end,
            // An escaped character, `\"` included, is passed over with its backslash.
            Some(b'\\') => end += 2,
            Some(_) => end += 1,
        }
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The first place from `at` that may be one of the bytes `hits` finds in a word of eight (it
/// sets their high bits; the lowest one set must be exact); the last few bytes are all
/// candidates. The caller looks at the byte itself.
fn next_of(text: &[u8], mut at: usize, hits: impl Fn(u64) -> u64) -> usize {
    while let Some(eight) = text.get(at..at + 8) {
        let found = hits(u64::from_le_bytes(eight.try_into().expect("eight bytes")));
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at
}

/// The high bit of each byte of `word` that equals `byte`. Exact up to the first such byte
/// (a borrow may mark a byte above it), which is all [`next_of`] reads.
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cell::RefCell;

    /// The same survey one byte at a time, as it was first written.
    fn survey_bytewise(text: &[u8], mark: impl Fn(&[u8]) -> bool) -> Survey {
        let mut found = Survey {
            depth: 0,
            marked: false,
        };
        let (mut now, mut at) = (0usize, 0usize);
        while at < text.len() {
            match text[at] {
                b'"' => {
                    let mut end = at + 1;
                    while end < text.len() && text[end] != b'"' {
                        end += if text[end] == b'\\' { 2 } else { 1 };
                    }
                    let end = end.min(text.len());
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// Texts of the bytes that matter, bytes that look like them in a word (`;`, `=`, `[`
        /// with the high bit, 0x02, 0x5c + 0x80...) and others; every string's content is asked.
        #[test]
        fn as_one_byte_at_a_time(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(b'"'), Just(b'\\'), Just(b'['), Just(b']'), Just(b'{'), Just(b'}'),
                    Just(b'a'), Just(b' '), Just(0x02_u8), Just(0x5b_u8 | 0x80), Just(0xdc_u8),
                    Just(b';'), Just(b'='), Just(b'1'), any::<u8>(),
                ],
                0..80,
            ),
            marked in any::<u8>(),
        ) {
            let seen = RefCell::new(Vec::new());
            let bytewise = RefCell::new(Vec::new());
            let mark = |s: &[u8]| s.first() == Some(&marked);
            let fast = survey(&text, |s| { seen.borrow_mut().push(s.to_vec()); mark(s) });
            let slow = survey_bytewise(&text, |s| { bytewise.borrow_mut().push(s.to_vec()); mark(s) });
            prop_assert_eq!(fast, slow);
            prop_assert_eq!(seen.into_inner(), bytewise.into_inner());
        }
    }

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
