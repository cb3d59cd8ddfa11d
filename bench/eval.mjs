// npm run eval [-- --corpus NAME_OR_DIR ...] [--only ours] [--worst N] [--gate] [--cv DIR]
//
// Runs our cleaner (the built npm package), Readability.js and trafilatura
// on every page of the evaluation corpora (by default dev, wide-dev and
// multilingual-dev in ../shared/eval) from each input kind; scores the
// article text with each corpus's own scorer (score.py, per dataset too,
// or score-snippets.py) and the metadata (title, author, date) against the
// corpus's metadata truth; prints one table per corpus and writes them to
// bench/quality.md, the figures to bench/quality.json.
// Predictions stay in bench/out/SYSTEM/CORPUS/KIND/ (ID.txt, metadata.jsonl)
// for a closer look. Cross-validated predictions, which the trainer writes
// to bench/out/cv/CORPUS/KIND/ID.txt, are scored as their own row.
//
// --corpus (repeatable) picks corpora: a name in ../shared/eval or a folder.
// --only ours skips the other systems. --worst N lists our N worst pages per
// corpus and input kind. --gate runs ours only, in-sample, and fails when a
// figure fell below bench/quality.json's. bench/quality.* are written only
// by a full run: every default corpus, every system, no --gate.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { output, root, run } from '../scripts/lib.mjs';
import { DEFAULT_CORPORA, KINDS, SHARED, findCorpus, loadCorpus } from './eval/corpus.mjs';
import { compareQuality, TOLERANCE } from './eval/gate.mjs';
import { CROSS_VALIDATED, IN_SAMPLE, OURS, corpusText, problems, qualityJson, qualityPage, worst } from './eval/report.mjs';
import { scoreCorpus } from './eval/score.mjs';
import { dateDay, scoreMetadata } from './eval/scoring.mjs';
import { prepareTrafilatura, runOurs, runReadability, runTrafilatura } from './eval/systems.mjs';

const USAGE = 'usage: npm run eval [-- --corpus NAME_OR_DIR ...] [--only ours] [--worst N] [--gate] [--cv DIR]';
const QUALITY_JSON = join(root, 'bench/quality.json');
const started = performance.now();
const args = parseArguments();
const timings = [];
const time = (what, f) => {
  const t = performance.now();
  const r = f();
  const after = (x) => (timings.push([what, (performance.now() - t) / 1000]), x);
  return r instanceof Promise ? r.then(after) : after(r);
};

const { dirs, notFound } = locateCorpora();
if (!output('python3', ['--version'])) {
  console.error('python3 is missing: the scorers are Python scripts.');
  process.exit(1);
}
let corpora;
try {
  corpora = dirs.map(loadCorpus);
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

buildIfStale();

const peers = !args.oursOnly && !args.gate;
const notes = notFound.map((n) => `corpus ${n} not found in ${SHARED}: not run.`);
for (const c of corpora) {
  const bad = (c.metadata?.truth ?? []).filter((t) => typeof t.date === 'string' && t.date.trim() && !dateDay(t.date));
  if (bad.length) {
    notes.push(
      `${c.metadata.source}: ${bad.length} truth dates are no calendar day (${bad.map((t) => t.date).join(', ')}), so those pages are left out of the date figures.`,
    );
  }
}
const out = join(root, 'bench/out');

// Ours first, alone: its seconds are the ones to compare.
const runs = new Map(corpora.map((c) => [c.name, []]));
for (const c of corpora) {
  const result = await time(`${OURS} on ${c.name}`, () => runOurs(c, join(out, 'ours', c.name)));
  runs.get(c.name).push({ system: OURS, variant: IN_SAMPLE, result });
}
let trafilaturaVersion = null;
if (peers) {
  for (const c of corpora) {
    const result = time(`Readability.js on ${c.name}`, () => runReadability(c, join(out, 'readability', c.name)));
    runs.get(c.name).push({ system: 'Readability.js', variant: null, result });
  }
  const unavailable = prepareTrafilatura();
  if (unavailable) notes.push(`trafilatura was not available to this run (${unavailable}), so it has no rows.`);
  else {
    for (const c of corpora) {
      const result = time(`trafilatura on ${c.name}`, () => runTrafilatura(c, join(out, 'trafilatura', c.name)));
      if (result) {
        trafilaturaVersion = result.version;
        runs.get(c.name).push({ system: 'trafilatura', variant: null, result });
      } else notes.push(`trafilatura failed on ${c.name}, which has no trafilatura rows.`);
    }
  }
}

const results = corpora.map((corpus) =>
  time(`scoring ${corpus.name}`, () => {
    const systemRuns = runs.get(corpus.name);
    const cv = args.gate ? null : crossValidated(corpus);
    // Rows grouped by input kind, so that the systems stand side by side.
    const rows = KINDS.flatMap((kind) => [
      ...(cv?.has(kind.name) ? [cv.get(kind.name)] : []),
      ...systemRuns.map(({ system, variant, result }) => ({
        system,
        variant,
        kind: kind.name,
        score: scoreCorpus(corpus, join(out, slug(system), corpus.name, kind.name)),
        seconds: result.kinds[kind.name].seconds,
        failures: result.kinds[kind.name].failures,
      })),
    ]);
    const metadataRows = corpus.metadata
      ? KINDS.flatMap((kind) =>
          systemRuns
            .filter(({ result }) => result.kinds[kind.name].metadata)
            .map(({ system, variant, result }) => ({
              system,
              variant,
              kind: kind.name,
              scores: scoreMetadata(corpus.metadata.truth, result.kinds[kind.name].metadata),
            })),
        )
      : [];
    return { corpus, rows, metadataRows };
  }),
);

for (const result of results) {
  console.log(`\n${corpusText(result)}`);
  const lines = problems(result);
  if (lines.length) console.log(`\n${lines.join('\n')}`);
  notes.push(...lines);
}
if (args.worst) {
  for (const result of results) {
    const ourRows = result.rows.filter((r) => r.system === OURS && r.variant === IN_SAMPLE);
    console.log(worst({ ...result, rows: ourRows }, args.worst).join('\n'));
  }
}
if (notes.length) console.error(`\n${notes.join('\n')}`);

const date = new Date().toISOString().slice(0, 10);
const versions = [
  `${OURS} ${ourVersion()}`,
  ...(peers
    ? [
        `Readability.js ${packageVersion('@mozilla/readability')} with jsdom ${packageVersion('jsdom')}`,
        trafilaturaVersion ? `trafilatura ${trafilaturaVersion}` : 'trafilatura not run',
      ]
    : []),
  `Node ${process.version}`,
  output('python3', ['--version']),
];

let status = 0;
if (args.gate) {
  status = gate(JSON.parse(qualityJson({ date, versions, results, notes })));
} else if (peers && !notFound.length && sameSet(corpora.map((c) => c.name), DEFAULT_CORPORA)) {
  writeFileSync(join(root, 'bench/quality.md'), qualityPage({ date, versions, results, notes }));
  writeFileSync(QUALITY_JSON, qualityJson({ date, versions, results, notes }));
  console.error('\nwrote bench/quality.md and bench/quality.json');
} else {
  console.error(
    `\nbench/quality.md and bench/quality.json left alone: they hold a full run (${DEFAULT_CORPORA.join(', ')}, every system).`,
  );
}

timings.push(['total', (performance.now() - started) / 1000]);
console.error(`\nseconds: ${timings.map(([what, s]) => `${what} ${s.toFixed(1)}`).join('; ')}`);
process.exit(status);

/** The gate's verdict on this run's figures; returns the exit status. */
function gate(current) {
  if (!existsSync(QUALITY_JSON)) {
    console.error('No bench/quality.json to compare with: run `npm run eval` (the full run) and commit it.');
    return 2;
  }
  const committed = JSON.parse(readFileSync(QUALITY_JSON, 'utf8'));
  const { fell, rose, checked, unchecked } = compareQuality(committed, current);
  if (unchecked.length) console.error(`\nNot checked:\n  ${unchecked.join('\n  ')}`);
  if (rose.length) {
    console.error(
      `\nRose above bench/quality.json (run \`npm run eval\` and commit bench/quality.* to keep the gain):\n  ${rose.join('\n  ')}`,
    );
  }
  if (fell.length) {
    console.error(
      `\nQuality gate FAILED: ${fell.length} of ${checked} figures fell below bench/quality.json ` +
        `(by more than ${TOLERANCE.f1} for F1, ${TOLERANCE.metadata} for metadata):\n  ${fell.join('\n  ')}`,
    );
    return 1;
  }
  console.error(`\nQuality gate passed: ${checked} figures within tolerance of bench/quality.json (committed ${committed.generated}).`);
  return 0;
}

/** The cross-validated predictions of a corpus, scored: kind → row, for the
 * kinds whose folder is there; null when there are none. */
function crossValidated(corpus) {
  const base = join(args.cv, corpus.name);
  if (!existsSync(base)) return null;
  const rows = new Map();
  for (const kind of KINDS) {
    const dir = join(base, kind.name);
    if (!existsSync(dir)) continue;
    const files = new Set(readdirSync(dir));
    const present = corpus.pages.filter((p) => files.has(`${p.id}.txt`)).length;
    rows.set(kind.name, {
      system: OURS,
      variant: CROSS_VALIDATED,
      kind: kind.name,
      score: scoreCorpus(corpus, dir),
      seconds: null,
      failures: [],
      coverage: { present, pages: corpus.pages.length },
    });
  }
  return rows.size ? rows : null;
}

function slug(system) {
  return { [OURS]: 'ours', 'Readability.js': 'readability', trafilatura: 'trafilatura' }[system];
}

function sameSet(a, b) {
  return a.length === b.length && b.every((x) => a.includes(x));
}

/** The corpora to run: those named, each of which must exist, or every
 * default corpus that is there. */
function locateCorpora() {
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  if (args.corpora.length) {
    const dirs = args.corpora.map((c) => {
      const dir = findCorpus(c, cwd);
      if (!dir) {
        console.error(
          `No evaluation corpus "${c}": neither ${resolve(cwd, c)} nor ${join(SHARED, c)} holds a truth.jsonl or cases.jsonl ` +
            '(the format is in ../shared/eval/README.md).',
        );
        process.exit(2);
      }
      return dir;
    });
    return { dirs: [...new Set(dirs)], notFound: [] };
  }
  const found = DEFAULT_CORPORA.map((n) => [n, findCorpus(n, SHARED)]);
  const dirs = found.filter(([, d]) => d).map(([, d]) => d);
  if (!dirs.length) {
    console.error(`No evaluation corpora in ${SHARED} (${DEFAULT_CORPORA.join(', ')}); pass one with --corpus NAME_OR_DIR.`);
    process.exit(2);
  }
  return { dirs, notFound: found.filter(([, d]) => !d).map(([n]) => n) };
}

function parseArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        corpus: { type: 'string', multiple: true },
        worst: { type: 'string' },
        only: { type: 'string' },
        gate: { type: 'boolean' },
        cv: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    usageError(e.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.only !== undefined && values.only !== 'ours') usageError(`--only takes "ours", not "${values.only}"`);
  const worstCount = values.worst === undefined ? 0 : Number(values.worst);
  if (!Number.isInteger(worstCount) || worstCount < 0) usageError(`--worst takes a page count, not "${values.worst}"`);
  const cwd = process.env.INIT_CWD ?? process.cwd();
  return {
    // A bare folder is a corpus too, as `npm run eval -- ../shared/eval/dev` always took one.
    corpora: [...(values.corpus ?? []), ...positionals],
    worst: worstCount,
    oursOnly: values.only === 'ours',
    gate: Boolean(values.gate),
    cv: values.cv ? resolve(cwd, values.cv) : join(root, 'bench/out/cv'),
  };
}

function usageError(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** Rebuilds pkg/ when any source it is built from is newer: the eval must
 * measure the code in the tree, through the wasm that users get. */
function buildIfStale() {
  const built = ['pkg/node.cjs', 'pkg/wrap.cjs', 'pkg/article_cleaner_bg.wasm'].map((f) => join(root, f));
  const sources = [
    ...['src', 'data'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true }).map((f) => join(root, dir, f)),
    ),
    ...['Cargo.toml', 'Cargo.lock', 'build.rs', 'js/wrap.mjs'].map((f) => join(root, f)),
  ].filter(existsSync);
  const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (built.every(existsSync) && Math.min(...built.map((f) => statSync(f).mtimeMs)) >= newestSource) return;
  console.error('pkg/ is missing or older than src/, data/ or build.rs: building it first');
  // build.mjs prints its steps on stdout, which is for the tables here.
  run('node', ['scripts/build.mjs'], { stdio: ['ignore', 2, 2] });
}

/** The package version and the commit it was built from. */
function ourVersion() {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const commit = output('git', ['rev-parse', '--short', 'HEAD']);
  if (!commit) return version;
  const changed = output('git', ['status', '--porcelain', '--', 'src', 'data', 'build.rs', 'Cargo.toml', 'Cargo.lock']);
  return `${version} (commit ${commit}${changed ? ', with uncommitted changes to src/ or data/' : ''})`;
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}
