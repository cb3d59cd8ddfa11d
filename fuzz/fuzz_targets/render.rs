//! Whatever the input, every renderer returns, the HTML is safe to insert
//! into a page, and the JSON reads back as the same article.
#![no_main]

use article_cleaner::{clean, render, Article, Format, Options};
use article_cleaner_testkit::safety::html_violation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let Ok(article) = clean(&input, &Options::default()) else {
        return;
    };
    render(&article, Format::Text);
    render(&article, Format::Markdown);
    let html = render(&article, Format::Html);
    if let Some(v) = html_violation(&html) {
        panic!("unsafe HTML output: {v}\n--- output ---\n{html}");
    }
    let json = render(&article, Format::Json);
    let back: Article =
        article_cleaner::article::json::from_json(&json).expect("JSON output reads back");
    assert_eq!(back, article, "JSON output reads back as the same article");
});
