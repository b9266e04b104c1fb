// Each Data Sync mutation answers in its own ARM shape (src/emulator/services/sql/lroShapes.ts): which status,
// which of Location / Azure-AsyncOperation / Retry-After, what the polling URLs answer while running and
// at the end, and that every first status is one the operation's spec declares.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { demoIds, startTestEmulator, v, type CallResult, type TestEmulator } from './helpers';
import { explain, responseValidator, SQL_DIR } from './specSchemas';
import { bodyOf, type ErrorBody, type ListBody, type OperationStatusBody, type ResourceBody } from './armBodies';

interface Expected {
  status: number;
  location: boolean;
  asyncOperation: boolean;
  retryAfter: boolean;
}
const now = (status: number): Expected => ({ status, location: false, asyncOperation: false, retryAfter: false });
const accepted = (status: number, asyncOperation: boolean, retryAfter: boolean): Expected => ({
  status,
  location: true,
  asyncOperation,
  retryAfter,
});

/** Status codes the saved spec declares for an operation (`default` aside). */
function declaredStatuses(file: string, method: string, specPath: string): string[] {
  const doc = JSON.parse(fs.readFileSync(path.join(SQL_DIR, file), 'utf8')) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  return Object.keys(doc.paths[specPath][method.toLowerCase()].responses).filter((s) => s !== 'default');
}
const P_DB =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}/databases/{databaseName}';
const P_G = `${P_DB}/syncGroups/{syncGroupName}`;
const P_M = `${P_G}/syncMembers/{syncMemberName}`;
const P_A =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}/syncAgents/{syncAgentName}';

describe('emulator: the answer shape of each Data Sync mutation', function () {
  this.timeout(60_000);
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  before(async () => {
    // Long enough to see every operation still running on a busy machine; Retry-After as the service computes it.
    t = await startTestEmulator({ lroDurationMs: 2000, retryAfterSeconds: undefined });
    ids = demoIds(t.emu);
  });
  after(() => t.stop());

  const group = () => `${ids.reporting}/syncGroups/shape-g`;
  const member = () => `${ids.salesHub}/syncGroups/sales-new/syncMembers/m-shape`;
  const agent = () => `${ids.weu}/syncAgents/agent-shape`;
  const memberBody = (syncDirection = 'Bidirectional') => ({
    properties: {
      databaseType: 'AzureSqlDatabase',
      serverName: 'contoso-sales-eus.database.windows.net',
      databaseName: 'SalesReplicaEast',
      userName: 'member',
      password: 'secret',
      syncDirection,
    },
  });

  /** Checks the first answer's status and headers, the spec's status list, and one poll of each URL given. */
  async function expectShape(label: string, r: CallResult, e: Expected, spec: [string, string, string]): Promise<void> {
    assert.equal(r.status, e.status, `${label}: ${r.text}`);
    assert.ok(declaredStatuses(...spec).includes(String(r.status)), `${label}: ${r.status} is not declared by ${spec.join(' ')}`);
    assert.equal('location' in r.headers, e.location, `${label}: Location`);
    assert.equal('azure-asyncoperation' in r.headers, e.asyncOperation, `${label}: Azure-AsyncOperation`);
    assert.equal('retry-after' in r.headers, e.retryAfter, `${label}: Retry-After`);
    if (e.retryAfter) assert.match(r.headers['retry-after'], /^\d+$/);
    if (!e.location) return;
    assert.match(
      r.headers.location,
      /\/providers\/Microsoft\.Sql\/locations\/[a-z0-9]+\/operation\/[0-9a-f-]{36}\?api-version=2022-11-01-preview$/,
      label,
    );
    const polled = await t.call('GET', r.headers.location);
    assert.equal(polled.status, 202, `${label}: Location while running`);
    assert.equal('retry-after' in polled.headers, e.retryAfter, `${label}: Retry-After on the Location poll`);
    if (!e.asyncOperation) return;
    assert.match(
      r.headers['azure-asyncoperation'],
      /\/sync(Group|Member|Agent)AzureAsyncOperation\/[0-9a-f-]{36}\?api-version=2025-01-01$/,
    );
    const status = await t.call('GET', r.headers['azure-asyncoperation']);
    assert.equal(status.status, 200);
    assert.equal(bodyOf<OperationStatusBody>(status).status, 'InProgress', label);
    assert.equal('retry-after' in status.headers, e.retryAfter, `${label}: Retry-After on the status poll`);
  }

  /** The body validates against the spec's schema for that status (contract.test.ts does the same per operation). */
  async function expectSchema(file: string, specPath: string, method: string, r: CallResult): Promise<void> {
    const validate = await responseValidator(path.join(SQL_DIR, file), specPath, method, String(r.status));
    assert.ok(validate(r.body), `${method} ${specPath} ${r.status}: ${explain(validate)}`);
  }

  /** Follows Location to the end; then the status URL (when given) says Succeeded. */
  async function finish(r: CallResult): Promise<CallResult> {
    const final = await t.pollLocation(r.headers.location);
    if (r.headers['azure-asyncoperation']) {
      const status = await t.call('GET', r.headers['azure-asyncoperation']);
      assert.equal(bodyOf<OperationStatusBody>(status).status, 'Succeeded');
      assert.ok(bodyOf<OperationStatusBody>(status).endTime);
      assert.equal('retry-after' in status.headers, false, 'no Retry-After once the operation has ended');
    }
    return final;
  }

  it('creates: group PUT 202 (both URLs, Retry-After), member PUT 201 + body (both, Retry-After), agent PUT 202 (both, Retry-After); refreshHubSchema 202 Location only', async () => {
    const [g, m, a, refresh] = await Promise.all([
      t.call('PUT', v(group()), {
        body: { properties: { interval: -1, conflictResolutionPolicy: 'HubWin', syncDatabaseId: ids.syncMeta } },
      }),
      t.call('PUT', v(member()), { body: memberBody() }),
      t.call('PUT', v(agent()), { body: { properties: { syncDatabaseId: ids.syncMeta } } }),
      t.call('POST', v(`${ids.salesHub}/syncGroups/sales-new/refreshHubSchema`)),
    ]);
    await expectShape('group PUT', g, accepted(202, true, true), ['SyncGroups.json', 'PUT', P_G]);
    await expectShape('member PUT (new)', m, accepted(201, true, true), ['SyncMembers.json', 'PUT', P_M]);
    await expectShape('agent PUT (new)', a, accepted(202, true, true), ['SyncAgents.json', 'PUT', P_A]);
    await expectShape('refreshHubSchema', refresh, accepted(202, false, false), ['SyncGroups.json', 'POST', `${P_G}/refreshHubSchema`]);
    assert.equal(g.text, '', 'a 202 has no body');
    // The 201 carries the member as requested; it is not readable before the operation ends.
    assert.equal(bodyOf<ResourceBody>(m).name, 'm-shape');
    assert.equal(bodyOf<ResourceBody>(m).properties.serverName, 'contoso-sales-eus.database.windows.net');
    assert.equal(bodyOf<ResourceBody>(m).properties.databaseName, 'SalesReplicaEast');
    assert.equal(bodyOf<ResourceBody>(m).properties.syncState, 'UnProvisioned');
    assert.equal(bodyOf<ResourceBody>(m).properties.password, undefined);
    await expectSchema('SyncMembers.json', P_M, 'PUT', m);
    assert.equal((await t.call('GET', v(member()))).status, 404);

    const [gf, mf, af, rf] = await Promise.all([finish(g), finish(m), finish(a), finish(refresh)]);
    assert.equal(gf.status, 200);
    assert.equal(bodyOf<ResourceBody>(gf).name, 'shape-g');
    assert.equal(mf.status, 200);
    assert.equal(bodyOf<ResourceBody>(mf).properties.syncMemberAzureDatabaseResourceId, ids.east);
    assert.equal(af.status, 200);
    assert.equal(bodyOf<ResourceBody>(af).properties.state, 'NeverConnected');
    assert.equal(rf.status, 204);
    assert.equal(rf.text, '');
  });

  it('updates: member PUT and agent PUT on existing resources answer 200 at once; group PATCH 202 Location + Retry-After; member PATCH 202 Location only; member refreshSchema 202 both, no Retry-After', async () => {
    const replaced = await t.call('PUT', v(member()), { body: memberBody('OneWayHubToMember') });
    await expectShape('member PUT (existing)', replaced, now(200), ['SyncMembers.json', 'PUT', P_M]);
    assert.equal(bodyOf<ResourceBody>(replaced).properties.syncDirection, 'OneWayHubToMember');
    await expectSchema('SyncMembers.json', P_M, 'PUT', replaced);
    assert.equal(
      bodyOf<ResourceBody>(await t.call('GET', v(member()))).properties.syncDirection,
      'OneWayHubToMember',
      'applied before answering',
    );
    const agentAgain = await t.call('PUT', v(agent()), { body: { properties: { syncDatabaseId: ids.syncMeta } } });
    await expectShape('agent PUT (existing)', agentAgain, now(200), ['SyncAgents.json', 'PUT', P_A]);
    assert.equal(bodyOf<ResourceBody>(agentAgain).name, 'agent-shape');
    await expectSchema('SyncAgents.json', P_A, 'PUT', agentAgain);

    const [gp, mp] = await Promise.all([
      t.call('PATCH', v(group()), { body: { properties: { interval: 600 } } }),
      t.call('PATCH', v(member()), { body: { properties: { syncDirection: 'OneWayMemberToHub' } } }),
    ]);
    const refresh = await t.call('POST', v(`${member()}/refreshSchema`));
    await expectShape('group PATCH', gp, accepted(202, false, true), ['SyncGroups.json', 'PATCH', P_G]);
    await expectShape('member PATCH', mp, accepted(202, false, false), ['SyncMembers.json', 'PATCH', P_M]);
    await expectShape('member refreshSchema', refresh, accepted(202, true, false), ['SyncMembers.json', 'POST', `${P_M}/refreshSchema`]);
    assert.equal(bodyOf<ResourceBody>(await t.call('GET', v(group()))).properties.interval, -1, 'a 202 PATCH applies when it completes');

    const [gf, mf, rf] = await Promise.all([finish(gp), finish(mp), finish(refresh)]);
    assert.equal(gf.status, 200);
    assert.equal(bodyOf<ResourceBody>(gf).properties.interval, 600);
    assert.equal(mf.status, 200);
    assert.equal(bodyOf<ResourceBody>(mf).properties.syncDirection, 'OneWayMemberToHub');
    assert.equal(bodyOf<ResourceBody>(mf).properties.serverName, 'contoso-sales-eus.database.windows.net', 'PATCH keeps the names');
    assert.equal(rf.status, 204);
    assert.equal(bodyOf<ListBody>(await t.call('GET', v(`${member()}/schemas`))).value.length, 1);
  });

  it('deletes: group 202 both without Retry-After, member 202 Location + Retry-After, agent 200 at once; a missing resource 204', async () => {
    const [gd, md] = await Promise.all([t.call('DELETE', v(group())), t.call('DELETE', v(member()))]);
    await expectShape('group DELETE', gd, accepted(202, true, false), ['SyncGroups.json', 'DELETE', P_G]);
    await expectShape('member DELETE', md, accepted(202, false, true), ['SyncMembers.json', 'DELETE', P_M]);
    const ad = await t.call('DELETE', v(agent()));
    await expectShape('agent DELETE', ad, now(200), ['SyncAgents.json', 'DELETE', P_A]);
    assert.equal(ad.text, '');
    assert.equal((await t.call('GET', v(agent()))).status, 404, 'gone before the answer');

    const [gf, mf] = await Promise.all([finish(gd), finish(md)]);
    assert.equal(gf.status, 204);
    assert.equal(mf.status, 204);
    assert.equal((await t.call('GET', v(group()))).status, 404);
    assert.equal((await t.call('GET', v(member()))).status, 404);
    for (const p of [group(), member(), agent()]) assert.equal((await t.call('DELETE', v(p))).status, 204, `DELETE ${p} again`);
  });
});

describe('emulator: failures in each shape', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  before(async () => {
    t = await startTestEmulator();
    ids = demoIds(t.emu);
  });
  after(() => t.stop());

  it('Azure-AsyncOperation says Failed with the error; Location answers that error', async () => {
    t.emu.control.addFaults('lro-fail*1@PUT /syncMembers/');
    const r = await t.call('PUT', v(`${ids.salesHub}/syncGroups/sales-new/syncMembers/doomed`), {
      body: {
        properties: {
          databaseType: 'AzureSqlDatabase',
          serverName: 'contoso-sales-eus.database.windows.net',
          databaseName: 'SalesReplicaEast',
        },
      },
    });
    assert.equal(r.status, 201);
    const final = await t.pollLocation(r.headers.location);
    assert.equal(final.status, 500);
    assert.equal(bodyOf<ErrorBody>(final).error.code, 'OperationTimedOut');
    const status = await t.call('GET', r.headers['azure-asyncoperation']);
    assert.equal(bodyOf<OperationStatusBody>(status).status, 'Failed');
    assert.equal(bodyOf<OperationStatusBody>(status).error?.code, 'OperationTimedOut');
    assert.equal((await t.call('GET', v(`${ids.salesHub}/syncGroups/sales-new/syncMembers/doomed`))).status, 404);
  });

  it('a Location-only operation that fails answers its error on Location and changes nothing', async () => {
    const g = `${ids.salesHub}/syncGroups/sales-new`;
    t.emu.control.addFaults('lro-fail*1@PATCH /syncGroups/');
    const r = await t.call('PATCH', v(g), { body: { properties: { interval: 900 } } });
    assert.equal(r.status, 202);
    assert.equal(r.headers['azure-asyncoperation'], undefined);
    const final = await t.pollLocation(r.headers.location);
    assert.equal(final.status, 500);
    assert.equal(bodyOf<ErrorBody>(final).error.code, 'OperationTimedOut');
    assert.equal(bodyOf<ResourceBody>(await t.call('GET', v(g))).properties.interval, -1);
  });

  it('an operation answered at once that fails answers the error itself and changes nothing', async () => {
    const agent = `${ids.weu}/syncAgents/onprem-agent-03`;
    t.emu.control.addFaults('lro-fail*1@DELETE /syncAgents/');
    const r = await t.call('DELETE', v(agent));
    assert.equal(r.status, 500);
    assert.equal(bodyOf<ErrorBody>(r).error.code, 'OperationTimedOut');
    assert.equal(r.headers.location, undefined);
    assert.equal((await t.call('GET', v(agent))).status, 200, 'the agent is still there');
  });
});
