//! What "safe HTML output" means, checked independently of the renderer:
//! the fuzz targets assert it on every output, and `tests/safety.rs` on the
//! XSS corpus. Both also render the same hand-edited article
//! ([`edited_article_json`]).
//!
//! The renderer writes every tag itself and escapes `<`, `>`, `&` and quotes
//! in text and attribute values, so its output has a strict shape: text
//! without `<`, and tags `<name attr="value">` / `</name>`. Anything outside
//! that shape is reported too, since a browser might read it as markup we
//! never meant to write.

/// Elements the HTML renderer may write.
const TAGS: &[&str] = &[
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "pre",
    "code",
    "figure",
    "figcaption",
    "img",
    "span",
    "br",
    "a",
    "em",
    "i",
    "strong",
    "b",
    "kbd",
    "samp",
    "var",
    "sub",
    "sup",
    "mark",
    "small",
    "s",
    "del",
    "ins",
    "u",
    "q",
    "abbr",
    "cite",
    "time",
];

/// Attributes allowed on each element; none on the others.
fn allowed_attribute(tag: &str, name: &str) -> bool {
    matches!(
        (tag, name),
        ("a", "href" | "rel")
            | ("abbr", "title")
            | ("time", "datetime")
            | ("td" | "th", "colspan" | "rowspan")
            | ("p" | "span", "class")
            | ("article", "lang")
            | ("img", "src" | "alt" | "loading" | "referrerpolicy")
    )
}

/// Returns the first thing in `html` (the HTML renderer's output) that could
/// run code or load something it should not, or that breaks the output's
/// shape.
pub fn html_violation(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let tag_and_rest = &rest[lt..];
        let Some(gt) = tag_and_rest.find('>') else {
            return Some(format!("unterminated tag: {}", excerpt(tag_and_rest)));
        };
        let tag = &tag_and_rest[..=gt];
        if let Err(e) = check_tag(tag) {
            return Some(format!("{e}: {}", excerpt(tag)));
        }
        rest = &tag_and_rest[gt + 1..];
    }
    None
}

fn excerpt(s: &str) -> String {
    s.chars().take(200).collect()
}

fn check_tag(tag: &str) -> Result<(), String> {
    let inner = &tag[1..tag.len() - 1];
    if let Some(name) = inner.strip_prefix('/') {
        return check_name(name);
    }
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    check_name(name)?;
    let mut attrs = &inner[name_len..];
    let mut href = None;
    let mut rel = None;
    while !attrs.is_empty() {
        let a = attrs
            .strip_prefix(' ')
            .ok_or("attributes must be separated by one space")?;
        let eq = a
            .find("=\"")
            .ok_or("attributes must be written name=\"value\"")?;
        let attr = &a[..eq];
        if attr.is_empty() || !attr.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(format!("odd attribute name {attr:?}"));
        }
        let value_and_rest = &a[eq + 2..];
        let close = value_and_rest.find('"').ok_or("unclosed attribute value")?;
        let value = decode(&value_and_rest[..close])?;
        if !allowed_attribute(name, attr) {
            return Err(format!("attribute {attr} not allowed on <{name}>"));
        }
        match attr {
            "href" if !is_safe_link(&value) => return Err(format!("unsafe link {value:?}")),
            "src" if !is_safe_image(&value) => return Err(format!("unsafe image {value:?}")),
            "colspan" | "rowspan" if !value.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(format!("{attr} is not a number"))
            }
            _ => {}
        }
        match attr {
            "href" => href = Some(value),
            "rel" => rel = Some(value),
            _ => {}
        }
        attrs = &value_and_rest[close + 1..];
    }
    if href.is_some() && rel.as_deref() != Some("noopener noreferrer") {
        return Err(format!(
            "link without rel=\"noopener noreferrer\" (rel {rel:?})"
        ));
    }
    Ok(())
}

fn check_name(name: &str) -> Result<(), String> {
    if TAGS.contains(&name) {
        Ok(())
    } else {
        Err(format!("element <{name}> is not on the allow-list"))
    }
}

/// Attribute values carry only the renderer's own escapes; any other `&`
/// would be a character reference we did not write.
fn decode(value: &str) -> Result<String, String> {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (entity, c) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#96;", '`'),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e))
        .ok_or_else(|| format!("unexpected character reference in {value:?}"))?;
        out.push(c);
        rest = &rest[entity.len()..];
    }
    if rest.contains('<') {
        return Err(format!("unescaped < in attribute value {value:?}"));
    }
    out.push_str(rest);
    Ok(out)
}

/// The URL's scheme as a browser parses it (WHATWG URL): leading and
/// trailing C0 controls and spaces are ignored, tabs and newlines anywhere;
/// a scheme is an ASCII letter then letters, digits, `+`, `-`, `.` before
/// the first `:`. None for a relative URL.
fn scheme(url: &str) -> Option<(String, String)> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = url.find(':')?;
    let s = &url[..colon];
    let mut chars = s.chars();
    let valid = chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| {
        (
            s.to_ascii_lowercase(),
            url[colon + 1..].to_ascii_lowercase(),
        )
    })
}

fn is_safe_link(url: &str) -> bool {
    scheme(url).is_none_or(|(s, _)| matches!(s.as_str(), "http" | "https" | "mailto" | "tel"))
}

fn is_safe_image(url: &str) -> bool {
    scheme(url).is_none_or(|(s, rest)| match s.as_str() {
        "http" | "https" => true,
        "data" => [
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/avif",
        ]
        .iter()
        .any(|t| rest.starts_with(t)),
        _ => false,
    })
}

/// An article as a caller might hand-edit it, as JSON: every block kind,
/// `markup` in every string the article holds — metadata, block text, the
/// text of inline spans, a link's address, an abbreviation's title, a
/// time's value, table cells, an image's source and description. JSON
/// rather than the crate's types, so that this kit does not depend on the
/// crate it tests.
pub fn edited_article_json(markup: &str) -> String {
    let m = json_string(markup);
    let text = format!("{{\"type\":\"text\",\"text\":{m}}}");
    let spans = format!(
        "[{text},{{\"type\":\"a\",\"href\":{m},\"children\":[{text}]}},\
         {{\"type\":\"abbr\",\"title\":{m},\"children\":[{text}]}},\
         {{\"type\":\"time\",\"datetime\":{m},\"children\":[{text}]}},\
         {{\"type\":\"em\",\"children\":[{{\"type\":\"br\"}},{text}]}}]"
    );
    let kinds = [
        "heading",
        "paragraph",
        "list",
        "list",
        "quote",
        "table",
        "figure",
        "code",
    ];
    let blocks: Vec<String> = kinds
        .iter()
        .enumerate()
        .map(|(index, kind)| {
            let mut b = format!("{{\"kind\":\"{kind}\",\"text\":{m}");
            match *kind {
                "list" => b.push_str(&format!(",\"items\":[{spans},{spans}]")),
                "table" => b.push_str(&format!(
                    ",\"content\":{spans},\"rows\":[[{{\"header\":true,\"colspan\":2,\"content\":{spans}}},{{\"content\":{spans}}}]]"
                )),
                _ => b.push_str(&format!(",\"content\":{spans}")),
            }
            if *kind == "heading" {
                b.push_str(",\"level\":3");
            }
            if index == 3 {
                b.push_str(",\"ordered\":true");
            }
            if *kind == "figure" {
                b.push_str(&format!(",\"image\":{{\"src\":{m},\"alt\":{m}}}"));
            }
            let line = index + 1;
            b.push_str(&format!(
                ",\"source\":{{\"index\":{index},\"line\":{line},\"endLine\":{line}}}}}"
            ));
            b
        })
        .collect();
    format!(
        "{{\"title\":{m},\"byline\":{m},\"authors\":[{m}],\"published\":{m},\"section\":{m},\
         \"siteName\":{m},\"lang\":{m},\"lead\":{m},\"blocks\":[{}],\"removed\":[],\
         \"inputKind\":\"html\",\"wordsKept\":0,\"wordsRemoved\":0}}",
        blocks.join(",")
    )
}

/// `s` as a JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_the_renderer_writes() {
        let html = "<article lang=\"en\">\n<h1>T &amp; &lt;b&gt;</h1>\n<p class=\"lead\"><strong>L</strong></p>\n\
            <p>x <a href=\"https://e.example/?a=1&amp;b=2\" rel=\"noopener noreferrer\">y</a><br></p>\n\
            <figure><img src=\"data:image/png;base64,AA\" alt=\"&quot;\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></figure>\n\
            <table><tr><td colspan=\"2\">c</td></tr></table>\n</article>\n";
        assert_eq!(html_violation(html), None);
    }

    #[test]
    fn reports_scripts_handlers_and_script_urls() {
        for bad in [
            "<script>alert(1)</script>",
            "<img src=\"x\" onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\" rel=\"noopener noreferrer\">x</a>",
            "<a href=\" \u{1}javascript:x\" rel=\"noopener noreferrer\">x</a>",
            "<a href=\"JAVA\tSCRIPT:x\" rel=\"noopener noreferrer\">x</a>",
            "<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\">",
            "<a href=\"https://x/\">no rel</a>",
            "<p style=\"x\">",
            "<svg>",
            "<p title=x>",
            "<p>a &#106; b</p><a href=\"&#106;avascript:x\">",
            "<p",
        ] {
            assert!(html_violation(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn text_that_mentions_markup_is_not_markup() {
        assert_eq!(
            html_violation("<p>&lt;script&gt; javascript:alert(1) onerror=x</p>"),
            None
        );
    }

    #[test]
    fn relative_links_whose_first_colon_follows_a_path_are_safe() {
        assert!(is_safe_link("foo bar:baz"));
        assert!(is_safe_link("/x:javascript:y"));
        assert!(!is_safe_link("\u{1}vbscript:x"));
    }
}
