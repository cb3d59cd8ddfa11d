// Runs of removed blocks: a page's menu comes as dozens of one-link blocks
// in a row, each removed for the same reason, and shown one card each they
// push the article screens down. Consecutive removed blocks of one reason
// become one row of the original column, which opens to show them.
import { isMetadata } from './reasons.js';

/** The smallest run shown as one row. */
export const MIN_RUN = 2;

/** Splits the input blocks (edits.js inputBlocks) into items in order:
 * `{ block }` for a block shown alone, `{ reason, blocks }` for a run of at
 * least MIN_RUN consecutive blocks removed for `reason`. Blocks moved to
 * the metadata are never grouped: each says where its text went. */
export function groupRuns(blocks) {
  const items = [];
  let run = [];
  const flush = () => {
    if (run.length >= MIN_RUN) items.push({ reason: run[0].reason, blocks: run });
    else for (const block of run) items.push({ block });
    run = [];
  };
  for (const block of blocks) {
    const groupable = block.state === 'removed' && !isMetadata(block.reason);
    if (groupable && run.length > 0 && run[0].reason === block.reason) {
      run.push(block);
      continue;
    }
    flush();
    if (groupable) run.push(block);
    else items.push({ block });
  }
  flush();
  return items;
}
