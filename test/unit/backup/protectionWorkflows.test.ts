// The protection workflows against the emulator (demo seed): discovery → register → inquire → protectable
// items → enable protection with the exact bodies of the REST walkthrough, the refusals (a VM policy, a
// wrong typed name, a VM with protected databases), an inquiry the VM refuses with the service's
// recommendation, and stop / resume / delete followed to the end of their jobs.
import { strict as assert } from 'node:assert';
import type { VaultRef } from '../../../src/azure/backup/backupPaths';
import { BackupInputError } from '../../../src/backup/workflows/backupInputError';
import { discoverVms, listVmCandidates, registerVm, unregisterVm } from '../../../src/backup/workflows/discoveryWorkflows';
import {
  inquire,
  InquiryFailedError,
  listProtectableDatabases,
  listProtectableItems,
} from '../../../src/backup/workflows/inquiryWorkflows';
import { containerIdOf, policyIdOf, vaultIdOf } from '../../../src/backup/workflows/protectionIds';
import {
  deleteBackupData,
  enableProtection,
  listSqlPolicies,
  resumeProtection,
  stopProtectionKeepData,
  type ProtectionOutcome,
} from '../../../src/backup/workflows/protectionWorkflows';
import { startBackupHarness, type BackupHarness } from './backupHarness';

describe('Backup protection workflows (emulator)', function () {
  this.timeout(60_000);
  let h: BackupHarness;
  let vault: VaultRef;
  let vaultId: string;

  const fulfilled = <T>(r: PromiseSettledResult<T>): T => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  };
  const sent = (method: string, pathEnd: RegExp) =>
    h.requests.filter((r) => r.method === method && pathEnd.test(decodeURIComponent(r.path)));
  const record = (id: string) => {
    const { running, history } = h.tracker.list();
    return [...running, ...history].find((r) => r.id === id);
  };

  before(async () => {
    h = await startBackupHarness();
    const subs = await h.clients.subscriptions.list().toArray();
    const prod = subs.find((s) => s.displayName === 'Contoso Production');
    assert.ok(prod?.subscriptionId);
    vault = { subscriptionId: prod.subscriptionId, resourceGroup: 'rg-backup', vault: 'contoso-backup-weu' };
    vaultId = vaultIdOf(vault);
  });
  after(() => h.stop());

  it('discovers, registers, inquires and protects a database with the walkthrough bodies; the ConfigureBackup job is followed to its end', async () => {
    const before = await listVmCandidates(h.ctx, vaultId);
    assert.equal(
      before.find((c) => c.vmName === 'sqlvm-prod-02'),
      undefined,
      'sqlvm-prod-02 waits for discovery',
    );
    await discoverVms(h.ctx, vaultId);
    assert.equal(
      sent('POST', /\/backupFabrics\/Azure\/refreshContainers$/).at(-1)?.query.$filter,
      "backupManagementType eq 'AzureWorkload'",
    );
    const candidates = await listVmCandidates(h.ctx, vaultId);
    const vm = candidates.find((c) => c.vmName === 'sqlvm-prod-02');
    assert.ok(vm, 'discovery lists sqlvm-prod-02');
    assert.equal(vm.registered, false);
    assert.equal(candidates.find((c) => c.vmName === 'sqlvm-prod-01')?.registered, true);

    const registered = await registerVm(h.ctx, { vaultId, containerName: vm.containerName, sourceResourceId: vm.sourceResourceId });
    assert.equal(registered.registrationStatus, 'Registered');
    const put = sent('PUT', /\/protectionContainers\/VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02$/);
    assert.equal(put.length, 1);
    assert.deepEqual(put[0].body, {
      properties: {
        backupManagementType: 'AzureWorkload',
        containerType: 'VMAppContainer',
        sourceResourceId: vm.sourceResourceId,
        workloadType: 'SQLDataBase',
      },
    });
    assert.match(vm.sourceResourceId, /\/providers\/Microsoft\.Compute\/virtualMachines\/sqlvm-prod-02$/);

    const containerId = containerIdOf({ ...vault, container: vm.containerName });
    await inquire(h.ctx, containerId);
    assert.equal(sent('POST', /\/inquire$/).at(-1)?.query.$filter, "workloadType eq 'SQLDataBase'");
    const items = await listProtectableItems(h.ctx, containerId);
    const instance = items.find((i) => i.itemType === 'SQLInstance');
    assert.equal(instance?.isAutoProtectable, true);
    const dbs = await listProtectableDatabases(h.ctx, containerId);
    assert.deepEqual(dbs.map((d) => d.friendlyName).sort(), ['HRDb', 'PayrollDb', 'master', 'model', 'msdb']);
    const hr = dbs.find((d) => d.friendlyName === 'HRDb')!;
    assert.equal(hr.parentName, 'MSSQLSERVER');
    assert.equal(hr.serverName, 'sqlvm-prod-02');
    assert.equal(hr.isAutoProtectable, false);
    assert.equal(hr.protectionState, 'NotProtected');
    assert.equal(hr.isSystem, false);
    assert.deepEqual(
      dbs
        .filter((d) => d.isSystem)
        .map((d) => d.friendlyName)
        .sort(),
      ['master', 'model', 'msdb'],
    );

    const policyId = policyIdOf(vault, 'SqlHourlyLog');
    const [result] = await enableProtection(h.ctx, { containerId, itemNames: [hr.name], policyId });
    const outcome = fulfilled(result);
    const protectPut = sent('PUT', /\/protectedItems\/SQLDataBase;mssqlserver;HRDb$/);
    assert.equal(protectPut.length, 1);
    assert.deepEqual(protectPut[0].body, {
      properties: {
        protectedItemType: 'AzureVmWorkloadSQLDatabase',
        backupManagementType: 'AzureWorkload',
        workloadType: 'SQLDataBase',
        policyId,
      },
    });
    assert.equal(outcome.job?.properties?.operation, 'ConfigureBackup');
    assert.equal(outcome.job?.properties?.status, 'Completed');
    assert.equal(outcome.item?.properties?.protectionState, 'IRPending');
    const op = record(outcome.operationId);
    assert.equal(op?.status, 'succeeded');
    assert.equal(op?.jobId, outcome.job?.name, 'the operations center names the ConfigureBackup job');
    assert.equal(op?.serviceStatus, 'Completed', 'the operation ended when its ConfigureBackup job did');
    assert.equal(op?.target.resourceId, `${containerId}/protectedItems/SQLDataBase;mssqlserver;HRDb`);
    assert.ok(h.refreshed.includes(outcome.itemId));
    const after = await listProtectableDatabases(h.ctx, containerId);
    assert.equal(after.find((d) => d.friendlyName === 'HRDb')?.isProtected, true, 'already protected databases are marked');
  });

  it('refuses a policy that is not an AzureWorkload SQL policy before sending anything', async () => {
    const containerId = containerIdOf({ ...vault, container: 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02' });
    const puts = sent('PUT', /\/protectedItems\//).length;
    await assert.rejects(
      enableProtection(h.ctx, {
        containerId,
        itemNames: ['SQLDataBase;mssqlserver;PayrollDb'],
        policyId: policyIdOf(vault, 'DefaultPolicy'),
      }),
      (e: unknown) => e instanceof BackupInputError && e.field === 'policyId' && /AzureIaasVM/.test(e.message),
    );
    assert.equal(sent('PUT', /\/protectedItems\//).length, puts, 'no PUT was sent');
    assert.deepEqual(
      (await listSqlPolicies(h.ctx, vault)).map((p) => p.name).sort(),
      ['SqlDailyFull', 'SqlHourlyLog', 'SqlWeeklyFullDailyDiff'],
      'the VM policy is not offered',
    );
    await assert.rejects(
      enableProtection(h.ctx, { containerId, itemNames: [], policyId: policyIdOf(vault, 'SqlDailyFull') }),
      (e: unknown) => e instanceof BackupInputError && e.field === 'itemNames',
    );
  });

  it('an inquiry the VM refuses fails with the service code and its recommendation; the next inquiry succeeds', async () => {
    const containerId = containerIdOf({ ...vault, container: 'VMAppContainer;Compute;rg-sql-ag;sqlvm-ag-01' });
    const vmId = (await h.clients.discovery.getContainer({ ...vault, container: 'VMAppContainer;Compute;rg-sql-ag;sqlvm-ag-01' }))
      .properties?.sourceResourceId;
    await h.control('/_emulator/backup/failures', { kind: 'inquiry', target: vmId, code: 'UserErrorSQLNoSysadminMembership' });
    const err = await inquire(h.ctx, containerId).then(
      () => assert.fail('the inquiry should fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof InquiryFailedError);
    assert.equal(err.code, 'UserErrorSQLNoSysadminMembership');
    assert.match(err.message, /sysadmin/);
    assert.match(err.message, /NT SERVICE\\AzureWLBackupPluginSvc/, 'the recommendation is part of what is shown');
    assert.ok(err.recommendations.length > 0);
    const failedOp = h.tracker.list().history.find((r) => r.title === 'Discover databases on sqlvm-ag-01');
    assert.equal(failedOp?.status, 'failed');
    await inquire(h.ctx, containerId);
  });

  it('stops protection keeping the data, resumes it with a policy, then deletes the data only for the exact typed name', async () => {
    const containerId = containerIdOf({ ...vault, container: 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02' });
    const itemId = `${containerId}/protectedItems/SQLDataBase;mssqlserver;HRDb`;
    const stopped: ProtectionOutcome = await stopProtectionKeepData(h.ctx, itemId);
    const stopPut = sent('PUT', /\/protectedItems\/SQLDataBase;mssqlserver;HRDb$/).at(-1);
    assert.deepEqual(stopPut?.body, {
      properties: {
        protectedItemType: 'AzureVmWorkloadSQLDatabase',
        protectionState: 'ProtectionStopped',
        sourceResourceId: stopped.item?.properties?.sourceResourceId,
        policyId: '',
      },
    });
    assert.equal(stopped.job?.properties?.operation, 'DisableBackup');
    assert.equal(stopped.item?.properties?.protectionState, 'ProtectionStopped');
    await assert.rejects(stopProtectionKeepData(h.ctx, itemId), (e: unknown) => e instanceof BackupInputError && e.field === 'itemId');

    await assert.rejects(
      resumeProtection(h.ctx, itemId, policyIdOf(vault, 'DefaultPolicy')),
      (e: unknown) => e instanceof BackupInputError && e.field === 'policyId',
    );
    const policyId = policyIdOf(vault, 'SqlDailyFull');
    const resumed = await resumeProtection(h.ctx, itemId, policyId);
    assert.deepEqual(sent('PUT', /\/protectedItems\/SQLDataBase;mssqlserver;HRDb$/).at(-1)?.body, {
      properties: {
        protectedItemType: 'AzureVmWorkloadSQLDatabase',
        backupManagementType: 'AzureWorkload',
        workloadType: 'SQLDataBase',
        policyId,
      },
    });
    assert.equal(resumed.job?.properties?.operation, 'ConfigureBackup');
    assert.equal(resumed.item?.properties?.protectionState, 'IRPending');
    assert.equal(resumed.item?.properties?.policyName, 'SqlDailyFull');

    const deletes = sent('DELETE', /\/protectedItems\//).length;
    await assert.rejects(
      deleteBackupData(h.ctx, itemId, 'hrdb'),
      (e: unknown) => e instanceof BackupInputError && e.field === 'confirmName' && /"HRDb"/.test(e.message),
    );
    assert.equal(sent('DELETE', /\/protectedItems\//).length, deletes, 'nothing deleted for a wrong name');
    const deleted = await deleteBackupData(h.ctx, itemId, 'HRDb');
    assert.equal(deleted.job?.properties?.operation, 'DeleteBackupData');
    assert.equal(deleted.job?.properties?.status, 'Completed');
    assert.equal(record(deleted.operationId)?.status, 'succeeded');
    assert.equal(record(deleted.operationId)?.serviceStatus, 'Completed', 'ended with its DeleteBackupData job');
    await assert.rejects(
      h.clients.protection.getProtectedItem({
        ...vault,
        container: 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02',
        item: 'SQLDataBase;mssqlserver;HRDb',
      }),
      /404|not found/i,
    );
  });

  it('unregisters a VM without protected databases, and refuses one that still has them, naming them', async () => {
    const prod01 = containerIdOf({ ...vault, container: 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-01' });
    await assert.rejects(
      unregisterVm(h.ctx, prod01),
      (e: unknown) => e instanceof BackupInputError && e.field === 'containerId' && /SalesDb/.test(e.message),
    );
    const prod02 = containerIdOf({ ...vault, container: 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02' });
    await unregisterVm(h.ctx, prod02);
    assert.equal(sent('DELETE', /\/protectionContainers\/VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02$/).length, 1);
    const candidates = await listVmCandidates(h.ctx, vaultId);
    assert.equal(candidates.find((c) => c.vmName === 'sqlvm-prod-02')?.registered, false, 'the VM can be registered again');
  });
});
