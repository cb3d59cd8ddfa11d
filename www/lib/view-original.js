// The original column: every input block in order, each marked kept,
// removed (with its reason), moved to metadata, or changed by the user.
// Kept and removed blocks are toggle buttons; the rest are plain items.
// A run of blocks removed for one reason is one row that opens to show
// them (groups.js).
import { describe } from './reasons.js';
import { groupRuns } from './groups.js';

const CHUNK = 200;

/** Fills `list` with the blocks (see edits.js inputBlocks). A long input is
 * added a few hundred blocks at a time, letting the page respond in
 * between; it stops when `isCurrent()` turns false (a newer input). */
export async function renderOriginal(list, blocks, edits, isCurrent = () => true) {
  list.replaceChildren();
  let fragment = document.createDocumentFragment();
  let budget = CHUNK;
  for (const entry of groupRuns(blocks)) {
    fragment.append(entry.block ? item(entry.block, edits) : group(entry, edits));
    budget -= entry.block ? 1 : entry.blocks.length;
    if (budget <= 0) {
      list.append(fragment);
      await nextTask();
      if (!isCurrent()) return;
      fragment = document.createDocumentFragment();
      budget = CHUNK;
    }
  }
  list.append(fragment);
}

export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

let groupIds = 0;

/** One row for a run: the reason, how many, the first words of each; a
 * click opens the run's own list of toggles. */
function group({ reason, blocks }, edits) {
  const { family, label } = describe(reason);
  const li = document.createElement('li');
  li.className = 'group';
  li.dataset.reason = reason;
  li.dataset.family = family;
  li.dataset.count = String(blocks.length);
  li.dataset.first = String(blocks[0].source.index);

  const list = document.createElement('ol');
  list.className = 'group-items';
  list.id = `run-${++groupIds}`;
  list.hidden = true;
  list.append(...blocks.map((block) => item(block, edits)));

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'group-toggle';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', list.id);
  const tag = document.createElement('span');
  tag.className = 'tag';
  tag.textContent = label;
  const count = document.createElement('span');
  count.className = 'group-count';
  const preview = document.createElement('span');
  preview.className = 'group-preview';
  preview.textContent = summary(blocks);
  button.append(tag, count, preview);
  button.addEventListener('click', () => setOpen(li, list.hidden));

  li.append(button, list);
  updateGroup(li, edits);
  return li;
}

/** Opens or closes a run's row. */
export function setOpen(groupItem, open) {
  groupItem.querySelector(':scope > .group-items').hidden = !open;
  groupItem.querySelector(':scope > .group-toggle').setAttribute('aria-expanded', String(open));
  groupItem.classList.toggle('open', open);
}

/** The run's count line, with how many of its blocks the user put back. */
export function updateGroup(groupItem, edits) {
  const indices = [...groupItem.querySelectorAll('.group-items > li')].map((li) => Number(li.dataset.index));
  const back = indices.filter((i) => edits.restored.has(i)).length;
  groupItem.querySelector('.group-count').textContent =
    describe(groupItem.dataset.reason).noun(indices.length) + (back ? ` · ${back} put back` : '');
  groupItem.classList.toggle('has-restored', back > 0);
}

/** The first words of each block, for a closed row: enough to recognise a
 * menu without reading it. */
function summary(blocks) {
  const words = blocks.map((b) => label(b).replace(/\s+/g, ' ').trim()).filter(Boolean);
  const shown = [];
  let length = 0;
  for (const w of words) {
    const piece = w.length > 40 ? `${w.slice(0, 39)}…` : w;
    if (length + piece.length > 110 && shown.length > 0) break;
    shown.push(piece);
    length += piece.length + 3;
  }
  return shown.join(' · ') + (shown.length < words.length ? ' · …' : '');
}

function item(block, edits) {
  const li = document.createElement('li');
  li.className = 'block';
  li.dataset.index = String(block.source.index);
  li.dataset.kind = block.kind;
  const body = content(block);
  const tag = document.createElement('span');
  tag.className = 'tag';
  if (block.state === 'lead') {
    li.dataset.state = 'lead';
    tag.textContent = 'lead';
    li.title = 'The lead (standfirst): shown under the title.';
    li.append(tag, body);
    return li;
  }
  if (block.state === 'removed') {
    const { family, label: name, sentence } = describe(block.reason);
    li.dataset.reason = block.reason;
    li.dataset.family = family;
    if (family === 'meta') {
      li.dataset.state = 'meta';
      tag.textContent = name;
      li.title = sentence;
      li.append(tag, body);
      return li;
    }
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toggle';
  button.append(tag, body);
  li.append(button);
  update(li, block, edits);
  return li;
}

/** Sets a toggleable item's marks after the user changed it. */
export function update(li, block, edits) {
  const button = li.querySelector('button.toggle');
  const tag = li.querySelector('.tag');
  const index = block.source.index;
  if (block.state === 'removed') {
    const { label: name, sentence } = describe(block.reason);
    const back = edits.restored.has(index);
    li.dataset.state = back ? 'restored' : 'removed';
    button.setAttribute('aria-pressed', String(back));
    tag.textContent = back ? `put back · ${name}` : name;
    button.title = back
      ? `Put back by you (it was removed as: ${sentence}) Click to remove it again.`
      : `${sentence} Click to put it back into the article.`;
  } else {
    const out = edits.dropped.has(index);
    li.dataset.state = out ? 'dropped' : 'kept';
    button.setAttribute('aria-pressed', String(!out));
    tag.textContent = out ? 'taken out by you' : 'kept';
    button.title = out
      ? 'Taken out by you. Click to put it back into the article.'
      : 'In the article. Click to take it out.';
  }
}

/** The block's text in one line or a few: an image as its description,
 * never its address (which says nothing to a reader). */
function label(block) {
  if (block.kind === 'figure' && block.image) {
    const image = block.image.alt ? `Image: ${block.image.alt}` : 'Image';
    return block.text ? `${image} — ${block.text}` : image;
  }
  return block.text;
}

/** The block's text as the reader saw it: list items and table rows on
 * lines of their own. */
function content(block) {
  const span = document.createElement('span');
  span.className = 'text';
  switch (block.kind) {
    case 'list':
      span.textContent = block.text.split('\n').map((l) => `• ${l}`).join('\n');
      break;
    case 'table':
      span.textContent = block.text.split('\n').map((r) => r.split('\t').join('  │  ')).join('\n');
      break;
    case 'figure': {
      if (block.image) {
        const image = document.createElement('span');
        image.className = 'image-label';
        image.textContent = block.image.alt ? `Image: ${block.image.alt}` : 'Image';
        span.append(image);
      }
      if (block.text) span.append(document.createTextNode(block.text));
      break;
    }
    default:
      span.textContent = block.text;
  }
  return span;
}
