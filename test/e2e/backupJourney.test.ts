// Azure Backup for SQL Server in Azure VMs in the packaged extension, the way a person does it, with the
// mouse and the keyboard only: browse the Backup tree, configure protection of a database the demo leaves
// unprotected (discovery → VM → registration → inquiry → databases → policy, every quick pick answered from
// the keyboard), back it up now, restore a point picked on the timeline of a database with history to a new
// database, and find the ConfigureBackup, Backup and Restore jobs in the vault's jobs view.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { workbenchPage } from './support/hooks';
import { environmentStatus, expandUntil, openContainer, runCommand, runContextMenu, screenshot, webview } from './support/workbench';

const VAULT = 'contoso-backup-weu';
/** Left unprotected and unregistered by the demo seed; no other e2e suite touches it. */
const VM = 'sqlvm-prod-02';
const DATABASE = 'HRDb';
/** Restored from: 30 days of fulls, differentials and logs in the demo seed. */
const SOURCE = 'SalesDb';
/** Polls `condition` until it holds, for states no single locator can express. */
async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const RESTORED = `SalesDb_e2e_${Date.now().toString(36)}`;

describe('Backup journey (packaged VSIX, mouse and keyboard)', function () {
  this.timeout(240_000);
  let page: Page;
  const pane = (title: string) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
  const backupRow = (name: string | RegExp) => pane('Backup').getByRole('treeitem', { name });
  const quickInput = () => page.locator('.quick-input-widget');

  const panes = ['SQL Data Sync', 'Fabric Mirroring', 'Backup', 'Estate Health', 'Operations'];
  const wasExpanded = new Map<string, boolean>();
  let sidebarWidth: number | undefined;
  let dataSyncHeight: number | undefined;

  const isExpanded = async (title: string) =>
    (await page.locator('.pane-header', { hasText: title }).getAttribute('aria-expanded')) === 'true';
  async function setExpanded(title: string, expanded: boolean): Promise<void> {
    if ((await isExpanded(title)) !== expanded) await page.locator('.pane-header', { hasText: title }).click();
    await page.locator(`.pane-header[aria-expanded="${expanded}"]`, { hasText: title }).waitFor();
  }

  /** Drags the sidebar's edge so tree rows show their descriptions; returns the width it had. */
  async function dragSidebarTo(width: number): Promise<number> {
    const box = await page.locator('.part.sidebar').boundingBox();
    assert.ok(box, 'the sidebar is shown');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + width, y, { steps: 8 });
    await page.mouse.up();
    return box.width;
  }

  /** Answers the open quick pick from the keyboard: types to filter, waits for `row` to be the focused row, Enter. */
  async function answer(title: string | RegExp, filter: string, row: RegExp): Promise<void> {
    await quickInput().locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 60_000 });
    if (filter) await page.keyboard.type(filter);
    await quickInput().locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).waitFor();
    await page.keyboard.press('Enter');
    await quickInput().locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden' });
  }

  /** A tree row's item under an expanded VM: the instance row is shared by name, so walk from the VM. */
  async function openDatabase(vm: string, database: string): Promise<Locator> {
    await expandUntil(page, backupRow(/^Contoso Production/), backupRow(new RegExp(`^${VAULT}`)));
    await expandUntil(page, backupRow(new RegExp(`^${VAULT}`)), backupRow(new RegExp(`^${vm}`)));
    const vmRow = backupRow(new RegExp(`^${vm}`));
    const level = Number(await vmRow.getAttribute('aria-level'));
    const db = backupRow(new RegExp(`^${database}\\b`));
    if (await db.isVisible()) return db;
    // Every VM has an MSSQLSERVER row one level down (rows carry no ids to tell them apart): once the VM
    // shows its instance, expand the folded instances until the database shows.
    const instances = pane('Backup').locator(`[role="treeitem"][aria-level="${level + 1}"]`, { hasText: 'MSSQLSERVER' });
    const before = await instances.count();
    if ((await vmRow.getAttribute('aria-expanded')) !== 'true') {
      await vmRow.click();
      await until('the VM to show its SQL instance', async () => (await instances.count()) > before);
    }
    for (const row of await instances.all()) {
      if ((await row.getAttribute('aria-expanded')) === 'true') continue;
      await row.click();
      if (
        await db.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
    }
    await db.waitFor();
    return db;
  }

  before(async () => {
    page = await workbenchPage();
    await openContainer(page);
    for (const title of panes) wasExpanded.set(title, await isExpanded(title));
    dataSyncHeight = (await pane('SQL Data Sync').boundingBox())?.height;
    // Room for the Backup tree: the other views fold away and the sidebar widens, as a person would do.
    for (const title of panes) if (title !== 'Backup') await setExpanded(title, false);
    await setExpanded('Backup', true);
    if ((await environmentStatus(page, 'Local Emulator').count()) === 0)
      await pane('Backup').getByRole('button', { name: 'Start Local Emulator' }).click();
    await environmentStatus(page, 'Local Emulator').waitFor({ timeout: 60_000 });
    sidebarWidth = await dragSidebarTo(620);
  });

  after(async () => {
    // Leave the workbench as the next suite expects it.
    await runCommand(page, 'View: Close All Editors');
    if (sidebarWidth !== undefined) await dragSidebarTo(sidebarWidth);
    // Fold first, then unfold from the bottom up: a view unfolded last gets back the height it had, taken
    // from the views below it (the Operations view, opened meanwhile, would otherwise keep more).
    for (const [title, expanded] of wasExpanded) if (!expanded) await setExpanded(title, false);
    for (const [title, expanded] of [...wasExpanded].reverse()) if (expanded) await setExpanded(title, true);
    if (wasExpanded.get('SQL Data Sync') && dataSyncHeight !== undefined) {
      // The Operations view, opened meanwhile, keeps more height than it had: drag the edge under SQL Data
      // Sync back down to where it was.
      // A drag can stop short while the views settle: drag again from where the edge is now.
      for (let attempt = 0; attempt < 4; attempt++) {
        const box = await pane('SQL Data Sync').boundingBox();
        assert.ok(box, 'SQL Data Sync is shown');
        if (box.height >= dataSyncHeight - 2) break;
        const bottom = box.y + box.height;
        for (const sash of await page.locator('.part.sidebar .monaco-sash.horizontal:not(.disabled)').all()) {
          const s = await sash.boundingBox();
          if (!s || Math.abs(s.y + s.height / 2 - bottom) > 4) continue;
          const x = s.x + s.width / 2;
          await page.mouse.move(x, s.y + s.height / 2);
          await page.mouse.down();
          await page.mouse.move(x, s.y + s.height / 2 + dataSyncHeight - box.height, { steps: 8 });
          await page.mouse.up();
          break;
        }
      }
      const height = (await pane('SQL Data Sync').boundingBox())?.height ?? 0;
      assert.ok(Math.abs(height - dataSyncHeight) <= 8, `SQL Data Sync is ${height}px high again, as it was (${dataSyncHeight}px)`);
    }
  });

  it('lists vaults, registered VMs, protected databases with their last backup, the Policies and the Jobs', async () => {
    const sales = await openDatabase('sqlvm-prod-01', SOURCE);
    assert.match((await sales.getAttribute('aria-label')) ?? (await sales.innerText()), /Protected/);
    await backupRow(/^InventoryDb.*Protected.*last backup/).waitFor();
    // The vault's policies, each with its schedule in words, and its Jobs entry.
    await expandUntil(page, backupRow(/^Policies/), backupRow(/^SqlHourlyLog/));
    await backupRow(/^SqlWeeklyFullDailyDiff/).waitFor();
    await backupRow(/^Jobs/).waitFor();
    await page.mouse.move(1000, 600); // no tooltip over the picture
    await screenshot(page, '70-backup-tree');
  });

  it('configures protection from the vault: discovery, the VM, registration, inquiry, a database, a policy', async () => {
    await runContextMenu(page, backupRow(new RegExp(`^${VAULT}`)), 'Configure Protection…');
    // Discovery runs first; the VM list follows, the one to protect not registered yet.
    await quickInput()
      .locator('.quick-input-title', { hasText: `Choose the SQL Server VM to protect (${VAULT})` })
      .waitFor({ timeout: 90_000 });
    await quickInput()
      .locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`${VM}.*Not registered`) })
      .waitFor();
    await answer(`Choose the SQL Server VM to protect (${VAULT})`, VM, new RegExp(`^${VM}`));

    // Registration and inquiry run; then the VM's databases, the system ones with a note.
    const dbTitle = `Databases to protect on ${VM}`;
    await quickInput().locator('.quick-input-title', { hasText: dbTitle }).waitFor({ timeout: 90_000 });
    const list = quickInput().locator('.quick-input-list');
    for (const name of [DATABASE, 'PayrollDb', 'msdb']) await list.locator('.monaco-list-row', { hasText: name }).first().waitFor();
    await list.locator('.monaco-list-row', { hasText: /master.*system database/ }).waitFor();
    await page.mouse.move(1000, 600); // no tooltip of the tree row last clicked over the picture
    await screenshot(page, '71-backup-protect');
    await page.keyboard.type(DATABASE);
    const hr = list.locator('.monaco-list-row', { hasText: DATABASE });
    await list.locator('.monaco-list-row', { hasText: 'PayrollDb' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowDown'); // into the list
    await page.keyboard.press('Space'); // checks the focused database
    await list.locator('.monaco-list-row[aria-checked="true"]', { hasText: DATABASE }).waitFor();
    assert.equal(await hr.count(), 1, 'the filter leaves the one database');
    await page.keyboard.press('Enter');
    await quickInput().locator('.quick-input-title', { hasText: dbTitle }).waitFor({ state: 'hidden' });

    // A SQL policy, each shown with its schedule in words.
    await quickInput()
      .locator('.quick-input-title', { hasText: `Backup policy for 1 database(s) on ${VM}` })
      .waitFor();
    await quickInput()
      .locator('.quick-input-list .monaco-list-row', { hasText: /SqlDailyFull/ })
      .waitFor();
    await answer(`Backup policy for 1 database(s) on ${VM}`, 'SqlHourlyLog', /^SqlHourlyLog/);

    // The ConfigureBackup job is followed to its end; the tree then shows the VM and its protected database.
    await setExpanded('Operations', true);
    await pane('Operations')
      .getByRole('treeitem', { name: new RegExp(`Protect ${DATABASE} with SqlHourlyLog.*Succeeded`) })
      .waitFor({ timeout: 90_000 });
    await setExpanded('Operations', false);
    const hrRow = await openDatabase(VM, DATABASE);
    await backupRow(new RegExp(`^${DATABASE}.*(IRPending|Protected)`)).waitFor({ timeout: 60_000 });
    assert.equal(await hrRow.count(), 1);
  });

  it('backs the new database up now (Full), and the tree shows the backup', async () => {
    await runContextMenu(page, backupRow(new RegExp(`^${DATABASE}\\b`)), 'Back Up Now…');
    const typeTitle = `Back up ${DATABASE} now: backup type`;
    await quickInput().locator('.quick-input-title', { hasText: typeTitle }).waitFor({ timeout: 30_000 });
    // Without a Full yet, differential and log backups are listed as not available, with the reason.
    await quickInput()
      .locator('.quick-input-list .monaco-list-row', { hasText: /Differential.*not available.*need a Full backup/ })
      .waitFor();
    await answer(typeTitle, '', /^Full/);
    // Kept until: the default date (45 days on) is accepted as it is.
    const keepTitle = `Back up ${DATABASE} now: keep the Full backup until`;
    await quickInput().locator('.quick-input-title', { hasText: keepTitle }).waitFor();
    assert.match(await quickInput().locator('.quick-input-box input').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await page.keyboard.press('Enter');
    await answer(`Back up ${DATABASE} now: compression`, '', /compression/);

    await setExpanded('Operations', true);
    await pane('Operations')
      .getByRole('treeitem', { name: new RegExp(`Back up ${DATABASE} \\(Full\\).*Succeeded`) })
      .waitFor({ timeout: 90_000 });
    await setExpanded('Operations', false);
    await backupRow(new RegExp(`^${DATABASE}.*Protected.*last backup.*Succeeded`)).waitFor({ timeout: 60_000 });
  });

  it('restores a point picked on the timeline to a new database and follows the Restore job to its end', async () => {
    await runCommand(page, 'View: Close All Editors'); // one webview at a time, so webview(page) finds this one
    // The wizard needs the room more than the tree does now: the sidebar goes back to its width.
    if (sidebarWidth !== undefined) await dragSidebarTo(sidebarWidth);
    const sales = await openDatabase('sqlvm-prod-01', SOURCE);
    await runContextMenu(page, sales, 'Restore SQL Database from Backup…');
    const view = webview(page);
    await view.locator('h1', { hasText: `Restore ${SOURCE}` }).waitFor({ timeout: 30_000 });
    await view.locator('#subtitle', { hasText: /\d+ recovery points, (1 log range|\d+ log ranges)\./ }).waitFor({ timeout: 30_000 });

    // Pick an older full backup with the mouse: the point, its chain and the choice text follow.
    const fulls = view.locator('.timeline-svg g.marker-full');
    await fulls.nth(2).waitFor();
    const count = await fulls.count();
    assert.ok(count >= 4, `several full backups on the timeline (${count})`);
    const picked = fulls.nth(count - 3);
    const label = (await picked.getAttribute('aria-label')) ?? '';
    assert.match(label, /^Full backup, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await picked.click();
    await view.locator(`.timeline-svg g.marker.selected[aria-checked="true"][aria-label="${label}"]`).waitFor();
    const when = label.replace(/^Full backup, /, '');
    await view.locator('#choice-text', { hasText: `Chosen: full backup of ${when}` }).waitFor();
    await view.locator('#chain', { hasText: 'Backups this restore uses:' }).waitFor();
    await view.locator('#chain li', { hasText: `Full backup of ${when}` }).waitFor();
    await page.mouse.move(1000, 880);
    await screenshot(page, '72-backup-restore-timeline');
    await view.locator('#step-point button', { hasText: 'Next' }).click();

    // Target: an alternate database on the same VM and instance, with a new name.
    await view.locator('#target-alternate:checked').waitFor({ state: 'attached' });
    await view.locator('#containerId option:checked', { hasText: 'sqlvm-prod-01' }).waitFor({ state: 'attached' });
    await view.locator('#instance option:checked', { hasText: 'MSSQLSERVER' }).waitFor({ state: 'attached' });
    const name = view.locator('#databaseName');
    await name.click();
    await name.press('ControlOrMeta+a');
    await name.pressSequentially(RESTORED);
    await view.locator('#files tr', { hasText: 'Data' }).waitFor({ timeout: 30_000 });
    await view.locator('#step-target button', { hasText: 'Next' }).click();

    // Summary: what, where, the chain and the exact request; then restore.
    await view
      .locator('#summary-text', { hasText: `Restore ${SOURCE} to recovery point` })
      .filter({ hasText: `as a new database MSSQLSERVER/${RESTORED} on sqlvm-prod-01` })
      .waitFor();
    await view.locator('#summary-chain li', { hasText: `Full backup of ${when}` }).waitFor();
    await view.locator('#request', { hasText: '"recoveryType": "AlternateLocation"' }).waitFor({ timeout: 30_000 });
    await view.locator('#request', { hasText: `MSSQLSERVER/${RESTORED}` }).waitFor();
    assert.equal(await view.locator('#summary-problems').isHidden(), true, 'no problem to fix');
    await view.locator('#restore:not([disabled])').click();
    await view.locator('#progress.done-ok', { hasText: /Completed/ }).waitFor({ timeout: 90_000 });
    assert.equal(await view.locator('#restore').isDisabled(), true, 'one restore per run');
  });

  it("lists the ConfigureBackup, Backup and Restore jobs in the vault's jobs view", async () => {
    await runCommand(page, 'View: Close All Editors');
    // Only this vault is expanded: its Jobs entry is the one in the tree.
    const jobsRow = backupRow(/^Jobs/);
    await expandUntil(page, backupRow(new RegExp(`^${VAULT}`)), jobsRow);
    assert.equal(await jobsRow.count(), 1);
    await jobsRow.click();
    const view = webview(page);
    await view.locator('h1', { hasText: `Backup jobs: ${VAULT}` }).waitFor({ timeout: 30_000 });
    const rows = view.locator('#jobs tr');
    const configure = rows.filter({ hasText: 'ConfigureBackup' }).filter({ hasText: DATABASE });
    const backup = rows.filter({ hasText: /^Backup/ }).filter({ hasText: `${DATABASE} [${VM}]` });
    const restore = rows.filter({ hasText: /^Restore/ }).filter({ hasText: `${SOURCE} [sqlvm-prod-01]` });
    for (const row of [configure, backup]) await row.filter({ hasText: 'Completed' }).first().waitFor({ timeout: 30_000 });
    await restore.filter({ hasText: 'Completed' }).first().waitFor({ timeout: 30_000 });
    // The restore is the one just run: its details name the new database.
    await restore.first().getByRole('button', { name: 'Details' }).click();
    await view.locator('#details', { hasText: `sqlvm-prod-01/MSSQLSERVER/${RESTORED}` }).waitFor({ timeout: 30_000 });
    await view.locator('#details td', { hasText: 'Recovery to an alternate database' }).waitFor();
    await page.mouse.move(1000, 880);
    await screenshot(page, '73-backup-jobs');
  });
});
