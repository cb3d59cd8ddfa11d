// A TypeScript app using every function and field of the package. Where a
// type matters, `exact` checks it is exactly the declared one: an `any`
// would satisfy a plain annotation, not this.
import { clean, isProbablyArticle, render } from 'article-cleaner';
import type {
  Article,
  ArticleBlock,
  BlockKind,
  CleanError,
  ErrorCode,
  Format,
  Image,
  Inline,
  InputKind,
  Options,
  Reason,
  RemovedBlock,
  Source,
} from 'article-cleaner';
import init, * as web from 'article-cleaner/web';
import * as bundled from 'article-cleaner/bundler';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function exact<A, B>(proof: Equal<A, B>): void {
  void proof;
}

/** What a reader view says about a block it left out. */
export function why(reason: Reason): string {
  switch (reason) {
    case 'title':
    case 'byline':
    case 'date':
    case 'section-label':
      return 'shown above the article';
    case 'navigation':
    case 'advertisement':
    case 'call-to-action':
    case 'boilerplate':
      return 'part of the site, not the story';
    case 'gallery':
    case 'photo-credit':
    case 'caption':
    case 'teaser-unrelated':
    case 'comments':
      return 'beside the story';
    case 'duplicate':
    case 'hidden':
    case 'outside-article':
      return 'not in the story as shown';
    default: {
      // Exhaustive: a new reason code must be handled above.
      const unhandled: never = reason;
      return unhandled;
    }
  }
}

/** A message for each error code the functions throw. */
export function explain(e: unknown): string {
  if (!(e instanceof Error && 'code' in e)) throw e;
  const { code } = e as CleanError;
  switch (code) {
    case 'input-too-large':
    case 'input-too-complex':
      return 'The page is too large to clean.';
    case 'not-text':
      return 'This looks like a binary file, not a page.';
    case 'invalid-input':
    case 'invalid-option':
    case 'invalid-article':
      return 'The call was wrong: a bug in this app.';
    case 'not-initialised':
      return 'The cleaner is still loading.';
    case 'out-of-memory':
    case 'internal':
      return 'The cleaner failed on this page.';
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

function describeBlock(b: ArticleBlock): string {
  const kind: BlockKind = b.kind;
  const where: Source = b.source;
  const image: Image | undefined = b.image;
  exact<typeof b.text, string>(true);
  exact<typeof b.content, Inline[] | undefined>(true);
  exact<typeof b.level, number | undefined>(true);
  exact<typeof b.ordered, boolean | undefined>(true);
  exact<typeof where.index | typeof where.line | typeof where.endLine, number>(true);
  const figure = image ? ` [${image.alt || image.src}]` : '';
  const heading = kind === 'heading' ? `h${b.level ?? 2} ` : '';
  const list = kind === 'list' ? (b.ordered ? 'numbered ' : 'bulleted ') : '';
  const shown = b.content ? b.content.map(inlineText).join('') : b.text;
  return `${where.index}@${where.line}-${where.endLine} ${heading}${list}${shown}${figure}`;
}

/** The text of a span; the union narrows on `type`. */
function inlineText(span: Inline): string {
  switch (span.type) {
    case 'text':
      return span.text;
    case 'br':
      return '\n';
    case 'a':
      return `${span.children.map(inlineText).join('')} <${span.href ?? ''}>`;
    default:
      return span.children.map(inlineText).join('');
  }
}

export function report(input: string, baseUrl: string): string {
  const kind: InputKind = input.trimStart().startsWith('<') ? 'html' : 'auto';
  const options: Options = { input: kind, baseUrl, maxInputBytes: 8 * 1024 * 1024 };

  const likelihood = isProbablyArticle(input, options);
  exact<typeof likelihood, number>(true);
  if (likelihood < 0.5) return 'no reader view offered';

  let article: Article;
  try {
    article = clean(input, options);
  } catch (e) {
    return explain(e);
  }
  exact<typeof article.title | typeof article.byline | typeof article.published, string | null>(true);
  exact<typeof article.section | typeof article.siteName | typeof article.lang | typeof article.lead, string | null>(true);
  exact<typeof article.inputKind, 'html' | 'text'>(true);
  exact<typeof article.wordsKept | typeof article.wordsRemoved, number>(true);
  exact<typeof article.removed, RemovedBlock[]>(true);

  const head = [article.title, article.byline, article.published, article.section, article.siteName, article.lang, article.lead]
    .filter((s): s is string => s !== null)
    .join(' | ');
  const body = article.blocks.map(describeBlock);
  const left = article.removed.map((r) => `${why(r.reason)}: ${describeBlock(r)}`);

  // A removed block can be put back: without its reason it is an article block.
  const [first] = article.removed;
  if (first) {
    const { reason, ...block } = first;
    exact<typeof reason, Reason>(true);
    article = { ...article, blocks: [...article.blocks, block].sort((a, b) => a.source.index - b.source.index) };
  }

  const formats: Format[] = ['text', 'markdown', 'html', 'json'];
  const rendered = formats.map((f) => render(article, f));
  exact<typeof rendered, string[]>(true);
  const text = render(article);

  return [head, ...body, ...left, `${article.inputKind}: ${article.wordsKept} kept, ${article.wordsRemoved} removed`, text, ...rendered].join('\n');
}

/** In a page without a bundler: load the wasm once, then call. */
export async function inPage(html: string, wasmUrl: URL): Promise<string> {
  const api = await init(wasmUrl);
  exact<typeof api.clean, typeof clean>(true);
  const article = web.clean(html, { input: 'html' });
  const code: ErrorCode = 'not-initialised';
  return web.render(article, 'html') + api.isProbablyArticle(html) + web.isProbablyArticle(html) + code;
}

/** With webpack's asyncWebAssembly: the same functions, no init. */
export function viaBundler(html: string): string {
  exact<typeof bundled.isProbablyArticle, typeof isProbablyArticle>(true);
  return bundled.render(bundled.clean(html), 'markdown');
}
