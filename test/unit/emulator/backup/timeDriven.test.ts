// Time: scheduled log backups make the point-in-time range of FULL-recovery databases grow on the
// policy's frequency (compressed by backupTimeScale), the control endpoint moves Backup's clock forward
// (jobs end, log ranges jump), and job durations follow the time scale.
import assert from 'node:assert/strict';
import { startTestEmulator, waitFor, type TestEmulator } from '../helpers';
import { b, backupIds, enc, FAST_BACKUP, track, registerBody } from './backupTestKit';
import {
  advanceOf,
  containerOf,
  detailsOf,
  errorOf,
  itemOf,
  jobIdOf,
  jobOf,
  jobsOf,
  operationOf,
  pointOf,
  pointsOf,
  rangesOf,
} from './backupAnswers';

describe('Backup time: log schedules, clock and time scale', function () {
  this.timeout(30_000);
  let t: TestEmulator;
  let ids: ReturnType<typeof backupIds>;

  before(async () => {
    t = await startTestEmulator(FAST_BACKUP);
    ids = backupIds(t.emu);
  });
  after(() => t.stop());

  const rangeEnd = async (item: string): Promise<number> => {
    const r = await t.call('GET', b(enc(`${item}/recoveryPoints/DefaultRangeRecoveryPoint`)));
    assert.equal(r.status, 200, r.text);
    const ranges = rangesOf(r);
    return Date.parse(ranges[ranges.length - 1].endTime);
  };

  it('log backups extend the range on the hourly schedule (600 ms at scale 6000)', async () => {
    const first = await rangeEnd(ids.salesItem);
    const later = await waitFor(async () => {
      const end = await rangeEnd(ids.salesItem);
      return end > first ? end : undefined;
    }, 5000);
    // Each step is one log backup: a multiple of the compressed hour.
    assert.equal((later - first) % 600, 0);
    const item = await t.call('GET', b(enc(ids.salesItem)));
    assert.equal(Date.parse(itemOf(item).properties.lastRecoveryPoint ?? ''), later);
  });

  it('a SIMPLE-recovery database never gets a log range', async () => {
    const r = await t.call('GET', b(enc(`${ids.msdbItem}/recoveryPoints/DefaultRangeRecoveryPoint`)));
    assert.deepEqual(pointOf(r).properties.timeRanges, []);
  });

  it('advancing the clock by 3 hours grows the range by 3 hours and ends the running jobs', async () => {
    const before = await rangeEnd(ids.salesItem);
    const msdbPoints = pointsOf(await t.call('GET', b(enc(`${ids.msdbItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)))).value
      .length;
    const r = await t.call('POST', '/_emulator/backup/advance', { token: null, body: { minutes: 180 } });
    assert.equal(r.status, 200, r.text);
    assert.ok(Date.parse(advanceOf(r).now) - Date.now() >= 180 * 60_000 - 1000);
    const after = await rangeEnd(ids.salesItem);
    assert.ok(after - before >= 3 * 3600_000 - 1000, `${after - before}`);
    const running = await t.call('GET', b(`${ids.vault}/backupJobs?$filter=status eq 'InProgress'`));
    assert.equal(jobsOf(running).value.length, 0, 'the seeded running backup finished');
    const now = pointsOf(await t.call('GET', b(enc(`${ids.msdbItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)))).value
      .length;
    assert.equal(now, msdbPoints + 1, 'its recovery point was added');
    assert.equal((await t.call('POST', '/_emulator/backup/advance', { token: null, body: { minutes: -1 } })).status, 400);
  });

  it('stopping protection pauses log backups; resuming continues the same log chain across the gap', async () => {
    const body = (properties: Record<string, unknown>) => ({
      properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', ...properties },
    });
    const stop = await t.call('PUT', b(enc(ids.salesItem)), { body: body({ protectionState: 'ProtectionStopped', policyId: '' }) });
    assert.equal(operationOf((await track(t, stop.headers['azure-asyncoperation'])).final).status, 'Succeeded');
    const stoppedAt = await rangeEnd(ids.salesItem);
    await t.call('POST', '/_emulator/backup/advance', { token: null, body: { minutes: 120 } });
    assert.equal(await rangeEnd(ids.salesItem), stoppedAt, 'no log backups while stopped');
    const refused = await t.call('POST', b(`${enc(ids.salesItem)}/backup`), {
      body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } },
    });
    assert.equal(refused.status, 400);
    assert.equal(errorOf(refused).code, 'UserErrorBackupOperationNotAllowed');
    const resume = await t.call('PUT', b(enc(ids.salesItem)), { body: body({ policyId: ids.policy('SqlHourlyLog') }) });
    assert.equal(operationOf((await track(t, resume.headers['azure-asyncoperation'])).final).status, 'Succeeded');
    const resumed = await waitFor(async () => {
      const end = await rangeEnd(ids.salesItem);
      return end > stoppedAt + 2 * 3600_000 - 1000 ? end : undefined;
    });
    const pit = await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/DefaultRangeRecoveryPoint`)));
    assert.equal(rangesOf(pit).length, 1, 'one unbroken chain');
    assert.ok(resumed > stoppedAt);
  });

  it('at scale 10 a Full backup job runs for 12 s: still InProgress right after the operation', async () => {
    const slow = await startTestEmulator({ backupTimeScale: 10, retryAfterSeconds: undefined });
    try {
      const r = await slow.call('POST', b(`${enc(ids.salesItem)}/backup`), {
        body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } },
      });
      assert.equal(r.status, 202, r.text);
      const op = await track(slow, r.headers['azure-asyncoperation']);
      assert.ok(op.seen.length >= 1);
      const job = jobOf(await slow.call('GET', b(`${ids.vault}/backupJobs/${jobIdOf(op.final)}`)));
      assert.equal(job.properties.status, 'InProgress');
      assert.deepEqual(job.properties.actionsInfo, ['Cancellable']);
      assert.deepEqual(detailsOf(job).tasksList, [{ taskId: 'Transfer data to vault', status: 'InProgress' }]);
      assert.equal(job.properties.endTime, undefined);
      // Registration takes 21 s here: the container reads Registering, and inquiry must wait for it.
      // sqlvm-ag-02 is discovered in the seed: no refresh needed.
      const reg = await slow.call('PUT', b(enc(ids.ag02)), {
        body: registerBody(ids.vmAg02),
      });
      assert.equal(reg.status, 202, reg.text);
      assert.equal(containerOf(await slow.call('GET', b(enc(ids.ag02)))).properties.registrationStatus, 'Registering');
      const early = await slow.call('POST', b(`${enc(ids.ag02)}/inquire`));
      assert.equal(early.status, 400);
      assert.equal(errorOf(early).code, 'BMSUserErrorContainerNotRegistered');
      assert.ok(['20', '21'].includes(reg.headers['retry-after']), `Retry-After is the time left (21 s): ${reg.headers['retry-after']}`);
    } finally {
      await slow.stop();
    }
  });
});
