// What `npm publish` would upload: exactly the files a user needs, and every
// file package.json points at among them (run `npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../../scripts/lib.mjs';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
);
const packed = new Set(pack.files.map((f) => f.path));

/** Every string in an exports map, conditions and subpaths alike. */
function targets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value ?? {}).flatMap(targets);
}

const normalise = (path) => path.replace(/^\.\//, '');

test('the tarball holds exactly the runtime, its types, the CLI and the docs', () => {
  const expected = [
    'LICENSE',
    'README.md',
    'package.json',
    'bin/article-cleaner.mjs',
    // Entry points and the wrapper behind them.
    'js/browser.mjs',
    'js/bundler.mjs',
    'js/node.cjs',
    'js/node.mjs',
    'js/web.mjs',
    'js/worker.mjs',
    'js/worker-entry.mjs',
    'js/wrap.mjs',
    'js/index.d.ts',
    'js/web.d.ts',
    'js/worker.d.ts',
    // One wasm, and wasm-bindgen's glue for each way of loading it.
    'pkg/article_cleaner_bg.wasm',
    'pkg/web.js',
    'pkg/bundler.js',
    'pkg/article_cleaner_bg.js',
    'pkg/node.cjs',
    'pkg/wrap.cjs',
    // The same types, for TypeScript's view of the CommonJS entry.
    'pkg/index.d.cts',
  ];
  assert.deepEqual([...packed].sort(), expected.sort());
});

test('every file package.json points at is in the tarball', () => {
  const pointed = [
    manifest.main,
    manifest.module,
    manifest.browser,
    manifest.types,
    ...Object.values(manifest.bin),
    ...targets(manifest.exports),
  ].map(normalise);
  const missing = pointed.filter((p) => !packed.has(p));
  assert.deepEqual(missing, []);
});

/** The files an export resolves to, each with the types beside it. */
function leaves(entry) {
  if (typeof entry === 'string') return [{ types: undefined, file: entry }];
  if (typeof entry.default === 'string' && !Object.values(entry).some((v) => typeof v === 'object')) {
    return [{ types: entry.types, file: entry.default }];
  }
  return Object.entries(entry)
    .filter(([condition]) => condition !== 'types')
    .flatMap(([, value]) => leaves(value).map((l) => ({ types: l.types ?? entry.types, file: l.file })));
}

test('every way into every subpath export has its types', () => {
  for (const [subpath, entry] of Object.entries(manifest.exports)) {
    if (subpath === './package.json') continue;
    for (const { types, file } of leaves(entry)) {
      assert.equal(typeof types, 'string', `${subpath} → ${file} has no "types" condition`);
    }
  }
});

test('CommonJS entries have CommonJS types', () => {
  for (const { types, file } of leaves(manifest.exports['.'])) {
    if (file.endsWith('.cjs')) assert.match(types, /\.d\.cts$/, file);
  }
});
