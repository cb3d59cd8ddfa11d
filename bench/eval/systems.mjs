// The systems compared. Each writes its prediction for every page and input
// kind to OUT/KIND/ID.txt and returns, per kind, its wall time and the pages
// it failed on (written as empty predictions, which is how the scorer counts
// a missing output too).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KINDS, paragraphs, readInput } from './corpus.mjs';
import { root } from '../../scripts/lib.mjs';

/** What the benchmark's articleBody holds, as Rust's `Article::body_text()`
 * builds it: the lead and the text blocks (figures are pictures), no title. */
function bodyText(article) {
  const text = article.blocks.filter((b) => b.kind !== 'figure').map((b) => b.text);
  return [article.lead, ...text].filter(Boolean).join('\n\n');
}

export async function runOurs(corpus, pages, out) {
  // Imported here, not at the top: eval.mjs builds the package first.
  const { clean } = await import('article-cleaner');
  return runEach('article-cleaner', corpus, pages, out, (input, page, kind) =>
    bodyText(clean(input, { input: kind.input, ...(kind.withBaseUrl && { baseUrl: page.url }) })),
  );
}

export async function runReadability(corpus, pages, out) {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  return runEach('Readability.js', corpus, pages, out, (input, page, kind) => {
    const html = kind.input === 'text' ? paragraphs(input) : input;
    // A console that goes nowhere: jsdom reports every stylesheet it cannot parse.
    const dom = new JSDOM(html, { url: page.url, virtualConsole: new VirtualConsole() });
    try {
      return new Readability(dom.window.document).parse()?.textContent ?? '';
    } finally {
      dom.window.close();
    }
  });
}

// lxml_html_clean too: trafilatura needs jusText, which imports
// lxml.html.clean, a separate package since lxml 5.2 (and lxml 6 no longer
// has the html_clean extra that jusText asks for).
const TRAFILATURA_PACKAGES = ['trafilatura==2.3.1', 'lxml_html_clean==0.4.6'];

/** Runs bench/eval/trafilatura_run.py, installing trafilatura once if it
 * is missing; returns null, having said why, when it cannot run. */
export function runTrafilatura(corpus, out) {
  if (trafilaturaImportError()) {
    console.error(`python3 cannot import trafilatura: trying pip install ${TRAFILATURA_PACKAGES.join(' ')}`);
    // pip's output goes to stderr: stdout is for the table.
    spawnSync('python3', ['-m', 'pip', 'install', '--quiet', ...TRAFILATURA_PACKAGES], {
      stdio: ['ignore', 2, 2],
    });
    const error = trafilaturaImportError();
    if (error) {
      console.log(`trafilatura: not available, skipped (python3 cannot import it after pip install: ${error})`);
      return null;
    }
  }
  for (const kind of KINDS) rmSync(join(out, kind.name), { recursive: true, force: true });
  const r = spawnSync('python3', [join(root, 'bench/eval/trafilatura_run.py'), corpus, out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    console.log(`trafilatura: the run failed (${r.error?.message ?? `exit ${r.status}`}), skipped`);
    return null;
  }
  const report = JSON.parse(r.stdout);
  return {
    version: report.version,
    kinds: Object.fromEntries(
      KINDS.map((k) => [k.name, { seconds: report.seconds[k.name], failures: report.failures[k.name] }]),
    ),
  };
}

/** null when python3 imports trafilatura, else the error's last line. */
function trafilaturaImportError() {
  const r = spawnSync('python3', ['-c', 'import trafilatura'], { encoding: 'utf8' });
  if (r.status === 0) return null;
  return r.error?.message ?? r.stderr.trim().split('\n').pop();
}

function runEach(label, corpus, pages, out, extract) {
  const kinds = {};
  for (const kind of KINDS) {
    const dir = join(out, kind.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const failures = [];
    const started = performance.now();
    pages.forEach((page, i) => {
      let text = '';
      try {
        text = extract(readInput(corpus, page.id, kind), page, kind);
      } catch (e) {
        failures.push({ id: page.id, message: e.message });
      }
      writeFileSync(join(dir, `${page.id}.txt`), text);
      progress(`${label} ${kind.name}`, i + 1, pages.length);
    });
    kinds[kind.name] = { seconds: (performance.now() - started) / 1000, failures };
  }
  return { kinds };
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
