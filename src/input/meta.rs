//! What a page says about itself, as facts with where each was found:
//! `<title>`, `<meta>` tags (OpenGraph, Twitter, Dublin Core, article:*),
//! JSON-LD (`NewsArticle`, `BlogPosting`… with `@graph` nodes resolved by
//! `@id`), microdata (`itemprop`), `<time>` elements, the elements and
//! links the page marks as its author's (`rel=author`, `vcard`, `/author/`
//! addresses, `byline` classes), date elements, the date in the page's
//! address, and `<html lang>`. Nothing is chosen here: a page often names
//! its publisher as `<meta name=author>`, a comment's author in a `vcard`
//! and a reviewed book's date in microdata, so every candidate is kept
//! with its source and the classifier reconciles them with what the
//! article shows (`classify::metadata`). Pasted HTML has no `<head>`, but
//! its body's markup is read the same way.

use crate::json::{self, Value};

use crate::blocks::hint;
use crate::codes::{MetaSource, Sources};
use crate::dom::{Dom, Element, NodeData, NodeId, DOCUMENT};
use crate::lexicon::hint_bits;
use crate::text::{collapse_whitespace, decode_entities, words, FastHash};

#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    /// `og:title`, `twitter:title` or JSON-LD `headline`: usually the
    /// headline without the site name.
    pub headline: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    pub lang: Option<String>,
    /// The region of the language tags the page declares (`GB` of
    /// `en-GB` or `en_GB`): how its dates are ordered.
    pub region: Option<String>,
    pub url: Option<String>,
    /// Where `headline` (as `title`), `site_name`, `section` and `lang`
    /// were found.
    pub sources: Sources,
    /// Every author the page's markup names, in the order found.
    pub authors: Vec<AuthorFact>,
    /// Every date the page's markup gives, in the order found.
    pub dates: Vec<DateFact>,
    /// Names the markup gives the publisher (JSON-LD `publisher`,
    /// `og:site_name`, the `WebSite`'s name): an author by one of these
    /// names is the publisher.
    pub publishers: Vec<String>,
}

/// Whether a name is a person's or an organisation's, as the markup says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    Person,
    Organisation,
    Unknown,
}

/// An author as one source names it.
#[derive(Clone, Debug, PartialEq)]
pub struct AuthorFact {
    /// The names as written (entities decoded, white space collapsed):
    /// one per JSON-LD author or `citation_author` tag; a byline element's
    /// text may hold several, and labels ("By", "View all posts by").
    pub names: Vec<String>,
    pub source: MetaSource,
    pub party: Party,
    /// The element, for facts from the page's body.
    pub node: Option<NodeId>,
    /// Inside an aside, a footer, a teaser list or a sidebar: another
    /// story's author more often than this one's.
    pub remote: bool,
    /// `<meta name=author>` and its kin: often the publisher or the
    /// content system's account.
    pub weak: bool,
}

/// What a date is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRole {
    Published,
    Modified,
    /// A `<time>` or date element that says neither.
    Unknown,
}

/// A date as one source gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct DateFact {
    /// The machine value (`datetime`, `content`, JSON-LD) or, for a date
    /// element without one, its text.
    pub value: String,
    /// The text the page shows for it, for `<time>` and date elements.
    pub shown: Option<String>,
    pub source: MetaSource,
    pub role: DateRole,
    pub node: Option<NodeId>,
    /// As [`AuthorFact::remote`].
    pub remote: bool,
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
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " › "] {
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

pub fn read(dom: &Dom, base_url: Option<&str>) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut ld = Vec::new();
    let mut citation_authors = Vec::new();
    let mut seen = Seen::default();
    let mut walk = dom.walk(DOCUMENT);
    while let Some((n, entering)) = walk.next() {
        if !entering {
            continue;
        }
        let Some(e) = dom.element(n) else { continue };
        match e.local() {
            "html" => {
                let tag = e.attr("lang").or_else(|| e.attr("xml:lang"));
                meta.lang = tag.and_then(language_code);
                meta.region = tag.and_then(region_code);
                if meta.lang.is_some() {
                    meta.sources.lang = Some(MetaSource::LangAttribute);
                }
            }
            "title" if meta.title.is_none() && e.is_html() => {
                meta.title = non_empty(&dom.text_of(n));
            }
            "meta" => {
                if let Some(c) = read_meta_tag(&mut meta, |a| e.attr(a)) {
                    citation_authors.push(c);
                }
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
                continue;
            }
            "style" | "noscript" | "template" => {
                walk.skip_children();
                continue;
            }
            _ => {}
        }
        read_body_markup(&mut meta, dom, n, e, &mut seen);
    }
    if !citation_authors.is_empty() {
        meta.authors.push(AuthorFact {
            names: citation_authors,
            source: MetaSource::Meta,
            party: Party::Person,
            node: None,
            remote: false,
            weak: false,
        });
    }
    read_json_ld(&mut meta, &ld);
    if let Some(site) = &meta.site_name {
        if !meta.publishers.contains(site) {
            meta.publishers.push(site.clone());
        }
    }
    let url = meta.url.as_deref().or(base_url);
    if let Some(stamp) = url.and_then(crate::patterns::date::from_url) {
        meta.dates.push(DateFact {
            value: stamp.iso(),
            shown: None,
            source: MetaSource::Url,
            role: DateRole::Published,
            node: None,
            remote: false,
        });
    }
    meta
}

fn non_empty(s: &str) -> Option<String> {
    let s = collapse_whitespace(&decode_entities(s));
    (!s.is_empty()).then_some(s)
}

/// "en-US" -> "en"; rejects values that are not language tags. Norwegian
/// Bokmål and Nynorsk are Norwegian, and retired codes are read as their
/// successors (`iw` Hebrew, `in` Indonesian).
pub fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let primary = match primary.as_str() {
        "nb" | "nn" => "no".to_string(),
        "iw" => "he".to_string(),
        "in" => "id".to_string(),
        "ji" => "yi".to_string(),
        _ => primary,
    };
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

/// "en-GB" -> "GB"; `None` without a two-letter region.
pub fn region_code(tag: &str) -> Option<String> {
    let region = tag.trim().split(['-', '_']).nth(1)?;
    (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| region.to_ascii_uppercase())
}

/// Reads one `<meta>` tag; returns a `citation_author`'s name, which
/// scholarly pages give once per author.
fn read_meta_tag<'a>(
    meta: &mut PageMeta,
    attr: impl Fn(&str) -> Option<&'a str>,
) -> Option<String> {
    let named = attr("property").or_else(|| attr("name"));
    // `<meta itemprop>` gives dates and authors as microdata (with its
    // item's type, read in `read_body_markup`), the rest as meta tags do.
    let microdata = named.is_none();
    let key = named
        .or_else(|| attr("itemprop"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let content = attr("content").and_then(non_empty)?;
    let fill = |slot: &mut Option<String>, source: &mut Option<MetaSource>, value: String| {
        if slot.is_none() {
            *slot = Some(value);
            *source = Some(MetaSource::Meta);
        }
    };
    let role = match key.as_str() {
        "og:title" | "twitter:title" | "headline" | "dc.title" => {
            fill(&mut meta.headline, &mut meta.sources.title, content);
            return None;
        }
        "og:site_name" | "application-name" | "twitter:site" => {
            if !content.starts_with('@') {
                fill(&mut meta.site_name, &mut meta.sources.site_name, content);
            }
            return None;
        }
        "article:section" | "section" | "article-section" | "parsely-section" => {
            fill(&mut meta.section, &mut meta.sources.section, content);
            return None;
        }
        "description" | "og:description" | "twitter:description" => {
            meta.description.get_or_insert(content);
            return None;
        }
        "og:url" => {
            meta.url.get_or_insert(content);
            return None;
        }
        "og:locale" | "language" | "content-language" | "dc.language" => {
            if meta.region.is_none() {
                meta.region = region_code(&content);
            }
            if meta.lang.is_none() {
                meta.lang = language_code(&content);
                if meta.lang.is_some() {
                    meta.sources.lang = Some(MetaSource::Meta);
                }
            }
            return None;
        }
        _ if microdata => return None,
        "citation_author" => return Some(content),
        "author" | "article:author" | "og:article:author" | "dc.creator" | "dcterms.creator"
        | "byl" | "sailthru.author" | "parsely-author" | "cxenseparse:author" => {
            if !content.starts_with("http") && !content.starts_with('@') {
                meta.authors.push(AuthorFact {
                    names: vec![content],
                    source: MetaSource::Meta,
                    party: Party::Unknown,
                    node: None,
                    remote: false,
                    weak: matches!(key.as_str(), "author" | "dc.creator" | "dcterms.creator"),
                });
            }
            return None;
        }
        "article:published_time"
        | "og:published_time"
        | "og:article:published_time"
        | "article:published"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "publication_date"
        | "dc.date"
        | "dc.date.issued"
        | "dc.date.created"
        | "dcterms.date"
        | "dcterms.created"
        | "dcterms.issued"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "article_date_original"
        | "original-publish-date"
        | "citation_publication_date"
        | "citation_date"
        | "rnews:datepublished" => DateRole::Published,
        "article:modified_time"
        | "og:updated_time"
        | "article:modified"
        | "datemodified"
        | "dc.date.modified"
        | "dcterms.modified"
        | "last-modified"
        | "article.updated" => DateRole::Modified,
        _ => return None,
    };
    meta.dates.push(DateFact {
        value: content,
        shown: None,
        source: MetaSource::Meta,
        role,
        node: None,
        remote: false,
    });
    None
}

/// Whether `hay` contains `needle` (lower-case ASCII), ignoring ASCII case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len()
        && h.windows(n.len())
            .any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

/// An address whose path names an author and their page: `/author/x/`.
fn is_author_address(href: &str) -> bool {
    let path = href.split_once("://").map_or(href, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    parts.iter().enumerate().any(|(i, p)| {
        i + 1 < parts.len()
            && crate::lexicon::in_list(
                crate::lexicon::NameList::AuthorPath,
                &p.to_ascii_lowercase(),
            )
    })
}

/// Where an element sits: inside comments (never the article's author or
/// date), or in a sidebar, teaser list or menu around the article (an
/// article's own footer, which holds its author box, is not one).
#[derive(Clone, Copy, Default)]
struct Place {
    comments: bool,
    remote: bool,
    /// Inside a picture's caption, whose author is the picture's
    /// ("Mike Blake/Reuters files" in vancouversun.com's
    /// `<span class="img-author">`, hessenschau.de's video byline in
    /// `<figcaption>`), not the article's.
    caption: bool,
}

/// Ancestors whose class can say an element is in comments, and in a
/// teaser list or sidebar: a layout's columns ("right-sidebar row",
/// Blogger's "widget Blog") hold the article too, further up.
const COMMENT_DEPTH: usize = 10;
const REMOTE_DEPTH: usize = 6;

/// What the walk asks of class and id values, answered once per distinct
/// value: a page repeats the same few hundred values on thousands of
/// elements, and `place` asks again of every ancestor of every candidate.
#[derive(Default)]
struct Seen<'a> {
    hint_bits: std::collections::HashMap<&'a str, u16, FastHash>,
    class: std::collections::HashMap<&'a str, ClassWords, FastHash>,
}

/// Values past this many are answered without being remembered: the maps
/// stay small, and their fast hash cannot be flooded.
const SEEN_ENTRIES: usize = 4096;

/// What a class value's words say of its element, before its tag is known.
#[derive(Clone, Copy)]
struct ClassWords {
    author: bool,
    date: bool,
}

impl<'a> Seen<'a> {
    fn hint_bits(&mut self, value: &'a str) -> u16 {
        if let Some(&b) = self.hint_bits.get(value) {
            return b;
        }
        let b = hint_bits(value);
        if self.hint_bits.len() < SEEN_ENTRIES {
            self.hint_bits.insert(value, b);
        }
        b
    }

    fn class(&mut self, class: &'a str) -> ClassWords {
        if let Some(&w) = self.class.get(class) {
            return w;
        }
        // Lowered once, then searched by the standard library's substring
        // search: eleven of contains_ci's byte-by-byte scans cost more.
        let lower = class.to_ascii_lowercase();
        let has = |word: &str| lower.contains(word);
        let w = ClassWords {
            author: (has("author") || has("byline") || has("vcard"))
                && !has("comment")
                && !has("avatar"),
            date: has("date")
                || has("publish")
                || has("posted")
                || has("datum")
                || has("updated")
                || has("timestamp"),
        };
        if self.class.len() < SEEN_ENTRIES {
            self.class.insert(class, w);
        }
        w
    }
}

fn place<'a>(dom: &'a Dom, n: NodeId, seen: &mut Seen<'a>) -> Place {
    let mut p = Place::default();
    let mut at = Some(n);
    let mut depth = 0;
    while let Some(id) = at {
        depth += 1;
        if depth > COMMENT_DEPTH {
            break;
        }
        if let Some(e) = dom.element(id) {
            // `<body class="showing-comments">` says nothing of its parts.
            if matches!(e.local(), "html" | "body") {
                break;
            }
            if matches!(e.local(), "aside" | "nav") {
                p.remote = true;
            }
            if e.local() == "figcaption" {
                p.caption = true;
            }
            for attr in ["class", "id"] {
                if let Some(v) = e.attr(attr) {
                    let bits = seen.hint_bits(v);
                    if bits & (1 << hint::COMMENTS) != 0 {
                        p.comments = true;
                        return p;
                    }
                    if depth <= REMOTE_DEPTH
                        && bits & (1 << hint::RELATED | 1 << hint::SIDEBAR) != 0
                    {
                        p.remote = true;
                    }
                }
            }
            if e.attr("itemtype")
                .is_some_and(|t| contains_ci(t, "comment"))
            {
                p.comments = true;
                return p;
            }
        }
        at = dom.node(id).parent;
    }
    p
}

/// Whether a microdata property of `n` is the page's own: the item it
/// belongs to (the nearest ancestor with `itemscope`), and every item
/// around that, is the page's article or the page itself. A review inside
/// a product's item is a customer's, not the article's.
fn in_own_item(dom: &Dom, n: NodeId) -> bool {
    let mut at = dom.node(n).parent;
    while let Some(id) = at {
        if let Some(e) = dom.element(id) {
            if e.attr("itemscope").is_some() {
                let t = e.attr("itemtype").unwrap_or("");
                if !is_own_item(t.rsplit('/').next().unwrap_or(t).trim()) {
                    return false;
                }
            }
        }
        at = dom.node(id).parent;
    }
    true
}

/// Item types whose dates and authors are the page's own: an article, a
/// post, the page, a review or recipe on it. A reviewed book's or an
/// event's date, a comment's author are not.
fn is_own_item(t: &str) -> bool {
    t.is_empty()
        || t.contains("Article")
        || t.contains("Posting")
        || t.contains("Blog")
        || t.contains("Page")
        || matches!(
            t,
            "CreativeWork" | "Review" | "Recipe" | "HowTo" | "Report" | "Thing"
        )
}

/// The text a reader sees inside `n`, hidden parts left out, at most
/// `limit` bytes (`None` past it).
fn shown_text(dom: &Dom, n: NodeId, limit: usize) -> Option<String> {
    let mut out = String::new();
    let mut walk = dom.walk(n);
    while let Some((id, entering)) = walk.next() {
        match &dom.node(id).data {
            NodeData::Text(t) if entering => {
                out.push_str(t);
                if out.len() > limit {
                    return None;
                }
            }
            NodeData::Element(e) => {
                if entering
                    && id != n
                    && (crate::input::html::is_hidden(e)
                        || matches!(e.local(), "script" | "style" | "noscript" | "svg")
                        || e.attr("class")
                            .is_some_and(|c| hint_bits(c) & (1 << hint::HIDDEN) != 0))
                {
                    walk.skip_children();
                    continue;
                }
                if !matches!(
                    e.local(),
                    "a" | "span" | "b" | "strong" | "i" | "em" | "small" | "abbr" | "font" | "u"
                ) {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    Some(collapse_whitespace(&out))
}

/// The name inside an author element: its `fn`, `name` or `itemprop=name`
/// part or its link, else its text.
fn name_inside(dom: &Dom, n: NodeId) -> Option<String> {
    let inner = dom.walk(n).skip(1).find_map(|(id, entering)| {
        let e = dom.element(id)?;
        let named = e
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|t| t == "name"))
            || e.attr("class").is_some_and(|c| {
                c.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("fn") || t.eq_ignore_ascii_case("name"))
            });
        (entering && named).then_some(id)
    });
    if let Some(id) = inner {
        let e = dom.element(id).expect("an element");
        if let Some(c) = e.attr("content").and_then(non_empty) {
            return Some(c);
        }
        return shown_text(dom, id, 200).filter(|t| !t.is_empty());
    }
    shown_text(dom, n, 200).filter(|t| !t.is_empty())
}

/// Authors and dates the body's markup gives: microdata, `<time>`,
/// author links and elements, date elements.
fn read_body_markup<'a>(
    meta: &mut PageMeta,
    dom: &'a Dom,
    n: NodeId,
    e: &'a Element,
    seen: &mut Seen<'a>,
) {
    // Microdata.
    if let Some(props) = e.attr("itemprop") {
        for prop in props.split_whitespace() {
            let role = match prop {
                "datePublished" | "dateCreated" | "uploadDate" => Some(DateRole::Published),
                "dateModified" => Some(DateRole::Modified),
                _ => None,
            };
            let is_author = matches!(prop, "author" | "creator");
            if role.is_none() && !is_author {
                continue;
            }
            if !in_own_item(dom, n) {
                continue;
            }
            let p = place(dom, n, seen);
            if p.comments {
                continue;
            }
            if let Some(role) = role {
                let value = e
                    .attr("content")
                    .or_else(|| e.attr("datetime"))
                    .and_then(non_empty)
                    .or_else(|| shown_text(dom, n, 200));
                if let Some(value) = value.filter(|v| !v.is_empty()) {
                    meta.dates.push(DateFact {
                        value,
                        shown: None,
                        source: MetaSource::Microdata,
                        role,
                        node: Some(n),
                        remote: p.remote,
                    });
                }
                continue;
            }
            let name = if e.attr("itemscope").is_some() {
                name_inside(dom, n)
            } else {
                e.attr("content")
                    .and_then(non_empty)
                    .or_else(|| shown_text(dom, n, 200))
            };
            let party = match e.attr("itemtype") {
                Some(t) if contains_ci(t, "person") => Party::Person,
                Some(t) if contains_ci(t, "organization") => Party::Organisation,
                _ => Party::Unknown,
            };
            if let Some(name) = name.filter(|v| !v.is_empty() && !v.starts_with("http")) {
                meta.authors.push(AuthorFact {
                    names: vec![name],
                    source: MetaSource::Microdata,
                    party,
                    node: Some(n),
                    remote: p.remote,
                    weak: false,
                });
            }
        }
    }
    let class = e.attr("class").unwrap_or("");
    // <time>.
    if e.local() == "time" {
        let p = place(dom, n, seen);
        if p.comments {
            return;
        }
        let shown = shown_text(dom, n, 200).filter(|t| !t.is_empty());
        let value = e
            .attr("datetime")
            .and_then(non_empty)
            .or_else(|| shown.clone());
        if let Some(value) = value {
            let role = if e.attr("pubdate").is_some() {
                DateRole::Published
            } else {
                date_role(class)
            };
            meta.dates.push(DateFact {
                value,
                shown,
                source: MetaSource::Time,
                role,
                node: Some(n),
                remote: p.remote,
            });
        }
        return;
    }
    // Author links and elements.
    let author_link = e.local() == "a"
        && (e.attr("rel").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        }) || e.attr("href").is_some_and(is_author_address));
    // `<body class="not-multi-author">` (insubordinant.wordpress.com),
    // `"no-author"` (piratenpartei.de) style the whole page: its first
    // `fn` is a commenter's.
    let words = if class.is_empty() {
        ClassWords {
            author: false,
            date: false,
        }
    } else {
        seen.class(class)
    };
    let author_class = words.author && !matches!(e.local(), "html" | "body");
    if author_link || author_class {
        let p = place(dom, n, seen);
        if !p.comments && !p.caption {
            let name = if author_link {
                shown_text(dom, n, 200)
                    .filter(|t| !t.is_empty())
                    .or_else(|| e.attr("title").and_then(non_empty))
            } else {
                name_inside(dom, n)
            };
            if let Some(name) = name.filter(|t| t.chars().count() <= 120) {
                // Links to several authors' pages side by side in one
                // element are one byline of several names: "<a>Clara
                // Löw</a>, <a>Siddharth Prakash</a> & <a>Klaus Jacob</a>"
                // (makronom.de), "<a rel=author>Alyene Senger</a> and
                // <a rel=author>Grant Hodges</a>" (blog.heritage.org).
                let parent = dom.node(n).parent;
                let beside = meta.authors.last_mut().filter(|a| {
                    author_link
                        && parent.is_some()
                        && a.source == MetaSource::AuthorLink
                        && a.node.and_then(|m| dom.node(m).parent) == parent
                });
                if let Some(last) = beside {
                    if !last.names.contains(&name) {
                        last.names.push(name);
                    }
                } else {
                    meta.authors.push(AuthorFact {
                        names: vec![name],
                        source: MetaSource::AuthorLink,
                        party: Party::Unknown,
                        node: Some(n),
                        remote: p.remote,
                        weak: false,
                    });
                }
            }
        }
    }
    // Date elements: "post-date", "entry-date", "published", "datum".
    let date_class = !author_class && words.date;
    if date_class {
        let p = place(dom, n, seen);
        if p.comments {
            return;
        }
        if let Some(shown) =
            shown_text(dom, n, 120).filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        {
            meta.dates.push(DateFact {
                value: shown.clone(),
                shown: Some(shown),
                source: MetaSource::Dateline,
                role: date_role(class),
                node: Some(n),
                remote: p.remote,
            });
        }
    }
}

/// What a date element's class says it is.
fn date_role(class: &str) -> DateRole {
    // "entry-date published updated": published.
    if contains_ci(class, "publi") {
        DateRole::Published
    } else if contains_ci(class, "updat") || contains_ci(class, "modif") {
        DateRole::Modified
    } else if contains_ci(class, "entry-date")
        || contains_ci(class, "post-date")
        || contains_ci(class, "created")
        || contains_ci(class, "posted")
    {
        DateRole::Published
    } else {
        DateRole::Unknown
    }
}

/// The `@type`s of a JSON-LD node, each without its vocabulary's address.
fn types(v: &Value) -> Vec<&str> {
    fn strip(t: &str) -> &str {
        t.rsplit(['/', ':']).next().unwrap_or(t)
    }
    match v.get("@type") {
        Some(Value::String(t)) => vec![strip(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(strip).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting"
                | "LiveBlogPosting"
                | "SocialMediaPosting"
                | "DiscussionForumPosting"
                | "Report"
                | "Review"
                | "Recipe"
                | "HowTo"
        )
}

fn is_page_type(t: &str) -> bool {
    t.ends_with("Page") || t == "VideoObject"
}

/// Every node of the page's JSON-LD: top-level objects, arrays and
/// `@graph` members.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: u32) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, out, depth + 1)),
        Value::Object(_) => {
            out.push(v);
            if let Some(g) = v.get("@graph") {
                collect(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn read_json_ld(meta: &mut PageMeta, scripts: &[Value]) {
    let mut nodes = Vec::new();
    for v in scripts {
        collect(v, &mut nodes, 0);
    }
    // A reference ({"@id": …}) resolved to the node that has that @id and
    // says more.
    let by_id = |v: &Value| -> Option<&Value> {
        let id = v.get("@id")?.as_str()?;
        nodes.iter().copied().find(|n| {
            n.get("@id").and_then(Value::as_str) == Some(id)
                && match n {
                    Value::Object(fields) => fields.len() > 1,
                    _ => false,
                }
        })
    };
    let full = |v: &'_ Value| -> Option<Value> {
        match v {
            Value::Object(fields) if fields.len() == 1 || v.get("name").is_none() => {
                by_id(v).cloned().or_else(|| Some(v.clone()))
            }
            _ => Some(v.clone()),
        }
    };
    let main = nodes
        .iter()
        .copied()
        .find(|n| types(n).iter().any(|t| is_article_type(t)))
        .or_else(|| {
            nodes.iter().copied().find(|n| {
                types(n).iter().any(|t| is_page_type(t))
                    && (n.get("author").is_some() || n.get("datePublished").is_some())
            })
        });
    // The headline, when no meta tag gave one: the first node of the
    // article types the classifier's anchor was tuned with.
    if meta.headline.is_none() {
        let first = nodes.iter().copied().find(|n| {
            types(n)
                .iter()
                .any(|t| t.ends_with("Article") || matches!(*t, "BlogPosting" | "ScholarlyArticle"))
        });
        if let Some(h) = first.and_then(|n| n.get("headline")).and_then(text_of) {
            meta.headline = Some(h);
            meta.sources.title = Some(MetaSource::JsonLd);
        }
    }
    if let Some(main) = main {
        let mut names = Vec::new();
        let mut parties = Vec::new();
        let author = main.get("author").or_else(|| main.get("creator"));
        let items: Vec<&Value> = match author {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
            None => Vec::new(),
        };
        for item in items {
            let Some(node) = full(item) else { continue };
            let name = match &node {
                Value::String(s) => non_empty(s),
                Value::Object(_) => node.get("name").and_then(text_of).or_else(|| {
                    let given = node.get("givenName").and_then(text_of)?;
                    let family = node.get("familyName").and_then(text_of).unwrap_or_default();
                    non_empty(&format!("{given} {family}"))
                }),
                _ => None,
            };
            let Some(name) = name.filter(|n| !n.starts_with("http")) else {
                continue;
            };
            let ts = types(&node);
            let party = if ts.contains(&"Person") {
                Party::Person
            } else if ts.iter().any(|t| {
                t.ends_with("Organization") || t.ends_with("Organisation") || *t == "Corporation"
            }) {
                Party::Organisation
            } else {
                Party::Unknown
            };
            if !names.contains(&name) {
                names.push(name);
                parties.push(party);
            }
        }
        // One fact per party, so that a person and the newsroom credited
        // beside them can be told apart.
        for party in [Party::Person, Party::Unknown, Party::Organisation] {
            let these: Vec<String> = names
                .iter()
                .zip(&parties)
                .filter(|(_, p)| **p == party)
                .map(|(n, _)| n.clone())
                .collect();
            if !these.is_empty() {
                meta.authors.push(AuthorFact {
                    names: these,
                    source: MetaSource::JsonLd,
                    party,
                    node: None,
                    remote: false,
                    weak: false,
                });
            }
        }
        for (key, role) in [
            ("datePublished", DateRole::Published),
            ("dateCreated", DateRole::Published),
            ("uploadDate", DateRole::Published),
            ("dateModified", DateRole::Modified),
        ] {
            if let Some(value) = main.get(key).and_then(text_of) {
                meta.dates.push(DateFact {
                    value,
                    shown: None,
                    source: MetaSource::JsonLd,
                    role,
                    node: None,
                    remote: false,
                });
            }
        }
        if meta.section.is_none() {
            if let Some(s) = main.get("articleSection").and_then(text_of) {
                meta.section = Some(s);
                meta.sources.section = Some(MetaSource::JsonLd);
            }
        }
        if meta.lang.is_none() {
            meta.lang = main
                .get("inLanguage")
                .and_then(Value::as_str)
                .and_then(language_code);
            if meta.lang.is_some() {
                meta.sources.lang = Some(MetaSource::JsonLd);
            }
        }
        // A personal blog names its author as its publisher: no publisher.
        let publisher = main
            .get("publisher")
            .and_then(full)
            .filter(|p| !types(p).contains(&"Person"));
        if let Some(p) = publisher {
            if let Some(name) = p.get("name").and_then(text_of) {
                if meta.site_name.is_none() {
                    meta.site_name = Some(name.clone());
                    meta.sources.site_name = Some(MetaSource::JsonLd);
                }
                if !meta.publishers.contains(&name) {
                    meta.publishers.push(name);
                }
            }
        }
    }
    // The site's own name, and organisations the graph describes.
    for n in &nodes {
        let ts = types(n);
        if ts
            .iter()
            .any(|t| *t == "WebSite" || t.ends_with("Organization"))
            && !ts.contains(&"Person")
        {
            if let Some(name) = n.get("name").and_then(text_of) {
                if !meta.publishers.contains(&name) {
                    meta.publishers.push(name);
                }
            }
        }
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
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

    fn names(m: &PageMeta) -> Vec<(Vec<String>, MetaSource, Party)> {
        m.authors
            .iter()
            .map(|a| (a.names.clone(), a.source, a.party))
            .collect()
    }

    #[test]
    fn language_tags_are_read_as_the_languages_they_name() {
        assert_eq!(language_code("de-AT").as_deref(), Some("de"));
        assert_eq!(language_code("nb_NO").as_deref(), Some("no"));
        assert_eq!(language_code("nn").as_deref(), Some("no"));
        assert_eq!(language_code("iw-IL").as_deref(), Some("he"));
        assert_eq!(language_code("in").as_deref(), Some("id"));
        assert_eq!(language_code("{{lang}}"), None);
    }

    #[test]
    fn reads_open_graph_and_article_meta() {
        let dom = Dom::parse(
            r#"<html lang="de-AT"><head><title>Story | Site</title>
            <meta property="og:title" content="Story">
            <meta property="og:site_name" content="Site">
            <meta property="article:published_time" content="2022-09-27T10:00:00Z">
            <meta name="author" content="Jane Doe"></head><body></body></html>"#,
        );
        let m = read(&dom, None);
        assert_eq!(m.title.as_deref(), Some("Story | Site"));
        assert_eq!(m.headline.as_deref(), Some("Story"));
        assert_eq!(m.site_name.as_deref(), Some("Site"));
        assert_eq!(m.dates[0].value, "2022-09-27T10:00:00Z");
        assert_eq!(m.dates[0].role, DateRole::Published);
        assert_eq!(m.authors[0].names, ["Jane Doe"]);
        assert!(m.authors[0].weak);
        assert_eq!(m.lang.as_deref(), Some("de"));
    }

    #[test]
    fn reads_json_ld_articles_in_graphs() {
        let dom = Dom::parse(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"S"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2020-01-02",
             "author":[{"@type":"Person","name":"A"},{"name":"B"}],
             "articleSection":["World"],"publisher":{"name":"P"}}]}</script>"#,
        );
        let m = read(&dom, None);
        assert_eq!(m.headline.as_deref(), Some("H"));
        assert_eq!(
            names(&m),
            [
                (vec!["A".to_string()], MetaSource::JsonLd, Party::Person),
                (vec!["B".to_string()], MetaSource::JsonLd, Party::Unknown)
            ]
        );
        assert_eq!(m.section.as_deref(), Some("World"));
        assert_eq!(m.site_name.as_deref(), Some("P"));
        assert_eq!(m.dates[0].value, "2020-01-02");
        assert_eq!(m.publishers, ["P", "S"]);
    }

    #[test]
    fn graph_authors_are_found_by_their_id() {
        let dom = Dom::parse(
            r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":["Person","Organization"],"@id":"https://e.org/#/person/1","name":"Andrea Kalt"},
            {"@type":"Article","@id":"https://e.org/p/#article","author":{"@id":"https://e.org/#/person/1"},
             "headline":"Fifteen years","datePublished":"2019-07-28T11:05:32+00:00",
             "publisher":{"@id":"https://e.org/#org"}},
            {"@type":"Organization","@id":"https://e.org/#org","name":"E Media GmbH"}]}</script>"##,
        );
        let m = read(&dom, None);
        assert_eq!(
            names(&m),
            [(
                vec!["Andrea Kalt".to_string()],
                MetaSource::JsonLd,
                Party::Person
            )]
        );
        assert_eq!(m.site_name.as_deref(), Some("E Media GmbH"));
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
    fn author_links_and_vcards_name_authors_outside_comments() {
        let dom = Dom::parse(
            r#"<article><p>By <a rel="author external" href="/u/jd">Jane Doe</a></p>
            <span class="author vcard"><span class="screen-reader-text">Author</span><a class="url fn n" href="/author/jd/">Jane Doe</a></span>
            <a href="https://e.org/autor/max-muster/">Max Muster</a></article>
            <div class="comments"><span class="comment-author vcard">Troll</span>
            <a rel="author" href="/u/troll">Troll</a></div>"#,
        );
        let m = read(&dom, None);
        let all: Vec<String> = m.authors.iter().flat_map(|a| a.names.clone()).collect();
        assert!(all.iter().all(|n| n != "Troll"), "{all:?}");
        assert!(all.contains(&"Jane Doe".to_string()), "{all:?}");
        assert!(all.contains(&"Max Muster".to_string()), "{all:?}");
        assert!(m.authors.iter().all(|a| a.source == MetaSource::AuthorLink));
    }

    #[test]
    fn author_links_side_by_side_are_one_byline() {
        let dom = Dom::parse(
            r#"<article><h1>Story</h1><p><span class="meta"><a href="/autoren/clara-loew">Clara Löw</a>,
            <a href="/autoren/siddharth-prakash">Siddharth Prakash</a> &amp;
            <a href="/autoren/klaus-jacob">Klaus Jacob</a></span></p>
            <p>By <a rel="author" href="/u/jd">Jane Doe</a></p></article>"#,
        );
        let m = read(&dom, None);
        let links: Vec<Vec<String>> = m
            .authors
            .iter()
            .filter(|a| a.source == MetaSource::AuthorLink)
            .map(|a| a.names.clone())
            .collect();
        assert_eq!(
            links,
            [
                vec!["Clara Löw", "Siddharth Prakash", "Klaus Jacob"],
                vec!["Jane Doe"]
            ]
        );
    }

    #[test]
    fn a_pictures_credit_in_its_caption_is_no_author() {
        let dom = Dom::parse(
            r#"<article><figure><img src="a.jpg"><figcaption><span class="img-caption">The plant.</span>
            <span class="img-author">Mike Blake/Reuters files</span></figcaption></figure>
            <p>The company said on Thursday that it would cut its emissions by half.</p></article>"#,
        );
        assert!(read(&dom, None).authors.is_empty());
    }

    #[test]
    fn microdata_of_other_items_is_not_the_articles() {
        let dom = Dom::parse(
            r#"<div itemscope itemtype="https://schema.org/Review">
              <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ann Critic</span></span>
              <meta itemprop="datePublished" content="2021-03-04">
              <div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Book">
                <span itemprop="author">Old Novelist</span><meta itemprop="datePublished" content="1998-01-01">
              </div></div>"#,
        );
        let m = read(&dom, None);
        assert_eq!(
            names(&m),
            [(
                vec!["Ann Critic".to_string()],
                MetaSource::Microdata,
                Party::Person
            )]
        );
        let dates: Vec<&str> = m.dates.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(dates, ["2021-03-04"]);
    }

    #[test]
    fn time_elements_say_what_they_date() {
        let dom = Dom::parse(
            r#"<time class="entry-date published" datetime="2019-02-10T09:30:10+01:00">10. Februar 2019</time>
            <time class="updated" datetime="2019-02-11T23:00:55+01:00">11. Februar 2019</time>
            <ol class="commentlist"><li><time datetime="2019-03-01T10:00">1. März</time></li></ol>"#,
        );
        let m = read(&dom, None);
        let got: Vec<(&str, DateRole, Option<&str>)> = m
            .dates
            .iter()
            .map(|d| (d.value.as_str(), d.role, d.shown.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "2019-02-10T09:30:10+01:00",
                    DateRole::Published,
                    Some("10. Februar 2019")
                ),
                (
                    "2019-02-11T23:00:55+01:00",
                    DateRole::Modified,
                    Some("11. Februar 2019")
                ),
            ]
        );
    }

    #[test]
    fn the_address_gives_a_date() {
        let dom = Dom::parse("<p>x</p>");
        let m = read(&dom, Some("https://e.org/2019/08/02/a-post/"));
        assert_eq!(m.dates[0].source, MetaSource::Url);
        assert_eq!(m.dates[0].value, "2019-08-02");
    }

    #[test]
    fn entities_in_markup_are_decoded() {
        let dom = Dom::parse(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Pat O&#039;Donnell"}}</script>"#,
        );
        assert_eq!(read(&dom, None).authors[0].names, ["Pat O'Donnell"]);
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let dom = Dom::parse(r#"<script type="application/ld+json">{"headline": </script>"#);
        assert!(read(&dom, None).headline.is_none());
    }
}
