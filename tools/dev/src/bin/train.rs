//! Learns `data/model.txt` from the dev corpora of `../shared/eval`.
//!
//!     cargo train                 # learn from dev, wide-dev, multilingual-dev
//!     cargo train --cv            # estimate quality on unseen sites instead
//!     cargo train DIR... [--out FILE]
//!     cargo train --score         # score the compiled-in model, train nothing
//!
//! Each page is read three ways (its HTML, the HTML a paste receives, the
//! pasted text). A block is labelled by how much of it the page's true text
//! holds (for a snippet corpus: 1 if it holds a string the article must
//! contain, 0 if one it must not, unlabelled otherwise). Logistic weights
//! are fitted per source (HTML, text) and pass (local, topic), then the
//! sequence stage's thresholds are chosen for the best mean F1 over the
//! corpora. Every corpus weighs the same in both steps, whatever its number
//! of pages, so that 721 old pages do not drown 108 recent ones.
//!
//! `--cv` writes nothing to `data/`: the pages are split into folds with
//! every page of a site in one fold (the site is the URL's host; for a page
//! without a URL, the host its canonical link names, else the host most of
//! its links go to, else its dataset), and each fold is cleaned by a model
//! trained on the others. That figure, not the training score, estimates
//! quality on a new user's pages. Its outputs go to
//! `bench/out/cv/CORPUS/KIND/ID.txt`, which `npm run eval` scores.

use article_cleaner_testkit::score;

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use article_cleaner::blocks::Kind;
use article_cleaner::classify::model::{Model, Params, Pass, Source, Weights};
use article_cleaner::classify::{classify, second_pass};
use article_cleaner::features::{Analysis, N};
use article_cleaner::{prepare, Extraction, InputKind, Options, Prepared};

/// L2 penalty on the weights, relative to one page's total sample weight.
const L2: f64 = 0.03;

/// Input kinds, named as `npm run eval` names them.
const KINDS: [&str; 3] = ["html", "pasted-html", "pasted-text"];

const DEFAULT_CORPORA: [&str; 3] = ["dev", "wide-dev", "multilingual-dev"];

enum Truth {
    /// The full article text, as shingles.
    Text {
        shingles: score::Shingles,
        set: HashSet<Vec<String>>,
    },
    /// Strings the article must and must not contain, white space collapsed.
    Snippets {
        with: Vec<String>,
        without: Vec<String>,
    },
}

struct Page {
    corpus: usize,
    id: String,
    site: String,
    truth: Truth,
    prepared: [Prepared; 3],
}

// SAFETY: a page's only state that is not thread-safe is the parsed
// page (`Input::dom`: reference-counted buffers and cells), and `load`
// drops it (`prepared.input.dom = None`) before a page is
// shared or sent. What remains is owned strings, vectors and interned atoms.
unsafe impl Send for Page {}
unsafe impl Sync for Page {}

impl Page {
    fn of_source(&self, source: Source) -> impl Iterator<Item = &Prepared> {
        self.prepared.iter().filter(move |p| p.source() == source)
    }
}

struct Corpus {
    name: String,
    dir: PathBuf,
    pages: usize,
}

/// One corpus's score from one input kind.
#[derive(Clone, Default)]
enum Score {
    #[default]
    None,
    Text(ScoreText),
    Snippets(score::Snippets),
}

#[derive(Clone, Default)]
struct ScoreText {
    ps: Vec<f64>,
    rs: Vec<f64>,
    f1s: Vec<f64>,
}

impl Score {
    /// Adds one page; returns that page's own F1.
    fn add(&mut self, truth: &Truth, pred: &str) -> f64 {
        match truth {
            Truth::Text { shingles, .. } => {
                if matches!(self, Score::None) {
                    *self = Score::Text(ScoreText::default());
                }
                let Score::Text(t) = self else {
                    unreachable!("a corpus has one kind of truth")
                };
                let (p, r) = score::page(shingles, pred);
                t.ps.extend(p);
                t.rs.extend(r);
                let f1 = score::f1(p.unwrap_or(0.0), r.unwrap_or(0.0));
                t.f1s.push(f1);
                f1
            }
            Truth::Snippets { with, without } => {
                if matches!(self, Score::None) {
                    *self = Score::Snippets(score::Snippets::default());
                }
                let Score::Snippets(s) = self else {
                    unreachable!("a corpus has one kind of truth")
                };
                s.add(with, without, pred);
                score::Snippets::page_f1(with, without, pred)
            }
        }
    }

    fn merge(&mut self, o: Score) {
        match (&mut *self, o) {
            (_, Score::None) => {}
            (Score::None, o) => *self = o,
            (Score::Text(a), Score::Text(b)) => {
                a.ps.extend(b.ps);
                a.rs.extend(b.rs);
                a.f1s.extend(b.f1s);
            }
            (Score::Snippets(a), Score::Snippets(b)) => a.merge(&b),
            _ => unreachable!("a corpus has one kind of truth"),
        }
    }

    fn f1(&self) -> Option<f64> {
        let mean = |v: &[f64]| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        match self {
            Score::None => None,
            Score::Text(t) => Some(score::f1(mean(&t.ps), mean(&t.rs))),
            Score::Snippets(s) => Some(s.f1()),
        }
    }
}

/// Scores by corpus, then input kind.
type Scores = Vec<[Score; 3]>;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dirs = Vec::new();
    let mut folds = 0usize;
    let mut worst = 0usize;
    let mut stats = false;
    let mut score_only = false;
    let mut errors_only = false;
    let mut dump_samples: Option<PathBuf> = None;
    let mut out = PathBuf::from("data/model.txt");
    let mut cv_out = PathBuf::from("bench/out/cv");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cv" => folds = folds.max(5),
            "--folds" => folds = args.next().and_then(|v| v.parse().ok()).expect("--folds K"),
            "--out" => out = PathBuf::from(args.next().expect("--out FILE")),
            "--cv-out" => cv_out = PathBuf::from(args.next().expect("--cv-out DIR")),
            "--stats" => stats = true,
            "--score" => score_only = true,
            "--errors" => errors_only = true,
            "--samples" => dump_samples = args.next().map(PathBuf::from),
            "--worst" => worst = args.next().and_then(|v| v.parse().ok()).expect("--worst N"),
            "-h" | "--help" => {
                eprintln!(
                    "usage: train [CORPUS_DIR...] [--out FILE]\n       \
                     train [CORPUS_DIR...] --cv [--folds K] [--cv-out DIR] [--worst N]\n       \
                     train [CORPUS_DIR...] --score"
                );
                return;
            }
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        dirs = DEFAULT_CORPORA
            .iter()
            .map(|c| Path::new("../shared/eval").join(c))
            .collect();
    }
    let (corpora, pages) = load_all(&dirs);
    for c in &corpora {
        eprintln!("{} pages from {}", c.pages, c.dir.display());
    }

    if stats {
        feature_stats(&pages, &corpora);
        return;
    }
    if let Some(path) = dump_samples {
        write_samples(&pages, &corpora, &path);
        return;
    }
    if errors_only {
        errors(&pages, &corpora, article_cleaner::classify::model::model());
        return;
    }
    if score_only {
        let all: Vec<&Page> = pages.iter().collect();
        let scores = evaluate_full(&all, &corpora, article_cleaner::classify::model::model());
        print_scores("compiled model", &corpora, &scores);
        print_rescued(&all, &corpora, article_cleaner::classify::model::model());
        return;
    }
    if folds > 1 {
        cross_validate(&pages, &corpora, folds, worst, &cv_out);
        return;
    }
    let all: Vec<&Page> = pages.iter().collect();
    let model = train(&all, &corpora);
    let scores = evaluate_full(&all, &corpora, &model);
    print_scores("in-sample", &corpora, &scores);
    let names: Vec<String> = corpora
        .iter()
        .map(|c| format!("{} ({} pages)", c.dir.display(), c.pages))
        .collect();
    let header = format!(
        "article-cleaner block model: logistic weights per source and pass, and the\n\
         sequence stage's thresholds. Generated by\n\
         \x20 cargo train\n\
         from {}.\n\
         Do not edit: change features or training, and regenerate.",
        names.join(", ")
    );
    std::fs::write(&out, model.write(&header)).expect("write model");
    eprintln!("wrote {}", out.display());
}

fn print_scores(what: &str, corpora: &[Corpus], scores: &Scores) {
    for (c, by_kind) in corpora.iter().zip(scores) {
        let cells: Vec<String> = KINDS
            .iter()
            .zip(by_kind)
            .map(|(k, s)| format!("{k} {:.4}", s.f1().unwrap_or(0.0)))
            .collect();
        println!("{what:<15} {:<17} {}", c.name, cells.join("  "));
    }
}

/// Every labelled block's features (local pass) as tab-separated lines, for
/// trying other model classes outside this program: source, corpus, fold,
/// page, label, weight, then the features in `NAMES` order.
fn write_samples(pages: &[Page], corpora: &[Corpus], path: &Path) {
    use std::io::Write;
    let fold_of = site_folds(pages, corpora, 5);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let names = article_cleaner::features::NAMES.join("\t");
    writeln!(out, "source\tcorpus\tfold\tpage\ty\tc\t{names}").unwrap();
    for source in [Source::Html, Source::Text] {
        for (page, fold) in pages.iter().zip(&fold_of) {
            let one = [page];
            let rows = samples(&one, corpora, source, |p| p.analysis.clone());
            for r in rows {
                let mut dense = vec![0f64; N];
                for (i, v) in r.x {
                    dense[i] = v;
                }
                let values: Vec<String> = dense.iter().map(|v| format!("{v:.4}")).collect();
                writeln!(
                    out,
                    "{source:?}\t{}\t{fold}\t{}\t{:.4}\t{:.6}\t{}",
                    corpora[page.corpus].name,
                    page.id,
                    r.y,
                    r.c,
                    values.join("\t")
                )
                .unwrap();
            }
        }
    }
}

/// Where the compiled model's errors are, by words: article blocks removed
/// (by reason, inside or outside the run) and other blocks kept, per corpus
/// and input kind, from the blocks' labels.
fn errors(pages: &[Page], corpora: &[Corpus], model: &Model) {
    let all: Vec<&Page> = pages.iter().collect();
    let parts = parallel(&all, |page| {
        let mut counts: HashMap<(usize, usize, String), f64> = HashMap::new();
        for (k, prepared) in page.prepared.iter().enumerate() {
            let decisions = classify(model, &prepared.page(), &prepared.analysis).decisions;
            let labels = labels(prepared, &page.truth);
            for ((d, label), s) in decisions.iter().zip(labels).zip(&prepared.analysis.signals) {
                let Some((y, _)) = label else { continue };
                let words = f64::from(s.tokens);
                let key = if y >= 0.5 && !d.keep {
                    let reason = d.reason.map_or("none", |r| r.code());
                    let place = if d.in_run { "in run" } else { "outside" };
                    format!("lost  {reason:<17} {place}")
                } else if y < 0.5 && d.keep {
                    let place = if d.in_run { "in run" } else { "outside" };
                    format!("kept  {place}")
                } else {
                    continue;
                };
                *counts.entry((page.corpus, k, key)).or_default() += words;
            }
        }
        counts
    });
    let mut total: HashMap<(usize, usize, String), f64> = HashMap::new();
    for part in parts {
        for (k, v) in part {
            *total.entry(k).or_default() += v;
        }
    }
    for (c, corpus) in corpora.iter().enumerate() {
        for (k, kind) in KINDS.iter().enumerate() {
            let mut rows: Vec<(&String, f64)> = total
                .iter()
                .filter(|((pc, pk, _), _)| *pc == c && *pk == k)
                .map(|((_, _, key), v)| (key, *v))
                .collect();
            rows.sort_by(|a, b| b.1.total_cmp(&a.1));
            println!("{} {kind}", corpus.name);
            for (key, words) in rows.iter().take(8) {
                println!("  {words:>9.0}  {key}");
            }
        }
    }
}

/// How many inputs of each corpus and kind the recall safety net took over.
fn print_rescued(pages: &[&Page], corpora: &[Corpus], model: &Model) {
    let flags = parallel(pages, |page| {
        let rescued = page
            .prepared
            .each_ref()
            .map(|p| classify(model, &p.page(), &p.analysis).extraction == Extraction::DensestText);
        if std::env::var("RESCUE_IDS").is_ok() {
            for (k, r) in rescued.iter().enumerate() {
                if *r {
                    eprintln!(
                        "rescued {} {} {}",
                        corpora[page.corpus].name, KINDS[k], page.id
                    );
                }
            }
        }
        (page.corpus, rescued)
    });
    for (c, corpus) in corpora.iter().enumerate() {
        let counts: Vec<String> = KINDS
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let n = flags.iter().filter(|(pc, r)| *pc == c && r[k]).count();
                format!("{name} {n}")
            })
            .collect();
        println!("rescued         {:<17} {}", corpus.name, counts.join("  "));
    }
}

/// For every feature: on how many blocks (by weight) it fires, and the mean
/// label of those blocks, per source — which signals separate article text
/// from the rest, before any model.
fn feature_stats(pages: &[Page], corpora: &[Corpus]) {
    let all: Vec<&Page> = pages.iter().collect();
    for source in [Source::Html, Source::Text] {
        let samples = samples(&all, corpora, source, |p| p.analysis.clone());
        println!("{source:?}: {} blocks", samples.len());
        for (k, name) in article_cleaner::features::NAMES.iter().enumerate() {
            let (mut n, mut w, mut yw) = (0usize, 0f64, 0f64);
            for s in &samples {
                if let Some(&(_, v)) = s.x.iter().find(|(i, _)| *i == k) {
                    if v > 0.5 {
                        n += 1;
                        w += s.c;
                        yw += s.c * s.y;
                    }
                }
            }
            if n > 0 {
                println!(
                    "  {name:<20} blocks {n:>6}  weight {w:>8.2}  label {:.3}",
                    yw / w
                );
            }
        }
    }
}

/// Folds with every site in one of them, each corpus spread evenly: sites
/// largest first, each to the fold of that corpus with the fewest pages.
fn site_folds(pages: &[Page], corpora: &[Corpus], k: usize) -> Vec<usize> {
    let mut fold_of = vec![0; pages.len()];
    for c in 0..corpora.len() {
        let mut sites: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in pages.iter().enumerate().filter(|(_, p)| p.corpus == c) {
            sites.entry(&p.site).or_default().push(i);
        }
        let mut sites: Vec<(&str, Vec<usize>)> = sites.into_iter().collect();
        sites.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        let mut filled = vec![0usize; k];
        for (_, members) in sites {
            let fold = (0..k).min_by_key(|&f| (filled[f], f)).expect("k > 0");
            filled[fold] += members.len();
            for i in members {
                fold_of[i] = fold;
            }
        }
    }
    fold_of
}

fn cross_validate(pages: &[Page], corpora: &[Corpus], k: usize, worst: usize, out: &Path) {
    let fold_of = site_folds(pages, corpora, k);
    let mut scores: Scores = corpora.iter().map(|_| Default::default()).collect();
    let mut per_page: Vec<(usize, usize, f64, &str)> = Vec::new();
    for fold in 0..k {
        let in_fold = |want: bool| -> Vec<&Page> {
            pages
                .iter()
                .zip(&fold_of)
                .filter(|(_, f)| (**f == fold) == want)
                .map(|(p, _)| p)
                .collect()
        };
        let (test, train_set) = (in_fold(true), in_fold(false));
        let model = train(&train_set, corpora);
        for page in test {
            for (kind, prepared) in page.prepared.iter().enumerate() {
                let text = prepared.finish(&model).body_text();
                let dir = out.join(&corpora[page.corpus].name).join(KINDS[kind]);
                std::fs::create_dir_all(&dir).expect("create the cv folder");
                std::fs::write(dir.join(format!("{}.txt", page.id)), &text)
                    .expect("write a cv output");
                let f1 = scores[page.corpus][kind].add(&page.truth, &text);
                per_page.push((page.corpus, kind, f1, &page.id));
            }
        }
        eprintln!("fold {}/{k} done", fold + 1);
    }
    print_scores("cross-validated", corpora, &scores);
    per_page.sort_by(|a, b| a.2.total_cmp(&b.2));
    for (c, corpus) in corpora.iter().enumerate() {
        for (kind, name) in KINDS.iter().enumerate() {
            for (_, _, f1, id) in per_page
                .iter()
                .filter(|p| p.0 == c && p.1 == kind)
                .take(worst)
            {
                println!("worst {} {name:<11} {f1:.3} {id}", corpus.name);
            }
        }
    }
}

fn train(pages: &[&Page], corpora: &[Corpus]) -> Model {
    let mut model = Model::empty();
    for source in [Source::Html, Source::Text] {
        model.set_params(source, Params::default());
        let local = fit(&samples(pages, corpora, source, |p| p.analysis.clone()));
        model.set(source, Pass::Local, local);
        let with_topic = |p: &Prepared| Analysis {
            features: second_pass(&model, &p.page(), &p.analysis),
            ..p.analysis.clone()
        };
        let topic = fit(&samples(pages, corpora, source, with_topic));
        model.set(source, Pass::Topic, topic);
        let params = tune(pages, corpora, source, &model);
        model.set_params(source, params);
    }
    model
}

struct Sample {
    x: Vec<(usize, f64)>,
    y: f64,
    c: f64,
}

/// Features left out of training by `TRAIN_DROP=source:name,…` (source
/// `html`, `text` or `all`), for ablation: their weights stay zero.
fn dropped(source: Source, feature: usize) -> bool {
    static DROP: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    let drop = DROP.get_or_init(|| {
        std::env::var("TRAIN_DROP")
            .unwrap_or_default()
            .split(',')
            .filter_map(|d| d.split_once(':'))
            .map(|(s, n)| (s.to_string(), n.to_string()))
            .collect()
    });
    let src = match source {
        Source::Html => "html",
        Source::Text => "text",
    };
    let name = article_cleaner::features::NAMES[feature];
    drop.iter()
        .any(|(s, n)| (s == src || s == "all") && n == name)
}

/// Each corpus's weight per page: what makes every corpus weigh the same
/// among the given pages.
fn corpus_weights(pages: &[&Page], corpora: &[Corpus]) -> Vec<f64> {
    let mut count = vec![0usize; corpora.len()];
    for p in pages {
        count[p.corpus] += 1;
    }
    let present = count.iter().filter(|&&n| n > 0).count().max(1);
    let mean = pages.len() as f64 / present as f64;
    count
        .iter()
        .map(|&n| if n > 0 { mean / n as f64 } else { 0.0 })
        .collect()
}

/// One sample per labelled block with words: its sparse features, its
/// label and its weight (every page weighs its corpus's page weight).
fn samples(
    pages: &[&Page],
    corpora: &[Corpus],
    source: Source,
    features_of: impl Fn(&Prepared) -> Analysis + Sync,
) -> Vec<Sample> {
    let weights = corpus_weights(pages, corpora);
    parallel(pages, |page| {
        let mut out = Vec::new();
        for prepared in page.of_source(source) {
            let analysis = features_of(prepared);
            let labels = labels(prepared, &page.truth);
            let total: f64 = labels.iter().flatten().map(|(_, c)| c).sum();
            if total == 0.0 {
                continue;
            }
            let scale = weights[page.corpus] / total;
            for (f, label) in analysis.features.iter().zip(labels) {
                let Some((y, c)) = label else { continue };
                let x = f
                    .nonzero()
                    .filter(|(i, _)| !dropped(source, *i))
                    .map(|(i, v)| (i, v as f64))
                    .collect();
                out.push(Sample { x, y, c: c * scale });
            }
        }
        out
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Runs `f` on every item (a page, a truth row) on all cores; results in
/// the items' order.
fn parallel<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(|| part.iter().map(&f).collect::<Vec<T>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker thread panicked"))
            .collect()
    })
}

/// For each block: its label and weight (growing with its length), `None`
/// for blocks without words and for figures (decided by their place, and
/// left out of the benchmark's text).
fn labels(prepared: &Prepared, truth: &Truth) -> Vec<Option<(f64, f64)>> {
    let blocks = &prepared.input.blocks;
    let toks: Vec<Vec<String>> = blocks.iter().map(|b| score::tokens(&b.text)).collect();
    let n = toks.len();
    let weight = |i: usize| (toks[i].len() as f64 + 1.0).powf(0.75);
    let unlabelled = |i: usize| toks[i].is_empty() || blocks[i].kind == Kind::Figure;
    match truth {
        // The share of the shingles the block takes part in (with up to
        // three words of context either side) that the true text holds.
        Truth::Text { set, .. } => (0..n)
            .map(|i| {
                if unlabelled(i) {
                    return None;
                }
                let before: Vec<String> = (0..i)
                    .rev()
                    .find(|&j| !toks[j].is_empty())
                    .map(|j| toks[j].iter().rev().take(3).rev().cloned().collect())
                    .unwrap_or_default();
                let after: Vec<String> = (i + 1..n)
                    .find(|&j| !toks[j].is_empty())
                    .map(|j| toks[j].iter().take(3).cloned().collect())
                    .unwrap_or_default();
                let own = toks[i].len();
                let seq: Vec<String> = before
                    .iter()
                    .chain(&toks[i])
                    .chain(&after)
                    .cloned()
                    .collect();
                let (lo, hi) = (before.len(), before.len() + own);
                let windows: Vec<&[String]> = if seq.len() < 4 {
                    vec![&seq[..]]
                } else {
                    (0..=seq.len() - 4)
                        .filter(|&s| s < hi && s + 4 > lo)
                        .map(|s| &seq[s..s + 4])
                        .collect()
                };
                let hits = windows.iter().filter(|w| set.contains(&w.to_vec())).count();
                Some((hits as f64 / windows.len().max(1) as f64, weight(i)))
            })
            .collect(),
        // Only the blocks a snippet names are labelled; one naming both
        // kinds is left out.
        Truth::Snippets { with, without } => (0..n)
            .map(|i| {
                if unlabelled(i) {
                    return None;
                }
                let text = score::collapse(&blocks[i].text);
                let has = |list: &[String]| list.iter().any(|s| text.contains(s.as_str()));
                match (has(with), has(without)) {
                    (true, false) => Some((1.0, weight(i))),
                    (false, true) => Some((0.0, weight(i))),
                    _ => None,
                }
            })
            .collect(),
    }
}

/// Weighted logistic regression with an L2 penalty, by Newton's method.
fn fit(samples: &[Sample]) -> Weights {
    let total: f64 = samples.iter().map(|s| s.c).sum();
    let l2 = std::env::var("TRAIN_L2")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(L2);
    let lambda = l2 * total / 100.0;
    let mut w = vec![0f64; N];
    for _ in 0..40 {
        let mut g: Vec<f64> = w.iter().map(|wi| lambda * wi).collect();
        let mut h = vec![0f64; N * N];
        for i in 0..N {
            h[i * N + i] = lambda;
        }
        for s in samples {
            let z: f64 = s.x.iter().map(|&(i, v)| w[i] * v).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let r = s.c * (p - s.y);
            let q = s.c * p * (1.0 - p);
            for &(i, vi) in &s.x {
                g[i] += r * vi;
                for &(j, vj) in &s.x {
                    h[i * N + j] += q * vi * vj;
                }
            }
        }
        let step = solve(h, g);
        let mut biggest = 0f64;
        for (wi, d) in w.iter_mut().zip(&step) {
            *wi -= d;
            biggest = biggest.max(d.abs());
        }
        if biggest < 1e-6 {
            break;
        }
    }
    let mut out = Weights::zero();
    for (o, wi) in out.0.iter_mut().zip(&w) {
        // Four decimals is what the model file keeps.
        *o = ((*wi * 1e4).round() / 1e4) as f32;
    }
    out
}

/// Solves H x = g for symmetric positive definite H (Cholesky).
fn solve(mut h: Vec<f64>, g: Vec<f64>) -> Vec<f64> {
    let n = g.len();
    for j in 0..n {
        let mut d = h[j * n + j];
        for k in 0..j {
            d -= h[j * n + k] * h[j * n + k];
        }
        let d = d.max(1e-12).sqrt();
        h[j * n + j] = d;
        for i in j + 1..n {
            let mut s = h[i * n + j];
            for k in 0..j {
                s -= h[i * n + k] * h[j * n + k];
            }
            h[i * n + j] = s / d;
        }
    }
    let mut y = vec![0f64; n];
    for i in 0..n {
        let mut s = g[i];
        for k in 0..i {
            s -= h[i * n + k] * y[k];
        }
        y[i] = s / h[i * n + i];
    }
    let mut x = vec![0f64; n];
    for i in (0..n).rev() {
        let mut s = y[i];
        for k in i + 1..n {
            s -= h[k * n + i] * x[k];
        }
        x[i] = s / h[i * n + i];
    }
    x
}

/// The text the benchmark scores (`Article::body_text`) without building
/// the article: the kept blocks' words, figures left out.
fn kept_text(prepared: &Prepared, model: &Model) -> String {
    let classified = classify(model, &prepared.page(), &prepared.analysis);
    let blocks = &prepared.input.blocks;
    let mut out = String::new();
    for (b, d) in blocks.iter().zip(&classified.decisions) {
        if d.keep && b.kind != Kind::Figure && !b.text.is_empty() {
            out.push_str(&b.text);
            out.push_str("\n\n");
        }
    }
    out
}

/// Scores of one source's input kinds, by [`kept_text`].
fn evaluate(pages: &[&Page], corpora: &[Corpus], source: Source, model: &Model) -> Scores {
    let parts = parallel(pages, |page| {
        let mut s: [Score; 3] = Default::default();
        for (kind, prepared) in page.prepared.iter().enumerate() {
            if prepared.source() == source {
                s[kind].add(&page.truth, &kept_text(prepared, model));
            }
        }
        (page.corpus, s)
    });
    collect(parts, corpora)
}

/// Scores of every input kind, from the articles themselves.
fn evaluate_full(pages: &[&Page], corpora: &[Corpus], model: &Model) -> Scores {
    let parts = parallel(pages, |page| {
        let mut s: [Score; 3] = Default::default();
        for (kind, prepared) in page.prepared.iter().enumerate() {
            s[kind].add(&page.truth, &prepared.finish(model).body_text());
        }
        (page.corpus, s)
    });
    collect(parts, corpora)
}

fn collect(parts: Vec<(usize, [Score; 3])>, corpora: &[Corpus]) -> Scores {
    let mut scores: Scores = corpora.iter().map(|_| Default::default()).collect();
    for (c, s) in parts {
        for (total, one) in scores[c].iter_mut().zip(s) {
            total.merge(one);
        }
    }
    scores
}

/// The mean over corpora and input kinds of F1: what the thresholds are
/// chosen for.
fn objective(scores: &Scores) -> f64 {
    let f1s: Vec<f64> = scores.iter().flatten().filter_map(Score::f1).collect();
    f1s.iter().sum::<f64>() / f1s.len().max(1) as f64
}

/// Chooses the sequence thresholds by coordinate ascent on [`objective`],
/// twice: the run threshold first, and the keep threshold first. The
/// objective has more than one top: on pasted text, ascent from the run
/// threshold alone stopped at run 0.35 / keep 0.5 (mean F1 0.8994), which
/// lets a cookie notice into the run of ordinary pastes; the two together
/// reach run 0.45 / keep 0.35 (0.9014). The better of the two is kept.
fn tune(pages: &[&Page], corpora: &[Corpus], source: Source, model: &Model) -> Params {
    let score = |params: &Params| {
        let mut m = model.clone();
        m.set_params(source, params.clone());
        objective(&evaluate(pages, corpora, source, &m))
    };
    let grid: Vec<f32> = (1..=18).map(|i| i as f32 * 0.05).collect();
    let outside: Vec<f32> = vec![0.8, 0.85, 0.9, 0.95, 0.98, 0.995, 1.01];
    let start = Params::default();
    let start_f1 = score(&start);
    let ascend = |order: [usize; 3]| {
        let mut best = start.clone();
        let mut best_f1 = start_f1;
        for _round in 0..2 {
            for which in order {
                let values = if which == 2 { &outside } else { &grid };
                for &v in values {
                    let mut p = best.clone();
                    match which {
                        0 => p.run_threshold = v,
                        1 => p.keep_threshold = v,
                        _ => p.outside_threshold = v,
                    }
                    let f1 = score(&p);
                    if f1 > best_f1 + 1e-9 {
                        best_f1 = f1;
                        best = p;
                    }
                }
            }
        }
        (best, best_f1)
    };
    let (run_first, run_first_f1) = ascend([0, 1, 2]);
    let (keep_first, keep_first_f1) = ascend([1, 0, 2]);
    let (best, best_f1) = if keep_first_f1 > run_first_f1 + 1e-9 {
        (keep_first, keep_first_f1)
    } else {
        (run_first, run_first_f1)
    };
    eprintln!("{source:?}: thresholds {best:?}, mean F1 {best_f1:.4}");
    best
}

fn load_all(dirs: &[PathBuf]) -> (Vec<Corpus>, Vec<Page>) {
    let mut corpora = Vec::new();
    let mut pages = Vec::new();
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| dir.display().to_string());
        let before = pages.len();
        load(dir, corpora.len(), &mut pages);
        corpora.push(Corpus {
            name,
            dir: dir.clone(),
            pages: pages.len() - before,
        });
    }
    (corpora, pages)
}

fn load(dir: &Path, corpus: usize, pages: &mut Vec<Page>) {
    let (index, snippets) = if dir.join("cases.jsonl").exists() {
        ("cases.jsonl", true)
    } else {
        ("truth.jsonl", false)
    };
    let text = std::fs::read_to_string(dir.join(index))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join(index).display()));
    let rows: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let refs: Vec<&serde_json::Value> = rows.iter().collect();
    let mut loaded: Vec<(Page, Vec<String>)> = parallel(&refs, |v| {
        let id = v["id"].as_str().expect("id").to_string();
        let url = v["url"].as_str().filter(|u| !u.is_empty());
        let read = |suffix: &str, kind: InputKind, base: Option<&str>| {
            let text = gunzip(&dir.join(format!("{id}.{suffix}")));
            let options = Options {
                input: kind,
                base_url: base.map(str::to_string),
                ..Options::default()
            };
            let mut prepared =
                prepare(&text, &options).unwrap_or_else(|e| panic!("{id}.{suffix}: {e}"));
            // The parsed page only builds kept blocks' inline markup, which
            // the scores do not read; without it a page can be shared
            // between threads.
            prepared.input.dom = None;
            (Loaded(prepared), text)
        };
        let (Loaded(html), page_html) = read("html.gz", InputKind::Html, url);
        // As `npm run eval` reads them: a paste has no address.
        let (Loaded(clip), _) = read("clip.html.gz", InputKind::Html, None);
        let (Loaded(txt), _) = read("txt.gz", InputKind::Text, None);
        let truth = if snippets {
            let list = |key: &str| {
                v[key]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s.as_str())
                            .map(score::collapse)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Truth::Snippets {
                with: list("with"),
                without: list("without"),
            }
        } else {
            let toks = score::tokens(v["body"].as_str().unwrap_or(""));
            let shingles = score::shingles(&toks);
            Truth::Text {
                set: shingles.keys().cloned().collect(),
                shingles,
            }
        };
        let site = url
            .and_then(host)
            .or_else(|| canonical_host(&page_html))
            .map(|h| format!("host:{h}"));
        let page = Page {
            corpus,
            site: site.unwrap_or_default(),
            truth,
            prepared: [html, clip, txt],
            id,
        };
        let site_fallback = if page.site.is_empty() {
            link_hosts(&page_html)
        } else {
            Vec::new()
        };
        (page, site_fallback)
    });
    assign_link_sites(&mut loaded, &rows);
    let mut loaded: Vec<Page> = loaded.into_iter().map(|(p, _)| p).collect();
    loaded.sort_by(|a, b| a.id.cmp(&b.id));
    pages.extend(loaded);
}

/// For pages with neither a URL nor a canonical link: the host most of the
/// page's links go to, among hosts that fewer than 2% of the corpus's pages
/// link to (ad servers and social networks are everywhere and name no
/// site); else the dataset.
fn assign_link_sites(loaded: &mut [(Page, Vec<String>)], rows: &[serde_json::Value]) {
    let mut pages_linking: HashMap<&str, usize> = HashMap::new();
    for (_, hosts) in loaded.iter() {
        let distinct: HashSet<&str> = hosts.iter().map(String::as_str).collect();
        for h in distinct {
            *pages_linking.entry(h).or_default() += 1;
        }
    }
    let cap = (loaded.len() as f64 * 0.02).max(2.0) as usize;
    let mut sites = Vec::new();
    for ((page, hosts), row) in loaded.iter().zip(rows) {
        if !page.site.is_empty() {
            sites.push(None);
            continue;
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for h in hosts {
            if pages_linking[h.as_str()] < cap {
                *counts.entry(h).or_default() += 1;
            }
        }
        let best = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(h, _)| format!("links:{h}"));
        let dataset = row["dataset"].as_str().unwrap_or("corpus");
        sites.push(Some(best.unwrap_or_else(|| format!("dataset:{dataset}"))));
    }
    for ((page, _), site) in loaded.iter_mut().zip(sites) {
        if let Some(s) = site {
            page.site = s;
        }
    }
}

/// A prepared input without its parsed page, on its way out of a loading
/// thread.
struct Loaded(Prepared);

// SAFETY: as for `Page`: built only with `input.dom` set to `None`.
unsafe impl Send for Loaded {}

/// The host of an http(s) URL, lower case, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The host named by `<link rel=canonical>` or `<meta property=og:url>`.
fn canonical_host(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    for marker in [
        "rel=\"canonical\"",
        "rel='canonical'",
        "rel=canonical",
        "og:url",
    ] {
        let Some(at) = lower.find(marker) else {
            continue;
        };
        let start = lower[..at].rfind('<')?;
        let end = at + lower[at..].find('>')?;
        let tag = &html[start..end];
        let url_at = tag.find("http")?;
        if let Some(h) = host(tag[url_at..].split(['"', '\'', ' ']).next()?) {
            return Some(h);
        }
    }
    None
}

/// Hosts of the page's absolute links, one entry per link.
fn link_hosts(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("href=") {
        let start = from + at + 5;
        let value = lower[start..].trim_start_matches(['"', '\'']);
        if let Some(h) = host(value.split(['"', '\'', ' ', '>']).next().unwrap_or("")) {
            out.push(h);
        }
        from = start;
    }
    out
}

fn gunzip(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}
