//! Recognisers of what a line of text is on its own: a date, a byline, a
//! gallery counter, a photo credit, a person's name, a web address. Pure
//! functions of the text and the word lists, shared by every stage that
//! reads text (the text reader tells a date from a numbered item with
//! them; features and classification name blocks by them).

pub mod date;
pub mod name;

use crate::lexicon::{self, Class, Language};
use crate::text::{fold, to_lowercase};

/// "1/4", "3 of 12", "Bild 2 von 9", "(1 / 54)", "12 Fotos".
pub fn is_counter(text: &str, folded: &str) -> bool {
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
            let is_noun = |s: &str| {
                s.is_empty() || fold(s).split(' ').all(|w| lexicon::is(w, Class::Counter))
            };
            return is_noun(before) && is_noun(after);
        }
    }
    let toks: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let is_num = |s: &str| s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    let is_word = |s: &str| lexicon::is(s, Class::Counter);
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
    if text.contains('©') || text.trim_start().starts_with("(c)") {
        return true;
    }
    let mut toks = folded.split(' ');
    let first = toks.next().unwrap_or("");
    let labelled = lexicon::is(first, Class::Credit)
        && text
            .char_indices()
            .find(|(_, c)| *c == ':')
            .is_some_and(|(i, _)| i < 30);
    if labelled {
        return true;
    }
    if matches!(first, "image" | "photo" | "foto" | "bild") {
        // "Image copyright …", "Photo by …", "Foto von …"
        if toks.next().is_some_and(|second| {
            matches!(
                second,
                "copyright" | "by" | "von" | "credit" | "source" | "courtesy" | "par" | "di" | "de"
            )
        }) {
            return true;
        }
    }
    if text.ends_with('.') {
        return false;
    }
    let separated = text.contains(" / ") || text.contains(" | ") || text.contains('/');
    (separated || words <= 6.0) && names_an_agency(folded)
}

/// A caption that ends with its picture's credit, after a full stop:
/// "Bernd Lucke verlässt den Hörsaal. Foto: Markus Scholz/dpa" (welt.de),
/// "Un grupo de pingüinos en la Antártida. EFE" (elpais.com), "Auch
/// Herbert Grönemeyer gehört zu den Unterstützern. Bild: dpa" (faz.net),
/// "La bendición se realizará mañana. Foto: LN" (hoy.com.py), all in
/// multilingual-dev.
pub fn ends_with_credit(text: &str) -> bool {
    let text = text.trim_end();
    let Some(stop) = text.rfind(". ") else {
        return false;
    };
    let tail = text[stop + 2..].trim();
    let words = crate::text::words(tail).count() as f32;
    (1.0..=8.0).contains(&words) && is_credit(tail, &crate::text::fold(tail), words)
}

/// Whether a credit word or two-word credit ("getty images") is among the
/// folded text's words; the pairs are slices of the text itself.
fn names_an_agency(folded: &str) -> bool {
    let mut starts = Vec::with_capacity(16);
    let mut start = 0;
    for t in folded.split(' ') {
        if lexicon::is(t, Class::Credit) {
            return true;
        }
        starts.push((start, start + t.len()));
        start += t.len() + 1;
    }
    starts
        .windows(2)
        .any(|w| lexicon::is(&folded[w[0].0..w[1].1], Class::Credit))
}

/// Whether the text holds a day written in numbers: "11.06.12",
/// "07/15/2012", "2012-07-15", a day and a month (either first) or a year
/// first, with the same separator twice. Blogs and news sites write the
/// year in two digits ("11/07/12 at 2:54 pm" over comments on
/// oncewed.com, "07.14.12 at 15:54" on johndcook.com in wide-dev; "17.7.11"
/// on internet-law.de, "Kultur, 2.11.22" on goodnight.at in
/// multilingual-dev).
pub fn numeric_day(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let run = |mut j: usize| {
        let (s, mut value) = (j, 0u32);
        while digit(j) && j - s < 5 {
            value = value * 10 + u32::from(b[j] - b'0');
            j += 1;
        }
        (j - s, value, j)
    };
    (0..b.len()).any(|i| {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            return false;
        }
        let (n1, v1, j) = run(i);
        let sep = b.get(j).copied();
        if !(1..=4).contains(&n1) || !matches!(sep, Some(b'.' | b'/' | b'-')) {
            return false;
        }
        let (n2, v2, k) = run(j + 1);
        if !(1..=2).contains(&n2) || b.get(k).copied() != sep {
            return false;
        }
        let (n3, v3, end) = run(k + 1);
        let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
        let ends = !digit(end);
        ends && if n1 == 4 {
            n3 <= 2 && day_month(v3, v2)
        } else {
            (n3 == 2 || n3 == 4) && n1 <= 2 && (day_month(v1, v2) || day_month(v2, v1))
        }
    })
}

/// A line that is only a date or time, possibly labelled ("Updated 3:45 PM
/// ET, Nov 18, 2019", "27.09.2022, 14:32 Uhr", "11/07/12 at 2:54 pm").
pub fn is_date(text: &str, folded: &str, words: f32) -> bool {
    if words > 12.0 || folded.is_empty() {
        return false;
    }
    let toks: Vec<&str> = folded.split(' ').collect();
    let numbers = toks
        .iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .count();
    // Without a number no date: the word lookups below are the dear part.
    if numbers == 0 {
        return false;
    }
    // One lookup a word: the date words, and whether a month (or another
    // date word of three letters or more) or a year is among them.
    let (mut date_words, mut month_or_year) = (0, false);
    for t in &toks {
        let year =
            t.len() == 4 && t.starts_with(['1', '2']) && t.chars().all(|c| c.is_ascii_digit());
        let date_word = lexicon::is(t, Class::DateWord);
        date_words += usize::from(date_word);
        month_or_year |= year || (date_word && t.len() >= 3);
    }
    // A day in numbers with a year of two digits ("11/07/12") names no
    // year the check above sees.
    (numbers + date_words) * 10 >= toks.len() * 7 && (month_or_year || numeric_day(text))
}

/// Whether the text holds a time of day: a digit, a colon and two digits
/// ("10:32", "7:05 pm").
pub fn has_clock(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (1..b.len()).any(|i| b[i] == b':' && digit(i - 1) && digit(i + 1) && digit(i + 2))
}

/// A writer's name and a number of units back from now, and nothing
/// else: "Miles Taylor 12 days ago", "Anna vor 3 Stunden". A bare "3
/// hours ago" dates a teaser of a news list as often as a post.
fn is_relative_stamp(folded: &str) -> bool {
    let toks: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    let number = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    let Some(at) = toks
        .iter()
        .position(|t| lexicon::is(t, Class::RelativeWord))
    else {
        return false;
    };
    // The number stands next to its unit, by the relative word: "12 days
    // ago", "vor 3 Stunden", "hace 5 días".
    let near = toks[at.saturating_sub(2)..(at + 3).min(toks.len())]
        .iter()
        .any(|t| number(t));
    // The writer: a word that is no number, no word of dates, and not the
    // unit after a number.
    let unit = |i: usize| i > 0 && number(toks[i - 1]);
    let writer = toks
        .iter()
        .enumerate()
        .any(|(i, t)| !(number(t) || unit(i) || lexicon::is(t, Class::DateWord)));
    near && writer
}

/// A short line that stamps a post with its day and clock time, after a
/// name or alone: "Jane Doe 11.06.12 at 11:06 am", "1 Melinda October 22,
/// 2012 at 1:57 pm", "Posted on Nov 06 2012 | 3:15 pm", or with a time
/// counted back from now: "Miles Taylor 12 days ago" (sciblogs.co.nz,
/// crackberry.com in wide-dev), or with a day of this year, its year left
/// out: "JanBeek Jun 20th at 2:41 am", "by sethstorm (512897) on Monday
/// July 23, @09:58PM" (wordpress.com in multilingual-dev, slashdot.org in
/// wide-dev). A time without a day ("10:32 Uhr") heads a ticker's entry,
/// not a post, and is not one.
pub fn is_timestamp(text: &str, folded: &str, words: f32) -> bool {
    if !(2.0..=14.0).contains(&words) {
        return false;
    }
    if words <= 8.0 && is_relative_stamp(folded) {
        return true;
    }
    // The writer: a word that is neither a number nor part of a date. A
    // line that is only a date and time dates a teaser of a news list as
    // often as a post (elnuevoherald.com, hoy.com.py in multilingual-dev).
    let names_someone = folded.split(' ').any(|t| {
        !t.is_empty() && !t.bytes().all(|c| c.is_ascii_digit()) && !lexicon::is(t, Class::DateWord)
    });
    if !names_someone {
        return false;
    }
    if !has_clock(text) {
        return false;
    }
    numeric_day(text)
        || date::find(text, &date::Reading::for_lang(None)).is_some()
        || date::names_day(text)
}

/// "By Jane Doe", "Von Max Muster und Erika Muster", "Par Jean Dupont".
pub fn is_byline(text: &str, folded: &str, words: f32) -> bool {
    if !(2.0..=10.0).contains(&words) {
        return false;
    }
    // "Beitrag von X", "Posted by X" before "Von X", "By X".
    let Some((_, rest)) =
        crate::text::after_label(text, folded, |k| lexicon::is(k, Class::BylineLabel), 2)
    else {
        return false;
    };
    // The name after the label is capitalised (or written in a script
    // without capitals).
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// The heading of an author box: "About Jane Doe", "Über Max Muster" —
/// an author-box word, then a name and nothing else. Like "About the
/// author", it ends the article.
pub fn is_author_box(text: &str, folded: &str, words: f32, lang: Option<&Language>) -> bool {
    if !(3.0..=6.0).contains(&words) {
        return false;
    }
    let Some((label_words, name)) =
        crate::text::after_label(text, folded, |k| lexicon::is(k, Class::AuthorBoxLabel), 3)
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
            .any(|p| lang.is_some_and(|l| l.is_stopword(&to_lowercase(p))) && p.len() > 3)
}

/// Combining marks (Devanagari vowel signs) belong to the letter before.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x0900..=0x0903 | 0x093a..=0x094f | 0x0962..=0x0963 | 0x064b..=0x065f)
}

/// A caption's credit at its end: "… in Salford. (AP Photo/Jane Doe)",
/// "… on Tuesday. Photo: Reuters", "… / Getty Images".
pub fn has_credit_tail(text: &str) -> bool {
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
    fold(tail).split(' ').any(|w| lexicon::is(w, Class::Credit))
}

/// A slideshow caption with its counter glued on: "1of4Grass Valley's…",
/// "2/9 The minister…".
pub fn starts_with_counter(text: &str) -> bool {
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
pub fn has_arrow(text: &str) -> bool {
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
        // The link back to the previous post or page ("← Sinnvoll und
        // aktiv …" on grossefragen.wordpress.com, "<Alle Shops im
        // Bereich …" on inup-fashion.de, multilingual-dev pasted text).
        || starts('←')
        || (starts('<') && !has('>'))
        || (starts('‹') && !has('›'))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

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
    fn a_post_header_names_its_writer_day_and_time() {
        let stamp = |t: &str| is_timestamp(t, &fold(t), words(t).count() as f32);
        for t in [
            "Tim Worstall 11.06.12 at 11:06 am",
            "1 Melinda October 22, 2012 at 1:57 pm",
            "by BW Smith on Aug 9, 2012 10:21 AM EDT reply",
            "Martina K. 12.03.2024 um 18:42",
        ] {
            assert!(stamp(t), "{t}");
        }
        for t in [
            // a ticker's entry: a time without a day
            "14:32 Uhr",
            // only a date and time: a teaser's or the article's own
            "26 de abril de 2022 1:04 PM",
            "Veröffentlicht am 19.10.19 um 14:34 Uhr",
            // a day without a time
            "by Paulo Coelho on June 27, 2012",
            "The train leaves at 10:30 and arrives at noon, says the timetable for the whole of next week",
        ] {
            assert!(!stamp(t), "{t}");
        }
    }

    #[test]
    fn a_post_header_may_leave_out_this_years_year() {
        let stamp = |t: &str| is_timestamp(t, &fold(t), words(t).count() as f32);
        for t in [
            "JanBeek Jun 20th at 2:41 am",
            "by sethstorm (512897) on Monday July 23, @09:58PM",
            "Bernard Lefèvre le 20 juillet à 02:41",
            "Jana Bergmann 3. März, 18:42",
        ] {
            assert!(stamp(t), "{t}");
        }
        for t in [
            // a month with no day beside it
            "Anna Weber im März um 18:42",
            // a number that is no day of the month
            "Tom Hale July 2026 at 9:15 pm",
            "Kickoff on the 3rd, doors open at 18:30",
        ] {
            assert!(!stamp(t), "{t}");
        }
    }

    #[test]
    fn a_caption_may_end_with_its_credit() {
        for t in [
            "Bernd Lucke verlässt den Hörsaal der Universität. Foto: Markus Scholz/dpa/Archivbild",
            "Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE",
            "Auch Herbert Grönemeyer gehört zu den Unterstützern. Bild: dpa",
        ] {
            assert!(ends_with_credit(t), "{t}");
        }
        for t in [
            "The agency said the talks would resume. Reuters reported the same on Monday, citing two officials.",
            "Foto: Markus Scholz/dpa",
            "Der Stadtrat entscheidet im November. Die Anwohner warten.",
        ] {
            assert!(!ends_with_credit(t), "{t}");
        }
    }

    #[test]
    fn a_post_header_may_count_its_time_back_from_now() {
        let stamp = |t: &str| is_timestamp(t, &fold(t), words(t).count() as f32);
        for t in [
            "Miles Taylor 12 days ago",
            "Jana Bergmann vor 3 Stunden",
            "Lucía hace 5 días",
            "Marco Rossi 2 ore fa",
        ] {
            assert!(stamp(t), "{t}");
        }
        for t in [
            // no writer: a teaser's stamp in a news list
            "3 hours ago",
            "vor 2 Stunden",
            // no number: prose
            "Long ago the valley was a lake",
            // a sentence, not a header
            "We planted the first trees here on the hill 12 years ago this spring, and the oldest now bear fruit",
        ] {
            assert!(!stamp(t), "{t}");
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
            "11/07/12 at 2:54 pm",
            "30/12/07",
        ] {
            assert!(is_date(t, &fold(t), crate::text::word_weight(t)), "{t}");
        }
        let t = "In 2019 the company grew";
        assert!(!is_date(t, &fold(t), crate::text::word_weight(t)));
    }

    #[test]
    fn a_day_in_numbers_needs_a_day_a_month_and_a_year() {
        for t in ["11.06.12", "07/15/2012", "2012-07-15", "am 3.4.2021"] {
            assert!(numeric_day(t), "{t}");
        }
        // A score, a range of pages, a phone number, a version.
        for t in ["2-1", "12-14", "030-12-345678", "1.13.100", "40/40/40"] {
            assert!(!numeric_day(t), "{t}");
        }
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
    fn a_link_back_to_the_previous_post_starts_with_an_arrow() {
        for t in [
            "← Sinnvoll und aktiv lernen",
            "<Alle Shops im Bereich",
            "‹ Ältere Beiträge",
        ] {
            assert!(has_arrow(t), "{t}");
        }
        assert!(!has_arrow("‹Le Monde› a écrit"));
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
}
