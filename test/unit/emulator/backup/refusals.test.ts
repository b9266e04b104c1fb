// Requests the service refuses, with its exact codes: api-versions, missing resources, policy input,
// protection with a wrong policy, backup types the database cannot take, restores outside the log
// ranges or with bad file mappings, and the failures asked for through the control endpoint.
import assert from 'node:assert/strict';
import { startTestEmulator, type CallResult, type TestEmulator } from '../helpers';
import { b, backupIds, enc, FAST_BACKUP, track, waitForJob, registerBody } from './backupTestKit';
import { containerOf, errorOf, itemOf, jobIdOf, jobOf, operationOf, pointsOf, rangesOf } from './backupAnswers';
import { hourlyLogPolicy } from '../../../../src/emulator/seeds/backupPolicies';

function refused(r: CallResult, status: number, code: string): void {
  assert.equal(r.status, status, r.text);
  assert.equal(errorOf(r).code, code, r.text);
}

describe('Backup refusals', function () {
  this.timeout(30_000);
  let t: TestEmulator;
  let ids: ReturnType<typeof backupIds>;

  before(async () => {
    t = await startTestEmulator(FAST_BACKUP);
    ids = backupIds(t.emu);
  });
  after(() => t.stop());

  describe('api-versions', () => {
    it('accepts every published version, including the old ones of the tracking URLs', async () => {
      for (const v of ['2016-12-01', '2019-05-13-preview', '2021-12-01', '2023-06-01', '2026-02-01']) {
        assert.equal((await t.call('GET', b(`${ids.vault}/backupPolicies`, v))).status, 200, v);
      }
      assert.equal((await t.call('GET', b(ids.vault, '2016-06-01'))).status, 200);
      assert.equal((await t.call('GET', b(ids.vault, '2026-08-01'))).status, 200);
    });
    it('refuses an unknown one as ARM does, listing the supported versions', async () => {
      const r = await t.call('GET', b(`${ids.vault}/backupPolicies`, '2099-01-01'));
      refused(r, 400, 'InvalidApiVersionParameter');
      assert.match(errorOf(r).message, /The api-version '2099-01-01' is invalid\. The supported versions are '.*2026-02-01/);
      refused(await t.call('GET', `${ids.vault}/backupJobs`), 400, 'MissingApiVersionParameter');
      refused(await t.call('GET', b(ids.vault, '2026-02-01-preview')), 400, 'InvalidApiVersionParameter');
    });
  });

  it('answers 404 for a vault, container, item, recovery point or job that does not exist', async () => {
    refused(await t.call('GET', b(ids.vault.replace('contoso-backup-weu', 'nope'), '2026-08-01')), 404, 'ResourceNotFound');
    refused(await t.call('GET', b(enc(ids.prod02))), 404, 'BMSUserErrorContainerObjectNotFound');
    refused(
      await t.call('GET', b(enc(`${ids.prod01}/protectedItems/SQLDataBase;mssqlserver;NoSuchDb`))),
      404,
      'BMSUserErrorDataSourceObjectNotFound',
    );
    refused(await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/123`))), 404, 'BMSUserErrorRecoveryPointNotFound');
    refused(await t.call('GET', b(`${ids.vault}/backupJobs/00000000-0000-0000-0000-000000000000`)), 404, 'BMSUserErrorJobNotFound');
    refused(await t.call('GET', b(`${ids.vault}/backupPolicies/NoSuchPolicy`)), 404, 'BMSUserErrorPolicyNotFound');
  });

  it('validates policies: BMSUserErrorInvalidPolicyInput', async () => {
    const base = hourlyLogPolicy(Date.now());
    const subs = base.subProtectionPolicy as Record<string, unknown>[];
    const bad = [
      { ...base, workLoadType: 'SAPHanaDatabase' },
      { ...base, subProtectionPolicy: [subs[1]] },
      {
        ...base,
        subProtectionPolicy: [
          subs[0],
          { ...subs[1], schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 10 } },
        ],
      },
      {
        ...base,
        subProtectionPolicy: [
          subs[0],
          { policyType: 'Differential', schedulePolicy: subs[0].schedulePolicy, retentionPolicy: subs[1].retentionPolicy },
        ],
      },
    ];
    for (const properties of bad) {
      refused(
        await t.call('PUT', b(`${ids.vault}/backupPolicies/BadPolicy`), { body: { properties } }),
        400,
        'BMSUserErrorInvalidPolicyInput',
      );
    }
    assert.equal((await t.call('PUT', b(`${ids.vault}/backupPolicies/GoodPolicy`), { body: { properties: base } })).status, 202);
  });

  it('refuses protection with a policy that does not exist or is not an AzureWorkload SQL policy', async () => {
    const item = enc(`${ids.prod01}/protectedItems/SQLDataBase;mssqlserver;ReportingDb`);
    const body = (policyId: string) => ({ properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId } });
    refused(await t.call('PUT', b(item), { body: body(ids.policy('Missing')) }), 404, 'BMSUserErrorPolicyNotFound');
    const vm = await t.call('PUT', b(item), { body: body(ids.policy('DefaultPolicy')) });
    refused(vm, 400, 'BMSUserErrorInvalidPolicyForGivenProvider');
    assert.equal(errorOf(vm).message, 'Policy is not valid for given provider type. Please choose valid policy for given provider.');
    refused(
      await t.call('PUT', b(enc(`${ids.prod01}/protectedItems/SQLDataBase;mssqlserver;NotThere`)), {
        body: body(ids.policy('SqlDailyFull')),
      }),
      404,
      'BMSUserErrorDataSourceObjectNotFound',
    );
  });

  it('refuses Differential and Log without a prior Full, Log on SIMPLE recovery, Differential on master', async () => {
    // Protect HRDb (FULL recovery) and PayrollDb (SIMPLE) on sqlvm-prod-02, then try backups.
    await track(t, (await t.call('POST', b(`${ids.vault}/backupFabrics/Azure/refreshContainers`))).headers.location);
    const reg = await t.call('PUT', b(enc(ids.prod02)), {
      body: registerBody(ids.vmProd02),
    });
    await track(t, reg.headers.location);
    await track(t, (await t.call('POST', b(`${enc(ids.prod02)}/inquire`))).headers.location);
    const protect = async (db: string) => {
      const r = await t.call('PUT', b(enc(`${ids.prod02}/protectedItems/SQLDataBase;mssqlserver;${db}`)), {
        body: { properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: ids.policy('SqlHourlyLog') } },
      });
      assert.equal(operationOf((await track(t, r.headers['azure-asyncoperation'])).final).status, 'Succeeded');
    };
    await protect('HRDb');
    await protect('PayrollDb');
    await protect('master');
    const backup = (db: string, backupType: string) =>
      t.call('POST', b(enc(`${ids.prod02}/protectedItems/SQLDataBase;mssqlserver;${db}/backup`)), {
        body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType } },
      });
    refused(await backup('HRDb', 'Differential'), 400, 'UserErrorParentFullBackupMissing');
    refused(await backup('HRDb', 'Log'), 400, 'UserErrorParentFullBackupMissing');
    refused(await backup('PayrollDb', 'Log'), 400, 'UserErrorSQLPODoesNotSupportBackupType');
    refused(await backup('master', 'Differential'), 400, 'UserErrorSQLPODoesNotSupportBackupType');
    refused(await backup('HRDb', 'Incremental'), 400, 'BMSUserErrorInvalidInput');
    const copyOnly = await backup('HRDb', 'CopyOnlyFull');
    await waitForJob(t, ids.vault, jobIdOf((await track(t, copyOnly.headers['azure-asyncoperation'])).final));
    refused(await backup('HRDb', 'Log'), 400, 'UserErrorParentFullBackupMissing');
    const full = await backup('HRDb', 'Full');
    await waitForJob(t, ids.vault, jobIdOf((await track(t, full.headers['azure-asyncoperation'])).final));
    assert.equal((await backup('HRDb', 'Log')).status, 202, 'a Full starts the log chain');
  });

  it('refuses a point in time outside the log ranges and alternate paths that do not map every file', async () => {
    const pit = await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/DefaultRangeRecoveryPoint`)));
    const range = rangesOf(pit)[0];
    const restore = (point: string, properties: Record<string, unknown>) =>
      t.call('POST', b(enc(`${ids.salesItem}/recoveryPoints/${point}/restore`)), { body: { properties } });
    const before = new Date(Date.parse(range.startTime) - 60_000).toISOString();
    const r = await restore('DefaultRangeRecoveryPoint', {
      objectType: 'AzureWorkloadSQLPointInTimeRestoreRequest',
      recoveryType: 'OriginalLocation',
      pointInTime: before,
    });
    refused(r, 400, 'UserErrorOperationFailedInvalidParameters');
    assert.match(errorOf(r).message, /outside the available log ranges/);
    const inside = new Date(Date.parse(range.startTime) + 3600_000).toISOString();
    assert.equal(
      (
        await restore('DefaultRangeRecoveryPoint', {
          objectType: 'AzureWorkloadSQLPointInTimeRestoreRequest',
          recoveryType: 'OriginalLocation',
          pointInTime: inside,
        })
      ).status,
      202,
    );
    const points = await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)));
    const rp = pointsOf(points).value[0].name;
    refused(
      await restore(rp, {
        objectType: 'AzureWorkloadSQLRestoreRequest',
        recoveryType: 'AlternateLocation',
        targetInfo: { overwriteOption: 'Overwrite', containerId: ids.ag01, databaseName: 'MSSQLSERVER/SalesCopy' },
        alternateDirectoryPaths: [{ mappingType: 'Data', sourceLogicalName: 'SalesDb', targetPath: 'F:\\data\\SalesCopy.mdf' }],
      }),
      400,
      'UserErrorOperationFailedInvalidParameters',
    );
    refused(
      await restore(rp, {
        objectType: 'AzureWorkloadSQLRestoreRequest',
        recoveryType: 'AlternateLocation',
        targetInfo: { containerId: ids.prod02 + 'x' },
      }),
      400,
      'UserErrorOperationFailedInvalidParameters',
    );
    refused(
      await restore(rp, { objectType: 'AzureWorkloadSQLPointInTimeRestoreRequest', recoveryType: 'OriginalLocation' }),
      400,
      'UserErrorOperationFailedInvalidParameters',
    );
  });

  it('fails a restore onto an existing database without overwrite: the job carries the error and recommendation', async () => {
    const points = await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)));
    const r = await t.call('POST', b(enc(`${ids.salesItem}/recoveryPoints/${pointsOf(points).value[0].name}/restore`)), {
      body: {
        properties: {
          objectType: 'AzureWorkloadSQLRestoreRequest',
          recoveryType: 'OriginalLocation',
          targetInfo: { overwriteOption: 'FailOnConflict' },
        },
      },
    });
    assert.equal(r.status, 202, r.text);
    const job = jobOf(await waitForJob(t, ids.vault, jobIdOf((await track(t, r.headers['azure-asyncoperation'])).final))).properties;
    assert.equal(job.status, 'Failed');
    assert.equal(job.errorDetails?.[0].errorTitle, 'UserErrorCannotRestoreExistingDBWithoutForceOverwrite');
    assert.ok((job.errorDetails?.[0].recommendations[0] ?? '').length > 0);
  });

  it('refuses to unregister a VM that still has protected databases', async () => {
    refused(await t.call('DELETE', b(enc(ids.prod01))), 400, 'BMSUserErrorContainerHasDatasources');
  });

  it('control endpoint: an inquiry that fails with UserErrorSQLNoSysadminMembership', async () => {
    const vm = t.emu.control.state().backup!.containers;
    const ag = Object.values(vm).find((c) => c.name.includes('sqlvm-ag-01'))!;
    const set = await t.call('POST', '/_emulator/backup/failures', {
      token: null,
      body: { kind: 'inquiry', target: ag.vmId, code: 'UserErrorSQLNoSysadminMembership' },
    });
    assert.equal(set.status, 201, set.text);
    const r = await t.call('POST', b(`${enc(ids.ag01)}/inquire`));
    const { final } = await track(t, r.headers.location);
    refused(final, 400, 'UserErrorSQLNoSysadminMembership');
    const inquiry = containerOf(await t.call('GET', b(enc(ids.ag01)))).properties.extendedInfo.inquiryInfo;
    assert.equal(inquiry.status, 'Failed');
    assert.equal(inquiry.errorDetail.code, 'UserErrorSQLNoSysadminMembership');
    const again = await t.call('POST', b(`${enc(ids.ag01)}/inquire`));
    assert.equal((await track(t, again.headers.location)).final.status, 204, 'the failure fires once');
  });

  it('control endpoint: a failing backup job with its recommendation, reflected on the item', async () => {
    await t.call('POST', '/_emulator/backup/failures', {
      token: null,
      body: { kind: 'job', target: 'Backup', code: 'UserErrorBackupFailedAsTransactionLogIsFull', recommendation: 'Grow the log file.' },
    });
    const r = await t.call('POST', b(`${enc(ids.salesItem)}/backup`), {
      body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Log' } },
    });
    const job = jobOf(await waitForJob(t, ids.vault, jobIdOf((await track(t, r.headers['azure-asyncoperation'])).final))).properties;
    assert.equal(job.status, 'Failed');
    assert.equal(job.operation, 'Backup (Log)');
    assert.deepEqual(job.errorDetails?.[0].recommendations, ['Grow the log file.']);
    assert.equal(job.errorDetails?.[0].errorTitle, 'UserErrorBackupFailedAsTransactionLogIsFull');
    const item = itemOf(await t.call('GET', b(enc(ids.salesItem)))).properties;
    assert.equal(item.lastBackupStatus, 'Unhealthy');
    assert.equal(item.lastBackupErrorDetail.code, 'UserErrorBackupFailedAsTransactionLogIsFull');
    assert.equal(item.kpisHealths.BackupOperationStatusKPI.resourceHealthStatus, 'PersistentUnhealthy');
    refused(await t.call('POST', '/_emulator/backup/failures', { token: null, body: { kind: 'other' } }), 400, 'InvalidControlRequest');
  });
});
