// A CommonJS TypeScript module: `require` gets the package's CommonJS
// entry and, with it, its CommonJS types (pkg/index.d.cts).
import cleaner = require('article-cleaner');

export function summary(html: string): string {
  const article: cleaner.Article = cleaner.clean(html, { input: 'html' });
  const reasons: cleaner.Reason[] = article.removed.map((r) => r.reason);
  return `${article.title ?? 'untitled'}: ${reasons.length} blocks removed\n${cleaner.render(article, 'text')}`;
}
