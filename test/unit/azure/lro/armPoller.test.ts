import assert from 'node:assert/strict';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';
import { jsonRoundTrip } from '../../helpers/jsonRoundTrip';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';
import { AzureRequestError } from '../../../../src/azure/http/azureError';
import type { LroSnapshot } from '../../../../src/azure/lro/lroTypes';

const G = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg';
const FAST = { minDelayMs: 5, maxDelayMs: 20 };

describe('ARM LRO poller', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('PUT 201 + Azure-AsyncOperation (other api-version): polls the URL as given, reports percent, then GETs the resource', async () => {
    const asyncOp = `${server.origin}/subscriptions/s/providers/Microsoft.Sql/locations/westus/syncGroupAzureAsyncOperation/op1?api-version=2022-11-01-preview`;
    server.handle(
      scripted({
        [`PUT ${G}`]: [
          { status: 201, body: { properties: { provisioningState: 'Accepted' } }, headers: { 'azure-asyncoperation': asyncOp } },
        ],
        'GET /subscriptions/s/providers/Microsoft.Sql/locations/westus/syncGroupAzureAsyncOperation/op1': [
          { status: 200, body: { status: 'InProgress', percentComplete: 40 } },
          { status: 200, body: { status: 'succeeded' } }, // case-insensitive terminal
        ],
        [`GET ${G}`]: [{ status: 200, body: { id: G, name: 'sg', properties: { syncState: 'NotReady' } } }],
      }),
    );
    const client = testClient(server);
    const poller = await ArmPoller.begin(client, {
      operationName: 'Create sync group',
      method: 'PUT',
      url: G,
      query: { 'api-version': '2025-01-01' },
      body: { properties: { interval: 60 } },
    });
    const progress: LroSnapshot[] = [];
    const result = await poller.pollUntilDone({ ...FAST, onProgress: (s) => progress.push(s) });
    assert.deepEqual(result, { id: G, name: 'sg', properties: { syncState: 'NotReady' } });
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url}`),
      [
        `PUT ${G}?api-version=2025-01-01`,
        'GET /subscriptions/s/providers/Microsoft.Sql/locations/westus/syncGroupAzureAsyncOperation/op1?api-version=2022-11-01-preview',
        'GET /subscriptions/s/providers/Microsoft.Sql/locations/westus/syncGroupAzureAsyncOperation/op1?api-version=2022-11-01-preview',
        `GET ${G}?api-version=2025-01-01`,
      ],
    );
    assert.deepEqual(
      progress.map((p) => [p.status, p.percent]),
      [
        ['running', 40],
        ['succeeded', 100],
      ],
    );
    assert.ok(progress.every((p) => p.elapsedMs >= 0));
  });

  it('DELETE 202 + Location (Data Sync …/operation/{id}?api-version=2022-11-01-preview): 202, 202, 204 → done without a final GET', async () => {
    const loc = `${server.origin}/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/locations/westus/operation/00000000-0000-0000-0000-000000000001?api-version=2022-11-01-preview`;
    server.handle(
      scripted({
        [`DELETE ${G}`]: [{ status: 202, headers: { location: loc } }],
        'GET /subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/locations/westus/operation/00000000-0000-0000-0000-000000000001': [
          { status: 202 },
          { status: 202 },
          { status: 204 },
        ],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), {
      operationName: 'Delete sync group',
      method: 'DELETE',
      url: G,
      query: { 'api-version': '2025-01-01' },
    });
    assert.equal(await poller.pollUntilDone(FAST), undefined);
    assert.equal(server.requests.length, 4);
    assert.ok(server.requests.slice(1).every((r) => r.url.endsWith('?api-version=2022-11-01-preview')));
    assert.equal(poller.latest.status, 'succeeded');
  });

  it('POST 202 + Location: the Location result is the result (refreshHubSchema-style)', async () => {
    server.handle(
      scripted({
        [`POST ${G}/refreshHubSchema`]: [{ status: 202, headers: { location: `${server.origin}/op/2`, 'retry-after': '0' } }],
        'GET /op/2': [{ status: 202 }, { status: 200, body: { value: 'done' } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), {
      operationName: 'Refresh hub schema',
      method: 'POST',
      url: `${G}/refreshHubSchema`,
    });
    assert.deepEqual(await poller.pollUntilDone(FAST), { value: 'done' });
  });

  it('failure: status Failed → rejects with the service error code and message', async () => {
    server.handle(
      scripted({
        [`PATCH ${G}`]: [
          { status: 202, headers: { 'azure-asyncoperation': `${server.origin}/aop/3`, location: `${server.origin}/loc/3` } },
        ],
        'GET /aop/3': [
          {
            status: 200,
            body: { status: 'Failed', error: { code: 'InvalidSyncGroupInterval', message: 'interval must be at least 5 s' } },
          },
        ],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Update sync group', method: 'PATCH', url: G });
    await assert.rejects(
      poller.pollUntilDone(FAST),
      (e: AzureRequestError) =>
        e instanceof AzureRequestError &&
        e.code === 'InvalidSyncGroupInterval' &&
        /at least 5/.test(e.message) &&
        e.operation.name === 'Update sync group',
    );
    assert.equal(poller.latest.status, 'failed');
    assert.equal(server.requests.filter((r) => r.url.startsWith('/loc')).length, 0);
  });

  it('failure on a Location poll answering 4xx with an ARM error', async () => {
    server.handle(
      scripted({
        [`PUT ${G}/syncMembers/m`]: [{ status: 202, headers: { location: `${server.origin}/loc/4` } }],
        'GET /loc/4': [{ status: 400, body: { error: { code: 'SyncOperation_GenericFailure', message: 'bad member' } } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), {
      operationName: 'Create sync member',
      method: 'PUT',
      url: `${G}/syncMembers/m`,
    });
    await assert.rejects(poller.pollUntilDone(FAST), { code: 'SyncOperation_GenericFailure' });
  });

  it('Canceled (either spelling) ends as canceled', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/5` } }],
        'GET /aop/5': [{ status: 200, body: { status: 'Cancelled' } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    await assert.rejects(poller.pollUntilDone(FAST), { code: 'OperationCanceled' });
    assert.equal(poller.latest.status, 'canceled');
  });

  it('200 synchronous completion needs no polling; unknown status words keep it running', async () => {
    server.handle(scripted({ [`PUT ${G}`]: [{ status: 200, body: { id: G, properties: { provisioningState: 'Succeeded' } } }] }));
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    assert.ok(poller.isDone());
    assert.deepEqual(await poller.pollUntilDone(FAST), { id: G, properties: { provisioningState: 'Succeeded' } });
    assert.equal(server.requests.length, 1);

    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, body: { properties: { provisioningState: 'SomethingNew' } } }],
        [`GET ${G}`]: [
          { status: 200, body: { properties: { provisioningState: 'Updating' } } },
          { status: 200, body: { properties: { provisioningState: 'Succeeded' } } },
        ],
      }),
    );
    const p2 = await ArmPoller.begin(testClient(server), { operationName: 'Create', method: 'PUT', url: G });
    assert.equal(p2.latest.serviceStatus, 'SomethingNew');
    assert.deepEqual(await p2.pollUntilDone(FAST), { properties: { provisioningState: 'Succeeded' } });
  });

  it('waits at least Retry-After between polls', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/7` } }],
        'GET /aop/7': [
          { status: 200, body: { status: 'InProgress' }, headers: { 'retry-after': '1' } },
          { status: 200, body: { status: 'Succeeded' } },
        ],
        [`GET ${G}`]: [{ status: 200, body: {} }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create', method: 'PUT', url: G });
    await poller.pollUntilDone(FAST);
    const polls = server.requests.filter((r) => r.url === '/aop/7');
    assert.ok(polls[1].receivedAt - polls[0].receivedAt >= 950);
  });

  it('cancellation stops waiting (AbortError) and does not cancel the Azure operation', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/8` } }],
        'GET /aop/8': [{ status: 200, body: { status: 'InProgress' }, headers: { 'retry-after': '30' } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create', method: 'PUT', url: G });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(poller.pollUntilDone({ ...FAST, signal: controller.signal }), { name: 'AbortError' });
    assert.ok(Date.now() - started < 2_000);
    assert.equal(poller.latest.status, 'running');
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['PUT', 'GET'],
    );
  });

  it('resumes from serialised state (mid-way) with a new client and finishes', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/9?api-version=2022-11-01-preview` } }],
        'GET /aop/9': [
          { status: 200, body: { status: 'InProgress', percentComplete: 10 } },
          { status: 200, body: { status: 'InProgress', percentComplete: 70 } },
          { status: 200, body: { status: 'Succeeded' } },
        ],
        [`GET ${G}`]: [{ status: 200, body: { name: 'sg' } }],
      }),
    );
    const first = await ArmPoller.begin(testClient(server), {
      operationName: 'Create sync group',
      method: 'PUT',
      url: G,
      query: { 'api-version': '2025-01-01' },
    });
    await first.poll();
    const state = jsonRoundTrip(first.toJSON()); // what globalState stores and gives back
    assert.equal(state.kind, 'arm');
    assert.equal(state.snapshot.percent, 10);
    const resumed = resumePoller<{ name: string }>(state, { arm: testClient(server) });
    assert.deepEqual(await resumed.pollUntilDone(FAST), { name: 'sg' });
    assert.deepEqual(
      server.requests.map((r) => r.url),
      [
        `${G}?api-version=2025-01-01`,
        '/aop/9?api-version=2022-11-01-preview',
        '/aop/9?api-version=2022-11-01-preview',
        '/aop/9?api-version=2022-11-01-preview',
        `${G}?api-version=2025-01-01`,
      ],
    );
    const done = resumePoller(resumed.toJSON(), { arm: testClient(server) });
    assert.ok(done.isDone());
    assert.deepEqual(done.result, { name: 'sg' });
  });

  it('concurrent poll() calls share one request', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/10` } }],
        'GET /aop/10': [{ status: 200, body: { status: 'InProgress', percentComplete: 5 } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create', method: 'PUT', url: G });
    const snaps = await Promise.all([poller.poll(), poller.poll(), poller.poll()]);
    assert.deepEqual(
      snaps.map((s) => s.percent),
      [5, 5, 5],
    );
    assert.equal(server.requests.filter((r) => r.url === '/aop/10').length, 1);
  });
});
