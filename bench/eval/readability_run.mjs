// Runs Readability.js (with jsdom) on a range of a corpus's pages for one
// input kind, in a process of its own: jsdom's windows are not all given
// back when closed, and a few hundred pages with inline styles fill a heap
// (bench/eval/systems.mjs runs 200 at a time).
//
// usage: node readability_run.mjs CORPUS_DIR KIND OUT_DIR START END
//
// Writes OUT_DIR/KIND/ID.txt (textContent) for pages START..END-1, and prints
// one JSON object: `{ seconds, failures: [{ id, message }], metadata: [{ id,
// title, author, date }] }` (byline as author, publishedTime as date).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { KINDS, loadCorpus, paragraphs, readInput } from './corpus.mjs';

const [dir, kindName, out, start, end] = process.argv.slice(2);
const corpus = loadCorpus(dir);
const kind = KINDS.find((k) => k.name === kindName);
const report = { seconds: 0, failures: [], metadata: [] };
for (const page of corpus.pages.slice(Number(start), Number(end))) {
  const started = performance.now();
  let text = '';
  try {
    const input = readInput(corpus.dir, page.id, kind);
    const html = kind.input === 'text' ? paragraphs(input) : input;
    // A console that goes nowhere: jsdom reports every stylesheet it cannot parse.
    // The page's address with the page's HTML only: a paste comes without one.
    const url = kind.withBaseUrl && page.url;
    const dom = new JSDOM(html, { ...(url && { url }), virtualConsole: new VirtualConsole() });
    try {
      const r = new Readability(dom.window.document).parse();
      text = r?.textContent ?? '';
      report.metadata.push({ id: page.id, title: r?.title ?? null, author: r?.byline ?? null, date: r?.publishedTime ?? null });
    } finally {
      dom.window.close();
    }
  } catch (e) {
    report.failures.push({ id: page.id, message: e.message });
  }
  report.seconds += (performance.now() - started) / 1000;
  writeFileSync(join(out, kind.name, `${page.id}.txt`), text);
}
process.stdout.write(JSON.stringify(report));
