// The page in www/ as a user meets it, in Chromium: paste, read, put blocks
// back, copy, reload, fail, big inputs, and no request but to its own
// origin. Needs a fresh `node scripts/build.mjs` (npm test runs it first).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../../scripts/lib.mjs';
import { launchChromium, serveOrigin } from '../../../scripts/chromium.mjs';

const fixture = (f) => readFileSync(join(root, 'tests/fixtures/heute-kasachstan', f), 'utf8');
const seed = fixture('input.txt');
const expected = fixture('expected.txt');
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const expectedBlocks = expected.split(/\n\s*\n/).map(squash).filter(Boolean);

const TIMEOUT = 90_000;

let browser;
let server;
let origin;

before(async () => {
  assert.ok(
    existsSync(join(root, 'www/vendor/article-cleaner/js/worker.mjs')),
    'www/vendor is missing or stale: run node scripts/build.mjs first',
  );
  server = await serveOrigin(join(root, 'www'));
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context and page on the app, ready for input. `requests`
 * collects every URL the page, its worker and service worker ask for. */
async function open(t, { viewport = { width: 1360, height: 1000 }, init } = {}) {
  const context = await browser.newContext({ viewport });
  t.after(() => context.close());
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const errors = [];
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => errors.push(e.message));
  if (init) await page.addInitScript(init);
  await page.goto(`${origin}/`);
  await ready(page);
  return { context, page, requests, errors };
}

const ready = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true');

/** A paste as the browser delivers it: a ClipboardEvent whose DataTransfer
 * holds the given flavours ({ 'text/plain': …, 'text/html': … }). */
async function paste(page, flavours) {
  await page.focus('#paste-zone');
  await page.evaluate((flavours) => {
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(flavours)) data.setData(type, value);
    document.getElementById('paste-zone').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, flavours);
}

/** Waits for a cleaned article of the given input kind. */
async function cleaned(page, kind) {
  await page.waitForFunction(
    (kind) => document.querySelector('#cleaned article') && document.getElementById('stats').dataset.inputKind === kind,
    kind,
  );
}

/** The cleaned view's text blocks: title, lead, headings and paragraphs
 * (the metadata line is not one of them). */
const cleanedBlocks = (page) =>
  page.$$eval('#cleaned article > :not(.meta)', (els) => els.map((el) => el.innerText.replace(/\s+/g, ' ').trim()));

const originalItem = (page, text) => page.locator('#original > li', { hasText: text }).first();

test('pasting the seed shows the cleaned article of expected.txt', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await open(t);
  await paste(page, { 'text/plain': seed });
  await cleaned(page, 'text');
  assert.deepEqual(await cleanedBlocks(page), expectedBlocks);
  // The metadata is shown, not lost.
  const meta = squash(await page.locator('#cleaned .meta').innerText());
  assert.match(meta, /Roman Palman/);
  assert.match(meta, /Ukraine/);
  assert.deepEqual(errors, []);
});

test('removed blocks are marked in the original with their reasons', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  await paste(page, { 'text/plain': seed });
  await cleaned(page, 'text');

  const gallery = originalItem(page, /^\s*gallery\s*1\/4\s*$/i);
  assert.equal(await gallery.getAttribute('data-state'), 'removed');
  assert.equal(await gallery.getAttribute('data-reason'), 'gallery');
  assert.match(await gallery.locator('button').getAttribute('title'), /gallery/i);

  const credit = originalItem(page, 'Maxar Technologies / Handout via REUTERS');
  assert.equal(await credit.getAttribute('data-reason'), 'photo-credit');
  assert.match(await credit.locator('button').getAttribute('title'), /photo credit/i);
  assert.match(await credit.locator('.tag').innerText(), /photo credit/i);

  // Title, byline and section are moved to metadata, marked differently.
  for (const [text, reason] of [['Roman Palman', 'byline'], ['100.000 Russen fliehen', 'title']]) {
    const item = originalItem(page, text);
    assert.equal(await item.getAttribute('data-state'), 'meta');
    assert.equal(await item.getAttribute('data-reason'), reason);
    assert.match(await item.getAttribute('title'), /moved to metadata/i);
  }
  // Every input block is there, in order: removed, kept and the lead.
  const indices = await page.$$eval('#original > li', (els) => els.map((el) => Number(el.dataset.index)));
  assert.deepEqual(indices, indices.map((_, i) => i));
});

test('clicking a removed block restores it in place; clicking again removes it', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  await paste(page, { 'text/plain': seed });
  await cleaned(page, 'text');
  const promo = 'Alle aktuellen Entwicklungen zum Ukraine-Krieg auf einen Blick >';
  const item = originalItem(page, promo);
  const button = item.locator('button');
  assert.equal(await button.getAttribute('aria-pressed'), 'false');

  await button.click();
  await page.waitForSelector('#cleaned article .restored');
  let blocks = await cleanedBlocks(page);
  const at = blocks.indexOf(promo);
  assert.ok(at > 0, 'the block is back in the article');
  assert.match(blocks[at - 1], /^Zehntausende/);
  assert.match(blocks[at + 1], /^Mehr als 8\.000/);
  assert.equal(await item.getAttribute('data-state'), 'restored');
  assert.equal(await button.getAttribute('aria-pressed'), 'true');

  // The second time from the keyboard.
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#cleaned article .restored', { state: 'detached' });
  blocks = await cleanedBlocks(page);
  assert.deepEqual(blocks, expectedBlocks);
  assert.equal(await item.getAttribute('data-state'), 'removed');
});

test('copy as text writes expected.txt to the clipboard', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t, {
    init: () => {
      window.__copied = [];
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text) => { window.__copied.push(text); } },
      });
    },
  });
  await paste(page, { 'text/plain': seed });
  await cleaned(page, 'text');
  await page.click('button[data-copy="text"]');
  await page.waitForFunction(() => window.__copied.length === 1);
  assert.equal(await page.evaluate(() => window.__copied[0]), expected);
  await page.click('button[data-copy="markdown"]');
  await page.waitForFunction(() => window.__copied.length === 2);
  assert.match(await page.evaluate(() => window.__copied[1]), /^# 100\.000 Russen fliehen vor Putin nach Kasachstan\n/);
  assert.match(await page.locator('#copied').innerText(), /Markdown/);
});

const richHtml = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Night trains return to the valley</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/travel">Travel</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<article>
<h1>Night trains return to the valley</h1>
<p>After eleven years without a sleeper service, the valley line will again carry night trains from the first of June, the regional transport authority announced on Monday.</p>
<figure><img src="https://example.com/x.jpg" alt="A sleeper carriage at the platform"><figcaption>The refurbished carriages were tested on the line in April.</figcaption></figure>
<p>The trains will leave the capital shortly before eleven in the evening and reach the last stop in the valley a little after seven, calling at every town with a station on the way up.</p>
<h2>Cabins and couchettes</h2>
<p>Each train will have four sleeping cars and two couchette cars. The authority said the carriages were bought second-hand from a neighbouring country and refurbished in the workshops at the junction.</p>
<p>Tickets go on sale next week. A couchette will cost about as much as a night in a hostel, and children under six travel free when they share a berth.</p>
</article>
<footer><p>© 2025 The Valley Post. All rights reserved.</p></footer>
</body></html>`;

const richPlain = `Home
Travel
Weather

Night trains return to the valley

After eleven years without a sleeper service, the valley line will again carry night trains from the first of June, the regional transport authority announced on Monday.

The trains will leave the capital shortly before eleven in the evening and reach the last stop in the valley a little after seven, calling at every town with a station on the way up.

Cabins and couchettes

Each train will have four sleeping cars and two couchette cars. The authority said the carriages were bought second-hand from a neighbouring country and refurbished in the workshops at the junction.

Tickets go on sale next week. A couchette will cost about as much as a night in a hostel, and children under six travel free when they share a berth.

© 2025 The Valley Post. All rights reserved.`;

test('a rich HTML paste is cleaned as HTML; the switch cleans its plain text', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  await paste(page, { 'text/html': richHtml, 'text/plain': richPlain });
  await cleaned(page, 'html');
  assert.equal(await page.locator('#cleaned h1').innerText(), 'Night trains return to the valley');
  // Only HTML has figures: the image is one of the input's blocks.
  assert.equal(await page.locator('#original > li[data-kind="figure"]').count(), 1);
  const plainSwitch = page.getByLabel('Use plain text instead');
  assert.equal(await plainSwitch.isChecked(), false);

  await plainSwitch.check();
  await cleaned(page, 'text');
  assert.equal(await page.locator('#original > li[data-kind="figure"]').count(), 0, 'no figure in the plain text');

  await plainSwitch.uncheck();
  await cleaned(page, 'html');
});

test('a reload restores the last paste; Clear forgets it', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  await paste(page, { 'text/plain': seed });
  await cleaned(page, 'text');
  await originalItem(page, 'Alle aktuellen Entwicklungen').locator('button').click();
  await page.waitForSelector('#cleaned article .restored');

  await page.reload();
  await ready(page);
  await cleaned(page, 'text');
  const blocks = await cleanedBlocks(page);
  assert.ok(blocks.includes('Alle aktuellen Entwicklungen zum Ukraine-Krieg auf einen Blick >'), 'the edit is restored too');
  assert.deepEqual(blocks.filter((b) => !b.startsWith('Alle aktuellen')), expectedBlocks);

  await page.click('#clear');
  assert.equal(await page.locator('#results').isHidden(), true);
  assert.deepEqual(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('article-cleaner'))),
    [],
  );
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('#results').isHidden(), true);
  assert.equal(await page.locator('#cleaned article').count(), 0);
});

test('a failing clean shows the error beside the untouched original', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  const junk = '\u0000\u0001\u0002\u0003binary\u0000\u0004\u0005junk\u0000\u0006';
  await paste(page, { 'text/plain': junk });
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.locator('#error').getAttribute('data-code'), 'not-text');
  assert.match(await page.locator('#error').innerText(), /not text/i);
  assert.equal(await page.locator('#raw').isVisible(), true);
  assert.equal(await page.locator('#raw').evaluate((el) => el.textContent), junk);
  assert.equal(await page.locator('#cleaned article').count(), 0);
});

test('the page asks for nothing outside its own origin, remote images included', { timeout: TIMEOUT }, async (t) => {
  const { page, requests } = await open(t);
  await paste(page, { 'text/html': richHtml });
  await cleaned(page, 'html');
  await page.click('#example-html');
  await page.waitForFunction(() => document.querySelector('#cleaned h1')?.textContent === 'The library that lends tomatoes');
  await page.waitForLoadState('networkidle');
  // Back to the pasted page, whose figure is in the article.
  await paste(page, { 'text/html': richHtml });
  await page.waitForFunction(() => document.querySelector('#cleaned h1')?.textContent === 'Night trains return to the valley');
  // The figure must be in the article whatever the classifier thought of it.
  const figure = page.locator('#original > li[data-kind="figure"]');
  if ((await figure.getAttribute('data-state')) === 'removed') {
    await figure.locator('button').click();
    await page.waitForSelector('#cleaned article .restored');
  }
  await page.waitForSelector('#cleaned .img-placeholder');
  await page.waitForLoadState('networkidle');

  const foreign = requests.filter((u) => new URL(u).origin !== origin && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  // The CSP would block a remote image's request, but the page does not
  // even try: the figure is shown as its description and address.
  assert.equal(await page.locator('img').count(), 0, 'no <img> anywhere on the page');
  assert.deepEqual(
    await page.$$eval('#cleaned .img-placeholder', (els) => els.map((el) => el.innerText.replace(/\s+/g, ' ').trim())),
    ['Image: A sleeper carriage at the platform https://example.com/x.jpg'],
  );
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the recorder saw the page\'s own requests');
});

test('a large input is cleaned in the worker with a progress indicator', { timeout: 180_000 }, async (t) => {
  const { page, requests } = await open(t);
  await page.focus('#paste-zone');
  await page.evaluate(() => {
    const paragraph = (i) =>
      `Paragraph ${i} of a long report. ` +
      'The committee met on Tuesday and discussed the budget, the new library wing and the repairs to the bridge over the river. '.repeat(3);
    const parts = [];
    let size = 0;
    for (let i = 0; size < 3 * 1024 * 1024; i++) {
      const p = paragraph(i);
      parts.push(p);
      size += p.length + 2;
    }
    const data = new DataTransfer();
    data.setData('text/plain', parts.join('\n\n'));
    window.__pastedAt = performance.now();
    document.getElementById('paste-zone').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await page.waitForSelector('#busy:not([hidden])');
  assert.equal(await page.locator('#busy progress').getAttribute('value'), null, 'an indeterminate progress bar');
  // The elapsed time ticks while the worker cleans: the page's own thread
  // is free (a clean on it would freeze the timer until the end).
  const first = await page.locator('#busy-time').innerText();
  const ticked = await page.waitForFunction(
    (first) => {
      const busy = !document.getElementById('busy').hidden;
      const now = document.getElementById('busy-time').textContent;
      return busy && now !== first ? now : !busy ? 'done' : false;
    },
    first,
  );
  assert.notEqual(await ticked.jsonValue(), 'done', 'the page ran while the worker was busy');

  await page.waitForSelector('#busy', { state: 'hidden', timeout: 150_000 });
  await cleaned(page, 'text');
  assert.match(await page.locator('#stats').innerText(), /in the background/);
  assert.ok((await page.locator('#cleaned article > p').count()) > 1000);
  assert.ok(requests.some((u) => u.endsWith('/worker-entry.mjs')), 'the worker was started');
});

test('a screenshot of the side-by-side view is written', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  await paste(page, { 'text/plain': seed });
  await cleaned(page, 'text');
  await originalItem(page, 'Alle aktuellen Entwicklungen').locator('button').click();
  await page.waitForSelector('#cleaned article .restored');
  const dir = join(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'page.png');
  await page.screenshot({ path: file, fullPage: true });
  assert.ok(statSync(file).size > 10_000);
});

test('the worker API answers several requests and rejects with coded errors', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  const result = await page.evaluate(async (seed) => {
    const { createCleaner, cleanInWorker } = await import('./vendor/article-cleaner/js/worker.mjs');
    const cleaner = createCleaner();
    const settle = (p) => p.then((value) => ({ value }), (e) => ({ error: { isError: e instanceof Error, code: e.code, message: e.message } }));
    const [a, b, junk] = await Promise.all([
      settle(cleaner.clean(seed)),
      settle(cleaner.clean('<html><body><article><h1>Second</h1><p>A paragraph long enough to be kept as the text of a very short article, with words.</p></article></body></html>')),
      settle(cleaner.clean('\u0000\u0001binary')),
    ]);
    const text = await cleaner.render(a.value, 'text');
    const badFormat = await settle(cleaner.render(a.value, 'docx'));
    const late = cleaner.clean(seed);
    cleaner.terminate();
    const terminated = await settle(late);
    const oneShot = await cleanInWorker(seed);
    const noWasm = await settle(cleanInWorker(seed, undefined, { wasm: 'missing.wasm' }));
    return {
      text, titleB: b.value.inputKind, junk: junk.error, badFormat: badFormat.error,
      terminated: terminated.error, oneShot: oneShot.title, noWasm: noWasm.error,
    };
  }, seed);
  assert.equal(result.text, expected);
  assert.equal(result.titleB, 'html');
  assert.deepEqual([result.junk.isError, result.junk.code], [true, 'not-text']);
  assert.equal(result.badFormat.code, 'invalid-option');
  assert.equal(result.terminated.code, 'terminated');
  assert.equal(result.oneShot, '100.000 Russen fliehen vor Putin nach Kasachstan');
  assert.equal(result.noWasm.code, 'not-initialised');
  assert.match(result.noWasm.message, /WebAssembly/);
});

test('once loaded, the page works offline', { timeout: TIMEOUT }, async (t) => {
  const { context, page } = await open(t);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.click('#example');
  await cleaned(page, 'text');
  assert.deepEqual(await cleanedBlocks(page), expectedBlocks);
});

test('a chosen file, a dropped file and typed text are cleaned too', { timeout: TIMEOUT }, async (t) => {
  const { page } = await open(t);
  // A saved page in windows-1252 is read in the charset it declares.
  const latin1 = Buffer.from(
    richHtml
      .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
      .replace('the regional transport authority', 'the transport authority in Zürich'),
    'latin1',
  );
  await page.setInputFiles('#file', { name: 'night-trains.html', mimeType: 'text/html', buffer: latin1 });
  await cleaned(page, 'html');
  assert.equal(await originalItem(page, 'transport authority in Zürich').count(), 1);
  assert.match(await page.locator('#source-note').innerText(), /night-trains\.html/);

  await page.evaluate((seed) => {
    const data = new DataTransfer();
    data.items.add(new File([seed], 'article.txt', { type: 'text/plain' }));
    document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, seed);
  await cleaned(page, 'text');
  assert.deepEqual(await cleanedBlocks(page), expectedBlocks);

  await page.click('#mode-type');
  assert.equal(await page.locator('#typed').inputValue(), seed, 'the textarea holds the current text to edit');
  await page.locator('#typed').fill('Short note\n\nA paragraph typed by hand, long enough to be a paragraph of text with a number of words in it.');
  // Cleaned as it is typed: the typed blocks replace the dropped file's.
  await page.waitForFunction(() => document.getElementById('original').innerText.includes('typed by hand'));
  assert.equal(await originalItem(page, 'Zehntausende').count(), 0);
});
