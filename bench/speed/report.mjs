// The results as Markdown: printed, and written to bench/RESULTS.md.
import { table } from '../../scripts/markdown.mjs';
import { median } from './stats.mjs';

const ms = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)}×`;
const kib = (bytes) => (bytes / 1024).toFixed(1);
const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);

export function report({ machine, note, quick, pages, coldStart, sizes, growth, criterion }) {
  return [
    '# Speed and size',
    '',
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${machine.date}, commit ${machine.commit}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; ${machine.chromium}; ${machine.rustc}.`,
    ...(note ? ['', note] : []),
    '',
    'Times are wall clock, MB are 10^6 bytes, KiB and MiB 2^10 and 2^20 bytes.',
    '',
    pagesSection(pages),
    coldStartSection(coldStart),
    sizesSection(sizes),
    growthSection(growth),
    criterionSection(criterion),
  ].join('\n');
}

function pagesSection({ corpus, pageCount, every, reps, warmUp, bytes, rows, failures }) {
  const find = (runtime, kind) => rows.find((r) => r.runtime === runtime && r.kind === kind);
  const compare = (pairs) =>
    pairs
      .map(([label, a, b, kind]) => [label, find(a, kind), find(b, kind)])
      .filter(([, a, b]) => a && b)
      .map(([label, a, b]) => [...label, ratio(a.medianMs / b.medianMs), ratio(a.totalMs / b.totalMs)]);
  const readability = compare([
    [['Node', 'jsdom'], 'Node + jsdom', 'wasm, Node', 'html'],
    [['Node', 'linkedom'], 'Node + linkedom', 'wasm, Node', 'html'],
    [['Chromium', 'DOMParser'], 'Chromium DOMParser', 'wasm, Chromium', 'html'],
  ]);
  const wasm = compare(
    ['html', 'pasted-text'].flatMap((kind) => [
      [['Node', kind], 'wasm, Node', 'native', kind],
      [['Chromium', kind], 'wasm, Chromium', 'native', kind],
    ]),
  );
  return [
    '## Per page',
    '',
    `${pageCount} pages of \`${corpus}\`${every > 1 ? ` (one in ${every})` : ''}: the page's HTML ` +
      `(\`ID.html.gz\`, ${mib(bytes.html)} MiB in all) for every engine, and the pasted text ` +
      `(\`ID.txt.gz\`, ${mib(bytes['pasted-text'])} MiB) for ours; Readability.js reads HTML only. ` +
      `Each engine runs in a process (or browser page) of its own; it cleans the first ${warmUp} inputs once ` +
      `to warm up, then each input once untimed and ${reps} times timed. A page's time is the median of ` +
      `its ${reps}; the table gives the median and 95th percentile of those over the pages, their sum, ` +
      'and the input bytes over that sum. Readability.js is timed from the HTML string to its parse() ' +
      'result, DOM parsing included, as ours is; ours in wasm includes the conversion of the article to a JS object.',
    '',
    table(
      ['engine', 'runtime', 'input', 'pages', 'median ms', 'p95 ms', 'total s', 'MB/s'],
      rows.map((r) => [
        r.engine, r.runtime, r.kind, r.inputs, ms(r.medianMs), ms(r.p95Ms), (r.totalMs / 1000).toFixed(2), r.mbPerSecond.toFixed(1),
      ]),
      3,
    ),
    '',
    'Readability.js time / article-cleaner time, same runtime, page HTML:',
    '',
    table(['runtime', 'Readability.js DOM', 'median', 'total'], readability, 2),
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

function coldStartSection(loads) {
  const rows = [
    ['wasm ready: page, modules and wasm fetched, compiled, instantiated', (l) => l.initialisedMs],
    ['first article: the seed fixture cleaned', (l) => l.cleanedMs],
    ['of which the first clean()', (l) => l.cleanedMs - l.initialisedMs],
  ].map(([label, pick]) => {
    const values = loads.map(pick);
    return [label, ms(median(values)), ms(Math.min(...values)), ms(Math.max(...values))];
  });
  return [
    '## Cold start in Chromium',
    '',
    `${loads.length} fresh loads of a page that imports \`js/web.mjs\`, calls \`init()\` and cleans the seed ` +
      'fixture (`tests/fixtures/heute-kasachstan/input.txt`), each in a new browser context with the cache ' +
      'disabled, served from 127.0.0.1; milliseconds since navigation start.',
    '',
    table(['', 'median ms', 'min ms', 'max ms'], rows),
    '',
  ].join('\n');
}

function sizesSection({ files, readability, npm }) {
  const row = (r) => [`\`${r.file}\``, kib(r.raw), kib(r.gzip), kib(r.brotli)];
  return [
    '## Download size',
    '',
    'What a browser loads through `js/web.mjs`, and Readability.js (which needs a DOM besides: the ' +
      "browser's, or jsdom or linkedom in Node). gzip at level 9, brotli at quality 11.",
    '',
    table(['file', 'raw KiB', 'gzip KiB', 'brotli KiB'], [...files.map(row), row(readability)]),
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
