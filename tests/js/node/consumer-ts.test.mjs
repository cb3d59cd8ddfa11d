// The package's types as a TypeScript app sees them: examples/consumer-ts
// uses every function and field with exact types, and misuse.ts proves each
// wrong call is refused (an unneeded @ts-expect-error fails the compile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../../scripts/lib.mjs';

function tsc(project) {
  return spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'examples/consumer-ts', project)], { cwd: root, encoding: 'utf8' });
}

test('the consumer type-checks with moduleResolution bundler', () => {
  const r = tsc('tsconfig.json');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the consumer type-checks with moduleResolution node16', () => {
  const r = tsc('tsconfig.node16.json');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('a CommonJS consumer type-checks with require()', () => {
  const r = tsc('tsconfig.commonjs.json');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
