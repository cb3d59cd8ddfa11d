// Builds the npm package into pkg/ and the page's copy into www/vendor/:
// the release wasm, optimised with wasm-opt -Os, one .wasm shared by the
// web (ESM + init), bundler and Node (CommonJS) bindings.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, step } from './lib.mjs';

const wasm = join(root, 'target/wasm32-unknown-unknown/wasm/article_cleaner.wasm');
const pkg = join(root, 'pkg');
const tmp = join(root, 'target/wasm-bindgen');

step('cargo build (wasm32, release)');
run('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm']);

step('wasm-bindgen: web, bundler and node bindings');
rmSync(tmp, { recursive: true, force: true });
for (const target of ['web', 'bundler', 'nodejs']) {
  run('wasm-bindgen', [wasm, '--out-dir', join(tmp, target), '--target', target, '--out-name', 'article_cleaner', '--no-typescript']);
}

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg);
// The three targets emit the same .wasm: keep one, optimised.
step('wasm-opt -Os');
run(join(root, 'node_modules/.bin/wasm-opt'), [
  join(tmp, 'web/article_cleaner_bg.wasm'), '-Os', '--strip-debug', '--strip-producers',
  '-o', join(pkg, 'article_cleaner_bg.wasm'),
]);
copyFileSync(join(tmp, 'web/article_cleaner.js'), join(pkg, 'web.js'));
copyFileSync(join(tmp, 'bundler/article_cleaner.js'), join(pkg, 'bundler.js'));
copyFileSync(join(tmp, 'bundler/article_cleaner_bg.js'), join(pkg, 'article_cleaner_bg.js'));
copyFileSync(join(tmp, 'nodejs/article_cleaner.js'), join(pkg, 'node.cjs'));

// js/wrap.mjs is the one source of the wrapper; Node's CommonJS entry gets
// a CommonJS copy of it.
const wrap = readFileSync(join(root, 'js/wrap.mjs'), 'utf8');
const names = [...wrap.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]);
writeFileSync(
  join(pkg, 'wrap.cjs'),
  `// Generated from js/wrap.mjs by scripts/build.mjs.\n'use strict';\n` +
    wrap.replace(/^export /gm, '') + `\nmodule.exports = { ${names.join(', ')} };\n`,
);

step('www/vendor: the page\'s copy of the web build');
const vendor = join(root, 'www/vendor/article-cleaner');
rmSync(vendor, { recursive: true, force: true });
mkdirSync(join(vendor, 'pkg'), { recursive: true });
mkdirSync(join(vendor, 'js'), { recursive: true });
for (const f of ['web.js', 'article_cleaner_bg.wasm']) copyFileSync(join(pkg, f), join(vendor, 'pkg', f));
for (const f of readdirSync(join(root, 'js')).filter((f) => f.endsWith('.mjs'))) {
  copyFileSync(join(root, 'js', f), join(vendor, 'js', f));
}
console.log('built pkg/ and www/vendor/');
