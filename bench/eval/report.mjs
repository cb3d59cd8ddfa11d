// What the eval prints, and what it writes to bench/quality.md and
// bench/quality.json.
//
// A corpus's results: `{ corpus, rows, metadataRows }` where
// rows: `[{ system, variant, kind, score: { all, datasets }, seconds, failures, coverage }]`
// (score as score.mjs returns it; seconds null when not timed here;
// coverage `{ present, pages }` for predictions read from a folder) and
// metadataRows: `[{ system, variant, kind, scores }]` (scoring.mjs's
// scoreMetadata()).
import { table as markdownTable } from '../../scripts/markdown.mjs';

export const OURS = 'article-cleaner';
export const IN_SAMPLE = 'in-sample';
export const CROSS_VALIDATED = 'cross-validated';

/** A row's name in the tables. */
export function label({ system, variant }) {
  if (variant === CROSS_VALIDATED) return `${system}, cross-validated`;
  if (variant === IN_SAMPLE) return `${system}, in-sample (shipped model)`;
  return system;
}

const fixed = (x) => (x === null || x === undefined ? '–' : x.toFixed(3));
const secs = (s) => (s === null || s === undefined ? '–' : s.toFixed(1));

/** The article-text table of a corpus: every system on every input kind,
 * over all its pages. */
export function textTable({ corpus, rows }) {
  if (corpus.scoring === 'snippets') {
    return markdownTable(
      ['system', 'input', 'precision', 'recall', 'F1', 'accuracy', 'seconds'],
      rows.map((r) => {
        const s = r.score.all;
        return [label(r), r.kind, ...[s.precision, s.recall, s.f1, s.accuracy].map(fixed), secs(r.seconds)];
      }),
      2,
    );
  }
  return markdownTable(
    ['system', 'input', 'precision', 'recall', 'F1', 'F1 ≥ 0.9', 'exact', 'seconds'],
    rows.map((r) => [label(r), r.kind, ...bodyCells(r.score.all), secs(r.seconds)]),
    2,
  );
}

/** The same per source dataset (truth.DATASET.jsonl), or null. */
export function datasetTable({ corpus, rows }) {
  if (!corpus.datasets.length) return null;
  return markdownTable(
    ['dataset', 'system', 'input', 'precision', 'recall', 'F1', 'F1 ≥ 0.9', 'exact'],
    corpus.datasets.flatMap((d) =>
      rows.map((r) => [`${d.name} (${d.pages})`, label(r), r.kind, ...bodyCells(r.score.datasets[d.name])]),
    ),
    3,
  );
}

function bodyCells(s) {
  return [s.precision, s.recall, s.f1, s['f1>=0.9'], s.exact].map(fixed);
}

/** The metadata table of a corpus, or null when it has no metadata truth.
 * The header gives each figure's page count, which the systems share. */
export function metadataTable({ metadataRows }) {
  if (!metadataRows.length) return null;
  const n = metadataRows[0].scores;
  return markdownTable(
    [
      'system',
      'input',
      `title (${n.title.pages} pages)`,
      `author (${n.author.pages})`,
      `date (${n.date.pages})`,
      `invented byline (${n.invented.pages})`,
    ],
    metadataRows.map((r) => [
      label(r),
      r.kind,
      fixed(r.scores.title.accuracy),
      fixed(r.scores.author.accuracy),
      fixed(r.scores.date.accuracy),
      fixed(r.scores.invented.rate),
    ]),
    2,
  );
}

/** Lines naming the pages a system failed on, and predictions folders
 * that lack pages. */
export function problems({ corpus, rows }) {
  return rows.flatMap((r) => [
    ...(r.failures ?? []).map((f) => `${label(r)} failed on ${corpus.name} ${r.kind} page ${f.id}: ${f.message}`),
    ...(r.coverage && r.coverage.present < r.coverage.pages
      ? [`${label(r)}: ${corpus.name} ${r.kind} has predictions for ${r.coverage.present} of ${r.coverage.pages} pages; the others count as empty.`]
      : []),
  ]);
}

/** Our n worst pages per input kind, with what identifies each page. */
export function worst({ corpus, rows }, n) {
  const labels = new Map(corpus.pages.map((p) => [p.id, p.label]));
  return rows.flatMap((r) => {
    const docs = [...r.score.all.per_doc];
    const lines =
      corpus.scoring === 'snippets'
        ? docs
            .sort((a, b) => a.accuracy - b.accuracy || b.fn + b.fp - (a.fn + a.fp))
            .slice(0, n)
            .map(
              (d) =>
                `  accuracy ${d.accuracy.toFixed(3)}  with found ${d.tp}/${d.tp + d.fn}  without found ${d.fp}/${d.fp + d.tn}  ${d.id.slice(0, 12)}  ${labels.get(d.id)}`,
            )
        : docs
            .sort((a, b) => a.f1 - b.f1)
            .slice(0, n)
            .map(
              (d) =>
                `  F1 ${d.f1.toFixed(3)}  P ${d.precision.toFixed(3)}  R ${d.recall.toFixed(3)}  ${d.id.slice(0, 12)}  ${labels.get(d.id)}`,
            );
    return [`\n${label(r)}, the ${n} worst ${corpus.name} pages on ${r.kind}:`, ...lines];
  });
}

/** What the terminal shows for one corpus. */
export function corpusText(result) {
  const { corpus } = result;
  const parts = [`${corpus.name}: ${corpus.pages.length} pages (${corpus.dir})`, textTable(result)];
  const byDataset = datasetTable(result);
  if (byDataset) parts.push(`${corpus.name} per dataset:`, byDataset);
  const meta = metadataTable(result);
  if (meta) parts.push(`${corpus.name} metadata (truth: ${corpus.metadata.source}):`, meta);
  return parts.join('\n\n');
}

/** The figures for programs (bench/quality.json), full precision. */
export function qualityJson({ date, versions, results, notes }) {
  const corpora = {};
  for (const { corpus, rows, metadataRows } of results) {
    corpora[corpus.name] = {
      pages: corpus.pages.length,
      scoring: corpus.scoring === 'body' ? 'score.py' : 'score-snippets.py',
      text: rows.flatMap((r) =>
        [['all', r.score.all], ...Object.entries(r.score.datasets)].map(([dataset, s]) => ({
          system: r.system,
          variant: r.variant,
          input: r.kind,
          dataset,
          pages: s.pages,
          precision: s.precision,
          recall: s.recall,
          f1: s.f1,
          ...(corpus.scoring === 'body' ? { 'f1>=0.9': s['f1>=0.9'], exact: s.exact } : { accuracy: s.accuracy }),
          seconds: dataset === 'all' ? r.seconds : null,
        })),
      ),
      metadata: corpus.metadata
        ? {
            truth: corpus.metadata.source,
            rows: metadataRows.map((r) => ({
              system: r.system,
              variant: r.variant,
              input: r.kind,
              title: r.scores.title,
              author: r.scores.author,
              date: r.scores.date,
              invented_byline: r.scores.invented,
            })),
          }
        : null,
    };
  }
  return JSON.stringify({ generated: date, command: 'npm run eval', versions, corpora, notes }, null, 1) + '\n';
}

/** bench/quality.md. */
export function qualityPage({ date, versions, results, notes }) {
  const withCv = results.filter((r) => r.rows.some((x) => x.variant === CROSS_VALIDATED)).map((r) => r.corpus.name);
  const withoutCv = results.map((r) => r.corpus.name).filter((n) => !withCv.includes(n));
  const list = (names) => names.map((n) => `\`${n}\``).join(', ');
  const sections = results.map((result) => {
    const { corpus } = result;
    const scorer = corpus.scoring === 'body' ? '`score.py`' : '`score-snippets.py`';
    const datasets = corpus.datasets.length
      ? ` (${corpus.datasets.map((d) => `${d.pages} in \`${d.name}\``).join(', ')})`
      : '';
    const parts = [
      `## ${corpus.name}`,
      `${corpus.pages.length} pages${datasets}, article text scored with the corpus's ${scorer}.`,
      textTable(result),
    ];
    const byDataset = datasetTable(result);
    if (byDataset) parts.push('Per dataset (its `truth.DATASET.jsonl`):', byDataset);
    const meta = metadataTable(result);
    if (meta) parts.push(`Metadata, against \`${corpus.metadata.source}\`:`, meta);
    return parts.join('\n\n');
  });
  const cvText = [
    withCv.length
      ? `The row "article-cleaner, cross-validated" is the estimate for pages the model has not seen: each page was predicted by a model trained without its site (the trainer writes these predictions to \`bench/out/cv/CORPUS/KIND/ID.txt\`; the eval scores them with the same scorers), here on ${list(withCv)}.`
      : 'The estimate for pages the model has not seen is the cross-validated row ("article-cleaner, cross-validated": each page predicted by a model trained without its site, which the trainer writes to `bench/out/cv/CORPUS/KIND/ID.txt`); no such predictions were there for this run, so every table has the in-sample row only.',
    `The row "article-cleaner, in-sample (shipped model)" runs the model that ships, which was fitted to these pages: it shows how well it fits them, not what to expect elsewhere, so quote the cross-validated figure${withCv.length && withoutCv.length ? ` (missing for ${list(withoutCv)}, whose tables have the in-sample row only)` : ''}.`,
    'The metadata tables are in-sample (the shipped model) throughout.',
  ].join(' ');
  return `# Quality on the evaluation corpora

Generated by \`npm run eval\` on ${date}; do not edit by hand, run it again.
The same figures, unrounded, are in \`bench/quality.json\`, against which
\`npm run eval -- --gate\` checks ours.

- Corpora: ${results.map((r) => `\`${r.corpus.name}\` (${r.corpus.pages.length} pages)`).join(', ')}, from \`../shared/eval\` (its README describes them).
- Versions: ${versions.join('; ')}.

**Which of our figures to quote.** ${cvText}

${sections.join('\n\n')}
${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
## How it is measured

Input kinds: \`html\` is the page's saved HTML, as a browser extension or a
server gets it, with the page's URL where the corpus has one (ours as
\`baseUrl\`, Readability.js as the document's URL, trafilatura as \`url\`;
the pasted kinds come without, as a paste does); \`pasted-html\` is what a
paste into a web page receives after Select All + Copy of the rendered page:
its elements with inline computed styles and no \`<head>\` (external
stylesheets were not loaded, so menus that a site's CSS hides can appear);
\`pasted-text\` is the plain text of the same copy, which Readability.js and
trafilatura, reading only HTML, get as one \`<p>\` per non-blank line.

Article text: each system's prediction is the article's body without its
title (ours: the lead and the text blocks, figures left out, as
\`Article::body_text()\` joins them; Readability.js: \`textContent\`;
trafilatura: \`extract(include_comments=False, include_tables=True)\`, as the
truth leaves comments out; its default keeps them and scores lower, as in
the corpus README's reference figures). Where the truth is the article body
(\`score.py\`), it is compared on 4-token shingles: precision and recall are
averaged over pages and F1 is their harmonic mean; \`F1 ≥ 0.9\` is the share
of pages whose own F1 is at least 0.9 and \`exact\` the share reproduced token
for token. Where the truth is snippets (\`score-snippets.py\`), over all
snippets of all pages a string the article must contain counts as a true
positive when found and a false negative when not, a string it must not
contain as a false positive when found; accuracy is the share of snippets
judged right.

Metadata: ours is \`clean()\`'s \`title\`, \`authors\` (its \`byline\` when the
list is empty) and \`published\`; Readability.js's \`title\`, \`byline\` and
\`publishedTime\`; trafilatura's \`title\`, \`author\` and \`date\` from
\`bare_extraction(with_metadata=True)\` (from \`extract_metadata()\` on the
pages where that finds no body). Each accuracy is over the pages whose truth
gives that field (the count in the header). A title is right when it equals
the truth after NFKC, case folding, punctuation and symbols turned into
spaces and white space collapsed; an author when its set of name tokens (so
normalised, without the joiners and, und, et, y, &, by, von, par, por)
equals the truth's, so order, "By" and separators do not matter but a
missing or extra name does; a date when the first YYYY-MM-DD of an ISO-like
value (one that starts with that day, alone or before a time) is the
truth's day, as written: a date in words or any other form counts as wrong.
The invented-byline rate is the share of the pages whose truth names no
author on which the system gives one (on \`multilingual-dev\` an empty author
can also mean that its annotators recorded none).

Seconds are wall time for all pages on the machine that ran the eval,
reading and parsing included; not counted are the start of the processes
Readability.js runs in (one per 200 pages, as jsdom holds on to memory) and
trafilatura's metadata calls (its seconds are its \`extract()\` calls).
`;
}
