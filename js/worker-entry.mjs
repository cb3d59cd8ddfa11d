// The module Web Worker behind ./worker.mjs: loads the wasm once, then
// answers { id, op, args } with { id, ok: true, value } or
// { id, ok: false, error: { code, message } }.
import init, { clean, isProbablyArticle, metadataSources, reasons, render } from './web.mjs';

const ops = { clean, render, isProbablyArticle, reasons, metadataSources };
let ready = null;

function start(wasm) {
  ready ??= init(wasm).catch((e) => {
    const error = new Error(`could not load article-cleaner's WebAssembly: ${e instanceof Error ? e.message : e}`);
    error.code = 'not-initialised';
    throw error;
  });
  return ready;
}

// Installed before anything is awaited, so no early message is missed.
self.addEventListener('message', async (event) => {
  const { id, op, args = [] } = event.data ?? {};
  try {
    if (op === 'init') {
      await start(args[0]);
      return;
    }
    if (!Object.hasOwn(ops, op)) {
      const e = new Error(`unknown operation ${JSON.stringify(op)}`);
      e.code = 'invalid-option';
      throw e;
    }
    await start();
    self.postMessage({ id, ok: true, value: ops[op](...args) });
  } catch (e) {
    if (op === 'init') return; // reported to the request that needs it
    self.postMessage({
      id,
      ok: false,
      error: {
        code: typeof e?.code === 'string' ? e.code : 'internal',
        message: e instanceof Error ? e.message : String(e),
      },
    });
  }
});
