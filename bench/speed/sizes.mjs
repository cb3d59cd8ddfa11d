// What a user downloads: the wasm and the JS glue a browser loads through
// js/web.mjs, raw and compressed as a server would send them; the npm
// tarball; and Readability.js for comparison.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { output, root } from '../../scripts/lib.mjs';

const BROWSER_FILES = ['pkg/article_cleaner_bg.wasm', 'pkg/web.js', 'js/web.mjs', 'js/wrap.mjs'];
const READABILITY = 'node_modules/@mozilla/readability/Readability.js';

export function sizes() {
  const files = BROWSER_FILES.map(measure);
  const total = { file: 'total', ...sum(files) };
  const pack = JSON.parse(output('npm', ['pack', '--dry-run', '--json']) ?? 'null')?.[0];
  return {
    files: [...files, total],
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
