// The Restore wizard in the real VS Code against the emulator: opened on a protected database (and on a
// recovery point, which it starts on), the timeline and targets it shows, a restore to an alternate
// database tracked to its completed Restore job, and restores that are refused — by the wizard's own
// checks, by the service's Restore job, by the service's answer — each keeping every field.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { RestoreWizardPanel } from '../../src/backup/webviews/restoreWizardPanel';
import type { FileMapping, RestoreForm, ToRestoreWizard } from '../../src/backup/webviews/protocol/restoreWizard';
import { containerRefOf, protectedItemRefOf, vaultRefOf } from '../../src/backup/backupTarget';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, screenshot, waitFor } from './support/extension';

type Posted<K extends ToRestoreWizard['type']> = Extract<ToRestoreWizard, { type: K }>;

function lastPosted<K extends ToRestoreWizard['type']>(
  posted: ReadonlyArray<{ type: string }>,
  type: K,
  from = 0,
  where: (m: Posted<K>) => boolean = () => true,
): Posted<K> | undefined {
  for (let i = posted.length - 1; i >= from; i--)
    if (posted[i].type === type && where(posted[i] as Posted<K>)) return posted[i] as Posted<K>;
  return undefined;
}

describe('Backup restore wizard (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  const script = new ScriptedUserInput();
  let itemId: string;
  /** Opened on a recovery point before the first restore: its list of databases predates it. */
  let stale: RestoreWizardPanel;
  let stalePoint: string;
  const newName = `SalesDb_it_${Date.now().toString(36)}`;

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
    api.userInput.use(script);
    const { subscriptions, vaults, protection } = api.backup.clients();
    for (const s of await subscriptions.list().toArray())
      for (const v of await vaults.listVaults(s.subscriptionId!).toArray()) {
        if (v.name !== 'contoso-backup-weu') continue;
        const items = await protection.listProtectedItems(vaultRefOf(v.id)!).toArray();
        itemId = items.find((i) => i.properties?.friendlyName === 'SalesDb')!.id!;
      }
    assert.ok(itemId, 'SalesDb is protected in contoso-backup-weu');
  });
  after(async () => {
    api.userInput.use(undefined);
    await control.clearFaults();
    for (const p of [...api.backupRestoreWizards.open]) p.dispose();
  });

  async function openWizard(arg?: unknown): Promise<RestoreWizardPanel> {
    const panel = await vscode.commands.executeCommand<RestoreWizardPanel>('sqlDataMovement.backup.restore', arg);
    assert.ok(panel, 'the wizard opened');
    await waitFor('the wizard to load the timeline', () => lastPosted(panel.posted, 'init'), 30_000);
    return panel;
  }

  async function nextPosted<K extends ToRestoreWizard['type']>(
    panel: RestoreWizardPanel,
    type: K,
    action: () => Promise<void>,
    where?: (m: Posted<K>) => boolean,
    ms = 30_000,
  ): Promise<Posted<K>> {
    const from = panel.posted.length;
    await action();
    return waitFor(`the wizard to post "${type}"`, () => lastPosted(panel.posted, type, from, where), ms);
  }

  const form = (o: Partial<RestoreForm>): RestoreForm => ({
    mode: 'point',
    point: '',
    pointInTime: '',
    target: 'alternate',
    confirmName: '',
    containerId: '',
    instance: 'MSSQLSERVER',
    databaseName: newName,
    files: [],
    folder: '',
    ...o,
  });

  async function filesFor(panel: RestoreWizardPanel, point: string, containerId: string): Promise<FileMapping[]> {
    const files = await nextPosted(
      panel,
      'files',
      () => panel.simulate({ type: 'loadFiles', point, containerId, instance: 'MSSQLSERVER' }),
      (m) => m.point === point && m.containerId === containerId,
    );
    return files.files;
  }

  it('opens on a recovery point node starting on that point, and from the palette on the chosen database', async () => {
    const points = await api.backup.clients().protection.listRecoveryPoints(protectedItemRefOf(itemId)!).toArray();
    stalePoint = points.find((p) => p.properties?.type === 'Full' && p.name !== 'DefaultRangeRecoveryPoint')!.name!;
    stale = await openWizard({ resourceId: `${itemId}/recoveryPoints/${stalePoint}` });
    assert.equal(lastPosted(stale.posted, 'init')!.preselect, stalePoint);

    script.script(
      { title: /subscription/, answer: 'Contoso Production' },
      { title: /vault/, answer: 'contoso-backup-weu' },
      { title: /protected database/, answer: 'SalesDb' },
    );
    const fromPalette = await openWizard();
    assert.equal(script.remaining, 0);
    assert.equal(protectedItemRefOf(itemId)!.item.toLowerCase(), fromPalette.ref.item.toLowerCase());
    assert.equal(lastPosted(fromPalette.posted, 'init')!.preselect, undefined);
    fromPalette.dispose();

    // InventoryDb has weekly fulls with daily differentials: the timeline draws both kinds of mark.
    script.script(
      { title: /subscription/, answer: 'Contoso Production' },
      { title: /vault/, answer: 'contoso-backup-weu' },
      { title: /protected database/, answer: 'InventoryDb' },
    );
    const inventory = await openWizard();
    const marks = lastPosted(inventory.posted, 'init')!.timeline.points;
    assert.deepEqual([...new Set(marks.map((p) => p.type))].sort(), ['Differential', 'Full']);
    await waitFor('the page to draw the timeline and ask for its chain', () => lastPosted(inventory.posted, 'preview'));
    await screenshot('backup-restore-wizard-differentials');
    const diff = marks.filter((p) => p.type === 'Differential').at(-1)!;
    const preview = await nextPosted(
      inventory,
      'preview',
      () => inventory.simulate({ type: 'preview', form: form({ point: diff.name }) }),
      (m) => m.chain?.at(-1)?.name === diff.name,
    );
    assert.deepEqual(
      preview.chain?.map((l) => l.type),
      ['Full', 'Differential'],
      'a differential replays the full before it',
    );
    inventory.dispose();
  });

  it('restores to an alternate database chosen on the timeline, tracked to a completed Restore job', async () => {
    const panel = await openWizard({ resourceId: itemId });
    const init = lastPosted(panel.posted, 'init')!;
    assert.equal(init.database, 'SalesDb');
    assert.ok(init.timeline.points.length > 5, 'full and differential marks');
    assert.ok(
      init.timeline.points.every((p, i, a) => i === 0 || a[i - 1].time <= p.time),
      'oldest first',
    );
    assert.ok(init.timeline.ranges.length >= 1, 'log ranges');
    const vm = init.targets.find((t) => t.name === 'sqlvm-prod-01');
    assert.ok(vm, 'sqlvm-prod-01 is a target');
    assert.ok(vm.instances.some((i) => i.name === 'MSSQLSERVER' && i.dataPath && i.databases.includes('SalesDb')));
    // The page itself asks for the chain of its first choice (the latest point) once it has drawn the timeline.
    await waitFor('the page to draw the timeline and ask for its chain', () => lastPosted(panel.posted, 'preview'));
    assert.deepEqual(panel.refused, [], 'every message of the page has the right shape');
    assert.deepEqual(panel.cspViolations, []);
    await screenshot('backup-restore-wizard-timeline');

    const point = init.timeline.points[init.timeline.points.length - 1].name;
    const files = await filesFor(panel, point, vm.containerId);
    assert.deepEqual(
      files.map((f) => f.mappingType),
      ['Data', 'Log'],
    );
    assert.ok(files.every((f) => f.targetPath.startsWith(f.mappingType === 'Data' ? vm.instances[0].dataPath! : vm.instances[0].logPath!)));
    const chosen = form({ point, containerId: vm.containerId, files });
    const preview = await nextPosted(
      panel,
      'preview',
      () => panel.simulate({ type: 'preview', form: chosen }),
      (m) => Boolean(m.request?.body.includes(newName)),
    );
    assert.deepEqual(preview.errors, {});
    assert.ok(preview.chain?.length, 'the chain it uses');
    assert.match(preview.request!.path, /\/recoveryPoints\/[^/]+\/restore\?api-version=/);
    const body = JSON.parse(preview.request!.body) as { properties: Record<string, unknown> };
    assert.equal(body.properties.recoveryType, 'AlternateLocation');
    assert.deepEqual(body.properties.targetInfo, {
      overwriteOption: 'FailOnConflict',
      containerId: vm.containerId,
      databaseName: `MSSQLSERVER/${newName}`,
    });

    const ended = await nextPosted(
      panel,
      'job',
      () => panel.simulate({ type: 'restore', form: chosen }),
      (m) => m.ended,
      60_000,
    );
    assert.equal(ended.status, 'Completed', ended.text);
    assert.equal(panel.job?.status, 'Completed');
    const job = await api.backup.clients().protection.getJob(vaultRefOf(itemId)!, ended.jobId);
    assert.match(job.properties?.operation ?? '', /^Restore/);
    const op = api.operations.tracker.list().history.find((r) => r.title === `Restore SalesDb to MSSQLSERVER/${newName}`);
    assert.equal(op?.status, 'succeeded');
    assert.equal(op?.target.resourceId, itemId, 'filed under the protected database');
    const items = await api.backup
      .clients()
      .discovery.listWorkloadItems(containerRefOf(vm.containerId)!, { filter: "backupManagementType eq 'AzureWorkload'" })
      .toArray();
    assert.ok(items.some((i) => i.properties?.friendlyName === newName && i.properties.workloadItemType === 'SQLDataBase'));
    await screenshot('backup-restore-wizard-completed');
    panel.dispose();
  });

  it('a refused restore keeps every field: the wizard’s checks, the service’s job, the service’s answer', async () => {
    const init = lastPosted(stale.posted, 'init')!;
    const vm = init.targets.find((t) => t.name === 'sqlvm-prod-01')!;
    assert.ok(!vm.instances[0].databases.includes(newName), 'this wizard read the instance before the restore');

    // A moment outside every log range: refused before any request, the message names the field and the ranges.
    const lastRange = init.timeline.ranges[init.timeline.ranges.length - 1];
    const late = new Date(Date.parse(lastRange.end) + 3 * 86_400_000).toISOString().slice(0, 19);
    const outside = form({ mode: 'pointInTime', pointInTime: late, containerId: vm.containerId });
    const pit = await nextPosted(stale, 'fieldErrors', () => stale.simulate({ type: 'restore', form: outside }));
    assert.match(pit.errors.pointInTime ?? '', /outside every log range\. Choose a moment inside a log range: /);
    assert.match(pit.errors.files ?? '', /file list is empty/);

    // The name this wizard still thinks is free: the service's Restore job refuses to overwrite it.
    const files = await filesFor(stale, stalePoint, vm.containerId);
    const clash = form({ point: stalePoint, containerId: vm.containerId, files });
    const failed = await nextPosted(
      stale,
      'job',
      () => stale.simulate({ type: 'restore', form: clash }),
      (m) => m.ended,
      60_000,
    );
    assert.equal(failed.status, 'Failed');
    assert.match(
      failed.text,
      /Failed\. UserErrorCannotRestoreExistingDBWithoutForceOverwrite: A database with the same name already exists/,
    );
    assert.deepEqual(stale.draft, clash, 'the form is kept as sent');

    // The service fails the request itself: its error is shown, and the form stays.
    const other = form({ point: stalePoint, containerId: vm.containerId, files, databaseName: `${newName}_2` });
    await control.addFaults('500*10@POST /restore$');
    try {
      const error = await nextPosted(stale, 'error', () => stale.simulate({ type: 'restore', form: other }), undefined, 60_000);
      assert.equal(error.step, 'summary');
      assert.equal(error.error.code, 'InternalServerError');
      assert.equal(error.error.status, 500);
    } finally {
      await control.clearFaults();
    }
    assert.deepEqual(stale.draft, other);
    // A reloaded page comes back with every field as typed.
    const again = await nextPosted(stale, 'init', () => stale.simulate({ type: 'ready' }));
    assert.deepEqual(again.draft, other);
    await screenshot('backup-restore-wizard-refused');
  });
});
