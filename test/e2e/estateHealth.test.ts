// The Estate Health view and the Data Sync → Fabric migration plan as a person sees them: the view opened
// from its pane header lists the demo estate's problems of all three services; "Move to Fabric
// Mirroring…" on a sync group opens the plan and asks before creating anything (declined here, so the
// estate stays as the other journeys expect it).
import type { Page } from 'playwright-core';
import { workbenchPage } from './support/hooks';
import { environmentStatus, expandUntil, openContainer, runContextMenu, screenshot } from './support/workbench';

describe('Estate Health and the migration plan (packaged VSIX in code-server)', () => {
  let page: Page;
  const pane = (title: string) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
  const row = (name: string | RegExp) => page.getByRole('treeitem', { name });
  const setExpanded = async (title: string, expanded: boolean) => {
    const h = page.locator('.pane-header', { hasText: title });
    if (((await h.getAttribute('aria-expanded')) === 'true') !== expanded) await h.click();
  };

  before(async () => {
    page = await workbenchPage();
    await openContainer(page);
    if ((await environmentStatus(page, 'Local Emulator').count()) === 0)
      await pane('SQL Data Sync').getByRole('button', { name: 'Start Local Emulator' }).click();
    await environmentStatus(page, 'Local Emulator').waitFor({ timeout: 60_000 });
  });

  it('lists problems of Data Sync, Fabric and Backup, errors first, with a status-bar summary', async () => {
    const header = page.locator('.pane-header', { hasText: 'Estate Health' });
    // Room for the problems: the other panes fold while this is looked at.
    for (const title of ['SQL Data Sync', 'Operations']) await setExpanded(title, false);
    await setExpanded('Estate Health', true);
    const health = pane('Estate Health');
    await health.getByRole('treeitem', { name: /^Errors \(\d+\)/ }).waitFor({ timeout: 60_000 });
    await health.getByRole('treeitem', { name: /sync group branch-sync/ }).waitFor();
    await health.getByRole('treeitem', { name: /mirrored database RetailOps mirror/ }).waitFor();
    await health.getByRole('treeitem', { name: /database DevSales on sqlvm-dev-01/ }).waitFor();
    await page.locator('.statusbar .statusbar-item[id$="sqlDataMovement.estateHealth"]').waitFor();
    await screenshot(page, '60-estate-health');
    await setExpanded('Estate Health', false); // as the other journeys expect the sidebar
    for (const title of ['SQL Data Sync', 'Operations']) await setExpanded(title, true);
    await header.waitFor();
  });

  it('shows the migration plan of a sync group and creates nothing when declined', async () => {
    await setExpanded('Operations', false);
    await expandUntil(page, row(/^Contoso Production/), row(/^contoso-sales-weu/));
    await expandUntil(page, row(/^contoso-sales-weu/), row(/^sales-sync/));
    await runContextMenu(page, row(/^sales-sync/), 'Move to Fabric Mirroring…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(/Create a mirrored database of SalesHub in Fabric\?/).waitFor({ timeout: 60_000 });
    await page.locator('.tab', { hasText: 'plan.md' }).waitFor();
    await page.locator('.editor-instance .view-lines').getByText('# Move sync group sales-sync to Fabric mirroring').waitFor();
    await screenshot(page, '61-migration-plan');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await setExpanded('Operations', true);
  });
});
