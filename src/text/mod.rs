//! Text primitives shared by every stage: white-space normalisation and the
//! word tokeniser that features, phrase rules and topic overlap all agree on.

mod case;
mod sort;
mod words;

pub use case::{lower, to_lowercase};
pub use sort::sort_by;
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

/// Character references decoded: `&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&apos;`, `&nbsp;` and numeric ones (`&#039;`, `&#x27;`). Others stay as
/// written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        // `;` is ASCII, so its byte position is a character boundary.
        let semi = tail.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "nbsp" => Some('\u{a0}'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
        sort_by(&mut w, |a, b| a < b);
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
