// Installs what building and testing need, and nothing that is there:
// npm packages, the wasm32 target, wasm-bindgen-cli at Cargo.lock's version,
// and (with --browser) Debian's Chromium and Firefox ESR for the browser
// tests (never a browser build of a test tool's own).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, lockedWasmBindgen, output, root, run, step } from './lib.mjs';
import { firefoxPath } from './firefox.mjs';

const wantBrowser = process.argv.includes('--browser');

const [major] = process.versions.node.split('.').map(Number);
if (major < 18) {
  console.error(`Node ${process.versions.node} is too old: article-cleaner needs Node 18 or newer.`);
  process.exit(1);
}

const stamp = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(stamp) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(stamp).mtimeMs)) {
  step('npm packages');
  run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
}

if (!output('cargo', ['--version'])) {
  console.error('cargo is missing: install Rust from https://rustup.rs and run this again.');
  process.exit(1);
}

const targets = output('rustup', ['target', 'list', '--installed']) ?? '';
if (!targets.split('\n').includes('wasm32-unknown-unknown')) {
  step('Rust target wasm32-unknown-unknown');
  run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
}

const wanted = lockedWasmBindgen();
const have = (output('wasm-bindgen', ['--version']) ?? '').split(' ')[1];
if (wanted && have !== wanted) {
  step(`wasm-bindgen-cli ${wanted} (about two minutes, once)`);
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', wanted]);
}

const missing = wantBrowser ? [
  !chromiumPath && ['chromium', 'chromium-driver'],
  !firefoxPath && ['firefox-esr'],
].filter(Boolean).flat() : [];
if (missing.length > 0) {
  const aptGet = output('sh', ['-c', 'command -v apt-get']);
  const isRoot = process.getuid?.() === 0;
  if (aptGet && isRoot) {
    step(`Debian's browsers for the browser tests: ${missing.join(' ')}`);
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', ...missing]);
  } else {
    console.error(
      'The browser tests need Chromium at /usr/bin/chromium and Firefox ESR at /usr/bin/firefox-esr. ' +
        `On Debian or Ubuntu: sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
}
