// The cleaned column: the library's sanitised HTML, with the metadata and
// the reading time as a line under the title, and each body block tagged
// with its source index (for the linked columns, reveal.js). Pictures come
// as the library wrote them: placeholders naming no address, or, once the
// reader chose to show images, the pictures themselves.

import { nextTask } from './view-original.js';

const CHUNK = 200;

/** Below this many words, a language the library detected (rather than
 * read from the page) is a guess not worth a line. */
const MIN_WORDS_FOR_DETECTED_LANGUAGE = 30;

/** Words a minute, for the reading time. */
const READING_SPEED = 230;

/** Puts the rendered article into `container`: a long one a few hundred
 * blocks at a time, until `isCurrent()` turns false. `words` is the number
 * of words kept, after the user's edits. */
export async function renderCleaned(container, html, article, { restored, words }, isCurrent = () => true) {
  // A template's content is inert: nothing in it is fetched while the
  // markup is rewritten.
  const template = document.createElement('template');
  template.innerHTML = html;
  const root = template.content.querySelector('article');
  if (!root) {
    container.replaceChildren(template.content);
    return;
  }
  root.querySelector(':scope > p.byline')?.remove();
  for (const a of root.querySelectorAll('a[href]')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }

  // After the title and lead come the blocks, one element each, in order.
  const body = [...root.children].filter((el) => !(el.tagName === 'H1' || el.matches('p.lead')));
  body.forEach((el, i) => {
    const block = article.blocks[i];
    if (!block) return;
    el.dataset.index = String(block.source.index);
    if (restored.has(block.source.index)) el.classList.add('restored');
  });

  const title = root.querySelector(':scope > h1');
  const meta = metadata(article, words);
  if (title) title.after(meta);
  else root.prepend(meta);
  if (body.length === 0 && !article.lead) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No article text was found in this input. Click a crossed-out block in the original to put it in.';
    root.append(empty);
  }
  if (root.children.length <= CHUNK) {
    container.replaceChildren(template.content);
    return;
  }
  const rest = [...root.children].slice(CHUNK);
  for (const el of rest) el.remove();
  container.replaceChildren(template.content);
  for (let i = 0; i < rest.length; i += CHUNK) {
    await nextTask();
    if (!isCurrent()) return;
    root.append(...rest.slice(i, i + CHUNK));
  }
}

/** "4 min read" for `words` words. */
export function readingTime(words) {
  return `${Math.max(1, Math.round(words / READING_SPEED))} min read`;
}

function metadata(article, words) {
  const language = article.lang
    && !(article.sources?.lang === 'detected' && words < MIN_WORDS_FOR_DETECTED_LANGUAGE)
    && languageName(article.lang);
  const items = [
    ['Section', article.section],
    ['By', article.byline],
    ['Published', article.published],
    ['Site', article.siteName],
    ['Language', language],
  ].filter(([, value]) => value);
  const dl = document.createElement('dl');
  dl.className = 'meta';
  for (const [name, value] of items) {
    const div = document.createElement('div');
    div.dataset.field = name.toLowerCase();
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    if (name === 'Published') dd.append(date(value));
    else dd.textContent = value;
    div.append(dt, dd);
    dl.append(div);
  }
  const time = document.createElement('div');
  time.className = 'reading-time';
  time.dataset.field = 'reading-time';
  const dt = document.createElement('dt');
  dt.className = 'visually-hidden';
  dt.textContent = 'Reading time';
  const dd = document.createElement('dd');
  dd.textContent = readingTime(words);
  dd.title = `${words.toLocaleString()} words at ${READING_SPEED} words a minute`;
  time.append(dt, dd);
  dl.append(time);
  return dl;
}

function date(value) {
  const time = document.createElement('time');
  time.textContent = value;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    time.dateTime = value;
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
      time.textContent = new Intl.DateTimeFormat(undefined, dateOnly
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : { dateStyle: 'long', timeStyle: 'short' }).format(d);
    }
  }
  return time;
}

function languageName(code) {
  try {
    const name = new Intl.DisplayNames(undefined, { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
