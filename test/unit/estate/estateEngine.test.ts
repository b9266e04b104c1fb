// The estate scan against the emulator's demo estate: everything it holds arrives as events, with the
// request shortcuts taken; a failing subscription is reported beside the rest; cancel ends the scan.
import assert from 'node:assert/strict';
import { isAbortError } from '../../../src/azure/http/abortableDelay';
import type { EstateEvent } from '../../../src/estate/scan/estateEvents';
import { scanEstate } from '../../../src/estate/scan/estateScan';
import { startEmulatorHarness, type EmulatorHarness } from '../helpers/emulatorHarness';

const ids = (list: Array<{ id?: string }>): string[] => list.map((x) => (x.id ?? '').toLowerCase()).sort();

describe('estate scan', function () {
  this.timeout(30_000);
  let h: EmulatorHarness;
  beforeEach(async () => {
    h = await startEmulatorHarness({ owner: 'estate' });
  });
  afterEach(() => h.stop());

  async function scan(options: Parameters<typeof scanEstate>[3] = {}) {
    const events: EstateEvent[] = [];
    const counts = await scanEstate(h.conn.arm, h.conn.fabric, (e) => events.push(e), options);
    const of = <K extends EstateEvent['kind']>(kind: K) => events.filter((e): e is Extract<EstateEvent, { kind: K }> => e.kind === kind);
    return { events, counts, of };
  }

  it('reports every sync group with its members, every agent, mirrored database and protected SQL database', async () => {
    const st = h.emulator.control.state();
    const running = Object.values(st.fabric?.mirroredDatabases ?? {}).find((m) => m.status === 'Running' && m.tables.length > 0);
    assert.ok(running, 'the demo estate has a running mirrored database');
    const broken = running.tables[0];
    await h.control('/_emulator/fabric/failTable', {
      mirroredDatabaseId: running.id,
      schemaName: broken.schemaName,
      tableName: broken.tableName,
    });
    const { counts, of } = await scan();
    assert.deepEqual(of('failure'), []);
    assert.deepEqual(ids(of('syncGroup').map((e) => e.group)), ids(Object.values(st.syncGroups)));
    assert.deepEqual(ids(of('syncGroup').flatMap((e) => e.members)), ids(Object.values(st.syncMembers)));
    assert.deepEqual(ids(of('syncAgents').flatMap((e) => e.agents)), ids(Object.values(st.syncAgents)));
    for (const e of of('syncGroup'))
      assert.ok(e.group.id?.toLowerCase().startsWith(e.databaseId.toLowerCase()), 'event names its hub database');
    assert.deepEqual(ids(of('mirroredDatabase').map((e) => e.item)), ids(Object.values(st.fabric?.mirroredDatabases ?? {})));
    for (const e of of('mirroredDatabase')) {
      assert.ok(e.status?.status, 'each mirrored database carries its status');
      for (const t of e.failedTables) assert.equal(t.status, 'Failed');
    }
    const failed = of('mirroredDatabase').find((e) => e.item.id === running.id);
    const expectedFailed = h.emulator.control
      .state()
      .fabric!.mirroredDatabases[running.id].tables.filter((t) => t.status === 'Failed')
      .map((t) => `${t.schemaName}.${t.tableName}`);
    assert.ok(expectedFailed.includes(`${broken.schemaName}.${broken.tableName}`));
    assert.deepEqual(failed?.failedTables.map((t) => `${t.sourceSchemaName}.${t.sourceTableName}`).sort(), expectedFailed.sort());
    const protectedItems = of('protectedDatabase');
    assert.ok(protectedItems.length > 0, 'the demo estate protects SQL databases');
    assert.equal(protectedItems.length, counts.protectedDatabases);
    for (const e of protectedItems)
      assert.ok(e.item.properties?.protectedItemHealthStatus !== undefined || e.item.properties?.protectionState);
    assert.ok(
      protectedItems.some((e) => e.lastJob?.properties?.operation?.startsWith('Backup')),
      'a database backed up before carries its last backup job',
    );
    for (const e of protectedItems.filter((x) => x.lastJob))
      assert.ok(e.lastJob?.properties?.entityFriendlyName?.toLowerCase().startsWith((e.item.properties?.friendlyName ?? '').toLowerCase()));
    assert.equal(counts.subscriptions, st.subscriptions.length);
    assert.equal(counts.syncGroups, Object.keys(st.syncGroups).length);
    assert.equal(counts.failures, 0);
  });

  it('cuts requests: one server list and one database list per subscription, no sync-group call for master, filtered protected items', async () => {
    const st = h.emulator.control.state();
    await scan({ parts: ['dataSync', 'backup'] });
    const gets = h.requests.filter((r) => r.method === 'GET').map((r) => ({ path: r.path.toLowerCase(), query: r.query }));
    assert.equal(
      gets.filter((r) => /\/resourcegroups\/[^/]+\/providers\/microsoft\.sql\/servers$/.test(r.path)).length,
      0,
      'no per-resource-group server list',
    );
    assert.equal(
      gets.filter((r) => /^\/subscriptions\/[^/]+\/providers\/microsoft\.sql\/servers$/.test(r.path)).length,
      st.subscriptions.length,
    );
    const resources = gets.filter((r) => r.path.endsWith('/resources'));
    assert.equal(resources.length, st.subscriptions.length);
    for (const r of resources) assert.equal(r.query.$filter, "resourceType eq 'Microsoft.Sql/servers/databases'");
    assert.equal(gets.filter((r) => /\/servers\/[^/]+\/databases$/.test(r.path)).length, 0, 'no per-server database list');
    assert.equal(gets.filter((r) => r.path.includes('/databases/master/')).length, 0);
    const userDatabases = Object.values(st.databases).filter((d) => !d.kind.includes('system'));
    assert.equal(gets.filter((r) => r.path.endsWith('/syncgroups')).length, userDatabases.length, 'one sync-group list per user database');
    const items = gets.filter((r) => r.path.endsWith('/backupprotecteditems'));
    assert.ok(items.length > 0);
    for (const r of items) assert.equal(r.query.$filter, "backupManagementType eq 'AzureWorkload' and itemType eq 'SQLDataBase'");
  });

  it('falls back to per-server database lists when the Resources list is refused, with the same result', async () => {
    const st = h.emulator.control.state();
    h.emulator.control.addFaults('500*100@GET /resources$');
    const { of, events } = await scan({ parts: ['dataSync'] });
    assert.deepEqual(
      events.filter((e) => e.kind === 'failure'),
      [],
    );
    assert.deepEqual(ids(of('syncGroup').map((e) => e.group)), ids(Object.values(st.syncGroups)));
    assert.ok(h.requests.some((r) => /\/servers\/[^/]+\/databases$/i.test(r.path)));
  });

  it('a subscription that fails is reported beside the others, which are still scanned', async () => {
    const st = h.emulator.control.state();
    const dev = st.subscriptions.find((s) => s.displayName === 'Contoso Dev/Test')!.subscriptionId;
    h.emulator.control.addFaults(`500*100@GET /subscriptions/${dev}/providers/Microsoft.Sql/servers$`);
    const { of } = await scan({ parts: ['dataSync'] });
    const failures = of('failure');
    assert.deepEqual(
      failures.map((f) => [f.part, f.scope]),
      [['dataSync', dev]],
    );
    const expected = Object.values(st.syncGroups).filter((g) => !g.id.toLowerCase().startsWith(`/subscriptions/${dev.toLowerCase()}/`));
    assert.ok(expected.length > 0);
    assert.deepEqual(ids(of('syncGroup').map((e) => e.group)), ids(expected));
  });

  it('streams events before it ends and stops with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    const seen: EstateEvent[] = [];
    const run = scanEstate(
      h.conn.arm,
      h.conn.fabric,
      (e) => {
        seen.push(e);
        if (seen.length === 1) controller.abort();
      },
      { signal: controller.signal, parts: ['dataSync'] },
    );
    await assert.rejects(run, (e) => isAbortError(e));
    assert.equal(seen.length >= 1, true);
    assert.ok(seen.length < Object.keys(h.emulator.control.state().syncGroups).length, 'the scan did not run to the end');
  });
});
