// The two columns linked: after the user puts a block back or takes one
// out, the article scrolls to the place that changed and marks it for a
// moment, so the reader sees what the click did; the block clicked stays
// where it was on the screen.

const FLASH_MS = 1800;

/** Shows the change of block `index` in the article inside `container`:
 * the block itself when it is in the article, else the place it left
 * (the line between its neighbours). Returns the element marked. */
export function revealChange(container, index) {
  const blocks = [...container.querySelectorAll('[data-index]')];
  let target = blocks.find((el) => Number(el.dataset.index) === index);
  let mark = 'flash';
  if (!target) {
    // Gone from the article: mark the gap, above the next block or below
    // the last one.
    target = blocks.find((el) => Number(el.dataset.index) > index);
    mark = 'flash-gap-above';
    if (!target) {
      target = blocks.at(-1);
      mark = 'flash-gap-below';
    }
  }
  if (!target) return null;
  scrollToward(target);
  target.classList.remove('flash', 'flash-gap-above', 'flash-gap-below');
  // A reflow between removing and adding restarts the animation.
  void target.offsetWidth;
  target.classList.add(mark);
  target.dataset.flashed = mark;
  setTimeout(() => {
    target.classList.remove(mark);
    delete target.dataset.flashed;
  }, FLASH_MS);
  return target;
}

/** Brings `el` into view in the nearest box that scrolls: the article's
 * own column beside the original (which must not move under the pointer),
 * or the page when the column is not a box of its own. */
function scrollToward(el) {
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const behavior = reduce ? 'auto' : 'smooth';
  const box = scrollingAncestor(el);
  const rect = el.getBoundingClientRect();
  if (box) {
    const view = box.getBoundingClientRect();
    if (rect.top >= view.top && rect.bottom <= view.bottom) return;
    box.scrollBy({ top: rect.top - view.top - view.height / 3, behavior });
  } else {
    if (rect.top >= 0 && rect.bottom <= innerHeight) return;
    scrollBy({ top: rect.top - innerHeight / 3, behavior });
  }
}

// The column is the box even while its content happens to fit: scrolling
// the page instead would move the original under the pointer.
function scrollingAncestor(el) {
  for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** Keeps `el` (the block just clicked) where it is on the screen while the
 * page changes around it: each call of the function returned scrolls the
 * page by as much as `el` moved since the last call (a legend entry or a
 * run's count line added above it), unless the page scrolled in between,
 * by the reader or by the browser's own scroll anchoring. */
export function holdInPlace(el) {
  let top = el.getBoundingClientRect().top;
  let y = scrollY;
  return () => {
    if (!el.isConnected) return;
    const moved = el.getBoundingClientRect().top - top;
    if (scrollY === y && Math.abs(moved) >= 0.5) scrollBy({ top: moved, behavior: 'instant' });
    top = el.getBoundingClientRect().top;
    y = scrollY;
  };
}
