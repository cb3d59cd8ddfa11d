// Turns the raw wasm-bindgen exports into the package's API: the same
// functions, checking their arguments, and throwing only Error objects
// with a stable `code` — never a bare WebAssembly trap.

// Articles and options cross into the wasm as JSON text, and articles
// come back as JSON text: one JSON.parse builds the object faster than
// the wasm could field by field.
export function wrap(raw) {
  const guard = (fn) => (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      throw normalise(raw, e);
    }
  };
  return {
    clean: guard((input, options) => JSON.parse(raw.clean(text(input), optionsJson(options)))),
    render: guard((article, format = 'text', options) =>
      raw.render(articleJson(article), String(format), optionsJson(options))),
    isProbablyArticle: guard((input, options) => raw.isProbablyArticle(text(input), optionsJson(options))),
    reasons: guard(() => JSON.parse(raw.reasons())),
    metadataSources: guard(() => JSON.parse(raw.metadataSources())),
  };
}

function optionsJson(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw failure('invalid-option', `options must be an object, not ${describe(options)}`);
  }
  return JSON.stringify(options);
}

function articleJson(article) {
  if (article === null || typeof article !== 'object' || Array.isArray(article)) {
    throw failure('invalid-article', `not an article: expected the object clean() returns, got ${describe(article)}`);
  }
  return JSON.stringify(article);
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value;
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
