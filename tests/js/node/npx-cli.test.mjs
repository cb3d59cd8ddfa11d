// `npx article-cleaner` as a user runs it: a child process, reading a file
// or standard input, with the Rust CLI's options and exit statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/article-cleaner.mjs', import.meta.url));
const seedDir = fileURLToPath(new URL('../../../tests/fixtures/heute-kasachstan/', import.meta.url));
const seed = join(seedDir, 'input.txt');
const expected = readFileSync(join(seedDir, 'expected.txt'), 'utf8');

function cli(args, input) {
  return spawnSync(process.execPath, [bin, ...args], { input: input ?? '', encoding: 'utf8' });
}

test('prints the seed paste as expected.txt, with status 0', () => {
  const r = cli([seed]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expected);
});

test('reads standard input when no file is given', () => {
  const r = cli([], readFileSync(seed));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expected);
});

test('- names standard input', () => {
  const r = cli(['--format', 'text', '-'], readFileSync(seed));
  assert.equal(r.stdout, expected);
});

test('--format json prints the article object clean() returns', () => {
  const r = cli(['--format=json', seed]);
  assert.equal(r.status, 0, r.stderr);
  const article = JSON.parse(r.stdout);
  assert.equal(article.title, expected.split('\n')[0]);
  assert.equal(article.inputKind, 'text');
});

test('--format html prints a whole document titled with the article title', () => {
  const r = cli(['--format', 'html', seed]);
  assert.match(r.stdout, /^<!DOCTYPE html>/);
  assert.ok(r.stdout.includes(`<title>${expected.split('\n')[0]}</title>`), r.stdout.slice(0, 300));
  assert.match(r.stdout, /<article[^>]*>[\s\S]*<\/article>\n<\/body><\/html>\n$/);
});

test('--format markdown starts with the title as a heading', () => {
  const r = cli(['--format', 'markdown', seed]);
  assert.ok(r.stdout.startsWith(`# ${expected.split('\n')[0]}\n`), r.stdout.slice(0, 200));
});

test('--explain lists removed blocks with their line and reason on standard error', () => {
  const r = cli(['--explain', seed]);
  assert.equal(r.stdout, expected);
  const lines = r.stderr.trimEnd().split('\n');
  assert.ok(lines.some((l) => /^\s*\d+  gallery\s/.test(l) && l.includes('1/4')), r.stderr);
  assert.ok(lines.some((l) => /^\s*\d+  photo-credit\s/.test(l) && l.includes('REUTERS')), r.stderr);
});

test('--base-url makes the links of HTML input absolute', () => {
  const page = '<html><body><article><h1>A headline for the test</h1>' +
    '<p>The first paragraph of a story, long enough to be prose, with <a href="/more">a link</a> in it and more words after.</p>' +
    '<p>The second paragraph of the same story, also long enough to count as prose in the article body here.</p>' +
    '</article></body></html>';
  const r = cli(['--input', 'html', '--format', 'html', '--base-url', 'https://news.example/story/1'], page);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /href="https:\/\/news\.example\/more"/);
});

test('an unknown option is a one-line error with status 2', () => {
  const r = cli(['--colour', seed]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'article-cleaner: unknown option --colour (see --help)\n');
});

test('an unknown format is a one-line error with status 2', () => {
  const r = cli(['--format', 'pdf', seed]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1);
  assert.match(r.stderr, /unknown format "pdf"/);
});

test('an option without its value is an error with status 2', () => {
  const r = cli([seed, '--base-url']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--base-url needs a URL/);
});

test('two files are an error with status 2', () => {
  assert.equal(cli([seed, seed]).status, 2);
});

const paragraph = 'The council met on Tuesday evening and voted to keep the harbour baths open through the ' +
  'winter, after a petition signed by more than two thousand residents asked it to reconsider the closure it had planned.';

test('a page declaring windows-1252 is read as the browser reads it', () => {
  const page = Buffer.concat([
    Buffer.from('<html><head><meta charset="windows-1252"><title>Baths</title></head><body><h1>Baths</h1><p>'),
    Buffer.from([0x93]), Buffer.from('Open all winter,'), Buffer.from([0x94]),
    Buffer.from(` said the mayor. ${paragraph}</p></body></html>`),
  ]);
  const r = spawnSync(process.execPath, [bin], { input: page, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes('“Open all winter,” said the mayor.'), r.stdout);
});

test('a gzipped file is unpacked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'article-cleaner-cli-'));
  try {
    const file = join(dir, 'seed.txt.gz');
    writeFileSync(file, gzipSync(readFileSync(seed)));
    const r = cli([file]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a picture is named as one, with status 2', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const r = spawnSync(process.execPath, [bin], { input: png, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'article-cleaner: standard input is a PNG image, not a web page or text: nothing to clean\n');
});

test('a missing file is an error with status 2', () => {
  const r = cli(['no/such/file.html']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^article-cleaner: cannot read no\/such\/file\.html: /);
});

test('input over --max-size is an error with status 2', () => {
  const r = cli(['--max-size', '0.001', seed]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1);
});

test('input without an article prints nothing and exits with status 1', () => {
  const r = cli([], '  \n\t\n');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'article-cleaner: no article found in the input\n');
});

test('--help prints the usage with status 0', () => {
  const r = cli(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^article-cleaner: .*\n\nUsage: article-cleaner \[OPTIONS\] \[FILE\|-\]/);
});

test('--version prints the package version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  assert.equal(cli(['--version']).stdout, `article-cleaner ${version}\n`);
});
