use super::{Images, RenderOptions};
use crate::article::{Article, ArticleBlock, BlockKind};
use crate::dom::{Dom, NodeData, DOCUMENT};
use crate::sanitize::sanitize_fragment;

/// CommonMark: `#` headings, `-` and `1.` lists, `>` quotes, fenced code,
/// GitHub tables, figures as placeholders (`\\[Image: alt\\]`, or with
/// [`Images::Keep`] `![alt](src)`); inline emphasis, code and links kept
/// from the block's markup.
pub fn render_markdown(article: &Article) -> String {
    render_markdown_with(article, &RenderOptions::default())
}

pub fn render_markdown_with(article: &Article, options: &RenderOptions) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &article.title {
        parts.push(format!("# {}", escape(t)));
    }
    if let Some(line) = super::byline_line(article) {
        parts.push(format!("*{}*", escape(&line)));
    }
    if let Some(l) = &article.lead {
        parts.push(format!("**{}**", escape(l)));
    }
    for b in &article.blocks {
        let md = block(b, options);
        if !md.trim().is_empty() {
            parts.push(md);
        }
    }
    if parts.is_empty() {
        return String::new();
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn block(b: &ArticleBlock, options: &RenderOptions) -> String {
    match b.kind {
        BlockKind::Heading => {
            let level = b.level.unwrap_or(2).clamp(2, 6) as usize;
            format!(
                "{} {}",
                "#".repeat(level),
                inline(b, "h2").replace('\n', " ")
            )
        }
        BlockKind::Paragraph => inline(b, "p"),
        BlockKind::Quote => inline(b, "p")
            .lines()
            .map(|l| {
                if l.is_empty() {
                    ">".to_string()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        BlockKind::List => {
            let items: Vec<String> = match &b.html {
                Some(h) => items_of(&sanitize_fragment(h, if b.ordered { "ol" } else { "ul" })),
                None => b.text.split('\n').map(escape).collect(),
            };
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let marker = if b.ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_string()
                    };
                    format!("{marker} {}", item.replace('\n', "\n   "))
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        BlockKind::Code => {
            let longest = longest_run(&b.text, '`');
            let fence = "`".repeat(longest.max(2) + 1);
            format!("{fence}\n{}\n{fence}", b.text)
        }
        BlockKind::Table => {
            let rows: Vec<Vec<String>> = b
                .text
                .split('\n')
                .map(|r| {
                    r.split('\t')
                        .map(|c| escape(c).replace('|', "\\|"))
                        .collect()
                })
                .collect();
            let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
            let mut out = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let mut cells = row.clone();
                cells.resize(cols, String::new());
                out.push(format!("| {} |", cells.join(" | ")));
                if i == 0 {
                    out.push(format!("|{}", " --- |".repeat(cols)));
                }
            }
            out.join("\n")
        }
        BlockKind::Figure => {
            let mut out = String::new();
            let image = b
                .image
                .as_ref()
                .filter(|i| crate::url::is_safe_image(&i.src));
            match (image, options.images) {
                (Some(img), Images::Keep) => out.push_str(&format!(
                    "![{}](<{}>)",
                    escape(&img.alt),
                    img.src.replace(['<', '>', '\n'], "")
                )),
                (Some(img), Images::Placeholder) => {
                    out.push_str(&escape(&format!("[{}]", Images::placeholder(&img.alt))))
                }
                _ => {}
            }
            if !b.text.is_empty() {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!("*{}*", escape(&b.text)));
            }
            out
        }
    }
}

fn longest_run(s: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for ch in s.chars() {
        if ch == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Escapes what Markdown would read as syntax in running text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '!' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    // "1. " at the start of a line would become a list.
    if let Some(dot) = out.find(". ") {
        if dot > 0 && out[..dot].chars().all(|c| c.is_ascii_digit()) {
            out.insert(dot, '\\');
        }
    }
    out
}

/// The block's inline markup as Markdown, or its escaped text.
fn inline(b: &ArticleBlock, context: &str) -> String {
    match &b.html {
        Some(h) => inline_markdown(&sanitize_fragment(h, context)),
        None => escape(&b.text),
    }
}

/// Converts sanitised inline markup (our allow-list only) to Markdown.
fn inline_markdown(html: &str) -> String {
    let dom = Dom::parse_fragment(html, "p");
    let root = dom
        .children(DOCUMENT)
        .find(|&n| dom.element(n).is_some())
        .unwrap_or(DOCUMENT);
    let mut out = String::new();
    let mut links: Vec<Option<String>> = Vec::new();
    for (n, entering) in dom.walk(root) {
        if n == root {
            continue;
        }
        match &dom.node(n).data {
            NodeData::Text(t) if entering => out.push_str(&escape_inline(t)),
            NodeData::Element(e) => {
                let leaf = dom.node(n).first_child.is_none();
                let mark = match e.local() {
                    "em" | "i" | "cite" => "*",
                    "strong" | "b" => "**",
                    "code" | "kbd" | "samp" => "`",
                    "s" | "del" => "~~",
                    _ => "",
                };
                match e.local() {
                    "br" if entering => out.push_str("  \n"),
                    "a" => {
                        if entering {
                            out.push('[');
                            links.push(e.attr("href").map(str::to_string));
                            if leaf {
                                close_link(&mut out, links.pop().flatten());
                            }
                        } else {
                            close_link(&mut out, links.pop().flatten());
                        }
                    }
                    _ if !mark.is_empty() && !leaf => out.push_str(mark),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out.trim().to_string()
}

fn close_link(out: &mut String, href: Option<String>) {
    match href {
        Some(h) => out.push_str(&format!("](<{}>)", h.replace(['<', '>', '\n'], ""))),
        None => out.push(']'),
    }
}

fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Splits sanitised `<li>` markup into the Markdown of each item.
fn items_of(html: &str) -> Vec<String> {
    html.split("<li>")
        .filter(|s| !s.is_empty())
        .map(|s| inline_markdown(s.trim_end_matches("</li>")))
        .collect()
}
