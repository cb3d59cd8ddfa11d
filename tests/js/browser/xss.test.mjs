// The XSS corpus (tests/xss/vectors.json) against the built package: each
// vector is put inside an article the cleaner keeps, and into the blocks of
// an article a caller edited; `clean` + `render(…, 'html')` run in Node, and
// the output goes into Chromium through innerHTML (and, for a sample, as a
// whole document). Nothing may run, open a dialog, navigate or fetch from
// anywhere but the test server. Needs `node scripts/build.mjs` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean, render } from 'article-cleaner';
import { root } from '../../../scripts/lib.mjs';
import { launchChromium, serveOrigin } from '../../../scripts/chromium.mjs';

const corpus = JSON.parse(readFileSync(join(root, 'tests/xss/vectors.json'), 'utf8'));
const vectors = Object.entries(corpus.vectors).flatMap(([family, list]) =>
  list.map((vector, i) => ({ id: `${family}/${i}`, vector })));
const shell = readFileSync(join(root, 'tests/xss/page.html'), 'utf8');

/** Every block the cleaner read, kept or removed: what a caller that puts
 * removed blocks back renders. */
function withRemovedRestored(article) {
  const removed = article.removed.map(({ reason, ...block }) => block);
  const blocks = [...article.blocks, ...removed].sort((a, b) => a.source.index - b.source.index);
  return { ...article, blocks, removed: [] };
}

/** An article as a caller might hand-edit it: `markup` as the `html` of a
 * block of every kind (each parses it in its own context: p, ul, table…),
 * as an image source, and in every metadata field. */
function editedArticle(markup) {
  const kinds = ['heading', 'paragraph', 'list', 'list', 'quote', 'table', 'figure', 'code'];
  return {
    title: markup, byline: markup, published: markup, section: markup, siteName: markup,
    lang: markup, lead: markup,
    blocks: kinds.map((kind, index) => ({
      kind, text: markup, html: markup,
      ...(kind === 'heading' && { level: 3 }),
      ...(index === 3 && { ordered: true }),
      ...(kind === 'figure' && { image: { src: markup, alt: markup } }),
      source: { index, line: index + 1, endLine: index + 1 },
    })),
    removed: [], inputKind: 'html', wordsKept: 0, wordsRemoved: 0,
  };
}

/** The HTML outputs for one vector: in each corpus page, and edited in. */
function outputsFor({ id, vector }) {
  const outputs = [];
  for (const [where, page] of Object.entries(corpus.pages)) {
    let article;
    try {
      article = clean(page.split('{{vector}}').join(vector), { baseUrl: 'https://news.example/2024/river.html' });
    } catch (e) {
      // Control characters make a few vectors "binary": refused, nothing rendered.
      if (e.code === 'not-text') continue;
      throw e;
    }
    outputs.push({ id: `${id} in ${where}`, html: render(withRemovedRestored(article), 'html') });
  }
  outputs.push({ id: `${id} edited in`, html: render(editedArticle(vector), 'html') });
  return outputs;
}

const outputs = vectors.flatMap(outputsFor);

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'srcset']);
const FORBIDDEN_ELEMENTS = /^(script|iframe|object|embed|form|style|svg|math|base|meta|link)$/;
const ESCAPES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`' };

/** A URL's scheme as browsers read it: surrounding controls and spaces and
 * every tab and newline ignored. */
function scheme(url) {
  const m = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').match(/^([a-z][a-z0-9+.-]*):(.*)$/is);
  return m ? { name: m[1].toLowerCase(), rest: m[2].toLowerCase() } : null;
}

function unsafeUrl(name, url) {
  const s = scheme(url);
  if (!s) return false;
  if (['javascript', 'vbscript'].includes(s.name)) return true;
  if (s.name === 'data') return name !== 'src' || !/^image\/(png|jpeg|gif|webp|avif)[;,]/.test(s.rest);
  return false;
}

/** What is wrong with one output, read as text. The renderer escapes `<`,
 * `>`, `&` and quotes in text and attribute values, so every `<…>` is a tag
 * it wrote and every attribute is `name="value"`. */
function staticProblems(html) {
  const problems = [];
  for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
    const m = tag.match(/^<\/?([^\s/>]*)/);
    const name = m[1].toLowerCase();
    if (!tag.endsWith('>')) problems.push(`unterminated tag ${tag}`);
    if (FORBIDDEN_ELEMENTS.test(name)) problems.push(`<${name}> element`);
    if (!/^<\/?[a-z0-9]+( [a-z]+="[^"]*")*>$/.test(tag)) problems.push(`tag not in the renderer's form: ${tag}`);
    const attrs = new Map();
    for (const [, attr, raw] of tag.matchAll(/\s([^\s="'>/]+)(?:="([^"]*)")?/g)) {
      if (/&(?!amp;|lt;|gt;|quot;|#39;|#96;)/.test(raw ?? '')) problems.push(`character reference we did not write: ${tag}`);
      const value = (raw ?? '').replace(/&(amp|lt|gt|quot|#39|#96);/g, (e) => ESCAPES[e]);
      attrs.set(attr.toLowerCase(), value);
      if (/^on/i.test(attr)) problems.push(`event handler ${attr}`);
      if (/^(srcdoc|style|id|name)$/i.test(attr)) problems.push(`${attr} attribute`);
      if (URL_ATTRIBUTES.has(attr.toLowerCase()) && unsafeUrl(attr.toLowerCase(), value)) problems.push(`${attr}="${value}"`);
    }
    if (name === 'a' && attrs.has('href') && attrs.get('rel') !== 'noopener noreferrer') {
      problems.push(`link without rel="noopener noreferrer": ${tag}`);
    }
  }
  return problems;
}

let browser;
let server;
let origin;

before(async () => {
  server = await serveOrigin(join(root, 'tests/xss'));
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page on the test server with everything that would show code running
 * recorded: stubbed dialogs called (window.__xss), real dialogs, page
 * errors, frames navigated, popups, and requests anywhere but the server
 * other than images (all aborted, so nothing leaves the machine). */
async function open(t) {
  // Tall, so that lazily loaded images in the inserted markup do load.
  const context = await browser.newContext({ viewport: { width: 1280, height: 6000 } });
  t.after(() => context.close());
  const seen = { dialogs: [], errors: [], navigations: [], popups: [], foreign: [] };
  const images = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url().startsWith(`${origin}/`)) return route.continue();
    // The article's own pictures (an <img src> the renderer wrote, made
    // absolute with the page's base) are content, not code.
    (request.resourceType() === 'image' ? images : seen.foreign).push(request.url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('popup', (p) => seen.popups.push(p.url()));
  const pageUrl = `${origin}/page.html`;
  await page.goto(pageUrl);
  page.on('framenavigated', (f) => {
    if (f !== page.mainFrame() || f.url() !== pageUrl) seen.navigations.push(f.url());
  });
  return { page, pageUrl, seen, images };
}

/** Whatever ran, by kind: must be empty. */
async function executions(page, pageUrl, seen) {
  const report = {
    stubbedCalls: await page.evaluate(() => window.__xss),
    ...seen,
  };
  if (page.url() !== pageUrl) report.navigations.push(page.url());
  return Object.fromEntries(Object.entries(report).filter(([, list]) => list.length > 0));
}

test('the corpus holds at least 200 vectors', () => {
  assert.ok(vectors.length >= 200, `${vectors.length} vectors`);
  assert.ok(Object.values(corpus.pages).every((p) => p.split('{{vector}}').length === 2));
});

test('the checks notice markup that would run (a control, without the cleaner)', { timeout: 60_000 }, async (t) => {
  const raw = [
    '<img src=x onerror=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<link rel=stylesheet href="http://xss.example/x.css">',
    '<a href="javascript:alert(1)">x</a>',
  ];
  for (const html of raw) assert.notDeepEqual(staticProblems(html), [], html);
  const { page, pageUrl, seen } = await open(t);
  await page.evaluate((raw) => {
    for (const html of raw) {
      const section = document.createElement('section');
      section.dataset.vector = html;
      section.innerHTML = html;
      document.getElementById('out').append(section);
    }
  }, raw);
  await page.waitForFunction(() => window.__xss.length >= 2);
  while (seen.dialogs.length === 0 || seen.foreign.length === 0) await page.waitForTimeout(50);
  const ran = await executions(page, pageUrl, seen);
  assert.deepEqual(new Set(ran.stubbedCalls.map((c) => c.vector)), new Set(raw.slice(0, 2)));
  assert.equal(ran.dialogs?.length, 1, 'the alert in the javascript: frame, which has no stub');
  assert.deepEqual(ran.foreign, ['http://xss.example/x.css']);
});

test('no output carries a script, a handler, a script URL or a link without rel=noopener', (t) => {
  const failures = outputs
    .map(({ id, html }) => ({ id, problems: staticProblems(html) }))
    .filter((o) => o.problems.length > 0);
  t.diagnostic(`${vectors.length} vectors, ${outputs.length} outputs checked`);
  assert.deepEqual(failures, []);
});

test('no output runs anything when inserted with innerHTML', { timeout: 600_000 }, async (t) => {
  const { page, pageUrl, seen, images } = await open(t);
  const domProblems = [];
  // In batches, so that the markup is in view (lazy images load) and the
  // network has time to answer before the next batch replaces it.
  const BATCH = 20;
  for (let i = 0; i < outputs.length; i += BATCH) {
    const batch = outputs.slice(i, i + BATCH);
    domProblems.push(...await page.evaluate((batch) => {
      const out = document.getElementById('out');
      out.replaceChildren();
      const problems = [];
      for (const { id, html } of batch) {
        window.__vector = id;
        const section = document.createElement('section');
        section.dataset.vector = id;
        section.innerHTML = html;
        out.append(section);
        // What the browser made of it, whatever the string looked like.
        for (const el of section.querySelectorAll('*')) {
          if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`${id}: foreign element ${el.localName}`);
          for (const a of el.attributes) {
            if (/^on/i.test(a.name) || a.name === 'srcdoc' || a.name === 'style') problems.push(`${id}: ${a.name} on ${el.localName}`);
          }
          if (el.matches('script, iframe, object, embed, form, style, base, meta, link')) problems.push(`${id}: <${el.localName}>`);
          const url = el.href ?? el.src;
          if (typeof url === 'string' && /^(javascript|vbscript|data:text)/i.test(url)) problems.push(`${id}: ${url}`);
        }
      }
      return problems;
    }, batch));
    // A brief pause for load and error events.
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1000);
  const ran = await executions(page, pageUrl, seen);
  t.diagnostic(`${outputs.length} outputs inserted, ${Object.values(ran).flat().length} executions, ${images.length} outside images requested`);
  assert.deepEqual(domProblems, []);
  assert.deepEqual(ran, {});
});

test('a sample of outputs runs nothing as a whole document either', { timeout: 300_000 }, async (t) => {
  const { page, pageUrl, seen } = await open(t);
  // Every seventh output: all families, every page and the edited article.
  const sample = outputs.filter((_, i) => i % 7 === 0);
  for (const { id, html } of sample) {
    await page.setContent(shell.replace('<main id="out"></main>', () => `<main id="out">${html}</main>`));
    await page.waitForTimeout(20);
    assert.deepEqual(await executions(page, pageUrl, seen), {}, id);
  }
  t.diagnostic(`${sample.length} outputs loaded as documents`);
});
