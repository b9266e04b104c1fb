// Headless Debian Chromium through playwright-core (Playwright's own browser download is not
// available offline). The flags keep Chromium from dialling Google services on a closed network.
import { chromium } from 'playwright-core';
import { chromiumPath } from './prereqs.mjs';

export async function launchBrowser() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install the chromium package or set CHROMIUM=/path/to/chrome.');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    timeout: 60_000,
  });
}
