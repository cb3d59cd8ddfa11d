//! The word tokeniser: what a word is for stopwords, phrase rules, topic
//! overlap and the compiled word lists alike (`build.rs` includes this file
//! to fold the data the same way).

use super::case::lower;

/// Scripts written without spaces between words: each character is a token.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff      // Hiragana, Katakana
        | 0x3400..=0x4dbf    // CJK extension A
        | 0x4e00..=0x9fff    // CJK unified ideographs
        | 0xf900..=0xfaff    // compatibility ideographs
        | 0x20000..=0x2fa1f  // supplementary ideographs
        | 0x0e00..=0x0e7f    // Thai
    )
}

/// Lower-cased word tokens: maximal runs of letters and digits, except that
/// every CJK character is a token of its own. Apostrophes split words
/// ("don't" gives "don", "t"), which is how the phrase lists are written.
pub fn words(s: &str) -> Words<'_> {
    Words {
        rest: s,
        buf: String::new(),
    }
}

pub struct Words<'a> {
    rest: &'a str,
    buf: String,
}

impl Words<'_> {
    /// Advances to the next token and returns it, borrowed until the next
    /// call. Avoids an allocation per word on the hot path.
    pub fn next_word(&mut self) -> Option<&str> {
        self.buf.clear();
        let bytes = self.rest.as_bytes();
        let mut end = bytes.len();
        let mut started = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Most text is ASCII: letters and digits without decoding.
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    started = true;
                    self.buf.push(char::from(b.to_ascii_lowercase()));
                } else if started {
                    end = i;
                    break;
                }
                i += 1;
                continue;
            }
            let c = self.rest[i..].chars().next().expect("i is a char boundary");
            if is_cjk(c) {
                if started {
                    end = i;
                    break;
                }
                self.buf.extend(lower(c));
                end = i + c.len_utf8();
                break;
            }
            if c.is_alphanumeric() || is_mark(c) {
                started = true;
                self.buf.extend(lower(c));
            } else if started {
                end = i;
                break;
            }
            i += c.len_utf8();
        }
        self.rest = &self.rest[end..];
        if self.buf.is_empty() {
            None
        } else {
            Some(&self.buf)
        }
    }
}

impl Iterator for Words<'_> {
    type Item = String;
    fn next(&mut self) -> Option<String> {
        self.next_word().map(str::to_string)
    }
}

/// Combining marks belong to the word they modify (Devanagari vowel signs,
/// Arabic harakat, decomposed accents).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036f | 0x0483..=0x0489 | 0x0591..=0x05c7 | 0x0610..=0x061a
        | 0x064b..=0x065f | 0x0670 | 0x06d6..=0x06ed | 0x0900..=0x0903
        | 0x093a..=0x094f | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0981..=0x0983
        | 0x09bc..=0x09d7 | 0x0e31 | 0x0e34..=0x0e3a | 0x0e47..=0x0e4e
        | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f
    )
}

/// Words in a text, with CJK characters counting half a word each (two
/// characters carry about as much as one word of a spaced language).
pub fn word_weight(s: &str) -> f32 {
    let mut w = words(s);
    let mut n = 0.0;
    while let Some(t) = w.next_word() {
        n += if t.chars().next().is_some_and(is_cjk) {
            0.5
        } else {
            1.0
        };
    }
    n
}

/// Lower-cased words joined by single spaces: the key phrase rules and
/// duplicate detection compare.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut w = words(s);
    while let Some(t) = w.next_word() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_and_split_on_punctuation() {
        let w: Vec<_> = words("Don't STOP—now!").collect();
        assert_eq!(w, ["don", "t", "stop", "now"]);
    }

    #[test]
    fn cjk_characters_are_tokens_of_their_own() {
        let w: Vec<_> = words("東京都abc 2024年").collect();
        assert_eq!(w, ["東", "京", "都", "abc", "2024", "年"]);
    }

    #[test]
    fn combining_marks_stay_inside_words() {
        let w: Vec<_> = words("नमस्ते दुनिया").collect();
        assert_eq!(w.len(), 2);
    }

    #[test]
    fn word_weight_counts_cjk_as_half_words() {
        assert_eq!(word_weight("one two"), 2.0);
        assert_eq!(word_weight("東京"), 1.0);
    }

    #[test]
    fn fold_matches_phrases_whatever_the_punctuation() {
        assert_eq!(fold("  Read more »"), "read more");
    }
}
