// Per-page timings over a corpus: every engine cleans the same inputs with
// the same protocol (measure.mjs). Our native clean and the floor share a
// process, our wasm and Readability.js a Chromium page, each pair
// interleaved input by input; the other engines run in a process of their
// own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, loadCorpus, readInput } from '../eval/corpus.mjs';
import { root } from '../../scripts/lib.mjs';
import { browserPages, withChromium } from './browser.mjs';
import { json } from './child.mjs';
import { nativeProgram } from './prepare.mjs';
import { summarise } from './stats.mjs';

/** Our inputs: the page's HTML and the pasted text. Readability.js reads
 * HTML only. */
const OUR_KINDS = KINDS.filter((k) => k.name === 'html' || k.name === 'pasted-text');

/** `key` names the run a row comes from (report.mjs finds rows by it). */
const ENGINES = [
  { key: 'native', name: 'article-cleaner', runtime: 'native' },
  { key: 'floor', name: 'floor: html5ever + walk', runtime: 'native' },
  { key: 'wasm-node', name: 'article-cleaner', runtime: 'wasm, Node' },
  { key: 'wasm-chromium', name: 'article-cleaner', runtime: 'wasm, Chromium' },
  { key: 'readability-jsdom', name: 'Readability.js', runtime: 'Node + jsdom' },
  { key: 'readability-linkedom', name: 'Readability.js', runtime: 'Node + linkedom' },
  { key: 'readability-chromium', name: 'Readability.js', runtime: 'Chromium DOMParser' },
];

/** Every `every`-th page of the corpus, as one input per kind. */
export function corpusItems(corpus, every) {
  const pages = loadCorpus(corpus).pages.filter((_, i) => i % every === 0);
  return OUR_KINDS.flatMap((kind) =>
    pages.map((page) => ({
      id: page.id,
      kind: kind.name,
      file: join(corpus, page.id + kind.suffix),
      input: kind.input,
      baseUrl: kind.withBaseUrl ? page.url : undefined,
      bytes: Buffer.byteLength(readInput(corpus, page.id, kind)),
    })),
  );
}

/** The corpus page whose HTML is closest to `bytes` bytes, as the
 * first-clean measure takes it: { id, url, bytes, text, options }. */
export function pageNear(corpus, bytes) {
  const kind = KINDS.find((k) => k.name === 'html');
  let best = null;
  for (const page of loadCorpus(corpus).pages) {
    const text = readInput(corpus, page.id, kind);
    const size = Buffer.byteLength(text);
    if (best === null || Math.abs(size - bytes) < Math.abs(best.bytes - bytes)) {
      best = { id: page.id, url: page.url, bytes: size, text, options: { input: 'html', baseUrl: page.url } };
    }
  }
  return best;
}

/** Runs every engine; returns per engine { ...ENGINES entry, items, times,
 * failures }. */
export async function runEngines({ corpus, items, reps, warmUp, tmp }) {
  const html = items.filter((i) => i.input === 'html');
  const manifest = (name, list) => {
    const file = join(tmp, `${name}.json`);
    writeFileSync(file, JSON.stringify({ corpus, reps, warmUp, items: list }));
    return file;
  };
  const node = (engine, list) => ({
    items: list,
    ...json(process.execPath, [join(root, 'bench/speed/node-engine.mjs'), 'pages', engine, manifest(engine, list)]),
  });
  const results = {};
  console.error('timing native, clean and the floor interleaved');
  const native = json(nativeProgram, ['pages', manifest('native', items)]);
  results.native = { items, times: native.times, failures: native.failures };
  results.floor = { items, times: native.floor, failures: [] };
  for (const [key, fn] of Object.entries({
    'wasm-node': () => node('article-cleaner', items),
    'readability-jsdom': () => node('readability-jsdom', html),
    'readability-linkedom': () => node('readability-linkedom', html),
  })) {
    console.error(`timing ${ENGINES.find((e) => e.key === key).runtime}`);
    results[key] = fn();
  }
  console.error('timing Chromium, our wasm and Readability.js interleaved');
  const browser = await withChromium((chromium) => browserPages(chromium, corpus, items, { reps, warmUp }));
  results['wasm-chromium'] = browser['article-cleaner'];
  results['readability-chromium'] = browser['readability-domparser'];
  return ENGINES.map((e) => ({ ...e, ...results[e.key] }));
}

/** Rows of summaries per (engine, input kind), over the inputs on which no
 * engine failed, so that every row stands for the same pages. */
export function summaries(runs) {
  const failed = new Set(runs.flatMap((r) => r.failures.map((f) => `${f.kind} ${f.id}`)));
  const rows = [];
  for (const kind of OUR_KINDS) {
    for (const run of runs) {
      const kept = run.items
        .map((item, i) => ({ item, times: run.times[i] }))
        .filter(({ item }) => item.kind === kind.name && !failed.has(`${item.kind} ${item.id}`));
      if (!kept.length) continue;
      rows.push({
        key: run.key,
        engine: run.name,
        runtime: run.runtime,
        kind: kind.name,
        ...summarise(
          kept.map((k) => k.times),
          kept.map((k) => k.item.bytes),
        ),
      });
    }
  }
  return { rows, failures: runs.flatMap((r) => r.failures.map((f) => ({ ...f, engine: `${r.name} (${r.runtime})` }))) };
}
