//! The common currency of the pipeline: HTML and pasted text are both read
//! into a sequence of [`Block`]s, in reading order, each with the evidence
//! its source offers (DOM context for HTML, layout for text). Everything
//! downstream — features, classification, assembly — sees only blocks.

use crate::dom::NodeId;

/// A picture: its address (absolute when the page's address is known) and
/// its description.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Table,
    Figure,
    Code,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: Kind,
    /// Heading level (1–6); 0 when not a heading.
    pub level: u8,
    /// Normalised text: single spaces, `\n` only where the source breaks
    /// lines inside the block (`<br>`, list items, table rows, code).
    pub text: String,
    /// Where the block's inline markup was recorded (HTML input).
    pub markup: BlockMarkup,
    pub line: u32,
    pub end_line: u32,
    /// Blocks of one list, quote or figure share a group, so the article can
    /// put consecutive items back together.
    pub group: u32,
    pub ordered: bool,
    pub image: Option<Image>,
    pub source: Evidence,
}

/// Where a block's inline markup is, to be built into spans if the
/// article keeps the block (see `input::html::Markup`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BlockMarkup {
    /// No markup: pasted text, or a picture without a caption.
    #[default]
    None,
    /// Text without inline elements.
    Plain,
    /// The markup events `start..end` of the input's recording.
    Events { start: u32, end: u32 },
    /// A data table: its element.
    Table(NodeId),
}

/// What the input tells about a block beyond its text.
#[derive(Clone, Debug)]
pub enum Evidence {
    Html(DomEvidence),
    Text(TextLayout),
}

#[derive(Clone, Debug, Default)]
pub struct DomEvidence {
    /// The block-level element whose inline content this block is.
    pub container: NodeId,
    pub tag: Tag,
    /// Characters of text inside links, and number of links.
    pub link_chars: u32,
    pub links: u16,
    /// Landmark flags inherited from ancestors, see [`landmark`].
    pub landmarks: u16,
    /// Distance in elements to the nearest ancestor whose class, id, role or
    /// `data-*` names hint at each category (see `data/hints.txt`);
    /// [`FAR`] when none does.
    pub hints: [u8; HINTS],
    pub depth: u16,
}

pub const FAR: u8 = u8::MAX;

/// Hint categories, by the names of `data/hints.txt`.
pub use crate::lexicon::{hint, HINTS};

/// Bits of [`DomEvidence::landmarks`].
pub mod landmark {
    pub const NAV: u16 = 1;
    pub const HEADER: u16 = 1 << 1;
    pub const FOOTER: u16 = 1 << 2;
    pub const ASIDE: u16 = 1 << 3;
    pub const FORM: u16 = 1 << 4;
    pub const ARTICLE: u16 = 1 << 5;
    pub const MAIN: u16 = 1 << 6;
    pub const HIDDEN: u16 = 1 << 7;
    pub const DIALOG: u16 = 1 << 8;
    pub const LIST: u16 = 1 << 9;
    pub const LAYOUT_TABLE: u16 = 1 << 10;
    pub const FIGURE: u16 = 1 << 11;
    pub const ADDRESS: u16 = 1 << 12;
    pub const TIME: u16 = 1 << 13;
}

/// The element a block's text sits in, reduced to what matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tag {
    P,
    Heading,
    Li,
    Cell,
    Dd,
    Blockquote,
    Pre,
    Figure,
    Table,
    #[default]
    Other,
}

#[derive(Clone, Debug, Default)]
pub struct TextLayout {
    /// Leading white space, tabs counting four.
    pub indent: u16,
    pub blank_before: bool,
    pub blank_after: bool,
    /// The line held markup (`<strong>`, `&nbsp;`) that was stripped: text
    /// copied from a page's source rather than from the page.
    pub stray_html: bool,
    /// A bullet or number that started the line was stripped.
    pub bullet: bool,
}

impl Block {
    pub fn dom(&self) -> Option<&DomEvidence> {
        match &self.source {
            Evidence::Html(d) => Some(d),
            Evidence::Text(_) => None,
        }
    }

    pub fn layout(&self) -> Option<&TextLayout> {
        match &self.source {
            Evidence::Text(t) => Some(t),
            Evidence::Html(_) => None,
        }
    }

    pub fn has_landmark(&self, bit: u16) -> bool {
        self.dom().is_some_and(|d| d.landmarks & bit != 0)
    }

    /// Distance to the nearest ancestor hinting at `category`.
    pub fn hint(&self, category: usize) -> u8 {
        self.dom().map_or(FAR, |d| d.hints[category])
    }
}

/// The shape of the page's element tree, without its content: each node's
/// parent. The classifier finds the element that holds the article's core
/// with it; the DOM itself stays with the input.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    parents: Vec<NodeId>,
    /// `<html>` and `<body>`: an element that holds the whole page.
    page_level: Vec<NodeId>,
}

const NO_PARENT: NodeId = NodeId::MAX;

impl Outline {
    /// The tree's shape: every node's parent, and which elements hold the
    /// whole page.
    pub fn of(dom: &crate::dom::Dom) -> Outline {
        let page_level = (0..dom.len() as NodeId)
            .filter(|&n| {
                dom.element(n)
                    .is_some_and(|e| matches!(e.local(), "html" | "body"))
            })
            .collect();
        Outline::new(
            (0..dom.len() as NodeId)
                .map(|n| dom.node(n).parent)
                .collect(),
            page_level,
        )
    }

    pub fn new(parents: Vec<Option<NodeId>>, page_level: Vec<NodeId>) -> Outline {
        Outline {
            parents: parents
                .into_iter()
                .map(|p| p.unwrap_or(NO_PARENT))
                .collect(),
            page_level,
        }
    }

    pub fn parent(&self, node: NodeId) -> Option<NodeId> {
        self.parents
            .get(node as usize)
            .copied()
            .filter(|&p| p != NO_PARENT)
    }

    /// The node and its ancestors, nearest first.
    pub fn ancestors(&self, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(node), |&n| self.parent(n))
    }

    pub fn is_page_level(&self, node: NodeId) -> bool {
        self.page_level.contains(&node)
    }
}
