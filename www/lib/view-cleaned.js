// The cleaned column: the library's sanitised HTML, with the metadata as a
// line under the title, every image replaced by its description and
// address (the page loads nothing from other sites), and each body block
// tagged with its source index.

import { nextTask } from './view-original.js';

const CHUNK = 200;

/** Puts the rendered article into `container`: a long one a few hundred
 * blocks at a time, until `isCurrent()` turns false. */
export async function renderCleaned(container, html, article, restored, isCurrent = () => true) {
  // A template's content is inert: its images are not fetched while the
  // markup is rewritten.
  const template = document.createElement('template');
  template.innerHTML = html;
  const root = template.content.querySelector('article');
  if (!root) {
    container.replaceChildren(template.content);
    return;
  }
  root.querySelector(':scope > p.byline')?.remove();
  for (const img of root.querySelectorAll('img')) img.replaceWith(placeholder(img));
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

  const meta = metadata(article);
  if (meta) {
    const title = root.querySelector(':scope > h1');
    if (title) title.after(meta);
    else root.prepend(meta);
  }
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

function placeholder(img) {
  const box = document.createElement('span');
  box.className = 'img-placeholder';
  const label = document.createElement('span');
  label.className = 'img-label';
  label.textContent = img.alt ? `Image: ${img.alt}` : 'Image';
  const src = document.createElement('span');
  src.className = 'img-src';
  src.textContent = img.getAttribute('src') ?? '';
  box.title = 'Images from other sites are not loaded here; the copied HTML keeps them.';
  box.append(label, src);
  return box;
}

function metadata(article) {
  const items = [
    ['Section', article.section],
    ['By', article.byline],
    ['Published', article.published],
    ['Site', article.siteName],
    ['Language', article.lang && languageName(article.lang)],
  ].filter(([, value]) => value);
  if (items.length === 0) return null;
  const dl = document.createElement('dl');
  dl.className = 'meta';
  for (const [name, value] of items) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    if (name === 'Published') dd.append(date(value));
    else dd.textContent = value;
    div.append(dt, dd);
    dl.append(div);
  }
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
