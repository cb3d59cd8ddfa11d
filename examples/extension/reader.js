// The reader view: cleans the page that the toolbar button handed over (see
// background.js), shows the article, and on request what was removed and why.
import init, { clean, render } from './vendor/js/web.mjs';

/** Reason codes for text that was not dropped but shown in the header. */
const SHOWN_ABOVE = new Set(['title', 'byline', 'date', 'section-label']);

const $ = (selector) => document.querySelector(selector);

main().catch((e) => {
  $('#status').textContent = `The reader view failed: ${e.message}`;
});

async function main() {
  const tab = await chrome.tabs.getCurrent();
  const [page] = await Promise.all([
    pageOf(tab.id),
    init(chrome.runtime.getURL('vendor/pkg/article_cleaner_bg.wasm')),
  ]);
  if (page.error) {
    $('#status').textContent = page.error;
    return;
  }
  show(clean(page.html, { input: 'html', baseUrl: page.url }), new URL(page.url));
}

/** The page background.js stores for this tab, which may arrive after this
 * script asks: so listen first, then look. */
function pageOf(tabId) {
  const key = `page:${tabId}`;
  return new Promise((resolve, reject) => {
    const arrived = (changes, area) => {
      if (area === 'session' && changes[key]?.newValue) done(changes[key].newValue);
    };
    const done = (page) => {
      chrome.storage.onChanged.removeListener(arrived);
      resolve(page);
    };
    chrome.storage.onChanged.addListener(arrived);
    chrome.storage.session.get(key).then((stored) => stored[key] && done(stored[key]), reject);
  });
}

function show(article, url) {
  document.title = article.title ?? url.hostname;
  if (article.lang) document.documentElement.lang = article.lang;
  const original = $('#original');
  original.href = url.href;
  original.textContent = `${article.siteName ?? url.hostname}: original page`;

  const found = article.blocks.length > 0 || article.lead !== null;
  $('#status').textContent = found ? '' : 'No article was found on this page.';
  // render(…, 'html') writes every element from an allow-list and escapes
  // all text: safe to insert. The pictures are kept: they come from the
  // page the reader has open anyway (sent without a referrer).
  $('#article').innerHTML = found ? render(article, 'html', { images: 'keep' }) : '';

  $('#removed-list').replaceChildren(...article.removed.map(removedItem));
  $('#removed-count').textContent = String(article.removed.length);
  $('.toggle').hidden = false;
  $('#show-removed').addEventListener('change', (e) => {
    $('#removed').hidden = !e.target.checked;
  });
}

function removedItem(block) {
  const item = document.createElement('li');
  item.dataset.reason = block.reason;
  item.title = `line ${block.source.line} of the page`;
  const reason = document.createElement('span');
  reason.className = 'reason';
  reason.textContent = SHOWN_ABOVE.has(block.reason) ? `${block.reason} (shown above)` : block.reason;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = block.text || (block.image ? `[image] ${block.image.alt}` : '');
  item.append(reason, text);
  return item;
}
