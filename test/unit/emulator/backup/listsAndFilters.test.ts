// Lists: `$filter` on every list that takes one, `$skipToken` paging of jobs (the large seed's 5,000),
// names with ';' sent encoded or raw and compared case-insensitively, polymorphic discriminators.
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../helpers';
import { b, backupIds, enc, FAST_BACKUP } from './backupTestKit';
import { anyPageOf, errorOf, itemOf, jobOf, pointOf, resourcePageOf } from './backupAnswers';

type Named = { name: string; properties: Record<string, unknown> };

describe('Backup lists, filters and names', function () {
  this.timeout(30_000);
  let t: TestEmulator;
  let ids: ReturnType<typeof backupIds>;

  before(async () => {
    t = await startTestEmulator({ ...FAST_BACKUP, pageSize: 7 });
    ids = backupIds(t.emu);
  });
  after(() => t.stop());

  async function all(url: string): Promise<Named[]> {
    const out: Named[] = [];
    let next: string | undefined = url;
    for (let pages = 0; next; pages++) {
      const r = await t.call('GET', next);
      assert.equal(r.status, 200, r.text);
      const page = resourcePageOf(r);
      assert.ok(page.value.length <= 7);
      out.push(...page.value);
      next = page.nextLink;
      assert.ok(pages < 100);
    }
    return out;
  }

  it('policies: $filter by backupManagementType keeps the SQL policies and drops the VM policy', async () => {
    const sql = await all(b(`${ids.vault}/backupPolicies?$filter=backupManagementType eq 'AzureWorkload'`));
    assert.deepEqual(sql.map((p) => p.name).sort(), ['SqlDailyFull', 'SqlHourlyLog', 'SqlWeeklyFullDailyDiff']);
    const vm = await all(b(`${ids.vault}/backupPolicies?$filter=backupManagementType eq 'AzureIaasVM'`));
    assert.deepEqual(
      vm.map((p) => p.name),
      ['DefaultPolicy'],
    );
    assert.equal((await all(b(`${ids.vault}/backupPolicies`))).length, 4);
    const bad = await t.call('GET', b(`${ids.vault}/backupPolicies?$filter=backupManagementType ne 'x'`));
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad).code, 'BMSUserErrorInvalidInput');
  });

  it('protected items: filters by itemType, policyName, containerName; discriminator AzureVmWorkloadSQLDatabase', async () => {
    const items = await all(
      b(`${ids.vault}/backupProtectedItems?$filter=backupManagementType eq 'AzureWorkload' and itemType eq 'SQLDataBase'`),
    );
    assert.deepEqual(items.map((i) => i.properties.friendlyName).sort(), ['InventoryDb', 'SalesDb', 'msdb']);
    for (const i of items) assert.equal(i.properties.protectedItemType, 'AzureVmWorkloadSQLDatabase');
    const hourly = await all(b(`${ids.vault}/backupProtectedItems?$filter=policyName eq 'sqlhourlylog'`));
    assert.deepEqual(
      hourly.map((i) => i.name),
      ['SQLDataBase;mssqlserver;SalesDb'],
    );
    const none = await all(b(`${ids.vault}/backupProtectedItems?$filter=backupManagementType eq 'AzureIaasVM'`));
    assert.equal(none.length, 0);
    const byContainer = await all(
      b(`${ids.vault}/backupProtectedItems?$filter=containerName eq 'vmappcontainer;compute;rg-sql-vms;sqlvm-prod-01'`),
    );
    assert.equal(byContainer.length, 3);
  });

  it('protectable items: instances, databases (system ones too, never tempdb) and the availability group', async () => {
    const items = await all(
      b(`${ids.vault}/backupProtectableItems?$filter=backupManagementType eq 'AzureWorkload' and workloadType eq 'SQLDataBase'`),
    );
    const types = new Set(items.map((i) => i.properties.protectableItemType));
    assert.deepEqual([...types].sort(), ['SQLAvailabilityGroupContainer', 'SQLDataBase', 'SQLInstance']);
    assert.ok(!items.some((i) => i.properties.friendlyName === 'tempdb'));
    const ag = items.find((i) => i.properties.protectableItemType === 'SQLAvailabilityGroupContainer')!;
    assert.equal(ag.properties.friendlyName, 'ag-orders');
    assert.equal(ag.properties.isAutoProtectable, true);
    assert.equal((ag.properties.nodesList as unknown[]).length, 2);
    const orders = items.find((i) => i.properties.friendlyName === 'OrdersDb')!;
    assert.equal(orders.properties.parentName, 'ag-orders');
    const sales = items.find((i) => i.properties.friendlyName === 'SalesDb')!;
    assert.equal(sales.properties.protectionState, 'Protected');
    assert.equal(sales.properties.serverName, 'sqlvm-prod-01');
    const master = items.find((i) => i.properties.friendlyName === 'master' && String(i.name).includes('mssqlserver'));
    assert.ok(master, 'system databases are protectable');
    const instances = await all(b(`${ids.vault}/backupProtectableItems?$filter=protectableItemType eq 'SQLInstance'`));
    assert.ok(instances.every((i) => i.properties.isAutoProtectable === true && i.properties.isProtectable === false));
  });

  it('workload items of a registered VM: instances with their default folders, databases; $filter by workloadItemType', async () => {
    const everything = await all(b(`${enc(ids.prod01)}/items?$filter=backupManagementType eq 'AzureWorkload'`));
    assert.equal(everything.filter((w) => w.properties.workloadItemType === 'SQLInstance').length, 1);
    const dbs = await all(
      b(`${enc(ids.prod01)}/items?$filter=backupManagementType eq 'AzureWorkload' and workloadItemType eq 'SQLDataBase'`),
    );
    assert.deepEqual(dbs.map((d) => d.properties.friendlyName).sort(), [
      'InventoryDb',
      'ReportingDb',
      'SalesDb',
      'master',
      'model',
      'msdb',
    ]);
    const instance = await all(b(`${enc(ids.prod01)}/items?$filter=workloadItemType eq 'SQLInstance'`));
    assert.deepEqual(instance[0].properties.dataDirectoryPaths, [
      { type: 'Data', path: 'F:\\data\\' },
      { type: 'Log', path: 'G:\\log\\' },
    ]);
    assert.equal((await t.call('GET', b(`${enc(ids.prod02)}/items`))).status, 404, 'not registered');
  });

  it('containers: $filter by friendlyName and status', async () => {
    const one = await all(
      b(`${ids.vault}/backupProtectionContainers?$filter=backupManagementType eq 'AzureWorkload' and friendlyName eq 'sqlvm-ag-01'`),
    );
    assert.deepEqual(
      one.map((c) => c.properties.containerType),
      ['VMAppContainer'],
    );
    assert.equal((await all(b(`${ids.vault}/backupProtectionContainers?$filter=status eq 'Registered'`))).length, 2);
  });

  it('names with ; are accepted raw or %3B-encoded, in any case, and echoed in canonical casing', async () => {
    const lower = `${ids.vault}/backupFabrics/azure/protectionContainers/vmappcontainer;compute;RG-SQL-VMS;SQLVM-PROD-01/protectedItems/sqldatabase;MSSQLSERVER;salesdb`;
    for (const url of [b(lower), b(enc(lower))]) {
      const r = await t.call('GET', url);
      assert.equal(r.status, 200, r.text);
      const item = itemOf(r);
      assert.equal(item.name, 'SQLDataBase;mssqlserver;SalesDb');
      assert.equal(item.properties.containerName, 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-01');
    }
  });

  it('recovery points: restorePointQueryType, date window and extendedInfo', async () => {
    const full = await all(b(enc(`${ids.salesItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)));
    assert.equal(full.length, 30);
    assert.ok(full.every((p) => p.properties.objectType === 'AzureWorkloadSQLRecoveryPoint' && p.properties.extendedInfo === undefined));
    const times = full.map((p) => Date.parse(p.properties.recoveryPointTimeInUTC as string));
    assert.deepEqual(
      times,
      [...times].sort((x, y) => y - x),
      'newest first',
    );
    const log = await all(b(enc(`${ids.salesItem}/recoveryPoints?$filter=restorePointQueryType eq 'Log' and extendedInfo eq 'True'`)));
    assert.equal(log.length, 1);
    assert.equal(log[0].name, 'DefaultRangeRecoveryPoint');
    assert.ok(log[0].properties.extendedInfo, 'extendedInfo eq True adds the data directory paths');
    const d = new Date(Date.now() - 10 * 86400_000);
    const start = `${d.toISOString().slice(0, 10)} 12:00:00 AM`;
    const end = new Date().toISOString();
    const window = await all(
      b(
        enc(
          `${ids.salesItem}/recoveryPoints?$filter=startDate eq '${start}' and endDate eq '${end}' and restorePointQueryType eq 'FullAndDifferential'`,
        ),
      ),
    );
    assert.ok(window.length >= 9 && window.length <= 11, String(window.length));
    const inventory = await all(
      b(
        enc(
          `${ids.prod01}/protectedItems/SQLDataBase;mssqlserver;InventoryDb/recoveryPoints?$filter=restorePointQueryType eq 'Differential'`,
        ),
      ),
    );
    assert.ok(inventory.length > 15, 'weekly Full + daily Differential');
    const msdbLog = await t.call('GET', b(enc(`${ids.msdbItem}/recoveryPoints/DefaultRangeRecoveryPoint`)));
    assert.deepEqual(pointOf(msdbLog).properties.timeRanges, [], 'SIMPLE recovery: no log ranges');
  });

  it('jobs: $filter on status, operation and time window; newest first; extendedInfo only on GET', async () => {
    const jobs = await all(b(`${ids.vault}/backupJobs`));
    const statuses = new Set(jobs.map((j) => j.properties.status));
    for (const s of ['Completed', 'Failed', 'CompletedWithWarnings', 'Cancelled', 'InProgress', 'Cancelling'])
      assert.ok(statuses.has(s), s);
    assert.ok(jobs.every((j) => j.properties.jobType === 'AzureWorkloadJob' && j.properties.extendedInfo === undefined));
    const failed = await all(b(`${ids.vault}/backupJobs?$filter=status eq 'Failed'`));
    assert.equal(failed.length, 1);
    const detail = await t.call('GET', b(`${ids.vault}/backupJobs/${failed[0].name}`));
    const failedJob = jobOf(detail).properties;
    assert.equal(failedJob.errorDetails?.[0].errorTitle, 'UserErrorBackupFailedAsTransactionLogIsFull');
    assert.equal(failedJob.extendedInfo?.tasksList.length, 1);
    const restores = await all(b(`${ids.vault}/backupJobs?$filter=operation eq 'Restore'`));
    assert.deepEqual(
      restores.map((j) => j.properties.operation),
      ['Restore (Full)'],
    );
    const from = new Date(Date.now() - 2.5 * 86400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const recent = await all(b(`${ids.vault}/backupJobs?$filter=startTime eq '${from}' and endTime eq '${to}'`));
    assert.ok(recent.length > 0 && recent.length < jobs.length);
    assert.ok(recent.every((j) => Date.parse(j.properties.startTime as string) >= Date.parse(from)));
  });

  it('jobs: $skipToken pages through the large seed without gaps or repeats', async function () {
    this.timeout(60_000);
    const big = await startTestEmulator({ ...FAST_BACKUP, seed: 'large', pageSize: 200 });
    try {
      const sub = big.emu.control.state().subscriptions[0].subscriptionId;
      const vault = `/subscriptions/${sub}/resourceGroups/rg-large-backup/providers/Microsoft.RecoveryServices/vaults/large-backup-vault`;
      const first = await big.call('GET', b(`${vault}/backupJobs`));
      const firstPage = anyPageOf(first);
      assert.equal(firstPage.value.length, 200);
      assert.match(firstPage.nextLink ?? '', /(\$|%24)skipToken=/);
      const seen = new Set<string>();
      let next: string | undefined = b(`${vault}/backupJobs`);
      while (next) {
        const r = await big.call('GET', next);
        const page = anyPageOf(r);
        for (const j of page.value) seen.add(j.name);
        next = page.nextLink;
      }
      assert.equal(seen.size, 5000);
      const items = await big.call('GET', b(`${vault}/backupProtectedItems?$filter=itemType eq 'SQLDataBase'`));
      const firstItems = anyPageOf(items);
      let count = firstItems.value.length;
      for (let n = firstItems.nextLink; n;) {
        const page = anyPageOf(await big.call('GET', n));
        count += page.value.length;
        n = page.nextLink;
      }
      assert.equal(count, 500);
      const bad = await big.call('GET', b(`${vault}/backupJobs?$skipToken=garbage`));
      assert.equal(bad.status, 400);
    } finally {
      await big.stop();
    }
  });
});
