// What a paste, a drop or a chosen file gives: the HTML and the plain-text
// flavours of the same content, either of which may be missing. A file is
// judged by its bytes, not its name: a picture is refused with what it is,
// never decoded into garbage.

/** { html, text } from a clipboard or drag-and-drop DataTransfer, or null
 * when it holds neither (a drop of files is read by readFile). */
export function fromTransfer(dt) {
  if (!dt) return null;
  const html = dt.getData('text/html') || null;
  const text = dt.getData('text/plain') || null;
  if (html === null && text === null) return null;
  return { html, text };
}

const HTML_FILE = /\.(html?|xhtml)$/i;

/** A file that is not a web page or text, with what it is instead. */
export class NotAPage extends Error {
  constructor(name, what) {
    super(`${name} is ${what}, not a web page or text: open or drop an .html, .htm or .txt file, or paste the page itself.`);
    this.name = 'NotAPage';
    this.code = 'not-a-page';
  }
}

/** { html, text, name } from a file of HTML or text. An HTML file is
 * decoded in the charset it declares (a saved page in windows-1252, say);
 * everything else as UTF-8. Rejects with NotAPage for anything else. */
export async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const what = binaryKind(bytes, file.type);
  if (what) throw new NotAPage(file.name || 'The file', what);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  const isHtml = HTML_FILE.test(file.name) || file.type === 'text/html'
    || head.startsWith('<!doctype html') || head.startsWith('<html');
  const content = decode(bytes, isHtml ? declaredCharset(bytes) : bom(bytes));
  return isHtml
    ? { html: content, text: null, name: file.name }
    : { html: null, text: content, name: file.name };
}

// Formats people drop by mistake, by their first bytes.
const SIGNATURES = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF file (a WebP image, a WAV or AVI)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a Word, OpenDocument or EPUB file is one)'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

/** What a file is when it is not text, or null when it is text. */
function binaryKind(bytes, type) {
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return what;
  }
  if (bom(bytes)?.startsWith('utf-16')) return null;
  // Text has no NUL bytes and few control characters.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return describeType(type);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > sample.length * 0.05) return describeType(type);
  if (/^(image|audio|video|font)\//.test(type)) return describeType(type);
  return null;
}

function describeType(type) {
  const [kind] = (type || '').split('/');
  return { image: 'an image', audio: 'a sound file', video: 'a video', font: 'a font' }[kind] ?? 'a binary file';
}

function bom(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function declaredCharset(bytes) {
  // A byte-order mark wins; else <meta charset> in the first 2 KB.
  const marked = bom(bytes);
  if (marked) return marked;
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
