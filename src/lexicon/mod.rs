//! The word lists, phrase rules and class hints of `data/`, compiled into
//! tables by `build.rs` (nothing is parsed at run time). Every heuristic
//! that looks at words asks here, so adding a language or a site
//! convention is a change to a data file, not to code.
//!
//! One hash table maps each folded word or phrase to everything the lists
//! say of it: the languages whose stopword it is, the word classes it
//! belongs to (gallery counters, credits, byline labels, dates), and the
//! reason a phrase rule of each kind gives it.

mod hash;

use crate::codes::Reason;
use crate::text::is_cjk;

pub use hash::fnv1a;

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
include!(concat!(env!("OUT_DIR"), "/hints.rs"));
include!(concat!(env!("OUT_DIR"), "/meta.rs"));

pub const LANGUAGE_COUNT: usize = 31;
const _: () = assert!(LANGUAGE_COUNT == LANGUAGE_COUNT_CHECK);

/// The months a folded word names, as (language, month 1-12): "mai" is
/// May in German and French, "listopad" November in Polish and October in
/// Croatian (`data/meta/months.txt`).
pub fn months(word: &str) -> impl Iterator<Item = (&'static str, u8)> + '_ {
    let start = MONTH_WORDS.partition_point(|(w, _, _)| *w < word);
    MONTH_WORDS[start..]
        .iter()
        .take_while(move |(w, _, _)| *w == word)
        .map(|&(_, l, m)| (MONTH_LANGS[l as usize], m))
}

/// A small word that stands inside a date or before its time ("de", "um").
pub fn is_date_between(word: &str) -> bool {
    DATE_BETWEEN.binary_search(&word).is_ok()
}

/// What a label before a shown date says it dates (`data/meta/date-labels.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateLabel {
    Published,
    Modified,
}

/// The label a folded word or phrase is, if it is one.
pub fn date_label(folded: &str) -> Option<DateLabel> {
    if MODIFIED_LABELS.binary_search(&folded).is_ok() {
        Some(DateLabel::Modified)
    } else if PUBLISHED_LABELS.binary_search(&folded).is_ok() {
        Some(DateLabel::Published)
    } else {
        None
    }
}

/// Minutes east of UTC of a time zone's folded abbreviation ("cet" 60).
pub fn zone_offset(word: &str) -> Option<i16> {
    ZONES
        .binary_search_by(|(w, _)| (*w).cmp(word))
        .ok()
        .map(|i| ZONES[i].1)
}

/// The phrase lists of `data/meta/` that judge a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameList {
    /// Never a name: "admin", "Super User", "Share".
    Placeholder,
    /// Marks an organisation: "GmbH", "Redaktion", "News".
    Organisation,
    /// A role or title after a name: "Staff Writer", "PhD".
    Role,
    /// Stands before a name: "View all posts by", "Post author".
    Label,
    /// Joins two names: "und", "et".
    Joiner,
    /// Ends a name: "in" before a place or a section.
    NameEnd,
    /// Lower-case inside a name: "van", "de".
    Particle,
    /// A path segment before an author's own: `/author/…`.
    AuthorPath,
}

/// Whether a folded word (one, without spaces) holds a `*part` of a
/// phrase list: "jdadmin" holds "admin".
pub fn holds_part(list: NameList, word: &str) -> bool {
    let parts: &[&str] = match list {
        NameList::Placeholder => &PLACEHOLDERS_INSIDE,
        NameList::Label => &AUTHOR_LABELS_INSIDE,
        _ => &[],
    };
    !word.contains(' ') && parts.iter().any(|p| word.contains(p))
}

/// Whether a folded word or phrase is on a list.
pub fn in_list(list: NameList, folded: &str) -> bool {
    let table: &[&str] = match list {
        NameList::Placeholder => &PLACEHOLDERS,
        NameList::Organisation => &ORGANISATION_WORDS,
        NameList::Role => &ROLE_WORDS,
        NameList::Label => &AUTHOR_LABELS,
        NameList::Joiner => &JOINERS,
        NameList::NameEnd => &NAME_ENDS,
        NameList::Particle => &PARTICLES,
        NameList::AuthorPath => &AUTHOR_PATHS,
    };
    table.binary_search(&folded).is_ok()
}

/// How a phrase rule meets a block's folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    Whole,
    Prefix,
    Contains,
    Suffix,
}

/// The order of the rule kinds in a payload (`build.rs`'s `KINDS`).
const KIND_ORDER: [Match; 4] = [Match::Whole, Match::Prefix, Match::Contains, Match::Suffix];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Han,
    HanKana,
    Hangul,
}

#[derive(Debug)]
pub struct Language {
    pub code: &'static str,
    index: u8,
    pub script: Script,
    /// Share of capitalised words in ordinary prose: German capitalises
    /// every noun, so only well above it does case mark a headline.
    pub capitalised: f32,
    suffixes: &'static [&'static str],
}

/// Capitalised words in ordinary prose, for languages that do not say.
pub const PROSE_CAPITALISED: f32 = 0.12;

impl Language {
    pub fn is_stopword(&self, word: &str) -> bool {
        self.is_stopword_entry(word, lookup(word))
    }

    /// [`Language::is_stopword`] with the word's entry already looked up.
    pub fn is_stopword_entry(&self, word: &str, entry: Entry) -> bool {
        entry.langs() & (1 << self.index) != 0
            || (!self.suffixes.is_empty()
                && self.suffixes.iter().any(|s| word.ends_with(s))
                && word.chars().nth(1).is_some())
    }
}

pub fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The closed word classes of `data/words/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Between the numbers of a gallery counter ("3 of 12", "Bild 2 von 9").
    Counter = 0,
    /// Marks a photo credit ("Foto", "Getty Images").
    Credit = 1,
    /// Introduces an author's name ("By", "Von").
    BylineLabel = 2,
    /// Heads an author box ("About", "Über").
    AuthorBoxLabel = 3,
    /// A month, a weekday, a word of times and relative dates.
    DateWord = 4,
    /// Labels a date, or sits inside one ("Updated", "Publié le", "de").
    DateLabel = 5,
    /// The first word of a phrase rule of several words.
    StartsPhrase = 6,
    /// Makes a time relative ("3 hours ago", "vor 2 Tagen").
    RelativeWord = 7,
}

/// What the lists say of one folded word or phrase; empty when nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry(u64);

impl Entry {
    /// The languages whose stopword it is, a bit per [`Language`].
    pub fn langs(self) -> u32 {
        (self.0 & ((1 << CLASS_SHIFT) - 1)) as u32
    }

    pub fn is(self, class: Class) -> bool {
        self.0 >> (CLASS_SHIFT + class as u32) & 1 == 1
    }

    /// The reason a phrase rule of this kind gives.
    pub fn reason(self, kind: Match) -> Option<Reason> {
        let k = KIND_ORDER.iter().position(|&m| m == kind).unwrap_or(0);
        let r = (self.0 >> (REASON_SHIFT + 5 * k as u32)) & 0x1f;
        (r > 0).then(|| PHRASE_REASONS[r as usize - 1])
    }

    /// An ending rule that wants the block to end with a colon too.
    fn suffix_needs_colon(self) -> bool {
        self.0 >> COLON_SHIFT & 1 == 1
    }
}

/// The entry of a folded word or phrase.
pub fn lookup(key: &str) -> Entry {
    lookup_hashed(key, fnv1a(key.as_bytes()))
}

/// [`lookup`] with the key's [`fnv1a`] hash already known. One slot to
/// read: the table's hash is perfect.
pub fn lookup_hashed(key: &str, hash: u64) -> Entry {
    let d = DISPLACEMENTS[hash::bucket(hash, DISPLACEMENTS.len())];
    let i = hash::slot(hash, d, PAYLOADS.len());
    let start = if i == 0 { 0 } else { key_end(i - 1) };
    if KEYS.as_bytes().get(start..key_end(i)) == Some(key.as_bytes()) {
        Entry(PAYLOADS[i])
    } else {
        Entry::default()
    }
}

/// Where slot `i`'s key ends in `KEYS`.
fn key_end(i: usize) -> usize {
    usize::from(KEY_ENDS_HIGH[i]) << 8 | usize::from(KEY_ENDS_LOW[i])
}

/// Whether a folded word or phrase belongs to a word class.
pub fn is(key: &str, class: Class) -> bool {
    lookup(key).is(class)
}

/// The phrase rule a block meets, if any: whole-text rules first, then
/// prefixes, endings, and phrases contained in it. `folded` is
/// [`fold`](crate::text::fold)`(text)`. A leading count is skipped for
/// whole and prefix rules, so "34 Comments" and "15 thoughts on …" meet
/// "comments" and "thoughts on". Cost is linear in the block's words.
pub fn phrase(text: &str, folded: &str) -> Option<(Reason, Match)> {
    if folded.is_empty() {
        return None;
    }
    if let Some(found) = whole_or_prefix(folded) {
        return Some(found);
    }
    if let Some((count, rest)) = folded.split_once(' ') {
        if count.chars().all(|c| c.is_ascii_digit()) {
            if let Some(found) = whole_or_prefix(rest) {
                return Some(found);
            }
        }
    }
    let toks: Vec<&str> = folded.split(' ').collect();
    let mut tail_start = folded.len();
    for k in 1..=MAX_PHRASE_WORDS.min(toks.len().saturating_sub(1)) {
        tail_start -= toks[toks.len() - k].len() + usize::from(k > 1);
        let entry = lookup(&folded[tail_start..]);
        if let Some(r) = entry.reason(Match::Suffix) {
            if !entry.suffix_needs_colon() || text.trim_end().ends_with(':') {
                return Some((r, Match::Suffix));
            }
        }
    }
    contained(folded, &toks)
}

fn whole_or_prefix(folded: &str) -> Option<(Reason, Match)> {
    if let Some(r) = lookup(folded).reason(Match::Whole) {
        return Some((r, Match::Whole));
    }
    let mut found_prefix = None;
    // Longest prefix wins, so "more from" beats "more".
    let mut end = 0;
    for (i, t) in folded.split(' ').take(MAX_PHRASE_WORDS).enumerate() {
        end += t.len() + usize::from(i > 0);
        if let Some(r) = lookup(&folded[..end]).reason(Match::Prefix) {
            found_prefix = Some(r);
        }
    }
    found_prefix.map(|r| (r, Match::Prefix))
}

fn contained(folded: &str, toks: &[&str]) -> Option<(Reason, Match)> {
    // Every n-gram up to the longest rule, as a slice of `folded`, shortest
    // first; longer ones only from a word that starts some rule.
    let mut start = 0;
    for i in 0..toks.len() {
        let first = lookup(toks[i]);
        if let Some(r) = first.reason(Match::Contains) {
            return Some((r, Match::Contains));
        }
        if first.is(Class::StartsPhrase) {
            let mut end = start + toks[i].len();
            for t in toks.iter().skip(i + 1).take(MAX_PHRASE_WORDS - 1) {
                end += 1 + t.len();
                if let Some(r) = lookup(&folded[start..end]).reason(Match::Contains) {
                    return Some((r, Match::Contains));
                }
            }
        }
        start += toks[i].len() + 1;
    }
    None
}

/// Whether the block ends with a "read more" rule's phrase ("… Mehr dazu
/// >>", "… Continue reading"): a teaser pointing elsewhere.
pub fn ends_with_prompt(folded: &str) -> bool {
    // The last words only, last first: a paragraph's others never count.
    let tail: Vec<&str> = folded.rsplit(' ').take(MAX_PHRASE_WORDS + 1).collect();
    let mut tail_start = folded.len();
    for k in 1..=MAX_PHRASE_WORDS.min(tail.len().saturating_sub(1)) {
        tail_start -= tail[k - 1].len() + usize::from(k > 1);
        if lookup(&folded[tail_start..]).reason(Match::Prefix) == Some(Reason::CallToAction) {
            return true;
        }
    }
    false
}

/// How a hint rule of `data/hints.txt` meets an attribute value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// The data need not use every kind.
#[allow(dead_code)]
enum HintKind {
    Exact,
    Prefix,
    Suffix,
    Contains,
}

/// Bit set of the hint categories (bit `hint::X`) that an attribute value
/// such as a class list names. The value is read as words: split at
/// anything but letters and digits and at camelCase humps
/// ("articleBody-main" has the words "article", "body", "main"); a rule
/// `word` meets a whole word, `word*` a word's start, `*word` its end,
/// `*word*` any part of the value. One walk of the compiled trie from each
/// position of the value.
pub fn hint_bits(value: &str) -> u16 {
    let original = value.as_bytes();
    // Whether each byte belongs to a letter or digit (of any script);
    // worked out per character only for the rare value that is not ASCII.
    let unicode: Option<Vec<bool>> = (!value.is_ascii()).then(|| {
        let mut word = vec![false; original.len()];
        for (i, c) in value.char_indices() {
            if c.is_alphanumeric() {
                word[i..i + c.len_utf8()].fill(true);
            }
        }
        word
    });
    let word = |i: usize| match &unicode {
        Some(w) => w[i],
        None => original[i].is_ascii_alphanumeric(),
    };
    // A camelCase hump sits before position i ("email|SignUp").
    let hump = |i: usize| {
        i > 0
            && i < original.len()
            && (original[i - 1].is_ascii_lowercase() || original[i - 1].is_ascii_digit())
            && original[i].is_ascii_uppercase()
    };
    // A word boundary sits before position i.
    let boundary = |i: usize| i == 0 || i == original.len() || !word(i - 1) || !word(i) || hump(i);
    // A whole-word rule may span humps ("signup" meets "emailSignUp"); a
    // rule for a word's start or end may not ("slider*" is not
    // "slideRow"). Separators inside a match are the rule's own
    // ("most-read").
    let spans_hump = |start: usize, end: usize| (start + 1..end).any(hump);
    let mut bits = 0u16;
    let mut meets = |category: u8, kind: HintKind, start: usize, end: usize| {
        let ok = match kind {
            HintKind::Exact => boundary(end),
            HintKind::Prefix => !spans_hump(start, end),
            HintKind::Suffix => boundary(end) && !spans_hump(start, end),
            HintKind::Contains => true,
        };
        if ok {
            bits |= 1 << category;
        }
    };

    // Whole-word and word-start rules, from each word's start.
    for start in (0..original.len()).filter(|&i| boundary(i)) {
        let mut node = 0usize;
        for (offset, &byte) in original[start..].iter().enumerate() {
            let Some(next) = edge(
                &WORD_NODES,
                &WORD_EDGES,
                &WORD_ROOT,
                node,
                byte.to_ascii_lowercase(),
            ) else {
                break;
            };
            node = next;
            let (_, _, first, count) = WORD_NODES[node];
            for &(category, kind, _) in &WORD_RULES[first as usize..(first + count as u16) as usize]
            {
                meets(category, kind, start, start + offset + 1);
            }
        }
    }
    // Rules that may start inside a word, in one pass.
    let mut node = 0usize;
    for (at, &byte) in original.iter().enumerate() {
        let byte = byte.to_ascii_lowercase();
        node = loop {
            if let Some(next) = edge(&ANY_NODES, &ANY_EDGES, &ANY_ROOT, node, byte) {
                break next;
            }
            if node == 0 {
                break 0;
            }
            node = ANY_FAIL[node] as usize;
        };
        let (_, _, first, count) = ANY_NODES[node];
        for &(category, kind, len) in &ANY_RULES[first as usize..(first + count as u16) as usize] {
            meets(category, kind, at + 1 - len as usize, at + 1);
        }
    }
    bits
}

/// A node's child along `byte`.
fn edge(
    nodes: &[(u16, u8, u16, u8)],
    edges: &[(u8, u16)],
    root: &[u16; 256],
    node: usize,
    byte: u8,
) -> Option<usize> {
    if node == 0 {
        let next = root[usize::from(byte)];
        return (next != 0).then_some(usize::from(next));
    }
    let (first, count, _, _) = nodes[node];
    let edges = &edges[first as usize..first as usize + count as usize];
    if count <= 4 {
        return edges
            .iter()
            .find(|&&(b, _)| b == byte)
            .map(|&(_, n)| n as usize);
    }
    edges
        .binary_search_by_key(&byte, |&(b, _)| b)
        .ok()
        .map(|i| edges[i].1 as usize)
}

/// Languages written in a script of their own, without a stopword list:
/// the script names the language.
const SCRIPT_LANGUAGES: [(u32, u32, &str); 16] = [
    (0x0e00, 0x0e7f, "th"),
    (0x0e80, 0x0eff, "lo"),
    (0x1780, 0x17ff, "km"),
    (0x1000, 0x109f, "my"),
    (0x0980, 0x09ff, "bn"),
    (0x0a00, 0x0a7f, "pa"),
    (0x0a80, 0x0aff, "gu"),
    (0x0b00, 0x0b7f, "or"),
    (0x0b80, 0x0bff, "ta"),
    (0x0c00, 0x0c7f, "te"),
    (0x0c80, 0x0cff, "kn"),
    (0x0d00, 0x0d7f, "ml"),
    (0x0d80, 0x0dff, "si"),
    (0x10a0, 0x10ff, "ka"),
    (0x0530, 0x058f, "hy"),
    (0x1200, 0x137f, "am"),
];

/// Letters a text needs before its script says its language, and words
/// before its stopwords do: a handful of words (a menu, a name) says
/// nothing.
const MIN_LETTERS: usize = 24;
const MIN_WORDS: usize = 15;

/// What a text's letters and words say of its language.
#[derive(Debug)]
pub struct Votes {
    /// A language its script alone names, when that script dominates.
    by_script: Option<&'static str>,
    /// Otherwise the script shared by several languages: stopword hits
    /// per language of that script, and words counted.
    script: Script,
    hits: [usize; LANGUAGE_COUNT],
    /// Words counted by the set of languages whose stopword each is:
    /// neighbours share most of their frequent words ("de", "que", "a" in
    /// Spanish and Portuguese), and the words only one of them has ("do",
    /// "da" against "durante", "estar") tell them apart.
    by_langs: Vec<(u32, usize)>,
    total: usize,
    letters: usize,
}

impl Votes {
    /// The language: the script's own, or the one whose stopwords score
    /// most (covering at least three words, and one word in twenty).
    pub fn best(&self) -> Option<&'static str> {
        if self.letters < MIN_LETTERS {
            return None;
        }
        if let Some(l) = self.by_script {
            return Some(l);
        }
        if self.total < MIN_WORDS {
            return None;
        }
        // The contenders: languages near the most hits. Among them, the one
        // with most words none of the others has.
        let most = *self.hits.iter().max()?;
        let contenders = (0..LANGUAGE_COUNT)
            .filter(|&i| self.hits[i] * 5 >= most * 4)
            .fold(0u32, |m, i| m | 1 << i);
        let own = |i: usize| -> usize {
            self.by_langs
                .iter()
                .filter(|&&(langs, _)| langs & contenders == 1 << i)
                .map(|&(_, n)| n)
                .sum()
        };
        let best = (0..LANGUAGE_COUNT)
            .filter(|&i| contenders & 1 << i != 0)
            .max_by_key(|&i| (own(i), self.hits[i], usize::MAX - i))?;
        let n = self.hits[best];
        (n >= 3 && n * 20 >= self.total).then(|| LANGUAGES[best].code)
    }

    /// Whether `declared` (a page's `lang`) fits the text: its script, and
    /// for a language with stopwords, not far fewer of them than another
    /// language of the script has (a German blog whose theme says `en-US`).
    /// Texts too short to say are taken at their word.
    pub fn fits(&self, declared: &str) -> bool {
        let Some(best) = self.best() else {
            return true;
        };
        if best == declared {
            return true;
        }
        let Some(lang) = language(declared) else {
            // No stopwords to compare: only a script of its own says no.
            return self.by_script.is_none_or(|l| l == declared);
        };
        if self.by_script.is_some() || lang.script != self.script {
            // Han, kana and Hangul pages mix scripts; Latin words in a
            // page of those says nothing against them.
            return matches!(lang.script, Script::Han | Script::HanKana | Script::Hangul)
                && self.by_script.is_none();
        }
        let mine = self.hits[lang.index as usize];
        let theirs = language(best).map_or(0, |l| self.hits[l.index as usize]);
        // Neighbours share most words (Danish and Norwegian, Catalan and
        // Spanish), so half the best's hits is enough; a few shared short
        // words ("in", "so", "an" in German) are not.
        self.total < 50 || theirs < 2 * mine
    }
}

/// Counts a text's letters by script and its words by the stopword lists
/// of that script's languages.
pub fn votes(sample: &str) -> Votes {
    let mut counts = [0usize; 9];
    let mut own = [0usize; SCRIPT_LANGUAGES.len()];
    let mut letters = 0usize;
    for c in sample.chars().take(100_000) {
        // Most letters of most pages: no script table below starts in ASCII.
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                counts[Script::Latin as usize] += 1;
            }
            continue;
        }
        let u = c as u32;
        if let Some(k) = SCRIPT_LANGUAGES
            .iter()
            .position(|&(lo, hi, _)| (lo..=hi).contains(&u))
        {
            letters += 1;
            own[k] += 1;
            continue;
        }
        let script = match u {
            0x3040..=0x30ff => Script::HanKana,
            _ if is_cjk(c) => Script::Han,
            0xac00..=0xd7af | 0x1100..=0x11ff | 0x3130..=0x318f => Script::Hangul,
            0x0400..=0x04ff => Script::Cyrillic,
            0x0370..=0x03ff => Script::Greek,
            0x0600..=0x06ff | 0x0750..=0x077f => Script::Arabic,
            0x0590..=0x05ff => Script::Hebrew,
            0x0900..=0x097f => Script::Devanagari,
            _ if c.is_alphabetic() => Script::Latin,
            _ => continue,
        };
        letters += 1;
        counts[script as usize] += 1;
    }
    let mut v = Votes {
        by_script: None,
        script: Script::Latin,
        hits: [0; LANGUAGE_COUNT],
        by_langs: Vec::new(),
        total: 0,
        letters,
    };
    if letters == 0 {
        return v;
    }
    let share = |n: usize| n as f32 / letters as f32;
    if let Some(k) = (0..own.len())
        .max_by_key(|&k| own[k])
        .filter(|&k| share(own[k]) > 0.3)
    {
        v.by_script = Some(SCRIPT_LANGUAGES[k].2);
        return v;
    }
    // Any kana at all among Han characters means Japanese.
    if share(counts[Script::HanKana as usize]) > 0.02 {
        v.by_script = Some("ja");
        return v;
    }
    let dominant = [
        Script::Han,
        Script::Hangul,
        Script::Greek,
        Script::Hebrew,
        Script::Devanagari,
    ]
    .into_iter()
    .find(|&s| share(counts[s as usize]) > 0.3);
    if let Some(s) = dominant {
        v.by_script = LANGUAGES.iter().find(|l| l.script == s).map(|l| l.code);
        return v;
    }
    v.script = if share(counts[Script::Cyrillic as usize]) > 0.3 {
        Script::Cyrillic
    } else if share(counts[Script::Arabic as usize]) > 0.3 {
        Script::Arabic
    } else {
        Script::Latin
    };
    // Vote by stopword hits among the languages of that script.
    let of_script: u32 = LANGUAGES
        .iter()
        .filter(|l| l.script == v.script)
        .fold(0, |m, l| m | 1 << l.index);
    let mut w = crate::text::words(sample);
    while let Some(word) = w.next_word() {
        v.total += 1;
        if v.total > 20_000 {
            break;
        }
        let mut langs = lookup(word).langs() & of_script;
        if langs != 0 {
            match v.by_langs.iter_mut().find(|(l, _)| *l == langs) {
                Some((_, n)) => *n += 1,
                None => v.by_langs.push((langs, 1)),
            }
        }
        while langs != 0 {
            v.hits[langs.trailing_zeros() as usize] += 1;
            langs &= langs - 1;
        }
    }
    v
}

/// Guesses the language of a text from its script and, for scripts shared
/// by several languages, from which stopword list covers most of its words.
pub fn detect_language(sample: &str) -> Option<&'static str> {
    votes(sample).best()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn phrase_of(text: &str) -> Option<(Reason, Match)> {
        phrase(text, &fold(text))
    }

    #[test]
    fn every_key_is_found_in_its_slot() {
        let mut start = 0;
        for (i, &payload) in PAYLOADS.iter().enumerate() {
            let end = key_end(i);
            let key = &KEYS[start..end];
            assert_eq!(lookup(key), Entry(payload), "{key:?}");
            assert_ne!(payload, 0, "{key:?} says nothing");
            start = end;
        }
        assert_eq!(start, KEYS.len());
        assert_eq!(lookup("no such word at all"), Entry::default());
        assert_eq!(lookup(""), Entry::default());
    }

    #[test]
    fn every_language_has_stopwords() {
        for l in &LANGUAGES {
            let words = PAYLOADS
                .iter()
                .filter(|&&p| Entry(p).langs() & (1 << l.index) != 0)
                .count();
            assert!(words >= 10, "{} has {words} stopwords", l.code);
        }
    }

    #[test]
    fn whole_rules_match_only_the_whole_block() {
        assert_eq!(
            phrase_of("Advertisement"),
            Some((Reason::Advertisement, Match::Whole))
        );
        assert_eq!(phrase_of("Ad hoc committees met"), None);
    }

    #[test]
    fn prefix_rules_match_the_start() {
        assert_eq!(
            phrase_of("Read more: the budget"),
            Some((Reason::CallToAction, Match::Prefix))
        );
    }

    #[test]
    fn contains_rules_match_inside_and_across_languages() {
        for s in [
            "Wir verwenden Cookies",
            "Inscrivez-vous à notre newsletter",
            "Все права защищены",
        ] {
            assert!(phrase_of(s).is_some(), "{s}");
        }
    }

    // Each language's sentence is in tests/language.rs; these are the
    // rules around it.
    #[test]
    fn a_few_words_say_no_language() {
        assert_eq!(
            detect_language("The minister said that the plan is ready."),
            None
        );
        assert_eq!(detect_language("Home News Sport Kontakt Impressum"), None);
    }

    #[test]
    fn a_script_of_its_own_names_its_language_in_a_short_text() {
        // Thai has no spaces between words: its script says it, not Han.
        assert_eq!(
            detect_language("สภาเมืองประกาศว่าสะพานใหม่จะสร้างเสร็จก่อนสิ้นปีหน้า"),
            Some("th")
        );
        assert_eq!(
            detect_language("東京都は新しい交通計画を発表し、来年の春から実施すると述べました。"),
            Some("ja")
        );
        assert_eq!(
            detect_language(
                "정부는 오늘 새로운 경제 계획을 발표하고 내년 봄부터 시행하겠다고 밝혔다."
            ),
            Some("ko")
        );
    }

    /// Two paragraphs: under fifty words a declared language is believed.
    const GERMAN: &str = "Der Stadtrat hat am Dienstag mitgeteilt, dass die neue Brücke über den Fluss noch vor dem Ende des nächsten Jahres fertig sein soll, obwohl die Kosten gestiegen sind. Die Bürgermeisterin sagte, man habe mit den Firmen einen festen Preis vereinbart, und die Anwohner könnten die alte Brücke bis zum Sommer weiter nutzen.";
    const DANISH: &str = "Byrådet meddelte tirsdag, at den nye bro over åen vil være færdig inden udgangen af næste år, selv om udgifterne er steget meget i de seneste måneder.";

    #[test]
    fn a_declared_language_the_text_bears_out_is_kept() {
        assert!(votes(DANISH).fits("da"));
        // Norwegian shares most of Danish's words: a page that says it is
        // Norwegian is taken at its word.
        assert!(votes(DANISH).fits("no"));
        // No stopwords of its own to compare, but Latin letters fit.
        assert!(votes(GERMAN).fits("lb"));
    }

    #[test]
    fn a_declared_language_the_text_contradicts_is_not() {
        // A German blog whose theme says en-US.
        assert!(!votes(GERMAN).fits("en"));
        assert!(!votes(GERMAN).fits("ru"));
        assert!(!votes("สภาเมืองประกาศว่าสะพานใหม่จะสร้างเสร็จก่อนสิ้นปีหน้า").fits("zh"));
    }

    #[test]
    fn a_text_too_short_to_say_fits_any_declared_language() {
        assert!(votes("Impressum Kontakt").fits("en"));
    }

    #[test]
    fn counts_before_a_phrase_are_skipped() {
        assert_eq!(
            phrase_of("34 Comments"),
            Some((Reason::Comments, Match::Whole))
        );
        assert_eq!(
            phrase_of("15 thoughts on “A story”"),
            Some((Reason::Comments, Match::Prefix))
        );
    }

    #[test]
    fn endings_with_a_colon_need_the_colon() {
        assert_eq!(
            phrase_of("joetoronto says:"),
            Some((Reason::Comments, Match::Suffix))
        );
        assert_eq!(phrase_of("That is what she says"), None);
    }

    #[test]
    fn prompts_at_the_end_of_a_teaser_are_recognised() {
        assert!(ends_with_prompt(&fold(
            "Die wichtigsten Fragen im Überblick. Mehr dazu >>"
        )));
        assert!(ends_with_prompt(&fold(
            "The full story of the week. Read more"
        )));
        assert!(!ends_with_prompt(&fold("Read more")));
    }

    #[test]
    fn hints_split_class_names_into_words() {
        let nav = 1 << hint::NAVIGATION;
        let content = 1 << hint::CONTENT;
        let ad = 1 << hint::ADVERTISEMENT;
        assert_ne!(hint_bits("site-nav main") & nav, 0);
        assert_ne!(hint_bits("articleBody") & content, 0);
        assert_ne!(hint_bits("ad-slot top") & ad, 0);
        // "ad" must be a word of its own, not part of "head" or "read".
        assert_eq!(hint_bits("masthead-reader") & ad, 0);
    }

    #[test]
    fn hyphenated_hints_match_hyphenated_values() {
        let related = 1 << hint::RELATED;
        assert_ne!(hint_bits("widget most-read") & related, 0);
        assert_ne!(hint_bits("read-next") & related, 0);
    }

    #[test]
    fn whole_word_hints_span_camel_case_humps_and_word_starts_do_not() {
        let cta = 1 << hint::CALL_TO_ACTION;
        let gallery = 1 << hint::GALLERY;
        assert_ne!(hint_bits("emailSignUp") & cta, 0);
        assert_eq!(hint_bits("row slideRow") & gallery, 0);
        assert_ne!(hint_bits("slider-main") & gallery, 0);
    }

    #[test]
    fn hint_categories_are_named_after_their_line() {
        assert_eq!(HINT_NAMES[hint::NAVIGATION], "navigation");
        assert_eq!(HINT_NAMES[hint::CALL_TO_ACTION], "call-to-action");
    }

    #[test]
    fn korean_particles_mark_function_words() {
        let ko = language("ko").unwrap();
        assert!(ko.is_stopword("정부는"));
        assert!(!ko.is_stopword("정부"));
    }

    #[test]
    fn word_classes_hold_phrases_of_several_words() {
        assert!(is("getty images", Class::Credit));
        assert!(is("by", Class::BylineLabel));
        assert!(is("updated", Class::DateLabel));
        assert!(!is("reuters", Class::BylineLabel));
    }
}
