// Helpers shared by the project's scripts: run a command, find tools.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited output; exits the script if it fails. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.error) {
    console.error(`${cmd}: ${r.error.message}`);
    process.exit(1);
  }
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')}: exit ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

/** Runs a command and returns its standard output, or null if it fails. */
export function output(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, ...options });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The wasm-bindgen version pinned in Cargo.lock. */
export function lockedWasmBindgen() {
  const lock = existsSync(join(root, 'Cargo.lock')) ? readFileSync(join(root, 'Cargo.lock'), 'utf8') : '';
  const m = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  return m ? m[1] : null;
}

export function step(message) {
  console.log(`\n== ${message}`);
}

/** Chromium's flags for tests and benchmarks, headless mode aside: this
 * machine's closed network refuses the connections Chromium makes on its
 * own, many at a time, unless they are switched off. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser']
  .find((p) => existsSync(p));
