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

pub fn render_json(article: &Article) -> String {
    // Serialising plain data to a String cannot fail.
    serde_json::to_string_pretty(article).unwrap_or_default()
}
