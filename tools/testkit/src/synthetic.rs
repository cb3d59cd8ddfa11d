//! Synthetic pages of any size, for measuring how the cleaner grows with its
//! input: one long article (subheadings, paragraphs with inline links and
//! emphasis, lists, quotes, tables, figures with credits) inside the
//! boilerplate real pages carry (navigation, related teasers, ads, share
//! bars, newsletter boxes, comments, footer), nested in wrappers of varying
//! depth. As HTML, or as the plain text a Select All + Copy of it gives.
//! Deterministic: the same kind and size give the same bytes, so native,
//! wasm and criterion runs all clean the same input.
//!
//! Used by `bench/clean.rs`, `tools/dev` (the benchmark driver) and the
//! scaling tests.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Html,
    Text,
}

/// A page of `kind` of about `target_bytes` (within a few kilobytes).
pub fn page(kind: Kind, target_bytes: usize) -> String {
    let mut g = Generator {
        rng: Rng(0x5eed_0a27_1c1e),
        out: Out {
            kind,
            buf: String::with_capacity(target_bytes + 64 * 1024),
        },
    };
    g.page(target_bytes);
    g.out.buf
}

const WORDS: &[&str] = &[
    "the",
    "city",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "new",
    "plans",
    "for",
    "the",
    "harbour",
    "would",
    "be",
    "published",
    "after",
    "a",
    "long",
    "review",
    "of",
    "costs",
    "residents",
    "have",
    "asked",
    "about",
    "traffic",
    "and",
    "noise",
    "during",
    "construction",
    "while",
    "officials",
    "expect",
    "work",
    "to",
    "begin",
    "next",
    "spring",
    "if",
    "funding",
    "is",
    "approved",
    "by",
    "regional",
    "government",
    "in",
    "time",
    "engineers",
    "warned",
    "water",
    "levels",
    "rose",
    "faster",
    "than",
    "models",
    "predicted",
    "last",
    "winter",
    "meaning",
    "walls",
    "must",
    "be",
    "higher",
    "which",
    "adds",
    "millions",
    "budget",
    "mayor",
    "told",
    "reporters",
    "decision",
    "was",
    "difficult",
    "but",
    "necessary",
    "families",
    "living",
    "near",
    "old",
    "docks",
    "will",
    "receive",
    "compensation",
    "under",
    "scheme",
    "agreed",
    "with",
    "unions",
    "earlier",
    "this",
    "year",
    "critics",
    "argue",
    "process",
    "has",
    "been",
    "slow",
    "opaque",
    "local",
    "businesses",
    "say",
    "they",
    "were",
    "not",
    "consulted",
    "properly",
    "before",
    "first",
    "drafts",
    "appeared",
    "online",
    "researchers",
    "university",
    "found",
    "similar",
    "projects",
    "elsewhere",
    "took",
    "twice",
    "as",
    "long",
    "expected",
    "because",
    "supply",
    "chains",
    "remain",
    "fragile",
    "since",
    "pandemic",
    "port",
    "authority",
    "insists",
    "its",
    "schedule",
    "realistic",
    "and",
    "independent",
    "auditors",
    "will",
    "check",
    "progress",
    "every",
    "quarter",
    "report",
    "their",
    "findings",
    "publicly",
    "opposition",
    "parties",
    "called",
    "for",
    "vote",
    "before",
    "contracts",
    "are",
    "signed",
    "some",
    "experts",
    "believe",
    "tourism",
    "could",
    "benefit",
    "once",
    "promenade",
    "reopens",
    "summer",
    "visitors",
    "return",
];

const NAMES: &[&str] = &[
    "Anna Keller",
    "Tomás Ruiz",
    "Mei Lin",
    "Oskar Berg",
    "Fatima Haddad",
    "James O'Neill",
    "Priya Nair",
    "Lukas Novak",
    "Sofia Rossi",
    "Daniel Mensah",
];

const AGENCIES: &[&str] = &["Reuters", "AP", "AFP", "dpa", "Getty Images", "EPA"];

const SECTIONS: &[&str] = &[
    "World",
    "Politics & Policy",
    "Business",
    "Climate",
    "Science",
    "Culture",
    "Sport",
    "Opinion",
    "Travel",
    "Video",
];

const WRAPPERS: &[&str] = &[
    "container",
    "row",
    "col-main",
    "story-body",
    "content-block",
];

struct Rng(u64);

impl Rng {
    /// splitmix64: tiny, fast, and the same on every platform.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Where the page is written: the same calls make HTML or pasted text.
struct Out {
    kind: Kind,
    buf: String,
}

impl Out {
    fn html(&mut self, s: &str) {
        if self.kind == Kind::Html {
            self.buf.push_str(s);
        }
    }

    /// Escaped text content in HTML; in text, as it is.
    fn text(&mut self, s: &str) {
        match self.kind {
            Kind::Html => {
                for c in s.chars() {
                    match c {
                        '&' => self.buf.push_str("&amp;"),
                        '<' => self.buf.push_str("&lt;"),
                        '>' => self.buf.push_str("&gt;"),
                        '"' => self.buf.push_str("&quot;"),
                        _ => self.buf.push(c),
                    }
                }
            }
            Kind::Text => self.buf.push_str(s),
        }
    }

    /// What only the paste has: the line breaks and tabs that the HTML's
    /// structure stands for.
    fn plain(&mut self, s: &str) {
        if self.kind == Kind::Text {
            self.buf.push_str(s);
        }
    }

    /// Menus and lists give one item a line.
    fn line(&mut self) {
        self.plain("\n");
    }

    /// Paragraphs are followed by a blank line.
    fn blank(&mut self) {
        self.plain("\n\n");
    }

    /// `<tag attrs>text</tag>`, or the text alone.
    fn element(&mut self, tag: &str, attrs: &str, text: &str) {
        self.html(&format!("<{tag}{attrs}>"));
        self.text(text);
        self.html(&format!("</{tag}>"));
    }
}

struct Generator {
    rng: Rng,
    out: Out,
}

impl Generator {
    fn page(&mut self, target: usize) {
        let title = self.title();
        let byline = self.rng.pick(NAMES);
        self.out
            .html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        self.out.html(&format!(
            "<title>{title} | The Harbour Herald</title>\
             <meta name=\"author\" content=\"{byline}\">\
             <meta property=\"article:published_time\" content=\"2024-05-14T08:30:00Z\">\
             <link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>"
        ));
        self.navigation();
        self.out
            .html("<main id=\"content\"><article class=\"story\">");
        self.out.element("h1", " class=\"headline\"", &title);
        self.out.blank();
        let lead = self.sentences(2, 3);
        self.out.element("p", " class=\"standfirst\"", &lead);
        self.out.blank();
        self.out
            .element("div", " class=\"byline\"", &format!("By {byline}"));
        self.out.line();
        self.out.element(
            "time",
            " datetime=\"2024-05-14T08:30:00Z\"",
            "14 May 2024, 08:30",
        );
        self.out.blank();
        // The footer, sidebar and closing tags come after; stop the body
        // early enough for them.
        let tail = 4 * 1024;
        while self.out.buf.len() + tail < target {
            self.section();
        }
        self.out.html("</article>");
        self.sidebar();
        self.out.html("</main>");
        self.footer();
        self.out.html("</body></html>");
        self.out.line();
    }

    fn section(&mut self) {
        let depth = self.rng.below(4);
        for _ in 0..depth {
            let class = self.rng.pick(WRAPPERS);
            self.out.html(&format!("<div class=\"{class}\">"));
        }
        let heading = self.title();
        self.out.element("h2", "", &heading);
        self.out.blank();
        for _ in 0..self.rng.range(2, 6) {
            self.paragraph();
        }
        match self.rng.below(12) {
            0 | 1 => self.list(),
            2 | 3 => self.quote(),
            4 | 5 => self.figure(),
            6 => self.table(),
            7 => self.related(),
            8 => self.advertisement(),
            9 => self.share_bar(),
            10 => self.newsletter(),
            _ => {}
        }
        if self.rng.chance(3) {
            self.comments();
        }
        for _ in 0..depth {
            self.out.html("</div>");
        }
    }

    /// `n` words, the first capitalised, with a comma after word `comma`.
    fn words(&mut self, n: usize, comma: Option<usize>) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.rng.pick(WORDS));
            if comma == Some(i) {
                s.push(',');
            }
        }
        s[..1].make_ascii_uppercase();
        s
    }

    fn sentence(&mut self) -> String {
        let n = self.rng.range(8, 24);
        let comma = (n > 12 && self.rng.chance(50)).then(|| self.rng.range(4, n - 5));
        let mut s = self.words(n, comma);
        s.push('.');
        s
    }

    fn sentences(&mut self, lo: usize, hi: usize) -> String {
        let n = self.rng.range(lo, hi);
        (0..n)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn title(&mut self) -> String {
        let n = self.rng.range(4, 9);
        self.words(n, None)
    }

    /// A paragraph whose sentences sometimes carry a link or emphasis.
    fn paragraph(&mut self) {
        self.out.html("<p>");
        for i in 0..self.rng.range(2, 6) {
            if i > 0 {
                self.out.text(" ");
            }
            let sentence = self.sentence();
            match self.rng.below(8) {
                0 => {
                    let (head, tail) = sentence.split_at(sentence.find(' ').unwrap_or(0));
                    let slug = self.rng.below(100_000);
                    self.out
                        .element("a", &format!(" href=\"/news/{slug}\""), head);
                    self.out.text(tail);
                }
                1 => self.out.element("em", "", &sentence),
                2 => self.out.element("strong", "", &sentence),
                _ => self.out.text(&sentence),
            }
        }
        self.out.html("</p>");
        self.out.blank();
    }

    fn list(&mut self) {
        let tag = if self.rng.chance(30) { "ol" } else { "ul" };
        self.out.html(&format!("<{tag}>"));
        for _ in 0..self.rng.range(3, 6) {
            let item = self.sentence();
            self.out.element("li", "", &item);
            self.out.line();
        }
        self.out.html(&format!("</{tag}>"));
        self.out.line();
    }

    fn quote(&mut self) {
        let quote = self.sentences(1, 3);
        let who = self.rng.pick(NAMES);
        self.out.html("<blockquote>");
        self.out.element("p", "", &format!("“{quote}”"));
        self.out.blank();
        self.out.element("cite", "", who);
        self.out.html("</blockquote>");
        self.out.blank();
    }

    fn figure(&mut self) {
        let caption = self.sentence();
        let credit = format!(
            "Photo: {} / {}",
            self.rng.pick(NAMES),
            self.rng.pick(AGENCIES)
        );
        let n = self.rng.below(100_000);
        self.out.html(&format!(
            "<figure class=\"media\"><picture><source srcset=\"/img/{n}.webp\" type=\"image/webp\">\
             <img src=\"/img/{n}.jpg\" alt=\"\" loading=\"lazy\" width=\"1200\" height=\"800\"></picture>\
             <figcaption>"
        ));
        self.out.text(&caption);
        self.out.line();
        self.out.element("span", " class=\"credit\"", &credit);
        self.out.html("</figcaption></figure>");
        self.out.blank();
    }

    fn table(&mut self) {
        self.out.html("<table><thead><tr>");
        for (i, h) in ["District", "Households", "Share"].into_iter().enumerate() {
            if i > 0 {
                self.out.plain("\t");
            }
            self.out.element("th", "", h);
        }
        self.out.html("</tr></thead><tbody>");
        self.out.line();
        for _ in 0..self.rng.range(3, 5) {
            let district = self.title();
            let households = self.rng.range(200, 9_000).to_string();
            let share = format!("{}%", self.rng.range(1, 60));
            self.out.html("<tr>");
            for (i, cell) in [district, households, share].iter().enumerate() {
                if i > 0 {
                    self.out.plain("\t");
                }
                self.out.element("td", "", cell);
            }
            self.out.html("</tr>");
            self.out.line();
        }
        self.out.html("</tbody></table>");
        self.out.line();
    }

    fn related(&mut self) {
        self.out.html("<aside class=\"related-stories\">");
        self.out.element("h3", "", "Related");
        self.out.line();
        let count = self.rng.range(3, 4);
        self.teaser_list("ul", count);
        self.out.html("</aside>");
        self.out.line();
    }

    /// A list of links to other stories, one per line.
    fn teaser_list(&mut self, tag: &str, count: usize) {
        self.out.html(&format!("<{tag}>"));
        for _ in 0..count {
            let teaser = self.title();
            let slug = self.rng.below(100_000);
            self.out.html("<li>");
            self.out
                .element("a", &format!(" href=\"/news/{slug}\""), &teaser);
            self.out.html("</li>");
            self.out.line();
        }
        self.out.html(&format!("</{tag}>"));
    }

    fn advertisement(&mut self) {
        let slot = self.rng.below(1_000);
        self.out.html(&format!(
            "<div class=\"ad-slot\" id=\"ad-{slot}\" data-ad-unit=\"inline\">"
        ));
        self.out
            .element("span", " class=\"ad-label\"", "Advertisement");
        self.out.html("</div>");
        self.out.line();
    }

    fn share_bar(&mut self) {
        self.out.html("<div class=\"share-tools\">");
        for network in ["Share on Facebook", "Share on X", "Email", "Copy link"] {
            self.out
                .element("a", " href=\"#\" class=\"share\"", network);
            self.out.line();
        }
        self.out.html("</div>");
    }

    fn newsletter(&mut self) {
        self.out.html("<div class=\"newsletter-signup\">");
        self.out.element(
            "p",
            "",
            "Sign up for the Morning Briefing: the day's top stories in your inbox.",
        );
        self.out.line();
        self.out.html(
            "<form action=\"/subscribe\"><input type=\"email\" placeholder=\"Email address\">",
        );
        self.out.element("button", "", "Subscribe");
        self.out.html("</form></div>");
        self.out.line();
    }

    fn comments(&mut self) {
        let n = self.rng.range(2, 5);
        self.out.html("<section class=\"comments\">");
        self.out.element("h3", "", &format!("Comments ({n})"));
        self.out.line();
        for _ in 0..n {
            let who = self.rng.pick(NAMES);
            let text = self.sentence();
            self.out.html("<div class=\"comment\">");
            self.out.element("p", " class=\"comment-author\"", who);
            self.out.line();
            self.out.element("p", "", &text);
            self.out.line();
            self.out
                .element("a", " href=\"#\" class=\"reply\"", "Reply");
            self.out.html("</div>");
            self.out.line();
        }
        self.out.html("</section>");
        self.out.line();
    }

    fn navigation(&mut self) {
        self.out
            .html("<header class=\"site-header\"><a class=\"logo\" href=\"/\">");
        self.out.text("The Harbour Herald");
        self.out.html("</a>");
        self.out.line();
        self.out.html("<nav class=\"main-nav\"><ul>");
        for section in SECTIONS {
            let slug = section
                .to_ascii_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            self.out.html("<li>");
            self.out
                .element("a", &format!(" href=\"/{slug}\""), section);
            self.out.html("</li>");
            self.out.line();
        }
        self.out.html("</ul></nav>");
        self.out
            .element("a", " class=\"subscribe\" href=\"/subscribe\"", "Subscribe");
        self.out.line();
        self.out.html("</header>");
    }

    fn sidebar(&mut self) {
        self.out.html("<aside class=\"sidebar\">");
        self.out.element("h2", "", "Most read");
        self.out.line();
        self.teaser_list("ol", 5);
        self.out.html("</aside>");
    }

    fn footer(&mut self) {
        self.out.html("<footer class=\"site-footer\"><ul>");
        for link in [
            "About us",
            "Contact",
            "Privacy policy",
            "Cookie settings",
            "Terms of use",
        ] {
            self.out.html("<li>");
            self.out.element("a", " href=\"#\"", link);
            self.out.html("</li>");
            self.out.line();
        }
        self.out.html("</ul>");
        self.out
            .element("p", "", "© 2024 The Harbour Herald. All rights reserved.");
        self.out.line();
        self.out.html("</footer>");
    }
}
