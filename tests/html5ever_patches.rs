//! The patched html5ever (vendor/html5ever) answers as upstream does where
//! its code differs: `Tag::equiv_modulo_attr_order`, which upstream
//! answers by comparing stably sorted clones of the two attribute lists.

use html5ever::tokenizer::{Tag, TagKind};
use html5ever::{ns, Attribute, LocalName, QualName};

fn upstream_equiv(a: &Tag, b: &Tag) -> bool {
    let (mut x, mut y) = (a.attrs.clone(), b.attrs.clone());
    x.sort();
    y.sort();
    a.kind == b.kind && a.name == b.name && x == y
}

fn tag(name: &str, attrs: &[(&str, &str)]) -> Tag {
    Tag {
        kind: TagKind::StartTag,
        name: LocalName::from(name),
        self_closing: false,
        attrs: attrs
            .iter()
            .map(|&(n, v)| Attribute {
                name: QualName::new(None, ns!(), LocalName::from(n)),
                value: v.into(),
            })
            .collect(),
        had_duplicate_attributes: false,
    }
}

#[test]
fn tags_are_equivalent_modulo_attribute_order_as_upstream_says() {
    // Small lists of a few names and values, repeats included, so that
    // permutations, duplicates and near misses all come up.
    let names = ["a", "b", "c"];
    let values = ["1", "2"];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let mut lists = Vec::new();
    for _ in 0..400 {
        let len = next(6);
        let attrs: Vec<(&str, &str)> = (0..len)
            .map(|_| (names[next(names.len())], values[next(values.len())]))
            .collect();
        lists.push(attrs);
    }
    let mut equivalent = 0;
    for a in &lists {
        for b in &lists {
            let (ta, tb) = (tag("b", a), tag("b", b));
            let answer = ta.equiv_modulo_attr_order(&tb);
            assert_eq!(answer, upstream_equiv(&ta, &tb), "{a:?} {b:?}");
            equivalent += usize::from(answer);
            assert!(!ta.equiv_modulo_attr_order(&tag("i", b)));
        }
    }
    assert!(equivalent > lists.len(), "{equivalent} equivalent pairs");
}
