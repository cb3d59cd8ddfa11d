//! HTML into blocks.
//!
//! One walk over the DOM in document order. Block-level elements (`p`,
//! `div`, `li`, `h2`…) end the current run of inline content and start a new
//! one; each run becomes a block carrying its text and the evidence of where
//! it sat: the tag around it, how much of it is link text,
//! which landmarks (`nav`, `aside`, `footer`…) and which class/id hints
//! ("share", "related", "ad") surround it, and whether it is hidden. Data
//! tables and figures become one block each. Context is inherited from the
//! parent frame in constant time, so the walk is linear in the page's size
//! whatever its depth.
//!
//! A block's inline markup (emphasis, links…) is only recorded on the way,
//! as events at offsets of its text; [`Markup::content`] builds the typed
//! spans, links resolved, for the blocks the article keeps.

use crate::blocks::{
    hint, landmark, Block, BlockMarkup, DomEvidence, Evidence, Image, Kind, Tag, FAR, HINTS,
};
use html5ever::{local_name, LocalName};

use crate::dom::{Dom, Element, NodeData, NodeId, DOCUMENT};
use crate::inline::{self, Cell, Inline};
use crate::url::{is_safe_image, is_safe_link, resolve};

pub struct HtmlInput {
    pub dom: Dom,
    pub blocks: Vec<Block>,
    pub markup: Markup,
}

/// The inline markup of every block, recorded while reading: what
/// [`Markup::content`] builds spans from.
#[derive(Debug, Default)]
pub struct Markup {
    events: Vec<Event>,
    /// The address links are resolved against.
    base: Option<String>,
}

/// Where inline markup starts and ends in a block's text.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Event {
    Open {
        tag: inline::Tag,
        node: NodeId,
        at: u32,
    },
    Close {
        at: u32,
    },
    /// A `<br>`: the `\n` at `at` in the text.
    Break {
        at: u32,
    },
}

impl Event {
    fn at(&self) -> u32 {
        match *self {
            Event::Open { at, .. } | Event::Close { at } | Event::Break { at } => at,
        }
    }

    fn shift(&mut self, by: u32) {
        match self {
            Event::Open { at, .. } | Event::Close { at } | Event::Break { at } => *at += by,
        }
    }
}

/// A kept block's markup, built.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Content {
    #[default]
    None,
    Inline(Vec<Inline>),
    Table {
        caption: Vec<Inline>,
        rows: Vec<Vec<Cell>>,
    },
}

/// A `<div>` that is a picture with its caption, marked up without
/// `<figure>`: one image, and short text only in child elements (the
/// caption, a credit, a gallery counter) — WordPress's classic
/// `div.wp-caption` > `p.wp-caption-text` (94 pages of the three corpora),
/// and news sites' `div.img-box` > `p.img-desc`. Text directly in the box
/// is a paragraph with a picture floated into it, not a caption. The scan
/// stops at a few dozen nodes, so that a page of nested boxes stays linear.
fn is_image_box(dom: &Dom, node: NodeId) -> bool {
    const MAX_NODES: usize = 40;
    const MAX_TEXT: usize = 400;
    if dom
        .children(node)
        .any(|c| matches!(&dom.node(c).data, NodeData::Text(t) if !t.trim().is_empty()))
    {
        return false;
    }
    let (mut images, mut text, mut nodes) = (0, 0, 0);
    let mut walk = dom.walk(node);
    while let Some((n, entering)) = walk.next() {
        if !entering || n == node {
            continue;
        }
        nodes += 1;
        if nodes > MAX_NODES {
            return false;
        }
        match &dom.node(n).data {
            NodeData::Text(t) => {
                text += t.trim().len();
                if text > MAX_TEXT {
                    return false;
                }
            }
            NodeData::Element(e) => match e.local() {
                "img" => images += 1,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "table" | "blockquote"
                | "pre" | "form" | "figure" | "iframe" | "video" | "article" | "section" => {
                    return false
                }
                _ if is_skipped(&e.name.local) => walk.skip_children(),
                _ => {}
            },
            _ => {}
        }
    }
    images == 1 && text > 0
}

/// Bytes of text below `root` outside the elements never read
/// ([`is_skipped`]), white space included.
fn readable_text_bytes(dom: &Dom, root: NodeId) -> usize {
    let mut bytes = 0;
    let mut walk = dom.walk(root);
    while let Some((node, entering)) = walk.next() {
        match &dom.node(node).data {
            NodeData::Text(t) if entering => bytes += t.len(),
            NodeData::Element(e) if entering && is_skipped(&e.name.local) => walk.skip_children(),
            _ => {}
        }
    }
    bytes
}

/// Elements whose content is never text a reader sees. (Element names
/// are compared as atoms: one comparison of integers each.)
fn is_skipped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("head")
            | local_name!("title")
            | local_name!("meta")
            | local_name!("link")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("canvas")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("map")
            | local_name!("select")
            | local_name!("option")
            | local_name!("optgroup")
            | local_name!("datalist")
            | local_name!("textarea")
            | local_name!("input")
            | local_name!("button")
            | local_name!("dialog")
            // Ruby annotations: the reading printed above the characters
            // (Japanese furigana on nhk.or.jp's NEWS WEB EASY, Chinese
            // pinyin), which as text would sit glued between them:
            // "子こどもへの虐待ぎゃくたい".
            | local_name!("rt")
            | local_name!("rp")
    )
}

/// Elements that end a run of inline content.
fn is_block_level(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("hgroup")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("legend")
            | local_name!("address")
            | local_name!("hr")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("center")
            | local_name!("body")
            | local_name!("html")
            | local_name!("menu")
            | local_name!("picture")
            | local_name!("label")
    )
}

/// The context a frame passes to everything inside it.
#[derive(Clone)]
struct Context {
    node: NodeId,
    /// The nearest block-level element: what a block's text belongs to.
    block_node: NodeId,
    kind: Kind,
    level: u8,
    tag: Tag,
    group: NodeId,
    ordered: bool,
    landmarks: u16,
    hints: [u8; HINTS],
    depth: u16,
    in_link: bool,
    in_pre: bool,
}

/// A frame for each entered element with children.
struct Frame {
    ctx: Context,
    /// The inline element this element opened in the run, if any.
    inline: Option<inline::Tag>,
    block_level: bool,
}

/// The run of inline content being collected.
#[derive(Default)]
struct Run {
    text: String,
    /// Where the run's events start in `Reader::events`.
    events_start: usize,
    link_chars: u32,
    links: u16,
    line: u32,
    end_line: u32,
    pending_space: bool,
    /// Inline elements open in the run, to close at a block boundary and
    /// reopen in the next run (as browsers do for `<b>` across paragraphs).
    open: Vec<(inline::Tag, NodeId)>,
    /// Of `open`, how many have an `Open` event in this run so far: an
    /// element is opened when its first character arrives, so that empty
    /// ones leave no trace.
    written: usize,
    brs: u8,
}

struct Reader<'a> {
    dom: &'a Dom,
    /// Hint bits of the class and id values seen so far: a page repeats
    /// the same few hundred values on thousands of elements.
    hint_cache: HintCache<'a>,
    base: Option<String>,
    blocks: Vec<Block>,
    events: Vec<Event>,
    run: Run,
    stack: Vec<Frame>,
    /// Figure being collected: its group, image and the context at its start.
    figure: Option<(NodeId, Option<Image>, Context)>,
    /// Bytes of readable text in the whole page and its first `<h1>`,
    /// found when the first possible wrapper is met.
    page: Option<(usize, Option<NodeId>)>,
    /// Bytes of text read so far.
    text_so_far: usize,
}

pub fn read(page: crate::dom::Prepared, base: Option<&str>) -> HtmlInput {
    let dom = Dom::parse_prepared(page);
    let base = document_base(&dom, base);
    let (blocks, events) = {
        let mut reader = Reader {
            dom: &dom,
            hint_cache: HintCache::default(),
            base: base.clone(),
            blocks: Vec::new(),
            events: Vec::new(),
            run: Run::default(),
            stack: Vec::new(),
            figure: None,
            page: None,
            text_so_far: 0,
        };
        reader.walk();
        (reader.blocks, reader.events)
    };
    HtmlInput {
        dom,
        blocks,
        markup: Markup { events, base },
    }
}

/// `<base href>` resolved against the caller's base URL, or the caller's.
fn document_base(dom: &Dom, base: Option<&str>) -> Option<String> {
    let doc_base = dom
        .find(DOCUMENT, "base")
        .and_then(|b| dom.element(b)?.attr("href"))
        .map(|h| resolve(base, h));
    doc_base.or_else(|| base.map(str::to_string))
}

fn root_context() -> Context {
    Context {
        node: DOCUMENT,
        block_node: DOCUMENT,
        kind: Kind::Paragraph,
        level: 0,
        tag: Tag::Other,
        group: DOCUMENT,
        ordered: false,
        landmarks: 0,
        hints: [FAR; HINTS],
        depth: 0,
        in_link: false,
        in_pre: false,
    }
}

impl<'a> Reader<'a> {
    fn ctx(&self) -> Context {
        self.stack
            .last()
            .map_or_else(root_context, |f| f.ctx.clone())
    }

    fn walk(&mut self) {
        let dom = self.dom;
        let mut walk = dom.walk(DOCUMENT);
        while let Some((node, entering)) = walk.next() {
            match &dom.node(node).data {
                NodeData::Text(t) if entering => {
                    self.text_so_far += t.len();
                    self.text(t)
                }
                NodeData::Element(e) => {
                    let has_children = dom.node(node).first_child.is_some();
                    if entering {
                        let skip = self.enter(node, e);
                        if skip {
                            if has_children {
                                walk.skip_children();
                                // Balanced by the leave event that follows.
                                self.stack.push(Frame {
                                    ctx: self.ctx(),
                                    inline: None,
                                    block_level: false,
                                });
                            }
                            continue;
                        }
                        if !has_children {
                            self.leave();
                        }
                    } else {
                        self.leave();
                    }
                }
                _ => {}
            }
        }
        self.flush();
    }

    /// Whether an element is the page's wrapper rather than a part of it:
    /// it holds most of the page's text and the page's headline (the first
    /// `<h1>`; on a page without one, it starts before a tenth of the text
    /// has passed). A comment thread can outweigh a short article, but it
    /// does not hold the article's headline. Older CMSs (ASP.NET's one form
    /// per page, and others) wrap the whole body in a `<form>`, which is
    /// then layout, not a form: 24 wide-dev pages (sbrforum.com,
    /// halifaxcourier.co.uk, kjrh.com and others) lost their article to it.
    fn is_page_wrapper(&mut self, node: NodeId) -> bool {
        let dom = self.dom;
        let (page, headline) = *self
            .page
            .get_or_insert_with(|| (readable_text_bytes(dom, DOCUMENT), dom.find(DOCUMENT, "h1")));
        if 2 * readable_text_bytes(dom, node) <= page {
            return false;
        }
        match headline {
            Some(h1) => std::iter::successors(Some(h1), |&n| dom.node(n).parent).any(|n| n == node),
            None => 10 * self.text_so_far < page,
        }
    }

    /// Returns whether to skip the element's children.
    fn enter(&mut self, node: NodeId, e: &'a Element) -> bool {
        let name = if e.is_html() { e.local() } else { "" };
        let parent = self.ctx();
        let line = e.line;
        if e.name.local == local_name!("math") {
            self.formula(node, e);
            return true;
        }
        if name.is_empty() || is_skipped(&e.name.local) {
            return true;
        }
        match name {
            "br" => {
                self.line_break(line);
                return true;
            }
            "img" => {
                self.image(e);
                return true;
            }
            "hr" => {
                self.flush();
                return true;
            }
            "table" if is_data_table(self.dom, node) => {
                self.flush();
                self.table(node, e, &parent);
                return true;
            }
            _ => {}
        }

        let mut ctx = parent.clone();
        ctx.node = node;
        ctx.depth = parent.depth.saturating_add(1);
        for h in ctx.hints.iter_mut() {
            if *h != FAR {
                *h = (*h + 1).min(FAR - 1);
            }
        }
        let mut bits = self.hint_cache.element_hints(e);
        // A comment or related box is a part of the page: a class on
        // <body> or on the element that wraps the article says what the
        // page has, not what the element is. WordPress lists the post's
        // categories and tags on its <article> ("category-latest-headlines"
        // on bostonherald.com, "category-popular-posts" on
        // thepostpartumparty.com, "category-latest" on fifplay.com), Drupal
        // its state ("node--promoted" on amnesty.de and tierwelt.ch). Checked
        // on the outermost such element only, so each part of the page is
        // counted once.
        for category in [hint::COMMENTS, hint::RELATED] {
            if bits & (1 << category) != 0
                && parent.hints[category] == FAR
                && self.is_page_wrapper(node)
            {
                bits &= !(1 << category);
            }
        }
        for (i, h) in ctx.hints.iter_mut().enumerate() {
            if bits & (1 << i) != 0 {
                *h = 0;
            }
        }
        ctx.landmarks |= landmarks(name, e, parent.landmarks);
        if name == "form" && self.is_page_wrapper(node) {
            ctx.landmarks &= !landmark::FORM | parent.landmarks;
        }
        let hidden = is_hidden(e);
        if hidden {
            ctx.landmarks |= landmark::HIDDEN;
        }

        // A date in an element of its own, in a bar of metadata (not inside
        // a sentence), is a block of its own: pages set "di Giulia
        // Ferrante" and "14 marzo 2024" side by side in a
        // `div.article-meta` with nothing between them but styling.
        let in_meta_bar = [hint::META, hint::BYLINE, hint::DATE]
            .iter()
            .any(|&h| parent.hints[h] == 0);
        let meta_item = bits & (1 << hint::DATE) != 0
            && in_meta_bar
            && !matches!(parent.tag, Tag::P | Tag::Heading | Tag::Li | Tag::Cell);
        // So is a kicker set inside the headline, or a label for screen
        // readers ("Headline:"), ahead of its words: the headline is the
        // rest ("<h1><span class=roofline>Ernährung sichern</span>
        // Schulze: …</h1>" on bmz.de; zeit.de, cicero.de, bafa.de,
        // handwerk-magazin.de, finanzmarktwelt.de, iass-potsdam.de and 4
        // more sites in multilingual-dev), glued to it in pasted HTML.
        let kicker = parent.kind == Kind::Heading
            && self.run.text.trim().is_empty()
            && (bits & (1 << hint::META | 1 << hint::HIDDEN) != 0 || hidden);
        let block_level = is_block_level(&e.name.local) || meta_item || kicker;
        let mut inline = None;
        if block_level {
            self.flush();
            ctx.block_node = node;
            ctx.tag = Tag::Other;
            if kicker {
                ctx.kind = Kind::Paragraph;
                ctx.level = 0;
            }
            match name {
                "p" => ctx.tag = Tag::P,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    ctx.kind = Kind::Heading;
                    ctx.level = name.as_bytes()[1] - b'0';
                    ctx.tag = Tag::Heading;
                }
                "ul" | "ol" | "menu" => {
                    ctx.group = node;
                    ctx.ordered = name == "ol";
                }
                "li" => {
                    ctx.kind = Kind::ListItem;
                    ctx.tag = Tag::Li;
                }
                "dd" | "dt" => {
                    ctx.kind = Kind::Paragraph;
                    ctx.tag = Tag::Dd;
                }
                "td" | "th" => ctx.tag = Tag::Cell,
                "blockquote" => {
                    ctx.kind = Kind::Quote;
                    ctx.tag = Tag::Blockquote;
                    ctx.group = node;
                }
                "pre" => {
                    ctx.kind = Kind::Code;
                    ctx.tag = Tag::Pre;
                    ctx.in_pre = true;
                }
                "figure" => {
                    ctx.tag = Tag::Figure;
                    if self.figure.is_none() {
                        self.figure = Some((node, None, ctx.clone()));
                    }
                }
                "div" if self.figure.is_none() && is_image_box(self.dom, node) => {
                    ctx.tag = Tag::Figure;
                    self.figure = Some((node, None, ctx.clone()));
                }
                "table" => ctx.landmarks |= landmark::LAYOUT_TABLE,
                _ => {}
            }
        } else {
            if name == "a" {
                ctx.in_link = true;
                if !parent.in_link {
                    self.run.links = self.run.links.saturating_add(1);
                }
            }
            if name == "time" {
                ctx.landmarks |= landmark::TIME;
            }
            if let Some(tag) = inline::Tag::of_element(name) {
                self.run.open.push((tag, node));
                inline = Some(tag);
            }
        }
        if self.run.text.is_empty() {
            self.run.line = line;
        }
        self.stack.push(Frame {
            ctx,
            inline,
            block_level,
        });
        false
    }

    fn leave(&mut self) {
        // The run ends inside this element: flush while its context is on top.
        if self.stack.last().is_some_and(|f| f.block_level) {
            self.flush();
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if frame.block_level {
            if frame.ctx.tag == Tag::Figure {
                self.finish_figure(frame.ctx.node);
            }
        } else if let Some(tag) = frame.inline {
            self.close_inline(tag);
        }
    }

    /// Ends the innermost open inline element `tag`.
    fn close_inline(&mut self, tag: inline::Tag) {
        if let Some(pos) = self.run.open.iter().rposition(|(t, _)| *t == tag) {
            if pos < self.run.written {
                // Close it, and anything opened inside it, in order.
                let at = self.run.text.len() as u32;
                for _ in pos..self.run.written {
                    self.events.push(Event::Close { at });
                }
                let reopen: Vec<_> = self.run.open.drain(pos + 1..).collect();
                self.run.open.truncate(pos);
                self.run.written = pos;
                self.run.open.extend(reopen);
            } else {
                self.run.open.remove(pos);
            }
        }
    }

    /// A MathML formula is a part of its sentence ("the probability
    /// p_{ij} that…"): without it the sentence reads "the probability
    /// that…". It goes in as code, in the TeX that `alttext` or a TeX
    /// annotation gives (Wikipedia, MathJax and KaTeX all write one), else
    /// as the formula's own characters.
    fn formula(&mut self, node: NodeId, e: &Element) {
        let text = formula_text(self.dom, node, e);
        if text.is_empty() {
            return;
        }
        self.run.open.push((inline::Tag::Code, node));
        self.text(&text);
        self.close_inline(inline::Tag::Code);
    }

    fn text(&mut self, t: &str) {
        let (node, in_pre, in_link) = self.stack.last().map_or((DOCUMENT, false, false), |f| {
            (f.ctx.node, f.ctx.in_pre, f.ctx.in_link)
        });
        if in_pre {
            if self.run.text.is_empty() {
                self.run.line = ctx_line(self.dom, node);
            }
            self.open_inline_tags();
            self.run.text.push_str(t);
            return;
        }
        let mut added = 0u32;
        let bytes = t.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // A run of printable ASCII goes in at once.
            if (0x21..0x7f).contains(&b) {
                let start = i;
                while i < bytes.len() && (0x21..0x7f).contains(&bytes[i]) {
                    i += 1;
                }
                self.visible(&t[start..i], node);
                added += (i - start) as u32;
                continue;
            }
            let c = t[i..].chars().next().expect("i is a char boundary");
            i += c.len_utf8();
            if crate::text::is_space(c) {
                if !self.run.text.is_empty() {
                    self.run.pending_space = true;
                }
                continue;
            }
            if matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'
            ) || super::is_stray_control(c)
            {
                continue;
            }
            self.visible(c.encode_utf8(&mut [0; 4]), node);
            added += 1;
        }
        if in_link {
            self.run.link_chars += added;
        }
        self.run.end_line = ctx_line(self.dom, node).max(self.run.line);
    }

    /// Adds characters that show (no white space among them) to the run.
    fn visible(&mut self, chars: &str, node: NodeId) {
        if self.run.text.is_empty() {
            self.run.line = ctx_line(self.dom, node);
        }
        // No space at the start of a line: lines are trimmed.
        if self.run.pending_space && !self.run.text.ends_with('\n') {
            self.run.text.push(' ');
        }
        self.run.pending_space = false;
        self.open_inline_tags();
        self.run.text.push_str(chars);
        self.run.brs = 0;
    }

    /// Opens, in this run, the inline elements open but not yet opened.
    fn open_inline_tags(&mut self) {
        let at = self.run.text.len() as u32;
        while self.run.written < self.run.open.len() {
            let (tag, node) = self.run.open[self.run.written];
            self.events.push(Event::Open { tag, node, at });
            self.run.written += 1;
        }
    }

    fn line_break(&mut self, line: u32) {
        if self.stack.last().is_some_and(|f| f.ctx.in_pre) {
            self.run.text.push('\n');
            return;
        }
        self.run.brs = self.run.brs.saturating_add(1);
        if self.run.brs >= 2 {
            // A blank line made of <br><br> separates paragraphs.
            if self.run.text.ends_with('\n') {
                self.run.text.pop();
                if let Some(Event::Break { .. }) = self.events.last() {
                    self.events.pop();
                }
            }
            self.flush();
            return;
        }
        if !self.run.text.is_empty() {
            self.events.push(Event::Break {
                at: self.run.text.len() as u32,
            });
            self.run.text.push('\n');
            self.run.pending_space = false;
            self.run.end_line = line;
        }
    }

    fn image(&mut self, e: &Element) {
        let Some(src) = image_source(e) else {
            return;
        };
        let src = resolve(self.base.as_deref(), &src);
        if !is_safe_image(&src) || is_tiny(e) {
            return;
        }
        let image = Image {
            src,
            alt: crate::text::collapse_whitespace(e.attr("alt").unwrap_or("")),
        };
        if let Some((_, img @ None, _)) = &mut self.figure {
            *img = Some(image);
            return;
        }
        if self.figure.is_some()
            || !self.run.text.is_empty()
            || self.stack.last().is_some_and(|f| f.ctx.in_link)
        {
            // Icons inside text and thumbnails inside teaser links are not
            // the article's pictures.
            return;
        }
        let ctx = self.ctx();
        self.blocks.push(Block {
            kind: Kind::Figure,
            level: 0,
            text: String::new(),
            markup: BlockMarkup::None,
            line: e.line,
            end_line: e.line,
            group: ctx.node,
            ordered: false,
            image: Some(image),
            source: Evidence::Html(evidence(&ctx, Tag::Figure, 0, 0)),
        });
    }

    fn finish_figure(&mut self, node: NodeId) {
        let Some((group, image, ctx)) = self.figure.take_if(|(g, _, _)| *g == node) else {
            return;
        };
        // The caption is what the figure's blocks said; take them back.
        let mut caption = Vec::new();
        let mut link_chars = 0;
        let mut links = 0;
        let mut line = ctx_line(self.dom, node);
        while let Some(b) = self.blocks.last() {
            if b.group != group || b.kind != Kind::Figure || b.image.is_some() {
                break;
            }
            let b = self.blocks.pop().expect("checked above");
            if let Some(d) = b.dom() {
                link_chars += d.link_chars;
                links += d.links;
            }
            line = b.line;
            caption.push(b);
        }
        caption.reverse();
        if image.is_none() && caption.is_empty() {
            return;
        }
        // One text, the runs joined by spaces; their events follow one
        // another, each run's offsets now counted from the joined text.
        let mut text = String::new();
        let mut events: Option<(u32, u32)> = None;
        for b in &caption {
            if !text.is_empty() {
                text.push(' ');
            }
            if let BlockMarkup::Events { start, end } = b.markup {
                let by = text.len() as u32;
                for e in &mut self.events[start as usize..end as usize] {
                    e.shift(by);
                }
                events = Some(events.map_or((start, end), |(s, _)| (s, end)));
            }
            text.push_str(&b.text);
        }
        let markup = match events {
            Some((start, end)) => BlockMarkup::Events { start, end },
            None if text.is_empty() => BlockMarkup::None,
            None => BlockMarkup::Plain,
        };
        self.blocks.push(Block {
            kind: Kind::Figure,
            level: 0,
            markup,
            text,
            line,
            end_line: ctx_line(self.dom, node).max(line),
            group,
            ordered: false,
            image,
            source: Evidence::Html(evidence(&ctx, Tag::Figure, link_chars, links)),
        });
    }

    /// Ends the current run of inline content, turning it into a block.
    fn flush(&mut self) {
        if self.run.text.is_empty() {
            // Most boundaries end an empty run: nothing was recorded, only
            // the counts start afresh.
            self.run.link_chars = 0;
            self.run.links = 0;
            self.run.pending_space = false;
            self.run.brs = 0;
            return;
        }
        let mut run = std::mem::take(&mut self.run);
        // Inline elements still open continue into the next run.
        self.run.open = std::mem::take(&mut run.open);
        let mut text = run.text;
        let trimmed = text.trim_end_matches('\n').len();
        text.truncate(trimmed);
        // Line breaks at the end go with the newlines they stood for.
        while self.events.len() > run.events_start
            && matches!(self.events.last(), Some(Event::Break { at }) if *at as usize >= text.len())
        {
            self.events.pop();
        }
        if text.trim().is_empty() {
            self.events.truncate(run.events_start);
            self.run.events_start = self.events.len();
            return;
        }
        let markup = if self.events.len() > run.events_start {
            BlockMarkup::Events {
                start: run.events_start as u32,
                end: self.events.len() as u32,
            }
        } else {
            BlockMarkup::Plain
        };
        self.run.events_start = self.events.len();
        let ctx = self.ctx();
        let (kind, group) = match &self.figure {
            // Inside a figure, every run is caption text (see finish_figure).
            Some((g, _, _)) => (Kind::Figure, *g),
            None => (ctx.kind, ctx.group),
        };
        let tag = if self.figure.is_some() {
            Tag::Figure
        } else {
            ctx.tag
        };
        self.blocks.push(Block {
            kind,
            level: if kind == Kind::Heading { ctx.level } else { 0 },
            text,
            markup,
            line: run.line,
            end_line: run.end_line.max(run.line),
            group,
            ordered: ctx.ordered,
            image: None,
            source: Evidence::Html(evidence(&ctx, tag, run.link_chars, run.links)),
        });
    }

    fn table(&mut self, node: NodeId, e: &'a Element, ctx: &Context) {
        let dom = self.dom;
        let mut text_rows: Vec<String> = Vec::new();
        let mut link_chars = 0u32;
        let mut links = 0u16;
        for (n, entering) in dom.walk(node) {
            let Some(el) = dom.element(n) else {
                continue;
            };
            let has_children = dom.node(n).first_child.is_some();
            match el.local() {
                "tr" if entering && has_children => text_rows.push(String::new()),
                "td" | "th" if entering => {
                    let cell = crate::text::collapse_whitespace(&dom.text_of(n));
                    let (lc, l) = link_text(dom, n);
                    link_chars += lc;
                    links = links.saturating_add(l);
                    if let Some(row) = text_rows.last_mut() {
                        if !row.is_empty() {
                            row.push('\t');
                        }
                        row.push_str(&cell);
                    }
                }
                _ => {}
            }
        }
        let text = text_rows
            .into_iter()
            .filter(|r| !r.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if text.is_empty() {
            return;
        }
        let mut ev = evidence(ctx, Tag::Table, link_chars, links);
        let bits = self.hint_cache.element_hints(e);
        for (i, h) in ev.hints.iter_mut().enumerate() {
            if bits & (1 << i) != 0 {
                *h = 0;
            }
        }
        self.blocks.push(Block {
            kind: Kind::Table,
            level: 0,
            text,
            markup: BlockMarkup::Table(node),
            line: e.line,
            end_line: last_line(dom, node),
            group: node,
            ordered: false,
            image: None,
            source: Evidence::Html(ev),
        });
    }
}

fn evidence(ctx: &Context, tag: Tag, link_chars: u32, links: u16) -> DomEvidence {
    DomEvidence {
        container: ctx.block_node,
        tag,
        link_chars,
        links,
        landmarks: ctx.landmarks,
        hints: ctx.hints,
        depth: ctx.depth,
    }
}

/// The characters of link text below `node` (not counting white space),
/// and the links.
fn link_text(dom: &Dom, node: NodeId) -> (u32, u16) {
    let mut chars = 0u32;
    let mut links = 0u16;
    let mut in_link = 0u32;
    let mut walk = dom.walk(node);
    while let Some((n, entering)) = walk.next() {
        match &dom.node(n).data {
            NodeData::Text(t) if entering && in_link > 0 => {
                chars += t.chars().filter(|c| !crate::text::is_space(*c)).count() as u32;
            }
            NodeData::Element(e) if n != node => {
                if entering && (is_skipped(&e.name.local) || !e.is_html()) {
                    walk.skip_children();
                    continue;
                }
                if e.local() == "a" && e.is_html() {
                    let has_children = dom.node(n).first_child.is_some();
                    if entering {
                        links = links.saturating_add(1);
                        in_link += u32::from(has_children);
                    } else {
                        in_link = in_link.saturating_sub(1);
                    }
                }
            }
            _ => {}
        }
    }
    (chars, links)
}

impl Markup {
    /// Bytes of the recorded events, for the memory budget.
    pub fn bytes(&self) -> usize {
        self.events.capacity() * std::mem::size_of::<Event>()
    }

    /// The spans of a block the article keeps.
    pub fn content(&self, dom: &Dom, block: &Block) -> Content {
        match block.markup {
            BlockMarkup::None => Content::None,
            BlockMarkup::Plain => Content::Inline(vec![Inline::Text(block.text.clone())]),
            BlockMarkup::Events { start, end } => Content::Inline(spans(
                &block.text,
                &self.events[start as usize..end as usize],
                |tag, node| self.attribute(dom, tag, node),
            )),
            BlockMarkup::Table(node) => self.table(dom, node),
        }
    }

    /// The attribute an inline element keeps (see [`inline::Tag::attribute`]):
    /// a link's address made absolute, when it is safe to follow.
    fn attribute(&self, dom: &Dom, tag: inline::Tag, node: NodeId) -> Option<String> {
        let value = dom.element(node)?.attr(tag.attribute()?)?;
        if tag != inline::Tag::A {
            return Some(value.to_string());
        }
        if value.trim().is_empty() {
            return None;
        }
        let href = resolve(self.base.as_deref(), value);
        is_safe_link(&href).then_some(href)
    }

    fn table(&self, dom: &Dom, node: NodeId) -> Content {
        let mut caption = Vec::new();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        for (n, entering) in dom.walk(node) {
            let Some(el) = dom.element(n) else {
                continue;
            };
            if !entering {
                continue;
            }
            match el.local() {
                "tr" if dom.node(n).first_child.is_some() => rows.push(Vec::new()),
                "caption" => {
                    let text = crate::text::collapse_whitespace(&dom.text_of(n));
                    if !text.is_empty() {
                        caption = vec![Inline::Text(text)];
                    }
                }
                name @ ("td" | "th") => {
                    let span = |a: &str| {
                        el.attr(a)
                            .and_then(|v| v.trim().parse::<u16>().ok())
                            .map(|n| n.clamp(1, 1000))
                    };
                    let cell = Cell {
                        header: name == "th",
                        colspan: span("colspan"),
                        rowspan: span("rowspan"),
                        content: self.subtree(dom, n),
                    };
                    match rows.last_mut() {
                        Some(row) => row.push(cell),
                        None => rows.push(vec![cell]),
                    }
                }
                _ => {}
            }
        }
        Content::Table { caption, rows }
    }

    /// The spans of an element's content (a table cell), white space
    /// collapsed as in paragraphs.
    fn subtree(&self, dom: &Dom, node: NodeId) -> Vec<Inline> {
        let mut b = Builder::default();
        let mut text = String::new();
        let mut emitted = false;
        let mut pending_space = false;
        let mut walk = dom.walk(node);
        while let Some((n, entering)) = walk.next() {
            if n == node {
                continue;
            }
            match &dom.node(n).data {
                NodeData::Text(t) if entering => {
                    for c in t.chars() {
                        if crate::text::is_space(c) {
                            pending_space = emitted;
                            continue;
                        }
                        if pending_space {
                            text.push(' ');
                            pending_space = false;
                        }
                        text.push(c);
                        emitted = true;
                    }
                }
                NodeData::Element(e) => {
                    let has_children = dom.node(n).first_child.is_some();
                    if entering && (is_skipped(&e.name.local) || !e.is_html()) {
                        if has_children {
                            walk.skip_children();
                            b.open(None);
                        }
                        continue;
                    }
                    b.text(std::mem::take(&mut text));
                    if entering && e.local() == "br" {
                        b.push(Inline::Break);
                        emitted = true;
                        continue;
                    }
                    let tag = inline::Tag::of_element(e.local());
                    if entering {
                        emitted |= tag.is_some();
                        if has_children || tag.is_some() {
                            b.open(tag.map(|t| (t, self.attribute(dom, t, n))));
                        }
                        if !has_children && tag.is_some() {
                            b.close();
                        }
                    } else {
                        b.close();
                        if tag.is_none() && is_block_level(&e.name.local) {
                            pending_space = emitted;
                        }
                    }
                }
                _ => {}
            }
        }
        b.text(text);
        b.finish()
    }
}

/// Spans built in document order: text, and elements opened and closed.
#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    root: Vec<Inline>,
}

/// An element being built. Without a tag it is not kept: its children
/// join its parent's.
struct Open {
    element: Option<(inline::Tag, Option<String>)>,
    children: Vec<Inline>,
}

impl Builder {
    fn push(&mut self, span: Inline) {
        let spans = match self.stack.last_mut() {
            Some(open) => &mut open.children,
            None => &mut self.root,
        };
        // Text that an element not kept (a <span>) split is one text.
        if let (Some(Inline::Text(last)), Inline::Text(more)) = (spans.last_mut(), &span) {
            last.push_str(more);
            return;
        }
        spans.push(span);
    }

    fn text(&mut self, text: String) {
        if !text.is_empty() {
            self.push(Inline::Text(text));
        }
    }

    fn open(&mut self, element: Option<(inline::Tag, Option<String>)>) {
        self.stack.push(Open {
            element,
            children: Vec::new(),
        });
    }

    fn close(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        match open.element {
            Some((tag, attr)) => self.push(Inline::Element {
                tag,
                attr,
                children: open.children,
            }),
            None => {
                for child in open.children {
                    self.push(child);
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Inline> {
        while !self.stack.is_empty() {
            self.close();
        }
        self.root
    }
}

/// Builds the spans of a block's text from its markup events.
fn spans(
    text: &str,
    events: &[Event],
    attribute: impl Fn(inline::Tag, NodeId) -> Option<String>,
) -> Vec<Inline> {
    let mut b = Builder::default();
    let mut pos = 0usize;
    for e in events {
        let at = (e.at() as usize).min(text.len());
        if at > pos {
            b.text(text[pos..at].to_string());
            pos = at;
        }
        match *e {
            Event::Open { tag, node, .. } => b.open(Some((tag, attribute(tag, node)))),
            Event::Close { .. } => b.close(),
            Event::Break { .. } => {
                b.push(Inline::Break);
                if text[pos..].starts_with('\n') {
                    pos += 1;
                }
            }
        }
    }
    b.text(text[pos..].to_string());
    b.finish()
}

fn ctx_line(dom: &Dom, node: NodeId) -> u32 {
    dom.element(node).map_or(1, |e| e.line)
}

fn last_line(dom: &Dom, node: NodeId) -> u32 {
    dom.walk(node)
        .filter_map(|(n, _)| dom.element(n).map(|e| e.line))
        .max()
        .unwrap_or(1)
}

/// The hint bits of attribute values, each value matched once per page.
#[derive(Default)]
struct HintCache<'a> {
    bits: std::collections::HashMap<&'a str, u16, crate::text::FastHash>,
}

/// Values past this many are matched without being remembered: the cache
/// stays small, and its fast hash cannot be flooded.
const HINT_CACHE_ENTRIES: usize = 4096;

impl<'a> HintCache<'a> {
    /// Hint bits from the attributes that name an element's purpose.
    fn element_hints(&mut self, e: &'a Element) -> u16 {
        let mut bits = 0;
        for (name, value) in &e.attrs {
            if value.is_empty() || value.len() >= 500 || !is_hint_attribute(name) {
                continue;
            }
            bits |= match self.bits.get(&**value) {
                Some(&b) => b,
                None => {
                    let b = crate::lexicon::hint_bits(value);
                    if self.bits.len() < HINT_CACHE_ENTRIES {
                        self.bits.insert(value, b);
                    }
                    b
                }
            };
        }
        bits
    }
}

/// Attributes that name an element's purpose.
fn is_hint_attribute(name: &str) -> bool {
    match name.as_bytes().first() {
        Some(b'c' | b'i' | b'r' | b'a') => {
            matches!(
                name,
                "class" | "id" | "role" | "itemprop" | "aria-label" | "rel"
            )
        }
        Some(b'd') => matches!(
            name,
            "data-component"
                | "data-module"
                | "data-testid"
                | "data-test-id"
                | "data-type"
                | "data-block"
                | "data-role"
                | "data-section"
                | "data-widget"
        ),
        _ => false,
    }
}

fn landmarks(name: &str, e: &Element, inherited: u16) -> u16 {
    let role = e.get(&local_name!("role")).unwrap_or("");
    let in_article = inherited & (landmark::ARTICLE | landmark::MAIN) != 0;
    let mut bits = 0;
    match name {
        "nav" => bits |= landmark::NAV,
        // A header or footer inside an article is the article's own
        // (headline, byline; tags, author box), not the site's.
        "header" if !in_article => bits |= landmark::HEADER,
        "footer" if !in_article => bits |= landmark::FOOTER,
        "aside" => bits |= landmark::ASIDE,
        "form" | "fieldset" => bits |= landmark::FORM,
        "article" => bits |= landmark::ARTICLE,
        "main" => bits |= landmark::MAIN,
        "li" => bits |= landmark::LIST,
        "figure" => bits |= landmark::FIGURE,
        "address" => bits |= landmark::ADDRESS,
        _ => {}
    }
    if !role.is_empty() {
        let is = |r: &str| role.eq_ignore_ascii_case(r);
        if is("navigation") || is("menubar") || is("menu") || is("tablist") {
            bits |= landmark::NAV;
        } else if is("banner") {
            bits |= landmark::HEADER;
        } else if is("contentinfo") {
            bits |= landmark::FOOTER;
        } else if is("complementary") {
            bits |= landmark::ASIDE;
        } else if is("search") || is("form") {
            bits |= landmark::FORM;
        } else if is("main") {
            bits |= landmark::MAIN;
        } else if is("article") {
            bits |= landmark::ARTICLE;
        } else if is("dialog") || is("alertdialog") {
            bits |= landmark::DIALOG;
        }
    }
    let itemprop = e.get(&local_name!("itemprop")).unwrap_or("");
    if itemprop.eq_ignore_ascii_case("articleBody") || itemprop.eq_ignore_ascii_case("text") {
        bits |= landmark::ARTICLE;
    }
    bits
}

/// A formula's text: its TeX when the markup carries it, else the
/// characters of its tokens.
fn formula_text(dom: &Dom, node: NodeId, e: &Element) -> String {
    let tex = e.attr("alttext").map(str::to_string).or_else(|| {
        dom.walk(node).find_map(|(n, entering)| {
            let a = dom.element(n).filter(|_| entering)?;
            (a.local() == "annotation" && a.attr("encoding").is_some_and(|v| v.contains("tex")))
                .then(|| dom.text_of(n))
        })
    });
    let text = match tex {
        Some(tex) => {
            let tex = tex.trim();
            // Wikipedia wraps every formula in "{\displaystyle …}".
            tex.strip_prefix("{\\displaystyle")
                .or_else(|| tex.strip_prefix("{\\textstyle"))
                .and_then(|t| t.strip_suffix('}'))
                .unwrap_or(tex)
                .to_string()
        }
        None => {
            let mut out = String::new();
            let mut walk = dom.walk(node);
            while let Some((n, entering)) = walk.next() {
                match &dom.node(n).data {
                    NodeData::Element(a) if entering && a.local() == "annotation-xml" => {
                        walk.skip_children()
                    }
                    NodeData::Element(a) if entering && a.local() == "annotation" => {
                        walk.skip_children()
                    }
                    NodeData::Text(t) if entering => out.push_str(t),
                    _ => {}
                }
            }
            out
        }
    };
    crate::text::collapse_whitespace(&text)
}

pub(crate) fn is_hidden(e: &Element) -> bool {
    if e.get(&local_name!("hidden")).is_some() {
        return true;
    }
    if e.get(&local_name!("aria-hidden"))
        .is_some_and(|v| v.trim() == "true")
    {
        return true;
    }
    e.get(&local_name!("style")).is_some_and(|style| {
        declares(style, b"display:none") || declares(style, b"visibility:hidden")
    })
}

/// Whether a `style` attribute holds `declaration`, case and white space
/// aside ("Display : None"), without copying the attribute. The matching
/// restarts at a mismatch, which is exact because neither declaration's
/// first letter appears in it again.
fn declares(style: &str, declaration: &[u8]) -> bool {
    let mut matched = 0;
    for b in style.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let b = b.to_ascii_lowercase();
        if b == declaration[matched] {
            matched += 1;
            if matched == declaration.len() {
                return true;
            }
        } else {
            matched = usize::from(b == declaration[0]);
        }
    }
    false
}

/// The image's real source: lazy-loading attributes first, then the
/// largest `srcset` candidate, then `src` unless it is a placeholder.
fn image_source(e: &Element) -> Option<String> {
    for attr in [
        "data-src",
        "data-lazy-src",
        "data-original",
        "data-url",
        "data-hi-res-src",
    ] {
        if let Some(v) = e.attr(attr).map(str::trim).filter(|v| !v.is_empty()) {
            return Some(v.to_string());
        }
    }
    for attr in ["data-srcset", "srcset", "data-lazy-srcset"] {
        if let Some(best) = e.attr(attr).and_then(largest_candidate) {
            return Some(best);
        }
    }
    let src = e.attr("src")?.trim();
    // Lazy loaders put a tiny data: GIF in src until the real one loads.
    if src.is_empty() || (src.starts_with("data:") && src.len() < 200) {
        return None;
    }
    Some(src.to_string())
}

fn largest_candidate(srcset: &str) -> Option<String> {
    srcset
        .split(',')
        .filter_map(|c| {
            let mut parts = c.split_whitespace();
            let url = parts.next()?;
            let size = parts
                .next()
                .and_then(|d| parse_f32(d.trim_end_matches(['w', 'x'])))
                .unwrap_or(1.0);
            Some((url, size))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(u, _)| u.to_string())
}

/// What `s.parse::<f32>().ok()` gives, for a srcset descriptor, without
/// the standard parser: its tables of powers of five (10 KB) and code are
/// 13 KB of the gzipped wasm, for this one use. Same grammar (sign, digits
/// with an optional point, exponent, `inf`, `infinity`, `nan`), and the
/// same value wherever the decimal is exact in f32 arithmetic: at most 7
/// significant digits and a power of ten within ±10 (`1.5`, `640`, `2`:
/// what srcsets hold). Beyond that the value is the f64 estimate, which
/// can differ from the correctly rounded f32 in its last bit, and so
/// choose between two candidates whose widths agree to 7 digits.
fn parse_f32(s: &str) -> Option<f32> {
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let value = if ["inf", "infinity"]
        .iter()
        .any(|w| rest.eq_ignore_ascii_case(w))
    {
        f32::INFINITY
    } else if rest.eq_ignore_ascii_case("nan") {
        f32::NAN
    } else {
        decimal(rest.as_bytes())?
    };
    Some(if negative { -value } else { value })
}

fn decimal(b: &[u8]) -> Option<f32> {
    // Significant digits, up to 19 of them, and the power of ten they
    // stand at.
    let (mut mantissa, mut exponent, mut digits) = (0u64, 0i64, 0usize);
    let mut truncated = false;
    let mut i = 0;
    let mut seen = 0;
    let mut point = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                seen += 1;
                if digits < 19 {
                    if mantissa > 0 || d != b'0' {
                        mantissa = mantissa * 10 + u64::from(d - b'0');
                        digits += 1;
                    }
                    if point {
                        exponent -= 1;
                    }
                } else {
                    truncated |= d != b'0';
                    if !point {
                        exponent += 1;
                    }
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if seen == 0 {
        return None;
    }
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e = 0i64;
        while let Some(d @ b'0'..=b'9') = b.get(i) {
            e = (e * 10 + i64::from(d - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start || i < b.len() {
            return None;
        }
        exponent += if negative { -e } else { e };
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    const POWERS: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
    if mantissa <= 1 << 24 && !truncated && (-10..=10).contains(&exponent) {
        // Both operands exact in f32: one correctly rounded operation.
        let m = mantissa as f32;
        let p = POWERS[exponent.unsigned_abs() as usize];
        return Some(if exponent < 0 { m / p } else { m * p });
    }
    let e = exponent.clamp(-400, 400) as i32;
    Some((mantissa as f64 * 10f64.powi(e)) as f32)
}

/// Tracking pixels and icons declare their size.
fn is_tiny(e: &Element) -> bool {
    let dim = |a: &str| {
        e.attr(a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    matches!(dim("width"), Some(w) if w < 60) || matches!(dim("height"), Some(h) if h < 60)
}

/// A table of data (rows and columns of values) rather than one that lays
/// out a page: no block content or nested tables in its cells, and at
/// least two cells. Looks only inside this table, and no table is looked
/// into twice (a data table's subtree is skipped by the walk), so the cost
/// stays linear.
fn is_data_table(dom: &Dom, node: NodeId) -> bool {
    let e = match dom.element(node) {
        Some(e) => e,
        None => return false,
    };
    if e.attr("role")
        .is_some_and(|r| r.eq_ignore_ascii_case("presentation") || r == "none")
    {
        return false;
    }
    let mut cells = 0;
    let mut rows = 0;
    let mut text_len = 0usize;
    for (n, entering) in dom.walk(node) {
        if !entering || n == node {
            continue;
        }
        match &dom.node(n).data {
            NodeData::Element(el) => match el.local() {
                "td" | "th" => cells += 1,
                "tr" => rows += 1,
                "table" | "div" | "p" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                | "blockquote" | "section" | "article" | "figure" | "form" | "iframe" | "nav" => {
                    return false
                }
                _ => {}
            },
            NodeData::Text(t) => text_len += t.len(),
            _ => {}
        }
        if text_len > 50_000 {
            // Long prose in a single table is a layout.
            return false;
        }
    }
    cells >= 2 && rows >= 1
}

#[cfg(test)]
mod tests {

    #[test]
    fn descriptors_parse_as_the_standard_parser_does() {
        let mut cases: Vec<String> = [
            "",
            ".",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1x",
            "1_0",
            " 1",
            "inf",
            "-inf",
            "+Infinity",
            "INF",
            "in",
            "nan",
            "NaN",
            "-nan",
            "0",
            "-0",
            "+0.0",
            "00012",
            ".5",
            "5.",
            "+.5",
            "-.5e1",
            "1e10",
            "1E-10",
            "1e+3",
            "0.000123",
            "1.5",
            "2",
            "640",
            "1920",
            "16777216",
            "16777217",
            "0.1",
            "3.14159",
            "1e-45",
            "1e39",
            "1e400",
            "1e-400",
            "12345678901234567890123",
            "0.00000000000000000000001234",
            "1.0000000001",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..50_000 {
            let whole = next(10_000_000);
            let case = match next(4) {
                0 => format!("{whole}"),
                1 => format!("{}.{}", whole / 10u64.pow(next(7) as u32), next(1000)),
                2 => format!("{}e{}", next(100_000), next(21) as i64 - 10),
                _ => format!(".{:0>width$}", next(100_000), width = next(6) as usize + 1),
            };
            cases.push(case);
        }
        for case in cases {
            let ours = super::parse_f32(&case);
            let standard = case.parse::<f32>().ok();
            match (ours, standard) {
                (Some(a), Some(b)) if a.is_nan() => {
                    assert!(
                        b.is_nan() && a.is_sign_negative() == b.is_sign_negative(),
                        "{case}"
                    )
                }
                (Some(a), Some(b)) => {
                    let significant = case.trim_start_matches(['+', '-', '0', '.']);
                    let digits = significant
                        .split(['e', 'E'])
                        .next()
                        .unwrap()
                        .replace('.', "");
                    let power = case
                        .split_once(['e', 'E'])
                        .map_or(0, |(_, e)| e.parse::<i32>().unwrap());
                    let fast = if case.contains(['e', 'E']) {
                        !case.contains('.') && digits.len() <= 7 && power.abs() <= 10
                    } else {
                        digits.trim_end_matches('0').len() <= 7
                    };
                    if fast {
                        assert_eq!(a.to_bits(), b.to_bits(), "{case}");
                    } else {
                        // The f64 estimate: within a bit of the f32.
                        let ulp = (a.to_bits() as i64 - b.to_bits() as i64).abs();
                        assert!(ulp <= 1, "{case}: {a} {b}");
                    }
                }
                (a, b) => assert_eq!(a, b, "{case}"),
            }
        }
    }
    use super::*;
    use crate::blocks::hint;

    fn read(html: &str, base: Option<&str>) -> HtmlInput {
        super::read(crate::dom::prepare(html), base)
    }

    fn blocks(html: &str) -> Vec<Block> {
        read(html, Some("https://example.com/news/story.html")).blocks
    }

    #[test]
    fn a_kicker_or_a_hidden_label_opening_a_headline_is_a_block_of_its_own() {
        let b = blocks(
            "<h1><span class=\"roofline\">Ernährung sichern</span>Schulze: Hilfe gegen Hunger</h1>\
             <h2><span class=\"visually-hidden\">Headline:</span> Energiewende im Wandel</h2>\
             <h3>Mehr <span class=\"kicker\">zum Thema</span></h3>",
        );
        let shown: Vec<(Kind, &str)> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (Kind::Paragraph, "Ernährung sichern"),
                (Kind::Heading, "Schulze: Hilfe gegen Hunger"),
                (Kind::Paragraph, "Headline:"),
                (Kind::Heading, "Energiewende im Wandel"),
                // Inside the headline's words, a span is part of them.
                (Kind::Heading, "Mehr zum Thema"),
            ]
        );
    }

    /// Each block's markup, built, written as pseudo-HTML to compare.
    fn markup(html: &str) -> Vec<String> {
        let input = read(html, Some("https://example.com/news/story.html"));
        (0..input.blocks.len())
            .map(
                |i| match input.markup.content(&input.dom, &input.blocks[i]) {
                    Content::None => String::new(),
                    Content::Inline(spans) => shown(&spans),
                    Content::Table { caption, rows } => {
                        let mut out = shown(&caption);
                        for row in rows {
                            out.push_str("<tr>");
                            for c in row {
                                let tag = if c.header { "th" } else { "td" };
                                out.push_str(&format!("<{tag}>{}</{tag}>", shown(&c.content)));
                            }
                            out.push_str("</tr>");
                        }
                        out
                    }
                },
            )
            .collect()
    }

    fn shown(spans: &[Inline]) -> String {
        spans
            .iter()
            .map(|s| match s {
                Inline::Text(t) => t.clone(),
                Inline::Break => "<br>".into(),
                Inline::Element {
                    tag,
                    attr,
                    children,
                } => {
                    let attr = attr.as_deref().map_or(String::new(), |a| format!(" {a}"));
                    format!("<{}{attr}>{}</{}>", tag.name(), shown(children), tag.name())
                }
            })
            .collect()
    }

    fn texts(b: &[Block]) -> Vec<&str> {
        b.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn block_elements_split_runs_of_inline_text() {
        let b = blocks("<div>intro <b>bold</b><p>para</p>tail</div>");
        assert_eq!(texts(&b), ["intro bold", "para", "tail"]);
    }

    #[test]
    fn a_date_beside_the_author_in_a_meta_bar_is_a_block_of_its_own() {
        let b = blocks(
            "<div class=meta><span class=author>di Giulia Ferrante</span><span class=date>14 marzo 2024</span></div>\
             <p>Text with a <span class=date>date</span> inside.</p>",
        );
        assert_eq!(
            texts(&b),
            [
                "di Giulia Ferrante",
                "14 marzo 2024",
                "Text with a date inside."
            ]
        );
    }

    #[test]
    fn headings_carry_their_level() {
        let b = blocks("<h2>Sub</h2><p>x</p>");
        assert_eq!(b[0].kind, Kind::Heading);
        assert_eq!(b[0].level, 2);
    }

    #[test]
    fn inline_markup_keeps_only_the_allowed_elements_and_resolves_links() {
        let m = markup(
            "<p onclick=x>A <a href=\"/x\" onmouseover=y>link</a> and <span style=\"c\">span</span> <script>evil()</script></p>",
        );
        assert_eq!(m[0], "A <a https://example.com/x>link</a> and span");
    }

    #[test]
    fn links_to_scripts_keep_their_text_and_lose_their_address() {
        let m = markup("<p><a href=\"javascript:alert(1)\">x</a> y</p>");
        assert_eq!(m[0], "<a>x</a> y");
    }

    #[test]
    fn link_text_is_counted() {
        let b = blocks("<p>ab <a href=/>cd</a></p>");
        let d = b[0].dom().unwrap();
        assert_eq!((d.link_chars, d.links), (2, 1));
    }

    #[test]
    fn landmarks_and_hints_are_inherited() {
        let b = blocks(
            "<nav><ul><li>Home</li></ul></nav><div class=\"share-bar\"><div><p>Share</p></div></div>",
        );
        assert!(b[0].has_landmark(landmark::NAV));
        assert!(b[0].has_landmark(landmark::LIST));
        assert_eq!(b[1].hint(hint::SHARE), 2);
        assert_eq!(b[1].hint(hint::COMMENTS), FAR);
    }

    #[test]
    fn headers_inside_articles_are_not_page_headers() {
        let b =
            blocks("<header><p>site</p></header><article><header><h1>T</h1></header></article>");
        assert!(b[0].has_landmark(landmark::HEADER));
        assert!(!b[1].has_landmark(landmark::HEADER));
        assert!(b[1].has_landmark(landmark::ARTICLE));
    }

    #[test]
    fn styles_that_hide_are_read_whatever_their_case_and_spacing() {
        assert!(declares("color: red; Display : None", b"display:none"));
        assert!(declares("visibility:hidden", b"visibility:hidden"));
        assert!(!declares(
            "display: block; text-decoration: none",
            b"display:none"
        ));
        assert!(!declares("ddisplay:non", b"display:none"));
    }

    #[test]
    fn hidden_elements_are_flagged() {
        let b = blocks("<div style=\"display: none\"><p>a</p></div><p hidden>b</p><p>c</p>");
        assert!(b[0].has_landmark(landmark::HIDDEN));
        assert!(b[1].has_landmark(landmark::HIDDEN));
        assert!(!b[2].has_landmark(landmark::HIDDEN));
    }

    #[test]
    fn figures_become_one_block_with_image_and_caption() {
        let html = "<figure><img data-src=\"/a.jpg\" src=\"data:image/gif;base64,R0lGOD\" alt=\"A\"><figcaption>Caption <i>here</i></figcaption></figure>";
        let b = blocks(html);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].kind, Kind::Figure);
        assert_eq!(b[0].text, "Caption here");
        assert_eq!(markup(html)[0], "Caption <i>here</i>");
        let img = b[0].image.as_ref().unwrap();
        assert_eq!(img.src, "https://example.com/a.jpg");
    }

    #[test]
    fn standalone_images_become_figures_but_icons_do_not() {
        let b = blocks("<p><img src=\"/big.jpg\"></p><p>text <img src=\"/icon.png\" width=16></p>");
        assert_eq!(b[0].kind, Kind::Figure);
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].text, "text");
    }

    #[test]
    fn data_tables_are_one_block_and_layout_tables_are_walked() {
        let html =
            "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td><b>2</b></td></tr></table>\
             <table><tr><td><p>layout para</p></td></tr></table>";
        let b = blocks(html);
        assert_eq!(b[0].kind, Kind::Table);
        assert_eq!(b[0].text, "a\tb\n1\t2");
        assert_eq!(
            markup(html)[0],
            "<tr><th>a</th><th>b</th></tr><tr><td>1</td><td><b>2</b></td></tr>"
        );
        assert_eq!(b[1].text, "layout para");
        assert_eq!(b[1].kind, Kind::Paragraph);
    }

    #[test]
    fn double_line_breaks_split_paragraphs_and_single_ones_do_not() {
        let html = "<div>one<br> two<br><br>three</div>";
        assert_eq!(texts(&blocks(html)), ["one\ntwo", "three"]);
        assert_eq!(markup(html), ["one<br>two", "three"]);
    }

    #[test]
    fn list_items_share_their_list_as_group() {
        let b = blocks("<ol><li>a</li><li>b</li></ol><ul><li>c</li></ul>");
        assert_eq!(b[0].kind, Kind::ListItem);
        assert!(b[0].ordered);
        assert_eq!(b[0].group, b[1].group);
        assert_ne!(b[1].group, b[2].group);
    }

    #[test]
    fn an_inline_element_across_a_block_boundary_continues_in_the_next_block() {
        let m = markup("<a href=/x><div>one</div>two</a><p><b>bold <i>both</i></p>end</b>");
        assert_eq!(
            m,
            [
                "<a https://example.com/x>one</a>",
                "<a https://example.com/x>two</a>",
                "<b>bold <i>both</i></b>",
                "<b>end</b>"
            ]
        );
    }

    #[test]
    fn preformatted_text_keeps_its_white_space() {
        let b = blocks("<pre>fn main() {\n    x();\n}</pre>");
        assert_eq!(b[0].kind, Kind::Code);
        assert_eq!(b[0].text, "fn main() {\n    x();\n}");
    }

    #[test]
    fn base_element_sets_the_base_for_links() {
        let input = read(
            "<base href=\"https://cdn.example.org/a/\"><p><a href=\"b\">x</a></p>",
            None,
        );
        let Content::Inline(spans) = input.markup.content(&input.dom, &input.blocks[0]) else {
            panic!("a paragraph has inline content");
        };
        assert_eq!(shown(&spans), "<a https://cdn.example.org/a/b>x</a>");
    }
}
