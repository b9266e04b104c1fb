// Azure Backup's flagged LROs (register, enable protection) follow operationsStatus like any ARM
// operation; the status document names the Backup job the call started, which the snapshot keeps.
import assert from 'node:assert/strict';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';
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
});
