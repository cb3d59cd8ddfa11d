// The original column: every input block in order, each marked kept,
// removed (with its reason), moved to metadata, or changed by the user.
// Kept and removed blocks are toggle buttons; the rest are plain items.
import { describe } from './reasons.js';

const CHUNK = 200;

/** Fills `list` with one item per block (see edits.js inputBlocks). A long
 * input is added a few hundred items at a time, letting the page respond
 * in between; it stops when `isCurrent()` turns false (a newer input). */
export async function renderOriginal(list, blocks, edits, isCurrent = () => true) {
  list.replaceChildren();
  for (let i = 0; i < blocks.length; i += CHUNK) {
    if (i > 0) {
      await nextTask();
      if (!isCurrent()) return;
    }
    const fragment = document.createDocumentFragment();
    for (const block of blocks.slice(i, i + CHUNK)) fragment.append(item(block, edits));
    list.append(fragment);
  }
}

export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    const { family, label } = describe(block.reason);
    li.dataset.reason = block.reason;
    li.dataset.family = family;
    if (family === 'meta') {
      li.dataset.state = 'meta';
      tag.textContent = label;
      li.title = describe(block.reason).sentence;
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
    const { label, sentence } = describe(block.reason);
    const back = edits.restored.has(index);
    li.dataset.state = back ? 'restored' : 'removed';
    button.setAttribute('aria-pressed', String(back));
    tag.textContent = back ? `put back · ${label}` : label;
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

/** The block's text as the reader saw it: list items and table rows on
 * lines of their own, an image as its description and address (never
 * loaded). */
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
      const lines = [];
      if (block.image) {
        lines.push(`[Image${block.image.alt ? `: ${block.image.alt}` : ''}]`, block.image.src);
      }
      if (block.text) lines.push(block.text);
      span.textContent = lines.join('\n');
      break;
    }
    default:
      span.textContent = block.text;
  }
  return span;
}
