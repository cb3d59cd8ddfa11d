// Which parts of the results show: the two columns side by side; on a
// narrow screen one at a time, the article first (a switch, no scroll box
// inside the page); or the article alone, in reader mode, which #read in
// the address keeps across a reload and the Back button leaves.

const NARROW = '(max-width: 959.98px)';

export function bindLayout({ body, results, readButton, viewArticle, viewOriginal, onView }) {
  let available = false;
  let pushed = false;

  const narrow = () => matchMedia(NARROW).matches;

  function setView(view) {
    results.dataset.view = view;
    viewArticle.setAttribute('aria-pressed', String(view === 'article'));
    viewOriginal.setAttribute('aria-pressed', String(view === 'original'));
    onView?.(view);
  }

  function showReading(on) {
    const reading = on && available;
    body.classList.toggle('reading', reading);
    readButton.setAttribute('aria-pressed', String(reading));
    if (reading) scrollTo({ top: 0 });
  }

  function enterReader() {
    if (!available) return;
    if (location.hash !== '#read') {
      history.pushState(null, '', '#read');
      pushed = true;
    }
    showReading(true);
  }

  function leaveReader() {
    if (pushed) {
      pushed = false;
      history.back(); // popstate shows the columns again
    } else if (location.hash === '#read') {
      history.replaceState(null, '', location.pathname + location.search);
    }
    showReading(false);
  }

  const reading = () => body.classList.contains('reading');

  readButton.addEventListener('click', () => (reading() ? leaveReader() : enterReader()));
  viewArticle.addEventListener('click', () => setView('article'));
  viewOriginal.addEventListener('click', () => setView('original'));
  addEventListener('popstate', () => {
    pushed = false;
    showReading(location.hash === '#read');
  });
  addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !reading() || event.defaultPrevented) return;
    if (document.querySelector('details.menu[open]')) return; // Escape closes the menu first
    leaveReader();
  });

  return {
    setView,
    narrow,
    reading,
    /** Whether there is an article to read; the address's #read applies
     * once there is. */
    setAvailable(yes) {
      available = yes;
      showReading(yes && (reading() || location.hash === '#read'));
    },
  };
}
