//! Dates as pages write them, read into a calendar day, with the time and
//! the offset from UTC where the page gives them: machine values
//! (`2019-11-19T07:03:00Z`, `Sat, 19 Oct 2019 00:04:00 +0200`), the
//! numbers of a dateline (`26/10/2018`, `19.10.2019 07:49 Uhr`,
//! `2019年10月19日`), month names in the languages of
//! `data/meta/months.txt` (`19. Oktober 2019`, `December 29th 2019`,
//! `17 de febrero de 2020`, `2020. február 17.`) and dates in a page's
//! address (`/2019/08/02/`). Written back as ISO 8601.

use crate::lexicon;
use crate::text::lower;

/// Years a web page's date can have.
const YEARS: std::ops::RangeInclusive<u32> = 1990..=2099;

/// A calendar day, and the time and UTC offset when known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Hours, minutes and, when given, seconds.
    pub time: Option<(u8, u8, Option<u8>)>,
    /// Minutes east of UTC (0 for `Z`).
    pub offset: Option<i16>,
}

impl Stamp {
    fn date(year: u32, month: u32, day: u32) -> Option<Stamp> {
        let valid = YEARS.contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Stamp {
            year: year as u16,
            month: month as u8,
            day: day as u8,
            time: None,
            offset: None,
        })
    }

    /// ISO 8601: `2019-11-19`, `2019-11-19T07:03`, `2019-11-19T07:03:00+01:00`.
    pub fn iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}"));
            if let Some(sec) = sec {
                s.push_str(&format!(":{sec:02}"));
            }
            match self.offset {
                Some(0) => s.push('Z'),
                Some(o) => {
                    let sign = if o < 0 { '-' } else { '+' };
                    let o = o.unsigned_abs();
                    s.push_str(&format!("{sign}{:02}:{:02}", o / 60, o % 60));
                }
                None => {}
            }
        }
        s
    }

    /// Days since 1970-01-01 of the calendar day as written.
    pub fn day_number(&self) -> i32 {
        days_from_civil(self.year.into(), self.month.into(), self.day.into())
    }

    /// Minutes since 1970-01-01 00:00 UTC, for a stamp with a time and an
    /// offset.
    pub fn instant(&self) -> Option<i64> {
        let (h, m, _) = self.time?;
        let local = i64::from(self.day_number()) * 1440 + i64::from(h) * 60 + i64::from(m);
        Some(local - i64::from(self.offset?))
    }

    /// The same instant at another offset from UTC: a UTC time stamp as the
    /// page's local time. Stamps without a time or offset stay as they are.
    pub fn at_offset(&self, offset: i16) -> Stamp {
        let Some(instant) = self.instant() else {
            return *self;
        };
        let local = instant + i64::from(offset);
        let (days, minutes) = (local.div_euclid(1440), local.rem_euclid(1440));
        let (y, m, d) = civil_from_days(days as i32);
        Stamp {
            year: y as u16,
            month: m as u8,
            day: d as u8,
            time: self
                .time
                .map(|(_, _, s)| ((minutes / 60) as u8, (minutes % 60) as u8, s)),
            offset: Some(offset),
        }
    }
}

fn is_leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days_from_civil.
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, i32, i32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// How to read what a date leaves open.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading<'a> {
    /// The page's language: which language's month "listopad" is.
    pub lang: Option<&'a str>,
    /// `3/4/2020` is March 4 (American English), not 3 April.
    pub month_first: bool,
}

impl Reading<'_> {
    /// The reading for a page in `lang`: month first in English.
    pub fn for_lang(lang: Option<&str>) -> Reading<'_> {
        Reading {
            lang,
            month_first: lang == Some("en"),
        }
    }

    /// The reading for a page in `lang` from `region` (`GB` of `en-GB`) or
    /// at `host`: month first in American English only; British, Irish,
    /// Indian, Australian… English write the day first, as most languages
    /// do.
    pub fn for_page<'a>(
        lang: Option<&'a str>,
        region: Option<&str>,
        host: Option<&str>,
    ) -> Reading<'a> {
        const DAY_FIRST: [&str; 16] = [
            "gb", "uk", "ie", "au", "nz", "in", "za", "sg", "ng", "ke", "pk", "gh", "mt", "lk",
            "bd", "jm",
        ];
        let tld = host
            .and_then(|h| h.rsplit('.').next())
            .map(str::to_ascii_lowercase);
        let day_first = region
            .is_some_and(|r| DAY_FIRST.contains(&r.to_ascii_lowercase().as_str()))
            || tld.is_some_and(|t| DAY_FIRST.contains(&t.as_str()));
        Reading {
            lang,
            month_first: lang == Some("en") && !day_first,
        }
    }
}

/// A date found in a text, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub stamp: Stamp,
    /// Byte range of the date (and its time) in the text.
    pub start: usize,
    pub end: usize,
    /// Day and month could be swapped (`03/04/2020`): the other reading is
    /// [`Found::swapped`].
    pub swappable: bool,
}

impl Found {
    /// The other reading of a date whose day and month could be swapped.
    pub fn swapped(&self) -> Option<Stamp> {
        if !self.swappable {
            return None;
        }
        let s = self.stamp;
        Stamp::date(s.year.into(), s.day.into(), s.month.into()).map(|d| Stamp {
            time: s.time,
            offset: s.offset,
            ..d
        })
    }
}

/// A machine-readable value: ISO 8601 and its near relatives
/// (`2022-5-5 22:17:36`, `2019-11-19T07:03:00.000+0100`, `20190802`),
/// else the first date written in it (`Sat, 19 Oct 2019 00:04:00 +0200`,
/// `Tue Jan 28 15:28:56 CET 2020`).
pub fn parse_value(value: &str, reading: &Reading) -> Option<Stamp> {
    let v = value.trim();
    iso(v).or_else(|| find(v, reading).map(|f| f.stamp))
}

/// ISO 8601 and near relatives: a date of year, month and day, then
/// perhaps a time and an offset.
fn iso(v: &str) -> Option<Stamp> {
    let b = v.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let num = |from: usize, len: usize| -> u32 { v[from..from + len].parse().unwrap_or(u32::MAX) };
    let (mut stamp, mut i) = if digits(0) == 8 {
        (Stamp::date(num(0, 4), num(4, 2), num(6, 2))?, 8)
    } else {
        if digits(0) != 4 {
            return None;
        }
        let sep = *b.get(4)?;
        if !matches!(sep, b'-' | b'/' | b'.') {
            return None;
        }
        let m = digits(5);
        if !(1..=2).contains(&m) || b.get(5 + m) != Some(&sep) {
            return None;
        }
        let d = digits(6 + m);
        if !(1..=2).contains(&d) {
            return None;
        }
        (Stamp::date(num(0, 4), num(5, m), num(6 + m, d))?, 6 + m + d)
    };
    // A time: "T07:03", " 07:03:00", ".000".
    if matches!(b.get(i), Some(b'T' | b't' | b' '))
        && digits(i + 1) == 2
        && b.get(i + 3) == Some(&b':')
    {
        let h = num(i + 1, 2);
        if digits(i + 4) == 2 && h < 24 && num(i + 4, 2) < 60 {
            let mi = num(i + 4, 2);
            i += 6;
            let mut sec = None;
            if b.get(i) == Some(&b':') && digits(i + 1) == 2 && num(i + 1, 2) < 61 {
                sec = Some(num(i + 1, 2).min(59) as u8);
                i += 3;
                if matches!(b.get(i), Some(b'.' | b',')) {
                    i += 1 + digits(i + 1);
                }
            }
            stamp.time = Some((h as u8, mi as u8, sec));
            let rest = v[i..].trim_start();
            stamp.offset = offset(rest).map(|(o, _)| o);
        }
    }
    Some(stamp)
}

/// An offset at the start of `rest`: `Z`, `+01:00`, `+0100`, `-05`, `UTC`,
/// `GMT+1`, `CET`; and the bytes it takes.
fn offset(rest: &str) -> Option<(i16, usize)> {
    let b = rest.as_bytes();
    if matches!(b.first(), Some(b'Z' | b'z')) && !b.get(1).is_some_and(u8::is_ascii_alphabetic) {
        return Some((0, 1));
    }
    if matches!(b.first(), Some(b'+' | b'-')) {
        let sign: i16 = if b[0] == b'-' { -1 } else { 1 };
        let d = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let n = |from: usize, len: usize| -> i16 { rest[from..from + len].parse().unwrap_or(99) };
        let (h, m, len) = match d {
            4 => (n(1, 2), n(3, 2), 5),
            2 if b.get(3) == Some(&b':')
                && b[4..].iter().take_while(|c| c.is_ascii_digit()).count() == 2 =>
            {
                (n(1, 2), n(4, 2), 6)
            }
            1 | 2 => (n(1, d), 0, 1 + d),
            _ => return None,
        };
        return (h <= 14 && m < 60).then_some((sign * (h * 60 + m), len));
    }
    let word_len = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if word_len >= 2 {
        let word = rest[..word_len].to_ascii_lowercase();
        let base = lexicon::zone_offset(&word)?;
        // "GMT+1", "UTC+05:30".
        if base == 0 {
            if let Some((o, len)) = offset(&rest[word_len..]) {
                return Some((o, word_len + len));
            }
        }
        return Some((base, word_len));
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum T<'a> {
    /// Digits: their value and how many.
    Num(u32, usize),
    /// Letters, lower-cased (a CJK character is a word of its own).
    Word(&'a str),
    Sym(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    t: T<'a>,
    start: usize,
    end: usize,
    /// Nothing between this token and the one before.
    glued: bool,
}

/// The text's tokens, up to `max` of them. Words are lower-cased into `buf`
/// first, so that tokens can borrow them.
fn tokens<'a>(text: &str, lower: &'a str, max: usize) -> Vec<Tok<'a>> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut last_end = usize::MAX;
    // `lower` is `text` lower-cased character by character where that keeps
    // each character's length; otherwise words are compared as written.
    let same_len = lower.len() == text.len();
    while let Some(&(i, c)) = chars.peek() {
        if toks.len() >= max {
            break;
        }
        let glued = i == last_end;
        if c.is_ascii_digit() {
            let run = text[i..].bytes().take_while(u8::is_ascii_digit).count();
            // A copied page glues a date to the next ("28. Juli 201928. Juli
            // 2019", "17/11/201917/11/2019": the published and the updated
            // date side by side): after a month or a date's separator, a
            // year runs four digits.
            let after_date = matches!(
                toks.last(),
                Some(Tok {
                    t: T::Word(_),
                    glued: false,
                    ..
                }) | Some(Tok {
                    t: T::Sym('/' | '.'),
                    ..
                })
            );
            let year_first = matches!(text.get(i..i + 2), Some("19" | "20"));
            let take = if (5..=6).contains(&run) && after_date && year_first {
                4
            } else {
                run
            };
            let mut end = i;
            while end < i + take {
                let Some((j, _)) = chars.next() else { break };
                end = j + 1;
            }
            let len = end - i;
            let value = text[i..end].parse().unwrap_or(u32::MAX);
            toks.push(Tok {
                t: T::Num(value, len),
                start: i,
                end,
                glued,
            });
            last_end = end;
        } else if crate::text::is_cjk(c) || is_date_cjk(c) {
            chars.next();
            let end = i + c.len_utf8();
            let w = if same_len { &lower[i..end] } else { "" };
            toks.push(Tok {
                t: T::Word(w),
                start: i,
                end,
                glued,
            });
            last_end = end;
        } else if c.is_alphabetic() {
            let mut end = i;
            let mut prev = c;
            while let Some(&(j, d)) = chars.peek() {
                if !(d.is_alphabetic() || is_mark(d)) || d.is_ascii_digit() || is_date_cjk(d) {
                    break;
                }
                // A copied byline glues the name to the date: "By Ian
                // MohrFebruary 24, 2020" (pagesix.com, nypost.com), "By Chuck
                // Squatriglia EmailJanuary 10, 2008" (wired.com in wide-dev),
                // "LinkNaijaAugust 08, 2018" (linknaija.com in dev). A month
                // or weekday that starts with a capital after a small letter
                // and runs to the word's end is a word of its own.
                if same_len
                    && prev.is_lowercase()
                    && d.is_uppercase()
                    && glued_date_word(text, lower, j)
                {
                    break;
                }
                prev = d;
                end = j + d.len_utf8();
                chars.next();
            }
            let w = if same_len { &lower[i..end] } else { "" };
            toks.push(Tok {
                t: T::Word(w),
                start: i,
                end,
                glued,
            });
            last_end = end;
        } else {
            chars.next();
            if !c.is_whitespace() {
                let end = i + c.len_utf8();
                toks.push(Tok {
                    t: T::Sym(c),
                    start: i,
                    end,
                    glued,
                });
                last_end = end;
            }
        }
    }
    toks
}

/// Whether the letters from `at` to the word's end are a month's or a
/// weekday's name of three letters or more.
fn glued_date_word(text: &str, lower: &str, at: usize) -> bool {
    let len = text[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len() - at, |(k, _)| k);
    let word = &lower[at..at + len];
    word.len() >= 3
        && crate::lexicon::is(word, crate::lexicon::Class::DateWord)
        && !crate::lexicon::is(word, crate::lexicon::Class::DateLabel)
}

/// Korean date characters (년 월 일) are tokens of their own, like CJK.
fn is_date_cjk(c: char) -> bool {
    matches!(c, '년' | '월' | '일')
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x0900..=0x0903 | 0x093a..=0x094f | 0x0962..=0x0963 | 0x064b..=0x065f)
}

/// Lower-cases a text, keeping each character's byte length where it can
/// (so that tokens of the lower-cased text line up with the original).
fn lower_same_len(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut l = lower(c);
        match (l.next(), l.next()) {
            (Some(lc), None) if lc.len_utf8() == c.len_utf8() => out.push(lc),
            _ => out.push(c),
        }
    }
    out
}

/// The first date written in a text, with its time when one stands right
/// after or before it.
pub fn find(text: &str, reading: &Reading) -> Option<Found> {
    find_all(text, reading, 1).into_iter().next()
}

/// Whether a text names a day of a month without its year: "July 23",
/// "23. Juli", "le 3 mars". Said of a line with a clock, that is a post's
/// stamp of this year, as forums and comment threads print it.
pub fn names_day(text: &str) -> bool {
    let lower = lower_same_len(text);
    let toks = tokens(text, &lower, 200);
    let reading = Reading::for_lang(None);
    // "18" in "März um 18:42" is the hour, not a day.
    let day = |i: usize| day_at(&toks, i).filter(|_| sym(&toks, i + 1) != Some(':'));
    (0..toks.len()).any(|i| match toks[i].t {
        T::Word(_) => month_at(&toks, i, &reading)
            .is_some_and(|(_, next)| day(skip_between(&toks, next)).is_some()),
        T::Num(..) => day(i).is_some_and(|(_, next)| {
            month_at(&toks, skip_between(&toks, next), &reading).is_some()
        }),
        T::Sym(_) => false,
    })
}

/// The dates written in a text, in order, at most `most`.
pub fn find_all(text: &str, reading: &Reading, most: usize) -> Vec<Found> {
    // Every date holds a day or a year, which `tokens` reads from ASCII
    // digits only: without one, no need to lower and cut the text.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let lower = lower_same_len(text);
    let toks = tokens(text, &lower, 4000);
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() && found.len() < most {
        if let Some((stamp, end, swappable)) = date_at(text, &toks, i, reading) {
            let mut f = Found {
                stamp,
                start: toks[i].start,
                end: toks[end - 1].end,
                swappable,
            };
            if let Some((time, offset, after)) = time_after(text, &toks, end) {
                f.stamp.time = Some(time);
                f.stamp.offset = offset;
                f.end = toks[after - 1].end;
                i = after;
            } else {
                if let Some((time, offset, from)) = time_before(text, &toks, i) {
                    f.stamp.time = Some(time);
                    f.stamp.offset = offset;
                    f.start = toks[from].start;
                }
                i = end;
            }
            found.push(f);
        } else {
            i += 1;
        }
    }
    found
}

fn word<'a>(toks: &[Tok<'a>], i: usize) -> Option<&'a str> {
    match toks.get(i)?.t {
        T::Word(w) => Some(w),
        _ => None,
    }
}

fn sym(toks: &[Tok], i: usize) -> Option<char> {
    match toks.get(i)?.t {
        T::Sym(c) => Some(c),
        _ => None,
    }
}

fn num(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    match toks.get(i)?.t {
        T::Num(v, len) => Some((v, len)),
        _ => None,
    }
}

/// The month a word names, in the page's language if it is one there.
fn month_of(word: &str, reading: &Reading) -> Option<u32> {
    let mut first = None;
    for (lang, m) in lexicon::months(word) {
        if Some(lang) == reading.lang {
            return Some(m.into());
        }
        first.get_or_insert(m);
    }
    first.map(u32::from)
}

/// A month name at `i` (with its abbreviation's dot): the month and the
/// next token.
fn month_at(toks: &[Tok], i: usize, reading: &Reading) -> Option<(u32, usize)> {
    let m = month_of(word(toks, i)?, reading)?;
    let next = if sym(toks, i + 1) == Some('.') && toks[i + 1].glued {
        i + 2
    } else {
        i + 1
    };
    Some((m, next))
}

/// Skips the small words (and a comma) that stand inside a date.
fn skip_between(toks: &[Tok], mut i: usize) -> usize {
    loop {
        match toks.get(i).map(|t| t.t) {
            Some(T::Word(w)) if lexicon::is_date_between(w) => i += 1,
            Some(T::Sym(',')) => i += 1,
            _ => return i,
        }
    }
}

/// A day of the month at `i`: "19", "19.", "29th", "1er", "1º"; the day and
/// the next token.
fn day_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let (d, len) = num(toks, i)?;
    if len > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let mut next = i + 1;
    match toks.get(next) {
        Some(Tok {
            t: T::Word(w),
            glued: true,
            ..
        }) if matches!(
            *w,
            "st" | "nd" | "rd" | "th" | "er" | "e" | "o" | "a" | "ª" | "º"
        ) =>
        {
            next += 1
        }
        Some(Tok {
            t: T::Sym('.' | 'º' | 'ª'),
            glued: true,
            ..
        }) => next += 1,
        _ => {}
    }
    Some((d, next))
}

fn year_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let (y, len) = num(toks, i)?;
    // A year is not the start of a longer number ("2019.5").
    let continues = matches!(sym(toks, i + 1), Some('.' | ',' | ':'))
        && toks
            .get(i + 2)
            .is_some_and(|t| t.glued && matches!(t.t, T::Num(..)))
        && toks[i + 1].glued;
    (len == 4 && YEARS.contains(&y) && !continues).then_some((y, i + 1))
}

/// A date starting at token `i`: the stamp, the token after it, and
/// whether its day and month could be swapped.
fn date_at(text: &str, toks: &[Tok], i: usize, reading: &Reading) -> Option<(Stamp, usize, bool)> {
    // Part of a longer run of numbers ("1.2.2019.3", an IP address): no.
    let chained = |at: usize| {
        at >= 2
            && toks[at].glued
            && matches!(toks[at - 1].t, T::Sym('.' | '/' | '-'))
            && matches!(toks[at - 2].t, T::Num(..))
            && toks[at - 1].glued
    };
    match toks[i].t {
        T::Num(a, alen) => {
            if chained(i) {
                return None;
            }
            // Numbers: y-m-d, d.m.y, m/d/y.
            if let (Some(s), Some((b, blen)), Some(s2), Some((c, clen))) = (
                sym(toks, i + 1),
                num(toks, i + 2),
                sym(toks, i + 3),
                num(toks, i + 4),
            ) {
                let tight = (1..=4).all(|k| toks[i + k].glued);
                if tight && s == s2 && matches!(s, '.' | '/' | '-') && blen <= 2 {
                    let after_chain = matches!(sym(toks, i + 5), Some(x) if x == s)
                        && toks
                            .get(i + 6)
                            .is_some_and(|t| matches!(t.t, T::Num(..)) && t.glued);
                    if !after_chain {
                        let mut end = i + 5;
                        if alen == 4 && clen <= 2 {
                            if sym(toks, end) == Some('.') && toks[end].glued {
                                end += 1;
                            }
                            return Stamp::date(a, b, c).map(|st| (st, end, false));
                        }
                        if alen <= 2 && (clen == 4 || (clen == 2 && s != '-')) {
                            let year = if clen == 2 { 2000 + c } else { c };
                            let (first, second) = if s == '/' && reading.month_first {
                                (Stamp::date(year, a, b), Stamp::date(year, b, a))
                            } else {
                                (Stamp::date(year, b, a), Stamp::date(year, a, b))
                            };
                            let swappable = first.is_some() && second.is_some() && a != b;
                            return first.or(second).map(|st| (st, end, swappable));
                        }
                    }
                }
            }
            // 2019年10月19日, 2019년 10월 19일.
            if alen == 4 {
                if let (Some(y), Some(mw), Some((m, _)), Some(dw), Some((d, _))) = (
                    Some(a),
                    word(toks, i + 1),
                    num(toks, i + 2),
                    word(toks, i + 3),
                    num(toks, i + 4),
                ) {
                    if (mw == "年" && dw == "月") || (mw == "년" && dw == "월") {
                        let mut end = i + 5;
                        if matches!(word(toks, end), Some("日" | "일")) {
                            end += 1;
                        }
                        return Stamp::date(y, m, d).map(|st| (st, end, false));
                    }
                }
                // 2020. február 17.
                if let Some((y, next)) = year_at(toks, i) {
                    let next = if sym(toks, next) == Some('.') {
                        next + 1
                    } else {
                        next
                    };
                    if let Some((m, next)) = month_at(toks, next, reading) {
                        if let Some((d, end)) = day_at(toks, next) {
                            return Stamp::date(y, m, d).map(|st| (st, end, false));
                        }
                    }
                }
            }
            // 19. Oktober 2019, 17 de febrero de 2020, 1st of May 2020.
            let (d, next) = day_at(toks, i)?;
            let next = skip_between(toks, next);
            let (m, next) = month_at(toks, next, reading)?;
            let next = skip_between(toks, next);
            let (y, end) = year_at(toks, next)?;
            Stamp::date(y, m, d).map(|st| (st, end, false))
        }
        T::Word(_) => {
            // December 29th 2019, Dec. 29, 2019, Jan 28 15:28:56 CET 2020.
            let (m, next) = month_at(toks, i, reading)?;
            let (d, next) = day_at(toks, skip_between(toks, next))?;
            let after_day = skip_between(toks, next);
            if let Some((y, end)) = year_at(toks, after_day) {
                return Stamp::date(y, m, d).map(|st| (st, end, false));
            }
            // The time between day and year (C's and Java's format).
            let (time, offset, after) = time_at(text, toks, next)?;
            let (y, end) = year_at(toks, after)?;
            Stamp::date(y, m, d).map(|st| {
                (
                    Stamp {
                        time: Some(time),
                        offset,
                        ..st
                    },
                    end,
                    false,
                )
            })
        }
        T::Sym(_) => None,
    }
}

type Time = (u8, u8, Option<u8>);

/// A time right at `i`: "15:07", "3:51 pm", "14h32", "07:49 Uhr",
/// "00:04:00 +0200", "15:28:56 CET".
fn time_at(text: &str, toks: &[Tok], i: usize) -> Option<(Time, Option<i16>, usize)> {
    let (h, hlen) = num(toks, i)?;
    if hlen > 2 {
        return None;
    }
    let sep_ok = matches!(toks.get(i + 1)?.t, T::Sym(':' | '.') | T::Word("h"));
    let (mi, mlen) = num(toks, i + 2)?;
    if !sep_ok || mlen != 2 || mi > 59 || !toks[i + 1].glued || !toks[i + 2].glued {
        return None;
    }
    let mut next = i + 3;
    let mut sec = None;
    if sym(toks, next) == Some(':') {
        if let Some((s, 2)) = num(toks, next + 1) {
            sec = Some(s.min(59) as u8);
            next += 2;
        }
    }
    let mut h = h;
    // am / pm, a.m. / p.m.
    let meridiem = match word(toks, next) {
        Some(w @ ("am" | "pm")) => Some((w == "pm", next + 1)),
        Some(w @ ("a" | "p"))
            if sym(toks, next + 1) == Some('.') && word(toks, next + 2) == Some("m") =>
        {
            let end = if sym(toks, next + 3) == Some('.') {
                next + 4
            } else {
                next + 3
            };
            Some((w == "p", end))
        }
        _ => None,
    };
    if let Some((pm, end)) = meridiem {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        next = end;
    }
    if h > 23 {
        return None;
    }
    if matches!(word(toks, next), Some("uhr" | "h" | "hs" | "hrs" | "godz")) {
        next += 1;
    }
    // An offset: "+0200", "Z", "CET", "GMT+1".
    let mut offset_found = None;
    if let Some(t) = toks.get(next) {
        let starts_offset = match t.t {
            T::Sym('+' | '-') => toks
                .get(next + 1)
                .is_some_and(|n| n.glued && matches!(n.t, T::Num(_, 2 | 4))),
            T::Word(w) => w == "z" || lexicon::zone_offset(w).is_some(),
            _ => false,
        };
        if starts_offset {
            // Read it from the original text at the token's start.
            offset_found = Some(t.start);
        }
    }
    let time = (h as u8, mi as u8, sec);
    if let Some(at) = offset_found {
        if let Some((o, len)) = offset(&text[at..]) {
            let end_byte = at + len;
            let mut k = next;
            while k < toks.len() && toks[k].end <= end_byte {
                k += 1;
            }
            return Some((time, Some(o), k));
        }
    }
    Some((time, None, next))
}

/// A time after the date that ends at token `i`: past a comma, a dash, a
/// dot or a small word ("um", "à", "at").
fn time_after(text: &str, toks: &[Tok], i: usize) -> Option<(Time, Option<i16>, usize)> {
    let mut j = i;
    for _ in 0..3 {
        match toks.get(j).map(|t| t.t) {
            Some(T::Sym(',' | '-' | '–' | '|' | '·' | '•' | '@' | '/' | '(')) => j += 1,
            Some(T::Word(w)) if lexicon::is_date_between(w) => j += 1,
            _ => break,
        }
    }
    time_at(text, toks, j)
}

/// A time before the date that starts at token `i` ("15:07, 19. Oktober").
fn time_before(text: &str, toks: &[Tok], i: usize) -> Option<(Time, Option<i16>, usize)> {
    for from in i.saturating_sub(8)..i {
        if let Some((time, offset, end)) = time_at(text, toks, from) {
            let between_ok = (end..i).all(|k| {
                matches!(toks[k].t, T::Sym(',' | '-' | '–' | '|' | '·' | '•'))
                    || matches!(toks[k].t, T::Word(w) if lexicon::is_date_between(w))
            });
            if between_ok {
                return Some((time, offset, from));
            }
        }
    }
    None
}

/// A date in a page's address: `/2019/08/02/`, `/2019-08-02-slug`,
/// `/20190802/`. A year and month alone (`/2019/08/`) name no day.
pub fn from_url(url: &str) -> Option<Stamp> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split('/').collect();
    let is_num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    for (k, p) in parts.iter().enumerate() {
        if is_num(p, 4) {
            let (Some(m), Some(d)) = (parts.get(k + 1), parts.get(k + 2)) else {
                continue;
            };
            let d2: String = d.chars().take_while(char::is_ascii_digit).collect();
            if (1..=2).contains(&m.len())
                && m.bytes().all(|b| b.is_ascii_digit())
                && (1..=2).contains(&d2.len())
                && (d2.len() == d.len() || !d[d2.len()..].starts_with(|c: char| c.is_ascii_digit()))
            {
                if let Some(s) = Stamp::date(p.parse().ok()?, m.parse().ok()?, d2.parse().ok()?) {
                    return Some(s);
                }
            }
        }
        if is_num(p, 8) {
            if let Some(s) = iso(p) {
                return Some(s);
            }
        }
        // A slug that starts with an ISO date.
        // `get`, not a slice: the tenth byte may fall inside a letter
        // ("/busfares’s-plan", found by fuzzing).
        if let Some(head) = p.get(..10) {
            if let Some(s) = iso(head).filter(|_| p.as_bytes()[4] == b'-') {
                return Some(s);
            }
        }
        // A segment that is or ends with a day-first date: "29-10-2021"
        // (weisser-ring.de), "…-starcraft-2-12-11-2012" (geeky-gadgets.com).
        let stem = p.split('.').next().unwrap_or(p);
        let mut back = stem.rsplitn(4, '-');
        if let (Some(y), Some(m), Some(d)) = (back.next(), back.next(), back.next()) {
            let short =
                |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
            if is_num(y, 4) && short(m) && short(d) {
                if let Some(s) = Stamp::date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?) {
                    return Some(s);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str, lang: Option<&str>) -> Option<String> {
        find(text, &Reading::for_lang(lang)).map(|f| f.stamp.iso())
    }

    #[test]
    fn a_month_glued_to_the_name_before_it_still_dates_the_line() {
        assert_eq!(
            day("By Ian MohrFebruary 24, 2020 | 9:25pm", None).as_deref(),
            Some("2020-02-24T21:25")
        );
        assert_eq!(
            day("LinkNaijaAugust 08, 2018", None).as_deref(),
            Some("2018-08-08")
        );
        // A capital inside a word that is no month splits nothing.
        assert_eq!(day("WordPress 24, 2020", None), None);
    }

    #[test]
    fn machine_values_keep_their_time_and_offset() {
        let r = Reading::default();
        let v = |s: &str| parse_value(s, &r).map(|s| s.iso());
        assert_eq!(
            v("2019-11-19T07:03:00Z").as_deref(),
            Some("2019-11-19T07:03:00Z")
        );
        assert_eq!(
            v("2019-11-19T07:03:00.000+0100").as_deref(),
            Some("2019-11-19T07:03:00+01:00")
        );
        assert_eq!(
            v("2022-5-5 22:17:36").as_deref(),
            Some("2022-05-05T22:17:36")
        );
        assert_eq!(v("2020-01-02").as_deref(), Some("2020-01-02"));
        assert_eq!(v("20190802").as_deref(), Some("2019-08-02"));
        assert_eq!(
            v("Sat, 19 Oct 2019 00:04:00 +0200").as_deref(),
            Some("2019-10-19T00:04:00+02:00")
        );
        assert_eq!(
            v("Tue Jan 28 15:28:56 CET 2020").as_deref(),
            Some("2020-01-28T15:28:56+01:00")
        );
        assert_eq!(v("2019-13-40"), None);
        assert_eq!(v("soon"), None);
    }

    #[test]
    fn numeric_datelines_in_the_orders_pages_use() {
        assert_eq!(day("26/10/2018", Some("de")).as_deref(), Some("2018-10-26"));
        // The published and updated dates glued together by a copy.
        assert_eq!(
            day("05/03/202111/03/2021", Some("fr")).as_deref(),
            Some("2021-03-05")
        );
        assert_eq!(
            day("Publié le 4 mai 20219 mai 2021", Some("fr")).as_deref(),
            Some("2021-05-04")
        );
        assert_eq!(day("Bestellnummer 201945", Some("de")), None);
        assert_eq!(
            day("27.04.2020 - 18:50 Uhr", Some("de")).as_deref(),
            Some("2020-04-27T18:50")
        );
        assert_eq!(
            day("Di., 25.01.2022 - 14:45", None).as_deref(),
            Some("2022-01-25T14:45")
        );
        assert_eq!(day("11/05/2019", Some("en")).as_deref(), Some("2019-11-05"));
        assert_eq!(day("11/05/2019", Some("fr")).as_deref(), Some("2019-05-11"));
        // A day above 12 settles the order in any language.
        assert_eq!(day("11/25/2019", Some("fr")).as_deref(), Some("2019-11-25"));
        let gb = Reading::for_page(Some("en"), Some("GB"), None);
        assert_eq!(
            find("02/10/2020", &gb).map(|f| f.stamp.iso()).as_deref(),
            Some("2020-10-02")
        );
        let au = Reading::for_page(Some("en"), None, Some("www.smh.com.au"));
        assert!(!au.month_first);
        assert_eq!(
            day("2019.10.19.", Some("ko")).as_deref(),
            Some("2019-10-19")
        );
        assert_eq!(day("2019年10月19日", None).as_deref(), Some("2019-10-19"));
        assert_eq!(
            day("2019년 10월 19일 오후", None).as_deref(),
            Some("2019-10-19")
        );
        assert_eq!(day("Version 1.2.2019.3", None), None);
        assert_eq!(day("192.168.10.20", None), None);
    }

    #[test]
    fn month_names_in_many_languages() {
        let cases = [
            ("19. Oktober 2019 15:07", Some("de"), "2019-10-19T15:07"),
            ("December 29th 2019", Some("en"), "2019-12-29"),
            ("Dec. 29, 2019", None, "2019-12-29"),
            ("Le 17 février 2020 à 09h12", Some("fr"), "2020-02-17T09:12"),
            ("17 de febrero de 2020", Some("es"), "2020-02-17"),
            ("3 de maio de 2021", Some("pt"), "2021-05-03"),
            ("12 ottobre 2021", Some("it"), "2021-10-12"),
            ("17 lutego 2020 r.", Some("pl"), "2020-02-17"),
            ("19 октября 2019", Some("ru"), "2019-10-19"),
            ("2020. február 17.", Some("hu"), "2020-02-17"),
            ("3. května 2022", Some("cs"), "2022-05-03"),
            ("14 ekim 2021", Some("tr"), "2021-10-14"),
            ("1st of May 2020", Some("en"), "2020-05-01"),
            ("8 January 2020, 3:51 pm", Some("en"), "2020-01-08T15:51"),
            ("Lübeck, 31. März 2003", Some("de"), "2003-03-31"),
            (
                "Crime Published On May 10, 2022 01:52 PM",
                Some("en"),
                "2022-05-10T13:52",
            ),
        ];
        for (text, lang, want) in cases {
            assert_eq!(day(text, lang).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn the_page_language_settles_a_month_two_languages_name() {
        assert_eq!(
            day("5 listopada 2021", Some("pl")).as_deref(),
            Some("2021-11-05")
        );
        assert_eq!(
            day("5. listopada 2021.", Some("hr")).as_deref(),
            Some("2021-10-05")
        );
    }

    #[test]
    fn years_alone_and_other_numbers_are_not_dates() {
        for t in [
            "1945 1960 1980 2000 2020",
            "May 14, 0 Comments",
            "Januar 2022",
            "3 of 12",
            "call 0800 123 456",
        ] {
            assert_eq!(day(t, Some("en")), None, "{t}");
        }
    }

    #[test]
    fn a_time_before_the_date_is_read_too() {
        assert_eq!(
            day("15:07, 19. Oktober 2019", Some("de")).as_deref(),
            Some("2019-10-19T15:07")
        );
    }

    #[test]
    fn utc_stamps_move_to_the_pages_offset() {
        let s = parse_value("2019-11-19T07:03:00Z", &Reading::default()).unwrap();
        assert_eq!(s.at_offset(-480).iso(), "2019-11-18T23:03:00-08:00");
        let s = parse_value("2020-02-29T23:30:00Z", &Reading::default()).unwrap();
        assert_eq!(s.at_offset(60).iso(), "2020-03-01T00:30:00+01:00");
    }

    #[test]
    fn dates_in_addresses() {
        let d = |u: &str| from_url(u).map(|s| s.iso());
        assert_eq!(
            d("https://example.com/2019/08/02/json-parsing/").as_deref(),
            Some("2019-08-02")
        );
        assert_eq!(
            d("https://example.com/news/2019-08-02-slug").as_deref(),
            Some("2019-08-02")
        );
        assert_eq!(
            d("https://example.com/20190802/slug").as_deref(),
            Some("2019-08-02")
        );
        assert_eq!(
            d("https://example.org/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(
            d("https://example.org/game-gets-patch-2-12-11-2012/").as_deref(),
            Some("2012-11-12")
        );
        assert_eq!(d("https://example.org/meldungen/40-10-2021"), None);
        assert_eq!(d("https://example.com/2019/08/slug/"), None);
        assert_eq!(d("https://example.com/news/abcdefgh’s-story"), None);
        assert_eq!(d("https://example.com/a/1234567/"), None);
    }
}
