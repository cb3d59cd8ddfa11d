// The bench's browser page, served over the repository root and driven by
// bench/speed/browser.mjs. On load it does what an app does first: fetch,
// compile and instantiate the wasm, clean one text (window.benchSeed, set by
// an init script so that no fetch of it is timed). Then it offers the
// engines to time, as window.bench.
import init, { clean } from '/js/web.mjs';

await init();
const initialisedMs = performance.now();
clean(window.benchSeed, { input: 'text' });
// performance.now() counts from navigation start.
const cleanedMs = performance.now();

// Loaded only now: not part of what the cold start measures.
const { measure } = await import('./measure.mjs');

const engines = {
  'article-cleaner': (text, options) => {
    clean(text, options);
  },
  // Readability is the global that Readability.js, added by the driver as a
  // classic script, defines.
  'readability-domparser': (html) => {
    new Readability(new DOMParser().parseFromString(html, 'text/html')).parse();
  },
};

window.bench = {
  coldStart: { initialisedMs, cleanedMs },
  warm: (engine, text, options) => engines[engine](text, options),
  measure: (engine, text, options, reps) => measure(() => engines[engine](text, options), reps),
};
