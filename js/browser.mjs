// The package's entry for bundlers and browsers: loads the wasm (which
// bundlers find through `new URL(…, import.meta.url)`) before the module's
// importers run, so clean() is ready when imported.
import init, { clean, isProbablyArticle, render } from './web.mjs';

await init();

export { clean, isProbablyArticle, render };
