// For a plain <script type="module">: call the default export once, then use
// clean() and render().
//
//   import init, { clean, render } from 'article-cleaner/web';
//   await init();
//   const article = clean(document.documentElement.outerHTML);
import initBindings, * as raw from '../pkg/web.js';
import { failure, wrap } from './wrap.mjs';

let api = null;
let loading = null;

export default function init(wasm) {
  loading ??= initBindings({
    module_or_path: wasm ?? new URL('../pkg/article_cleaner_bg.wasm', import.meta.url),
  }).then(() => {
    api = wrap(raw);
    return api;
  });
  return loading;
}

function ready() {
  if (!api) throw failure('not-initialised', 'call the default export, init(), and await it before clean()');
  return api;
}

export const clean = (input, options) => ready().clean(input, options);
export const render = (article, format, options) => ready().render(article, format, options);
export const reasons = () => ready().reasons();
export const metadataSources = () => ready().metadataSources();
export const isProbablyArticle = (input, options) => ready().isProbablyArticle(input, options);
