// Scores through the corpus's own scorer, so the figures are the official
// ones: the same computation as `score.py --pred DIR` prints.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `{ pages, precision, recall, f1, exact, 'f1>=0.9', per_doc: [{ id, precision, recall, f1 }] }` */
export function score(scorer, corpus, predDir) {
  const r = spawnSync('python3', [scorer, '--truth', join(corpus, 'truth.jsonl'), '--pred', predDir, '--json', '--per-doc'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) {
    throw new Error(`${scorer} on ${predDir}: ${r.error?.message ?? r.stderr.trim()}`);
  }
  return JSON.parse(r.stdout);
}
