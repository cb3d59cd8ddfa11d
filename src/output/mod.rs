//! Last stage: the article as plain text, Markdown, HTML or JSON.
//!
//! Renderers read only the [`Article`], so an article a caller has edited
//! (a removed block put back, say) renders the same way. Markup in blocks is
//! sanitised again on the way out: no renderer trusts the article it is
//! given.

mod html;
mod markdown;
mod text;

pub use html::{render_html, render_html_document};
pub use markdown::render_markdown;
pub use text::render_text;

use crate::article::Article;

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
    match format {
        Format::Text => render_text(article),
        Format::Markdown => render_markdown(article),
        Format::Html => render_html(article),
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

pub fn render_json(article: &Article) -> String {
    // Serialising plain data to a String cannot fail.
    serde_json::to_string_pretty(article).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::display_date;

    #[test]
    fn iso_timestamps_show_their_day_and_other_dates_stay() {
        assert_eq!(display_date("2024-02-14T18:05:00Z"), "2024-02-14");
        assert_eq!(display_date("19 November 2019"), "19 November 2019");
        assert_eq!(display_date("2024"), "2024");
    }
}
