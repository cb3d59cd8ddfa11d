// "Save as Markdown / HTML file": the article as a file of its own. The
// HTML file is a whole document, built with the DOM (never by pasting
// strings together), whose policy lets nothing in it run.

/** A file name from the article's title: "night-trains-return.md". */
export function fileName(title, extension) {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'article'}.${extension}`;
}

// The saved page's look: readable alone, light or dark as the system is.
const STYLE = `
:root { color-scheme: light dark; }
body { margin: 0; font: 1.125rem/1.65 Charter, "Iowan Old Style", Georgia, "DejaVu Serif", serif; }
article { max-width: 38em; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.25; }
.byline { color: GrayText; font: 0.9rem system-ui, sans-serif; }
img { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; }
figcaption { font: 0.85rem/1.45 system-ui, sans-serif; color: GrayText; }
.image-placeholder { font: 0.85rem system-ui, sans-serif; color: GrayText; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid GrayText; }
table { border-collapse: collapse; }
td, th { border: 1px solid GrayText; padding: 0.3rem 0.5rem; }
pre { overflow: auto; }
`;

/** A whole HTML document around `articleHtml` (the library's sanitised
 * render), titled `title`. */
export function htmlDocument(articleHtml, { title, lang }) {
  const doc = document.implementation.createHTMLDocument(title ?? 'Article');
  if (lang) doc.documentElement.lang = lang;
  const head = doc.head;
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  head.prepend(charset);
  const policy = doc.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";
  const referrer = doc.createElement('meta');
  referrer.name = 'referrer';
  referrer.content = 'no-referrer';
  const viewport = doc.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  const style = doc.createElement('style');
  style.textContent = STYLE;
  charset.after(policy, referrer, viewport);
  head.append(style);
  const template = doc.createElement('template');
  template.innerHTML = articleHtml;
  doc.body.append(template.content);
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}\n`;
}

/** Offers `text` as a download named `name`. */
export function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by then; the address is of no more use.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
