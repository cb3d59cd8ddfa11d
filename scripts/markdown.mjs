// Markdown tables for what the eval and the benchmarks print and write.

/** A Markdown table, padded so that it reads as well in a
 * terminal: the first `left` columns align left, the rest (figures) right. */
export function table(head, rows, left = 1) {
  rows = rows.map((r) => r.map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const pad = (c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]));
  const line = (cells) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < left ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
