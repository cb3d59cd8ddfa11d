// npm run bench [-- CORPUS_DIR] [--quick] [--criterion] [--note TEXT]
//
// Speed and size, side by side, in one run: per-page times over a corpus for
// our native build against the floor (a bare html5ever parse and a walk over
// the text, interleaved with it in one process), our wasm in Node, our wasm
// and Readability.js interleaved in one Chromium page, and Readability.js on
// jsdom and linkedom; the first clean() of a 100 KB page in a fresh
// Chromium page; what a browser downloads; growth with input size up to
// 50 MB; with --criterion also the criterion micro-benchmarks
// (bench/clean.rs). Prints the results and writes them to bench/speed.md.
//
// --quick: every 6th page, 2 repetitions, 3 fresh loads, 1 and 2 MB inputs
// only, a smoke test (tests/js/node/bench.test.mjs runs it); it leaves
// bench/speed.md alone. --note TEXT: a sentence for the results' header,
// such as what else the machine was doing.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from '../scripts/lib.mjs';
import { firstCleans, withChromium } from './speed/browser.mjs';
import { criterion } from './speed/criterion.mjs';
import { growth } from './speed/growth.mjs';
import { machine } from './speed/machine.mjs';
import { corpusItems, pageNear, runEngines, summaries } from './speed/pages.mjs';
import { prepare } from './speed/prepare.mjs';
import { report } from './speed/report.mjs';
import { sizes } from './speed/sizes.mjs';

const USAGE = 'usage: npm run bench [-- CORPUS_DIR] [--quick] [--criterion] [--note TEXT]';

const args = parseArguments();
const settings = args.quick
  ? { every: 6, reps: 2, warmUp: 3, freshLoads: 3, growth: [[1, 1], [2, 1]] }
  : // [MB, runs]: a 50 MB run takes a minute or two.
    { every: 1, reps: 5, warmUp: 10, freshLoads: 9, growth: [[1, 5], [10, 3], [50, 1]] };

/** The first clean() is timed on the dev page with the HTML closest to this. */
const FIRST_CLEAN_BYTES = 100_000;

if (!existsSync(join(args.corpus, 'truth.jsonl'))) {
  console.error(
    `No corpus at ${args.corpus} (no truth.jsonl there). Pass one as ` +
      '`npm run bench -- CORPUS_DIR`; its format is in shared/eval/README.md.',
  );
  process.exit(2);
}

prepare();
const tmp = mkdtempSync(join(tmpdir(), 'article-cleaner-bench-'));
try {
  const items = corpusItems(args.corpus, settings.every);
  const bytes = (kind) => items.filter((i) => i.kind === kind).reduce((a, i) => a + i.bytes, 0);
  const pages = summaries(await runEngines({ corpus: args.corpus, items, ...settings, tmp }));
  const near = pageNear(args.corpus, FIRST_CLEAN_BYTES);
  console.error(`the first clean() of ${near.id} in ${settings.freshLoads} fresh Chromium pages`);
  const { loads, files } = await withChromium((chromium) =>
    firstCleans(chromium, settings.freshLoads, { text: near.text, options: near.options }),
  );
  const results = {
    machine: machine(),
    note: args.note,
    quick: args.quick,
    pages: {
      corpus: args.corpusLabel,
      pageCount: items.filter((i) => i.kind === 'html').length,
      every: settings.every,
      reps: settings.reps,
      warmUp: settings.warmUp,
      bytes: { html: bytes('html'), 'pasted-text': bytes('pasted-text') },
      ...pages,
    },
    firstClean: { id: near.id, url: near.url, bytes: near.bytes, target: FIRST_CLEAN_BYTES, loads },
    sizes: sizes(files),
    growth: growth({ sizes: settings.growth, tmp }),
    criterion: args.criterion ? criterion() : null,
  };
  const text = report(results);
  console.log(text);
  if (args.quick) {
    console.error('--quick: bench/speed.md left as it was');
  } else {
    mkdirSync(join(root, 'bench'), { recursive: true });
    writeFileSync(join(root, 'bench/speed.md'), text);
    console.error('wrote bench/speed.md');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function parseArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { quick: { type: 'boolean' }, criterion: { type: 'boolean' }, note: { type: 'string' } },
    });
  } catch (e) {
    usageError(e.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) usageError('one corpus directory at most');
  const corpusArg = positionals[0] ?? '../shared/eval/dev';
  return {
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    corpus: positionals[0] ? resolve(process.env.INIT_CWD ?? process.cwd(), corpusArg) : resolve(root, corpusArg),
    corpusLabel: corpusArg,
    quick: Boolean(values.quick),
    criterion: Boolean(values.criterion),
    note: values.note,
  };
}

function usageError(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
