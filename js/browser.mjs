// The package's entry for bundlers and browsers: loads the wasm (which
// bundlers find through `new URL(…, import.meta.url)`) before the module's
// importers run, so clean() is ready when imported. The exports are this
// module's own bindings, set after the load, so that a bundler honouring
// `sideEffects: false` cannot skip the module and its initialisation.
import init from './web.mjs';

const api = await init();

export const { clean, render, isProbablyArticle, reasons, metadataSources } = api;
