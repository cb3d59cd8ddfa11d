//! A caller may edit an article before rendering it: whatever a block's
//! `html` (and the metadata, and an image's source) hold, the HTML output
//! stays safe. Every block kind is used, since each parses its markup in a
//! different context (`p`, `ul`, `table`, `figcaption`…).
#![no_main]

use article_cleaner::{render, Article, Format};
use article_cleaner_testkit::safety::{edited_article_json, html_violation};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let json = edited_article_json(&String::from_utf8_lossy(data));
    let article: Article =
        article_cleaner::article::json::from_json(&json).expect("the edited article reads");
    let html = render(&article, Format::Html);
    if let Some(v) = html_violation(&html) {
        panic!("unsafe HTML output: {v}\n--- output ---\n{html}");
    }
    render(&article, Format::Markdown);
    render(&article, Format::Text);
});
