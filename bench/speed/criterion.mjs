// cargo bench --bench clean (bench/clean.rs), then the estimates
// criterion wrote for this run.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from '../../scripts/lib.mjs';

const OUT = join(root, 'target/criterion');

/** Rows { id, bytes, meanNs, lowNs, highNs } (criterion's mean and its 95%
 * confidence interval). */
export function criterion() {
  const started = Date.now();
  run('cargo', ['bench', '--bench', 'clean'], { stdio: ['ignore', 2, 2] });
  if (!existsSync(OUT)) return [];
  return readdirSync(OUT, { recursive: true })
    .filter((f) => f.endsWith('new/estimates.json'))
    .map((f) => join(OUT, f))
    // Estimates of benchmarks this run did not include stay behind from older runs.
    .filter((f) => statSync(f).mtimeMs >= started)
    .map((f) => {
      const { mean } = JSON.parse(readFileSync(f, 'utf8'));
      const benchmark = JSON.parse(readFileSync(join(f, '../benchmark.json'), 'utf8'));
      return {
        id: benchmark.full_id,
        bytes: benchmark.throughput?.Bytes ?? null,
        meanNs: mean.point_estimate,
        lowNs: mean.confidence_interval.lower_bound,
        highNs: mean.confidence_interval.upper_bound,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
