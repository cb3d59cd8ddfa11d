// examples/extension loaded unpacked in Chromium: the toolbar action's code
// path opens a news page (tests/js/browser/fixtures/extension-page.html) as a
// reader view. Headless Chromium has no toolbar to click, so the test calls
// the function the click calls, openReader(tab), in the service worker; and
// since only a real click grants activeTab, the test's copy of the extension
// also asks for access to the test server's origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { clean } from 'article-cleaner';
import { CHROMIUM_FLAGS, chromiumPath, root } from '../../../scripts/lib.mjs';
import { serve } from '../../../scripts/serve.mjs';

const fixtures = join(root, 'tests/js/browser/fixtures');
const pageHtml = readFileSync(join(fixtures, 'extension-page.html'), 'utf8');

let work, server, context, reader, pageUrl;
const readerErrors = [];
const imageRequests = [];

before(async () => {
  execFileSync(process.execPath, [join(root, 'examples/extension/build.mjs')], { stdio: 'ignore' });
  work = mkdtempSync(join(tmpdir(), 'article-cleaner-extension-'));
  const extension = join(work, 'extension');
  cpSync(join(root, 'examples/extension'), extension, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify(manifest));

  server = await serve(fixtures, 0);
  server.on('request', (req) => req.url.endsWith('.svg') && imageRequests.push(req.headers));
  pageUrl = `http://127.0.0.1:${server.address().port}/extension-page.html`;

  context = await chromium.launchPersistentContext(join(work, 'profile'), {
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
  reader = await opened;
  reader.on('console', (m) => m.type() === 'error' && readerErrors.push(m.text()));
  reader.on('pageerror', (e) => readerErrors.push(e.message));
  await reader.locator('#article h1').waitFor();
});

after(async () => {
  await context?.close();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the reader view opens in a tab of its own, titled with the article', async () => {
  assert.equal(await reader.title(), 'Harbour Road gets protected bike lanes after council vote');
  assert.equal(await reader.locator('#article h1').textContent(), 'Harbour Road gets protected bike lanes after council vote');
});

test('the reader view shows the byline and the article body', async () => {
  const text = await reader.locator('#article').innerText();
  assert.match(text, /Maria Lindqvist/);
  assert.match(text, /Riverside's city council voted seven to six/);
  assert.match(text, /Parking spaces will go/);
  assert.match(text, /residents can comment on them until the end of April/);
});

test('the reader view leaves out the menu, the calls to action, the teasers and the footer', async () => {
  const text = await reader.locator('#article').innerText();
  for (const boilerplate of ['Politics', 'We use cookies', 'Subscribe from', 'Share on Facebook', 'Sign up now',
    'Library extends weekend opening hours', 'Log in to comment', 'Privacy policy', 'All rights reserved']) {
    assert.ok(!text.includes(boilerplate), boilerplate);
  }
});

test('the reader view links back to the original page', async () => {
  assert.equal(await reader.locator('#original').getAttribute('href'), pageUrl);
});

test('the article\'s image loads without telling its site which page was read', async () => {
  const image = reader.locator('#article img');
  await image.evaluate((img) => img.decode());
  assert.ok(imageRequests.length > 0, 'the image was requested');
  assert.ok(imageRequests.every((headers) => !('referer' in headers)), JSON.stringify(imageRequests));
});

test('the removed blocks are hidden until the toggle is switched on', async () => {
  assert.equal(await reader.locator('#removed').isVisible(), false);
  await reader.locator('#show-removed').check();
  assert.equal(await reader.locator('#removed').isVisible(), true);
});

test('the toggle lists every removed block with its reason, as clean() gives them', async () => {
  const { removed } = clean(pageHtml, { input: 'html', baseUrl: pageUrl });
  await reader.locator('#show-removed').check();
  const shown = await reader.locator('#removed-list li').evaluateAll((items) =>
    items.map((li) => [li.dataset.reason, li.querySelector('.text').textContent]));
  assert.deepEqual(shown, removed.map((r) => [r.reason, r.text]));
  assert.equal(await reader.locator('#removed-count').textContent(), String(removed.length));
});

test('the reader view logs no errors', () => {
  assert.deepEqual(readerErrors, []);
});
