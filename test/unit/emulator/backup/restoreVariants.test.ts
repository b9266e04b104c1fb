// Restore variants: original location with overwrite, point in time inside the log range, restore as
// files, alternate location — each ends with a Restore job whose operation and propertyBag say what was
// restored where; registration refusals for VMs discovery has not found.
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../helpers';
import { b, backupIds, enc, FAST_BACKUP, track, waitForJob, registerBody } from './backupTestKit';
import {
  containerOf,
  containersOf,
  detailsOf,
  errorOf,
  itemOf,
  jobIdOf,
  jobOf,
  pointOf,
  pointsOf,
  protectablesOf,
  rangesOf,
  type JobAnswer,
  type Resource,
} from './backupAnswers';

describe('Backup restore variants and registration checks', function () {
  this.timeout(30_000);
  let t: TestEmulator;
  let ids: ReturnType<typeof backupIds>;
  let fullPoint: string;

  before(async () => {
    t = await startTestEmulator(FAST_BACKUP);
    ids = backupIds(t.emu);
    fullPoint = pointsOf(await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)))).value[0]
      .name;
  });
  after(() => t.stop());

  async function restore(point: string, properties: Record<string, unknown>): Promise<Resource<JobAnswer>> {
    const r = await t.call('POST', b(enc(`${ids.salesItem}/recoveryPoints/${point}/restore`)), { body: { properties } });
    assert.equal(r.status, 202, r.text);
    assert.equal(r.text, '', 'restore answers 202 with an empty body');
    const op = await track(t, r.headers['azure-asyncoperation']);
    return jobOf(await waitForJob(t, ids.vault, jobIdOf(op.final)));
  }

  it('original location with overwrite (the CLI body: no targetInfo)', async () => {
    const job = await restore(fullPoint, {
      objectType: 'AzureWorkloadSQLRestoreRequest',
      recoveryType: 'OriginalLocation',
      shouldUseAlternateTargetLocation: true,
      isNonRecoverable: false,
    });
    assert.equal(job.properties.status, 'Completed');
    assert.equal(job.properties.operation, 'Restore (Full)');
    const bag = detailsOf(job).propertyBag;
    assert.equal(bag['Job Type'], 'Recovery to the original database');
    assert.equal(bag.RestoreDestination, 'sqlvm-prod-01/MSSQLSERVER/SalesDb');
    assert.match(bag.RestoreRecoveryPointTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
    assert.deepEqual(detailsOf(job).tasksList, [{ taskId: 'Transfer data from vault', status: 'Completed' }]);
    const item = await t.call('GET', b(enc(ids.salesItem)));
    assert.equal(itemOf(item).properties.kpisHealths.RestoreOperationStatusKPI.resourceHealthStatus, 'Healthy');
  });

  it('point in time inside the log range', async () => {
    const pit = await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/DefaultRangeRecoveryPoint`)));
    const { startTime, endTime } = rangesOf(pit)[0];
    const at = new Date((Date.parse(startTime) + Date.parse(endTime)) / 2).toISOString();
    const job = await restore('DefaultRangeRecoveryPoint', {
      objectType: 'AzureWorkloadSQLPointInTimeRestoreRequest',
      recoveryType: 'OriginalLocation',
      pointInTime: at,
      targetInfo: { overwriteOption: 'Overwrite' },
    });
    assert.equal(job.properties.status, 'Completed');
    assert.equal(job.properties.operation, 'Restore (Log)');
    assert.equal(detailsOf(job).propertyBag.RestoreRecoveryPointTime, at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
  });

  it('restore as files onto another registered VM', async () => {
    const job = await restore(fullPoint, {
      objectType: 'AzureWorkloadSQLRestoreRequest',
      recoveryType: 'AlternateLocation',
      recoveryMode: 'FileRecovery',
      targetInfo: { overwriteOption: 'Overwrite', containerId: ids.ag01, targetDirectoryForFileRestore: 'F:\\restore' },
    });
    assert.equal(job.properties.status, 'Completed');
    assert.equal(detailsOf(job).propertyBag['Job Type'], 'Recovery as files');
    assert.equal(detailsOf(job).propertyBag.RestoreDestination, 'sqlvm-ag-01/F:\\restore');
    const bad = await t.call('POST', b(enc(`${ids.salesItem}/recoveryPoints/${fullPoint}/restore`)), {
      body: {
        properties: {
          objectType: 'AzureWorkloadSQLRestoreRequest',
          recoveryType: 'AlternateLocation',
          recoveryMode: 'FileRecovery',
          targetInfo: { containerId: ids.ag01 },
        },
      },
    });
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad).code, 'UserErrorOperationFailedInvalidParameters');
  });

  it('alternate location onto an existing database name needs Overwrite: FailOnConflict fails the job', async () => {
    const files =
      pointOf(await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/${fullPoint}`)))).properties.extendedInfo?.dataDirectoryPaths ??
      [];
    assert.equal(files.length, 2);
    const paths = files.map((f) => ({
      mappingType: f.type,
      sourceLogicalName: f.logicalName,
      sourcePath: f.path,
      targetPath: `F:\\data\\x_${f.logicalName}.mdf`,
    }));
    const conflict = await restore(fullPoint, {
      objectType: 'AzureWorkloadSQLRestoreRequest',
      recoveryType: 'AlternateLocation',
      targetInfo: { overwriteOption: 'FailOnConflict', containerId: ids.ag01, databaseName: 'MSSQLSERVER/StagingDb' },
      alternateDirectoryPaths: paths,
    });
    assert.equal(conflict.properties.status, 'Failed');
    assert.equal(conflict.properties.errorDetails?.[0].errorTitle, 'UserErrorCannotRestoreExistingDBWithoutForceOverwrite');
    const overwrite = await restore(fullPoint, {
      objectType: 'AzureWorkloadSQLRestoreRequest',
      recoveryType: 'AlternateLocation',
      targetInfo: { overwriteOption: 'Overwrite', containerId: ids.ag01, databaseName: 'MSSQLSERVER/StagingDb' },
      alternateDirectoryPaths: paths,
    });
    assert.equal(overwrite.properties.status, 'Completed');
    assert.equal(detailsOf(overwrite).propertyBag['Job Type'], 'Recovery to an alternate database');
  });

  it('registration needs a VM that discovery found, with a VMAppContainer body', async () => {
    const early = await t.call('PUT', b(enc(ids.prod02)), { body: registerBody(ids.vmProd02) });
    assert.equal(early.status, 400);
    assert.equal(errorOf(early).code, 'BMSUserErrorContainerNotDiscovered');
    const wrongType = await t.call('PUT', b(enc(ids.ag02)), {
      body: { properties: { ...registerBody(ids.vmAg02).properties, containerType: 'IaasVMContainer' } },
    });
    assert.equal(wrongType.status, 400);
    assert.equal(errorOf(wrongType).code, 'BMSUserErrorInvalidInput');
    const ok = await t.call('PUT', b(enc(ids.ag02)), { body: registerBody(ids.vmAg02) });
    assert.equal(ok.status, 202, ok.text);
    const registering = await t.call('GET', b(`${ids.vault}/backupProtectionContainers?$filter=friendlyName eq 'sqlvm-ag-02'`));
    assert.equal(containersOf(registering).value.length, 1, 'listed from the PUT on');
    await track(t, ok.headers['azure-asyncoperation']);
    const registered = await t.call('GET', b(enc(ids.ag02)));
    assert.equal(containerOf(registered).properties.registrationStatus, 'Registered');
    assert.equal(containerOf(registered).properties.extendedInfo.inquiryInfo.status, 'NotStarted');
  });

  it('protects an availability-group database (parentName = the AG)', async () => {
    const name = 'SQLDataBase;ag-orders;OrdersDb';
    const r = await t.call('PUT', b(enc(`${ids.ag01}/protectedItems/${name}`)), {
      body: { properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: ids.policy('SqlHourlyLog') } },
    });
    assert.equal(r.status, 202, r.text);
    await track(t, r.headers['azure-asyncoperation']);
    const item = await t.call('GET', b(enc(`${ids.ag01}/protectedItems/${name}`)));
    assert.equal(itemOf(item).name, name);
    assert.equal(itemOf(item).properties.friendlyName, 'OrdersDb');
    assert.equal(itemOf(item).properties.protectionState, 'IRPending');
    const list = await t.call('GET', b(`${ids.vault}/backupProtectableItems?$filter=friendlyName eq 'OrdersDb'`));
    assert.equal(protectablesOf(list).value[0].properties.protectionState, 'Protected');
  });
});
