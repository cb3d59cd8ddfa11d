//! The pipeline runs one way: input -> blocks -> features -> classify ->
//! article -> output, over leaf modules every stage may use (codes, text,
//! the DOM, inline spans, word lists). A module may name only modules of a
//! lower layer or its own; a name pointing up the pipeline is a decision
//! made in the wrong place. The shells (lib.rs's `clean`, the CLI, wasm)
//! sit on top and may use everything.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Every module under `src/` and its layer; a module not listed fails the
/// test, so a new one has to be placed.
const LAYERS: &[(&str, u8)] = &[
    // Leaves: shared types and data, no pipeline stage.
    ("codes", 0),
    ("text", 0),
    ("url", 0),
    ("json", 0),
    ("inline", 0),
    ("error", 1),
    ("lexicon", 1),
    ("budget", 2),
    ("patterns", 2),
    ("dom", 3),
    ("blocks", 4),
    // The stages, in the order they run.
    ("input", 5),
    ("features", 6),
    ("classify", 7),
    ("article", 8),
    ("output", 9),
    // Shells.
    ("cli", SHELL),
    ("wasm", SHELL),
];

const SHELL: u8 = 10;

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `src/input/html.rs`
/// is `input`, `src/dom.rs` is `dom`; `None` for the crate root and
/// `main.rs`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// The modules a file's code names as `crate::NAME`, outside comments and
/// `#[cfg(test)]` modules (a test may build its input with an earlier
/// stage), with the line each is named on.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_tests = false;
    for (n, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            in_tests = true;
        }
        if in_tests || trimmed.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((n + 1, name));
        }
        if let Some(list) = line.split("use crate::{").nth(1) {
            for name in list.split(',') {
                let name: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.push((n + 1, name));
            }
        }
    }
    out
}

#[test]
fn no_module_names_a_module_later_in_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 20, "read {} files of src/", files.len());
    let mut violations = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let Some(own) = layer(&module) else {
            violations.push(format!(
                "{}: module `{module}` has no layer in tests/architecture.rs",
                file.display()
            ));
            continue;
        };
        let code = std::fs::read_to_string(file).unwrap();
        for (line, name) in crate_paths(&code) {
            if name == module {
                continue;
            }
            // A name that is no module is an item of the crate root: the
            // shell.
            let target = layer(&name).unwrap_or(u8::MAX);
            if target >= own && own < SHELL {
                violations.push(format!(
                    "{}:{line}: `{module}` (layer {own}) names `crate::{name}`",
                    file.display()
                ));
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}
