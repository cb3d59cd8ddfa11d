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
fn non_utf8_input_is_a_one_line_error_with_status_2() {
    let out = cli(&[], Some(b"caf\xe9 au lait"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not UTF-8"));
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
