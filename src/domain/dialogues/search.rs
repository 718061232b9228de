//! Free-text matching for the dialogue and proposal lists.
//!
//! [`fold::Query`](crate::domain::fold::Query) matches each word anywhere inside the text, so a
//! one-letter Vietnamese syllable such as "o" (from "nha o" for "nhà ở") would hit every text
//! containing an "o". Every Vietnamese syllable is written as a word, so here each query word
//! must start a word of the text: "nha o" finds "nhà ở" (and "nhà ông"), "dan phu" finds
//! "Đan Phượng" while typing, "bhxh" finds "BHXH".

use crate::domain::fold::fold;

/// A query folded once, matched against many folded texts (see [`crate::domain::fold::fold`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordQuery {
    words: Vec<String>,
}

impl WordQuery {
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

    /// Every query word starts some word of `folded` (already folded text). Empty matches all.
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.words.iter().all(|w| starts_a_word(folded, w))
    }

    /// Folds `text` first: for one-off checks, not for long lists.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_at_the_start_of_syllables() {
        let q = WordQuery::new("nha o");
        assert!(q.matches("Xây nhà ở xã hội"));
        assert!(!q.matches("Điều chỉnh thu nhập theo lương tối thiểu"));
    }

    #[test]
    fn partial_words_while_typing_and_any_order() {
        assert!(WordQuery::new("dan phu").matches("LĐLĐ huyện Đan Phượng"));
        assert!(WordQuery::new("phuong dan").matches("LĐLĐ huyện Đan Phượng"));
        assert!(WordQuery::new("bhxh").matches("Nợ đóng BHXH"));
        assert!(!WordQuery::new("hxh").matches("Nợ đóng BHXH"));
    }

    #[test]
    fn empty_query_matches_everything() {
        assert!(WordQuery::new("  ").matches("bất kỳ"));
    }
}
