// The sync state machine and logs: the documented Data Sync sequence end to end, Good / Warning / Error
// outcomes driven by database health and agent state, cancelSync, and logs that agree with the states.
import assert from 'node:assert/strict';
import { demoIds, runLro, startTestEmulator, v, waitFor, type TestEmulator } from './helpers';
import { armErrorOf, itemsOf, schemasOf, syncGroupOf, syncLogsOf, syncMemberOf, syncMembersOf } from './answers';

describe('emulator sync state machine and logs', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  before(async () => {
    t = await startTestEmulator({ syncDurationMs: 1000 });
    ids = demoIds(t.emu);
  });
  after(() => t.stop());

  const getGroup = async (p: string) => syncGroupOf(await t.call('GET', v(p)));
  const getMember = async (p: string) => syncMemberOf(await t.call('GET', v(p)));
  const logsOf = async (p: string, type = 'All') =>
    syncLogsOf(await t.call('GET', v(`${p}/logs?startTime=2000-01-01T00:00:00Z&endTime=2100-01-01T00:00:00Z&type=${type}`))).value;

  it('runs the documented sequence: create → add member → refresh hub schema → choose tables → update member → trigger → logs', async () => {
    const g = `${ids.east}/syncGroups/docs-flow`;
    const created = await runLro(t, 'PUT', g, {
      properties: {
        interval: -1,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: ids.syncMeta,
        hubDatabaseUserName: 'hub',
        hubDatabasePassword: 'x',
      },
    });
    assert.equal(created.final.status, 200);
    assert.equal(syncGroupOf(created.final).properties.syncState, 'NotReady');
    const member = await runLro(t, 'PUT', `${g}/syncMembers/to-reporting`, {
      properties: {
        databaseType: 'AzureSqlDatabase',
        serverName: 'contoso-sales-eus.database.windows.net',
        databaseName: 'SalesReporting',
        userName: 'u',
        password: 'p',
        syncDirection: 'OneWayHubToMember',
      },
    });
    assert.equal(member.final.status, 200, member.final.text);
    assert.equal(syncMemberOf(member.final).properties.syncState, 'UnProvisioned');
    assert.equal(syncMemberOf(member.final).properties.syncMemberAzureDatabaseResourceId, ids.reporting);
    assert.equal((await runLro(t, 'POST', `${g}/refreshHubSchema`)).final.status, 204);
    const hub = schemasOf(await t.call('GET', v(`${g}/hubSchemas`))).value[0];
    const customers = hub.tables.find((x) => x.quotedName === '[dbo].[Customers]')!;
    assert.equal(customers.hasError, false);
    assert.equal(hub.tables.find((x) => x.name === 'dbo.PriceHistory')?.errorId, 'Schema_TableHasNoPrimaryKey');
    const schema = {
      tables: [
        {
          quotedName: customers.quotedName,
          columns: customers.columns!.map((c) => ({
            quotedName: c.quotedName,
            dataSize: c.dataSize,
            dataType: c.dataType,
          })),
        },
      ],
      masterSyncMemberName: 'to-reporting',
    };
    const updated = await runLro(t, 'PUT', g, {
      properties: { interval: -1, conflictResolutionPolicy: 'HubWin', syncDatabaseId: ids.syncMeta, schema },
    });
    assert.equal(updated.final.status, 200, updated.final.text);
    assert.equal(syncGroupOf(updated.final).properties.schema?.masterSyncMemberName, 'to-reporting');
    const m2 = await runLro(t, 'PATCH', `${g}/syncMembers/to-reporting`, { properties: { syncDirection: 'Bidirectional' } });
    assert.equal(syncMemberOf(m2.final).properties.syncDirection, 'Bidirectional');
    assert.equal(syncMemberOf(m2.final).properties.syncState, 'Provisioned');

    assert.equal((await t.call('POST', v(`${g}/triggerSync`))).status, 200);
    assert.equal((await getGroup(g)).properties.syncState, 'Progressing');
    const inProgress = await getMember(`${g}/syncMembers/to-reporting`);
    assert.equal(inProgress.properties.syncState, 'SyncInProgress');
    // SalesReporting's health is "warning" in the demo seed → Warning / SyncSucceededWithWarnings.
    const done = await waitFor(async () => {
      const x = await getGroup(g);
      return x.properties.syncState !== 'Progressing' ? x : undefined;
    });
    assert.equal(done.properties.syncState, 'Warning');
    assert.ok(Date.parse(done.properties.lastSyncTime!) > Date.now() - 10_000);
    assert.equal((await getMember(`${g}/syncMembers/to-reporting`)).properties.syncState, 'SyncSucceededWithWarnings');
    const logs = await logsOf(g);
    assert.equal(logs[0].type, 'Warning');
    assert.equal(logs[0].operationStatus, 'SyncSucceededWithWarnings');
    assert.equal(logs[0].source, 'contoso-sales-eus.database.windows.net/SalesReporting');
    assert.ok(logs.some((l) => l.operationStatus === 'SchemaRefreshSuccess'));
    const warnings = await logsOf(g, 'Warning');
    assert.ok(warnings.every((l) => l.type === 'Warning'));
    assert.ok((await logsOf(g, 'Error')).length === 0);
  });

  it('healthy members → Good / SyncSucceeded with a Success log', async () => {
    const g = `${ids.salesHub}/syncGroups/sales-sync`;
    await t.call('POST', v(`${g}/triggerSync`));
    const done = await waitFor(async () => {
      const x = await getGroup(g);
      return x.properties.syncState !== 'Progressing' ? x : undefined;
    });
    assert.equal(done.properties.syncState, 'Good');
    const logs = await logsOf(g, 'Success');
    assert.equal(logs[0].operationStatus, 'SyncSucceeded');
    const members = syncMembersOf(await t.call('GET', v(`${g}/syncMembers`))).value;
    assert.ok(members.every((m) => m.properties.syncState === 'SyncSucceeded'));
  });

  it('an unreachable member or an offline agent → Error / SyncFailed with Error logs; agent back online → Good', async () => {
    const g = `${ids.salesHub}/syncGroups/branch-sync`;
    await t.call('POST', v(`${g}/triggerSync`));
    let done = await waitFor(async () => {
      const x = await getGroup(g);
      return x.properties.syncState !== 'Progressing' ? x : undefined;
    });
    assert.equal(done.properties.syncState, 'Error');
    const err = (await logsOf(g, 'Error'))[0];
    assert.match(err.source, /SQLBRANCH7/);
    assert.equal((await getMember(`${g}/syncMembers/branch-7`)).properties.syncState, 'SyncFailed');
    // Control API: bring the agent online, sync again.
    const r = await t.call('POST', '/_emulator/syncAgentState', { token: null, body: { agentId: ids.offlineAgent, state: 'Online' } });
    assert.equal(r.status, 200);
    await t.call('POST', v(`${g}/triggerSync`));
    done = await waitFor(async () => {
      const x = await getGroup(g);
      return x.properties.syncState !== 'Progressing' ? x : undefined;
    });
    assert.equal(done.properties.syncState, 'Good');
  });

  it('triggerSync while running → 400; cancelSync → SyncCancelling → SyncCancelled with a Warning log', async () => {
    const g = `${ids.salesHub}/syncGroups/sales-sync`;
    assert.equal((await t.call('POST', v(`${g}/triggerSync`))).status, 200);
    const again = await t.call('POST', v(`${g}/triggerSync`));
    assert.equal(again.status, 400);
    assert.equal(armErrorOf(again).code, 'SyncOperation_GenericFailure');
    assert.equal((await t.call('POST', v(`${g}/cancelSync`))).status, 200);
    assert.equal((await getMember(`${g}/syncMembers/replica-east`)).properties.syncState, 'SyncCancelling');
    const done = await waitFor(async () => {
      const x = await getGroup(g);
      return x.properties.syncState !== 'Progressing' ? x : undefined;
    });
    assert.equal(done.properties.syncState, 'Warning');
    assert.equal((await getMember(`${g}/syncMembers/replica-east`)).properties.syncState, 'SyncCancelled');
    assert.equal((await logsOf(g))[0].operationStatus, 'SyncCancelled');
    assert.equal((await t.call('POST', v(`${g}/cancelSync`))).status, 200, 'cancel with nothing running is a no-op');
  });

  it('database health set through the control API drives the outcome (unreachable → Error)', async () => {
    const g = `${ids.salesHub}/syncGroups/sales-sync`;
    const r = await t.call('POST', '/_emulator/databaseHealth', { token: null, body: { databaseId: ids.east, health: 'unreachable' } });
    assert.equal(r.status, 200);
    await t.call('POST', v(`${g}/triggerSync`));
    const done = await waitFor(async () => {
      const x = await getGroup(g);
      return x.properties.syncState !== 'Progressing' ? x : undefined;
    });
    assert.equal(done.properties.syncState, 'Error');
    assert.equal((await getMember(`${g}/syncMembers/replica-east`)).properties.syncState, 'SyncFailed');
    assert.equal((await getMember(`${g}/syncMembers/store-backoffice`)).properties.syncState, 'SyncSucceeded');
    t.emu.control.setDatabaseHealth(ids.east, 'ok');
    const badHealth = await t.call('POST', '/_emulator/databaseHealth', { token: null, body: { databaseId: ids.east, health: 'meh' } });
    assert.equal(badHealth.status, 400);
  });

  it('a group with interval > 0 syncs on its own when the interval has passed', async () => {
    const g = `${ids.salesHub}/syncGroups/sales-reporting`; // last synced 3 hours ago, manual until now
    const before = (await getGroup(g)).properties.lastSyncTime;
    assert.equal((await runLro(t, 'PATCH', g, { properties: { interval: 5 } })).final.status, 200);
    const done = await waitFor(async () => {
      const x = await getGroup(g);
      return x.properties.lastSyncTime !== before && x.properties.syncState !== 'Progressing' ? x : undefined;
    });
    assert.equal(done.properties.syncState, 'Warning'); // its member's database has health "warning"
    assert.equal((await runLro(t, 'PATCH', g, { properties: { interval: -1 } })).final.status, 200);
  });

  it('triggerSync without schema or members → 400 InvalidSyncGroup', async () => {
    const r = await t.call('POST', v(`${ids.salesHub}/syncGroups/sales-new/triggerSync`));
    assert.equal(r.status, 400);
    assert.equal(armErrorOf(r).code, 'InvalidSyncGroup');
  });

  it('the seeded Progressing group and the log filters by time', async () => {
    const g = `/subscriptions/${ids.dev}/resourceGroups/rg-dev/providers/Microsoft.Sql/servers/contoso-dev-wus2/databases/DevSales/syncGroups/dev-sync`;
    assert.equal((await getGroup(g)).properties.syncState, 'Progressing');
    const old = itemsOf(await t.call('GET', v(`${g}/logs?startTime=2000-01-01T00:00:00&endTime=2001-01-01T00:00:00&type=All`))).value;
    assert.equal(old.length, 0);
    const bad = await t.call('GET', v(`${g}/logs?startTime=yesterday&endTime=2001-01-01T00:00:00&type=All`));
    assert.equal(bad.status, 400);
    const badType = await t.call('GET', v(`${g}/logs?startTime=2000-01-01T00:00:00Z&endTime=2100-01-01T00:00:00Z&type=Info`));
    assert.equal(badType.status, 400);
  });
});
