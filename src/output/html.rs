use super::{Images, RenderOptions};
use crate::article::{Article, ArticleBlock, BlockKind};
use crate::sanitize::{escape_attr, escape_text, sanitize_fragment};
use crate::url::is_safe_image;

/// The article as an HTML fragment, `<article>…</article>`, safe to insert
/// into a page: every element and attribute in it is written here from an
/// allow-list, every text escaped, every block's markup sanitised again.
/// Pictures are placeholders, so that showing it loads nothing from other
/// sites; [`render_html_with`] can keep them.
pub fn render_html(article: &Article) -> String {
    render_html_with(article, &RenderOptions::default())
}

pub fn render_html_with(article: &Article, options: &RenderOptions) -> String {
    let mut out = String::from("<article>\n");
    if let Some(lang) = article.lang.as_deref().filter(|l| is_language_tag(l)) {
        out.truncate(0);
        out.push_str(&format!("<article lang=\"{lang}\">\n"));
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
    out.push_str(&format!("<{tag}>"));
    escape_text(text, out);
    out.push_str(&format!("</{tag}>\n"));
}

/// The block's markup if it has some (sanitised), else its escaped text.
fn inline(b: &ArticleBlock, context: &str) -> String {
    match &b.html {
        Some(h) => sanitize_fragment(h, context),
        None => {
            let mut s = String::new();
            escape_text(&b.text, &mut s);
            s.replace('\n', "<br>")
        }
    }
}

fn block(b: &ArticleBlock, options: &RenderOptions, out: &mut String) {
    match b.kind {
        BlockKind::Heading => {
            let level = b.level.unwrap_or(2).clamp(2, 6);
            out.push_str(&format!("<h{level}>{}</h{level}>\n", inline(b, "h2")));
        }
        BlockKind::Paragraph => out.push_str(&format!("<p>{}</p>\n", inline(b, "p"))),
        BlockKind::Quote => out.push_str(&format!(
            "<blockquote><p>{}</p></blockquote>\n",
            inline(b, "p")
        )),
        BlockKind::List => {
            let tag = if b.ordered { "ol" } else { "ul" };
            let items = match &b.html {
                Some(h) => sanitize_fragment(h, tag),
                None => b
                    .text
                    .split('\n')
                    .map(|item| {
                        let mut s = String::from("<li>");
                        escape_text(item, &mut s);
                        s.push_str("</li>");
                        s
                    })
                    .collect(),
            };
            out.push_str(&format!("<{tag}>{items}</{tag}>\n"));
        }
        BlockKind::Table => {
            let rows = match &b.html {
                Some(h) => sanitize_fragment(h, "table"),
                None => b
                    .text
                    .split('\n')
                    .map(|row| {
                        let mut s = String::from("<tr>");
                        for cell in row.split('\t') {
                            s.push_str("<td>");
                            escape_text(cell, &mut s);
                            s.push_str("</td>");
                        }
                        s.push_str("</tr>");
                        s
                    })
                    .collect(),
            };
            out.push_str(&format!("<table>{rows}</table>\n"));
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
                out.push_str(&format!(
                    "<figcaption>{}</figcaption>",
                    inline(b, "figcaption")
                ));
            }
            out.push_str("</figure>\n");
        }
    }
}
