// No import of 'vite' here, so the example builds with any Vite 7 that
// runs it (the repo's test uses the repo's own).
export default {
  // The dev server's dependency pre-bundling would move the package's
  // files and lose the .wasm beside them; served as published, the wasm
  // is found through `new URL(…, import.meta.url)`.
  optimizeDeps: { exclude: ['article-cleaner'] },
};
