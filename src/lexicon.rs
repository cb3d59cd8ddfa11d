//! The word lists in `data/`, compiled into the binary and indexed on first
//! use. Every heuristic that looks at words gets them from here, so adding a
//! language or a site convention is a change to a data file, not to code.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::codes::Reason;
use crate::text::{fold, is_cjk, words};

/// How a phrase rule meets a block's folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    Whole,
    Prefix,
    Contains,
    Suffix,
}

pub struct Language {
    pub code: &'static str,
    pub script: Script,
    words: HashSet<String>,
    suffixes: Vec<String>,
    /// Share of capitalised words in ordinary prose: German capitalises
    /// every noun, so only well above it does case mark a headline.
    pub capitalised: f32,
}

/// Capitalised words in ordinary prose, for languages that do not say.
pub const PROSE_CAPITALISED: f32 = 0.12;

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

impl Language {
    pub fn is_stopword(&self, word: &str) -> bool {
        self.words.contains(word)
            || (self.suffixes.iter().any(|s| word.ends_with(s.as_str()))
                && word.chars().count() > 1)
    }
}

pub struct Lexicon {
    pub languages: Vec<Language>,
    /// Folded phrase -> (reason, match kind). Keys are unique per kind.
    whole: HashMap<String, Reason>,
    prefix: HashMap<String, Reason>,
    contains: HashMap<String, Reason>,
    /// Ending rules, and whether the block must end with a colon too
    /// ("… says:" is a commenter, "… says" a sentence).
    suffix: HashMap<String, (Reason, bool)>,
    /// Longest rule, in words: bounds the n-grams a block is probed with.
    max_phrase_words: usize,
    pub counter_words: HashSet<String>,
    pub credit_words: HashSet<String>,
    pub byline_words: HashSet<String>,
    pub author_box_words: HashSet<String>,
    pub date_words: HashSet<String>,
    /// The words of `dates.txt` that label a date ("Updated", "Publié le")
    /// and the small words between them and it.
    pub date_labels: HashSet<String>,
    hints: Hints,
}

/// The rules of `data/hints.txt`, each with the bit of its category.
#[derive(Default)]
struct Hints {
    exact: HashMap<String, u16>,
    prefix: Vec<(String, u16)>,
    contains: Vec<(String, u16)>,
}

macro_rules! data_files {
    ($dir:literal: $($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../data/", $dir, "/", $name, ".txt")))),*]
    };
}

const LANGUAGES: [(&str, &str); 29] = data_files!("lang":
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "fa", "he", "el",
    "hi", "sv", "da", "no", "fi", "cs", "sk", "hu", "ro", "id", "vi", "ja", "zh", "ko");

const PHRASES: [(&str, &str); 8] = data_files!("phrases":
    "navigation", "call-to-action", "advertisement", "teaser-unrelated", "boilerplate",
    "gallery", "comments", "byline");

const HINTS: &str = include_str!("../data/hints.txt");
const COUNTERS: &str = include_str!("../data/words/counters.txt");
const CREDITS: &str = include_str!("../data/words/credits.txt");
const BYLINES: &str = include_str!("../data/words/bylines.txt");
const AUTHOR_BOX: &str = include_str!("../data/words/author-box.txt");
const DATES: &str = include_str!("../data/words/dates.txt");

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

fn content_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word class file: words separated by white space, `_` joining phrases.
fn word_class(file: &str) -> HashSet<String> {
    content_lines(file).flat_map(class_words).collect()
}

/// The words of one line of a word class file, `_` joining a phrase.
fn class_words(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split_whitespace()
        .map(|w| fold(&w.replace('_', " ")))
        .filter(|w| !w.is_empty())
}

/// The words of the sections of a word class file whose heading comment
/// starts with one of `headings`.
fn word_class_sections(file: &str, headings: &[&str]) -> HashSet<String> {
    let mut wanted = false;
    let mut words = HashSet::new();
    for line in file.lines().map(str::trim) {
        if line.starts_with('#') {
            wanted = headings.iter().any(|h| line.starts_with(h));
        } else if wanted {
            words.extend(class_words(line));
        }
    }
    words
}

impl Lexicon {
    fn load() -> Lexicon {
        let languages = LANGUAGES
            .iter()
            .map(|(code, file)| {
                let mut script = Script::Latin;
                let mut suffixes = Vec::new();
                let mut capitalised = PROSE_CAPITALISED;
                let mut set = HashSet::new();
                for line in content_lines(file) {
                    if let Some(s) = line.strip_prefix("script:") {
                        script = match s.trim() {
                            "arabic" => Script::Arabic,
                            "hebrew" => Script::Hebrew,
                            "greek" => Script::Greek,
                            "devanagari" => Script::Devanagari,
                            "han" => Script::Han,
                            "han-kana" => Script::HanKana,
                            "hangul" => Script::Hangul,
                            "cyrillic" => Script::Cyrillic,
                            _ => Script::Latin,
                        };
                    } else if let Some(c) = line.strip_prefix("capitalised:") {
                        capitalised = c.trim().parse().unwrap_or(PROSE_CAPITALISED);
                    } else if let Some(s) = line.strip_prefix("suffixes:") {
                        suffixes.extend(s.split_whitespace().map(str::to_string));
                    } else {
                        set.extend(line.split_whitespace().flat_map(words));
                    }
                }
                if script == Script::Latin
                    && set
                        .iter()
                        .any(|w| w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
                {
                    script = Script::Cyrillic;
                }
                Language {
                    code,
                    script,
                    words: set,
                    suffixes,
                    capitalised,
                }
            })
            .collect();

        let mut lex = Lexicon {
            languages,
            whole: HashMap::new(),
            prefix: HashMap::new(),
            contains: HashMap::new(),
            suffix: HashMap::new(),
            max_phrase_words: 1,
            counter_words: word_class(COUNTERS),
            credit_words: word_class(CREDITS),
            byline_words: word_class(BYLINES),
            author_box_words: word_class(AUTHOR_BOX),
            date_words: word_class(DATES),
            date_labels: word_class_sections(
                DATES,
                &["# small words", "# words that label a date"],
            ),
            hints: Hints::load(HINTS),
        };
        for (name, file) in PHRASES {
            let reason = Reason::from_code(name).expect("phrase file named after a reason");
            for line in content_lines(file) {
                let (kind, phrase) = match line.split_at(1) {
                    ("=", p) => (Match::Whole, p),
                    ("^", p) => (Match::Prefix, p),
                    ("~", p) => (Match::Contains, p),
                    ("$", p) => (Match::Suffix, p),
                    _ => continue,
                };
                let key = fold(phrase);
                if key.is_empty() {
                    continue;
                }
                lex.max_phrase_words = lex.max_phrase_words.max(key.split(' ').count());
                // The first file to claim a phrase keeps it.
                match kind {
                    Match::Whole => lex.whole.entry(key).or_insert(reason),
                    Match::Prefix => lex.prefix.entry(key).or_insert(reason),
                    Match::Contains => lex.contains.entry(key).or_insert(reason),
                    Match::Suffix => {
                        let colon = phrase.trim_end().ends_with(':');
                        &mut lex.suffix.entry(key).or_insert((reason, colon)).0
                    }
                };
            }
        }
        lex
    }

    /// Bit set of the hint categories (bit i = category i of `data/hints.txt`)
    /// that an attribute value such as a class list names.
    pub fn hint_bits(&self, value: &str) -> u16 {
        let lower = value.to_lowercase();
        let mut bits = 0;
        for (needle, bit) in &self.hints.contains {
            if lower.contains(needle.as_str()) {
                bits |= bit;
            }
        }
        for_each_hint_word(value, |w| {
            if let Some(b) = self.hints.exact.get(w) {
                bits |= b;
            }
            for (p, bit) in &self.hints.prefix {
                if w.starts_with(p.as_str()) {
                    bits |= bit;
                }
            }
        });
        bits
    }

    /// Whether the block ends with a "read more" rule's phrase ("… Mehr dazu
    /// >>", "… Continue reading"): a teaser pointing elsewhere.
    pub fn ends_with_prompt(&self, folded: &str) -> bool {
        let toks: Vec<&str> = folded.split(' ').collect();
        (1..=self.max_phrase_words.min(toks.len().saturating_sub(1))).any(|k| {
            let tail = toks[toks.len() - k..].join(" ");
            self.prefix.get(&tail) == Some(&Reason::CallToAction)
        })
    }

    #[cfg(test)]
    fn phrase_of(&self, text: &str) -> Option<(Reason, Match)> {
        self.phrase(text, &fold(text))
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The phrase rule a block meets, if any: whole-text rules first, then
    /// prefixes, endings, and phrases contained in it. `folded` is
    /// [`fold`]`(text)`. A leading count is skipped for whole and prefix
    /// rules, so "34 Comments" and "15 thoughts on …" meet "comments" and
    /// "thoughts on". Cost is linear in the block's words.
    pub fn phrase(&self, text: &str, folded: &str) -> Option<(Reason, Match)> {
        if folded.is_empty() {
            return None;
        }
        if let Some(found) = self.whole_or_prefix(folded) {
            return Some(found);
        }
        if let Some((count, rest)) = folded.split_once(' ') {
            if count.chars().all(|c| c.is_ascii_digit()) {
                if let Some(found) = self.whole_or_prefix(rest) {
                    return Some(found);
                }
            }
        }
        let toks: Vec<&str> = folded.split(' ').collect();
        for k in 1..=self.max_phrase_words.min(toks.len().saturating_sub(1)) {
            let tail = &folded[folded.len() - toks[toks.len() - k..].join(" ").len()..];
            if let Some(&(r, colon)) = self.suffix.get(tail) {
                if !colon || text.trim_end().ends_with(':') {
                    return Some((r, Match::Suffix));
                }
            }
        }
        self.contained(folded, &toks)
    }

    fn whole_or_prefix(&self, folded: &str) -> Option<(Reason, Match)> {
        if let Some(r) = self.whole.get(folded) {
            return Some((*r, Match::Whole));
        }
        let toks: Vec<&str> = folded.split(' ').collect();
        let mut found_prefix = None;
        // Longest prefix wins, so "more from" beats "more".
        let mut end = 0;
        for (i, t) in toks.iter().take(self.max_phrase_words).enumerate() {
            end += t.len() + usize::from(i > 0);
            if let Some(r) = self.prefix.get(&folded[..end]) {
                found_prefix = Some(*r);
            }
        }
        found_prefix.map(|r| (r, Match::Prefix))
    }

    fn contained(&self, folded: &str, toks: &[&str]) -> Option<(Reason, Match)> {
        // Every n-gram up to the longest rule, as a slice of `folded`.
        let mut starts = Vec::with_capacity(toks.len());
        let mut pos = 0;
        for t in toks {
            starts.push(pos);
            pos += t.len() + 1;
        }
        for i in 0..toks.len() {
            let mut end = starts[i];
            for t in toks.iter().skip(i).take(self.max_phrase_words) {
                end += t.len();
                if let Some(r) = self.contains.get(&folded[starts[i]..end]) {
                    return Some((*r, Match::Contains));
                }
                end += 1;
            }
        }
        None
    }
}

impl Hints {
    fn load(file: &str) -> Hints {
        let mut hints = Hints::default();
        for (i, line) in content_lines(file).enumerate() {
            let bit = 1u16 << i;
            let Some((_, rules)) = line.split_once(':') else {
                continue;
            };
            for rule in rules.split_whitespace() {
                if let Some(inner) = rule.strip_prefix('*').and_then(|r| r.strip_suffix('*')) {
                    hints.contains.push((inner.to_string(), bit));
                } else if let Some(p) = rule.strip_suffix('*') {
                    hints.prefix.push((p.to_string(), bit));
                } else {
                    *hints.exact.entry(rule.to_string()).or_default() |= bit;
                }
            }
        }
        hints
    }
}

/// Splits a class or id value into lower-cased words at anything that is
/// not a letter or digit and at camelCase humps: "articleBody-main" gives
/// "article", "body", "main".
fn for_each_hint_word(value: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                f(&word);
                word.clear();
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                f(&word);
                word.clear();
            }
            prev_lower = false;
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// Guesses the language of a text from its script and, for scripts shared
/// by several languages, from which stopword list covers most of its words.
pub fn detect_language(sample: &str) -> Option<&'static str> {
    let lex = lexicon();
    let mut counts = [0usize; 9];
    let mut letters = 0usize;
    for c in sample.chars().take(100_000) {
        let script = match c as u32 {
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
    if letters == 0 {
        return None;
    }
    let script_share = |s: Script| counts[s as usize] as f32 / letters as f32;
    // Any kana at all among Han characters means Japanese.
    if script_share(Script::HanKana) > 0.02 {
        return Some("ja");
    }
    let dominant = [
        Script::Han,
        Script::Hangul,
        Script::Greek,
        Script::Hebrew,
        Script::Devanagari,
    ]
    .into_iter()
    .find(|&s| script_share(s) > 0.3);
    if let Some(s) = dominant {
        return lex.languages.iter().find(|l| l.script == s).map(|l| l.code);
    }
    let script = if script_share(Script::Cyrillic) > 0.3 {
        Script::Cyrillic
    } else if script_share(Script::Arabic) > 0.3 {
        Script::Arabic
    } else {
        Script::Latin
    };
    // Vote by stopword hits among the languages of that script.
    let mut hits = vec![0usize; lex.languages.len()];
    let mut total = 0usize;
    let mut w = words(sample);
    while let Some(word) = w.next_word() {
        total += 1;
        if total > 20_000 {
            break;
        }
        for (i, l) in lex.languages.iter().enumerate() {
            if l.script == script && l.words.contains(word) {
                hits[i] += 1;
            }
        }
    }
    let (best, &n) = hits.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (n >= 2 && n * 20 >= total).then(|| lex.languages[best].code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_loads_with_words() {
        let lex = lexicon();
        assert!(lex.languages.len() >= 20);
        for l in &lex.languages {
            assert!(l.words.len() >= 10, "{} has few words", l.code);
        }
    }

    #[test]
    fn whole_rules_match_only_the_whole_block() {
        let lex = lexicon();
        assert_eq!(
            lex.phrase_of("Advertisement"),
            Some((Reason::Advertisement, Match::Whole))
        );
        assert_eq!(lex.phrase_of("Ad hoc committees met"), None);
    }

    #[test]
    fn prefix_rules_match_the_start() {
        let lex = lexicon();
        assert_eq!(
            lex.phrase_of("Read more: the budget"),
            Some((Reason::CallToAction, Match::Prefix))
        );
    }

    #[test]
    fn contains_rules_match_inside_and_across_languages() {
        let lex = lexicon();
        for s in [
            "Wir verwenden Cookies",
            "Inscrivez-vous à notre newsletter",
            "Все права защищены",
        ] {
            assert!(lex.phrase_of(s).is_some(), "{s}");
        }
    }

    #[test]
    fn detects_languages_by_script_and_stopwords() {
        let cases = [
            (
                "The minister said that the plan would be ready in the spring.",
                "en",
            ),
            (
                "Der Minister sagte, dass der Plan im Frühjahr fertig sein wird.",
                "de",
            ),
            (
                "Le ministre a dit que le plan sera prêt au printemps.",
                "fr",
            ),
            (
                "El ministro dijo que el plan estará listo en la primavera.",
                "es",
            ),
            ("Министр сказал, что план будет готов весной.", "ru"),
            ("東京都は新しい計画を発表しました。", "ja"),
            ("政府今天发布了新的经济计划。", "zh"),
            ("정부는 새로운 계획을 발표했다.", "ko"),
            ("Ο υπουργός είπε ότι το σχέδιο θα είναι έτοιμο.", "el"),
        ];
        for (text, lang) in cases {
            assert_eq!(detect_language(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn counts_before_a_phrase_are_skipped() {
        let lex = lexicon();
        assert_eq!(
            lex.phrase_of("34 Comments"),
            Some((Reason::Comments, Match::Whole))
        );
        assert_eq!(
            lex.phrase_of("15 thoughts on “A story”"),
            Some((Reason::Comments, Match::Prefix))
        );
    }

    #[test]
    fn endings_with_a_colon_need_the_colon() {
        let lex = lexicon();
        assert_eq!(
            lex.phrase_of("joetoronto says:"),
            Some((Reason::Comments, Match::Suffix))
        );
        assert_eq!(lex.phrase_of("That is what she says"), None);
    }

    #[test]
    fn prompts_at_the_end_of_a_teaser_are_recognised() {
        let lex = lexicon();
        assert!(lex.ends_with_prompt(&fold("Die wichtigsten Fragen im Überblick. Mehr dazu >>")));
        assert!(lex.ends_with_prompt(&fold("The full story of the week. Read more")));
        assert!(!lex.ends_with_prompt(&fold("Read more")));
    }

    #[test]
    fn hints_split_class_names_into_words() {
        let lex = lexicon();
        let nav = 1 << crate::blocks::hint::NAVIGATION;
        let content = 1 << crate::blocks::hint::CONTENT;
        let ad = 1 << crate::blocks::hint::ADVERTISEMENT;
        assert_ne!(lex.hint_bits("site-nav main") & nav, 0);
        assert_ne!(lex.hint_bits("articleBody") & content, 0);
        assert_ne!(lex.hint_bits("ad-slot top") & ad, 0);
        // "ad" must be a word of its own, not part of "head" or "read".
        assert_eq!(lex.hint_bits("masthead-reader") & ad, 0);
    }

    #[test]
    fn hint_file_has_one_line_per_category() {
        assert_eq!(content_lines(HINTS).count(), crate::blocks::HINTS);
    }

    #[test]
    fn korean_particles_mark_function_words() {
        let ko = lexicon().language("ko").unwrap();
        assert!(ko.is_stopword("정부는"));
        assert!(!ko.is_stopword("정부"));
    }
}
