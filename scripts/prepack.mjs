// npm's prepack (npm pack, npm publish): the package is nothing without its
// wasm, which is built, not committed. So build it when this machine can
// (skipped when fresh), and otherwise refuse with what to do, rather than
// pack a package with no wasm in it. Everything goes to standard error:
// `npm pack --json` prints its answer on standard output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { output, root } from './lib.mjs';

const toStderr = { cwd: root, stdio: ['ignore', 2, 2] };
const node = (script, ...args) => spawnSync(process.execPath, [join(root, 'scripts', script), ...args], toStderr).status;

const fresh = node('build.mjs', '--check') === 0;
if (!fresh) {
  if (!output('cargo', ['--version'])) {
    const why = existsSync(join(root, 'pkg/article_cleaner_bg.wasm'))
      ? 'pkg/ is older than the sources in src/, data/ or js/'
      : 'pkg/article_cleaner_bg.wasm is not built';
    console.error(
      `npm pack: refusing to pack article-cleaner: ${why}, and building it needs Rust (cargo), which is ` +
        'not installed. Install Rust from https://rustup.rs, then run npm pack again (it builds first).',
    );
    process.exit(1);
  }
  if (node('setup.mjs') !== 0 || node('build.mjs') !== 0) {
    console.error('npm pack: refusing to pack article-cleaner: the build failed (see above).');
    process.exit(1);
  }
}
