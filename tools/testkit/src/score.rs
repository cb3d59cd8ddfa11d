//! The benchmark's metric, as `../shared/eval/score.py` computes it: word
//! 4-gram shingle multisets per page; precision and recall averaged over
//! pages (a page with empty output counts for recall only); F1 the harmonic
//! mean of the two averages.

use std::collections::HashMap;

pub type Shingles = HashMap<Vec<String>, u32>;

/// Runs of Unicode word characters, as Python's `\w+`.
pub fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

pub fn shingles(t: &[String]) -> Shingles {
    let mut m = HashMap::new();
    if t.len() < 4 {
        if !t.is_empty() {
            m.insert(t.to_vec(), 1);
        }
        return m;
    }
    for w in t.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// (precision, recall) of one page, `None` where the benchmark leaves the
/// page out of that average.
pub fn page(truth: &Shingles, pred: &str) -> (Option<f64>, Option<f64>) {
    let p = shingles(&tokens(pred));
    let mut tp = 0u64;
    let mut fp = 0u64;
    for (k, &n) in &p {
        let t = truth.get(k).copied().unwrap_or(0);
        tp += n.min(t) as u64;
        fp += n.saturating_sub(t) as u64;
    }
    let total_truth: u64 = truth.values().map(|&n| n as u64).sum();
    let fn_ = total_truth - tp;
    if fp == 0 && fn_ == 0 {
        return (Some(1.0), Some(1.0));
    }
    let precision = (tp + fp > 0).then(|| tp as f64 / (tp + fp) as f64);
    let recall = (tp + fn_ > 0).then(|| tp as f64 / (tp + fn_) as f64);
    (precision, recall)
}

pub fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

#[derive(Default)]
pub struct Total {
    ps: Vec<f64>,
    rs: Vec<f64>,
    pub f1s: Vec<f64>,
}

impl Total {
    pub fn add(&mut self, truth: &Shingles, pred: &str) {
        let (p, r) = page(truth, pred);
        if let Some(p) = p {
            self.ps.push(p);
        }
        if let Some(r) = r {
            self.rs.push(r);
        }
        self.f1s.push(f1(p.unwrap_or(0.0), r.unwrap_or(0.0)));
    }

    pub fn merge(&mut self, o: Total) {
        self.ps.extend(o.ps);
        self.rs.extend(o.rs);
        self.f1s.extend(o.f1s);
    }

    pub fn f1(&self) -> f64 {
        let mean = |v: &[f64]| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        f1(mean(&self.ps), mean(&self.rs))
    }

    pub fn share_at_least(&self, x: f64) -> f64 {
        if self.f1s.is_empty() {
            return 0.0;
        }
        self.f1s.iter().filter(|&&f| f >= x).count() as f64 / self.f1s.len() as f64
    }
}

/// The snippet metric of `../shared/eval/score-snippets.py`: over all
/// snippets of all pages, a `with` string found in the output (white space
/// collapsed) is a true positive, one missing a false negative, a `without`
/// string found a false positive.
#[derive(Default, Clone, Copy)]
pub struct Snippets {
    pub tp: u64,
    pub fn_: u64,
    pub fp: u64,
    pub tn: u64,
}

/// White space collapsed to single spaces, ends trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Snippets {
    /// Counts one page; `with` and `without` already [`collapse`]d.
    pub fn add(&mut self, with: &[String], without: &[String], pred: &str) {
        let out = collapse(pred);
        for s in with {
            if out.contains(s.as_str()) {
                self.tp += 1;
            } else {
                self.fn_ += 1;
            }
        }
        for s in without {
            if out.contains(s.as_str()) {
                self.fp += 1;
            } else {
                self.tn += 1;
            }
        }
    }

    pub fn merge(&mut self, o: &Snippets) {
        self.tp += o.tp;
        self.fn_ += o.fn_;
        self.fp += o.fp;
        self.tn += o.tn;
    }

    pub fn f1(&self) -> f64 {
        let ratio = |a: u64, b: u64| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        f1(
            ratio(self.tp, self.tp + self.fp),
            ratio(self.tp, self.tp + self.fn_),
        )
    }

    /// This page's own F1, for listing the worst pages.
    pub fn page_f1(with: &[String], without: &[String], pred: &str) -> f64 {
        let mut s = Snippets::default();
        s.add(with, without, pred);
        s.f1()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_count_found_and_missing_strings_as_the_python_scorer_does() {
        let mut s = Snippets::default();
        let with = vec!["a b".to_string(), "c".to_string()];
        let without = vec!["Menu".to_string()];
        s.add(&with, &without, "x a\n  b y Menu");
        assert_eq!((s.tp, s.fn_, s.fp, s.tn), (1, 1, 1, 0));
        // precision 1/2, recall 1/2
        assert!((s.f1() - 0.5).abs() < 1e-12);
    }
}
