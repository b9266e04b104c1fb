import { strict as assert } from 'node:assert';
import type { VaultRef } from '../../../src/azure/backup/backupPaths';
import { isAzureRequestError } from '../../../src/azure/http/azureError';
import { vaultRefOf } from '../../../src/backup/backupTarget';
import { jobRow } from '../../../src/backup/workflows/jobModel';
import { cancelJob, findJobProtectedItem, readJob, readJobsPage } from '../../../src/backup/workflows/jobsWorkflows';
import { listSubscriptions, listVaults } from '../../../src/backup/workflows/browseWorkflows';
import { startBackupHarness, type BackupHarness } from './backupHarness';

describe('backup jobs workflows (emulator)', function () {
  this.timeout(60_000);
  let h: BackupHarness;
  let vault: VaultRef;

  before(async () => {
    h = await startBackupHarness({ pageSize: 5 });
    const subs = await listSubscriptions(h.ctx);
    const prod = subs.find((s) => s.displayName === 'Contoso Production');
    assert.ok(prod?.subscriptionId);
    const vaults = await listVaults(h.ctx, prod.subscriptionId);
    const weu = vaultRefOf(vaults.find((v) => v.name === 'contoso-backup-weu')?.id);
    assert.ok(weu);
    vault = weu;
  });
  after(() => h.stop());

  it('sends the filters as $filter and gets only matching jobs', async () => {
    h.requests.length = 0;
    const page = await readJobsPage(h.ctx, vault, { status: 'Failed' });
    assert.ok(page.jobs.length > 0);
    assert.ok(page.jobs.every((j) => j.properties?.status === 'Failed'));
    const sent = h.requests.find((r) => r.path.endsWith('/backupJobs'));
    assert.equal(sent?.query.$filter, "backupManagementType eq 'AzureWorkload' and status eq 'Failed'");
  });

  it('pages with $skipToken: each page new jobs, the last page without a token', async () => {
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await readJobsPage(h.ctx, vault, {}, token);
      pages++;
      assert.ok(page.jobs.length <= 5);
      for (const j of page.jobs) {
        assert.ok(!seen.has(j.id as string), `job ${j.name} listed twice`);
        seen.add(j.id as string);
      }
      token = page.skipToken;
    } while (token && pages < 100);
    assert.ok(pages > 2, `${pages} pages`);
    assert.equal(token, undefined);
    const all = await h.clients.protection.listJobs(vault, { filter: "backupManagementType eq 'AzureWorkload'" }).toArray();
    assert.equal(seen.size, all.length);
  });

  it('a failed job has its error with the recommendation; its protected item is found from "db [vm]"', async () => {
    const [failed] = (await readJobsPage(h.ctx, vault, { status: 'Failed', operation: 'Backup' })).jobs.filter((j) =>
      j.properties?.entityFriendlyName?.startsWith('SalesDb'),
    );
    assert.ok(failed?.name);
    const details = await readJob(h.ctx, vault, failed.name);
    assert.match(JSON.stringify(details.properties?.errorDetails), /Free space on the log volume/);
    const itemId = await findJobProtectedItem(h.ctx, vault, failed);
    assert.match(
      itemId ?? '',
      /\/protectionContainers\/VMAppContainer;compute;rg-sql-vms;sqlvm-prod-01\/protectedItems\/SQLDataBase;mssqlserver;SalesDb$/i,
    );
  });

  it('cancels a running backup through the operations center, which ends when the job is Cancelled', async () => {
    const slow = await startBackupHarness({ backupTimeScale: 10 });
    try {
      const subs = await listSubscriptions(slow.ctx);
      const prod = subs.find((s) => s.displayName === 'Contoso Production')!;
      const found = (await listVaults(slow.ctx, prod.subscriptionId!)).find((x) => x.name === 'contoso-backup-weu')!;
      const v = vaultRefOf(found.id)!;
      const [item] = await slow.clients.protection
        .listProtectedItems(v, {
          filter: "backupManagementType eq 'AzureWorkload' and itemType eq 'SQLDataBase' and friendlyName eq 'SalesDb'",
        })
        .toArray();
      assert.ok(item?.id);
      const ref = { ...v, container: item.id.split('/protectionContainers/')[1].split('/')[0], item: item.name as string };
      await slow.clients.protection.beginBackupNow(ref, { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } });
      const running = (await readJobsPage(slow.ctx, v, { status: 'InProgress', operation: 'Backup' })).jobs.find((j) =>
        j.properties?.entityFriendlyName?.startsWith('SalesDb'),
      );
      assert.ok(running?.name);
      assert.equal(jobRow(running).cancellable, true);
      const started = await cancelJob(slow.ctx, v, running);
      await started.result;
      const record = slow.tracker.list().history.find((r) => r.id === started.operationId);
      assert.equal(record?.status, 'succeeded');
      assert.equal(record?.target.resourceId, running.id);
      const ended = await readJob(slow.ctx, v, running.name);
      assert.equal(ended.properties?.status, 'Cancelled', 'the cancel operation ends once the job is Cancelled');
    } finally {
      await slow.stop();
    }
  });

  it('cancelling a finished job is refused by the service with its code', async () => {
    const [done] = (await readJobsPage(h.ctx, vault, { status: 'Completed' })).jobs;
    assert.ok(done);
    await assert.rejects(
      async () => (await cancelJob(h.ctx, vault, done)).result,
      (e: unknown) => isAzureRequestError(e) && e.code === 'BMSUserErrorJobNotCancellable',
    );
  });
});
