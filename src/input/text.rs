//! Pasted text into blocks.
//!
//! A browser's Select All + Copy writes one line per block element of the
//! page, with blank lines around paragraphs that had margins, and keeps the
//! page's indentation in places. So a line is a block, and blank lines and
//! indentation are kept as evidence. Text typed or exported with hard line
//! wraps (e-mail, `.txt` files) is recognised and re-flowed into paragraphs.

use crate::blocks::{Block, BlockMarkup, Evidence, Kind, TextLayout};
use crate::text::{char_len, collapse_whitespace};

struct Line<'a> {
    text: &'a str,
    number: u32,
}

/// Bytes [`read`] takes per line of its input, for the memory budget.
pub const LINE_BYTES: usize = std::mem::size_of::<Line<'static>>();

pub fn read(input: &str) -> Vec<Block> {
    let lines: Vec<Line> = input
        .split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            text: l.strip_suffix('\r').unwrap_or(l),
            number: (i + 1).min(u32::MAX as usize) as u32,
        })
        .collect();
    let wrap_width = hard_wrap_width(&lines);

    let mut blocks: Vec<Block> = Vec::new();
    let mut blank_before = true;
    let mut stanza_width = None;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if is_blank(line.text) {
            blank_before = true;
            if let Some(Block {
                source: Evidence::Text(layout),
                ..
            }) = blocks.last_mut()
            {
                layout.blank_after = true;
            }
            i += 1;
            continue;
        }
        // Whether this stretch up to the next blank line is wrapped is
        // judged once, at its first line, unless the whole text is.
        if blank_before && wrap_width.is_none() {
            stanza_width = stanza_wrap_width(&lines[i..]);
        }
        if let Some(rows) = table_rows(&lines, i) {
            let end = i + rows.len();
            blocks.push(table(&rows, &lines[i..end], blank_before));
            blank_before = false;
            i = end;
            continue;
        }
        // A wrapped paragraph continues while its lines nearly fill the width.
        let mut end = i;
        if let Some(width) = wrap_width {
            while end + 1 < lines.len()
                && !is_blank(lines[end + 1].text)
                && char_len(lines[end].text.trim_end()) * 10 >= width * 7
                && bullet(lines[end + 1].text).is_none()
            {
                end += 1;
            }
        } else if let Some(width) = stanza_width {
            while end + 1 < lines.len() && wraps_onto(lines[end].text, lines[end + 1].text, width) {
                end += 1;
            }
        }
        let raw: String = if end == i {
            line.text.to_string()
        } else {
            lines[i..=end]
                .iter()
                .map(|l| l.text.trim())
                .collect::<Vec<_>>()
                .join(" ")
        };
        blocks.push(block(&raw, line.number, lines[end].number, blank_before));
        blank_before = false;
        i = end + 1;
    }
    blocks
}

/// The cells of a line a browser copied from a table row: it separates
/// cells with tabs (Chromium and Firefox alike), which typed text and
/// prose lines do not contain between words.
fn cells(line: &str) -> Option<Vec<&str>> {
    let cells: Vec<&str> = line
        .trim_matches(|c: char| crate::text::is_space(c))
        .split('\t')
        .map(str::trim)
        .collect();
    (cells.len() >= 2 && cells.iter().filter(|c| !c.is_empty()).count() >= 2).then_some(cells)
}

/// The rows of a table starting at line `start`: three or more lines in a
/// row with cells, each of about the same width (a header or a spanned
/// cell may have one fewer). Standings, schedules and results are whole
/// articles made of one; as single lines their rows were too short to
/// count as article text.
fn table_rows<'a>(lines: &[Line<'a>], start: usize) -> Option<Vec<Vec<&'a str>>> {
    let first = cells(lines[start].text)?;
    let width = first.len();
    let mut rows = vec![first];
    while let Some(row) = lines.get(start + rows.len()).and_then(|l| cells(l.text)) {
        if row.len().abs_diff(width) > 1 {
            break;
        }
        rows.push(row);
    }
    (rows.len() >= 3).then_some(rows)
}

/// A table block: its rows one per line, its cells separated by tabs, as
/// the HTML reader writes a table's text.
fn table(rows: &[Vec<&str>], lines: &[Line], blank_before: bool) -> Block {
    let text = rows
        .iter()
        .map(|cells| {
            cells
                .iter()
                .map(|c| collapse_whitespace(c))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut b = block(
        "",
        lines[0].number,
        lines[lines.len() - 1].number,
        blank_before,
    );
    b.kind = Kind::Table;
    b.text = text;
    b
}

fn is_blank(line: &str) -> bool {
    line.chars().all(crate::text::is_space)
}

fn block(raw: &str, line: u32, end_line: u32, blank_before: bool) -> Block {
    let indent = raw
        .chars()
        .take_while(|c| crate::text::is_space(*c))
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<u16>();
    let (text, stray_html) = match strip_stray_html(raw) {
        Some(stripped) => (collapse_whitespace(&stripped), true),
        None => (collapse_whitespace(raw), false),
    };
    let (kind, text, ordered, is_bullet) = match bullet(&text) {
        Some((rest, ordered)) if !rest.is_empty() => {
            (Kind::ListItem, rest.to_string(), ordered, true)
        }
        _ => (Kind::Paragraph, text, false, false),
    };
    Block {
        kind,
        level: 0,
        text,
        markup: BlockMarkup::None,
        line,
        end_line,
        group: 0,
        ordered,
        image: None,
        source: Evidence::Text(TextLayout {
            indent,
            blank_before,
            blank_after: false,
            stray_html,
            bullet: is_bullet,
        }),
    }
}

/// A list marker at the start of a line: the rest of the line, and whether
/// the marker is a number.
fn bullet(line: &str) -> Option<(&str, bool)> {
    let t = line.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    if matches!(
        first,
        // Not the en dash: Swedish, Russian or French dialogue opens with it.
        '•' | '·' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '□' | '-' | '*'
    ) {
        let mut rest = chars.as_str();
        // Newswires' plain-text lists mark items with two hyphens
        // ("    --  W00 Series …": PR Newswire, CNW in wide-dev).
        if first == '-' {
            rest = rest.strip_prefix('-').unwrap_or(rest);
        }
        // "- text" is a bullet; "-5 degrees" and "**bold**" are not.
        return rest.starts_with(' ').then(|| (rest.trim_start(), false));
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            // "12. März 2024", "3. května": a day of the month, not item 12.
            if digits <= 2 && rest.starts_with('.') && is_day_of_month(t) {
                return None;
            }
            return Some((r.trim_start(), true));
        }
    }
    None
}

/// Whether a line opens with a date: "12. März 2024", and the datelines
/// that run on into a byline ("3. August 2015 · Filed under …",
/// "28. Januar 2015 karstenruppert Schreibe einen Kommentar").
fn is_day_of_month(line: &str) -> bool {
    let folded = crate::text::fold(line);
    let head: Vec<&str> = folded.split(' ').take(3).collect();
    let words = head.len() as f32;
    let head = head.join(" ");
    crate::patterns::is_date(&head, &head, words)
}

/// If a line carries markup — tags with attributes, closing tags or
/// character references — returns it with the markup stripped and the
/// references decoded. A lone "<" or "a < b" is not markup.
fn strip_stray_html(line: &str) -> Option<String> {
    let has_tag = find_tag(line, 0).is_some();
    let has_entity = ["&nbsp;", "&amp;", "&gt;", "&lt;", "&quot;", "&#"]
        .iter()
        .any(|e| line.contains(e));
    if !has_tag && !has_entity {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut pos = 0;
    while let Some((start, end)) = find_tag(line, pos) {
        out.push_str(&line[pos..start]);
        out.push(' ');
        pos = end;
    }
    out.push_str(&line[pos..]);
    Some(crate::text::decode_entities(&out))
}

/// The next `<tag …>` or `</tag>` at or after `from`, as a byte range.
fn find_tag(s: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut i = from;
    while let Some(off) = s[i..].find('<') {
        let start = i + off;
        let mut j = start + 1;
        if bytes.get(j) == Some(&b'/') {
            j += 1;
        }
        let name_len = bytes[j..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        // Only an element's name makes a tag: "<The Palace>" is a title.
        let name = &s[j..j + name_len];
        let known = super::HTML_TAGS
            .iter()
            .any(|t| t.eq_ignore_ascii_case(name));
        if name_len > 0 && bytes[j].is_ascii_alphabetic() && known {
            let after = j + name_len;
            if let Some(close) = s[after..].find('>') {
                let between = &s[after..after + close];
                if between.is_empty() || between.starts_with([' ', '/']) {
                    return Some((start, after + close + 1));
                }
            }
        }
        i = start + 1;
    }
    None
}

/// The line width of hard-wrapped text, if the text is hard-wrapped: most
/// long lines end near one width and run on into the next line. Pastes from
/// a browser never are; `.txt` files and e-mails often are.
fn hard_wrap_width(lines: &[Line]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| char_len(l.text.trim_end()))
        .filter(|&n| n >= 20)
        .collect();
    if lens.len() < 8 {
        return None;
    }
    crate::text::sort_by(&mut lens, |a, b| a < b);
    let width = lens[lens.len() * 9 / 10];
    if !(40..=100).contains(&width) {
        return None;
    }
    // Nothing a browser paste would hold goes much past the width.
    if *lens.last()? > width + width / 4 {
        return None;
    }
    let runs_on = lines
        .windows(2)
        .filter(|w| char_len(w[0].text.trim_end()) * 10 >= width * 7 && !is_blank(w[1].text))
        .count();
    (runs_on * 2 >= lens.len()).then_some(width)
}

/// The width of a hard-wrapped stretch of a paste: the lines up to the
/// next blank line, when most of them broke only because the next word
/// would not fit. A page's `<pre>` (press releases on newswire sites: CNW
/// Telbec, PR Newswire, Business Wire in wide-dev) keeps its wrapped lines
/// in a paste that is otherwise a line per block, so the whole text is not
/// hard-wrapped, only this stretch of it.
fn stanza_wrap_width(lines: &[Line]) -> Option<usize> {
    // At most 400 lines are read, so that judging costs no more than the
    // lines it judges.
    let lines = &lines[..lines.len().min(400)];
    let end = lines
        .iter()
        .position(|l| is_blank(l.text))
        .unwrap_or(lines.len());
    let stanza = &lines[..end];
    if stanza.len() < 3 {
        return None;
    }
    let width = stanza.iter().map(|l| char_len(l.text.trim_end())).max()?;
    if !(40..=100).contains(&width) {
        return None;
    }
    let wrapped = stanza
        .windows(2)
        .filter(|w| wraps_onto(w[0].text, w[1].text, width))
        .count();
    // Lines that repeat each other's start or end are a list (image alt
    // texts, "name on <post title>"), however evenly they fill the width.
    let tail = |l: &Line| l.text.trim_end().chars().rev().take(12).collect::<String>();
    let head = |l: &Line| l.text.trim_start().chars().take(12).collect::<String>();
    // Marked items are a list's already, and end where the next starts.
    let marked: Vec<bool> = stanza.iter().map(|l| bullet(l.text).is_some()).collect();
    if (1..stanza.len()).any(|k| {
        let (a, b) = (&stanza[k - 1], &stanza[k]);
        !(marked[k - 1] && marked[k]) && (tail(a) == tail(b) || head(a) == head(b))
    }) {
        return None;
    }
    // Wrapped prose: the lines but the last nearly fill the width, and a
    // sentence goes on across many of the breaks. A list of headlines
    // breaks where each ends, and the next starts with a capital. In a
    // list of wrapped items, each item's last line is as short as a
    // paragraph's: only the lines an item goes on from count.
    let inner: Vec<(&Line, &Line)> = (1..stanza.len())
        .filter(|&k| !marked[k])
        .map(|k| (&stanza[k - 1], &stanza[k]))
        .collect();
    let full = inner
        .iter()
        .filter(|(l, _)| char_len(l.text.trim_end()) * 10 >= width * 8)
        .count();
    let lower = inner
        .iter()
        .filter(|(_, next)| next.text.trim_start().starts_with(char::is_lowercase))
        .count();
    (wrapped >= 2
        && wrapped * 2 >= inner.len()
        && full * 3 >= inner.len() * 2
        && lower * 5 >= inner.len() * 2)
        .then_some(width)
}
/// Whether `next` continues `line` of text wrapped at `width`: its first
/// word would not have fit on `line`, `line` does not end a sentence unless
/// `next` goes on in lower case, and `next` neither starts an item nor is
/// indented further (a new paragraph).
fn wraps_onto(line: &str, next: &str, width: usize) -> bool {
    if is_blank(next) || bullet(next).is_some() {
        return false;
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    // An item's lines after its first hang under its text, not under its
    // marker: "    --  W00 Series …" goes on in "        resolution …".
    let hang = bullet(line).map_or(indent(line), |(rest, _)| line.len() - rest.len());
    let (t, n) = (line.trim_end(), next.trim());
    let first_word = n.split(' ').next().map_or(0, char_len);
    let ends_sentence = t.ends_with(['.', '!', '?', ':', '"', '”']);
    char_len(t.trim_start()) + indent(line) + 1 + first_word > width
        && (!ends_sentence || n.starts_with(char::is_lowercase))
        && indent(next) <= hang
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn each_line_is_a_block_with_its_layout() {
        let blocks = read("Title\n\n    Indented body.\nNext\n");
        assert_eq!(texts(&blocks), ["Title", "Indented body.", "Next"]);
        let l = blocks[1].layout().unwrap();
        assert_eq!(l.indent, 4);
        assert!(l.blank_before);
        assert!(!l.blank_after);
        assert!(blocks[0].layout().unwrap().blank_after);
        assert_eq!((blocks[2].line, blocks[2].end_line), (4, 4));
    }

    #[test]
    fn stray_markup_is_stripped_and_flagged() {
        let blocks = read("<strong>Big news:</strong>&nbsp;more <a href=\"x\">Mehr &gt;&gt;</a>");
        assert_eq!(blocks[0].text, "Big news: more Mehr >>");
        assert!(blocks[0].layout().unwrap().stray_html);
    }

    #[test]
    fn an_ampersand_before_multibyte_text_is_kept_as_it_is() {
        let blocks = read("&nbsp; Привет мир &lt; &abcdefghij€");
        assert_eq!(blocks[0].text, "Привет мир < &abcdefghij€");
    }

    #[test]
    fn angle_brackets_around_a_title_are_not_markup() {
        let blocks = read("Watch <The Palace: Tale of Jang Noksu> tonight &amp; tomorrow.");
        assert_eq!(
            blocks[0].text,
            "Watch <The Palace: Tale of Jang Noksu> tonight & tomorrow."
        );
    }

    #[test]
    fn comparisons_are_not_markup() {
        let blocks = read("If a < b and b > c then a < c.");
        assert_eq!(blocks[0].text, "If a < b and b > c then a < c.");
        assert!(!blocks[0].layout().unwrap().stray_html);
    }

    #[test]
    fn bullets_make_list_items() {
        let blocks = read("• first\n2. second\n-5 degrees\n– Vi märkte skillnad, säger rektorn.");
        assert_eq!(
            texts(&blocks),
            [
                "first",
                "second",
                "-5 degrees",
                "– Vi märkte skillnad, säger rektorn."
            ]
        );
        assert_eq!(blocks[0].kind, Kind::ListItem);
        assert!(blocks[1].ordered);
        assert_eq!(blocks[2].kind, Kind::Paragraph);
        assert_eq!(blocks[3].kind, Kind::Paragraph);
    }

    #[test]
    fn a_day_of_the_month_is_not_a_numbered_item() {
        let blocks = read("12. März 2024\n\n3. května 2024\n\n1. Montag: Anreise");
        assert_eq!(
            texts(&blocks),
            ["12. März 2024", "3. května 2024", "Montag: Anreise"]
        );
        assert_eq!(blocks[0].kind, Kind::Paragraph);
        assert_eq!(blocks[2].kind, Kind::ListItem);
        // A dateline that runs on into its byline keeps its day.
        let blocks = read("7. Oktober 2021 · Kategorie Garten · von mira");
        assert_eq!(
            texts(&blocks),
            ["7. Oktober 2021 · Kategorie Garten · von mira"]
        );
    }

    #[test]
    fn a_wrapped_press_release_inside_a_paste_is_reflowed() {
        let input = "Newsroom\nHome\nContact us\nSearch the archive of releases by date\n\n\
            TORONTO, March 3 - The city library will open two new branches in\n\
            the spring, the board said today. Both will stay open until ten in\n\
            the evening on weekdays, and one of them will lend tools as well as\n\
            books.\n\nMore news\n";
        let blocks = read(input);
        assert_eq!(
            texts(&blocks),
            [
                "Newsroom",
                "Home",
                "Contact us",
                "Search the archive of releases by date",
                "TORONTO, March 3 - The city library will open two new branches in the spring, \
                 the board said today. Both will stay open until ten in the evening on weekdays, \
                 and one of them will lend tools as well as books.",
                "More news",
            ]
        );
    }

    #[test]
    fn wrapped_list_items_hang_under_their_text_and_are_reflowed() {
        // A newswire's plain-text list: "--" items whose lines wrap under
        // the item's text, and short items of a nested list that end
        // alike.
        let input = "Menu\nProducts\n\n\
            LYON, March 3 - The cooperative presents three new bicycles.\n\n\
            \x20   --  The Rhone model has a steel frame, a hub gear with eight\n\
            \x20       speeds and lights powered by the front wheel. It weighs\n\
            \x20       fourteen kilos. Other features include:\n\
            \x20       --  a rack rated for twenty-five kilos\n\
            \x20       --  mudguards rated for winter\n\
            \x20   --  The Saone model folds in half for the train and the\n\
            \x20       boot of a car, and comes with a bag.\n\n\
            Contact\n";
        assert_eq!(
            texts(&read(input)),
            [
                "Menu",
                "Products",
                "LYON, March 3 - The cooperative presents three new bicycles.",
                "The Rhone model has a steel frame, a hub gear with eight speeds and lights \
                 powered by the front wheel. It weighs fourteen kilos. Other features include:",
                "a rack rated for twenty-five kilos",
                "mudguards rated for winter",
                "The Saone model folds in half for the train and the boot of a car, and comes \
                 with a bag.",
                "Contact",
            ]
        );
    }

    #[test]
    fn headlines_that_fill_the_width_are_not_joined() {
        let input = "Library opens two branches with longer evening hours\n\
                     Council votes to keep the night buses running in winter\n\
                     Harbour festival moves to the old market for the summer\n\
                     Schools report fewer absences after the new timetable\n";
        assert_eq!(read(input).len(), 4);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_reflowed() {
        let para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do\n\
                    eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut\n\
                    enim ad minim veniam, quis nostrud exercitation ullamco laboris\n\
                    nisi ut aliquip ex ea commodo consequat.\n\n";
        let input = para.repeat(4);
        let blocks = read(&input);
        assert_eq!(blocks.len(), 4);
        assert!(blocks[0].text.starts_with("Lorem ipsum"));
        assert!(blocks[0].text.ends_with("commodo consequat."));
        assert_eq!((blocks[0].line, blocks[0].end_line), (1, 4));
    }

    #[test]
    fn browser_pastes_are_not_reflowed() {
        let input = "Short menu\nHome\nA long paragraph line that goes on and on well past any wrap width a mail client would use, as pasted paragraphs do.\nAnother one, again much longer than eighty characters, because browsers never wrap copied text.\n".repeat(3);
        let blocks = read(&input);
        assert_eq!(blocks.len(), 12);
    }
}
