//! Fourth stage: keep or remove each block, and say why.
//!
//! 1. A logistic model scores each block from its own features and its
//!    neighbours' (pass 1).
//! 2. The article is mostly one contiguous run of blocks: the run with the
//!    largest sum of `(p - threshold) * weight` (a maximum subarray) is
//!    taken as the article's extent.
//! 3. The strongest paragraphs of that run form the article's core; every
//!    block gets topic features (its words' overlap with the core) and is
//!    scored again (pass 2), and the run is found again.
//! 4. Inside the run, blocks the model doubts are removed; outside it, only
//!    blocks the model is sure of are kept. Recognised patterns (a gallery
//!    counter, a credit line, a cookie prompt, hidden markup) remove a block
//!    wherever it is.
//!
//! Every removal gets a [`Reason`]: the pattern that fired, or else the
//! strongest evidence against the block.

pub mod model;

use std::collections::HashMap;

use crate::article::Reason;
use crate::blocks::{landmark, Block, Kind, FAR};
use crate::features::{self, Analysis, Signals, F, HINT_REASONS};
use crate::lexicon::Match;
use model::{Model, Pass, Source};

#[derive(Clone, Debug)]
pub struct Decision {
    pub keep: bool,
    pub reason: Option<Reason>,
    /// The model's probability that the block is article text.
    pub p: f32,
    pub in_run: bool,
}

pub fn classify_with(
    model: &Model,
    blocks: &[Block],
    analysis: &mut Analysis,
    source: Source,
) -> Vec<Decision> {
    add_topic_features(model, analysis, source);
    let params = model.params(source);
    let p = probabilities(model, analysis, source, Pass::Topic);
    let run = best_run(&p, &analysis.signals, params.run_threshold);
    decide(blocks, analysis, &p, run, &params)
}

/// Pass 1: scores blocks on local evidence, finds the run and its core,
/// and gives every block its topic features for pass 2.
pub fn add_topic_features(model: &Model, analysis: &mut Analysis, source: Source) {
    let p1 = probabilities(model, analysis, source, Pass::Local);
    let run1 = best_run(&p1, &analysis.signals, model.params(source).run_threshold);
    let (core, core_blocks) = core_of(analysis, &p1, run1);
    features::add_topic(analysis, &core, &core_blocks);
}

pub fn probabilities(model: &Model, analysis: &Analysis, source: Source, pass: Pass) -> Vec<f32> {
    let w = model.weights(source, pass);
    analysis.features.iter().map(|f| w.prob(f)).collect()
}

/// How much a block counts in the run: by its words, so that one long
/// paragraph outweighs a line of menu, but sub-linearly, so that one long
/// comment does not outweigh a whole article.
fn weight(s: &Signals) -> f32 {
    s.words.max(1.0).powf(0.75)
}

/// The maximum-sum contiguous run of `(p - threshold) * weight`, as a
/// half-open range. Blocks that a pattern removes count as neutral, so a
/// gallery widget inside the article does not split it.
pub fn best_run(p: &[f32], signals: &[Signals], threshold: f32) -> (usize, usize) {
    let mut best = (0, 0);
    let mut best_sum = f32::MIN;
    let mut start = 0;
    let mut sum = 0f32;
    for (i, (&pi, s)) in p.iter().zip(signals).enumerate() {
        let v = if pattern_reason(s).is_some() {
            0.0
        } else {
            (pi - threshold) * weight(s)
        };
        if sum <= 0.0 {
            start = i;
            sum = v;
        } else {
            sum += v;
        }
        if sum > best_sum {
            best_sum = sum;
            best = (start, i + 1);
        }
    }
    best
}

/// Word counts of the run's strongest blocks: those the model is surest of,
/// longest first, up to half the run's likely words (at least one block).
fn core_of(
    analysis: &Analysis,
    p: &[f32],
    run: (usize, usize),
) -> (HashMap<String, u32>, Vec<usize>) {
    let mut candidates: Vec<usize> = (run.0..run.1)
        .filter(|&i| p[i] >= 0.5 && analysis.signals[i].words >= 8.0)
        .collect();
    candidates.sort_by(|&a, &b| {
        let sa = p[a] * analysis.signals[a].words;
        let sb = p[b] * analysis.signals[b].words;
        sb.total_cmp(&sa)
    });
    let total: f32 = candidates.iter().map(|&i| analysis.signals[i].words).sum();
    let mut core = HashMap::new();
    let mut taken = Vec::new();
    let mut covered = 0f32;
    for i in candidates {
        if covered >= total * 0.5 && taken.len() >= 3 {
            break;
        }
        covered += analysis.signals[i].words;
        taken.push(i);
        for w in &analysis.content_words[i] {
            *core.entry(w.clone()).or_insert(0) += 1;
        }
    }
    taken.sort_unstable();
    (core, taken)
}

/// A reason recognised from the block's own text, which removes it
/// wherever it stands.
pub fn pattern_reason(s: &Signals) -> Option<Reason> {
    if let Some((reason, m)) = s.phrase {
        let decisive = match reason {
            // A "Comments" heading ends the article; the block itself goes.
            Reason::Comments | Reason::TeaserUnrelated => m == Match::Whole,
            _ => true,
        };
        if decisive {
            return Some(reason);
        }
    }
    if s.counter {
        return Some(Reason::Gallery);
    }
    if s.prompt_tail && s.words <= 80.0 {
        return Some(Reason::TeaserUnrelated);
    }
    if s.arrow && s.words <= 15.0 {
        return Some(Reason::CallToAction);
    }
    if s.credit {
        return Some(Reason::PhotoCredit);
    }
    if s.copyright && s.words <= 30.0 {
        return Some(Reason::Boilerplate);
    }
    None
}

fn decide(
    blocks: &[Block],
    analysis: &Analysis,
    p: &[f32],
    run: (usize, usize),
    params: &model::Params,
) -> Vec<Decision> {
    let n = blocks.len();
    let mut out: Vec<Decision> = Vec::with_capacity(n);
    for i in 0..n {
        let s = &analysis.signals[i];
        let b = &blocks[i];
        let in_run = i >= run.0 && i < run.1;
        let hidden = b.has_landmark(landmark::HIDDEN);
        let rule = if hidden {
            Some(Reason::Hidden)
        } else {
            pattern_reason(s)
        };
        let keep = rule.is_none()
            && if in_run {
                p[i] >= params.keep_threshold
            } else {
                p[i] >= params.outside_threshold
            };
        out.push(Decision {
            keep,
            reason: rule,
            p: p[i],
            in_run,
        });
    }
    // A duplicate of a kept block goes; the first occurrence stays.
    for i in 0..n {
        if let Some(j) = analysis.signals[i].duplicate_of {
            if out[i].keep && out[j].keep {
                out[i].keep = false;
                out[i].reason = Some(Reason::Duplicate);
            }
        }
    }
    // Figures without text take their neighbours' decision: the article's
    // pictures sit between its paragraphs.
    for i in 0..n {
        if blocks[i].kind == Kind::Figure
            && analysis.signals[i].words == 0.0
            && out[i].reason.is_none()
        {
            let prev = (0..i).rev().find(|&j| analysis.signals[j].words > 0.0);
            let next = (i + 1..n).find(|&j| analysis.signals[j].words > 0.0);
            let kept = |j: Option<usize>| j.is_some_and(|j| out[j].keep);
            out[i].keep = out[i].in_run && (kept(prev) || kept(next));
        }
    }
    for i in 0..n {
        if !out[i].keep && out[i].reason.is_none() {
            out[i].reason = Some(explain(
                &blocks[i],
                &analysis.features[i],
                &analysis.signals[i],
                out[i].in_run,
            ));
        }
    }
    out
}

/// The strongest evidence against a block the model removed.
fn explain(b: &Block, f: &[f32; features::N], s: &Signals, in_run: bool) -> Reason {
    if let Some((reason, _)) = s.phrase {
        return reason;
    }
    if let Some(d) = b.dom() {
        for (bit, reason) in [
            (landmark::NAV, Reason::Navigation),
            (landmark::DIALOG, Reason::CallToAction),
            (landmark::FORM, Reason::CallToAction),
            (landmark::FOOTER, Reason::Boilerplate),
            (landmark::HEADER, Reason::Navigation),
            (landmark::ASIDE, Reason::TeaserUnrelated),
        ] {
            if d.landmarks & bit != 0 {
                return reason;
            }
        }
        // The nearest hint that names a reason.
        if let Some((_, reason)) = HINT_REASONS
            .iter()
            .filter(|(c, _)| d.hints[*c] <= 4 && d.hints[*c] != FAR)
            .min_by_key(|(c, _)| d.hints[*c])
        {
            return *reason;
        }
    }
    if s.date {
        return Reason::Date;
    }
    if s.byline {
        return Reason::Byline;
    }
    if s.truncated || f[F::topic_low as usize] > 0.0 {
        return Reason::TeaserUnrelated;
    }
    if f[F::link_density as usize] > 0.5
        || f[F::run_short as usize] > 0.5
        || f[F::pipes as usize] > 0.0
    {
        return if s.words >= 6.0 {
            Reason::TeaserUnrelated
        } else {
            Reason::Navigation
        };
    }
    if in_run {
        Reason::OutsideArticle
    } else if s.words <= 4.0 {
        Reason::Navigation
    } else {
        Reason::OutsideArticle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(words: f32) -> Signals {
        Signals {
            words,
            ..Signals::default()
        }
    }

    #[test]
    fn best_run_spans_the_strong_blocks_and_bridges_a_weak_one() {
        let p = [0.1, 0.9, 0.3, 0.9, 0.1, 0.1];
        let s: Vec<_> = [1.0, 50.0, 3.0, 50.0, 5.0, 5.0]
            .into_iter()
            .map(sig)
            .collect();
        assert_eq!(best_run(&p, &s, 0.5), (1, 4));
    }

    #[test]
    fn best_run_of_nothing_is_empty() {
        assert_eq!(best_run(&[], &[], 0.5), (0, 0));
    }

    #[test]
    fn patterns_decide_regardless_of_the_model() {
        let mut s = sig(1.0);
        s.counter = true;
        assert_eq!(pattern_reason(&s), Some(Reason::Gallery));
        s.counter = false;
        s.credit = true;
        assert_eq!(pattern_reason(&s), Some(Reason::PhotoCredit));
    }
}
