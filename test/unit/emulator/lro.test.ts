// Long-running operations: 202 with Location (examples' …/operation/{id}?api-version=2022-11-01-preview),
// Azure-AsyncOperation and Retry-After; status InProgress → Succeeded; Location 202 → 200 (PUT/PATCH) / 204 (DELETE).
import assert from 'node:assert/strict';
import { demoIds, runLro, sleep, startTestEmulator, v, type TestEmulator } from './helpers';
import { armErrorOf, itemsOf, operationStatusOf, syncGroupOf } from './answers';

describe('emulator long-running operations', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  before(async () => {
    t = await startTestEmulator({ lroDurationMs: 300 });
    ids = demoIds(t.emu);
  });
  after(() => t.stop());

  const groupBody = () => ({
    properties: {
      interval: -1,
      conflictResolutionPolicy: 'HubWin',
      syncDatabaseId: ids.syncMeta,
      hubDatabaseUserName: 'hub',
      hubDatabasePassword: 'secret',
    },
  });

  it('PUT sync group answers 202 with Location, Azure-AsyncOperation and Retry-After', async () => {
    // Its own instance with realistic Retry-After and a duration long enough to observe InProgress on a busy machine.
    const slow = await startTestEmulator({ lroDurationMs: 2000, retryAfterSeconds: undefined });
    try {
      await observeCreate(slow);
    } finally {
      await slow.stop();
    }
  });

  async function observeCreate(t: TestEmulator): Promise<void> {
    const ids = demoIds(t.emu);
    const r = await t.call('PUT', v(`${ids.salesHub}/syncGroups/lro-1`), {
      body: {
        properties: {
          interval: -1,
          conflictResolutionPolicy: 'HubWin',
          syncDatabaseId: ids.syncMeta,
          hubDatabaseUserName: 'hub',
          hubDatabasePassword: 'secret',
        },
      },
    });
    assert.equal(r.status, 202);
    assert.match(
      r.headers.location,
      new RegExp(
        `^${t.emu.endpoints.arm}/subscriptions/${ids.prod}/providers/Microsoft.Sql/locations/westeurope/operation/[0-9a-f-]{36}\\?api-version=2022-11-01-preview$`,
      ),
    );
    assert.match(
      r.headers['azure-asyncoperation'],
      /\/locations\/westeurope\/syncGroupAzureAsyncOperation\/[0-9a-f-]{36}\?api-version=2025-01-01$/,
    );
    assert.match(r.headers['retry-after'], /^\d+$/);
    assert.equal(r.text, '');

    const running = await t.call('GET', r.headers['azure-asyncoperation']);
    assert.equal(running.status, 200);
    const runningStatus = operationStatusOf(running);
    assert.equal(runningStatus.status, 'InProgress');
    assert.ok(runningStatus.startTime && runningStatus.name && runningStatus.id);
    assert.equal(runningStatus.endTime, undefined);
    const loc = await t.call('GET', r.headers.location);
    assert.equal(loc.status, 202);
    const before = await t.call('GET', v(`${ids.salesHub}/syncGroups/lro-1`));
    assert.equal(before.status, 404, 'created when the operation completes');

    assert.ok(Number(running.headers['retry-after']) >= 1);
    await sleep(2100);
    const done = operationStatusOf(await t.call('GET', r.headers['azure-asyncoperation']));
    assert.equal(done.status, 'Succeeded');
    assert.ok(Date.parse(done.endTime!) >= Date.parse(done.startTime));
    const final = await t.call('GET', r.headers.location);
    assert.equal(final.status, 200);
    const group = syncGroupOf(final);
    assert.equal(group.name, 'lro-1');
    assert.equal(group.properties.syncState, 'NotReady');
    assert.equal(group.properties.hubDatabasePassword, undefined, 'password is write-only');
  }

  it('PATCH keeps unspecified properties; DELETE ends in 204 and the group is gone', async () => {
    assert.equal((await runLro(t, 'PUT', `${ids.salesHub}/syncGroups/lro-1`, groupBody())).final.status, 200);
    const p = await runLro(t, 'PATCH', `${ids.salesHub}/syncGroups/lro-1`, { properties: { interval: 900 } });
    assert.equal(p.accepted.status, 202);
    assert.equal(p.final.status, 200);
    assert.equal(syncGroupOf(p.final).properties.interval, 900);
    assert.equal(syncGroupOf(p.final).properties.hubDatabaseUserName, 'hub');
    const d = await runLro(t, 'DELETE', `${ids.salesHub}/syncGroups/lro-1`);
    assert.equal(d.accepted.status, 202);
    assert.equal(d.final.status, 204);
    assert.equal((await t.call('GET', v(`${ids.salesHub}/syncGroups/lro-1`))).status, 404);
    assert.equal((await t.call('DELETE', v(`${ids.salesHub}/syncGroups/lro-1`))).status, 204, 'deleting a missing group is 204');
  });

  it('refreshHubSchema, member PUT / refreshSchema / DELETE and agent PUT / DELETE answer in their shapes and complete', async () => {
    const g = `${ids.salesHub}/syncGroups/sales-new`;
    // [method, path, body, expected first status, whether it carries Azure-AsyncOperation] (see lroShapes.ts)
    for (const [method, p, body, status, asyncOperation] of [
      ['POST', `${g}/refreshHubSchema`, undefined, 202, false],
      [
        'PUT',
        `${g}/syncMembers/m-lro`,
        {
          properties: {
            databaseType: 'AzureSqlDatabase',
            syncMemberAzureDatabaseResourceId: ids.east,
            serverName: 'contoso-sales-eus.database.windows.net',
            databaseName: 'SalesReplicaEast',
            syncDirection: 'Bidirectional',
          },
        },
        201,
        true,
      ],
      ['POST', `${g}/syncMembers/m-lro/refreshSchema`, undefined, 202, true],
      ['DELETE', `${g}/syncMembers/m-lro`, undefined, 202, false],
      ['PUT', `${ids.weu}/syncAgents/agent-lro`, { properties: { syncDatabaseId: ids.syncMeta } }, 202, true],
      ['DELETE', `${ids.weu}/syncAgents/agent-lro`, undefined, 200, false],
    ] as const) {
      const r = await runLro(t, method, p, body);
      assert.equal(r.accepted.status, status, `${method} ${p}: ${r.accepted.text}`);
      assert.equal(Boolean(r.accepted.headers['azure-asyncoperation']), asyncOperation, `${method} ${p}`);
      assert.ok([200, 204].includes(r.final.status), `${method} ${p} → ${r.final.status} ${r.final.text}`);
    }
    const hs = await t.call('GET', v(`${g}/hubSchemas`));
    assert.equal(itemsOf(hs).value.length, 1);
  });

  it('every answer carries x-ms-request-id and x-ms-correlation-request-id, and echoes x-ms-client-request-id', async () => {
    const r = await t.call('GET', v(`${ids.weu}/syncAgents`), {
      headers: { 'x-ms-client-request-id': 'abc-123', 'x-ms-correlation-request-id': 'corr-1' },
    });
    assert.match(r.headers['x-ms-request-id'], /^[0-9a-f-]{36}$/);
    assert.equal(r.headers['x-ms-client-request-id'], 'abc-123');
    assert.equal(r.headers['x-ms-correlation-request-id'], 'corr-1');
  });

  it('unknown operation ids → 404 OperationIdNotFound', async () => {
    const r = await t.call(
      'GET',
      `/subscriptions/${ids.prod}/providers/Microsoft.Sql/locations/westeurope/operation/00000000-0000-0000-0000-000000000000?api-version=2022-11-01-preview`,
    );
    assert.equal(r.status, 404);
    assert.equal(armErrorOf(r).code, 'OperationIdNotFound');
  });
});
