// What `npm publish` would upload: exactly the files a user needs, and every
// file package.json points at among them (run `npm run build` first); that
// a real `npm pack` holds the built wasm, and that it refuses to pack
// without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    // The wasm, wasm-bindgen's glue for each way of loading it, and Node's
    // own wasm, which also holds the command line.
    'pkg/article_cleaner_bg.wasm',
    'pkg/node_bg.wasm',
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

test('npm pack writes a tarball holding the wasm the build made', (t) => {
  const work = mkdtempSync(join(tmpdir(), 'article-cleaner-pack-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  }));
  assert.equal(filename, `article-cleaner-${manifest.version}.tgz`, 'the name the README tells to install');
  execFileSync('tar', ['-xzf', join(work, filename), '-C', work]);
  for (const wasm of ['pkg/article_cleaner_bg.wasm', 'pkg/node_bg.wasm']) {
    const packedWasm = readFileSync(join(work, 'package', wasm));
    assert.ok(packedWasm.length > 100_000, `a real wasm, ${packedWasm.length} bytes`);
    assert.ok(packedWasm.equals(readFileSync(join(root, wasm))), `the ${wasm} of pkg/`);
  }
});

test('npm pack refuses, saying why, when the wasm is not built and Rust is missing', (t) => {
  // A checkout without pkg/ on a machine with Node and npm but no cargo.
  const work = mkdtempSync(join(tmpdir(), 'article-cleaner-nopkg-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const checkout = join(work, 'checkout');
  for (const part of ['package.json', 'README.md', 'LICENSE', 'scripts', 'js', 'bin', 'src', 'Cargo.toml']) {
    cpSync(join(root, part), join(checkout, part), { recursive: true });
  }
  const bin = join(work, 'bin');
  mkdirSync(bin);
  const which = (tool) => execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
  for (const tool of ['node', 'npm', 'sh']) symlinkSync(which(tool), join(bin, tool));
  const r = spawnSync('npm', ['pack', '--json'], {
    cwd: checkout, encoding: 'utf8', env: { ...process.env, PATH: bin },
  });
  assert.notEqual(r.status, 0, 'no tarball without the wasm');
  assert.match(r.stderr, /refusing to pack article-cleaner: pkg\/article_cleaner_bg\.wasm is not built/);
  assert.match(r.stderr, /needs Rust \(cargo\)/);
  assert.deepEqual(execFileSync('ls', [checkout], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.tgz')), []);
});
