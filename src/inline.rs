//! A block's inline markup as a tree of typed spans: text, line breaks, and
//! the few inline elements an article keeps (emphasis, links, code…). The
//! HTML reader builds it for the blocks the article keeps; renderers walk
//! it and parse nothing. No other element or attribute can be represented,
//! so none can come out.

/// An inline element, as HTML names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    A,
    Em,
    I,
    Strong,
    B,
    Code,
    Kbd,
    Samp,
    Var,
    Sub,
    Sup,
    Mark,
    Small,
    S,
    Del,
    Ins,
    U,
    Q,
    Abbr,
    Cite,
    Time,
}

impl Tag {
    pub const ALL: [Tag; 21] = [
        Tag::A,
        Tag::Em,
        Tag::I,
        Tag::Strong,
        Tag::B,
        Tag::Code,
        Tag::Kbd,
        Tag::Samp,
        Tag::Var,
        Tag::Sub,
        Tag::Sup,
        Tag::Mark,
        Tag::Small,
        Tag::S,
        Tag::Del,
        Tag::Ins,
        Tag::U,
        Tag::Q,
        Tag::Abbr,
        Tag::Cite,
        Tag::Time,
    ];

    /// The element's name, as HTML writes it.
    pub fn name(self) -> &'static str {
        match self {
            Tag::A => "a",
            Tag::Em => "em",
            Tag::I => "i",
            Tag::Strong => "strong",
            Tag::B => "b",
            Tag::Code => "code",
            Tag::Kbd => "kbd",
            Tag::Samp => "samp",
            Tag::Var => "var",
            Tag::Sub => "sub",
            Tag::Sup => "sup",
            Tag::Mark => "mark",
            Tag::Small => "small",
            Tag::S => "s",
            Tag::Del => "del",
            Tag::Ins => "ins",
            Tag::U => "u",
            Tag::Q => "q",
            Tag::Abbr => "abbr",
            Tag::Cite => "cite",
            Tag::Time => "time",
        }
    }

    /// The inline element an HTML element is kept as, if any (`strike` is
    /// written `s`).
    pub fn of_element(name: &str) -> Option<Tag> {
        if name == "strike" {
            return Some(Tag::S);
        }
        Tag::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The one attribute the element keeps: a link's address, an
    /// abbreviation's expansion, a time's machine-readable value.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Tag::A => Some("href"),
            Tag::Abbr => Some("title"),
            Tag::Time => Some("datetime"),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Break,
    Element {
        tag: Tag,
        /// The value of [`Tag::attribute`]; for a link, an absolute or
        /// relative address that is safe to follow.
        attr: Option<String>,
        children: Vec<Inline>,
    },
}

/// A cell of a table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Cell {
    /// A `<th>`.
    pub header: bool,
    pub colspan: Option<u16>,
    pub rowspan: Option<u16>,
    pub content: Vec<Inline>,
}

/// The plain text of spans, breaks as `\n`.
pub fn plain_text(spans: &[Inline]) -> String {
    let mut out = String::new();
    fn walk(spans: &[Inline], out: &mut String) {
        for s in spans {
            match s {
                Inline::Text(t) => out.push_str(t),
                Inline::Break => out.push('\n'),
                Inline::Element { children, .. } => walk(children, out),
            }
        }
    }
    walk(spans, &mut out);
    out
}
