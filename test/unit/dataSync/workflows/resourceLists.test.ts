// The reads behind pickers and the wizard's choices, against the emulator's demo estate.
import * as assert from 'node:assert/strict';
import {
  listAgents,
  listLinkedDatabases,
  listServers,
  listSubscriptions,
  listSyncGroupsOfServer,
  listSyncMetadataDatabases,
  listUserDatabases,
} from '../../../../src/dataSync/workflows/resourceLists';
import { demoEstate, startWorkflowHarness, type WorkflowHarness } from './workflowHarness';

describe('Data Sync resource lists (emulator)', function () {
  this.timeout(30_000);
  let h: WorkflowHarness;
  let ids: ReturnType<typeof demoEstate>;

  before(async () => {
    h = await startWorkflowHarness();
    ids = demoEstate(h);
  });
  after(async () => {
    await h.stop();
  });

  it('lists subscriptions, servers and user databases (never master)', async () => {
    assert.ok((await listSubscriptions(h.ctx)).some((s) => s.subscriptionId === ids.prod));
    assert.ok((await listServers(h.ctx, ids.prod)).some((s) => s.id === ids.weu));
    const dbs = (await listUserDatabases(h.ctx, ids.weu)).map((d) => d.name).sort();
    assert.deepEqual(dbs, ['SalesArchive', 'SalesHub', 'SyncMetadata']);
  });

  it("lists a server's sync groups, agents and an agent's databases", async () => {
    assert.ok((await listSyncGroupsOfServer(h.ctx, ids.weu)).some((g) => g.id === `${ids.salesHub}/syncGroups/sales-sync`));
    assert.ok((await listAgents(h.ctx, ids.weu)).some((a) => a.id === ids.onlineAgent));
    const linked = await listLinkedDatabases(h.ctx, ids.onlineAgent);
    assert.deepEqual(
      linked.map((d) => `${d.properties?.serverName}/${d.properties?.databaseName}`),
      ['SQLPROD01/SalesOnPrem'],
    );
  });

  it('offers sync metadata databases: those in use in the region first, then the server’s, once each', async () => {
    const withLookup = await listSyncMetadataDatabases(h.ctx, ids.weu);
    const given = await listSyncMetadataDatabases(h.ctx, ids.weu, 'westeurope');
    assert.deepEqual(withLookup, given, 'the region is looked up when not given');
    assert.equal(given[0].id, ids.syncMeta);
    assert.equal(given[0].inUse, true);
    assert.equal(given[0].label, 'contoso-sales-weu/SyncMetadata');
    assert.deepEqual(
      given.slice(1).map((d) => [d.label, d.inUse]),
      [
        ['contoso-sales-weu/SalesHub', false],
        ['contoso-sales-weu/SalesArchive', false],
      ],
    );
  });
});
