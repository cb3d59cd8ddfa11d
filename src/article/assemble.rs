//! Fifth stage: from kept blocks to an [`Article`].
//!
//! The top of the article is read for its parts — title, section label,
//! lead, byline, date — which move into the metadata; list items, quotes and
//! table rows are put back together; every block not kept is listed in
//! `removed` with its reason, so the input can be rebuilt from the two.

use crate::article::{
    Article, ArticleBlock, BlockKind, InputKind, MetaSource, Reason, RemovedBlock, Source,
};
use crate::blocks::{Block, Kind};
use crate::classify::Decision;
use crate::features::Analysis;
use crate::input::meta::PageMeta;
use crate::text::{fold, words};

pub struct Parts<'a> {
    pub kind: InputKind,
    pub blocks: &'a [Block],
    pub analysis: &'a Analysis,
    pub decisions: Vec<Decision>,
    pub meta: &'a PageMeta,
    pub lang: Option<(String, MetaSource)>,
}

pub fn assemble(parts: Parts) -> Article {
    let Parts {
        kind,
        blocks,
        analysis,
        mut decisions,
        meta,
        lang,
    } = parts;
    let mut article = Article {
        input_kind: kind,
        lang: lang.as_ref().map(|(l, _)| l.clone()),
        site_name: meta.site_name.clone(),
        section: meta.section.clone(),
        published: meta.published.clone(),
        byline: meta.author.clone(),
        ..Article::default()
    };
    article.sources = meta.sources.clone();
    article.sources.title = None;
    article.sources.lang = lang.map(|(_, s)| s);

    drop_trailing_headings(blocks, analysis, &mut decisions);
    let first_body = decisions.iter().position(|d| d.keep);
    let title = find_title(blocks, analysis, &decisions, meta, first_body);
    if let Some(t) = title {
        article.title = Some(blocks[t].text.clone());
        article.sources.title = Some(MetaSource::Heading);
        decisions[t].keep = false;
        decisions[t].reason = Some(Reason::Title);
    } else if let Some((t, source)) = meta.story_title_with_source() {
        article.title = Some(t);
        article.sources.title = Some(source);
    }
    read_top(blocks, analysis, &mut decisions, title, &mut article);
    // Without og:site_name, the page's <title> names the site after the
    // story's title it repeats: "Story title | Site".
    if article.site_name.is_none() {
        if let (Some(page_title), Some(story)) = (&meta.title, &article.title) {
            if let (head, Some(site)) = crate::input::meta::split_site_name(page_title) {
                if crate::text::similarity(head, story) >= 0.8 {
                    article.site_name = Some(site.to_string());
                    article.sources.site_name = Some(MetaSource::TitleElement);
                }
            }
        }
    }

    // Lead: the first kept paragraph right after the title, when something
    // other than body text (byline, picture, credit) separates it from
    // the body, or when the page's description says it is.
    let mut lead_index = None;
    if let Some(t) = title {
        if let Some(l) = standfirst(blocks, analysis, &decisions, t) {
            article.lead = Some(blocks[l].text.clone());
            lead_index = Some(l);
        } else if let Some(l) = (t + 1..blocks.len()).find(|&i| decisions[i].keep) {
            let next_kept = (l + 1..blocks.len()).find(|&i| decisions[i].keep);
            let separated =
                next_kept.is_some_and(|n| (l + 1..n).any(|i| analysis.signals[i].words > 0.0));
            let described = meta
                .description
                .as_deref()
                .is_some_and(|d| crate::text::similarity(d, &blocks[l].text) >= 0.8);
            if blocks[l].kind == Kind::Paragraph
                && analysis.signals[l].words >= 8.0
                && (separated || described)
                && next_kept.is_some()
            {
                article.lead = Some(blocks[l].text.clone());
                lead_index = Some(l);
            }
        }
    }

    // Text has no tags: a short kept line without final punctuation that
    // is followed by a paragraph is a subheading.
    let mut kinds: Vec<(Kind, u8)> = blocks.iter().map(|b| (b.kind, b.level)).collect();
    if kind == InputKind::Text {
        for i in 0..blocks.len() {
            if !decisions[i].keep || blocks[i].kind != Kind::Paragraph {
                continue;
            }
            let next = (i + 1..blocks.len()).find(|&j| decisions[j].keep);
            let s = &analysis.signals[i];
            let text = &blocks[i].text;
            let runs_on = ends_sentence(text) || text.trim_end().ends_with([':', ';', ',']);
            if s.words <= 15.0
                && !runs_on
                && next.is_some_and(|j| analysis.signals[j].words > s.words)
            {
                kinds[i] = (Kind::Heading, 2);
            }
        }
    }

    let mut words_kept = article.title.as_deref().map_or(0, count_words)
        + article.lead.as_deref().map_or(0, count_words);
    let mut words_removed = 0;
    let mut i = 0;
    while i < blocks.len() {
        let d = &decisions[i];
        if Some(i) == lead_index {
            i += 1;
            continue;
        }
        if !d.keep {
            let reason = d.reason.unwrap_or(Reason::OutsideArticle);
            if reason != Reason::Title {
                words_removed += count_words(&blocks[i].text);
            }
            article.removed.push(RemovedBlock {
                reason,
                block: single(&blocks[i], kinds[i], i),
            });
            i += 1;
            continue;
        }
        // Consecutive kept items of one list or quote become one block.
        let mut j = i + 1;
        if matches!(blocks[i].kind, Kind::ListItem | Kind::Quote) {
            while j < blocks.len()
                && decisions[j].keep
                && blocks[j].kind == blocks[i].kind
                && blocks[j].group == blocks[i].group
            {
                j += 1;
            }
        }
        let block = if j - i > 1 {
            merged(&blocks[i..j], i)
        } else {
            single(&blocks[i], kinds[i], i)
        };
        words_kept += count_words(&block.text);
        article.blocks.push(block);
        i = j;
    }
    article.authors = article.byline.iter().cloned().collect();
    article.words_kept = words_kept as u32;
    article.words_removed = words_removed as u32;
    article
}

fn count_words(s: &str) -> usize {
    words(s).count()
}

fn block_kind(kind: Kind) -> BlockKind {
    match kind {
        Kind::Paragraph => BlockKind::Paragraph,
        Kind::Heading => BlockKind::Heading,
        Kind::ListItem => BlockKind::List,
        Kind::Quote => BlockKind::Quote,
        Kind::Table => BlockKind::Table,
        Kind::Figure => BlockKind::Figure,
        Kind::Code => BlockKind::Code,
    }
}

fn source(b: &Block, index: usize) -> Source {
    Source {
        index: index as u32,
        line: b.line,
        end_line: b.end_line.max(b.line),
    }
}

fn single(b: &Block, (kind, level): (Kind, u8), index: usize) -> ArticleBlock {
    let html = match (kind, &b.html) {
        (Kind::ListItem, Some(h)) => Some(format!("<li>{h}</li>")),
        (_, h) => h.clone(),
    };
    ArticleBlock {
        kind: block_kind(kind),
        text: b.text.clone(),
        html,
        level: (kind == Kind::Heading).then_some(level.clamp(1, 6)),
        ordered: b.ordered,
        image: b.image.clone(),
        source: source(b, index),
    }
}

fn merged(items: &[Block], first: usize) -> ArticleBlock {
    let list = items[0].kind == Kind::ListItem;
    let sep = if list { "\n" } else { "\n\n" };
    let text = items
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(sep);
    let html = items[0].html.as_ref().map(|_| {
        items
            .iter()
            .map(|b| {
                let h = b.html.as_deref().unwrap_or("");
                if list {
                    format!("<li>{h}</li>")
                } else {
                    h.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(if list { "" } else { "<br><br>" })
    });
    let last = &items[items.len() - 1];
    ArticleBlock {
        kind: block_kind(items[0].kind),
        text,
        html,
        level: None,
        ordered: items[0].ordered,
        image: None,
        source: Source {
            index: first as u32,
            line: items[0].line,
            end_line: last.end_line.max(last.line),
        },
    }
}

/// A standfirst the classifier left out: a sentence or two of prose right
/// under the title (at most a few blocks down), before the body starts,
/// that no pattern removed. Teaser pages put the body behind bylines and
/// pictures, which cuts the standfirst off from the body's run.
fn standfirst(
    blocks: &[Block],
    analysis: &Analysis,
    decisions: &[Decision],
    title: usize,
) -> Option<usize> {
    let first_body = (title + 1..blocks.len()).find(|&i| decisions[i].keep)?;
    let l = (title + 1..first_body.min(title + 4)).find(|&i| analysis.signals[i].words > 0.0)?;
    let s = &analysis.signals[l];
    let prose = blocks[l].kind == Kind::Paragraph
        && (8.0..=80.0).contains(&s.words)
        && blocks[l]
            .text
            .trim_end()
            .ends_with(['.', '!', '?', '…', '。', '！', '？'])
        && !s.truncated
        && crate::classify::pattern_reason(s).is_none()
        && !blocks[l].has_landmark(crate::blocks::landmark::HIDDEN);
    prose.then_some(l)
}

/// A heading belongs to the article only when body text follows it: kept
/// headings after the last kept body block go — and in pasted text, where
/// headings have no tags, so do short lines without final punctuation (a
/// forum signature, a label).
fn drop_trailing_headings(blocks: &[Block], analysis: &Analysis, decisions: &mut [Decision]) {
    let heading_like = |i: usize| {
        blocks[i].kind == Kind::Heading
            || (blocks[i].layout().is_some()
                && blocks[i].kind == Kind::Paragraph
                && analysis.signals[i].words <= 8.0
                && !ends_sentence(&blocks[i].text))
    };
    let last_body = (0..blocks.len())
        .rev()
        .find(|&i| decisions[i].keep && !heading_like(i));
    let from = last_body.map_or(0, |i| i + 1);
    for (i, d) in decisions.iter_mut().enumerate().skip(from) {
        if d.keep && heading_like(i) {
            d.keep = false;
            d.reason = Some(Reason::OutsideArticle);
        }
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '।'])
}

/// "Publié le 14 octobre 2024" as "14 octobre 2024": the words before the
/// date that only say it is one.
fn without_date_label(line: &str) -> &str {
    let labels = |k: &str| crate::lexicon::is(k, crate::lexicon::Class::DateLabel);
    let mut rest = line.trim();
    while let Some((_, after)) = crate::text::after_label(rest, &fold(rest), labels, 3) {
        rest = after.trim_start();
    }
    if rest.is_empty() {
        line.trim()
    } else {
        rest
    }
}

/// The title: a heading-like block just above the body. With a headline
/// from the page's metadata, the block most like it; without, the
/// heading-like line above the first body block that shares most words with
/// the body.
fn find_title(
    blocks: &[Block],
    analysis: &Analysis,
    decisions: &[Decision],
    meta: &PageMeta,
    first_body: Option<usize>,
) -> Option<usize> {
    let first_body = first_body?;
    let known = meta.story_title();
    // Look a little way above the body, and into its first blocks (an
    // article's own <h1> is often kept by the classifier).
    let lo = first_body.saturating_sub(40);
    let hi = (first_body + 3).min(blocks.len());
    let candidates = (lo..hi).filter(|&i| {
        let s = &analysis.signals[i];
        let heading_like = blocks[i].kind == Kind::Heading
            || (blocks[i].kind == Kind::Paragraph
                && !blocks[i].text.trim_end().ends_with(['.', ':', ',', ';']));
        heading_like
            && (2.0..=30.0).contains(&s.words)
            && crate::classify::pattern_reason(s).is_none()
            && !s.date
            && !s.byline
            && !blocks[i].has_landmark(crate::blocks::landmark::HIDDEN)
            && (i < first_body || decisions[i].keep)
    });
    if let Some(known) = known {
        return candidates
            .map(|i| (i, crate::text::similarity(&known, &blocks[i].text)))
            .filter(|&(_, s)| s >= 0.6)
            .map(|(i, s)| (i, s + 0.05 * kind_rank(blocks[i].level) as f32))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
    }
    // Without metadata: a page's one <h1> above the body is its title.
    let candidates: Vec<usize> = candidates.filter(|&i| i <= first_body).collect();
    if let Some(&h1) = candidates.iter().rev().find(|&&i| blocks[i].level == 1) {
        return Some(h1);
    }
    // Otherwise the body's words tell the headline from a menu item or a
    // teaser: a headline of three words or more that shares the most with
    // the body, preferring one set apart by blank lines and near the body.
    let body: std::collections::HashSet<u64> = decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.keep)
        .take(12)
        .flat_map(|(i, _)| analysis.content_words[i].iter().copied())
        .collect();
    candidates
        .into_iter()
        .filter_map(|i| {
            let s = &analysis.signals[i];
            let words = &analysis.content_words[i];
            if words.is_empty() || s.words < 3.0 || s.name_like {
                return None;
            }
            let shared = words.iter().filter(|w| body.contains(w)).count();
            let overlap = shared as f32 / words.len() as f32;
            let set_apart = blocks[i]
                .layout()
                .is_some_and(|l| l.blank_before && l.blank_after);
            let distance = (first_body - i) as f32;
            let score = overlap + if set_apart { 0.15 } else { 0.0 } - distance * 0.01;
            (overlap >= 0.25).then_some((i, score))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

fn kind_rank(level: u8) -> u8 {
    match level {
        1 => 3,
        2 => 2,
        0 => 0,
        _ => 1,
    }
}

/// Around the title: the section label just above it, and a byline and a
/// date between it and the body, move into the metadata.
fn read_top(
    blocks: &[Block],
    analysis: &Analysis,
    decisions: &mut [Decision],
    title: Option<usize>,
    article: &mut Article,
) {
    let Some(t) = title else {
        return;
    };
    // Section label: a short line right above the title.
    if t > 0 {
        let s = &analysis.signals[t - 1];
        let b = &blocks[t - 1];
        let label_like = (1.0..=3.0).contains(&s.words)
            && !b.text.ends_with(['.', ':'])
            && !s.date
            && crate::classify::pattern_reason(s).is_none()
            && s.phrase.is_none()
            && !decisions[t - 1].keep
            // A menu of links ("Travel Local") is not one label.
            && b.dom().is_none_or(|d| d.links <= 1);
        if label_like && article.section.is_none() {
            article.section = Some(b.text.clone());
            article.sources.section = Some(MetaSource::SectionLabel);
            decisions[t - 1].reason = Some(Reason::SectionLabel);
        } else if label_like && article.section.as_deref() == Some(b.text.as_str()) {
            decisions[t - 1].reason = Some(Reason::SectionLabel);
        }
    }
    // Byline and date: among the blocks between the title and the body
    // (and the first few below it, where pages put them).
    // The body starts at the first long kept block, not counting a
    // standfirst right under the title (bylines often follow it).
    let body_start = (t + 1..blocks.len())
        .filter(|&i| decisions[i].keep && analysis.signals[i].words >= 20.0)
        .find(|&i| i > t + 2);
    let end = body_start.map_or((t + 12).min(blocks.len()), |b| (b + 3).min(blocks.len()));
    let mut found_byline = false;
    let mut found_date = false;
    for i in t + 1..end {
        let s = &analysis.signals[i];
        let before_body = body_start.is_none_or(|b| i < b);
        if !found_byline && (s.byline || (s.name_like && before_body)) {
            let name = strip_byline_label(&blocks[i].text);
            if article.byline.is_none() {
                article.byline = Some(name);
                article.sources.byline = Some(MetaSource::Byline);
            }
            decisions[i].keep = false;
            decisions[i].reason = Some(Reason::Byline);
            found_byline = true;
            // The author's address, when the page prints it under the name.
            if i + 1 < end && crate::patterns::looks_like_url(&blocks[i + 1].text) {
                decisions[i + 1].keep = false;
                decisions[i + 1].reason = Some(Reason::Byline);
            }
        } else if !found_date && s.date {
            if article.published.is_none() {
                article.published = Some(without_date_label(&blocks[i].text).to_string());
                article.sources.published = Some(MetaSource::Dateline);
            }
            decisions[i].keep = false;
            decisions[i].reason = Some(Reason::Date);
            found_date = true;
        }
    }
}

/// "By Jane Doe" -> "Jane Doe".
fn strip_byline_label(text: &str) -> String {
    let t = text.trim();
    if let Some((first, rest)) = t.split_once(char::is_whitespace) {
        if crate::lexicon::is(&fold(first), crate::lexicon::Class::BylineLabel) {
            return rest.trim_start_matches([':', ' ']).trim().to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_labels_are_left_out_of_the_date() {
        assert_eq!(
            without_date_label("Publié le 14 octobre 2024 à 09h12"),
            "14 octobre 2024 à 09h12"
        );
        assert_eq!(
            without_date_label("Updated: Nov. 18, 2019"),
            "Nov. 18, 2019"
        );
        assert_eq!(without_date_label("Last updated 3 May 2024"), "3 May 2024");
        assert_eq!(
            without_date_label("Veröffentlicht am 12.03.2024"),
            "12.03.2024"
        );
        assert_eq!(without_date_label("Mis à jour le 3 mai 2024"), "3 mai 2024");
        assert_eq!(without_date_label("June 3, 2024"), "June 3, 2024");
    }

    #[test]
    fn similar_titles_score_high() {
        assert!(crate::text::similarity("Big news today", "Big news today!") > 0.9);
        assert!(crate::text::similarity("Big news today", "Weather") < 0.3);
    }

    #[test]
    fn byline_labels_are_stripped() {
        assert_eq!(strip_byline_label("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_byline_label("Von: Max Muster"), "Max Muster");
        assert_eq!(strip_byline_label("Jane Doe"), "Jane Doe");
    }
}
