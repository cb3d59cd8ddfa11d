// The last paste, kept in this browser's localStorage so a reload brings it
// back; Clear forgets it.
const INPUT = 'article-cleaner:input';
const EDITS = 'article-cleaner:edits';

/** Saves the input; false when it is too big for the browser's storage. */
export function saveInput(source) {
  try {
    localStorage.setItem(INPUT, JSON.stringify(source));
    localStorage.removeItem(EDITS);
    return true;
  } catch {
    // Over the quota: forget the older paste rather than restore it later.
    forget();
    return false;
  }
}

export function saveEdits(edits) {
  try {
    localStorage.setItem(EDITS, JSON.stringify({
      usePlain: edits.usePlain,
      restored: [...edits.restored],
      dropped: [...edits.dropped],
    }));
  } catch {
    /* storage full or disabled: the edits live until the page closes */
  }
}

/** { source, edits } as saved, or null. */
export function load() {
  try {
    const source = JSON.parse(localStorage.getItem(INPUT) ?? 'null');
    if (!source || (typeof source.html !== 'string' && typeof source.text !== 'string')) return null;
    const e = JSON.parse(localStorage.getItem(EDITS) ?? '{}') ?? {};
    const numbers = (a) => new Set(Array.isArray(a) ? a.filter(Number.isInteger) : []);
    return {
      source,
      edits: { usePlain: e.usePlain === true, restored: numbers(e.restored), dropped: numbers(e.dropped) },
    };
  } catch {
    return null;
  }
}

export function forget() {
  try {
    localStorage.removeItem(INPUT);
    localStorage.removeItem(EDITS);
  } catch {
    /* storage disabled: nothing was kept */
  }
}
