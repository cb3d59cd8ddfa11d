//! Fourth stage: keep or remove each block, say why, and give the kept
//! ones their part in the article. Every decision of the pipeline is made
//! here; the article stage only builds what it is told.
//!
//! 1. A logistic model scores each block from its own features and its
//!    neighbours' (pass 1).
//! 2. The article is mostly one contiguous run of blocks: the run with the
//!    largest sum of `(p - threshold) * weight` (a maximum subarray) is
//!    taken as the article's extent ([`run`]).
//! 3. The strongest paragraphs of that run form the article's core; every
//!    block gets topic features (its words' overlap with the core) and is
//!    scored again (pass 2), and the run is found again.
//! 4. Inside the run, blocks the model doubts are removed; outside it, only
//!    blocks the model is sure of are kept. Recognised patterns (a gallery
//!    counter, a credit line, a cookie prompt, hidden markup) remove a block
//!    wherever it is ([`rules`]).
//! 5. Around the top of the article, the title, section label, byline,
//!    date and lead are told apart; in pasted text, subheadings too
//!    ([`roles`]). The page's own metadata and what the article shows are
//!    reconciled into the article's metadata ([`metadata`]).
//!
//! The page's structure bounds the run in both passes: blocks in site
//! navigation, headers, footers, asides, forms, and comment or related
//! boxes, blocks above the headline the metadata names, repeats of earlier
//! blocks, and the replies of a thread of posts (headers with a writer and
//! a stamped day and time, recurring: how a paste shows comments) count as
//! certainly not article; a comment section's opener after the article's
//! first paragraphs ends it, and so does such a thread.
//!
//! Every removal gets a [`Reason`]: the pattern that fired, or else the
//! strongest evidence against the block.

pub mod metadata;
pub mod model;
mod rescue;
mod roles;
mod rules;
mod run;

use crate::blocks::{Block, Kind, Outline};
use crate::codes::{Extraction, Reason};
use crate::features::{Analysis, Row, F};
use crate::input::meta::PageMeta;
use model::{Model, Pass, Source};

pub use metadata::Metadata;
pub use rules::{pattern_reason, structure_reason};
pub use run::best_run;

#[derive(Clone, Copy, Debug)]
pub struct Decision {
    pub keep: bool,
    pub reason: Option<Reason>,
    /// Inside the article's run of blocks.
    pub in_run: bool,
    /// What a kept block is in the article.
    pub role: Role,
}

/// A kept block's part in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Body,
    /// The standfirst: the summary between title and body.
    Lead,
    /// A line of pasted text that heads the paragraphs under it.
    Subheading,
}

/// Every block's decision, and the article's metadata.
pub struct Classified {
    pub decisions: Vec<Decision>,
    pub metadata: Metadata,
    /// By the classifier, or by the recall safety net ([`rescue`]).
    pub extraction: Extraction,
}

/// What the classifier reads of a page besides the blocks' features.
pub struct Page<'a> {
    pub blocks: &'a [Block],
    pub outline: Option<&'a Outline>,
    pub meta: &'a PageMeta,
    pub source: Source,
    /// The heading that the page's metadata names as its headline: the
    /// article starts there.
    pub anchor: Option<usize>,
    /// The page's language, declared or detected: how its dates read.
    pub lang: Option<&'a str>,
}

impl<'a> Page<'a> {
    pub fn new(
        blocks: &'a [Block],
        outline: Option<&'a Outline>,
        meta: &'a PageMeta,
        source: Source,
    ) -> Page<'a> {
        Page {
            blocks,
            outline,
            meta,
            source,
            anchor: match meta.story_title() {
                Some(h) => anchor(blocks, &h),
                None => sole_h1(blocks),
            },
            lang: None,
        }
    }
}

/// The heading that says what the page's metadata says the headline is: a
/// page's `<h1>` if one matches, else the first matching heading. Teaser
/// lists repeat headlines as links, never as the page's headings.
fn anchor(blocks: &[Block], headline: &str) -> Option<usize> {
    let matching = |i: &usize| {
        let b = &blocks[*i];
        b.kind == Kind::Heading && crate::text::similarity(headline, &b.text) >= 0.8
    };
    let headings = || (0..blocks.len()).filter(matching);
    headings()
        .find(|&i| blocks[i].level == 1)
        .or_else(|| headings().next())
}
/// Without metadata (pasted HTML has no `<head>`), a page's only `<h1>`
/// is its headline; a page with several says nothing by them.
fn sole_h1(blocks: &[Block]) -> Option<usize> {
    let mut h1s =
        (0..blocks.len()).filter(|&i| blocks[i].kind == Kind::Heading && blocks[i].level == 1);
    let first = h1s.next()?;
    h1s.next().is_none().then_some(first)
}
pub fn classify(model: &Model, page: &Page, analysis: &Analysis) -> Classified {
    let rows = second_pass(model, page, analysis);
    let params = model.params(page.source);
    let p = run::structured(
        probabilities(model, &rows, page.source, Pass::Topic),
        page,
        &analysis.signals,
    );
    let p = run::without_echoed_boxes(p, &analysis.signals, &rows);
    let (extent, threshold) = best_run(&p, page.blocks, &analysis.signals, params.run_threshold);
    let extent = run::start_at_title(page, analysis, &rows, &p, extent, threshold);
    let params = model::Params {
        keep_threshold: params.keep_threshold.min(threshold),
        ..params
    };
    let mut decisions = rules::decide(page.blocks, analysis, &rows, &p, extent, &params);
    let extraction = if rescue::rescue(page.blocks, analysis, page.source, &mut decisions) {
        Extraction::DensestText
    } else {
        Extraction::Classifier
    };
    let roles = roles::assign(page, analysis, &mut decisions);
    let metadata = metadata::reconcile(page, analysis, &decisions, &roles);
    Classified {
        decisions,
        metadata,
        extraction,
    }
}

/// Pass 1: scores blocks on local evidence and finds the run, its core and
/// (for HTML) the element that holds the core. Returns every block's
/// features for pass 2: the local ones, and its words' overlap with the
/// core, and whether it is in the run and in that element.
pub fn second_pass(model: &Model, page: &Page, analysis: &Analysis) -> Vec<Row> {
    let p1 = run::structured(
        probabilities(model, &analysis.features, page.source, Pass::Local),
        page,
        &analysis.signals,
    );
    let (run1, threshold) = best_run(
        &p1,
        page.blocks,
        &analysis.signals,
        model.params(page.source).run_threshold,
    );
    let (core, core_blocks) = run::core_of(analysis, &p1, run1, threshold.min(0.5));
    let mut rows = crate::features::with_topic(analysis, &core, &core_blocks);
    // In text, a wrong first run would be doubled down on: there the run
    // is left to the topic features (cross-validation prefers it).
    if page.source == Source::Html {
        for f in &mut rows[run1.0..run1.1] {
            f.set(F::in_run as usize, 1.0);
        }
    }
    if let Some(outline) = page.outline {
        if let Some(range) = run::container_range(page.blocks, outline, &core_blocks) {
            for f in &mut rows[range] {
                f.set(F::in_container as usize, 1.0);
            }
        }
    }
    rows
}

pub fn probabilities(model: &Model, rows: &[Row], source: Source, pass: Pass) -> Vec<f32> {
    let w = model.weights(source, pass);
    rows.iter().map(|f| w.prob(f)).collect()
}
