// Headless Chromium: the page bench/speed/page.html over the repository
// root; our wasm and Readability.js (on the browser's own DOMParser) timed
// inside one page, interleaved page by page; and the first clean() of a
// page in fresh page loads.
import { launchChromium, serveOrigin } from '../../scripts/chromium.mjs';
import { root } from '../../scripts/lib.mjs';
import { KINDS, readInput } from '../eval/corpus.mjs';

const PAGE = '/bench/speed/page.html';

/** Runs fn({ browser, origin }): Chromium, and a server over the repository. */
export async function withChromium(fn) {
  const server = await serveOrigin(root);
  const browser = await launchChromium();
  try {
    return await fn({ browser, origin: server.origin });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A fresh context (so an empty cache, and the cache disabled) on the bench
 * page, its wasm initialised; with `first` ({ text, options }), that page
 * cleaned twice on load (page.mjs). */
async function open({ browser, origin }, first = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (first) {
    await page.addInitScript((first) => {
      window.benchFirst = first;
    }, first);
  }
  const failed = new Promise((_, reject) => page.on('pageerror', reject));
  failed.catch(() => {});
  // What the page downloads, as paths from the repository root.
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname.slice(1)));
  await page.goto(origin + PAGE);
  await Promise.race([page.waitForFunction(() => window.bench), failed]);
  return { context, page, requested };
}

/** Our wasm and Readability.js in one page: per input, both engines
 * interleaved (measure.mjs measureInterleaved), ours first on even inputs
 * and Readability.js first on odd ones; pasted text, which Readability.js
 * does not read, ours alone. Per engine, { items, times, failures } as
 * pages.mjs runs them. */
export async function browserPages(chromium, corpus, items, { reps, warmUp }) {
  const { context, page } = await open(chromium);
  try {
    await page.addScriptTag({ url: '/node_modules/@mozilla/readability/Readability.js' });
    const text = (item) => readInput(corpus, item.id, KINDS.find((k) => k.name === item.kind));
    const options = (item) => ({ input: item.input, ...(item.baseUrl && { baseUrl: item.baseUrl }) });
    const names = (item) => (item.input === 'html' ? ['article-cleaner', 'readability-domparser'] : ['article-cleaner']);
    for (const item of items.slice(0, warmUp)) {
      await page.evaluate(([n, t, o]) => window.bench.warm(n, t, o), [names(item), text(item), options(item)]);
    }
    const results = Object.fromEntries(
      ['article-cleaner', 'readability-domparser'].map((engine) => [engine, { items: [], times: [], failures: [] }]),
    );
    const record = (engine, item, times, message) => {
      const r = results[engine];
      r.items.push(item);
      r.times.push(times);
      if (message !== null) r.failures.push({ id: item.id, kind: item.kind, message: message.split('\n')[0] });
    };
    for (const [i, item] of items.entries()) {
      const engines = names(item);
      try {
        const { times, errors } = await page.evaluate(
          ([n, t, o, reps, flip]) => window.bench.measure(n, t, o, reps, flip),
          [engines, text(item), options(item), reps, i % 2 === 1],
        );
        engines.forEach((engine, k) => record(engine, item, times[k], errors[k]));
      } catch (e) {
        // A timed call threw after its untimed one did not: neither is kept.
        for (const engine of engines) record(engine, item, null, e.message);
      }
    }
    return results;
  } finally {
    await context.close();
  }
}

/** `loads` fresh page loads, each cleaning `first` ({ text, options }) on
 * load. Returns { loads: [{ initialisedMs, firstMs, secondMs }, …], files }:
 * ms from navigation start to the wasm ready, the first and the second
 * clean() of the page; and the files of the library the page downloaded
 * (under js/ and pkg/), for sizes.mjs. */
export async function firstCleans(chromium, loads, first) {
  const results = [];
  let files = [];
  for (let i = 0; i < loads; i++) {
    const { context, page, requested } = await open(chromium, first);
    results.push(await page.evaluate(() => window.bench.coldStart));
    files = requested.filter((path) => /^(js|pkg)\//.test(path));
    await context.close();
  }
  return { loads: results, files: [...new Set(files)] };
}
