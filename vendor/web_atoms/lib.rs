// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

#![allow(unexpected_cfgs)]
/// The spec replaces most characters in the ISO-2022 C1 control code range
/// (U+0080 through U+009F) with these characters, based on Windows 8-bit
/// codepages.
pub static C1_REPLACEMENTS: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{0192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02c6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02dc}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203a}'),
    Some('\u{0153}'),
    None,
    Some('\u{017e}'),
    Some('\u{0178}'),
];

include!(concat!(env!("OUT_DIR"), "/named_entities.rs"));

/// The named character references, without their `&`: see [`NamedEntities::get`].
pub static NAMED_ENTITIES: NamedEntities = NamedEntities(());

/// The named character references (build.rs writes their tables).
pub struct NamedEntities(());

impl NamedEntities {
    /// A name's code points, the second 0 when it has one; `(0, 0)` for a
    /// proper prefix of a name (and for `""`); `None` when no name starts
    /// with `key`. The tokenizer reads a reference a character at a time
    /// and stops at the first `None`.
    ///
    /// ```
    /// use web_atoms::NAMED_ENTITIES;
    ///
    /// assert_eq!(NAMED_ENTITIES.get("gt;"), Some(&(62, 0)));
    /// assert_eq!(NAMED_ENTITIES.get("g"), Some(&(0, 0)));
    /// assert_eq!(NAMED_ENTITIES.get("gx"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&'static (u32, u32)> {
        let end = |i: usize| usize::from(ENTITY_ENDS_HIGH[i]) << 8 | usize::from(ENTITY_ENDS_LOW[i]);
        let name = |i: usize| {
            let start = if i == 0 { 0 } else { end(i - 1) };
            &ENTITY_NAMES[start..end(i)]
        };
        let key = key.as_bytes();
        let at = partition(ENTITY_COUNT, |i| name(i) < key);
        match at {
            at if at < ENTITY_COUNT && name(at) == key => Some(&ENTITY_VALUES[at]),
            at if at < ENTITY_COUNT && name(at).starts_with(key) => Some(&(0, 0)),
            _ => None,
        }
    }
}

/// The first of `0..n` for which `below` is false, `below` being true
/// for a prefix of the range.
fn partition(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
include!(concat!(env!("OUT_DIR"), "/generated.rs"));
