//! Extracts the article from a web page: from its HTML, or from the plain
//! text a Select All + Copy of the page gives. Returns the title, lead,
//! subheadings and body, the metadata (author, date, section, site,
//! language), and every removed block with the reason it was removed.
//!
//! ```
//! use article_cleaner::{clean, render_text, Options};
//!
//! let html = "<html><head><title>Rain</title></head><body>\
//!   <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
//!   <article><h1>Rain</h1><p>It rained all day in the city, and the river rose \
//!   above its banks for the first time since the great flood of the last century.</p>\
//!   <p>Officials said that the water would recede by the weekend, as forecasters \
//!   expect a dry week with plenty of sunshine across the whole region.</p></article>\
//!   <footer>© 2024 Example News. All rights reserved.</footer></body></html>";
//! let article = clean(html, &Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Rain"));
//! assert!(render_text(&article).contains("the river rose"));
//! assert!(article.removed.iter().any(|r| r.block.text.contains("All rights reserved")));
//! ```
//!
//! The pipeline is one module per stage: [`input`] (HTML or text into
//! blocks), [`blocks`], [`features`], [`classify`], [`article`] (assembly and
//! metadata) and [`output`] (renderers).

pub mod article;
#[doc(hidden)]
pub mod blocks;
#[doc(hidden)]
pub mod budget;
#[doc(hidden)]
pub mod classify;
pub mod cli;
#[doc(hidden)]
pub mod codes;
#[doc(hidden)]
pub mod dom;
#[doc(hidden)]
pub mod error;
#[doc(hidden)]
pub mod features;
#[doc(hidden)]
pub mod inline;
#[doc(hidden)]
pub mod input;
#[doc(hidden)]
pub mod json;
#[doc(hidden)]
pub mod lexicon;
pub mod output;
#[doc(hidden)]
pub mod patterns;
#[doc(hidden)]
pub mod text;
#[doc(hidden)]
pub mod url;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use article::{
    Article, ArticleBlock, BlockKind, Cell, Extraction, Image, Inline, InputKind, MetaSource,
    Reason, RemovedBlock, Source, Sources, Tag,
};
pub use output::{
    render, render_html, render_html_document, render_html_with, render_json, render_markdown,
    render_markdown_with, render_text, render_with, Format, Images, RenderOptions,
};

pub use budget::{
    DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MEMORY_PER_INPUT_BYTE, DEFAULT_MIN_MEMORY_BYTES,
};
pub use codes::ErrorCode;
pub use error::CleanError;

use classify::model::Source as ModelSource;

/// Inputs larger than this are refused unless [`Options::max_input_bytes`]
/// says otherwise.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct Options {
    pub input: InputKind,
    /// The page's address, for making links and image sources absolute.
    pub base_url: Option<String>,
    pub max_input_bytes: usize,
    /// Bytes the cleaner's structures (the parsed page, its blocks, their
    /// features) may take for one input; past them the clean fails with
    /// [`CleanError::OverMemoryBudget`]. `None` (the default):
    /// [`DEFAULT_MEMORY_PER_INPUT_BYTE`] times the input, at least
    /// [`DEFAULT_MIN_MEMORY_BYTES`] and at most [`DEFAULT_MAX_MEMORY_BYTES`].
    pub max_memory_bytes: Option<usize>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            input: InputKind::Auto,
            base_url: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_memory_bytes: None,
        }
    }
}

/// Cleans a page's HTML or pasted text into an [`Article`].
pub fn clean(input: &str, options: &Options) -> Result<Article, CleanError> {
    Ok(prepare(input, options)?.finish(classify::model::model()))
}

/// The input read and its features extracted: everything before the
/// classifier. Training (`tools/dev`, `cargo train`) prepares each page once
/// and finishes it with many candidate models.
#[doc(hidden)]
pub struct Prepared {
    pub input: input::Input,
    pub lang: Option<(String, codes::MetaSource)>,
    pub analysis: features::Analysis,
    /// Bytes charged to the memory budget, up to the features.
    pub memory_charged: usize,
}

#[doc(hidden)]
pub fn prepare(input: &str, options: &Options) -> Result<Prepared, CleanError> {
    let budget = budget::Budget::new(budget::limit_for(input.len(), options.max_memory_bytes));
    let input = input::read(
        input,
        options.input,
        options.base_url.as_deref(),
        options.max_input_bytes,
        &budget,
    )?;
    // The language the page declares, when its text bears it out; else
    // the one its text shows.
    let votes = language_votes(&input.blocks);
    let declared = input.meta.lang.clone().map(|l| {
        let source = input
            .meta
            .sources
            .lang
            .unwrap_or(codes::MetaSource::LangAttribute);
        (l, source)
    });
    let lang = match declared {
        Some((l, source)) if votes.fits(&l) => Some((l, source)),
        declared => votes
            .best()
            .map(|l| (l.to_string(), codes::MetaSource::Detected))
            .or(declared),
    };
    let lang_data = lang.as_ref().and_then(|(l, _)| lexicon::language(l));
    charge_analysis(&budget, &input.blocks);
    budget.check()?;
    let analysis = features::analyse(&input.blocks, lang_data, input.outline.as_ref());
    Ok(Prepared {
        input,
        lang,
        analysis,
        memory_charged: budget.used(),
    })
}

impl Prepared {
    pub fn source(&self) -> ModelSource {
        match self.input.kind {
            InputKind::Html => ModelSource::Html,
            _ => ModelSource::Text,
        }
    }

    /// The page as the classifier reads it.
    pub fn page(&self) -> classify::Page<'_> {
        let mut page = classify::Page::new(
            &self.input.blocks,
            self.input.outline.as_ref(),
            &self.input.meta,
            self.source(),
        );
        page.lang = self.lang.as_ref().map(|(l, _)| l.as_str());
        page
    }

    /// Classifies and assembles with `model`. `self` stays as it was, so
    /// that it can be finished again with another model.
    pub fn finish(&self, model: &classify::model::Model) -> Article {
        let classified = classify::classify(model, &self.page(), &self.analysis);
        article::assemble::assemble(article::assemble::Parts {
            input: &self.input,
            analysis: &self.analysis,
            decisions: &classified.decisions,
            metadata: classified.metadata,
            extraction: classified.extraction,
            lang: self.lang.clone(),
        })
    }
}

/// What the longer blocks' text says of its language: menus and names
/// say little.
fn language_votes(blocks: &[blocks::Block]) -> lexicon::Votes {
    let mut sample = String::new();
    for b in blocks.iter().filter(|b| b.text.len() > 60) {
        sample.push_str(&b.text);
        sample.push('\n');
        if sample.len() > 20_000 {
            break;
        }
    }
    if sample.is_empty() {
        for b in blocks.iter().take(200) {
            sample.push_str(&b.text);
            sample.push('\n');
        }
    }
    lexicon::votes(&sample)
}

/// How likely the input holds an article (0 to 1): enough connected prose
/// in one run. For a browser extension deciding whether to offer a reader
/// view. Cheaper than [`clean`] only in that it renders nothing.
pub fn is_probably_article(input: &str, options: &Options) -> f32 {
    let Ok(article) = clean(input, options) else {
        return 0.0;
    };
    let paragraphs = article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && text::word_weight(&b.text) >= 15.0)
        .count();
    let words = article.words_kept as f32;
    let share = words / (words + article.words_removed as f32).max(1.0);
    let by_length = (words / 300.0).min(1.0);
    let by_paragraphs = (paragraphs as f32 / 4.0).min(1.0);
    (0.5 * by_length + 0.35 * by_paragraphs + 0.15 * share.min(1.0)).clamp(0.0, 1.0)
}

/// Charges what the stages after reading take for `blocks`: each block's
/// features and signals, its content words (an eight-byte hash for at most
/// every two bytes of text), and the article's copy of it.
fn charge_analysis(budget: &budget::Budget, blocks: &[blocks::Block]) {
    use std::mem::size_of;
    const PER_BLOCK: usize = size_of::<features::Signals>()
        + size_of::<features::Row>()
        + size_of::<Vec<u64>>()
        + size_of::<ArticleBlock>();
    let text: usize = blocks.iter().map(|b| b.text.len()).sum();
    budget.charge(blocks.len() * PER_BLOCK + text * 5);
}
