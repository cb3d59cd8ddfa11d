//! Fifth stage: the [`Article`], built from the blocks as classification
//! decided them. Nothing is decided here: kept blocks go into `blocks` (list
//! items, quotes and table rows put back together), the lead and the
//! metadata where the classifier placed them, and every other block into
//! `removed` with its reason, so that the input can be rebuilt from the
//! two.

use crate::article::{Article, ArticleBlock, BlockKind, Inline, RemovedBlock, Source};
use crate::blocks::{Block, Kind};
use crate::classify::{Decision, Metadata, Role};
use crate::codes::{Extraction, MetaSource, Reason};
use crate::features::Analysis;
use crate::input::html::Content;
use crate::input::Input;
use crate::text::words;

pub struct Parts<'a> {
    pub input: &'a Input,
    /// For each block's word count.
    pub analysis: &'a Analysis,
    pub decisions: &'a [Decision],
    pub metadata: Metadata,
    pub extraction: Extraction,
    pub lang: Option<(String, MetaSource)>,
}

pub fn assemble(parts: Parts) -> Article {
    let Parts {
        input,
        analysis,
        decisions,
        metadata,
        extraction,
        lang,
    } = parts;
    let (kind, blocks) = (input.kind, &input.blocks[..]);
    let lead = decisions.iter().position(|d| d.role == Role::Lead);
    let mut article = Article {
        input_kind: kind,
        extraction,
        title: metadata.title,
        byline: metadata.byline,
        authors: metadata.authors,
        published: metadata.published,
        modified: metadata.modified,
        section: metadata.section,
        site_name: metadata.site_name,
        lead: lead.map(|l| blocks[l].text.clone()),
        sources: metadata.sources,
        ..Article::default()
    };
    if let Some((code, source)) = lang {
        article.lang = Some(code);
        article.sources.lang = Some(source);
    }

    let mut words_kept = article.title.as_deref().map_or(0, count_words)
        + article.lead.as_deref().map_or(0, count_words);
    let mut words_removed = 0;
    let mut i = 0;
    while i < blocks.len() {
        let d = &decisions[i];
        if Some(i) == lead {
            i += 1;
            continue;
        }
        if !d.keep {
            let reason = d.reason.unwrap_or(Reason::OutsideArticle);
            if reason != Reason::Title {
                words_removed += analysis.signals[i].tokens as usize;
            }
            article.removed.push(RemovedBlock {
                reason,
                block: single(&blocks[i], d.role, i, Content::None),
            });
            i += 1;
            continue;
        }
        // Consecutive kept items of one list or quote become one block.
        let mut j = i + 1;
        if matches!(blocks[i].kind, Kind::ListItem | Kind::Quote) {
            while j < blocks.len()
                && decisions[j].keep
                && blocks[j].kind == blocks[i].kind
                && blocks[j].group == blocks[i].group
            {
                j += 1;
            }
        }
        let block = if j - i > 1 {
            merged(&blocks[i..j], i, (i..j).map(|k| input.content(k)).collect())
        } else {
            single(&blocks[i], d.role, i, input.content(i))
        };
        words_kept += (i..j)
            .map(|k| analysis.signals[k].tokens as usize)
            .sum::<usize>();
        article.blocks.push(block);
        i = j;
    }
    article.words_kept = words_kept as u32;
    article.words_removed = words_removed as u32;
    article
}

fn count_words(s: &str) -> usize {
    words(s).count()
}

fn block_kind(kind: Kind) -> BlockKind {
    match kind {
        Kind::Paragraph => BlockKind::Paragraph,
        Kind::Heading => BlockKind::Heading,
        Kind::ListItem => BlockKind::List,
        Kind::Quote => BlockKind::Quote,
        Kind::Table => BlockKind::Table,
        Kind::Figure => BlockKind::Figure,
        Kind::Code => BlockKind::Code,
    }
}

fn source(b: &Block, index: usize) -> Source {
    Source {
        index: index as u32,
        line: b.line,
        end_line: b.end_line.max(b.line),
    }
}

fn single(b: &Block, role: Role, index: usize, content: Content) -> ArticleBlock {
    let (kind, level) = match role {
        Role::Subheading => (Kind::Heading, 2),
        _ => (b.kind, b.level),
    };
    let mut block = ArticleBlock {
        kind: block_kind(kind),
        text: b.text.clone(),
        level: (kind == Kind::Heading).then_some(level.clamp(1, 6)),
        ordered: b.ordered,
        image: b.image.clone(),
        source: source(b, index),
        ..ArticleBlock::default()
    };
    match (content, kind) {
        // Code is shown as it is written.
        (_, Kind::Code) | (Content::None, _) => {}
        (Content::Inline(spans), Kind::ListItem) => block.items = Some(vec![spans]),
        (Content::Inline(spans), _) => block.content = Some(spans),
        (Content::Table { caption, rows }, _) => {
            block.content = (!caption.is_empty()).then_some(caption);
            block.rows = Some(rows);
        }
    }
    block
}

/// Consecutive items of one list, or paragraphs of one quote, as a block.
fn merged(items: &[Block], first: usize, contents: Vec<Content>) -> ArticleBlock {
    let list = items[0].kind == Kind::ListItem;
    let sep = if list { "\n" } else { "\n\n" };
    let text = items
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(sep);
    let spans: Option<Vec<Vec<Inline>>> = contents
        .into_iter()
        .map(|c| match c {
            Content::Inline(spans) => Some(spans),
            _ => None,
        })
        .collect();
    let last = &items[items.len() - 1];
    let mut block = ArticleBlock {
        kind: block_kind(items[0].kind),
        text,
        ordered: items[0].ordered,
        source: Source {
            index: first as u32,
            line: items[0].line,
            end_line: last.end_line.max(last.line),
        },
        ..ArticleBlock::default()
    };
    if list {
        block.items = spans;
    } else {
        // A quote's paragraphs, a blank line apart.
        block.content = spans.map(|paragraphs| {
            let mut joined = Vec::new();
            for (k, p) in paragraphs.into_iter().enumerate() {
                if k > 0 {
                    joined.extend([Inline::Break, Inline::Break]);
                }
                joined.extend(p);
            }
            joined
        });
    }
    block
}
