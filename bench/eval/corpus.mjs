// The evaluation corpora (format: ../shared/eval/README.md): each page's
// three inputs, gzipped, and its truth: truth.jsonl (the article body,
// scored by score.py; truth.DATASET.jsonl per source dataset) or
// cases.jsonl (snippets the article must and must not contain, scored by
// score-snippets.py, with the page's title, author and date).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root } from '../../scripts/lib.mjs';

/** Where the corpora live, and the ones `npm run eval` scores by default. */
export const SHARED = resolve(root, '../shared/eval');
export const DEFAULT_CORPORA = ['dev', 'wide-dev', 'multilingual-dev'];

/** The input kinds, in table order: what a page's file holds and how our
 * cleaner is told to read it. */
export const KINDS = [
  { name: 'html', suffix: '.html.gz', input: 'html', withBaseUrl: true },
  { name: 'pasted-html', suffix: '.clip.html.gz', input: 'html', withBaseUrl: false },
  { name: 'pasted-text', suffix: '.txt.gz', input: 'text', withBaseUrl: false },
];

/** A corpus given by name (a folder of ../shared/eval) or by path (from
 * `cwd`); null when neither holds a truth.jsonl or cases.jsonl. */
export function findCorpus(nameOrDir, cwd) {
  const candidates = [resolve(cwd, nameOrDir)];
  if (!nameOrDir.includes('/')) candidates.push(join(SHARED, nameOrDir));
  return candidates.find((d) => existsSync(join(d, 'truth.jsonl')) || existsSync(join(d, 'cases.jsonl'))) ?? null;
}

/** Everything the eval needs to know about one corpus:
 * - `name` (its folder's name: the key in bench/quality.json and in
 *   bench/out/SYSTEM/NAME/), `dir`;
 * - `scoring`: 'body' (truth.jsonl, score.py) or 'snippets' (cases.jsonl,
 *   score-snippets.py), `truthFile`, `scorer`;
 * - `pages`: `[{ id, url, label }]` in the truth's order, url '' unless it is
 *   an http(s) address, label what identifies the page to a reader (its
 *   URL, else its dataset and file);
 * - `datasets`: `[{ name, file, pages }]` from truth.DATASET.jsonl;
 * - `cases` (snippet corpora): id → `{ with, without }`;
 * - `metadata`: `{ source, truth: [{ id, title, author, date }] }` or null.
 * Throws, saying what is missing, when the corpus cannot be scored. */
export function loadCorpus(dir) {
  const name = basename(dir);
  const body = existsSync(join(dir, 'truth.jsonl'));
  const truthFile = join(dir, body ? 'truth.jsonl' : 'cases.jsonl');
  const scorerName = body ? 'score.py' : 'score-snippets.py';
  const scorer = [join(dir, scorerName), join(dirname(dir), scorerName), join(SHARED, scorerName)].find(existsSync);
  if (!scorer) throw new Error(`no ${scorerName} in ${dir}, beside it or in ${SHARED}: each corpus is scored by its own scorer`);
  const rows = readJsonl(truthFile);
  const pages = rows.map((r) => ({
    id: r.id,
    url: /^https?:\/\//i.test(r.url ?? '') ? r.url : '',
    label: r.url || [r.dataset, r.file].filter(Boolean).join('/') || r.id,
  }));
  const datasets = body
    ? readdirSync(dir)
        .map((f) => /^truth\.(.+)\.jsonl$/.exec(f))
        .filter(Boolean)
        .map((m) => ({ name: m[1], file: join(dir, m[0]), pages: readJsonl(join(dir, m[0])).length }))
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
  const cases = body ? null : new Map(rows.map((r) => [r.id, { with: r.with, without: r.without }]));
  return { name, dir, scoring: body ? 'body' : 'snippets', truthFile, scorer, pages, datasets, cases, metadata: metadataTruth(name, rows) };
}

/** The metadata truth of a corpus: bench/eval/NAME-metadata.jsonl when the
 * project keeps one (hand-made: `authors` a list, `date` YYYY-MM-DD or ''),
 * else the title, author and date that cases.jsonl gives ('' where its
 * annotators gave none; a few authors are lists); null when there is
 * none. */
function metadataTruth(name, rows) {
  const own = join(root, 'bench/eval', `${name}-metadata.jsonl`);
  if (existsSync(own)) {
    return {
      source: `bench/eval/${name}-metadata.jsonl`,
      truth: readJsonl(own).map((r) => ({ id: r.id, title: r.title, author: r.authors, date: r.date })),
    };
  }
  if (rows.length && ['title', 'author', 'date'].every((k) => k in rows[0])) {
    return {
      source: `${name}/cases.jsonl`,
      truth: rows.map((r) => ({ id: r.id, title: r.title, author: r.author, date: r.date })),
    };
  }
  return null;
}

export function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

export function readInput(dir, id, kind) {
  return gunzipSync(readFileSync(join(dir, id + kind.suffix))).toString('utf8');
}

/** Pasted text as HTML for extractors that read only HTML: one <p> per
 * non-blank line (bench/eval/trafilatura_run.py does the same). */
export function paragraphs(text) {
  const ps = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`);
  return `<html><body>${ps.join('')}</body></html>`;
}

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
