//! Writes what the cleaner makes of every input of the given corpora, for
//! comparing two builds page by page:
//!
//!     cargo dump CORPUS... --out DIR
//!
//! For each page and input kind (html, clip, text), `DIR/CORPUS/KIND/ID`
//! `.txt` (text output), `.html` (HTML output, pictures kept) and `.json`.
//! `diff -r` two such folders to see what a change did.

use std::io::Read;
use std::path::{Path, PathBuf};

use article_cleaner::{
    clean, render_json, render_text, render_with, Format, Images, InputKind, Options, RenderOptions,
};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dirs = Vec::new();
    let mut out = None;
    while let Some(a) = args.next() {
        if a == "--out" {
            out = args.next().map(PathBuf::from);
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    let Some(out) = out.filter(|_| !dirs.is_empty()) else {
        eprintln!("usage: dump CORPUS... --out DIR");
        std::process::exit(2);
    };
    let keep = RenderOptions {
        images: Images::Keep,
    };
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let index = ["truth.jsonl", "cases.jsonl"]
            .into_iter()
            .find(|f| dir.join(f).exists())
            .expect("a corpus has truth.jsonl or cases.jsonl");
        let lines = std::fs::read_to_string(dir.join(index)).unwrap();
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap();
            let url = v["url"]
                .as_str()
                .filter(|u| !u.is_empty())
                .map(str::to_string);
            for (kind, suffix, input, base) in [
                ("html", "html.gz", InputKind::Html, url.clone()),
                ("clip", "clip.html.gz", InputKind::Html, None),
                ("text", "txt.gz", InputKind::Text, None),
            ] {
                let text = gunzip(&dir.join(format!("{id}.{suffix}")));
                let options = Options {
                    input,
                    base_url: base,
                    ..Options::default()
                };
                let d = out.join(&name).join(kind);
                std::fs::create_dir_all(&d).unwrap();
                let write = |ext: &str, s: &str| {
                    std::fs::write(d.join(format!("{id}.{ext}")), s).unwrap();
                };
                match clean(&text, &options) {
                    Ok(a) => {
                        write("txt", &render_text(&a));
                        write("html", &render_with(&a, Format::Html, &keep));
                        write("json", &render_json(&a));
                    }
                    Err(e) => write("txt", &format!("error: {e}")),
                }
            }
        }
    }
}

fn gunzip(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}
