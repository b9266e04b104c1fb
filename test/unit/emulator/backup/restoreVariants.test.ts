// Restore variants: original location with overwrite, point in time inside the log range, restore as
// files, alternate location — each ends with a Restore job whose operation and propertyBag say what was
// restored where; registration refusals for VMs discovery has not found.
import assert from 'node:assert/strict';
import { startTestEmulator, type CallResult, type TestEmulator } from '../helpers';
import { b, backupIds, enc, FAST_BACKUP, track, waitForJob } from './backupTestKit';

describe('Backup restore variants and registration checks', function () {
  this.timeout(30_000);
  let t: TestEmulator;
  let ids: ReturnType<typeof backupIds>;
  let fullPoint: string;

  before(async () => {
    t = await startTestEmulator(FAST_BACKUP);
    ids = backupIds(t.emu);
    fullPoint = (await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)))).body.value[0].name;
  });
  after(() => t.stop());

  async function restore(point: string, properties: Record<string, unknown>): Promise<CallResult> {
    const r = await t.call('POST', b(enc(`${ids.salesItem}/recoveryPoints/${point}/restore`)), { body: { properties } });
    assert.equal(r.status, 202, r.text);
    assert.equal(r.text, '', 'restore answers 202 with an empty body');
    const op = await track(t, r.headers['azure-asyncoperation']);
    return waitForJob(t, ids.vault, op.final.body.properties.jobId);
  }

  it('original location with overwrite (the CLI body: no targetInfo)', async () => {
    const job = await restore(fullPoint, {
      objectType: 'AzureWorkloadSQLRestoreRequest',
      recoveryType: 'OriginalLocation',
      shouldUseAlternateTargetLocation: true,
      isNonRecoverable: false,
    });
    assert.equal(job.body.properties.status, 'Completed');
    assert.equal(job.body.properties.operation, 'Restore (Full)');
    const bag = job.body.properties.extendedInfo.propertyBag;
    assert.equal(bag['Job Type'], 'Recovery to the original database');
    assert.equal(bag.RestoreDestination, 'sqlvm-prod-01/MSSQLSERVER/SalesDb');
    assert.match(bag.RestoreRecoveryPointTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
    assert.deepEqual(job.body.properties.extendedInfo.tasksList, [{ taskId: 'Transfer data from vault', status: 'Completed' }]);
    const item = await t.call('GET', b(enc(ids.salesItem)));
    assert.equal(item.body.properties.kpisHealths.RestoreOperationStatusKPI.resourceHealthStatus, 'Healthy');
  });

  it('point in time inside the log range', async () => {
    const pit = await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/DefaultRangeRecoveryPoint`)));
    const { startTime, endTime } = pit.body.properties.timeRanges[0];
    const at = new Date((Date.parse(startTime) + Date.parse(endTime)) / 2).toISOString();
    const job = await restore('DefaultRangeRecoveryPoint', {
      objectType: 'AzureWorkloadSQLPointInTimeRestoreRequest',
      recoveryType: 'OriginalLocation',
      pointInTime: at,
      targetInfo: { overwriteOption: 'Overwrite' },
    });
    assert.equal(job.body.properties.status, 'Completed');
    assert.equal(job.body.properties.operation, 'Restore (Log)');
    assert.equal(job.body.properties.extendedInfo.propertyBag.RestoreRecoveryPointTime, at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
  });

  it('restore as files onto another registered VM', async () => {
    const job = await restore(fullPoint, {
      objectType: 'AzureWorkloadSQLRestoreRequest',
      recoveryType: 'AlternateLocation',
      recoveryMode: 'FileRecovery',
      targetInfo: { overwriteOption: 'Overwrite', containerId: ids.ag01, targetDirectoryForFileRestore: 'F:\\restore' },
    });
    assert.equal(job.body.properties.status, 'Completed');
    assert.equal(job.body.properties.extendedInfo.propertyBag['Job Type'], 'Recovery as files');
    assert.equal(job.body.properties.extendedInfo.propertyBag.RestoreDestination, 'sqlvm-ag-01/F:\\restore');
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
    assert.equal(bad.body.error.code, 'UserErrorOperationFailedInvalidParameters');
  });

  it('alternate location onto an existing database name needs Overwrite: FailOnConflict fails the job', async () => {
    const files = (await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/${fullPoint}`)))).body.properties.extendedInfo
      .dataDirectoryPaths as {
      type: string;
      path: string;
      logicalName: string;
    }[];
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
    assert.equal(conflict.body.properties.status, 'Failed');
    assert.equal(conflict.body.properties.errorDetails[0].errorTitle, 'UserErrorCannotRestoreExistingDBWithoutForceOverwrite');
    const overwrite = await restore(fullPoint, {
      objectType: 'AzureWorkloadSQLRestoreRequest',
      recoveryType: 'AlternateLocation',
      targetInfo: { overwriteOption: 'Overwrite', containerId: ids.ag01, databaseName: 'MSSQLSERVER/StagingDb' },
      alternateDirectoryPaths: paths,
    });
    assert.equal(overwrite.body.properties.status, 'Completed');
    assert.equal(overwrite.body.properties.extendedInfo.propertyBag['Job Type'], 'Recovery to an alternate database');
  });

  it('registration needs a VM that discovery found, with a VMAppContainer body', async () => {
    const body = {
      properties: {
        containerType: 'VMAppContainer',
        backupManagementType: 'AzureWorkload',
        sourceResourceId: ids.vmProd02,
        workloadType: 'SQLDataBase',
      },
    };
    const early = await t.call('PUT', b(enc(ids.prod02)), { body });
    assert.equal(early.status, 400);
    assert.equal(early.body.error.code, 'BMSUserErrorContainerNotDiscovered');
    const wrongType = await t.call('PUT', b(enc(ids.ag02)), {
      body: { properties: { ...body.properties, containerType: 'IaasVMContainer', sourceResourceId: ids.vmAg02 } },
    });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.error.code, 'BMSUserErrorInvalidInput');
    const ok = await t.call('PUT', b(enc(ids.ag02)), { body: { properties: { ...body.properties, sourceResourceId: ids.vmAg02 } } });
    assert.equal(ok.status, 202, ok.text);
    const registering = await t.call('GET', b(`${ids.vault}/backupProtectionContainers?$filter=friendlyName eq 'sqlvm-ag-02'`));
    assert.equal(registering.body.value.length, 1, 'listed from the PUT on');
    await track(t, ok.headers['azure-asyncoperation']);
    const registered = await t.call('GET', b(enc(ids.ag02)));
    assert.equal(registered.body.properties.registrationStatus, 'Registered');
    assert.equal(registered.body.properties.extendedInfo.inquiryInfo.status, 'NotStarted');
  });

  it('protects an availability-group database (parentName = the AG)', async () => {
    const name = 'SQLDataBase;ag-orders;OrdersDb';
    const r = await t.call('PUT', b(enc(`${ids.ag01}/protectedItems/${name}`)), {
      body: { properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: ids.policy('SqlHourlyLog') } },
    });
    assert.equal(r.status, 202, r.text);
    await track(t, r.headers['azure-asyncoperation']);
    const item = await t.call('GET', b(enc(`${ids.ag01}/protectedItems/${name}`)));
    assert.equal(item.body.name, name);
    assert.equal(item.body.properties.friendlyName, 'OrdersDb');
    assert.equal(item.body.properties.protectionState, 'IRPending');
    const list = await t.call('GET', b(`${ids.vault}/backupProtectableItems?$filter=friendlyName eq 'OrdersDb'`));
    assert.equal(list.body.value[0].properties.protectionState, 'Protected');
  });
});
