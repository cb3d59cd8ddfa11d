// The eval's own comparisons, in JavaScript: metadata (title, authors,
// date) against a corpus's truth, and the snippet check per page for
// --worst. The article-text figures themselves come from the corpora's
// Python scorers (score.mjs); nothing here changes them.
// Tested by tests/js/node/eval-scoring.test.mjs.

/** Words that join or introduce names in a byline, dropped from an
 * author's tokens: "By A and B", "Von A und B", "A et B", "par A". */
export const JOINERS = new Set(['and', 'und', 'et', 'y', '&', 'by', 'von', 'par', 'por']);

/** Case folding as Python's str.casefold() does it for the letters that
 * toLowerCase() leaves apart (ß, ẞ, final sigma). */
function casefold(s) {
  return s.toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

/** A value as the metadata comparisons see it: NFKC, case-folded,
 * punctuation and symbols (Unicode P and S: quotes, dashes, | + $ …) turned
 * into spaces, invisible format characters (soft hyphens, zero-width
 * spaces) dropped, white space collapsed and trimmed. null and non-strings
 * give ''. */
export function normalise(value) {
  if (typeof value !== 'string') return '';
  return casefold(value.normalize('NFKC'))
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** True when both titles are non-empty and equal after normalise(). */
export function sameTitle(truth, predicted) {
  const t = normalise(truth);
  return t !== '' && t === normalise(predicted);
}

/** The set of name tokens of an author value: a string ("By A and B",
 * "A; B") or a list of names. Joiners are left out. */
export function authorTokens(value) {
  const names = Array.isArray(value) ? value : [value];
  const tokens = names
    .filter((n) => typeof n === 'string')
    .flatMap((n) => normalise(n).split(' '))
    .filter((t) => t && !JOINERS.has(t));
  return new Set(tokens);
}

/** True when the truth names an author and the prediction's token set is
 * the same set. */
export function sameAuthors(truth, predicted) {
  const t = authorTokens(truth);
  const p = authorTokens(predicted);
  return t.size > 0 && t.size === p.size && [...t].every((x) => p.has(x));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?![\d-])/;

/** The day YYYY-MM-DD of an ISO-like value: one that starts (after white
 * space) with a calendar date YYYY-MM-DD, alone or followed by a time
 * ("2019-11-19T07:03:00Z", "2019-11-19 07:03") or an interval's "/". Any
 * other value ("November 19, 2019", "19.11.2019", "vor 2 Tagen") gives
 * null: it counts as wrong. The day is read as written, never moved across
 * time zones. */
export function dateDay(value) {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  const d = new Date(Date.UTC(year, month - 1, day));
  const valid = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return valid ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** True when the truth gives a day and the prediction's dateDay() is it. */
export function sameDate(truth, predicted) {
  const t = dateDay(truth);
  return t !== null && t === dateDay(predicted);
}

/** Metadata figures of one system on one input kind.
 * truth: `[{ id, title, author, date }]`, where author is a name, a list
 * of names or '' / [] for none, and '' means the truth gives no value;
 * predicted: id → `{ title, author, date }` (a page missing there counts as
 * giving nothing). Each accuracy is over the pages whose truth gives that
 * field; `invented` is the share of the pages whose truth names no author
 * on which the system gives one. */
export function scoreMetadata(truth, predicted) {
  const field = () => ({ correct: 0, pages: 0 });
  const r = { title: field(), author: field(), date: field(), invented: { count: 0, pages: 0 } };
  for (const t of truth) {
    const p = predicted.get(t.id) ?? {};
    if (normalise(t.title)) {
      r.title.pages++;
      r.title.correct += sameTitle(t.title, p.title);
    }
    if (authorTokens(t.author).size) {
      r.author.pages++;
      r.author.correct += sameAuthors(t.author, p.author);
    } else {
      r.invented.pages++;
      r.invented.count += authorTokens(p.author).size > 0;
    }
    if (dateDay(t.date)) {
      r.date.pages++;
      r.date.correct += sameDate(t.date, p.date);
    }
  }
  for (const k of ['title', 'author', 'date']) r[k].accuracy = r[k].pages ? r[k].correct / r[k].pages : null;
  r.invented.rate = r.invented.pages ? r.invented.count / r.invented.pages : null;
  return r;
}

/** White space as score-snippets.py's norm() collapses it. */
function squeeze(s) {
  return s.replace(/\s+/gu, ' ').trim();
}

/** One page's snippet check, as score-snippets.py counts it over all pages:
 * `with` strings found (tp) or missing (fn), `without` strings found (fp) or
 * absent (tn). For --worst only: the corpus's figures come from the script. */
export function snippetCounts(text, c) {
  const out = squeeze(text ?? '');
  const tp = c.with.filter((s) => out.includes(squeeze(s))).length;
  const fp = c.without.filter((s) => out.includes(squeeze(s))).length;
  return { tp, fn: c.with.length - tp, fp, tn: c.without.length - fp };
}
