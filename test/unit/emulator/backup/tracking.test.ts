// Every tracking pattern of Azure Backup, on the wire: which headers each 202 carries, the old
// api-versions in the URLs, 202 → 204/200 on operationResults, OperationStatus with properties.jobId.
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../helpers';
import { b, backupIds, enc, FAST_BACKUP, track, waitForJob, registerBody } from './backupTestKit';
import { containerOf, errorOf, itemOf, jobIdOf, jobOf, jobsOf, operationOf, policyOf } from './backupAnswers';
import { hourlyLogPolicy } from '../../../../src/emulator/seeds/backupPolicies';

describe('Backup tracking URLs', function () {
  this.timeout(30_000);
  let t: TestEmulator;
  /** Scale 60 (the default): refresh runs ~0.8 s and registration 3.5 s, so a running state is observable on a busy machine. */
  let slow: TestEmulator;
  let ids: ReturnType<typeof backupIds>;

  before(async () => {
    t = await startTestEmulator(FAST_BACKUP);
    slow = await startTestEmulator({ backupTimeScale: 60 });
    ids = backupIds(t.emu);
  });
  after(async () => {
    await t.stop();
    await slow.stop();
  });

  it('refreshContainers: 202 with only Location (fabric operationResults, 2016-12-01) → 202 → 204', async () => {
    const r = await slow.call(
      'POST',
      b(`${ids.vault}/backupFabrics/Azure/refreshContainers?$filter=backupManagementType eq 'AzureWorkload'`),
    );
    assert.equal(r.status, 202);
    assert.equal(r.text, '');
    assert.equal(r.headers['azure-asyncoperation'], undefined);
    assert.match(
      r.headers.location,
      new RegExp(`${ids.vault}/backupFabrics/Azure/operationResults/[0-9a-f-]{36}\\?api-version=2016-12-01$`),
    );
    assert.ok(Number(r.headers['retry-after']) >= 0);
    const { seen, final } = await track(slow, r.headers.location);
    assert.equal(seen[0].status, 202, 'running at first');
    assert.equal(final.status, 204);
  });

  it('register: 202 {} with operationsStatus (2019-05-13-preview) and operationResults (2016-12-01) → 200 container', async () => {
    const r = await slow.call('PUT', b(enc(ids.ag02)), {
      body: registerBody(ids.vmAg02),
    });
    assert.equal(r.status, 202, r.text);
    assert.deepEqual(r.body, {});
    assert.ok(r.headers['azure-asyncoperation'].startsWith(`${slow.emu.endpoints.arm}${ids.ag02}/operationsStatus/`));
    assert.ok(r.headers['azure-asyncoperation'].endsWith('?api-version=2019-05-13-preview'));
    assert.ok(r.headers.location.startsWith(`${slow.emu.endpoints.arm}${ids.ag02}/operationResults/`));
    assert.ok(r.headers.location.endsWith('?api-version=2016-12-01'));
    const status = await track(slow, r.headers['azure-asyncoperation']);
    const first = operationOf(status.seen[0]);
    assert.equal(first.status, 'InProgress');
    assert.equal(first.endTime, undefined, 'no endTime while running');
    assert.equal(operationOf(status.final).status, 'Succeeded');
    const result = await track(slow, r.headers.location);
    assert.equal(result.final.status, 200);
    assert.equal(containerOf(result.final).properties.registrationStatus, 'Registered');
  });

  it('inquire: 202 with Location (container operationResults) → 204', async () => {
    const r = await t.call('POST', b(`${enc(ids.prod01)}/inquire?$filter=workloadType eq 'SQLDataBase'`));
    assert.equal(r.status, 202, r.text);
    assert.ok(r.headers.location.includes(`${ids.prod01}/operationResults/`));
    assert.equal((await track(t, r.headers.location)).final.status, 204);
    const inquiry = containerOf(await t.call('GET', b(enc(ids.prod01)))).properties.extendedInfo.inquiryInfo;
    assert.equal(inquiry.status, 'Success');
    assert.equal(inquiry.inquiryDetails[0].itemCount, 6);
  });

  it('backup now: 202 empty body, item operationsStatus / operationResults (2016-12-01); status → jobId; vault backupOperations agrees', async () => {
    const r = await t.call('POST', b(`${enc(ids.salesItem)}/backup`), {
      body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Differential' } },
    });
    assert.equal(r.status, 202, r.text);
    assert.equal(r.text, '');
    const asyncUrl = r.headers['azure-asyncoperation'];
    assert.ok(asyncUrl.startsWith(`${t.emu.endpoints.arm}${ids.salesItem}/operationsStatus/`));
    assert.ok(asyncUrl.endsWith('?api-version=2016-12-01'));
    assert.ok(r.headers.location.startsWith(`${t.emu.endpoints.arm}${ids.salesItem}/operationResults/`));
    const { final } = await track(t, asyncUrl);
    const opId = asyncUrl.split('/').pop()!.split('?')[0];
    const op = operationOf(final);
    assert.equal(op.id, opId);
    assert.equal(op.name, opId);
    assert.equal(op.status, 'Succeeded');
    assert.equal(op.properties?.objectType, 'OperationStatusJobExtendedInfo');
    assert.ok(op.endTime);
    const vaultLevel = await t.call('GET', b(`${ids.vault}/backupOperations/${opId}`, '2016-12-01'));
    assert.equal(jobIdOf(vaultLevel), jobIdOf(final));
    assert.equal((await track(t, r.headers.location)).final.status, 204);
    const job = jobOf(await waitForJob(t, ids.vault, jobIdOf(final)));
    assert.equal(job.properties.operation, 'Backup (Differential)');
    assert.equal(job.properties.status, 'Completed');
  });

  it('protect: 202 → operationsStatus Succeeded once the ConfigureBackup job ends → operationResults 200 item', async () => {
    const inquire = await t.call('POST', b(`${enc(ids.prod01)}/inquire`));
    await track(t, inquire.headers.location);
    const item = `${ids.prod01}/protectedItems/SQLDataBase;mssqlserver;ReportingDb`;
    const r = await t.call('PUT', b(enc(item)), {
      body: { properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: ids.policy('SqlDailyFull') } },
    });
    assert.equal(r.status, 202, r.text);
    const status = await track(t, r.headers['azure-asyncoperation']);
    const job = jobOf(await t.call('GET', b(`${ids.vault}/backupJobs/${jobIdOf(status.final)}`)));
    assert.equal(job.properties.operation, 'ConfigureBackup');
    assert.equal(job.properties.status, 'Completed');
    assert.equal(job.properties.extendedInfo?.propertyBag['Policy Name'], 'SqlDailyFull');
    const result = await track(t, r.headers.location);
    assert.equal(result.final.status, 200);
    assert.equal(itemOf(result.final).properties.protectionState, 'IRPending');
  });

  it('delete backup data: 202 with vault backupOperationResults / backupOperations → 204, item gone', async () => {
    const r = await t.call('DELETE', b(enc(ids.msdbItem)));
    assert.equal(r.status, 202, r.text);
    assert.ok(r.headers.location.startsWith(`${t.emu.endpoints.arm}${ids.vault}/backupOperationResults/`));
    assert.ok(r.headers['azure-asyncoperation'].startsWith(`${t.emu.endpoints.arm}${ids.vault}/backupOperations/`));
    assert.equal((await track(t, r.headers.location)).final.status, 204);
    assert.equal((await t.call('GET', b(enc(ids.msdbItem)))).status, 404);
  });

  it('policy PUT: 202 with operations / operationResults (2016-06-01) → 200 policy', async () => {
    const r = await t.call('PUT', b(`${ids.vault}/backupPolicies/NewSqlPolicy`), { body: { properties: hourlyLogPolicy(Date.now()) } });
    assert.equal(r.status, 202, r.text);
    assert.ok(r.headers['azure-asyncoperation'].includes('/backupPolicies/NewSqlPolicy/operations/'));
    assert.ok(r.headers['azure-asyncoperation'].endsWith('?api-version=2016-06-01'));
    assert.ok(r.headers.location.includes('/backupPolicies/NewSqlPolicy/operationResults/'));
    assert.equal(operationOf((await track(t, r.headers['azure-asyncoperation'])).final).status, 'Succeeded');
    const result = await track(t, r.headers.location);
    assert.equal(result.final.status, 200);
    const policy = policyOf(result.final);
    assert.equal(policy.name, 'NewSqlPolicy');
    assert.equal(policy.properties.protectedItemsCount, 0);
  });

  it('unregister: 202 with container URLs (2017-07-01) → 204, container gone', async () => {
    const r = await t.call('DELETE', b(enc(ids.ag01)));
    assert.equal(r.status, 202, r.text);
    assert.ok(r.headers.location.endsWith('?api-version=2017-07-01'));
    assert.ok(r.headers['azure-asyncoperation'].endsWith('?api-version=2017-07-01'));
    assert.equal((await track(t, r.headers.location)).final.status, 204);
    const gone = await t.call('GET', b(enc(ids.ag01)));
    assert.equal(gone.status, 404);
    assert.equal(errorOf(gone).code, 'BMSUserErrorContainerObjectNotFound');
  });

  it('job cancel: 202 (job operationResults + backupOperations) → job Cancelling then Cancelled', async () => {
    // At scale 6 cancelling takes 10 service seconds = ~1.7 s: long enough to see it on a busy machine.
    const cancelling = await startTestEmulator({ backupTimeScale: 6 });
    try {
      const running = jobsOf(
        await cancelling.call('GET', b(`${ids.vault}/backupJobs?$filter=status eq 'InProgress' and operation eq 'Backup'`)),
      );
      const jobId = running.value.find((j) => j.properties.entityFriendlyName.startsWith('msdb'))!.name;
      const c = await cancelling.call('POST', b(`${ids.vault}/backupJobs/${jobId}/cancel`));
      assert.equal(c.status, 202, c.text);
      assert.ok(c.headers.location.includes(`/backupJobs/${jobId}/operationResults/`));
      assert.ok(c.headers['azure-asyncoperation'].includes('/backupOperations/'));
      assert.equal(jobOf(await cancelling.call('GET', b(`${ids.vault}/backupJobs/${jobId}`))).properties.status, 'Cancelling');
      assert.equal((await track(cancelling, c.headers.location)).final.status, 204);
      assert.equal(jobOf(await waitForJob(cancelling, ids.vault, jobId)).properties.status, 'Cancelled');
      const again = await cancelling.call('POST', b(`${ids.vault}/backupJobs/${jobId}/cancel`));
      assert.equal(again.status, 400);
      assert.equal(errorOf(again).code, 'BMSUserErrorJobNotCancellable');
    } finally {
      await cancelling.stop();
    }
  });
});
