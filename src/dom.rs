//! An arena DOM filled by html5ever.
//!
//! Nodes live in one `Vec` and refer to each other by index, so a tree of any
//! depth is built, walked and dropped without recursion (a hostile page with
//! 200,000 nested elements must not overflow the stack), and the whole tree is
//! freed in one deallocation.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::sync::LazyLock;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{local_name, ns, Attribute, LocalName, QualName, TokenizerResult};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;

pub const DOCUMENT: NodeId = 0;

#[derive(Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev: Option<NodeId>,
    pub next: Option<NodeId>,
    pub data: NodeData,
}

#[derive(Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(String),
    /// Comments, doctypes and processing instructions: kept in the tree so
    /// that html5ever's handles stay valid, ignored by every reader.
    Other,
}

#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<(LocalName, String)>,
    /// Source line of the start tag, for pointing the user back into the input.
    pub line: u32,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn local(&self) -> &str {
        &self.name.local
    }

    pub fn is_html(&self) -> bool {
        self.name.ns == ns!(html)
    }
}

pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    pub fn parse(html: &str) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            line: Cell::new(1),
        };
        let builder = TreeBuilder::new(
            sink,
            TreeBuilderOpts {
                // With scripting on, <noscript> holds raw text, which we drop:
                // its content duplicates what scripts would have shown.
                scripting_enabled: true,
                ..Default::default()
            },
        );
        let tokenizer = Tokenizer::new(DepthLimit::new(builder), TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from(&*limit_attributes(html, MAX_ATTRIBUTES)));
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        Dom {
            nodes: tokenizer.sink.inner.sink.nodes.into_inner(),
        }
    }

    /// Parses markup as the content of a `context` element (`p`, `ul`,
    /// `table`), the way `innerHTML` does. The fragment's nodes are the
    /// children of the document's first element.
    pub fn parse_fragment(html: &str, context: &str) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            line: Cell::new(1),
        };
        let name = QualName::new(None, ns!(html), LocalName::from(context));
        let context_elem = html5ever::tree_builder::create_element(&sink, name, vec![]);
        let builder = TreeBuilder::new_for_fragment(
            sink,
            context_elem,
            None,
            TreeBuilderOpts {
                scripting_enabled: true,
                ..Default::default()
            },
        );
        let opts = TokenizerOpts {
            initial_state: Some(builder.tokenizer_state_for_context_elem(true)),
            ..Default::default()
        };
        let tokenizer = Tokenizer::new(DepthLimit::new(builder), opts);
        let input = BufferQueue::default();
        input.push_back(StrTendril::from(html));
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        Dom {
            nodes: tokenizer.sink.inner.sink.nodes.into_inner(),
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id as usize].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).first_child,
        }
    }

    /// Nodes below `root` in document order, each with an `entering` flag:
    /// `true` on the way down, `false` on the way back up (elements only).
    pub fn walk(&self, root: NodeId) -> Walk<'_> {
        Walk {
            dom: self,
            root,
            next: Some((root, true)),
            last: root,
        }
    }

    /// Concatenated text below `id`, without any normalisation.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for (n, entering) in self.walk(id) {
            if let (true, NodeData::Text(t)) = (entering, &self.node(n).data) {
                out.push_str(t);
            }
        }
        out
    }

    /// The tree's shape: every node's parent, and which elements hold the
    /// whole page.
    pub fn outline(&self) -> crate::blocks::Outline {
        let page_level = (0..self.nodes.len() as NodeId)
            .filter(|&n| {
                self.element(n)
                    .is_some_and(|e| matches!(e.local(), "html" | "body"))
            })
            .collect();
        crate::blocks::Outline::new(self.nodes.iter().map(|n| n.parent).collect(), page_level)
    }

    /// The first element named `name` (HTML namespace), in document order.
    pub fn find(&self, root: NodeId, name: &str) -> Option<NodeId> {
        self.walk(root).find_map(|(n, entering)| {
            let e = self.element(n)?;
            (entering && e.is_html() && e.local() == name).then_some(n)
        })
    }
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.node(id).next;
        Some(id)
    }
}

pub struct Walk<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<(NodeId, bool)>,
    last: NodeId,
}

impl Walk<'_> {
    /// Skips the children of the node just entered: the next event is
    /// leaving it (when it has children), so enter/leave stay balanced.
    pub fn skip_children(&mut self) {
        if self.dom.node(self.last).first_child.is_some()
            && self.next == self.dom.node(self.last).first_child.map(|c| (c, true))
        {
            self.next = Some((self.last, false));
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = (NodeId, bool);
    fn next(&mut self) -> Option<(NodeId, bool)> {
        let (id, entering) = self.next?;
        self.last = id;
        let node = self.dom.node(id);
        self.next = if entering && node.first_child.is_some() {
            node.first_child.map(|c| (c, true))
        } else if id == self.root {
            None
        } else if let Some(sibling) = node.next {
            Some((sibling, true))
        } else {
            node.parent.map(|p| (p, false))
        };
        Some((id, entering))
    }
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
            data,
        }
    }
}

/// Attributes kept per tag; the rest are dropped before parsing.
///
/// html5ever checks each new attribute's name against all earlier ones of
/// its tag, so a tag with N attributes costs N² steps: a hostile 1 MB tag
/// with 130,000 attributes takes seconds, 7 million take hours. No real
/// element has more than a few dozen.
const MAX_ATTRIBUTES: usize = 128;

/// Drops the attributes past the `max`th of every tag, scanning as the
/// tokenizer would (names, `=`, quoted and unquoted values), in one pass.
/// Returns the input unchanged when no tag has that many.
fn limit_attributes(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let n = b.len();
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        let mut j = lt + 1;
        if b[lt..].starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(n, |e| e + 3);
            continue;
        }
        if j < n && b[j] == b'/' {
            j += 1;
        }
        if j >= n || !b[j].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        while j < n && !space(b[j]) && b[j] != b'/' && b[j] != b'>' {
            j += 1;
        }
        let mut count = 0;
        let mut cut = None;
        loop {
            while j < n && (space(b[j]) || b[j] == b'/') {
                j += 1;
            }
            if j >= n {
                break;
            }
            if b[j] == b'>' {
                j += 1;
                break;
            }
            let start = j;
            j += 1;
            while j < n && !space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            while j < n && space(b[j]) {
                j += 1;
            }
            if j < n && b[j] == b'=' {
                j += 1;
                while j < n && space(b[j]) {
                    j += 1;
                }
                if j < n && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    j = b[j + 1..]
                        .iter()
                        .position(|&c| c == q)
                        .map_or(n, |e| j + 1 + e + 1);
                } else {
                    while j < n && !space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
            count += 1;
            if count == max + 1 {
                cut = Some(start);
            }
        }
        if let Some(cut) = cut {
            let s = out.get_or_insert_with(|| String::with_capacity(n));
            s.push_str(&html[copied..cut]);
            s.push('>');
            copied = j.min(n);
        }
        i = j.min(n);
        if i >= n {
            break;
        }
    }
    match out {
        Some(mut s) => {
            s.push_str(&html[copied..]);
            Cow::Owned(s)
        }
        None => Cow::Borrowed(html),
    }
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Nesting depth past which start tags are dropped (their text is kept).
///
/// html5ever scans the stack of open elements on most start tags, so
/// parsing N nested elements costs N² steps: 200,000 nested `<div>`s would
/// take minutes. Browsers cap the depth too (Blink at 512) and flatten what
/// lies deeper; we do the same, before the tree builder sees the tags.
const MAX_DEPTH: usize = 512;

/// Sits between the tokenizer and the tree builder and keeps an estimate of
/// the nesting depth from start and end tags. Elements whose end tag may be
/// omitted (`p`, `li`, `td`…) and void elements are not counted, so sloppy
/// but ordinary pages never come near the limit.
struct DepthLimit<S> {
    inner: S,
    depth: Cell<usize>,
    dropped: Cell<usize>,
}

impl<S> DepthLimit<S> {
    fn new(inner: S) -> Self {
        DepthLimit {
            inner,
            depth: Cell::new(0),
            dropped: Cell::new(0),
        }
    }
}

fn counts_for_depth(name: &str) -> bool {
    !matches!(
        name,
        // Void elements.
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "source" | "track" | "wbr" | "param" | "keygen"
            // Optional end tags.
            | "html" | "head" | "body" | "p" | "li" | "dt" | "dd" | "tr" | "td" | "th"
            | "option" | "optgroup" | "thead" | "tbody" | "tfoot" | "colgroup" | "caption"
            | "rb" | "rt" | "rp" | "rtc"
            // Raw-text elements switch the tokenizer's state: always let them through.
            | "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed"
            | "noframes" | "noscript" | "plaintext"
    )
}

impl<S: TokenSink> TokenSink for DepthLimit<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            if counts_for_depth(&tag.name) {
                match tag.kind {
                    TagKind::StartTag if !tag.self_closing => {
                        if self.depth.get() >= MAX_DEPTH {
                            self.dropped.set(self.dropped.get() + 1);
                            return TokenSinkResult::Continue;
                        }
                        self.depth.set(self.depth.get() + 1);
                    }
                    TagKind::EndTag => {
                        if self.dropped.get() > 0 {
                            self.dropped.set(self.dropped.get() - 1);
                            return TokenSinkResult::Continue;
                        }
                        self.depth.set(self.depth.get().saturating_sub(1));
                    }
                    TagKind::StartTag => {}
                }
            }
        }
        self.inner.process_token(token, line)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u32>,
}

static NO_NAME: LazyLock<QualName> = LazyLock::new(|| QualName::new(None, ns!(), local_name!("")));

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        (nodes.len() - 1) as NodeId
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if let Some(p) = prev {
            nodes[p as usize].next = next;
        } else if let Some(parent) = parent {
            nodes[parent as usize].first_child = next;
        }
        if let Some(n) = next {
            nodes[n as usize].prev = prev;
        } else if let Some(parent) = parent {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = Some(parent);
            c.prev = last;
        }
        match last {
            Some(l) => nodes[l as usize].next = Some(child),
            None => nodes[parent as usize].first_child = Some(child),
        }
        nodes[parent as usize].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev)
        };
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = prev;
            c.next = Some(sibling);
        }
        nodes[sibling as usize].prev = Some(child);
        match prev {
            Some(p) => nodes[p as usize].next = Some(child),
            None => {
                if let Some(parent) = parent {
                    nodes[parent as usize].first_child = Some(child);
                }
            }
        }
    }

    /// Appends text, merging with a preceding text node as the DOM does.
    fn append_text(&self, parent: NodeId, text: &str) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(last) = nodes[parent as usize].last_child {
            if let NodeData::Text(t) = &mut nodes[last as usize].data {
                t.push_str(text);
                return;
            }
        }
        nodes.push(Node::new(NodeData::Text(text.to_string())));
        let id = (nodes.len() - 1) as NodeId;
        Self::append_child(&mut nodes, parent, id);
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Sink;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Sink {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target as usize].data {
                NodeData::Element(e) => &e.name,
                _ => &NO_NAME,
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let attrs = attrs
            .into_iter()
            .map(|a| (a.name.local, String::from(&*a.value)))
            .collect();
        self.push(NodeData::Element(Element {
            name,
            attrs,
            line: self.line.get(),
        }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(c) => {
                Self::append_child(&mut self.nodes.borrow_mut(), *parent, c)
            }
            NodeOrText::AppendText(t) => self.append_text(*parent, &t),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template content is inert; treating the element itself as its
        // content keeps it in the tree, where the block reader skips it.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(c) => {
                Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, c)
            }
            NodeOrText::AppendText(t) => {
                let mut nodes = self.nodes.borrow_mut();
                if let Some(prev) = nodes[*sibling as usize].prev {
                    if let NodeData::Text(s) = &mut nodes[prev as usize].data {
                        s.push_str(&t);
                        return;
                    }
                }
                nodes.push(Node::new(NodeData::Text(String::from(&*t))));
                let id = (nodes.len() - 1) as NodeId;
                Self::insert_before(&mut nodes, *sibling, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[*target as usize].data {
            for a in attrs {
                if !e.attrs.iter().any(|(n, _)| *n == a.name.local) {
                    e.attrs.push((a.name.local, String::from(&*a.value)));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(c) = nodes[*node as usize].first_child {
            Self::append_child(&mut nodes, *new_parent, c);
        }
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line.min(u32::MAX as u64) as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom) -> Vec<String> {
        dom.walk(DOCUMENT)
            .filter(|&(_, entering)| entering)
            .filter_map(|(n, _)| dom.element(n).map(|e| e.local().to_string()))
            .collect()
    }

    #[test]
    fn builds_the_tree_html5ever_describes() {
        let dom = Dom::parse("<p>a<b>b</b><p>c");
        assert_eq!(names(&dom), ["html", "head", "body", "p", "b", "p"]);
        let body = dom.find(DOCUMENT, "body").unwrap();
        assert_eq!(dom.text_of(body), "abc");
    }

    #[test]
    fn walk_reports_leaving_exactly_the_nodes_with_children() {
        let dom = Dom::parse("<div><p>x</p><p>y</p></div><div></div>");
        let body = dom.find(DOCUMENT, "body").unwrap();
        let events: Vec<String> = dom
            .walk(body)
            .map(|(n, entering)| {
                let name = dom.element(n).map_or("#text", |e| e.local());
                format!("{}{name}", if entering { "+" } else { "-" })
            })
            .collect();
        assert_eq!(
            events.join(" "),
            "+body +div +p +#text -p +p +#text -p -div +div -body"
        );
    }

    #[test]
    fn misnested_formatting_is_repaired_without_losing_text() {
        let dom = Dom::parse("<b>1<p>2</b>3</p>");
        assert_eq!(dom.text_of(DOCUMENT), "123");
    }

    #[test]
    fn attributes_past_the_limit_are_dropped_and_the_rest_kept() {
        let attrs: String = (0..10).map(|i| format!(" a{i}='x>y'")).collect();
        let html = format!("<p{attrs}>text</p><b c=1>bold</b>");
        let limited = limit_attributes(&html, 3);
        assert_eq!(
            limited,
            "<p a0='x>y' a1='x>y' a2='x>y' >text</p><b c=1>bold</b>"
        );
        assert!(matches!(limit_attributes(&html, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn comments_and_text_are_left_alone_by_the_attribute_limit() {
        let html = "<!-- <p a b c d> --> 1 < 2 <p a b c d>x";
        assert_eq!(
            limit_attributes(html, 2),
            "<!-- <p a b c d> --> 1 < 2 <p a b >x"
        );
    }

    #[test]
    fn records_source_lines() {
        let dom = Dom::parse("<html><body>\n\n<p id=x>hi</p></body></html>");
        let p = dom.find(DOCUMENT, "p").unwrap();
        assert_eq!(dom.element(p).unwrap().line, 3);
    }
}
