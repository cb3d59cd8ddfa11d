//! Last stage: the article as plain text, Markdown, HTML or JSON.
//!
//! Renderers read only the [`Article`], so an article a caller has edited
//! (a removed block put back, say) renders the same way. Markup in blocks is
//! sanitised again on the way out: no renderer trusts the article it is
//! given.

mod html;
mod markdown;
mod text;

pub use html::{render_html, render_html_document, render_html_with};
pub use markdown::{render_markdown, render_markdown_with};
pub use text::render_text;

use crate::article::Article;

/// What the HTML and Markdown renderers do with the article's pictures.
/// Only `Keep` writes an image's address, which makes whoever shows the
/// output load it from the site it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Images {
    /// A short note in the picture's place: its description, or "Image".
    /// Nothing is loaded.
    #[default]
    Placeholder,
    /// The picture itself (`<img src>`, `![alt](src)`), loaded from its
    /// site when the output is shown.
    Keep,
    /// Nothing in the picture's place; its caption stays.
    Drop,
}

impl Images {
    pub fn parse(s: &str) -> Option<Images> {
        Some(match s {
            "placeholder" => Images::Placeholder,
            "keep" => Images::Keep,
            "drop" => Images::Drop,
            _ => return None,
        })
    }

    /// The words of a placeholder: "Image: <description>", or "Image".
    pub(crate) fn placeholder(alt: &str) -> String {
        let alt = alt.trim();
        if alt.is_empty() {
            "Image".to_string()
        } else {
            format!("Image: {alt}")
        }
    }
}

/// How to render, beyond the format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    pub images: Images,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "text" | "txt" => Format::Text,
            "markdown" | "md" => Format::Markdown,
            "html" => Format::Html,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

pub fn render(article: &Article, format: Format) -> String {
    render_with(article, format, &RenderOptions::default())
}

pub fn render_with(article: &Article, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Text => render_text(article),
        Format::Markdown => render_markdown_with(article, options),
        Format::Html => render_html_with(article, options),
        Format::Json => render_json(article),
    }
}

/// The line under the title: author and date, as far as they are known.
pub(crate) fn byline_line(article: &Article) -> Option<String> {
    let parts: Vec<&str> = [
        article.byline.as_deref(),
        article.published.as_deref().map(display_date),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A date as a reader wants it: an ISO 8601 timestamp's day
/// ("2024-02-14T18:05:00Z" gives "2024-02-14"); anything else as it is.
pub(crate) fn display_date(date: &str) -> &str {
    let b = date.as_bytes();
    let iso_day = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso_day {
        &date[..10]
    } else {
        date
    }
}

/// The article as pretty-printed JSON (see [`crate::article::json`]).
pub fn render_json(article: &Article) -> String {
    crate::article::json::to_json(article, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleBlock, BlockKind, Image};

    fn with_figure(alt: &str) -> Article {
        Article {
            blocks: vec![ArticleBlock {
                kind: BlockKind::Figure,
                text: "The harbour at dawn".into(),
                image: Some(Image {
                    src: "https://cdn.example/harbour.jpg".into(),
                    alt: alt.into(),
                }),
                ..ArticleBlock::default()
            }],
            ..Article::default()
        }
    }

    fn html(article: &Article, images: Images) -> String {
        render_with(article, Format::Html, &RenderOptions { images })
    }

    fn markdown(article: &Article, images: Images) -> String {
        render_with(article, Format::Markdown, &RenderOptions { images })
    }

    #[test]
    fn by_default_pictures_are_placeholders_that_name_no_address() {
        let a = with_figure("Boats in the harbour");
        for out in [render_html(&a), render_markdown(&a)] {
            assert!(out.contains("Image: Boats in the harbour"), "{out}");
            assert!(!out.contains("cdn.example"), "{out}");
            assert!(out.contains("The harbour at dawn"), "{out}");
        }
    }

    #[test]
    fn a_picture_without_a_description_is_called_image() {
        let out = html(&with_figure(""), Images::Placeholder);
        assert!(
            out.contains("<span class=\"image-placeholder\">Image</span>"),
            "{out}"
        );
    }

    #[test]
    fn kept_pictures_are_loaded_without_a_referrer() {
        let a = with_figure("Boats");
        assert!(html(&a, Images::Keep).contains(
            "<img src=\"https://cdn.example/harbour.jpg\" alt=\"Boats\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"
        ));
        assert!(markdown(&a, Images::Keep).contains("![Boats](<https://cdn.example/harbour.jpg>)"));
    }

    #[test]
    fn dropped_pictures_leave_their_caption() {
        let a = with_figure("Boats");
        for out in [html(&a, Images::Drop), markdown(&a, Images::Drop)] {
            assert!(
                !out.contains("Boats") && !out.contains("cdn.example"),
                "{out}"
            );
            assert!(out.contains("The harbour at dawn"), "{out}");
        }
    }

    #[test]
    fn markdown_code_keeps_backslashes_and_fences_its_backticks() {
        use crate::inline::{Inline, Tag};
        let code = |t: &str| Inline::Element {
            tag: Tag::Code,
            attr: None,
            children: vec![Inline::Text(t.into())],
        };
        let a = Article {
            blocks: vec![ArticleBlock {
                kind: BlockKind::Paragraph,
                text: "p_{ij} = a\\b and `x` * 2".into(),
                content: Some(vec![
                    code("p_{ij} = a\\b"),
                    Inline::Text(" and ".into()),
                    code("`x`"),
                    Inline::Text(" * 2".into()),
                ]),
                ..ArticleBlock::default()
            }],
            ..Article::default()
        };
        assert_eq!(render_markdown(&a), "`p_{ij} = a\\b` and `` `x` `` \\* 2\n");
    }

    #[test]
    fn iso_timestamps_show_their_day_and_other_dates_stay() {
        assert_eq!(display_date("2024-02-14T18:05:00Z"), "2024-02-14");
        assert_eq!(display_date("19 November 2019"), "19 November 2019");
        assert_eq!(display_date("2024"), "2024");
    }
}
