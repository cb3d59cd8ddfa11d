//! Runs one stage of the cleaner over every page of a corpus, for timing
//! and for instruction counts under callgrind:
//!
//!     profile floor|clean|json CORPUS html|clip|text [--reps N]
//!
//! `floor` is what any cleaner must do (article_cleaner_dev::floor, which
//! `npm run bench` times beside our clean): html5ever's parse into its own
//! tree, then a walk over the text (for text input, a walk over the lines).
//! `clean` is `article_cleaner::clean`; `json` adds the JSON output. Inputs
//! are read and decompressed before the clock starts. Prints the total and
//! the median page in milliseconds.

use std::io::Read;
use std::path::Path;
use std::time::Instant;

use article_cleaner::{clean, render_json, InputKind, Options};
use article_cleaner_dev::floor::floor;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (op, corpus, kind) = match &args[..] {
        [op, corpus, kind, ..] => (op.as_str(), Path::new(corpus), kind.as_str()),
        _ => fail("usage: profile floor|clean|json CORPUS html|clip|text [--reps N]"),
    };
    let reps: usize = args
        .iter()
        .position(|a| a == "--reps")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(1);
    let (suffix, input) = match kind {
        "html" => ("html.gz", InputKind::Html),
        "clip" => ("clip.html.gz", InputKind::Html),
        "text" => ("txt.gz", InputKind::Text),
        other => fail(&format!("html, clip or text, not {other}")),
    };
    let pages = load(corpus, suffix);
    let options = Options {
        input,
        ..Options::default()
    };
    let mut times = Vec::new();
    let mut sink = 0usize;
    for _ in 0..reps {
        for page in &pages {
            let started = Instant::now();
            sink += match op {
                "floor" => floor(page, input == InputKind::Html),
                "clean" => clean(page, &options).map_or(0, |a| a.blocks.len()),
                "json" => clean(page, &options).map_or(0, |a| render_json(&a).len()),
                other => fail(&format!("floor, clean or json, not {other}")),
            };
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let total: f64 = times.iter().sum();
    times.sort_by(f64::total_cmp);
    println!(
        "{op} {kind}: {} pages x {reps}, total {total:.1} ms, median {:.3} ms ({sink})",
        pages.len(),
        times[times.len() / 2]
    );
}

fn load(dir: &Path, suffix: &str) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let id = name.strip_suffix(&format!(".{suffix}"))?;
            (!id.contains('.')).then(|| id.to_string())
        })
        .collect();
    ids.sort();
    ids.iter()
        .map(|id| {
            let file = std::fs::File::open(dir.join(format!("{id}.{suffix}"))).unwrap();
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .unwrap();
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect()
}

fn fail(message: &str) -> ! {
    eprintln!("profile: {message}");
    std::process::exit(2)
}
