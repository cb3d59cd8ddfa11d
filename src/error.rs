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
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if bytes < 1024 * 1024 {
        format!("{bytes} bytes")
    } else if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

impl std::error::Error for CleanError {}
