// The page in www/ as a user meets it, in Chromium and in Firefox: paste,
// read, put blocks back (one by one or inside a collapsed run), copy as
// rich text, the reader mode and its settings, saving and printing, images
// only on request, the narrow layout, files that are not pages, reload,
// failure, big inputs and offline use. Needs a fresh `node scripts/build.mjs`
// (npm test runs it first). What only one engine can do here is said where
// the test is limited to it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from 'article-cleaner';
import { root } from '../../../scripts/lib.mjs';
import { serveOrigin } from '../../../scripts/chromium.mjs';
import { serve } from '../../../scripts/serve.mjs';
import { ENGINES, launch } from './driver.mjs';

const fixture = (f) => readFileSync(join(root, 'tests/fixtures/heute-kasachstan', f), 'utf8');
const seed = fixture('input.txt');
const expected = fixture('expected.txt');
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const expectedBlocks = expected.split(/\n\s*\n/).map(squash).filter(Boolean);

const TIMEOUT = 90_000;

// ---- pages to paste -----------------------------------------------------------

const richHtml = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Night trains return to the valley</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/travel">Travel</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<article>
<h1>Night trains return to the valley</h1>
<p>After eleven years without a sleeper service, the valley line will again carry night trains from the first of June, the regional transport authority announced on Monday.</p>
<figure><img src="IMAGE_URL" alt="A sleeper carriage at the platform"><figcaption>The refurbished carriages were tested on the line in April.</figcaption></figure>
<p>The trains will leave the capital shortly before eleven in the evening and reach the last stop in the valley a little after seven, calling at every town with a station on the way up.</p>
<h2>Cabins and couchettes</h2>
<p>Each train will have four sleeping cars and two couchette cars. The authority said the carriages were bought second-hand from a <a href="https://rail.example/fleet">neighbouring country</a> and refurbished in the workshops at the junction.</p>
<ul><li>Sleeping cars with two berths a cabin, a washbasin in each</li><li>Couchettes with six berths, blankets and pillows included</li></ul>
<p>Tickets go on sale next week. A couchette will cost about as much as a night in a hostel, and children under six travel free when they share a berth.</p>
</article>
<footer><p>© 2025 The Valley Post. All rights reserved.</p></footer>
</body></html>`;
const withImage = (url) => richHtml.replace('IMAGE_URL', url);

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

// A page whose menu is a link a block, as many real pages' are.
const menuNames = ['News', 'World', 'Business', 'Markets', 'Tech', 'Science', 'Health', 'Sport', 'Football',
  'Tennis', 'Culture', 'Books', 'Music', 'Film', 'Travel', 'Food', 'Style', 'Opinion', 'Letters', 'Weather',
  'Podcasts', 'Video', 'Photos', 'Puzzles', 'Crosswords', 'Newsletters', 'Events', 'Jobs', 'Homes', 'Cars',
  'Shop', 'Archive', 'About us'];
const menuHtml = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The ferry is back</title></head><body>
<header><nav>${menuNames.map((n) => `<div class="menu-item"><a href="/${n.toLowerCase()}">${n}</a></div>`).join('\n')}</nav></header>
<main><article><h1>Harbour ferry runs again after three years</h1>
<p>The ferry across the harbour will run again from the first of May, the port authority said on Tuesday, after three years in which the crossing was closed for repairs to both piers.</p>
<p>Boats will leave every twenty minutes from seven in the morning until eleven at night, and the fare will be the same as a single bus ticket, so that commuters can change between the two without paying twice.</p>
<p>The authority said the new piers were built to take larger boats, and that a second boat would be added in the summer if enough people used the service in its first months.</p>
</article></main></body></html>`;

/** The first run of navigation blocks as the library removes them. */
const menuRun = (() => {
  const { removed } = clean(menuHtml, { input: 'html' });
  const run = [];
  for (const r of removed) {
    if (r.reason !== 'navigation') break;
    run.push(r);
  }
  return run;
})();

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2' +
    '21bc330000000049454e44ae426082',
  'hex',
);

// ---- the page's files -----------------------------------------------------------

test('the service worker caches every file the page loads', () => {
  const sw = readFileSync(join(root, 'www/sw.js'), 'utf8');
  const cached = new Set([...sw.matchAll(/^\s*'([^']+)',$/gm)].map((m) => m[1]));
  const files = ['index.html', 'style.css', 'app.js', 'icon.svg',
    ...readdirSync(join(root, 'www/lib')).map((f) => `lib/${f}`),
    ...readdirSync(join(root, 'www/examples')).map((f) => `examples/${f}`)];
  assert.deepEqual(files.filter((f) => !cached.has(f)), []);
});

// ---- the page in each engine ----------------------------------------------------------

let server;
let imageHost;
const imageRequests = [];

before(async () => {
  assert.ok(
    existsSync(join(root, 'www/vendor/article-cleaner/js/worker.mjs')),
    'www/vendor is missing or stale: run node scripts/build.mjs first',
  );
  mkdirSync(join(root, 'test-results'), { recursive: true });
  server = await serveOrigin(join(root, 'www'));
  // Another origin, standing for the site a pasted page's pictures are on.
  imageHost = await serve(join(root, 'tests/js/browser/fixtures'), 0);
  imageHost.on('request', (req) => imageRequests.push(req.url));
});

after(async () => {
  await server?.close();
  await new Promise((resolve) => imageHost?.close(resolve));
});

const imageUrl = () => `http://127.0.0.1:${imageHost.address().port}/harbour-road.svg`;

/** Records what the page writes to the clipboard and saves as files, and
 * counts print() calls, instead of doing them. */
function recorder() {
  window.__clipboard = [];
  window.__downloads = [];
  window.__printed = 0;
  const flavours = async (items) => {
    for (const item of items) {
      const entry = {};
      for (const type of item.types) entry[type] = await (await item.getType(type)).text();
      window.__clipboard.push(entry);
    }
  };
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { write: flavours, writeText: async (text) => { window.__clipboard.push({ 'text/plain': text }); } },
  });
  // The page's policy lets it fetch nothing, blob: addresses included: so
  // the blob is kept as it is made.
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = createObjectURL(blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = blobs.get(this.href);
    if (!this.download || !blob) return click.call(this);
    const name = this.download;
    window.__downloads.push(blob.text().then((text) => ({ name, type: blob.type, text })));
  };
  window.print = () => { window.__printed++; };
}

for (const engine of ENGINES) {
  describe(`the page in ${engine}`, () => {
    let browser;

    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser?.close());

    /** A fresh context on the app, ready for input. */
    async function open(t, options = {}) {
      const page = await browser.open(`${server.origin}/`, options);
      t.after(() => page.close());
      await ready(page);
      return page;
    }

    test('pasting the seed shows the cleaned article of expected.txt, with its metadata and reading time', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      assert.deepEqual(await cleanedBlocks(page), expectedBlocks);
      const meta = await text(page, '#cleaned .meta');
      assert.match(meta, /Roman Palman/);
      assert.match(meta, /Ukraine/);
      assert.match(meta, /Language:? German/, 'a language the library detected in a long text is shown');
      assert.match(await text(page, '#cleaned .meta [data-field="reading-time"] dd'), /^\d+ min read$/);
      assert.deepEqual(page.errors, []);
    });

    test('a real paste (Ctrl+V) of a copied page is cleaned as its HTML, with its plain text offered', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, engine === 'chromium' ? { permissions: ['clipboard-read', 'clipboard-write'] } : {});
      // What a browser's Select All + Copy leaves on the clipboard: both
      // flavours. Firefox lets a page write it during a click.
      await page.evaluate(([html, plain]) => {
        document.querySelector('.tagline').addEventListener('click', () => {
          window.__written = navigator.clipboard.write([new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob([plain], { type: 'text/plain' }),
          })]).then(() => 'ok', (e) => String(e));
        }, { once: true });
      }, [withImage('https://images.example/x.jpg'), richPlain]);
      await page.click('.tagline');
      assert.equal(await page.evaluate(() => window.__written), 'ok');
      await page.click('#paste-zone');
      await page.shortcut('v');
      await cleaned(page, 'html');
      assert.equal(await text(page, '#cleaned h1'), 'Night trains return to the valley');
      assert.match(await text(page, '#source-note'), /^Cleaned the pasted HTML, .* The paste has plain text too: see the switch\.$/);
      assert.equal(await displayed(page, '#plain-switch'), true);
      assert.equal(await page.evaluate(() => document.getElementById('paste-zone').textContent), '', 'the paste area stays empty');
    });

    test('removed blocks are marked in the original with their reasons; a run of one reason is one row', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      const item = (re) => page.evaluate((src) => {
        const li = [...document.querySelectorAll('#original li.block')].find((el) => new RegExp(src).test(el.textContent));
        return li && { state: li.dataset.state, reason: li.dataset.reason, title: li.title || li.querySelector('button')?.title, tag: li.querySelector('.tag').textContent };
      }, re.source);
      const credit = await item(/Maxar Technologies/);
      assert.deepEqual([credit.state, credit.reason], ['removed', 'photo-credit']);
      assert.match(credit.title, /photo credit/i);
      for (const [re, reason] of [[/Roman Palman/, 'byline'], [/100\.000 Russen fliehen/, 'title']]) {
        const meta = await item(re);
        assert.deepEqual([meta.state, meta.reason], ['meta', reason]);
        assert.match(meta.title, /moved to metadata/i);
      }
      // The two gallery blocks in a row are one row, "2 gallery items".
      const rows = await page.evaluate(() => [...document.querySelectorAll('#original > li.group')].map((g) => ({
        reason: g.dataset.reason, count: Number(g.dataset.count), label: g.querySelector('.group-count').textContent,
      })));
      assert.deepEqual(rows[0], { reason: 'gallery', count: 2, label: '2 gallery items' });
      // Every input block is there, in order, rows and all.
      const indices = await page.evaluate(() => [...document.querySelectorAll('#original li.block')].map((el) => Number(el.dataset.index)));
      assert.deepEqual(indices, indices.map((_, i) => i));
    });

    test('a menu of one-link blocks is one collapsed row, and the article starts near the top of the original', { timeout: TIMEOUT }, async (t) => {
      assert.ok(menuRun.length >= 20, `the library removes the menu as navigation (${menuRun.length} blocks)`);
      const page = await open(t);
      await paste(page, { 'text/html': menuHtml });
      await cleaned(page, 'html');
      const row = await page.evaluate(() => {
        const g = document.querySelector('#original > li:first-child');
        return {
          group: g.classList.contains('group'), count: Number(g.dataset.count),
          label: g.querySelector('.group-count')?.textContent, expanded: g.querySelector('.group-toggle')?.getAttribute('aria-expanded'),
          visibleItems: [...g.querySelectorAll('li.block')].filter((li) => li.offsetParent !== null).length,
        };
      });
      assert.deepEqual(row, { group: true, count: menuRun.length, label: `${menuRun.length} navigation links`, expanded: 'false', visibleItems: 0 });
      const firstKept = await page.evaluate(() => {
        const list = document.getElementById('original');
        const li = list.querySelector('li.block[data-state="kept"]');
        return li.getBoundingClientRect().top - list.getBoundingClientRect().top;
      });
      assert.ok(firstKept < 600, `the first kept paragraph is ${firstKept}px below the top of the original`);

      // Opened, the row lists every link; the same restore clicks work inside.
      await page.click('#original > li.group > .group-toggle');
      assert.equal(await page.evaluate(() => document.querySelector('#original > li.group .group-toggle').getAttribute('aria-expanded')), 'true');
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('#original > li.group li.block')].filter((li) => li.offsetParent !== null).length), menuRun.length);
      await page.click(`#original > li.group li.block[data-index="${menuRun[1].source.index}"] > button`);
      await page.waitFor(() => document.querySelector('#cleaned article .restored'));
      assert.equal(await text(page, '#cleaned article .restored'), menuRun[1].text);
      assert.equal(await text(page, '#original > li.group .group-count'), `${menuRun.length} navigation links · 1 put back`);
      // Closed again, it still says so.
      await page.click('#original > li.group > .group-toggle');
      assert.equal(await page.evaluate(() => document.querySelector('#original > li.group .group-items').hidden), true);
    });

    test('clicking a removed block restores it in place and shows it in the article; clicking again removes it', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, { viewport: { width: 1280, height: 700 } });
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      // The legend speaks of the user's changes only once there is one.
      assert.equal(await page.evaluate(() => !!document.querySelector('#legend [data-family="user"]')), false);
      const promo = 'Alle aktuellen Entwicklungen zum Ukraine-Krieg auf einen Blick >';
      const index = await indexOf(page, promo);
      const button = `#original li.block[data-index="${index}"] > button`;
      assert.equal(await attr(page, button, 'aria-pressed'), 'false');

      await page.click(button);
      await page.waitFor(() => document.querySelector('#cleaned article .restored'));
      let blocks = await cleanedBlocks(page);
      const at = blocks.indexOf(promo);
      assert.ok(at > 0, 'the block is back in the article');
      assert.match(blocks[at - 1], /^Zehntausende/);
      assert.match(blocks[at + 1], /^Mehr als 8\.000/);
      assert.equal(await attr(page, `#original li.block[data-index="${index}"]`, 'data-state'), 'restored');
      assert.equal(await attr(page, button, 'aria-pressed'), 'true');
      assert.equal(await page.evaluate(() => !!document.querySelector('#legend [data-family="user"]')), true);
      // The article marks the place that changed.
      assert.equal(await attr(page, `#cleaned [data-index="${index}"]`, 'data-flashed'), 'flash');

      // The second time from the keyboard.
      await page.focus(button);
      await page.press('Enter');
      await page.waitFor(() => !document.querySelector('#cleaned article .restored'));
      blocks = await cleanedBlocks(page);
      assert.deepEqual(blocks, expectedBlocks);
      assert.equal(await attr(page, `#original li.block[data-index="${index}"]`, 'data-state'), 'removed');
      assert.equal(await page.evaluate(() => !!document.querySelector('#legend [data-family="user"]')), false);
    });

    test('a change far down the original scrolls the article to it, and the original stays where it was', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, { viewport: { width: 1280, height: 700 }, init: watchMotion });
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      // Once the article is shown the page is laid out for good: nothing
      // above the original still grows or shrinks (the input box shrinking
      // over 0.2 s moved the original under a click that came soon enough).
      assert.deepEqual(await resizing(page), [], 'no transition of size or place since the paste');
      // The last kept paragraph, taken out: the article shows the gap.
      const last = await page.evaluate(() => Number([...document.querySelectorAll('#original li.block[data-state="kept"]')].at(-1).dataset.index));
      const button = `#original li.block[data-index="${last}"] > button`;
      await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), button);
      // Where the button is on the screen: the original must not move
      // under the pointer, nor the page scroll under it.
      const place = () => page.evaluate((sel) => Math.round(document.querySelector(sel).getBoundingClientRect().top), button);
      const before = await place();
      const scrollBefore = await page.evaluate(() => scrollY);
      await page.click(button);
      await page.waitFor(() => document.querySelector('#cleaned [data-flashed]'));
      // Smooth scrolling takes a moment.
      await page.waitFor(() => {
        const el = document.querySelector('#cleaned [data-flashed]');
        const panel = document.getElementById('cleaned-panel').getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= panel.top && r.bottom <= panel.bottom;
      });
      assert.equal(await page.evaluate(() => document.querySelector('#cleaned [data-flashed]').dataset.flashed), 'flash-gap-below');
      assert.ok(await page.evaluate(() => document.getElementById('cleaned-panel').scrollTop) > 0, 'the article scrolled');
      const after = await place();
      assert.ok(Math.abs(after - before) <= 2, `the original did not move: the button was at ${before}px, is at ${after}px (the window scrolled from ${scrollBefore} to ${await page.evaluate(() => scrollY)})`);
      assert.deepEqual(await resizing(page), []);
    });

    test('a change that adds a line above the block leaves it in place, in a browser without scroll anchoring too', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, { viewport: { width: 1280, height: 700 } });
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      // As Safari has it: no scroll anchoring. The legend made just narrow
      // enough that its "Changed by you" takes a line of its own.
      const grows = await page.evaluate(() => {
        document.documentElement.style.overflowAnchor = 'none';
        const legend = document.getElementById('legend');
        const probe = document.createElement('li');
        probe.textContent = 'Changed by you';
        for (let width = 900; width > 100; width -= 5) {
          legend.style.maxWidth = `${width}px`;
          const height = legend.offsetHeight;
          legend.append(probe);
          const wrapped = legend.offsetHeight > height;
          probe.remove();
          if (wrapped) return true;
        }
        return false;
      });
      assert.ok(grows, 'a width where the legend wraps');
      const legendHeight = () => page.evaluate(() => document.getElementById('legend').offsetHeight);
      const heightBefore = await legendHeight();
      const last = await page.evaluate(() => Number([...document.querySelectorAll('#original li.block[data-state="kept"]')].at(-1).dataset.index));
      const button = `#original li.block[data-index="${last}"] > button`;
      await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), button);
      const place = () => page.evaluate((sel) => Math.round(document.querySelector(sel).getBoundingClientRect().top), button);
      const before = await place();
      await page.click(button);
      await page.waitFor(() => document.querySelector('#cleaned [data-flashed]'));
      assert.ok(await legendHeight() > heightBefore, 'the legend took another line');
      const after = await place();
      assert.ok(Math.abs(after - before) <= 2, `the button was at ${before}px, is at ${after}px`);
    });

    test('a short article leaves no empty filler below it', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      await paste(page, { 'text/html': menuHtml });
      await cleaned(page, 'html');
      const gap = await page.evaluate(() => {
        const panel = document.getElementById('cleaned-panel').getBoundingClientRect();
        const article = document.querySelector('#cleaned article').getBoundingClientRect();
        return panel.bottom - article.bottom;
      });
      assert.ok(gap < 80, `${gap}px below the article's last line`);
    });

    test('Copy writes the article as rich HTML and as plain text; Markdown and the HTML source are choices of their own', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, { init: recorder });
      await paste(page, { 'text/html': withImage(imageUrl()) });
      await cleaned(page, 'html');
      await page.click('#copy');
      await page.waitFor(() => window.__clipboard.length === 1);
      const [rich] = await page.evaluate(() => window.__clipboard);
      assert.deepEqual(Object.keys(rich).sort(), ['text/html', 'text/plain']);
      assert.match(rich['text/html'], /<h2>Cabins and couchettes<\/h2>/);
      assert.match(rich['text/html'], /<ul>\s*<li>Sleeping cars/);
      assert.match(rich['text/html'], /<a href="https:\/\/rail\.example\/fleet"[^>]*>neighbouring country<\/a>/);
      assert.doesNotMatch(rich['text/html'], /<img/, 'pictures not shown are not copied');
      assert.match(rich['text/plain'], /^Night trains return to the valley\n\n/);
      assert.doesNotMatch(rich['text/plain'], /</);
      assert.match(await text(page, '#copied'), /headings, lists and links/);

      await page.click('#more > summary');
      await page.click('[data-copy="markdown"]');
      await page.waitFor(() => window.__clipboard.length === 2);
      await page.click('#more > summary');
      await page.click('[data-copy="html"]');
      await page.waitFor(() => window.__clipboard.length === 3);
      const [, markdown, source] = await page.evaluate(() => window.__clipboard);
      assert.deepEqual(Object.keys(markdown), ['text/plain']);
      assert.match(markdown['text/plain'], /^# Night trains return to the valley\n/);
      assert.match(markdown['text/plain'], /\n## Cabins and couchettes\n/);
      assert.deepEqual(Object.keys(source), ['text/plain']);
      assert.match(source['text/plain'], /^<article[^>]*>\n<h1>Night trains/);
      assert.equal(await page.evaluate(() => document.getElementById('more').open), false, 'the menu closes on a choice');
    });

    if (engine === 'chromium') {
      // Firefox's WebDriver BiDi grants no clipboard-read permission, and a
      // page reading the clipboard there waits for a click on a prompt.
      test('the clipboard, read back, holds text/html and text/plain after Copy', { timeout: TIMEOUT }, async (t) => {
        const page = await open(t, { permissions: ['clipboard-read', 'clipboard-write'] });
        await paste(page, { 'text/plain': seed });
        await cleaned(page, 'text');
        await page.click('#copy');
        await page.waitFor(() => /Copied/.test(document.getElementById('copied').textContent));
        const read = await page.evaluate(async () => {
          const [item] = await navigator.clipboard.read();
          const out = {};
          for (const type of item.types) out[type] = await (await item.getType(type)).text();
          return out;
        });
        assert.deepEqual(Object.keys(read).sort(), ['text/html', 'text/plain']);
        assert.equal(read['text/plain'], expected);
        assert.match(read['text/html'], /<h1>100\.000 Russen fliehen vor Putin nach Kasachstan<\/h1>/);
        assert.match(read['text/html'], /<h2>Teilmobilmachung löst Fluchtwelle aus<\/h2>/);
      });
    }

    test('reader mode shows the article alone, with size, width, font and theme kept across a reload', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      assert.equal(await displayed(page, '#display'), false, 'the controls belong to reader mode');
      await page.click('#read');
      await page.waitFor(() => document.body.classList.contains('reading'));
      assert.equal(await page.evaluate(() => location.hash), '#read');
      for (const hidden of ['.intake', '#original-panel', '.masthead']) assert.equal(await displayed(page, hidden), false, hidden);
      assert.equal(await displayed(page, '#display'), true);
      assert.match(await text(page, '#read'), /Leave reader view/);

      await page.click('#size-up');
      await page.click('#size-up');
      await page.click('label:has(> input[name="width"][value="narrow"])');
      await page.click('label:has(> input[name="font"][value="sans"])');
      await page.click('label:has(> input[name="theme"][value="sepia"])');
      const look = () => page.evaluate(() => {
        const p = document.querySelector('#cleaned article > p:not(.lead)');
        const style = getComputedStyle(p);
        return {
          size: style.fontSize, family: style.fontFamily,
          width: getComputedStyle(document.querySelector('#cleaned article')).maxWidth,
          scheme: document.documentElement.dataset.scheme, background: getComputedStyle(document.body).backgroundColor,
          shown: document.getElementById('size-value').textContent,
          checked: [...document.querySelectorAll('#display input:checked')].map((i) => `${i.name}=${i.value}`),
        };
      });
      const chosen = await look();
      assert.deepEqual(
        { size: chosen.size, width: chosen.width, scheme: chosen.scheme, background: chosen.background, shown: chosen.shown, checked: chosen.checked },
        { size: '22px', width: `${30 * 22}px`, scheme: 'sepia', background: 'rgb(248, 241, 225)', shown: '22 px', checked: ['width=narrow', 'font=sans', 'theme=sepia'] },
      );
      assert.match(chosen.family, /system-ui|sans/);
      assert.doesNotMatch(chosen.family, /Charter/);
      // The article's reading time is in reader mode too.
      assert.match(await text(page, '#cleaned .meta [data-field="reading-time"] dd'), /min read/);

      await page.reload();
      await ready(page);
      await cleaned(page, 'text');
      await page.waitFor(() => document.body.classList.contains('reading'));
      assert.deepEqual(await look(), chosen, 'the same after a reload, still in reader mode');

      await page.press('Escape');
      await page.waitFor(() => !document.body.classList.contains('reading'));
      assert.equal(await page.evaluate(() => location.hash), '');
      assert.equal(await displayed(page, '#original-panel'), true);
      // In and out again with the Back button.
      await page.click('#read');
      await page.waitFor(() => document.body.classList.contains('reading'));
      await page.evaluate(() => history.back());
      await page.waitFor(() => !document.body.classList.contains('reading'));
    });

    test('Save as Markdown and as HTML file give the article as files named after it', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, { init: recorder });
      await paste(page, { 'text/html': withImage(imageUrl()) });
      await cleaned(page, 'html');
      for (const kind of ['markdown', 'html']) {
        await page.click('#more > summary');
        await page.click(`[data-save="${kind}"]`);
      }
      const [md, html] = await page.evaluate(() => Promise.all(window.__downloads));
      assert.equal(md.name, 'night-trains-return-to-the-valley.md');
      assert.match(md.type, /^text\/markdown/);
      assert.match(md.text, /^# Night trains return to the valley\n/);
      assert.equal(html.name, 'night-trains-return-to-the-valley.html');
      assert.match(html.type, /^text\/html/);
      assert.match(html.text, /^<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      assert.match(html.text, /<title>Night trains return to the valley<\/title>/);
      assert.match(html.text, /<h2>Cabins and couchettes<\/h2>/);
      assert.doesNotMatch(html.text, /<script/);
      assert.match(await text(page, '#copied'), /Saved night-trains-return-to-the-valley\.html/);
    });

    if (engine === 'chromium') {
      // Playwright sees Chromium's real downloads; puppeteer's BiDi for
      // Firefox has no download events, so there the recorder above reads
      // the file the page offers.
      test('a saved file arrives as a real download', { timeout: TIMEOUT }, async (t) => {
        const page = await open(t);
        await paste(page, { 'text/plain': seed });
        await cleaned(page, 'text');
        await page.click('#more > summary');
        const download = page.raw.waitForEvent('download');
        await page.click('[data-save="markdown"]');
        const file = await download;
        assert.equal(file.suggestedFilename(), '100-000-russen-fliehen-vor-putin-nach-kasachstan.md');
        assert.match(readFileSync(await file.path(), 'utf8'), /^# 100\.000 Russen fliehen vor Putin nach Kasachstan\n/);
      });

      // Only Chromium emulates print media here (BiDi has no such command).
      test('printed, the page is the article alone', { timeout: TIMEOUT }, async (t) => {
        const page = await open(t);
        await paste(page, { 'text/plain': seed });
        await cleaned(page, 'text');
        await page.raw.emulateMedia({ media: 'print' });
        for (const hidden of ['.masthead', '.intake', '#original-panel', '.panel-head', '.stats', '.footer']) {
          assert.equal(await displayed(page, hidden), false, hidden);
        }
        assert.equal(await displayed(page, '#cleaned article'), true);
        await page.screenshot(shot('print-1280.png'));
      });
    }

    test('Print… opens the browser\'s print dialog', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, { init: recorder });
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      await page.click('#more > summary');
      await page.click('#print');
      assert.equal(await page.evaluate(() => window.__printed), 1);
    });

    test('images show as their description until the reader chooses to load them, for this paste only', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      const url = imageUrl();
      imageRequests.length = 0;
      await paste(page, { 'text/html': withImage(url) });
      await cleaned(page, 'html');
      // The figure must be in the article whatever the classifier thought of it.
      const figure = await page.evaluate(() => {
        const li = document.querySelector('#original li.block[data-kind="figure"]');
        return { index: Number(li.dataset.index), state: li.dataset.state };
      });
      if (figure.state === 'removed') {
        await page.click(`#original li.block[data-index="${figure.index}"] > button`);
        await page.waitFor(() => document.querySelector('#cleaned article .restored'));
      }
      await page.waitFor(() => document.querySelector('#cleaned .image-placeholder'));
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#cleaned .image-placeholder')].map((el) => el.textContent)),
        ['Image: A sleeper carriage at the platform']);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no <img> anywhere');
      assert.equal(await page.evaluate((url) => document.body.innerText.includes(url), url), false, 'the address is nowhere on the page');
      assert.equal(await displayed(page, '#images-bar'), true);
      assert.match(await text(page, '#images-note'), /contacts 127\.0\.0\.1/);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(imageRequests, [], 'nothing asked of the image\'s site before the switch');

      await page.click('#images-bar .switch');
      await page.waitFor(() => document.querySelector('#cleaned img')?.complete);
      assert.equal(await page.evaluate(() => document.querySelector('#cleaned img').naturalWidth), 640, 'the picture loaded');
      assert.deepEqual(imageRequests, ['/harbour-road.svg']);
      assert.equal(await attr(page, '#cleaned img', 'referrerpolicy'), 'no-referrer');

      // A new paste starts without pictures again.
      await paste(page, { 'text/html': withImage(url).replaceAll('Night trains return', 'Night trains come back') });
      await page.waitFor(() => document.querySelector('#cleaned h1')?.textContent.includes('come back'));
      assert.equal(await page.evaluate(() => document.getElementById('show-images').checked), false);
    });

    test('on a 390 px screen the article comes first, and the original is a tap away without a scroll box', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t, { viewport: { width: 390, height: 844 } });
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      assert.equal(await displayed(page, '.view-switch'), true);
      assert.equal(await displayed(page, '#original-panel'), false);
      const titleTop = await page.evaluate(() => document.querySelector('#cleaned h1').getBoundingClientRect().top + scrollY);
      assert.ok(titleTop < 844, `the title starts ${titleTop}px down, on the first screen`);

      await page.click('#view-original');
      assert.equal(await displayed(page, '#cleaned-panel'), false);
      assert.equal(await displayed(page, '#original-panel'), true);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('#original-panel, #original-panel *')]
        .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight).length);
      assert.equal(boxes, 0, 'no scroll box inside the page');

      // A change made here is shown when the article comes back.
      const index = await indexOf(page, 'Alle aktuellen Entwicklungen');
      await page.click(`#original li.block[data-index="${index}"] > button`);
      await page.waitFor(() => document.getElementById('view-article').classList.contains('has-change'));
      await page.click('#view-article');
      await page.waitFor((i) => document.querySelector(`#cleaned [data-index="${i}"]`)?.dataset.flashed === 'flash', index);
      await page.waitFor((i) => {
        const r = document.querySelector(`#cleaned [data-index="${i}"]`).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, index);
    });

    test('the plain-text switch shows only for a paste with both flavours, and cleans its text', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      assert.equal(await displayed(page, '#plain-switch'), false, 'nothing to choose before a paste');
      assert.match(await text(page, '.examples'), /Try an example: Copied text Saved web page/);
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      assert.equal(await displayed(page, '#plain-switch'), false, 'nor for plain text alone');

      await paste(page, { 'text/html': withImage(imageUrl()), 'text/plain': richPlain });
      await cleaned(page, 'html');
      assert.equal(await text(page, '#cleaned h1'), 'Night trains return to the valley');
      assert.equal(await page.evaluate(() => document.querySelectorAll('#original li.block[data-kind="figure"]').length), 1);
      assert.equal(await displayed(page, '#plain-switch'), true);
      await page.click('#plain-switch');
      await cleaned(page, 'text');
      assert.equal(await page.evaluate(() => document.querySelectorAll('#original li.block[data-kind="figure"]').length), 0, 'no figure in the plain text');
      await page.click('#plain-switch');
      await cleaned(page, 'html');
    });

    test('a PNG chosen or dropped is refused plainly, with nothing garbled shown', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      const base64 = PNG.toString('base64');
      await page.evaluate((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'photo.png', { type: 'image/png' }));
        const input = document.getElementById('file');
        input.files = data.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, base64);
      await page.waitFor(() => document.getElementById('source-note').dataset.refused);
      assert.equal(await text(page, '#source-note'),
        'photo.png is a PNG image, not a web page or text: open or drop an .html, .htm or .txt file, or paste the page itself.');
      assert.equal(await displayed(page, '#results'), false);

      // Dropped, and this time with a wrong name and type: judged by its bytes.
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      await page.evaluate((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'notes.txt', { type: 'text/plain' }));
        document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, base64);
      await page.waitFor(() => document.getElementById('source-note').dataset.refused);
      assert.match(await text(page, '#source-note'), /^notes\.txt is a PNG image, not a web page or text: .* The article below is the one from before\.$/);
      assert.deepEqual(await cleanedBlocks(page), expectedBlocks);
      assert.equal(await page.evaluate(() => document.body.innerText.includes('\uFFFD') || document.body.innerText.includes('PNG\r')), false);
    });

    test('a chosen file, a dropped file and typed text are cleaned too; a short typed note gets no guessed language', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      // A saved page in windows-1252 is read in the charset it declares.
      const latin1 = Buffer.from(
        richHtml.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace('the regional transport authority', 'the transport authority in Zürich'),
        'latin1',
      ).toString('base64');
      await page.evaluate((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'night-trains.html', { type: 'text/html' }));
        const input = document.getElementById('file');
        input.files = data.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, latin1);
      await cleaned(page, 'html');
      assert.ok((await indexOf(page, 'transport authority in Zürich')) >= 0);
      assert.match(await text(page, '#source-note'), /night-trains\.html/);

      await page.evaluate((seed) => {
        const data = new DataTransfer();
        data.items.add(new File([seed], 'article.txt', { type: 'text/plain' }));
        document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, seed);
      await cleaned(page, 'text');
      assert.deepEqual(await cleanedBlocks(page), expectedBlocks);

      await page.click('#mode-type');
      assert.equal(await page.evaluate(() => document.getElementById('typed').value), seed, 'the textarea holds the current text to edit');
      await page.evaluate(() => {
        const typed = document.getElementById('typed');
        typed.value = 'Short note\n\nA paragraph typed by hand, long enough to be a paragraph of text with a number of words in it.';
        typed.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      });
      // Cleaned as it is typed: the typed blocks replace the dropped file's.
      await page.waitFor(() => document.getElementById('original').innerText.includes('typed by hand'));
      assert.ok((await indexOf(page, 'Zehntausende')) < 0);
      assert.equal(await page.evaluate(() => !!document.querySelector('#cleaned .meta [data-field="language"]')), false);
    });

    test('a reload restores the last paste; Clear forgets it', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      await paste(page, { 'text/plain': seed });
      await cleaned(page, 'text');
      const index = await indexOf(page, 'Alle aktuellen Entwicklungen');
      await page.click(`#original li.block[data-index="${index}"] > button`);
      await page.waitFor(() => document.querySelector('#cleaned article .restored'));

      await page.reload();
      await ready(page);
      await cleaned(page, 'text');
      const blocks = await cleanedBlocks(page);
      assert.ok(blocks.includes('Alle aktuellen Entwicklungen zum Ukraine-Krieg auf einen Blick >'), 'the edit is restored too');
      assert.deepEqual(blocks.filter((b) => !b.startsWith('Alle aktuellen')), expectedBlocks);

      await page.click('#clear');
      assert.equal(await displayed(page, '#results'), false);
      assert.deepEqual(
        await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('article-cleaner') && k !== 'article-cleaner:display')),
        [],
      );
      await page.reload();
      await ready(page);
      assert.equal(await displayed(page, '#results'), false);
      assert.equal(await page.evaluate(() => document.querySelectorAll('#cleaned article').length), 0);
    });

    test('a failing clean shows the error beside the untouched original', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      const junk = '\u0000\u0001\u0002\u0003binary\u0000\u0004\u0005junk\u0000\u0006';
      await paste(page, { 'text/plain': junk });
      await page.waitFor(() => !document.getElementById('error').hidden);
      assert.equal(await attr(page, '#error', 'data-code'), 'not-text');
      assert.match(await text(page, '#error'), /not text/i);
      assert.equal(await page.evaluate(() => document.getElementById('raw').textContent), junk);
      assert.equal(await page.evaluate(() => document.querySelectorAll('#cleaned article').length), 0);
      assert.equal(await page.evaluate(() => document.getElementById('read').disabled), true, 'no reader mode without an article');
    });

    test('a large input is cleaned in the worker with a progress indicator', { timeout: 180_000 }, async (t) => {
      // The worker's answers wait until the test has seen the page run
      // while it cleans: however fast the clean, the page is busy until then.
      const page = await open(t, { init: holdWorkerReplies });
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
        const event = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'clipboardData', { value: data });
        document.getElementById('paste-zone').dispatchEvent(event);
      });
      await page.waitFor(() => !document.getElementById('busy').hidden);
      assert.equal(await attr(page, '#busy progress', 'value'), null, 'an indeterminate progress bar');
      // The elapsed time ticks while the worker cleans: the page's own thread
      // is free (a clean on it would freeze the timer until the end).
      const first = await page.evaluate(() => document.getElementById('busy-time').textContent);
      const ticked = await page.waitFor((first) => {
        const busy = !document.getElementById('busy').hidden;
        const now = document.getElementById('busy-time').textContent;
        return busy && now !== first ? now : !busy ? 'done' : false;
      }, first);
      assert.notEqual(ticked, 'done', 'the page ran while the worker was busy');
      assert.ok(await page.evaluate(() => window.__worker.posted) > 0, 'the input went to a worker');
      await page.evaluate(() => window.__worker.release());

      await page.waitFor(() => document.getElementById('busy').hidden, undefined, { timeout: 150_000 });
      await cleaned(page, 'text');
      assert.match(await text(page, '#stats'), /in the background/);
      assert.ok(await page.evaluate(() => document.querySelectorAll('#cleaned article > p').length) > 1000);
    });

    test('once loaded, the page works offline', { timeout: TIMEOUT }, async (t) => {
      // A server of its own, stopped after the first visit: offline as a
      // train in a tunnel is (BiDi's offline emulation in Firefox does not
      // reach the service worker's fetches).
      const own = await serveOrigin(join(root, 'www'));
      const page = await browser.open(`${own.origin}/`);
      t.after(() => page.close());
      await ready(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
        }
      });
      await own.close();
      await page.reload();
      await ready(page);
      // Offline indeed: what the cache lacks cannot be had.
      assert.equal(await page.evaluate(() => fetch(`not-cached-${Date.now()}`).then(() => 'answered', () => 'failed')), 'failed');
      await page.click('#example');
      await cleaned(page, 'text');
      assert.deepEqual(await cleanedBlocks(page), expectedBlocks);
    });

    test('the worker API answers several requests and rejects with coded errors', { timeout: TIMEOUT }, async (t) => {
      const page = await open(t);
      const result = await page.evaluate(async (seed) => {
        const { createCleaner, cleanInWorker } = await import('./vendor/article-cleaner/js/worker.mjs');
        const cleaner = createCleaner();
        const settle = (p) => p.then((value) => ({ value }), (e) => ({ error: { isError: e instanceof Error, code: e.code, message: e.message } }));
        const [a, b, junk] = await Promise.all([
          settle(cleaner.clean(seed)),
          settle(cleaner.clean('<html><body><article><h1>Second</h1><p>A paragraph long enough to be kept as the text of a very short article, with words.</p></article></body></html>')),
          settle(cleaner.clean('\u0000\u0001\u0002\u0003binary\u0000\u0004\u0005junk\u0000\u0006')),
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
  });
}

// ---- helpers ------------------------------------------------------------------------

const ready = (page) => page.waitFor(() => document.documentElement.dataset.ready === 'true');

/** A paste as the page receives it: a paste event whose clipboardData
 * holds the given flavours ({ 'text/plain': …, 'text/html': … }). Firefox
 * ignores clipboardData given to the ClipboardEvent constructor, so it is
 * set on the event itself; a real Ctrl+V is tested on its own. */
async function paste(page, flavours) {
  await page.focus('#paste-zone');
  await page.evaluate((flavours) => {
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(flavours)) data.setData(type, value);
    const event = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: data });
    document.getElementById('paste-zone').dispatchEvent(event);
  }, flavours);
}

/** Keeps the answers of the page's Web Workers from the page until
 * `window.__worker.release()`, counting the messages posted to them (an
 * init script): the workers work meanwhile, the page waits. */
function holdWorkerReplies() {
  const Native = window.Worker;
  const held = [];
  const state = {
    posted: 0,
    holding: true,
    release() {
      state.holding = false;
      for (const deliver of held.splice(0)) deliver();
    },
  };
  window.__worker = state;
  window.Worker = class extends Native {
    postMessage(...args) {
      state.posted++;
      return super.postMessage(...args);
    }

    addEventListener(type, listener, ...rest) {
      if (type !== 'message') return super.addEventListener(type, listener, ...rest);
      return super.addEventListener(type, (event) => {
        if (state.holding) held.push(() => listener.call(this, event));
        else listener.call(this, event);
      }, ...rest);
    }
  };
}

/** Records every CSS transition that starts on the page (an init script). */
function watchMotion() {
  window.__transitions = [];
  document.addEventListener('transitionrun', (event) => {
    const el = event.target;
    window.__transitions.push({ property: event.propertyName, id: el.id, className: String(el.className), inCleaned: !!el.closest?.('#cleaned-panel') });
  }, true);
}

/** Transitions of a property that moves or resizes boxes, outside the
 * article's own column, since the page loaded: those recorded by
 * watchMotion and those running now. Colours, shadows and transforms move
 * nothing. */
const resizing = (page) => page.evaluate(() => {
  const paintOnly = /^(color|opacity|transform|translate|scale|rotate|box-shadow|filter|outline(-color)?|background(-\w+)?|border(-\w+)*-color|text-decoration-color|caret-color|accent-color|fill|stroke)$/;
  const running = document.getAnimations()
    .filter((a) => a instanceof CSSTransition && a.playState === 'running')
    .map((a) => ({ property: a.transitionProperty, id: a.effect.target.id, className: String(a.effect.target.className), inCleaned: !!a.effect.target.closest('#cleaned-panel') }));
  return [...window.__transitions, ...running]
    .filter((x) => !x.inCleaned && !paintOnly.test(x.property))
    .map(({ property, id, className }) => `${property} on ${id || className}`)
    .filter((x, i, all) => all.indexOf(x) === i);
});

/** Waits for a cleaned article of the given input kind. */
const cleaned = (page, kind) => page.waitFor(
  (kind) => document.querySelector('#cleaned article') && document.getElementById('stats').dataset.inputKind === kind,
  kind,
);

/** The cleaned view's text blocks: title, lead, headings and paragraphs
 * (the metadata line is not one of them). */
const cleanedBlocks = (page) => page.evaluate(
  () => [...document.querySelectorAll('#cleaned article > :not(.meta)')].map((el) => el.innerText.replace(/\s+/g, ' ').trim()),
);

const text = (page, selector) => page.evaluate((s) => document.querySelector(s).innerText.replace(/\s+/g, ' ').trim(), selector);
const attr = (page, selector, name) => page.evaluate(([s, n]) => document.querySelector(s).getAttribute(n), [selector, name]);
/** Whether the element takes up room on the page (display, not scroll). */
const displayed = (page, selector) => page.evaluate((s) => {
  const el = document.querySelector(s);
  return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}, selector);
/** The source index of the original's block holding `words`, or -1. */
const indexOf = (page, words) => page.evaluate((w) => {
  const li = [...document.querySelectorAll('#original li.block')].find((el) => el.textContent.includes(w));
  return li ? Number(li.dataset.index) : -1;
}, words);

const shot = (name) => join(root, 'test-results', name);
