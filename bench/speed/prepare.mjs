// What the bench runs must be built from the tree as it is: the npm
// package (pkg/) and the native timing program.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from '../../scripts/lib.mjs';

export const nativeProgram = join(root, 'target/release/bench_pages');

/** Builds pkg/ when it is missing or older than what it is built from,
 * then the native program (cargo decides whether that needs work). Build
 * output goes to stderr: stdout is for the results. */
export function prepare() {
  if (pkgIsStale()) {
    console.error('pkg/ is missing or older than src/, data/ or js/wrap.mjs: building it first');
    run('node', ['scripts/build.mjs'], { stdio: ['ignore', 2, 2] });
  }
  run('cargo', ['build', '--release', '-p', 'article-cleaner-dev', '--bin', 'bench_pages'], { stdio: ['ignore', 2, 2] });
}

function pkgIsStale() {
  const built = ['pkg/web.js', 'pkg/node.cjs', 'pkg/wrap.cjs', 'pkg/article_cleaner_bg.wasm'].map((f) => join(root, f));
  if (!built.every(existsSync)) return true;
  const sources = [
    ...['src', 'data'].flatMap((dir) => readdirSync(join(root, dir), { recursive: true }).map((f) => join(root, dir, f))),
    ...['Cargo.toml', 'Cargo.lock', 'js/wrap.mjs'].map((f) => join(root, f)),
  ].filter(existsSync);
  const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  return Math.min(...built.map((f) => statSync(f).mtimeMs)) < newestSource;
}
