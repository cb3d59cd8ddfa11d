//! html5ever's named character references come from our patched web_atoms
//! (vendor/web_atoms): a sorted list searched by halves instead of
//! upstream's hash map of every name and every prefix of one. The
//! tokenizer asks it one character at a time, so it must answer exactly as
//! that map did: a name's code points, `(0, 0)` for a proper prefix of a
//! name (and for ""), nothing otherwise.

use std::collections::BTreeMap;

use html5ever::data::NAMED_ENTITIES as TABLE;

mod upstream {
    // The list upstream builds its map from, as it ships it.
    include!("../vendor/web_atoms/entities.rs");
}

/// Upstream's map, rebuilt as its build.rs builds it.
fn upstream_map() -> BTreeMap<&'static str, (u32, u32)> {
    let mut map: BTreeMap<&str, (u32, u32)> = upstream::NAMED_ENTITIES
        .iter()
        .map(|&(name, a, b)| (&name[1..], (a, b)))
        .collect();
    for key in map.keys().copied().collect::<Vec<_>>() {
        for n in 1..key.len() {
            map.entry(&key[..n]).or_insert((0, 0));
        }
    }
    map.insert("", (0, 0));
    map
}

#[test]
fn every_name_and_prefix_answers_as_upstream() {
    let map = upstream_map();
    assert!(map.len() > 9000, "{} keys", map.len());
    for (key, value) in &map {
        assert_eq!(TABLE.get(key), Some(value), "{key:?}");
    }
}

#[test]
fn what_no_name_starts_with_finds_nothing() {
    let map = upstream_map();
    // Every key with one more character, a key or not, and strings
    // that sort before, between and after the names.
    let mut probes = vec![
        "\0",
        " ",
        "0",
        "A0",
        "ampx",
        "amp;;",
        "zzzz",
        "~",
        "é",
        "amp\u{e9}",
        "Z",
        "zwnj;x",
    ];
    let extended: Vec<String> = map
        .keys()
        .flat_map(|k| ['\0', ';', 'A', 'Z', 'a', 'q', 'z', '~', 'é'].map(|c| format!("{k}{c}")))
        .collect();
    probes.extend(extended.iter().map(String::as_str));
    for probe in probes {
        assert_eq!(TABLE.get(probe), map.get(probe), "{probe:?}");
    }
}

#[test]
fn the_tokenizer_decodes_references_as_before() {
    use article_cleaner::{clean, Options};
    let html = "<html><head><title>T</title></head><body><article><p>Fish &amp; chips \
        &notit; &notin; &ampx &amp cost &pound;5 &frac12; &NotEqualTilde; &AElig &bogus; \
        at the harbour, where the boats come in every morning before the sun rises over the hills.</p>\
        <p>The second paragraph says more about the harbour and the fish that the boats bring in, \
        so that there is an article here to keep.</p></article></body></html>";
    let article = clean(html, &Options::default()).unwrap();
    let text = &article.blocks[0].text;
    assert!(
        text.starts_with(
            "Fish & chips ¬it; ∉ &x & cost £5 ½ \u{2242}\u{338} Æ &bogus; at the harbour"
        ),
        "{text:?}"
    );
}
