//! The learned part of the classifier: logistic weights over the named
//! features of `features.rs`, one set per input kind and pass, plus the few
//! thresholds of the sequence stage. `data/model.txt` is written by
//! `examples/train.rs` from `../shared/eval/dev`; nothing here is tuned by
//! hand.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::features::{Row, N, NAMES};

const MODEL: &str = include_str!("../../data/model.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Html,
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// Local evidence only.
    Local,
    /// With the topic features, once a first pass has found the core.
    Topic,
}

#[derive(Clone, Debug)]
pub struct Weights(pub [f32; N]);

impl Weights {
    pub fn zero() -> Weights {
        Weights([0.0; N])
    }

    pub fn logit(&self, f: &Row) -> f32 {
        f.dot(&self.0)
    }

    pub fn prob(&self, f: &Row) -> f32 {
        sigmoid(self.logit(f))
    }
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Thresholds of the sequence stage (see `classify::decide`).
#[derive(Clone, Debug)]
pub struct Params {
    /// Probability above which a block pulls the article's run its way.
    pub run_threshold: f32,
    /// Probability a block inside the run needs to be kept.
    pub keep_threshold: f32,
    /// Probability a block outside the run needs to be kept anyway.
    pub outside_threshold: f32,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            run_threshold: 0.5,
            keep_threshold: 0.5,
            outside_threshold: 0.98,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Model {
    weights: HashMap<(SourceKey, PassKey), Weights>,
    params: HashMap<SourceKey, Params>,
}

type SourceKey = u8;
type PassKey = u8;

fn key(source: Source) -> SourceKey {
    source as u8
}

impl Model {
    pub fn weights(&self, source: Source, pass: Pass) -> &Weights {
        static ZERO: OnceLock<Weights> = OnceLock::new();
        self.weights
            .get(&(key(source), pass as u8))
            .unwrap_or_else(|| ZERO.get_or_init(Weights::zero))
    }

    pub fn params(&self, source: Source) -> Params {
        self.params.get(&key(source)).cloned().unwrap_or_default()
    }

    pub fn set(&mut self, source: Source, pass: Pass, w: Weights) {
        self.weights.insert((key(source), pass as u8), w);
    }

    pub fn set_params(&mut self, source: Source, p: Params) {
        self.params.insert(key(source), p);
    }

    pub fn empty() -> Model {
        Model {
            weights: HashMap::new(),
            params: HashMap::new(),
        }
    }

    /// Parses the model file format: `[html.local]` section headers, then
    /// `name value` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model::empty();
        let mut section: Option<(Source, Option<Pass>)> = None;
        for (no, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let (src, what) = name
                    .split_once('.')
                    .ok_or_else(|| format!("line {}: bad section {name}", no + 1))?;
                let src = match src {
                    "html" => Source::Html,
                    "text" => Source::Text,
                    _ => return Err(format!("line {}: unknown source {src}", no + 1)),
                };
                let pass = match what {
                    "local" => Some(Pass::Local),
                    "topic" => Some(Pass::Topic),
                    "params" => None,
                    _ => return Err(format!("line {}: unknown section {what}", no + 1)),
                };
                section = Some((src, pass));
                continue;
            }
            let (name, value) = line
                .split_once(char::is_whitespace)
                .ok_or_else(|| format!("line {}: expected `name value`", no + 1))?;
            let value: f32 = value
                .trim()
                .parse()
                .map_err(|_| format!("line {}: bad number", no + 1))?;
            match section {
                Some((src, Some(pass))) => {
                    let i = NAMES
                        .iter()
                        .position(|n| *n == name)
                        .ok_or_else(|| format!("line {}: unknown feature {name}", no + 1))?;
                    model
                        .weights
                        .entry((key(src), pass as u8))
                        .or_insert_with(Weights::zero)
                        .0[i] = value;
                }
                Some((src, None)) => {
                    let p = model.params.entry(key(src)).or_default();
                    match name {
                        "run_threshold" => p.run_threshold = value,
                        "keep_threshold" => p.keep_threshold = value,
                        "outside_threshold" => p.outside_threshold = value,
                        _ => return Err(format!("line {}: unknown parameter {name}", no + 1)),
                    }
                }
                None => return Err(format!("line {}: value outside a section", no + 1)),
            }
        }
        Ok(model)
    }

    /// Writes the model in the format [`Model::parse`] reads, zero weights
    /// left out.
    pub fn write(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        for (src, name) in [(Source::Html, "html"), (Source::Text, "text")] {
            let p = self.params(src);
            out.push_str(&format!(
                "\n[{name}.params]\nrun_threshold {}\nkeep_threshold {}\noutside_threshold {}\n",
                p.run_threshold, p.keep_threshold, p.outside_threshold
            ));
            for (pass, pname) in [(Pass::Local, "local"), (Pass::Topic, "topic")] {
                out.push_str(&format!("\n[{name}.{pname}]\n"));
                for (i, w) in self.weights(src, pass).0.iter().enumerate() {
                    if *w != 0.0 {
                        out.push_str(&format!("{} {:.4}\n", NAMES[i], w));
                    }
                }
            }
        }
        out
    }
}

pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::parse(MODEL).expect("data/model.txt is checked by a unit test"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_names_only_known_features() {
        Model::parse(MODEL).unwrap();
    }

    #[test]
    fn write_and_parse_round_trip() {
        let mut m = Model::empty();
        let mut w = Weights::zero();
        w.0[3] = 1.5;
        m.set(Source::Text, Pass::Topic, w);
        m.set_params(
            Source::Text,
            Params {
                run_threshold: 0.3,
                ..Params::default()
            },
        );
        let back = Model::parse(&m.write("test")).unwrap();
        assert_eq!(back.weights(Source::Text, Pass::Topic).0[3], 1.5);
        assert_eq!(back.params(Source::Text).run_threshold, 0.3);
    }
}
