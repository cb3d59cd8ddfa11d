//! The parts of the article around its top, and the shape of pasted text:
//! the title, the section label above it, the byline and date near it,
//! the standfirst under it, and the lines of pasted text that head the
//! paragraphs below them. Titles, labels, bylines and dates move into the
//! metadata ([`super::metadata`] reads their values).

use super::rules::pattern_reason;
use super::{Decision, Page, Role};
use crate::blocks::{landmark, Block, Kind};
use crate::codes::Reason;
use crate::features::{Analysis, F};
use crate::input::meta::PageMeta;
use crate::patterns::date::{self, Reading};
use crate::patterns::looks_like_url;
use crate::patterns::name::{credits, names_in};

/// The blocks that hold the article's metadata.
#[derive(Clone, Copy, Debug, Default)]
pub struct Roles {
    pub title: Option<usize>,
    pub section: Option<usize>,
    pub byline: Option<usize>,
    pub date: Option<usize>,
}

pub fn assign(page: &Page, analysis: &Analysis, decisions: &mut [Decision]) -> Roles {
    let blocks = page.blocks;
    drop_trailing_headings(blocks, analysis, decisions);
    let first_body = decisions.iter().position(|d| d.keep);
    let mut roles = Roles {
        title: find_title(blocks, analysis, decisions, page.meta, first_body),
        ..Roles::default()
    };
    if let Some(t) = roles.title {
        decisions[t].keep = false;
        decisions[t].reason = Some(Reason::Title);
        let reading = Reading::for_page(
            page.lang.or(page.meta.lang.as_deref()),
            page.meta.region.as_deref(),
            super::metadata::host(page.meta.url.as_deref()),
        );
        read_top(
            blocks, analysis, decisions, page.meta, &reading, t, &mut roles,
        );
        if let Some(l) = lead(blocks, analysis, decisions, page.meta, t) {
            decisions[l] = Decision {
                keep: true,
                reason: None,
                role: Role::Lead,
                ..decisions[l]
            };
        }
    } else if let Some(b) = first_body {
        // No title to read down from (a headline taken for a caption, a
        // page that shows none): a labelled byline among the removed
        // blocks just above the body still names the author, and the
        // date beside it is the article's rather than the masthead's
        // (latimes.com in multilingual-dev; dailyrecord.com and
        // pittsburghlive.com in wide-dev, whose mastheads show today's).
        roles.byline = (b.saturating_sub(15)..b).rev().find(|&i| {
            analysis.signals[i].byline && pattern_reason(&analysis.signals[i]).is_none()
        });
        if let Some(i) = roles.byline {
            decisions[i].reason = Some(Reason::Byline);
        }
    }
    if page.source == super::model::Source::Text {
        subheadings(blocks, analysis, decisions);
    }
    roles
}

/// The first kept paragraph right after the title, when something other
/// than body text (byline, picture, credit) separates it from the body,
/// or when the page's description says it is; or a standfirst the
/// classifier left out.
fn lead(
    blocks: &[Block],
    analysis: &Analysis,
    decisions: &[Decision],
    meta: &PageMeta,
    t: usize,
) -> Option<usize> {
    if let Some(l) = standfirst(blocks, analysis, decisions, t) {
        return Some(l);
    }
    let l = (t + 1..blocks.len()).find(|&i| decisions[i].keep)?;
    let next_kept = (l + 1..blocks.len()).find(|&i| decisions[i].keep);
    let separated = next_kept.is_some_and(|n| (l + 1..n).any(|i| analysis.signals[i].words > 0.0));
    let described = meta
        .description
        .as_deref()
        .is_some_and(|d| crate::text::similarity(d, &blocks[l].text) >= 0.8);
    (blocks[l].kind == Kind::Paragraph
        && analysis.signals[l].words >= 8.0
        && (separated || described)
        && next_kept.is_some())
    .then_some(l)
}

/// Text has no tags: a short kept line without final punctuation that is
/// followed by a longer kept block is a subheading.
fn subheadings(blocks: &[Block], analysis: &Analysis, decisions: &mut [Decision]) {
    for i in 0..blocks.len() {
        if !decisions[i].keep
            || decisions[i].role != Role::Body
            || blocks[i].kind != Kind::Paragraph
        {
            continue;
        }
        let next = (i + 1..blocks.len()).find(|&j| decisions[j].keep);
        let s = &analysis.signals[i];
        let runs_on = s.ends_sentence() || s.ends_with(&[':', ';', ',']);
        if s.words <= 15.0 && !runs_on && next.is_some_and(|j| analysis.signals[j].words > s.words)
        {
            decisions[i].role = Role::Subheading;
        }
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
    // Past what sits between a headline and its standfirst: the picture
    // and its credit (dbjr.de), the headline repeated (wind-energie.de),
    // a date.
    let l = (title + 1..first_body.min(title + 5)).find(|&i| {
        let s = &analysis.signals[i];
        let aside = s.words == 0.0
            || blocks[i].kind == Kind::Figure
            || s.date
            || s.credit
            || crate::text::similarity(&blocks[i].text, &blocks[title].text) >= 0.8;
        !aside
    })?;
    let s = &analysis.signals[l];
    let prose = blocks[l].kind == Kind::Paragraph
        && (8.0..=80.0).contains(&s.words)
        && s.ends_with(&['.', '!', '?', '…', '。', '！', '？'])
        && !s.truncated
        && pattern_reason(s).is_none()
        && !blocks[l].has_landmark(landmark::HIDDEN);
    prose.then_some(l)
}
/// A heading belongs to the article only when body text follows it: kept
/// headings after the last kept body block go — and in pasted text, where
/// headings have no tags, so do short lines without final punctuation (a
/// forum signature, a label).
fn drop_trailing_headings(blocks: &[Block], analysis: &Analysis, decisions: &mut [Decision]) {
    // The lines of a list are body text (see `Signals::list_line`), and so
    // the line that introduces them is not trailing.
    // A "heading" of sentences is body text set large: pages of 83 sites
    // of the corpora write paragraphs or standfirsts of 15 words and more
    // as headings (legrandcontinent.eu, rosa-mag.de, vox.com); at the end
    // of the article it decides on seglerblog.stössenseer.de.
    let heading_like = |i: usize| {
        let s = &analysis.signals[i];
        !s.list_line
            && ((blocks[i].kind == Kind::Heading && !(s.words >= 15.0 && s.ends_sentence()))
                || (blocks[i].layout().is_some()
                    && blocks[i].kind == Kind::Paragraph
                    && analysis.signals[i].words <= 8.0
                    && !analysis.signals[i].ends_sentence()
                    // The link under a list's last item heads nothing.
                    && !(analysis.features[i].get(F::url as usize) > 0.0
                        && i > 0
                        && blocks[i - 1].kind == Kind::ListItem)))
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
            || (blocks[i].kind == Kind::Paragraph && !s.ends_with(&['.', ':', ',', ';']));
        heading_like
            && (2.0..=30.0).contains(&s.words)
            && pattern_reason(s).is_none()
            && !s.date
            && !s.byline
            && !blocks[i].has_landmark(landmark::HIDDEN)
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
    // Each body word with the number of body blocks it is in, so that a
    // kept block (a caption opening the body: elpais.com, faz.net,
    // lokalo.de in multilingual-dev) is measured against the rest of the
    // body, not against itself.
    let body_blocks: Vec<usize> = decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.keep)
        .take(12)
        .map(|(i, _)| i)
        .collect();
    let distinct = |i: usize| -> std::collections::HashSet<u64> {
        analysis.content_words[i].iter().copied().collect()
    };
    let mut body: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for &i in &body_blocks {
        for w in distinct(i) {
            *body.entry(w).or_insert(0) += 1;
        }
    }
    // A table (standings, a timetable) has no sentences to share words
    // with its headline: the line set apart right above a table that opens
    // the body is taken. No paste of the corpora opens with a table, so
    // this rests on the fixture de-text-tabelle-als-artikel alone.
    if blocks[first_body].kind == Kind::Table {
        if let Some(&i) = candidates.last().filter(|&&i| {
            i + 1 == first_body
                && analysis.signals[i].words >= 3.0
                && blocks[i]
                    .layout()
                    .is_none_or(|l| l.blank_before && l.blank_after)
        }) {
            return Some(i);
        }
    }
    // A line that gives a full date, year and all, is a dateline ("30.
    // Dezember 2022 | HR-Welt", "Veröffentlicht am 13. März 2019 von …",
    // "2020-04-26 Deutsche Sprache") or a caption or a sentence of the
    // body (hrjournal.de, hildesheimer-presse.de, uepo.de,
    // presse-augsburg.de, timesofisrael.com, dsv.de in multilingual-dev
    // pasted text); a headline that names a day ("Wahl am 9. Juni: …")
    // names it without its year.
    let dated = |i: usize| {
        let reading = crate::patterns::date::Reading::for_lang(None);
        crate::patterns::date::find(&blocks[i].text, &reading).is_some()
    };
    let scored: Vec<(usize, f32, f32)> = candidates
        .iter()
        .copied()
        .filter_map(|i| {
            let s = &analysis.signals[i];
            let words = distinct(i);
            if words.is_empty() || s.words < 3.0 || s.name_like || dated(i) {
                return None;
            }
            let own = u32::from(body_blocks.contains(&i));
            let shared = words
                .iter()
                .filter(|w| body.get(w).is_some_and(|&n| n > own))
                .count();
            // One word more in the denominator: a line of one or two
            // content words (a menu item) is weak evidence either way.
            let overlap = shared as f32 / (words.len() + 1) as f32;
            let set_apart = blocks[i]
                .layout()
                .is_some_and(|l| l.blank_before && l.blank_after);
            let distance = (first_body - i) as f32;
            let score = overlap + if set_apart { 0.15 } else { 0.0 } - distance * 0.01;
            (overlap >= 0.2).then_some((i, score, overlap))
        })
        .collect();
    let Some(&(best, _, best_overlap)) = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
        // A headline that shares few words with the body (a podcast's
        // episode title, a headline whose words the body inflects) is
        // still the heading-like line of three words or more right above
        // it (resonator-podcast.de, sprechwaisen.com, wired.com,
        // topagrar.com and 3 more sites in multilingual-dev pasted text).
        return candidates.iter().copied().rev().find(|&i| {
            i < first_body
                && first_body - i <= 2
                && analysis.signals[i].words >= 3.0
                && !analysis.signals[i].name_like
                && !blocks[i].text.contains('/')
                && !dated(i)
        });
    };
    // A headline comes first, then its standfirst and its picture's
    // caption, which share as many of the body's words and often more: a
    // line no longer than the best, a few lines above it and about as
    // much on topic, is the headline (welt.de, theguardian.com,
    // standard.co.uk, nymag.com in multilingual-dev).
    // A breadcrumb trail ("Forum › Sauerteig › Fragen") above the
    // headline names its topic too, but is no headline.
    let words = |i: usize| analysis.signals[i].words;
    let trail = |i: usize| {
        let t = &blocks[i].text;
        t.matches(['›', '»', '>', '/', '|']).count() >= 2
    };
    scored
        .iter()
        .filter(|&&(i, _, overlap)| {
            i < best
                && best - i <= 4
                && words(i) <= words(best)
                && overlap >= 0.6 * best_overlap
                && analysis.content_words[i].len() >= 3
                && !trail(i)
        })
        .map(|&(i, _, _)| i)
        .min()
        .or(Some(best))
}
fn kind_rank(level: u8) -> u8 {
    match level {
        1 => 3,
        2 => 2,
        0 => 0,
        _ => 1,
    }
}
/// Whether a line above the headline (or a name on a dateline) is the
/// site's name, not a section or a person: the name the metadata gives, or
/// one the copyright line repeats ("Diario del Sur" … "© 2024 Diario del
/// Sur"), as pastes show it.
pub(super) fn names_the_site(label: &str, blocks: &[Block], meta: &PageMeta) -> bool {
    let key = crate::text::fold(label);
    if meta
        .site_name
        .as_deref()
        .is_some_and(|s| crate::text::fold(s) == key)
    {
        return true;
    }
    blocks
        .iter()
        .rev()
        .take(40)
        .any(|b| b.text.contains('©') && crate::text::fold(&b.text).contains(key.as_str()))
}

/// Whether block `i` of pasted text is the last line of a menu that the
/// paste set apart from the headline at `t`: it and the two lines above
/// it short, each on the line after the other, and a blank line before
/// the headline. A section label stands on its own line against the
/// headline, or names again a section the menu lists. Of the 36 pastes of
/// the dev corpora where this takes the section away, about 34 had a
/// menu's or a button's words for it ("Help", "Jobs", "Kundenbereich",
/// "By admin", "WP Themes": 30 sites); two lost the section their HTML
/// gives. A label set after a row of buttons the same way is lost too
/// (the fixtures fr-news-greve-transports, ko-blog-dullegil-hugi).
fn ends_pasted_menu(blocks: &[Block], analysis: &Analysis, i: usize, t: usize) -> bool {
    let pasted = |k: usize| blocks[k].dom().is_none();
    let short = |k: usize| (1.0..=3.0).contains(&analysis.signals[k].words);
    let next_line = |k: usize| blocks[k + 1].line == blocks[k].end_line + 1;
    i >= 2
        && pasted(i)
        && blocks[t].line > blocks[i].end_line + 1
        && analysis.signals[i].duplicate_of.is_none()
        && (i - 2..i).all(|k| short(k) && next_line(k))
}

/// Around the title: the section label just above it, and a byline and a
/// date between it and the body, move into the metadata.
fn read_top(
    blocks: &[Block],
    analysis: &Analysis,
    decisions: &mut [Decision],
    meta: &PageMeta,
    reading: &Reading,
    t: usize,
    roles: &mut Roles,
) {
    // Section label: a short line right above the title, unless the page
    // names another section.
    if t > 0 {
        let s = &analysis.signals[t - 1];
        let b = &blocks[t - 1];
        let label_like = (1.0..=3.0).contains(&s.words)
            && !s.ends_with(&['.', ':'])
            && !s.date
            && pattern_reason(s).is_none()
            && s.phrase.is_none()
            && !decisions[t - 1].keep
            // A menu of links ("Travel Local") is not one label.
            && b.dom().is_none_or(|d| d.links <= 1)
            // Nor is the last item of a list of them.
            && !(b.kind == crate::blocks::Kind::ListItem
                && t >= 2
                && blocks[t - 2].kind == crate::blocks::Kind::ListItem)
            && !ends_pasted_menu(blocks, analysis, t - 1, t);
        if label_like
            && meta.section.as_deref().is_none_or(|m| m == b.text)
            && !names_the_site(&b.text, blocks, meta)
        {
            roles.section = Some(t - 1);
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
    // A bare name is the byline only where no line says which is: a name
    // in a picture's caption is the photographer's where a line below
    // says "Von Claudia Lindner" (l-mag.de), a line of two capitalised
    // words above "By Julie Mollins" is a menu item or a heading ("The
    // Planetary Press" on cifor.org, "La Fabrique" on bondyblog.fr,
    // "Omio Gutschein" on zeit.de, "Transgenerationales Coaching" on
    // coaching-magazin.de, "Im Schlepptau" on nachtkritik.de in
    // multilingual-dev). An author's picture and name are the byline where
    // none does (rp.pl).
    let labelled = (t + 1..end).any(|i| analysis.signals[i].byline);
    for i in t + 1..end {
        let before_body = body_start.is_none_or(|b| i < b);
        // Below the body's start, a short article's top reaches into the
        // comments under it, whose writers and stamps are not the
        // article's. (Above it, a thread found in a paste's teasers can
        // take in the byline: gizmodo.com in dev.)
        if !before_body && decisions[i].reason == Some(Reason::Comments) {
            continue;
        }
        let s = &analysis.signals[i];
        // A pasted list's item, numbered or bulleted ("1. Cloud
        // Services", "02. Good Trouble"), is no byline.
        let listed = blocks[i].layout().is_some_and(|l| l.bullet);
        let bare_name = s.name_like && before_body && !labelled && !listed;
        // A dateline that names its author after a byline word ("Geplaatst
        // op 3 mei 2021 door Sanne de Vries", "Posted on September 21, 2020
        // by …", "Gespeichert von … am 24. Juli 2017"): the byline, and
        // its date the publication's.
        let credited = || {
            let text = &blocks[i].text;
            s.words <= 15.0
                && date::find(text, reading).is_some()
                && names_in(text, reading)
                    .first()
                    .is_some_and(|n| credits(text, n))
        };
        if roles.byline.is_none() && (s.byline || bare_name || credited()) {
            roles.byline = Some(i);
            decisions[i].keep = false;
            decisions[i].reason = Some(Reason::Byline);
            // The author's address, when the page prints it under the name.
            if i + 1 < end && looks_like_url(&blocks[i + 1].text) {
                decisions[i + 1].keep = false;
                decisions[i + 1].reason = Some(Reason::Byline);
            }
        } else if roles.date.is_none() && s.date {
            roles.date = Some(i);
            decisions[i].keep = false;
            decisions[i].reason = Some(Reason::Date);
        }
    }
}
