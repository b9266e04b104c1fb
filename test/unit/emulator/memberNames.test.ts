// An Azure SQL sync member must name its server and database: 400 MissingServerName / MissingDatabaseName
// (SyncMembers.json error list), even when syncMemberAzureDatabaseResourceId is given; nothing the client left
// out is filled in. On-premises members are named by their agent and linked database instead.
import assert from 'node:assert/strict';
import { demoIds, runLro, startTestEmulator, v, type TestEmulator } from './helpers';
import { bodyOf, type ErrorBody, type ListBody, type ResourceBody } from './armBodies';

describe('emulator: sync members must name their server and database', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  before(async () => {
    t = await startTestEmulator();
    ids = demoIds(t.emu);
  });
  after(() => t.stop());

  const group = () => `${ids.salesHub}/syncGroups/sales-new`;
  const SERVER = 'contoso-sales-eus.database.windows.net';

  async function expectRefused(name: string, properties: Record<string, unknown>, code: string, message: string): Promise<void> {
    const r = await t.call('PUT', v(`${group()}/syncMembers/${name}`), { body: { properties } });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(bodyOf<ErrorBody>(r), { error: { code, message } });
    assert.equal((await t.call('GET', v(`${group()}/syncMembers/${name}`))).status, 404, 'nothing was created');
  }

  it('no serverName → 400 MissingServerName "The Server name is missing", whatever else is sent', async () => {
    const missing = ['MissingServerName', 'The Server name is missing'] as const;
    await expectRefused('m1', { databaseType: 'AzureSqlDatabase', databaseName: 'SalesReplicaEast' }, ...missing);
    // The resource id is for private link (New-AzSqlSyncMember); it does not stand in for the names.
    await expectRefused(
      'm2',
      { databaseType: 'AzureSqlDatabase', syncMemberAzureDatabaseResourceId: ids.east, databaseName: 'SalesReplicaEast' },
      ...missing,
    );
    await expectRefused('m3', { databaseType: 'AzureSqlDatabase', syncMemberAzureDatabaseResourceId: ids.east }, ...missing);
    await expectRefused('m4', { databaseType: 'AzureSqlDatabase', serverName: '  ', databaseName: 'SalesReplicaEast' }, ...missing);
    // databaseType defaults to AzureSqlDatabase, so the same rule holds without it.
    await expectRefused('m5', { syncMemberAzureDatabaseResourceId: ids.east, syncDirection: 'Bidirectional' }, ...missing);
  });

  it('serverName but no databaseName → 400 MissingDatabaseName "The Database name is missing"', async () => {
    await expectRefused(
      'm6',
      { databaseType: 'AzureSqlDatabase', serverName: SERVER, syncMemberAzureDatabaseResourceId: ids.east },
      'MissingDatabaseName',
      'The Database name is missing',
    );
    await expectRefused(
      'm7',
      { databaseType: 'AzureSqlDatabase', serverName: SERVER, databaseName: '' },
      'MissingDatabaseName',
      'The Database name is missing',
    );
  });

  it('names checked before the database is looked up (an unknown database with no server name is still MissingServerName)', async () => {
    await expectRefused(
      'm8',
      { databaseType: 'AzureSqlDatabase', syncMemberAzureDatabaseResourceId: `${ids.eus}/databases/nope`, databaseName: 'nope' },
      'MissingServerName',
      'The Server name is missing',
    );
  });

  it('with both names the member is created as sent: the names come back unchanged and the database id is resolved', async () => {
    const created = await runLro(t, 'PUT', `${group()}/syncMembers/named`, {
      properties: { databaseType: 'AzureSqlDatabase', serverName: SERVER, databaseName: 'SalesReplicaEast', userName: 'u', password: 'p' },
    });
    assert.equal(created.final.status, 200, created.final.text);
    assert.equal(bodyOf<ResourceBody>(created.final).properties.serverName, SERVER);
    assert.equal(bodyOf<ResourceBody>(created.final).properties.databaseName, 'SalesReplicaEast');
    assert.equal(bodyOf<ResourceBody>(created.final).properties.syncMemberAzureDatabaseResourceId, ids.east);
  });

  it('a PUT on an existing member states the whole member, so it is refused without the names; a PATCH keeps them', async () => {
    const r = await t.call('PUT', v(`${group()}/syncMembers/named`), {
      body: { properties: { databaseType: 'AzureSqlDatabase', syncDirection: 'OneWayMemberToHub' } },
    });
    assert.equal(r.status, 400);
    assert.equal(bodyOf<ErrorBody>(r).error.code, 'MissingServerName');
    const unchanged = await t.call('GET', v(`${group()}/syncMembers/named`));
    assert.equal(bodyOf<ResourceBody>(unchanged).properties.syncDirection, 'Bidirectional');
    const patched = await runLro(t, 'PATCH', `${group()}/syncMembers/named`, { properties: { syncDirection: 'OneWayHubToMember' } });
    assert.equal(patched.final.status, 200, patched.final.text);
    assert.equal(bodyOf<ResourceBody>(patched.final).properties.serverName, SERVER);
    assert.equal(bodyOf<ResourceBody>(patched.final).properties.databaseName, 'SalesReplicaEast');
    assert.equal(bodyOf<ResourceBody>(patched.final).properties.syncDirection, 'OneWayHubToMember');
  });

  it('an on-premises member is named by its agent and linked database, not by serverName / databaseName', async () => {
    const linked = bodyOf<ListBody>(await t.call('GET', v(`${ids.onlineAgent}/linkedDatabases`))).value[0];
    const created = await runLro(t, 'PUT', `${group()}/syncMembers/onprem`, {
      properties: { databaseType: 'SqlServerDatabase', syncAgentId: ids.onlineAgent, sqlServerDatabaseId: linked.properties.databaseId },
    });
    assert.equal(created.final.status, 200, created.final.text);
    assert.equal(bodyOf<ResourceBody>(created.final).properties.databaseType, 'SqlServerDatabase');
    assert.equal(bodyOf<ResourceBody>(created.final).properties.serverName, linked.properties.serverName);
    assert.equal(bodyOf<ResourceBody>(created.final).properties.databaseName, linked.properties.databaseName);
  });
});
