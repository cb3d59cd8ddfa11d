//! Third stage: what each block looks like, as numbers and as named signals.
//!
//! Features are the classifier's input: one vector per block, the same
//! names for HTML and text (a source's own evidence is zero where it has
//! none). Signals are the recognisable patterns — a gallery counter, a credit
//! line, a cookie prompt — that also decide the reason a block is removed.

use std::collections::HashMap;

use crate::blocks::{hint, landmark, Block, Kind, Outline, Tag, FAR, HINTS};
use crate::codes::Reason;
use crate::dom::NodeId;
use crate::lexicon::{self, Class, Language, Match};
use crate::patterns::{
    ends_with_credit, has_arrow, has_clock, has_credit_tail, is_author_box, is_byline, is_counter,
    is_credit, is_date, is_name_like, is_timestamp, looks_like_url, starts_with_counter,
};
use crate::text::{fold, is_cjk, words};

macro_rules! features {
    (values: $($value:ident),* ; flags: $($flag:ident),* $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        pub enum F { $($value,)* $($flag),* }
        pub const NAMES: &[&str] = &[$(stringify!($value),)* $(stringify!($flag)),*];
        /// The first `VALUES` features take any value; the rest are 0 or 1.
        pub const VALUES: usize = [$(stringify!($value)),*].len();
    };
}

features! {
    values:
    words_log, sentences, stopwords, commas, digits, capitalised, position, run_short,
    neighbours_log, streak_log, parent_words_log, link_density, links_log, topic;
    flags:
    bias, short, medium, long,
    ends_punct, ends_colon, stopwords_low,
    title_case, truncated, arrow, prompt_tail, date, counter, credit, credit_tail, credit_near,
    byline, name_like, copyright, url, pipes,
    duplicate, stray_html, first_tenth, last_quarter,
    prev_long, next_long,
    kind_heading, kind_list, kind_figure, kind_table, kind_quote, kind_code,
    phrase_navigation, phrase_cta, phrase_ad, phrase_teaser, phrase_boilerplate,
    phrase_gallery, phrase_comments, phrase_soft,
    links, all_links,
    tag_p, tag_heading, tag_li, tag_cell, tag_other,
    in_nav, in_header, in_footer, in_aside, in_form, in_article, in_main, hidden, in_dialog,
    in_figure, in_address, in_time,
    near_navigation, near_share, near_comments, near_related, near_ad, near_cta, near_gallery,
    near_credit, near_byline, near_date, near_meta, near_hidden, near_content, near_footer,
    near_sidebar,
    far_navigation, far_share, far_comments, far_related, far_ad, far_cta, far_gallery,
    far_credit, far_byline, far_date, far_meta, far_hidden, far_content, far_footer,
    far_sidebar,
    indent, blank_before, blank_after, isolated, bullet,
    topic_low, topic_none, in_run, in_container,
}

pub const N: usize = NAMES.len();

/// The features that say a hint category is near (within two elements) or
/// further up, by category name.
const HINT_FEATURES: [(usize, F, F); HINTS] = [
    (hint::NAVIGATION, F::near_navigation, F::far_navigation),
    (hint::SHARE, F::near_share, F::far_share),
    (hint::COMMENTS, F::near_comments, F::far_comments),
    (hint::RELATED, F::near_related, F::far_related),
    (hint::ADVERTISEMENT, F::near_ad, F::far_ad),
    (hint::CALL_TO_ACTION, F::near_cta, F::far_cta),
    (hint::GALLERY, F::near_gallery, F::far_gallery),
    (hint::CREDIT, F::near_credit, F::far_credit),
    (hint::BYLINE, F::near_byline, F::far_byline),
    (hint::DATE, F::near_date, F::far_date),
    (hint::META, F::near_meta, F::far_meta),
    (hint::HIDDEN, F::near_hidden, F::far_hidden),
    (hint::CONTENT, F::near_content, F::far_content),
    (hint::FOOTER, F::near_footer, F::far_footer),
    (hint::SIDEBAR, F::near_sidebar, F::far_sidebar),
];
const _: () = assert!(N - VALUES <= 128, "flags must fit the 128 bits of a Row");

/// One block's features, stored compactly (a page can have a million
/// blocks): the values as numbers, the flags as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Row {
    values: [f32; VALUES],
    flags: u128,
}

impl Row {
    pub fn get(&self, i: usize) -> f32 {
        if i < VALUES {
            self.values[i]
        } else if self.flags >> (i - VALUES) & 1 == 1 {
            1.0
        } else {
            0.0
        }
    }

    /// Sets feature `i`; for a flag, any value but zero sets it.
    pub fn set(&mut self, i: usize, v: f32) {
        if i < VALUES {
            self.values[i] = v;
        } else if v != 0.0 {
            self.flags |= 1 << (i - VALUES);
        } else {
            self.flags &= !(1 << (i - VALUES));
        }
    }

    /// The features that are not zero, as (index, value).
    pub fn nonzero(&self) -> impl Iterator<Item = (usize, f32)> + '_ {
        let values = self
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0.0)
            .map(|(i, v)| (i, *v));
        let flags = (0..N - VALUES)
            .filter(|b| self.flags >> b & 1 == 1)
            .map(|b| (VALUES + b, 1.0));
        values.chain(flags)
    }

    /// The dot product with one weight per feature.
    pub fn dot(&self, weights: &[f32; N]) -> f32 {
        let mut sum: f32 = self.values.iter().zip(weights).map(|(v, w)| v * w).sum();
        let mut bits = self.flags;
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            sum += weights[VALUES + b];
            bits &= bits - 1;
        }
        sum
    }
}

/// Patterns recognised in a block, each naming what the block would be.
#[derive(Clone, Debug, Default)]
pub struct Signals {
    /// A phrase rule of `data/phrases/` and how it matched.
    pub phrase: Option<(Reason, Match)>,
    pub counter: bool,
    pub credit: bool,
    pub date: bool,
    /// A post's day and time on a short paragraph ([`is_timestamp`]).
    pub stamp: bool,
    /// A date on a line of its own under a short line, a writer's name
    /// or handle: a post's header set on two lines.
    pub dated_name: bool,
    pub byline: bool,
    pub name_like: bool,
    pub copyright: bool,
    /// A copyright line with a year and no photographer or agency: the
    /// site's notice rather than a picture's credit.
    pub copyright_notice: bool,
    pub truncated: bool,
    /// Starts or ends with an arrow ("… auf einen Blick >", "» Mehr"):
    /// a link, not prose.
    pub arrow: bool,
    /// Ends with a "read more" prompt after some text: a teaser.
    pub prompt_tail: bool,
    /// Pasted text only: a line set against a photo credit or a gallery
    /// counter, without the blank line that surrounds paragraphs — a
    /// picture's caption.
    pub caption: bool,
    /// One of four or more lines of the same shape ("June 10 – Tampa, FL @
    /// Amphitheatre") under a line that introduces them ("Tour dates",
    /// "Ingredients:"): a list whose bullets a paste lost.
    pub list_line: bool,
    /// Index of an earlier block with the same text.
    pub duplicate_of: Option<usize>,
    pub words: f32,
    /// Word tokens ([`crate::text::words`]), CJK characters one each.
    pub tokens: u32,
    /// Characters other than white space.
    pub visible_chars: u32,
    /// The text's last character.
    pub last: Option<char>,
    /// The last character before closing quotes and brackets.
    pub last_inside: Option<char>,
}

impl Signals {
    pub fn ends_with(&self, chars: &[char]) -> bool {
        self.last.is_some_and(|c| chars.contains(&c))
    }

    /// Ends with terminal punctuation, inside closing quotes or brackets.
    pub fn ends_sentence(&self) -> bool {
        self.last_inside
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।'))
    }
}

#[derive(Clone)]
pub struct Analysis {
    pub signals: Vec<Signals>,
    pub features: Vec<Row>,
    /// Content words of each block (stopwords removed), as [`word_hash`]es,
    /// for topic overlap: eight bytes a word, whatever its length.
    pub content_words: Vec<Vec<u64>>,
    /// Each block's text as [`crate::text::fold`] gives it, made here
    /// anyway: the stages after compare folded text too.
    pub folded: Vec<String>,
}

/// Words per block past which phrase rules no longer decide alone: a long
/// paragraph that mentions cookies is an article about cookies.
pub const SHORT_PHRASE_WORDS: f32 = 12.0;

/// The share of stopwords in article paragraphs of the dev corpus, given to
/// every block of a text whose language has no stopword list.
const UNKNOWN_LANGUAGE_STOPWORDS: f32 = 0.4;

pub fn analyse(blocks: &[Block], lang: Option<&Language>, outline: Option<&Outline>) -> Analysis {
    let n = blocks.len();
    let mut signals = Vec::with_capacity(n);
    let mut features = Vec::with_capacity(n);
    let mut content_words = Vec::with_capacity(n);
    let mut stats: Vec<Stats> = blocks.iter().map(|b| Stats::of(&b.text, lang)).collect();
    let folded_texts: Vec<String> = stats
        .iter_mut()
        .map(|s| std::mem::take(&mut s.folded))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();

    for (i, (b, stats)) in blocks.iter().zip(stats).enumerate() {
        let mut f = Row::default();
        let folded = folded_texts[i].as_str();
        let mut s = Signals {
            words: stats.words,
            tokens: stats.tokens as u32,
            visible_chars: stats.visible_chars,
            last: b.text.trim_end().chars().next_back(),
            last_inside: b
                .text
                .trim_end()
                .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
                .chars()
                .next_back(),
            ..Signals::default()
        };

        // Phrase rules decide for short blocks; longer ones only lean.
        let probe = if stats.words <= 40.0 {
            lexicon::phrase(&b.text, folded)
        } else {
            None
        };
        if let Some((reason, m)) = probe {
            let decisive = match m {
                Match::Whole | Match::Prefix => true,
                Match::Contains => stats.words <= SHORT_PHRASE_WORDS,
                // "joetoronto says:" heads a comment; a longer line ending
                // the same way introduces a quotation.
                Match::Suffix => stats.words <= 6.0,
            };
            if decisive {
                s.phrase = Some((reason, m));
                let feature = match reason {
                    Reason::Navigation => F::phrase_navigation,
                    Reason::CallToAction => F::phrase_cta,
                    Reason::Advertisement => F::phrase_ad,
                    Reason::TeaserUnrelated => F::phrase_teaser,
                    Reason::Gallery => F::phrase_gallery,
                    Reason::Comments => F::phrase_comments,
                    _ => F::phrase_boilerplate,
                };
                f.set(feature as usize, 1.0);
            } else {
                f.set(F::phrase_soft as usize, 1.0);
            }
        }
        if s.phrase.is_none() && is_author_box(&b.text, folded, stats.words, lang) {
            s.phrase = Some((Reason::Byline, Match::Whole));
            f.set(F::phrase_boilerplate as usize, 1.0);
        }
        s.counter = is_counter(&b.text, folded) || starts_with_counter(&b.text);
        s.credit = is_credit(&b.text, folded, stats.words);
        s.date = is_date(&b.text, folded, stats.words);
        // A stamped list item, or a line set with a bullet, dates a teaser
        // in a list of them.
        s.stamp = b.kind == crate::blocks::Kind::Paragraph
            && !b
                .text
                .trim_start()
                .starts_with(['•', '·', '▪', '►', '*', '-', '–'])
            && is_timestamp(&b.text, folded, stats.words);
        s.byline = is_byline(&b.text, folded, stats.words);
        s.name_like = is_name_like(&b.text, stats.words, lang);
        s.copyright = b.text.contains('©') || folded.starts_with("copyright");
        s.copyright_notice = s.copyright
            && !folded.split(' ').any(|t| lexicon::is(t, Class::Credit))
            && folded.split(' ').any(|t| {
                t.len() == 4
                    && (t.starts_with("19") || t.starts_with("20"))
                    && t.bytes().all(|c| c.is_ascii_digit())
            });
        s.truncated = b.text.ends_with('…') || b.text.ends_with("...");
        s.arrow = has_arrow(&b.text);
        s.prompt_tail = !stats.ends_punct && lexicon::ends_with_prompt(folded);
        if stats.words > 0.0 && !folded.is_empty() {
            match seen.get(folded) {
                Some(&j) => s.duplicate_of = Some(j),
                None => {
                    seen.insert(folded, i);
                }
            }
        }

        let w = stats.words;
        f.set(F::bias as usize, 1.0);
        f.set(F::words_log as usize, (1.0 + w).ln());
        f.set(F::short as usize, flag(w <= 4.0));
        f.set(F::medium as usize, flag(w > 4.0 && w <= 15.0));
        f.set(F::long as usize, flag(w >= 40.0));
        f.set(
            F::sentences as usize,
            (stats.sentences as f32).min(5.0) / 5.0,
        );
        f.set(F::ends_punct as usize, flag(stats.ends_punct));
        f.set(F::ends_colon as usize, flag(b.text.ends_with(':')));
        // Without a stopword list for the language, every block would look
        // like a list of names: give all of them the typical prose share.
        let stopwords = if lang.is_some() {
            stats.stopword_ratio
        } else {
            UNKNOWN_LANGUAGE_STOPWORDS
        };
        f.set(F::stopwords as usize, stopwords);
        f.set(F::stopwords_low as usize, flag(w >= 5.0 && stopwords < 0.1));
        f.set(
            F::commas as usize,
            (stats.commas as f32 / w.max(1.0)).min(1.0),
        );
        f.set(F::digits as usize, stats.digit_ratio);
        // Capitalisation beyond what the language's prose has anyway.
        let prose_caps = lang.map_or(lexicon::PROSE_CAPITALISED, |l| l.capitalised);
        let caps = ((stats.capitalised_ratio - prose_caps) / (1.0 - prose_caps)).max(0.0);
        f.set(F::capitalised as usize, caps);
        f.set(F::title_case as usize, flag(w >= 3.0 && caps > 0.65));
        f.set(F::truncated as usize, flag(s.truncated));
        f.set(F::arrow as usize, flag(s.arrow));
        f.set(F::prompt_tail as usize, flag(s.prompt_tail));
        f.set(F::date as usize, flag(s.date));
        f.set(F::counter as usize, flag(s.counter));
        f.set(F::credit as usize, flag(s.credit));
        f.set(F::credit_tail as usize, flag(has_credit_tail(&b.text)));
        f.set(F::byline as usize, flag(s.byline));
        f.set(F::name_like as usize, flag(s.name_like));
        f.set(F::copyright as usize, flag(s.copyright));
        f.set(F::url as usize, flag(looks_like_url(&b.text)));
        f.set(F::pipes as usize, flag(b.text.matches(" | ").count() >= 2));
        f.set(F::duplicate as usize, flag(s.duplicate_of.is_some()));
        let pos = if n > 1 {
            i as f32 / (n - 1) as f32
        } else {
            0.0
        };
        f.set(F::position as usize, pos);
        f.set(F::first_tenth as usize, flag(pos < 0.1));
        f.set(F::last_quarter as usize, flag(pos > 0.75));
        let kind = match b.kind {
            Kind::Heading => F::kind_heading,
            Kind::ListItem => F::kind_list,
            Kind::Figure => F::kind_figure,
            Kind::Table => F::kind_table,
            Kind::Quote => F::kind_quote,
            Kind::Code => F::kind_code,
            Kind::Paragraph => F::bias,
        };
        f.set(kind as usize, 1.0);

        if let Some(d) = b.dom() {
            let chars = crate::text::char_len(&b.text).max(1) as f32;
            let density = (d.link_chars as f32 / chars).min(1.0);
            f.set(F::links as usize, flag(d.links > 0));
            f.set(F::link_density as usize, density);
            f.set(F::all_links as usize, flag(density > 0.9));
            f.set(F::links_log as usize, (1.0 + d.links as f32).ln());
            let tag = match d.tag {
                Tag::P => F::tag_p,
                Tag::Heading => F::tag_heading,
                Tag::Li => F::tag_li,
                Tag::Cell => F::tag_cell,
                _ => F::tag_other,
            };
            f.set(tag as usize, 1.0);
            for (bit, feat) in [
                (landmark::NAV, F::in_nav),
                (landmark::HEADER, F::in_header),
                (landmark::FOOTER, F::in_footer),
                (landmark::ASIDE, F::in_aside),
                (landmark::FORM, F::in_form),
                (landmark::ARTICLE, F::in_article),
                (landmark::MAIN, F::in_main),
                (landmark::HIDDEN, F::hidden),
                (landmark::DIALOG, F::in_dialog),
                (landmark::FIGURE, F::in_figure),
                (landmark::ADDRESS, F::in_address),
                (landmark::TIME, F::in_time),
            ] {
                f.set(feat as usize, flag(d.landmarks & bit != 0));
            }
            for (c, near, far) in HINT_FEATURES {
                let dist = d.hints[c];
                f.set(near as usize, flag(dist <= 2));
                f.set(far as usize, flag(dist > 2 && dist != FAR));
            }
        }
        if let Some(l) = b.layout() {
            f.set(F::indent as usize, flag(l.indent > 0));
            f.set(F::blank_before as usize, flag(l.blank_before));
            f.set(F::blank_after as usize, flag(l.blank_after));
            f.set(F::isolated as usize, flag(l.blank_before && l.blank_after));
            f.set(F::stray_html as usize, flag(l.stray_html));
            f.set(F::bullet as usize, flag(l.bullet));
        }

        content_words.push(stats.content_words);
        signals.push(s);
        features.push(f);
    }

    captions(blocks, &mut signals);
    dated_names(blocks, &mut signals);
    line_lists(blocks, &features, &mut signals);
    neighbourhood(&signals, &mut features);
    streaks(&signals, &mut features);
    if let Some(outline) = outline {
        parent_mass(blocks, &signals, outline, &mut features);
    }
    Analysis {
        signals,
        features,
        content_words,
        folded: folded_texts,
    }
}

/// Features that read the blocks around each one: menus are runs of short
/// lines, a short line between long paragraphs is a subheading, and a line
/// next to a photo credit is a caption.
fn neighbourhood(signals: &[Signals], features: &mut [Row]) {
    let n = signals.len();
    for (i, f) in features.iter_mut().enumerate() {
        let credit = |j: usize| signals[j].credit;
        let near = (i > 0 && credit(i - 1)) || (i + 1 < n && credit(i + 1));
        f.set(F::credit_near as usize, flag(near));
    }
    let is_short = |j: usize| signals[j].words <= 4.0;
    // Short blocks within three either side, by a sliding window.
    let mut short_in_window = 0usize;
    let window = |i: usize| (i.saturating_sub(3), (i + 3).min(n.saturating_sub(1)));
    if n > 0 {
        let (_, hi) = window(0);
        short_in_window = (0..=hi).filter(|&j| is_short(j)).count();
    }
    for i in 0..n {
        if i > 0 {
            let (lo, hi) = window(i);
            let (plo, phi) = window(i - 1);
            if plo < lo && is_short(plo) {
                short_in_window -= 1;
            }
            if hi > phi && is_short(hi) {
                short_in_window += 1;
            }
        }
        let (lo, hi) = window(i);
        let others = (hi - lo) as f32;
        let own = usize::from(is_short(i)) as f32;
        let run_short = if others > 0.0 {
            (short_in_window as f32 - own) / others
        } else {
            0.0
        };
        features[i].set(F::run_short as usize, run_short);
        let prev = if i > 0 { signals[i - 1].words } else { 0.0 };
        let next = if i + 1 < n { signals[i + 1].words } else { 0.0 };
        features[i].set(F::neighbours_log as usize, (1.0 + prev.max(next)).ln());
        features[i].set(F::prev_long as usize, flag(prev >= 20.0));
        features[i].set(F::next_long as usize, flag(next >= 20.0));
    }
}

/// A line that is a date, under a line of one to three words that ends
/// no sentence: the writer's name or handle over the post's date, as
/// forums and comment threads set them ("fmcshan" / "2 days ago at 07:50
/// am", "Tyler Stambaugh" / "November 5, 2012 · 8:23 PM": macrumors.com in
/// dev, bikehugger.com and guardian.co.uk in wide-dev).
fn dated_names(blocks: &[Block], signals: &mut [Signals]) {
    for i in 1..signals.len() {
        let (above, s) = (&signals[i - 1], &signals[i]);
        let name = (1.0..=3.0).contains(&above.words)
            && blocks[i - 1].text.chars().count() <= 30
            && !above.ends_with(&['.', ':', '!', '?'])
            && above.phrase.is_none();
        // With its time of day: a bare day heads a list of seasons or
        // issues as often.
        let dated = s.date && s.words <= 8.0 && has_clock(&blocks[i].text);
        signals[i].dated_name = name && dated && blocks[i].layout().is_some();
    }
}

/// Browsers copy a `<p>` with a blank line on each side, a `<figcaption>`
/// without: a line right above a photo credit (or right below a gallery
/// counter) with no blank line between them is the picture's caption.
fn captions(blocks: &[Block], signals: &mut [Signals]) {
    let n = blocks.len();
    for i in 0..n {
        let Some(layout) = blocks[i].layout() else {
            return;
        };
        if (layout.blank_before && layout.blank_after) || !(2.0..=60.0).contains(&signals[i].words)
        {
            continue;
        }
        // Captions sit above their credit; a line below one may be the
        // article's first paragraph set in a box of its own.
        let credit_after = i + 1 < n && signals[i + 1].credit && !layout.blank_after;
        let counter_before = i > 0 && signals[i - 1].counter && !layout.blank_before;
        signals[i].caption = (credit_after || counter_before || ends_with_credit(&blocks[i].text))
            && !signals[i].credit;
    }
}

/// The words of the run of long blocks a block belongs to, a single short
/// block (a subheading, an ad label) not breaking the run: an article's
/// paragraphs come in long runs, comments and teasers in short ones.
fn streaks(signals: &[Signals], features: &mut [Row]) {
    let n = signals.len();
    let long = |i: usize| signals[i].words >= 8.0;
    let mut i = 0;
    while i < n {
        if !long(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i; // last long block of the streak
        let mut j = i + 1;
        while j < n {
            if long(j) {
                end = j;
                j += 1;
            } else if j + 1 < n && long(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        let mass: f32 = (start..=end)
            .filter(|&k| long(k))
            .map(|k| signals[k].words)
            .sum();
        for f in &mut features[start..=end] {
            f.set(F::streak_log as usize, (1.0 + mass).ln());
        }
        i = end + 1;
    }
}

/// The words of all blocks whose element shares a parent with this block's:
/// the paragraphs of an article body are siblings, while each comment or
/// teaser sits in a box of its own.
fn parent_mass(blocks: &[Block], signals: &[Signals], outline: &Outline, features: &mut [Row]) {
    let parent_of = |b: &Block| b.dom().and_then(|d| outline.parent(d.container));
    let mut mass: HashMap<NodeId, f32> = HashMap::new();
    for (b, s) in blocks.iter().zip(signals) {
        if let Some(p) = parent_of(b) {
            *mass.entry(p).or_default() += s.words;
        }
    }
    for (b, f) in blocks.iter().zip(features.iter_mut()) {
        if let Some(p) = parent_of(b) {
            f.set(F::parent_words_log as usize, (1.0 + mass[&p]).ln());
        }
    }
}

/// Every block's features with the topic features added: how many of a
/// block's content words the article's core (its strongest paragraphs)
/// also uses. A well-written teaser for another story shares almost none.
pub fn with_topic(
    analysis: &Analysis,
    core: &HashMap<u64, u32>,
    core_blocks: &[usize],
) -> Vec<Row> {
    let mut rows = analysis.features.clone();
    for (i, f) in rows.iter_mut().enumerate() {
        let words = &analysis.content_words[i];
        if words.is_empty() || core.is_empty() {
            f.set(F::topic_none as usize, 1.0);
            continue;
        }
        // A core block's own words would make it overlap itself.
        // `core_blocks` is sorted: a lookup per block keeps this linear.
        let own = core_blocks.binary_search(&i).is_ok();
        let mut own_counts: HashMap<u64, u32> = HashMap::new();
        if own {
            for w in words {
                *own_counts.entry(*w).or_default() += 1;
            }
        }
        let shared = words
            .iter()
            .filter(|w| {
                let in_core = core.get(w).copied().unwrap_or(0);
                in_core > own_counts.get(w).copied().unwrap_or(0)
            })
            .count();
        let ratio = shared as f32 / words.len() as f32;
        f.set(F::topic as usize, ratio);
        f.set(
            F::topic_low as usize,
            flag(words.len() >= 4 && ratio < 0.15),
        );
    }
    rows
}

/// A word's identity for overlap counts: the word table's FNV-1a, stable
/// across runs and platforms (the standard hasher is randomly seeded).
pub fn word_hash(word: &str) -> u64 {
    lexicon::fnv1a(word.as_bytes())
}

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// Counts taken in one pass over a block's text.
struct Stats {
    words: f32,
    sentences: usize,
    ends_punct: bool,
    stopword_ratio: f32,
    commas: usize,
    digit_ratio: f32,
    capitalised_ratio: f32,
    tokens: usize,
    content_words: Vec<u64>,
    /// [`fold`](crate::text::fold) of the text, from the same tokens.
    folded: String,
    visible_chars: u32,
}

impl Stats {
    fn of(text: &str, lang: Option<&Language>) -> Stats {
        let mut words_n = 0f32;
        let mut tokens = 0usize;
        let mut stop = 0usize;
        let mut capitalised = 0usize;
        let mut cased = 0usize;
        let mut content_words = Vec::new();
        // Walk raw words to see their case; fold for lookups.
        for raw in text.split(|c: char| !(c.is_alphanumeric() || is_cjk(c))) {
            if raw.is_empty() {
                continue;
            }
            let first = raw.chars().next().expect("non-empty");
            if first.is_uppercase() || first.is_lowercase() {
                cased += 1;
                if first.is_uppercase() {
                    capitalised += 1;
                }
            }
        }
        let mut folded = String::with_capacity(text.len());
        let mut w = words(text);
        while let Some(t) = w.next_word() {
            if tokens > 0 {
                folded.push(' ');
            }
            folded.push_str(t);
            tokens += 1;
            let cjk = t.chars().next().is_some_and(is_cjk);
            words_n += if cjk { 0.5 } else { 1.0 };
            // One hash serves the word lists and the topic overlap.
            let hash = word_hash(t);
            let is_stop =
                lang.is_some_and(|l| l.is_stopword_entry(t, lexicon::lookup_hashed(t, hash)));
            if is_stop {
                stop += 1;
            } else if !t.bytes().all(|c| c.is_ascii_digit()) && (cjk || t.chars().nth(2).is_some())
            {
                content_words.push(hash);
            }
        }
        let mut chars = 0usize;
        let mut digits = 0usize;
        let mut commas = 0usize;
        let mut sentences = 0usize;
        let mut prev: Option<char> = None;
        let mut visible = 0u32;
        for c in text.chars() {
            chars += 1;
            visible += u32::from(!c.is_whitespace());
            if c.is_ascii_digit() {
                digits += 1;
            }
            if matches!(c, ',' | '،' | '、' | '，') {
                commas += 1;
            }
            // A sentence ends at terminal punctuation after a letter.
            if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '।')
                && prev.is_some_and(|p| p.is_alphabetic() || p == ')' || p == '"')
            {
                sentences += 1;
            }
            prev = Some(c);
        }
        let last = text
            .trim_end_matches(|c: char| {
                matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '“')
                    || c.is_whitespace()
            })
            .chars()
            .last();
        Stats {
            words: words_n,
            sentences,
            ends_punct: last.is_some_and(|c| {
                matches!(
                    c,
                    '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '।' | ':' | ';'
                )
            }),
            stopword_ratio: if tokens > 0 {
                stop as f32 / tokens as f32
            } else {
                0.0
            },
            commas,
            digit_ratio: if chars > 0 {
                digits as f32 / chars as f32
            } else {
                0.0
            },
            capitalised_ratio: if cased > 0 {
                capitalised as f32 / cased as f32
            } else {
                0.0
            },
            tokens,
            content_words,
            folded,
            visible_chars: visible,
        }
    }
}

/// Marks `Signals::list_line`.
fn line_lists(blocks: &[Block], features: &[Row], signals: &mut [Signals]) {
    const MIN_LINES: usize = 4;
    let n = blocks.len();
    let shape = |j: usize, signals: &[Signals]| {
        let s = &signals[j];
        (s.words <= 20.0 && s.phrase.is_none())
            .then(|| line_shape(&blocks[j].text))
            .flatten()
    };
    let mut i = 0;
    while i + 1 < n {
        let s = &signals[i];
        let introduces = s.words >= 2.0
            && s.phrase.is_none()
            && (blocks[i].text.trim_end().ends_with(':')
                || (s.words <= 8.0 && features[i].get(F::ends_punct as usize) == 0.0));
        let first = if introduces {
            shape(i + 1, signals)
        } else {
            None
        };
        let Some(first) = first else {
            i += 1;
            continue;
        };
        let end = (i + 1..n)
            .find(|&j| shape(j, signals) != Some(first))
            .unwrap_or(n);
        if end - (i + 1) >= MIN_LINES {
            for s in &mut signals[i + 1..end] {
                s.list_line = true;
            }
        }
        i = end.max(i + 1);
    }
}

/// What a line of a list looks like apart from its words: whether it
/// starts with a number or a month, and the separators it uses. None for a
/// line with neither, which any two headlines share.
fn line_shape(text: &str) -> Option<u16> {
    let first = text.split_whitespace().next().unwrap_or("");
    let folded = fold(first);
    let mut shape = 0u16;
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        shape |= 1;
    } else if folded.chars().count() >= 3 && lexicon::is(&folded, Class::DateWord) {
        shape |= 2;
    }
    for (bit, sep) in [" – ", " — ", " - ", " @ ", " | ", ": ", " / ", " · ", " x "]
        .iter()
        .enumerate()
    {
        if text.contains(sep) {
            shape |= 4 << bit;
        }
    }
    // A separator, or a number and a separator: a leading number alone is
    // a numbered list's, which has items of any shape.
    (shape >= 4).then_some(shape)
}

/// Hint categories named for the reason they suggest, for explaining a
/// removal by the nearest hint.
pub const HINT_REASONS: [(usize, Reason); 11] = [
    (hint::NAVIGATION, Reason::Navigation),
    (hint::SHARE, Reason::CallToAction),
    (hint::COMMENTS, Reason::Comments),
    (hint::RELATED, Reason::TeaserUnrelated),
    (hint::ADVERTISEMENT, Reason::Advertisement),
    (hint::CALL_TO_ACTION, Reason::CallToAction),
    (hint::GALLERY, Reason::Gallery),
    (hint::CREDIT, Reason::PhotoCredit),
    (hint::HIDDEN, Reason::Hidden),
    (hint::FOOTER, Reason::Boilerplate),
    (hint::SIDEBAR, Reason::TeaserUnrelated),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_point_to_the_first_occurrence() {
        let blocks = crate::input::text::read("Same caption...\nOther\nSame caption...");
        let a = analyse(&blocks, None, None);
        assert_eq!(a.signals[2].duplicate_of, Some(0));
        assert!(a.signals[0].truncated);
    }

    #[test]
    fn arrows_and_prompt_tails_mark_links() {
        let blocks = crate::input::text::read(
            "Alle Entwicklungen auf einen Blick >\nDie Fragen im Überblick. Mehr dazu >>\nHe wanted to read more.",
        );
        let a = analyse(&blocks, None, None);
        assert!(a.signals[0].arrow);
        assert!(a.signals[1].prompt_tail);
        assert!(!a.signals[2].prompt_tail);
    }

    #[test]
    fn a_row_keeps_values_and_flags_and_its_dot_product_agrees() {
        let mut row = Row::default();
        row.set(F::words_log as usize, 2.5);
        row.set(F::in_nav as usize, 1.0);
        row.set(F::topic_low as usize, 1.0);
        row.set(F::topic_low as usize, 0.0);
        assert_eq!(row.get(F::words_log as usize), 2.5);
        assert_eq!(row.get(F::in_nav as usize), 1.0);
        assert_eq!(row.get(F::topic_low as usize), 0.0);
        let nonzero: Vec<_> = row.nonzero().collect();
        assert_eq!(
            nonzero,
            [(F::words_log as usize, 2.5), (F::in_nav as usize, 1.0)]
        );
        let mut w = [0.0; N];
        w[F::words_log as usize] = 2.0;
        w[F::in_nav as usize] = -1.0;
        w[F::topic_low as usize] = 100.0;
        assert_eq!(row.dot(&w), 4.0);
    }

    #[test]
    fn a_dated_line_under_a_handle_heads_a_post() {
        let blocks = crate::input::text::read(
            "fmcshan\n2 days ago at 07:50 am\nIt would be nice to have a smaller model too.\n\nSeasons\n2012-13\n\nThe meeting ended.\nMarch 3, 2024 at 10:15\n",
        );
        let a = analyse(&blocks, None, None);
        let heads: Vec<bool> = a.signals.iter().map(|s| s.dated_name).collect();
        // A day without a time under "Seasons" heads nothing; nor does a
        // date under a sentence.
        assert_eq!(heads, [false, true, false, false, false, false, false]);
    }

    #[test]
    fn a_line_against_a_credit_without_a_blank_line_is_a_caption() {
        let blocks = crate::input::text::read(
            "Share\nThe depot in Eybens on Tuesday morning, before the vote.\nPhoto: AFP\nThe strike began on Thursday, as the unions had announced.\n\nPhoto: AFP\n\nA paragraph after a credit, with blank lines around it.\n",
        );
        let a = analyse(&blocks, None, None);
        let captions: Vec<bool> = a.signals.iter().map(|s| s.caption).collect();
        assert_eq!(captions, [false, true, false, false, false, false]);
    }

    #[test]
    fn feature_names_are_unique() {
        let mut names = NAMES.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), N);
    }
}
