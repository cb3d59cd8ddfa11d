// examples/web-app as its users get it: the package packed with `npm pack`
// and unpacked into the app's node_modules (what `npm install` does for a
// package without dependencies), then the app built with Vite and served,
// and run on Vite's dev server, each driven in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { root } from '../../../scripts/lib.mjs';
import { launchChromium, serveOrigin } from '../../../scripts/chromium.mjs';

const seed = fileURLToPath(new URL('../../../tests/fixtures/heute-kasachstan/', import.meta.url));
const input = readFileSync(join(seed, 'input.txt'), 'utf8');
const [title, , lead, , firstParagraph] = readFileSync(join(seed, 'expected.txt'), 'utf8').split('\n');

let work, app, browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'article-cleaner-web-app-'));
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  app = join(work, 'app');
  cpSync(join(root, 'examples/web-app'), app, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
  const installed = join(app, 'node_modules/article-cleaner');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, filename), '-C', installed, '--strip-components=1']);

  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens the app, pastes the seed and clicks Clean, as a user does. */
async function cleanSeedAt(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.fill('#input', input);
  await page.click('button[type=submit]');
  await page.locator('#output article').waitFor();
  return { page, errors };
}

async function assertSeedArticle(page) {
  const article = page.locator('#output article');
  assert.equal(await article.locator('h1').textContent(), title);
  const text = await article.innerText();
  assert.ok(text.includes(lead), 'the lead');
  assert.ok(text.includes(firstParagraph), 'the first body paragraph');
  assert.ok(!text.includes('Gehe zur Galerie'), 'the gallery link is removed');
}

describe('the production build', () => {
  let server, page, errors;

  before(async () => {
    const dist = join(work, 'dist');
    await build({ root: app, logLevel: 'error', build: { outDir: dist } });
    server = await serveOrigin(dist);
    ({ page, errors } = await cleanSeedAt(`${server.origin}/`));
  });

  after(() => server?.close());

  test('emits the wasm as an asset of its own', () => {
    assert.ok(readdirSync(join(work, 'dist/assets')).some((f) => f.endsWith('.wasm')));
  });

  test('shows the pasted seed as its title and body, without the gallery', async () => {
    await assertSeedArticle(page);
  });

  test('counts the removed blocks in the status line', async () => {
    assert.match(await page.textContent('#status'), /^\d+ words kept, \d+ removed \([1-9]\d* blocks\)\.$/);
  });

  test('logs no console errors', () => {
    assert.deepEqual(errors, []);
  });
});

describe('the dev server (npm run dev)', () => {
  let server, page, errors;

  before(async () => {
    server = await createServer({ root: app, logLevel: 'error', server: { host: '127.0.0.1' } });
    await server.listen();
    ({ page, errors } = await cleanSeedAt(server.resolvedUrls.local[0]));
  });

  after(() => server?.close());

  test('shows the pasted seed as its title and body, without the gallery', async () => {
    await assertSeedArticle(page);
  });

  test('logs no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
