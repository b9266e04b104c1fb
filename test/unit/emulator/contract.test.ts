// Contract tests: every Data Sync / servers / subscriptions response of the emulator validates against the
// response schema in the saved OpenAPI files (and errors against common-types v5 ErrorResponse).
import assert from 'node:assert/strict';
import path from 'node:path';
import { demoIds, runLro, startTestEmulator, v, type TestEmulator } from './helpers';
import { databaseOf, databasesOf, itemsOf, schemasOf, syncAgentKeyOf, syncAgentOf, syncDatabaseIdsOf } from './answers';
import { checkArmResponse, explain, responseValidator, SQL_DIR, SUBSCRIPTIONS_FILE } from './specSchemas';

const SG = path.join(SQL_DIR, 'SyncGroups.json');
const SM = path.join(SQL_DIR, 'SyncMembers.json');
const SA = path.join(SQL_DIR, 'SyncAgents.json');
const SV = path.join(SQL_DIR, 'Servers.subset.json');

const P_DB =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}/databases/{databaseName}';
const P_G = `${P_DB}/syncGroups/{syncGroupName}`;
const P_M = `${P_G}/syncMembers/{syncMemberName}`;
const P_S = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}';
const P_A = `${P_S}/syncAgents/{syncAgentName}`;

describe('emulator contract (responses match the OpenAPI schemas)', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  const G = () => `${ids.salesHub}/syncGroups/sales-sync`;

  before(async () => {
    t = await startTestEmulator();
    ids = demoIds(t.emu);
    // Make the list results non-trivial: fresh hub and member schemas, a new agent.
    await runLro(t, 'POST', `${G()}/refreshHubSchema`);
    await runLro(t, 'POST', `${G()}/syncMembers/replica-east/refreshSchema`);
  });
  after(() => t.stop());

  async function check(file: string, specPath: string, method: string, url: string, expectStatus: number, body?: unknown) {
    const r = await t.call(method, url.includes('api-version') ? url : v(url), { body });
    assert.equal(r.status, expectStatus, r.text);
    if (r.body !== undefined) {
      const validate = await responseValidator(file, specPath, method, String(expectStatus));
      assert.ok(validate(r.body), `${method} ${url}\n${explain(validate)}\n${r.text.slice(0, 500)}`);
    }
    return r;
  }

  it('GET /subscriptions (2022-12-01) matches SubscriptionListResult', async () => {
    const r = await check(SUBSCRIPTIONS_FILE, '/subscriptions', 'GET', '/subscriptions?api-version=2022-12-01', 200);
    assert.equal(itemsOf(r).value.length, 3);
  });
  it('GET /subscriptions/{id} matches Subscription', async () => {
    await check(SUBSCRIPTIONS_FILE, '/subscriptions/{subscriptionId}', 'GET', `/subscriptions/${ids.prod}?api-version=2022-12-01`, 200);
  });
  it('servers by subscription and by resource group match ServerListResult', async () => {
    const a = await check(
      SV,
      '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers',
      'GET',
      `/subscriptions/${ids.prod}/providers/Microsoft.Sql/servers`,
      200,
    );
    assert.equal(itemsOf(a).value.length, 3);
    const b = await check(
      SV,
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers',
      'GET',
      `/subscriptions/${ids.prod}/resourceGroups/rg-sales-prod/providers/Microsoft.Sql/servers`,
      200,
    );
    assert.equal(itemsOf(b).value.length, 2);
  });
  it('databases of a server include master (kind v12.0,system) in the example shape', async () => {
    const r = await t.call('GET', v(`${ids.weu}/databases`));
    assert.equal(r.status, 200);
    const databases = databasesOf(r).value;
    const master = databases.find((d) => d.name === 'master');
    assert.equal(master?.kind, 'v12.0,system');
    // Databases.json definitions were not saved (specs/README gaps): check the example's shape instead.
    for (const d of databases) {
      assert.equal(d.type, 'Microsoft.Sql/servers/databases');
      assert.ok(d.id && d.name && d.location && d.sku?.name && d.properties?.status && d.properties?.databaseId);
    }
    const one = await t.call('GET', v(ids.salesHub));
    assert.equal(databaseOf(one).kind, 'v12.0,user,vcore');
    assert.equal(databaseOf(one).id, ids.salesHub);
  });
  it('sync groups: list, get', async () => {
    await check(SG, `${P_DB}/syncGroups`, 'GET', `${ids.salesHub}/syncGroups`, 200);
    await check(SG, P_G, 'GET', G(), 200);
  });
  it('sync groups: PUT / PATCH final results match SyncGroup', async () => {
    const body = {
      properties: {
        interval: -1,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: ids.syncMeta,
        hubDatabaseUserName: 'hub',
        hubDatabasePassword: 'p@ss',
      },
    };
    const put = await runLro(t, 'PUT', `${ids.salesHub}/syncGroups/contract-g`, body);
    assert.equal(put.final.status, 200);
    const validate = await responseValidator(SG, P_G, 'PUT', '200');
    assert.ok(validate(put.final.body), explain(validate));
    const patch = await runLro(t, 'PATCH', `${ids.salesHub}/syncGroups/contract-g`, { properties: { interval: 600 } });
    assert.equal(patch.final.status, 200);
    assert.ok((await responseValidator(SG, P_G, 'PATCH', '200'))(patch.final.body));
  });
  it('hub schemas, logs and sync database ids', async () => {
    const hs = await check(SG, `${P_G}/hubSchemas`, 'GET', `${G()}/hubSchemas`, 200);
    assert.ok(schemasOf(hs).value[0].tables.length >= 10);
    await check(SG, `${P_G}/logs`, 'GET', v(`${G()}/logs?startTime=2000-01-01T00:00:00Z&endTime=2100-01-01T00:00:00Z&type=All`), 200);
    const sid = await check(
      SG,
      '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/locations/{locationName}/syncDatabaseIds',
      'GET',
      `/subscriptions/${ids.prod}/providers/Microsoft.Sql/locations/westeurope/syncDatabaseIds`,
      200,
    );
    assert.ok(syncDatabaseIdsOf(sid).value.some((x) => x.id === ids.syncMeta));
  });
  it('sync members: list, get, schemas, PUT result', async () => {
    await check(SM, `${P_G}/syncMembers`, 'GET', `${G()}/syncMembers`, 200);
    await check(SM, P_M, 'GET', `${G()}/syncMembers/replica-east`, 200);
    await check(SM, P_M, 'GET', `${G()}/syncMembers/store-backoffice`, 200);
    await check(SM, `${P_M}/schemas`, 'GET', `${G()}/syncMembers/replica-east/schemas`, 200);
    const put = await runLro(t, 'PUT', `${ids.salesHub}/syncGroups/contract-g/syncMembers/m1`, {
      properties: {
        databaseType: 'AzureSqlDatabase',
        syncMemberAzureDatabaseResourceId: ids.east,
        serverName: 'contoso-sales-eus.database.windows.net',
        databaseName: 'SalesReplicaEast',
        userName: 'u',
        password: 'secret',
        syncDirection: 'OneWayHubToMember',
      },
    });
    assert.equal(put.final.status, 200);
    assert.ok((await responseValidator(SM, P_M, 'PUT', '200'))(put.final.body));
    assert.ok(!put.final.text.includes('secret'), 'password never returned');
  });
  it('sync agents: list, get, generateKey, linkedDatabases, PUT result', async () => {
    await check(SA, `${P_S}/syncAgents`, 'GET', `${ids.weu}/syncAgents`, 200);
    await check(SA, P_A, 'GET', ids.onlineAgent, 200);
    const key = await check(SA, `${P_A}/generateKey`, 'POST', `${ids.onlineAgent}/generateKey`, 200);
    assert.match(syncAgentKeyOf(key).syncAgentKey!, /^[0-9a-f-]{36}:/);
    const linked = await check(SA, `${P_A}/linkedDatabases`, 'GET', `${ids.onlineAgent}/linkedDatabases`, 200);
    assert.equal(itemsOf(linked).value.length, 1);
    const put = await runLro(t, 'PUT', `${ids.weu}/syncAgents/contract-agent`, { properties: { syncDatabaseId: ids.syncMeta } });
    assert.equal(put.final.status, 200);
    assert.ok((await responseValidator(SA, P_A, 'PUT', '200'))(put.final.body));
    assert.equal(syncAgentOf(put.final).properties.state, 'NeverConnected');
  });
  it('errors match common-types v5 ErrorResponse', async () => {
    const r = await t.call('GET', v(`${ids.salesHub}/syncGroups/nope`));
    assert.equal(r.status, 404);
    const validate = await responseValidator(SG, P_G, 'GET', 'default');
    assert.ok(validate(r.body), explain(validate));
    const bad = await t.call('PUT', v(`${ids.salesHub}/syncGroups/x`), {
      body: { properties: { interval: 1, conflictResolutionPolicy: 'HubWin', syncDatabaseId: ids.syncMeta } },
    });
    assert.equal(bad.status, 400);
    assert.ok(validate(bad.body), explain(validate));
  });
  it('the validators do reject a wrong shape (guards the harness itself)', async () => {
    const validate = await responseValidator(SG, P_G, 'GET', '200');
    assert.equal(validate({ id: 'x', properties: { syncState: 'Bogus', interval: 'soon' } }), false);
    // The check every test's call() runs on ARM answers:
    const p = `${ids.salesHub}/syncGroups/x`;
    assert.match((await checkArmResponse('GET', p, 200, { properties: { interval: 'soon' } })) ?? '', /does not match SyncGroups.json/);
    assert.match((await checkArmResponse('GET', p, 404, { error: { code: 5 } })) ?? '', /does not match/);
    assert.equal(await checkArmResponse('GET', p, 200, { properties: { interval: 5 } }), undefined);
  });
});
