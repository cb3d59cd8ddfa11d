// What a paste, a drop or a chosen file gives: the HTML and the plain-text
// flavours of the same content, either of which may be missing.

/** { html, text } from a clipboard or drag-and-drop DataTransfer, or null
 * when it holds neither (a drop of files is read by readFile). */
export function fromTransfer(dt) {
  if (!dt) return null;
  const html = dt.getData('text/html') || null;
  const text = dt.getData('text/plain') || null;
  if (html === null && text === null) return null;
  return { html, text };
}

const HTML_FILE = /\.html?$/i;
const TEXT_FILE = /\.txt$/i;

export const isReadable = (file) =>
  HTML_FILE.test(file.name) || TEXT_FILE.test(file.name) || /^text\/(html|plain)\b/.test(file.type);

/** { html, text, name } from an .html, .htm or .txt file. An HTML file
 * is decoded in the charset it declares (a saved page in windows-1252,
 * say); everything else as UTF-8. */
export async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isHtml = HTML_FILE.test(file.name) || file.type === 'text/html';
  const content = decode(bytes, isHtml ? declaredCharset(bytes) : null);
  return isHtml
    ? { html: content, text: null, name: file.name }
    : { html: null, text: content, name: file.name };
}

function declaredCharset(bytes) {
  // A byte-order mark wins; else <meta charset> in the first 2 KB.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return m ? m[1] : null;
}

function decode(bytes, charset) {
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      /* a charset the browser does not know: UTF-8 */
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
