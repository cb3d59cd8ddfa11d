//! Why a clean failed: the error every layer returns and the shells show.

use std::fmt;

use crate::codes::ErrorCode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CleanError {
    InputTooLarge {
        size: usize,
        limit: usize,
    },
    /// Binary data rather than text.
    NotText,
    /// More lines, elements or blocks than any page has: the memory the
    /// cleaner needs grows with them, so such input is refused up front.
    TooComplex {
        what: &'static str,
        count: usize,
        limit: usize,
    },
    /// What the input builds (mostly markup the parser multiplies) would
    /// take more than the memory budget, `Options::max_memory_bytes`.
    OverMemoryBudget {
        limit: usize,
    },
}

impl CleanError {
    /// A stable code for programs: `input-too-large`, `not-text`.
    pub fn code(&self) -> &'static str {
        match self {
            CleanError::InputTooLarge { .. } => ErrorCode::InputTooLarge,
            CleanError::NotText => ErrorCode::NotText,
            CleanError::TooComplex { .. } | CleanError::OverMemoryBudget { .. } => {
                ErrorCode::InputTooComplex
            }
        }
        .code()
    }
}

impl fmt::Display for CleanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CleanError::InputTooLarge { size, limit } => write!(
                f,
                "the input is {}, more than the limit of {}",
                human_size(*size),
                human_size(*limit)
            ),
            CleanError::NotText => write!(
                f,
                "the input is not text: it looks like binary data (an image, a PDF or a compressed file?)"
            ),
            CleanError::TooComplex { what, count, limit } => write!(
                f,
                "the input has {count} {what}, more than the {limit} the cleaner takes on (a long article has a few thousand)"
            ),
            CleanError::OverMemoryBudget { limit } => write!(
                f,
                "the input needs more than the {} of memory the cleaner may use for it: its markup builds far more than a page does",
                human_size(*limit)
            ),
        }
    }
}

fn human_size(bytes: usize) -> String {
    // Integer arithmetic for what `{:.1}` of `bytes as f64 / 2^20` printed:
    // the same digits (that value is exact, and Rust rounds it half to
    // even), without float formatting, 14 KB of the wasm for these two
    // messages alone.
    const MB: u128 = 1 << 20;
    if bytes < 1024 * 1024 {
        return format!("{bytes} bytes");
    }
    // Through f64 as before, so that sizes past 2^53 round as they did.
    let exact = bytes as f64 as u128;
    if exact >= 10 * MB {
        format!("{} MB", div_round_half_even(exact, MB))
    } else {
        let tenths = div_round_half_even(exact * 10, MB);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// `n / d` rounded half to even; at most 2^64 × 10 / 2^20 here, so a `u64`
/// (whose formatting the wasm has anyway, where `u128`'s it has not).
fn div_round_half_even(n: u128, d: u128) -> u64 {
    let (q, r) = (n / d, n % d);
    let q = if 2 * r > d || (2 * r == d && q % 2 == 1) {
        q + 1
    } else {
        q
    };
    q as u64
}

impl std::error::Error for CleanError {}

#[cfg(test)]
mod tests {
    use super::human_size;

    /// What the float formatting it replaced printed.
    fn by_float(bytes: usize) -> String {
        let mb = bytes as f64 / (1024.0 * 1024.0);
        if bytes < 1024 * 1024 {
            format!("{bytes} bytes")
        } else if mb >= 10.0 {
            format!("{mb:.0} MB")
        } else {
            format!("{mb:.1} MB")
        }
    }

    #[test]
    fn sizes_read_as_float_formatting_printed_them() {
        const MB: usize = 1 << 20;
        let mut sizes = vec![
            0,
            1,
            MB - 1,
            MB,
            usize::MAX,
            usize::MAX / 3,
            1 << 53,
            (1 << 53) + 1,
        ];
        // Around every tie of a tenth below 10 MB and of a whole MB above.
        for tenth in 10..100 {
            let tie = tenth * MB / 10 + MB / 20;
            sizes.extend([tie - 1, tie, tie + 1, tenth * MB / 10]);
        }
        for whole in 10..300 {
            let tie = whole * MB + MB / 2;
            sizes.extend([tie - 1, tie, tie + 1, whole * MB]);
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            sizes.push((x % (1 << 40)) as usize);
        }
        for size in sizes {
            assert_eq!(human_size(size), by_float(size), "{size}");
        }
    }
}
