// The eval's metadata comparisons (bench/eval/scoring.mjs): title
// normalisation, author token sets without joiners, the day of a date, the
// per-field accuracies and the invented-byline rate, the per-page snippet
// counts behind --worst, and the gate's comparison with bench/quality.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  authorTokens,
  dateDay,
  normalise,
  sameAuthors,
  sameDate,
  sameTitle,
  scoreMetadata,
  snippetCounts,
} from '../../../bench/eval/scoring.mjs';
import { compareQuality } from '../../../bench/eval/gate.mjs';

test('normalise: NFKC, case folding, punctuation and symbols to spaces, white space collapsed', () => {
  assert.equal(normalise('  Google Stadia, Microsoft xCloud:  So Many Ways…and Pay '), 'google stadia microsoft xcloud so many ways and pay');
  assert.equal(normalise('Fact Check: Is An ‘Oxygen Bar’ In Delhi?'), 'fact check is an oxygen bar in delhi');
  // NFKC: the ligature, full-width letters and a non-breaking space.
  assert.equal(normalise('ﬁnal\u00a0ＡＢＣ'), 'final abc');
  // Case folding beyond toLowerCase: ß and ẞ, final sigma.
  assert.equal(normalise('STRASSE'), normalise('Straße'));
  assert.equal(normalise('GROẞ'), 'gross');
  assert.equal(normalise('ΟΔΟΣ'), normalise('οδος'));
  // Symbols count as punctuation: a site suffix after | is its own words.
  assert.equal(normalise('Title | Site'), 'title site');
  assert.equal(normalise('A+B=C $5'), 'a b c 5');
  // Soft hyphens and zero-width spaces are invisible and dropped.
  assert.equal(normalise('Verbraucher\u00adschutz\u200b'), 'verbraucherschutz');
  // Decomposed and composed accents are one text.
  assert.equal(normalise('Cafe\u0301'), normalise('Café'));
  assert.equal(normalise(null), '');
  assert.equal(normalise(undefined), '');
  assert.equal(normalise(42), '');
});

test('sameTitle: equal after normalisation, never on an empty truth', () => {
  assert.ok(sameTitle('Die Cider Connection: Abmahnungen', 'die cider connection – abmahnungen'));
  assert.ok(sameTitle('“Va y agarra las llaves…”', '"Va y agarra las llaves..."'));
  assert.ok(!sameTitle('Die Cider Connection', 'Die Cider Connection | netzpolitik.org'));
  assert.ok(!sameTitle('', ''));
  assert.ok(!sameTitle('...', '!!!'));
  assert.ok(!sameTitle('A title', null));
});

test('authorTokens: the name tokens of a string or a list, joiners left out', () => {
  assert.deepEqual(authorTokens('By Sarah E. Needleman'), new Set(['sarah', 'e', 'needleman']));
  assert.deepEqual(authorTokens('Von Roland Brockmann und Sebastian Drescher'), new Set(['roland', 'brockmann', 'sebastian', 'drescher']));
  assert.deepEqual(authorTokens('CLARA LÖW, SIDDHARTH PRAKASH & KLAUS JACOB'), new Set(['clara', 'löw', 'siddharth', 'prakash', 'klaus', 'jacob']));
  assert.deepEqual(authorTokens(['Lisa Mascaro', 'Mary Clare Jalonick', 'Eric Tucker']), new Set(['lisa', 'mascaro', 'mary', 'clare', 'jalonick', 'eric', 'tucker']));
  assert.deepEqual(authorTokens('par Emmanuelle Ducros'), new Set(['emmanuelle', 'ducros']));
  assert.deepEqual(authorTokens('Isabel Caro y Rocío Latorre'), new Set(['isabel', 'caro', 'rocío', 'latorre']));
  assert.deepEqual(authorTokens('Jean et Marie por Luis'), new Set(['jean', 'marie', 'luis']));
  assert.deepEqual(authorTokens('dpa/lno'), new Set(['dpa', 'lno']));
  assert.deepEqual(authorTokens("Gavin O'Callaghan"), new Set(['gavin', 'o', 'callaghan']));
  // A joiner is a whole token: names that contain one are kept.
  assert.deepEqual(authorTokens('Andy Byrne'), new Set(['andy', 'byrne']));
  assert.equal(authorTokens('').size, 0);
  assert.equal(authorTokens([]).size, 0);
  assert.equal(authorTokens(null).size, 0);
  assert.equal(authorTokens('By').size, 0);
});

test('sameAuthors: equal token sets, in any order and form', () => {
  assert.ok(sameAuthors(['Mike Wuerthele', 'Malcolm Owen'], 'By Malcolm Owen and Mike Wuerthele'));
  assert.ok(sameAuthors('Benjamin Fischer und Marcus Theurer', 'Benjamin Fischer; Marcus Theurer'));
  assert.ok(sameAuthors('GRACE ZOKOVITCH', 'Grace Zokovitch'));
  assert.ok(!sameAuthors(['Mike Wuerthele', 'Malcolm Owen'], 'Mike Wuerthele'));
  assert.ok(!sameAuthors('Tom Krisher', 'Tom Krisher, AP'));
  assert.ok(!sameAuthors('', ''));
  assert.ok(!sameAuthors([], null));
});

test('dateDay: the day of an ISO-like value; anything else is no day', () => {
  assert.equal(dateDay('2019-11-19'), '2019-11-19');
  assert.equal(dateDay('2019-11-19T07:03:00Z'), '2019-11-19');
  assert.equal(dateDay('2019-11-19T23:30:00-05:00'), '2019-11-19'); // as written, not moved to UTC
  assert.equal(dateDay(' 2019-11-19 07:03 '), '2019-11-19');
  assert.equal(dateDay('2019-11-19/2019-11-20'), '2019-11-19');
  assert.equal(dateDay('2020-02-29'), '2020-02-29');
  assert.equal(dateDay('2019-02-29'), null); // no such day
  assert.equal(dateDay('2019-13-01'), null);
  assert.equal(dateDay('November 19, 2019'), null);
  assert.equal(dateDay('19.11.2019'), null);
  assert.equal(dateDay('Published 2019-11-19'), null);
  assert.equal(dateDay('20191119'), null);
  assert.equal(dateDay('2019-11-190'), null);
  assert.equal(dateDay(''), null);
  assert.equal(dateDay(null), null);
});

test('sameDate: the same day, from an ISO truth', () => {
  assert.ok(sameDate('2019-11-19', '2019-11-19T22:00:00+00:00'));
  assert.ok(!sameDate('2019-11-19', '2019-11-20T01:00:00Z'));
  assert.ok(!sameDate('2019-11-19', 'Nov 19, 2019'));
  assert.ok(!sameDate('', ''));
});

test('scoreMetadata: accuracies over the pages whose truth gives the field, invented bylines over the pages with none', () => {
  const truth = [
    { id: 'a', title: 'One', author: ['Ann Lee'], date: '2020-01-02' },
    { id: 'b', title: 'Two', author: 'Bob Ray', date: '' },
    { id: 'c', title: '', author: '', date: '2020-03-04' },
    { id: 'd', title: 'Four', author: [], date: '2020-05-06' },
  ];
  const predicted = new Map([
    ['a', { title: 'One', author: 'By Ann Lee', date: '2020-01-02T10:00:00Z' }],
    ['b', { title: 'Two | Site', author: 'Bob Ray', date: '2019-01-01' }],
    ['c', { title: 'Anything', author: 'Staff', date: 'March 4, 2020' }],
    // d: no prediction at all
  ]);
  const r = scoreMetadata(truth, predicted);
  assert.deepEqual(r.title, { correct: 1, pages: 3, accuracy: 1 / 3 });
  assert.deepEqual(r.author, { correct: 2, pages: 2, accuracy: 1 });
  assert.deepEqual(r.date, { correct: 1, pages: 3, accuracy: 1 / 3 });
  assert.deepEqual(r.invented, { count: 1, pages: 2, rate: 0.5 });
  const none = scoreMetadata([], new Map());
  assert.equal(none.title.accuracy, null);
  assert.equal(none.invented.rate, null);
});

test('snippetCounts: with strings found or missing, without strings found or absent, white space collapsed', () => {
  const c = { with: ['must  be here', 'and this', 'missing'], without: ['Impressum', 'Twitter'] };
  const text = 'It must be\nhere, and this too.\n\nImpressum';
  assert.deepEqual(snippetCounts(text, c), { tp: 2, fn: 1, fp: 1, tn: 1 });
  assert.deepEqual(snippetCounts('', c), { tp: 0, fn: 3, fp: 0, tn: 2 });
});

test('compareQuality: F1 may fall by 0.005, metadata accuracies by 0.01; the invented-byline rate must not rise', () => {
  const ours = { system: 'article-cleaner', variant: 'in-sample' };
  const text = (input, dataset, f1) => ({ ...ours, input, dataset, f1 });
  const meta = (input, title, rate) => ({
    ...ours,
    input,
    title: { accuracy: title },
    author: { accuracy: 0.5 },
    date: { accuracy: null },
    invented_byline: { rate },
  });
  const committed = {
    generated: '2026-01-01',
    corpora: {
      dev: {
        scoring: 'score.py',
        text: [
          text('html', 'all', 0.9),
          text('html', 'a', 0.8),
          { system: 'Readability.js', variant: null, input: 'html', dataset: 'all', f1: 0.99 },
        ],
        metadata: { rows: [meta('html', 0.9, 0.1)] },
      },
      ml: { scoring: 'score-snippets.py', text: [text('html', 'all', 0.8)], metadata: null },
      gone: { scoring: 'score.py', text: [], metadata: null },
    },
  };
  const current = {
    corpora: {
      dev: {
        scoring: 'score.py',
        text: [text('html', 'all', 0.895), text('html', 'a', 0.79), text('pasted-text', 'all', 0.5)],
        metadata: { rows: [meta('html', 0.889, 0.115)] },
      },
      ml: { scoring: 'score-snippets.py', text: [text('html', 'all', 0.81)], metadata: null },
      new: { scoring: 'score.py', text: [text('html', 'all', 0.1)], metadata: null },
    },
  };
  const r = compareQuality(committed, current);
  assert.deepEqual(r.fell, [
    'dev html F1 (a): 0.800 -> 0.790 (down 0.0100, allowed 0.005)',
    'dev html title accuracy: 0.900 -> 0.889 (down 0.0110, allowed 0.01)',
    'dev html invented-byline rate: 0.100 -> 0.115 (up 0.0150, allowed 0.01)',
  ]);
  assert.deepEqual(r.rose, ['ml html snippet F1: 0.800 -> 0.810']);
  // dev all (exactly at the tolerance), dev a, title, author, invented rate, ml: six; a null date is no figure.
  assert.equal(r.checked, 6);
  assert.deepEqual(r.unchecked, [
    'dev pasted-text F1: no committed figure',
    'new: bench/quality.json has no figures for it',
    'gone: not run (corpus not found), not checked',
  ]);
  assert.deepEqual(compareQuality(committed, { corpora: { dev: committed.corpora.dev } }).fell, []);
});
