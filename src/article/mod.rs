//! The cleaned article: what [`crate::clean`] returns and every renderer
//! reads, and its JSON form ([`json`]).

pub mod assemble;
pub mod json;

pub use crate::blocks::Image;
pub use crate::codes::{Extraction, InputKind, MetaSource, Reason, Sources};
pub use crate::inline::{Cell, Inline, Tag};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Article {
    pub title: Option<String>,
    /// The authors' names joined for display ("Jane Doe, Max Muster").
    pub byline: Option<String>,
    /// The authors' names, one each.
    pub authors: Vec<String>,
    /// Publication date, ISO 8601: the day (`2024-03-12`), with the time
    /// (`2024-03-12T09:30`) and the page's offset from UTC
    /// (`2024-03-12T09:30:00+01:00`) where the page gives them.
    pub published: Option<String>,
    /// Last modification, where the page states one, as `published`.
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
    pub sources: Sources,
    /// The kind the input was read as (never `auto`).
    pub input_kind: InputKind,
    /// How the blocks were found: by the classifier, or by the recall
    /// safety net when it found next to nothing.
    pub extraction: Extraction,
    /// Words in the input's blocks, kept and removed (title and lead count
    /// as kept).
    pub words_kept: u32,
    pub words_removed: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BlockKind {
    Heading,
    #[default]
    Paragraph,
    List,
    Quote,
    Table,
    Figure,
    Code,
}

impl BlockKind {
    pub const ALL: [BlockKind; 7] = [
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::List,
        BlockKind::Quote,
        BlockKind::Table,
        BlockKind::Figure,
        BlockKind::Code,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::List => "list",
            BlockKind::Quote => "quote",
            BlockKind::Table => "table",
            BlockKind::Figure => "figure",
            BlockKind::Code => "code",
        }
    }

    pub fn from_code(code: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ArticleBlock {
    pub kind: BlockKind,
    /// Plain text. List items, table rows and code lines are separated by
    /// `\n`, table cells by `\t`.
    pub text: String,
    /// The inline markup of a heading, paragraph, quote or figure caption
    /// (and a table's caption), from HTML input. Renderers use `text` where
    /// it is absent: blocks of pasted text, and removed blocks, whose
    /// markup is not built.
    pub content: Option<Vec<Inline>>,
    /// A list's items, each as inline markup.
    pub items: Option<Vec<Vec<Inline>>>,
    /// A table's rows of cells.
    pub rows: Option<Vec<Vec<Cell>>>,
    /// Heading level 1 to 6, for headings.
    pub level: Option<u8>,
    /// `ol` lists are ordered.
    pub ordered: bool,
    pub image: Option<Image>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RemovedBlock {
    pub reason: Reason,
    pub block: ArticleBlock,
}

/// Where a block was in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
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
