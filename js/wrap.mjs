// Turns the raw wasm-bindgen exports into the package's API: the same
// functions, checking their arguments, and throwing only Error objects
// with a stable `code` — never a bare WebAssembly trap.

export function wrap(raw) {
  const guard = (fn) => (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      throw normalise(raw, e);
    }
  };
  return {
    clean: guard((input, options) => raw.clean(text(input), options)),
    render: guard((article, format = 'text', options) => raw.render(article, format, options)),
    isProbablyArticle: guard((input, options) => raw.isProbablyArticle(text(input), options)),
    reasons: guard(() => raw.reasons()),
    metadataSources: guard(() => raw.metadataSources()),
  };
}

export function failure(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

function text(input) {
  if (typeof input !== 'string') {
    throw failure('invalid-input', `expected the page's HTML or text as a string, got ${input === null ? 'null' : typeof input}`);
  }
  return input;
}

function normalise(raw, e) {
  if (e instanceof Error && typeof e.code === 'string') return e;
  if (e instanceof WebAssembly.RuntimeError || (e instanceof Error && /unreachable|memory access out of bounds/.test(e.message))) {
    const detail = raw.lastPanic?.();
    return failure(
      'internal',
      'article-cleaner could not clean this input: an internal error, which is a bug worth reporting' +
        (detail ? ` (${detail})` : ''),
    );
  }
  if (e instanceof RangeError) {
    return failure('out-of-memory', 'the input is too large to clean in this environment');
  }
  return e instanceof Error ? e : failure('internal', String(e));
}
