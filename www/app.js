// The page: takes a paste, a drop, a file or typed text; cleans it; shows
// the original and the cleaned article side by side; lets the user put
// removed blocks back; copies the result; remembers the last paste.
import { BIG, cleanInput, renderArticle } from './lib/engine.js';
import { applyEdits, inputBlocks, wordCounts } from './lib/edits.js';
import { fromTransfer, isReadable, readFile } from './lib/intake.js';
import { describe, families } from './lib/reasons.js';
import { forget, load, saveEdits, saveInput } from './lib/store.js';
import { copyText } from './lib/clipboard.js';
import { renderOriginal, update } from './lib/view-original.js';
import { renderCleaned } from './lib/view-cleaned.js';

const $ = (id) => document.getElementById(id);
const ui = {
  body: document.body,
  pasteZone: $('paste-zone'),
  dropzone: $('dropzone'),
  typed: $('typed'),
  modePaste: $('mode-paste'),
  modeType: $('mode-type'),
  file: $('file'),
  example: $('example'),
  exampleHtml: $('example-html'),
  clear: $('clear'),
  usePlain: $('use-plain'),
  sourceNote: $('source-note'),
  busy: $('busy'),
  busyText: $('busy-text'),
  busyTime: $('busy-time'),
  results: $('results'),
  original: $('original'),
  originalHint: $('original-hint'),
  legend: $('legend'),
  raw: $('raw'),
  cleaned: $('cleaned'),
  stats: $('stats'),
  copied: $('copied'),
  error: $('error'),
  copyButtons: [...document.querySelectorAll('[data-copy]')],
};

const noEdits = () => ({ restored: new Set(), dropped: new Set() });

const state = {
  /** { html, text, origin, name } as given; either flavour may be null. */
  source: null,
  usePlain: false,
  /** The article as cleaned, before the user's edits. */
  article: null,
  edits: noEdits(),
  /** Whether the worker cleaned it (renders go there too). */
  big: false,
  ms: 0,
  generation: 0,
  refreshes: 0,
  /** Index → input block, for the original column's toggles. */
  blocks: new Map(),
};

// ---- input ----------------------------------------------------------------

/** Which flavour to clean, and how. */
function chosen() {
  const { html, text } = state.source;
  if (html !== null && !(state.usePlain && text !== null)) {
    return { input: html, options: { input: 'html' }, flavour: 'HTML' };
  }
  return { input: text ?? '', options: {}, flavour: 'plain text' };
}

/** A new input replaces the last: cleaned at once, saved for a reload. */
function accept(source, origin) {
  state.source = { html: source.html ?? null, text: source.text ?? null, origin, name: source.name ?? null };
  state.usePlain = false;
  state.edits = noEdits();
  const saved = saveInput(state.source);
  if (origin !== 'typed') ui.typed.value = state.source.text ?? state.source.html ?? '';
  run(saved ? '' : 'This input is too large to keep for the next visit; it is cleaned all the same.');
}

function describeSource(flavour, size, failed = false) {
  const { origin, name, html, text } = state.source;
  const what = {
    paste: `the pasted ${flavour}`,
    drop: `the dropped ${flavour}`,
    file: name ?? 'the file',
    typed: 'the typed text',
    example: `the example (${name})`,
  }[origin] ?? `the saved ${flavour}`;
  const both = html === null || text === null ? ''
    : state.usePlain ? ' The paste has HTML too: turn the switch off to clean it.'
    : ' The paste has plain text too: see the switch.';
  return `${failed ? 'Could not clean' : 'Cleaned'} ${what}, ${formatSize(size)}.${both}`;
}

function formatSize(chars) {
  if (chars < 1024) return `${chars} characters`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(chars < 10240 ? 1 : 0)} KB`;
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

// ---- cleaning -------------------------------------------------------------

async function run(note = '') {
  if (!state.source) return;
  const generation = ++state.generation;
  const { input, options, flavour } = chosen();
  ui.usePlain.disabled = !(state.source.html !== null && state.source.text !== null);
  ui.usePlain.checked = state.usePlain && !ui.usePlain.disabled;
  ui.clear.disabled = false;
  ui.sourceNote.textContent = '';
  stopBusy();
  if (input.length > BIG) startBusy(input.length);

  const started = performance.now();
  let result;
  try {
    result = await cleanInput(input, options);
  } catch (error) {
    if (generation !== state.generation) return;
    stopBusy();
    state.article = null;
    fail(input, error);
    ui.sourceNote.textContent = [describeSource(flavour, input.length, true), note].filter(Boolean).join(' ');
    return;
  }
  if (generation !== state.generation) return;
  stopBusy();
  state.article = result.article;
  state.big = result.big;
  state.ms = performance.now() - started;
  ui.sourceNote.textContent = [describeSource(flavour, input.length), note].filter(Boolean).join(' ');
  await show();
}

let busyTimer = 0;

/** Shows the progress bar and the time so far, until stopBusy(). */
function startBusy(size) {
  const started = performance.now();
  ui.busyText.textContent = `Cleaning ${formatSize(size)} in the background; the page stays usable.`;
  const tick = () => {
    ui.busyTime.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  };
  tick();
  ui.busy.hidden = false;
  ui.body.classList.add('is-busy');
  busyTimer = setInterval(tick, 100);
}

function stopBusy() {
  clearInterval(busyTimer);
  ui.busy.hidden = true;
  ui.body.classList.remove('is-busy');
}

async function show() {
  const generation = state.generation;
  const blocks = inputBlocks(state.article);
  state.blocks = new Map(blocks.map((b) => [b.source.index, b]));
  ui.error.hidden = true;
  ui.results.classList.remove('failed');
  ui.raw.hidden = true;
  ui.original.hidden = false;
  ui.legend.hidden = false;
  ui.originalHint.textContent = 'Every block you gave, in order. Click a crossed-out block to put it back into the article; click a kept one to take it out.';
  ui.cleaned.replaceChildren();
  ui.stats.textContent = '';
  delete ui.stats.dataset.inputKind;
  renderLegend(blocks);
  ui.results.classList.toggle('long', blocks.length > 400);
  for (const b of ui.copyButtons) b.disabled = false;
  ui.results.hidden = false;
  ui.body.classList.add('has-result');
  await renderOriginal(ui.original, blocks, state.edits, () => generation === state.generation);
  if (generation !== state.generation) return;
  await refresh();
}

/** Re-renders the cleaned column from the article and the user's edits. */
async function refresh() {
  const generation = state.generation;
  const token = ++state.refreshes;
  const isCurrent = () => generation === state.generation && token === state.refreshes;
  const edited = applyEdits(state.article, state.edits);
  const html = await renderArticle(edited, 'html', state.big);
  if (!isCurrent()) return;
  await renderCleaned(ui.cleaned, html, edited, state.edits.restored, isCurrent);
  if (!isCurrent()) return;
  const { kept, removed } = wordCounts(state.article, state.edits);
  const how = state.article.inputKind === 'html' ? 'HTML' : 'text';
  ui.stats.textContent =
    `${kept.toLocaleString()} words kept · ${removed.toLocaleString()} removed · ` +
    `cleaned as ${how} in ${Math.max(1, Math.round(state.ms)).toLocaleString()} ms` +
    (state.big ? ' (in the background)' : '');
  ui.stats.dataset.inputKind = state.article.inputKind;
}

const RAW_LIMIT = 200_000;

/** The error beside the input, untouched. */
function fail(input, error) {
  ui.original.replaceChildren();
  ui.original.hidden = true;
  ui.legend.hidden = true;
  ui.raw.hidden = false;
  ui.raw.textContent = input.length > RAW_LIMIT
    ? `${input.slice(0, RAW_LIMIT)}\n… and ${(input.length - RAW_LIMIT).toLocaleString()} more characters`
    : input;
  ui.originalHint.textContent = 'What you gave, unchanged.';
  ui.cleaned.replaceChildren();
  ui.stats.textContent = '';
  for (const b of ui.copyButtons) b.disabled = true;
  const title = document.createElement('p');
  title.className = 'error-title';
  title.textContent = 'This could not be cleaned';
  const message = document.createElement('p');
  const text = error?.message ?? String(error);
  message.textContent = text.charAt(0).toUpperCase() + text.slice(1) + (/[.?!)]$/.test(text) ? '' : '.');
  const code = document.createElement('p');
  code.className = 'error-code';
  code.textContent = `Error code: ${error?.code ?? 'unknown'}`;
  ui.error.replaceChildren(title, message, code);
  ui.error.dataset.code = error?.code ?? 'unknown';
  ui.error.hidden = false;
  ui.results.classList.add('failed');
  ui.results.hidden = false;
  ui.body.classList.add('has-result');
}

function renderLegend(blocks) {
  const present = new Set(blocks.filter((b) => b.state === 'removed').map((b) => describe(b.reason).family));
  present.add('user');
  const items = Object.entries(families)
    .filter(([family]) => present.has(family))
    .map(([family, label]) => {
      const li = document.createElement('li');
      li.dataset.family = family;
      li.textContent = label;
      return li;
    });
  ui.legend.replaceChildren(...items);
}

// ---- the user's edits -----------------------------------------------------

ui.original.addEventListener('click', (event) => {
  const button = event.target.closest('button.toggle');
  if (!button || !state.article) return;
  const li = button.closest('li');
  const block = state.blocks.get(Number(li.dataset.index));
  if (!block) return;
  const set = block.state === 'removed' ? state.edits.restored : state.edits.dropped;
  const index = block.source.index;
  if (set.has(index)) set.delete(index);
  else set.add(index);
  update(li, block, state.edits);
  saveEdits({ usePlain: state.usePlain, ...state.edits });
  refresh();
});

ui.usePlain.addEventListener('change', () => {
  if (!state.source) return;
  state.usePlain = ui.usePlain.checked;
  state.edits = noEdits(); // the other flavour has other blocks
  saveEdits({ usePlain: state.usePlain, ...state.edits });
  run();
});

// ---- copying ---------------------------------------------------------------

const formatNames = { text: 'text', markdown: 'Markdown', html: 'HTML' };
let copiedTimer = 0;

for (const button of ui.copyButtons) {
  button.addEventListener('click', async () => {
    if (!state.article) return;
    const format = button.dataset.copy;
    try {
      const out = await renderArticle(applyEdits(state.article, state.edits), format, state.big);
      await copyText(out);
      ui.copied.textContent = `Copied the article as ${formatNames[format]}.`;
    } catch (e) {
      ui.copied.textContent = `Could not copy: ${e?.message ?? e}`;
    }
    clearTimeout(copiedTimer);
    copiedTimer = setTimeout(() => { ui.copied.textContent = ''; }, 4000);
  });
}

// ---- paste, drop, files, typing ---------------------------------------------

document.addEventListener('paste', async (event) => {
  // The textarea takes its paste as typed text (see below).
  if (event.target instanceof Element && event.target.closest('textarea')) return;
  event.preventDefault();
  const dt = event.clipboardData;
  const source = fromTransfer(dt);
  if (source) {
    accept(source, 'paste');
    return;
  }
  const file = [...(dt?.files ?? [])].find(isReadable);
  if (file) accept(await readFile(file), 'file');
});

// The paste area is editable only so that browsers (and phones) offer to
// paste into it; nothing typed or dropped there changes it.
ui.pasteZone.addEventListener('beforeinput', (event) => event.preventDefault());
ui.pasteZone.addEventListener('input', () => ui.pasteZone.replaceChildren());

let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (![...(event.dataTransfer?.types ?? [])].some((t) => t === 'Files' || t.startsWith('text/'))) return;
  dragDepth++;
  ui.dropzone.classList.add('is-dragging');
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) ui.dropzone.classList.remove('is-dragging');
});
document.addEventListener('dragover', (event) => {
  if (event.target instanceof Element && event.target.closest('textarea')) return;
  event.preventDefault();
});
document.addEventListener('drop', async (event) => {
  if (event.target instanceof Element && event.target.closest('textarea')) return;
  event.preventDefault();
  dragDepth = 0;
  ui.dropzone.classList.remove('is-dragging');
  const dt = event.dataTransfer;
  const file = [...(dt?.files ?? [])].find(isReadable);
  if (file) {
    accept(await readFile(file), 'file');
    return;
  }
  if (dt?.files?.length) {
    ui.sourceNote.textContent = 'Only .html, .htm and .txt files can be cleaned.';
    return;
  }
  const source = fromTransfer(dt);
  if (source) accept(source, 'drop');
});

ui.file.addEventListener('change', async () => {
  const file = ui.file.files?.[0];
  ui.file.value = '';
  if (file) accept(await readFile(file), 'file');
});

let typingTimer = 0;
ui.typed.addEventListener('input', (event) => {
  clearTimeout(typingTimer);
  const now = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
  typingTimer = setTimeout(() => {
    if (ui.typed.value.trim() === '' && !state.source) return;
    accept({ html: null, text: ui.typed.value }, 'typed');
  }, now ? 0 : 400);
});

function setMode(mode) {
  const typing = mode === 'type';
  ui.modePaste.setAttribute('aria-pressed', String(!typing));
  ui.modeType.setAttribute('aria-pressed', String(typing));
  ui.typed.hidden = !typing;
  ui.pasteZone.hidden = typing;
  ui.dropzone.classList.toggle('is-typing', typing);
  (typing ? ui.typed : ui.pasteZone).focus();
}
ui.modePaste.addEventListener('click', () => setMode('paste'));
ui.modeType.addEventListener('click', () => setMode('type'));

// ---- examples, clear, restore ---------------------------------------------

async function loadExample(path, name, kind) {
  try {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const content = await response.text();
    accept(kind === 'html' ? { html: content, text: null, name } : { html: null, text: content, name }, 'example');
  } catch (e) {
    ui.sourceNote.textContent = `The example could not be loaded: ${e.message}`;
  }
}
ui.example.addEventListener('click', () => loadExample('examples/heute-kasachstan.txt', 'a news article copied as text', 'text'));
ui.exampleHtml.addEventListener('click', () => loadExample('examples/seed-library.html', 'a saved web page', 'html'));

ui.clear.addEventListener('click', () => {
  forget();
  state.generation++;
  state.source = null;
  state.article = null;
  state.edits = noEdits();
  state.usePlain = false;
  ui.typed.value = '';
  ui.original.replaceChildren();
  ui.cleaned.replaceChildren();
  ui.raw.textContent = '';
  ui.stats.textContent = '';
  ui.sourceNote.textContent = 'Cleared: nothing is kept in this browser.';
  ui.results.hidden = true;
  stopBusy();
  ui.usePlain.checked = false;
  ui.usePlain.disabled = true;
  ui.clear.disabled = true;
  ui.body.classList.remove('has-result');
  (ui.typed.hidden ? ui.pasteZone : ui.typed).focus();
});

const saved = load();
if (saved) {
  state.source = saved.source;
  state.usePlain = saved.edits.usePlain;
  state.edits = { restored: saved.edits.restored, dropped: saved.edits.dropped };
  ui.typed.value = state.source.text ?? state.source.html ?? '';
  run('Restored from your last visit; Clear forgets it.');
}

document.documentElement.dataset.ready = 'true';

if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  addEventListener('load', () => navigator.serviceWorker.register('sw.js').catch(() => {}));
}
