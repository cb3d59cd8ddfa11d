//! The recall safety net. The classifier can lose a whole article: a page
//! wrapped in an unusual element, a class name that reads as boilerplate, a
//! short article the model doubts. When what it kept is nothing, or a small
//! fraction of the page's densest region of prose, that region is taken
//! instead — the way Readability's scoring finds an article: paragraphs of
//! sentences, few links, close together.
//!
//! The net only widens: blocks the classifier kept stay kept, and what a
//! pattern recognises (a cookie prompt, a credit line), repeats, readers'
//! comments and hidden text are never taken back.

use super::model::Source;
use super::rules::pattern_reason;
use super::Decision;
use crate::blocks::{landmark, Block, Kind};
use crate::codes::Reason;
use crate::features::{Analysis, Signals};

/// Words a block needs to count as prose: a sentence, not a label.
const PROSE_WORDS: u32 = 12;

/// Kept words below which an article counts as missed, whatever the
/// region. Readers' comments are prose too, and a short article above a
/// long discussion is still the article (a blog's open thread of 68 words
/// on givewell.org, a 256-word story above 2,000 words of comments on
/// macrumors.com, both dev): so only a scrap — a headline and a line — is
/// replaced. In pasted text nothing marks comments as such, so the scrap is
/// smaller there.
fn tiny(source: Source) -> u32 {
    match source {
        Source::Html => 100,
        Source::Text => 40,
    }
}

/// Kept words below this share of the densest region's prose words: the
/// classifier missed the article.
const MISSED_SHARE: f32 = 0.2;

/// Whether the net took over: then every prose block of the densest
/// region is kept (and headings inside it), with the reason it had
/// cleared.
pub fn rescue(
    blocks: &[Block],
    analysis: &Analysis,
    source: Source,
    decisions: &mut [Decision],
) -> bool {
    let signals = &analysis.signals;
    let prose: Vec<bool> = blocks
        .iter()
        .zip(signals)
        .zip(decisions.iter())
        .map(|((b, s), d)| is_prose(b, s, d))
        .collect();
    let Some((start, end)) = densest_region(signals, &prose) else {
        return false;
    };
    let region_words: u32 = (start..end)
        .filter(|&i| prose[i])
        .map(|i| signals[i].tokens)
        .sum();
    let kept_words: u32 = decisions
        .iter()
        .zip(signals)
        .filter(|(d, _)| d.keep)
        .map(|(_, s)| s.tokens)
        .sum();
    if kept_words as f32 >= MISSED_SHARE * region_words as f32 || kept_words >= tiny(source) {
        return false;
    }
    for i in start..end {
        let heading = blocks[i].kind == Kind::Heading
            && signals[i].words > 0.0
            && retrievable(&blocks[i], &signals[i], &decisions[i]);
        if prose[i] || heading {
            decisions[i].keep = true;
            decisions[i].reason = None;
        }
        decisions[i].in_run = true;
    }
    true
}

/// What the net may take back: not what a pattern recognised, nor comments,
/// repeats or hidden text.
fn retrievable(b: &Block, s: &Signals, d: &Decision) -> bool {
    pattern_reason(s).is_none()
        && s.duplicate_of.is_none()
        && !matches!(
            d.reason,
            Some(Reason::Comments | Reason::Duplicate | Reason::Hidden)
        )
        && !b.has_landmark(landmark::HIDDEN)
}

/// A paragraph of sentences with few links.
fn is_prose(b: &Block, s: &Signals, d: &Decision) -> bool {
    // A heading of sentences is a paragraph set large (see
    // `roles::drop_trailing_headings`): newsocialist.org's only prose is
    // an <h2>, and a guest post's editor's note is one on zenhabits.net,
    // both wide-dev.
    let sentences = b.kind == Kind::Heading && s.words >= 15.0 && s.ends_sentence();
    if !(matches!(b.kind, Kind::Paragraph | Kind::Quote | Kind::ListItem) || sentences) {
        return false;
    }
    if s.tokens < PROSE_WORDS || !(s.ends_sentence() || s.tokens >= 3 * PROSE_WORDS) {
        return false;
    }
    let linked = b.dom().map_or(0, |d| d.link_chars);
    if linked as f32 > 0.3 * s.visible_chars as f32 {
        return false;
    }
    retrievable(b, s, d)
}

/// The blocks with the largest sum of prose words minus the words of what
/// lies between them (a maximum subarray): `None` without prose.
fn densest_region(signals: &[Signals], prose: &[bool]) -> Option<(usize, usize)> {
    let words = signals.iter().zip(prose).map(|(s, &p)| {
        // Exact as f32 up to 16 million words.
        let words = s.tokens as f32;
        if p {
            words
        } else {
            -words
        }
    });
    super::run::best_span(words)
        .filter(|&(_, sum)| sum > 0.0)
        .map(|(span, _)| span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Role;

    fn undecided() -> Decision {
        Decision {
            keep: false,
            reason: None,
            in_run: false,
            role: Role::Body,
        }
    }

    #[test]
    fn a_heading_of_sentences_is_prose_and_a_heading_of_a_few_words_is_not() {
        let text = "We are a group of neighbours who grow vegetables together on three plots \
                    that the town lends us. Anyone may come and learn on Wednesday evenings.\n\n\
                    Who we are";
        let mut blocks = crate::input::text::read(text);
        for b in &mut blocks {
            b.kind = Kind::Heading;
        }
        let analysis = crate::features::analyse(&blocks, None, None);
        let prose: Vec<bool> = (0..2)
            .map(|i| is_prose(&blocks[i], &analysis.signals[i], &undecided()))
            .collect();
        assert_eq!(prose, [true, false]);
    }
}
