// One engine in a Node process of its own, so that no engine runs in a heap
// another one left behind. Prints JSON on stdout. Run by bench/bench.mjs:
//
//   node bench/speed/node-engine.mjs pages ENGINE MANIFEST
//       ENGINE: article-cleaner | readability-jsdom | readability-linkedom.
//       Times every input the manifest (bench/speed/pages.mjs) lists:
//       the first few once to warm up, then measure() each. Prints
//       {"times": [[ms, ...] or null, ...], "failures": [...]}: null for
//       an input that threw, which "failures" names.
//   node bench/speed/node-engine.mjs once html|text FILE
//       Cleans FILE twice, the first call untimed (measure() with one
//       repetition). Prints {"ms", "peakRssBytes", "wasmMemoryBytes"}.
import { readFileSync } from 'node:fs';
import { KINDS, readInput } from '../eval/corpus.mjs';
import { measure } from './measure.mjs';

const [command, ...args] = process.argv.slice(2);
if (command === 'pages') await pages(...args);
else if (command === 'once') await once(...args);
else {
  console.error('usage: node-engine.mjs pages ENGINE MANIFEST | once html|text FILE');
  process.exit(2);
}

async function pages(engine, manifestFile) {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const call = await load(engine);
  const inputs = manifest.items.map((item) => ({
    item,
    text: readInput(manifest.corpus, item.id, KINDS.find((k) => k.name === item.kind)),
  }));
  for (const { item, text } of inputs.slice(0, manifest.warmUp)) {
    try {
      call(text, item)?.();
    } catch {
      // Recorded below, when the input is measured.
    }
  }
  const failures = [];
  const times = inputs.map(({ item, text }) => {
    try {
      return measure(() => call(text, item), manifest.reps);
    } catch (e) {
      failures.push({ id: item.id, kind: item.kind, message: e.message });
      return null;
    }
  });
  console.log(JSON.stringify({ times, failures }));
}

/** The engine's call(text, item), which may return a cleanup function for
 * measure(). */
async function load(engine) {
  switch (engine) {
    case 'article-cleaner': {
      const { clean } = await import('article-cleaner');
      return (text, item) => {
        clean(text, { input: item.input, ...(item.baseUrl && { baseUrl: item.baseUrl }) });
      };
    }
    case 'readability-jsdom': {
      const { JSDOM, VirtualConsole } = await import('jsdom');
      const { Readability } = await import('@mozilla/readability');
      return (html, item) => {
        // A console that goes nowhere: jsdom reports every stylesheet it cannot parse.
        const dom = new JSDOM(html, { url: item.baseUrl, virtualConsole: new VirtualConsole() });
        new Readability(dom.window.document).parse();
        return () => dom.window.close();
      };
    }
    case 'readability-linkedom': {
      const { parseHTML } = await import('linkedom');
      const { Readability } = await import('@mozilla/readability');
      return (html) => {
        new Readability(parseHTML(html).document).parse();
      };
    }
    default:
      throw new Error(`no engine "${engine}"`);
  }
}

async function once(input, file) {
  const memory = captureWasmMemory();
  const { clean } = await import('article-cleaner');
  const text = readFileSync(file, 'utf8');
  const [ms] = measure(() => {
    clean(text, { input });
  }, 1);
  console.log(
    JSON.stringify({
      ms,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      // Linear memory only grows: its size now is its peak.
      wasmMemoryBytes: memory()?.buffer.byteLength ?? null,
    }),
  );
}

/** The package keeps its wasm instance to itself; this sees the memory of
 * the first instance created after the call, if the glue creates it with
 * `new WebAssembly.Instance` (wasm-bindgen's Node target does). */
function captureWasmMemory() {
  const { Instance } = WebAssembly;
  let memory = null;
  WebAssembly.Instance = function (module, imports) {
    const instance = new Instance(module, imports);
    memory ??= instance.exports.memory;
    return instance;
  };
  return () => memory;
}
