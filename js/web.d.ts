export * from './index.js';

/** Loads the wasm: call once, and await it, before `clean`. Takes the
 * `.wasm`'s URL (or bytes, or a compiled module) when it is not beside the
 * package's files. */
export default function init(
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<typeof import('./index.js')>;
