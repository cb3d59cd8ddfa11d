// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

extern crate string_cache_codegen;

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

mod entities;

static NAMESPACES: &[(&str, &str)] = &[
    ("", ""),
    ("*", "*"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("xmlns", "http://www.w3.org/2000/xmlns/"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("svg", "http://www.w3.org/2000/svg"),
    ("mathml", "http://www.w3.org/1998/Math/MathML"),
];

fn main() {
    let generated = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    let mut generated = BufWriter::new(File::create(generated).unwrap());

    named_entities_to_tables(&Path::new(&env::var("OUT_DIR").unwrap()).join("named_entities.rs"));

    // Create a string cache for local names
    let local_names = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("local_names.txt");
    let mut local_names_atom = string_cache_codegen::AtomType::new("LocalName", "local_name!");
    for line in BufReader::new(File::open(local_names).unwrap()).lines() {
        let local_name = line.unwrap();
        local_names_atom.atom(&local_name);
        local_names_atom.atom(&local_name.to_ascii_lowercase());
    }
    local_names_atom
        .with_macro_doc("Takes a local name as a string and returns its key in the string cache.")
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace prefixes
    string_cache_codegen::AtomType::new("Prefix", "namespace_prefix!")
        .with_macro_doc("Takes a namespace prefix string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(prefix, _url)| prefix))
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace urls
    string_cache_codegen::AtomType::new("Namespace", "namespace_url!")
        .with_macro_doc("Takes a namespace url string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(_prefix, url)| url))
        .write_to(&mut generated)
        .unwrap();

    writeln!(
        generated,
        r#"
        /// Maps the input of [`namespace_prefix!`](macro.namespace_prefix.html) to
        /// the output of [`namespace_url!`](macro.namespace_url.html).
        ///
        #[macro_export] macro_rules! ns {{
        "#
    )
    .unwrap();
    for &(prefix, url) in NAMESPACES {
        writeln!(
            generated,
            "({prefix}) => {{ $crate::namespace_url!({url:?}) }};"
        )
        .unwrap();
    }
    writeln!(generated, "}}").unwrap();
}

/// The named character references as three tables in byte order of their
/// names (without the `&`): the names, one string, and where each ends; and
/// their code points. `NAMED_ENTITIES.get` (lib.rs) answers as the upstream
/// phf map of every name and every prefix of one did, by binary search,
/// from a seventh of the bytes.
fn named_entities_to_tables(to: &Path) {
    let entities: BTreeMap<&str, (u32, u32)> = entities::NAMED_ENTITIES
        .iter()
        .map(|(name, cp1, cp2)| {
            assert!(name.starts_with('&'));
            assert!(name.is_ascii());
            // A code point of 0 is how `get` says "a prefix only".
            assert_ne!(*cp1, 0);
            (&name[1..], (*cp1, *cp2))
        })
        .collect();
    assert_eq!(
        entities.len(),
        entities::NAMED_ENTITIES.len(),
        "a name twice"
    );

    let mut names = String::new();
    let mut ends = Vec::new();
    let mut values = Vec::new();
    for (name, value) in &entities {
        names.push_str(name);
        ends.push(u16::try_from(names.len()).expect("names fit u16 offsets"));
        values.push(format!("{value:?}"));
    }
    let mut file = File::create(to).unwrap();
    writeln!(file, "const ENTITY_COUNT: usize = {};", entities.len()).unwrap();
    writeln!(
        file,
        "static ENTITY_NAMES: &[u8; {}] = b{:?};",
        names.len(),
        names
    )
    .unwrap();
    // As two byte arrays, high bytes and low: rising u16 offsets are all
    // but incompressible (4.3 KB of gzip for 4.5 KB), their high bytes
    // apart are runs gzip takes to nothing (2.4 KB for both).
    let high: Vec<u8> = ends.iter().map(|&e| (e >> 8) as u8).collect();
    let low: Vec<u8> = ends.iter().map(|&e| e as u8).collect();
    writeln!(file, "static ENTITY_ENDS_HIGH: [u8; ENTITY_COUNT] = {high:?};").unwrap();
    writeln!(file, "static ENTITY_ENDS_LOW: [u8; ENTITY_COUNT] = {low:?};").unwrap();
    writeln!(
        file,
        "static ENTITY_VALUES: [(u32, u32); ENTITY_COUNT] = [{}];",
        values.join(", ")
    )
    .unwrap();
}
