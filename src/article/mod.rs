//! The cleaned article: what [`crate::clean`] returns and every renderer reads.

pub mod assemble;

use serde::{Deserialize, Serialize};

pub use crate::blocks::Image;
pub use crate::codes::{InputKind, MetaSource, Reason, Sources};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub title: Option<String>,
    /// The authors' names joined for display ("Jane Doe and Max Muster").
    pub byline: Option<String>,
    /// The authors' names, one each.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date as found: ISO 8601 when the page states it so
    /// (`<time datetime>`, JSON-LD), else the page's own words.
    pub published: Option<String>,
    /// Last modification, where the page states one.
    #[serde(default)]
    pub modified: Option<String>,
    pub section: Option<String>,
    pub site_name: Option<String>,
    /// ISO 639-1 code, from the page's markup or detected from the text.
    pub lang: Option<String>,
    /// The standfirst: the summary paragraph between title and body.
    pub lead: Option<String>,
    pub blocks: Vec<ArticleBlock>,
    /// Every input block that is not in `blocks`, with why.
    pub removed: Vec<RemovedBlock>,
    /// Where each metadata field was found.
    #[serde(default)]
    pub sources: Sources,
    /// The kind the input was read as (never `auto`).
    pub input_kind: InputKind,
    /// Words in the input's blocks, kept and removed (title and lead count
    /// as kept).
    pub words_kept: u32,
    pub words_removed: u32,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    List,
    Quote,
    Table,
    Figure,
    Code,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ArticleBlock {
    pub kind: BlockKind,
    /// Plain text. List items, table rows and code lines are separated by
    /// `\n`, table cells by `\t`.
    pub text: String,
    /// Inline markup, from HTML input only: text and an allow-list of
    /// inline tags (`a`, `em`, `strong`, `code`, …); for lists, the `<li>`
    /// items; for tables, the rows. Renderers sanitise it again, so a caller
    /// that edits it cannot smuggle markup through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// Heading level 1 to 6, for headings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// `ol` lists are ordered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ordered: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    pub source: Source,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RemovedBlock {
    pub reason: Reason,
    #[serde(flatten)]
    pub block: ArticleBlock,
}

/// Where a block was in the input.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Position among all blocks of the input, kept and removed, in reading
    /// order: merging `blocks` and `removed` by `index` gives the input back.
    pub index: u32,
    /// First and last line of the input the block came from (1-based).
    pub line: u32,
    pub end_line: u32,
}

impl Article {
    /// The lead and the body's text, paragraphs separated by blank lines:
    /// what a reader of the article reads after its title. Figures are
    /// pictures: their captions are not part of the running text.
    pub fn body_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(self.blocks.len() + 1);
        if let Some(lead) = &self.lead {
            parts.push(lead);
        }
        parts.extend(
            self.blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Figure)
                .map(|b| b.text.as_str())
                .filter(|t| !t.is_empty()),
        );
        parts.join("\n\n")
    }
}
