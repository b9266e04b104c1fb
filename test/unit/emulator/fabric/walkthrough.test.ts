// The Learn "Fabric mirroring public REST API" walkthrough, request by request and in its order, with
// the page's own bodies: create (whole database), delete, get, getDefinition, list, update,
// updateDefinition (selected tables, then retention), getMirroringStatus, startMirroring,
// getTablesMirroringStatus, stopMirroring. Each answer has the documented status and shape.
import assert from 'node:assert/strict';
import { waitFor } from '../helpers';
import { b64, decodeMirroring, fabricIds, startFabricEmulator, type FabricTestEmulator } from './fabricHelpers';

describe('the Learn Fabric mirroring REST walkthrough against the emulator', function () {
  let t: FabricTestEmulator;
  let ids: ReturnType<typeof fabricIds>;
  before(async () => {
    // The page shows 200s for the definition calls; the 202 path is covered elsewhere.
    t = await startFabricEmulator({ fabric: { definitionLro: 'never' } });
    ids = fabricIds(t);
  });
  after(() => t.stop());

  const wholeDatabase = () => ({
    properties: {
      source: { type: 'AzureSqlDatabase', typeProperties: { connection: ids.eastConnection, database: 'SalesReplicaEast' } },
      target: { type: 'MountedRelationalDatabase', typeProperties: { defaultSchema: 'dbo', format: 'Delta' } },
    },
  });
  const parts = (doc: unknown) => ({ parts: [{ path: 'mirroring.json', payload: b64(doc), payloadType: 'InlineBase64' }] });

  it('runs every documented request in order', async () => {
    const W = `/workspaces/${ids.sales}/mirroredDatabases`;
    const body = { displayName: 'Mirrored database 1', description: 'A mirrored database description', definition: parts(wholeDatabase()) };

    // Create, then delete (200, no body), then create again to go on.
    const throwaway = await t.f('POST', W, body);
    assert.equal(throwaway.status, 201);
    const deleted = await t.f('DELETE', `${W}/${throwaway.body.id}`);
    assert.equal(deleted.status, 200);
    assert.equal(deleted.text, '');
    const created = await t.f('POST', W, body);
    assert.equal(created.status, 201);
    assert.deepEqual(
      { ...created.body, id: undefined },
      {
        id: undefined,
        type: 'MirroredDatabase',
        displayName: 'Mirrored database 1',
        description: 'A mirrored database description',
        workspaceId: ids.sales,
      },
    );
    const item = `${W}/${created.body.id}`;

    const got = await t.f('GET', item);
    assert.equal(got.status, 200);
    assert.equal(got.body.properties.oneLakeTablesPath, `https://onelake.dfs.fabric.microsoft.com/${ids.sales}/${created.body.id}/Tables`);
    assert.equal(got.body.properties.defaultSchema, 'dbo');
    assert.ok(got.body.properties.sqlEndpointProperties.id);

    const definition = await t.f('POST', `${item}/getDefinition`);
    assert.equal(definition.status, 200);
    assert.deepEqual(decodeMirroring(definition.body.definition), wholeDatabase());

    const list = await t.f('GET', W);
    assert.ok(list.body.value.some((d) => d.id === created.body.id && d.properties.oneLakeTablesPath));

    const updated = await t.f('PATCH', item, {
      displayName: "MirroredDatabase's New name",
      description: 'A new description for mirrored database.',
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.displayName, "MirroredDatabase's New name");

    const selected = {
      properties: {
        ...wholeDatabase().properties,
        mountedTables: [{ source: { typeProperties: { schemaName: 'dbo', tableName: 'Customers' } } }],
      },
    };
    const update = await t.f('POST', `${item}/updateDefinition`, { definition: parts(selected) });
    assert.equal(update.status, 200);
    assert.equal(update.text, '');
    const retention = structuredClone(selected) as typeof selected & {
      properties: { target: { typeProperties: { retentionInDays?: number } } };
    };
    retention.properties.target.typeProperties.retentionInDays = 1;
    assert.equal((await t.f('POST', `${item}/updateDefinition`, { definition: parts(retention) })).status, 200);

    await waitFor(async () => ((await t.f('POST', `${item}/getMirroringStatus`)).body.status === 'Initialized' ? true : undefined));
    const start = await t.f('POST', `${item}/startMirroring`);
    assert.equal(start.status, 200);
    assert.equal(start.text, '');
    await waitFor(async () => ((await t.f('POST', `${item}/getMirroringStatus`)).body.status === 'Running' ? true : undefined));
    const rows = await waitFor(async () => {
      const r = await t.f('POST', `${item}/getTablesMirroringStatus`);
      return r.body.data[0]?.status === 'Replicating' ? r.body.data : undefined;
    });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].sourceSchemaName, 'dbo');
    assert.equal(rows[0].sourceTableName, 'Customers');
    assert.ok(rows[0].metrics && rows[0].metrics.processedRows > 0 && rows[0].metrics.processedBytes > 0);
    assert.match(rows[0].metrics.lastSyncDateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

    const stop = await t.f('POST', `${item}/stopMirroring`);
    assert.equal(stop.status, 200);
    assert.equal(stop.text, '');
    await waitFor(async () => ((await t.f('POST', `${item}/getMirroringStatus`)).body.status === 'Stopped' ? true : undefined));
  });
});
