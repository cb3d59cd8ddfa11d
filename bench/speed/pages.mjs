// Per-page timings over a corpus: every engine cleans the same inputs with
// the same protocol (measure.mjs), each in a process or page of its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, readInput, readTruth } from '../eval/corpus.mjs';
import { root } from '../../scripts/lib.mjs';
import { browserPages, withChromium } from './browser.mjs';
import { json } from './child.mjs';
import { nativeProgram } from './prepare.mjs';
import { summarise } from './stats.mjs';

/** Our inputs: the page's HTML and the pasted text. Readability.js reads
 * HTML only. */
const OUR_KINDS = KINDS.filter((k) => k.name === 'html' || k.name === 'pasted-text');

const ENGINES = [
  { name: 'article-cleaner', runtime: 'native' },
  { name: 'article-cleaner', runtime: 'wasm, Node' },
  { name: 'article-cleaner', runtime: 'wasm, Chromium' },
  { name: 'Readability.js', runtime: 'Node + jsdom' },
  { name: 'Readability.js', runtime: 'Node + linkedom' },
  { name: 'Readability.js', runtime: 'Chromium DOMParser' },
];

/** Every `every`-th page of the corpus, as one input per kind. */
export function corpusItems(corpus, every) {
  const pages = readTruth(corpus).filter((_, i) => i % every === 0);
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
  const runs = {
    native: () => ({ items, ...json(nativeProgram, ['pages', manifest('native', items)]) }),
    'wasm, Node': () => node('article-cleaner', items),
    'Node + jsdom': () => node('readability-jsdom', html),
    'Node + linkedom': () => node('readability-linkedom', html),
  };
  const results = {};
  for (const [runtime, fn] of Object.entries(runs)) {
    console.error(`timing ${runtime}`);
    results[runtime] = fn();
  }
  console.error('timing Chromium');
  const browser = await withChromium((chromium) => browserPages(chromium, corpus, items, { reps, warmUp }));
  results['wasm, Chromium'] = browser['article-cleaner'];
  results['Chromium DOMParser'] = browser['readability-domparser'];
  return ENGINES.map((e) => ({ ...e, ...results[e.runtime] }));
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
