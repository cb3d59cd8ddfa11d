// `npm start` as the README promises it: with the build fresh (npm test
// builds first) it skips the build and serves the page in under 3 s; a
// port in use is said in one line, with how to pick another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { root } from '../../../scripts/lib.mjs';

const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

test('npm start serves the page within 3 s when the build is fresh', { timeout: 60_000 }, async (t) => {
  assert.equal(spawnSync(process.execPath, ['scripts/build.mjs', '--check'], { cwd: root }).status, 0,
    'the build is stale: run node scripts/build.mjs first');
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so that npm and the server it starts stop together.
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: String(port) }, detached: true });
  t.after(() => {
    try {
      process.kill(-child.pid);
    } catch {
      /* already gone */
    }
  });
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('article-cleaner page:')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`npm start ended (${code}): ${output}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  assert.match(output, /build skipped/);
  assert.ok(seconds < 3, `serving after ${seconds.toFixed(1)} s`);
  const page = await fetch(`http://127.0.0.1:${port}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>Article cleaner<\/title>/);

  // A second server on the same port.
  const second = spawnSync(process.execPath, ['scripts/serve.mjs'], { cwd: root, env: { ...process.env, PORT: String(port) }, encoding: 'utf8' });
  assert.equal(second.status, 1);
  assert.equal(second.stderr.trim().split('\n').length, 1, `one line: ${second.stderr}`);
  assert.match(second.stderr, new RegExp(`port ${port} is already in use.*PORT=${port + 1} npm start`));
});
