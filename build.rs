//! Compiles the data in `data/` into Rust tables, so that nothing is parsed
//! when the cleaner runs and a mistake in the data fails the build:
//!
//! - `data/lang/*.txt` (stopwords), `data/phrases/*.txt` (boilerplate
//!   phrases by reason) and `data/words/*.txt` (word classes) become one
//!   hash table from a folded word or phrase to everything the lists say of
//!   it (`OUT_DIR/lexicon.rs`);
//! - `data/hints.txt` (class and id hints) becomes a trie and a constant per
//!   category, named after it (`OUT_DIR/hints.rs`);
//! - `data/model.txt` becomes the model's weights and thresholds
//!   (`OUT_DIR/model.rs`; feature names are checked when the crate compiles);
//! - `data/meta/*.txt` (month names, time zones, and the words that tell a
//!   name from a placeholder, an organisation, a role or a label) become
//!   sorted tables for reading the article's metadata (`OUT_DIR/meta.rs`);
//! - the standard library's lower-casing becomes small tables of runs and
//!   ranges (`OUT_DIR/case.rs`, read by `src/text/case.rs`).
//!
//! Build errors: a phrase or hint rule written twice, a hint rule that
//! another rule of its category already covers, a rule that folds to
//! nothing or can never match, an unknown script, section or parameter.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/text/words.rs"]
#[allow(dead_code)]
mod words;

#[path = "src/lexicon/hash.rs"]
mod hash;

/// What `src/text/words.rs` lower-cases with here: the standard library's
/// own, which `case_tables` compiles for the cleaner.
#[allow(clippy::disallowed_methods)]
mod case {
    pub fn lower(c: char) -> std::char::ToLowercase {
        c.to_lowercase()
    }
}

/// Stopword languages in the order detection breaks ties by.
const LANGUAGES: [&str; 31] = [
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "fa", "he", "el", "hi",
    "sv", "da", "no", "fi", "cs", "sk", "hu", "ro", "id", "vi", "ja", "zh", "ko", "ca", "hr",
];

/// Bits of a payload: the languages first (one each), then the word
/// classes, a reason per rule kind and the suffix rule's colon.
const LANG_BITS: u32 = 32;
const CLASS_SHIFT: u32 = LANG_BITS;
const REASON_SHIFT: u32 = CLASS_SHIFT + 8;
const COLON_SHIFT: u32 = REASON_SHIFT + 20;

/// Phrase files, named after the reason they remove a block for. When two
/// files would claim a phrase, the build fails.
const PHRASES: [&str; 8] = [
    "navigation",
    "call-to-action",
    "advertisement",
    "teaser-unrelated",
    "boilerplate",
    "gallery",
    "comments",
    "byline",
];

/// Word class files and the bit each sets (see `src/lexicon/mod.rs`).
const CLASSES: [(&str, u32); 5] = [
    ("counters", 0),
    ("credits", 1),
    ("bylines", 2),
    ("author-box", 3),
    ("dates", 4),
];
/// Sections of `dates.txt` whose words label a date rather than state it.
const DATE_LABEL_SECTIONS: [&str; 2] = ["# small words", "# words that label a date"];
const DATE_LABEL_BIT: u32 = 5;
/// Set on the first word of every phrase rule of several words.
const STARTS_PHRASE_BIT: u32 = 6;
/// The section of `dates.txt` whose words make a time relative ("ago").
const RELATIVE_SECTION: &str = "# words that make a time relative";
const RELATIVE_BIT: u32 = 7;

/// How a phrase rule meets a block; the payload keeps a reason per kind.
const KINDS: [char; 4] = ['=', '^', '~', '$'];

fn main() {
    let data = Path::new("data");
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/text/words.rs");
    println!("cargo::rerun-if-changed=src/lexicon/hash.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut errors = Vec::new();
    let lexicon = lexicon(data, &mut errors);
    let hints = hints(&read(&data.join("hints.txt")), &mut errors);
    let model = model(&read(&data.join("model.txt")), &mut errors);
    let meta = meta_tables(&data.join("meta"), &mut errors);
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo::error={e}");
        }
        std::process::exit(1);
    }
    std::fs::write(Path::new(&out).join("lexicon.rs"), lexicon).expect("write lexicon.rs");
    std::fs::write(Path::new(&out).join("hints.rs"), hints).expect("write hints.rs");
    std::fs::write(Path::new(&out).join("model.rs"), model).expect("write model.rs");
    std::fs::write(Path::new(&out).join("meta.rs"), meta).expect("write meta.rs");
    std::fs::write(Path::new(&out).join("case.rs"), case_tables()).expect("write case.rs");
}

/// The standard library's lower-casing, read off `char::to_lowercase` and
/// `str::to_lowercase` for every character, as the tables of
/// `src/text/case.rs`: runs of characters that lower-case to one character
/// at a fixed distance (every character, or every other: "A".."Z",
/// "Ā", "Ă"…), the characters that lower-case to two, and for the final
/// sigma the characters `str::to_lowercase` skips (Case_Ignorable) and the
/// cased ones that are neither lowercase nor uppercase (titlecase).
/// A run is packed as start << 11 | (length - 1) << 1 | (stride - 1), a
/// range of ignorables as start << 11 | (length - 1).
#[allow(clippy::disallowed_methods)]
fn case_tables() -> String {
    let chars = || (0..=0x10ffff_u32).filter_map(char::from_u32);
    // (start, length, stride, distance)
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    let mut two = Vec::new();
    for c in chars() {
        let lower: Vec<char> = c.to_lowercase().collect();
        match lower[..] {
            [l] if l == c => continue,
            [l] => {
                let (n, distance) = (c as u32, i64::from(l as u32) - i64::from(c as u32));
                if let Some(run) = runs.last_mut() {
                    let gap = n - (run.0 + (run.1 - 1) * run.2);
                    if run.3 == distance && (gap == run.2 || (run.1 == 1 && gap == 2)) {
                        run.2 = gap;
                        run.1 += 1;
                        continue;
                    }
                }
                runs.push((n, 1, 1, distance));
            }
            [a, b] => two.push((c, a, b)),
            _ => panic!("{c:?} lower-cases to {lower:?}: more than src/text/case.rs holds"),
        }
    }
    // Which of Final_Sigma's contexts a character is, by what it makes of a
    // capital sigma before it: ignorable ones are skipped, cased ones make
    // it medial.
    let mut ignorable: Vec<(u32, u32)> = Vec::new();
    let mut titlecase = Vec::new();
    let mut probe = String::new();
    let mut medial = |c: char, after: &str| {
        probe.clear();
        probe.push_str("A\u{3a3}");
        probe.push(c);
        probe.push_str(after);
        probe.to_lowercase().chars().nth(1) == Some('\u{3c3}')
    };
    for c in chars() {
        let (cased, ignored) = (medial(c, ""), medial(c, "B"));
        if ignored && !cased {
            let n = c as u32;
            match ignorable.last_mut() {
                Some(range) if range.0 + range.1 == n => range.1 += 1,
                _ => ignorable.push((n, 1)),
            }
        } else if cased != (c.is_lowercase() || c.is_uppercase()) {
            assert!(cased, "{c:?} is lowercase or uppercase but not cased");
            titlecase.push(c);
        }
    }
    assert!(
        runs.iter().all(|r| r.0 < 1 << 21 && r.1 <= 1 << 10)
            && ignorable.iter().all(|r| r.1 <= 1 << 11),
        "a run too long for src/text/case.rs's packing"
    );
    let runs_packed: Vec<u32> = runs
        .iter()
        .map(|r| r.0 << 11 | (r.1 - 1) << 1 | (r.2 - 1))
        .collect();
    let distances: Vec<i32> = runs
        .iter()
        .map(|r| i32::try_from(r.3).expect("a distance within a plane"))
        .collect();
    let ignorable: Vec<u32> = ignorable.iter().map(|r| r.0 << 11 | (r.1 - 1)).collect();
    format!(
        "const LOWER_RUNS: [u32; {}] = {runs_packed:?};\n\
         const LOWER_DISTANCES: [i32; {}] = {distances:?};\n\
         const LOWER_TWO: [(char, char, char); {}] = {two:?};\n\
         const CASE_IGNORABLE: [u32; {}] = {ignorable:?};\n\
         const TITLECASE: [char; {}] = {titlecase:?};\n",
        runs_packed.len(),
        distances.len(),
        two.len(),
        ignorable.len(),
        titlecase.len(),
    )
}

/// Phrase lists of `data/meta/`, each a sorted table of folded phrases.
/// Lists of phrases hold one a line; lists of words, words separated by
/// white space (`_` joins a phrase).
const META_LISTS: [(&str, &str, bool); 8] = [
    ("author-paths", "AUTHOR_PATHS", false),
    ("joiners", "JOINERS", false),
    ("name-ends", "NAME_ENDS", false),
    ("particles", "PARTICLES", false),
    ("placeholders", "PLACEHOLDERS", true),
    ("organisations", "ORGANISATION_WORDS", false),
    ("roles", "ROLE_WORDS", false),
    ("labels", "AUTHOR_LABELS", true),
];

/// `data/meta/`: month names by language, time zones, and the phrase
/// lists that judge names. Errors: a language without twelve months, a
/// month name of several words or written twice for different months of
/// one language, a zone whose offset does not read, a phrase that folds to
/// nothing or is written twice.
fn meta_tables(dir: &Path, errors: &mut Vec<String>) -> String {
    let mut out = String::new();
    // Months.
    let path = dir.join("months.txt");
    let file = read(&path);
    let mut langs: Vec<String> = Vec::new();
    let mut months: BTreeMap<(String, usize), u8> = BTreeMap::new();
    let mut between: Vec<String> = Vec::new();
    for (no, line) in content_lines(&file) {
        let here = format!("{}:{no}", path.display());
        if let Some(list) = line.strip_prefix("between:") {
            for w in list.split_whitespace() {
                let key = words::fold(w);
                if key.is_empty() || key.contains(' ') || between.contains(&key) {
                    errors.push(format!("{here}: {w:?} is not one word, or written twice"));
                } else {
                    between.push(key);
                }
            }
            continue;
        }
        let Some((code, names)) = line.split_once(':') else {
            errors.push(format!("{here}: expected `lang: january | february | …`"));
            continue;
        };
        let code = code.trim();
        if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            errors.push(format!("{here}: {code:?} is not a language code"));
            continue;
        }
        if langs.iter().any(|l| l == code) {
            errors.push(format!("{here}: {code} has a line already"));
            continue;
        }
        langs.push(code.to_string());
        let lang = langs.len() - 1;
        let groups: Vec<&str> = names.split('|').collect();
        if groups.len() != 12 {
            errors.push(format!(
                "{here}: {code} has {} months, not 12",
                groups.len()
            ));
            continue;
        }
        for (m, group) in groups.iter().enumerate() {
            for w in group.split_whitespace() {
                let key = words::fold(w);
                if key.is_empty() || key.contains(' ') {
                    errors.push(format!("{here}: {w:?} is not one word"));
                    continue;
                }
                match months.insert((key.clone(), lang), m as u8 + 1) {
                    Some(prev) if prev != m as u8 + 1 => errors.push(format!(
                        "{here}: {w:?} is month {prev} and month {} of {code}",
                        m + 1
                    )),
                    Some(_) => errors.push(format!("{here}: {w:?} is written twice")),
                    None => {}
                }
            }
        }
    }
    between.sort();
    writeln!(
        out,
        "/// Small words inside a date (`between:` of months.txt), sorted.\n\
         pub static DATE_BETWEEN: [&str; {}] = {between:?};",
        between.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// The languages of `data/meta/months.txt`, in its order."
    )
    .unwrap();
    writeln!(
        out,
        "pub static MONTH_LANGS: [&str; {}] = {langs:?};",
        langs.len()
    )
    .unwrap();
    let rows: Vec<String> = months
        .iter()
        .map(|((w, l), m)| format!("({w:?}, {l}, {m})"))
        .collect();
    writeln!(
        out,
        "/// (folded month name, index in MONTH_LANGS, month 1-12), sorted.\n\
         pub static MONTH_WORDS: [(&str, u8, u8); {}] = [{}];",
        rows.len(),
        rows.join(", ")
    )
    .unwrap();

    // Time zones.
    let path = dir.join("zones.txt");
    let file = read(&path);
    let mut zones: BTreeMap<String, i16> = BTreeMap::new();
    for (no, line) in content_lines(&file) {
        let here = format!("{}:{no}", path.display());
        let parsed = line
            .split_once(char::is_whitespace)
            .and_then(|(name, offset)| {
                let o = offset.trim();
                let sign = match o.as_bytes().first()? {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let (h, m) = o[1..].split_once(':')?;
                let (h, m): (i16, i16) = (h.parse().ok()?, m.parse().ok()?);
                (h <= 14 && m < 60).then(|| (words::fold(name), sign * (h * 60 + m)))
            });
        match parsed {
            Some((name, _)) if name.is_empty() || name.contains(' ') => {
                errors.push(format!("{here}: a zone is one word"))
            }
            Some((name, minutes)) => {
                if zones.insert(name, minutes).is_some() {
                    errors.push(format!("{here}: written twice"));
                }
            }
            None => errors.push(format!("{here}: expected `name +hh:mm`")),
        }
    }
    writeln!(
        out,
        "/// (folded abbreviation, minutes east of UTC), sorted.\n\
         pub static ZONES: [(&str, i16); {}] = {:?};",
        zones.len(),
        zones.iter().collect::<Vec<_>>()
    )
    .unwrap();

    // Date labels.
    let path = dir.join("date-labels.txt");
    let file = read(&path);
    for section in ["published", "modified"] {
        let mut set: Vec<String> = Vec::new();
        for (no, line) in content_lines(&file) {
            let Some(list) = line.strip_prefix(section).and_then(|l| l.strip_prefix(':')) else {
                continue;
            };
            for w in list.split_whitespace() {
                let key = words::fold(&w.replace('_', " "));
                if key.is_empty() || set.contains(&key) {
                    errors.push(format!(
                        "{}:{no}: {w:?} is empty or written twice",
                        path.display()
                    ));
                } else {
                    set.push(key);
                }
            }
        }
        if set.is_empty() {
            errors.push(format!("{}: no `{section}:` line", path.display()));
        }
        set.sort();
        writeln!(
            out,
            "/// `{section}:` of `data/meta/date-labels.txt`, sorted.\npub static {}_LABELS: [&str; {}] = {set:?};",
            section.to_uppercase(),
            set.len()
        )
        .unwrap();
    }

    // Phrase lists.
    for (name, ident, by_line) in META_LISTS {
        let path = dir.join(format!("{name}.txt"));
        let file = read(&path);
        let mut set: BTreeMap<String, usize> = BTreeMap::new();
        let mut parts: Vec<String> = Vec::new();
        for (no, line) in content_lines(&file) {
            // `*admin`: inside a one-word account name ("jdadmin").
            if let Some(part) = line.strip_prefix('*').filter(|_| by_line) {
                let key = words::fold(part);
                if key.is_empty() || key.contains(' ') || parts.contains(&key) {
                    errors.push(format!(
                        "{}:{no}: {line:?} is not one new word",
                        path.display()
                    ));
                } else {
                    parts.push(key);
                }
                continue;
            }
            let phrases: Vec<String> = if by_line {
                vec![line.to_string()]
            } else {
                line.split_whitespace()
                    .map(|w| w.replace('_', " "))
                    .collect()
            };
            for p in phrases {
                let key = words::fold(&p);
                if key.is_empty() {
                    errors.push(format!("{}:{no}: {p:?} has no letters", path.display()));
                } else if let Some(first) = set.insert(key, no) {
                    errors.push(format!(
                        "{}:{no}: {p:?} repeats line {first}",
                        path.display()
                    ));
                }
            }
        }
        writeln!(
            out,
            "/// `data/meta/{name}.txt`, folded and sorted.\npub static {ident}: [&str; {}] = {:?};",
            set.len(),
            set.keys().collect::<Vec<_>>()
        )
        .unwrap();
        if by_line {
            writeln!(
                out,
                "/// The `*word` lines of `data/meta/{name}.txt`.\npub static {ident}_INSIDE: [&str; {}] = {parts:?};",
                parts.len()
            )
            .unwrap();
        }
    }
    out
}

/// A minimal perfect hash of `keys`: which key each slot holds, and each
/// bucket's displacement (see `src/lexicon/hash.rs`).
struct PerfectHash {
    order: Vec<usize>,
    displacements: Vec<u16>,
}

/// Buckets are placed largest first, each with the first displacement
/// that puts all its keys in free slots of their own; deterministic, so
/// the table is the same on every build.
fn perfect_hash(keys: &[&str]) -> PerfectHash {
    let n = keys.len();
    let hashes: Vec<u64> = keys.iter().map(|k| hash::fnv1a(k.as_bytes())).collect();
    // Four keys a bucket: fewer buckets take longer to place, more cost
    // bytes; at four the build takes milliseconds.
    let buckets = n / 4 + 1;
    let mut members = vec![Vec::new(); buckets];
    for (i, &h) in hashes.iter().enumerate() {
        members[hash::bucket(h, buckets)].push(i);
    }
    let mut by_size: Vec<usize> = (0..buckets).collect();
    by_size.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));
    let mut order = vec![usize::MAX; n];
    let mut displacements = vec![0u16; buckets];
    for b in by_size {
        let found = (0..=u16::MAX).find(|&d| {
            let mut taken: Vec<usize> = members[b]
                .iter()
                .map(|&i| hash::slot(hashes[i], d, n))
                .collect();
            let free = taken.iter().all(|&s| order[s] == usize::MAX);
            taken.sort_unstable();
            taken.dedup();
            free && taken.len() == members[b].len()
        });
        let d = found.expect("no displacement places this bucket: change the mix in hash.rs");
        displacements[b] = d;
        for &i in &members[b] {
            order[hash::slot(hashes[i], d, n)] = i;
        }
    }
    PerfectHash {
        order,
        displacements,
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn content_lines(file: &str) -> impl Iterator<Item = (usize, &str)> {
    file.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// For each line of a phrase file, the languages of the group it stands
/// in: a `#` line of language codes ("# sv da no fi") opens a group; 0
/// before the first one.
fn language_groups(file: &str) -> Vec<u32> {
    let mut group = 0;
    file.lines()
        .map(|l| {
            if let Some(head) = l.trim().strip_prefix('#') {
                let codes: Vec<Option<usize>> = head
                    .split_whitespace()
                    .map(|c| LANGUAGES.iter().position(|&l| l == c))
                    .collect();
                if !codes.is_empty() && codes.iter().all(Option::is_some) {
                    group = codes.into_iter().flatten().fold(0, |g, i| g | 1 << i);
                }
            }
            group
        })
        .collect()
}

/// Everything the word lists say of one folded word or phrase.
#[derive(Default, Clone, Copy)]
struct Payload {
    langs: u32,
    classes: u32,
    /// Per rule kind (`KINDS`), the phrase file's index + 1; 0 for none.
    reasons: [u8; 4],
    suffix_colon: bool,
}

impl Payload {
    /// Bits 0-31 languages, 32-38 word classes, 39-58 a reason per rule
    /// kind (5 bits each), 59 the suffix rule's colon.
    fn pack(&self) -> u64 {
        let mut p = u64::from(self.langs) | u64::from(self.classes) << CLASS_SHIFT;
        for (k, r) in self.reasons.iter().enumerate() {
            p |= u64::from(*r) << (REASON_SHIFT + 5 * k as u32);
        }
        p | u64::from(self.suffix_colon) << COLON_SHIFT
    }
}

fn lexicon(data: &Path, errors: &mut Vec<String>) -> String {
    let mut table: BTreeMap<String, Payload> = BTreeMap::new();
    let mut out = String::new();

    // Languages.
    let files: Vec<String> = std::fs::read_dir(data.join("lang"))
        .expect("data/lang")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    for f in &files {
        if !LANGUAGES.contains(&f.as_str()) {
            errors.push(format!("data/lang/{f}.txt: not in build.rs's LANGUAGES"));
        }
    }
    out.push_str("pub static LANGUAGES: [Language; LANGUAGE_COUNT] = [\n");
    for (index, code) in LANGUAGES.iter().enumerate() {
        let path = data.join("lang").join(format!("{code}.txt"));
        let file = read(&path);
        let mut script = None;
        let mut capitalised = 0.12f32;
        let mut suffixes = Vec::new();
        let mut cyrillic = false;
        for (no, line) in content_lines(&file) {
            if let Some(s) = line.strip_prefix("script:") {
                script = Some(match s.trim() {
                    "latin" => "Latin",
                    "cyrillic" => "Cyrillic",
                    "greek" => "Greek",
                    "arabic" => "Arabic",
                    "hebrew" => "Hebrew",
                    "devanagari" => "Devanagari",
                    "han" => "Han",
                    "han-kana" => "HanKana",
                    "hangul" => "Hangul",
                    other => {
                        errors.push(format!("{}:{no}: unknown script {other}", path.display()));
                        "Latin"
                    }
                });
            } else if let Some(c) = line.strip_prefix("capitalised:") {
                match c.trim().parse() {
                    Ok(v) => capitalised = v,
                    Err(_) => errors.push(format!("{}:{no}: not a number", path.display())),
                }
            } else if let Some(s) = line.strip_prefix("suffixes:") {
                suffixes.extend(s.split_whitespace().map(str::to_string));
            } else {
                for word in line.split_whitespace().flat_map(words::words) {
                    cyrillic |= word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
                    table.entry(word).or_default().langs |= 1 << index;
                }
            }
        }
        let script = script.unwrap_or(if cyrillic { "Cyrillic" } else { "Latin" });
        writeln!(
            out,
            "    Language {{ code: {code:?}, index: {index}, script: Script::{script}, \
             capitalised: {capitalised:?}, suffixes: &{suffixes:?} }},"
        )
        .unwrap();
    }
    out.push_str("];\n");

    // Phrase rules.
    let mut max_phrase_words = 1;
    let mut claimed: HashMap<(String, usize), (usize, String)> = HashMap::new();
    for (file_index, name) in PHRASES.iter().enumerate() {
        let path = data.join("phrases").join(format!("{name}.txt"));
        let file = read(&path);
        let groups = language_groups(&file);
        for (no, line) in content_lines(&file) {
            let mut chars = line.chars();
            let first = chars.next().expect("content lines are not empty");
            let Some(kind) = KINDS.iter().position(|&k| k == first) else {
                errors.push(format!(
                    "{}:{no}: a rule starts with = ^ ~ or $, not {first:?}",
                    path.display()
                ));
                continue;
            };
            let phrase = chars.as_str();
            let key = words::fold(phrase);
            let here = format!("{}:{no}", path.display());
            if key.is_empty() {
                errors.push(format!("{here}: {line:?} has no words and can never match"));
                continue;
            }
            if let Some((_, there)) = claimed.get(&(key.clone(), kind)) {
                errors.push(format!("{here}: {line:?} repeats the rule at {there}"));
                continue;
            }
            // A rule met anywhere in a short block, made of another
            // language's ordinary words, fires on that language's text:
            // Danish "del" (share) is Spanish and Italian "of the".
            if first == '~' {
                let common = key
                    .split(' ')
                    .map(|w| table.get(w).map_or(0, |p| p.langs))
                    .fold(u32::MAX, |a, b| a & b);
                let foreign = common & !groups[no - 1];
                if foreign != 0 && groups[no - 1] != 0 {
                    let langs: Vec<&str> = (0..LANGUAGES.len())
                        .filter(|i| foreign & (1 << i) != 0)
                        .map(|i| LANGUAGES[i])
                        .collect();
                    errors.push(format!(
                        "{here}: {line:?} is made of stopwords of {langs:?}, outside its group, \
                         and would fire on their ordinary text: write it as `=` or `^`"
                    ));
                }
            }
            claimed.insert((key.clone(), kind), (file_index, here));
            max_phrase_words = max_phrase_words.max(key.split(' ').count());
            // The first word of a rule of several words, so that a block's
            // words are only probed for phrases where one can start.
            if let Some((first_word, _)) = key.split_once(' ') {
                table.entry(first_word.to_string()).or_default().classes |= 1 << STARTS_PHRASE_BIT;
            }
            let p = table.entry(key).or_default();
            p.reasons[kind] = file_index as u8 + 1;
            if first == '$' {
                p.suffix_colon = phrase.trim_end().ends_with(':');
            }
        }
    }

    // Word classes.
    for (name, bit) in CLASSES {
        let path = data.join("words").join(format!("{name}.txt"));
        let file = read(&path);
        let (mut label_section, mut relative_section) = (false, false);
        for (no, raw) in file.lines().enumerate() {
            let line = raw.trim();
            if line.starts_with('#') {
                label_section = DATE_LABEL_SECTIONS.iter().any(|h| line.starts_with(h));
                relative_section = line.starts_with(RELATIVE_SECTION);
                continue;
            }
            for w in line.split_whitespace() {
                let key = words::fold(&w.replace('_', " "));
                if key.is_empty() {
                    errors.push(format!(
                        "{}:{}: {w:?} has no letters and can never match",
                        path.display(),
                        no + 1
                    ));
                    continue;
                }
                let p = table.entry(key).or_default();
                p.classes |= 1 << bit;
                if name == "dates" && label_section {
                    p.classes |= 1 << DATE_LABEL_BIT;
                }
                if name == "dates" && relative_section {
                    p.classes |= 1 << RELATIVE_BIT;
                }
            }
        }
    }

    // The table: a minimal perfect hash over FNV-1a (src/lexicon/hash.rs),
    // the keys in slot order in one string.
    let keys: Vec<(&String, &Payload)> = table.iter().collect();
    let slots = perfect_hash(&keys.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>());
    let mut blob = String::new();
    let mut ends = Vec::new();
    let mut payloads = Vec::new();
    for &i in &slots.order {
        let (key, payload) = keys[i];
        assert!(key.len() < 256, "key too long");
        blob.push_str(key);
        ends.push(u16::try_from(blob.len()).expect("the keys fit u16 offsets"));
        payloads.push(format!("{:#x}", payload.pack()));
    }
    writeln!(
        out,
        "pub const LANGUAGE_COUNT_CHECK: usize = {};",
        LANGUAGES.len()
    )
    .unwrap();
    assert!(LANGUAGES.len() as u32 <= LANG_BITS, "a language bit each");
    writeln!(
        out,
        "const CLASS_SHIFT: u32 = {CLASS_SHIFT};\nconst REASON_SHIFT: u32 = {REASON_SHIFT};\nconst COLON_SHIFT: u32 = {COLON_SHIFT};"
    )
    .unwrap();
    writeln!(
        out,
        "pub const MAX_PHRASE_WORDS: usize = {max_phrase_words};"
    )
    .unwrap();
    writeln!(out, "const KEYS: &str = {blob:?};").unwrap();
    // The ends as two byte arrays, high bytes and low: a u16 array of
    // rising offsets is all but incompressible (8.1 KB of gzip for 8.2 KB),
    // its high bytes apart are runs that gzip takes to nothing (4.4 KB for
    // both arrays).
    let high: Vec<u8> = ends.iter().map(|&e| (e >> 8) as u8).collect();
    let low: Vec<u8> = ends.iter().map(|&e| e as u8).collect();
    writeln!(
        out,
        "/// Where each slot's key ends in KEYS (it starts where the slot before ends): high bytes, then low ones (`key_end`).\nstatic KEY_ENDS_HIGH: [u8; {}] = {high:?};\nstatic KEY_ENDS_LOW: [u8; {}] = {low:?};",
        ends.len(),
        ends.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// Each slot's payload.\nstatic PAYLOADS: [u64; {}] = [{}];",
        payloads.len(),
        payloads.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "/// Each bucket's displacement.\nstatic DISPLACEMENTS: [u16; {}] = {:?};",
        slots.displacements.len(),
        slots.displacements
    )
    .unwrap();
    writeln!(
        out,
        "/// The phrase files' reasons, by the index a payload stores.\npub const PHRASE_REASONS: [Reason; {}] = [{}];",
        PHRASES.len(),
        PHRASES
            .iter()
            .map(|p| format!("Reason::{}", camel(p)))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    out
}

/// "call-to-action" as "CallToAction".
fn camel(kebab: &str) -> String {
    kebab
        .split(['-', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum HintKind {
    /// `word`: a whole word of the value.
    Exact,
    /// `word*`: a word of the value starts with it.
    Prefix,
    /// `*word`: a word of the value ends with it.
    Suffix,
    /// `*word*`: anywhere in the value.
    Contains,
}

impl HintKind {
    /// Whether a rule of this kind matches every value a rule of `self`
    /// with pattern `mine` matches, given its pattern `other`.
    fn covered_by(self, mine: &str, other_kind: HintKind, other: &str) -> bool {
        use HintKind::*;
        if mine == other && self == other_kind {
            return false; // a repeat, reported as such
        }
        match other_kind {
            Contains => mine.contains(other),
            Prefix => matches!(self, Exact | Prefix) && mine.starts_with(other),
            Suffix => matches!(self, Exact | Suffix) && mine.ends_with(other),
            Exact => false,
        }
    }
}

fn hints(file: &str, errors: &mut Vec<String>) -> String {
    let mut names = Vec::new();
    let mut rules: Vec<(String, HintKind, usize)> = Vec::new();
    for (no, line) in content_lines(file) {
        let Some((name, list)) = line.split_once(':') else {
            errors.push(format!("data/hints.txt:{no}: expected `category: rules`"));
            continue;
        };
        let name = name.trim();
        if names.contains(&name) {
            errors.push(format!("data/hints.txt:{no}: category {name} twice"));
        }
        let category = names.len();
        names.push(name);
        let mut mine: Vec<(String, HintKind)> = Vec::new();
        for rule in list.split_whitespace() {
            let (pattern, kind) = match (rule.strip_prefix('*'), rule.strip_suffix('*')) {
                (Some(_), Some(_)) if rule.len() > 2 => {
                    (&rule[1..rule.len() - 1], HintKind::Contains)
                }
                (Some(p), None) => (p, HintKind::Suffix),
                (None, Some(p)) => (p, HintKind::Prefix),
                (None, None) => (rule, HintKind::Exact),
                _ => ("", HintKind::Exact),
            };
            // Values are lower-cased before matching, and only letters,
            // digits, `-` and `_` can be matched across.
            if pattern.is_empty()
                || !pattern
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            {
                errors.push(format!(
                    "data/hints.txt:{no}: {name}: {rule:?} can never match (lower-case letters, digits, - and _ only)"
                ));
                continue;
            }
            if mine.iter().any(|(p, k)| p == pattern && *k == kind) {
                errors.push(format!(
                    "data/hints.txt:{no}: {name}: {rule:?} is written twice"
                ));
                continue;
            }
            mine.push((pattern.to_string(), kind));
        }
        for (p, k) in &mine {
            if let Some((op, ok)) = mine.iter().find(|(op, ok)| k.covered_by(p, *ok, op)) {
                errors.push(format!(
                    "data/hints.txt:{no}: {name}: {} is covered by {}",
                    show(p, *k),
                    show(op, *ok)
                ));
            }
        }
        rules.extend(mine.into_iter().map(|(p, k)| (p, k, category)));
    }

    // Two automata: a trie of the whole-word and word-start rules, walked
    // from each word's start, and an Aho-Corasick automaton of the rules
    // that may start inside a word, run once over the value.
    let (word, any): (Vec<_>, Vec<_>) = rules
        .iter()
        .partition(|(_, k, _)| matches!(k, HintKind::Exact | HintKind::Prefix));
    let word_rs = automaton("WORD", &word, false);
    let any_rs = automaton("ANY", &any, true);

    let mut out = String::new();
    writeln!(
        out,
        "/// Hint categories, one per line of `data/hints.txt`, by name.\npub mod hint {{"
    )
    .unwrap();
    for (i, n) in names.iter().enumerate() {
        writeln!(
            out,
            "    pub const {}: usize = {i};",
            n.replace('-', "_").to_uppercase()
        )
        .unwrap();
    }
    writeln!(out, "}}\npub const HINTS: usize = {};", names.len()).unwrap();
    writeln!(out, "pub const HINT_NAMES: [&str; HINTS] = {names:?};").unwrap();
    out.push_str(&word_rs);
    out.push_str(&any_rs);
    out
}

/// A trie of `patterns` as Rust tables named `{name}_NODES`, `_EDGES`,
/// `_RULES` and, with `fail`, `_FAIL`: Aho-Corasick's failure links, with
/// each node's rules including those of the nodes its links reach.
fn automaton(name: &str, patterns: &[&(String, HintKind, usize)], fail: bool) -> String {
    struct Node {
        edges: BTreeMap<u8, usize>,
        /// (category, kind, pattern length)
        rules: Vec<(usize, HintKind, usize)>,
    }
    let mut nodes = vec![Node {
        edges: BTreeMap::new(),
        rules: Vec::new(),
    }];
    for (pattern, kind, category) in patterns {
        let mut n = 0;
        for b in pattern.bytes() {
            n = match nodes[n].edges.get(&b) {
                Some(&next) => next,
                None => {
                    nodes.push(Node {
                        edges: BTreeMap::new(),
                        rules: Vec::new(),
                    });
                    let next = nodes.len() - 1;
                    nodes[n].edges.insert(b, next);
                    next
                }
            };
        }
        nodes[n].rules.push((*category, *kind, pattern.len()));
    }
    let mut links = vec![0usize; nodes.len()];
    if fail {
        // Breadth first: a node's link is the longest proper suffix of its
        // string that is also in the trie.
        let mut queue: std::collections::VecDeque<usize> =
            nodes[0].edges.values().copied().collect();
        while let Some(n) = queue.pop_front() {
            let edges: Vec<(u8, usize)> = nodes[n].edges.iter().map(|(b, c)| (*b, *c)).collect();
            for (b, child) in edges {
                let mut f = links[n];
                let target = loop {
                    if let Some(&t) = nodes[f].edges.get(&b) {
                        break t;
                    }
                    if f == 0 {
                        break 0;
                    }
                    f = links[f];
                };
                links[child] = target;
                let inherited = nodes[target].rules.clone();
                nodes[child].rules.extend(inherited);
                queue.push_back(child);
            }
        }
    }
    let mut node_rows = String::new();
    let mut edge_rows = Vec::new();
    let mut rule_rows = Vec::new();
    for node in &nodes {
        writeln!(
            node_rows,
            "    ({}, {}, {}, {}),",
            edge_rows.len(),
            node.edges.len(),
            rule_rows.len(),
            node.rules.len()
        )
        .unwrap();
        edge_rows.extend(node.edges.iter().map(|(b, n)| format!("({b}, {n})")));
        rule_rows.extend(
            node.rules
                .iter()
                .map(|(c, k, len)| format!("({c}, HintKind::{k:?}, {len})")),
        );
    }
    let mut out = String::new();
    writeln!(
        out,
        "/// (first edge, edges, first rule, rules) per node; node 0 is the root.\n\
         static {name}_NODES: [(u16, u8, u16, u8); {}] = [\n{node_rows}];",
        nodes.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// (byte, node) sorted by byte within a node.\nstatic {name}_EDGES: [(u8, u16); {}] = [{}];",
        edge_rows.len(),
        edge_rows.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "/// (category, kind, length) of the rules a node ends.\nstatic {name}_RULES: [(u8, HintKind, u8); {}] = [{}];",
        rule_rows.len(),
        rule_rows.join(", ")
    )
    .unwrap();
    // The root's edges as a table by byte: every walk starts there, and the
    // failure links lead back to it after almost every byte.
    let mut root = [0usize; 256];
    for (b, n) in &nodes[0].edges {
        root[usize::from(*b)] = *n;
    }
    writeln!(
        out,
        "/// The root's child along each byte; 0 (the root itself) for none.\nstatic {name}_ROOT: [u16; 256] = {root:?};"
    )
    .unwrap();
    if fail {
        writeln!(
            out,
            "/// Each node's failure link.\nstatic {name}_FAIL: [u16; {}] = {links:?};",
            links.len()
        )
        .unwrap();
    }
    out
}

fn show(pattern: &str, kind: HintKind) -> String {
    match kind {
        HintKind::Exact => pattern.to_string(),
        HintKind::Prefix => format!("{pattern}*"),
        HintKind::Suffix => format!("*{pattern}"),
        HintKind::Contains => format!("*{pattern}*"),
    }
}

/// `[html.params]`, `[html.local]`… sections of `name value` lines.
fn model(file: &str, errors: &mut Vec<String>) -> String {
    let sections = [
        "html.params",
        "html.local",
        "html.topic",
        "text.params",
        "text.local",
        "text.topic",
    ];
    let mut values: Vec<Vec<(String, f32)>> = vec![Vec::new(); sections.len()];
    let mut current = None;
    for (no, raw) in file.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = sections.iter().position(|s| *s == name);
            if current.is_none() {
                errors.push(format!(
                    "data/model.txt:{}: unknown section [{name}]",
                    no + 1
                ));
            }
            continue;
        }
        let parsed = line
            .split_once(char::is_whitespace)
            .and_then(|(n, v)| Some((n.to_string(), v.trim().parse::<f32>().ok()?)));
        match (current, parsed) {
            (Some(s), Some(pair)) => values[s].push(pair),
            (None, _) => errors.push(format!(
                "data/model.txt:{}: a value outside a section",
                no + 1
            )),
            (_, None) => errors.push(format!("data/model.txt:{}: expected `name number`", no + 1)),
        }
    }
    let mut out = String::new();
    for (name, pairs) in sections.iter().zip(&values) {
        let ident = name.replace('.', "_").to_uppercase();
        if name.ends_with("params") {
            let get = |p: &str| pairs.iter().find(|(n, _)| n == p).map(|(_, v)| *v);
            for (n, _) in pairs {
                if !["run_threshold", "keep_threshold", "outside_threshold"].contains(&n.as_str()) {
                    errors.push(format!("data/model.txt: [{name}]: unknown parameter {n}"));
                }
            }
            writeln!(
                out,
                "pub const {ident}: Params = Params {{ run_threshold: {:?}, keep_threshold: {:?}, outside_threshold: {:?} }};",
                get("run_threshold").unwrap_or(0.5),
                get("keep_threshold").unwrap_or(0.5),
                get("outside_threshold").unwrap_or(0.98)
            )
            .unwrap();
        } else {
            writeln!(out, "pub const {ident}: &[(&str, f32)] = &{pairs:?};").unwrap();
        }
    }
    out
}
