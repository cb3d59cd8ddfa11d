//! What a page says about itself: `<title>`, `<meta>` tags (OpenGraph,
//! Twitter, Dublin Core, article:*), JSON-LD (`NewsArticle`, `Article`,
//! `BlogPosting`…) and `<html lang>`. Pasted HTML has none of this; the
//! article stage then falls back to what the content shows.

use crate::json::{self, Value};

use crate::codes::{MetaSource, Sources};
use crate::dom::{Dom, NodeData, DOCUMENT};
use crate::text::{collapse_whitespace, words};

#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    /// `og:title`, `twitter:title` or JSON-LD `headline`: usually the
    /// headline without the site name.
    pub headline: Option<String>,
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    /// Where each field was found; `title` stands for `headline`.
    pub sources: Sources,
}

impl PageMeta {
    /// The story's headline: the metadata's, else the `<title>` without
    /// the site's name.
    pub fn story_title(&self) -> Option<String> {
        self.story_title_with_source().map(|(t, _)| t)
    }

    pub fn story_title_with_source(&self) -> Option<(String, MetaSource)> {
        match &self.headline {
            Some(h) => Some((h.clone(), self.sources.title.unwrap_or(MetaSource::Meta))),
            None => self
                .title
                .as_deref()
                .map(|t| (strip_site_name(t), MetaSource::TitleElement)),
        }
    }
}

/// "Story title | Site" or "Story title - Site" without the site.
pub fn strip_site_name(title: &str) -> String {
    split_site_name(title).0.to_string()
}

/// "Story title | Site" as the story's title and, when there is one, the
/// site's name.
pub fn split_site_name(title: &str) -> (&str, Option<&str>) {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = title.split_at(i);
            if words(head).count() >= 3 {
                let site = tail[sep.len()..].trim();
                let site = (!site.is_empty() && words(site).count() <= 5).then_some(site);
                return (head.trim(), site);
            }
        }
    }
    (title.trim(), None)
}

pub fn read(dom: &Dom) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut ld = Vec::new();
    let mut author_link = None;
    let mut walk = dom.walk(DOCUMENT);
    while let Some((n, entering)) = walk.next() {
        if !entering {
            continue;
        }
        let Some(e) = dom.element(n) else { continue };
        match e.local() {
            "html" => {
                meta.lang = e
                    .attr("lang")
                    .or_else(|| e.attr("xml:lang"))
                    .and_then(language_code);
                if meta.lang.is_some() {
                    meta.sources.lang = Some(MetaSource::LangAttribute);
                }
            }
            "title" if meta.title.is_none() && e.is_html() => {
                meta.title = non_empty(&dom.text_of(n));
            }
            "meta" => read_meta_tag(&mut meta, |a| e.attr(a)),
            // <a rel="author">: the author's name, when no meta tag gave it.
            "a" if author_link.is_none()
                && e.attr("rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("author"))
                }) =>
            {
                author_link = non_empty(&dom.text_of(n));
            }
            "link"
                if meta.url.is_none()
                    && e.attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                meta.url = e.attr("href").and_then(non_empty);
            }
            "script" => {
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    let text = dom.text_of(n);
                    if let Ok(v) = json::parse(text.trim()) {
                        ld.push(v);
                    }
                }
                walk.skip_children();
            }
            "body" => {
                // JSON-LD sometimes sits in the body; meta tags do not.
            }
            _ => {}
        }
    }
    for v in &ld {
        read_json_ld(&mut meta, v, 0);
    }
    if meta.author.is_none() && author_link.is_some() {
        meta.author = author_link;
        meta.sources.byline = Some(MetaSource::AuthorLink);
    }
    meta
}

fn non_empty(s: &str) -> Option<String> {
    let s = collapse_whitespace(s);
    (!s.is_empty()).then_some(s)
}

/// "en-US" -> "en"; rejects values that are not language tags.
pub fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

fn read_meta_tag<'a>(meta: &mut PageMeta, attr: impl Fn(&str) -> Option<&'a str>) {
    let key = attr("property")
        .or_else(|| attr("name"))
        .or_else(|| attr("itemprop"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some(content) = attr("content").and_then(non_empty) else {
        return;
    };
    let (slot, source) = match key.as_str() {
        "og:title" | "twitter:title" | "headline" | "dc.title" => {
            (&mut meta.headline, &mut meta.sources.title)
        }
        "og:site_name" | "application-name" | "twitter:site" if !content.starts_with('@') => {
            (&mut meta.site_name, &mut meta.sources.site_name)
        }
        "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author"
        | "parsely-author" | "citation_author"
            if !content.starts_with("http") =>
        {
            (&mut meta.author, &mut meta.sources.byline)
        }
        "article:published_time"
        | "og:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publish-date"
        | "publish_date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "citation_publication_date" => (&mut meta.published, &mut meta.sources.published),
        "article:section" | "section" | "article-section" | "parsely-section" => {
            (&mut meta.section, &mut meta.sources.section)
        }
        "description" | "og:description" | "twitter:description" => {
            if meta.description.is_none() {
                meta.description = Some(content);
            }
            return;
        }
        "og:url" => {
            if meta.url.is_none() {
                meta.url = Some(content);
            }
            return;
        }
        "og:locale" | "language" | "content-language" | "dc.language" => {
            if meta.lang.is_none() {
                meta.lang = language_code(&content);
                if meta.lang.is_some() {
                    meta.sources.lang = Some(MetaSource::Meta);
                }
            }
            return;
        }
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content);
        *source = Some(MetaSource::Meta);
    }
}

const ARTICLE_TYPES: [&str; 8] = [
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
];

fn is_article_type(v: &Value) -> bool {
    let matches = |t: &str| ARTICLE_TYPES.contains(&t) || t.ends_with("Article");
    match v.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

/// Walks JSON-LD (objects, arrays, `@graph`) for the first article object.
fn read_json_ld(meta: &mut PageMeta, v: &Value, depth: u32) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => {
            for item in items {
                read_json_ld(meta, item, depth + 1);
            }
        }
        Value::Object(_) => {
            let obj = v;
            if is_article_type(v) {
                let fill = |slot: &mut Option<String>,
                            source: &mut Option<MetaSource>,
                            value: Option<String>| {
                    if slot.is_none() && value.is_some() {
                        *slot = value;
                        *source = Some(MetaSource::JsonLd);
                    }
                };
                let s = &mut meta.sources;
                fill(
                    &mut meta.headline,
                    &mut s.title,
                    obj.get("headline").and_then(text_of),
                );
                fill(
                    &mut meta.author,
                    &mut s.byline,
                    obj.get("author").and_then(names_of),
                );
                fill(
                    &mut meta.published,
                    &mut s.published,
                    obj.get("datePublished").and_then(text_of),
                );
                fill(
                    &mut meta.section,
                    &mut s.section,
                    obj.get("articleSection").and_then(text_of),
                );
                fill(
                    &mut meta.site_name,
                    &mut s.site_name,
                    obj.get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(text_of),
                );
                fill(
                    &mut meta.lang,
                    &mut s.lang,
                    obj.get("inLanguage")
                        .and_then(Value::as_str)
                        .and_then(language_code),
                );
            }
            if let Some(graph) = obj.get("@graph") {
                read_json_ld(meta, graph, depth + 1);
            }
        }
        _ => {}
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

/// Authors as "A, B and C"-style text: names of strings or Person objects.
fn names_of(v: &Value) -> Option<String> {
    let mut names = Vec::new();
    let mut push = |v: &Value| {
        let name = match v {
            Value::String(s) => non_empty(s),
            Value::Object(_) => v.get("name").and_then(text_of),
            _ => None,
        };
        if let Some(n) = name.filter(|n| !n.starts_with("http")) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    };
    match v {
        Value::Array(a) => a.iter().for_each(&mut push),
        other => push(other),
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// The text of `<time datetime>` elements is a date; the attribute is its
/// machine form.
pub fn first_time_element(dom: &Dom) -> Option<String> {
    dom.walk(DOCUMENT).find_map(|(n, entering)| {
        let e = dom.element(n)?;
        if !entering || e.local() != "time" {
            return None;
        }
        e.attr("datetime").and_then(non_empty)
    })
}

/// Whether the DOM has any text at all outside `<head>`.
pub fn has_body_text(dom: &Dom) -> bool {
    dom.nodes
        .iter()
        .any(|n| matches!(&n.data, NodeData::Text(t) if !t.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_open_graph_and_article_meta() {
        let dom = Dom::parse(
            r#"<html lang="de-AT"><head><title>Story | Site</title>
            <meta property="og:title" content="Story">
            <meta property="og:site_name" content="Site">
            <meta property="article:published_time" content="2022-09-27T10:00:00Z">
            <meta name="author" content="Jane Doe"></head><body></body></html>"#,
        );
        let m = read(&dom);
        assert_eq!(m.title.as_deref(), Some("Story | Site"));
        assert_eq!(m.headline.as_deref(), Some("Story"));
        assert_eq!(m.site_name.as_deref(), Some("Site"));
        assert_eq!(m.published.as_deref(), Some("2022-09-27T10:00:00Z"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.lang.as_deref(), Some("de"));
    }

    #[test]
    fn reads_json_ld_articles_in_graphs() {
        let dom = Dom::parse(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2020-01-02",
             "author":[{"@type":"Person","name":"A"},{"name":"B"}],
             "articleSection":["World"],"publisher":{"name":"P"}}]}</script>"#,
        );
        let m = read(&dom);
        assert_eq!(m.headline.as_deref(), Some("H"));
        assert_eq!(m.author.as_deref(), Some("A, B"));
        assert_eq!(m.section.as_deref(), Some("World"));
        assert_eq!(m.site_name.as_deref(), Some("P"));
        assert_eq!(m.published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn the_page_title_names_the_site_after_the_story() {
        assert_eq!(
            split_site_name("Big news today | The Daily"),
            ("Big news today", Some("The Daily"))
        );
        assert_eq!(split_site_name("Big news today"), ("Big news today", None));
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        assert_eq!(
            strip_site_name("Big news today | The Daily"),
            "Big news today"
        );
        assert_eq!(strip_site_name("Short | Site"), "Short | Site");
    }

    #[test]
    fn an_author_link_names_the_author_when_meta_tags_do_not() {
        let dom = Dom::parse(r#"<p>By <a rel="author external" href="/u/jd">Jane Doe</a></p>"#);
        assert_eq!(read(&dom).author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let dom = Dom::parse(r#"<script type="application/ld+json">{"headline": </script>"#);
        assert!(read(&dom).headline.is_none());
    }
}
