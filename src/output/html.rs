//! The article as HTML that is safe to insert into a page. Every element
//! and attribute is written here, from the article's typed spans: a tag
//! the spans cannot name cannot come out, every text and attribute value
//! is escaped, and every address is checked again (a caller may have
//! edited the article).

use super::{Images, RenderOptions};
use crate::article::{Article, ArticleBlock, BlockKind, Cell, Inline, Tag};
use crate::url::{is_safe_image, is_safe_link};

/// The article as an HTML fragment, `<article>…</article>`. Pictures are
/// placeholders, so that showing it loads nothing from other sites;
/// [`render_html_with`] can keep them.
pub fn render_html(article: &Article) -> String {
    render_html_with(article, &RenderOptions::default())
}

pub fn render_html_with(article: &Article, options: &RenderOptions) -> String {
    let mut out = String::new();
    match article.lang.as_deref().filter(|l| is_language_tag(l)) {
        Some(lang) => {
            out.push_str("<article lang=\"");
            out.push_str(lang);
            out.push_str("\">\n");
        }
        None => out.push_str("<article>\n"),
    }
    if let Some(t) = &article.title {
        tag_text("h1", t, &mut out);
    }
    if let Some(line) = super::byline_line(article) {
        out.push_str("<p class=\"byline\">");
        escape_text(&line, &mut out);
        out.push_str("</p>\n");
    }
    if let Some(l) = &article.lead {
        out.push_str("<p class=\"lead\"><strong>");
        escape_text(l, &mut out);
        out.push_str("</strong></p>\n");
    }
    for b in &article.blocks {
        block(b, options, &mut out);
    }
    out.push_str("</article>\n");
    out
}

/// A complete document around [`render_html_with`], for saving to a file.
pub fn render_html_document(article: &Article, options: &RenderOptions) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>");
    escape_text(article.title.as_deref().unwrap_or("Article"), &mut out);
    out.push_str(
        "</title>\n<meta name=\"viewport\" content=\"width=device-width\">\n</head>\n<body>\n",
    );
    out.push_str(&render_html_with(article, options));
    out.push_str("</body></html>\n");
    out
}

fn is_language_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 12 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn tag_text(tag: &str, text: &str, out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    escape_text(text, out);
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

pub(crate) fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push(' '),
            _ => out.push(c),
        }
    }
}

pub(crate) fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '`' => out.push_str("&#96;"),
            _ => out.push(c),
        }
    }
}

/// Spans as HTML.
fn spans(spans: &[Inline], out: &mut String) {
    for s in spans {
        match s {
            Inline::Text(t) => escape_text(t, out),
            Inline::Break => out.push_str("<br>"),
            Inline::Element {
                tag,
                attr,
                children,
            } => {
                let name = tag.name();
                out.push('<');
                out.push_str(name);
                if let Some(value) = attr {
                    match tag {
                        Tag::A if !value.trim().is_empty() && is_safe_link(value) => {
                            out.push_str(" href=\"");
                            escape_attr(value, out);
                            out.push_str("\" rel=\"noopener noreferrer\"");
                        }
                        Tag::Abbr | Tag::Time => {
                            out.push(' ');
                            out.push_str(tag.attribute().unwrap_or_default());
                            out.push_str("=\"");
                            escape_attr(value, out);
                            out.push('"');
                        }
                        _ => {}
                    }
                }
                out.push('>');
                self::spans(children, out);
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
}

/// A block's inline markup, or its escaped text (line breaks kept).
fn inline(b: &ArticleBlock, out: &mut String) {
    match &b.content {
        Some(content) => spans(content, out),
        None => text_with_breaks(&b.text, out),
    }
}

fn text_with_breaks(text: &str, out: &mut String) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_text(line, out);
    }
}

fn block(b: &ArticleBlock, options: &RenderOptions, out: &mut String) {
    match b.kind {
        BlockKind::Heading => {
            let level = b.level.unwrap_or(2).clamp(2, 6);
            out.push_str(&format!("<h{level}>"));
            inline(b, out);
            out.push_str(&format!("</h{level}>\n"));
        }
        BlockKind::Paragraph => {
            out.push_str("<p>");
            inline(b, out);
            out.push_str("</p>\n");
        }
        BlockKind::Quote => {
            out.push_str("<blockquote><p>");
            inline(b, out);
            out.push_str("</p></blockquote>\n");
        }
        BlockKind::List => {
            let tag = if b.ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            match &b.items {
                Some(items) => {
                    for item in items {
                        out.push_str("<li>");
                        spans(item, out);
                        out.push_str("</li>");
                    }
                }
                None => {
                    for item in b.text.split('\n') {
                        out.push_str("<li>");
                        escape_text(item, out);
                        out.push_str("</li>");
                    }
                }
            }
            out.push_str(&format!("</{tag}>\n"));
        }
        BlockKind::Table => {
            out.push_str("<table>");
            if let Some(caption) = b.content.as_ref().filter(|c| !c.is_empty()) {
                out.push_str("<caption>");
                spans(caption, out);
                out.push_str("</caption>");
            }
            match &b.rows {
                Some(rows) => {
                    for row in rows {
                        out.push_str("<tr>");
                        for c in row {
                            cell(c, out);
                        }
                        out.push_str("</tr>");
                    }
                }
                None => {
                    for row in b.text.split('\n') {
                        out.push_str("<tr>");
                        for c in row.split('\t') {
                            out.push_str("<td>");
                            escape_text(c, out);
                            out.push_str("</td>");
                        }
                        out.push_str("</tr>");
                    }
                }
            }
            out.push_str("</table>\n");
        }
        BlockKind::Code => {
            out.push_str("<pre><code>");
            escape_text(&b.text, out);
            out.push_str("</code></pre>\n");
        }
        BlockKind::Figure => {
            let image = b.image.as_ref().filter(|i| is_safe_image(&i.src));
            if image.is_none() && b.text.is_empty() {
                return;
            }
            out.push_str("<figure>");
            match (image, options.images) {
                (Some(img), Images::Keep) => {
                    out.push_str("<img src=\"");
                    escape_attr(&img.src, out);
                    out.push_str("\" alt=\"");
                    escape_attr(&img.alt, out);
                    out.push_str("\" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
                }
                (Some(img), Images::Placeholder) => {
                    out.push_str("<span class=\"image-placeholder\">");
                    escape_text(&Images::placeholder(&img.alt), out);
                    out.push_str("</span>");
                }
                _ => {}
            }
            if !b.text.is_empty() {
                out.push_str("<figcaption>");
                inline(b, out);
                out.push_str("</figcaption>");
            }
            out.push_str("</figure>\n");
        }
    }
}

fn cell(c: &Cell, out: &mut String) {
    let tag = if c.header { "th" } else { "td" };
    out.push('<');
    out.push_str(tag);
    for (name, n) in [("colspan", c.colspan), ("rowspan", c.rowspan)] {
        if let Some(n) = n {
            out.push_str(&format!(" {name}=\"{}\"", n.clamp(1, 1000)));
        }
    }
    out.push('>');
    spans(&c.content, out);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}
