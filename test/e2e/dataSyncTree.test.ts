// The SQL Data Sync tree and the operations center as a person uses them: start the emulator from the
// welcome content, browse to a sync group, run a long-running command from its context menu, watch it
// in the status bar and the Operations view, reload the window while it runs, and see it finish.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { workbenchPage } from './support/hooks';
import { environmentStatus, expandUntil, openContainer, runContextMenu, screenshot, statusBarItem } from './support/workbench';

describe('SQL Data Sync tree and operations (packaged VSIX in code-server)', () => {
  let page: Page;
  const pane = (title: string) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
  const row = (name: string | RegExp) => page.getByRole('treeitem', { name });

  before(async () => {
    page = await workbenchPage();
    await openContainer(page);
  });

  it('starts the local emulator from the welcome content and lists the estate', async () => {
    if ((await environmentStatus(page, 'Local Emulator').count()) === 0) {
      await pane('SQL Data Sync').getByRole('button', { name: 'Start Local Emulator' }).click();
    }
    await environmentStatus(page, 'Local Emulator').waitFor({ timeout: 60_000 });
    await expandUntil(page, row(/^Contoso Production/), row(/^contoso-sales-weu/));
    await expandUntil(page, row(/^contoso-sales-weu/), row(/^sales-sync/));
    await row(/^sales-reporting/).waitFor();
    await pane('SQL Data Sync').getByText('SQL Data Sync retires on 30 September 2027.').waitFor();
    await expandUntil(page, row(/^sales-sync/), row(/^replica-east/));
    await screenshot(page, '40-datasync-tree');
  });

  it('runs Refresh Hub Schema from the context menu; the status bar and the Operations view show it running', async () => {
    await runContextMenu(page, row(/^sales-sync/), 'Refresh Hub Schema');
    await statusBarItem(page, /Refresh hub schema of sales-sync/)
      .first()
      .waitFor();
    const op = pane('Operations').getByRole('treeitem', { name: /Refresh hub schema of sales-sync.*Running/ });
    await op.waitFor();
    await screenshot(page, '41-operation-running');
  });

  it('keeps the operation across a window reload and finishes it', async () => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await openContainer(page);
    const done = pane('Operations').getByRole('treeitem', { name: /Refresh hub schema of sales-sync.*Succeeded/ });
    // The orphaned host of the reloaded page holds its lease for up to 20 s; then this window takes over.
    await done.waitFor({ timeout: 90_000 });
    assert.equal(await done.count(), 1, 'one history entry, not two');
    await screenshot(page, '42-operation-after-reload');
  });

  it("shows an operation's details from the Operations view", async () => {
    await pane('Operations')
      .getByRole('treeitem', { name: /Refresh hub schema of sales-sync/ })
      .click();
    const editor = page.locator('.editor-instance .view-lines');
    await editor.getByText('Operation: Refresh hub schema of sales-sync').waitFor();
    await editor.getByText('Status: Succeeded').waitFor();
    await screenshot(page, '43-operation-details');
  });
});
