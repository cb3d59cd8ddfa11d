export * from './index.js';

/** Loads the wasm: call once, and await it, before `clean`. Takes the
 * `.wasm`'s URL (or bytes, or a compiled module) when it is not beside the
 * package's files. Before it resolves it cleans and renders a small
 * made-up page, so that the engine has compiled the cleaner's code and the
 * first `clean` runs about as fast as later ones. */
export default function init(
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<typeof import('./index.js')>;
