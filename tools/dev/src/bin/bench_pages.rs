//! The native build's side of `npm run bench` (bench/bench.mjs builds and
//! runs it); prints JSON on standard output.
//!
//!     bench_pages pages MANIFEST.json
//!         Times `clean` and the floor (article_cleaner_dev::floor: a bare
//!         html5ever parse and a walk over the text) on every input the
//!         manifest lists, interleaved with the same protocol as the
//!         JavaScript engines (bench/speed/measure.mjs, measureInterleaved):
//!         the first few inputs once to warm up, then per input one untimed
//!         call of each and `reps` rounds of one timed call of each, clean
//!         first on even inputs and the floor first on odd ones, so that
//!         both see the same machine state. Prints {"times": [[ms, ...] or
//!         null, ...], "floor": [...], "failures": [...]}: null for an
//!         input that failed, which "failures" names.
//!     bench_pages once html|text FILE
//!         Cleans FILE twice, the first call untimed, like measure() with
//!         one repetition. Prints {"ms": …, "peakRssBytes": …}.
//!     bench_pages synthetic html|text BYTES OUT
//!         Writes a synthetic page (tools/testkit/src/synthetic.rs) of about
//!         BYTES to OUT. Prints {"bytes": …}, its exact size.

use std::hint::black_box;
use std::io::Read;
use std::time::Instant;

use article_cleaner::{clean, InputKind, Options};
use article_cleaner_dev::floor::floor;
use serde::Deserialize;

use article_cleaner_testkit::synthetic;

/// Written by bench/speed/pages.mjs.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    reps: usize,
    warm_up: usize,
    items: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    id: String,
    kind: String,
    file: String,
    input: String,
    base_url: Option<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args[..] {
        ["pages", manifest] => pages(manifest),
        ["once", kind, file] => once(input_kind(kind), file),
        ["synthetic", kind, bytes, out] => {
            let kind = match kind {
                "html" => synthetic::Kind::Html,
                "text" => synthetic::Kind::Text,
                other => fail(&format!("synthetic html or text, not {other}")),
            };
            let bytes = bytes
                .parse()
                .unwrap_or_else(|_| fail(&format!("a byte count, not {bytes}")));
            let page = synthetic::page(kind, bytes);
            std::fs::write(out, &page).unwrap_or_else(|e| fail(&format!("{out}: {e}")));
            println!("{}", serde_json::json!({ "bytes": page.len() }));
        }
        _ => fail(
            "usage: bench_pages pages MANIFEST | once html|text FILE | synthetic html|text BYTES OUT",
        ),
    }
}

fn pages(manifest: &str) {
    let manifest: Manifest =
        serde_json::from_str(&read(manifest)).unwrap_or_else(|e| fail(&format!("{manifest}: {e}")));
    let inputs: Vec<(String, Options)> = manifest
        .items
        .iter()
        .map(|item| {
            let options = Options {
                input: input_kind(&item.input),
                base_url: item.base_url.clone(),
                ..Options::default()
            };
            (read(&item.file), options)
        })
        .collect();
    let floor_of = |text: &str, options: &Options| {
        black_box(floor(black_box(text), options.input == InputKind::Html));
        Ok(())
    };
    for (text, options) in inputs.iter().take(manifest.warm_up) {
        // A failing input is recorded below, when it is measured.
        let _ = attempt(text, options);
        let _ = floor_of(text, options);
    }
    let mut failures = Vec::new();
    let mut times = Vec::new();
    let mut floors = Vec::new();
    for (i, ((text, options), item)) in inputs.iter().zip(&manifest.items).enumerate() {
        let timed = interleaved(
            [&|| attempt(text, options), &|| floor_of(text, options)],
            manifest.reps,
            i % 2 == 1,
        );
        match timed {
            Ok([clean_times, floor_times]) => {
                times.push(Some(clean_times));
                floors.push(Some(floor_times));
            }
            Err(message) => {
                failures.push(serde_json::json!({
                    "id": item.id, "kind": item.kind, "message": message,
                }));
                times.push(None);
                floors.push(None);
            }
        }
    }
    println!(
        "{}",
        serde_json::json!({ "times": times, "floor": floors, "failures": failures })
    );
}

/// One timed operation on an input: `clean`, or the floor.
type Call<'a> = &'a dyn Fn() -> Result<(), String>;

/// Two calls on one input, interleaved (measureInterleaved in
/// bench/speed/measure.mjs): one untimed call of each, then `reps` rounds
/// of one timed call of each, in order, or the second first when `flip`.
/// The times in milliseconds, per call; the first error of either ends it.
fn interleaved(calls: [Call; 2], reps: usize, flip: bool) -> Result<[Vec<f64>; 2], String> {
    for call in calls {
        call()?;
    }
    let order = if flip { [1, 0] } else { [0, 1] };
    let mut times = [Vec::with_capacity(reps), Vec::with_capacity(reps)];
    for _ in 0..reps {
        for i in order {
            let started = Instant::now();
            calls[i]()?;
            times[i].push(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    Ok(times)
}

/// One call of `clean`; an error or a panic (the library's bug, which the
/// bench reports rather than dies of) as its message.
fn attempt(text: &str, options: &Options) -> Result<(), String> {
    match std::panic::catch_unwind(|| clean(black_box(text), options)) {
        Ok(Ok(article)) => {
            black_box(article);
            Ok(())
        }
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panicked".to_string())),
    }
}

fn once(input: InputKind, file: &str) {
    let options = Options {
        input,
        ..Options::default()
    };
    let text = read(file);
    let call = || {
        black_box(clean(black_box(&text), &options).unwrap_or_else(|e| fail(&e.to_string())));
    };
    call();
    let started = Instant::now();
    call();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{}",
        serde_json::json!({ "ms": ms, "peakRssBytes": peak_rss_bytes() })
    );
}

/// The process's peak resident set (VmHWM), Linux only; null elsewhere.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn input_kind(name: &str) -> InputKind {
    match name {
        "html" => InputKind::Html,
        "text" => InputKind::Text,
        other => fail(&format!("input html or text, not {other}")),
    }
}

/// A file's text, gunzipped when its name ends in .gz.
fn read(path: &str) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    if !path.ends_with(".gz") {
        return String::from_utf8(bytes).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    }
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    text
}

fn fail(message: &str) -> ! {
    eprintln!("bench_pages: {message}");
    std::process::exit(2);
}
