// Playwright helpers for VS Code's workbench (selectors checked against VS Code 1.100).
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.SQLDM_E2E_SHOTS ?? 'test-results/screenshots/e2e';
  const file = path.join(dir, `${name}.png`);
  await page.waitForTimeout(400); // let menus, toasts and tree animations settle
  await page.screenshot({ path: file });
  return file;
}

export async function openContainer(page: Page): Promise<void> {
  const header = page.locator('.pane-header', { hasText: 'SQL Data Sync' });
  // After a reload the workbench restores the open sidebar a moment later: clicking the tab then
  // would close it again, so look first.
  if (
    await header.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  const tab = page.locator('.activitybar').getByRole('tab', { name: /Azure SQL Data Movement/ });
  await tab.waitFor();
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await header.waitFor();
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The extension's HTML inside a webview: outer iframe (host page) → inner #active-frame. */
export function webview(page: Page, title?: string): FrameLocator {
  const outer = title ? page.locator(`iframe.webview.ready[title="${title}"]`) : page.locator('iframe.webview.ready');
  return outer.first().contentFrame().locator('#active-frame').contentFrame();
}

export function statusBarItem(page: Page, text: string | RegExp) {
  return page.locator('.statusbar .statusbar-item', { hasText: text });
}

/** Opens a tree row's context menu and runs one of its items (waits for the menu to settle first). */
export async function runContextMenu(page: Page, row: ReturnType<Page['getByRole']>, item: string): Promise<void> {
  await row.click({ button: 'right' });
  const entry = page.getByRole('menuitem', { name: item });
  await entry.waitFor();
  await page.waitForTimeout(300); // the menu animates in; an early click can land on nothing
  await entry.click();
  await entry.waitFor({ state: 'hidden', timeout: 5000 }).catch(async () => {
    await entry.hover();
    await page.keyboard.press('Enter');
  });
}

/** Expands a tree row until `child` shows (a click that lands while the tree re-renders is lost). */
export async function expandUntil(page: Page, row: ReturnType<Page['getByRole']>, child: ReturnType<Page['getByRole']>): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await child.isVisible()) return;
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    if (
      await child.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await child.waitFor();
}

/** The extension's environment item (not the transient status messages that mention the emulator). */
export function environmentStatus(page: Page, text: string | RegExp) {
  return page.locator('.statusbar .statusbar-item[id$="sqlDataMovement.environment"]', { hasText: text });
}
