//! One test per folder of `tests/fixtures/`: the input (`input.txt` or
//! `input.html`) must clean to `expected.txt` exactly, with the metadata and
//! blocks `expected.json` gives (every metadata field stated, null where
//! there is none; a true value the cleaner does not reach yet under
//! `pending`), and none of its `not_in_article` strings anywhere in the
//! article or its metadata. Figures (pictures with their captions)
//! are not part of the text: plain text leaves them out, and so do these
//! comparisons.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use article_cleaner::{clean, render_text, Article, InputKind, Options};
use serde_json::Value;

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(name: &str) -> (Article, Value) {
    let d = dir(name);
    let (input, kind) = if d.join("input.html").exists() {
        (
            std::fs::read_to_string(d.join("input.html")).unwrap(),
            InputKind::Html,
        )
    } else {
        (
            std::fs::read_to_string(d.join("input.txt")).unwrap(),
            InputKind::Text,
        )
    };
    let article = clean(&input, &Options::default()).unwrap();
    assert_eq!(article.input_kind, kind, "{name}: input kind detected");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("expected.json")).unwrap()).unwrap();
    (article, expected)
}

fn check_text(name: &str) {
    let (article, _) = run(name);
    let expected = std::fs::read_to_string(dir(name).join("expected.txt")).unwrap();
    let got = render_text(&article);
    if got != expected {
        panic!(
            "{name}: text output differs from expected.txt\n--- got ---\n{got}\n--- explain ---\n{}",
            article
                .removed
                .iter()
                .map(|r| format!("{:>4} {:<16} {}", r.block.source.line, r.reason.code(), r.block.text))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Every metadata field of the article's JSON. `expected.json` states each
/// one (null, or `[]` for authors, where the input has none), so that a
/// value the cleaner invents fails as surely as one it misses.
const METADATA: [&str; 9] = [
    "title",
    "byline",
    "authors",
    "published",
    "modified",
    "section",
    "siteName",
    "lang",
    "lead",
];

fn check_metadata(name: &str) {
    let (article, expected) = run(name);
    let got: Value = serde_json::from_str(&article_cleaner::render_json(&article)).unwrap();
    let pending = expected.get("pending").and_then(Value::as_object);
    for field in METADATA {
        let stated = expected.get(field);
        let pending = pending.and_then(|p| p.get(field));
        match (stated, pending) {
            (Some(want), None) => assert_eq!(got.get(field), Some(want), "{name}: {field}"),
            // The true value, which the cleaner does not give yet: the test
            // holds the truth, and says so when the cleaner reaches it.
            (None, Some(truth)) => assert_ne!(
                got.get(field),
                Some(truth),
                "{name}: {field} is now right: move it from \"pending\" into the fields of expected.json"
            ),
            (Some(_), Some(_)) => panic!("{name}: {field} is both stated and pending"),
            (None, None) => panic!(
                "{name}: expected.json must state {field} (null where the input has none)"
            ),
        }
    }
    if let Some(blocks) = expected.get("blocks").and_then(Value::as_array) {
        let got_blocks: Vec<(String, String)> = text_blocks(&article)
            .map(|b| (b.kind.code().to_string(), b.text.clone()))
            .collect();
        let want: Vec<(String, String)> = blocks
            .iter()
            .map(|b| {
                (
                    b["kind"].as_str().unwrap().to_string(),
                    b["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(got_blocks, want, "{name}: blocks");
    }
}

fn text_blocks(article: &Article) -> impl Iterator<Item = &article_cleaner::ArticleBlock> {
    article
        .blocks
        .iter()
        .filter(|b| b.kind != article_cleaner::BlockKind::Figure)
}

/// `not_in_article` strings may appear nowhere in the article: body or
/// metadata. `not_in_body` strings belong to the metadata (the byline, say)
/// and may appear there only.
fn check_not_in_article(name: &str) {
    let (article, expected) = run(name);
    // Fields under `pending` are known to be wrong, and checked there.
    let got: Value = serde_json::from_str(&article_cleaner::render_json(&article)).unwrap();
    let pending = expected.get("pending").and_then(Value::as_object);
    let metadata: Vec<String> = METADATA
        .into_iter()
        .filter(|f| !pending.is_some_and(|p| p.contains_key(*f)))
        .flat_map(|f| match &got[f] {
            Value::String(s) => vec![s.clone()],
            Value::Array(names) => names
                .iter()
                .filter_map(|n| n.as_str().map(String::from))
                .collect(),
            _ => vec![],
        })
        .collect();
    let body: Vec<String> = text_blocks(&article).map(|b| b.text.clone()).collect();
    let body = [article.title.clone(), article.lead.clone()]
        .into_iter()
        .flatten()
        .chain(body)
        .collect::<Vec<_>>()
        .join("\n");
    let everything = body.clone() + "\n" + &metadata.join("\n");
    let listed = |key: &str| {
        expected[key]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| s.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    for s in listed("not_in_article") {
        assert!(
            !everything.contains(&s),
            "{name}: {s:?} is in the article or its metadata"
        );
    }
    for s in listed("not_in_body") {
        assert!(!body.contains(&s), "{name}: {s:?} is in the article's body");
    }
}

macro_rules! fixtures {
    ($($module:ident => $name:literal),* $(,)?) => {
        $(
            mod $module {
                #[test]
                fn text_output_equals_expected_txt() {
                    super::check_text($name);
                }
                #[test]
                fn metadata_and_blocks_match_expected_json() {
                    super::check_metadata($name);
                }
                #[test]
                fn nothing_listed_as_not_in_article_appears() {
                    super::check_not_in_article($name);
                }
            }
        )*
        const LISTED: &[&str] = &[$($name),*];
    };
}

fixtures! {
    ar_news_hafilat_kahrabaiya => "ar-news-hafilat-kahrabaiya",
    cs_product_trekove_hole => "cs-product-trekove-hole",
    de_blog_author_box => "de-blog-author-box",
    de_blog_gespeichert_von => "de-blog-gespeichert-von",
    de_blog_replies_after_a_comment_count_are_comments => "de-blog-kommentare-nach-zaehler",
    de_blog_theme_sagt_englisch => "de-blog-theme-sagt-englisch",
    de_forum_sauerteig_inaktiv => "de-forum-sauerteig-inaktiv",
    de_news_a_kicker_inside_the_headline_is_no_part_of_the_title => "de-news-dachzeile-im-titel",
    de_news_datum_in_der_adresse => "de-news-datum-in-der-adresse",
    de_news_seite_in_einem_formular => "de-news-seite-in-einem-formular",
    de_news_vorspann_unter_dem_foto => "de-news-vorspann-unter-dem-foto",
    de_rezept_zutaten_unter_ueberschrift => "de-rezept-zutaten-unter-ueberschrift",
    de_text_a_dateline_under_the_headline_is_not_the_title => "de-text-datumszeile-unter-dem-titel",
    de_text_the_name_between_day_and_comments_link_is_the_author => "de-text-eintragszeile-mit-autor",
    de_text_kommentare_mit_zeitstempel => "de-text-kommentare-mit-zeitstempel",
    de_text_kommentare_vor_stunden_enden_den_artikel => "de-text-kommentare-vor-stunden",
    de_text_a_labelled_byline_wins_over_a_line_that_looks_like_a_name => "de-text-rubrik-ueber-der-autorzeile",
    de_text_tabelle_als_artikel => "de-text-tabelle-als-artikel",
    de_text_a_title_sharing_no_word_with_the_body_is_still_the_title => "de-text-titel-ohne-gemeinsame-woerter",
    de_text_titel_steht_ueber_der_bildunterschrift => "de-text-titel-ueber-bildunterschrift",
    el_news_limani_volou => "el-news-limani-volou",
    en_blog_byline_with_section => "en-blog-byline-with-section",
    en_blog_comments_after_post => "en-blog-comments-after-post",
    en_blog_related_excerpts => "en-blog-related-excerpts",
    en_news_bus_fare_zones => "en-news-bus-fare-zones",
    en_news_link_list_in_body => "en-news-link-list-in-body",
    en_news_related_box_in_text => "en-news-related-box-in-text",
    en_news_short_article_in_line_breaks => "en-news-short-article-in-line-breaks",
    en_news_teasers_above_article => "en-news-teasers-above-article",
    en_text_a_byline_above_the_body_names_the_author_without_a_headline => "en-text-byline-without-headline",
    en_text_comment_thread_ends_at_the_first_stamped_reply => "en-text-comment-thread",
    en_text_replies_dated_in_numbers_are_comments => "en-text-comments-dated-in-numbers",
    en_text_replies_stamped_without_a_year_are_comments => "en-text-comments-stamped-without-year",
    en_text_replies_under_a_count_of_comments_are_comments => "en-text-comments-under-a-count",
    en_text_a_numbered_item_under_the_headline_is_no_byline => "en-text-numbered-item-under-headline",
    en_text_related_excerpts => "en-text-related-excerpts",
    en_wiki_formula_in_sentence => "en-wiki-formula-in-sentence",
    es_blog_comentarista_no_es_autor => "es-blog-comentarista-no-es-autor",
    es_news_firma_con_usuario => "es-news-firma-con-usuario",
    es_news_nota_breve => "es-news-nota-breve",
    es_news_titulares_antes_del_titulo => "es-news-titulares-antes-del-titulo",
    es_recipe_tortilla_patatas => "es-recipe-tortilla-patatas",
    es_text_el_titular_va_antes_del_pie_de_foto => "es-text-titular-sobre-pie-de-foto",
    fr_blog_billet_commente => "fr-blog-billet-commente",
    fr_news_auteur_sous_le_titre => "fr-news-auteur-sous-le-titre",
    fr_news_dates_de_tournee => "fr-news-dates-de-tournee",
    fr_news_greve_transports => "fr-news-greve-transports",
    fr_text_commentaires_dates_sans_annee_sont_des_commentaires => "fr-text-commentaires-dates-sans-annee",
    fr_text_a_teaser_box_shown_twice_is_not_the_article => "fr-text-encadre-repete",
    fr_text_dates_collees => "fr-text-dates-collees",
    fr_text_piscine_signee => "fr-text-piscine-signee",
    heute_kasachstan => "heute-kasachstan",
    hi_news_varsha_jal_sanchayan => "hi-news-varsha-jal-sanchayan",
    it_news_biblioteca_serale => "it-news-biblioteca-serale",
    it_news_descrizione_ripetuta => "it-news-descrizione-ripetuta",
    it_text_autore_su_riga_propria => "it-text-autore-su-riga-propria",
    it_text_a_breadcrumb_trail_on_the_headline_is_not_the_title => "it-text-briciole-nel-titolo",
    it_text_a_shop_address_under_each_item_belongs_to_the_list => "it-text-offerte-con-link",
    ja_news_furigana => "ja-news-furigana",
    ja_news_jido_unten_bus => "ja-news-jido-unten-bus",
    ko_blog_dullegil_hugi => "ko-blog-dullegil-hugi",
    nl_news_fietsenstalling_station => "nl-news-fietsenstalling-station",
    nl_text_datumregel_met_auteur => "nl-text-datumregel-met-auteur",
    pl_forum_wilgoc_lazienka => "pl-forum-wilgoc-lazienka",
    pl_news_autor_tylko_w_ukrytym_znaczniku => "pl-news-autor-tylko-w-ukrytym-znaczniku",
    pl_news_bajt_nul => "pl-news-bajt-nul",
    pl_news_fotograf_nad_autorem => "pl-news-fotograf-nad-autorem",
    pt_blog_horta_varanda => "pt-blog-horta-varanda",
    pt_text_two_names_before_the_day_are_the_author => "pt-text-autora-antes-da-data",
    pt_text_data_acima_dos_botoes_e_a_do_artigo => "pt-text-data-acima-dos-botoes",
    pt_text_nota_curta => "pt-text-nota-curta",
    ru_news_vodonapornaya_bashnya => "ru-news-vodonapornaya-bashnya",
    sv_news_mobilfria_skolor => "sv-news-mobilfria-skolor",
    tr_product_caydanlik_takimi => "tr-product-caydanlik-takimi",
    uk_news_dytyacha_biblioteka => "uk-news-dytyacha-biblioteka",
    zh_news_shequ_gongjiao => "zh-news-shequ-gongjiao",
}

#[test]
fn every_fixture_folder_is_listed() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "list every folder of tests/fixtures in the fixtures! macro"
    );
}
