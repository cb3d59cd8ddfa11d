// npm run eval [-- CORPUS_DIR] [--worst N] [--only ours]
//
// Runs our cleaner (the built npm package), Readability.js and, when Python
// can import or install it, trafilatura on every page of an evaluation
// corpus from each input kind; scores every (system, input kind) with the
// corpus's score.py; prints one table and writes it to bench/quality.md.
// Predictions stay in bench/out/SYSTEM/KIND/ID.txt for a closer look.
// --worst N lists our N worst pages per input kind; --only ours skips the
// other systems (and leaves bench/quality.md alone).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { output, root, run } from '../scripts/lib.mjs';
import { KINDS, readTruth } from './eval/corpus.mjs';
import { failures, qualityPage, table, worst } from './eval/report.mjs';
import { score } from './eval/score.mjs';
import { runOurs, runReadability, runTrafilatura } from './eval/systems.mjs';

const USAGE = 'usage: npm run eval [-- CORPUS_DIR] [--worst N] [--only ours]';
const OURS = 'article-cleaner';

const args = parseArguments();
const { corpus } = args;
if (!existsSync(join(corpus, 'truth.jsonl'))) {
  console.error(
    `No evaluation corpus at ${corpus} (no truth.jsonl there). Pass one as ` +
      '`npm run eval -- CORPUS_DIR`; its format is in shared/eval/README.md.',
  );
  process.exit(2);
}
const scorer = [join(dirname(corpus), 'score.py'), join(root, '../shared/eval/score.py')].find(existsSync);
if (!scorer) {
  console.error(`No score.py beside ${corpus} nor in ../shared/eval/: the eval scores with the corpus's own scorer.`);
  process.exit(2);
}
if (!output('python3', ['--version'])) {
  console.error('python3 is missing: the scorer is a Python script.');
  process.exit(1);
}

buildIfStale();

const pages = readTruth(corpus);
const out = join(root, 'bench/out');
const runs = [{ system: OURS, slug: 'ours', result: await runOurs(corpus, pages, join(out, 'ours')) }];
const notes = [];
if (!args.oursOnly) {
  runs.push({ system: 'Readability.js', slug: 'readability', result: await runReadability(corpus, pages, join(out, 'readability')) });
  const trafilatura = runTrafilatura(corpus, join(out, 'trafilatura'));
  if (trafilatura) runs.push({ system: 'trafilatura', slug: 'trafilatura', result: trafilatura });
  else notes.push('trafilatura was not available to this run, so it has no rows.');
}

// Rows grouped by input kind, so that the systems stand side by side.
const rows = KINDS.flatMap((kind) =>
  runs.map(({ system, slug, result }) => ({
    system,
    kind: kind.name,
    score: score(scorer, corpus, join(out, slug, kind.name)),
    seconds: result.kinds[kind.name].seconds,
    failed: result.kinds[kind.name].failures,
  })),
);
const tableText = table(rows);
const failed = failures(rows);
console.log(`\n${pages.length} pages from ${corpus}\n\n${tableText}`);
if (failed.length) console.log(`\n${failed.join('\n')}`);

if (args.worst) {
  const urls = new Map(pages.map((p) => [p.id, p.url]));
  console.log(worst(OURS, rows.filter((r) => r.system === OURS), urls, args.worst).join('\n'));
}

if (!args.oursOnly) {
  const trafilatura = runs.find((r) => r.slug === 'trafilatura');
  const page = qualityPage({
    date: new Date().toISOString().slice(0, 10),
    corpus: relative(root, corpus) || '.',
    pages: pages.length,
    versions: [
      `${OURS} ${ourVersion()}`,
      `Readability.js ${packageVersion('@mozilla/readability')} with jsdom ${packageVersion('jsdom')}`,
      trafilatura ? `trafilatura ${trafilatura.result.version}` : 'trafilatura not run',
      `Node ${process.version}`,
      output('python3', ['--version']),
    ],
    tableText,
    notes: [...notes, ...failed],
  });
  writeFileSync(join(root, 'bench/quality.md'), page);
  console.error('\nwrote bench/quality.md');
}

function parseArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { worst: { type: 'string' }, only: { type: 'string' } },
    });
  } catch (e) {
    usageError(e.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) usageError('one corpus directory at most');
  if (values.only !== undefined && values.only !== 'ours') usageError(`--only takes "ours", not "${values.only}"`);
  const worstCount = values.worst === undefined ? 0 : Number(values.worst);
  if (!Number.isInteger(worstCount) || worstCount < 0) usageError(`--worst takes a page count, not "${values.worst}"`);
  return {
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    corpus: positionals[0]
      ? resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0])
      : resolve(root, '../shared/eval/dev'),
    worst: worstCount,
    oursOnly: values.only === 'ours',
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
    ...['Cargo.toml', 'Cargo.lock', 'js/wrap.mjs'].map((f) => join(root, f)),
  ].filter(existsSync);
  const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (built.every(existsSync) && Math.min(...built.map((f) => statSync(f).mtimeMs)) >= newestSource) return;
  console.error('pkg/ is missing or older than src/ or data/: building it first');
  // build.mjs prints its steps on stdout, which is for the table here.
  run('node', ['scripts/build.mjs'], { stdio: ['ignore', 2, 2] });
}

/** The package version and the commit it was built from. */
function ourVersion() {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const commit = output('git', ['rev-parse', '--short', 'HEAD']);
  if (!commit) return version;
  const changed = output('git', ['status', '--porcelain', '--', 'src', 'data', 'Cargo.toml', 'Cargo.lock']);
  return `${version} (commit ${commit}${changed ? ', with uncommitted changes to src/ or data/' : ''})`;
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}
