// The evaluation corpus (format: shared/eval/README.md): truth.jsonl, and
// each page's three inputs, gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The input kinds, in table order: what a page's file holds and how our
 * cleaner is told to read it. */
export const KINDS = [
  { name: 'html', suffix: '.html.gz', input: 'html', withBaseUrl: true },
  { name: 'pasted-html', suffix: '.clip.html.gz', input: 'html', withBaseUrl: false },
  { name: 'pasted-text', suffix: '.txt.gz', input: 'text', withBaseUrl: false },
];

/** The pages: `{ id, url, body }` in truth.jsonl's order. */
export function readTruth(dir) {
  return readFileSync(join(dir, 'truth.jsonl'), 'utf8')
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
