//! The command-line tool as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SEED: &str = "tests/fixtures/heute-kasachstan/input.txt";

fn cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-cleaner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

#[test]
fn prints_the_seed_article_as_expected_txt() {
    let out = cli(&["--format", "text", SEED], None);
    assert!(out.status.success());
    let expected = std::fs::read_to_string("tests/fixtures/heute-kasachstan/expected.txt").unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn reads_standard_input_when_no_file_is_given() {
    let input = std::fs::read(SEED).unwrap();
    let out = cli(&[], Some(&input));
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("100.000 Russen"));
}

#[test]
fn explain_lists_removed_blocks_with_reasons_on_stderr() {
    let out = cli(&["--explain", SEED], None);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.lines()
            .any(|l| l.contains("gallery") && l.contains("1/4")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains("photo-credit") && l.contains("REUTERS")),
        "{err}"
    );
}

#[test]
fn explain_names_where_each_metadata_field_was_found() {
    // The pasted page: its headline, the byline line under it, the section
    // label above it; the language from its words.
    let out = cli(&["--explain", SEED], None);
    let err = String::from_utf8(out.stderr).unwrap();
    for want in [
        "title      heading        100.000 Russen fliehen vor Putin nach Kasachstan",
        "byline     byline         Roman Palman",
        "section    section-label  Ukraine",
        "lang       detected       de",
    ] {
        assert!(err.lines().any(|l| l == want), "{want:?} not in\n{err}");
    }
}

const PARAGRAPH: &str = "The council met on Tuesday evening and voted to keep the harbour \
    baths open through the winter, after a petition signed by more than two thousand residents \
    asked it to reconsider the closure it had planned for the autumn.";

#[test]
fn an_undeclared_legacy_file_is_read_as_windows_1252_and_says_so() {
    let mut input =
        b"Caf\xe9 society\n\nThe caf\xe9 by the harbour reopened on Monday.\n\n".to_vec();
    input.extend_from_slice(format!("{PARAGRAPH}\n\n{PARAGRAPH}\n").as_bytes());
    let out = cli(&[], Some(&input));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("The café by the harbour"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "article-cleaner: standard input is not UTF-8 and declares no charset: read as windows-1252\n"
    );
}

#[test]
fn a_declared_charset_decides_how_the_page_is_read() {
    let page = |meta: &str| {
        let mut b = format!("<html><head>{meta}<title>Baths</title></head><body><h1>Baths</h1><p>")
            .into_bytes();
        b.extend_from_slice(b"\x93Open all winter,\x94 said the mayor. ");
        b.extend_from_slice(PARAGRAPH.as_bytes());
        b.extend_from_slice(b"</p></body></html>");
        b
    };
    for meta in [
        "<meta charset=\"windows-1252\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
    ] {
        let out = cli(&[], Some(&page(meta)));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("“Open all winter,” said the mayor."),
            "{meta}: {text}"
        );
        assert!(out.stderr.is_empty(), "{meta}");
    }
}

#[test]
fn a_gzipped_page_is_unpacked() {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("article-cleaner-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("seed.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&std::fs::read(SEED).unwrap()).unwrap();
    std::fs::write(&file, gz.finish().unwrap()).unwrap();
    let out = cli(&[file.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success());
    let expected = std::fs::read_to_string("tests/fixtures/heute-kasachstan/expected.txt").unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn a_picture_is_named_as_one_with_status_2() {
    let out = cli(&[], Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "article-cleaner: standard input is a PNG image, not a web page or text: nothing to clean\n"
    );
}

#[test]
fn a_nul_byte_inside_a_page_does_not_make_it_binary() {
    let page = format!("<html><body><h1>Baths</h1><p>{PARAGRAPH}\0</p></body></html>");
    let out = cli(&[], Some(page.as_bytes()));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains(PARAGRAPH));
}

#[test]
fn a_missing_file_is_an_error_with_status_2() {
    let out = cli(&["no/such/file.html"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("cannot read no/such/file.html"));
}

#[test]
fn empty_input_says_no_article_with_status_1() {
    let out = cli(&[], Some(b"  \n\t\n"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no article found"));
}

#[test]
fn unknown_options_are_refused_with_status_2() {
    let out = cli(&["--colour"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("unknown option --colour"));
}

#[test]
fn json_output_parses_and_names_the_reasons() {
    let out = cli(&["--format", "json", SEED], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["byline"], "Roman Palman");
    assert!(v["removed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["reason"] == "photo-credit"));
}

#[test]
fn html_output_is_a_complete_document() {
    let out = cli(&["--format", "html", SEED], None);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<h1>100.000 Russen fliehen vor Putin nach Kasachstan</h1>"));
}

#[test]
fn help_shows_usage() {
    let out = cli(&["--help"], None);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Usage: article-cleaner"));
}
