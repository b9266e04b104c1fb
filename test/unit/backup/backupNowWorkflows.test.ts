// Back up now against the emulator (demo seed): what each database allows, the exact request bodies, the
// refusals made before anything is sent, and the operation followed from operationsStatus to its job's end.
import { strict as assert } from 'node:assert';
import type { ProtectedItemRef, VaultRef } from '../../../src/azure/backup/backupPaths';
import { protectedItemRefOf, vaultRefOf } from '../../../src/backup/backupTarget';
import { BackupNowRefusedError } from '../../../src/backup/workflows/backupNowRules';
import { backupNow, readBackupNowOptions } from '../../../src/backup/workflows/backupNowWorkflows';
import { listProtectedDatabases, listSubscriptions, listVaults } from '../../../src/backup/workflows/browseWorkflows';
import { startBackupHarness, type BackupHarness } from './backupHarness';

const NOW = new Date('2026-11-29T08:00:00.000Z');

describe('Backup now workflows (emulator)', function () {
  this.timeout(30_000);
  let h: BackupHarness;
  let vault: VaultRef;
  const refs: Record<string, ProtectedItemRef & { id: string }> = {};

  before(async () => {
    h = await startBackupHarness();
    const subs = await listSubscriptions(h.ctx);
    for (const s of subs) {
      const found = (await listVaults(h.ctx, s.subscriptionId as string)).find((v) => v.name === 'contoso-backup-weu');
      if (found) vault = vaultRefOf(found.id)!;
    }
    assert.ok(vault, 'the demo seed has contoso-backup-weu');
    for (const item of await listProtectedDatabases(h.ctx, vault))
      refs[item.properties!.friendlyName!] = { ...protectedItemRefOf(item.id)!, id: item.id! };
    // ReportingDb (SIMPLE) protected now: IRPending, no Full yet.
    const sales = refs.SalesDb;
    const reporting = { ...sales, item: 'SQLDataBase;MSSQLSERVER;ReportingDb' };
    const protect = await h.clients.protection.beginProtect(reporting, {
      properties: {
        protectedItemType: 'AzureVmWorkloadSQLDatabase',
        policyId: `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.vault}/backupPolicies/SqlDailyFull`,
      },
    });
    const item = await protect.pollUntilDone({ minDelayMs: 10 });
    refs.ReportingDb = { ...reporting, id: item.id! };
  });
  after(async () => h?.stop());

  const posts = () => h.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/backup'));
  const choiceOf = async (name: string) => {
    const o = await readBackupNowOptions(h.ctx, refs[name]);
    return Object.fromEntries(o.choices.map((c) => [c.type, c.allowed ? 'allowed' : c.reason]));
  };

  it('offers only what each database allows, with the reason otherwise', async () => {
    assert.deepEqual(await choiceOf('SalesDb'), { Full: 'allowed', Differential: 'allowed', Log: 'allowed', CopyOnlyFull: 'allowed' });
    const msdb = await choiceOf('msdb');
    assert.equal(msdb.Full, 'allowed');
    assert.equal(msdb.Log, 'log backups need the FULL or BULK_LOGGED recovery model; msdb uses SIMPLE');
    const reporting = await choiceOf('ReportingDb');
    assert.equal(reporting.Full, 'allowed');
    assert.equal(reporting.CopyOnlyFull, 'allowed');
    assert.equal(reporting.Differential, 'Differential backups need a Full backup of ReportingDb first (a copy-only full does not count)');
    const options = await readBackupNowOptions(h.ctx, refs.InventoryDb);
    assert.equal(options.policyCompression, true, 'SqlWeeklyFullDailyDiff compresses');
    assert.equal(options.facts.recoveryModel, 'FULL');
  });

  it('refuses Differential without a Full and Log on SIMPLE recovery before sending anything', async () => {
    const before = posts().length;
    await assert.rejects(
      backupNow(h.ctx, refs.ReportingDb, { type: 'Differential', compression: false }),
      (e: unknown) => e instanceof BackupNowRefusedError && /need a Full backup of ReportingDb first/.test(e.message),
    );
    await assert.rejects(
      backupNow(h.ctx, refs.msdb, { type: 'Log', compression: false }),
      (e: unknown) => e instanceof BackupNowRefusedError && /msdb uses SIMPLE/.test(e.message),
    );
    await assert.rejects(
      backupNow(h.ctx, refs.SalesDb, { type: 'Full', compression: false, retainUntil: new Date(NOW.getTime() + 10 * 86_400_000) }, NOW),
      (e: unknown) => e instanceof BackupNowRefusedError && /at least 45 days/.test(e.message),
    );
    assert.equal(posts().length, before, 'nothing was sent');
  });

  it('takes a Full with the documented body and follows it to the completed job', async () => {
    const started = await backupNow(h.ctx, refs.SalesDb, { type: 'Full', compression: true }, NOW);
    const sent = posts().at(-1)!;
    const expected = {
      properties: {
        objectType: 'AzureWorkloadBackupRequest',
        backupType: 'Full',
        enableCompression: true,
        recoveryPointExpiryTimeInUTC: '2027-01-13T08:00:00.000Z',
      },
    };
    assert.deepEqual(sent.body, expected);
    assert.deepEqual(started.body, expected);
    assert.equal(sent.query['api-version'], '2026-02-01');
    assert.ok(h.refreshed.includes(refs.SalesDb.id), 'the tree refreshes the database');
    await started.operation.result;
    const record = h.tracker.list().history.find((r) => r.id === started.operation.id)!;
    assert.equal(record.status, 'succeeded');
    assert.equal(record.target.resourceId, refs.SalesDb.id);
    assert.equal(record.serviceStatus, 'Completed', 'the job, not only the operation, ended');
    assert.ok(record.jobId);
    const job = await h.clients.protection.getJob(vault, record.jobId);
    assert.equal(job.properties?.status, 'Completed');
    assert.equal(job.properties?.operation, 'Backup (Full)');
    assert.ok(
      h.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/backupJobs/${record.jobId}`)),
      'the job was polled',
    );
  });

  it('sends Copy-only full with 30 days and Differential / Log without an expiry', async () => {
    const copy = await backupNow(h.ctx, refs.ReportingDb, { type: 'CopyOnlyFull', compression: false }, NOW);
    assert.deepEqual(posts().at(-1)!.body, {
      properties: {
        objectType: 'AzureWorkloadBackupRequest',
        backupType: 'CopyOnlyFull',
        enableCompression: false,
        recoveryPointExpiryTimeInUTC: '2026-12-29T08:00:00.000Z',
      },
    });
    await copy.operation.result;
    // A copy-only full does not start a chain: Differential is still refused.
    await assert.rejects(backupNow(h.ctx, refs.ReportingDb, { type: 'Differential', compression: false }), BackupNowRefusedError);

    const diff = await backupNow(h.ctx, refs.SalesDb, { type: 'Differential', compression: false }, NOW);
    assert.deepEqual(posts().at(-1)!.body, {
      properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Differential', enableCompression: false },
    });
    await diff.operation.result;
    const log = await backupNow(h.ctx, refs.SalesDb, { type: 'Log', compression: false }, NOW);
    assert.deepEqual(posts().at(-1)!.body, {
      properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Log', enableCompression: false },
    });
    await log.operation.result;
  });

  it("ends failed with the job's error when the backup job fails", async () => {
    await h.control('/_emulator/backup/failures', {
      kind: 'job',
      target: 'Backup',
      code: 'UserErrorBackupFailedAsTransactionLogIsFull',
      recommendation: 'Grow the log file.',
    });
    const started = await backupNow(h.ctx, refs.InventoryDb, { type: 'Full', compression: false }, NOW);
    await assert.rejects(started.operation.result, (e: unknown) => {
      const err = e as { code?: string; message?: string };
      return err.code === 'UserErrorBackupFailedAsTransactionLogIsFull' && /Grow the log file\./.test(err.message ?? '');
    });
    const record = h.tracker.list().history.find((r) => r.id === started.operation.id)!;
    assert.equal(record.status, 'failed');
    assert.equal(record.serviceStatus, 'Failed');
  });
});
