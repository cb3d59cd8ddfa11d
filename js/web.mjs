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
    warm(api);
    return api;
  });
  return loading;
}

// V8 compiles each wasm function on its first call, on the calling thread,
// and optimises it only once it has run a while: in a fresh page the first
// clean() of a 100 KB page took three times as long as the second. So
// init() cleans and renders a small made-up page and a paste before it
// resolves: that work moves into init() (60 to 85 ms in Chromium on the
// bench's busy 2-core machine, against 15 to 30 without), and the reader's
// first clean() runs about as fast as the later ones. A page that cleans
// at once waits about as long for its first article either way; one whose
// reader pastes later gets the article sooner.
function warm(api) {
  const s = 'the council said on Monday that the new bridge over the river would open in the spring, after two years of work';
  const n = [1, 2, 3, 4, 5, 6];
  const li = (path) => n.map((i) => `<li><a href="/${path}/${i}">${path} ${i}</a></li>`).join('');
  const body = (k) => n.map((i) => `<p>${s}, ${k + i} said <a href="/s/${i}">our</a> <em>desk</em> &amp; <b>others</b>&nbsp;here.</p>`).join('');
  const html = `<!DOCTYPE html><html lang="en"><head><title>A bridge | News</title><meta property="og:title" content="A bridge">
<meta name="author" content="Jo Doe"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-06"}</script>
<style>p{}</style></head><body><nav class="menu"><ul>${li('section')}</ul></nav><div id="cookie-banner">We use cookies. <button>OK</button></div>
<article><h1>A bridge</h1><p class="byline">By <a rel="author" href="/jo">Jo Doe</a> <time datetime="2024-05-06">6 May 2024</time></p>${body(0)}
<h2>Next</h2><figure><img src="/b.jpg" alt="The bridge" srcset="/b4.jpg 400w, /b8.jpg 800w"><figcaption>The bridge. Photo: Jo Doe</figcaption></figure>
<blockquote><p>${s}.</p></blockquote><ul><li>${s}</li><li>${s}</li></ul><table><tr><th>Year</th><td>2023</td></tr></table>${body(6)}
<pre><code>x</code></pre></article><aside class="related"><h3>Related</h3><ul>${li('story')}</ul></aside><section class="comments"><h3>3 comments</h3>
<p>Great!</p></section><form class="newsletter"><input><button>Subscribe</button></form><footer><p>© 2024 News. All rights reserved.</p>
<ul>${li('about')}</ul></footer><script>1<2</script></body></html>`;
  const text = `News\nHome\nA bridge\nBy Jo Doe\n6 May 2024\n${n.map((i) => `${i}. ${s}.`).join('\n')}\nShare this article\n© 2024 News`;
  try {
    const article = api.clean(html, { baseUrl: 'https://example.com/a' });
    for (const format of ['html', 'markdown', 'text']) api.render(article, format);
    api.clean(text, { input: 'text' });
  } catch {
    // The reader's own clean() reports whatever went wrong.
  }
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
