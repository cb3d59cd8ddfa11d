//! The article as JSON and back: what `--format json` prints, what the
//! JavaScript package hands to callers, and what `render` reads when a
//! caller gives an article back (possibly edited: a removed block put
//! back, a title changed). Field names are camelCase, codes kebab-case.
//!
//! Reading is lenient about what it can do without (absent fields are
//! empty) and strict about what it cannot (a field of the wrong type, an
//! unknown code), so an edited article renders or fails with a message
//! that names the field.

use super::{Article, ArticleBlock, BlockKind, Cell, Image, Inline, RemovedBlock, Source, Tag};
use crate::codes::{Extraction, InputKind, MetaSource, Reason, Sources};
use crate::json::{self, Value, Writer};

/// The article as JSON: pretty-printed (for people), or compact (for
/// programs, which parse it anyway).
pub fn to_json(article: &Article, pretty: bool) -> String {
    let mut w = if pretty {
        Writer::new()
    } else {
        Writer::compact()
    };
    w.begin_object();
    for (key, value) in [("title", &article.title), ("byline", &article.byline)] {
        w.key(key);
        w.optional_string(value.as_deref());
    }
    w.key("authors");
    w.begin_array();
    for a in &article.authors {
        w.item();
        w.string(a);
    }
    w.end_array();
    for (key, value) in [
        ("published", &article.published),
        ("modified", &article.modified),
        ("section", &article.section),
        ("siteName", &article.site_name),
        ("lang", &article.lang),
        ("lead", &article.lead),
    ] {
        w.key(key);
        w.optional_string(value.as_deref());
    }
    w.key("blocks");
    w.begin_array();
    for b in &article.blocks {
        w.item();
        w.begin_object();
        write_block(&mut w, b);
        w.end_object();
    }
    w.end_array();
    w.key("removed");
    w.begin_array();
    for r in &article.removed {
        w.item();
        w.begin_object();
        w.key("reason");
        w.string(r.reason.code());
        write_block(&mut w, &r.block);
        w.end_object();
    }
    w.end_array();
    w.key("sources");
    w.begin_object();
    for (key, source) in source_fields(&article.sources) {
        if let Some(s) = source {
            w.key(key);
            w.string(s.code());
        }
    }
    w.end_object();
    w.key("inputKind");
    w.string(article.input_kind.code());
    w.key("extraction");
    w.string(article.extraction.code());
    w.key("wordsKept");
    w.number(article.words_kept.into());
    w.key("wordsRemoved");
    w.number(article.words_removed.into());
    w.end_object();
    w.out
}

fn source_fields(s: &Sources) -> [(&'static str, Option<MetaSource>); 7] {
    [
        ("title", s.title),
        ("byline", s.byline),
        ("published", s.published),
        ("modified", s.modified),
        ("section", s.section),
        ("siteName", s.site_name),
        ("lang", s.lang),
    ]
}

fn write_block(w: &mut Writer, b: &ArticleBlock) {
    w.key("kind");
    w.string(b.kind.code());
    w.key("text");
    w.string(&b.text);
    if let Some(content) = &b.content {
        w.key("content");
        write_spans(w, content);
    }
    if let Some(items) = &b.items {
        w.key("items");
        w.begin_array();
        for item in items {
            w.item();
            write_spans(w, item);
        }
        w.end_array();
    }
    if let Some(rows) = &b.rows {
        w.key("rows");
        w.begin_array();
        for row in rows {
            w.item();
            w.begin_array();
            for cell in row {
                w.item();
                w.begin_object();
                if cell.header {
                    w.key("header");
                    w.bool(true);
                }
                for (key, n) in [("colspan", cell.colspan), ("rowspan", cell.rowspan)] {
                    if let Some(n) = n {
                        w.key(key);
                        w.number(n.into());
                    }
                }
                w.key("content");
                write_spans(w, &cell.content);
                w.end_object();
            }
            w.end_array();
        }
        w.end_array();
    }
    if let Some(level) = b.level {
        w.key("level");
        w.number(level.into());
    }
    if b.ordered {
        w.key("ordered");
        w.bool(true);
    }
    if let Some(img) = &b.image {
        w.key("image");
        w.begin_object();
        w.key("src");
        w.string(&img.src);
        w.key("alt");
        w.string(&img.alt);
        w.end_object();
    }
    w.key("source");
    w.begin_object();
    w.key("index");
    w.number(b.source.index.into());
    w.key("line");
    w.number(b.source.line.into());
    w.key("endLine");
    w.number(b.source.end_line.into());
    w.end_object();
}

fn write_spans(w: &mut Writer, spans: &[Inline]) {
    w.begin_array();
    for s in spans {
        w.item();
        w.begin_object();
        w.key("type");
        match s {
            Inline::Text(t) => {
                w.string("text");
                w.key("text");
                w.string(t);
            }
            Inline::Break => w.string("br"),
            Inline::Element {
                tag,
                attr,
                children,
            } => {
                w.string(tag.name());
                if let (Some(name), Some(value)) = (tag.attribute(), attr) {
                    w.key(name);
                    w.string(value);
                }
                w.key("children");
                write_spans(w, children);
            }
        }
        w.end_object();
    }
    w.end_array();
}

/// An article from its JSON. The error names what is wrong and where
/// ("blocks[3].kind: unknown kind \"para\"").
pub fn from_json(text: &str) -> Result<Article, String> {
    let v = json::parse(text).map_err(|e| format!("not JSON: {e}"))?;
    if !matches!(v, Value::Object(_)) {
        return Err("an article is an object".into());
    }
    let r = Reader {
        path: String::new(),
    };
    let blocks = match v.get("blocks") {
        Some(b) => r.at("blocks").list(b, |r, v| r.block(v))?,
        None => return Err("blocks: missing (an article has a list of blocks)".into()),
    };
    let removed = match v.get("removed") {
        Some(list) => r.at("removed").list(list, |r, v| {
            Ok(RemovedBlock {
                reason: r
                    .at("reason")
                    .code(v.get("reason"), Reason::from_code, "reason")?,
                block: r.block(v)?,
            })
        })?,
        None => Vec::new(),
    };
    let mut sources = Sources::default();
    if let Some(s) = v.get("sources").filter(|s| !s.is_null()) {
        let r = r.at("sources");
        r.object(s)?;
        let source = |key: &str| -> Result<Option<MetaSource>, String> {
            match s.get(key) {
                None | Some(Value::Null) => Ok(None),
                some => r
                    .at(key)
                    .code(some, MetaSource::from_code, "source")
                    .map(Some),
            }
        };
        sources = Sources {
            title: source("title")?,
            byline: source("byline")?,
            published: source("published")?,
            modified: source("modified")?,
            section: source("section")?,
            site_name: source("siteName")?,
            lang: source("lang")?,
        };
    }
    Ok(Article {
        title: r.at("title").optional_string(v.get("title"))?,
        byline: r.at("byline").optional_string(v.get("byline"))?,
        authors: match v.get("authors") {
            None | Some(Value::Null) => Vec::new(),
            Some(a) => r
                .at("authors")
                .list(a, |r, v| r.string(Some(v)).map(str::to_string))?,
        },
        published: r.at("published").optional_string(v.get("published"))?,
        modified: r.at("modified").optional_string(v.get("modified"))?,
        section: r.at("section").optional_string(v.get("section"))?,
        site_name: r.at("siteName").optional_string(v.get("siteName"))?,
        lang: r.at("lang").optional_string(v.get("lang"))?,
        lead: r.at("lead").optional_string(v.get("lead"))?,
        blocks,
        removed,
        sources,
        input_kind: match v.get("inputKind") {
            None | Some(Value::Null) => InputKind::Auto,
            some => r
                .at("inputKind")
                .code(some, InputKind::from_code, "input kind")?,
        },
        extraction: match v.get("extraction") {
            None | Some(Value::Null) => Extraction::Classifier,
            some => r
                .at("extraction")
                .code(some, Extraction::from_code, "extraction")?,
        },
        words_kept: r.at("wordsKept").count(v.get("wordsKept"))?,
        words_removed: r.at("wordsRemoved").count(v.get("wordsRemoved"))?,
    })
}

/// Reads values, knowing where it is for its error messages.
struct Reader {
    path: String,
}

impl Reader {
    fn at(&self, key: &str) -> Reader {
        Reader {
            path: if self.path.is_empty() {
                key.to_string()
            } else {
                format!("{}.{key}", self.path)
            },
        }
    }

    fn index(&self, i: usize) -> Reader {
        Reader {
            path: format!("{}[{i}]", self.path),
        }
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{}: {what}", self.path))
    }

    fn object(&self, v: &Value) -> Result<(), String> {
        match v {
            Value::Object(_) => Ok(()),
            _ => self.fail("expected an object"),
        }
    }

    fn list<T>(
        &self,
        v: &Value,
        each: impl Fn(&Reader, &Value) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let Some(items) = v.as_array() else {
            return self.fail("expected a list");
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| each(&self.index(i), item))
            .collect()
    }

    fn string<'v>(&self, v: Option<&'v Value>) -> Result<&'v str, String> {
        match v {
            Some(Value::String(s)) => Ok(s),
            None => self.fail("missing"),
            Some(_) => self.fail("expected a string"),
        }
    }

    fn optional_string(&self, v: Option<&Value>) -> Result<Option<String>, String> {
        match v {
            None | Some(Value::Null) => Ok(None),
            some => self.string(some).map(|s| Some(s.to_string())),
        }
    }

    fn count(&self, v: Option<&Value>) -> Result<u32, String> {
        match v {
            None | Some(Value::Null) => Ok(0),
            Some(n) => n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map_or_else(|| self.fail("expected a whole number"), Ok),
        }
    }

    fn flag(&self, v: Option<&Value>) -> Result<bool, String> {
        match v {
            None | Some(Value::Null) => Ok(false),
            Some(b) => b
                .as_bool()
                .map_or_else(|| self.fail("expected true or false"), Ok),
        }
    }

    fn code<T>(
        &self,
        v: Option<&Value>,
        from: impl Fn(&str) -> Option<T>,
        what: &str,
    ) -> Result<T, String> {
        let s = self.string(v)?;
        from(s).map_or_else(|| self.fail(&format!("unknown {what} {s:?}")), Ok)
    }

    fn block(&self, v: &Value) -> Result<ArticleBlock, String> {
        self.object(v)?;
        let source = match v.get("source").filter(|s| !s.is_null()) {
            Some(s) => {
                let r = self.at("source");
                r.object(s)?;
                Source {
                    index: r.at("index").count(s.get("index"))?,
                    line: r.at("line").count(s.get("line"))?,
                    end_line: r.at("endLine").count(s.get("endLine"))?,
                }
            }
            None => Source::default(),
        };
        let spans_of = |key: &str| -> Result<Option<Vec<Inline>>, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(s) => self.at(key).spans(s).map(Some),
            }
        };
        Ok(ArticleBlock {
            kind: self
                .at("kind")
                .code(v.get("kind"), BlockKind::from_code, "kind")?,
            text: match v.get("text") {
                None | Some(Value::Null) => String::new(),
                some => self.at("text").string(some)?.to_string(),
            },
            content: spans_of("content")?,
            items: match v.get("items") {
                None | Some(Value::Null) => None,
                Some(items) => Some(self.at("items").list(items, |r, v| r.spans(v))?),
            },
            rows: match v.get("rows") {
                None | Some(Value::Null) => None,
                Some(rows) => Some(self.at("rows").list(rows, |r, row| {
                    r.list(row, |r, cell| {
                        r.object(cell)?;
                        let span = |key: &str| -> Result<Option<u16>, String> {
                            match cell.get(key) {
                                None | Some(Value::Null) => Ok(None),
                                Some(n) => n.as_u64().map(|n| n.clamp(1, 1000) as u16).map_or_else(
                                    || r.at(key).fail("expected a whole number"),
                                    |n| Ok(Some(n)),
                                ),
                            }
                        };
                        Ok(Cell {
                            header: r.at("header").flag(cell.get("header"))?,
                            colspan: span("colspan")?,
                            rowspan: span("rowspan")?,
                            content: match cell.get("content") {
                                None | Some(Value::Null) => Vec::new(),
                                Some(c) => r.at("content").spans(c)?,
                            },
                        })
                    })
                })?),
            },
            level: match v.get("level") {
                None | Some(Value::Null) => None,
                Some(n) => Some(
                    n.as_u64()
                        .map(|n| n.clamp(1, 6) as u8)
                        .map_or_else(|| self.at("level").fail("expected 1 to 6"), Ok)?,
                ),
            },
            ordered: self.at("ordered").flag(v.get("ordered"))?,
            image: match v.get("image") {
                None | Some(Value::Null) => None,
                Some(img) => {
                    let r = self.at("image");
                    r.object(img)?;
                    Some(Image {
                        src: r.at("src").string(img.get("src"))?.to_string(),
                        alt: r
                            .at("alt")
                            .optional_string(img.get("alt"))?
                            .unwrap_or_default(),
                    })
                }
            },
            source,
        })
    }

    fn spans(&self, v: &Value) -> Result<Vec<Inline>, String> {
        self.list(v, |r, s| {
            r.object(s)?;
            let kind = r.at("type").string(s.get("type"))?;
            Ok(match kind {
                "text" => Inline::Text(r.at("text").string(s.get("text"))?.to_string()),
                "br" => Inline::Break,
                name => {
                    let Some(tag) = Tag::ALL.into_iter().find(|t| t.name() == name) else {
                        return r
                            .at("type")
                            .fail(&format!("unknown inline element {name:?}"));
                    };
                    let attr = match tag.attribute() {
                        Some(a) => r.at(a).optional_string(s.get(a))?,
                        None => None,
                    };
                    let children = match s.get("children") {
                        None | Some(Value::Null) => Vec::new(),
                        Some(c) => r.at("children").spans(c)?,
                    };
                    Inline::Element {
                        tag,
                        attr,
                        children,
                    }
                }
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Article {
        Article {
            title: Some("A \"title\"".into()),
            authors: vec!["Jane Doe".into()],
            byline: Some("Jane Doe".into()),
            lang: Some("en".into()),
            blocks: vec![ArticleBlock {
                kind: BlockKind::Paragraph,
                text: "Read the report.".into(),
                content: Some(vec![
                    Inline::Text("Read ".into()),
                    Inline::Element {
                        tag: Tag::A,
                        attr: Some("https://example.com/r".into()),
                        children: vec![Inline::Text("the report".into())],
                    },
                    Inline::Text(".".into()),
                ]),
                source: Source {
                    index: 1,
                    line: 3,
                    end_line: 3,
                },
                ..ArticleBlock::default()
            }],
            removed: vec![RemovedBlock {
                reason: Reason::Navigation,
                block: ArticleBlock {
                    kind: BlockKind::List,
                    text: "Home\nNews".into(),
                    ..ArticleBlock::default()
                },
            }],
            sources: Sources {
                title: Some(MetaSource::Heading),
                ..Sources::default()
            },
            input_kind: InputKind::Html,
            extraction: Extraction::Classifier,
            words_kept: 5,
            words_removed: 2,
            ..Article::default()
        }
    }

    #[test]
    fn an_article_reads_back_as_itself() {
        let a = sample();
        assert_eq!(from_json(&to_json(&a, true)).unwrap(), a);
        assert_eq!(from_json(&to_json(&a, false)).unwrap(), a);
    }

    #[test]
    fn removed_blocks_carry_their_reason_beside_their_fields() {
        let json = to_json(&sample(), false);
        assert!(
            json.contains(r#""removed":[{"reason":"navigation","kind":"list","text":"Home\nNews""#),
            "{json}"
        );
    }

    #[test]
    fn errors_name_the_field_and_what_it_should_be() {
        let bad = to_json(&sample(), false).replace(r#""kind":"paragraph""#, r#""kind":"para""#);
        assert_eq!(
            from_json(&bad).unwrap_err(),
            "blocks[0].kind: unknown kind \"para\""
        );
        assert_eq!(
            from_json("{}").unwrap_err(),
            "blocks: missing (an article has a list of blocks)"
        );
        assert_eq!(from_json("[]").unwrap_err(), "an article is an object");
        assert!(from_json("{").unwrap_err().starts_with("not JSON"));
    }
}
