//! The article's metadata: what the page says about itself (meta tags,
//! JSON-LD, microdata, `<time>`, author links, its address) reconciled
//! with what the article shows (its headline, byline, dateline and section
//! label), each field with where it was found.
//!
//! - Title: the headline shown, without a kicker glued before it or a date
//!   in front; else the metadata's headline without the site's name.
//! - Authors: a person's names. A visible byline wins over markup, and
//!   takes the markup's spelling of the names it shows; markup is read in
//!   the order JSON-LD persons, microdata, author links near the headline,
//!   other JSON-LD, author meta tags; a name counts only where the page
//!   shows its words to a reader. An organisation is the author only
//!   when the page shows it as the byline (an agency); one that only markup
//!   names is the publisher (`site_name`). Placeholders, interface text,
//!   roles and credentials are never names.
//! - Published: the date shown with the article when the page shows one,
//!   in the precision and offset of a structured value of the same day;
//!   a UTC time stamp one day off the shown date is the shown day. Without
//!   a dateline: structured data, then `<time>` and date elements near the
//!   headline, then the address. Never a date from comments, a sidebar or
//!   another item's microdata (a reviewed book), nor one labelled as an
//!   update. Written as ISO 8601.

use super::roles::Roles;
use super::{Decision, Page};
use crate::codes::{MetaSource, Reason, Sources};
use crate::dom::NodeId;
use crate::features::Analysis;
use crate::input::meta::{AuthorFact, DateFact, DateRole, Party};
use crate::lexicon;
use crate::patterns::date::{self, Reading, Stamp};
use crate::patterns::name::{
    is_organisation, is_publisher, names_an_organisation, names_in, reads_as_person,
};
use crate::text::fold;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub section: Option<String>,
    pub site_name: Option<String>,
    pub sources: Sources,
}

/// The blocks around the headline, where bylines and datelines stand.
struct Top {
    /// Block range.
    start: usize,
    end: usize,
    /// Node range of the same blocks (HTML input).
    nodes: Option<(NodeId, NodeId)>,
}

impl Top {
    fn new(page: &Page, analysis: &Analysis, decisions: &[Decision], roles: &Roles) -> Top {
        let blocks = page.blocks;
        // The headline shown, else the heading the metadata names, else
        // the article's first block.
        let anchor = roles
            .title
            .or(page.anchor)
            .or_else(|| decisions.iter().position(|d| d.keep))
            .unwrap_or(0);
        let body = (anchor + 1..blocks.len())
            .filter(|&i| decisions[i].keep && analysis.signals[i].words >= 20.0)
            .find(|&i| i > anchor + 2);
        let start = anchor.saturating_sub(if roles.title.is_some() { 4 } else { 8 });
        let end = body
            .map_or(anchor + 15, |b| (b + 3).min(anchor + 25))
            .min(blocks.len());
        let container = |i: usize| blocks.get(i).and_then(|b| b.dom()).map(|d| d.container);
        let nodes = container(start).map(|lo| (lo, container(end).unwrap_or(NodeId::MAX)));
        Top { start, end, nodes }
    }

    fn holds(&self, node: Option<NodeId>) -> bool {
        match (node, self.nodes) {
            (Some(n), Some((lo, hi))) => lo <= n && n < hi,
            _ => false,
        }
    }
}

pub fn reconcile(
    page: &Page,
    analysis: &Analysis,
    decisions: &[Decision],
    roles: &Roles,
) -> Metadata {
    let (meta, blocks) = (page.meta, page.blocks);
    let reading = Reading::for_page(
        page.lang.or(meta.lang.as_deref()),
        meta.region.as_deref(),
        host(meta.url.as_deref()),
    );
    let top = Top::new(page, analysis, decisions, roles);
    let mut m = Metadata {
        site_name: meta.site_name.clone(),
        section: meta.section.clone(),
        ..Metadata::default()
    };
    m.sources.site_name = meta.sources.site_name.filter(|_| m.site_name.is_some());
    m.sources.section = meta.sources.section.filter(|_| m.section.is_some());
    title(page, roles, &reading, &mut m);
    if let (None, Some(s)) = (&m.section, roles.section) {
        m.section = Some(blocks[s].text.clone());
        m.sources.section = Some(MetaSource::SectionLabel);
    }
    authors(page, analysis, decisions, roles, &top, &reading, &mut m);
    dates(page, analysis, decisions, roles, &top, &reading, &mut m);
    // Without og:site_name, the page's <title> names the site after the
    // story's title it repeats: "Story title | Site".
    if m.site_name.is_none() {
        if let (Some(page_title), Some(story)) = (&meta.title, &m.title) {
            if let (head, Some(site)) = crate::input::meta::split_site_name(page_title) {
                if crate::text::similarity(head, story) >= 0.8 {
                    m.site_name = Some(site.to_string());
                    m.sources.site_name = Some(MetaSource::TitleElement);
                }
            }
        }
    }
    m
}

/// The host of the page's address, for telling the site's name from an
/// author's.
pub(super) fn host(url: Option<&str>) -> Option<&str> {
    let rest = url?.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

fn title(page: &Page, roles: &Roles, reading: &Reading, m: &mut Metadata) {
    let meta = page.meta;
    if let Some(t) = roles.title {
        let shown = &page.blocks[t].text;
        m.title = Some(tidy_headline(shown, meta.headline.as_deref(), reading));
        m.sources.title = Some(MetaSource::Heading);
    } else if let Some((t, source)) = meta.story_title_with_source() {
        let mut t = t;
        // "Story - Site" in og:title too.
        if let (head, Some(site)) = crate::input::meta::split_site_name(&t) {
            let is_site = meta.publishers.iter().any(|p| fold(p) == fold(site))
                || is_organisation(site, &meta.publishers, host(meta.url.as_deref()));
            if is_site {
                t = head.to_string();
            }
        }
        m.title = Some(t);
        m.sources.title = Some(source);
    }
}

/// The headline as shown, without what stands glued before it: a kicker
/// that the metadata's headline leaves out ("Grenzschließungen Deutschland,
/// Frankreich und …" where og:title is "Deutschland, Frankreich und …"), or
/// a date ("08.11.2021 | Online-Fachtag …").
fn tidy_headline(shown: &str, known: Option<&str>, reading: &Reading) -> String {
    // What separated a kicker, set apart from the headline, from its words
    // ("Auftragshoch bei FACC : Luftfahrtbranche …", industriemagazin.at).
    let mut shown = shown
        .trim()
        .trim_start_matches(|c: char| matches!(c, ':' | '|' | '·') || c.is_whitespace());
    // A breadcrumb trail pasted onto the headline ("Forum>iPhone>kein App
    // Store mehr …" on mactechnews.de, "Home → Notizie dal mondo vegan →
    // Il Climate Clock …" on vegolosi.it, "Startseite » Nachrichten » …"
    // on proplanta.de; multilingual-dev pasted text): the headline is its
    // last step.
    for sep in ['>', '›', '→', '»'] {
        if shown.matches(sep).count() >= 2 {
            if let Some((_, last)) = shown.rsplit_once(sep) {
                if crate::text::words(last).count() >= 3 {
                    shown = last.trim();
                }
            }
            break;
        }
    }
    if let Some(k) = known {
        let (fs, fk) = (fold(shown), fold(k));
        if fs != fk && fk.split(' ').count() >= 3 && fs.ends_with(&fk) {
            let prefix_words = fs[..fs.len() - fk.len()].split_whitespace().count();
            if (1..=6).contains(&prefix_words) {
                if let Some(at) = suffix_start(shown, fk.split(' ').count()) {
                    return shown[at..].trim().to_string();
                }
            }
        }
    }
    // A byline set under the headline in its element ends it ("Struggle
    // to contain WA bushfire<br>By Liza Kappelle and …", "World Superbike:
    // Phillip Island Test Day 2<br>1/9/2008<br>By …": two news sites of
    // 2008 in wide-dev).
    let mut start = 0;
    for l in shown.split('\n') {
        if start > 0 && crate::patterns::is_byline(l, &fold(l), crate::text::word_weight(l)) {
            shown = shown[..start].trim_end();
            break;
        }
        start += l.len() + 1;
    }
    if let Some(f) = date::find(shown, reading) {
        let rest = shown[f.end..].trim_start_matches(|c: char| {
            !c.is_alphanumeric() && !matches!(c, '„' | '"' | '«' | '“')
        });
        if f.start == 0 && crate::text::words(rest).count() >= 3 {
            return rest.trim().to_string();
        }
        // A dateline under the headline in its element
        // ("…der Region<br><small>02.02.2022 • HVW-Verband</small>").
        if let Some(line) = line_start(shown, f.start).filter(|&l| l > 0) {
            return shown[..line].trim().to_string();
        }
    }
    shown.to_string()
}

/// A date at the head of a paragraph, within its first four words and
/// set off by a dash or bar from the story: "Pressemitteilung vom 25.
/// Januar 2022 | Berlin – Die künftige …" (bmz.de), "Wien, 14. Dezember
/// 2021 – Aufgrund der …" (jagd-oesterreich.at).
fn opening_dateline(text: &str, reading: &Reading) -> Option<date::Found> {
    let f = date::find(text, reading)?;
    let after = text[f.end..].trim_start();
    let set_off = after.starts_with(['|', '–', '—', '-']);
    (set_off && crate::text::words(&text[..f.start]).count() <= 4).then_some(f)
}

/// Where the line starts that a date at `at` opens, if it opens one.
fn line_start(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let line = before.rfind('\n').map_or(0, |i| i + 1);
    before[line..].trim().is_empty().then_some(line)
}

/// The date that opens a line of the headline's block, as a dateline:
/// before the headline ("08.11.2021 | Online-Fachtag …", regenbogenportal.de)
/// or under it in the same element (hvw-online.org's `<br><small>` line).
/// A date shown in a dateline of the article's top: the headline's own
/// line or the opening of its first paragraph.
fn dateline(f: &date::Found, near: bool) -> Dated {
    Dated {
        stamp: f.stamp,
        swapped: f.swapped(),
        source: MetaSource::Dateline,
        role: DateRole::Unknown,
        shown: true,
        loose: false,
        near,
    }
}

fn headline_date(shown: &str, reading: &Reading) -> Option<date::Found> {
    let found = date::find_all(shown, reading, 2);
    let f = found.first().filter(|_| found.len() == 1)?;
    line_start(shown, f.start).map(|_| *f)
}

/// Where the last `n` words of a text start.
fn suffix_start(text: &str, n: usize) -> Option<usize> {
    let mut starts = Vec::new();
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            starts.push(i);
        }
        in_word = w;
    }
    let k = starts.len().checked_sub(n)?;
    let at = starts[k];
    // Opening quotes before the first word belong to the headline.
    let before = text[..at].trim_end();
    let quote = before
        .char_indices()
        .last()
        .filter(|(_, c)| matches!(c, '„' | '"' | '«' | '“' | '‚' | '\''))
        .map(|(i, _)| i);
    Some(quote.unwrap_or(at))
}

/// A candidate for the authors: names and where they came from.
#[derive(Clone, Debug)]
struct Credit {
    names: Vec<String>,
    source: MetaSource,
    party: Party,
    /// Shown in the page (a byline, an author element), not only in
    /// markup a reader never sees.
    visible: bool,
    /// The publisher's or the host's name.
    publisher: bool,
    rank: u8,
}

fn authors(
    page: &Page,
    analysis: &Analysis,
    decisions: &[Decision],
    roles: &Roles,
    top: &Top,
    reading: &Reading,
    m: &mut Metadata,
) {
    let meta = page.meta;
    let host = host(meta.url.as_deref());
    let org = |names: &[String]| {
        names
            .iter()
            .any(|n| is_organisation(n, &meta.publishers, host))
    };
    // The words a reader sees on the page: a name that only markup gives
    // (JSON-LD, a `<meta itemprop>`, an author box styled `display:none`)
    // is no byline a reader could check. A word may be glued to its
    // neighbour in the page's text ("PorRodolfo Costa"), so the words are
    // looked for inside the text, not among its words. Gathered only for
    // pages with author markup.
    let mut shown: Option<String> = None;
    let mut on_page = |names: &[String]| {
        let shown = shown.get_or_insert_with(|| {
            let mut all = String::new();
            for (b, folded) in page.blocks.iter().zip(&analysis.folded) {
                if !b.has_landmark(crate::blocks::landmark::HIDDEN) {
                    all.push_str(folded);
                    all.push(' ');
                }
            }
            all
        });
        // A word of one or two letters ("D.E") is inside any text: it
        // must stand as a word of its own.
        names.iter().all(|n| {
            crate::text::words(n).all(|w| {
                if w.chars().count() > 2 {
                    shown.contains(w.as_str())
                } else {
                    shown.split(' ').any(|x| x == w)
                }
            })
        })
    };
    let mut credits: Vec<Credit> = Vec::new();
    for fact in &meta.authors {
        if let Some(c) = credit_of(fact, top, reading, (&meta.publishers, host), &org) {
            if on_page(&c.names) {
                credits.push(c);
            }
        }
    }
    // The byline shown: the block the top of the article marked as one;
    // else, where it names no one ("Ähnliche Beiträge", a heading read as
    // a bare name), a labelled one near the headline ("von Andreas
    // Kürten", "By Sarah E. Needleman", where no headline was shown to
    // look under); else the dateline that names the author after a byline
    // word ("Veröffentlicht am 13. März 2019 von …", "Posted on 21. Juli
    // 2019 by …", "Gespeichert von rasos am 24. Juli 2017", as 19 blogs of
    // multilingual-dev and wide-dev's Drupal sites print it).
    let labelled = || {
        (top.start..top.end).find(|&i| {
            Some(i) != roles.byline
                && Some(i) != roles.title
                && !decisions[i].keep
                && analysis.signals[i].byline
                // Under a headline shown, the top of the article looked
                // already; above it stand menus ("DE FR IT EN").
                && roles.title.is_none_or(|t| i > t)
        })
    };
    let dated = || {
        roles.date.into_iter().chain(top.start..top.end).find(|&i| {
            let text = &page.blocks[i].text;
            Some(i) != roles.title
                && analysis.signals[i].words <= 15.0
                && date::find(text, reading).is_some()
                && names_in(text, reading)
                    .first()
                    .is_some_and(|n| crate::patterns::name::credits(text, n))
        })
    };
    // A blog's entry line: the day (twice, when the post was updated), the
    // author's name right after it, then the comments' count or link
    // ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar",
    // "28. Januar 2015 karstenruppert Schreibe einen Kommentar",
    // "23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen": two
    // hypotheses.org blogs, netzpolitik.org and der-erfolg-gibt-recht.de in
    // multilingual-dev). Without the comments after it, a name there is no
    // more a name than a section is ("12. März 2020 Social Media").
    let entry_line = || {
        let seps =
            |c: char| c.is_whitespace() || matches!(c, '~' | '|' | '·' | '•' | '-' | '–' | '—');
        (top.start..top.end).find_map(|i| {
            let text = page.blocks[i].text.as_str();
            if Some(i) == roles.title || analysis.signals[i].words > 15.0 {
                return None;
            }
            let f = date::find(text, reading)?;
            if f.start > 2 {
                // The name first, then the day: "Arne Sjöström | 30.
                // Dezember 2022 | HR-Welt" (hrjournal.de), "Nike Jane –
                // 14.09.2022 – Kolumne" (thisisjanewayne.com), "Chris Davies
                // - Nov 19, 2019" (slashgear.com, dev), jaegermagazin.de,
                // theoriginalcopy.de, comoeducarseusfilhos.com.br. Two words
                // at least: one is as often a section; and only where no
                // markup names the author. A label between them is a
                // date's ("Stand:") or a word in lower case ("Jon Nitz am
                // 24. Januar", "Pressemitteilung vom …"). The publisher's
                // name there is no byline.
                let mut before = text[..f.start].trim_end_matches(seps);
                if let Some((head, last)) = before.rsplit_once(' ') {
                    let label = fold(last);
                    let lower = last.chars().next().is_some_and(char::is_lowercase);
                    if lower || lexicon::date_label(&label).is_some() {
                        before = head.trim_end_matches(seps);
                    }
                }
                let named = crate::text::words(before).count() >= 2
                    && meta.authors.is_empty()
                    && !is_publisher(before, &meta.publishers, host)
                    && !super::roles::names_the_site(before, page.blocks, meta)
                    && names_in(before, reading)
                        .first()
                        .is_some_and(|n| n == before);
                return named.then(|| (i, vec![before.to_string()]));
            }
            let mut rest = &text[f.end..];
            while let Some(g) = date::find(rest, reading).filter(|g| g.start <= 2) {
                rest = &rest[g.end..];
            }
            let rest = rest.trim_start_matches(seps);
            // The name: the first one to four words, where the comments
            // follow them.
            let mut ends = rest
                .char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .map(|(k, _)| k)
                .chain(std::iter::once(rest.len()))
                .take(4);
            ends.find_map(|e| {
                let tail = rest[e..].trim_start_matches(seps);
                let folded_tail = fold(tail);
                let comments = tail.starts_with(|c: char| c.is_ascii_digit())
                    || lexicon::phrase(tail, &folded_tail).is_some_and(|(r, m)| {
                        matches!(r, Reason::Comments | Reason::CallToAction)
                            && matches!(m, lexicon::Match::Whole | lexicon::Match::Prefix)
                    });
                let name = rest[..e].trim_end_matches(seps);
                let named = comments && names_in(name, reading).first().is_some_and(|n| n == name);
                named.then(|| (i, vec![name.to_string()]))
            })
        })
    };
    // A byline word on a line of its own and the name on the next
    // ("Auteur" / "Uriel Gadessaud", "by" / "delta201", "Autor:" / "Peter
    // Maahn": legrandcontinent.eu, royalroad.com, autohaus.de).
    let under_label = || {
        (top.start..top.end.saturating_sub(1)).find_map(|i| {
            let folded = &analysis.folded[i];
            let label = !folded.is_empty()
                && !folded.contains(' ')
                && lexicon::is(folded, lexicon::Class::BylineLabel)
                && !lexicon::is_date_between(folded);
            let next = i + 1;
            // A name of two words or more, or a handle: not a menu's
            // "Authors" over its "About".
            let named = || {
                names_in(&page.blocks[next].text, reading)
                    .first()
                    .is_some_and(|n| {
                        crate::text::words(n).count() >= 2 || n.chars().any(|c| c.is_ascii_digit())
                    })
            };
            // The names last: reading them is the dearest test.
            (label && analysis.signals[next].words <= 5.0 && !decisions[next].keep && named())
                .then_some(next)
        })
    };
    let read = |b: Option<usize>| b.map(|b| (b, names_in(&page.blocks[b].text, reading)));
    // Each candidate read only when the ones before it name no one.
    type Named = Option<(usize, Vec<String>)>;
    let candidates: [(&dyn Fn() -> Named, bool); 5] = [
        (&|| read(roles.byline), false),
        (&|| read(labelled()), false),
        (&|| read(dated()), true),
        (&entry_line, true),
        (&|| read(under_label()), true),
    ];
    for (b, names, dated) in candidates
        .into_iter()
        .filter_map(|(find, d)| find().map(|(b, names)| (b, names, d)))
    {
        // A line of capitalised words under the headline ("Key Points",
        // "Status Quo") is a byline only with a label ("By"), inside an
        // element the page marks as its byline, or with the markup's
        // name; pasted text has no markup to ask.
        // A bare line of four capitalised words or more in pasted text is
        // a row of buttons or menu items ("Share Adjust Comment Print"),
        // not names, which a label would introduce.
        let bare_row = !analysis.signals[b].byline
            && !dated
            && names.iter().any(|n| crate::text::words(n).count() >= 4);
        let credible = (page.source == super::model::Source::Text && !bare_row)
            || dated
            || analysis.signals[b].byline
            || page.blocks[b].hint(crate::blocks::hint::BYLINE) <= 3
            || credits.iter().any(|c| {
                c.names
                    .iter()
                    .any(|k| names.iter().any(|n| shares_name(k, n)))
            });
        if !names.is_empty() && credible {
            credits.insert(
                0,
                Credit {
                    party: if org(&names) {
                        Party::Organisation
                    } else {
                        Party::Unknown
                    },
                    publisher: names
                        .iter()
                        .any(|n| is_publisher(n, &meta.publishers, host)),
                    names,
                    source: MetaSource::Byline,
                    visible: true,
                    rank: 0,
                },
            );
            break;
        }
    }
    let persons: Vec<&Credit> = credits
        .iter()
        .filter(|c| c.party != Party::Organisation)
        .collect();
    let shown = persons
        .iter()
        .find(|c| c.source == MetaSource::Byline)
        .copied();
    let chosen: Option<(Vec<String>, MetaSource)> = if let Some(v) = shown {
        // The markup's spelling of the names the byline shows: "Elliot
        // Brownstein Florida Today" shows the name JSON-LD gives.
        let mut names = v.names.clone();
        // A byline block that is one item of an author list (one `<li>` a
        // name, acpjournals.org) shows one of the names that an author
        // element near the headline lists: all of them.
        if let Some(all) = persons.iter().find(|c| {
            c.visible
                && c.rank <= 2
                && c.names.len() > names.len()
                && c.names
                    .iter()
                    .all(|k| reads_as_person(k) && crate::text::words(k).count() >= 2)
                && names
                    .iter()
                    .all(|n| c.names.iter().any(|k| shares_name(k, n)))
        }) {
            names = all.names.clone();
        }
        for n in &mut names {
            let shown_tokens = tokens(n);
            if let Some(better) = persons
                .iter()
                .filter(|c| c.source != MetaSource::Byline)
                .flat_map(|c| c.names.iter())
                .find(|k| {
                    let t = tokens(k);
                    t.len() >= 2
                        && t.len() < shown_tokens.len()
                        && t.iter().all(|x| shown_tokens.contains(x))
                })
            {
                *n = better.clone();
            }
        }
        Some((names, MetaSource::Byline))
    } else {
        persons
            .iter()
            .min_by_key(|c| c.rank)
            .map(|c| (c.names.clone(), c.source))
    };
    let chosen = chosen.or_else(|| {
        // No person: an organisation the page shows as its byline (an
        // agency, a newsroom): the byline, or an author element that is
        // not the publisher's own name. The publisher that author markup
        // names is no byline.
        credits
            .iter()
            .filter(|c| {
                c.party == Party::Organisation
                    && (c.source == MetaSource::Byline || (c.visible && !c.publisher))
            })
            .min_by_key(|c| c.rank)
            .map(|c| (c.names.clone(), c.source))
    });
    if let Some((names, source)) = chosen {
        m.byline = Some(join_names(&names));
        m.authors = names;
        m.sources.byline = Some(source);
    }
    // An organisation only markup credits is the publisher.
    if m.site_name.is_none() {
        if let Some(c) = credits
            .iter()
            .find(|c| c.party == Party::Organisation && !c.visible)
        {
            m.site_name = c.names.first().cloned();
            m.sources.site_name = Some(c.source);
        }
    }
}

/// Whether two names share a surname-like word (of three letters or more).
fn shares_name(a: &str, b: &str) -> bool {
    let tb = tokens(b);
    tokens(a)
        .iter()
        .any(|t| t.chars().count() >= 3 && tb.contains(t))
}

fn tokens(name: &str) -> Vec<String> {
    fold(name).split(' ').map(str::to_string).collect()
}

/// The names for display, in any language: "A, B, C".
fn join_names(names: &[String]) -> String {
    names.join(", ")
}

/// An author fact as a credit, its names cleaned; `None` when it names
/// no one or sits where another story's author would.
fn credit_of(
    fact: &AuthorFact,
    top: &Top,
    reading: &Reading,
    (publishers, host): (&[String], Option<&str>),
    org: &dyn Fn(&[String]) -> bool,
) -> Option<Credit> {
    if fact.remote {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    for raw in &fact.names {
        for n in names_in(raw, reading) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    if names.is_empty() {
        return None;
    }
    let near = top.holds(fact.node);
    // A page that types its author as a Person means it, even where the
    // person's blog bears their name ("happyface313" on Happyface313).
    let party = if fact.party == Party::Organisation
        || (fact.party == Party::Person && names.iter().any(|n| names_an_organisation(n)))
        || (fact.party != Party::Person && org(&names))
    {
        Party::Organisation
    } else {
        fact.party
    };
    // Meta tags often hold the publisher or a system account: only a
    // name that reads as a person's, of two words or more.
    if fact.weak
        && !names
            .iter()
            .all(|n| reads_as_person(n) && crate::text::words(n).count() >= 2)
    {
        return None;
    }
    let rank = match (fact.source, party) {
        // A "Person" by the site's own name: the last resort.
        _ if party == Party::Person && org(&names) => 8,
        (MetaSource::JsonLd, Party::Person) => 1,
        (MetaSource::Microdata, _) if near => 1,
        (MetaSource::AuthorLink, _) if near => 2,
        (MetaSource::Microdata, _) => 3,
        (MetaSource::JsonLd, _) => 4,
        (MetaSource::Meta, _) if !fact.weak => 5,
        (MetaSource::AuthorLink, _) => 6,
        _ => 7,
    };
    Some(Credit {
        publisher: names.iter().any(|n| is_publisher(n, publishers, host)),
        names,
        source: fact.source,
        party,
        visible: fact.node.is_some(),
        rank,
    })
}

/// A date candidate, read.
#[derive(Clone, Copy, Debug)]
struct Dated {
    stamp: Stamp,
    /// The other reading of a shown date whose day and month could swap.
    swapped: Option<Stamp>,
    source: MetaSource,
    role: DateRole,
    /// Shown with the article (a dateline near the headline).
    shown: bool,
    /// A shown date no label, byline or date block vouches for: a short
    /// line near the headline that holds one.
    loose: bool,
    near: bool,
}

fn dates(
    page: &Page,
    analysis: &Analysis,
    decisions: &[Decision],
    roles: &Roles,
    top: &Top,
    reading: &Reading,
    m: &mut Metadata,
) {
    let meta = page.meta;
    let mut all: Vec<Dated> = Vec::new();
    for fact in &meta.dates {
        if let Some(d) = dated_fact(fact, top, reading) {
            all.push(d);
        }
    }
    // Datelines shown with the article, best first: a date a label calls
    // the publication's near the headline; the block taken as the date;
    // the byline (which often ends with the date); a labelled date a little
    // further down ("Veröffentlicht am 16.08.2019 / Dauer: 1 Stunde");
    // a short line around the headline that is mostly a date.
    let blocks = page.blocks;
    let wide_end = (top.end + 30).min(blocks.len());
    let mut lines: Vec<(u8, usize, Dated)> = Vec::new();
    let mut prose_seen = false;
    for i in top.start..wide_end {
        let s = &analysis.signals[i];
        if Some(i) == roles.title {
            if let Some(f) = headline_date(&blocks[i].text, reading) {
                lines.push((1, i, dateline(&f, true)));
            }
            continue;
        }
        if decisions[i].reason == Some(crate::codes::Reason::Comments)
            || blocks[i].has_landmark(crate::blocks::landmark::HIDDEN)
        {
            continue;
        }
        if s.words > 25.0 {
            // The first paragraph after the headline may open with the
            // dateline, as agencies and press offices write it; a long
            // standfirst set as a heading comes before it (l-mag.de).
            let after_title = roles.title.is_none_or(|t| i > t);
            let standfirst = blocks[i].kind == crate::blocks::Kind::Heading;
            if !prose_seen && after_title && !standfirst {
                prose_seen = true;
                if let Some(f) = opening_dateline(&blocks[i].text, reading) {
                    lines.push((3, i, dateline(&f, i < top.end)));
                }
            }
            continue;
        }
        let text = &blocks[i].text;
        let found = date::find_all(text, reading, 3);
        // A list of dates ("Termine: 3. Mai, 10. Mai …") dates no article.
        if found.is_empty() || found.len() > 2 {
            continue;
        }
        // Of two dates in a line, the published and the revised one
        // ("29. Dezember 202230. Dezember 2022", hrjournal.de), the one the
        // markup gives as the publication's.
        let f = found
            .iter()
            .find(|f| {
                all.iter().any(|d| {
                    !d.shown
                        && d.role == DateRole::Published
                        && d.stamp.day_number() == f.stamp.day_number()
                })
            })
            .unwrap_or(&found[0]);
        let label = label_before(&text[..f.start]);
        let near = i < top.end;
        let rest = crate::text::words(&text[..f.start]).count()
            + crate::text::words(&text[f.end..]).count();
        let rank = match label {
            Some(DateRole::Published) if near => 0,
            _ if Some(i) == roles.date => 1,
            _ if Some(i) == roles.byline => 2,
            Some(_) => 3,
            None if near && rest <= 8 => 4,
            None => continue,
        };
        lines.push((
            rank,
            i,
            Dated {
                stamp: f.stamp,
                swapped: f.swapped(),
                source: MetaSource::Dateline,
                role: label.unwrap_or(DateRole::Unknown),
                shown: true,
                loose: rank == 4,
                near,
            },
        ));
    }
    // A paste has no markup to date it: when nothing around the headline
    // does, a line that is a date and no more, a little above it with no
    // prose between, is the article's, above its share buttons or its
    // kicker (pcmag.com, latimes.com, ekd.de, autohaus.de, wordsmith.org and
    // nine more sites of multilingual-dev; two wrong days, furche.at and
    // handwerksblatt.de).
    if lines.is_empty() && page.source == super::model::Source::Text {
        let from = top.start.saturating_sub(15);
        for i in (from..top.start).rev() {
            let s = &analysis.signals[i];
            if s.words > 20.0 {
                break;
            }
            if !s.date || decisions[i].reason == Some(crate::codes::Reason::Comments) {
                continue;
            }
            let found = date::find_all(&blocks[i].text, reading, 2);
            if let [f] = found.as_slice() {
                lines.push((
                    5,
                    i,
                    Dated {
                        loose: true,
                        ..dateline(f, false)
                    },
                ));
                break;
            }
        }
    }
    crate::text::sort_by(&mut lines, |a, b| (a.0, a.1) < (b.0, b.1));
    all.extend(lines.into_iter().map(|(_, _, d)| d));
    // The page's offset from UTC, where any value states one.
    let page_offset = all
        .iter()
        .filter(|d| !d.shown)
        .filter_map(|d| d.stamp.offset)
        .find(|&o| o != 0);
    let local = |s: Stamp| match (s.offset, page_offset) {
        (Some(0), Some(o)) => s.at_offset(o),
        _ => s,
    };
    let structured = |role: DateRole| {
        all.iter().filter(move |d| {
            d.role == role
                && matches!(
                    d.source,
                    MetaSource::JsonLd | MetaSource::Meta | MetaSource::Microdata
                )
        })
    };
    // The shown date, settled by structured values where its order is in
    // doubt.
    let shown_published = all
        .iter()
        .filter(|d| d.shown && d.role != DateRole::Modified)
        .map(|d| {
            let mut d = *d;
            if let Some(sw) = d.swapped {
                if all
                    .iter()
                    .any(|o| !o.shown && local(o.stamp).day_number() == sw.day_number())
                {
                    d.stamp = sw;
                }
            }
            d
        })
        .next();
    let published = pick(&all, DateRole::Published, shown_published, &local);
    if let Some((stamp, source)) = published {
        m.published = Some(stamp.iso());
        m.sources.published = Some(source);
    }
    let shown_modified = all
        .iter()
        .find(|d| d.shown && d.role == DateRole::Modified)
        .copied();
    let modified =
        structured(DateRole::Modified)
            .chain(all.iter().filter(|d| {
                d.role == DateRole::Modified && d.source == MetaSource::Time && !d.shown
            }))
            .next()
            .map(|d| (local(d.stamp), d.source))
            .or_else(|| shown_modified.map(|d| (d.stamp, d.source)));
    if let Some((stamp, source)) = modified {
        m.modified = Some(stamp.iso());
        m.sources.modified = Some(source);
    }
}

/// The published date: the shown one, in the most precise form a
/// structured value of the same day (or of a UTC day one off it) gives;
/// else structured data, `<time>` and date elements near the headline, the
/// address.
fn pick(
    all: &[Dated],
    role: DateRole,
    shown: Option<Dated>,
    local: &dyn Fn(Stamp) -> Stamp,
) -> Option<(Stamp, MetaSource)> {
    let precise = |d: &Dated| !d.shown && d.stamp.time.is_some();
    let markup_rank = |d: &Dated| match d.source {
        MetaSource::JsonLd => 0,
        MetaSource::Meta => 1,
        MetaSource::Microdata => 2,
        MetaSource::Time if d.near => 3,
        MetaSource::Dateline if d.near => 4,
        MetaSource::Time if d.role == role => 5,
        MetaSource::Url => 6,
        // A <time> far from the headline that says not what it dates:
        // only when nothing else dates the page.
        MetaSource::Time => 7,
        _ => 8,
    };
    let markup: Vec<&Dated> = all
        .iter()
        .filter(|d| {
            !d.shown
                && (d.role == role
                    || (d.role == DateRole::Unknown
                        && matches!(d.source, MetaSource::Time | MetaSource::Dateline)))
        })
        .filter(|d| markup_rank(d) < 8)
        .collect();
    // By rank, then in page order: the standard library's stable sort
    // would add its own 2 KB of code to the wasm for this one list.
    let mut ranked: Vec<(u8, usize, &Dated)> = markup
        .into_iter()
        .enumerate()
        .map(|(i, d)| (markup_rank(d), i, d))
        .collect();
    crate::text::sort_by(&mut ranked, |a, b| (a.0, a.1) < (b.0, b.1));
    let markup: Vec<&Dated> = ranked.into_iter().map(|(_, _, d)| d).collect();
    if let Some(s) = shown {
        let day = s.stamp.day_number();
        // The same day, with its time and offset.
        if let Some(d) = markup
            .iter()
            .filter(|d| precise(d))
            .find(|d| local(d.stamp).day_number() == day)
        {
            return Some((local(d.stamp), d.source));
        }
        // A UTC stamp a day off: the page's local day, with the shown time
        // where there is one.
        if let Some(d) = markup
            .iter()
            .filter(|d| precise(d))
            .find(|d| d.stamp.offset == Some(0) && (local(d.stamp).day_number() - day).abs() == 1)
        {
            if let (Some(shown_time), Some(instant)) = (s.stamp.time, d.stamp.instant()) {
                let shown_local =
                    i64::from(day) * 1440 + i64::from(shown_time.0) * 60 + i64::from(shown_time.1);
                let offset = shown_local - instant;
                if offset.abs() <= 14 * 60 && offset % 15 == 0 {
                    return Some((d.stamp.at_offset(offset as i16), MetaSource::Dateline));
                }
            }
            return Some((s.stamp, MetaSource::Dateline));
        }
        // A loose line's date (a teaser's, an event's) yields to the
        // structured data's.
        let structured = markup.iter().find(|d| {
            matches!(
                d.source,
                MetaSource::JsonLd | MetaSource::Meta | MetaSource::Microdata
            )
        });
        // Unless the markup gives the same day: a `<time
        // itemprop=datePublished>` without a time (martinruetter.com), the
        // revision a page shows as its date (angelmagazin.de).
        let vouched = all
            .iter()
            .any(|o| !o.shown && local(o.stamp).day_number() == day);
        if let (true, false, Some(d)) = (s.loose, vouched, structured) {
            return Some((local(d.stamp), d.source));
        }
        return Some((s.stamp, s.source));
    }
    markup.first().map(|d| (local(d.stamp), d.source))
}

fn dated_fact(fact: &DateFact, top: &Top, reading: &Reading) -> Option<Dated> {
    if fact.remote {
        return None;
    }
    let near = top.holds(fact.node);
    let stamp = match fact.source {
        // A date element's text: a date in it, and what labels it.
        MetaSource::Dateline => {
            if !near {
                return None;
            }
            let f = date::find(&fact.value, reading)?;
            let role = label_before(&fact.value[..f.start]).unwrap_or(fact.role);
            return Some(Dated {
                stamp: f.stamp,
                swapped: f.swapped(),
                source: fact.source,
                role,
                shown: false,
                loose: false,
                near,
            });
        }
        _ => date::parse_value(
            &fact.value,
            &Reading {
                month_first: false,
                ..*reading
            },
        )?,
    };
    Some(Dated {
        stamp,
        swapped: None,
        source: fact.source,
        role: fact.role,
        shown: false,
        loose: false,
        near,
    })
}

/// What the words just before a date say it is ("Veröffentlicht am",
/// "Updated:", "Mis à jour le"): the last six words, read for the labels
/// of `data/meta/date-labels.txt`, a change's label winning.
fn label_before(before: &str) -> Option<DateRole> {
    let f = fold(before);
    let ws: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    let from = ws.len().saturating_sub(6);
    let mut found = None;
    for k in from..ws.len() {
        for n in [3, 2, 1] {
            if k + n > ws.len() {
                continue;
            }
            match lexicon::date_label(&ws[k..k + n].join(" ")) {
                Some(lexicon::DateLabel::Modified) => return Some(DateRole::Modified),
                Some(lexicon::DateLabel::Published) => found = Some(DateRole::Published),
                None => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_joined_for_display() {
        let n = |v: &[&str]| join_names(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(n(&["A"]), "A");
        assert_eq!(n(&["A", "B", "C"]), "A, B, C");
    }

    #[test]
    fn kickers_and_dates_glued_to_headlines_are_left_out() {
        let r = Reading::for_lang(Some("de"));
        assert_eq!(
            tidy_headline(
                "Grenzschließungen Deutschland, Frankreich und die Rückkehr der Ressentiments",
                Some("Deutschland, Frankreich und die Rückkehr der Ressentiments"),
                &r
            ),
            "Deutschland, Frankreich und die Rückkehr der Ressentiments"
        );
        assert_eq!(
            tidy_headline(
                "08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance",
                None,
                &r
            ),
            "Online-Fachtag zum Intersex Day of Remembrance"
        );
        assert_eq!(
            tidy_headline("Schnee im Mai", Some("Schnee im Mai"), &r),
            "Schnee im Mai"
        );
    }

    #[test]
    fn a_byline_on_a_line_of_the_headline_and_a_separator_left_by_a_kicker_are_left_out() {
        let r = Reading::for_lang(Some("en"));
        assert_eq!(
            tidy_headline(
                "Struggle to contain WA bushfire\nBy Liza Kappelle and Nicolas Perpitch",
                None,
                &r
            ),
            "Struggle to contain WA bushfire"
        );
        // A line that only starts with a byline word is the headline's.
        assert_eq!(
            tidy_headline("Stand by me\nby the river at night", None, &r),
            "Stand by me\nby the river at night"
        );
        assert_eq!(
            tidy_headline(" : Aviation lifts off after the pandemic", None, &r),
            "Aviation lifts off after the pandemic"
        );
    }

    #[test]
    fn datelines_open_a_line_of_the_headline_or_the_first_paragraph() {
        let r = Reading::for_lang(Some("de"));
        let shown =
            "Zuschauerrückkehr bei den Proficlubs der Region\n02.02.2022 • HVW-Verband , Presse";
        assert_eq!(
            tidy_headline(shown, None, &r),
            "Zuschauerrückkehr bei den Proficlubs der Region"
        );
        assert_eq!(
            headline_date(shown, &r).map(|f| f.stamp.iso()).as_deref(),
            Some("2022-02-02")
        );
        let before = "08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance";
        assert_eq!(
            headline_date(before, &r).map(|f| f.stamp.iso()).as_deref(),
            Some("2021-11-08")
        );
        assert_eq!(
            opening_dateline(
                "Wien, 14. Dezember 2021 – Aufgrund der steigenden Technologisierung",
                &r
            )
            .map(|f| f.stamp.iso())
            .as_deref(),
            Some("2021-12-14")
        );
        assert!(opening_dateline(
            "Seit dem Sommer hat die Stadt am 3. Mai 2021 – so der Rat – beschlossen",
            &r
        )
        .is_none());
        // A date inside the headline's sentence is no dateline.
        assert!(headline_date("Was sich am 1. März 2024 für Mieter ändert", &r).is_none());
    }
}
