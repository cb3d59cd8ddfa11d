// Builds the npm package into pkg/ and the page's copy into www/vendor/:
// the release wasm, optimised with wasm-opt -Os, twice: one .wasm shared by
// the web (ESM + init) and bundler bindings, and one for Node (CommonJS),
// which also holds `npx article-cleaner`'s command line (the `npx`
// feature, which browsers never run and so do not download).
//
// Skipped when the built wasm is newer than everything it is made from
// (`--force` builds anyway; `--check` only tells, by its exit status: 0
// fresh, 3 stale): wasm-bindgen and wasm-opt take half a minute
// even when cargo has nothing to do, and `npm start` should not wait for
// them. The page's build id is written either way, since it also covers
// the page's own files.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root, run, step } from './lib.mjs';

const built = join(root, 'target/wasm32-unknown-unknown/wasm/article_cleaner.wasm');
const pkg = join(root, 'pkg');
const tmp = join(root, 'target/wasm-bindgen');
const vendor = join(root, 'www/vendor/article-cleaner');

/** What the wasm and its bindings are made from. */
const SOURCES = ['src', 'data', 'js', 'vendor', 'build.rs', 'Cargo.toml', 'Cargo.lock'].map((p) => join(root, p))
  .concat(fileURLToPath(import.meta.url));
/** What a build writes; all must exist and be newer than every source. */
const OUTPUTS = [
  'pkg/article_cleaner_bg.wasm', 'pkg/node_bg.wasm', 'pkg/web.js', 'pkg/bundler.js', 'pkg/article_cleaner_bg.js', 'pkg/node.cjs',
  'pkg/wrap.cjs', 'pkg/index.d.cts', 'www/vendor/article-cleaner/pkg/article_cleaner_bg.wasm',
  'www/vendor/article-cleaner/js/web.mjs',
].map((p) => join(root, p));

/** The newest modification time in a file or a folder tree (0 if absent). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

function isFresh() {
  const oldestOutput = Math.min(...OUTPUTS.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  return oldestOutput > Math.max(...SOURCES.map(newest));
}

if (process.argv.includes('--check')) {
  // For scripts/prepack.mjs: says whether a build is needed, builds nothing.
  process.exit(isFresh() ? 0 : 3);
}

if (!process.argv.includes('--force') && isFresh()) {
  console.log('pkg/ and www/vendor/ are newer than src/, data/, js/, build.rs and Cargo.*: build skipped (--force to build anyway)');
  writeBuildId();
  process.exit(0);
}

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
// Both builds write the same file: each is copied away before the next.
const cargo = ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm', '--no-default-features'];
step('cargo build (wasm32, release): for browsers and bundlers');
run('cargo', cargo);
copyFileSync(built, join(tmp, 'browser.wasm'));
step('cargo build (wasm32, release): for Node, with the command line');
run('cargo', [...cargo, '--features', 'npx']);
copyFileSync(built, join(tmp, 'node.wasm'));

step('wasm-bindgen: web, bundler and node bindings');
for (const [target, wasm, name] of [
  ['web', 'browser.wasm', 'article_cleaner'],
  ['bundler', 'browser.wasm', 'article_cleaner'],
  // Named so that its glue loads node_bg.wasm.
  ['nodejs', 'node.wasm', 'node'],
]) {
  run('wasm-bindgen', [join(tmp, wasm), '--out-dir', join(tmp, target), '--target', target, '--out-name', name, '--no-typescript']);
}

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg);
// No memory-packing: the wasm's data is one zero-free table after another,
// and splitting it around its few runs of zeros costs more gzip in segment
// headers (some 8 KiB) than the zeros do. --low-memory-unused lets wasm-opt
// fold `p + C` (C < 1024) into loads' and stores' offsets (1.1 KB of gzip,
// and no slower): it differs from the add only where the add wraps past
// 4 GiB, which no pointer of Rust's does.
step('wasm-opt -Os');
for (const [from, to] of [
  ['web/article_cleaner_bg.wasm', 'article_cleaner_bg.wasm'],
  ['nodejs/node_bg.wasm', 'node_bg.wasm'],
]) {
  run(join(root, 'node_modules/.bin/wasm-opt'), [
    join(tmp, from), '-Os', '--low-memory-unused', '--skip-pass=memory-packing', '--strip-debug', '--strip-producers', '-o', join(pkg, to),
  ]);
}
copyFileSync(join(tmp, 'web/article_cleaner.js'), join(pkg, 'web.js'));
copyFileSync(join(tmp, 'bundler/article_cleaner.js'), join(pkg, 'bundler.js'));
copyFileSync(join(tmp, 'bundler/article_cleaner_bg.js'), join(pkg, 'article_cleaner_bg.js'));
copyFileSync(join(tmp, 'nodejs/node.js'), join(pkg, 'node.cjs'));

// js/wrap.mjs is the one source of the wrapper; Node's CommonJS entry gets
// a CommonJS copy of it.
const wrap = readFileSync(join(root, 'js/wrap.mjs'), 'utf8');
const names = [...wrap.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]);
writeFileSync(
  join(pkg, 'wrap.cjs'),
  `// Generated from js/wrap.mjs by scripts/build.mjs.\n'use strict';\n` +
    wrap.replace(/^export /gm, '') + `\nmodule.exports = { ${names.join(', ')} };\n`,
);

// TypeScript reads a package's CommonJS entry with CommonJS types: the
// same declarations, under the name that says so.
copyFileSync(join(root, 'js/index.d.ts'), join(pkg, 'index.d.cts'));

step('www/vendor: the page\'s copy of the web build');
rmSync(vendor, { recursive: true, force: true });
mkdirSync(join(vendor, 'pkg'), { recursive: true });
mkdirSync(join(vendor, 'js'), { recursive: true });
for (const f of ['web.js', 'article_cleaner_bg.wasm']) copyFileSync(join(pkg, f), join(vendor, 'pkg', f));
for (const f of readdirSync(join(root, 'js')).filter((f) => f.endsWith('.mjs'))) {
  copyFileSync(join(root, 'js', f), join(vendor, 'js', f));
}
writeBuildId();
console.log('built pkg/ and www/vendor/');

/** The service worker's cache is named after the page's files, so that a
 * new build, or an edited page, replaces what visitors have cached
 * (www/sw.js). Written only when it changes. */
function writeBuildId() {
  const hash = createHash('sha256');
  const addTree = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) addTree(path);
      else if (entry.name !== 'build-id.js') hash.update(entry.name).update(readFileSync(path));
    }
  };
  addTree(join(root, 'www'));
  const file = join(root, 'www/vendor/build-id.js');
  const text = `// Generated by scripts/build.mjs: names the service worker's cache.\nself.BUILD_ID = '${hash.digest('hex').slice(0, 16)}';\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
}
