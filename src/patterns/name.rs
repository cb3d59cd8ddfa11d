//! Authors' names as bylines and author markup write them: the names
//! read out of "By TOM KRISHER, AP Auto Writer", "Von Benjamin Fischer und
//! Marcus Theurer", "View all posts by Daniel Lemire", "Umair Irfan Updated
//! Nov 13, 2019" or "Written by Rachael Link, MS, RD on November 14, 2019";
//! and what a name is: a placeholder ("admin", "Super User"), interface
//! text ("Share", "Related posts"), an organisation ("… GmbH", "BBC
//! News", "lecker.de") or a person's. The word lists are `data/meta/`.

use crate::lexicon::{self, Class, NameList};
use crate::patterns::date;
use crate::text::lower;

/// A word of a text: its byte range and its folded form.
#[derive(Clone, Debug)]
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

/// Words as `text::words` cuts them, with where they are.
fn word_spans(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, c) in text.char_indices() {
        let is_word = c.is_alphanumeric() || is_mark(c);
        if crate::text::is_cjk(c) {
            if let Some((s, f)) = cur.take() {
                out.push(Word {
                    start: s,
                    end: i,
                    folded: f,
                });
            }
            out.push(Word {
                start: i,
                end: i + c.len_utf8(),
                folded: lower(c).collect(),
            });
        } else if is_word {
            match &mut cur {
                Some((_, f)) => f.extend(lower(c)),
                None => cur = Some((i, lower(c).collect())),
            }
        } else if let Some((s, f)) = cur.take() {
            out.push(Word {
                start: s,
                end: i,
                folded: f,
            });
        }
    }
    if let Some((s, f)) = cur {
        out.push(Word {
            start: s,
            end: text.len(),
            folded: f,
        });
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x0900..=0x0903 | 0x093a..=0x094f | 0x0962..=0x0963 | 0x064b..=0x065f | 0x0981..=0x0983 | 0x09bc..=0x09d7)
}

fn join(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.folded.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The folded form of a text (as `text::fold`).
fn folded(text: &str) -> String {
    crate::text::fold(text)
}

/// A label ("By", "View all posts by", "Post author") at the start of
/// `text`: the byte where what it labels starts.
fn after_labels(text: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &text[at..];
        let ws = word_spans(rest);
        let longest = (1..=ws.len().min(6)).rev().find(|&n| {
            let key = join(&ws[..n]);
            lexicon::in_list(NameList::Label, &key) || lexicon::is(&key, Class::BylineLabel)
        });
        match longest {
            // A label and nothing after it is not a label ("Autor").
            Some(n) if n < ws.len() => {
                at += ws[n - 1].end;
                let skipped = text[at..]
                    .find(|c: char| c.is_alphanumeric())
                    .unwrap_or(text.len() - at);
                at += skipped;
            }
            _ => return at,
        }
    }
}

/// Whether a line credits `name` right after a byline word ("von", "by",
/// "par"): not one that dates use too ("13 de marzo de 2019"), nor a name
/// further on ("Pingback von Too much information - Papierkorb").
pub fn credits(text: &str, name: &str) -> bool {
    let ws = word_spans(text);
    let name = folded(name);
    ws.iter().enumerate().any(|(k, w)| {
        lexicon::is(&w.folded, Class::BylineLabel)
            && !lexicon::is_date_between(&w.folded)
            && join(&ws[k + 1..]).starts_with(&name)
    })
}

/// Separators between a byline's parts: the name, a date, a role, a
/// place.
fn segments(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '|', '•', '·', '—', '–'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" / "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The names a byline or an author field holds, each as written, labels,
/// dates, roles, credentials and placeholders left out. Empty when it
/// holds none.
pub fn names_in(raw: &str, reading: &date::Reading) -> Vec<String> {
    let text = crate::text::collapse_whitespace(raw);
    // What follows a date is not the name ("Kab Niang Le 17/02/2020"),
    // unless nothing before it is ("Posted on 21 May 2020 by Adi Tzlil").
    match date::find(&text, reading) {
        Some(f) => {
            let before = names_of(&text[..f.start]);
            if before.is_empty() {
                names_of(&text[f.end..])
            } else {
                before
            }
        }
        None => names_of(&text),
    }
}

/// The names of a byline without dates: those of its first segment that
/// has any. A segment with a part that is no name ("The Russian and
/// Syrian defense ministries") names no one.
fn names_of(text: &str) -> Vec<String> {
    // A segment a byline word opens comes first: "yas! | By Cara Stiles |"
    // is by Cara Stiles.
    // Each segment's label read once: after_labels is the dear part.
    let read: Vec<(&str, usize)> = segments(text).map(|s| (s, after_labels(s))).collect();
    let labelled = read.iter().filter(|&&(_, label)| label > 0);
    for &(segment, label) in labelled.chain(read.iter().filter(|&&(_, label)| label == 0)) {
        let mut seg = &segment[label..];
        // "By Julian Linden in Sydney": after a label, the place or the
        // section follows the name. Without one, "in" is a name's word
        // no more than its end ("Iberische Weine in Berlin", a shop's
        // author tag).
        if label > 0 {
            if let Some(w) = word_spans(seg)
                .iter()
                .skip(1)
                .find(|w| lexicon::in_list(NameList::NameEnd, &w.folded))
            {
                seg = &seg[..w.start];
            }
        }
        let mut names: Vec<String> = Vec::new();
        let mut sound = true;
        for part in parts(seg) {
            match clean_part(part, names.is_empty()) {
                Part::Name(name) => {
                    if !names.iter().any(|n| folded(n) == folded(&name)) {
                        names.push(name);
                    }
                }
                Part::Skip => {}
                Part::NotAName => sound = false,
            }
        }
        if !names.is_empty() {
            return if sound { names } else { Vec::new() };
        }
    }
    Vec::new()
}

/// What a part of a byline is.
enum Part {
    Name(String),
    /// A role, a credential, a label, a placeholder: left out.
    Skip,
    /// Words that are no name: the byline is no list of names.
    NotAName,
}

/// A byline's parts: names, and what follows them after commas.
fn parts(seg: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in seg.split([',', ';', '&', '+', '、', '，']) {
        // Joiner words ("und", "et") between names.
        let ws = word_spans(piece);
        let mut from = 0;
        for w in &ws {
            // Written in lower case, and no initial ("Sarah E. Needleman").
            let written = &piece[w.start..w.end];
            let joins = lexicon::in_list(NameList::Joiner, &w.folded)
                && !written.chars().any(char::is_uppercase)
                && !piece[w.end..].starts_with('.');
            if joins && w.start > from {
                out.push(&piece[from..w.start]);
                from = w.end;
            }
        }
        out.push(&piece[from..]);
    }
    out.into_iter()
        .map(|p| {
            p.trim_matches(|c: char| {
                c.is_whitespace()
                    || matches!(c, ':' | '-' | '(' | ')' | '"' | '“' | '”' | '.' | '»' | '«')
            })
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// One part of a byline as a name, or nothing: a role ("AP Auto Writer"),
/// a credential ("PhD", "MS"), an outlet after a comma ("CNN") or a
/// placeholder is not one. A first part keeps what comes before a role
/// ("Paul Takahashi Staff writer", "Meg JamesStaff Writer").
fn clean_part(part: &str, first: bool) -> Part {
    let part = part.trim_start_matches(|c: char| !c.is_alphanumeric());
    let part = &part[after_labels(part)..];
    let part = &part[glued_label(part)..];
    let ws = word_spans(part);
    if ws.is_empty() || is_placeholder(part) || (!first && is_agency(&ws)) {
        return Part::Skip;
    }
    let mut end = part.len();
    for (k, w) in ws.iter().enumerate() {
        // A social media handle after the name ends it ("Williams Perdomo
        // @wperdomod").
        if k > 0 && part[..w.start].ends_with('@') {
            end = w.start - 1;
            break;
        }
        // A count ("0 Comments") ends the name; a handle's digits
        // ("happyface313") are part of it.
        if w.folded.chars().all(|c| c.is_ascii_digit()) {
            end = w.start;
            break;
        }
        let role = lexicon::in_list(NameList::Role, &w.folded);
        // "JamesStaff": a role glued to the name.
        let glued = role_after_hump(&part[w.start..w.end]);
        if role || (k >= 2 && is_agency(&ws[k..])) {
            // "HNN Staff", "Practical Horseman Editorial Staff": a
            // newsroom's credit, not a name and a role.
            if k > 0
                && ws[k..]
                    .iter()
                    .all(|w| lexicon::in_list(NameList::Organisation, &w.folded))
            {
                break;
            }
            if !first || k == 0 {
                return Part::Skip;
            }
            // A role after a small word is a title's end, not a name's
            // ("Letters To The Editor", a letters page's author account).
            if lexicon::is_date_between(&ws[k - 1].folded) {
                return Part::NotAName;
            }
            end = w.start;
            break;
        }
        if let Some(hump) = glued {
            if !first {
                return Part::Skip;
            }
            end = w.start + hump;
            break;
        }
    }
    let name = part[..end]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
        .trim_end_matches(['.', ' ']);
    // Trailing date words left from a cut date ("MORITZ GATHMANN am",
    // "Jeff Foust Monday").
    let ws = word_spans(name);
    let Some(keep) = ws.iter().rposition(|w| {
        !lexicon::is_date_between(&w.folded)
            && !lexicon::is(&w.folded, Class::DateLabel)
            && !lexicon::is(&w.folded, Class::DateWord)
    }) else {
        return Part::Skip;
    };
    let name = name[..ws[keep].end].trim();
    let ws = &ws[..=keep];
    // What is left is only a label ("Posted", "Article by").
    let key = join(ws);
    if lexicon::in_list(NameList::Label, &key)
        || lexicon::is(&key, Class::BylineLabel)
        || lexicon::is(&key, Class::DateLabel)
    {
        return Part::Skip;
    }
    // An organisation's name or a web address is written as it likes
    // ("besserwisser eG", "www.koffergepackt.com").
    if names_an_organisation(name) {
        return Part::Name(name.to_string());
    }
    // A name's words are capitalised, but for particles ("van", "de"):
    // "so Artikel empfehlen", "Endlich mehr Beschleunigung wagen" are not
    // names. A single word may be a handle ("happyface313").
    if ws.len() >= 2
        && ws.iter().any(|w| {
            let written = &name[w.start..w.end];
            let first = written.chars().next().unwrap_or(' ');
            first.is_lowercase() && !lexicon::in_list(NameList::Particle, &w.folded)
        })
    {
        return Part::NotAName;
    }
    // Text read in the wrong encoding ("Ã¶", "Â´") is no name.
    if name.chars().any(|c| ('\u{80}'..='\u{bf}').contains(&c)) {
        return Part::NotAName;
    }
    // One letter is an initial or an interface mark, not a name: author
    // links showing "K" (chineselyrics4u.com), "S" (happycoffee.org), "ò"
    // (xinhuanet.com). No script writes a person's name in one letter.
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 1 {
        return Part::Skip;
    }
    if ws.len() > 6 || name.chars().count() > 60 {
        return Part::NotAName;
    }
    // After the first name, a single word is a credential, an outlet or a
    // place ("MS", "CNN", "Washington"), not another author.
    if !first && ws.len() == 1 {
        return Part::Skip;
    }
    if is_placeholder(name) {
        return Part::Skip;
    }
    Part::Name(name.to_string())
}

/// A byline label glued to the name ("ByAlex Bozarjian", "PorRodolfo
/// Costa"): where the name starts.
fn glued_label(part: &str) -> usize {
    let mut prev_lower = false;
    for (i, c) in part.char_indices() {
        if !c.is_alphabetic() {
            return 0;
        }
        if prev_lower && c.is_uppercase() {
            let key = folded(&part[..i]);
            return if lexicon::is(&key, Class::BylineLabel) {
                i
            } else {
                0
            };
        }
        prev_lower = c.is_lowercase();
    }
    0
}

/// Where a role word starts after a camel-case hump inside `word`
/// ("JamesStaff" 5).
fn role_after_hump(word: &str) -> Option<usize> {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if prev_lower && c.is_uppercase() {
            let rest = folded(&word[i..]);
            if lexicon::in_list(NameList::Role, &rest) {
                return Some(i);
            }
        }
        prev_lower = c.is_lowercase();
    }
    None
}

/// Words that open with an agency's name ("Associated Press", "AFP").
fn is_agency(ws: &[Word]) -> bool {
    let one = lexicon::is(&ws[0].folded, Class::Credit) && ws[0].folded.len() > 2;
    let two = ws.len() >= 2 && lexicon::is(&join(&ws[..2]), Class::Credit);
    two || (one && ws.len() <= 2)
}

/// A content system's account or placeholder, or interface text: never a
/// name.
pub fn is_placeholder(name: &str) -> bool {
    let f = folded(name);
    f.is_empty()
        || lexicon::in_list(NameList::Placeholder, &f)
        || lexicon::holds_part(NameList::Placeholder, &f)
}

/// Whether a name is an organisation's: a legal form or a newsroom word
/// among its words ("… GmbH", "Redaktion MSM", "BBC News"), an agency
/// ("Reuters", "dpa"), a web address ("lecker.de"), or the name of the
/// publisher or the page's host.
pub fn is_organisation(name: &str, publishers: &[String], host: Option<&str>) -> bool {
    names_an_organisation(name) || is_publisher(name, publishers, host)
}

/// A legal form, newsroom or media word, an agency, a web address.
pub fn names_an_organisation(name: &str) -> bool {
    let f = folded(name);
    let ws: Vec<&str> = f.split(' ').collect();
    if ws
        .iter()
        .any(|w| lexicon::in_list(NameList::Organisation, w))
    {
        return true;
    }
    // Two-word legal forms and agencies: "e v", "sp z o o", "associated press".
    if ws
        .windows(2)
        .any(|p| lexicon::in_list(NameList::Organisation, &p.join(" ")))
        || (ws.len() <= 3 && ws.iter().all(|w| lexicon::is(w, Class::Credit)))
        || ws
            .windows(2)
            .any(|p| lexicon::is(&p.join(" "), Class::Credit))
    {
        return true;
    }
    is_web_address(name.trim())
}

/// The publisher's name, or the page's host's: "Helge.at" on helge.at.
pub fn is_publisher(name: &str, publishers: &[String], host: Option<&str>) -> bool {
    let f = folded(name);
    let ws: Vec<&str> = f.split(' ').collect();
    // The same name, or the publisher's name with more after it
    // ("SPIEGEL ONLINE, Hamburg, Germany" for "SPIEGEL ONLINE"). A
    // person's blog named after them ("Daniel Lemire's blog") does not
    // make them the publisher.
    let same = |other: &str| {
        let o = folded(other);
        !o.is_empty() && (o == f || (o.len() >= 4 && f.starts_with(&format!("{o} "))))
    };
    // A one-word handle that names the site too is a blogger's, whose
    // blog bears their name ("Zahlenzauberin"); an acronym is a brand's.
    let handle = ws.len() == 1 && name.chars().any(char::is_lowercase);
    if !handle && publishers.iter().any(|p| same(p)) {
        return true;
    }
    if let Some(host) = host {
        // The site's own domain name: "lecker" or "lecker.de" on
        // www.lecker.de, "Nordish by Nature" on nordishbynature.de. A
        // blog host's subdomain is its user's ("creeny.wordpress.com").
        let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        let n = labels.len();
        // "example.co.uk": the label before a two-letter country code
        // under a short generic one.
        let k = if n >= 3 && labels[n - 1].len() == 2 && labels[n - 2].len() <= 3 {
            n - 3
        } else {
            n.saturating_sub(2)
        };
        if let Some(name_label) = labels.get(k) {
            let squashed: String = f.split(' ').collect();
            let with_tld: String = labels[k..].concat();
            let label = name_label.replace('-', "");
            if label.len() >= 3 && (squashed == label || squashed == with_tld.replace('-', "")) {
                return true;
            }
        }
    }
    false
}

/// "www.koffergepackt.com", "lecker.de", "facebook.com/vegolosi".
fn is_web_address(t: &str) -> bool {
    if t.contains(' ') {
        return false;
    }
    let host = t.split('/').next().unwrap_or(t);
    t.starts_with("www.")
        || t.starts_with("http")
        || host.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
                && head
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        })
}

/// Whether a name reads as a person's as a byline writes it: one to five
/// words, at least two of them capitalised where the script has capitals,
/// or a single handle; no sentence.
pub fn reads_as_person(name: &str) -> bool {
    let ws = word_spans(name);
    if ws.is_empty() || ws.len() > 5 || name.chars().count() > 50 {
        return false;
    }
    let caps = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let cased = name.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    !cased || caps >= 2 || ws.len() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<String> {
        names_in(raw, &date::Reading::for_lang(Some("en")))
    }

    #[test]
    fn a_single_letter_names_no_one() {
        assert!(names("K").is_empty());
        assert!(names("ò").is_empty());
        assert_eq!(names("By K. Smith"), ["K. Smith"]);
    }

    #[test]
    fn labels_roles_and_credentials_are_left_out() {
        assert_eq!(names("By TOM KRISHER, AP Auto Writer"), ["TOM KRISHER"]);
        assert_eq!(
            names("By MEG KINNARD and ERRIN HAINES, Associated Press"),
            ["MEG KINNARD", "ERRIN HAINES"]
        );
        assert_eq!(names("Sandee LaMotte, CNN"), ["Sandee LaMotte"]);
        assert_eq!(
            names("Analysis by Chris Cillizza, CNN Editor-at-large"),
            ["Chris Cillizza"]
        );
        assert_eq!(names("By Paul Takahashi, Staff writer"), ["Paul Takahashi"]);
        assert_eq!(names("Grant Tinsley, PhD"), ["Grant Tinsley"]);
        assert_eq!(names("By: Meg JamesStaff Writer"), ["Meg James"]);
        assert_eq!(names("Tom Davies Associated Press"), ["Tom Davies"]);
        assert!(names("Letters To The Editor").is_empty());
        assert_eq!(names("View all posts by Daniel Lemire"), ["Daniel Lemire"]);
        assert_eq!(
            names("Post author By Helge Fahrnberger"),
            ["Helge Fahrnberger"]
        );
    }

    #[test]
    fn a_place_or_section_after_a_labelled_name_is_left_out() {
        assert_eq!(names("By Ruth Okafor in Lagos"), ["Ruth Okafor"]);
        assert_eq!(names("VON Jana Pelz IN Reisen"), ["Jana Pelz"]);
        // Without a label, "in" belongs to what is written: a shop's
        // account "Alte Weine in Bonn" is no person cut short.
        assert_ne!(names("Alte Weine in Bonn"), ["Alte Weine"]);
    }

    #[test]
    fn the_segment_a_byline_word_opens_names_the_author() {
        assert_eq!(names("wow! | By Ines Marlow | 3 min read"), ["Ines Marlow"]);
        let de = date::Reading::for_lang(Some("de"));
        assert_eq!(
            names_in("Ein Artikel von Jonas Weber | 14.05.2021 - 08:30", &de),
            ["Jonas Weber"]
        );
        assert_eq!(
            names_in("Gespeichert von tkrause am 3. Mai 2020 - 10:05", &de),
            ["tkrause"]
        );
    }

    #[test]
    fn a_handle_after_the_name_is_left_out() {
        let es = date::Reading::for_lang(Some("es"));
        assert_eq!(
            names_in("Por Marta Ibáñez @martaib - 2 de junio de 2021", &es),
            ["Marta Ibáñez"]
        );
    }

    #[test]
    fn dates_in_bylines_are_left_out() {
        assert_eq!(
            names("Written by Rachael Link, MS, RD on November 14, 2019"),
            ["Rachael Link"]
        );
        assert_eq!(
            names("Umair Irfan Updated Nov 13, 2019, 4:10pm EST"),
            ["Umair Irfan"]
        );
        assert_eq!(names("Evan Symon, August 14, 2020 2:30 pm"), ["Evan Symon"]);
        assert_eq!(names("Giovanni Gaggero | 12/10/2020"), ["Giovanni Gaggero"]);
        let de = date::Reading::for_lang(Some("de"));
        assert_eq!(
            names_in("MORITZ GATHMANN am 21. April 2020", &de),
            ["MORITZ GATHMANN"]
        );
        assert_eq!(
            names_in(
                "Kab Niang\nLe 17/02/2020",
                &date::Reading::for_lang(Some("fr"))
            ),
            ["Kab Niang"]
        );
    }

    #[test]
    fn several_names_in_several_languages() {
        let de = date::Reading::for_lang(Some("de"));
        assert_eq!(
            names_in("Von Benjamin Fischer und Marcus Theurer", &de),
            ["Benjamin Fischer", "Marcus Theurer"]
        );
        assert_eq!(
            names_in("Par Jean Dupont et Marie Martin", &de),
            ["Jean Dupont", "Marie Martin"]
        );
        assert_eq!(
            names("Lisa Kaczke & Trevor J. Mitchell"),
            ["Lisa Kaczke", "Trevor J. Mitchell"]
        );
    }

    #[test]
    fn a_dateline_credits_the_name_after_a_byline_word() {
        assert!(credits(
            "Veröffentlicht am 3. Mai 2021 von Ida Berg",
            "Ida Berg"
        ));
        assert!(credits("Publié le 4 mai 2021 par Léa Martin", "Léa Martin"));
        assert!(!credits("13 de marzo de 2019 Marta", "Marta"));
        assert!(!credits(
            "Pingback von Ein langer Titel - Notizen | 3. Mai 2021",
            "Notizen"
        ));
    }

    #[test]
    fn placeholders_and_interface_text_are_no_names() {
        for t in [
            "admin",
            "Super User",
            "Share",
            "シェア",
            "Related posts",
            "Ähnliche Beiträge",
            "Previous Post",
            "wordpressadmin",
            "No Author",
        ] {
            assert!(names(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn organisations_are_told_from_people() {
        let org =
            |n: &str| is_organisation(n, &["The Daily Planet".to_string()], Some("www.lecker.de"));
        for n in [
            "Frankfurter Allgemeine Zeitung GmbH",
            "Redaktion MSM",
            "BBC News",
            "Bundesverband WindEnergie e.V.",
            "Reuters",
            "dpa",
            "lecker.de",
            "Lecker",
            "The Daily Planet",
            "www.koffergepackt.com",
        ] {
            assert!(org(n), "{n}");
        }
        for n in [
            "Jane Doe",
            "Benjamin Fischer",
            "Loïc Le Clerc",
            "happyface313",
        ] {
            assert!(!org(n), "{n}");
        }
    }
}
