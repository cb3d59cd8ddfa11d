// The bench's browser page, served over the repository root and driven by
// bench/speed/browser.mjs. On load it does what an app does first: fetch,
// compile and instantiate the wasm; then, when the driver gave it a page
// (window.benchFirst, set by an init script so that no fetch of it is
// timed), it times the very first clean() of that page and a second one.
// Then it offers the engines to time, as window.bench.
import init, { clean } from '/js/web.mjs';

await init();
// performance.now() counts from navigation start.
const initialisedMs = performance.now();
const coldStart = { initialisedMs };
if (window.benchFirst) {
  const { text, options } = window.benchFirst;
  let started = performance.now();
  clean(text, options);
  coldStart.firstMs = performance.now() - started;
  started = performance.now();
  clean(text, options);
  coldStart.secondMs = performance.now() - started;
}

// Loaded only now: not part of what the cold start measures.
const { measureInterleaved } = await import('./measure.mjs');

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
  coldStart,
  /** Each engine once on the input; a failure is reported when it is measured. */
  warm: (names, text, options) => {
    for (const name of names) {
      try {
        engines[name](text, options);
      } catch {
        // Recorded when the input is measured.
      }
    }
  },
  /** The engines interleaved on one input (measure.mjs). */
  measure: (names, text, options, reps, flip) =>
    measureInterleaved(names.map((name) => () => engines[name](text, options)), reps, flip),
};
