// Debian's Firefox ESR for the browser tests, driven headless through
// WebDriver BiDi by puppeteer-core (which downloads no browser). Firefox
// has its own network switches off under automation (puppeteer sets the
// preferences that stop updates, telemetry and the like).
import { existsSync } from 'node:fs';

export const firefoxPath = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

/** Preferences on top of puppeteer's: nothing that phones home. */
const PREFS = {
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'media.gmp-manager.updateEnabled': false,
};

export async function launchFirefox({ prefs = {} } = {}) {
  if (!firefoxPath) throw new Error('Firefox is missing: sudo apt-get install -y firefox-esr');
  // Imported here, not above: scripts/setup.mjs reads firefoxPath before
  // it has installed the npm packages.
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: { ...PREFS, ...prefs },
  });
}
