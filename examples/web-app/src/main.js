// The package as an app imports it: the wasm is loaded before this module
// runs, so clean() and render() are plain synchronous calls.
import { clean, render } from 'article-cleaner';

const form = document.querySelector('#form');
const input = document.querySelector('#input');
const status = document.querySelector('#status');
const output = document.querySelector('#output');

// This module runs once the package's wasm has loaded (its top-level
// await); until then the button stays disabled, so that an early click
// cannot submit the form to nowhere.
form.querySelector('button[type=submit]').disabled = false;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    const article = clean(input.value);
    // render(…, 'html') builds its output from an allow-list: safe to insert.
    output.innerHTML = render(article, 'html');
    status.textContent = article.blocks.length === 0 && article.lead === null
      ? 'No article found in this input.'
      : `${article.wordsKept} words kept, ${article.wordsRemoved} removed (${article.removed.length} blocks).`;
  } catch (e) {
    output.replaceChildren();
    status.textContent = `Could not clean this input (${e.code}): ${e.message}`;
  }
});
