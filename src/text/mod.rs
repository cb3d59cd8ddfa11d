//! Text primitives shared by every stage: white-space normalisation and the
//! word tokeniser that features, phrase rules and topic overlap all agree on.

mod words;

pub use words::{fold, is_cjk, word_weight, words, Words};

/// A fast hash for maps the cleaner bounds in size (FxHash's multiply and
/// rotate, eight bytes at a time): not for maps an input could grow
/// without limit, whose keys it could choose to collide.
pub type FastHash = std::hash::BuildHasherDefault<FastHasher>;

#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Collapses runs of white space (including no-break and zero-width spaces)
/// into single spaces and trims both ends.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_space(c) {
            pending_space = !out.is_empty();
        } else if is_invisible(c) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// Characters that render as nothing: they must not split or join words.
/// Stray control characters (a NUL in a broken page) go the same way.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    ) || (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
}

/// What follows a label of up to `most` words of `labels` that opens the
/// line ("By Jane Doe", "À propos de Jean Dupont"), the longest label
/// first, and how many words the label has.
pub fn after_label<'a>(
    text: &'a str,
    folded: &str,
    is_label: impl Fn(&str) -> bool,
    most: usize,
) -> Option<(usize, &'a str)> {
    let toks: Vec<&str> = folded.split(' ').take(most).collect();
    let label_words = (1..=toks.len())
        .rev()
        .find(|&n| is_label(&toks[..n].join(" ")))?;
    let mut rest = text.trim_start();
    for _ in 0..label_words {
        rest = rest
            .split_once(|c: char| c.is_whitespace() || c == ':')
            .map_or("", |(_, r)| r)
            .trim_start_matches([':', ' ']);
    }
    Some((label_words, rest))
}

/// Dice coefficient of two texts' word sets: 1 for the same words.
pub fn similarity(a: &str, b: &str) -> f32 {
    let distinct = |s: &str| {
        let mut w: Vec<String> = words(s).collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let (wa, wb) = (distinct(a), distinct(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    2.0 * shared as f32 / (wa.len() + wb.len()) as f32
}

/// Counts characters, without allocating.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Truncates to at most `max` characters on a character boundary.
pub fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_whitespace_folds_nbsp_and_drops_invisible_characters() {
        assert_eq!(
            collapse_whitespace("  a\u{a0}\u{a0}b\n\t c\u{200b}d  "),
            "a b cd"
        );
    }

    #[test]
    fn truncate_respects_character_boundaries() {
        assert_eq!(truncate_chars("äöü", 2), "äö");
        assert_eq!(truncate_chars("ab", 5), "ab");
    }
}
