//! The JavaScript API: a thin shell over the Rust one. Everything crosses
//! the boundary as strings — the input, options and articles as JSON —
//! which `js/wrap.mjs` turns into objects (one `JSON.parse` is cheaper than
//! building the objects field by field from here). Errors are `Error`
//! objects with a stable `code`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::json::{self, Value};
use crate::{Images, InputKind, Options, RenderOptions};

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

fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"code".into(), &code.into());
    e.into()
}

fn option_error(message: String) -> JsValue {
    error("invalid-option", &message)
}

/// The fields of an options object given as JSON (empty for none), each
/// checked to be one of `names`.
fn option_fields(json: &str, names: &[&str]) -> Result<Vec<(String, Value)>, JsValue> {
    if json.is_empty() {
        return Ok(Vec::new());
    }
    let Ok(Value::Object(fields)) = json::parse(json) else {
        return Err(option_error(format!(
            "options must be an object with {}",
            names.join(", ")
        )));
    };
    if let Some((key, _)) = fields.iter().find(|(k, _)| !names.contains(&k.as_str())) {
        return Err(option_error(format!(
            "unknown option {key:?} (options are {})",
            names.join(", ")
        )));
    }
    Ok(fields)
}

fn options(json: &str) -> Result<Options, JsValue> {
    let mut options = Options::default();
    for (key, value) in option_fields(json, &["input", "baseUrl", "maxInputBytes"])? {
        match (key.as_str(), value) {
            (_, Value::Null) => {}
            ("input", v) => {
                options.input = v.as_str().and_then(InputKind::from_code).ok_or_else(|| {
                    option_error(format!(
                        "input must be \"auto\", \"html\" or \"text\", not {}",
                        shown(&v)
                    ))
                })?;
            }
            ("baseUrl", Value::String(url)) => options.base_url = Some(url),
            ("baseUrl", v) => {
                return Err(option_error(format!(
                    "baseUrl must be the page's address as a string, not {}",
                    shown(&v)
                )))
            }
            (_, v) => {
                options.max_input_bytes = v
                    .as_u64()
                    .filter(|&n| n > 0)
                    .map(|n| n.min(usize::MAX as u64) as usize)
                    .ok_or_else(|| {
                        option_error(format!(
                            "maxInputBytes must be a whole number of bytes above 0, not {}",
                            shown(&v)
                        ))
                    })?;
            }
        }
    }
    Ok(options)
}

fn render_options(json: &str) -> Result<RenderOptions, JsValue> {
    let mut options = RenderOptions::default();
    for (_, value) in option_fields(json, &["images"])? {
        if !value.is_null() {
            options.images = value.as_str().and_then(Images::parse).ok_or_else(|| {
                option_error(format!(
                    "images must be \"placeholder\", \"keep\" or \"drop\", not {}",
                    shown(&value)
                ))
            })?;
        }
    }
    Ok(options)
}

/// A value as the message about it shows it.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        Value::Number(n) => n.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Cleans `input`; returns the article as JSON.
#[wasm_bindgen(js_name = clean, skip_typescript)]
pub fn clean(input: &str, options_json: &str) -> Result<String, JsValue> {
    let options = options(options_json)?;
    let article = crate::clean(input, &options).map_err(|e| error(e.code(), &e.to_string()))?;
    Ok(crate::article::json::to_json(&article, false))
}

/// Renders an article given as JSON (as `clean` returned it, possibly
/// edited) as `text`, `markdown`, `html` or `json`.
#[wasm_bindgen(js_name = render, skip_typescript)]
pub fn render(article_json: &str, format: &str, options_json: &str) -> Result<String, JsValue> {
    let format = crate::Format::parse(format).ok_or_else(|| {
        option_error(format!(
            "format must be \"text\", \"markdown\", \"html\" or \"json\", not {format:?}"
        ))
    })?;
    let options = render_options(options_json)?;
    let article = crate::article::json::from_json(article_json)
        .map_err(|e| error("invalid-article", &format!("not an article: {e}")))?;
    Ok(crate::render_with(&article, format, &options))
}

#[wasm_bindgen(js_name = isProbablyArticle, skip_typescript)]
pub fn is_probably_article(input: &str, options_json: &str) -> Result<f32, JsValue> {
    Ok(crate::is_probably_article(input, &options(options_json)?))
}

/// A list of codes as JSON: `[{code, description, metadata?}]`.
fn codes<'a>(all: impl Iterator<Item = (&'a str, &'a str, bool)>) -> String {
    let mut w = json::Writer::compact();
    w.begin_array();
    for (code, description, metadata) in all {
        w.item();
        w.begin_object();
        w.key("code");
        w.string(code);
        w.key("description");
        w.string(description);
        if metadata {
            w.key("metadata");
            w.bool(true);
        }
        w.end_object();
    }
    w.end_array();
    w.out
}

/// Every reason code a removed block can carry, with its description, and
/// whether it moves the block into the metadata.
#[wasm_bindgen(js_name = reasons, skip_typescript)]
pub fn reasons() -> String {
    codes(
        crate::Reason::ALL
            .iter()
            .map(|r| (r.code(), r.describe(), r.is_metadata())),
    )
}

/// Every source a metadata field can name, with its description.
#[wasm_bindgen(js_name = metadataSources, skip_typescript)]
pub fn metadata_sources() -> String {
    codes(
        crate::MetaSource::ALL
            .iter()
            .map(|s| (s.code(), s.describe(), false)),
    )
}

#[cfg(feature = "npx")]
#[wasm_bindgen]
extern "C" {
    /// What `bin/article-cleaner.mjs` gives the command-line tool: Node's
    /// files, standard streams, zlib and `TextDecoder`.
    pub type JsHost;
    #[wasm_bindgen(method, catch, js_name = readFile)]
    fn read_file(this: &JsHost, path: &str) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = readStdin)]
    fn read_stdin(this: &JsHost) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method, js_name = stdinIsTerminal)]
    fn stdin_is_terminal(this: &JsHost) -> bool;
    #[wasm_bindgen(method, catch)]
    fn gunzip(this: &JsHost, bytes: &[u8]) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method)]
    fn decode(this: &JsHost, bytes: &[u8], label: &str) -> Option<String>;
    #[wasm_bindgen(method)]
    fn stdout(this: &JsHost, s: &str) -> bool;
    #[wasm_bindgen(method)]
    fn stderr(this: &JsHost, s: &str);
}

#[cfg(feature = "npx")]
struct Bridge(JsHost);

/// A thrown JavaScript error's message.
#[cfg(feature = "npx")]
fn message(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| "unknown error".into())
}

#[cfg(feature = "npx")]
impl crate::cli::Host for Bridge {
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, String> {
        self.0.read_file(path).map_err(message)
    }
    fn read_stdin(&mut self) -> Result<Vec<u8>, String> {
        self.0.read_stdin().map_err(message)
    }
    fn stdin_is_terminal(&self) -> bool {
        self.0.stdin_is_terminal()
    }
    fn gunzip(&self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        self.0.gunzip(bytes).map_err(message)
    }
    fn decode(&self, bytes: &[u8], label: &str) -> Option<String> {
        self.0.decode(bytes, label)
    }
    fn stdout(&mut self, s: &str) -> bool {
        self.0.stdout(s)
    }
    fn stderr(&mut self, s: &str) {
        self.0.stderr(s)
    }
}

/// The command-line tool (`npx article-cleaner`): its exit status.
#[cfg(feature = "npx")]
#[wasm_bindgen(js_name = run, skip_typescript)]
pub fn run(args: Vec<String>, host: JsHost) -> u8 {
    crate::cli::run(&args, &mut Bridge(host))
}
