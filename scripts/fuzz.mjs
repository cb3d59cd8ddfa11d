// Runs the cargo-fuzz targets in fuzz/ for a while each:
//   node scripts/fuzz.mjs [TARGET] [--seconds N] [--keep-going]
// Default: every target, 60 s each, stopping a target at its first failure.
// The HTML targets mutate with the tokens of fuzz/html.dict.
// --keep-going runs libFuzzer in fork mode, so that one known crash does not
// hide the others: every crash, hang and out-of-memory is kept.
// Seeds each target's corpus with the fixtures' inputs, fuzz/seeds/ and the
// XSS corpus; exits non-zero if any target crashed, hung or ran out of
// memory (the inputs are left in fuzz/artifacts/TARGET/).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { output, root, run, step } from './lib.mjs';

const LIBFUZZER_FLAGS = [
  // Generous but finite: real pages are mostly under 200 kB of HTML, and
  // the size-scaling cases are tests/limits.rs's job.
  '-max_len=200000',
  '-rss_limit_mb=2048',
  // Seconds for one input: anything slower is reported as a hang.
  '-timeout=10',
  '-print_final_stats=1',
];
// The targets whose input is HTML get fuzz/html.dict, tags, attributes and
// entities for libFuzzer to splice in: random bytes seldom spell a tag that
// moves the tree builder to another state. clean_text reads text only.
const HTML_TARGETS = new Set(['clean_html', 'clean_auto', 'render', 'sanitize_fragment']);
const KEEP_GOING_FLAGS = ['-fork=1', '-ignore_crashes=1', '-ignore_timeouts=1', '-ignore_ooms=1'];

function usage(message) {
  console.error(`${message}\nusage: node scripts/fuzz.mjs [TARGET] [--seconds N] [--keep-going]`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { target: null, seconds: 60, keepGoing: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seconds') {
      args.seconds = Number(argv[++i]);
      if (!Number.isInteger(args.seconds) || args.seconds < 1) usage('--seconds needs a whole number of seconds');
    } else if (argv[i] === '--keep-going') {
      args.keepGoing = true;
    } else if (argv[i].startsWith('-')) {
      usage(`unknown option ${argv[i]}`);
    } else if (args.target === null) {
      args.target = argv[i];
    } else {
      usage(`one target at most (got ${args.target} and ${argv[i]})`);
    }
  }
  return args;
}

function ensureTools() {
  if (!(output('rustup', ['toolchain', 'list']) ?? '').split('\n').some((t) => t.startsWith('nightly'))) {
    console.error('cargo-fuzz needs the nightly toolchain: rustup toolchain install nightly');
    process.exit(1);
  }
  if (!output('cargo', ['+nightly', 'fuzz', '--version'])) {
    step('cargo-fuzz (about a minute, once)');
    run('cargo', ['install', 'cargo-fuzz', '--locked']);
  }
}

/** Writes every seed into the target's corpus folder (fuzz/corpus is not
 * committed), so that new fixtures and vectors are picked up by themselves. */
function seedCorpus(target) {
  const corpus = join(root, 'fuzz', 'corpus', target);
  mkdirSync(corpus, { recursive: true });
  const fixtures = join(root, 'tests', 'fixtures');
  for (const name of readdirSync(fixtures)) {
    for (const file of ['input.html', 'input.txt']) {
      const path = join(fixtures, name, file);
      if (existsSync(path)) writeFileSync(join(corpus, `fixture-${name}-${file}`), readFileSync(path));
    }
  }
  const seeds = join(root, 'fuzz', 'seeds');
  for (const kind of readdirSync(seeds)) {
    for (const file of readdirSync(join(seeds, kind))) {
      writeFileSync(join(corpus, `seed-${kind}-${file}`), readFileSync(join(seeds, kind, file)));
    }
  }
  const { vectors } = JSON.parse(readFileSync(join(root, 'tests', 'xss', 'vectors.json'), 'utf8'));
  Object.values(vectors)
    .flat()
    .forEach((v, i) => writeFileSync(join(corpus, `xss-${String(i).padStart(3, '0')}`), v));
  return corpus;
}

function artifacts(target) {
  const dir = join(root, 'fuzz', 'artifacts', target);
  return new Set(existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : []);
}

/** Runs one target, passing its output through. Returns its exit code, the
 * number of inputs run and the artifacts (failing inputs) it wrote. */
function fuzz(target, corpus, { seconds, keepGoing }) {
  const before = artifacts(target);
  const args = ['+nightly', 'fuzz', 'run', target, corpus, '--',
    `-max_total_time=${seconds}`, ...LIBFUZZER_FLAGS, ...(keepGoing ? KEEP_GOING_FLAGS : []),
    ...(HTML_TARGETS.has(target) ? [`-dict=${join(root, 'fuzz', 'html.dict')}`] : [])];
  return new Promise((resolve) => {
    const child = spawn('cargo', args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
    let runs = '?';
    let partial = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        // The final stats, or in fork mode (which has none) the progress lines "#RUNS: cov: …".
        const m = line.match(/^stat::number_of_executed_units:\s*(\d+)/) ?? line.match(/^#(\d+): cov:/);
        if (m) runs = m[1];
      }
    });
    child.on('close', (code) => {
      const found = [...artifacts(target)].filter((f) => !before.has(f));
      resolve({ code, runs, found });
    });
  });
}

const options = parseArgs(process.argv.slice(2));
ensureTools();
const targets = (output('cargo', ['+nightly', 'fuzz', 'list']) ?? '').split('\n').filter(Boolean);
if (options.target !== null && !targets.includes(options.target)) {
  usage(`no fuzz target ${options.target} (have: ${targets.join(', ')})`);
}

step('building the fuzz targets');
// cargo-fuzz's default: optimised, with debug assertions and overflow checks.
run('cargo', ['+nightly', 'fuzz', 'build']);

const results = [];
for (const target of options.target === null ? targets : [options.target]) {
  step(`fuzzing ${target} for ${options.seconds} s`);
  results.push({ target, ...(await fuzz(target, seedCorpus(target), options)) });
}

step('summary');
const failed = (r) => r.code !== 0 || r.found.length > 0;
for (const r of results) {
  const verdict = failed(r) ? `FAILED (exit ${r.code}, ${r.found.length} failing inputs)` : 'ok';
  console.log(`${r.target.padEnd(18)} ${String(r.runs).padStart(10)} inputs  ${verdict}`);
  for (const f of r.found) console.log(`  ${f}`);
}
process.exit(results.some(failed) ? 1 : 0);
