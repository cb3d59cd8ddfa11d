//! The learned part of the classifier: logistic weights over the named
//! features of `features.rs`, one set per input kind and pass, plus the few
//! thresholds of the sequence stage. `data/model.txt` is written by the
//! trainer (`cargo train`, `tools/dev`) and compiled in by `build.rs`;
//! nothing here is tuned by hand.

use crate::features::{Row, N, NAMES};

mod compiled {
    use super::Params;
    include!(concat!(env!("OUT_DIR"), "/model.rs"));
}

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
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Probability above which a block pulls the article's run its way.
    pub run_threshold: f32,
    /// Probability a block inside the run needs to be kept.
    pub keep_threshold: f32,
    /// Probability a block outside the run needs to be kept anyway.
    pub outside_threshold: f32,
}

impl Params {
    pub const DEFAULT: Params = Params {
        run_threshold: 0.5,
        keep_threshold: 0.5,
        outside_threshold: 0.98,
    };
}

impl Default for Params {
    fn default() -> Params {
        Params::DEFAULT
    }
}

#[derive(Clone, Debug)]
pub struct Model {
    /// By source, then pass.
    weights: [[Weights; 2]; 2],
    params: [Params; 2],
}

impl Model {
    pub fn weights(&self, source: Source, pass: Pass) -> &Weights {
        &self.weights[source as usize][pass as usize]
    }

    pub fn params(&self, source: Source) -> Params {
        self.params[source as usize].clone()
    }

    pub fn set(&mut self, source: Source, pass: Pass, w: Weights) {
        self.weights[source as usize][pass as usize] = w;
    }

    pub fn set_params(&mut self, source: Source, p: Params) {
        self.params[source as usize] = p;
    }

    pub const fn empty() -> Model {
        Model {
            weights: [
                [Weights([0.0; N]), Weights([0.0; N])],
                [Weights([0.0; N]), Weights([0.0; N])],
            ],
            params: [Params::DEFAULT, Params::DEFAULT],
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
                    model.weights[src as usize][pass as usize].0[i] = value;
                }
                Some((src, None)) => {
                    let p = &mut model.params[src as usize];
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

/// The shipped model, `data/model.txt` as compiled.
pub fn model() -> &'static Model {
    &SHIPPED
}

static SHIPPED: Model = Model {
    weights: [
        [weights(compiled::HTML_LOCAL), weights(compiled::HTML_TOPIC)],
        [weights(compiled::TEXT_LOCAL), weights(compiled::TEXT_TOPIC)],
    ],
    params: [compiled::HTML_PARAMS, compiled::TEXT_PARAMS],
};

/// Weights by feature name, evaluated when the crate compiles: a name that
/// is not a feature stops the build.
const fn weights(pairs: &[(&str, f32)]) -> Weights {
    let mut w = [0.0; N];
    let mut i = 0;
    while i < pairs.len() {
        w[feature_index(pairs[i].0)] = pairs[i].1;
        i += 1;
    }
    Weights(w)
}

const fn feature_index(name: &str) -> usize {
    let mut i = 0;
    while i < NAMES.len() {
        if bytes_equal(NAMES[i].as_bytes(), name.as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("data/model.txt names a feature that features.rs does not have")
}

const fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_model_is_the_model_file() {
        let file = include_str!("../../data/model.txt");
        let parsed = Model::parse(file).unwrap();
        for source in [Source::Html, Source::Text] {
            for pass in [Pass::Local, Pass::Topic] {
                assert_eq!(
                    parsed.weights(source, pass).0,
                    model().weights(source, pass).0
                );
            }
            assert_eq!(parsed.params(source), model().params(source));
        }
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
