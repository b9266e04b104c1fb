// BackupPoller.followJob: after operationsStatus hands out the job id, the job is polled until it ends;
// a cancelled job cancels the operation, and the state (mid-job) survives a reload.
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
});
