// The page's colours, set before the first paint so that a page in dark or
// sepia does not flash light (a module runs too late for that): the theme
// the reader chose (lib/display.js keeps it), else the system's. A classic
// script, the page's only one; lib/display.js follows it from then on.
(function () {
  var theme;
  try {
    theme = JSON.parse(localStorage.getItem('article-cleaner:display') || '{}').theme;
  } catch (e) {
    /* storage disabled: the system's theme */
  }
  if (theme !== 'light' && theme !== 'sepia' && theme !== 'dark') {
    theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.dataset.scheme = theme;
})();
