// Restore workflows against the emulator (demo seed): the timeline and targets read for SalesDb on
// sqlvm-prod-01, a restore to the original database, to an alternate database and as files, each followed
// to its Restore job's end, and a point in time outside the log ranges refused by the service.
import { strict as assert } from 'node:assert';
import type { ProtectedItemRef } from '../../../src/azure/backup/backupPaths';
import { isAzureRequestError } from '../../../src/azure/http/azureError';
import { protectedItemRefOf, vaultRefOf } from '../../../src/backup/backupTarget';
import { defaultFileMappings } from '../../../src/backup/workflows/restoreRequest';
import { fieldOfRestoreRefusal, type RestoreInput } from '../../../src/backup/workflows/restoreValidation';
import {
  beginRestore,
  restoreJobOf,
  loadRestoreSource,
  sourceFilesOf,
  type RestoreSource,
} from '../../../src/backup/workflows/restoreWorkflows';
import { startBackupHarness, type BackupHarness } from './backupHarness';
import { restoreInput } from './restoreInputs';

describe('restore workflows (emulator)', function () {
  this.timeout(30_000);
  let h: BackupHarness;
  let ref: ProtectedItemRef;
  let source: RestoreSource;

  before(async () => {
    h = await startBackupHarness();
    const { vaults, protection, subscriptions } = h.clients;
    for (const s of await subscriptions.list().toArray())
      for (const v of await vaults.listVaults(s.subscriptionId!).toArray()) {
        if (v.name !== 'contoso-backup-weu') continue;
        const items = await protection.listProtectedItems(vaultRefOf(v.id)!).toArray();
        ref = protectedItemRefOf(items.find((i) => i.properties?.friendlyName === 'SalesDb')!.id)!;
      }
    assert.ok(ref, 'SalesDb is protected in contoso-backup-weu');
    source = await loadRestoreSource(h.ctx, ref);
  });
  after(() => h.stop());

  const base = (o: Partial<RestoreInput>): RestoreInput =>
    restoreInput({ point: source.timeline.points[source.timeline.points.length - 1].name, confirmName: 'SalesDb', ...o });

  async function restoreAndFollow(input: RestoreInput) {
    const from = h.requests.length;
    const started = await beginRestore(h.ctx, source, input);
    const job = await restoreJobOf(h.ctx, ref, started.operation);
    assert.ok(job?.name, 'the operation gives the Restore job');
    const record = h.tracker.list().history.find((r) => r.id === started.operation.id);
    assert.equal(record?.jobId, job.name);
    assert.equal(record?.serviceStatus, job.properties?.status, 'the operation ended with its Restore job');
    const post = h.requests.slice(from).find((r) => r.method === 'POST' && r.path.endsWith('/restore'));
    return { job, post, started };
  }

  it('reads the database, its timeline (full/differential marks, log bars) and the registered VMs with instances', () => {
    assert.equal(source.database, 'SalesDb');
    assert.equal(source.instance, 'MSSQLSERVER');
    assert.ok(source.timeline.points.length > 5);
    assert.ok(
      source.timeline.points.every((p, i, a) => i === 0 || a[i - 1].time <= p.time),
      'oldest first',
    );
    assert.ok(source.timeline.points.some((p) => p.type === 'Full'));
    assert.ok(source.timeline.ranges.length >= 1, 'SalesDb has log backups');
    const vm = source.targets.find((t) => t.name === 'sqlvm-prod-01');
    assert.ok(vm?.instances[0]?.dataPath, 'instance default data folder');
    assert.ok(vm.instances[0].databases.includes('SalesDb'));
  });

  it('restores over the original database (typed confirmation) to a completed Restore job', async () => {
    const { job, post } = await restoreAndFollow(base({}));
    assert.equal(job.properties?.status, 'Completed');
    assert.match(job.properties?.operation ?? '', /^Restore/);
    assert.equal((post?.body as { properties: { recoveryType: string } }).properties.recoveryType, 'OriginalLocation');
    const tracked = h.tracker.list().history.find((r) => r.title.startsWith('Restore SalesDb over the original'));
    assert.equal(tracked?.target.resourceId, source.itemId);
  });

  it('restores to an alternate database with paths pre-filled from dataDirectoryPaths', async () => {
    const point = source.timeline.points[source.timeline.points.length - 1].name;
    const files = await sourceFilesOf(h.ctx, ref, point);
    assert.deepEqual(
      files.map((f) => f.type),
      ['Data', 'Log'],
    );
    const vm = source.targets.find((t) => t.name === 'sqlvm-prod-01')!;
    const mapped = defaultFileMappings(files, vm.instances[0], Date.now());
    const { job, post } = await restoreAndFollow(
      base({
        target: 'alternate',
        containerId: vm.containerId,
        instance: vm.instances[0].name,
        databaseName: 'SalesDb_copy',
        files: mapped,
      }),
    );
    assert.equal(job.properties?.status, 'Completed');
    const props = (post?.body as { properties: Record<string, unknown> }).properties;
    assert.deepEqual(props.targetInfo, {
      overwriteOption: 'FailOnConflict',
      containerId: vm.containerId,
      databaseName: 'MSSQLSERVER/SalesDb_copy',
    });
    // The new database is now on the instance: a second restore under that name is refused before any request.
    const again = await loadRestoreSource(h.ctx, ref);
    assert.ok(again.targets.find((t) => t.name === 'sqlvm-prod-01')!.instances[0].databases.includes('SalesDb_copy'));
  });

  it('restores as files to a folder of a registered VM', async () => {
    const vm = source.targets.find((t) => t.name === 'sqlvm-prod-01')!;
    const { job } = await restoreAndFollow(base({ target: 'files', containerId: vm.containerId, folder: 'F:\\restore' }));
    assert.equal(job.properties?.status, 'Completed');
    assert.equal((job.properties?.extendedInfo as { propertyBag?: Record<string, string> }).propertyBag?.['Job Type'], 'Recovery as files');
  });

  it('restores to a moment inside a log range', async () => {
    const r = source.timeline.ranges[source.timeline.ranges.length - 1];
    const at = new Date(Math.floor((r.start + r.end) / 2 / 1000) * 1000).toISOString().replace('.000Z', '');
    const { job, post } = await restoreAndFollow(base({ mode: 'pointInTime', pointInTime: at }));
    assert.equal(job.properties?.status, 'Completed');
    assert.ok(post?.path.endsWith('/recoveryPoints/DefaultRangeRecoveryPoint/restore'));
  });

  it('a moment outside the log ranges is refused by the service with its error', async () => {
    // The wizard refuses it first; here a stale timeline claims the log range runs two more days.
    const r = source.timeline.ranges[source.timeline.ranges.length - 1];
    const stale: RestoreSource = { ...source, timeline: { ...source.timeline, ranges: [{ start: r.start, end: r.end + 2 * 86_400_000 }] } };
    const at = new Date(Math.floor((r.end + 86_400_000) / 1000) * 1000).toISOString().replace('.000Z', '');
    await assert.rejects(
      () => beginRestore(h.ctx, stale, base({ mode: 'pointInTime', pointInTime: at })),
      (e: unknown) =>
        isAzureRequestError(e) &&
        e.code === 'UserErrorOperationFailedInvalidParameters' &&
        /outside the available log ranges/.test(e.message) &&
        fieldOfRestoreRefusal(e.message) === 'pointInTime',
    );
  });
});
