import type { Article, CodeInfo, ErrorCode, Format, MetaSource, Options, Reason, RenderOptions } from './index.js';

export type { Article, Format, Options, RenderOptions } from './index.js';

/** The `code` of the errors the worker API rejects with: those of the
 * synchronous API, and two of its own. */
export type WorkerErrorCode =
  | ErrorCode
  /** The worker's script or the wasm could not be loaded, or it crashed. */
  | 'worker-failed'
  /** `terminate()` was called; requests in flight are rejected with it. */
  | 'terminated';

export interface WorkerCleanError extends Error {
  code: WorkerErrorCode;
}

export interface CleanerOptions {
  /** Where the `.wasm` is, when it is not beside the package's files.
   * A relative address is resolved against the page's. */
  wasm?: string | URL;
}

/** The package's functions, run in a module Web Worker. Every promise
 * rejects with a {@link WorkerCleanError}. */
export interface Cleaner {
  clean(input: string, options?: Options): Promise<Article>;
  render(article: Article, format?: Format, options?: RenderOptions): Promise<string>;
  reasons(): Promise<Array<CodeInfo & { code: Reason }>>;
  metadataSources(): Promise<Array<CodeInfo & { code: MetaSource }>>;
  isProbablyArticle(input: string, options?: Options): Promise<number>;
  /** Ends the worker; requests in flight reject with code `terminated`. */
  terminate(): void;
}

/** Starts a worker (one per call; reuse it for many inputs). */
export function createCleaner(options?: CleanerOptions): Cleaner;

/** Cleans one input in a worker of its own, ended afterwards. */
export function cleanInWorker(
  input: string,
  options?: Options,
  cleanerOptions?: CleanerOptions,
): Promise<Article>;
