//! The JavaScript API: a thin shell over the Rust one. Options and articles
//! cross the boundary as plain objects (serde); errors as `Error` objects
//! with a stable `code`.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{Article, CleanError, InputKind, Options};

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    // A panic aborts the call as a bare "unreachable" trap; keep its message
    // so the JavaScript wrapper can throw an error that says what happened.
    std::panic::set_hook(Box::new(|info| {
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
        console_error_panic_hook::hook(info);
    }));
}

/// The message of the last panic, for the wrapper's `internal` error.
#[wasm_bindgen(js_name = lastPanic, skip_typescript)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow_mut().take())
}

const OPTION_NAMES: [&str; 3] = ["input", "baseUrl", "maxInputBytes"];

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JsOptions {
    #[serde(default)]
    input: Option<InputKind>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    max_input_bytes: Option<f64>,
}

/// A misspelt option would otherwise be ignored without a word.
fn check_keys(value: &JsValue, names: &[&str]) -> Result<(), JsValue> {
    if let Some(obj) = value.dyn_ref::<js_sys::Object>() {
        for key in js_sys::Object::keys(obj).iter() {
            let key = key.as_string().unwrap_or_default();
            if !names.contains(&key.as_str()) {
                return Err(error(
                    "invalid-option",
                    &format!("unknown option {key:?} (options are {})", names.join(", ")),
                ));
            }
        }
    }
    Ok(())
}

fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"code".into(), &code.into());
    e.into()
}

fn options(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    check_keys(&value, &OPTION_NAMES)?;
    let o: JsOptions = serde_wasm_bindgen::from_value(value)
        .map_err(|e| error("invalid-option", &format!("invalid options: {e}")))?;
    let mut options = Options {
        input: o.input.unwrap_or_default(),
        base_url: o.base_url,
        ..Options::default()
    };
    if let Some(max) = o.max_input_bytes {
        if !(max.is_finite() && max > 0.0) {
            return Err(error(
                "invalid-option",
                "maxInputBytes must be a positive number of bytes",
            ));
        }
        options.max_input_bytes = max.min(usize::MAX as f64) as usize;
    }
    Ok(options)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error("internal", &e.to_string()))
}

fn clean_error(e: CleanError) -> JsValue {
    error(e.code(), &e.to_string())
}

#[wasm_bindgen(js_name = clean, skip_typescript)]
pub fn clean(input: &str, options_value: JsValue) -> Result<JsValue, JsValue> {
    let options = options(options_value)?;
    let article = crate::clean(input, &options).map_err(clean_error)?;
    to_js(&article)
}

fn article_from(value: JsValue) -> Result<Article, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| error("invalid-article", &format!("not an article object: {e}")))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JsRenderOptions {
    #[serde(default)]
    images: Option<String>,
}

fn render_options(value: JsValue) -> Result<crate::RenderOptions, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(crate::RenderOptions::default());
    }
    check_keys(&value, &["images"])?;
    let o: JsRenderOptions = serde_wasm_bindgen::from_value(value).map_err(|_| {
        error(
            "invalid-option",
            "render options are { images: 'placeholder' | 'keep' | 'drop' }",
        )
    })?;
    let images = match o.images.as_deref() {
        None => crate::Images::default(),
        Some(v) => crate::Images::parse(v).ok_or_else(|| {
            error(
                "invalid-option",
                &format!("images: unknown choice {v:?} (placeholder, keep, drop)"),
            )
        })?,
    };
    Ok(crate::RenderOptions { images })
}

/// Renders an article object (as `clean` returned it, possibly edited) as
/// `text`, `markdown`, `html` or `json`.
#[wasm_bindgen(js_name = render, skip_typescript)]
pub fn render(article: JsValue, format: &str, options: JsValue) -> Result<String, JsValue> {
    let format = crate::Format::parse(format).ok_or_else(|| {
        error(
            "invalid-option",
            &format!("unknown format {format:?}: use text, markdown, html or json"),
        )
    })?;
    let options = render_options(options)?;
    Ok(crate::render_with(
        &article_from(article)?,
        format,
        &options,
    ))
}

#[derive(Serialize)]
struct CodeInfo {
    code: &'static str,
    description: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    metadata: bool,
}

/// Every reason code a removed block can carry, with its description, and
/// whether it moves the block into the metadata.
#[wasm_bindgen(js_name = reasons, skip_typescript)]
pub fn reasons() -> Result<JsValue, JsValue> {
    let all: Vec<CodeInfo> = crate::Reason::ALL
        .iter()
        .map(|r| CodeInfo {
            code: r.code(),
            description: r.describe(),
            metadata: r.is_metadata(),
        })
        .collect();
    to_js(&all)
}

/// Every source a metadata field can name, with its description.
#[wasm_bindgen(js_name = metadataSources, skip_typescript)]
pub fn metadata_sources() -> Result<JsValue, JsValue> {
    let all: Vec<CodeInfo> = crate::MetaSource::ALL
        .iter()
        .map(|s| CodeInfo {
            code: s.code(),
            description: s.describe(),
            metadata: false,
        })
        .collect();
    to_js(&all)
}

#[wasm_bindgen(js_name = isProbablyArticle, skip_typescript)]
pub fn is_probably_article(input: &str, options_value: JsValue) -> Result<f32, JsValue> {
    Ok(crate::is_probably_article(input, &options(options_value)?))
}
