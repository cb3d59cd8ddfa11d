//! Shows how the classifier saw every block of one input: its probability
//! after each pass, whether it is in the article's run, and the decision.
//!
//!     cargo inspect [--model FILE] [--input html|text] PAGE[.gz]

use std::io::Read;

use article_cleaner::classify::model::{model, Model, Pass};
use article_cleaner::classify::{probabilities, second_pass};
use article_cleaner::{prepare, InputKind, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut model_file = None;
    let mut kind = InputKind::Auto;
    let mut path = None;
    let mut detail: Option<usize> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model_file = args.next(),
            "--input" => {
                kind = match args.next().as_deref() {
                    Some("html") => InputKind::Html,
                    Some("text") => InputKind::Text,
                    _ => InputKind::Auto,
                }
            }
            "--block" => detail = args.next().and_then(|v| v.parse().ok()),
            _ => path = Some(a),
        }
    }
    let path = path.expect("usage: inspect [--model FILE] [--input html|text] PAGE");
    let bytes = std::fs::read(&path).expect("read input");
    let text = if path.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .expect("gunzip");
        s
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    };
    let loaded;
    let model: &Model = match model_file {
        Some(f) => {
            loaded = Model::parse(&std::fs::read_to_string(f).expect("model file")).expect("model");
            &loaded
        }
        None => model(),
    };
    let options = Options {
        input: kind,
        ..Options::default()
    };
    let prepared = prepare(&text, &options).expect("clean");
    let source = prepared.source();
    println!("anchor (headline's block): {:?}", prepared.page().anchor);
    let p1 = probabilities(model, &prepared.analysis.features, source, Pass::Local);
    let rows = second_pass(model, &prepared.page(), &prepared.analysis);
    let p2 = probabilities(model, &rows, source, Pass::Topic);
    let article = prepared.finish(model);
    let mut reasons = std::collections::HashMap::new();
    for r in &article.removed {
        reasons.insert(r.block.source.index as usize, r.reason.code());
    }
    if let Some(i) = detail {
        // Each feature's contribution to the block's pass-2 logit.
        let w = model.weights(source, Pass::Topic);
        let f = &rows[i];
        let mut parts: Vec<(f32, &str, f32)> = f
            .nonzero()
            .map(|(k, v)| (w.0[k] * v, article_cleaner::features::NAMES[k], v))
            .collect();
        parts.sort_by(|a, b| a.0.abs().total_cmp(&b.0.abs()).reverse());
        println!(
            "block {i}: {:?}",
            prepared.input.blocks[i]
                .text
                .chars()
                .take(120)
                .collect::<String>()
        );
        println!("{:?}", prepared.input.blocks[i].dom());
        println!("{:?}", prepared.analysis.signals[i]);
        for (c, name, v) in parts {
            println!("  {c:+.3}  {name} = {v:.3}");
        }
        return;
    }
    for (i, b) in prepared.input.blocks.iter().enumerate() {
        let verdict = reasons.get(&i).copied().unwrap_or("KEEP");
        let text: String = b
            .text
            .chars()
            .take(90)
            .collect::<String>()
            .replace('\n', " / ");
        println!(
            "{i:>5} {:.2} {:.2} {:<16} {:?} {text}",
            p1[i], p2[i], verdict, b.kind
        );
    }
}
