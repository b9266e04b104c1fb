// A Location URL answers a failed operation with the operation's error, whatever its status (ARM: "If the
// operation failed, the response will be formatted as per the Error Response Content"; Data Sync lists 500
// OperationTimedOut). The poller ends such an operation as failed instead of retrying it forever; a 503 from
// the same URL still means "ask again later".
import assert from 'node:assert/strict';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';
import { isAzureRequestError } from '../../../../src/azure/http/azureError';

const G = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg';
const FAST = { minDelayMs: 5, maxDelayMs: 20 };

describe('ARM LRO poller: errors on a Location URL', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('a 500 with the operation error ends the operation as failed with that error (after the pipeline retries)', async () => {
    server.handle(
      scripted({
        [`POST ${G}/refreshHubSchema`]: [{ status: 202, headers: { location: `${server.origin}/loc/500` } }],
        'GET /loc/500': [
          { status: 202, headers: { location: `${server.origin}/loc/500` } },
          {
            status: 500,
            body: { error: { code: 'OperationTimedOut', message: 'The operation timed out and automatically rolled back.' } },
          },
        ],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), {
      operationName: 'Refresh hub schema',
      method: 'POST',
      url: `${G}/refreshHubSchema`,
    });
    assert.equal((await poller.poll()).status, 'running');
    assert.equal((await poller.poll()).status, 'failed', 'one poll ends it');
    await assert.rejects(
      poller.pollUntilDone(FAST),
      // The operation's own failure (reported by its status URL), not an HTTP error of the poll.
      (e: unknown) => isAzureRequestError(e) && e.code === 'OperationTimedOut' && e.operationStatus === 'Failed',
    );
    assert.ok(server.requests.filter((r) => r.url === '/loc/500').length >= 2);
  });

  it('a 503 stays a transient poll error: the poll throws, the operation keeps running, the next poll finishes it', async () => {
    server.handle(
      scripted({
        [`DELETE ${G}`]: [{ status: 202, headers: { location: `${server.origin}/loc/503` } }],
        'GET /loc/503': [
          ...Array.from({ length: 10 }, () => ({ status: 503, body: { error: { code: 'ServerBusy', message: 'busy' } } })),
          { status: 204 },
        ],
      }),
    );
    const client = testClient(server, { retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 100 } });
    const poller = await ArmPoller.begin(client, { operationName: 'Delete sync group', method: 'DELETE', url: G });
    await assert.rejects(poller.poll(), (e: unknown) => isAzureRequestError(e) && e.status === 503);
    assert.equal(poller.latest.status, 'running');
    for (let i = 0; i < 9; i++) await assert.rejects(poller.poll());
    assert.equal((await poller.poll()).status, 'succeeded');
  });

  it('a 500 from an Azure-AsyncOperation status URL is still a transient poll error (the status body carries failures there)', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/500` } }],
        'GET /aop/500': [{ status: 500, body: { error: { code: 'InternalServerError', message: 'oops' } } }],
      }),
    );
    const client = testClient(server, { retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 100 } });
    const poller = await ArmPoller.begin(client, { operationName: 'Create sync group', method: 'PUT', url: G });
    await assert.rejects(poller.poll(), (e: unknown) => isAzureRequestError(e) && e.status === 500);
    assert.equal(poller.latest.status, 'running');
  });
});
