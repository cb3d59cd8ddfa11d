// The page: takes a paste, a drop, a file or typed text; cleans it; shows
// the cleaned article beside the original, or alone in reader mode; lets
// the user put removed blocks back; copies, saves and prints the result;
// remembers the last paste.
import { BIG, cleanInput, renderArticle } from './lib/engine.js';
import { applyEdits, inputBlocks, wordCounts } from './lib/edits.js';
import { fromTransfer, readFile } from './lib/intake.js';
import { describe, families } from './lib/reasons.js';
import { forget, load, saveEdits, saveInput } from './lib/store.js';
import { copyRich, copyText } from './lib/clipboard.js';
import { download, fileName, htmlDocument } from './lib/export.js';
import { renderOriginal, update, updateGroup } from './lib/view-original.js';
import { renderCleaned } from './lib/view-cleaned.js';
import { holdInPlace, revealChange } from './lib/reveal.js';
import { bindDisplay } from './lib/display.js';
import { bindLayout } from './lib/layout.js';
import { contactNote, loadableImages } from './lib/images.js';

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
  plainSwitch: $('plain-switch'),
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
  imagesBar: $('images-bar'),
  showImages: $('show-images'),
  imagesNote: $('images-note'),
  more: $('more'),
  print: $('print'),
  viewArticle: $('view-article'),
  viewOriginal: $('view-original'),
  viewCount: $('view-count'),
  actions: [...document.querySelectorAll('[data-copy], [data-save], #print, #read')],
};

const noEdits = () => ({ restored: new Set(), dropped: new Set() });

const state = {
  /** { html, text, origin, name } as given; either flavour may be null. */
  source: null,
  usePlain: false,
  /** The article as cleaned, before the user's edits. */
  article: null,
  edits: noEdits(),
  /** The reader's choice to load this paste's pictures from their sites;
   * off for every new paste. */
  showImages: false,
  /** Whether the worker cleaned it (renders go there too). */
  big: false,
  ms: 0,
  generation: 0,
  refreshes: 0,
  /** Index → input block, for the original column's toggles. */
  blocks: new Map(),
  /** A change made while the article was out of sight (narrow screens),
   * shown when it comes back. */
  unseenChange: null,
};

const layout = bindLayout({
  body: ui.body,
  results: ui.results,
  readButton: $('read'),
  viewArticle: ui.viewArticle,
  viewOriginal: ui.viewOriginal,
  onView(view) {
    if (view !== 'article' || state.unseenChange === null) return;
    const index = state.unseenChange;
    state.unseenChange = null;
    ui.viewArticle.classList.remove('has-change');
    requestAnimationFrame(() => revealChange(ui.cleaned, index));
  },
});
bindDisplay($('display'));

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
  state.showImages = false;
  const saved = saveInput(state.source);
  if (origin !== 'typed') ui.typed.value = state.source.text ?? state.source.html ?? '';
  layout.setView('article');
  run(saved ? '' : 'This input is too large to keep for the next visit; it is cleaned all the same.');
}

/** A file that could not be used: said plainly, and nothing of it shown. */
function refuse(error) {
  ui.sourceNote.textContent = state.article
    ? `${error.message} The article below is the one from before.`
    : error.message;
  ui.sourceNote.dataset.refused = error.code ?? 'unreadable';
}

async function acceptFile(file, origin = 'file') {
  let source;
  try {
    source = await readFile(file);
  } catch (error) {
    refuse(error);
    return;
  }
  accept(source, origin);
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
  // The switch is there only when there is something to choose.
  ui.plainSwitch.hidden = !(state.source.html !== null && state.source.text !== null);
  ui.usePlain.checked = state.usePlain && !ui.plainSwitch.hidden;
  ui.clear.disabled = false;
  ui.sourceNote.textContent = '';
  delete ui.sourceNote.dataset.refused;
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
  state.unseenChange = null;
  ui.viewArticle.classList.remove('has-change');
  ui.error.hidden = true;
  ui.results.classList.remove('failed');
  ui.raw.hidden = true;
  ui.original.hidden = false;
  ui.legend.hidden = false;
  ui.originalHint.textContent = 'Every block you gave, in order. Click a crossed-out block to put it back into the article; click a kept one to take it out. A row of several opens to show them.';
  ui.cleaned.replaceChildren();
  ui.stats.textContent = '';
  delete ui.stats.dataset.inputKind;
  delete ui.stats.dataset.extraction;
  renderLegend();
  ui.results.classList.toggle('long', blocks.length > 400);
  for (const b of ui.actions) b.disabled = false;
  ui.results.hidden = false;
  ui.body.classList.add('has-result');
  await renderOriginal(ui.original, blocks, state.edits, () => generation === state.generation);
  if (generation !== state.generation) return;
  await refresh();
  if (generation === state.generation) layout.setAvailable(true);
}

/** The article with the user's edits, and how its pictures render. */
const edited = () => applyEdits(state.article, state.edits);
const imageMode = () => (state.showImages ? 'keep' : 'placeholder');

/** Re-renders the cleaned column from the article and the user's edits;
 * `changed` is the block the user just toggled, shown in the article. */
async function refresh(changed = null) {
  const generation = state.generation;
  const token = ++state.refreshes;
  const isCurrent = () => generation === state.generation && token === state.refreshes;
  const article = edited();
  const html = await renderArticle(article, 'html', { big: state.big, images: imageMode() });
  if (!isCurrent()) return;
  const { kept, removed } = wordCounts(state.article, state.edits);
  await renderCleaned(ui.cleaned, html, article, { restored: state.edits.restored, words: kept }, isCurrent);
  if (!isCurrent()) return;
  const how = state.article.inputKind === 'html' ? 'HTML' : 'text';
  ui.stats.textContent =
    `${kept.toLocaleString()} words kept · ${removed.toLocaleString()} removed · ` +
    `cleaned as ${how} in ${Math.max(1, Math.round(state.ms)).toLocaleString()} ms` +
    (state.big ? ' (in the background)' : '') +
    // The recall safety net: say that the article is a best guess.
    (state.article.extraction === 'densest-text'
      ? ' · the classifier found next to nothing: this is the page\u2019s densest prose'
      : '');
  ui.stats.dataset.inputKind = state.article.inputKind;
  ui.stats.dataset.extraction = state.article.extraction;
  ui.viewCount.textContent = `· ${article.removed.length.toLocaleString()} removed`;
  showImagesBar(article);
  if (changed === null) return;
  if (layout.narrow() && ui.results.dataset.view === 'original') {
    state.unseenChange = changed;
    ui.viewArticle.classList.add('has-change');
  } else {
    revealChange(ui.cleaned, changed);
  }
}

/** The switch that lets this paste's pictures load, with the sites that
 * loading them contacts; only for an article that has such pictures. */
function showImagesBar(article) {
  const images = loadableImages(article);
  ui.imagesBar.hidden = images.count === 0;
  ui.showImages.checked = state.showImages;
  ui.imagesNote.textContent = state.showImages
    ? `Loaded from ${images.hosts.join(', ')}, without telling it which page you read.`
    : contactNote(images);
}

ui.showImages.addEventListener('change', () => {
  if (!state.article) return;
  state.showImages = ui.showImages.checked;
  refresh();
});

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
  ui.imagesBar.hidden = true;
  ui.viewCount.textContent = '';
  for (const b of ui.actions) b.disabled = true;
  layout.setAvailable(false);
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

/** The marks present in the original; "Changed by you" once there is a
 * change. */
function renderLegend() {
  const present = new Set([...state.blocks.values()]
    .filter((b) => b.state === 'removed')
    .map((b) => describe(b.reason).family));
  if (state.edits.restored.size > 0 || state.edits.dropped.size > 0) present.add('user');
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
  const li = button.closest('li.block');
  const block = state.blocks.get(Number(li.dataset.index));
  if (!block) return;
  // The original must not move under the pointer: what changes above the
  // block (the legend's "Changed by you", a run's count) is made up for
  // here, in browsers without scroll anchoring too.
  const hold = holdInPlace(li);
  const set = block.state === 'removed' ? state.edits.restored : state.edits.dropped;
  const index = block.source.index;
  if (set.has(index)) set.delete(index);
  else set.add(index);
  update(li, block, state.edits);
  const run = li.closest('li.group');
  if (run) updateGroup(run, state.edits);
  renderLegend();
  hold();
  saveEdits({ usePlain: state.usePlain, ...state.edits });
  refresh(index).then(hold);
});

ui.usePlain.addEventListener('change', () => {
  if (!state.source) return;
  state.usePlain = ui.usePlain.checked;
  state.edits = noEdits(); // the other flavour has other blocks
  saveEdits({ usePlain: state.usePlain, ...state.edits });
  run();
});

// ---- copying, saving, printing ------------------------------------------------

let copiedTimer = 0;
function say(message) {
  ui.copied.textContent = message;
  clearTimeout(copiedTimer);
  copiedTimer = setTimeout(() => { ui.copied.textContent = ''; }, 4000);
}

const render = (format, images = imageMode()) => renderArticle(edited(), format, { big: state.big, images });

/** What each copy choice writes. "Copy" is what the page shows, pictures
 * as shown; Markdown and the HTML source are code, and name the pictures'
 * addresses whatever the page shows (they load nothing as text). */
const copies = {
  rich: async () => {
    const [html, text] = await Promise.all([render('html'), render('text')]);
    await copyRich({ html, text });
    return 'Copied the article, with its headings, lists and links.';
  },
  markdown: async () => {
    await copyText(await render('markdown', 'keep'));
    return 'Copied the article as Markdown.';
  },
  html: async () => {
    await copyText(await render('html', 'keep'));
    return 'Copied the article’s HTML source.';
  },
};

const saves = {
  markdown: async () => {
    const name = fileName(state.article.title, 'md');
    download(await render('markdown', 'keep'), name, 'text/markdown');
    return `Saved ${name}.`;
  },
  html: async () => {
    const name = fileName(state.article.title, 'html');
    const page = htmlDocument(await render('html'), { title: state.article.title, lang: state.article.lang });
    download(page, name, 'text/html');
    return `Saved ${name}.`;
  },
};

document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy], [data-save]');
  if (!button || !state.article) return;
  ui.more.open = false;
  const action = button.dataset.copy ? copies[button.dataset.copy] : saves[button.dataset.save];
  try {
    say(await action());
  } catch (e) {
    say(`Could not ${button.dataset.copy ? 'copy' : 'save'}: ${e?.message ?? e}`);
  }
});

ui.print.addEventListener('click', () => {
  ui.more.open = false;
  print();
});

// The menu closes when the pointer or the focus leaves it, or on Escape.
document.addEventListener('pointerdown', (event) => {
  if (ui.more.open && !ui.more.contains(event.target)) ui.more.open = false;
});
ui.more.addEventListener('focusout', (event) => {
  if (!ui.more.contains(event.relatedTarget)) ui.more.open = false;
});
ui.more.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && ui.more.open) {
    event.preventDefault();
    ui.more.open = false;
    ui.more.querySelector('summary').focus();
  }
});

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
  const file = dt?.files?.[0];
  if (file) acceptFile(file);
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
document.addEventListener('drop', (event) => {
  if (event.target instanceof Element && event.target.closest('textarea')) return;
  event.preventDefault();
  dragDepth = 0;
  ui.dropzone.classList.remove('is-dragging');
  const dt = event.dataTransfer;
  // A dropped file is read for what it is; a dragged selection has no file.
  const file = dt?.files?.[0];
  if (file) {
    acceptFile(file);
    return;
  }
  const source = fromTransfer(dt);
  if (source) accept(source, 'drop');
});

ui.file.addEventListener('change', () => {
  const file = ui.file.files?.[0];
  ui.file.value = '';
  if (file) acceptFile(file);
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
  state.showImages = false;
  layout.setAvailable(false);
  ui.typed.value = '';
  ui.original.replaceChildren();
  ui.cleaned.replaceChildren();
  ui.raw.textContent = '';
  ui.stats.textContent = '';
  ui.sourceNote.textContent = 'Cleared: nothing is kept in this browser.';
  ui.results.hidden = true;
  stopBusy();
  ui.usePlain.checked = false;
  ui.plainSwitch.hidden = true;
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
