// One browser and one workbench page for all e2e suites (the workbench takes seconds to load);
// closed after the last suite. On a failure the current screen is saved for a person to look at.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { screenshot } from './workbench';

let browser: Browser | undefined;
let page: Page | undefined;

export async function workbenchPage(): Promise<Page> {
  if (page) return page;
  browser ??= await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => console.log(`    page error: ${e.message}`));
  const url = process.env.SQLDM_E2E_URL;
  if (!url) throw new Error('SQLDM_E2E_URL is not set: run the e2e tests with `npm run test:e2e`.');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return page;
}

afterEach(async function () {
  if (this.currentTest?.state === 'failed' && page)
    await screenshot(page, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`);
});

after(async () => {
  await browser?.close();
});
