// The quality gate: our in-sample figures of this run against those in the
// committed bench/quality.json (both as report.mjs's qualityJson() writes
// them).
import { IN_SAMPLE, OURS } from './report.mjs';

/** How far a figure may fall before the gate fails. */
export const TOLERANCE = { f1: 0.005, metadata: 0.01 };

const ours = (r) => r.system === OURS && r.variant === IN_SAMPLE;

/** `{ fell, rose, checked, unchecked }`: lines naming each figure that fell
 * by more than its tolerance or rose by more than it, the number of figures
 * compared, and what the committed file has no figure for. Snippet corpora
 * are compared on their snippet F1; metadata on each field's accuracy, and
 * the invented-byline rate, which must not rise. */
export function compareQuality(committed, current, tolerance = TOLERANCE) {
  const fell = [];
  const rose = [];
  const unchecked = [];
  let checked = 0;
  const check = (what, before, now, allowed, higherIsBetter = true) => {
    if (typeof before !== 'number' || typeof now !== 'number') return;
    checked++;
    const change = higherIsBetter ? now - before : before - now;
    const line = `${what}: ${before.toFixed(3)} -> ${now.toFixed(3)}`;
    // A hair of slack for floating point: equal figures never fail.
    if (change < -allowed - 1e-9) fell.push(`${line} (${higherIsBetter ? 'down' : 'up'} ${Math.abs(now - before).toFixed(4)}, allowed ${allowed})`);
    else if (change > allowed + 1e-9) rose.push(line);
  };
  for (const [name, now] of Object.entries(current.corpora)) {
    const before = committed.corpora?.[name];
    if (!before) {
      unchecked.push(`${name}: bench/quality.json has no figures for it`);
      continue;
    }
    const f1Name = now.scoring === 'score-snippets.py' ? 'snippet F1' : 'F1';
    for (const row of now.text.filter(ours)) {
      const old = before.text.find((r) => ours(r) && r.input === row.input && r.dataset === row.dataset);
      const what = `${name} ${row.input} ${f1Name}${row.dataset === 'all' ? '' : ` (${row.dataset})`}`;
      if (!old) unchecked.push(`${what}: no committed figure`);
      else check(what, old.f1, row.f1, tolerance.f1);
    }
    for (const row of now.metadata?.rows.filter(ours) ?? []) {
      const old = before.metadata?.rows.find((r) => ours(r) && r.input === row.input);
      if (!old) {
        unchecked.push(`${name} ${row.input} metadata: no committed figures`);
        continue;
      }
      for (const field of ['title', 'author', 'date']) {
        check(`${name} ${row.input} ${field} accuracy`, old[field].accuracy, row[field].accuracy, tolerance.metadata);
      }
      check(`${name} ${row.input} invented-byline rate`, old.invented_byline.rate, row.invented_byline.rate, tolerance.metadata, false);
    }
  }
  for (const name of Object.keys(committed.corpora ?? {})) {
    if (!current.corpora[name]) unchecked.push(`${name}: not run (corpus not found), not checked`);
  }
  return { fell, rose, checked, unchecked };
}
