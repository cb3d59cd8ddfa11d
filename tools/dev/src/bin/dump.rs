//! Writes the JSON output for every input of the given corpora, for
//! comparing two builds: dump CORPUS... --out DIR
use std::io::Read;
use std::path::{Path, PathBuf};

use article_cleaner::{clean, render_json, InputKind, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dirs = Vec::new();
    let mut out = PathBuf::from("/tmp/dump");
    while let Some(a) = args.next() {
        if a == "--out" {
            out = PathBuf::from(args.next().unwrap());
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let index = if dir.join("truth.jsonl").exists() {
            "truth.jsonl"
        } else {
            "cases.jsonl"
        };
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
                let json = match clean(&text, &options) {
                    Ok(a) => render_json(&a),
                    Err(e) => format!("error: {e}"),
                };
                let d = out.join(&name).join(kind);
                std::fs::create_dir_all(&d).unwrap();
                std::fs::write(d.join(format!("{id}.json")), json).unwrap();
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
