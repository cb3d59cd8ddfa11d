//! Text primitives shared by every stage: white-space normalisation and the
//! word tokeniser that features, phrase rules and topic overlap all agree on.

mod words;

pub use words::{fold, is_cjk, word_weight, words, Words};

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
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
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
    use std::collections::HashSet;
    let fa = fold(a);
    let fb = fold(b);
    let wa: HashSet<&str> = fa.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: HashSet<&str> = fb.split(' ').filter(|w| !w.is_empty()).collect();
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    2.0 * wa.intersection(&wb).count() as f32 / (wa.len() + wb.len()) as f32
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
