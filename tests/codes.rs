//! The codes of `src/codes.rs` are the one source of truth: the TypeScript
//! types (`js/index.d.ts`), the page's sentences for each reason
//! (`www/lib/reasons.js`), the codes the JavaScript wrappers throw
//! (`js/*.mjs`) and the README are written by hand, and must say the same.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use article_cleaner::{BlockKind, ErrorCode, Extraction, InputKind, MetaSource, Reason};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn set<'a>(codes: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    codes.into_iter().map(str::to_string).collect()
}

/// Text without its `/* … */` comments.
fn without_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out + rest
}

/// The string literals of `export type NAME = 'a' | 'b' …;` in index.d.ts.
fn typescript_union(name: &str) -> BTreeSet<String> {
    union_in("js/index.d.ts", name, &[])
}

/// The string literals of the union `name` in the file `path`, which may
/// also name the types `names`.
fn union_in(path: &str, name: &str, names: &[&str]) -> BTreeSet<String> {
    let types = without_comments(&read(path));
    let head = format!("export type {name} =");
    let start = types
        .find(&head)
        .unwrap_or_else(|| panic!("index.d.ts has no type {name}"))
        + head.len();
    let body = &types[start..start + types[start..].find(';').unwrap()];
    body.split('|')
        .map(str::trim)
        .filter(|alt| !alt.is_empty() && !names.contains(alt))
        .map(|alt| {
            let alt = alt.trim();
            assert!(
                alt.len() > 2 && alt.starts_with('\'') && alt.ends_with('\''),
                "{name}: {alt:?} is not a string literal"
            );
            alt[1..alt.len() - 1].to_string()
        })
        .collect()
}

/// Every string literal that follows one of `prefixes` in `text`.
fn literals_after(text: &str, prefixes: &[&str]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for prefix in prefixes {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            if let Some(end) = rest.find('\'') {
                found.insert(rest[..end].to_string());
            }
        }
    }
    found
}

#[test]
fn the_typescript_reason_union_is_the_rust_enum() {
    assert_eq!(
        typescript_union("Reason"),
        set(Reason::ALL.map(Reason::code))
    );
}

#[test]
fn the_typescript_error_code_union_is_the_rust_enum() {
    assert_eq!(
        typescript_union("ErrorCode"),
        set(ErrorCode::ALL.map(ErrorCode::code))
    );
}

#[test]
fn the_worker_error_code_union_adds_the_rust_enums_worker_codes() {
    assert_eq!(
        union_in("js/worker.d.ts", "WorkerErrorCode", &["ErrorCode"]),
        set(ErrorCode::WORKER_ONLY.map(ErrorCode::code))
    );
}

#[test]
fn the_typescript_extraction_union_is_the_rust_enum() {
    assert_eq!(
        typescript_union("Extraction"),
        set(Extraction::ALL.map(Extraction::code))
    );
}

#[test]
fn the_typescript_input_kind_union_is_the_rust_enum() {
    assert_eq!(
        typescript_union("InputKind"),
        set(InputKind::ALL.map(InputKind::code))
    );
}

#[test]
fn the_typescript_metadata_source_union_is_the_rust_enum() {
    assert_eq!(
        typescript_union("MetaSource"),
        set(MetaSource::ALL.map(MetaSource::code))
    );
}

#[test]
fn the_typescript_block_kind_union_is_the_rust_enum() {
    assert_eq!(
        typescript_union("BlockKind"),
        set(BlockKind::ALL.map(BlockKind::code))
    );
}

#[test]
fn the_page_describes_every_reason_and_no_other() {
    let page = read("www/lib/reasons.js");
    let start = page.find("const reasons = {").expect("const reasons");
    let table = &page[start..start + page[start..].find("\n};").unwrap()];
    let keys: BTreeSet<String> = table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (key, _) = line.trim().split_once(": [")?;
            Some(key.trim_matches('\'').to_string())
        })
        .collect();
    assert_eq!(keys, set(Reason::ALL.map(Reason::code)));
}

#[test]
fn the_javascript_wrappers_throw_only_codes_of_the_rust_enum() {
    let all = set(ErrorCode::ALL
        .into_iter()
        .chain(ErrorCode::WORKER_ONLY)
        .map(ErrorCode::code));
    for file in [
        "js/wrap.mjs",
        "js/worker.mjs",
        "js/worker-entry.mjs",
        "js/web.mjs",
    ] {
        let source = read(file);
        let thrown = literals_after(
            &source,
            &["failure('", ".code = '", "code ?? '", "e.code : '"],
        );
        assert!(
            !thrown.is_empty() || file == "js/web.mjs",
            "{file}: no codes found"
        );
        let unknown: Vec<_> = thrown.difference(&all).collect();
        assert!(unknown.is_empty(), "{file} throws {unknown:?}");
    }
}

#[test]
fn the_readme_names_every_error_code_reason_and_extraction() {
    let readme = read("README.md");
    let codes = ErrorCode::ALL
        .into_iter()
        .chain(ErrorCode::WORKER_ONLY)
        .map(ErrorCode::code)
        .chain(Reason::ALL.map(Reason::code))
        .chain(Extraction::ALL.map(Extraction::code));
    let missing: Vec<_> = codes
        .filter(|c| !readme.contains(&format!("`{c}`")))
        .collect();
    assert!(missing.is_empty(), "README.md does not name {missing:?}");
}
