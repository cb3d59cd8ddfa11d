// Scores through each corpus's own scorer, so that the figures are the
// official ones: what `score.py --truth T --pred DIR` and
// `score-snippets.py CASES DIR` print.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippetCounts } from './scoring.mjs';

/** A body corpus (score.py): `{ all, datasets: { NAME: … } }`, each
 * `{ pages, precision, recall, f1, exact, 'f1>=0.9' }`, `all` with
 * `per_doc: [{ id, precision, recall, f1 }]` too. */
export function scoreBody(corpus, predDir) {
  const all = python(corpus.scorer, ['--truth', corpus.truthFile, '--pred', predDir, '--json', '--per-doc']);
  const datasets = Object.fromEntries(
    corpus.datasets.map((d) => [d.name, python(corpus.scorer, ['--truth', d.file, '--pred', predDir, '--json'])]),
  );
  return { all, datasets };
}

/** A snippet corpus (score-snippets.py): `{ pages, precision, recall, f1,
 * accuracy }`, with `per_doc: [{ id, tp, fn, fp, tn, accuracy }]` counted
 * here the same way, for --worst. */
export function scoreSnippets(corpus, predDir) {
  const all = python(corpus.scorer, [corpus.truthFile, predDir, '--json']);
  all.per_doc = corpus.pages.map(({ id }) => {
    const f = join(predDir, `${id}.txt`);
    const c = snippetCounts(existsSync(f) ? readFileSync(f, 'utf8') : '', corpus.cases.get(id));
    const n = c.tp + c.fn + c.fp + c.tn;
    return { id, ...c, accuracy: n ? (c.tp + c.tn) / n : 1 };
  });
  return { all, datasets: {} };
}

export function scoreCorpus(corpus, predDir) {
  return corpus.scoring === 'body' ? scoreBody(corpus, predDir) : scoreSnippets(corpus, predDir);
}

function python(script, args) {
  const r = spawnSync('python3', [script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')}: ${r.error?.message ?? r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}
