//! Third stage: what each block looks like, as numbers and as named signals.
//!
//! Features are the classifier's input: one vector per block, the same
//! names for HTML and text (a source's own evidence is zero where it has
//! none). Signals are the recognisable patterns — a gallery counter, a credit
//! line, a cookie prompt — that also decide the reason a block is removed.

use std::collections::HashMap;

use crate::article::Reason;
use crate::blocks::{hint, landmark, Block, Kind, Tag, FAR, HINTS};
use crate::input::dom::{Dom, NodeId};
use crate::lexicon::{lexicon, Language, Match};
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
}

#[derive(Clone)]
pub struct Analysis {
    pub signals: Vec<Signals>,
    pub features: Vec<Row>,
    /// Content words of each block (stopwords removed), as [`word_hash`]es,
    /// for topic overlap: eight bytes a word, whatever its length.
    pub content_words: Vec<Vec<u64>>,
}

/// Words per block past which phrase rules no longer decide alone: a long
/// paragraph that mentions cookies is an article about cookies.
pub const SHORT_PHRASE_WORDS: f32 = 12.0;

/// The share of stopwords in article paragraphs of the dev corpus, given to
/// every block of a text whose language has no stopword list.
const UNKNOWN_LANGUAGE_STOPWORDS: f32 = 0.4;

pub fn analyse(blocks: &[Block], lang: Option<&Language>, dom: Option<&Dom>) -> Analysis {
    let lex = lexicon();
    let n = blocks.len();
    let mut signals = Vec::with_capacity(n);
    let mut features = Vec::with_capacity(n);
    let mut content_words = Vec::with_capacity(n);
    let mut seen: HashMap<String, usize> = HashMap::new();

    for (i, b) in blocks.iter().enumerate() {
        let mut f = Row::default();
        let stats = Stats::of(&b.text, lang);
        let folded = fold(&b.text);
        let mut s = Signals {
            words: stats.words,
            ..Signals::default()
        };

        // Phrase rules decide for short blocks; longer ones only lean.
        let probe = if stats.words <= 40.0 {
            lex.phrase(&b.text, &folded)
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
        if s.phrase.is_none() && is_author_box(&b.text, &folded, stats.words, lang) {
            s.phrase = Some((Reason::Byline, Match::Whole));
            f.set(F::phrase_boilerplate as usize, 1.0);
        }
        s.counter = is_counter(&b.text, &folded) || starts_with_counter(&b.text);
        s.credit = is_credit(&b.text, &folded, stats.words);
        s.date = is_date(&folded, stats.words);
        s.byline = is_byline(&b.text, &folded, stats.words);
        s.name_like = is_name_like(&b.text, stats.words, lang);
        s.copyright = b.text.contains('©') || folded.starts_with("copyright");
        s.copyright_notice = s.copyright
            && !folded.split(' ').any(|t| lex.credit_words.contains(t))
            && folded.split(' ').any(|t| {
                t.len() == 4
                    && (t.starts_with("19") || t.starts_with("20"))
                    && t.bytes().all(|c| c.is_ascii_digit())
            });
        s.truncated = b.text.ends_with('…') || b.text.ends_with("...");
        s.arrow = has_arrow(&b.text);
        s.prompt_tail = !stats.ends_punct && lex.ends_with_prompt(&folded);
        if stats.words > 0.0 && !folded.is_empty() {
            match seen.get(&folded) {
                Some(&j) => s.duplicate_of = Some(j),
                None => {
                    seen.insert(folded.clone(), i);
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
        let prose_caps = lang.map_or(crate::lexicon::PROSE_CAPITALISED, |l| l.capitalised);
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
            for c in 0..HINTS {
                let dist = d.hints[c];
                f.set(F::near_navigation as usize + c, flag(dist <= 2));
                f.set(
                    F::far_navigation as usize + c,
                    flag(dist > 2 && dist != FAR),
                );
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
    line_lists(blocks, &features, &mut signals);
    neighbourhood(&signals, &mut features);
    streaks(&signals, &mut features);
    if let Some(dom) = dom {
        parent_mass(blocks, &signals, dom, &mut features);
    }
    Analysis {
        signals,
        features,
        content_words,
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
        signals[i].caption = (credit_after || counter_before) && !signals[i].credit;
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
fn parent_mass(blocks: &[Block], signals: &[Signals], dom: &Dom, features: &mut [Row]) {
    let parent_of = |b: &Block| b.dom().and_then(|d| dom.node(d.container).parent);
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

/// Topic features: how many of a block's content words the article's core
/// (title and strongest paragraphs) also uses. A well-written teaser for
/// another story shares almost none.
pub fn add_topic(analysis: &mut Analysis, core: &HashMap<u64, u32>, core_blocks: &[usize]) {
    for (i, f) in analysis.features.iter_mut().enumerate() {
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
}

/// FNV-1a: a word's identity for overlap counts, stable across runs and
/// platforms (the standard hasher is randomly seeded).
pub fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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
    content_words: Vec<u64>,
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
        let mut w = words(text);
        while let Some(t) = w.next_word() {
            tokens += 1;
            let cjk = t.chars().next().is_some_and(is_cjk);
            words_n += if cjk { 0.5 } else { 1.0 };
            let is_stop = lang.is_some_and(|l| l.is_stopword(t));
            if is_stop {
                stop += 1;
            } else if !t.chars().all(|c| c.is_ascii_digit()) && (cjk || t.chars().count() > 2) {
                content_words.push(word_hash(t));
            }
        }
        let mut chars = 0usize;
        let mut digits = 0usize;
        let mut commas = 0usize;
        let mut sentences = 0usize;
        let mut prev: Option<char> = None;
        for c in text.chars() {
            chars += 1;
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
            content_words,
        }
    }
}

/// "1/4", "3 of 12", "Bild 2 von 9", "(1 / 54)", "12 Fotos".
pub fn is_counter(text: &str, folded: &str) -> bool {
    let lex = lexicon();
    let t = text
        .trim()
        .trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    if t.len() > 40 {
        return false;
    }
    // n/m with optional spaces.
    if let Some((a, b)) = t.split_once('/') {
        let (a, b) = (a.trim(), b.trim());
        let num = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
        let a_last = a.rsplit(' ').next().unwrap_or(a);
        if num(a_last) && num(b.split(' ').next().unwrap_or(b)) {
            let before = a[..a.len() - a_last.len()].trim();
            let after = b.split_once(' ').map_or("", |(_, r)| r).trim();
            let is_noun =
                |s: &str| s.is_empty() || fold(s).split(' ').all(|w| lex.counter_words.contains(w));
            return is_noun(before) && is_noun(after);
        }
    }
    let toks: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let is_num = |s: &str| s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    let is_word = |s: &str| lex.counter_words.contains(s);
    match toks.as_slice() {
        [a, c, b] => is_num(a) && is_word(c) && is_num(b),
        [w, x, y, z] => {
            // "Bild 2 von 9" or "2 von 9 Bildern".
            (is_word(w) && is_num(x) && is_word(y) && is_num(z))
                || (is_num(w) && is_word(x) && is_num(y) && is_word(z))
        }
        [a, noun] => is_num(a) && is_word(noun) && !noun.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A photo credit: "Foto: dpa", "Image copyright Getty Images",
/// "ALEX WROBLEWSKI / AFP / picturedesk.com", "© Reuters".
pub fn is_credit(text: &str, folded: &str, words: f32) -> bool {
    if words > 12.0 || words == 0.0 {
        return false;
    }
    let lex = lexicon();
    let toks: Vec<&str> = folded.split(' ').collect();
    let has_agency = toks.iter().any(|t| lex.credit_words.contains(*t))
        || toks
            .windows(2)
            .any(|w| lex.credit_words.contains(&format!("{} {}", w[0], w[1])));
    if text.contains('©') || text.trim_start().starts_with("(c)") {
        return true;
    }
    let first = toks.first().copied().unwrap_or("");
    let labelled = lex.credit_words.contains(first)
        && text
            .char_indices()
            .find(|(_, c)| *c == ':')
            .is_some_and(|(i, _)| i < 30);
    if labelled {
        return true;
    }
    if first == "image" || first == "photo" || first == "foto" || first == "bild" {
        // "Image copyright …", "Photo by …", "Foto von …"
        if let Some(second) = toks.get(1) {
            if matches!(
                *second,
                "copyright" | "by" | "von" | "credit" | "source" | "courtesy" | "par" | "di" | "de"
            ) {
                return true;
            }
        }
    }
    let separated = text.contains(" / ") || text.contains(" | ") || text.contains('/');
    has_agency && (separated || words <= 6.0) && !text.ends_with('.')
}

/// A line that is only a date or time, possibly labelled ("Updated 3:45 PM
/// ET, Nov 18, 2019", "27.09.2022, 14:32 Uhr").
pub fn is_date(folded: &str, words: f32) -> bool {
    if words > 12.0 || folded.is_empty() {
        return false;
    }
    let lex = lexicon();
    let toks: Vec<&str> = folded.split(' ').collect();
    let numbers = toks
        .iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .count();
    let date_words = toks.iter().filter(|t| lex.date_words.contains(**t)).count();
    let month_or_year = toks.iter().any(|t| {
        (t.len() == 4 && t.starts_with(['1', '2']) && t.chars().all(|c| c.is_ascii_digit()))
            || (lex.date_words.contains(*t) && t.len() >= 3)
    });
    numbers >= 1 && month_or_year && (numbers + date_words) * 10 >= toks.len() * 7
}

/// "By Jane Doe", "Von Max Muster und Erika Muster", "Par Jean Dupont".
pub fn is_byline(text: &str, folded: &str, words: f32) -> bool {
    if !(2.0..=10.0).contains(&words) {
        return false;
    }
    // "Beitrag von X", "Posted by X" before "Von X", "By X".
    let Some((_, rest)) = crate::text::after_label(text, folded, &lexicon().byline_words, 2) else {
        return false;
    };
    // The name after the label is capitalised (or written in a script
    // without capitals).
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
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
    } else if folded.chars().count() >= 3 && lexicon().date_words.contains(&folded) {
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

/// The heading of an author box: "About Jane Doe", "Über Max Muster" —
/// an author-box word, then a name and nothing else. Like "About the
/// author", it ends the article.
pub fn is_author_box(text: &str, folded: &str, words: f32, lang: Option<&Language>) -> bool {
    if !(3.0..=6.0).contains(&words) {
        return false;
    }
    let Some((label_words, name)) =
        crate::text::after_label(text, folded, &lexicon().author_box_words, 3)
    else {
        return false;
    };
    is_name_like(name, words - label_words as f32, lang)
}

/// A person's name and nothing else, as bylines under a title show it:
/// two to four capitalised words ("Roman Palman", "Ludwig van Beethoven"),
/// or, in scripts without capitals, one to four words ("سارة الخطيب",
/// "अमित ठाकुर", "산책하는 민지") of letters only.
pub fn is_name_like(text: &str, words: f32, lang: Option<&Language>) -> bool {
    if !(1.0..=4.0).contains(&words) || text.chars().count() > 40 {
        return false;
    }
    let parts: Vec<&str> = text.split_whitespace().collect();
    if parts.is_empty() || parts.len() > 4 {
        return false;
    }
    let letters_only = |p: &&str| {
        p.chars()
            .all(|c| c.is_alphabetic() || is_mark(c) || matches!(c, '-' | '\'' | '.' | ',' | '·'))
    };
    let cased = text.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    if !cased {
        return parts.iter().all(letters_only);
    }
    parts.len() >= 2
        && parts.iter().all(|p| {
            let mut chars = p.chars();
            let first = chars.next().unwrap_or(' ');
            let particle = matches!(
                *p,
                "von"
                    | "van"
                    | "de"
                    | "da"
                    | "di"
                    | "der"
                    | "den"
                    | "del"
                    | "la"
                    | "le"
                    | "bin"
                    | "al"
            );
            (particle || (first.is_uppercase() && chars.clone().any(char::is_lowercase)))
                && letters_only(p)
        })
        && !parts
            .iter()
            .any(|p| lang.is_some_and(|l| l.is_stopword(&p.to_lowercase())) && p.len() > 3)
}

/// Combining marks (Devanagari vowel signs) belong to the letter before.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x0900..=0x0903 | 0x093a..=0x094f | 0x0962..=0x0963 | 0x064b..=0x065f)
}

/// A caption's credit at its end: "… in Salford. (AP Photo/Jane Doe)",
/// "… on Tuesday. Photo: Reuters", "… / Getty Images".
fn has_credit_tail(text: &str) -> bool {
    let t = text.trim_end();
    let split = if let Some(inner) = t.strip_suffix(')') {
        inner.rfind('(').map(|i| (&t[..i], &inner[i + 1..]))
    } else {
        t.rfind([':', '/', '|', '—']).map(|i| {
            let sep = t[i..].chars().next().map_or(1, char::len_utf8);
            (&t[..i], &t[i + sep..])
        })
    };
    let Some((head, tail)) = split else {
        return false;
    };
    if crate::text::word_weight(tail) > 6.0 || crate::text::word_weight(head) < 4.0 {
        return false;
    }
    let lex = lexicon();
    fold(tail).split(' ').any(|w| lex.credit_words.contains(w))
}

/// A slideshow caption with its counter glued on: "1of4Grass Valley's…",
/// "2/9 The minister…".
fn starts_with_counter(text: &str) -> bool {
    let t = text.trim_start();
    let a = t.bytes().take_while(u8::is_ascii_digit).count();
    if a == 0 || a > 3 {
        return false;
    }
    let rest = t[a..].trim_start();
    let rest = rest
        .strip_prefix("of")
        .or_else(|| rest.strip_prefix('/'))
        .map(str::trim_start);
    let Some(rest) = rest else { return false };
    let b = rest.bytes().take_while(u8::is_ascii_digit).count();
    // "3 of 12" counts up to its total; "24/7" does not.
    let (Ok(first), Ok(total)) = (t[..a].parse::<u32>(), rest[..b].parse::<u32>()) else {
        return false;
    };
    (1..=total).contains(&first)
        && b <= 3
        && rest[b..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == ' ')
        && crate::text::word_weight(&rest[b..]) >= 3.0
}

/// A link's arrow at either end ("… auf einen Blick >", "Read more »",
/// "» Weitere Meldungen"). Guillemets and angle brackets that pair up are
/// quotation marks or markup, not arrows: «цитата», »Zitat«, <Title>.
fn has_arrow(text: &str) -> bool {
    let t = text.trim();
    let ends = |c: char| t.ends_with(c);
    let starts = |c: char| t.starts_with(c);
    let has = |c: char| t.contains(c);
    (ends('>') && !has('<'))
        || ((ends('»') || ends('›')) && !has('«') && !has('‹'))
        || ends('→')
        || ends('▸')
        || ends('❯')
        || (starts('»') && !has('«'))
        || (starts('›') && !has('‹'))
        || starts('→')
        || starts('▸')
}

/// A bare web or e-mail address: a link or an author's contact, not prose.
pub fn looks_like_url(text: &str) -> bool {
    let t = text.trim();
    if t.contains(' ') || t.is_empty() {
        return false;
    }
    let email = t
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    email || t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")
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
    fn counters_in_several_languages() {
        for t in [
            "1/4",
            "1 / 54",
            "(3/12)",
            "3 of 12",
            "Bild 2 von 9",
            "Foto 1 de 10",
            "12 Fotos",
        ] {
            assert!(is_counter(t, &fold(t)), "{t}");
        }
        for t in [
            "2022",
            "Top 10 of the year",
            "and/or",
            "3 of the 12 victims",
            "12 Monkeys",
        ] {
            assert!(!is_counter(t, &fold(t)), "{t}");
        }
    }

    #[test]
    fn credit_lines_are_recognised() {
        for t in [
            "2022 Maxar Technologies / Handout via REUTERS",
            "ALEX WROBLEWSKI / AFP / picturedesk.com",
            "Image copyright Getty Images",
            "Foto: dpa",
            "© Reuters",
            "AP Photo/Evan Vucci",
        ] {
            assert!(is_credit(t, &fold(t), crate::text::word_weight(t)), "{t}");
        }
        let prose = "Reuters reported that the talks would resume next week in Geneva.";
        assert!(!is_credit(
            prose,
            &fold(prose),
            crate::text::word_weight(prose)
        ));
    }

    #[test]
    fn dates_are_recognised() {
        for t in [
            "19 November 2019",
            "27.09.2022, 14:32 Uhr",
            "Updated 3:45 PM ET, Mon November 18, 2019",
            "2019-11-18",
        ] {
            assert!(is_date(&fold(t), crate::text::word_weight(t)), "{t}");
        }
        let t = "In 2019 the company grew";
        assert!(!is_date(&fold(t), crate::text::word_weight(t)));
    }

    #[test]
    fn bylines_need_a_label_and_a_name() {
        for t in [
            "By Jane Doe",
            "Von Max Muster",
            "Par Jean Dupont, à Paris",
            "Beitrag von Brotliebhaberin78 » Do 7. Nov 2024, 21:14",
        ] {
            assert!(is_byline(t, &fold(t), crate::text::word_weight(t)), "{t}");
        }
        let t = "by the way, this is not one";
        assert!(!is_byline(t, &fold(t), crate::text::word_weight(t)));
    }

    #[test]
    fn author_boxes_are_headed_by_about_and_a_name() {
        let is_box = |t: &str| is_author_box(t, &fold(t), crate::text::word_weight(t), None);
        for t in [
            "About Jane Doe",
            "Über Moritz Bachmann",
            "Sobre Carlos Nadalim",
            "À propos de Jean Dupont",
            "Об Иване Петрове",
        ] {
            assert!(is_box(t), "{t}");
        }
        for t in [
            "About Us",
            "About the climate talks",
            "Über uns",
            "Jane Doe",
        ] {
            assert!(!is_box(t), "{t}");
        }
    }

    #[test]
    fn names_are_capitalised_words() {
        assert!(is_name_like("Roman Palman", 2.0, None));
        assert!(is_name_like("Ludwig van Beethoven", 3.0, None));
        assert!(!is_name_like("Roman Palman said", 3.0, None));
        assert!(!is_name_like("Schicksalswahl", 1.0, None));
        assert!(is_name_like("سارة الخطيب", 2.0, None));
        assert!(is_name_like("अमित ठाकुर", 2.0, None));
        assert!(!is_name_like("फोटो: पीटीआई", 2.0, None));
    }

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
    fn paired_guillemets_and_brackets_are_quotes_not_arrows() {
        for t in [
            "Read more »",
            "Alle Entwicklungen >",
            "» Weitere Meldungen",
            "Next →",
        ] {
            assert!(has_arrow(t), "{t}");
        }
        for t in [
            "Он сказал: «Посмотри на красотку»",
            "Er sagte »Nein«",
            "<The Palace>",
            "a > b",
        ] {
            assert!(!has_arrow(t), "{t}");
        }
    }

    #[test]
    fn credits_at_the_end_of_a_caption_are_recognised() {
        assert!(has_credit_tail(
            "Boris Johnson reacts during the debate in Salford. (AP Photo/Jane Doe)"
        ));
        assert!(has_credit_tail(
            "Police at the scene on Tuesday night. Photo: Reuters"
        ));
        assert!(!has_credit_tail(
            "The report was published on Tuesday (in English)."
        ));
        assert!(!has_credit_tail("(AP)"));
        assert!(has_credit_tail(
            "Crowds gathered outside the court in Delhi — Getty Images"
        ));
    }

    #[test]
    fn glued_slideshow_counters_are_recognised() {
        assert!(starts_with_counter(
            "1of4Grass Valley's Dionicio Torres looks at the cans"
        ));
        assert!(starts_with_counter(
            "2/9 The minister arrives at the summit"
        ));
        assert!(!starts_with_counter(
            "2019 was the year of wireless earbuds"
        ));
        assert!(!starts_with_counter("24/7 service is what they promise"));
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
