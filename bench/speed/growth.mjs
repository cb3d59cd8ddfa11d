// How time and memory grow with the input: synthetic pages of a few sizes
// (tools/testkit/src/synthetic.rs, written by the native program, so that
// every engine cleans the same bytes). Each run is a fresh process that
// cleans the page twice and times the second call; the median of the runs
// is kept.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/lib.mjs';
import { json } from './child.mjs';
import { nativeProgram } from './prepare.mjs';
import { median } from './stats.mjs';

const ENGINES = [
  {
    runtime: 'native',
    once: (kind, file) => json(nativeProgram, ['once', kind, file]),
  },
  {
    runtime: 'wasm, Node',
    once: (kind, file) =>
      json(process.execPath, [join(root, 'bench/speed/node-engine.mjs'), 'once', kind, file]),
  },
];

/** `sizes`: [[MB, runs], ...]. Rows { runtime, kind, mb, runs, bytes, ms,
 * peakRssBytes, wasmMemoryBytes }, or with `error` instead of the figures. */
export function growth({ sizes, tmp }) {
  const rows = [];
  for (const kind of ['html', 'text']) {
    for (const [mb, runs] of sizes) {
      const file = join(tmp, `synthetic-${mb}mb.${kind}`);
      const { bytes } = json(nativeProgram, ['synthetic', kind, String(mb * 1e6), file]);
      for (const engine of ENGINES) {
        console.error(`growth: ${engine.runtime}, ${mb} MB ${kind}`);
        rows.push({ runtime: engine.runtime, kind, mb, runs, bytes, ...medianRun(() => engine.once(kind, file), runs) });
      }
      rmSync(file);
    }
  }
  return rows;
}

function medianRun(once, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    try {
      results.push(once());
    } catch (e) {
      return { error: e.message };
    }
  }
  const of = (key) => (results[0][key] == null ? null : median(results.map((r) => r[key])));
  return { ms: of('ms'), peakRssBytes: of('peakRssBytes'), wasmMemoryBytes: of('wasmMemoryBytes') };
}
