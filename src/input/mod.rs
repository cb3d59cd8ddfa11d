//! First stage: what the user gave us, checked and read into blocks.

pub mod html;
pub mod meta;
pub mod text;

use std::mem::size_of;

use crate::blocks::Block;
use crate::budget::Budget;
use crate::codes::InputKind;
use crate::error::CleanError;

/// The input read into blocks, with what its source knows besides.
pub struct Input {
    pub kind: InputKind,
    pub blocks: Vec<Block>,
    pub meta: meta::PageMeta,
    /// The parsed page, for HTML input.
    pub dom: Option<crate::dom::Dom>,
    /// The shape of its element tree.
    pub outline: Option<crate::blocks::Outline>,
    /// The blocks' inline markup, as recorded (HTML input).
    pub markup: Option<html::Markup>,
}

impl Input {
    /// The inline markup of block `i`, built: for the blocks the article
    /// keeps.
    pub fn content(&self, i: usize) -> html::Content {
        match (&self.markup, &self.dom) {
            (Some(markup), Some(dom)) => markup.content(dom, &self.blocks[i]),
            _ => html::Content::None,
        }
    }
}

pub fn read(
    input: &str,
    kind: InputKind,
    base_url: Option<&str>,
    max_bytes: usize,
    budget: &Budget,
) -> Result<Input, CleanError> {
    if input.len() > max_bytes {
        return Err(CleanError::InputTooLarge {
            size: input.len(),
            limit: max_bytes,
        });
    }
    check_is_text(input)?;
    let kind = match kind {
        InputKind::Auto => detect(input),
        k => k,
    };
    let input = match kind {
        InputKind::Html => {
            let page = crate::dom::prepare(input);
            limit("elements", page.start_tags, MAX_ELEMENTS)?;
            let h = html::read(page.within(budget), base_url);
            // The outline: a parent for each node.
            budget.charge(h.markup.bytes() + h.dom.nodes.len() * size_of::<u32>());
            Read::Html(h)
        }
        _ => {
            let lines = input.bytes().filter(|&b| b == b'\n').count() + 1;
            limit("lines", lines, MAX_LINES)?;
            budget.charge(lines * text::LINE_BYTES);
            Read::Text(text::read(input))
        }
    };
    let blocks = match &input {
        Read::Html(h) => &h.blocks,
        Read::Text(b) => b,
    };
    limit("blocks", blocks.len(), MAX_BLOCKS)?;
    budget.charge(
        blocks.capacity() * size_of::<Block>()
            + blocks.iter().map(|b| b.text.capacity()).sum::<usize>(),
    );
    budget.check()?;
    Ok(match input {
        Read::Html(h) => {
            let page = meta::read(&h.dom, base_url);
            Input {
                kind,
                blocks: h.blocks,
                meta: page,
                outline: Some(crate::blocks::Outline::of(&h.dom)),
                markup: Some(h.markup),
                dom: Some(h.dom),
            }
        }
        Read::Text(blocks) => Input {
            kind: InputKind::Text,
            blocks,
            meta: meta::PageMeta::default(),
            dom: None,
            outline: None,
            markup: None,
        },
    })
}

enum Read {
    Html(html::HtmlInput),
    Text(Vec<Block>),
}

/// Caps on the input's size in parts: memory grows with each (about half
/// a kilobyte a block, a quarter for an element), and no page comes near
/// them — a long article page has a few thousand elements and lines. At the
/// caps a clean needs some 2 GB, within wasm32's 4 GB.
const MAX_ELEMENTS: usize = 4_000_000;
const MAX_LINES: usize = 4_000_000;
const MAX_BLOCKS: usize = 3_000_000;

fn limit(what: &'static str, count: usize, limit: usize) -> Result<(), CleanError> {
    if count > limit {
        return Err(CleanError::TooComplex { what, count, limit });
    }
    Ok(())
}

/// Bytes of the input the binary check reads: binary data shows itself at
/// once.
const SAMPLE: usize = 8192;

/// Refuses binary data: a text where control characters and replacement
/// characters (what invalid UTF-8 and lone surrogates become) make up more
/// than a tenth of the first 8 KiB (a quarter of a shorter input). A NUL byte or two in a page is a
/// glitch of the page, not a reason to refuse it: the readers drop such
/// characters ([`is_stray_control`]).
fn check_is_text(input: &str) -> Result<(), CleanError> {
    // Counted on bytes: characters are the bytes that do not continue one,
    // U+FFFD is EF BF BD.
    let bytes = &input.as_bytes()[..input.len().min(SAMPLE)];
    let mut total = 0usize;
    let mut bad = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        total += usize::from(b & 0xc0 != 0x80);
        bad += usize::from(
            is_stray_control_byte(b) || (b == 0xef && bytes.get(i + 1..i + 3) == Some(b"\xbf\xbd")),
        );
    }
    // A short input is judged more leniently: one stray control in a
    // dozen characters is a typo, a third of them is not text.
    let refused = if total >= 16 {
        bad * 10 > total
    } else {
        bad * 4 > total
    };
    if refused {
        return Err(CleanError::NotText);
    }
    Ok(())
}

/// Control characters that no text means: everything below U+0020 but
/// tab, line feed, form feed and carriage return, and DEL. (As bytes: in
/// UTF-8 no other character has a byte below 0x80.)
fn is_stray_control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

/// [`is_stray_control_byte`] for a character: what the readers drop.
pub fn is_stray_control(c: char) -> bool {
    c.is_ascii() && is_stray_control_byte(c as u8)
}

/// Element names: a `<` followed by one of them starts a tag.
pub(crate) const HTML_TAGS: [&str; 113] = [
    "html",
    "head",
    "body",
    "div",
    "p",
    "span",
    "a",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "meta",
    "link",
    "script",
    "style",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "img",
    "br",
    "em",
    "strong",
    "b",
    "i",
    "figure",
    "title",
    "aside",
    "form",
    "blockquote",
    "u",
    "s",
    "q",
    "sup",
    "sub",
    "code",
    "small",
    "mark",
    "time",
    "abbr",
    "cite",
    "del",
    "ins",
    "label",
    "button",
    "input",
    "select",
    "option",
    "textarea",
    "iframe",
    "video",
    "audio",
    "source",
    "picture",
    "noscript",
    "hr",
    "dl",
    "dt",
    "dd",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "pre",
    "caption",
    "figcaption",
    "font",
    "center",
    "svg",
    "path",
    "template",
    "wbr",
    "kbd",
    "var",
    "samp",
    "bdi",
    "bdo",
    "ruby",
    "rt",
    "rp",
    "data",
    "details",
    "summary",
    "dialog",
    "canvas",
    "embed",
    "object",
    "param",
    "track",
    "map",
    "area",
    "base",
    "col",
    "colgroup",
    "fieldset",
    "legend",
    "optgroup",
    "output",
    "progress",
    "meter",
    "address",
    "hgroup",
    "menu",
];

/// HTML when the input is a document or a fragment of markup: it starts with
/// a doctype or a tag, or tags are everywhere in it. Pasted text that carries
/// a stray tag or two (copied from a page's source) stays text.
pub fn detect(input: &str) -> InputKind {
    let trimmed = input.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = trimmed
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return InputKind::Html;
    }
    let mut tags = 0usize;
    let mut rest = input;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name_start = rest.strip_prefix('/').unwrap_or(rest);
        let len = name_start
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let after = name_start.as_bytes().get(len).copied();
        if len > 0
            && matches!(after, Some(b' ' | b'>' | b'/' | b'\n' | b'\t' | b'\r'))
            && HTML_TAGS.contains(&name_start[..len].to_ascii_lowercase().as_str())
        {
            tags += 1;
        }
    }
    let lines = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
        .max(1);
    let starts_with_tag = trimmed.starts_with('<') && tags >= 2;
    if starts_with_tag || (tags >= 10 && tags * 2 >= lines) {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_and_fragments_are_html() {
        assert_eq!(detect("<!DOCTYPE html><p>x"), InputKind::Html);
        assert_eq!(detect("  <html><body>x</body></html>"), InputKind::Html);
        assert_eq!(detect("<div class=a><p>x</p></div>"), InputKind::Html);
    }

    #[test]
    fn text_with_a_stray_tag_is_text() {
        let text = "Title\n\nA paragraph.\n<strong>Teaser:</strong> more <a href=\"x\">link</a>\nAnother.\n";
        assert_eq!(detect(text), InputKind::Text);
        assert_eq!(detect("a < b and c > d"), InputKind::Text);
    }

    #[test]
    fn a_nul_byte_in_a_page_is_dropped_not_a_reason_to_refuse_it() {
        let page = "<p>A paragraph with a NUL\0 byte inside it, as broken pages have.</p>";
        let input = read(
            page,
            InputKind::Auto,
            None,
            usize::MAX,
            &Budget::unlimited(),
        )
        .unwrap();
        assert_eq!(
            input.blocks[0].text,
            "A paragraph with a NUL byte inside it, as broken pages have."
        );
        let text = read(
            "one\0 two\u{7}\n",
            InputKind::Text,
            None,
            usize::MAX,
            &Budget::unlimited(),
        )
        .unwrap();
        assert_eq!(text.blocks[0].text, "one two");
    }

    #[test]
    fn binary_junk_is_refused() {
        let junk: String = (0..200).map(|i| char::from(1 + (i % 8) as u8)).collect();
        assert!(matches!(check_is_text(&junk), Err(CleanError::NotText)));
        assert!(check_is_text("ordinary text\twith tabs\r\n").is_ok());
    }

    #[test]
    fn more_lines_than_any_page_has_are_refused() {
        let r = read(
            &"a\n".repeat(MAX_LINES + 1),
            InputKind::Text,
            None,
            usize::MAX,
            &Budget::unlimited(),
        );
        assert!(matches!(
            r,
            Err(CleanError::TooComplex { what: "lines", .. })
        ));
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let r = read("0123456789", InputKind::Auto, None, 5, &Budget::unlimited());
        assert!(matches!(
            r,
            Err(CleanError::InputTooLarge { size: 10, limit: 5 })
        ));
    }
}
