//! Any bytes, read as auto (lossy UTF-8): clean must return, never panic.
#![no_main]

use article_cleaner::{clean, InputKind, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let options = Options {
        input: InputKind::Auto,
        // A base makes every link and image source go through URL resolution.
        base_url: Some("https://news.example/section/story.html?id=1".into()),
        ..Options::default()
    };
    let _ = clean(&input, &options);
});
