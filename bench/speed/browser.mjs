// Headless Chromium: the page bench/speed/page.html over the repository
// root, our wasm and Readability.js (on the browser's own DOMParser) timed
// inside it, and the cold start of fresh page loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/lib.mjs';
import { launchChromium, serveOrigin } from '../../scripts/chromium.mjs';
import { KINDS, readInput } from '../eval/corpus.mjs';

const PAGE = '/bench/speed/page.html';
const SEED = readFileSync(join(root, 'tests/fixtures/heute-kasachstan/input.txt'), 'utf8');

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

/** A fresh context (so an empty cache) on the bench page, its cold start done. */
async function open({ browser, origin }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript((seed) => {
    window.benchSeed = seed;
  }, SEED);
  const failed = new Promise((_, reject) => page.on('pageerror', reject));
  failed.catch(() => {});
  await page.goto(origin + PAGE);
  await Promise.race([page.waitForFunction(() => window.bench), failed]);
  return { context, page };
}

/** Per engine, { items, times, failures } as pages.mjs runs them. */
export async function browserPages(chromium, corpus, items, { reps, warmUp }) {
  const { context, page } = await open(chromium);
  try {
    await page.addScriptTag({ url: '/node_modules/@mozilla/readability/Readability.js' });
    const results = {};
    for (const [engine, accepts] of [
      ['article-cleaner', () => true],
      ['readability-domparser', (item) => item.input === 'html'],
    ]) {
      results[engine] = await timeItems(page, engine, corpus, items.filter(accepts), { reps, warmUp });
    }
    return results;
  } finally {
    await context.close();
  }
}

async function timeItems(page, engine, corpus, items, { reps, warmUp }) {
  const text = (item) => readInput(corpus, item.id, KINDS.find((k) => k.name === item.kind));
  const options = (item) => ({ input: item.input, ...(item.baseUrl && { baseUrl: item.baseUrl }) });
  for (const item of items.slice(0, warmUp)) {
    await page
      .evaluate(([e, t, o]) => void window.bench.warm(e, t, o), [engine, text(item), options(item)])
      // Recorded below, when the input is measured.
      .catch(() => {});
  }
  const times = [];
  const failures = [];
  for (const item of items) {
    try {
      times.push(
        await page.evaluate(([e, t, o, n]) => window.bench.measure(e, t, o, n), [engine, text(item), options(item), reps]),
      );
    } catch (e) {
      times.push(null);
      failures.push({ id: item.id, kind: item.kind, message: e.message.split('\n')[0] });
    }
  }
  return { items, times, failures };
}

/** `loads` fresh page loads: ms from navigation start to the wasm ready and
 * to the seed fixture cleaned. */
export async function coldStarts(chromium, loads) {
  const results = [];
  for (let i = 0; i < loads; i++) {
    const { context, page } = await open(chromium);
    results.push(await page.evaluate(() => window.bench.coldStart));
    await context.close();
  }
  return results;
}
