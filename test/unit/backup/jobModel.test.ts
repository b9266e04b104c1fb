import { strict as assert } from 'node:assert';
import type { BackupJob } from '../../../src/azure/backup/backupModels';
import {
  formatDuration,
  isCancellable,
  jobDetails,
  jobEntity,
  jobRow,
  nextJobsRefreshMs,
  parseIsoDuration,
} from '../../../src/backup/workflows/jobModel';

const vault = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v';
const job = (properties: NonNullable<BackupJob['properties']>, name = 'j1'): BackupJob => ({
  id: `${vault}/backupJobs/${name}`,
  name,
  properties,
});

describe('backup job model', () => {
  it('reads ISO durations and formats them', () => {
    assert.equal(parseIsoDuration('PT2M1.6965032S'), 121_697);
    assert.equal(parseIsoDuration('P1DT2H'), 26 * 3600_000);
    assert.equal(parseIsoDuration('PT'), undefined);
    assert.equal(parseIsoDuration('2 minutes'), undefined);
    assert.equal(formatDuration(121_697), '2 min 1 s');
    assert.equal(formatDuration(3_720_000), '1 h 2 min');
    assert.equal(formatDuration(400), '0 s');
    assert.equal(formatDuration(undefined), '');
  });

  it('a row: duration from the service, else from the times; running and problem flags', () => {
    const done = jobRow(job({ operation: 'Backup (Full)', status: 'Completed', duration: 'PT2M2S', entityFriendlyName: 'msdb [vm1]' }));
    assert.deepEqual([done.durationText, done.running, done.problem, done.cancellable], ['2 min 2 s', false, false, false]);
    const now = Date.parse('2026-11-29T10:00:30Z');
    const running = jobRow(job({ operation: 'Restore', status: 'InProgress', startTime: '2026-11-29T10:00:00Z', actionsInfo: [1] }), now);
    assert.deepEqual([running.durationMs, running.running, running.cancellable], [30_000, true, true]);
    const unknown = jobRow(job({ status: 'SomethingNew' }));
    assert.deepEqual([unknown.status, unknown.operation, unknown.running], ['SomethingNew', 'Unknown', false]);
  });

  it('cancellable only while InProgress and when the actions allow it (names or integers)', () => {
    assert.equal(isCancellable(job({ status: 'InProgress', actionsInfo: ['Cancellable'] })), true);
    assert.equal(isCancellable(job({ status: 'InProgress', actionsInfo: [1] })), true);
    assert.equal(isCancellable(job({ status: 'InProgress', actionsInfo: [] })), false);
    assert.equal(isCancellable(job({ status: 'InProgress' })), false);
    assert.equal(isCancellable(job({ status: 'Cancelling', actionsInfo: ['Cancellable'] })), false);
  });

  it('details: tasks, errors with recommendations, property bag, minimum dates dropped', () => {
    const d = jobDetails(
      job({
        operation: 'Backup (Log)',
        status: 'Failed',
        errorDetails: [
          {
            errorCode: 59006,
            errorString: 'The log is full.',
            errorTitle: 'UserErrorLogFull',
            recommendations: ['Grow the log.', ''],
            additionalDetails: '',
          },
        ],
        extendedInfo: {
          tasksList: [{ taskId: 'Transfer data to vault', status: 'Failed', startTime: '0001-01-01T00:00:00', duration: 'PT40S' }],
          propertyBag: { 'Data Transferred (in MB)': '12.5' },
          dynamicErrorMessage: 'The log is full.',
        },
      }),
    );
    assert.equal(d.problem, true);
    assert.equal(d.errorSummary, 'UserErrorLogFull');
    assert.deepEqual(d.errors, [
      {
        code: '59006',
        title: 'UserErrorLogFull',
        message: 'The log is full.',
        recommendations: ['Grow the log.'],
        additionalDetails: undefined,
      },
    ]);
    assert.deepEqual(d.tasks, [
      { name: 'Transfer data to vault', status: 'Failed', startTime: undefined, endTime: undefined, durationText: '40 s' },
    ]);
    assert.deepEqual(d.properties, [{ name: 'Data Transferred (in MB)', value: '12.5' }]);
    assert.equal(d.dynamicErrorMessage, 'The log is full.');
  });

  it('reads the entity as database and VM', () => {
    assert.deepEqual(jobEntity(job({ entityFriendlyName: 'SalesDb [sqlvm-prod-01]' })), { database: 'SalesDb', vm: 'sqlvm-prod-01' });
    assert.deepEqual(jobEntity(job({ entityFriendlyName: 'msdb' })), { database: 'msdb' });
    assert.equal(jobEntity(job({})), undefined);
  });

  it('refreshes every 5 s after a change, doubling up to a minute while nothing changes', () => {
    assert.equal(nextJobsRefreshMs(undefined, false), 5_000);
    assert.equal(nextJobsRefreshMs(5_000, false), 10_000);
    assert.equal(nextJobsRefreshMs(40_000, false), 60_000);
    assert.equal(nextJobsRefreshMs(60_000, true), 5_000);
  });
});
