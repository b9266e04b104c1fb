// ARM answers a poller must not misread: a 202 without Location / Azure-AsyncOperation (DELETE: the
// resource is polled until it is gone; POST: nothing to follow), and a final 200 whose body has a `status`.
import assert from 'node:assert/strict';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const G = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg';

describe('ARM poller: 202 without LRO headers and final bodies with a status', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('DELETE 202 without headers is not done while the resource still answers; done on 404', async () => {
    server.handle(
      scripted({
        [`DELETE ${G}`]: [{ status: 202 }],
        [`GET ${G}`]: [
          { status: 200, body: { id: G, properties: { provisioningState: 'Succeeded' } } },
          { status: 200, body: { id: G, properties: { provisioningState: 'Deleting' } } },
          { status: 404, body: { error: { code: 'ResourceNotFound', message: 'gone' } } },
        ],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Delete sync group', method: 'DELETE', url: G });
    assert.equal((await poller.poll()).status, 'running', 'the resource still exists');
    assert.equal(poller.latest.serviceStatus, 'Succeeded');
    assert.equal((await poller.poll()).status, 'running');
    assert.equal(poller.latest.serviceStatus, 'Deleting');
    assert.equal(await poller.pollUntilDone(FAST), undefined);
    assert.equal(poller.latest.status, 'succeeded');
    assert.equal(server.requests.filter((r) => r.method === 'GET').length, 3);
  });

  it('DELETE 202 without headers: the resource reporting Failed ends it as failed', async () => {
    server.handle(
      scripted({
        [`DELETE ${G}`]: [{ status: 202 }],
        [`GET ${G}`]: [{ status: 200, body: { id: G, properties: { provisioningState: 'Failed' } } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Delete sync group', method: 'DELETE', url: G });
    await assert.rejects(poller.pollUntilDone(FAST), { name: 'AzureRequestError', operationStatus: 'Failed' });
    assert.equal(poller.latest.status, 'failed');
  });

  it('POST 202 without headers is accepted and done: it never GETs its own action URL', async () => {
    server.handle(scripted({ [`POST ${G}/refreshHubSchema`]: [{ status: 202 }] }));
    const poller = await ArmPoller.begin(testClient(server), {
      operationName: 'Refresh hub schema',
      method: 'POST',
      url: `${G}/refreshHubSchema`,
    });
    assert.ok(poller.isDone());
    assert.equal(await poller.pollUntilDone(FAST), undefined);
    assert.equal(poller.latest.serviceStatus, 'Accepted');
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['POST'],
    );
  });

  it('POST: a Location answering 200 with a body that has its own `status` is the result, not another poll', async () => {
    server.handle(
      scripted({
        [`POST ${G}/triggerSomething`]: [{ status: 202, headers: { location: `${server.origin}/loc/1` } }],
        'GET /loc/1': [{ status: 202 }, { status: 200, body: { name: 'run-1', status: 'Active' } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Trigger', method: 'POST', url: `${G}/triggerSomething` });
    assert.equal((await poller.poll()).status, 'running');
    assert.equal((await poller.poll()).status, 'succeeded');
    assert.deepEqual(poller.result, { name: 'run-1', status: 'Active' });
    assert.equal(server.requests.filter((r) => r.url === '/loc/1').length, 2);
  });

  it('PUT: a Location answering 200 with `status: InProgress` ends polling and GETs the resource once', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 202, headers: { location: `${server.origin}/loc/2` } }],
        'GET /loc/2': [{ status: 200, body: { status: 'InProgress' } }],
        [`GET ${G}`]: [{ status: 200, body: { id: G, properties: { syncState: 'NotReady' } } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    assert.equal((await poller.poll()).status, 'succeeded');
    assert.deepEqual(poller.result, { id: G, properties: { syncState: 'NotReady' } });
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url}`),
      [`PUT ${G}`, 'GET /loc/2', `GET ${G}`],
    );
  });
});
