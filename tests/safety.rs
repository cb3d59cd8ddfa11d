//! The HTML renderer's output is safe to insert into a page, whatever the
//! input: every vector of the XSS corpus (`tests/xss/vectors.json`), placed
//! in an article the cleaner keeps, and as the markup of blocks in an
//! article a caller edited. "Safe" is the test kit's independent check
//! (`tools/testkit/src/safety.rs`), the one the fuzz targets assert.
//! `tests/js/browser/xss.test.mjs` inserts the same outputs into Chromium.
#![cfg(not(target_arch = "wasm32"))]

use article_cleaner::{
    clean, render_html, render_markdown, Article, CleanError, InputKind, Options,
};
use article_cleaner_testkit::safety::{edited_article_json, html_violation};
use serde_json::Value;

struct Corpus {
    pages: Vec<(String, String)>,
    vectors: Vec<String>,
}

fn corpus() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/xss/vectors.json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    Corpus {
        pages: json["pages"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(name, page)| (name.clone(), page.as_str().unwrap().to_string()))
            .collect(),
        vectors: json["vectors"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(strings)
            .collect(),
    }
}

/// Every block the cleaner read, kept or removed, as a caller that puts
/// removed blocks back would render them.
fn with_removed_restored(article: &Article) -> Article {
    let mut all = article.clone();
    all.blocks
        .extend(article.removed.iter().map(|r| r.block.clone()));
    all.blocks.sort_by_key(|b| b.source.index);
    all.removed.clear();
    all
}

/// Cleans each page with each vector in it and hands every article (as
/// cleaned, and with its removed blocks restored) to `check`; collects what
/// `check` reports.
fn for_each_cleaned(kind: InputKind, check: impl Fn(&Article) -> Option<String>) -> Vec<String> {
    let corpus = corpus();
    let options = Options {
        input: kind,
        base_url: Some("https://news.example/2024/river.html".into()),
        ..Options::default()
    };
    let mut failures = Vec::new();
    for vector in &corpus.vectors {
        for (name, page) in &corpus.pages {
            let input = page.replace("{{vector}}", vector);
            let article = match clean(&input, &options) {
                Ok(a) => a,
                // Control characters make some vectors "binary": refused, nothing rendered.
                Err(CleanError::NotText) => continue,
                Err(e) => panic!("{vector:?} in {name}: {e}"),
            };
            for a in [&article, &with_removed_restored(&article)] {
                if let Some(v) = check(a) {
                    failures.push(format!("{vector:?} in {name}: {v}"));
                }
            }
        }
    }
    failures
}

fn assert_none(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_has_at_least_200_vectors_and_every_page_has_a_slot() {
    let corpus = corpus();
    assert!(corpus.vectors.len() >= 200, "{}", corpus.vectors.len());
    assert!(corpus
        .pages
        .iter()
        .all(|(_, p)| p.matches("{{vector}}").count() == 1));
}

#[test]
fn xss_vectors_in_html_pages_render_to_safe_html() {
    assert_none(for_each_cleaned(InputKind::Html, |a| {
        html_violation(&render_html(a))
    }));
}

#[test]
fn xss_vectors_in_pasted_source_render_to_safe_html() {
    assert_none(for_each_cleaned(InputKind::Text, |a| {
        html_violation(&render_html(a))
    }));
}

#[test]
fn the_article_around_each_vector_is_kept() {
    // Otherwise the tests above could pass by dropping everything.
    let corpus = corpus();
    let first = corpus.pages[0].1.split("<p>").nth(1).unwrap();
    let first = &first[..first.find("</p>").unwrap()];
    assert_none(for_each_cleaned(InputKind::Html, |a| {
        (!a.body_text().contains(first)).then(|| "the first paragraph was dropped".into())
    }));
}

#[test]
fn markdown_links_from_hostile_pages_are_never_script_urls() {
    assert_none(for_each_cleaned(InputKind::Html, |a| {
        unsafe_markdown_link(&render_markdown(a))
    }));
}

/// A `](<url>)` link or image target with a script scheme, or a `data:`
/// URL that is not a raster image.
fn unsafe_markdown_link(md: &str) -> Option<String> {
    md.match_indices("](<").find_map(|(i, _)| {
        let url = &md[i + 3..];
        let url = &url[..url.find(">)").unwrap_or(url.len())];
        let lower: String = url
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
            .collect();
        let raster = ["png", "jpeg", "gif", "webp", "avif"]
            .iter()
            .any(|t| lower.starts_with(&format!("data:image/{t}")));
        let bad = lower.starts_with("javascript:")
            || lower.starts_with("vbscript:")
            || (lower.starts_with("data:") && !raster);
        bad.then(|| format!("unsafe Markdown link target {url:?}"))
    })
}

fn edited_article(markup: &str) -> Article {
    article_cleaner::article::json::from_json(&edited_article_json(markup))
        .expect("the edited article reads")
}

#[test]
fn xss_vectors_as_edited_block_markup_render_to_safe_html() {
    let failures = corpus()
        .vectors
        .iter()
        .filter_map(|v| {
            html_violation(&render_html(&edited_article(v))).map(|e| format!("{v:?}: {e}"))
        })
        .collect();
    assert_none(failures);
}

#[test]
fn xss_vectors_as_edited_block_markup_give_safe_markdown_links() {
    let failures = corpus()
        .vectors
        .iter()
        .filter_map(|v| {
            unsafe_markdown_link(&render_markdown(&edited_article(v)))
                .map(|e| format!("{v:?}: {e}"))
        })
        .collect();
    assert_none(failures);
}
