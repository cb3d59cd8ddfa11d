#!/usr/bin/env node
// `npx article-cleaner`: the Rust CLI's behaviour (src/main.rs) over the
// package's wasm, for users who have Node but no Rust toolchain. Options,
// messages and exit statuses follow the Rust CLI's.
import { readFileSync } from 'node:fs';
import { clean, render } from '../js/node.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The help text is the Rust CLI's own (src/main.rs includes the same file).
const HELP = readFileSync(new URL('./help.txt', import.meta.url), 'utf8');

const INPUTS = { auto: 'auto', html: 'html', text: 'text', txt: 'text' };
const FORMATS = { text: 'text', txt: 'text', markdown: 'markdown', md: 'markdown', html: 'html', json: 'json' };

class UsageError extends Error {}

/** The parsed command line, or null when it asked for help or the version. */
function parseArgs(argv) {
  const args = { options: {}, format: 'text', images: 'placeholder', explain: false, file: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (what) => {
      if (eq > 0) return arg.slice(eq + 1);
      if (i + 1 < argv.length) return argv[++i];
      throw new UsageError(`${name} needs ${what}`);
    };
    switch (name) {
      case '-h':
      case '--help':
        process.stdout.write(HELP);
        return null;
      case '-V':
      case '--version':
        process.stdout.write(`article-cleaner ${version}\n`);
        return null;
      case '--input': {
        const v = value('auto, html or text');
        if (!Object.hasOwn(INPUTS, v)) throw new UsageError(`--input: unknown kind ${JSON.stringify(v)} (auto, html, text)`);
        args.options.input = INPUTS[v];
        break;
      }
      case '--format': {
        const v = value('text, markdown, html or json');
        if (!Object.hasOwn(FORMATS, v)) throw new UsageError(`--format: unknown format ${JSON.stringify(v)} (text, markdown, html, json)`);
        args.format = FORMATS[v];
        break;
      }
      case '--base-url':
        args.options.baseUrl = value('a URL');
        break;
      case '--images': {
        const v = value('placeholder, keep or drop');
        if (!['placeholder', 'keep', 'drop'].includes(v)) throw new UsageError(`--images: unknown choice ${JSON.stringify(v)} (placeholder, keep, drop)`);
        args.images = v;
        break;
      }
      case '--explain':
        args.explain = true;
        break;
      case '--max-size': {
        const v = value('a size in MB');
        const mb = Number(v);
        if (v.trim() === '' || !(mb > 0) || !Number.isFinite(mb)) throw new UsageError(`--max-size: ${JSON.stringify(v)} is not a positive number`);
        args.options.maxInputBytes = Math.floor(mb * 1024 * 1024);
        break;
      }
      case '-':
        args.file = null;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${name} (see --help)`);
        if (args.file !== null) throw new UsageError('give one file at most (see --help)');
        args.file = arg;
    }
  }
  return args;
}

function readInput(file) {
  let bytes;
  try {
    bytes = readFileSync(file ?? 0);
  } catch (e) {
    // "ENOENT: no such file or directory, open 'x'" → "no such file or directory"
    const reason = e.message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
    throw new UsageError(file === null ? `cannot read standard input: ${reason}` : `cannot read ${file}: ${reason}`);
  }
  try {
    // Strict, and the byte order mark kept: the Rust CLI hands the
    // library exactly the file's text.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${file ?? 'standard input'} is not UTF-8 text (invalid byte at offset ${validUpTo(bytes)}); convert it first, e.g. with iconv`,
    );
  }
}

/** Bytes before the first invalid UTF-8 sequence: the lenient decoder puts
 * U+FFFD there, unless the input itself holds a U+FFFD (EF BF BD). */
function validUpTo(bytes) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    const offset = encoder.encode(text.slice(0, at)).length;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return bytes.length;
}

/** As the Rust CLI's `--format html`: a whole document, to save as a file. */
function htmlDocument(article, images) {
  const title = (article.title ?? 'Article').replace(/[&<>\u00a0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': ' ' })[c]);
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n<title>${title}</title>\n` +
    `<meta name="viewport" content="width=device-width">\n</head>\n<body>\n${render(article, 'html', { images })}</body></html>\n`;
}

function explain(article) {
  for (const r of article.removed) {
    const text = [...r.text].slice(0, 70).join('').replaceAll('\n', ' ');
    process.stderr.write(`${String(r.source.line).padStart(5)}  ${r.reason.padEnd(16)} ${text}\n`);
  }
}

function main(argv) {
  let article;
  let format;
  let images;
  try {
    const args = parseArgs(argv);
    if (args === null) return 0;
    format = args.format;
    images = args.images;
    article = clean(readInput(args.file), args.options);
    if (args.explain) explain(article);
  } catch (e) {
    if (!(e instanceof UsageError) && typeof e?.code !== 'string') throw e;
    process.stderr.write(`article-cleaner: ${e.message}\n`);
    return 2;
  }
  process.stdout.write(format === 'html' ? htmlDocument(article, images) : render(article, format, { images }));
  if (article.blocks.length === 0 && article.lead === null) {
    process.stderr.write('article-cleaner: no article found in the input\n');
    return 1;
  }
  return 0;
}

// A closed pipe (| head) is not an error worth a message.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
