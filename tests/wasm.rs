//! The JavaScript boundary, run in Node by wasm-bindgen-test-runner:
//! `cargo test --target wasm32-unknown-unknown`. Inputs, options and
//! articles cross it as strings (JSON for options and articles); errors as
//! `Error` objects with a `code`.
#![cfg(target_arch = "wasm32")]

use article_cleaner::wasm;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const SEED: &str = include_str!("fixtures/heute-kasachstan/input.txt");
const SEED_EXPECTED: &str = include_str!("fixtures/heute-kasachstan/expected.txt");

fn error(e: JsValue) -> (String, String) {
    assert!(
        e.is_instance_of::<js_sys::Error>(),
        "errors are Error objects"
    );
    let get = |key: &str| Reflect::get(&e, &key.into()).unwrap().as_string().unwrap();
    (get("code"), get("message"))
}

#[wasm_bindgen_test]
fn clean_returns_the_seed_article_as_json() {
    let json = wasm::clean(SEED, "").unwrap();
    let article = js_sys::JSON::parse(&json).unwrap();
    let get = |key: &str| Reflect::get(&article, &key.into()).unwrap();
    assert_eq!(
        get("title").as_string().unwrap(),
        "100.000 Russen fliehen vor Putin nach Kasachstan"
    );
    assert_eq!(get("inputKind").as_string().unwrap(), "text");
    assert!(js_sys::Array::is_array(&get("removed")));
    // Absent metadata is null, not undefined, so JSON.stringify keeps it.
    assert!(get("published").is_null());
}

#[wasm_bindgen_test]
fn render_takes_the_returned_article_back() {
    let json = wasm::clean(SEED, "").unwrap();
    assert_eq!(wasm::render(&json, "text", "").unwrap(), SEED_EXPECTED);
}

#[wasm_bindgen_test]
fn options_are_read_from_json() {
    let json = wasm::clean("<p>x</p>", r#"{"input":"text"}"#).unwrap();
    assert!(json.contains(r#""inputKind":"text""#), "{json}");
}

#[wasm_bindgen_test]
fn a_misspelt_option_is_an_error_naming_the_options() {
    let (code, message) = error(wasm::clean("x", r#"{"baseURL":"https://x/"}"#).unwrap_err());
    assert_eq!(code, "invalid-option");
    assert_eq!(
        message,
        "unknown option \"baseURL\" (options are input, baseUrl, maxInputBytes, maxMemoryBytes)"
    );
}

#[wasm_bindgen_test]
fn a_size_option_below_one_byte_is_an_error_naming_it_and_what_it_takes() {
    let (code, message) = error(wasm::clean("x", r#"{"maxMemoryBytes":-1}"#).unwrap_err());
    assert_eq!(code, "invalid-option");
    assert_eq!(
        message,
        "maxMemoryBytes must be a whole number of bytes above 0, not -1"
    );
}

#[wasm_bindgen_test]
fn a_memory_budget_too_small_for_the_input_throws_input_too_complex() {
    let (code, _) = error(wasm::clean("<p>x</p>", r#"{"maxMemoryBytes":100}"#).unwrap_err());
    assert_eq!(code, "input-too-complex");
}

#[wasm_bindgen_test]
fn a_wrong_option_value_is_a_one_line_error_naming_the_values() {
    let (code, message) = error(wasm::clean("x", r#"{"input":"xml"}"#).unwrap_err());
    assert_eq!(code, "invalid-option");
    assert_eq!(
        message,
        "input must be \"auto\", \"html\" or \"text\", not \"xml\""
    );
}

#[wasm_bindgen_test]
fn too_large_input_throws_input_too_large() {
    let (code, _) = error(wasm::clean("0123456789", r#"{"maxInputBytes":4}"#).unwrap_err());
    assert_eq!(code, "input-too-large");
}

#[wasm_bindgen_test]
fn binary_input_throws_not_text() {
    let junk: String = (0..200).map(|i| char::from(1 + (i % 8) as u8)).collect();
    let (code, _) = error(wasm::clean(&junk, "").unwrap_err());
    assert_eq!(code, "not-text");
}

#[wasm_bindgen_test]
fn an_unknown_format_is_an_error() {
    let json = wasm::clean(SEED, "").unwrap();
    let (code, message) = error(wasm::render(&json, "pdf", "").unwrap_err());
    assert_eq!(code, "invalid-option");
    assert!(message.contains("\"markdown\""), "{message}");
}

#[wasm_bindgen_test]
fn something_that_is_not_an_article_is_an_error_saying_why() {
    let (code, message) = error(wasm::render("{}", "text", "").unwrap_err());
    assert_eq!(code, "invalid-article");
    assert_eq!(
        message,
        "not an article: blocks: missing (an article has a list of blocks)"
    );
}

#[wasm_bindgen_test]
fn the_codes_are_listed_with_their_descriptions() {
    let reasons = js_sys::JSON::parse(&wasm::reasons()).unwrap();
    let first = js_sys::Array::from(&reasons).get(0);
    assert_eq!(
        Reflect::get(&first, &"code".into())
            .unwrap()
            .as_string()
            .unwrap(),
        "navigation"
    );
}
