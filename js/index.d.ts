/** What the input is. `auto` decides by content: markup that forms a
 * document is HTML; pasted text with a stray tag or two is still text. */
export type InputKind = 'auto' | 'html' | 'text';

export interface Options {
  /** Default `auto`. */
  input?: InputKind;
  /** The page's address, to make links and image sources absolute. */
  baseUrl?: string;
  /** Refuse larger inputs (bytes of UTF-8). Default 64 MiB. */
  maxInputBytes?: number;
  /** Bytes the cleaner's structures may take for one input before it
   * gives up with `input-too-complex`. Default 128 times the input's size,
   * at least 512 MiB and at most 3 GiB. */
  maxMemoryBytes?: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'figure' | 'code';

/** Why a block is not in the article's body. */
export type Reason =
  | 'navigation'
  | 'advertisement'
  | 'gallery'
  | 'photo-credit'
  | 'caption'
  | 'teaser-unrelated'
  | 'call-to-action'
  | 'comments'
  | 'boilerplate'
  | 'duplicate'
  | 'hidden'
  | 'outside-article'
  /** Moved to the metadata rather than dropped: */
  | 'title'
  | 'byline'
  | 'date'
  | 'section-label';

export interface Source {
  /** Position among all of the input's blocks: merging `blocks` and
   * `removed` by `index` gives the input back in order. */
  index: number;
  /** First and last line of the input (1-based). */
  line: number;
  endLine: number;
}

export interface Image {
  src: string;
  alt: string;
}

/** An inline element an article keeps. */
export type InlineTag =
  | 'a' | 'em' | 'i' | 'strong' | 'b' | 'code' | 'kbd' | 'samp' | 'var' | 'sub' | 'sup'
  | 'mark' | 'small' | 's' | 'del' | 'ins' | 'u' | 'q' | 'abbr' | 'cite' | 'time';

/** Inline markup as typed spans: nothing else can be represented, so
 * nothing else comes out of the renderers. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'br' }
  /** A link's address: absolute when the page's address is known. */
  | { type: 'a'; href?: string | null; children: Inline[] }
  | { type: 'abbr'; title?: string | null; children: Inline[] }
  | { type: 'time'; datetime?: string | null; children: Inline[] }
  | { type: Exclude<InlineTag, 'a' | 'abbr' | 'time'>; children: Inline[] };

export interface Cell {
  /** A header cell (`<th>`). */
  header?: boolean;
  colspan?: number;
  rowspan?: number;
  content: Inline[];
}

export interface ArticleBlock {
  kind: BlockKind;
  /** Plain text; list items and table rows separated by "\n", cells by "\t". */
  text: string;
  /** Inline markup of a heading, paragraph, quote or figure caption (of a
   * table: its caption), from HTML input. Absent for pasted text and for
   * removed blocks: renderers use `text` then. */
  content?: Inline[];
  /** A list's items. */
  items?: Inline[][];
  /** A table's rows. */
  rows?: Cell[][];
  /** 1–6, for headings. */
  level?: number;
  /** For lists: numbered. */
  ordered?: boolean;
  image?: Image;
  source: Source;
}

export interface RemovedBlock extends ArticleBlock {
  reason: Reason;
}

/** Where a metadata field was found. */
export type MetaSource =
  | 'json-ld'
  | 'microdata'
  | 'meta'
  | 'time'
  | 'url'
  | 'title-element'
  | 'heading'
  | 'byline'
  | 'dateline'
  | 'section-label'
  | 'author-link'
  | 'lang-attribute'
  | 'detected';

/** For each metadata field that has a value, where it was found. */
export interface Sources {
  title?: MetaSource;
  byline?: MetaSource;
  published?: MetaSource;
  modified?: MetaSource;
  section?: MetaSource;
  siteName?: MetaSource;
  lang?: MetaSource;
}

export interface Article {
  title: string | null;
  /** The authors' names joined for display. */
  byline: string | null;
  /** The authors' names, one each. */
  authors: string[];
  /** ISO 8601: the day ("2024-03-12"), with the time ("2024-03-12T09:30")
   * and the page's offset from UTC ("2024-03-12T09:30:00+01:00") where the
   * page gives them. */
  published: string | null;
  /** Last modification, where the page states one, as `published`. */
  modified: string | null;
  section: string | null;
  siteName: string | null;
  /** ISO 639-1 code. */
  lang: string | null;
  /** The standfirst between title and body. */
  lead: string | null;
  blocks: ArticleBlock[];
  removed: RemovedBlock[];
  sources: Sources;
  inputKind: 'html' | 'text';
  /** How the blocks were found: `classifier`, or `densest-text` when the
   * classifier kept next to nothing and the recall safety net took the
   * page's densest prose instead. */
  extraction: Extraction;
  wordsKept: number;
  wordsRemoved: number;
}

export type Extraction = 'classifier' | 'densest-text';

export type Format = 'text' | 'markdown' | 'html' | 'json';

export interface RenderOptions {
  /** Pictures in HTML and Markdown: `placeholder` (the default) writes a
   * short note ("Image: <description>") that loads nothing; `keep` writes
   * the picture, which whoever shows the output then loads from its site;
   * `drop` leaves it out (its caption stays). */
  images?: 'placeholder' | 'keep' | 'drop';
}

/** A code the cleaner can return, with what it means. */
export interface CodeInfo {
  code: string;
  description: string;
  /** For reasons: the block moved into the metadata. */
  metadata?: boolean;
}

/** The `code` of every error the functions throw. */
export type ErrorCode =
  | 'input-too-large'
  | 'input-too-complex'
  | 'not-text'
  | 'invalid-input'
  | 'invalid-option'
  | 'invalid-article'
  | 'not-initialised'
  | 'out-of-memory'
  | 'internal';

export interface CleanError extends Error {
  code: ErrorCode;
}

/** Cleans a page's HTML or pasted text. Throws a {@link CleanError}. */
export function clean(input: string, options?: Options): Article;

/** Renders an article (as `clean` returned it, or edited: a removed block
 * moved back into `blocks`, say). HTML output is safe to insert into a page. */
export function render(article: Article, format?: Format, options?: RenderOptions): string;

/** Every reason code a removed block can carry. */
export function reasons(): Array<CodeInfo & { code: Reason }>;

/** Every source a metadata field can name. */
export function metadataSources(): Array<CodeInfo & { code: MetaSource }>;

/** 0 to 1: how likely the input holds an article, for deciding whether to
 * offer a reader view. */
export function isProbablyArticle(input: string, options?: Options): number;
