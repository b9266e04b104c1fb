// BackupPoller.followJob: after operationsStatus hands out the job id, the job is polled until it ends;
// a failed job fails the operation with its code, message and recommendation, a cancelled job cancels it,
// an operation that names no job ends with itself, a cancel ends when its job is Cancelled, and the
// state (mid-job) survives a reload.
import assert from 'node:assert/strict';
import { BackupPoller } from '../../../../src/azure/lro/backupPoller';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { jsonRoundTrip } from '../../helpers/jsonRoundTrip';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const V = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v';
const I = `${V}/backupFabrics/Azure/protectionContainers/VMAppContainer%3Bcompute%3Brg%3Bvm/protectedItems/SQLDataBase%3Bmssqlserver%3Bdb`;

describe('Backup poller following the job', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  const routes = (jobAnswers: Array<{ status: number; body?: unknown }>) =>
    scripted({
      [`POST ${I}/backup`]: [
        {
          status: 202,
          headers: { 'azure-asyncoperation': `${server.origin}${I}/operationsStatus/op1?api-version=2016-12-01`, 'retry-after': '0' },
        },
      ],
      [`GET ${I}/operationsStatus/op1`]: [{ status: 200, body: { status: 'Succeeded', properties: { jobId: 'job-7' } } }],
      [`GET ${V}/backupJobs/job-7`]: jobAnswers,
    });
  const begin = () =>
    BackupPoller.begin<void>(testClient(server), {
      operationName: 'Back up db now',
      method: 'POST',
      url: `${I}/backup`,
      body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } },
    }).then((p) => p.followJob(`${V}/backupJobs`, '2026-02-01'));

  it('stays running while the job runs and succeeds with it, resuming mid-job after a reload', async () => {
    server.handle(
      routes([
        { status: 200, body: { properties: { status: 'InProgress' } } },
        { status: 200, body: { properties: { status: 'Completed' } } },
      ]),
    );
    const poller = await begin();
    await poller.poll(); // operationsStatus Succeeded → job InProgress
    assert.equal(poller.latest.status, 'running');
    assert.equal(poller.latest.jobId, 'job-7');
    assert.equal(poller.latest.serviceStatus, 'InProgress');
    const resumed = resumePoller(jsonRoundTrip(poller.toJSON()), { arm: testClient(server) });
    await resumed.pollUntilDone(FAST);
    assert.equal(resumed.latest.status, 'succeeded');
    assert.equal(resumed.latest.serviceStatus, 'Completed');
    const jobGets = server.requests.filter((r) => r.url.startsWith(`${V}/backupJobs/job-7`));
    assert.equal(jobGets.length, 2);
    assert.ok(jobGets.every((r) => r.url.endsWith('?api-version=2026-02-01')));
  });

  it('ends canceled with the job when the job is cancelled', async () => {
    server.handle(
      routes([
        { status: 200, body: { properties: { status: 'Cancelling' } } },
        {
          status: 200,
          body: {
            properties: {
              status: 'Cancelled',
              errorDetails: [{ errorTitle: 'UserErrorJobCancelled', errorString: 'Cancelled by the user.' }],
            },
          },
        },
      ]),
    );
    const poller = await begin();
    await assert.rejects(poller.pollUntilDone(FAST), (e: unknown) => (e as { code?: string }).code === 'UserErrorJobCancelled');
    assert.equal(poller.latest.status, 'canceled');
    assert.equal(poller.latest.serviceStatus, 'Cancelled');
  });

  it('fails with the job: its errorTitle as the code, its errorString and recommendation as the message', async () => {
    server.handle(
      routes([
        {
          status: 200,
          body: {
            properties: {
              status: 'Failed',
              errorDetails: [
                {
                  errorTitle: 'UserErrorSQLPODoesNotExist',
                  errorString: 'The database no longer exists.',
                  recommendations: ['Stop protection of the database.', 42],
                },
              ],
            },
          },
        },
      ]),
    );
    const poller = await begin();
    const err = await poller.pollUntilDone(FAST).then(
      () => assert.fail('the job failed'),
      (e: unknown) => e as { code?: string; message?: string; operationStatus?: string },
    );
    assert.equal(err.code, 'UserErrorSQLPODoesNotExist');
    assert.equal(err.message, 'The database no longer exists. Recommendation: Stop protection of the database.');
    assert.equal(err.operationStatus, 'Failed');
    assert.equal(poller.latest.status, 'failed');
    assert.equal(poller.latest.jobId, 'job-7', 'the failed operation names its job');
    assert.equal(poller.latest.error?.code, 'UserErrorSQLPODoesNotExist');
  });

  it('fails with a generic job failure when the job gives no details', async () => {
    server.handle(routes([{ status: 200, body: { properties: { status: 'Failed' } } }]));
    const poller = await begin();
    await assert.rejects(
      poller.pollUntilDone(FAST),
      (e: unknown) => (e as { code?: string }).code === 'JobFailed' && /backup job failed \(status Failed\)/.test((e as Error).message),
    );
  });

  it('succeeds with the operation when its status names no job (nothing to follow)', async () => {
    server.handle(
      scripted({
        [`POST ${I}/backup`]: [
          { status: 202, headers: { 'azure-asyncoperation': `${server.origin}${I}/operationsStatus/op1?api-version=2016-12-01` } },
        ],
        [`GET ${I}/operationsStatus/op1`]: [{ status: 200, body: { status: 'Succeeded', properties: {} } }],
      }),
    );
    const poller = await begin();
    await poller.pollUntilDone(FAST);
    assert.equal(poller.latest.status, 'succeeded');
    assert.equal(poller.latest.jobId, undefined);
    assert.equal(server.requests.filter((r) => r.url.includes('/backupJobs/')).length, 0, 'no job is read when the operation named none');
  });

  const beginCancel = async () =>
    (
      await BackupPoller.begin<void>(testClient(server), {
        operationName: 'Cancel job-9',
        method: 'POST',
        url: `${V}/backupJobs/job-9/cancel`,
      })
    ).followJob(`${V}/backupJobs`, '2026-02-01', { jobId: 'job-9', until: 'cancelled' });

  it('a cancel follows the job it names and succeeds when that job is Cancelled', async () => {
    server.handle(
      scripted({
        [`POST ${V}/backupJobs/job-9/cancel`]: [
          {
            status: 202,
            headers: { 'azure-asyncoperation': `${server.origin}${V}/backupJobs/operationsStatus/c1?api-version=2016-12-01` },
          },
        ],
        [`GET ${V}/backupJobs/operationsStatus/c1`]: [{ status: 200, body: { status: 'Succeeded', properties: { jobId: 'other' } } }],
        [`GET ${V}/backupJobs/job-9`]: [
          { status: 200, body: { properties: { status: 'Cancelling' } } },
          { status: 200, body: { properties: { status: 'Cancelled' } } },
        ],
      }),
    );
    const poller = await beginCancel();
    await poller.pollUntilDone(FAST);
    assert.equal(poller.latest.status, 'succeeded');
    assert.equal(poller.latest.serviceStatus, 'Cancelled');
    assert.equal(poller.latest.jobId, 'job-9');
    assert.equal(server.requests.filter((r) => r.url.includes('/backupJobs/other')).length, 0);
  });

  it('a cancel fails when its job completes first', async () => {
    server.handle(
      scripted({
        [`POST ${V}/backupJobs/job-9/cancel`]: [
          { status: 202, headers: { location: `${server.origin}${V}/backupJobs/operationResults/c1` } },
        ],
        [`GET ${V}/backupJobs/operationResults/c1`]: [{ status: 204 }],
        [`GET ${V}/backupJobs/job-9`]: [{ status: 200, body: { properties: { status: 'Completed' } } }],
      }),
    );
    const poller = await beginCancel();
    await assert.rejects(
      poller.pollUntilDone(FAST),
      (e: unknown) =>
        (e as { code?: string }).code === 'JobNotCancelled' && /ended Completed before it could be cancelled/.test((e as Error).message),
    );
  });
});
