// The Backup tree in the real VS Code against the emulator's demo seed: subscriptions → vaults → VMs →
// SQL instances → protected databases → recovery points, each vault's policies and jobs, menus by
// context value, an error node whose Retry loads the level again (the other vault unaffected), Back up
// now followed to its completed job with the database's node re-read, a refused Differential, copy id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProtectedItemNode } from '../../src/backup/tree/protectedItemNode';
import { vaultRefOf } from '../../src/backup/backupTarget';
import type { ExtensionApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/ui/tree/treeNode';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';
import { itemMenu } from './support/menus';

const VIEW = 'sqlDataMovement.backup';

describe('Backup tree (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  const script = new ScriptedUserInput();

  const children = async (node?: TreeNode) => api.backupTree.getChildren(node) as Promise<TreeNode[]>;
  const text = (v: string | vscode.TreeItemLabel | undefined) => (typeof v === 'object' ? v.label : String(v));
  const label = (n: TreeNode) => text(n.treeItem().label);
  const byLabel = async (parent: TreeNode | undefined, name: string) => {
    const found = (await children(parent)).find((n) => label(n) === name);
    assert.ok(found, `"${name}" is listed under ${parent ? label(parent) : 'the root'}: ${(await children(parent)).map(label).join(', ')}`);
    return found;
  };
  const path = async (...names: string[]) => {
    let node: TreeNode | undefined;
    for (const name of names) node = await byLabel(node, name);
    return node as TreeNode;
  };
  const tooltipText = (n: TreeNode) => {
    const t = n.tooltip?.() ?? n.treeItem().tooltip;
    // Markdown with its text escaped (appendText); read it back as text.
    return (typeof t === 'string' ? t : (t?.value ?? '')).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
  };
  const WEU = ['Contoso Production', 'contoso-backup-weu'];
  const salesDb = () => path(...WEU, 'sqlvm-prod-01', 'MSSQLSERVER', 'SalesDb') as Promise<ProtectedItemNode>;

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
    await vscode.commands.executeCommand(`${VIEW}.focus`);
    api.backupTree.refresh();
    api.userInput.use(script);
  });
  after(async () => {
    api.userInput.use(undefined);
    await control.clearFaults();
  });

  it('lists subscriptions → vaults → VMs → instances → protected databases → recovery points', async () => {
    const subs = (await children()).map(label);
    assert.ok(subs.includes('Contoso Production') && subs.includes('Contoso Dev/Test'), subs.join(', '));
    const vaults = (await children(await byLabel(undefined, 'Contoso Production'))).map(label);
    assert.deepEqual(vaults, ['contoso-backup-eus', 'contoso-backup-weu']);
    const weu = await path(...WEU);
    assert.equal(weu.treeItem().contextValue, 'backupVault');
    assert.match(weu.resourceId ?? '', /\/providers\/Microsoft\.RecoveryServices\/vaults\/contoso-backup-weu$/i);
    const level = (await children(weu)).map(label);
    // The VMs the vault has registered now (other suites register more on the shared emulator), by name.
    const ref = vaultRefOf(weu.resourceId);
    assert.ok(ref);
    const registered = (await api.backup.clients().discovery.listContainers(ref).toArray())
      .map((c) => c.properties?.friendlyName ?? '')
      .sort((a, b) => a.localeCompare(b));
    assert.ok(registered.includes('sqlvm-ag-01') && registered.includes('sqlvm-prod-01'), registered.join(', '));
    assert.deepEqual(level, [...registered, 'Policies', 'Jobs']);

    const vm = await path(...WEU, 'sqlvm-prod-01');
    assert.equal(vm.treeItem().contextValue, 'backupContainer:Registered');
    assert.match(String(vm.treeItem().description), /^rg-sql-vms · Registered/);
    const instance = await byLabel(vm, 'MSSQLSERVER');
    assert.equal(instance.treeItem().contextValue, 'backupSqlInstance');
    assert.deepEqual((await children(instance)).map(label), ['InventoryDb', 'msdb', 'SalesDb']);

    const sales = await salesDb();
    const item = sales.treeItem();
    assert.equal(item.contextValue, 'backupProtectedItem:Protected');
    assert.match(String(item.description), /^Protected · last backup .+ · Succeeded$/);
    assert.match(tooltipText(sales), /Policy: SqlHourlyLog/);
    assert.match(tooltipText(sales), /Recovery model: FULL/);
    assert.match(sales.resourceId, /protectedItems\/SQLDataBase;MSSQLSERVER;SalesDb$/i);

    const points = await children(sales);
    assert.equal(label(points[0]), 'Point in time (log backups)');
    assert.equal(label(points.at(-1)!), 'More recovery points…');
    const full = points.slice(1, -1);
    assert.equal(full.length, 20, 'the first page');
    assert.ok(full.every((p) => p.treeItem().contextValue === 'backupRecoveryPoint'));
    const times = full.map((p) =>
      Date.parse((p as unknown as { point: { properties: { recoveryPointTimeInUTC: string } } }).point.properties.recoveryPointTimeInUTC),
    );
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    await vscode.commands.executeCommand('sqlDataMovement.backup.loadMoreRecoveryPoints', points.at(-1));
    const more = await waitFor('more recovery points', async () => {
      const now = await children(sales);
      return now.length > points.length ? now : undefined;
    });
    assert.ok(more.length > points.length);
  });

  it("shows each vault's policies with their schedule and a Jobs node that opens the vault's jobs", async () => {
    const weu = await path(...WEU);
    const policies = await byLabel(weu, 'Policies');
    assert.equal(policies.treeItem().contextValue, 'backupPoliciesFolder');
    const hourly = await byLabel(policies, 'SqlHourlyLog');
    assert.equal(hourly.treeItem().contextValue, 'backupPolicy');
    assert.equal(hourly.treeItem().description, 'Full daily at 19:00 UTC, kept 30 days · Log every 60 min, kept 30 days');
    const jobs = await byLabel(weu, 'Jobs');
    const item = jobs.treeItem();
    assert.equal(item.contextValue, 'backupJobs');
    assert.equal(item.command?.command, 'sqlDataMovement.backup.showJobs');
    assert.deepEqual(item.command?.arguments, [{ resourceId: weu.resourceId }]);
  });

  it('offers commands by context value', () => {
    const commands = (cv: string) => itemMenu(VIEW, cv).map((m) => m.command);
    for (const c of ['backupNow', 'refreshNode', 'copyResourceId', 'copyAsRestRequest', 'openInPortal'])
      assert.ok(commands('backupProtectedItem:Protected').includes(`sqlDataMovement.backup.${c}`), c);
    assert.ok(commands('backupProtectedItem:IRPending').includes('sqlDataMovement.backup.backupNow'));
    assert.ok(!commands('backupProtectedItem:ProtectionStopped').includes('sqlDataMovement.backup.backupNow'));
    assert.ok(commands('backupVault').includes('sqlDataMovement.backup.openInPortal'));
    assert.ok(commands('backupRecoveryPoint').includes('sqlDataMovement.backup.copyResourceId'));
    assert.ok(itemMenu(VIEW, 'backupError').some((m) => m.command === 'sqlDataMovement.tree.retry'));
  });

  it('shows an error node for a vault that cannot load while the other vault loads, and Retry loads it again', async () => {
    const weu = await path(...WEU);
    const eus = await path('Contoso Production', 'contoso-backup-eus');
    await control.addFaults('500*6@GET /vaults/contoso-backup-weu/backupProtectionContainers$'); // one try + 5 retries
    api.backupTree.refresh(weu);
    api.backupTree.refresh(eus);
    const failed = await children(weu);
    const other = await children(eus);
    await control.clearFaults();
    assert.equal(failed.length, 1);
    const errorItem = failed[0].treeItem();
    assert.match(text(errorItem.label), /^Could not load: InternalServerError/);
    assert.equal(errorItem.contextValue, 'backupError');
    assert.ok(
      other.some((n) => label(n) === 'sqlvm-prod-eus'),
      'the other vault still loads',
    );
    assert.ok(!other.some((n) => n.treeItem().contextValue === 'backupError'));
    await vscode.commands.executeCommand('sqlDataMovement.tree.retry', failed[0]);
    const again = await waitFor('the vault to load again', async () => {
      const now = await children(weu);
      return now.some((n) => label(n) === 'sqlvm-prod-01') ? now : undefined;
    });
    assert.equal(again.filter((n) => n.treeItem().contextValue === 'backupError').length, 0);
  });

  it('backs up now (Full), follows it to the completed job and re-reads the database node', async () => {
    const sales = await salesDb();
    const before = Date.parse(sales.properties?.lastBackupTime ?? '') || 0;
    const t0 = Date.now() - 1000;
    script.script(
      { title: /^Back up SalesDb now: backup type$/, answer: 'Full' },
      { title: /keep the Full backup until$/, accept: true },
      { title: /compression$/, accept: true },
    );
    await vscode.commands.executeCommand('sqlDataMovement.backup.backupNow', { resourceId: sales.resourceId });
    assert.equal(script.remaining, 0);
    const record = await waitFor(
      'the backup operation to end',
      () => api.operations.tracker.list().history.find((r) => r.title === 'Back up SalesDb (Full)' && r.startedAt >= t0),
      90_000,
    );
    assert.equal(record.status, 'succeeded', JSON.stringify(record.error));
    assert.equal(record.serviceStatus, 'Completed');
    assert.ok(record.jobId);
    assert.equal(record.target.resourceId?.toLowerCase(), sales.resourceId.toLowerCase());
    const job = await api.backup.clients().protection.getJob(sales.ref, record.jobId);
    assert.equal(job.properties?.status, 'Completed');
    await waitFor(
      'the database node to show the new backup',
      () => (Date.parse(sales.properties?.lastBackupTime ?? '') || 0) > before,
      30_000,
    );
  });

  it('refuses a Differential for a database without a Full, and says why', async () => {
    const sales = await salesDb();
    const reporting = { ...sales.ref, item: 'SQLDataBase;MSSQLSERVER;ReportingDb' };
    const policyId = `/subscriptions/${reporting.subscriptionId}/resourceGroups/${reporting.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${reporting.vault}/backupPolicies/SqlDailyFull`;
    const protect = await api.backup.clients().protection.beginProtect(reporting, {
      properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId },
    });
    const item = await protect.pollUntilDone({ minDelayMs: 100 });
    // The tree shows it waiting for its first Full, and follows it while the view is visible.
    const instance = await path(...WEU, 'sqlvm-prod-01', 'MSSQLSERVER');
    api.backupTree.refresh(instance);
    const node = await byLabel(instance, 'ReportingDb');
    assert.equal(node.treeItem().contextValue, 'backupProtectedItem:IRPending');
    assert.ok(api.backupTree.follower.ids.includes(node.id), 'an IRPending database is followed');
    const shownBefore = api.errors.shown.length;
    script.script({ title: /^Back up ReportingDb now: backup type$/, answer: 'Differential' });
    await vscode.commands.executeCommand('sqlDataMovement.backup.backupNow', { resourceId: item.id });
    assert.equal(script.remaining, 0);
    const shown = api.errors.shown.slice(shownBefore);
    assert.equal(shown.length, 1);
    assert.match(
      shown[0].text,
      /^Back up now failed: Cannot take a Differential backup of ReportingDb now: .*need a Full backup of ReportingDb first/,
    );
    const { running, history } = api.operations.tracker.list();
    assert.ok(![...running, ...history].some((r) => r.title === 'Back up ReportingDb (Differential)'), 'nothing was started');
  });

  it('asks from the palette for a subscription, a vault, then a protected database, then the backup type', async () => {
    script.script(
      { title: /^Choose a subscription$/, answer: 'Contoso Production' },
      { title: /^Choose a Recovery Services vault in Contoso Production$/, answer: 'contoso-backup-weu' },
      { title: /^Choose a protected database in contoso-backup-weu$/, answer: 'msdb' },
      { title: /^Back up msdb now: backup type$/, answer: undefined },
    );
    const offeredBefore = script.offered.length;
    await vscode.commands.executeCommand('sqlDataMovement.backup.backupNow');
    assert.equal(script.remaining, 0);
    assert.deepEqual(
      script.offered.slice(offeredBefore).map((o) => o.title),
      [
        'Choose a subscription',
        'Choose a Recovery Services vault in Contoso Production',
        'Choose a protected database in contoso-backup-weu',
        'Back up msdb now: backup type',
      ],
    );
  });

  it('copies the resource id of a node', async () => {
    const sales = await salesDb();
    const copied = await vscode.commands.executeCommand<string>('sqlDataMovement.backup.copyResourceId', sales);
    assert.equal(copied, sales.resourceId);
    assert.equal(await vscode.env.clipboard.readText(), sales.resourceId);
  });

  it('reveals a protected database by its id (any case), loading vault, VM and instance, and selects it', async () => {
    const id = (await salesDb()).resourceId;
    api.backupTree.refresh(); // nothing loaded: reveal loads the path itself
    const revealed = await vscode.commands.executeCommand<string>('sqlDataMovement.backup.revealItem', { resourceId: id.toUpperCase() });
    assert.equal(revealed, `backupProtectedItem:${id.toLowerCase()}`);
    const selected = await waitFor('the Backup tree to select SalesDb', () => api.backupTreeView.selection[0]);
    assert.equal(selected.resourceId, id);
    assert.equal(label(selected), 'SalesDb');
    assert.equal(label(selected.parent!), 'MSSQLSERVER');
    assert.equal(label(selected.parent!.parent!), 'sqlvm-prod-01');
  });
});
