// ARM additions Fabric readiness checks rely on: a SQL server's managed identity (GET shows it; PATCH
// enables it as Servers_Update does: 202 + Location polled to the server), the database schema APIs
// answered from the SQL model, and realistic database SKUs. Every answer is checked against the saved
// Servers / DatabaseSchemas / DatabaseTables / DatabaseColumns specs by the harness.
import assert from 'node:assert/strict';
import { startTestEmulator, v, type TestEmulator } from '../helpers';
import { typed } from './fabricHelpers';

interface ArmBody {
  value: ArmBody[];
  nextLink?: string;
  id: string;
  name: string;
  type: string;
  identity?: { type: string; principalId: string; tenantId: string };
  tags?: Record<string, string>;
  error: { code: string; message: string };
  properties: Record<string, unknown>;
  sku: { name: string; tier: string };
}

describe('emulator ARM readiness additions (server identity, schema APIs)', function () {
  let t: TestEmulator;
  let sea: string;
  let weu: string;
  let retailOps: string;
  before(async () => {
    t = await startTestEmulator({ pageSize: 3 });
    const servers = t.emu.control.state().servers;
    sea = Object.values(servers).find((s) => s.name === 'fabrikam-bi-sea')!.id;
    weu = Object.values(servers).find((s) => s.name === 'contoso-sales-weu')!.id;
    retailOps = `${sea}/databases/RetailOps`;
  });
  after(() => t.stop());

  const call = async (method: string, url: string, o?: { body?: unknown; token?: null }) => typed<ArmBody>(await t.call(method, url, o));
  const poll = async (location: string) => typed<ArmBody>(await t.pollLocation(location));

  async function walk(first: string): Promise<{ items: ArmBody[]; pages: number }> {
    const items: ArmBody[] = [];
    let url: string | undefined = first;
    let pages = 0;
    while (url) {
      const r = await call('GET', url);
      assert.equal(r.status, 200, r.text);
      items.push(...r.body.value);
      pages++;
      url = r.body.nextLink;
    }
    return { items, pages };
  }

  it('servers show their identity; PATCH enables it through a long-running operation', async () => {
    const seaBody = (await call('GET', v(sea))).body;
    assert.equal(seaBody.identity?.type, 'SystemAssigned');
    assert.match(seaBody.identity?.principalId, /^[0-9a-f-]{36}$/);
    assert.equal(seaBody.identity?.tenantId, t.emu.tenantId);
    assert.equal((await call('GET', v(weu))).body.identity, undefined);

    const accepted = await call('PATCH', v(weu), { body: { identity: { type: 'SystemAssigned' } } });
    assert.equal(accepted.status, 202);
    assert.match(accepted.headers.location, /\/locations\/westeurope\/serverOperationResults\/[0-9a-f-]+\?api-version=2024-08-01$/);
    assert.match(accepted.headers['azure-asyncoperation'], /serverAzureAsyncOperation/);
    const final = await poll(accepted.headers.location);
    assert.equal(final.status, 200);
    assert.equal(final.body.identity?.type, 'SystemAssigned');
    const principal = final.body.identity?.principalId;
    assert.ok(principal);
    assert.equal((await call('GET', v(weu))).body.identity?.principalId, principal, 'the identity stays');

    const tags = await call('PATCH', v(weu), { body: { tags: { owner: 'data' } } });
    assert.equal(tags.status, 200);
    assert.deepEqual(tags.body.tags, { owner: 'data' });
    const bad = await call('PATCH', v(weu), { body: { identity: { type: 'UserAssigned' } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'MissingIdentityId');
    const off = await call('PATCH', v(weu), { body: { identity: { type: 'None' } } });
    assert.equal((await poll(off.headers.location)).body.identity, undefined);
  });

  it('the control API sets a server identity at once', async () => {
    const r = await call('POST', '/_emulator/serverIdentity', { body: { serverId: weu, type: 'SystemAssigned' }, token: null });
    assert.equal(r.status, 200);
    assert.equal((await call('GET', v(weu))).body.identity?.principalId, r.body.identity?.principalId);
    const none = await call('POST', '/_emulator/serverIdentity', { body: { serverId: weu, type: 'None' }, token: null });
    assert.deepEqual(none.body.identity, { type: 'None' });
    assert.equal((await call('GET', v(weu))).body.identity, undefined);
  });

  it('lists schemas and tables (temporalType, memoryOptimized), paged', async () => {
    const schemas = await walk(v(`${retailOps}/schemas`));
    assert.deepEqual(
      schemas.items.map((s) => s.name),
      ['dbo', 'sales'],
    );
    const tables = await walk(v(`${retailOps}/schemas/dbo/tables`));
    assert.ok(tables.pages > 1, 'paged at 3');
    const byName = new Map(tables.items.map((x) => [x.name, x.properties]));
    assert.equal(byName.get('PriceListHistory')?.temporalType, 'HistoryTable');
    assert.equal(byName.get('PriceList')?.temporalType, 'SystemVersionedTemporalTable');
    assert.equal(byName.get('SessionCache')?.memoryOptimized, true);
    assert.equal(byName.get('Customers')?.temporalType, 'NonTemporalTable');
    const one = await call('GET', v(`${retailOps}/schemas/sales/tables/Shipments`));
    assert.equal(one.body.id, `${retailOps}/schemas/sales/tables/Shipments`);
    assert.equal(one.body.type, 'Microsoft.Sql/servers/databases/schemas/tables');
    const filtered = await call('GET', v(`${retailOps}/schemas/dbo/tables?$filter=${encodeURIComponent("name eq 'Orders'")}`));
    assert.deepEqual(
      filtered.body.value.map((x: { name: string }) => x.name),
      ['Orders'],
    );
    const missing = await call('GET', v(`${retailOps}/schemas/dbo/tables/Nope`));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'InvalidDatabaseTable');
    assert.equal((await call('GET', v(`${retailOps}/schemas/nope`))).body.error.code, 'InvalidDatabaseSchema');
  });

  it('lists columns of a table and of the database with filters and orderBy', async () => {
    const cols = await walk(v(`${retailOps}/schemas/sales/tables/Shipments/columns`));
    assert.deepEqual(
      cols.items.map((c) => [c.name, c.properties.columnType, c.properties.isComputed]),
      [
        ['OrderId', 'bigint', false],
        ['ShipKey', 'varchar', true],
        ['ShippedAt', 'datetime2', false],
      ],
    );
    const one = await call('GET', v(`${retailOps}/schemas/dbo/tables/SessionCache/columns/SessionId`));
    assert.equal(one.body.properties.memoryOptimized, true);
    assert.equal((await call('GET', v(`${retailOps}/schemas/dbo/tables/Orders/columns/Nope`))).body.error.code, 'InvalidDatabaseColumn');

    const byDb = await walk(v(`${retailOps}/columns?table=Orders&table=Stores&orderBy=column%20desc`));
    const names = byDb.items.map((c) => c.name);
    assert.equal(names.length, 5 + 4);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => b.localeCompare(a)),
    );
    assert.ok(byDb.pages > 1);
    const bad = await call('GET', v(`${retailOps}/columns?orderBy=size`));
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'UnsupportedColumnOrderByProperty');
    assert.equal((await call('GET', v(`${retailOps}/columns?orderBy=table%20up`))).body.error.code, 'UnsupportedColumnSortDirection');
    const rowversion = await call('GET', v(`${weu}/databases/SalesHub/columns?table=Inventory&column=RowVer`));
    assert.equal(rowversion.body.value[0].properties.columnType, 'timestamp');
  });

  it('database SKUs include Basic and S0 tiers', async () => {
    const staging = await call('GET', v(`${sea}/databases/Staging`));
    assert.equal(staging.body.sku.name, 'Basic');
    assert.equal(staging.body.sku.tier, 'Basic');
    assert.equal((await call('GET', v(retailOps))).body.sku.name, 'S3');
  });
});
