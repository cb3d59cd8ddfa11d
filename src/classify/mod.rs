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
//! The page's structure bounds the run in both passes: blocks in site
//! navigation, headers, footers, asides, forms, and comment or related
//! boxes, blocks above the headline the metadata names, and repeats of
//! earlier blocks count as certainly not article; a comment section's
//! opener after the article's first paragraphs ends it.
//!
//! Every removal gets a [`Reason`]: the pattern that fired, or else the
//! strongest evidence against the block.

pub mod model;

use std::collections::HashMap;

use crate::blocks::{hint, landmark, Block, Kind, FAR};
use crate::codes::Reason;
use crate::dom::{Dom, NodeId};
use crate::features::{self, Analysis, Signals, F, HINT_REASONS};
use crate::lexicon::Match;
use model::{Model, Pass, Source};

#[derive(Clone, Debug)]
pub struct Decision {
    pub keep: bool,
    pub reason: Option<Reason>,
    /// Inside the article's run of blocks.
    pub in_run: bool,
}

/// What the classifier reads of a page besides the blocks' features.
pub struct Page<'a> {
    pub blocks: &'a [Block],
    pub dom: Option<&'a Dom>,
    pub source: Source,
    /// The heading that the page's metadata names as its headline: the
    /// article starts there.
    pub anchor: Option<usize>,
}

impl<'a> Page<'a> {
    pub fn new(
        blocks: &'a [Block],
        dom: Option<&'a Dom>,
        source: Source,
        headline: Option<&str>,
    ) -> Page<'a> {
        Page {
            blocks,
            dom,
            source,
            anchor: match headline {
                Some(h) => anchor(blocks, h),
                None => sole_h1(blocks),
            },
        }
    }
}

/// The heading that says what the page's metadata says the headline is: a
/// page's `<h1>` if one matches, else the first matching heading. Teaser
/// lists repeat headlines as links, never as the page's headings.
fn anchor(blocks: &[Block], headline: &str) -> Option<usize> {
    let matching = |i: &usize| {
        let b = &blocks[*i];
        b.kind == Kind::Heading && crate::text::similarity(headline, &b.text) >= 0.8
    };
    let headings = || (0..blocks.len()).filter(matching);
    headings()
        .find(|&i| blocks[i].level == 1)
        .or_else(|| headings().next())
}

/// Without metadata (pasted HTML has no `<head>`), a page's only `<h1>`
/// is its headline; a page with several says nothing by them.
fn sole_h1(blocks: &[Block]) -> Option<usize> {
    let mut h1s =
        (0..blocks.len()).filter(|&i| blocks[i].kind == Kind::Heading && blocks[i].level == 1);
    let first = h1s.next()?;
    h1s.next().is_none().then_some(first)
}

pub fn classify_with(model: &Model, page: &Page, analysis: &mut Analysis) -> Vec<Decision> {
    add_second_pass_features(model, page, analysis);
    let params = model.params(page.source);
    let p = structured(
        probabilities(model, analysis, page.source, Pass::Topic),
        page,
        &analysis.signals,
    );
    let (run, threshold) = best_run(&p, &analysis.signals, params.run_threshold);
    let run = start_at_title(page, analysis, &p, run, threshold);
    let params = model::Params {
        keep_threshold: params.keep_threshold.min(threshold),
        ..params
    };
    decide(page.blocks, analysis, &p, run, &params)
}

/// A run that starts with a ticker of other stories' headlines, then the
/// article's title, starts at the title. Without a headline from the
/// page's metadata (pasted text, pasted HTML) the title is the line above
/// the article's first paragraph that shares most of its words with the
/// article's core; the lines above it, which share few, are not the
/// article's.
fn start_at_title(
    page: &Page,
    analysis: &Analysis,
    p: &[f32],
    run: (usize, usize),
    threshold: f32,
) -> (usize, usize) {
    const TITLE_TOPIC: f32 = 0.5;
    const TICKER_TOPIC: f32 = 0.3;
    if page.anchor.is_some() {
        return run;
    }
    let (signals, features) = (&analysis.signals, &analysis.features);
    let topic = |i: usize| features[i].get(F::topic as usize);
    let Some(first_paragraph) =
        (run.0..run.1).find(|&i| p[i] >= threshold && signals[i].words >= 20.0)
    else {
        return run;
    };
    let title_like = |i: usize| {
        let s = &signals[i];
        (3.0..=25.0).contains(&s.words)
            && page.blocks[i].kind != Kind::ListItem
            && s.phrase.is_none()
            && !page.blocks[i].text.trim_end().ends_with('.')
            && analysis.content_words[i].len() >= 3
            && topic(i) >= TITLE_TOPIC
    };
    let Some(title) = (run.0 + 1..first_paragraph)
        .filter(|&i| title_like(i))
        .max_by(|&a, &b| topic(a).total_cmp(&topic(b)).then(a.cmp(&b)))
    else {
        return run;
    };
    let above = run.0..title;
    let words: f32 = above.clone().map(|i| signals[i].words).sum();
    let shared: f32 = above.clone().map(|i| topic(i) * signals[i].words).sum();
    let lines = above.filter(|&i| signals[i].words > 0.0).count();
    if lines >= 3 && shared < TICKER_TOPIC * words {
        (title, run.1)
    } else {
        run
    }
}

/// Blocks the page's structure rules out (see [`structure_reason`]),
/// blocks above the headline, and blocks that repeat an earlier one count
/// as certainly not article, so that a comment section, a list of teasers
/// or a ticker shown twice cannot pull the article's run, or its core, its
/// way. (An article does not repeat its paragraphs.)
fn structured(mut p: Vec<f32>, page: &Page, signals: &[Signals]) -> Vec<f32> {
    for (i, (pi, b)) in p.iter_mut().zip(page.blocks).enumerate() {
        if structure_reason(b).is_some()
            || page.anchor.is_some_and(|a| i < a)
            || signals[i].duplicate_of.is_some()
        {
            *pi = 0.0;
        }
    }
    p
}

/// Pass 1: scores blocks on local evidence and finds the run, its core and
/// (for HTML) the element that holds the core. Every block then gets the
/// features of pass 2: its words' overlap with the core, and whether it is
/// in the run and in that element.
pub fn add_second_pass_features(model: &Model, page: &Page, analysis: &mut Analysis) {
    let (blocks, dom, source) = (page.blocks, page.dom, page.source);
    let p1 = structured(
        probabilities(model, analysis, source, Pass::Local),
        page,
        &analysis.signals,
    );
    let (run1, threshold) = best_run(&p1, &analysis.signals, model.params(source).run_threshold);
    let (core, core_blocks) = core_of(analysis, &p1, run1, threshold.min(0.5));
    features::add_topic(analysis, &core, &core_blocks);
    // In text, a wrong first run would be doubled down on: there the run
    // is left to the topic features (cross-validation prefers it).
    if source == Source::Html {
        for f in &mut analysis.features[run1.0..run1.1] {
            f.set(F::in_run as usize, 1.0);
        }
    }
    if let Some(dom) = dom {
        if let Some(range) = container_range(blocks, dom, &core_blocks) {
            for f in &mut analysis.features[range] {
                f.set(F::in_container as usize, 1.0);
            }
        }
    }
}

/// The blocks inside the lowest element that holds all of the core's
/// blocks — a contiguous range, since blocks are in document order — unless
/// that element is the whole page.
fn container_range(blocks: &[Block], dom: &Dom, core: &[usize]) -> Option<std::ops::Range<usize>> {
    let node_of = |i: usize| blocks[i].dom().map(|d| d.container);
    let mut lca = node_of(*core.first()?)?;
    for &i in &core[1..] {
        lca = common_ancestor(dom, lca, node_of(i)?);
    }
    let page_level = dom
        .element(lca)
        .is_none_or(|e| matches!(e.local(), "html" | "body"));
    if page_level {
        return None;
    }
    let inside = |i: usize| node_of(i).is_some_and(|n| is_within(dom, n, lca));
    let mut start = core[0];
    while start > 0 && inside(start - 1) {
        start -= 1;
    }
    let mut end = *core.last()? + 1;
    while end < blocks.len() && inside(end) {
        end += 1;
    }
    Some(start..end)
}

fn ancestors(dom: &Dom, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    std::iter::successors(Some(node), |&n| dom.node(n).parent)
}

fn is_within(dom: &Dom, node: NodeId, ancestor: NodeId) -> bool {
    ancestors(dom, node).any(|n| n == ancestor)
}

fn common_ancestor(dom: &Dom, a: NodeId, b: NodeId) -> NodeId {
    let of_a: std::collections::HashSet<NodeId> = ancestors(dom, a).collect();
    ancestors(dom, b)
        .find(|n| of_a.contains(n))
        .unwrap_or(crate::dom::DOCUMENT)
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

/// Readers' comments follow the article: a heading that opens them ("34
/// Comments", "15 thoughts on …"), or the byline of a second post, ends the
/// run when it comes after some of the article's text.
fn cut_at_comments(
    run: (usize, usize),
    p: &[f32],
    signals: &[Signals],
    threshold: f32,
) -> (usize, usize) {
    // An author box ("About the author") also ends the article.
    let opens_comments = |s: &Signals| {
        matches!(
            s.phrase,
            Some((
                Reason::Comments | Reason::Byline,
                Match::Whole | Match::Prefix
            ))
        )
    };
    // A second byline after a good part of the article heads the next post
    // of a forum thread; the first is the author's, wherever it stands.
    // The first post's byline may sit just above the run.
    let mut bylines = signals[run.0.saturating_sub(5)..run.0]
        .iter()
        .filter(|s| s.byline)
        .count();
    let mut article_words = 0f32;
    let mut seen_paragraph = false;
    for i in run.0..run.1 {
        let s = &signals[i];
        bylines += usize::from(s.byline);
        let next_post = s.byline && bylines >= 2 && article_words >= 80.0;
        // A comment count under the headline ("9 comments") opens nothing:
        // the opener must follow a paragraph of the article.
        if (seen_paragraph && opens_comments(s)) || next_post {
            return (run.0, i);
        }
        if p[i] >= threshold && s.words >= 8.0 {
            article_words += s.words;
            seen_paragraph |= s.words >= 20.0;
        }
    }
    run
}

/// The maximum-sum contiguous run of `(p - threshold) * weight`, as a
/// half-open range, with the threshold used. Blocks that a pattern removes
/// count as neutral, so a gallery widget inside the article does not split
/// it. When no block reaches the threshold — a page whose article the model
/// doubts throughout — the threshold drops to just below the best block's
/// probability: the most article-like run is still the answer.
pub fn best_run(p: &[f32], signals: &[Signals], threshold: f32) -> ((usize, usize), f32) {
    let eligible = || {
        p.iter()
            .zip(signals)
            .filter(|(_, s)| pattern_reason(s).is_none() && s.words > 0.0)
            .map(|(pi, _)| *pi)
    };
    let best_p = eligible().fold(f32::MIN, f32::max);
    let threshold = if best_p > f32::MIN && best_p < threshold {
        best_p - 0.05
    } else {
        threshold
    };
    let run = max_subarray(p, signals, threshold);
    (cut_at_comments(run, p, signals, threshold), threshold)
}

fn max_subarray(p: &[f32], signals: &[Signals], threshold: f32) -> (usize, usize) {
    let mut best = (0, 0);
    let mut best_sum = f32::MIN;
    let mut start = 0;
    let mut sum = 0f32;
    for (i, (&pi, s)) in p.iter().zip(signals).enumerate() {
        // A list of lines weighs nothing either way: the line that
        // introduces it decides (keep_introduced_line_lists).
        let v = if pattern_reason(s).is_some() || s.list_line {
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
    threshold: f32,
) -> (HashMap<u64, u32>, Vec<usize>) {
    let mut candidates: Vec<usize> = (run.0..run.1)
        .filter(|&i| p[i] >= threshold && analysis.signals[i].words >= 8.0)
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
            *core.entry(*w).or_insert(0) += 1;
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
    // "© 2024 Valley Courier" is the site's notice; "© 2024 Getty Images"
    // the picture's.
    if s.copyright_notice && s.words <= 30.0 {
        return Some(Reason::Boilerplate);
    }
    if s.credit {
        return Some(Reason::PhotoCredit);
    }
    if s.caption {
        return Some(Reason::Caption);
    }
    if s.copyright && s.words <= 30.0 {
        return Some(Reason::Boilerplate);
    }
    None
}

/// A reason read off the page's structure, which removes a block wherever
/// it stands: site navigation, headers, footers, forms and dialogs, asides,
/// and boxes whose class or id says comments or related stories. On the
/// dev corpus fewer than one block in a hundred so placed is article text.
pub fn structure_reason(b: &Block) -> Option<Reason> {
    let d = b.dom()?;
    for (bit, reason) in [
        (landmark::NAV, Reason::Navigation),
        (landmark::FORM, Reason::CallToAction),
        (landmark::DIALOG, Reason::CallToAction),
        (landmark::FOOTER, Reason::Boilerplate),
        (landmark::HEADER, Reason::Navigation),
        (landmark::ASIDE, Reason::TeaserUnrelated),
    ] {
        if d.landmarks & bit != 0 {
            return Some(reason);
        }
    }
    if d.hints[hint::COMMENTS] != FAR {
        return Some(Reason::Comments);
    }
    if d.hints[hint::RELATED] <= 2 {
        return Some(Reason::TeaserUnrelated);
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
        // Hidden text inside the article is often its own ("read more"
        // expanders); elsewhere it is menus and dialogs waiting to open.
        let hidden = b.has_landmark(landmark::HIDDEN) && !in_run;
        let rule = if hidden {
            Some(Reason::Hidden)
        } else {
            pattern_reason(s).or_else(|| structure_reason(b))
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
            in_run,
        });
    }
    keep_introduced_lists(blocks, analysis, &mut out);
    keep_introduced_line_lists(analysis, &mut out);
    drop_link_lists(blocks, analysis, &mut out);
    drop_teaser_boxes(blocks, analysis, &mut out);
    // A duplicate of a kept block goes; the first occurrence stays.
    for i in 0..n {
        if let Some(j) = analysis.signals[i].duplicate_of {
            if out[i].keep && out[j].keep {
                out[i].keep = false;
                out[i].reason = Some(Reason::Duplicate);
            }
        }
    }
    // Figures take their neighbours' decision: the article's pictures sit
    // between its paragraphs, inside its run. A caption that shares no
    // words with the article's core belongs to a teaser for another story.
    for i in 0..n {
        if blocks[i].kind == Kind::Figure && out[i].reason.is_none() {
            let is_text =
                |j: &usize| blocks[*j].kind != Kind::Figure && analysis.signals[*j].words > 0.0;
            let prev = (0..i).rev().find(is_text);
            let next = (i + 1..n).find(is_text);
            let kept = |j: Option<usize>| j.is_some_and(|j| out[j].keep);
            let off_topic = analysis.features[i].get(F::topic_low as usize) > 0.0;
            out[i].keep = out[i].in_run && (kept(prev) || kept(next)) && !off_topic;
            if off_topic && out[i].in_run {
                out[i].reason = Some(Reason::TeaserUnrelated);
            }
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

/// A list of lines (see `Signals::list_line`) is the article's when the
/// line that introduces it is.
fn keep_introduced_line_lists(analysis: &Analysis, out: &mut [Decision]) {
    let n = out.len();
    let mut i = 1;
    while i < n {
        if !analysis.signals[i].list_line {
            i += 1;
            continue;
        }
        let end = (i..n)
            .find(|&j| !analysis.signals[j].list_line)
            .unwrap_or(n);
        if out[i - 1].keep && out[i - 1].in_run {
            for d in &mut out[i..end] {
                d.keep = true;
                d.reason = None;
                d.in_run = true;
            }
        }
        i = end;
    }
}

/// A list whose every item is a single link titled like a headline
/// ("NASA Europa Mission Could Spot Signs of Life"), between the
/// article's paragraphs, points to other stories; a list the text
/// introduces with a colon is the article's own.
fn drop_link_lists(blocks: &[Block], analysis: &Analysis, out: &mut [Decision]) {
    let n = blocks.len();
    let mut i = 0;
    while i < n {
        if blocks[i].kind != Kind::ListItem {
            i += 1;
            continue;
        }
        let end = (i..n)
            .find(|&j| blocks[j].kind != Kind::ListItem)
            .unwrap_or(n);
        let introduced = (0..i)
            .rev()
            .find(|&j| analysis.signals[j].words > 0.0)
            .is_some_and(|j| blocks[j].text.trim_end().ends_with(':'));
        let link_item = |b: &Block| {
            b.dom().is_some_and(|d| {
                let chars = b.text.chars().filter(|c| !c.is_whitespace()).count();
                d.links == 1 && d.link_chars as usize * 10 >= chars * 9
            }) && !b.text.trim_end().ends_with(['.', '!', '?', ':'])
        };
        if end - i >= 2 && !introduced && blocks[i..end].iter().all(link_item) {
            for d in &mut out[i..end] {
                if d.keep {
                    d.keep = false;
                    d.reason = Some(Reason::TeaserUnrelated);
                }
            }
        }
        i = end;
    }
}

/// A label such as "Related" or "Mehr zum Thema" inside the article heads
/// a box of headlines: the short lines under it, up to the next sentence
/// of the article, go with it. A heading or a list ends the box: "Don't
/// miss:" above a product's name and its features introduces the article's
/// own content.
fn drop_teaser_boxes(blocks: &[Block], analysis: &Analysis, out: &mut [Decision]) {
    const MAX_HEADLINES: usize = 8;
    let n = out.len();
    let is_label = |i: usize| {
        matches!(
            analysis.signals[i].phrase,
            Some((Reason::TeaserUnrelated, Match::Whole))
        )
    };
    for i in 0..n {
        if !is_label(i) || !out[i].in_run {
            continue;
        }
        let mut dropped = 0;
        for j in i + 1..n {
            let s = &analysis.signals[j];
            // The next label heads a box of its own: stopping there keeps
            // a page of labels and counters linear, not quadratic.
            if is_label(j) {
                break;
            }
            if s.words == 0.0 || pattern_reason(s).is_some() {
                continue;
            }
            let sentence = analysis.features[j].get(F::ends_punct as usize) > 0.0;
            let structure = matches!(blocks[j].kind, Kind::Heading | Kind::ListItem);
            if s.words >= 20.0 || sentence || structure || dropped == MAX_HEADLINES {
                break;
            }
            if out[j].keep {
                out[j].keep = false;
                out[j].reason = Some(Reason::TeaserUnrelated);
            }
            dropped += 1;
        }
    }
}

/// A kept paragraph that ends with a colon introduces what follows: the
/// list right after it ("The key points:", "Ingredients:") is the
/// article's, even when its items, short and full of links or numbers,
/// look like a menu. Lines between the items (a link under each item of a
/// list of deals) go with them.
fn keep_introduced_lists(blocks: &[Block], analysis: &Analysis, out: &mut [Decision]) {
    let n = blocks.len();
    let mut i = 0;
    while i < n {
        let introduces = out[i].keep
            && blocks[i].kind != Kind::ListItem
            && blocks[i].text.trim_end().ends_with(':')
            && analysis.signals[i].words >= 4.0;
        if !introduces {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last_item = None;
        while j < n {
            let b = &blocks[j];
            let rule = pattern_reason(&analysis.signals[j]).or_else(|| structure_reason(b));
            if b.kind == Kind::ListItem && rule.is_none() {
                last_item = Some(j);
            } else if analysis.signals[j].words > 3.0 || last_item.is_none() {
                break;
            }
            j += 1;
        }
        if let Some(last) = last_item {
            for d in &mut out[i + 1..=last] {
                if d.reason.is_none() || d.reason == Some(Reason::Navigation) {
                    d.keep = true;
                    d.reason = None;
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// The strongest evidence against a block the model removed.
fn explain(b: &Block, f: &features::Row, s: &Signals, in_run: bool) -> Reason {
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
    if s.truncated || f.get(F::topic_low as usize) > 0.0 {
        return Reason::TeaserUnrelated;
    }
    if f.get(F::link_density as usize) > 0.5
        || f.get(F::run_short as usize) > 0.5
        || f.get(F::pipes as usize) > 0.0
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
        assert_eq!(best_run(&p, &s, 0.5).0, (1, 4));
    }

    #[test]
    fn best_run_of_nothing_is_empty() {
        assert_eq!(best_run(&[], &[], 0.5).0, (0, 0));
    }

    #[test]
    fn when_no_block_reaches_the_threshold_the_best_ones_still_form_the_run() {
        let p = [0.1, 0.3, 0.35, 0.1];
        let s: Vec<_> = [5.0, 40.0, 40.0, 5.0].into_iter().map(sig).collect();
        let (run, threshold) = best_run(&p, &s, 0.5);
        assert_eq!(run, (1, 3));
        assert!(threshold < 0.35);
    }

    #[test]
    fn a_ticker_of_headlines_above_the_title_is_not_in_the_run() {
        let text = "Storm closes the northern pass for the second time this winter\n\n\
                    Council votes to keep the old swimming pool open all year\n\n\
                    Local bakery wins the national prize for its rye bread\n\n\
                    Night buses return to the harbour district from Monday\n\n\
                    The first paragraph of the night bus story tells who, what, where and when, \
                    and why the harbour district waited so long for the buses to come back.\n\n\
                    The second paragraph of the night bus story gives the timetable and the fares, \
                    and what the harbour district's residents said about the night buses.";
        let blocks = crate::input::text::read(text);
        let mut analysis = features::analyse(&blocks, None, None);
        // The headlines share few words with the article; its title, many.
        for (f, topic) in analysis
            .features
            .iter_mut()
            .zip([0.05, 0.1, 0.0, 0.8, 0.9, 0.9])
        {
            f.set(F::topic as usize, topic);
        }
        let page = Page::new(&blocks, None, Source::Text, None);
        let p = [0.5, 0.5, 0.5, 0.4, 0.95, 0.95];
        assert_eq!(start_at_title(&page, &analysis, &p, (0, 6), 0.35), (3, 6));
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
