//! Lower-casing, exactly as `char::to_lowercase` and `str::to_lowercase`
//! do it, from tables `build.rs` reads off them: the standard library's
//! own table, 1,400 single mappings, and its code were 10 KB of the
//! gzipped wasm; the same mappings are 185 runs at one distance.

include!(concat!(env!("OUT_DIR"), "/case.rs"));

/// `c` lower-cased, as `char::to_lowercase` gives it: one character, or
/// two ("İ" is "i̇").
pub fn lower(c: char) -> impl Iterator<Item = char> {
    let (first, second) = lower_pair(c);
    std::iter::once(first).chain(second)
}

fn lower_pair(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), None);
    }
    let n = c as u32;
    let run = LOWER_RUNS.partition_point(|&r| r >> 11 <= n);
    if let Some(i) = run.checked_sub(1) {
        let r = LOWER_RUNS[i];
        let (offset, length, stride) = (n - (r >> 11), (r >> 1 & 0x3ff) + 1, (r & 1) + 1);
        if offset % stride == 0 && offset / stride < length {
            let l = n.wrapping_add_signed(LOWER_DISTANCES[i]);
            return (char::from_u32(l).expect("runs map to characters"), None);
        }
    }
    match LOWER_TWO.iter().find(|m| m.0 == c) {
        Some(&(_, a, b)) => (a, Some(b)),
        None => (c, None),
    }
}

/// `s` lower-cased, as `str::to_lowercase` gives it: a capital sigma at
/// the end of a word is "ς", elsewhere "σ" (Unicode's Final_Sigma).
pub fn to_lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            let word_final = cased_past_ignorable(s[..i].chars().rev())
                && !cased_past_ignorable(s[i + 'Σ'.len_utf8()..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            out.extend(lower(c));
        }
    }
    out
}

/// Whether the first character that is not case-ignorable is cased.
fn cased_past_ignorable(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| !is_case_ignorable(c))
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase() || TITLECASE.contains(&c))
}

fn is_case_ignorable(c: char) -> bool {
    let n = c as u32;
    let range = CASE_IGNORABLE.partition_point(|&r| r >> 11 <= n);
    range
        .checked_sub(1)
        .is_some_and(|i| n - (CASE_IGNORABLE[i] >> 11) <= CASE_IGNORABLE[i] & 0x7ff)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10ffff_u32).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_lower_cases_as_the_standard_library_does() {
        for c in every_char() {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn a_sigma_is_final_where_the_standard_library_says() {
        // Every character after a capital sigma, alone and with a cased
        // letter past it, and before one, alone and past a cased letter.
        for c in every_char() {
            for s in [
                format!("AΣ{c}"),
                format!("AΣ{c}B"),
                format!("{c}Σ"),
                format!("A{c}Σ"),
            ] {
                assert_eq!(to_lowercase(&s), s.to_lowercase(), "{s:?}");
            }
        }
        for s in ["Σ", "ΟΔΟΣ", "ΟΔΟΣ.", "ΟΔΟΣ'Α", "Α.Σ.", "ΣΑ ΟΣ"] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }
}
