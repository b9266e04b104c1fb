// The initial response's Retry-After is honoured before the first status check, and a resumed operation
// waits only what is left of the last answer's Retry-After.
import assert from 'node:assert/strict';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';
import { jsonRoundTrip } from '../../helpers/jsonRoundTrip';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';
import { BackupPoller } from '../../../../src/azure/lro/backupPoller';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const G = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg';

describe('LRO: Retry-After of the initial response', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('ARM: the first status check waits the initial Retry-After', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/1`, 'retry-after': '1' } }],
        'GET /aop/1': [{ status: 200, body: { status: 'Succeeded' } }],
        [`GET ${G}`]: [{ status: 200, body: { name: 'sg' } }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    assert.deepEqual(await poller.pollUntilDone(FAST), { name: 'sg' });
    const [put, firstPoll] = server.requests;
    assert.equal(firstPoll.url, '/aop/1');
    assert.ok(firstPoll.receivedAt - put.receivedAt >= 950, `first poll after ${firstPoll.receivedAt - put.receivedAt} ms`);
  });

  it('Backup: resumed after part of the wait has passed, it waits only the rest', async () => {
    server.handle(
      scripted({
        'POST /backup': [
          {
            status: 202,
            headers: { 'azure-asyncoperation': `${server.origin}/st/1`, location: `${server.origin}/res/1`, 'retry-after': '2' },
          },
        ],
        'GET /st/1': [{ status: 200, body: { status: 'Succeeded', properties: { jobId: 'j1' } } }],
        'GET /res/1': [{ status: 204 }],
      }),
    );
    const first = await BackupPoller.begin(testClient(server), { operationName: 'Back up now', method: 'POST', url: '/backup' });
    const state = jsonRoundTrip(first.toJSON());
    // Saved 1.2 s ago: 0.8 s of the 2 s remain.
    state.snapshot.initialRequest = { ...state.snapshot.initialRequest!, at: new Date(Date.now() - 1_200).toISOString() };
    const started = Date.now();
    await resumePoller(state, { arm: testClient(server) }).pollUntilDone(FAST);
    const firstPoll = server.requests.find((r) => r.url === '/st/1')!;
    const waited = firstPoll.receivedAt - started;
    assert.ok(waited >= 700 && waited < 1_800, `waited ${waited} ms`);
  });
});
