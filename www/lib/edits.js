// The user's corrections to a cleaned article: blocks put back (moved from
// `removed` to `blocks`, in source order) and kept blocks taken out. The
// article as cleaned is never changed; the edited one is derived from it.

const byIndex = (a, b) => a.source.index - b.source.index;

/** The article with the edits applied, ready for `render()`. */
export function applyEdits(article, { restored, dropped }) {
  const back = article.removed
    .filter((r) => restored.has(r.source.index))
    .map(({ reason, ...block }) => block);
  return {
    ...article,
    blocks: [...article.blocks.filter((b) => !dropped.has(b.source.index)), ...back].sort(byIndex),
    removed: article.removed.filter((r) => !restored.has(r.source.index)),
  };
}

export const countWords = (text) => (text.match(/\S+/g) ?? []).length;

/** Words kept and removed once the edits are applied. */
export function wordCounts(article, { restored, dropped }) {
  let moved = 0;
  for (const r of article.removed) if (restored.has(r.source.index)) moved += countWords(r.text);
  for (const b of article.blocks) if (dropped.has(b.source.index)) moved -= countWords(b.text);
  return { kept: article.wordsKept + moved, removed: Math.max(0, article.wordsRemoved - moved) };
}

/** Every input block in order: kept, removed and the lead, each with its
 * state (`kept`, `removed`, `lead`). The lead has no block of its own in the
 * article: it takes the first index no block has, after the title. */
export function inputBlocks(article) {
  const all = [
    ...article.blocks.map((b) => ({ ...b, state: 'kept' })),
    ...article.removed.map((b) => ({ ...b, state: 'removed' })),
  ].sort(byIndex);
  if (article.lead) {
    const taken = new Set(all.map((b) => b.source.index));
    const title = article.removed.find((r) => r.reason === 'title');
    let index = title ? title.source.index + 1 : 0;
    while (taken.has(index)) index++;
    const lead = { kind: 'paragraph', text: article.lead, state: 'lead', source: { index } };
    const at = all.findIndex((b) => b.source.index > index);
    all.splice(at < 0 ? all.length : at, 0, lead);
  }
  return all;
}
