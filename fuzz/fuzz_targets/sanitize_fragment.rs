//! A caller may edit an article before rendering it: whatever a block's
//! `html` (and the metadata, and an image's source) hold, the HTML output
//! stays safe. Every block kind is used, since each parses its markup in a
//! different context (`p`, `ul`, `table`, `figcaption`…).
#![no_main]

use article_cleaner::{render, Article, ArticleBlock, BlockKind, Format, Image, Source};
use article_cleaner_fuzz::html_violation;
use libfuzzer_sys::fuzz_target;

fn block(kind: BlockKind, index: u32, markup: &str) -> ArticleBlock {
    ArticleBlock {
        kind,
        text: markup.to_string(),
        html: Some(markup.to_string()),
        level: (kind == BlockKind::Heading).then_some(2),
        ordered: index == 3,
        image: (kind == BlockKind::Figure).then(|| Image {
            src: markup.to_string(),
            alt: markup.to_string(),
        }),
        source: Source {
            index,
            line: index + 1,
            end_line: index + 1,
        },
    }
}

fuzz_target!(|data: &[u8]| {
    let markup = String::from_utf8_lossy(data);
    let kinds = [
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::List,
        BlockKind::List,
        BlockKind::Quote,
        BlockKind::Table,
        BlockKind::Figure,
        BlockKind::Code,
    ];
    let article = Article {
        title: Some(markup.to_string()),
        byline: Some(markup.to_string()),
        published: Some(markup.to_string()),
        lang: Some(markup.to_string()),
        lead: Some(markup.to_string()),
        blocks: (0u32..)
            .zip(kinds)
            .map(|(i, kind)| block(kind, i, &markup))
            .collect(),
        ..Article::default()
    };
    let html = render(&article, Format::Html);
    if let Some(v) = html_violation(&html) {
        panic!("unsafe HTML output: {v}\n--- output ---\n{html}");
    }
    render(&article, Format::Markdown);
    render(&article, Format::Text);
});
