//! The command-line tool: a thin shell over the library.

use std::io::{Read, Write};
use std::process::ExitCode;

use article_cleaner::{
    clean, render_html_document, render_with, Format, Images, InputKind, Options, RenderOptions,
};

/// The help text, shared with the npm package's `npx article-cleaner`.
const HELP: &str = include_str!("../bin/help.txt");

struct Args {
    input: InputKind,
    format: Format,
    base_url: Option<String>,
    explain: bool,
    images: Images,
    max_bytes: usize,
    file: Option<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        input: InputKind::Auto,
        format: Format::Text,
        base_url: None,
        explain: false,
        images: Images::Placeholder,
        max_bytes: article_cleaner::DEFAULT_MAX_INPUT_BYTES,
        file: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (name, inline_value) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline_value
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("article-cleaner {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--input" => {
                args.input = match value("auto, html or text")?.as_str() {
                    "auto" => InputKind::Auto,
                    "html" => InputKind::Html,
                    "text" | "txt" => InputKind::Text,
                    other => {
                        return Err(format!(
                            "--input: unknown kind {other:?} (auto, html, text)"
                        ))
                    }
                }
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
                let mb: f64 = v
                    .parse()
                    .ok()
                    .filter(|m: &f64| *m > 0.0)
                    .ok_or_else(|| format!("--max-size: {v:?} is not a positive number"))?;
                args.max_bytes = (mb * 1024.0 * 1024.0) as usize;
            }
            "-" => args.file = None,
            s if s.starts_with('-') => return Err(format!("unknown option {s} (see --help)")),
            _ => {
                if args.file.is_some() {
                    return Err("give one file at most (see --help)".into());
                }
                args.file = Some(arg);
            }
        }
    }
    Ok(Some(args))
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match file {
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    let name = file.unwrap_or("standard input");
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("article-cleaner: {e}");
            return ExitCode::from(2);
        }
    };
    let input = match read_input(args.file.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("article-cleaner: {e}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        input: args.input,
        base_url: args.base_url,
        max_input_bytes: args.max_bytes,
    };
    let article = match clean(&input, &options) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("article-cleaner: {e}");
            return ExitCode::from(2);
        }
    };
    if args.explain {
        let mut err = std::io::stderr().lock();
        for r in &article.removed {
            let text: String = r
                .block
                .text
                .chars()
                .take(70)
                .collect::<String>()
                .replace('\n', " ");
            let _ = writeln!(
                err,
                "{:>5}  {:<16} {}",
                r.block.source.line,
                r.reason.code(),
                text
            );
        }
    }
    let render_options = RenderOptions {
        images: args.images,
    };
    let out = match args.format {
        Format::Html => render_html_document(&article, &render_options),
        f => render_with(&article, f, &render_options),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        // A closed pipe (| head) is not an error worth a message.
        return ExitCode::SUCCESS;
    }
    if article.blocks.is_empty() && article.lead.is_none() {
        eprintln!("article-cleaner: no article found in the input");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
