//! The article's metadata: what the page says about itself (its `<head>`:
//! meta tags, JSON-LD) reconciled with what the article shows (its
//! headline, byline, dateline and section label), each field with where
//! it was found.

use super::roles::Roles;
use super::Page;
use crate::codes::{MetaSource, Sources};
use crate::lexicon::{self, Class};
use crate::text::{after_label, fold};

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

pub fn reconcile(page: &Page, roles: &Roles) -> Metadata {
    let (meta, blocks) = (page.meta, page.blocks);
    let mut m = Metadata {
        site_name: meta.site_name.clone(),
        section: meta.section.clone(),
        published: meta.published.clone(),
        byline: meta.author.clone(),
        sources: meta.sources.clone(),
        ..Metadata::default()
    };
    m.sources.title = None;
    m.sources.lang = None;
    if let Some(t) = roles.title {
        m.title = Some(blocks[t].text.clone());
        m.sources.title = Some(MetaSource::Heading);
    } else if let Some((t, source)) = meta.story_title_with_source() {
        m.title = Some(t);
        m.sources.title = Some(source);
    }
    if let (None, Some(s)) = (&m.section, roles.section) {
        m.section = Some(blocks[s].text.clone());
        m.sources.section = Some(MetaSource::SectionLabel);
    }
    if let (None, Some(b)) = (&m.byline, roles.byline) {
        m.byline = Some(strip_byline_label(&blocks[b].text));
        m.sources.byline = Some(MetaSource::Byline);
    }
    if let (None, Some(d)) = (&m.published, roles.date) {
        m.published = Some(without_date_label(&blocks[d].text).to_string());
        m.sources.published = Some(MetaSource::Dateline);
    }
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
    m.authors = m.byline.iter().cloned().collect();
    m
}

/// "Publié le 14 octobre 2024" as "14 octobre 2024": the words before the
/// date that only say it is one.
fn without_date_label(line: &str) -> &str {
    let labels = |k: &str| lexicon::is(k, Class::DateLabel);
    let mut rest = line.trim();
    while let Some((_, after)) = after_label(rest, &fold(rest), labels, 3) {
        rest = after.trim_start();
    }
    if rest.is_empty() {
        line.trim()
    } else {
        rest
    }
}
/// "By Jane Doe" -> "Jane Doe".
fn strip_byline_label(text: &str) -> String {
    let t = text.trim();
    if let Some((first, rest)) = t.split_once(char::is_whitespace) {
        if lexicon::is(&fold(first), Class::BylineLabel) {
            return rest.trim_start_matches([':', ' ']).trim().to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_labels_are_left_out_of_the_date() {
        assert_eq!(
            without_date_label("Publié le 14 octobre 2024 à 09h12"),
            "14 octobre 2024 à 09h12"
        );
        assert_eq!(
            without_date_label("Updated: Nov. 18, 2019"),
            "Nov. 18, 2019"
        );
        assert_eq!(without_date_label("Last updated 3 May 2024"), "3 May 2024");
        assert_eq!(
            without_date_label("Veröffentlicht am 12.03.2024"),
            "12.03.2024"
        );
        assert_eq!(without_date_label("Mis à jour le 3 mai 2024"), "3 mai 2024");
        assert_eq!(without_date_label("June 3, 2024"), "June 3, 2024");
    }

    #[test]
    fn byline_labels_are_stripped() {
        assert_eq!(strip_byline_label("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_byline_label("Von: Max Muster"), "Max Muster");
        assert_eq!(strip_byline_label("Jane Doe"), "Jane Doe");
    }
}
