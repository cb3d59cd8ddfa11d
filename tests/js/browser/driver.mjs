// One way to drive a page in both engines the browser tests run in:
// Chromium through Playwright, Firefox through puppeteer-core and WebDriver
// BiDi. Only what the tests need, with CSS selectors alone; what one
// engine can do and the other cannot is reached through `raw` and said
// where the test uses it.
import { launchChromium } from '../../../scripts/chromium.mjs';
import { launchFirefox } from '../../../scripts/firefox.mjs';

export const ENGINES = ['chromium', 'firefox'];

const TIMEOUT = 60_000;

/** Starts `engine`; `open()` gives a page in a fresh context (its own
 * storage, cookies and service workers), with the page's uncaught errors
 * in `errors` and its console errors in `consoleErrors`. */
export async function launch(engine) {
  const browser = engine === 'chromium' ? await launchChromium() : await launchFirefox();
  return {
    engine,
    browser,
    open: (url, options = {}) => (engine === 'chromium' ? openChromium(browser, url, options) : openFirefox(browser, url, options)),
    close: () => browser.close(),
  };
}

async function openChromium(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', init, permissions }) {
  const context = await browser.newContext({ viewport, colorScheme });
  if (permissions) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(url);
  return {
    engine: 'chromium',
    raw: page,
    context,
    errors,
    consoleErrors,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async waitFor(fn, arg, { timeout = TIMEOUT } = {}) {
      return (await page.waitForFunction(fn, arg, { timeout })).jsonValue();
    },
    click: (selector) => page.click(selector),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key),
    /** Ctrl (or ⌘) with a letter. */
    shortcut: (letter) => page.keyboard.press(`ControlOrMeta+Key${letter.toUpperCase()}`),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: (path, { fullPage = true } = {}) => page.screenshot({ path, fullPage }),
    reload: () => page.reload(),
    close: () => context.close(),
  };
}

async function openFirefox(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme, init }) {
  // Firefox's BiDi has no emulation of prefers-color-scheme: a test that
  // needs dark there chooses the page's own Dark theme.
  if (colorScheme === 'dark') throw new Error('Firefox cannot emulate a dark system theme here; use the page\'s theme switch');
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.setViewport(viewport);
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  if (init) await page.evaluateOnNewDocument(init);
  await page.goto(url);
  return {
    engine: 'firefox',
    raw: page,
    context,
    errors,
    consoleErrors,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async waitFor(fn, arg, { timeout = TIMEOUT } = {}) {
      return (await page.waitForFunction(fn, { timeout, polling: 100 }, arg)).jsonValue();
    },
    click: (selector) => page.locator(selector).click(),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key),
    /** Ctrl with a letter: puppeteer's press() takes one key. */
    async shortcut(letter) {
      await page.keyboard.down('Control');
      await page.keyboard.press(letter);
      await page.keyboard.up('Control');
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: (path, { fullPage = true } = {}) => page.screenshot({ path, fullPage }),
    reload: () => page.reload(),
    close: () => context.close(),
  };
}
