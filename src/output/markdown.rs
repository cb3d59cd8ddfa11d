use super::{Images, RenderOptions};
use crate::article::{Article, ArticleBlock, BlockKind, Inline, Tag};
use crate::url::is_safe_link;

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
            format!("{} {}", "#".repeat(level), inline(b).replace('\n', " "))
        }
        BlockKind::Paragraph => inline(b),
        BlockKind::Quote => inline(b)
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
            let items: Vec<String> = match &b.items {
                Some(items) => items.iter().map(|i| inline_markdown(i)).collect(),
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
fn inline(b: &ArticleBlock) -> String {
    match &b.content {
        Some(content) => inline_markdown(content),
        None => escape(&b.text),
    }
}

/// Spans as Markdown: emphasis, code, strike-through and links; other
/// elements leave their text.
fn inline_markdown(spans: &[Inline]) -> String {
    let mut out = String::new();
    walk(spans, &mut out);
    out.trim().to_string()
}

fn walk(spans: &[Inline], out: &mut String) {
    for s in spans {
        match s {
            Inline::Text(t) => out.push_str(&escape_inline(t)),
            Inline::Break => out.push_str("  \n"),
            Inline::Element {
                tag,
                attr,
                children,
            } => {
                if *tag == Tag::A {
                    out.push('[');
                    walk(children, out);
                    match attr
                        .as_deref()
                        .filter(|h| !h.trim().is_empty() && is_safe_link(h))
                    {
                        Some(h) => {
                            out.push_str(&format!("](<{}>)", h.replace(['<', '>', '\n'], "")))
                        }
                        None => out.push(']'),
                    }
                    continue;
                }
                if matches!(tag, Tag::Code | Tag::Kbd | Tag::Samp) {
                    code_span(children, out);
                    continue;
                }
                let mark = match tag {
                    Tag::Em | Tag::I | Tag::Cite => "*",
                    Tag::Strong | Tag::B => "**",
                    Tag::S | Tag::Del => "~~",
                    _ => "",
                };
                if children.is_empty() {
                    continue;
                }
                out.push_str(mark);
                walk(children, out);
                out.push_str(mark);
            }
        }
    }
}

/// Code as CommonMark reads it: backslashes are literal inside a code
/// span, so its text goes in unescaped (a TeX formula keeps its `\\`),
/// between more backticks than it holds in a row.
fn code_span(children: &[Inline], out: &mut String) {
    let text = crate::inline::plain_text(children).replace('\n', " ");
    if text.trim().is_empty() {
        return;
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    out.push_str(&format!("{fence}{pad}{text}{pad}{fence}"));
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
