// The Data Sync webviews in the packaged extension, used the way a person would: the setup wizard end
// to end by clicking and typing (group, member, hub schema, tables, first sync), the schema picker
// (search, select, disabled reasons, summary) and the sync log view (filter, page, export).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { workbenchPage } from './support/hooks';
import { expandUntil, openContainer, runCommand, screenshot, statusBarItem, webview } from './support/workbench';

const P = 'Azure SQL Data Movement';

async function choose(view: FrameLocator, id: string, label: string): Promise<void> {
  const select = view.locator(`vscode-single-select#${id}`);
  await select.locator('[role="option"]', { hasText: label }).first().waitFor({ state: 'attached', timeout: 30_000 });
  await select.click();
  await select.locator('[role="option"]', { hasText: label }).first().click();
}

async function type(view: FrameLocator, id: string, text: string): Promise<void> {
  await view.locator(`vscode-textfield#${id} input`).fill(text);
}

async function quickPick(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

/** Polls `condition` until it holds (Playwright's locators cannot wait on an input's value). */
async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** code-server's save dialog is a quick input holding a path: replace it once it has settled, then accept. */
async function saveAs(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await until('the save dialog to propose a path', async () => (await input.inputValue()) !== '');
  for (let i = 0; i < 10 && (await input.inputValue()) !== file; i++) {
    await input.fill(file);
    // The dialog may complete the path as it reads the folder, overwriting ours; nothing on the page says
    // when it is done, so look again after a moment and type it once more if it changed.
    await page.waitForTimeout(300);
  }
  await screenshot(page, '31-sync-logs-save-dialog');
  await page.keyboard.press('Enter');
}

async function pickSalesSync(page: Page): Promise<void> {
  await quickPick(page, 'Contoso Production');
  await quickPick(page, 'contoso-sales-weu');
  await quickPick(page, 'sales-sync');
}

describe('Data Sync webviews (packaged VSIX, Chromium)', function () {
  this.timeout(180_000);
  let page: Page;

  before(async () => {
    page = await workbenchPage();
    await openContainer(page); // the extension's contributions are loaded once its container shows
    await runCommand(page, `${P}: Start Local Emulator`);
    await statusBarItem(page, 'Local Emulator').first().waitFor({ timeout: 60_000 });
    // Signed in to the emulator once its subscriptions show: the Data Sync commands are in the palette from then on.
    await page
      .locator('.pane', { has: page.locator('.pane-header', { hasText: 'SQL Data Sync' }) })
      .getByText('Contoso Production')
      .first()
      .waitFor({ timeout: 60_000 });
  });

  beforeEach(async () => {
    // One webview at a time, so webview(page) finds the one under test.
    await runCommand(page, 'View: Close All Editors');
  });

  it('sets up a sync group end to end in the wizard: group, member, hub schema, tables, first sync', async () => {
    await runCommand(page, `${P}: Open Sync Group Setup Wizard`);
    const view = webview(page);
    await view.locator('h1', { hasText: 'Set up SQL Data Sync' }).waitFor();

    // Step 1: where the hub is and how the group behaves.
    await choose(view, 'subscription', 'Contoso Production');
    await choose(view, 'server', 'contoso-sales-weu');
    await choose(view, 'hub', 'SalesArchive');
    await choose(view, 'sync-database', 'contoso-sales-weu/SyncMetadata');
    await type(view, 'group-name', 'e2e sync');
    await type(view, 'interval', '3');
    await type(view, 'hub-user', 'hubadmin');
    await view.locator('vscode-button#create-group').click();
    await view.locator('#err-group-name', { hasText: 'only letters, digits' }).waitFor();
    await view.locator('#err-interval', { hasText: 'at least 5 seconds' }).waitFor();
    await view.locator('#err-hub-password', { hasText: 'password is required' }).waitFor();
    await screenshot(page, '10-wizard-group');
    await type(view, 'group-name', 'e2e-sync');
    await view.locator('vscode-checkbox#manual').click();
    await type(view, 'hub-password', 'E2e-Hub-Passw0rd!');
    await view.locator('vscode-button#create-group').click();

    // Step 2: a member in another subscription.
    await view.locator('#step-members h2', { hasText: 'Members' }).waitFor({ timeout: 60_000 });
    await view.locator('#existing-name', { hasText: 'e2e-sync' }).waitFor({ state: 'attached' });
    await type(view, 'member-name', 'dev-copy');
    await choose(view, 'member-subscription', 'Contoso Dev/Test');
    await choose(view, 'member-server', 'contoso-dev-wus2');
    await choose(view, 'member-database', 'DevSalesCopy');
    await choose(view, 'member-direction', 'From the hub');
    await type(view, 'member-user', 'memberadmin');
    await type(view, 'member-password', 'E2e-Member-Passw0rd!');
    await view.locator('vscode-button#add-member').click();
    await view.locator('#members-body td', { hasText: 'dev-copy' }).waitFor({ timeout: 60_000 });
    await view.locator('#members-body td', { hasText: 'OneWayHubToMember' }).waitFor();
    await screenshot(page, '11-wizard-members');
    // The step list works from the keyboard: arrow to the next step, Enter opens it.
    await view.locator('#tab-members').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await view.locator('#step-refresh h2').waitFor();

    // Step 3 → 4: refresh the hub schema, then choose tables.
    await view.locator('vscode-button#refresh-schema').click();
    await view.locator('#step-tables h2').waitFor({ timeout: 60_000 });
    const customers = view.locator('vscode-checkbox[data-table="[dbo].[Customers]"]');
    await customers.waitFor({ timeout: 30_000 });
    await type(view, 'schema-search', 'Order');
    assert.equal(await customers.isVisible(), false, 'the filter hides other tables');
    await view.locator('vscode-checkbox[data-table="[dbo].[Orders]"]').click();
    await type(view, 'schema-search', '');
    await customers.focus();
    await page.keyboard.press('Space'); // checkboxes toggle from the keyboard too
    await view.locator('.summary', { hasText: 'Tables added (2)' }).waitFor();
    await screenshot(page, '12-wizard-schema');
    await view.locator('vscode-button#save-schema').click();

    // Step 5: the first sync, and its state moving.
    await view.locator('#step-sync h2').waitFor({ timeout: 60_000 });
    await view.locator('vscode-button#trigger-sync').click();
    await view.locator('#sync-state', { hasText: 'Progressing' }).waitFor({ timeout: 30_000 });
    await view.locator('#sync-members td', { hasText: 'SyncInProgress' }).waitFor();
    await view.locator('#sync-state', { hasText: /Good|Warning/ }).waitFor({ timeout: 60_000 });
    await view.locator('#sync-members td', { hasText: 'SyncSucceeded' }).waitFor();
    await screenshot(page, '13-wizard-sync');
    // The operations went through the tracker: the Operations view has them.
    await page.keyboard.press('Escape');
  });

  it('schema picker: search, disabled reasons, selection and the summary of changes', async () => {
    await runCommand(page, `${P}: Choose Tables and Columns…`);
    await pickSalesSync(page);
    const view = webview(page);
    await view.locator('h1', { hasText: 'Sync schema: sales-sync' }).waitFor();
    await view
      .locator('.schema-table', { hasText: '[dbo].[PriceHistory]' })
      .locator('.reason', { hasText: 'no primary key' })
      .waitFor({ timeout: 30_000 });
    assert.equal(
      await view
        .locator('vscode-checkbox[data-table="[dbo].[PriceHistory]"]')
        .evaluate((el) => (el as unknown as { disabled: boolean }).disabled),
      true,
    );
    await view.locator('vscode-button#refresh-members').click();
    await view.locator('.schema-members', { hasText: 'No differences from the hub' }).waitFor({ timeout: 60_000 });
    await type(view, 'schema-search', 'RowVer');
    const inventory = view.locator('.schema-table', { hasText: '[dbo].[Inventory]' });
    await inventory.locator('.column-row', { hasText: 'RowVer' }).locator('.reason', { hasText: 'rowversion' }).waitFor();
    await type(view, 'schema-search', 'Supp');
    await view.locator('vscode-checkbox[data-table="[dbo].[Suppliers]"]').click();
    await view.locator('.summary', { hasText: 'Tables added (1): [dbo].[Suppliers]' }).waitFor();
    await type(view, 'schema-search', 'Employees');
    await view.locator('.schema-table', { hasText: '[dbo].[Employees]' }).locator('button.linkish', { hasText: 'Columns' }).click();
    const orgNode = view.locator('.column-row', { hasText: 'OrgNode' });
    await orgNode.locator('.reason', { hasText: 'hierarchyid' }).waitFor();
    // Types read as SQL: no storage size such as hierarchyid(892) or int(4).
    assert.equal(await orgNode.locator('.type').textContent(), 'hierarchyid');
    const employeeTypes = await view
      .locator('.schema-table', { hasText: '[dbo].[Employees]' })
      .locator('.column-row .type')
      .allTextContents();
    assert.deepEqual(employeeTypes, ['int', 'hierarchyid', 'nvarchar(200)', 'date']);
    await screenshot(page, '20-schema-picker');
  });

  it('sync logs: filter by type, load the next page, export CSV and JSON', async () => {
    // Two syncs push sales-sync's 49 seeded entries past one page (50).
    // The tree follows a running sync: its row says Progressing until the sync ends, then its new state.
    const dataSyncPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'SQL Data Sync' }) });
    const row = (name: RegExp) => dataSyncPane.getByRole('treeitem', { name });
    await expandUntil(page, row(/^Contoso Production/), row(/^contoso-sales-weu/));
    await expandUntil(page, row(/^contoso-sales-weu/), row(/^sales-sync/));
    for (let i = 0; i < 2; i++) {
      await runCommand(page, `${P}: Sync Now`);
      await pickSalesSync(page);
      await row(/^sales-sync.*Progressing/).waitFor({ timeout: 30_000 });
      await row(/^sales-sync(?!.*Progressing)/).waitFor({ timeout: 60_000 });
    }
    await runCommand(page, `${P}: View Sync Logs`);
    await pickSalesSync(page);
    const view = webview(page);
    await view.locator('#count', { hasText: 'more available' }).waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('#log-body > tr:not(.detail)').count(), 50);
    await view.locator('vscode-button#load-more').click();
    await view.locator('#count', { hasText: /^5[1-9] entries/ }).waitFor();
    // Expand one entry's details.
    await view.locator('#log-body button.linkish').first().click();
    await view.locator('#log-body tr.detail:visible', { hasText: 'Tracing id' }).first().waitFor();
    await screenshot(page, '30-sync-logs');
    await choose(view, 'log-type', 'Warning');
    await view.locator('vscode-button#apply').click();
    await view.locator('#log-body td.type-Warning').first().waitFor();
    assert.equal(await view.locator('#log-body td.type-Success').count(), 0, 'only warnings');
    await screenshot(page, '32-sync-logs-warnings');

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-e2e-logs-')), 'warnings.csv');
    await view.locator('vscode-button#export-csv').click();
    await saveAs(page, file);
    await view.locator('#exported', { hasText: 'Exported' }).waitFor({ timeout: 30_000 });
    const csv = fs.readFileSync(file, 'utf8');
    assert.ok(csv.startsWith('timestamp,type,source,details'));
    assert.ok(csv.includes(',Warning,'));
    const json = file.replace(/\.csv$/, '.json');
    await view.locator('vscode-button#export-json').click();
    await saveAs(page, json);
    await view.locator('#exported', { hasText: 'warnings.json' }).waitFor({ timeout: 30_000 });
    assert.equal((JSON.parse(fs.readFileSync(json, 'utf8')) as { type: string }).type, 'Warning');

    // The next query clears the "Exported…" message.
    await view.locator('vscode-button#apply').click();
    await view.locator('#exported').waitFor({ state: 'hidden' });
    // A custom range: date-and-time pickers, every label right above its control, and an empty start is "required".
    await choose(view, 'range', 'Custom…');
    await view.locator('#filter-start').waitFor();
    assert.equal(await view.locator('vscode-textfield#start input').getAttribute('type'), 'datetime-local');
    for (const id of ['range', 'start', 'end', 'log-type']) {
      const label = await view.locator(`#filter-${id} vscode-label`).boundingBox();
      const control = await view.locator(`#${id}`).boundingBox();
      assert.ok(
        label && control && Math.abs(label.x - control.x) < 2 && label.y + label.height <= control.y + 1,
        `${id}: label ${JSON.stringify(label)}, control ${JSON.stringify(control)}`,
      );
    }
    await view.locator('vscode-button#apply').click();
    await view.locator('#err-range', { hasText: 'Start time is required.' }).waitFor();
    await screenshot(page, '33-sync-logs-custom-range');
  });

  it('reopens the sync log tab after a window reload, with the same group and filters', async () => {
    await runCommand(page, `${P}: View Sync Logs`);
    await pickSalesSync(page);
    const view = webview(page);
    await view.locator('#count', { hasText: 'entries' }).waitFor({ timeout: 30_000 });
    await choose(view, 'log-type', 'Warning');
    await view.locator('vscode-button#apply').click();
    await view.locator('#log-body td.type-Warning').first().waitFor();
    await runCommand(page, 'Developer: Reload Window');
    const again = webview(page);
    await again.locator('h1', { hasText: 'Sync logs: sales-sync' }).waitFor({ timeout: 90_000 });
    // The restored page may load before the emulator connection is back: its query then runs again by itself.
    await again.locator('#log-body td.type-Warning').first().waitFor({ timeout: 90_000 });
    assert.equal(await again.locator('#log-body td.type-Success').count(), 0, 'still only warnings');
    await screenshot(page, '34-sync-logs-after-reload');
  });
});
