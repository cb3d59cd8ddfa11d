// The toolbar button: reads the current tab's page and opens it as a reader
// view in a new tab. Runs as Chrome's service worker and as Firefox's event
// page (manifest "background"), so it is a classic script using only
// extension APIs.

chrome.action.onClicked.addListener((tab) => {
  openReader(tab);
});

// A reader tab's page stays in session storage while the tab is open, so
// reloading the tab works; closing it frees the page.
chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(pageKey(tabId));
});

function pageKey(tabId) {
  return `page:${tabId}`;
}

/** What the page is now (after its scripts ran), read in the page itself:
 * the click on the action grants this through the activeTab permission. */
async function readPage(tabId) {
  const [{ result }] = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => ({ html: document.documentElement.outerHTML, url: location.href }),
  });
  return result;
}

/** Opens reader.html beside the tab and hands it the tab's page, or why
 * there is none (a browser page scripts may not read, a page too large to
 * keep). Returns the reader's tab. */
async function openReader(tab) {
  const page = await readPage(tab.id).catch((e) => ({ error: `This page cannot be read: ${e.message}` }));
  const reader = await chrome.tabs.create({
    url: chrome.runtime.getURL('reader.html'),
    index: tab.index + 1,
    openerTabId: tab.id,
  });
  const key = pageKey(reader.id);
  await chrome.storage.session.set({ [key]: page }).catch((e) =>
    chrome.storage.session.set({ [key]: { error: `This page is too large for the reader view: ${e.message}` } }),
  );
  return reader;
}
