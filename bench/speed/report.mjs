// The results as Markdown: printed, and written to bench/speed.md.
import { table } from '../../scripts/markdown.mjs';
import { median } from './stats.mjs';

const ms = (x) => (x < 0.1 ? x.toFixed(4) : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)}×`;
const kib = (bytes) => (bytes / 1024).toFixed(1);
const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
const kb = (bytes) => `${(bytes / 1000).toFixed(0)} KB`;

export function report({ machine, note, quick, pages, firstClean, sizes, growth, criterion }) {
  return [
    '# Speed and size',
    '',
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${machine.date}, commit ${machine.commit}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; ${machine.chromium}; ${machine.rustc}.`,
    ...(note ? ['', note] : []),
    '',
    'Times are wall clock, KB and MB are 10^3 and 10^6 bytes, KiB and MiB 2^10 and 2^20 bytes.',
    '',
    pagesSection(pages),
    firstCleanSection(firstClean),
    sizesSection(sizes),
    growthSection(growth),
    criterionSection(criterion),
  ].join('\n');
}

function pagesSection({ corpus, pageCount, every, reps, warmUp, bytes, rows, failures }) {
  const find = (key, kind) => rows.find((r) => r.key === key && r.kind === kind);
  const compare = (pairs) =>
    pairs
      .map(([label, a, b, kind]) => [label, find(a, kind), find(b, kind)])
      .filter(([, a, b]) => a && b)
      .map(([label, a, b]) => [...label, ratio(a.medianMs / b.medianMs), ratio(a.totalMs / b.totalMs)]);
  const floor = ['html', 'pasted-text']
    .map((kind) => [kind, find('native', kind), find('floor', kind)])
    .filter(([, ours, base]) => ours && base)
    .map(([kind, ours, base]) => [
      kind, ours.inputs, ms(base.medianMs), ms(base.totalMs), ms(ours.medianMs), ms(ours.totalMs),
      ratio(ours.medianMs / base.medianMs), ratio(ours.totalMs / base.totalMs),
    ]);
  const chromium = [find('wasm-chromium', 'html'), find('readability-chromium', 'html')];
  const readability = compare([
    [['Node', 'jsdom', 'a process each'], 'readability-jsdom', 'wasm-node', 'html'],
    [['Node', 'linkedom', 'a process each'], 'readability-linkedom', 'wasm-node', 'html'],
    [['Chromium', 'DOMParser', 'interleaved in one page'], 'readability-chromium', 'wasm-chromium', 'html'],
  ]);
  const wasm = compare(
    ['html', 'pasted-text'].flatMap((kind) => [
      [['Node', kind], 'wasm-node', 'native', kind],
      [['Chromium', kind], 'wasm-chromium', 'native', kind],
    ]),
  );
  const text = find('native', 'pasted-text');
  return [
    '## Per page',
    '',
    `${pageCount} pages of \`${corpus}\`${every > 1 ? ` (one in ${every})` : ''}: the page's HTML ` +
      `(\`ID.html.gz\`, ${mib(bytes.html)} MiB in all) for every engine, and the pasted text ` +
      `(\`ID.txt.gz\`, ${mib(bytes['pasted-text'])} MiB) for ours; Readability.js reads HTML only. ` +
      'Our native clean and the floor run in one process, our wasm and Readability.js in one Chromium page, ' +
      'each pair interleaved: per input one untimed call of each, then ' +
      `${reps} rounds of one timed call of each, A B A B … on one input and B A B A … on the next, so that both ` +
      'see the same machine state. The other engines run in a process of their own, one untimed call and ' +
      `${reps} timed ones per input. Every engine first cleans the first ${warmUp} inputs once to warm up. ` +
      `A page's time is the median of its ${reps}; the table gives the median and 95th percentile of those over ` +
      'the pages, their sum, and the input bytes over that sum. Readability.js is timed from the HTML string ' +
      'to its parse() result, DOM parsing included, as ours is; ours in wasm includes the conversion of the ' +
      'article to a JS object.',
    '',
    table(
      ['engine', 'runtime', 'input', 'pages', 'median ms', 'p95 ms', 'total s', 'MB/s'],
      rows.map((r) => [
        r.engine, r.runtime, r.kind, r.inputs, ms(r.medianMs), ms(r.p95Ms), (r.totalMs / 1000).toFixed(2), r.mbPerSecond.toFixed(1),
      ]),
      3,
    ),
    '',
    '### Against the floor, native',
    '',
    "The floor is what any cleaner of these pages does at least (`tools/dev/src/floor.rs`, also `profile floor`): " +
      "html5ever's parse of the page into its own reference tree (markup5ever_rcdom) and a walk over the tree's " +
      'text; for pasted text, a walk over its lines (so there the ratio only says that all of our work comes ' +
      'after reading the text). Timed interleaved with our native clean in one process (`bench_pages`).',
    '',
    table(['input', 'pages', 'floor median ms', 'floor total ms', 'ours median ms', 'ours total ms', 'ours / floor, median', 'ours / floor, total'], floor, 1),
    '',
    ...(text ? [`Pasted text, native: ${ms(text.medianMs)} ms the median page (${text.inputs} pages, ${ms(text.totalMs)} ms in all).`, ''] : []),
    '### Ours and Readability.js in one Chromium page',
    '',
    'Both on the same pages\' HTML in one page, interleaved page by page as above; Readability.js on the ' +
      "browser's DOMParser.",
    '',
    chromium.every(Boolean)
      ? table(
          ['', 'pages', 'median ms', 'total ms'],
          [
            ['article-cleaner (wasm)', chromium[0].inputs, ms(chromium[0].medianMs), ms(chromium[0].totalMs)],
            ['Readability.js (DOMParser)', chromium[1].inputs, ms(chromium[1].medianMs), ms(chromium[1].totalMs)],
            ['Readability.js / ours', '', ratio(chromium[1].medianMs / chromium[0].medianMs), ratio(chromium[1].totalMs / chromium[0].totalMs)],
          ],
          1,
        )
      : 'Not measured: an engine failed on every page.',
    '',
    'Readability.js time / article-cleaner time, same runtime, page HTML:',
    '',
    table(['runtime', 'Readability.js DOM', 'timed', 'median', 'total'], readability, 3),
    '',
    'article-cleaner, wasm time / native time:',
    '',
    table(['runtime', 'input', 'median', 'total'], wasm, 2),
    '',
    ...(failures.length
      ? [
          'Inputs an engine failed on, left out of every row of their input kind:',
          '',
          ...failures.map((f) => `- ${f.engine}, ${f.kind} ${f.id}: ${f.message.replace(/\s+/g, ' ')}`),
          '',
        ]
      : []),
  ].join('\n');
}

function firstCleanSection({ id, url, bytes, target, loads }) {
  const rows = [
    ['wasm ready: page, modules and wasm fetched, compiled, instantiated (since navigation start)', (l) => l.initialisedMs],
    ['the first clean() of the page', (l) => l.firstMs],
    ['the second clean() of the page', (l) => l.secondMs],
    ['the first article (since navigation start)', (l) => l.initialisedMs + l.firstMs],
  ].map(([label, pick]) => {
    const values = loads.map(pick);
    return [label, ms(median(values)), ms(Math.min(...values)), ms(Math.max(...values))];
  });
  return [
    '## The first clean() in a fresh page',
    '',
    `${loads.length} fresh loads, each in a new Chromium context with the cache disabled, served from 127.0.0.1, ` +
      'of a page that imports `js/web.mjs` and calls `init()`, then cleans ' +
      `\`${id}.html.gz\` (${url}; ${kb(bytes)} of HTML, the dev page closest to ${kb(target)}) twice: the first clean() ` +
      'is what a reader waits for after opening the page, the second what later ones cost. Medians over the loads.',
    '',
    table(['', 'median ms', 'min ms', 'max ms'], rows),
    '',
  ].join('\n');
}

function sizesSection({ fromBrowser, files, glueTotal, total, goal, readability, npm }) {
  const row = (r) => [`\`${r.file}\``, kib(r.raw), kib(r.gzip), kib(r.brotli)];
  const sum = (r) => [r.file, kib(r.raw), kib(r.gzip), kib(r.brotli)];
  const over = total.gzip - goal;
  return [
    '## Download size',
    '',
    `What a browser downloads through \`js/web.mjs\` (${fromBrowser ? 'the files the fresh pages above fetched' : 'the files it imports'}), ` +
      "and Readability.js (which needs a DOM besides: the browser's, or jsdom or linkedom in Node). gzip at " +
      'level 9, brotli at quality 11.',
    '',
    table(
      ['file', 'raw KiB', 'gzip KiB', 'brotli KiB'],
      [...files.map(row), sum(glueTotal), sum(total), row(readability)],
    ),
    '',
    `Goal: wasm + JS glue ≤ ${kib(goal)} KiB gzip. Now ${kib(total.gzip)} KiB: ` +
      (over > 0 ? `${kib(over)} KiB over.` : `met, ${kib(-over)} KiB to spare.`),
    '',
    npm
      ? `npm tarball (\`npm pack --dry-run\`): ${kib(npm.size)} KiB packed, ${kib(npm.unpackedSize)} KiB ` +
        `unpacked, ${npm.files} files.`
      : 'npm tarball: `npm pack --dry-run --json` failed.',
    '',
  ].join('\n');
}

function growthSection(rows) {
  const smallest = Math.min(...rows.map((r) => r.mb));
  const base = (r) => rows.find((b) => b.runtime === r.runtime && b.kind === r.kind && b.mb === smallest && !b.error);
  const body = rows.map((r) => {
    const head = [r.runtime, r.kind, `${r.mb} MB`, r.runs];
    if (r.error) return [...head, `failed: ${r.error}`, '', '', '', '', '', ''];
    const b = base(r);
    const times = (key) => (b && r[key] != null && b[key] ? ratio(r[key] / b[key]) : '');
    return [
      ...head,
      ms(r.ms),
      times('ms'),
      (r.bytes / 1e6 / (r.ms / 1000)).toFixed(1),
      r.peakRssBytes == null ? 'n/a' : mib(r.peakRssBytes),
      times('peakRssBytes'),
      r.wasmMemoryBytes == null ? '' : mib(r.wasmMemoryBytes),
      times('wasmMemoryBytes'),
    ];
  });
  return [
    '## Growth with input size',
    '',
    'Synthetic pages (`tools/testkit/src/synthetic.rs`: one long article with subheadings, links, lists, ' +
      'quotes, tables and figures, amid navigation, teasers, ads, share bars, newsletter boxes and ' +
      'comments, in wrappers of varying depth), as HTML and as pasted text. Each run is a fresh process ' +
      'that cleans the page twice and times the second call; medians over the runs. Peak RSS is the ' +
      "whole process's (VmHWM natively, `process.resourceUsage().maxRSS` in Node, whose own baseline is " +
      "some 40 MiB); wasm memory is the size of the module's linear memory afterwards, which only grows, " +
      'so its peak.',
    '',
    table(
      ['runtime', 'input', 'size', 'runs', 'ms', `× ${smallest} MB`, 'MB/s', 'peak RSS MiB', `× ${smallest} MB`, 'wasm memory MiB', `× ${smallest} MB`],
      body,
      3,
    ),
    '',
  ].join('\n');
}

function criterionSection(rows) {
  if (!rows) {
    return '## Micro-benchmarks\n\nNot run: `npm run bench -- --criterion` (or `cargo bench --bench clean`) runs them.\n';
  }
  return [
    '## Micro-benchmarks',
    '',
    '`cargo bench --bench clean` (criterion, native): mean time per call with its 95% confidence interval.',
    '',
    table(
      ['benchmark', 'mean ms', '95% CI ms', 'MB/s'],
      rows.map((r) => [
        r.id,
        ms(r.meanNs / 1e6),
        `${ms(r.lowNs / 1e6)} – ${ms(r.highNs / 1e6)}`,
        r.bytes ? (r.bytes / 1e6 / (r.meanNs / 1e9)).toFixed(1) : '',
      ]),
    ),
    '',
  ].join('\n');
}
