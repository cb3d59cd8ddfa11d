// The built npm package as a Node user imports it (run `npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clean, render, isProbablyArticle } from 'article-cleaner';

const require = createRequire(import.meta.url);
const fixture = (f) => readFileSync(new URL(`../../../tests/fixtures/heute-kasachstan/${f}`, import.meta.url), 'utf8');

test('ESM import cleans the seed paste to expected.txt', () => {
  assert.equal(render(clean(fixture('input.txt')), 'text'), fixture('expected.txt'));
});

test('CommonJS require gives the same functions', () => {
  const cjs = require('article-cleaner');
  assert.equal(typeof cjs.clean, 'function');
  assert.equal(cjs.render(cjs.clean(fixture('input.txt'))), fixture('expected.txt'));
});

test('the article is a plain, JSON-serialisable object', () => {
  const a = clean(fixture('input.txt'));
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  assert.equal(a.byline, 'Roman Palman');
  assert.equal(a.section, 'Ukraine');
});

test('every removed block has a reason and a source index', () => {
  const a = clean(fixture('input.txt'));
  assert.ok(a.removed.length > 0);
  for (const r of a.removed) {
    assert.equal(typeof r.reason, 'string');
    assert.equal(typeof r.source.index, 'number');
  }
});

test('kept and removed blocks together give back every input block in order', () => {
  const a = clean(fixture('input.txt'));
  const indices = [...a.blocks, ...a.removed].map((b) => b.source.index).sort((x, y) => x - y);
  const lead = a.lead ? 1 : 0;
  assert.equal(indices.length + lead, new Set(indices).size + lead);
  assert.ok(indices.every((i, n) => n === 0 || i > indices[n - 1]));
});

test('a removed block moved back into the article renders in place', () => {
  const a = clean(fixture('input.txt'));
  const promo = a.removed.find((r) => r.text.startsWith('Alle aktuellen Entwicklungen'));
  const { reason, ...block } = promo;
  a.blocks = [...a.blocks, block].sort((x, y) => x.source.index - y.source.index);
  const text = render(a, 'text');
  const at = text.indexOf('Alle aktuellen Entwicklungen');
  assert.ok(at > text.indexOf('Zehntausende') && at < text.indexOf('Mehr als 8.000'));
});

test('errors are Error objects with a stable code', () => {
  const cases = [
    [() => clean(42), 'invalid-input'],
    [() => clean('x', { inputKind: 'html' }), 'invalid-option'],
    [() => clean('0123456789', { maxInputBytes: 5 }), 'input-too-large'],
    [() => clean('\u0000\u0001\u0002\u0003\u0004binary'), 'not-text'],
    [() => render({}, 'text'), 'invalid-article'],
    [() => render(clean('x'), 'docx'), 'invalid-option'],
  ];
  for (const [fn, code] of cases) {
    assert.throws(fn, (e) => e instanceof Error && e.code === code && e.message.length > 10, code);
  }
});

test('empty and blank input give an empty article, not an error', () => {
  for (const input of ['', '   \n\t  ']) {
    const a = clean(input);
    assert.deepEqual(a.blocks, []);
    assert.equal(render(a, 'text'), '');
  }
});

test('HTML output is built from the allow-list', () => {
  const html = '<html><body><article><h1>T</h1>' +
    '<p onclick="evil()">Text with <a href="javascript:alert(1)">a link</a> and <b>bold</b> words that run long enough to be a paragraph of an article about something.</p>' +
    '<p>Another paragraph of the same article, long enough to count as prose in the eyes of the cleaner, with words.</p>' +
    '<script>alert(1)</script></article></body></html>';
  const out = render(clean(html), 'html');
  assert.ok(!/onclick|javascript:|<script/i.test(out), out);
  assert.match(out, /<b>bold<\/b>/);
});

test('isProbablyArticle scores an article above a menu', () => {
  const menu = '<ul>' + Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">Item ${i}</a></li>`).join('') + '</ul>';
  assert.ok(isProbablyArticle(fixture('input.txt')) > isProbablyArticle(menu));
});

test('lone surrogates from a JS string do not break cleaning', () => {
  const paragraph = 'A sentence long enough to read as the text of an article, with a broken character \uD800 in it. ';
  const a = clean(`<article><p>${paragraph.repeat(3)}</p><p>${paragraph.repeat(2)}\uDFFF</p></article>`);
  assert.ok(render(a, 'text').includes('A sentence long enough'));
});
