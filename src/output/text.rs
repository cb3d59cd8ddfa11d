use crate::article::{Article, BlockKind};

/// Title, lead and blocks, separated by blank lines; list items on lines of
/// their own with a bullet or number, table cells separated by tabs.
/// Figures are pictures: plain text leaves them, and their captions, out.
pub fn render_text(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = article.title.as_deref().filter(|t| !t.is_empty()) {
        parts.push(t.to_string());
    }
    if let Some(l) = article.lead.as_deref().filter(|l| !l.is_empty()) {
        parts.push(l.to_string());
    }
    for b in article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Figure)
    {
        let text = match b.kind {
            BlockKind::List => b
                .text
                .split('\n')
                .enumerate()
                .map(|(i, item)| {
                    if b.ordered {
                        format!("{}. {item}", i + 1)
                    } else {
                        format!("• {item}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            _ => b.text.clone(),
        };
        if !text.trim().is_empty() {
            parts.push(text);
        }
    }
    if parts.is_empty() {
        return String::new();
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}
