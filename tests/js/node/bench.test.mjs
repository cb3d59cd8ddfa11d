// `npm run bench -- --quick`, the benchmark's smoke test: it runs end to
// end (native against the floor, our wasm and Readability.js interleaved in
// one Chromium page, the first clean() in fresh pages, the download size,
// growth), prints every table and leaves bench/speed.md alone. About half a
// minute on a 2-core machine once bench_pages is built, which is done first
// and not counted. Needs the dev corpus beside the repository
// (../shared/eval/dev) and Chromium (npm test installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../../scripts/lib.mjs';

const corpus = join(root, '../shared/eval/dev/truth.jsonl');
const speedMd = join(root, 'bench/speed.md');

test('npm run bench -- --quick prints every table and leaves bench/speed.md alone', {
  timeout: 600_000,
  skip: !existsSync(corpus) && `no dev corpus at ${corpus}`,
}, (t) => {
  const build = spawnSync('cargo', ['build', '--release', '-p', 'article-cleaner-dev', '--bin', 'bench_pages'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'],
  });
  assert.equal(build.status, 0, build.stderr);
  const before = existsSync(speedMd) ? readFileSync(speedMd, 'utf8') : null;
  const started = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'bench', '--', '--quick'], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000,
  });
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`npm run bench -- --quick took ${seconds.toFixed(1)} s`);
  assert.equal(r.status, 0, `${r.error ?? ''}\n${r.stderr}`);
  const out = r.stdout;
  for (const part of [
    /^## Per page$/m,
    /^\| floor: html5ever \+ walk +\| native +\| html +\| +\d+ \|/m,
    /^### Against the floor, native$/m,
    /^\| html +\| +\d+ \|.*\d×.*\d× \|$/m,
    /^\| pasted-text +\| +\d+ \|.*\d× \|$/m,
    /^Pasted text, native: [\d.]+ ms the median page/m,
    /^### Ours and Readability\.js in one Chromium page$/m,
    /^\| Readability\.js \/ ours +\| +\| +[\d.]+× \| +[\d.]+× \|$/m,
    /^## The first clean\(\) in a fresh page$/m,
    /the dev page closest to 100 KB/,
    /^\| the first clean\(\) of the page +\| +[\d.]+ \|/m,
    /^\| the second clean\(\) of the page +\| +[\d.]+ \|/m,
    /^\| `pkg\/article_cleaner_bg\.wasm` +\|/m,
    /^\| wasm \+ JS glue +\| +[\d.]+ \| +[\d.]+ \|/m,
    /^Goal: wasm \+ JS glue ≤ 300\.0 KiB gzip\. Now [\d.]+ KiB/m,
    /^## Growth with input size$/m,
  ]) {
    assert.match(out, part);
  }
  assert.doesNotMatch(out, /NaN|Infinity|undefined/);
  assert.match(r.stderr, /--quick: bench\/speed\.md left as it was/);
  assert.equal(existsSync(speedMd) ? readFileSync(speedMd, 'utf8') : null, before, 'bench/speed.md is unchanged');
});
