// The Data Sync → Fabric plan and the create-and-start step against the emulator's demo estate.
import { strict as assert } from 'node:assert';
import { MirroredDatabasesClient } from '../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../src/azure/fabric/workspacesClient';
import { SubscriptionsClient } from '../../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../../src/azure/sql/sqlServersClient';
import { SyncAgentsClient } from '../../../src/azure/sql/syncAgentsClient';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../../src/azure/sql/syncMembersClient';
import type { DataSyncContext } from '../../../src/dataSync/dataSyncContext';
import type { FabricContext } from '../../../src/fabric/fabricContext';
import { createPlannedMirror } from '../../../src/migration/workflows/createMirror';
import { renderChecklistMarkdown, renderPlanMarkdown } from '../../../src/migration/workflows/migrationDocuments';
import { hubOf, planMigration, plannedDefinition, type MigrationPlan } from '../../../src/migration/workflows/migrationPlan';
import { startEmulatorHarness, type EmulatorHarness } from '../helpers/emulatorHarness';

describe('Data Sync → Fabric migration plan (emulator)', function () {
  this.timeout(60_000);
  let h: EmulatorHarness;
  let dataSync: DataSyncContext;
  let fabric: FabricContext;
  let salesSync: string;
  let plan: MigrationPlan;

  before(async () => {
    h = await startEmulatorHarness({
      owner: 'migration-tests',
      fabric: { initializeMs: 200, startMs: 100, stopMs: 100, snapshotMs: 200, operationMs: 100 },
    });
    const arm = h.conn.arm;
    const fabricClient = h.conn.fabric!;
    dataSync = {
      clients: () => ({
        cloud: h.cloud,
        subscriptions: new SubscriptionsClient(arm),
        servers: new SqlServersClient(arm),
        groups: new SyncGroupsClient(arm),
        members: new SyncMembersClient(arm),
        agents: new SyncAgentsClient(arm),
      }),
      operations: h.tracker,
      environmentKey: () => 'LocalEmulator',
      refresh: () => undefined,
    };
    fabric = {
      clients: () => ({
        cloud: h.cloud,
        fabric: fabricClient,
        arm,
        workspaces: new FabricWorkspacesClient(fabricClient),
        mirroredDatabases: new MirroredDatabasesClient(fabricClient),
        subscriptions: new SubscriptionsClient(arm),
        servers: new SqlServersClient(arm),
      }),
      operations: h.tracker,
      environmentKey: () => 'LocalEmulator',
      refresh: () => undefined,
    };
    for (const s of await dataSync.clients().subscriptions.list().toArray()) {
      for (const server of await dataSync
        .clients()
        .servers.listServers(s.subscriptionId ?? '')
        .toArray()) {
        for (const db of await dataSync
          .clients()
          .servers.listDatabases(hubOfServer(server.id ?? ''))
          .toArray()) {
          for (const g of await dataSync
            .clients()
            .groups.list({ ...hubOfServer(server.id ?? ''), database: db.name ?? '' })
            .toArray())
            if (g.name === 'sales-sync') salesSync = g.id ?? '';
        }
      }
    }
    assert.ok(salesSync, 'the demo estate has sales-sync');
    plan = await planMigration(dataSync, fabric, salesSync);
  });
  after(() => h.stop());

  function hubOfServer(serverId: string) {
    const parts = serverId.split('/');
    return { subscriptionId: parts[2], resourceGroup: parts[4], server: parts[8] };
  }

  it('reads the hub from the group id', () => {
    const hub = hubOf(salesSync);
    assert.equal(hub.group, 'sales-sync');
    assert.equal(plan.hub.database, hub.database);
    assert.throws(() => hubOf(plan.hub.subscriptionId ? `/subscriptions/${plan.hub.subscriptionId}` : ''), /Not a sync group id/);
  });

  it('says what happens to each member by its direction', () => {
    const byName = Object.fromEntries(plan.members.map((m) => [m.name, m.fate]));
    assert.deepEqual(byName, { 'replica-east': 'noEquivalent', 'store-backoffice': 'viaHub' });
    assert.match(plan.members.find((m) => m.name === 'replica-east')?.advice ?? '', /both ways/);
  });

  it('mounts exactly the synced tables, each with Fabric’s verdict', () => {
    assert.deepEqual(
      plan.tables.map((t) => `${t.schema}.${t.table}`),
      ['dbo.Customers', 'dbo.OrderLines', 'dbo.Orders', 'dbo.ProductCategories', 'dbo.Products', 'dbo.Stores'],
    );
    assert.ok(
      plan.tables.every((t) => t.verdict),
      'every synced table exists in the hub',
    );
    assert.deepEqual(
      plan.mountedTables.map((t) => `${t.schema}.${t.table}`),
      plan.tables.filter((t) => t.verdict?.status !== 'notMirrorable').map((t) => `${t.schema}.${t.table}`),
    );
  });

  it('finds the Fabric connection that reaches the hub database', () => {
    assert.equal(plan.connections.length, 1);
    assert.equal(plan.connections[0].database?.toLowerCase(), plan.hub.database.toLowerCase());
    assert.equal(plan.connections[0].server?.toLowerCase(), plan.hub.server.toLowerCase());
  });

  it('builds the mirroring.json of the synced tables and renders the plan', () => {
    const doc = plannedDefinition(plan, plan.connections[0].id) as {
      properties: { source: { typeProperties: { connection: string; database: string } }; mountedTables: unknown[] };
    };
    assert.equal(doc.properties.source.typeProperties.connection, plan.connections[0].id);
    assert.equal(doc.properties.source.typeProperties.database, plan.hub.database);
    assert.equal(doc.properties.mountedTables.length, plan.mountedTables.length);
    const text = renderPlanMarkdown(plan, doc);
    assert.match(text, /one-way, read-only/);
    assert.match(text, /replica-east.*no equivalent/);
    assert.match(text, /"mountedTables"/);
  });

  it('creates the mirrored database through the Fabric create flow and starts it', async () => {
    const ws = (await fabric.clients().workspaces.list().toArray())[0];
    const created = await createPlannedMirror(fabric, plan, {
      workspaceId: ws.id ?? '',
      workspaceName: ws.displayName ?? '',
      connectionId: plan.connections[0].id,
      displayName: 'sales hub mirror (test)',
    });
    assert.equal(created.status, 'Running');
    const post = h.requests.find((r) => r.method === 'POST' && r.path.endsWith('/mirroredDatabases'));
    const part = (post?.body as { definition: { parts: Array<{ path: string; payload: string }> } }).definition.parts[0];
    const sent = JSON.parse(Buffer.from(part.payload, 'base64').toString('utf8')) as { properties: { mountedTables: unknown[] } };
    assert.equal(part.path, 'mirroring.json');
    assert.equal(sent.properties.mountedTables.length, plan.mountedTables.length);
    const checklist = renderChecklistMarkdown(plan, {
      workspaceName: ws.displayName ?? '',
      displayName: created.displayName,
      status: created.status,
    });
    assert.match(checklist, /Running/);
    assert.match(checklist, /store-backoffice/);
  });
});
