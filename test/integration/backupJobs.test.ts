// The Backup jobs panel in the real VS Code against the emulator's demo seed: a vault's jobs, filters
// sent to the service, Load more, a failed job's details with its recommendation, Reveal protected item,
// and cancelling a running backup through the operations center until the job is Cancelled.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { VaultRef } from '../../src/azure/backup/backupPaths';
import type { JobsPanel } from '../../src/backup/webviews/jobsPanel';
import type { JobDetails, JobsListing } from '../../src/backup/webviews/protocol/jobs';
import type { ExtensionApi } from '../../src/extensionApi';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator } from './support/emulator';
import { activateExtension, screenshot, waitFor } from './support/extension';

describe('Backup jobs view (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let vaultId: string;
  let vault: VaultRef;
  // No prompt is expected: one would fail the test instead of waiting for a user.
  const script = new ScriptedUserInput();

  const listings = (panel: JobsPanel): JobsListing[] => panel.posted.flatMap((m) => (m.type === 'jobs' ? [m.listing] : []));
  const details = (panel: JobsPanel): JobDetails[] => panel.posted.flatMap((m) => (m.type === 'details' ? [m.details] : []));
  const open = async (): Promise<JobsPanel> => {
    const panel = await vscode.commands.executeCommand<JobsPanel>('sqlDataMovement.backup.showJobs', { resourceId: vaultId });
    assert.ok(panel, 'the command returned the panel');
    await panel.ready;
    return panel;
  };
  /** Applies filters and returns the listing they produced. */
  const filter = async (panel: JobsPanel, status: string, operation: string, period: string): Promise<JobsListing> => {
    const before = listings(panel).length;
    await panel.simulate({ type: 'filter', filters: { status, operation, period } });
    return waitFor('the filtered listing', () => listings(panel)[before]);
  };

  before(async () => {
    api = await activateExtension();
    await useEmulator(api);
    api.userInput.use(script);
    const subs = await api.backup.clients().subscriptions.list().toArray();
    const prod = subs.find((s) => s.displayName === 'Contoso Production');
    assert.ok(prod?.subscriptionId);
    const vaults = await api.backup.clients().vaults.listVaults(prod.subscriptionId).toArray();
    const weu = vaults.find((v) => v.name === 'contoso-backup-weu');
    assert.ok(weu?.id);
    vaultId = weu.id;
    vault = { subscriptionId: prod.subscriptionId, resourceGroup: 'rg-backup', vault: 'contoso-backup-weu' };
  });
  after(async () => {
    api.userInput.use(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => assert.equal(script.remaining, 0, `every scripted answer was used (asked: ${script.asked.join(' | ')})`));

  it("opens with the vault's jobs; one panel per vault", async () => {
    const panel = await open();
    const first = await waitFor('the first listing', () => listings(panel)[0]);
    assert.equal(first.vaultName, 'contoso-backup-weu');
    assert.ok(first.rows.length > 0, 'jobs are listed');
    assert.match(first.filter, /^backupManagementType eq 'AzureWorkload' and startTime eq '.+' and endTime eq '.+'$/);
    const server = await api.backup.clients().protection.listJobs(vault, { filter: first.filter }).byPage()[Symbol.asyncIterator]().next();
    assert.deepEqual(
      first.rows.map((r) => r.name),
      (server.value as { items: Array<{ name?: string }> }).items.map((j) => j.name),
      'the first page as the service lists it',
    );
    // Any id in the vault (here a job's) opens the vault's panel: the one already open.
    const again = await vscode.commands.executeCommand<JobsPanel>('sqlDataMovement.backup.showJobs', { resourceId: first.rows[0].id });
    assert.equal(again, panel, 'the same panel for the same vault');
    assert.deepEqual(script.asked, [], 'a target needs no prompt');
    script.script(
      { title: /Show backup jobs: subscription/, answer: 'Contoso Production' },
      { title: /Show backup jobs: Recovery Services vault in Contoso Production/, answer: 'contoso-backup-weu' },
    );
    const picked = await vscode.commands.executeCommand<JobsPanel>('sqlDataMovement.backup.showJobs');
    assert.equal(picked, panel, 'the palette asks subscription → vault');
    assert.deepEqual(panel.cspViolations, []);
    await screenshot('backup-jobs');
  });

  it('filters by status on the service, and loads more pages', async () => {
    const panel = await open();
    const everything = await filter(panel, '', '', 'all');
    assert.ok(everything.hasMore, 'more than one page of jobs');
    const failed = await filter(panel, 'Failed', '', 'all');
    assert.match(failed.filter, /status eq 'Failed'/);
    assert.ok(failed.rows.length > 0 && failed.rows.every((r) => r.status === 'Failed'), 'only failed jobs');
    assert.ok(failed.rows.length < everything.rows.length, 'the filter narrows the list');

    const all = await filter(panel, '', '', 'all');
    const before = listings(panel).length;
    await panel.simulate({ type: 'loadMore' });
    const more = await waitFor('the second page', () => listings(panel)[before]);
    assert.equal(more.pages, 2);
    assert.ok(more.rows.length > all.rows.length, 'rows were added');
    assert.deepEqual(
      more.rows.slice(0, all.rows.length).map((r) => r.id),
      all.rows.map((r) => r.id),
      'the first page stays on top',
    );
    assert.equal(new Set(more.rows.map((r) => r.id)).size, more.rows.length, 'no job twice');
  });

  it("shows a failed job's details with the error's recommendation, and reveals its protected item", async () => {
    const panel = await open();
    const failed = await filter(panel, 'Failed', 'Backup', 'all');
    const sales = failed.rows.find((r) => r.entity.startsWith('SalesDb'));
    assert.ok(sales, 'the failed log backup of SalesDb');
    await panel.simulate({ type: 'details', jobName: sales.name });
    const d = await waitFor('the details', () => details(panel).find((x) => x.name === sales.name));
    assert.equal(d.status, 'Failed');
    assert.ok(d.durationText, 'a duration');
    assert.ok(d.tasks.length > 0, 'the tasks list');
    assert.equal(d.errors[0]?.title, 'UserErrorBackupFailedAsTransactionLogIsFull');
    assert.deepEqual(d.errors[0]?.recommendations, ['Free space on the log volume or grow the log file, then retry the backup.']);

    await panel.simulate({ type: 'revealItem', jobName: sales.name });
    assert.match(panel.revealed.at(-1) ?? '', /\/protectedItems\/SQLDataBase;mssqlserver;SalesDb$/i);
    const selected = await waitFor('the Backup tree to select the revealed database', () =>
      api.backupTreeView.selection.find((n) => n.resourceId?.toLowerCase() === panel.revealed.at(-1)?.toLowerCase()),
    );
    assert.equal(selected.id.startsWith('backupProtectedItem:'), true);
  });

  it('cancels a running backup where the job allows it: tracked, linked, and the job ends Cancelled', async () => {
    const panel = await open();
    await filter(panel, 'InProgress', 'Backup', '24h');
    const [item] = await api.backup
      .clients()
      .protection.listProtectedItems(vault, {
        filter: "backupManagementType eq 'AzureWorkload' and itemType eq 'SQLDataBase' and friendlyName eq 'InventoryDb'",
      })
      .toArray();
    assert.ok(item?.id && item.name);
    const container = item.id.split('/protectionContainers/')[1].split('/')[0];
    await api.backup
      .clients()
      .protection.beginBackupNow(
        { ...vault, container, item: item.name },
        { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } },
      );
    const listing = await filter(panel, 'InProgress', 'Backup', '24h');
    const running = listing.rows.find((r) => r.entity.startsWith('InventoryDb') && r.cancellable);
    assert.ok(running, `a cancellable running backup of InventoryDb (${listing.rows.map((r) => `${r.entity} ${r.status}`).join(', ')})`);

    await panel.simulate({ type: 'cancel', jobName: running.name });
    const operationId = panel.operations.get(running.name.toLowerCase());
    assert.ok(operationId, 'the cancel runs through the operations center');
    const record = api.operations.tracker.list().history.find((r) => r.id === operationId);
    assert.equal(record?.status, 'succeeded');
    assert.equal(record?.target.resourceId?.toLowerCase(), running.id.toLowerCase());
    const linked = details(panel).find((d) => d.name === running.name);
    assert.ok(linked, 'the details show again after the cancel');
    assert.ok(
      panel.posted.some((m) => m.type === 'details' && m.details.name === running.name && m.operationId === operationId),
      'the job links to its operation',
    );
    await waitFor(
      'the job to end Cancelled',
      async () => (await api.backup.clients().protection.getJob(vault, running.name)).properties?.status === 'Cancelled' || undefined,
      30_000,
    );
    await panel.simulate({ type: 'refresh' });
    const after = listings(panel).at(-1);
    assert.equal(
      after?.rows.find((r) => r.name === running.name),
      undefined,
      'no longer InProgress',
    );
    await panel.simulate({ type: 'filter', filters: { status: 'Cancelled', operation: '', period: '24h' } });
    assert.ok(
      listings(panel)
        .at(-1)
        ?.rows.some((r) => r.name === running.name && r.status === 'Cancelled'),
    );
  });

  it('refuses a page message of the wrong shape', async () => {
    const panel = await open();
    await panel.simulate({ type: 'cancel' } as never);
    assert.match(panel.refused.at(-1) ?? '', /jobName/);
  });
});
