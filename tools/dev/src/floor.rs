//! The floor: what any cleaner of a page must do at least. For HTML,
//! html5ever's parse into its own reference tree (markup5ever_rcdom), then
//! a walk over the tree that adds up the length of its text; for pasted
//! text, a walk over its lines. `bench_pages` times it beside our `clean`
//! with the same protocol, `profile floor` over a corpus.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// The floor for an input read as HTML (`html` true) or as pasted text:
/// the number of characters of text found, which the caller keeps (a
/// `black_box`), so that no part of the work is optimised away.
pub fn floor(input: &str, html: bool) -> usize {
    if html {
        html_floor(input)
    } else {
        input.lines().map(str::len).sum()
    }
}

/// html5ever's parse into its reference tree, and the length of the text.
fn html_floor(html: &str) -> usize {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut stack: Vec<Handle> = vec![dom.document.clone()];
    let mut chars = 0;
    while let Some(node) = stack.pop() {
        if let NodeData::Text { contents } = &node.data {
            chars += contents.borrow().len();
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    chars
}
