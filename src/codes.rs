//! The closed sets of codes every stage shares: what the input is, why a
//! block was removed, where a metadata field was found. Each has a stable
//! kebab-case code for JSON and programs, and words for people.

/// What the input was taken to be; `auto`, `html` or `text` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Decide from the content: markup that forms a document is HTML;
    /// pasted text with a stray tag or two is still text.
    #[default]
    Auto,
    Html,
    Text,
}

impl InputKind {
    pub const ALL: [InputKind; 3] = [InputKind::Auto, InputKind::Html, InputKind::Text];

    pub fn code(self) -> &'static str {
        match self {
            InputKind::Auto => "auto",
            InputKind::Html => "html",
            InputKind::Text => "text",
        }
    }

    pub fn from_code(code: &str) -> Option<InputKind> {
        InputKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How the article's blocks were found; `classifier` or `densest-text` in
/// JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Extraction {
    /// The block classifier's run of article blocks.
    #[default]
    Classifier,
    /// The recall safety net: the classifier kept next to nothing, and
    /// the page's densest region of prose was taken instead.
    DensestText,
}

impl Extraction {
    pub const ALL: [Extraction; 2] = [Extraction::Classifier, Extraction::DensestText];

    pub fn code(self) -> &'static str {
        match self {
            Extraction::Classifier => "classifier",
            Extraction::DensestText => "densest-text",
        }
    }

    pub fn from_code(code: &str) -> Option<Extraction> {
        Extraction::ALL.into_iter().find(|k| k.code() == code)
    }

    /// One line for a person.
    pub fn describe(self) -> &'static str {
        match self {
            Extraction::Classifier => "the blocks the classifier judged to be the article",
            Extraction::DensestText => {
                "the page's densest prose: the classifier found next to nothing, so the \
                 paragraphs of sentences with few links were kept"
            }
        }
    }
}

/// Where a metadata field was found, serialised in kebab-case
/// (`json-ld`); [`MetaSource::describe`] says it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

    pub fn from_code(code: &str) -> Option<MetaSource> {
        MetaSource::ALL.into_iter().find(|s| s.code() == code)
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

/// For each metadata field of an article that has a value, where it was
/// found.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Sources {
    pub title: Option<MetaSource>,
    pub byline: Option<MetaSource>,
    pub published: Option<MetaSource>,
    pub modified: Option<MetaSource>,
    pub section: Option<MetaSource>,
    pub site_name: Option<MetaSource>,
    pub lang: Option<MetaSource>,
}

/// Why a block is not in the article body. Serialised in kebab-case
/// (`photo-credit`); [`Reason::describe`] says it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_as_what_they_name() {
        for r in Reason::ALL {
            assert_eq!(Reason::from_code(r.code()), Some(r));
        }
        for s in MetaSource::ALL {
            assert_eq!(MetaSource::from_code(s.code()), Some(s));
        }
        for k in InputKind::ALL {
            assert_eq!(InputKind::from_code(k.code()), Some(k));
        }
    }
}
