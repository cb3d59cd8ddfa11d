//! A byte budget for one clean, in the spirit of lol-html's memory limiter.
//!
//! The limits on counts (elements, lines, blocks, see `input`) are checked
//! before parsing and cannot see what the parser builds by itself: html5ever
//! reopens every formatting element a paragraph closed, so 400 distinct
//! `<b id=…>` tags followed by `<p>x</p>` repeated build 400 elements per
//! paragraph — 440 MB from a 644 KB page. So the stages charge the bytes of
//! the big structures they build (DOM nodes, text, attributes, blocks,
//! markup events, features) to a budget, and the clean stops with
//! `input-too-complex` as soon as it is spent, before the next stage
//! allocates more.
//!
//! Charging is an addition per node or block, not a counting allocator: a
//! library must not replace its user's allocator, and the figures only need
//! to be right to a small factor.

use std::cell::Cell;

use crate::error::CleanError;

pub struct Budget {
    used: Cell<usize>,
    limit: usize,
}

impl Budget {
    pub fn new(limit: usize) -> Budget {
        Budget {
            used: Cell::new(0),
            limit,
        }
    }

    /// For parses outside a clean (the sanitizer's fragments, tests).
    pub fn unlimited() -> Budget {
        Budget::new(usize::MAX)
    }

    #[inline]
    pub fn charge(&self, bytes: usize) {
        self.used.set(self.used.get().saturating_add(bytes));
    }

    #[inline]
    pub fn is_spent(&self) -> bool {
        self.used.get() > self.limit
    }

    /// Bytes charged so far.
    pub fn used(&self) -> usize {
        self.used.get()
    }

    pub fn check(&self) -> Result<(), CleanError> {
        if self.is_spent() {
            return Err(CleanError::OverMemoryBudget { limit: self.limit });
        }
        Ok(())
    }
}

/// The memory budget of a clean, unless `Options::max_memory_bytes` sets
/// one: this many bytes per byte of input… The costliest ordinary shapes
/// (a page of one-word paragraphs) take about 100; markup that the parser
/// multiplies (formatting elements reopened in every paragraph) takes
/// thousands.
pub const DEFAULT_MEMORY_PER_INPUT_BYTE: usize = 128;
/// …never less than this, so that no input of a few megabytes is refused
/// (a million one-letter lines of text take 490 MB)…
pub const DEFAULT_MIN_MEMORY_BYTES: usize = 512 * 1024 * 1024;
/// …and never more than this: wasm32 has 4 GiB in all.
pub const DEFAULT_MAX_MEMORY_BYTES: usize = 3 * 1024 * 1024 * 1024;

/// The budget for an input of `input_bytes`: `max` when the caller set
/// one, else [`DEFAULT_MEMORY_PER_INPUT_BYTE`] times the input,
/// between [`DEFAULT_MIN_MEMORY_BYTES`] and
/// [`DEFAULT_MAX_MEMORY_BYTES`].
pub fn limit_for(input_bytes: usize, max: Option<usize>) -> usize {
    max.unwrap_or_else(|| {
        input_bytes
            .saturating_mul(DEFAULT_MEMORY_PER_INPUT_BYTE)
            .clamp(DEFAULT_MIN_MEMORY_BYTES, DEFAULT_MAX_MEMORY_BYTES)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_is_spent_only_past_its_limit() {
        let budget = Budget::new(100);
        budget.charge(100);
        assert!(budget.check().is_ok());
        budget.charge(1);
        assert_eq!(
            budget.check(),
            Err(CleanError::OverMemoryBudget { limit: 100 })
        );
    }

    #[test]
    fn the_default_limit_is_a_multiple_of_the_input_between_a_floor_and_a_ceiling() {
        use crate::{
            DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MEMORY_PER_INPUT_BYTE, DEFAULT_MIN_MEMORY_BYTES,
        };
        assert_eq!(limit_for(0, None), DEFAULT_MIN_MEMORY_BYTES);
        let mib = 1024 * 1024;
        assert_eq!(
            limit_for(10 * mib, None),
            10 * mib * DEFAULT_MEMORY_PER_INPUT_BYTE
        );
        assert_eq!(limit_for(usize::MAX, None), DEFAULT_MAX_MEMORY_BYTES);
    }

    #[test]
    fn a_limit_the_caller_sets_is_the_limit_whatever_the_input() {
        assert_eq!(limit_for(0, Some(5)), 5);
        assert_eq!(limit_for(usize::MAX, Some(5)), 5);
    }
}
