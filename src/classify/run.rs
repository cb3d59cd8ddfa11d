//! The article's extent: the contiguous run of blocks the model believes
//! in most, bounded by the page's structure, and its core, the strongest
//! paragraphs, whose words tell the article's topic.

use std::collections::HashMap;

use super::rules::{pattern_reason, structure_reason};
use super::Page;
use crate::blocks::{hint, landmark, Block, Kind, Outline, FAR};
use crate::codes::Reason;
use crate::dom::NodeId;
use crate::features::{Analysis, Row, Signals, F};
use crate::lexicon::Match;

/// Blocks the page's structure rules out (see [`structure_reason`]),
/// blocks above the headline, and blocks that repeat an earlier one count
/// as certainly not article, so that a comment section, a list of teasers
/// or a ticker shown twice cannot pull the article's run, or its core, its
/// way. (An article does not repeat its paragraphs.)
pub fn structured(mut p: Vec<f32>, page: &Page, signals: &[Signals]) -> Vec<f32> {
    // Before the run is known, the first post of the first thread may be
    // the article's own.
    let replies = readers_posts(signals, (0, signals.len()));
    for (i, (pi, b)) in p.iter_mut().zip(page.blocks).enumerate() {
        if structure_reason(b).is_some()
            || replies[i]
            || page.anchor.is_some_and(|a| i < a)
            || signals[i].duplicate_of.is_some()
        {
            *pi = 0.0;
        }
    }
    p
}
/// A box of teasers shown twice is no article: blocks whose text comes
/// back later, in the same order, three or more in a row, most of them
/// off the article's topic (cbc.ca's "Canada Headlines" in wide-dev
/// pasted text, l-mag.de's news teasers in multilingual-dev). A short
/// article shown twice (wsj.com's print copy below the story, wide-dev)
/// is on its own topic and stays; so does a headline repeated with its
/// lead in a teaser, which is two blocks.
pub fn without_echoed_boxes(mut p: Vec<f32>, signals: &[Signals], rows: &[Row]) -> Vec<f32> {
    const MIN_BLOCKS: usize = 3;
    let n = signals.len();
    let mut later: Vec<Option<usize>> = vec![None; n];
    for (j, s) in signals.iter().enumerate() {
        if let Some(i) = s.duplicate_of {
            later[i].get_or_insert(j);
        }
    }
    let mut i = 0;
    while i < n {
        let Some(j) = later[i] else {
            i += 1;
            continue;
        };
        let mut k = 1;
        while i + k < n && later[i + k] == Some(j + k) {
            k += 1;
        }
        let off_topic = rows[i..i + k]
            .iter()
            .filter(|r| r.get(F::topic_low as usize) > 0.0)
            .count();
        if k >= MIN_BLOCKS && off_topic * 2 > k {
            p[i..i + k].iter_mut().for_each(|pi| *pi = 0.0);
        }
        i += k;
    }
    p
}
/// The blocks inside the lowest element that holds all of the core's
/// blocks — a contiguous range, since blocks are in document order — unless
/// that element is the whole page.
pub fn container_range(
    blocks: &[Block],
    outline: &Outline,
    core: &[usize],
) -> Option<std::ops::Range<usize>> {
    let node_of = |i: usize| blocks[i].dom().map(|d| d.container);
    let mut lca = node_of(*core.first()?)?;
    for &i in &core[1..] {
        lca = common_ancestor(outline, lca, node_of(i)?);
    }
    if lca == crate::dom::DOCUMENT || outline.is_page_level(lca) {
        return None;
    }
    let inside = |i: usize| node_of(i).is_some_and(|n| outline.ancestors(n).any(|a| a == lca));
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

fn common_ancestor(outline: &Outline, a: NodeId, b: NodeId) -> NodeId {
    let of_a: std::collections::HashSet<NodeId> = outline.ancestors(a).collect();
    outline
        .ancestors(b)
        .find(|n| of_a.contains(n))
        .unwrap_or(crate::dom::DOCUMENT)
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
    // An author box ("About the author") or a credit line ("Redaktion:
    // …") also ends the article, but only well into it: right under the
    // lead, "Redaktion 1. November 2023" is the article's byline
    // (exxpress.at in multilingual-dev).
    let opens_comments = |s: &Signals, article_words: f32| match s.phrase {
        Some((Reason::Comments, Match::Whole | Match::Prefix)) => true,
        Some((Reason::Byline, Match::Whole | Match::Prefix)) => article_words >= 80.0,
        _ => false,
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
        if (seen_paragraph && opens_comments(s, article_words)) || next_post {
            return (run.0, i);
        }
        if article_words >= 80.0 && opens_replies(&signals[i..], article_words) {
            return (run.0, i);
        }
        // Prose cut off with an ellipsis is another story's excerpt (a
        // ticker above the headline on indiapost.com in dev; excerpts
        // kept as article, failure class 6 of issue 11, on unseen
        // pages), not a paragraph that a comment count could follow.
        if p[i] >= threshold && s.words >= 8.0 && !s.truncated {
            article_words += s.words;
            seen_paragraph |= s.words >= 20.0;
        }
    }
    run
}
/// A line that heads a post of a thread: stamped with its day and time, or
/// naming its writer ("joetoronto says:").
fn heads_post(s: &Signals) -> bool {
    s.stamp || s.dated_name || matches!(s.phrase, Some((Reason::Comments, Match::Suffix)))
}
/// The headers of the thread of posts that starts at the first of
/// `signals`, as offsets into it: it and every later header that follows
/// the previous one within 100 blocks with the post's text between them
/// (a post's replies can run that long under it: slashdot.org in
/// wide-dev; no other page of the dev corpora has headers 60 to 100
/// blocks apart);
/// empty unless there are at least three. A paste keeps none of the markup
/// that tells comments from the article, but their headers recur (seen on
/// paulocoelhoblog.com, crookedtimber.org, johndcook.com, simplemom.net,
/// crackberry.com, sbnation.com in wide-dev); an article's own dateline
/// stands once.
fn thread_at(signals: &[Signals]) -> Vec<usize> {
    const MAX_GAP: usize = 100;
    if !signals.first().is_some_and(heads_post) {
        return Vec::new();
    }
    let (mut heads, mut text_since) = (vec![0], false);
    for (i, s) in signals.iter().enumerate().skip(1) {
        if i - heads[heads.len() - 1] > MAX_GAP {
            break;
        }
        if heads_post(s) {
            // A header right after another (a reply of a few words) neither
            // counts nor ends the thread.
            if text_since {
                heads.push(i);
            }
            text_since = false;
        } else {
            text_since |= s.words >= 5.0;
        }
    }
    if heads.len() < 3 {
        heads.clear();
    }
    heads
}
/// Whether the thread starting at the first of `signals` is readers'
/// posts after `article_words` of the article: unless its first post is
/// longer than all of the article before it, for then the first header is
/// the article's own stamped byline (exxpress.at in multilingual-dev,
/// sbnation.com in wide-dev).
fn opens_replies(signals: &[Signals], article_words: f32) -> bool {
    let heads = thread_at(signals);
    heads.len() >= 3
        && signals[heads[0]..heads[1]]
            .iter()
            .map(|s| s.words)
            .sum::<f32>()
            <= article_words
}
/// The page's threads of posts: for each, the block range from its first
/// header to the end of its last post, and where its second post starts.
fn thread_spans(signals: &[Signals]) -> Vec<(usize, usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < signals.len() {
        let heads = thread_at(&signals[i..]);
        let (Some(&second), Some(&last)) = (heads.get(1), heads.last()) else {
            i += 1;
            continue;
        };
        // The last post runs about as long as the others did.
        let tail = ((last - heads[0]) / (heads.len() - 1)).min(20);
        let end = (i + last + 1 + tail).min(signals.len());
        let mut j = i + last + 1;
        while j < end && !heads_post(&signals[j]) {
            j += 1;
        }
        spans.push((i, i + second, j));
        i = j.max(i + 1);
    }
    spans
}
/// The blocks of readers' posts, given the article's run: every post of
/// every thread, but the first post of the first when that thread starts
/// before the run ends (a forum's opening post, a story with a stamped
/// byline: the article's own).
pub fn readers_posts(signals: &[Signals], run: (usize, usize)) -> Vec<bool> {
    let mut out = vec![false; signals.len()];
    for (k, (start, second, end)) in thread_spans(signals).into_iter().enumerate() {
        let from = if k == 0 && start < run.1 {
            second
        } else {
            start
        };
        out[from..end].iter_mut().for_each(|r| *r = true);
    }
    out
}
/// The maximum-sum contiguous run of `(p - threshold) * weight`, as a
/// half-open range, with the threshold used. Blocks that a pattern removes
/// count as neutral, so a gallery widget inside the article does not split
/// it. When no block reaches the threshold — a page whose article the model
/// doubts throughout — the threshold drops to just below the best block's
/// probability: the most article-like run is still the answer.
pub fn best_run(
    p: &[f32],
    blocks: &[Block],
    signals: &[Signals],
    threshold: f32,
) -> ((usize, usize), f32) {
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
    let run = max_subarray(p, blocks, signals, threshold);
    (cut_at_comments(run, p, signals, threshold), threshold)
}
fn max_subarray(
    p: &[f32],
    blocks: &[Block],
    signals: &[Signals],
    threshold: f32,
) -> (usize, usize) {
    // A list of lines weighs nothing either way: the line that introduces
    // it decides (keep_introduced_line_lists). Nor does a picture of a
    // gallery or slideshow box, or a hidden one, set inside the article:
    // the model rates captions low, and twenty of them between two halves
    // of the story cut it in two (standard.co.uk in multilingual-dev,
    // cnn.com in wide-dev).
    let widget = |b: &Block| {
        b.kind == Kind::Figure && (b.hint(hint::GALLERY) != FAR || b.has_landmark(landmark::HIDDEN))
    };
    let values = p.iter().zip(signals).zip(blocks).map(|((&pi, s), b)| {
        if pattern_reason(s).is_some() || s.list_line || widget(b) {
            0.0
        } else {
            (pi - threshold) * weight(s)
        }
    });
    best_span(values).map_or((0, 0), |(span, _)| span)
}

/// The span of consecutive values with the largest sum (Kadane's maximum
/// subarray), and the sum; `None` for no values.
pub fn best_span(values: impl IntoIterator<Item = f32>) -> Option<((usize, usize), f32)> {
    let mut best = None;
    let mut best_sum = f32::MIN;
    let mut start = 0;
    let mut sum = 0f32;
    for (i, v) in values.into_iter().enumerate() {
        if sum <= 0.0 {
            start = i;
            sum = v;
        } else {
            sum += v;
        }
        if sum > best_sum {
            best_sum = sum;
            best = Some((start, i + 1));
        }
    }
    best.map(|span| (span, best_sum))
}
/// Word counts of the run's strongest blocks: those the model is surest of,
/// longest first, up to half the run's likely words (at least one block).
pub fn core_of(
    analysis: &Analysis,
    p: &[f32],
    run: (usize, usize),
    threshold: f32,
) -> (HashMap<u64, u32>, Vec<usize>) {
    let mut candidates: Vec<usize> = (run.0..run.1)
        .filter(|&i| p[i] >= threshold && analysis.signals[i].words >= 8.0)
        .collect();
    // By score, highest first, and in page order among equal scores.
    let score = |i: usize| p[i] * analysis.signals[i].words;
    crate::text::sort_by(&mut candidates, |&a, &b| {
        score(b).total_cmp(&score(a)).then(a.cmp(&b)).is_lt()
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
    crate::text::sort_by(&mut taken, |a, b| a < b);
    (core, taken)
}
/// A run that starts with a ticker of other stories' headlines or
/// excerpts, then the article's title, starts at the title. Without a
/// headline from the page's metadata (pasted text, pasted HTML) the title
/// is the line above the article's first paragraph (an excerpt is none)
/// that shares most of its words with the article's core; the lines above
/// it, which share few, are not the article's.
pub fn start_at_title(
    page: &Page,
    analysis: &Analysis,
    rows: &[Row],
    p: &[f32],
    run: (usize, usize),
    threshold: f32,
) -> (usize, usize) {
    const TITLE_TOPIC: f32 = 0.5;
    const TICKER_TOPIC: f32 = 0.3;
    if page.anchor.is_some() {
        return run;
    }
    let signals = &analysis.signals;
    let topic = |i: usize| rows[i].get(F::topic as usize);
    let Some(first_paragraph) = (run.0..run.1)
        .find(|&i| p[i] >= threshold && signals[i].words >= 20.0 && !signals[i].truncated)
    else {
        return run;
    };
    let title_like = |i: usize| {
        let s = &signals[i];
        (3.0..=25.0).contains(&s.words)
            && page.blocks[i].kind != Kind::ListItem
            && s.phrase.is_none()
            && !s.ends_with(&['.'])
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
    // Three lines or more of headlines, or excerpts cut off with an
    // ellipsis however few (one block of 429 words on indiapost.com).
    let lines = above.clone().filter(|&i| signals[i].words > 0.0).count();
    let excerpts: f32 = above
        .filter(|&i| signals[i].truncated)
        .map(|i| signals[i].words)
        .sum();
    if (lines >= 3 || excerpts >= 0.8 * words) && shared < TICKER_TOPIC * words {
        (title, run.1)
    } else {
        run
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

    /// `n` plain paragraphs, for runs whose blocks only their signals tell.
    fn plain(n: usize) -> Vec<Block> {
        let blocks = crate::input::text::read(&"A line.\n\n".repeat(n));
        assert_eq!(blocks.len(), n);
        blocks
    }

    #[test]
    fn best_run_spans_the_strong_blocks_and_bridges_a_weak_one() {
        let p = [0.1, 0.9, 0.3, 0.9, 0.1, 0.1];
        let s: Vec<_> = [1.0, 50.0, 3.0, 50.0, 5.0, 5.0]
            .into_iter()
            .map(sig)
            .collect();
        assert_eq!(best_run(&p, &plain(6), &s, 0.5).0, (1, 4));
    }

    /// Blocks 0..3 shown again as 4..7, their rows off the topic or not.
    fn echoed(off_topic: bool) -> Vec<f32> {
        let mut s: Vec<Signals> = (0..7).map(|_| sig(30.0)).collect();
        for (copy, first) in (4..7).zip(0..3) {
            s[copy].duplicate_of = Some(first);
        }
        let mut row = Row::default();
        row.set(F::topic_low as usize, if off_topic { 1.0 } else { 0.0 });
        without_echoed_boxes(vec![0.8; 7], &s, &vec![row; 7])
    }

    #[test]
    fn a_teaser_box_shown_twice_is_not_article() {
        assert_eq!(&echoed(true)[..3], &[0.0; 3]);
    }

    #[test]
    fn a_short_article_shown_twice_keeps_its_first_copy() {
        assert_eq!(&echoed(false)[..3], &[0.8; 3]);
    }

    #[test]
    fn a_gallery_inside_the_article_does_not_split_its_run() {
        let paragraph = "The council met on Tuesday evening and voted to keep the old \
            swimming pool open all year, after a campaign by the swimming club.";
        let picture = "<figure><img src=\"pool.jpg\"><figcaption>Swimmers at the old \
            pool on a winter morning, when the water is warmer than the air above \
            it</figcaption></figure>";
        let html = format!(
            "<p>{paragraph}</p><div class=\"gallery\">{}</div><p>{paragraph}</p>",
            picture.repeat(6)
        );
        let blocks = crate::input::html::read(crate::dom::prepare(&html), None).blocks;
        let s: Vec<Signals> = blocks
            .iter()
            .map(|b| sig(crate::text::word_weight(&b.text)))
            .collect();
        // The model doubts the captions, out of the article's prose.
        let p: Vec<f32> = blocks
            .iter()
            .map(|b| if b.kind == Kind::Figure { 0.2 } else { 0.9 })
            .collect();
        assert_eq!(blocks.len(), 8);
        assert_eq!(best_run(&p, &blocks, &s, 0.5).0, (0, 8));
    }

    #[test]
    fn a_thread_goes_on_past_a_long_run_of_replies() {
        let header = || Signals {
            words: 10.0,
            stamp: true,
            ..sig(10.0)
        };
        // Posts headed at 0, 10, 20, then 95 blocks of replies to the
        // third before the fourth.
        let mut s: Vec<Signals> = (0..140).map(|_| sig(30.0)).collect();
        for i in [0, 10, 20, 115, 125] {
            s[i] = header();
        }
        assert_eq!(thread_at(&s), vec![0, 10, 20, 115, 125]);
    }

    #[test]
    fn excerpts_of_other_stories_do_not_let_a_comment_count_end_the_run() {
        // A ticker of cut-off excerpts, then "0 Comments" under the
        // headline, then the article: the count follows no paragraph of
        // the article, so the article stays in the run.
        let mut s: Vec<Signals> = [300.0, 8.0, 2.0, 60.0, 60.0, 60.0]
            .into_iter()
            .map(sig)
            .collect();
        s[0].truncated = true;
        s[2].phrase = Some((Reason::Comments, Match::Whole));
        let p = [0.7, 0.6, 0.1, 0.9, 0.9, 0.9];
        assert_eq!(cut_at_comments((0, 6), &p, &s, 0.5), (0, 6));
        // Without the ellipsis the first block is article text, and the
        // count after it opens the comments.
        s[0].truncated = false;
        assert_eq!(cut_at_comments((0, 6), &p, &s, 0.5), (0, 2));
    }

    #[test]
    fn best_run_of_nothing_is_empty() {
        assert_eq!(best_run(&[], &[], &[], 0.5).0, (0, 0));
    }

    #[test]
    fn when_no_block_reaches_the_threshold_the_best_ones_still_form_the_run() {
        let p = [0.1, 0.3, 0.35, 0.1];
        let s: Vec<_> = [5.0, 40.0, 40.0, 5.0].into_iter().map(sig).collect();
        let (run, threshold) = best_run(&p, &plain(4), &s, 0.5);
        assert_eq!(run, (1, 3));
        assert!(threshold < 0.35);
    }

    /// Where `start_at_title` starts the run `(0, n)` of pasted `text`,
    /// its blocks given these topic features and probabilities.
    fn title_start(text: &str, topics: &[f32], p: &[f32]) -> (usize, usize) {
        let blocks = crate::input::text::read(text);
        let analysis = crate::features::analyse(&blocks, None, None);
        let mut rows = analysis.features.clone();
        for (f, &topic) in rows.iter_mut().zip(topics) {
            f.set(F::topic as usize, topic);
        }
        let meta = crate::input::meta::PageMeta::default();
        let page = Page::new(&blocks, None, &meta, super::super::model::Source::Text);
        start_at_title(&page, &analysis, &rows, p, (0, p.len()), 0.35)
    }

    const NIGHT_BUSES: &str = "Night buses return to the harbour district from Monday\n\n\
        The first paragraph of the night bus story tells who, what, where and when, \
        and why the harbour district waited so long for the buses to come back.\n\n\
        The second paragraph of the night bus story gives the timetable and the fares, \
        and what the harbour district's residents said about the night buses.";

    #[test]
    fn one_long_excerpt_above_the_title_is_not_in_the_run() {
        let text = format!(
            "Council approves the winter ferry timetable with two extra crossings on \
             Saturdays, after a consultation that drew four hundred replies from \
             islanders asking for an earlier boat on weekday mornings so that …\n\n{NIGHT_BUSES}"
        );
        let run = title_start(&text, &[0.05, 0.8, 0.9, 0.9], &[0.6, 0.4, 0.95, 0.95]);
        assert_eq!(run, (1, 4));
    }

    #[test]
    fn a_ticker_of_headlines_above_the_title_is_not_in_the_run() {
        let text = format!(
            "Storm closes the northern pass for the second time this winter\n\n\
             Council votes to keep the old swimming pool open all year\n\n\
             Local bakery wins the national prize for its rye bread\n\n{NIGHT_BUSES}"
        );
        // The headlines share few words with the article; its title, many.
        let run = title_start(
            &text,
            &[0.05, 0.1, 0.0, 0.8, 0.9, 0.9],
            &[0.5, 0.5, 0.5, 0.4, 0.95, 0.95],
        );
        assert_eq!(run, (3, 6));
    }
}
