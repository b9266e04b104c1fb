import assert from 'node:assert/strict';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';
import { jsonRoundTrip } from '../../helpers/jsonRoundTrip';
import { BackupPoller } from '../../../../src/azure/lro/backupPoller';
import { FabricPoller } from '../../../../src/azure/lro/fabricPoller';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';
import type { LroSnapshot } from '../../../../src/azure/lro/lroTypes';

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const I =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/VMAppContainer%3Bcompute%3Brg%3Bvm/protectedItems/SQLDataBase%3Bmssqlserver%3Bdb';

describe('Backup poller (202 without the LRO flag)', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('backup now: operationsStatus InProgress → Succeeded (jobId) → operationResults 204', async () => {
    server.handle(
      scripted({
        [`POST ${I}/backup`]: [
          {
            status: 202,
            headers: {
              'azure-asyncoperation': `${server.origin}${I}/operationsStatus/op1?api-version=2016-12-01`,
              location: `${server.origin}${I}/operationResults/op1?api-version=2019-05-13-preview`,
              'retry-after': '0',
            },
          },
        ],
        [`GET ${I}/operationsStatus/op1`]: [
          { status: 200, body: { id: 'op1', name: 'op1', status: 'InProgress' } },
          {
            status: 200,
            body: {
              id: 'op1',
              name: 'op1',
              status: 'Succeeded',
              properties: { objectType: 'OperationStatusJobExtendedInfo', jobId: 'job-42' },
            },
          },
        ],
        [`GET ${I}/operationResults/op1`]: [{ status: 204 }],
      }),
    );
    const poller = await BackupPoller.begin(testClient(server), {
      operationName: 'Back up now',
      method: 'POST',
      url: I + '/backup',
      body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } },
    });
    const seen: LroSnapshot[] = [];
    assert.equal(await poller.pollUntilDone({ ...FAST, onProgress: (s) => seen.push(s) }), undefined);
    assert.equal(poller.latest.jobId, 'job-42');
    assert.deepEqual(
      seen.map((s) => s.status),
      ['running', 'succeeded'],
    );
    assert.deepEqual(
      server.requests.map((r) => r.url.split('/').slice(-2).join('/')),
      [
        'SQLDataBase%3Bmssqlserver%3Bdb/backup',
        'operationsStatus/op1?api-version=2016-12-01',
        'operationsStatus/op1?api-version=2016-12-01',
        'operationResults/op1?api-version=2019-05-13-preview',
      ],
    );
  });

  it('refresh containers: Location only, 202 running, 204 done', async () => {
    const V = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure';
    server.handle(
      scripted({
        [`POST ${V}/refreshContainers`]: [
          { status: 202, headers: { location: `${server.origin}${V}/operationResults/r1?api-version=2026-02-01` } },
        ],
        [`GET ${V}/operationResults/r1`]: [{ status: 202 }, { status: 202 }, { status: 204 }],
      }),
    );
    const poller = await BackupPoller.begin(testClient(server), {
      operationName: 'Discover SQL VMs',
      method: 'POST',
      url: `${V}/refreshContainers`,
    });
    await poller.pollUntilDone(FAST);
    assert.equal(server.requests.length, 4);
  });

  it('fails with the service error from operationsStatus', async () => {
    server.handle(
      scripted({
        [`POST ${I}/backup`]: [{ status: 202, headers: { 'azure-asyncoperation': `${server.origin}/st/2` } }],
        'GET /st/2': [
          {
            status: 200,
            body: {
              status: 'Failed',
              error: { code: 'UserErrorSQLPODoesNotExist', message: 'database not found' },
              properties: { jobId: 'j2' },
            },
          },
        ],
      }),
    );
    const poller = await BackupPoller.begin(testClient(server), { operationName: 'Back up now', method: 'POST', url: I + '/backup' });
    await assert.rejects(poller.pollUntilDone(FAST), { code: 'UserErrorSQLPODoesNotExist' });
    assert.equal(poller.latest.jobId, 'j2');
  });

  it('resumes from serialised state and finishes; a 200 answer to the initial call is done at once', async () => {
    server.handle(
      scripted({
        [`POST ${I}/backup`]: [{ status: 202, headers: { location: `${server.origin}/res/3` } }],
        'GET /res/3': [{ status: 202 }, { status: 200, body: { ok: 1 } }],
      }),
    );
    const first = await BackupPoller.begin(testClient(server), { operationName: 'Back up now', method: 'POST', url: I + '/backup' });
    await first.poll();
    const resumed = resumePoller(jsonRoundTrip(first.toJSON()), { arm: testClient(server) });
    assert.equal(resumed.kind, 'backup');
    assert.deepEqual(await resumed.pollUntilDone(FAST), { ok: 1 });

    server.handle(scripted({ [`PUT /policy`]: [{ status: 200, body: { name: 'p' } }] }));
    const sync = await BackupPoller.begin(testClient(server), { operationName: 'Save policy', method: 'PUT', url: '/policy' });
    assert.ok(sync.isDone());
    assert.deepEqual(sync.result, { name: 'p' });
  });
});

describe('Fabric poller (x-ms-operation-id)', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });
  const W = '/v1/workspaces/w1/mirroredDatabases/m1';

  it('getDefinition 202 → NotStarted → Running 25% → Succeeded; follows Location exactly (no /v1) to the result', async () => {
    server.handle(
      scripted({
        [`POST ${W}/getDefinition`]: [
          { status: 202, headers: { location: `${server.origin}/v1/operations/op1`, 'x-ms-operation-id': 'op1', 'retry-after': '0' } },
        ],
        'GET /v1/operations/op1': [
          { status: 200, body: { status: 'NotStarted' } },
          { status: 200, body: { status: 'Running', percentComplete: 25 }, headers: { location: `${server.origin}/v1/operations/op1` } },
          {
            status: 200,
            body: { status: 'Succeeded', percentComplete: 100 },
            headers: { location: `${server.origin}/operations/op1/result` },
          },
        ],
        'GET /operations/op1/result': [
          { status: 200, body: { definition: { parts: [{ path: 'mirroring.json', payload: 'e30=', payloadType: 'InlineBase64' }] } } },
        ],
      }),
    );
    const poller = await FabricPoller.begin(
      testClient(server, { audience: 'fabric' }),
      { operationName: 'Get definition', method: 'POST', url: '/workspaces/w1/mirroredDatabases/m1/getDefinition' },
      { expectResult: true },
    );
    const seen: LroSnapshot[] = [];
    const result = await poller.pollUntilDone({ ...FAST, onProgress: (s) => seen.push(s) });
    assert.deepEqual(result, { definition: { parts: [{ path: 'mirroring.json', payload: 'e30=', payloadType: 'InlineBase64' }] } });
    assert.deepEqual(
      seen.map((s) => [s.status, s.serviceStatus, s.percent]),
      [
        ['running', 'NotStarted', undefined],
        ['running', 'Running', 25],
        ['succeeded', 'Succeeded', 100],
      ],
    );
    assert.equal(server.requests.at(-1)?.url, '/operations/op1/result');
  });

  it('builds /operations/{id} from x-ms-operation-id when there is no Location; no /result for updateDefinition', async () => {
    server.handle(
      scripted({
        [`POST ${W}/updateDefinition`]: [{ status: 202, headers: { 'x-ms-operation-id': 'op2' } }],
        'GET /v1/operations/op2': [
          { status: 200, body: { status: 'Running' } },
          { status: 200, body: { status: 'Succeeded' } },
        ],
      }),
    );
    const poller = await FabricPoller.begin(
      testClient(server, { audience: 'fabric' }),
      {
        operationName: 'Update definition',
        method: 'POST',
        url: '/workspaces/w1/mirroredDatabases/m1/updateDefinition',
        body: { definition: { parts: [] } },
      },
      { expectResult: false },
    );
    assert.equal(await poller.pollUntilDone(FAST), undefined);
    assert.ok(!server.requests.some((r) => r.url.endsWith('/result')));
  });

  it('fails with the Fabric error (errorCode, message)', async () => {
    server.handle(
      scripted({
        [`POST ${W}/getDefinition`]: [{ status: 202, headers: { 'x-ms-operation-id': 'op3' } }],
        'GET /v1/operations/op3': [
          {
            status: 200,
            body: { status: 'Failed', error: { errorCode: 'InvalidDefinition', message: 'mirroring.json is invalid', requestId: 'fr-1' } },
          },
        ],
      }),
    );
    const poller = await FabricPoller.begin(
      testClient(server, { audience: 'fabric' }),
      { operationName: 'Get definition', method: 'POST', url: '/workspaces/w1/mirroredDatabases/m1/getDefinition' },
      { expectResult: true },
    );
    await assert.rejects(poller.pollUntilDone(FAST), {
      code: 'InvalidDefinition',
      message: 'mirroring.json is invalid',
      requestId: 'fr-1',
    });
  });

  it('cancellation mid-wait, then resume from JSON finishes', async () => {
    server.handle(
      scripted({
        [`POST ${W}/getDefinition`]: [{ status: 202, headers: { 'x-ms-operation-id': 'op4' } }],
        'GET /v1/operations/op4': [
          { status: 200, body: { status: 'Running', percentComplete: 10 }, headers: { 'retry-after': '20' } },
          { status: 200, body: { status: 'Succeeded' } },
        ],
        'GET /v1/operations/op4/result': [{ status: 200, body: { definition: { parts: [] } } }],
      }),
    );
    const poller = await FabricPoller.begin(
      testClient(server, { audience: 'fabric' }),
      { operationName: 'Get definition', method: 'POST', url: '/workspaces/w1/mirroredDatabases/m1/getDefinition' },
      { expectResult: true },
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    await assert.rejects(poller.pollUntilDone({ ...FAST, signal: controller.signal }), { name: 'AbortError' });
    const state = jsonRoundTrip(poller.toJSON());
    assert.equal(state.snapshot.percent, 10);
    assert.equal(state.snapshot.retryAfterMs, 20_000);
    const resumed = resumePoller(state, { fabric: testClient(server, { audience: 'fabric' }) });
    assert.equal(resumed.latest.status, 'running');
    assert.equal((await resumed.poll()).status, 'succeeded', 'one step: state Succeeded, then GET /result');
    assert.deepEqual(resumed.result, { definition: { parts: [] } });
  });

  it('a 200/201 answer to the initial call is synchronous completion', async () => {
    server.handle(scripted({ 'POST /v1/workspaces/w1/mirroredDatabases': [{ status: 201, body: { id: 'new' } }] }));
    const poller = await FabricPoller.begin(
      testClient(server, { audience: 'fabric' }),
      { operationName: 'Create mirrored database', method: 'POST', url: '/workspaces/w1/mirroredDatabases', body: {} },
      { expectResult: true },
    );
    assert.ok(poller.isDone());
    assert.deepEqual(await poller.pollUntilDone(FAST), { id: 'new' });
  });
});

describe('Backup poller cancellation', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('stops waiting on abort (Retry-After 60 honoured until then) and resumes to success later', async () => {
    server.handle(
      scripted({
        [`POST ${I}/backup`]: [
          {
            status: 202,
            headers: { 'azure-asyncoperation': `${server.origin}/st/9`, location: `${server.origin}/res/9`, 'retry-after': '0' },
          },
        ],
        'GET /st/9': [
          { status: 200, body: { status: 'InProgress' }, headers: { 'retry-after': '60' } },
          { status: 200, body: { status: 'Succeeded', properties: { jobId: 'j9' } } },
        ],
        'GET /res/9': [{ status: 204 }],
      }),
    );
    const poller = await BackupPoller.begin(testClient(server), { operationName: 'Back up now', method: 'POST', url: I + '/backup' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    await assert.rejects(poller.pollUntilDone({ ...FAST, signal: controller.signal }), { name: 'AbortError' });
    assert.equal(poller.latest.status, 'running');
    assert.equal(poller.latest.retryAfterMs, 60_000);
    const resumed = resumePoller(poller.toJSON(), { arm: testClient(server) });
    assert.equal((await resumed.poll()).status, 'succeeded');
    assert.equal(resumed.latest.jobId, 'j9');
  });
});
