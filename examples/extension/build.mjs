// Copies the package's web runtime into vendor/: an extension must ship
// every script it runs (no remote code under Manifest V3), and web.mjs
// finds its glue and the .wasm by relative paths, so the layout is kept:
// vendor/js/{web,wrap}.mjs beside vendor/pkg/{web.js,article_cleaner_bg.wasm}.
//
//   npm run build                       (at the repo root, once: builds pkg/)
//   node examples/extension/build.mjs
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const files = ['js/web.mjs', 'js/wrap.mjs', 'pkg/web.js', 'pkg/article_cleaner_bg.wasm'];

const missing = files.filter((f) => !existsSync(join(root, f)));
if (missing.length > 0) {
  console.error(`missing ${missing.join(', ')}: run \`npm run build\` at the repo root first`);
  process.exit(1);
}
const vendor = join(here, 'vendor');
rmSync(vendor, { recursive: true, force: true });
for (const f of files) {
  mkdirSync(dirname(join(vendor, f)), { recursive: true });
  copyFileSync(join(root, f), join(vendor, f));
}
console.log(`copied ${files.length} files into ${vendor}`);
