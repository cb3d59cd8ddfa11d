// `article-cleaner/bundler`: wasm-bindgen's bundler glue imports the .wasm
// as an ES module, as webpack's asyncWebAssembly does. Node does the same
// with --experimental-wasm-modules, so a child process stands in for the
// bundled app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { root } from '../../../scripts/lib.mjs';

const fixture = (f) => readFileSync(new URL(`../../../tests/fixtures/heute-kasachstan/${f}`, import.meta.url), 'utf8');

/** Runs an ES module body that imports the entry; returns its stdout. */
function runWithWasmModules(body) {
  const r = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', body], {
    cwd: root,
    input: fixture('input.txt'),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('the bundler entry cleans the seed paste to expected.txt', () => {
  const out = runWithWasmModules(`
    import { readFileSync } from 'node:fs';
    import { clean, render } from 'article-cleaner/bundler';
    process.stdout.write(render(clean(readFileSync(0, 'utf8')), 'text'));
  `);
  assert.equal(out, fixture('expected.txt'));
});

test('the bundler entry throws the wrapper\'s coded errors', () => {
  const out = runWithWasmModules(`
    import { clean } from 'article-cleaner/bundler';
    try { clean(42); } catch (e) { process.stdout.write(String(e instanceof Error && e.code)); }
  `);
  assert.equal(out, 'invalid-input');
});
