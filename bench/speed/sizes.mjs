// What a user downloads: the wasm and the JS glue a browser loads through
// js/web.mjs (the files the bench page fetched, browser.mjs), raw and
// compressed as a server would send them; the npm tarball; and
// Readability.js for comparison.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { output, root } from '../../scripts/lib.mjs';

/** What js/web.mjs loads, when no browser said what it fetched. */
const BROWSER_FILES = ['pkg/article_cleaner_bg.wasm', 'pkg/web.js', 'js/web.mjs', 'js/wrap.mjs'];
const READABILITY = 'node_modules/@mozilla/readability/Readability.js';
/** The goal for what a browser downloads, gzipped. */
export const GOAL_GZIP_BYTES = 300 * 1024;

/** `fetched`: the library's files as a browser fetched them (paths from
 * the repository root). Returns { fromBrowser, files, glueTotal, total,
 * goal, readability, npm }. */
export function sizes(fetched = []) {
  const isWasm = (file) => file.endsWith('.wasm');
  // The wasm first, then the glue by name.
  const files = [...(fetched.length ? fetched : BROWSER_FILES)]
    .sort((a, b) => Number(isWasm(b)) - Number(isWasm(a)) || a.localeCompare(b))
    .map(measure);
  const glue = files.filter((f) => !isWasm(f.file));
  const pack = JSON.parse(output('npm', ['pack', '--dry-run', '--json']) ?? 'null')?.[0];
  return {
    fromBrowser: fetched.length > 0,
    files,
    glueTotal: { file: 'JS glue', ...sum(glue) },
    total: { file: 'wasm + JS glue', ...sum(files) },
    goal: GOAL_GZIP_BYTES,
    readability: measure(READABILITY),
    npm: pack && { size: pack.size, unpackedSize: pack.unpackedSize, files: pack.entryCount },
  };
}

function measure(file) {
  const bytes = readFileSync(join(root, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(rows) {
  const total = (key) => rows.reduce((a, r) => a + r[key], 0);
  return { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}
