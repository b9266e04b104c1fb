// The Learn REST walkthrough for SQL Server in Azure VMs, end to end through the extension's own clients
// (src/azure/backup + src/auth) against the emulator, in the documented order: vault → AzureWorkload
// policies → refresh containers → protectable containers → register the VM → inquire → protectable items
// → enable protection → back up now → recovery points → restore → jobs. Every async call is tracked.
import * as assert from 'node:assert/strict';
import type { AzureConnection } from '../../../../src/auth/azureConnection';
import { BackupDiscoveryClient } from '../../../../src/azure/backup/backupDiscoveryClient';
import { BackupProtectionClient } from '../../../../src/azure/backup/backupProtectionClient';
import { BackupVaultsClient } from '../../../../src/azure/backup/vaultsClient';
import { startTestEmulator, type TestEmulator } from '../helpers';
import { backupIds, connect, FAST_BACKUP, WAIT } from './backupTestKit';

describe("the docs' Backup sequence (SQL in Azure VM) through the src/azure/backup clients", function () {
  this.timeout(60_000);
  let t: TestEmulator;
  let conn: AzureConnection;

  before(async () => {
    t = await startTestEmulator(FAST_BACKUP);
    conn = await connect(t.emu);
  });
  after(async () => {
    conn.dispose();
    await t.stop();
  });

  it('discovers, registers, protects, backs up, restores and reports jobs', async () => {
    const ids = backupIds(t.emu);
    const vaults = new BackupVaultsClient(conn.arm);
    const discovery = new BackupDiscoveryClient(conn.arm);
    const protection = new BackupProtectionClient(conn.arm);

    // Vault (select an existing one) and the AzureWorkload policies.
    const all = await vaults.listVaults(ids.prod).toArray();
    assert.deepEqual(all.map((v) => v.name).sort(), ['contoso-backup-eus', 'contoso-backup-weu']);
    const inRg = await vaults.listVaults(ids.prod, { resourceGroup: 'rg-backup' }).toArray();
    assert.equal(inRg.length, 2);
    const vault = ids.vaultRef;
    const policies = await vaults.listPolicies(vault).toArray();
    assert.deepEqual(policies.map((p) => p.name).sort(), ['SqlDailyFull', 'SqlHourlyLog', 'SqlWeeklyFullDailyDiff']);
    const hourly = await vaults.getPolicy(vault, 'SqlHourlyLog');
    assert.equal(hourly.properties?.workLoadType, 'SQLDataBase');
    assert.equal(hourly.properties?.backupManagementType, 'AzureWorkload');

    // Refresh: sqlvm-prod-02 appears only after discovery.
    const before = await discovery.listProtectableContainers(vault).toArray();
    assert.deepEqual(
      before.map((c) => c.properties?.friendlyName),
      ['sqlvm-ag-02'],
    );
    const refresh = await discovery.beginRefreshContainers(vault);
    assert.equal(refresh.isDone(), false, 'refresh answers 202 and is tracked');
    await refresh.pollUntilDone(WAIT);
    const found = await discovery.listProtectableContainers(vault).toArray();
    const target = found.find((c) => c.properties?.friendlyName === 'sqlvm-prod-02');
    assert.ok(target, 'the VM waiting for discovery is now protectable');
    assert.equal(target.name, 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02');
    assert.equal(target.properties?.protectableContainerType, 'VMAppContainer');

    // Register with the values from the protectable container.
    const containerRef = { ...vault, container: target.name };
    const register = await discovery.beginRegister(containerRef, {
      properties: {
        backupManagementType: 'AzureWorkload',
        containerType: 'VMAppContainer',
        sourceResourceId: target.properties?.containerId,
        workloadType: 'SQLDataBase',
      },
    });
    const container = await register.pollUntilDone(WAIT);
    assert.equal(container.properties?.registrationStatus, 'Registered');
    assert.equal(container.properties?.sourceResourceId, ids.vmProd02);
    assert.equal((await discovery.listContainers(vault).toArray()).length, 3);

    // Inquire, then the databases are protectable items (system databases included).
    await (await discovery.beginInquire(containerRef)).pollUntilDone(WAIT);
    const items = await discovery.listProtectableItems(vault).toArray();
    const onVm = items.filter((i) => i.id?.includes('sqlvm-prod-02'));
    assert.deepEqual(onVm.map((i) => i.properties?.friendlyName).sort(), ['HRDb', 'MSSQLSERVER', 'PayrollDb', 'master', 'model', 'msdb']);
    const hr = onVm.find((i) => i.properties?.friendlyName === 'HRDb')!;
    assert.equal(hr.name, 'SQLDataBase;mssqlserver;HRDb');
    assert.equal(hr.properties?.protectableItemType, 'SQLDataBase');
    assert.equal(hr.properties?.parentName, 'MSSQLSERVER');
    assert.equal(hr.properties?.protectionState, 'NotProtected');

    // Enable protection: the ConfigureBackup job, then the item waits for its first Full (IRPending).
    const itemRef = { ...containerRef, item: hr.name };
    const protect = await protection.beginProtect(itemRef, {
      properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: hourly.id as string },
    });
    const protectedItem = await protect.pollUntilDone(WAIT);
    assert.equal(protectedItem.properties?.protectionState, 'IRPending');
    assert.equal(protectedItem.properties?.policyName, 'SqlHourlyLog');
    const configureJobs = await protection
      .listJobs(vault, { filter: "operation eq 'ConfigureBackup' and status eq 'Completed'" })
      .toArray();
    assert.ok(configureJobs.some((j) => j.properties?.entityFriendlyName === 'HRDb'));

    // Back up now: the operation hands out the job id; the job completes and the item is Protected.
    const backup = await protection.beginBackupNow(itemRef, {
      properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full', enableCompression: false },
    });
    await backup.pollUntilDone(WAIT);
    const jobId = backup.latest.jobId;
    assert.ok(jobId, 'operationsStatus carries properties.jobId');
    let job = await protection.getJob(vault, jobId);
    for (let i = 0; i < 200 && job.properties?.status === 'InProgress'; i++) job = await protection.getJob(vault, jobId);
    assert.equal(job.properties?.status, 'Completed');
    assert.equal(job.properties?.operation, 'Backup (Full)');
    assert.deepEqual(job.properties?.extendedInfo?.tasksList, [{ taskId: 'Transfer data to vault', status: 'Completed' }]);
    const afterFull = await protection.getProtectedItem(itemRef);
    assert.equal(afterFull.properties?.protectionState, 'Protected');
    assert.equal(afterFull.properties?.protectedItemHealthStatus, 'Healthy');

    // Recovery points: the Full point, and the log pseudo-point for a FULL-recovery database.
    const points = await protection.listRecoveryPoints(itemRef).toArray();
    const full = points.find((p) => p.properties?.type === 'Full')!;
    assert.ok(full);
    const pit = points.find((p) => p.name === 'DefaultRangeRecoveryPoint')!;
    assert.equal(pit.properties?.objectType, 'AzureWorkloadSQLPointInTimeRecoveryPoint');
    assert.equal(pit.properties?.timeRanges?.length, 1);
    const detail = await protection.getRecoveryPoint({ ...itemRef, recoveryPoint: full.name! });
    const files = detail.properties?.extendedInfo?.dataDirectoryPaths as { type: string; path: string; logicalName: string }[];
    assert.deepEqual(
      files.map((f) => f.type),
      ['Data', 'Log'],
    );

    // Restore to an alternate location: another registered SQL instance, a new name, and file paths in the
    // target instance's default folders (the workload items API, as the CLI builds them).
    const targetRef = { ...vault, container: 'VMAppContainer;Compute;rg-sql-ag;sqlvm-ag-01' };
    const instances = await discovery.listWorkloadItems(targetRef).toArray();
    assert.deepEqual(
      instances.map((i) => i.name),
      ['SQLInstance;MSSQLSERVER'],
    );
    const folders = instances[0].properties?.dataDirectoryPaths ?? [];
    const folderFor = (type: string) => folders.find((d) => d.type === type)?.path ?? assert.fail(`no ${type} folder`);
    assert.equal(folderFor('Data'), 'F:\\data\\');
    const restore = await protection.beginRestore(
      { ...itemRef, recoveryPoint: full.name! },
      {
        properties: {
          objectType: 'AzureWorkloadSQLRestoreRequest',
          recoveryType: 'AlternateLocation',
          sourceResourceId: ids.vmProd02,
          shouldUseAlternateTargetLocation: true,
          isNonRecoverable: false,
          targetInfo: { overwriteOption: 'Overwrite', containerId: ids.ag01, databaseName: 'MSSQLSERVER/HRDb_restored' },
          alternateDirectoryPaths: files.map((f) => ({
            mappingType: f.type,
            sourceLogicalName: f.logicalName,
            sourcePath: f.path,
            targetPath: `${folderFor(f.type)}${f.logicalName}_1.${f.type === 'Data' ? 'mdf' : 'ldf'}`,
          })),
        },
      },
    );
    await restore.pollUntilDone(WAIT);
    const restoreJobId = restore.latest.jobId!;
    let restoreJob = await protection.getJob(vault, restoreJobId);
    for (let i = 0; i < 200 && restoreJob.properties?.status === 'InProgress'; i++)
      restoreJob = await protection.getJob(vault, restoreJobId);
    assert.equal(restoreJob.properties?.status, 'Completed');
    assert.equal(restoreJob.properties?.operation, 'Restore (Full)');
    assert.equal(
      (restoreJob.properties?.extendedInfo?.propertyBag as Record<string, string>).RestoreDestination,
      'sqlvm-ag-01/MSSQLSERVER/HRDb_restored',
    );
    const vmAfter = t.emu.control.state().virtualMachines!;
    const ag01 = Object.values(vmAfter).find((v) => v.name === 'sqlvm-ag-01')!;
    assert.ok(
      ag01.sqlInstances[0].databases.some((d) => d.name === 'HRDb_restored'),
      'the restored database exists on the target VM',
    );

    // Monitor jobs: the backup and restore are listed, newest first.
    const recent = await protection.listJobs(vault, { filter: "backupManagementType eq 'AzureWorkload'" }).toArray();
    const idsInOrder = recent.map((j) => j.name);
    assert.ok(idsInOrder.indexOf(restoreJobId) < idsInOrder.indexOf(jobId), 'newest first');
  });

  it('stops protection keeping data, resumes it, then deletes the backup data', async () => {
    const ids = backupIds(t.emu);
    const protection = new BackupProtectionClient(conn.arm);
    const itemRef = {
      ...ids.vaultRef,
      container: 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-01',
      item: 'SQLDataBase;mssqlserver;InventoryDb',
    };
    const stopped = await (
      await protection.beginProtect(itemRef, {
        properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', protectionState: 'ProtectionStopped', policyId: '' },
      })
    ).pollUntilDone(WAIT);
    assert.equal(stopped.properties?.protectionState, 'ProtectionStopped');
    assert.ok((stopped.properties?.extendedInfo?.recoveryPointCount as number) > 0, 'data is kept');
    const resumed = await (
      await protection.beginProtect(itemRef, {
        properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: ids.policy('SqlWeeklyFullDailyDiff') },
      })
    ).pollUntilDone(WAIT);
    assert.equal(resumed.properties?.protectionState, 'Protected');
    await (await protection.beginStopProtection(itemRef)).pollUntilDone(WAIT);
    await assert.rejects(
      protection.getProtectedItem(itemRef),
      (e: { code?: string; status?: number }) => e.code === 'BMSUserErrorDataSourceObjectNotFound' && e.status === 404,
    );
    const deletes = await protection.listJobs(ids.vaultRef, { filter: "operation eq 'DeleteBackupData'" }).toArray();
    assert.equal(deletes.length, 1);
    assert.equal(deletes[0].properties?.status, 'Completed');
  });

  it('creates, replaces and deletes a policy through the client; a policy in use cannot be deleted', async () => {
    const ids = backupIds(t.emu);
    const vaults = new BackupVaultsClient(conn.arm);
    const template = await vaults.getPolicy(ids.vaultRef, 'SqlHourlyLog');
    const created = await (
      await vaults.beginCreateOrUpdatePolicy(ids.vaultRef, 'SqlNightly', { properties: { ...template.properties } })
    ).pollUntilDone(WAIT);
    assert.equal(created.name, 'SqlNightly');
    assert.equal(created.properties?.workLoadType, 'SQLDataBase');
    const settings = { timeZone: 'W. Europe Standard Time', issqlcompression: true };
    const replaced = await (
      await vaults.beginCreateOrUpdatePolicy(ids.vaultRef, 'SqlNightly', { properties: { ...template.properties, settings } })
    ).pollUntilDone(WAIT);
    assert.deepEqual(replaced.properties?.settings, settings);
    await (await vaults.beginDeletePolicy(ids.vaultRef, 'SqlNightly')).pollUntilDone(WAIT);
    await assert.rejects(vaults.getPolicy(ids.vaultRef, 'SqlNightly'), (e: { code?: string }) => e.code === 'BMSUserErrorPolicyNotFound');
    await assert.rejects(
      vaults.beginDeletePolicy(ids.vaultRef, 'SqlHourlyLog').then((p) => p.pollUntilDone(WAIT)),
      (e: { code?: string }) => e.code === 'BMSUserErrorPolicyInUse',
    );
  });

  it('cancels a running backup job through the client', async () => {
    const ids = backupIds(t.emu);
    const protection = new BackupProtectionClient(conn.arm);
    const running = await protection.listJobs(ids.vaultRef, { filter: "status eq 'InProgress'" }).toArray();
    const job = running.find((j) => j.properties?.operation === 'Backup (Full)');
    if (!job) return assert.fail('the demo seed has a running Full backup');
    await (await protection.beginCancelJob(ids.vaultRef, job.name!)).pollUntilDone(WAIT);
    const after = await protection.getJob(ids.vaultRef, job.name!);
    assert.ok(['Cancelling', 'Cancelled'].includes(after.properties?.status as string), after.properties?.status);
  });
});
