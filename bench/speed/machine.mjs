// What the figures were measured on and from.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromiumPath, output } from '../../scripts/lib.mjs';

export function machine() {
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpuModel(),
    cores: cpus().length,
    node: process.version,
    chromium: (chromiumPath && output(chromiumPath, ['--version'])) || 'not found',
    rustc: output('rustc', ['--version']) ?? 'not found',
    commit: commit(),
  };
}

function cpuModel() {
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) return m[1].trim();
  } catch {
    // Not Linux: Node's own idea of the CPU below.
  }
  return cpus()[0]?.model ?? 'unknown';
}

function commit() {
  const hash = output('git', ['rev-parse', '--short', 'HEAD']);
  if (!hash) return 'unknown (not a git checkout)';
  const changed = output('git', ['status', '--porcelain', '--', 'src', 'data', 'js', 'Cargo.toml', 'Cargo.lock']);
  return changed ? `${hash}, with uncommitted changes to src/, data/, js/ or Cargo.*` : hash;
}
