// Writes text to the clipboard: the asynchronous Clipboard API where the
// page may use it, else a hidden textarea and the copy command.
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    /* not allowed here (no permission, insecure context): fall back */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  const focused = document.activeElement;
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  focused?.focus?.();
  if (!ok) throw new Error('the browser did not allow copying');
}
