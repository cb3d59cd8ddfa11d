// The systems compared. Each writes its prediction for every page and input
// kind of a corpus to OUT/KIND/ID.txt, and the metadata it found to
// OUT/KIND/metadata.jsonl, and returns per kind its wall time, the pages it
// failed on (written as empty predictions, which is how the scorers count a
// missing output too) and its metadata: id → { title, author, date }.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KINDS, readInput, readJsonl } from './corpus.mjs';
import { root } from '../../scripts/lib.mjs';

/** What the benchmark's articleBody holds, as Rust's `Article::body_text()`
 * builds it: the lead and the text blocks (figures are pictures), no title. */
export function bodyText(article) {
  const text = article.blocks.filter((b) => b.kind !== 'figure').map((b) => b.text);
  return [article.lead, ...text].filter(Boolean).join('\n\n');
}

export async function runOurs(corpus, out) {
  // Imported here, not at the top: eval.mjs builds the package first.
  const { clean } = await import('article-cleaner');
  return runEach('article-cleaner', corpus, out, (input, page, kind) => {
    const a = clean(input, { input: kind.input, ...(kind.withBaseUrl && page.url && { baseUrl: page.url }) });
    return {
      text: bodyText(a),
      metadata: { title: a.title, author: a.authors?.length ? a.authors : a.byline, date: a.published },
    };
  });
}

/** Pages per Readability.js process (bench/eval/readability_run.mjs):
 * jsdom keeps memory after each page, so a fresh heap every so often. */
const READABILITY_CHUNK = 200;

export function runReadability(corpus, out) {
  const kinds = {};
  const n = corpus.pages.length;
  for (const kind of KINDS) {
    const dir = join(out, kind.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = { seconds: 0, failures: [], metadata: new Map() };
    for (let start = 0; start < n; start += READABILITY_CHUNK) {
      const end = Math.min(n, start + READABILITY_CHUNK);
      const r = spawnSync(
        process.execPath,
        [join(root, 'bench/eval/readability_run.mjs'), corpus.dir, kind.name, out, String(start), String(end)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 },
      );
      if (r.status !== 0) {
        // The process died (out of memory, say): its pages count as failed.
        const why = r.error?.message ?? `its process ended with ${r.signal ?? `exit ${r.status}`}`;
        for (const page of corpus.pages.slice(start, end)) {
          result.failures.push({ id: page.id, message: why });
          writeFileSync(join(dir, `${page.id}.txt`), '');
        }
      } else {
        const report = JSON.parse(r.stdout);
        result.seconds += report.seconds;
        result.failures.push(...report.failures);
        for (const { id, ...m } of report.metadata) result.metadata.set(id, m);
      }
      progress(`Readability.js ${corpus.name} ${kind.name}`, end, n);
    }
    writeMetadata(dir, result.metadata);
    kinds[kind.name] = result;
  }
  return { kinds };
}

// lxml_html_clean too: trafilatura needs jusText, which imports
// lxml.html.clean, a separate package since lxml 5.2 (and lxml 6 no longer
// has the html_clean extra that jusText asks for).
const TRAFILATURA_PACKAGES = ['trafilatura==2.3.1', 'lxml_html_clean==0.4.6'];

/** Installs trafilatura once if python3 cannot import it; returns null
 * when it can run, else why not. */
export function prepareTrafilatura() {
  if (!trafilaturaImportError()) return null;
  console.error(`python3 cannot import trafilatura: trying pip install ${TRAFILATURA_PACKAGES.join(' ')}`);
  // pip's output goes to stderr: stdout is for the tables.
  spawnSync('python3', ['-m', 'pip', 'install', '--quiet', ...TRAFILATURA_PACKAGES], { stdio: ['ignore', 2, 2] });
  const error = trafilaturaImportError();
  return error && `python3 cannot import it after pip install: ${error}`;
}

/** Runs bench/eval/trafilatura_run.py on a corpus; returns null, having
 * said why, when the run fails. */
export function runTrafilatura(corpus, out) {
  for (const kind of KINDS) rmSync(join(out, kind.name), { recursive: true, force: true });
  const r = spawnSync(
    'python3',
    [join(root, 'bench/eval/trafilatura_run.py'), corpus.dir, corpus.truthFile, out, ...(corpus.metadata ? ['--metadata'] : [])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) {
    console.error(`trafilatura on ${corpus.name}: the run failed (${r.error?.message ?? `exit ${r.status}`}), skipped`);
    return null;
  }
  const report = JSON.parse(r.stdout);
  return {
    version: report.version,
    kinds: Object.fromEntries(
      KINDS.map((k) => {
        const file = join(out, k.name, 'metadata.jsonl');
        const metadata = existsSync(file) ? new Map(readJsonl(file).map(({ id, ...m }) => [id, m])) : null;
        return [k.name, { seconds: report.seconds[k.name], failures: report.failures[k.name], metadata }];
      }),
    ),
  };
}

/** null when python3 imports trafilatura, else the error's last line. */
function trafilaturaImportError() {
  const r = spawnSync('python3', ['-c', 'import trafilatura'], { encoding: 'utf8' });
  if (r.status === 0) return null;
  return r.error?.message ?? r.stderr.trim().split('\n').pop();
}

function runEach(label, corpus, out, extract) {
  const kinds = {};
  for (const kind of KINDS) {
    const dir = join(out, kind.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const failures = [];
    const metadata = new Map();
    const started = performance.now();
    corpus.pages.forEach((page, i) => {
      let text = '';
      try {
        const r = extract(readInput(corpus.dir, page.id, kind), page, kind);
        text = r.text;
        metadata.set(page.id, r.metadata);
      } catch (e) {
        failures.push({ id: page.id, message: e.message });
      }
      writeFileSync(join(dir, `${page.id}.txt`), text);
      progress(`${label} ${corpus.name} ${kind.name}`, i + 1, corpus.pages.length);
    });
    const seconds = (performance.now() - started) / 1000;
    writeMetadata(dir, metadata);
    kinds[kind.name] = { seconds, failures, metadata };
  }
  return { kinds };
}

function writeMetadata(dir, metadata) {
  writeFileSync(join(dir, 'metadata.jsonl'), [...metadata].map(([id, m]) => JSON.stringify({ id, ...m }) + '\n').join(''));
}

/** A counter on stderr: updated in place on a terminal, one line per run
 * in a log. */
function progress(label, done, total) {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
  } else if (done === total) {
    console.error(`${label} ${done}/${total}`);
  }
}
