// Calls the types must refuse. Each line carries @ts-expect-error, so the
// project compiles only if every one of them is an error: were a type
// `any` or too wide, the directive would be unused, which tsc reports.
import { clean, isProbablyArticle, render } from 'article-cleaner';
import type { Article, Reason } from 'article-cleaner';
import init from 'article-cleaner/web';

const article: Article = clean('<p>text</p>');

// @ts-expect-error: the input is a string, not a number
clean(42);
// @ts-expect-error: no such input kind
clean('', { input: 'pdf' });
// @ts-expect-error: a misspelt option
clean('', { inputKind: 'html' });
// @ts-expect-error: maxInputBytes is a number of bytes
isProbablyArticle('', { maxInputBytes: '1MB' });
// @ts-expect-error: no such format
render(article, 'pdf');
// @ts-expect-error: render takes an article, not the text
render('<p>text</p>', 'html');
// @ts-expect-error: title may be null
article.title.toUpperCase();
// @ts-expect-error: blocks in the article have no reason
article.blocks[0]?.reason;
// @ts-expect-error: not a reason code
const reason: Reason = 'spam';
// @ts-expect-error: init resolves to the package's functions
const loaded: Promise<string> = init();

export { reason, loaded };
