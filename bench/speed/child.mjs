// Runs a helper process that prints one JSON value on stdout; its stderr
// goes to ours, as progress.
import { spawnSync } from 'node:child_process';
import { root } from '../../scripts/lib.mjs';

export function json(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${[cmd, ...args].join(' ')}: ${r.signal ? `killed by ${r.signal}` : `exit ${r.status}`}`);
  }
  return JSON.parse(r.stdout);
}
