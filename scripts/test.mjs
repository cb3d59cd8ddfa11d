// Every test layer, in the order a failure is cheapest to find:
//   format and lints, Rust unit/fixture/CLI tests, the wasm boundary in Node
//   (wasm-bindgen-test-runner), the built npm package in Node, and the page,
//   the examples and the safety corpus in Chromium.
// Installs what it needs first (scripts/setup.mjs --browser).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, step } from './lib.mjs';

run('node', ['scripts/setup.mjs', '--browser']);

step('cargo fmt --check');
run('cargo', ['fmt', '--all', '--check']);

step('cargo clippy -D warnings (native and wasm32)');
run('cargo', ['clippy', '--workspace', '--all-targets', '--', '-D', 'warnings']);
// With the npx feature: the wasm shell's code for Node is a superset of
// the browsers'.
run('cargo', ['clippy', '-p', 'article-cleaner', '--no-default-features', '--features', 'npx', '--target', 'wasm32-unknown-unknown', '--all-targets', '--', '-D', 'warnings']);

step('cargo test (unit, fixtures, CLI, doc)');
run('cargo', ['test', '--workspace']);
run('cargo', ['test', '--release', '--test', 'limits', '--', '--test-threads=1']);

step('wasm tests in Node (wasm-bindgen-test-runner)');
run('cargo', ['test', '--no-default-features', '--target', 'wasm32-unknown-unknown', '--test', 'wasm']);

step('build the package');
run('node', ['scripts/build.mjs']);

for (const layer of ['node', 'browser']) {
  const dir = join(root, 'tests', 'js', layer);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort() : [];
  if (files.length === 0) continue;
  step(`${layer} tests`);
  // One file at a time: the browser tests each start Chromium.
  run('node', ['--test', '--test-concurrency=1', ...files.map((f) => join('tests', 'js', layer, f))]);
}
console.log('\nall test layers passed');
