// Cleans and renders: on this page's thread for ordinary inputs, in a Web
// Worker above BIG characters so the page never freezes.
import init, { clean, render } from '../vendor/article-cleaner/js/web.mjs';
import { createCleaner } from '../vendor/article-cleaner/js/worker.mjs';

/** Above this many characters (about 2 MB) the worker cleans. */
export const BIG = 2 * 1024 * 1024;

const ready = init();
let worker = null;

const inWorker = () => (worker ??= createCleaner());

// A worker that crashed (out of memory, say) is replaced on the next call.
async function viaWorker(op, ...args) {
  try {
    return await inWorker()[op](...args);
  } catch (e) {
    if (e?.code === 'worker-failed') worker = null;
    throw e;
  }
}

/** Cleans `input`; resolves to the article, rejects with an Error with a
 * `code`. `big` says whether the worker did it. */
export async function cleanInput(input, options) {
  if (input.length > BIG) {
    return { article: await viaWorker('clean', input, options), big: true };
  }
  await ready;
  return { article: clean(input, options), big: false };
}

/** Renders an article, in the worker when it came from a big input.
 * `images` as the library takes it: `placeholder` (its default) names no
 * address, `keep` writes the pictures, which then load from their sites. */
export async function renderArticle(article, format, { big = false, images = 'placeholder' } = {}) {
  const options = { images };
  if (big) return viaWorker('render', article, format, options);
  await ready;
  return render(article, format, options);
}
