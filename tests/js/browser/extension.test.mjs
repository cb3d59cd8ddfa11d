// examples/extension loaded unpacked in Chromium and as a temporary add-on
// in Firefox: the toolbar action's code path opens a news page
// (tests/js/browser/fixtures/extension-page.html) as a reader view.
//
// A headless browser has no toolbar to click, so the test runs the function
// the click runs, openReader(tab): in Chromium it calls it in the service
// worker; in Firefox, where WebDriver BiDi can neither evaluate in the
// background page nor open an extension page, the test's copy of the
// extension adds a content script and a background listener that pass the
// page's request on to openReader(sender.tab). Since only a real click
// grants activeTab, the test's copy also asks for access to the test
// server's origin. Everything after openReader() is the extension as
// shipped.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { clean } from 'article-cleaner';
import { CHROMIUM_FLAGS, chromiumPath, root } from '../../../scripts/lib.mjs';
import { launchFirefox } from '../../../scripts/firefox.mjs';
import { serve } from '../../../scripts/serve.mjs';

const fixtures = join(root, 'tests/js/browser/fixtures');
const pageHtml = readFileSync(join(fixtures, 'extension-page.html'), 'utf8');
const TITLE = 'Harbour Road gets protected bike lanes after council vote';

let work, server, pageUrl;
const imageRequests = [];

before(async () => {
  execFileSync(process.execPath, [join(root, 'examples/extension/build.mjs')], { stdio: 'ignore' });
  work = mkdtempSync(join(tmpdir(), 'article-cleaner-extension-'));
  server = await serve(fixtures, 0);
  server.on('request', (req) => req.url.endsWith('.svg') && imageRequests.push(req.headers));
  pageUrl = `http://127.0.0.1:${server.address().port}/extension-page.html`;
});

after(() => {
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A copy of the extension with access to the test server, changed by
 * `patch(manifest, dir)`. */
function copyExtension(name, patch = () => {}) {
  const dir = join(work, name);
  cpSync(join(root, 'examples/extension'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  patch(manifest, dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const launchers = {
  async chromium() {
    const extension = copyExtension('chromium');
    const context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: false,
      args: ['--headless=new', ...CHROMIUM_FLAGS,
        `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    });
    const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
    const page = await context.newPage();
    await page.goto(pageUrl);
    imageRequests.length = 0; // the page's own, sent with a referrer
    const opened = context.waitForEvent('page', (p) => p.url().endsWith('/reader.html'));
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await openReader(tab);
    }, pageUrl);
    const reader = await opened;
    const errors = [];
    reader.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    reader.on('pageerror', (e) => errors.push(e.message));
    await reader.locator('#article h1').waitFor();
    return {
      errors,
      url: reader.url(),
      evaluate: (fn, arg) => reader.evaluate(fn, arg),
      click: (selector) => reader.click(selector),
      close: () => context.close(),
    };
  },

  async firefox() {
    const extension = copyExtension('firefox', (manifest, dir) => {
      manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['test-open-reader.js'] }];
      manifest.background.scripts.push('test-background.js');
      writeFileSync(join(dir, 'test-open-reader.js'),
        "window.addEventListener('message', (e) => { if (e.source === window && e.data === 'open-reader') chrome.runtime.sendMessage('open-reader'); });\n");
      writeFileSync(join(dir, 'test-background.js'),
        "chrome.runtime.onMessage.addListener((message, sender) => { if (message === 'open-reader') openReader(sender.tab); });\n");
    });
    const browser = await launchFirefox();
    assert.equal(await browser.installExtension(extension), 'reader-view@article-cleaner', 'installed under its gecko id');
    const page = await browser.newPage();
    await page.goto(pageUrl);
    imageRequests.length = 0;
    const before = new Set(await browser.pages());
    await page.evaluate(() => window.postMessage('open-reader', '*'));
    // The reader's tab: the one that appears, once it shows the article.
    let reader = null;
    for (let i = 0; i < 200 && !reader; i++) {
      for (const p of await browser.pages()) {
        if (before.has(p)) continue;
        if (await p.evaluate(() => !!document.querySelector('#article h1')).catch(() => false)) reader = p;
      }
      if (!reader) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(reader, 'a reader tab opened and showed the article');
    const errors = [];
    reader.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    reader.on('pageerror', (e) => errors.push(e.message));
    return {
      errors,
      url: await reader.evaluate(() => location.href),
      evaluate: (fn, arg) => reader.evaluate(fn, arg),
      click: (selector) => reader.locator(selector).click(),
      close: () => browser.close(),
    };
  },
};

for (const engine of ['chromium', 'firefox']) {
  describe(`the extension in ${engine}`, () => {
    let reader;
    before(async () => {
      reader = await launchers[engine]();
    });
    after(() => reader?.close());

    test('the reader view opens in a tab of its own, titled with the article', async () => {
      assert.match(reader.url, engine === 'chromium' ? /^chrome-extension:\/\/.*\/reader\.html$/ : /^moz-extension:\/\/.*\/reader\.html$/);
      assert.deepEqual(await reader.evaluate(() => [document.title, document.querySelector('#article h1').textContent]), [TITLE, TITLE]);
    });

    test('the reader view shows the byline and the article body', async () => {
      const text = await reader.evaluate(() => document.getElementById('article').innerText);
      assert.match(text, /Maria Lindqvist/);
      assert.match(text, /Riverside's city council voted seven to six/);
      assert.match(text, /Parking spaces will go/);
      assert.match(text, /residents can comment on them until the end of April/);
    });

    test('the reader view leaves out the menu, the calls to action, the teasers and the footer', async () => {
      const text = await reader.evaluate(() => document.getElementById('article').innerText);
      for (const boilerplate of ['Politics', 'We use cookies', 'Subscribe from', 'Share on Facebook', 'Sign up now',
        'Library extends weekend opening hours', 'Log in to comment', 'Privacy policy', 'All rights reserved']) {
        assert.ok(!text.includes(boilerplate), boilerplate);
      }
    });

    test('the reader view links back to the original page', async () => {
      assert.equal(await reader.evaluate(() => document.getElementById('original').getAttribute('href')), pageUrl);
    });

    test('the article\'s image loads without telling its site which page was read', async () => {
      await reader.evaluate(() => document.querySelector('#article img').decode());
      assert.ok(imageRequests.length > 0, 'the image was requested');
      assert.ok(imageRequests.every((headers) => !('referer' in headers)), JSON.stringify(imageRequests));
    });

    test('the removed blocks are hidden until the toggle is switched on, then listed with their reasons as clean() gives them', async () => {
      assert.equal(await reader.evaluate(() => document.getElementById('removed').hidden), true);
      await reader.click('#show-removed');
      assert.equal(await reader.evaluate(() => document.getElementById('removed').hidden), false);
      const { removed } = clean(pageHtml, { input: 'html', baseUrl: pageUrl });
      const shown = await reader.evaluate(() => [...document.querySelectorAll('#removed-list li')]
        .map((li) => [li.dataset.reason, li.querySelector('.text').textContent]));
      assert.deepEqual(shown, removed.map((r) => [r.reason, r.text]));
      assert.equal(await reader.evaluate(() => document.getElementById('removed-count').textContent), String(removed.length));
    });

    test('the reader view logs no errors', () => {
      assert.deepEqual(reader.errors, []);
    });
  });
}
