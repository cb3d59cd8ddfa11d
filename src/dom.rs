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

use crate::budget::Budget;

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
    /// html5ever's own buffer, kept rather than copied.
    Text(StrTendril),
    /// Comments, doctypes and processing instructions: kept in the tree so
    /// that html5ever's handles stay valid, ignored by every reader.
    Other,
}

#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<(LocalName, StrTendril)>,
    /// Source line of the start tag, for pointing the user back into the input.
    pub line: u32,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| &**v)
    }

    /// An attribute by its (interned) name: a comparison of integers per
    /// attribute rather than of strings.
    pub fn get(&self, name: &LocalName) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| &**v)
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
        Dom::parse_prepared(prepare(html))
    }

    /// Parses a page [`prepare`] read. Once its budget is spent, the rest
    /// of the page is not built (the caller checks the budget).
    pub fn parse_prepared(page: Prepared) -> Dom {
        let unlimited = Budget::unlimited();
        let sink = Sink::new(page.budget.unwrap_or(&unlimited));
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
        input.push_back(StrTendril::from(&*page.text));
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
        let unlimited = Budget::unlimited();
        let sink = Sink::new(&unlimited);
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

    /// Nodes in the tree, the document included: ids run from 0 to this.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
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

/// A page made ready for the parser, and how many start tags it has.
pub struct Prepared<'a> {
    text: Cow<'a, str>,
    /// An upper bound on the elements the parse will build.
    pub start_tags: usize,
    /// What the tree may take; none for no limit.
    budget: Option<&'a Budget>,
}

impl<'a> Prepared<'a> {
    /// The page, to be parsed within `budget`.
    pub fn within(self, budget: &'a Budget) -> Prepared<'a> {
        Prepared {
            budget: Some(budget),
            ..self
        }
    }
}

/// The one pass over a page before it is parsed: attributes past the
/// limit dropped ([`MAX_ATTRIBUTES`]), start tags counted.
pub fn prepare(html: &str) -> Prepared<'_> {
    let (text, start_tags) = limit_attributes(html, MAX_ATTRIBUTES);
    let text = match close_runaway_title(&text) {
        Some(fixed) => Cow::Owned(fixed),
        None => text,
    };
    Prepared {
        text,
        start_tags,
        budget: None,
    }
}

/// A `<title>` whose end tag is misspelt swallows the page: its text runs
/// to the next `</title>`, or to the end, and a browser shows an empty
/// page. Old templates and crawls wrote `</titlevalue="true" -->` and the
/// like (three 2008 news pages of wide-dev: CBN News and BBC News, read
/// again by this; a third whose title holds a spliced script stays lost),
/// whose articles the datasets' own parsers read. When the title would run
/// past `</head>` or `<body`, it ends at its first `<`: the page's markup.
fn close_runaway_title(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let head = &b[..b.len().min(1 << 16)];
    let at = find_ci(head, 0, b"<title")?;
    if !head
        .get(at + 6)
        .is_some_and(|c| matches!(c, b'>' | b' ' | b'\t' | b'\n' | b'\r'))
    {
        return None;
    }
    let start = find_byte(&b[at..], b'>')? + at + 1;
    let first_lt = find_byte(&b[start..], b'<')? + start;
    let is_end_tag = |i: usize| {
        b[i..].len() > 7
            && b[i..i + 7].eq_ignore_ascii_case(b"</title")
            && matches!(b[i + 7], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    };
    if is_end_tag(first_lt) {
        return None;
    }
    let mut end = None;
    let mut i = start;
    while let Some(j) = find_ci(b, i, b"</title") {
        if is_end_tag(j) {
            end = Some(j);
            break;
        }
        i = j + 7;
    }
    let swallowed =
        |marker: &[u8]| find_ci(b, start, marker).is_some_and(|m| end.is_none_or(|e| m < e));
    if !(swallowed(b"</head") || swallowed(b"<body")) {
        return None;
    }
    Some(format!(
        "{}</title>{}",
        &html[..first_lt],
        &html[first_lt..]
    ))
}

/// The first `needle` (a tag's start, ASCII, lower case) in `hay` from
/// `from`, ignoring ASCII case: it looks only where `find_byte` finds the
/// needle's first byte, `<`, so a page without a title costs a pass of
/// word-wide compares, not a compare at every byte.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = find_byte(hay.get(i..)?, needle[0]) {
        let at = i + off;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Drops the attributes past the `max`th of every tag, scanning as the
/// tokenizer would (names, `=`, quoted and unquoted values), in one pass,
/// and counts the start tags. Returns the input unchanged when no tag has
/// that many attributes.
fn limit_attributes(html: &str, max: usize) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let n = b.len();
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut tags = 0;
    let mut i = 0;
    while let Some(off) = find_byte(&b[i..], b'<') {
        let lt = i + off;
        let mut j = lt + 1;
        if b[lt..].starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(n, |e| e + 3);
            continue;
        }
        let end_tag = j < n && b[j] == b'/';
        if end_tag {
            j += 1;
        }
        if j >= n || !b[j].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        tags += usize::from(!end_tag);
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
                    j = find_byte(&b[j + 1..], q).map_or(n, |e| j + 1 + e + 1);
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
    let text = match out {
        Some(mut s) => {
            s.push_str(&html[copied..]);
            Cow::Owned(s)
        }
        None => Cow::Borrowed(html),
    };
    (text, tags)
}

/// The first `needle` in `hay`, eight bytes at a time: a word holds the
/// byte where `word ^ needle × 0x01…01` has a zero byte.
fn find_byte(hay: &[u8], needle: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(needle);
    let mut chunks = hay.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ pattern;
        let zero = word.wrapping_sub(LO) & !word & HI;
        if zero != 0 {
            return Some(at + (zero.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| c == needle)
        .map(|p| at + p)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Depth in the tree past which start tags are dropped (their text is kept).
///
/// html5ever scans the stack of open elements on most start tags, so
/// parsing N nested elements costs N² steps: 200,000 nested `<div>`s would
/// take minutes. Browsers cap the depth too (Blink at 512) and flatten what
/// lies deeper; we do the same, before the tree builder sees the tags.
const MAX_DEPTH: usize = 512;

/// Sits between the tokenizer and the tree builder and drops the start tags
/// that would open an element deeper than [`MAX_DEPTH`].
///
/// The depth is that of the tree built so far, not a count of tags: a count
/// is fooled by every end tag html5ever ignores (`<div></q>` repeated
/// 80,000 times counted as depth 0 while the stack of open elements grew to
/// 80,000, and took 30 s), and by every element it closes or opens by itself.
struct DepthLimit<'a> {
    inner: TreeBuilder<NodeId, Sink<'a>>,
    /// Start tags dropped whose end tag is still to come: so many of the
    /// next end tags (of the names [`has_end_tag`] lists) are dropped too,
    /// and the elements kept are closed where they were.
    dropped: Cell<usize>,
}

impl<'a> DepthLimit<'a> {
    fn new(inner: TreeBuilder<NodeId, Sink<'a>>) -> Self {
        DepthLimit {
            inner,
            dropped: Cell::new(0),
        }
    }

    /// The depth of the tree builder's current node, counted up to
    /// [`MAX_DEPTH`] (so the walk costs at most that many steps).
    ///
    /// html5ever does not expose its stack of open elements; the one question
    /// it answers about it, whether the (adjusted) current node is foreign,
    /// names that node to the sink, which records it.
    fn current_depth(&self) -> usize {
        let sink = &self.inner.sink;
        sink.named.set(None);
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace();
        let Some(mut node) = sink.named.get() else {
            return 0;
        };
        let nodes = sink.nodes.borrow();
        let mut depth = 0;
        while let Some(parent) = nodes[node as usize].parent {
            depth += 1;
            if depth >= MAX_DEPTH {
                break;
            }
            node = parent;
        }
        depth
    }
}

/// Start tags that always reach the tree builder: those of void elements
/// (which open nothing), of the page's frame (merged into the elements that
/// exist), and of raw-text elements, which switch the tokenizer's state and
/// would otherwise read their content as markup.
fn always_kept(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "html"
            | "head"
            | "body"
            | "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Elements whose end tag a page writes: a dropped start tag of one of
/// these is matched by an end tag to drop. (Optional end tags, `p`, `li`,
/// `td`…, are mostly left out, so they are not counted.)
fn has_end_tag(name: &str) -> bool {
    !always_kept(name)
        && !matches!(
            name,
            "p" | "li"
                | "dt"
                | "dd"
                | "tr"
                | "td"
                | "th"
                | "option"
                | "optgroup"
                | "thead"
                | "tbody"
                | "tfoot"
                | "colgroup"
                | "caption"
                | "rb"
                | "rt"
                | "rp"
                | "rtc"
        )
}

impl TokenSink for DepthLimit<'_> {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        if self.inner.sink.budget.is_spent() {
            // The clean will fail: build nothing more.
            return TokenSinkResult::Continue;
        }
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag => {
                    if !always_kept(&tag.name) && self.current_depth() >= MAX_DEPTH {
                        // `<div/>` opens a div in HTML, but no end tag follows.
                        if has_end_tag(&tag.name) && !tag.self_closing {
                            self.dropped.set(self.dropped.get() + 1);
                        }
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::EndTag => {
                    if self.dropped.get() > 0 && has_end_tag(&tag.name) {
                        self.dropped.set(self.dropped.get() - 1);
                        return TokenSinkResult::Continue;
                    }
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

struct Sink<'a> {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u32>,
    /// The last node whose name html5ever asked for (see
    /// [`DepthLimit::current_depth`]).
    named: Cell<Option<NodeId>>,
    /// Charged with the nodes (as the arena's capacity grows), their
    /// attributes and their text.
    budget: &'a Budget,
}

static NO_NAME: LazyLock<QualName> = LazyLock::new(|| QualName::new(None, ns!(), local_name!("")));

const NODE_BYTES: usize = std::mem::size_of::<Node>();
const ATTRIBUTE_BYTES: usize = std::mem::size_of::<(LocalName, StrTendril)>();

impl<'a> Sink<'a> {
    fn new(budget: &'a Budget) -> Sink<'a> {
        budget.charge(NODE_BYTES);
        Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            line: Cell::new(1),
            named: Cell::new(None),
            budget,
        }
    }

    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        Self::push_node(&mut nodes, self.budget, Node::new(data))
    }

    /// Pushes `node`, charging the arena's growth when it grows.
    fn push_node(nodes: &mut Vec<Node>, budget: &Budget, node: Node) -> NodeId {
        let capacity = nodes.capacity();
        nodes.push(node);
        if nodes.capacity() != capacity {
            budget.charge((nodes.capacity() - capacity) * NODE_BYTES);
        }
        (nodes.len() - 1) as NodeId
    }

    fn charge_attributes(&self, attrs: &[(LocalName, StrTendril)]) {
        let values: usize = attrs.iter().map(|(_, v)| v.len()).sum();
        self.budget.charge(attrs.len() * ATTRIBUTE_BYTES + values);
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
    fn append_text(&self, parent: NodeId, text: StrTendril) {
        self.budget.charge(text.len());
        let mut nodes = self.nodes.borrow_mut();
        if let Some(last) = nodes[parent as usize].last_child {
            if let NodeData::Text(t) = &mut nodes[last as usize].data {
                t.push_tendril(&text);
                return;
            }
        }
        let id = Self::push_node(&mut nodes, self.budget, Node::new(NodeData::Text(text)));
        Self::append_child(&mut nodes, parent, id);
    }
}

impl<'b> TreeSink for Sink<'b> {
    type Handle = NodeId;
    type Output = Sink<'b>;
    type ElemName<'a>
        = Ref<'a, QualName>
    where
        Self: 'a;

    fn finish(self) -> Sink<'b> {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.named.set(Some(*target));
        Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target as usize].data {
                NodeData::Element(e) => &e.name,
                _ => &NO_NAME,
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let attrs: Vec<_> = attrs.into_iter().map(|a| (a.name.local, a.value)).collect();
        self.charge_attributes(&attrs);
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
            NodeOrText::AppendText(t) => self.append_text(*parent, t),
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
                self.budget.charge(t.len());
                let mut nodes = self.nodes.borrow_mut();
                if let Some(prev) = nodes[*sibling as usize].prev {
                    if let NodeData::Text(s) = &mut nodes[prev as usize].data {
                        s.push_tendril(&t);
                        return;
                    }
                }
                let id = Self::push_node(&mut nodes, self.budget, Node::new(NodeData::Text(t)));
                Self::insert_before(&mut nodes, *sibling, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[*target as usize].data {
            for a in attrs {
                if !e.attrs.iter().any(|(n, _)| *n == a.name.local) {
                    self.budget.charge(ATTRIBUTE_BYTES + a.value.len());
                    e.attrs.push((a.name.local, a.value));
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
        let (limited, _) = limit_attributes(&html, 3);
        assert_eq!(
            limited,
            "<p a0='x>y' a1='x>y' a2='x>y' >text</p><b c=1>bold</b>"
        );
        assert!(matches!(limit_attributes(&html, 10).0, Cow::Borrowed(_)));
    }

    #[test]
    fn comments_and_text_are_left_alone_by_the_attribute_limit() {
        let html = "<!-- <p a b c d> --> 1 < 2 <p a b c d>x";
        assert_eq!(
            limit_attributes(html, 2).0,
            "<!-- <p a b c d> --> 1 < 2 <p a b >x"
        );
    }

    #[test]
    fn bytes_are_found_wherever_they_are() {
        let hay = b"0123456789abcdef<ghij<";
        for (needle, at) in [
            (b'<', Some(16)),
            (b'0', Some(0)),
            (b'f', Some(15)),
            (b'z', None),
        ] {
            assert_eq!(find_byte(hay, needle), at);
            assert_eq!(
                find_byte(hay, needle),
                hay.iter().position(|&c| c == needle)
            );
        }
        assert_eq!(find_byte(&hay[17..], b'<'), Some(4));
        assert_eq!(find_byte(b"\x80\xbc<", b'<'), Some(2));
    }

    #[test]
    fn a_title_with_a_misspelt_end_tag_ends_at_the_markup() {
        let page = "<html><head><title>Bush to Saudis</titlevalue=\"true\" --></head><body><p>President Bush urged OPEC.</p></body></html>";
        let dom = Dom::parse_prepared(prepare(page));
        let title = dom.find(DOCUMENT, "title").unwrap();
        assert_eq!(dom.text_of(title), "Bush to Saudis");
        let p = dom.find(DOCUMENT, "p").unwrap();
        assert_eq!(dom.text_of(p), "President Bush urged OPEC.");
    }

    #[test]
    fn a_title_that_holds_a_less_than_sign_is_left_alone() {
        let page = "<html><head><title>a < b</title></head><body><p>x</p></body></html>";
        assert!(close_runaway_title(page).is_none());
        let dom = Dom::parse_prepared(prepare(page));
        assert_eq!(dom.text_of(dom.find(DOCUMENT, "title").unwrap()), "a < b");
    }

    #[test]
    fn records_source_lines() {
        let dom = Dom::parse("<html><body>\n\n<p id=x>hi</p></body></html>");
        let p = dom.find(DOCUMENT, "p").unwrap();
        assert_eq!(dom.element(p).unwrap().line, 3);
    }
}
