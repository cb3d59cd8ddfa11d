// Cleans in a module Web Worker, so a big page never freezes the one that
// asked. The same functions as the package's, asynchronous:
//
//   import { createCleaner } from 'article-cleaner/worker';
//   const cleaner = createCleaner();
//   const article = await cleaner.clean(html);
//   const markdown = await cleaner.render(article, 'markdown');
//   cleaner.terminate();
//
// Errors are Error objects with the same `code` and message as the
// synchronous API's; requests are matched by id, so several may be in flight.

function failure(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

export function createCleaner(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw failure('invalid-option', 'createCleaner takes an options object: { wasm? }');
  }
  if (typeof Worker !== 'function') {
    throw failure('not-initialised', 'this environment has no Web Worker: use the package\'s clean() instead');
  }
  // Written out in full so that bundlers (Vite, webpack 5, Parcel) see the
  // worker and bundle its entry with the wasm beside it.
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { type: 'module' });
  const pending = new Map();
  let nextId = 1;
  let broken = null;

  const rejectAll = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  worker.addEventListener('message', (event) => {
    const reply = event.data;
    const request = reply && pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if (reply.ok) request.resolve(reply.value);
    else request.reject(failure(reply.error?.code ?? 'internal', reply.error?.message ?? 'the worker failed'));
  });
  // The worker's script failed to load or threw outside a request: nothing
  // in flight will be answered, and nothing later either.
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    broken = failure(
      'worker-failed',
      `the cleaning worker stopped: ${event.message || 'its script could not be loaded'}`,
    );
    rejectAll(broken);
  });
  worker.addEventListener('messageerror', () => {
    rejectAll(failure('internal', 'a message from the cleaning worker could not be read'));
  });

  if (options.wasm !== undefined) {
    // Relative to the page, not to the worker's script.
    const wasm = new URL(String(options.wasm), globalThis.location?.href).href;
    worker.postMessage({ id: 0, op: 'init', args: [wasm] });
  }

  const call = (op, args) => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, op, args });
      } catch (e) {
        // Arguments that cannot be copied to the worker (a function, say).
        pending.delete(id);
        reject(failure('invalid-input', `could not send to the worker: ${e instanceof Error ? e.message : e}`));
      }
    });
  };

  return {
    clean: (input, cleanOptions) => call('clean', [input, cleanOptions]),
    render: (article, format, renderOptions) => call('render', [article, format, renderOptions]),
    reasons: () => call('reasons', []),
    metadataSources: () => call('metadataSources', []),
    isProbablyArticle: (input, cleanOptions) => call('isProbablyArticle', [input, cleanOptions]),
    terminate() {
      if (broken?.code === 'terminated') return;
      worker.terminate();
      broken = failure('terminated', 'the cleaner was terminated');
      rejectAll(broken);
    },
  };
}

/** One clean in a worker of its own, which is ended afterwards. */
export async function cleanInWorker(input, options, cleanerOptions) {
  const cleaner = createCleaner(cleanerOptions);
  try {
    return await cleaner.clean(input, options);
  } finally {
    cleaner.terminate();
  }
}
