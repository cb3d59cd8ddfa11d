//! The cleaned article: what [`crate::clean`] returns and every renderer reads.

pub mod assemble;

use serde::{Deserialize, Serialize};

/// What the input was taken to be.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    /// Decide from the content: markup that forms a document is HTML;
    /// pasted text with a stray tag or two is still text.
    #[default]
    Auto,
    Html,
    Text,
}

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

/// Where a metadata field was found, serialised in kebab-case
/// (`json-ld`); [`MetaSource::describe`] says it in words.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum MetaSource {
    /// Structured data: `<script type="application/ld+json">`.
    JsonLd,
    /// `itemprop` attributes in the page.
    Microdata,
    /// A `<meta>` tag (OpenGraph, Dublin Core, `article:*`, `author`…).
    Meta,
    /// A `<time datetime>` element.
    Time,
    /// The page's address (`/2024/03/14/…`).
    Url,
    /// The document's `<title>`.
    TitleElement,
    /// The headline shown above the article.
    Heading,
    /// The byline shown with the article.
    Byline,
    /// The date shown with the article.
    Dateline,
    /// The section label shown above the headline.
    SectionLabel,
    /// A link or element the page marks as its author's (`rel=author`,
    /// `vcard`).
    AuthorLink,
    /// `<html lang>` or a `Content-Language` declaration.
    LangAttribute,
    /// Detected from the article's words.
    Detected,
}

impl MetaSource {
    pub const ALL: [MetaSource; 13] = [
        MetaSource::JsonLd,
        MetaSource::Microdata,
        MetaSource::Meta,
        MetaSource::Time,
        MetaSource::Url,
        MetaSource::TitleElement,
        MetaSource::Heading,
        MetaSource::Byline,
        MetaSource::Dateline,
        MetaSource::SectionLabel,
        MetaSource::AuthorLink,
        MetaSource::LangAttribute,
        MetaSource::Detected,
    ];

    /// The kebab-case code, as in JSON.
    pub fn code(self) -> &'static str {
        match self {
            MetaSource::JsonLd => "json-ld",
            MetaSource::Microdata => "microdata",
            MetaSource::Meta => "meta",
            MetaSource::Time => "time",
            MetaSource::Url => "url",
            MetaSource::TitleElement => "title-element",
            MetaSource::Heading => "heading",
            MetaSource::Byline => "byline",
            MetaSource::Dateline => "dateline",
            MetaSource::SectionLabel => "section-label",
            MetaSource::AuthorLink => "author-link",
            MetaSource::LangAttribute => "lang-attribute",
            MetaSource::Detected => "detected",
        }
    }

    /// Where it was found, in words ("from the page's structured data").
    pub fn describe(self) -> &'static str {
        match self {
            MetaSource::JsonLd => "the page's structured data (JSON-LD)",
            MetaSource::Microdata => "the page's microdata",
            MetaSource::Meta => "the page's meta tags",
            MetaSource::Time => "a time element",
            MetaSource::Url => "the page's address",
            MetaSource::TitleElement => "the page's title",
            MetaSource::Heading => "the headline",
            MetaSource::Byline => "the byline",
            MetaSource::Dateline => "the date shown with the article",
            MetaSource::SectionLabel => "the label above the headline",
            MetaSource::AuthorLink => "the page's author link",
            MetaSource::LangAttribute => "the page's language declaration",
            MetaSource::Detected => "the article's words",
        }
    }
}

/// For each metadata field of an [`Article`] that has a value, where it was
/// found.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Sources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<MetaSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<MetaSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<MetaSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<MetaSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<MetaSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<MetaSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<MetaSource>,
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
pub struct Image {
    pub src: String,
    #[serde(default)]
    pub alt: String,
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

/// Why a block is not in the article body. Serialised in kebab-case
/// (`photo-credit`); [`Reason::describe`] says it in words.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Menus, breadcrumbs, site links, search and account links.
    Navigation,
    Advertisement,
    /// Gallery widgets and counters ("1/4", "Zur Galerie").
    Gallery,
    /// Photo credits and image captions' credit lines.
    PhotoCredit,
    /// A picture's caption, from pasted text (pictures are not part of the
    /// text; from HTML, captions stay with their figures).
    Caption,
    /// Teasers, headlines and "related" lists for other stories.
    TeaserUnrelated,
    /// Cookie, newsletter, subscription, share and comment prompts; "read
    /// more" promos.
    CallToAction,
    /// Readers' comments.
    Comments,
    /// Legal lines, copyright, site footers.
    Boilerplate,
    /// The same text again (image captions repeated by galleries, menus
    /// shown twice).
    Duplicate,
    /// Hidden in the page (`hidden`, `aria-hidden`, `display:none`).
    Hidden,
    /// Text that is neither the article nor recognisably anything else,
    /// away from the article's run of paragraphs.
    OutsideArticle,
    /// Moved to the article's metadata.
    Title,
    Byline,
    Date,
    SectionLabel,
}

impl Reason {
    pub const ALL: [Reason; 16] = [
        Reason::Navigation,
        Reason::Advertisement,
        Reason::Gallery,
        Reason::PhotoCredit,
        Reason::Caption,
        Reason::TeaserUnrelated,
        Reason::CallToAction,
        Reason::Comments,
        Reason::Boilerplate,
        Reason::Duplicate,
        Reason::Hidden,
        Reason::OutsideArticle,
        Reason::Title,
        Reason::Byline,
        Reason::Date,
        Reason::SectionLabel,
    ];

    /// The kebab-case code, as in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Reason::Navigation => "navigation",
            Reason::Advertisement => "advertisement",
            Reason::Gallery => "gallery",
            Reason::PhotoCredit => "photo-credit",
            Reason::Caption => "caption",
            Reason::TeaserUnrelated => "teaser-unrelated",
            Reason::CallToAction => "call-to-action",
            Reason::Comments => "comments",
            Reason::Boilerplate => "boilerplate",
            Reason::Duplicate => "duplicate",
            Reason::Hidden => "hidden",
            Reason::OutsideArticle => "outside-article",
            Reason::Title => "title",
            Reason::Byline => "byline",
            Reason::Date => "date",
            Reason::SectionLabel => "section-label",
        }
    }

    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// One line for a person.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Navigation => "navigation: menus, breadcrumbs and site links",
            Reason::Advertisement => "advertisement or sponsored content",
            Reason::Gallery => "gallery widget or picture counter",
            Reason::PhotoCredit => "photo credit",
            Reason::Caption => "a picture's caption",
            Reason::TeaserUnrelated => "teaser for another story",
            Reason::CallToAction => {
                "prompt: cookies, newsletter, subscription, sharing, comments, read more"
            }
            Reason::Comments => "readers' comments",
            Reason::Boilerplate => "site footer, legal or copyright line",
            Reason::Duplicate => "repeats text shown elsewhere",
            Reason::Hidden => "hidden in the page",
            Reason::OutsideArticle => "outside the article's text",
            Reason::Title => "the title (moved to metadata)",
            Reason::Byline => "the author (moved to metadata)",
            Reason::Date => "the date (moved to metadata)",
            Reason::SectionLabel => "the section label (moved to metadata)",
        }
    }

    /// Blocks moved to the metadata rather than thrown away.
    pub fn is_metadata(self) -> bool {
        matches!(
            self,
            Reason::Title | Reason::Byline | Reason::Date | Reason::SectionLabel
        )
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_codes_round_trip_through_json() {
        for r in Reason::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.code()));
            assert_eq!(Reason::from_code(r.code()), Some(r));
        }
    }
}
