// The mirroring state machine on the emulator clock (compressed durations, no sleeps standing in for
// conditions): Initializing → Initialized; start only from Initialized / Stopped; Starting → Running with
// every table reseeded (Snapshotting → Replicating, metrics growing); stop → Stopping → Stopped with data
// kept; Failed tables for the documented limitations and for a missing managed identity; updateDefinition
// rules; capacity pause, table failure and reseed through the control API.
import assert from 'node:assert/strict';
import { waitFor } from '../helpers';
import { definitionOf, fabricIds, mirroringDoc, startFabricEmulator, typed, type FabricTestEmulator } from './fabricHelpers';

interface TableRow {
  sourceSchemaName: string;
  sourceTableName: string;
  status: string;
  metrics?: { processedRows: number; processedBytes: number; lastSyncDateTime: string; lastSyncLatencyInSeconds?: number };
  error?: { errorCode: string; message: string };
}

describe('emulator Fabric mirroring state machine', function () {
  let t: FabricTestEmulator;
  let ids: ReturnType<typeof fabricIds>;
  before(async () => {
    t = await startFabricEmulator({ fabric: { definitionLro: 'never' } });
    ids = fabricIds(t);
  });
  after(() => t.stop());

  const item = (ws: string, id: string) => `/workspaces/${ws}/mirroredDatabases/${id}`;
  const status = async (ws: string, id: string) =>
    (await t.f('POST', `${item(ws, id)}/getMirroringStatus`)).body as { status: string; error?: { errorCode: string } };
  const tables = async (ws: string, id: string) => (await t.f('POST', `${item(ws, id)}/getTablesMirroringStatus`)).body.data as TableRow[];
  const waitStatus = (ws: string, id: string, want: string) =>
    waitFor(async () => ((await status(ws, id)).status === want ? true : undefined));
  const table = (rows: TableRow[], name: string) => rows.find((r) => `${r.sourceSchemaName}.${r.sourceTableName}` === name)!;

  it('the seed has a Running database with replicating tables and exactly one Failed table', async () => {
    assert.equal((await status(ids.sales, ids.running)).status, 'Running');
    const rows = await tables(ids.sales, ids.running);
    assert.equal(rows.filter((r) => r.status === 'Failed').length, 1);
    const failed = table(rows, 'dbo.PriceListHistory');
    assert.equal(failed.error?.errorCode, 'TemporalHistoryTableNotSupported');
    assert.ok(rows.filter((r) => r.status === 'Replicating').every((r) => r.metrics && r.metrics.processedRows > 0));
    assert.equal((await status(ids.sales, ids.stopped)).status, 'Stopped');
    assert.equal((await status(ids.finance, ids.initialized)).status, 'Initialized');
    assert.equal((await status(ids.hr, ids.paused)).status, 'Paused');
  });

  it('replication metrics grow while Running', async () => {
    const before = table(await tables(ids.sales, ids.running), 'dbo.Orders').metrics!;
    const after = await waitFor(async () => {
      const m = table(await tables(ids.sales, ids.running), 'dbo.Orders').metrics!;
      return m.processedRows > before.processedRows ? m : undefined;
    }, 5000);
    assert.ok(after.processedBytes > before.processedBytes);
    assert.ok(Date.parse(after.lastSyncDateTime) > Date.parse(before.lastSyncDateTime));
    assert.ok(Number.isInteger(after.lastSyncLatencyInSeconds));
  });

  it('create → Initializing → Initialized; start refused while Initializing; start → Starting → Running, Snapshotting → Replicating', async () => {
    const created = await t.f('POST', `/workspaces/${ids.sales}/mirroredDatabases`, {
      displayName: 'machine test',
      definition: definitionOf(
        mirroringDoc(ids.retailOpsConnection, {
          tables: ['dbo.Customers', 'dbo.Orders', 'dbo.SessionCache', 'sales.Shipments', 'dbo.Missing'],
        }),
      ),
    });
    const id = created.body.id;
    const early = await t.f('POST', `${item(ids.sales, id)}/startMirroring`);
    assert.equal(early.status, 400);
    assert.equal(early.body.errorCode, 'MirroringCannotBeStarted');
    assert.match(early.body.message, /Initializing/);
    await waitStatus(ids.sales, id, 'Initialized');
    assert.ok((await tables(ids.sales, id)).every((r) => r.status === 'Initialized' && r.metrics === undefined));
    assert.equal((await t.f('POST', `${item(ids.sales, id)}/stopMirroring`)).body.errorCode, 'MirroringNotRunning');

    const started = await t.f('POST', `${item(ids.sales, id)}/startMirroring`);
    assert.equal(started.status, 200);
    assert.equal(started.text, '');
    assert.equal((await status(ids.sales, id)).status, 'Starting');
    assert.equal((await t.f('POST', `${item(ids.sales, id)}/startMirroring`)).status, 400, 'no second start while Starting');
    const rows = await tables(ids.sales, id);
    assert.equal(table(rows, 'dbo.Customers').status, 'Snapshotting');
    assert.equal(table(rows, 'dbo.SessionCache').error?.errorCode, 'MemoryOptimizedTableNotSupported');
    assert.equal(table(rows, 'sales.Shipments').error?.errorCode, 'UnsupportedPrimaryKey');
    assert.match(table(rows, 'sales.Shipments').error!.message, /computed column 'ShipKey'/);
    assert.equal(table(rows, 'dbo.Missing').error?.errorCode, 'SourceTableNotFound');
    await waitStatus(ids.sales, id, 'Running');
    const replicating = await waitFor(async () => {
      const r = table(await tables(ids.sales, id), 'dbo.Customers');
      return r.status === 'Replicating' ? r : undefined;
    });
    assert.ok(replicating.metrics!.processedRows > 0);

    // mountedTables may change while Running: the table list follows.
    const more = mirroringDoc(ids.retailOpsConnection, { tables: ['dbo.Customers', 'dbo.Products'] });
    assert.equal((await t.f('POST', `${item(ids.sales, id)}/updateDefinition`, { definition: definitionOf(more) })).status, 200);
    const afterUpdate = await tables(ids.sales, id);
    assert.deepEqual(afterUpdate.map((r) => r.sourceTableName).sort(), ['Customers', 'Products']);
    assert.equal(table(afterUpdate, 'dbo.Customers').status, 'Replicating', 'a kept table keeps its progress');
    assert.equal(table(afterUpdate, 'dbo.Products').status, 'Snapshotting');
    // The source cannot change while Running.
    const moved = await t.f('POST', `${item(ids.sales, id)}/updateDefinition`, {
      definition: definitionOf(mirroringDoc(ids.eastConnection, { tables: ['dbo.Customers'] })),
    });
    assert.equal(moved.status, 400);
    assert.match(moved.body.message, /Initialized or Stopped/);

    // Stop → Stopping → Stopped, data kept; a restart reseeds everything.
    const rowsBeforeStop = table(await tables(ids.sales, id), 'dbo.Customers').metrics!.processedRows;
    assert.equal((await t.f('POST', `${item(ids.sales, id)}/stopMirroring`)).status, 200);
    assert.equal((await status(ids.sales, id)).status, 'Stopping');
    await waitStatus(ids.sales, id, 'Stopped');
    const stopped = await tables(ids.sales, id);
    assert.ok(stopped.every((r) => r.status === 'Stopped'));
    assert.ok(table(stopped, 'dbo.Customers').metrics!.processedRows >= rowsBeforeStop, 'data kept');
    // Stopped: the source may now change.
    assert.equal(
      (
        await t.f('POST', `${item(ids.sales, id)}/updateDefinition`, {
          definition: definitionOf(mirroringDoc(ids.eastConnection, { tables: ['dbo.Customers'] })),
        })
      ).status,
      200,
    );
    assert.equal((await t.f('POST', `${item(ids.sales, id)}/startMirroring`)).status, 200);
    const reseeded = await tables(ids.sales, id);
    assert.equal(table(reseeded, 'dbo.Customers').status, 'Snapshotting');
    assert.equal(table(reseeded, 'dbo.Customers').metrics, undefined, 'a start reseeds: metrics reset');
    await waitStatus(ids.sales, id, 'Running');
  });

  it('without the server identity and its workspace role, every table fails with the reason', async () => {
    // Finance Dev has no role for the RetailOps server's identity.
    assert.equal((await t.f('POST', `${item(ids.finance, ids.initialized)}/startMirroring`)).status, 200);
    await waitStatus(ids.finance, ids.initialized, 'Running');
    assert.equal((await status(ids.finance, ids.initialized)).error?.errorCode, 'SourceManagedIdentityNotAuthorized');
    assert.ok(
      (await tables(ids.finance, ids.initialized)).every(
        (r) => r.status === 'Failed' && r.error?.errorCode === 'SourceManagedIdentityNotAuthorized',
      ),
    );
    // SalesHub's server has no identity at all.
    const created = await t.f('POST', `/workspaces/${ids.sales}/mirroredDatabases`, {
      displayName: 'no identity',
      definition: definitionOf(mirroringDoc(ids.salesHubConnection, { tables: ['dbo.Customers'] })),
    });
    await waitStatus(ids.sales, created.body.id, 'Initialized');
    await t.f('POST', `${item(ids.sales, created.body.id)}/startMirroring`);
    assert.equal((await status(ids.sales, created.body.id)).error?.errorCode, 'SourceManagedIdentityNotEnabled');
    // Enabling the identity (control knob) and granting it a role fixes the next start.
    const server = Object.values(t.emu.control.state().servers).find((s) => s.name === 'contoso-sales-weu')!;
    const set = typed<{ identity: { principalId: string } }>(
      await t.call('POST', '/_emulator/serverIdentity', { body: { serverId: server.id, type: 'SystemAssigned' }, token: null }),
    );
    assert.equal(set.status, 200);
    const principalId = set.body.identity.principalId;
    await t.f('POST', `/workspaces/${ids.sales}/roleAssignments`, {
      principal: { id: principalId, type: 'ServicePrincipal' },
      role: 'Contributor',
    });
    await waitStatus(ids.sales, created.body.id, 'Running');
    await t.f('POST', `${item(ids.sales, created.body.id)}/stopMirroring`);
    await waitStatus(ids.sales, created.body.id, 'Stopped');
    await t.f('POST', `${item(ids.sales, created.body.id)}/startMirroring`);
    assert.equal((await status(ids.sales, created.body.id)).error, undefined);
  });

  it('control API: refuses unknown targets and bad states; the state summary counts the Fabric estate', async () => {
    const control = (path: string, body: unknown) => t.call('POST', `/_emulator/fabric/${path}`, { body, token: null });
    assert.equal((await control('failTable', { mirroredDatabaseId: 'nope', tableName: 'Orders' })).status, 404);
    assert.equal((await control('failTable', { mirroredDatabaseId: ids.running, schemaName: 'dbo', tableName: 'Nope' })).status, 404);
    assert.equal((await control('capacityState', { capacityId: ids.capacityOf(ids.hr), state: 'Sleeping' })).status, 400);
    assert.equal((await control('capacityState', { capacityId: 'nope', state: 'Paused' })).status, 404);
    assert.equal((await t.call('POST', '/_emulator/serverIdentity', { body: { serverId: 'nope' }, token: null })).status, 404);
    const summary = typed<{ counts: { fabricWorkspaces: number; mirroredDatabases: number } }>(
      await t.call('GET', '/_emulator/state?summary=true', { token: null }),
    );
    assert.equal(summary.body.counts.fabricWorkspaces, 3);
    assert.ok(summary.body.counts.mirroredDatabases >= 4);
  });

  it('control API: fail a table, reseed it, pause the capacity', async () => {
    const control = async (path: string, body: unknown) =>
      typed<{ pausedMirroredDatabases: number }>(await t.call('POST', `/_emulator/fabric/${path}`, { body, token: null }));
    const failed = await control('failTable', {
      mirroredDatabaseId: ids.running,
      schemaName: 'dbo',
      tableName: 'Stores',
      errorCode: 'SourceTableDropped',
    });
    assert.equal(failed.status, 200, failed.text);
    let row = table(await tables(ids.sales, ids.running), 'dbo.Stores');
    assert.equal(row.status, 'Failed');
    assert.equal(row.error?.errorCode, 'SourceTableDropped');
    assert.equal((await control('reseedTable', { mirroredDatabaseId: ids.running, schemaName: 'dbo', tableName: 'Stores' })).status, 200);
    row = table(await tables(ids.sales, ids.running), 'dbo.Stores');
    assert.equal(row.status, 'Reseeding');
    await waitFor(async () => (table(await tables(ids.sales, ids.running), 'dbo.Stores').status === 'Replicating' ? true : undefined));
    const paused = await control('capacityState', { capacityId: ids.capacityOf(ids.sales), state: 'Paused' });
    assert.equal(paused.status, 200);
    assert.ok(paused.body.pausedMirroredDatabases >= 1);
    assert.equal((await status(ids.sales, ids.running)).status, 'Paused');
    assert.equal((await t.f('POST', `${item(ids.sales, ids.running)}/startMirroring`)).status, 400, 'start is not allowed from Paused');
    assert.equal((await t.f('POST', `${item(ids.sales, ids.running)}/stopMirroring`)).status, 200);
    await waitStatus(ids.sales, ids.running, 'Stopped');
    const refused = await t.f('POST', `${item(ids.sales, ids.running)}/startMirroring`);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errorCode, 'CapacityNotActive', 'nothing starts on a paused capacity');
    assert.equal((await control('capacityState', { capacityId: ids.capacityOf(ids.sales), state: 'Active' })).status, 200);
    assert.equal((await t.f('POST', `${item(ids.sales, ids.running)}/startMirroring`)).status, 200);
    await waitStatus(ids.sales, ids.running, 'Running');
    assert.equal((await t.f('POST', `${item(ids.sales, ids.running)}/stopMirroring`)).status, 200);
    await waitStatus(ids.sales, ids.running, 'Stopped');
    assert.equal((await control('reseedTable', { mirroredDatabaseId: ids.running, schemaName: 'dbo', tableName: 'Stores' })).status, 400);
  });
});
