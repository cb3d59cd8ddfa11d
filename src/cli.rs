//! The command-line tool, whatever runs it: `src/main.rs` natively and
//! `npx article-cleaner` through the wasm both call [`run`] with the
//! arguments and a [`Host`] that reads files and writes output. So the
//! options, messages and exit statuses are one implementation.
//!
//! Reading a file is more than reading bytes: a `.gz` file is unpacked, a
//! picture or a PDF is told apart from text, and the page's declared
//! charset (a byte order mark, `<meta charset>`, `http-equiv`) decides how
//! its bytes become text, as in a browser.

use crate::{
    clean, render_html_document, render_with, Article, Format, Images, InputKind, Options,
    RenderOptions,
};

/// The help text (also shown by `npx article-cleaner --help`).
pub const HELP: &str = include_str!("help.txt");

/// What the tool needs from where it runs.
pub trait Host {
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, String>;
    fn read_stdin(&mut self) -> Result<Vec<u8>, String>;
    /// Whether standard input is a terminal (someone may be about to
    /// type), not a pipe or a file.
    fn stdin_is_terminal(&self) -> bool;
    fn gunzip(&self, bytes: &[u8]) -> Result<Vec<u8>, String>;
    /// Bytes in a charset (a WHATWG encoding label) as text; `None` for a
    /// label the host does not know.
    fn decode(&self, bytes: &[u8], label: &str) -> Option<String>;
    /// Writes to standard output; false once the reader has gone (a
    /// closed pipe), which is not an error worth a message.
    fn stdout(&mut self, s: &str) -> bool;
    fn stderr(&mut self, s: &str);
}

/// Runs the tool; returns the exit status: 0 an article was found, 1 none
/// was found, 2 the input or the options could not be used.
pub fn run(args: &[String], host: &mut dyn Host) -> u8 {
    let args = match parse_args(args) {
        Ok(Parsed::Run(a)) => a,
        Ok(Parsed::Print(text)) => {
            host.stdout(&text);
            return 0;
        }
        Err(e) => return fail(host, &e),
    };
    let input = match read_input(args.file.as_deref(), host) {
        Ok(s) => s,
        Err(e) => return fail(host, &e),
    };
    let options = Options {
        input: args.input,
        base_url: args.base_url,
        max_input_bytes: args.max_bytes,
        max_memory_bytes: args.max_memory,
    };
    let article = match clean(&input, &options) {
        Ok(a) => a,
        Err(e) => return fail(host, &e.to_string()),
    };
    if args.explain {
        host.stderr(&explain(&article));
    }
    let render_options = RenderOptions {
        images: args.images,
    };
    let out = match args.format {
        Format::Html => render_html_document(&article, &render_options),
        f => render_with(&article, f, &render_options),
    };
    if !host.stdout(&out) {
        return 0;
    }
    if article.blocks.is_empty() && article.lead.is_none() {
        return fail_with(host, "no article found in the input", 1);
    }
    0
}

fn fail(host: &mut dyn Host, message: &str) -> u8 {
    fail_with(host, message, 2)
}

fn fail_with(host: &mut dyn Host, message: &str, status: u8) -> u8 {
    host.stderr(&format!("article-cleaner: {message}\n"));
    status
}

/// Each metadata field found, with where it was found (so that a wrong
/// author or date can be traced to the markup or line that gave it), then
/// every removed block: its line, its reason and its text's start.
fn explain(article: &Article) -> String {
    let mut out = String::new();
    let s = &article.sources;
    let fields = [
        ("title", &article.title, s.title),
        ("byline", &article.byline, s.byline),
        ("published", &article.published, s.published),
        ("modified", &article.modified, s.modified),
        ("section", &article.section, s.section),
        ("site name", &article.site_name, s.site_name),
        ("lang", &article.lang, s.lang),
    ];
    for (field, value, source) in fields {
        if let Some(v) = value {
            let source = source.map_or("", |s| s.code());
            let v: String = v.chars().take(70).collect();
            out.push_str(&format!("{field:<10} {source:<14} {v}\n"));
        }
    }
    for r in &article.removed {
        let text: String = r
            .block
            .text
            .chars()
            .take(70)
            .collect::<String>()
            .replace('\n', " ");
        out.push_str(&format!(
            "{:>5}  {:<16} {}\n",
            r.block.source.line,
            r.reason.code(),
            text
        ));
    }
    out
}

struct Args {
    input: InputKind,
    format: Format,
    base_url: Option<String>,
    explain: bool,
    images: Images,
    max_bytes: usize,
    max_memory: Option<usize>,
    file: Option<String>,
}

enum Parsed {
    Run(Args),
    /// `--help`, `--version`: print this and stop.
    Print(String),
}

fn parse_args(argv: &[String]) -> Result<Parsed, String> {
    let mut args = Args {
        input: InputKind::Auto,
        format: Format::Text,
        base_url: None,
        explain: false,
        images: Images::Placeholder,
        max_bytes: crate::DEFAULT_MAX_INPUT_BYTES,
        max_memory: None,
        file: None,
    };
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        let (name, inline_value) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline_value
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Parsed::Print(HELP.to_string())),
            "-V" | "--version" => {
                return Ok(Parsed::Print(format!(
                    "article-cleaner {}\n",
                    env!("CARGO_PKG_VERSION")
                )))
            }
            "--input" => {
                let v = value("auto, html or text")?;
                args.input = match v.as_str() {
                    "txt" => InputKind::Text,
                    other => InputKind::from_code(other).ok_or_else(|| {
                        format!("--input: unknown kind {other:?} (auto, html, text)")
                    })?,
                };
            }
            "--format" => {
                let v = value("text, markdown, html or json")?;
                args.format = Format::parse(&v).ok_or_else(|| {
                    format!("--format: unknown format {v:?} (text, markdown, html, json)")
                })?;
            }
            "--base-url" => args.base_url = Some(value("a URL")?),
            "--images" => {
                let v = value("placeholder, keep or drop")?;
                args.images = Images::parse(&v).ok_or_else(|| {
                    format!("--images: unknown choice {v:?} (placeholder, keep, drop)")
                })?;
            }
            "--explain" => args.explain = true,
            "--max-size" => {
                let v = value("a size in MB")?;
                args.max_bytes = megabytes(&v)
                    .ok_or_else(|| format!("--max-size: {v:?} is not a positive number"))?;
            }
            "--max-memory" => {
                let v = value("a size in MB")?;
                args.max_memory = Some(
                    megabytes(&v)
                        .ok_or_else(|| format!("--max-memory: {v:?} is not a positive number"))?,
                );
            }
            "-" => args.file = None,
            s if s.starts_with('-') => return Err(format!("unknown option {s} (see --help)")),
            _ => {
                if args.file.is_some() {
                    return Err("give one file at most (see --help)".into());
                }
                args.file = Some(arg.clone());
            }
        }
    }
    Ok(Parsed::Run(args))
}

/// "64", "0.5" megabytes as bytes, without floating point: whole and
/// fractional parts, up to six decimals.
fn megabytes(v: &str) -> Option<usize> {
    let (whole, fraction) = v.trim().split_once('.').unwrap_or((v.trim(), ""));
    if (whole.is_empty() && fraction.is_empty())
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 6
    {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let micro: u64 = format!("{fraction:0<6}").parse().ok()?;
    let bytes = whole
        .checked_mul(1 << 20)?
        .checked_add(micro * (1 << 20) / 1_000_000)?;
    (bytes > 0).then(|| bytes.min(usize::MAX as u64) as usize)
}

fn read_input(file: Option<&str>, host: &mut dyn Host) -> Result<String, String> {
    let name = file.unwrap_or("standard input");
    let mut bytes = match file {
        Some(path) => host
            .read_file(path)
            .map_err(|e| format!("cannot read {path}: {e}"))?,
        None => {
            if host.stdin_is_terminal() {
                host.stderr("article-cleaner: reading from standard input (Ctrl+D to end)\n");
            }
            host.read_stdin()
                .map_err(|e| format!("cannot read standard input: {e}"))?
        }
    };
    if bytes.starts_with(&[0x1f, 0x8b]) {
        bytes = host
            .gunzip(&bytes)
            .map_err(|e| format!("{name} looks compressed (gzip) but cannot be unpacked: {e}"))?;
    }
    if let Some(kind) = binary_kind(&bytes) {
        return Err(format!(
            "{name} is {kind}, not a web page or text: nothing to clean"
        ));
    }
    let (label, why) = match charset(&bytes) {
        Some(declared) => declared,
        None if std::str::from_utf8(&bytes).is_ok() => ("utf-8".to_string(), Declared::Default),
        // Browsers read undeclared legacy pages this way.
        None => ("windows-1252".to_string(), Declared::Guessed),
    };
    if why == Declared::Guessed {
        host.stderr(&format!(
            "article-cleaner: {name} is not UTF-8 and declares no charset: read as windows-1252\n"
        ));
    }
    let text = if label == "utf-8" {
        // Invalid sequences in a UTF-8 page become U+FFFD, as in a browser.
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    } else if WINDOWS_1252_LABELS.contains(&label.as_str()) {
        windows_1252(&bytes)
    } else {
        host.decode(&bytes, &label).ok_or_else(|| {
            format!("{name} declares the charset {label:?}, which this tool does not know")
        })?
    };
    Ok(text)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Declared {
    ByteOrderMark,
    /// `<meta charset>` or `http-equiv`.
    Meta,
    /// Valid UTF-8 and nothing said.
    Default,
    /// Not UTF-8, nothing said.
    Guessed,
}

/// Formats whose bytes say what they are: pictures, documents, archives.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x7fELF", "a program"),
        (b"OggS", "an audio or video file"),
        (b"\x00\x00\x01\x00", "an icon"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    // "BM" may start a text: a BMP has four zero bytes after its size.
    if bytes.len() > 14 && bytes.starts_with(b"BM") && bytes[6..10] == [0, 0, 0, 0] {
        return Some("a BMP image");
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    // Text in UTF-16 has a NUL in every other byte, and a byte order mark.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(65_536)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    // A stray NUL or two in a page is a glitch; a tenth of the bytes is not text.
    (sample.len() >= 16 && controls * 10 > sample.len()).then_some("binary data")
}

/// The charset the bytes declare: a byte order mark, or in an HTML page's
/// first 1024 bytes a `<meta charset>` or `<meta http-equiv=Content-Type
/// content="…; charset=…">`, as a browser's prescan finds them.
fn charset(bytes: &[u8]) -> Option<(String, Declared)> {
    for (bom, label) in [
        (&[0xef, 0xbb, 0xbf][..], "utf-8"),
        (&[0xff, 0xfe], "utf-16le"),
        (&[0xfe, 0xff], "utf-16be"),
    ] {
        if bytes.starts_with(bom) {
            return Some((label.to_string(), Declared::ByteOrderMark));
        }
    }
    let head: Vec<u8> = bytes[..bytes.len().min(1024)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut rest = &head[..];
    while let Some(at) = find(rest, b"<meta") {
        rest = &rest[at + 5..];
        let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(c) = find(tag, b"charset") {
            let after = &tag[c + 7..];
            let after = after.strip_prefix(b"=").or_else(|| {
                let i = after.iter().position(|&b| b != b' ')?;
                after[i..].strip_prefix(b"=")
            });
            if let Some(value) = after {
                let value = value
                    .iter()
                    .skip_while(|&&b| matches!(b, b' ' | b'"' | b'\''))
                    .take_while(|&&b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')
                    })
                    .map(|&b| b as char)
                    .collect::<String>();
                if !value.is_empty() {
                    return Some((label_of(&value), Declared::Meta));
                }
            }
        }
        rest = &rest[end..];
    }
    None
}

/// A declared label as the host is asked to decode it: UTF-16 declared in
/// an ASCII-compatible page means UTF-8 (the HTML standard's rule), and
/// the rest go to the host's decoder as written.
fn label_of(value: &str) -> String {
    match value {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "utf-16" | "utf-16le" | "utf-16be" => "utf-8",
        "x-user-defined" => "windows-1252",
        other => other,
    }
    .to_string()
}

/// The labels the WHATWG Encoding standard gives windows-1252, the legacy
/// web's default (Latin-1 and ASCII pages are read as it too).
const WINDOWS_1252_LABELS: [&str; 17] = [
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

/// windows-1252 decoded here rather than by the host: some hosts' decoders
/// read it as ISO-8859-1, turning its quotes and dashes into controls.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[b as usize - 0x80],
            _ => char::from(b),
        })
        .collect()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_charset_is_found_in_the_page_head() {
        assert_eq!(
            charset(b"<!doctype html><html><head><meta charset=\"windows-1252\"><title>"),
            Some(("windows-1252".to_string(), Declared::Meta))
        );
        assert_eq!(
            charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">"
            ),
            Some(("iso-8859-1".to_string(), Declared::Meta))
        );
        assert_eq!(
            charset(b"<meta charset=utf-16>"),
            Some(("utf-8".to_string(), Declared::Meta))
        );
        assert_eq!(charset(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn windows_1252_has_its_quotes_and_dashes() {
        assert_eq!(windows_1252(b"\x93caf\xe9\x94 \x96 \x80"), "“café” – €");
    }

    #[test]
    fn a_byte_order_mark_decides_before_any_declaration() {
        assert_eq!(
            charset(b"\xff\xfe<\x00m\x00"),
            Some(("utf-16le".to_string(), Declared::ByteOrderMark))
        );
    }

    #[test]
    fn pictures_and_documents_are_named_and_a_stray_nul_is_not_binary() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n...."), Some("a PNG image"));
        assert_eq!(binary_kind(b"%PDF-1.7 ..."), Some("a PDF document"));
        let mut page = b"<html><body><p>A page with one glitch".to_vec();
        page.push(0);
        page.extend_from_slice(b" in it, and plenty of text around the glitch.</p></body></html>");
        assert_eq!(binary_kind(&page), None);
        assert_eq!(binary_kind(&[0u8, 1, 2, 3].repeat(40)), Some("binary data"));
    }

    /// A host with a terminal on standard input and nothing typed.
    #[derive(Default)]
    struct Terminal {
        err: String,
    }

    impl Host for Terminal {
        fn read_file(&mut self, _: &str) -> Result<Vec<u8>, String> {
            Err("no files here".into())
        }
        fn read_stdin(&mut self) -> Result<Vec<u8>, String> {
            Ok(Vec::new())
        }
        fn stdin_is_terminal(&self) -> bool {
            true
        }
        fn gunzip(&self, _: &[u8]) -> Result<Vec<u8>, String> {
            Err("no gzip here".into())
        }
        fn decode(&self, _: &[u8], _: &str) -> Option<String> {
            None
        }
        fn stdout(&mut self, _: &str) -> bool {
            true
        }
        fn stderr(&mut self, s: &str) {
            self.err.push_str(s);
        }
    }

    #[test]
    fn reading_from_a_terminal_says_how_to_end_the_input() {
        let mut host = Terminal::default();
        assert_eq!(run(&[], &mut host), 1);
        assert!(host
            .err
            .starts_with("article-cleaner: reading from standard input (Ctrl+D to end)\n"));
    }

    #[test]
    fn sizes_in_megabytes_are_read_without_floating_point() {
        assert_eq!(megabytes("64"), Some(64 << 20));
        assert_eq!(megabytes("0.5"), Some(1 << 19));
        assert_eq!(megabytes("0"), None);
        assert_eq!(megabytes("-1"), None);
        assert_eq!(megabytes("1e3"), None);
    }
}
