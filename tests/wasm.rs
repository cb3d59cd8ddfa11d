//! The JavaScript boundary, run in Node by wasm-bindgen-test-runner:
//! `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use article_cleaner::wasm;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const SEED: &str = include_str!("fixtures/heute-kasachstan/input.txt");
const SEED_EXPECTED: &str = include_str!("fixtures/heute-kasachstan/expected.txt");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn error_code(e: JsValue) -> String {
    assert!(
        e.is_instance_of::<js_sys::Error>(),
        "errors are Error objects"
    );
    get(&e, "code").as_string().unwrap()
}

#[wasm_bindgen_test]
fn clean_returns_a_plain_object_with_the_seed_article() {
    let article = wasm::clean(SEED, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&article, "title").as_string().unwrap(),
        "100.000 Russen fliehen vor Putin nach Kasachstan"
    );
    assert_eq!(get(&article, "inputKind").as_string().unwrap(), "text");
    assert!(js_sys::Array::is_array(&get(&article, "removed")));
    // Absent metadata is null, not undefined, so JSON.stringify keeps it.
    assert!(get(&article, "published").is_null());
}

#[wasm_bindgen_test]
fn render_takes_the_returned_object_back() {
    let article = wasm::clean(SEED, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        wasm::render(article, "text", JsValue::UNDEFINED).unwrap(),
        SEED_EXPECTED
    );
}

#[wasm_bindgen_test]
fn options_are_read_from_a_plain_object() {
    let article = wasm::clean("<p>x</p>", options(&[("input", "text".into())])).unwrap();
    assert_eq!(get(&article, "inputKind").as_string().unwrap(), "text");
}

#[wasm_bindgen_test]
fn a_misspelt_option_is_an_error() {
    let e = wasm::clean("x", options(&[("baseURL", "https://x/".into())])).unwrap_err();
    assert_eq!(error_code(e), "invalid-option");
}

#[wasm_bindgen_test]
fn too_large_input_throws_input_too_large() {
    let e = wasm::clean("0123456789", options(&[("maxInputBytes", 4.into())])).unwrap_err();
    assert_eq!(error_code(e), "input-too-large");
}

#[wasm_bindgen_test]
fn binary_input_throws_not_text() {
    let e = wasm::clean("PK\u{3}\u{4}\0\0\0junk", JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_code(e), "not-text");
}

#[wasm_bindgen_test]
fn an_unknown_format_is_an_error() {
    let article = wasm::clean(SEED, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        error_code(wasm::render(article, "pdf", JsValue::UNDEFINED).unwrap_err()),
        "invalid-option"
    );
}

#[wasm_bindgen_test]
fn a_non_article_object_is_an_error() {
    let e = wasm::render(Object::new().into(), "text", JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_code(e), "invalid-article");
}
