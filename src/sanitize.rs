//! The allow-list that every piece of HTML we emit passes through.
//!
//! Markup is never copied from the input: the HTML reader and the HTML
//! renderer both rebuild it from text and from the few tags and attributes
//! allowed here, with every text and attribute value escaped. Anything else —
//! scripts, handlers, styles, forms, frames, SVG and MathML — cannot come out,
//! because nothing else is ever written.

use crate::dom::{Dom, NodeData, DOCUMENT};
use crate::url::{is_safe_link, resolve};

/// Inline elements kept in paragraphs, with the name they are written as.
pub fn inline_tag(name: &str) -> Option<&'static str> {
    Some(match name {
        "a" => "a",
        "em" => "em",
        "i" => "i",
        "strong" => "strong",
        "b" => "b",
        "code" => "code",
        "kbd" => "kbd",
        "samp" => "samp",
        "var" => "var",
        "sub" => "sub",
        "sup" => "sup",
        "mark" => "mark",
        "small" => "small",
        "s" => "s",
        "strike" => "s",
        "del" => "del",
        "ins" => "ins",
        "u" => "u",
        "q" => "q",
        "abbr" => "abbr",
        "cite" => "cite",
        "time" => "time",
        _ => return None,
    })
}

/// Elements that may appear in a block's markup besides inline ones: list
/// items in lists, rows and cells in tables.
fn structural_tag(name: &str) -> Option<&'static str> {
    Some(match name {
        "li" => "li",
        "tr" => "tr",
        "td" => "td",
        "th" => "th",
        "thead" => "thead",
        "tbody" => "tbody",
        "tfoot" => "tfoot",
        "caption" => "caption",
        _ => return None,
    })
}

pub fn escape_text(s: &str, out: &mut String) {
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

pub fn escape_attr(s: &str, out: &mut String) {
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

/// Writes the start tag of an allowed element with its allowed attributes.
/// `attr` looks an attribute up on the source element.
pub fn write_start_tag<'a>(
    tag: &str,
    attr: impl Fn(&str) -> Option<&'a str>,
    base: Option<&str>,
    out: &mut String,
) {
    out.push('<');
    out.push_str(tag);
    match tag {
        "a" => {
            if let Some(href) = attr("href").filter(|h| !h.trim().is_empty()) {
                let href = resolve(base, href);
                if is_safe_link(&href) {
                    out.push_str(" href=\"");
                    escape_attr(&href, out);
                    out.push_str("\" rel=\"noopener noreferrer\"");
                }
            }
        }
        "abbr" => write_plain_attr("title", attr("title"), out),
        "time" => write_plain_attr("datetime", attr("datetime"), out),
        "td" | "th" => {
            for name in ["colspan", "rowspan"] {
                if let Some(n) = attr(name).and_then(|v| v.trim().parse::<u16>().ok()) {
                    out.push_str(&format!(" {name}=\"{}\"", n.clamp(1, 1000)));
                }
            }
        }
        _ => {}
    }
    out.push('>');
}

fn write_plain_attr(name: &str, value: Option<&str>, out: &mut String) {
    if let Some(v) = value {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_attr(v, out);
        out.push('"');
    }
}

/// Re-sanitises markup that claims to be ours (a block's `html`), which a
/// caller may have edited: it is parsed as a fragment and written again
/// through the allow-list. `context` is the element it will be put in
/// (`p`, `ul`, `table`…), which decides how the fragment parses.
pub fn sanitize_fragment(html: &str, context: &str) -> String {
    let dom = Dom::parse_fragment(html, context);
    let mut out = String::with_capacity(html.len());
    let root = dom
        .children(DOCUMENT)
        .find(|&n| dom.element(n).is_some())
        .unwrap_or(DOCUMENT);
    // Open tags we wrote, so that every one is closed and nothing else is.
    let mut open: Vec<Option<&'static str>> = Vec::new();
    let mut walk = dom.walk(root);
    while let Some((node, entering)) = walk.next() {
        if node == root {
            continue;
        }
        let n = dom.node(node);
        match &n.data {
            NodeData::Text(t) if entering => escape_text(t, &mut out),
            NodeData::Element(e) => {
                let name = if e.is_html() { e.local() } else { "" };
                if matches!(
                    name,
                    "script" | "style" | "template" | "noscript" | "iframe"
                ) || !e.is_html()
                {
                    // Their content is code or foreign markup, never text to show.
                    if entering && n.first_child.is_some() {
                        open.push(None);
                        walk.skip_children();
                    } else if !entering {
                        open.pop();
                    }
                    continue;
                }
                if entering && name == "br" {
                    out.push_str("<br>");
                    continue;
                }
                let tag = inline_tag(name).or_else(|| structural_tag(name));
                if entering {
                    if let Some(tag) = tag {
                        write_start_tag(tag, |a| e.attr(a), None, &mut out);
                    }
                    if n.first_child.is_some() {
                        open.push(tag);
                    } else if let Some(tag) = tag {
                        out.push_str("</");
                        out.push_str(tag);
                        out.push('>');
                    }
                } else if let Some(Some(tag)) = open.pop() {
                    out.push_str("</");
                    out.push_str(tag);
                    out.push('>');
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_allowed_inline_markup() {
        assert_eq!(
            sanitize_fragment("a <em>b</em> <a href=\"https://x/\">c</a>", "p"),
            "a <em>b</em> <a href=\"https://x/\" rel=\"noopener noreferrer\">c</a>"
        );
    }

    #[test]
    fn drops_handlers_styles_and_unknown_elements() {
        let out = sanitize_fragment(
            "<span style=\"x\" onclick=\"evil()\">t</span><img src=x onerror=alert(1)>",
            "p",
        );
        assert_eq!(out, "t");
    }

    #[test]
    fn drops_script_urls() {
        let out = sanitize_fragment("<a href=\"javascript:alert(1)\">x</a>", "p");
        assert_eq!(out, "<a>x</a>");
    }

    #[test]
    fn script_content_never_becomes_text() {
        let out = sanitize_fragment("a<script>alert(1)</script><style>p{}</style>b", "p");
        assert_eq!(out, "ab");
    }

    #[test]
    fn foreign_content_is_dropped() {
        let out = sanitize_fragment("<svg><a href=\"javascript:x\">s</a></svg>ok", "p");
        assert_eq!(out, "ok");
    }

    #[test]
    fn list_items_survive_in_list_context() {
        assert_eq!(
            sanitize_fragment("<li>a</li><li onclick=x>b", "ul"),
            "<li>a</li><li>b</li>"
        );
    }

    #[test]
    fn escapes_text_and_attributes() {
        let out = sanitize_fragment("&lt;script&gt; <abbr title='\"x'>y</abbr>", "p");
        assert_eq!(out, "&lt;script&gt; <abbr title=\"&quot;x\">y</abbr>");
    }
}
