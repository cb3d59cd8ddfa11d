// examples/web-app as its users get it: the package packed with `npm pack`
// and unpacked into the app's node_modules (what `npm install` does for a
// package without dependencies), then the app built with Vite and served,
// and run on Vite's dev server, and the README's plain <script
// type="module"> import of js/web.mjs without a bundler, each driven in
// Chromium and in Firefox.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { root } from '../../../scripts/lib.mjs';
import { serveOrigin } from '../../../scripts/chromium.mjs';
import { ENGINES, launch } from './driver.mjs';

const seed = fileURLToPath(new URL('../../../tests/fixtures/heute-kasachstan/', import.meta.url));
const input = readFileSync(join(seed, 'input.txt'), 'utf8');
const [title, , lead, , firstParagraph] = readFileSync(join(seed, 'expected.txt'), 'utf8').split('\n');

let work, app, dist, production, dev, plain;

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

  dist = join(work, 'dist');
  await build({ root: app, logLevel: 'error', build: { outDir: dist } });
  production = await serveOrigin(dist);
  dev = await createServer({ root: app, logLevel: 'error', server: { host: '127.0.0.1' } });
  await dev.listen();

  // The README's page without a bundler, beside the installed package.
  const site = join(work, 'plain');
  cpSync(join(app, 'node_modules'), join(site, 'node_modules'), { recursive: true });
  writeFileSync(join(site, 'seed.txt'), input);
  writeFileSync(join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><title>plain</title><link rel="icon" href="data:,">
<div id="out"></div>
<script type="module">
  import init, { clean, render } from './node_modules/article-cleaner/js/web.mjs';
  await init();
  const seed = await (await fetch('seed.txt')).text();
  document.querySelector('#out').innerHTML = render(clean(seed), 'html');
</script>`);
  plain = await serveOrigin(site);
});

after(async () => {
  await plain?.close();
  await production?.close();
  await dev?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the production build emits the wasm as an asset of its own', () => {
  assert.ok(readdirSync(join(dist, 'assets')).some((f) => f.endsWith('.wasm')));
});

/** Opens the app, pastes the seed and clicks Clean, as a user does. */
async function cleanSeedAt(browser, url) {
  const page = await browser.open(url);
  await page.waitFor(() => !document.querySelector('button[type=submit]').disabled);
  await page.evaluate((input) => {
    const area = document.getElementById('input');
    area.value = input;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, input);
  await page.click('button[type=submit]');
  await page.waitFor(() => document.querySelector('#output article'));
  return page;
}

async function assertSeedArticle(page) {
  const { heading, text } = await page.evaluate(() => {
    const article = document.querySelector('#output article');
    return { heading: article.querySelector('h1').textContent, text: article.innerText };
  });
  assert.equal(heading, title);
  assert.ok(text.includes(lead), 'the lead');
  assert.ok(text.includes(firstParagraph), 'the first body paragraph');
  assert.ok(!text.includes('Gehe zur Galerie'), 'the gallery link is removed');
}

for (const engine of ENGINES) {
  describe(`in ${engine}`, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser?.close());

    describe('the production build', () => {
      let page;
      before(async () => {
        page = await cleanSeedAt(browser, `${production.origin}/`);
      });
      after(() => page?.close());

      test('shows the pasted seed as its title and body, without the gallery', async () => {
        await assertSeedArticle(page);
      });

      test('counts the removed blocks in the status line', async () => {
        assert.match(await page.evaluate(() => document.getElementById('status').textContent), /^\d+ words kept, \d+ removed \([1-9]\d* blocks\)\.$/);
      });

      test('logs no errors', () => {
        assert.deepEqual([...page.errors, ...page.consoleErrors], []);
      });
    });

    test('a plain <script type="module"> imports js/web.mjs, inits and renders', async () => {
      const page = await browser.open(`${plain.origin}/`);
      try {
        await page.waitFor(() => document.querySelector('#out article h1'));
        assert.equal(await page.evaluate(() => document.querySelector('#out h1').textContent), title);
        assert.deepEqual([...page.errors, ...page.consoleErrors], []);
      } finally {
        await page.close();
      }
    });

    describe('the dev server (npm run dev)', () => {
      let page;
      before(async () => {
        page = await cleanSeedAt(browser, dev.resolvedUrls.local[0]);
      });
      after(() => page?.close());

      test('shows the pasted seed as its title and body, without the gallery', async () => {
        await assertSeedArticle(page);
      });

      test('logs no errors', () => {
        assert.deepEqual([...page.errors, ...page.consoleErrors], []);
      });
    });
  });
}
