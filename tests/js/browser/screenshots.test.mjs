// The page as it looks, saved under test-results/ for a person to look at:
// 1280 px and 390 px wide, light and dark, side by side and in reader
// mode, in Chromium and Firefox. Each shot also asserts what a look would
// check: nothing wider than the screen, the colours of the theme asked
// for, the parts that must show and those that must not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../../scripts/lib.mjs';
import { serveOrigin } from '../../../scripts/chromium.mjs';
import { ENGINES, launch } from './driver.mjs';

const dir = join(root, 'test-results');
const TIMEOUT = 90_000;

let server;
before(async () => {
  mkdirSync(dir, { recursive: true });
  server = await serveOrigin(join(root, 'www'));
});
after(() => server?.close());

/** Firefox cannot emulate the system's dark mode here: its dark shots use
 * the page's own Dark theme, which is what a reader would choose anyway. */
const SHOTS = [
  { name: 'side-by-side-1280-light', width: 1280, height: 900, scheme: 'light' },
  { name: 'side-by-side-1280-dark', width: 1280, height: 900, scheme: 'dark' },
  { name: 'article-390-light', width: 390, height: 844, scheme: 'light' },
  { name: 'original-390-dark', width: 390, height: 844, scheme: 'dark', view: 'original' },
  { name: 'reader-1280-light', width: 1280, height: 900, scheme: 'light', reader: true },
  { name: 'reader-390-dark', width: 390, height: 844, scheme: 'dark', reader: true },
  { name: 'reader-1280-sepia', width: 1280, height: 900, scheme: 'sepia', reader: true },
];

for (const engine of ENGINES) {
  describe(`screenshots in ${engine}`, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser?.close());

    for (const shot of SHOTS) {
      test(`${shot.name}: nothing overflows, the theme's colours, the right parts shown`, { timeout: TIMEOUT }, async (t) => {
        const systemDark = shot.scheme === 'dark' && engine === 'chromium';
        const page = await browser.open(`${server.origin}/`, {
          viewport: { width: shot.width, height: shot.height },
          colorScheme: systemDark ? 'dark' : 'light',
          // A theme other than the system's is the reader's choice, kept
          // in localStorage before the page loads.
          init: systemDark || shot.scheme === 'light' ? undefined
            : `localStorage.setItem('article-cleaner:display', ${JSON.stringify(JSON.stringify({ theme: shot.scheme }))})`,
        });
        t.after(() => page.close());
        await page.waitFor(() => document.documentElement.dataset.ready === 'true');
        await page.click('#example-html');
        await page.waitFor(() => document.getElementById('stats').dataset.inputKind === 'html');
        // One run opened and one block put back: every kind of mark shows.
        if (shot.width > 960 || shot.view === 'original') {
          if (shot.view === 'original') await page.click('#view-original');
          await page.evaluate(() => { [...document.querySelectorAll('#original > li.group')].at(-1).id = 'shot-run'; });
          await page.click('#shot-run > .group-toggle');
          await page.click('#shot-run li.block:first-child > button');
          await page.waitFor(() => document.querySelector('#cleaned .restored'));
        }
        if (shot.reader) {
          await page.click('#read');
          await page.waitFor(() => document.body.classList.contains('reading'));
        }
        // The page from its top, the flash of a change over.
        await page.evaluate(() => scrollTo(0, 0));
        await page.waitFor(() => !document.querySelector('[data-flashed]'));
        await new Promise((resolve) => setTimeout(resolve, 200));
        const file = join(dir, `${engine}-${shot.name}.png`);
        await page.screenshot(file);
        assert.ok(statSync(file).size > 20_000, 'a picture with something in it');

        const seen = await page.evaluate(() => {
          const shown = (s) => { const el = document.querySelector(s); return !!el && el.getClientRects().length > 0; };
          const rgb = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
          return {
            overflow: document.documentElement.scrollWidth - innerWidth,
            scheme: document.documentElement.dataset.scheme,
            luminance: (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255,
            article: shown('#cleaned article'), original: shown('#original'), intake: shown('.intake'), display: shown('#display'),
          };
        });
        assert.ok(seen.overflow <= 0, `${seen.overflow}px wider than the screen`);
        assert.equal(seen.scheme, shot.scheme);
        if (shot.scheme === 'dark') assert.ok(seen.luminance < 0.2, `a dark page (${seen.luminance.toFixed(2)})`);
        else assert.ok(seen.luminance > 0.8, `a light page (${seen.luminance.toFixed(2)})`);
        const parts = { article: true, original: true, intake: true, display: false };
        if (shot.reader) Object.assign(parts, { original: false, intake: false, display: true });
        else if (shot.width < 960) Object.assign(parts, shot.view === 'original' ? { article: false } : { original: false });
        assert.deepEqual({ article: seen.article, original: seen.original, intake: seen.intake, display: seen.display }, parts);
      });
    }
  });
}
