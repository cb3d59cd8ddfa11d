// Writes to the clipboard. The article goes as rich text: text/html, so a
// paste into a document or an e-mail keeps its headings, lists and links,
// with text/plain beside it for plain editors. Markdown and the HTML
// source go as text alone, to be pasted as code.

/** Writes both flavours; resolves once written, rejects when the browser
 * refuses. `html` must be safe markup (the library's render()). */
export async function copyRich({ html, text }) {
  if (navigator.clipboard?.write && typeof ClipboardItem === 'function') {
    try {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      })]);
      return;
    } catch {
      /* not allowed here (no permission, no focus): fall back */
    }
  }
  copyByCommand({ 'text/html': html, 'text/plain': text });
}

/** Writes text alone. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    /* not allowed here (no permission, insecure context): fall back */
  }
  copyByCommand({ 'text/plain': text });
}

/** The copy command, whose event lets the page set every flavour itself:
 * what browsers without the asynchronous API, or refusing it, still do
 * during a click. */
function copyByCommand(flavours) {
  let written = false;
  const onCopy = (event) => {
    for (const [type, value] of Object.entries(flavours)) event.clipboardData.setData(type, value);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', onCopy, { once: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (!written) throw new Error('the browser did not allow copying');
}
