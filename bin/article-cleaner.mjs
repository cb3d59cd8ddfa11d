#!/usr/bin/env node
// `npx article-cleaner`: the Rust command-line tool (src/cli.rs), run in
// the package's wasm, for users who have Node but no Rust toolchain. This
// file only lends it Node's files, streams, zlib and TextDecoder.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

const raw = createRequire(import.meta.url)('../pkg/node.cjs');

/** "ENOENT: no such file or directory, open 'x'" → "no such file or directory". */
const reason = (e) => e.message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');

let closed = false;
// A closed pipe (| head) is not an error worth a message.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  closed = true;
  process.exit(0);
});

const host = {
  readFile(path) {
    try {
      return readFileSync(path);
    } catch (e) {
      throw new Error(reason(e));
    }
  },
  readStdin() {
    try {
      return readFileSync(0);
    } catch (e) {
      throw new Error(reason(e));
    }
  },
  stdinIsTerminal: () => Boolean(process.stdin.isTTY),
  gunzip: (bytes) => gunzipSync(bytes),
  decode(bytes, label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      return undefined;
    }
  },
  stdout(text) {
    if (closed) return false;
    process.stdout.write(text);
    return true;
  },
  stderr: (text) => process.stderr.write(text),
};

process.exitCode = raw.run(process.argv.slice(2), host);
