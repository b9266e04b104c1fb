// Azure Backup's flagged LROs (register, enable protection) follow operationsStatus like any ARM
// operation; the status document names the Backup job the call started, which the snapshot keeps, and
// enable protection (followJob) ends with that job, also after a reload.
import assert from 'node:assert/strict';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';
import { jsonRoundTrip } from '../../helpers/jsonRoundTrip';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';

const I =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/c/protectedItems/i';
const FAST = { minDelayMs: 5, maxDelayMs: 20 };

describe('ARM LRO poller: Backup job ids', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  const protect = (statuses: unknown[], final?: unknown) => {
    server.handle(
      scripted({
        [`PUT ${I}`]: [
          {
            status: 202,
            headers: {
              'azure-asyncoperation': `${server.origin}${I}/operationsStatus/op1?api-version=2019-05-13`,
              location: `${server.origin}${I}/operationResults/op1?api-version=2019-05-13`,
            },
          },
        ],
        [`GET ${I}/operationsStatus/op1`]: statuses.map((body) => ({ status: 200, body })),
        ...(final ? { [`GET ${I}/operationResults/op1`]: [{ status: 200, body: final }] } : {}),
      }),
    );
    return ArmPoller.begin(
      testClient(server),
      { operationName: 'Protect i', method: 'PUT', url: I, query: { 'api-version': '2026-02-01' }, body: { properties: {} } },
      { finalStateVia: 'location' },
    );
  };

  it('keeps the job id of a succeeded operation', async () => {
    const poller = await protect(
      [{ status: 'InProgress' }, { status: 'Succeeded', properties: { objectType: 'OperationStatusJobExtendedInfo', jobId: 'job-1' } }],
      { id: I, properties: { protectionState: 'IRPending' } },
    );
    await poller.pollUntilDone(FAST);
    assert.equal(poller.latest.jobId, 'job-1');
    assert.equal(poller.toJSON().snapshot.jobId, 'job-1', 'kept in the state a reload resumes from');
  });

  it('keeps the job id of a failed operation with its error', async () => {
    const poller = await protect([
      { status: 'Failed', error: { code: 'CloudInternalError', message: 'x' }, properties: { jobId: 'job-2' } },
    ]);
    await assert.rejects(poller.pollUntilDone(FAST), /CloudInternalError|x/);
    assert.equal(poller.latest.jobId, 'job-2');
    assert.equal(poller.latest.error?.code, 'CloudInternalError');
  });

  it('adds no job id for operations that name none', async () => {
    const poller = await protect([{ status: 'Succeeded' }], { id: I });
    await poller.pollUntilDone(FAST);
    assert.ok(!('jobId' in poller.latest));
  });

  const V = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v';
  const withJob = (jobAnswers: unknown[]) => {
    server.handle(
      scripted({
        [`PUT ${I}`]: [
          { status: 202, headers: { 'azure-asyncoperation': `${server.origin}${I}/operationsStatus/op1?api-version=2019-05-13` } },
        ],
        [`GET ${I}/operationsStatus/op1`]: [{ status: 200, body: { status: 'Succeeded', properties: { jobId: 'job-3' } } }],
        [`GET ${I}`]: [{ status: 200, body: { id: I, properties: { protectionState: 'IRPending' } } }],
        [`GET ${V}/backupJobs/job-3`]: jobAnswers.map((body) => ({ status: 200, body })),
      }),
    );
    return ArmPoller.begin<{ id: string }>(testClient(server), {
      operationName: 'Protect i',
      method: 'PUT',
      url: I,
      body: { properties: {} },
    }).then((p) => p.followJob(`${V}/backupJobs`, '2026-02-01'));
  };

  it('following the job: the protect operation ends when its ConfigureBackup job completes, resuming after a reload', async () => {
    const poller = await withJob([{ properties: { status: 'InProgress' } }, { properties: { status: 'Completed' } }]);
    await poller.poll(); // operation Succeeded → final GET of the item → the job, InProgress
    assert.equal(poller.latest.status, 'running');
    assert.equal(poller.latest.serviceStatus, 'InProgress');
    assert.equal(poller.toJSON().phase, 'job');
    const resumed = resumePoller<{ id: string }>(jsonRoundTrip(poller.toJSON()), { arm: testClient(server) });
    const item = await resumed.pollUntilDone(FAST);
    assert.equal(item.id, I, 'the result is still the protected item');
    assert.equal(resumed.latest.serviceStatus, 'Completed');
    assert.equal(resumed.latest.jobId, 'job-3');
  });

  it('following the job: a failed ConfigureBackup job fails the operation with its code and recommendation', async () => {
    const poller = await withJob([
      {
        properties: {
          status: 'Failed',
          errorDetails: [
            {
              errorTitle: 'CloudInternalError',
              errorString: 'Microsoft Azure Backup encountered an internal error.',
              recommendations: ['Wait a few minutes and then try the operation again.'],
            },
          ],
        },
      },
    ]);
    await assert.rejects(
      poller.pollUntilDone(FAST),
      (e: unknown) =>
        (e as { code?: string }).code === 'CloudInternalError' &&
        /internal error\. Recommendation: Wait a few minutes/.test((e as Error).message),
    );
    assert.equal(poller.latest.status, 'failed');
    assert.equal(poller.latest.jobId, 'job-3');
  });

  const failingWithJob = (job: unknown) => {
    server.handle(
      scripted({
        [`PUT ${I}`]: [
          { status: 202, headers: { 'azure-asyncoperation': `${server.origin}${I}/operationsStatus/op1?api-version=2019-05-13` } },
        ],
        [`GET ${I}/operationsStatus/op1`]: [
          { status: 200, body: { status: 'Failed', error: { code: 'BMSUserErrorX', message: 'no' }, properties: { jobId: 'job-4' } } },
        ],
        [`GET ${V}/backupJobs/job-4`]: [{ status: 200, body: job }],
      }),
    );
    return ArmPoller.begin(testClient(server), { operationName: 'Protect i', method: 'PUT', url: I, body: {} }).then((p) =>
      p.followJob(`${V}/backupJobs`, '2026-02-01'),
    );
  };

  it('following the job: an operation that fails naming its job fails with the job’s error and recommendation', async () => {
    const poller = await failingWithJob({
      properties: {
        status: 'Failed',
        errorDetails: [{ errorTitle: 'UserErrorSQLNoSysadmin', errorString: 'No sysadmin.', recommendations: ['Grant sysadmin.'] }],
      },
    });
    await assert.rejects(
      poller.pollUntilDone(FAST),
      (e: unknown) =>
        (e as { code?: string }).code === 'UserErrorSQLNoSysadmin' &&
        (e as Error).message === 'No sysadmin. Recommendation: Grant sysadmin.',
    );
    assert.equal(poller.latest.jobId, 'job-4');
    assert.equal(server.requests.filter((r) => r.url.includes('/backupJobs/job-4')).length, 1);
  });

  it('following the job: when the job of a failed operation says nothing, the operation’s own error stands', async () => {
    const poller = await failingWithJob({ properties: { status: 'Completed' } });
    await assert.rejects(poller.pollUntilDone(FAST), (e: unknown) => (e as { code?: string }).code === 'BMSUserErrorX');
    assert.equal(poller.latest.status, 'failed');
  });

  it('a failed operation that names no job ends there', async () => {
    server.handle(
      scripted({
        [`PUT ${I}`]: [
          { status: 202, headers: { 'azure-asyncoperation': `${server.origin}${I}/operationsStatus/op1?api-version=2019-05-13` } },
        ],
        [`GET ${I}/operationsStatus/op1`]: [{ status: 200, body: { status: 'Failed', error: { code: 'BMSUserErrorX', message: 'no' } } }],
      }),
    );
    const poller = (await ArmPoller.begin(testClient(server), { operationName: 'Protect i', method: 'PUT', url: I, body: {} })).followJob(
      `${V}/backupJobs`,
      '2026-02-01',
    );
    await assert.rejects(poller.pollUntilDone(FAST), (e: unknown) => (e as { code?: string }).code === 'BMSUserErrorX');
    assert.equal(server.requests.filter((r) => r.url.includes('/backupJobs/')).length, 0);
  });
});
