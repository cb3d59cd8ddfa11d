//! Keep or remove, block by block: the model's verdict inside and outside
//! the run, the patterns and page structure that remove a block wherever
//! it stands, the rules for lists and teaser boxes, and the reason for
//! every removal.

use super::model::Params;
use super::{Decision, Role};
use crate::blocks::{hint, landmark, Block, Kind, FAR};
use crate::codes::Reason;
use crate::features::{Analysis, Row, Signals, F, HINT_REASONS};
use crate::lexicon::Match;

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
pub fn decide(
    blocks: &[Block],
    analysis: &Analysis,
    rows: &[Row],
    p: &[f32],
    run: (usize, usize),
    params: &Params,
) -> Vec<Decision> {
    let n = blocks.len();
    let mut out: Vec<Decision> = Vec::with_capacity(n);
    let readers = super::run::readers_posts(&analysis.signals, run);
    // A count of comments after the article opens its comments: what
    // follows is kept by no verdict outside the run, however sure the model
    // is of replies as long and on topic as the post ("{ 131 comments }" on
    // diythemes.com, "8 comments:" on foodwishes.blogspot.com and
    // alinanimation.blogspot.com in wide-dev). A bare "Comments" is as
    // often a link in the share bar above the article (techcrunch.com,
    // milliondollarjourney.com).
    let comments_from = (run.1..n)
        .find(|&i| {
            pattern_reason(&analysis.signals[i]) == Some(Reason::Comments)
                && blocks[i].text.bytes().any(|c| c.is_ascii_digit())
        })
        .unwrap_or(n);
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
        let rule =
            rule.or(((readers[i] || i > comments_from) && !in_run).then_some(Reason::Comments));
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
            role: Role::Body,
        });
    }
    keep_introduced_lists(blocks, analysis, &mut out);
    keep_introduced_line_lists(analysis, p, params, &mut out);
    keep_plain_lists_beside_the_body(blocks, analysis, &mut out);
    drop_link_lists(blocks, analysis, &mut out);
    drop_teaser_boxes(blocks, analysis, &mut out);
    // A duplicate of a kept block goes; the first occurrence stays
    // (a summary box repeating the lead on finanzcheck.de, verivox.de,
    // goodnight.at, viehbacher.com).
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
    // words with the article's core belongs to a teaser for another story
    // (between the paragraphs of bbc.com, cnn.com, foxnews.com, cicero.de
    // and 37 other sites' pages).
    for i in 0..n {
        if blocks[i].kind == Kind::Figure && out[i].reason.is_none() {
            let is_text =
                |j: &usize| blocks[*j].kind != Kind::Figure && analysis.signals[*j].words > 0.0;
            let prev = (0..i).rev().find(is_text);
            let next = (i + 1..n).find(is_text);
            let kept = |j: Option<usize>| j.is_some_and(|j| out[j].keep);
            let off_topic = rows[i].get(F::topic_low as usize) > 0.0;
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
                &rows[i],
                &analysis.signals[i],
                out[i].in_run,
            ));
        }
    }
    out
}
/// A list of lines (see `Signals::list_line`) is the article's when the
/// line that introduces it is; so is a sentence that closes it ("Tickets go
/// on sale on 4 November."), when the model gives it half the keep
/// threshold: beside the list's short lines it is rated low. Takes
/// back lines on yle.fi, rollingstone.com, auswaertiges-amt.de and
/// verivox.de pages, from HTML and pasted text.
fn keep_introduced_line_lists(
    analysis: &Analysis,
    p: &[f32],
    params: &Params,
    out: &mut [Decision],
) {
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
            if let Some(next) = (end..n).find(|&j| analysis.signals[j].words > 0.0) {
                let s = &analysis.signals[next];
                if s.ends_sentence()
                    && pattern_reason(s).is_none()
                    && out[next].reason.is_none()
                    && p[next] >= params.keep_threshold / 2.0
                {
                    out[next].keep = true;
                    out[next].in_run = true;
                }
            }
        }
        i = end;
    }
}
/// Lists of plain items just above or below the kept body, with only
/// headings and labels between, are the article's: a recipe's ingredients
/// and its nutrition facts (lecker.de, cybercook.com.br), a product's
/// specifications (zooroyal.de). Their items are
/// too short and too alike to pass as text on their own. A menu, a tag
/// list or a list of other stories has links, and stops the search.
fn keep_plain_lists_beside_the_body(blocks: &[Block], analysis: &Analysis, out: &mut [Decision]) {
    const REACH: usize = 40;
    let n = blocks.len();
    let (Some(first), Some(last)) = (
        out.iter().position(|d| d.keep),
        out.iter().rposition(|d| d.keep),
    ) else {
        return;
    };
    let plain_item = |j: usize| {
        let s = &analysis.signals[j];
        blocks[j].kind == Kind::ListItem
            && blocks[j].dom().is_some_and(|d| d.links == 0)
            && s.words > 0.0
            && s.words <= 30.0
            && pattern_reason(s).is_none()
            && structure_reason(&blocks[j]).is_none()
    };
    // What may stand between such a list and the body: a heading, or a
    // label of a few words ("Für 12 Stücke", "Zubereitung").
    let between = |j: usize| {
        let s = &analysis.signals[j];
        s.words == 0.0
            // A serving-size form sits between a recipe's title and its
            // ingredients.
            || (structure_reason(&blocks[j]).is_none_or(|r| r == Reason::CallToAction)
                && (blocks[j].kind == Kind::Heading || s.words <= 6.0)
                && blocks[j].dom().is_some_and(|d| d.links == 0))
    };
    let keep_heading = |h: usize, out: &mut [Decision]| {
        if blocks[h].kind == Kind::Heading && out[h].reason.is_none() {
            out[h].keep = true;
        }
    };
    // Walking away from the body: labels passed are kept once a list
    // beyond them is, and a heading right above a list (walking up) is the
    // list's.
    let take = |range: &mut dyn Iterator<Item = usize>, upwards: bool, out: &mut [Decision]| {
        let mut labels = Vec::new();
        let mut after_item = false;
        for j in range {
            if out[j].keep {
                continue;
            }
            if plain_item(j) {
                out[j].keep = true;
                out[j].reason = None;
                out[j].in_run = true;
                for h in labels.drain(..) {
                    keep_heading(h, out);
                }
                after_item = true;
            } else if between(j) {
                if upwards && after_item && blocks[j].kind == Kind::Heading {
                    keep_heading(j, out);
                    after_item = false;
                } else {
                    labels.push(j);
                }
            } else {
                break;
            }
        }
    };
    take(&mut (first.saturating_sub(REACH)..first).rev(), true, out);
    take(&mut (last + 1..(last + 1 + REACH).min(n)), false, out);
    // Inside the body a list is one unit: the items the model doubted
    // ("1 Würfel Hefe" among the ingredients) go with the ones it kept,
    // and a heading between kept blocks heads the text below it.
    let mut i = first;
    while i <= last {
        if blocks[i].kind != Kind::ListItem {
            if blocks[i].kind == Kind::Heading
                && !out[i].keep
                && out[i].reason.is_none()
                && i > first
                && out[i - 1].keep
                && (i + 1..n)
                    .find(|&j| {
                        !between(j) || matches!(blocks[j].kind, Kind::Heading | Kind::ListItem)
                    })
                    .is_some_and(|j| out[j].keep)
            {
                out[i].keep = true;
            }
            i += 1;
            continue;
        }
        let end = (i..n)
            .find(|&j| blocks[j].kind != Kind::ListItem)
            .unwrap_or(n);
        let kept = (i..end).filter(|&j| out[j].keep).count();
        if 2 * kept >= end - i && (i..end).all(|j| out[j].keep || plain_item(j)) {
            for d in &mut out[i..end] {
                d.keep = true;
                d.reason = None;
            }
        }
        i = end;
    }
}

/// A list whose every item is a single link titled like a headline
/// ("NASA Europa Mission Could Spot Signs of Life"), between the
/// article's paragraphs, points to other stories; a list the text
/// introduces with a colon is the article's own. Fires on bbc.com, mixed.de
/// and rnz.de pages of the dev corpora.
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
            .is_some_and(|j| analysis.signals[j].ends_with(&[':']));
        let link_item = |j: usize| {
            let s = &analysis.signals[j];
            blocks[j].dom().is_some_and(|d| {
                d.links == 1 && u64::from(d.link_chars) * 10 >= u64::from(s.visible_chars) * 9
            }) && !s.ends_with(&['.', '!', '?', ':'])
        };
        if end - i >= 2 && !introduced && (i..end).all(link_item) {
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
/// own content. Fires on pasted text from newsweek.com, pcmag.com,
/// standard.co.uk, vancouversun.com and indiewire.com, where the box has no
/// element to say what it is.
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
/// list of deals) go with them. Takes back lists on auswaertiges-amt.de,
/// bundespolizei.de and finanztip.de pages, and in pasted text from
/// qualisys.eu and remember8090.it.
fn keep_introduced_lists(blocks: &[Block], analysis: &Analysis, out: &mut [Decision]) {
    let n = blocks.len();
    let mut i = 0;
    while i < n {
        let introduces = out[i].keep
            && blocks[i].kind != Kind::ListItem
            && analysis.signals[i].ends_with(&[':'])
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
            // A bare address goes with the item above it: the link under
            // each item of a list of deals, the last one's too
            // (remember8090.it in dev's pasted text).
            let address = analysis.features[j].get(F::url as usize) > 0.0;
            if (b.kind == Kind::ListItem && rule.is_none()) || (address && last_item == Some(j - 1))
            {
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
fn explain(b: &Block, f: &Row, s: &Signals, in_run: bool) -> Reason {
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
    fn patterns_decide_regardless_of_the_model() {
        let mut s = sig(1.0);
        s.counter = true;
        assert_eq!(pattern_reason(&s), Some(Reason::Gallery));
        s.counter = false;
        s.credit = true;
        assert_eq!(pattern_reason(&s), Some(Reason::PhotoCredit));
    }
}
