// The reads behind the Backup tree against the emulator's demo seed, and the pure summaries it shows.
import { strict as assert } from 'node:assert';
import type { VaultRef } from '../../../src/azure/backup/backupPaths';
import { containerRefOf, protectedItemRefOf, vaultRefOf } from '../../../src/backup/backupTarget';
import { backupTypeChoices, parseRetainUntil, retainUntilProblem } from '../../../src/backup/workflows/backupNowRules';
import {
  byContainer,
  byInstance,
  listContainers,
  listPolicies,
  listProtectedDatabases,
  listRecoveryPoints,
  listSubscriptions,
  listVaults,
} from '../../../src/backup/workflows/browseWorkflows';
import { lastBackupSummary } from '../../../src/backup/workflows/lastBackup';
import { startBackupHarness, type BackupHarness } from './backupHarness';

describe('Backup browse workflows (emulator)', function () {
  this.timeout(30_000);
  let h: BackupHarness;
  let vault: VaultRef;

  before(async () => {
    h = await startBackupHarness();
  });
  after(async () => h?.stop());

  it('lists subscriptions → vaults → registered VMs → protected databases by VM and instance', async () => {
    const subs = await listSubscriptions(h.ctx);
    const vaultNames: string[] = [];
    for (const s of subs)
      for (const v of await listVaults(h.ctx, s.subscriptionId as string)) {
        vaultNames.push(v.name!);
        if (v.name === 'contoso-backup-weu') vault = vaultRefOf(v.id)!;
      }
    for (const name of ['contoso-backup-weu', 'contoso-backup-eus', 'contoso-dev-backup-wus2']) assert.ok(vaultNames.includes(name), name);
    const containers = await listContainers(h.ctx, vault);
    const names = containers.map((c) => c.properties?.friendlyName).sort();
    assert.deepEqual(names, ['sqlvm-ag-01', 'sqlvm-prod-01']);
    assert.ok(containers.every((c) => c.properties?.registrationStatus === 'Registered'));

    const items = await listProtectedDatabases(h.ctx, vault);
    const groups = byContainer(items);
    const prod01 = containers.find((c) => c.properties?.friendlyName === 'sqlvm-prod-01')!;
    const mine = groups.get(containerRefOf(prod01.id)!.container.toLowerCase())!;
    assert.deepEqual(mine.map((i) => i.properties?.friendlyName).sort(), ['InventoryDb', 'SalesDb', 'msdb']);
    assert.deepEqual(
      byInstance(mine).map((g) => [g.instance, g.items.length]),
      [['MSSQLSERVER', 3]],
    );
    // The per-VM list (what a VM's refresh reads) sends containerName.
    const one = await listProtectedDatabases(h.ctx, vault, { container: prod01.name });
    assert.equal(one.length, 3);
    assert.match(h.requests.at(-1)!.query.$filter, /containerName eq 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-01'/i);
  });

  it('reads recovery points newest first, a page at a time, with the log pseudo-point', async () => {
    const sales = (await listProtectedDatabases(h.ctx, vault)).find((i) => i.properties?.friendlyName === 'SalesDb')!;
    const ref = protectedItemRefOf(sales.id)!;
    const first = await listRecoveryPoints(h.ctx, ref, 5);
    assert.equal(first.points.length, 5);
    assert.equal(first.more, true);
    const times = first.points.map((p) => Date.parse(p.properties!.recoveryPointTimeInUTC!));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const all = await listRecoveryPoints(h.ctx, ref, 1000);
    assert.equal(all.more, false);
    assert.ok(all.points.length > 5);
    assert.ok(all.pointInTime?.properties?.timeRanges?.length, 'SalesDb (FULL, hourly log) has log ranges');
  });

  it('lists the SQL policies of a vault by name', async () => {
    const policies = await listPolicies(h.ctx, vault);
    assert.deepEqual(
      policies.map((p) => p.name),
      ['SqlDailyFull', 'SqlHourlyLog', 'SqlWeeklyFullDailyDiff'],
    );
  });

  it('summarises the last backup of a protected database', () => {
    assert.deepEqual(
      lastBackupSummary({
        lastBackupTime: '2026-11-28T19:00:00Z',
        lastBackupStatus: 'Healthy',
        lastBackupErrorDetail: { code: 'Success', message: '' },
      }),
      { time: '2026-11-28T19:00:00Z', status: 'Succeeded', ok: true, error: undefined, lastRecoveryPoint: undefined },
    );
    const failed = lastBackupSummary({
      lastBackupTime: '2026-11-28T19:00:00Z',
      lastBackupStatus: 'Unhealthy',
      lastBackupErrorDetail: { code: 'UserErrorSqlNoSysadminMembership', message: 'Not sysadmin.' },
    });
    assert.equal(failed.status, 'Failed');
    assert.equal(failed.ok, false);
    assert.equal(failed.error, 'UserErrorSqlNoSysadminMembership: Not sysadmin.');
    const never = lastBackupSummary({ lastBackupStatus: 'IRPending', lastBackupTime: '0001-01-01T00:00:00Z' });
    assert.equal(never.status, 'No backup yet');
    assert.equal(never.time, undefined);
    assert.equal(never.ok, undefined);
  });

  it('refuses every type while protection is stopped and everything but Full on master', () => {
    const stopped = backupTypeChoices({
      database: 'SalesDb',
      protectionState: 'ProtectionStopped',
      recoveryModel: 'FULL',
      hasBaseFull: true,
    });
    assert.ok(stopped.every((c) => !c.allowed && /resume protection first/.test(c.reason ?? '')));
    const master = backupTypeChoices({ database: 'master', protectionState: 'Protected', recoveryModel: 'SIMPLE', hasBaseFull: true });
    assert.deepEqual(
      master.filter((c) => c.allowed).map((c) => c.type),
      ['Full', 'CopyOnlyFull'],
    );
  });

  it('reads and checks "retain until" dates', () => {
    const now = new Date('2026-11-29T08:00:00.000Z');
    assert.equal(parseRetainUntil('2027-01-13', now).toISOString(), '2027-01-13T08:00:00.000Z');
    assert.ok(Number.isNaN(parseRetainUntil('2027-02-30', now).getTime()));
    assert.ok(Number.isNaN(parseRetainUntil('13-01-2027', now).getTime()));
    assert.equal(retainUntilProblem('Full', parseRetainUntil('2027-01-13', now), now), undefined);
    assert.match(retainUntilProblem('Full', parseRetainUntil('2027-01-01', now), now)!, /at least 45 days/);
    assert.equal(retainUntilProblem('CopyOnlyFull', parseRetainUntil('2026-12-01', now), now), undefined);
    assert.match(retainUntilProblem('CopyOnlyFull', parseRetainUntil('2026-11-01', now), now)!, /future/);
    assert.match(retainUntilProblem('CopyOnlyFull', parseRetainUntil('2127-01-01', now), now)!, /at most 99 years/);
  });
});
