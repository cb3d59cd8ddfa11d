// What every browser test and the browser benchmark start from: Debian's
// Chromium, headless, with the flags this machine's closed network needs,
// and a static server on a free port of 127.0.0.1.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './lib.mjs';
import { serve } from './serve.mjs';

export function launchChromium() {
  if (!chromiumPath) throw new Error('Chromium is missing: sudo apt-get install -y chromium');
  return chromium.launch({ executablePath: chromiumPath, args: ['--headless', ...CHROMIUM_FLAGS] });
}

/** Serves `dir`; resolves to its origin and a `close()` that waits for the
 * server to stop. */
export async function serveOrigin(dir) {
  const server = await serve(dir, 0);
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
