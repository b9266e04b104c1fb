// Creating a mirrored database against the emulator: the exact body (compared with the Learn
// walkthrough's), the validation that refuses a request before anything is sent, a 201 and a 202
// answer both tracked to the item, and the reads the wizard fills its steps from.
import * as assert from 'node:assert/strict';
import { createHttpHeaders, type PipelinePolicy } from '@azure/core-rest-pipeline';
import type { CreateMirroredDatabaseRequest } from '../../../../src/azure/fabric/fabricModels';
import { CreateValidationError, type CreateMirroredDatabaseInput } from '../../../../src/fabric/workflows/createValidation';
import {
  createMirroredDatabase,
  findSourceDatabase,
  listSourceTables,
  listSqlConnections,
  listWorkspaces,
  parseSqlConnectionPath,
  sortConnections,
  waitWhileInitializing,
} from '../../../../src/fabric/workflows/createWorkflows';
import { startFabricHarness, type FabricHarness } from '../fabricHarness';
import { fillSeed, SEED_CREATE_BODY, SEED_RETENTION_TARGET, SEED_SPECIFIED_TABLES, SEED_WHOLE_DATABASE } from './seedWalkthrough';

const decode = (body: CreateMirroredDatabaseRequest): unknown =>
  JSON.parse(Buffer.from(body.definition.parts[0].payload, 'base64').toString('utf8'));

describe('create mirrored database workflow (emulator)', function () {
  this.timeout(30_000);
  let h: FabricHarness;
  let salesWs: string;
  let retailOpsConnection: string;

  before(async () => {
    // Initializing lasts long enough to be seen, short enough to wait out.
    h = await startFabricHarness({ fabric: { initializeMs: 1500 } });
    const ws = await listWorkspaces(h.ctx);
    salesWs = ws.find((w) => w.displayName === 'Sales Analytics')!.id!;
    retailOpsConnection = (await listSqlConnections(h.ctx)).find((c) => c.server === 'fabrikam-bi-sea' && c.database === 'RetailOps')!.id;
  });
  after(async () => {
    await h.stop();
  });

  const input = (o: Partial<CreateMirroredDatabaseInput> = {}): CreateMirroredDatabaseInput => ({
    workspaceId: salesWs,
    displayName: 'Mirrored database 1',
    description: 'A mirrored database description',
    connectionId: retailOpsConnection,
    database: 'RetailOps',
    defaultSchema: 'dbo',
    retentionInDays: '',
    ...o,
  });
  const posts = (from: number) => h.requests.slice(from).filter((r) => r.method === 'POST' && /\/mirroredDatabases$/.test(r.path));
  const rejects = async (p: Promise<unknown>, fields: Record<string, RegExp>) => {
    const e = await p.then(
      () => assert.fail('expected a validation error'),
      (err: unknown) => err,
    );
    assert.ok(e instanceof CreateValidationError, String(e));
    assert.deepEqual(Object.keys(e.fields).sort(), Object.keys(fields).sort(), JSON.stringify(e.fields));
    for (const [f, re] of Object.entries(fields)) assert.match(e.fields[f], re);
  };

  it('sends the walkthrough body for the whole database (201), tracked until the item exists', async () => {
    const from = h.requests.length;
    const { operation } = await createMirroredDatabase(h.ctx, input());
    const item = await operation.result;
    assert.equal(item.displayName, 'Mirrored database 1');
    assert.equal(item.type, 'MirroredDatabase');
    const [post] = posts(from);
    assert.equal(post.path, `/fabric/v1/workspaces/${salesWs}/mirroredDatabases`);
    const body = post.body as CreateMirroredDatabaseRequest;
    // Envelope: the seed's keys and values, the payload aside.
    assert.deepEqual(Object.keys(body).sort(), Object.keys(SEED_CREATE_BODY).sort());
    assert.equal(body.displayName, SEED_CREATE_BODY.displayName);
    assert.equal(body.description, SEED_CREATE_BODY.description);
    assert.deepEqual({ ...body.definition.parts[0], payload: '' }, { ...SEED_CREATE_BODY.definition.parts[0], payload: '' });
    assert.equal(body.definition.parts.length, 1);
    // mirroring.json: the whole-database example with the retention section's retentionInDays (default 7).
    const expected = fillSeed(SEED_WHOLE_DATABASE, { connection: retailOpsConnection, database: 'RetailOps', defaultSchema: 'dbo' });
    expected.properties.target.typeProperties = {
      ...expected.properties.target.typeProperties,
      retentionInDays: 7,
    } as typeof expected.properties.target.typeProperties;
    assert.deepEqual(decode(body), expected);
    assert.deepEqual(Object.keys((decode(body) as typeof expected).properties.target), Object.keys(SEED_RETENTION_TARGET));
    const record = h.tracker.list().history.find((r) => r.id === operation.id);
    assert.equal(record?.title, 'Create mirrored database Mirrored database 1');
    assert.equal(record?.status, 'succeeded');
    assert.ok(h.refreshed.length > 0, 'the Fabric tree is refreshed');
  });

  it('sends mountedTables for chosen tables, with the retention typed', async () => {
    const from = h.requests.length;
    const { operation } = await createMirroredDatabase(
      h.ctx,
      input({ displayName: 'Orders only', tables: [{ schema: 'dbo', table: 'Orders' }], retentionInDays: '1' }),
    );
    await operation.result;
    const body = posts(from)[0].body as CreateMirroredDatabaseRequest;
    const expected = fillSeed(SEED_SPECIFIED_TABLES, {
      connection: retailOpsConnection,
      database: 'RetailOps',
      defaultSchema: 'dbo',
      table: ['dbo', 'Orders'],
    });
    // The retention section's target, its placeholder filled in the same way.
    expected.properties.target = fillSeed(SEED_RETENTION_TARGET, { connection: '', database: '', defaultSchema: 'dbo' });
    assert.deepEqual(decode(body), expected);
  });

  it('waits while a new mirrored database is Initializing, then reports its status', async () => {
    const { operation } = await createMirroredDatabase(h.ctx, input({ displayName: 'Wait for me' }));
    const item = await operation.result;
    const ref = { workspaceId: salesWs, mirroredDatabaseId: item.id! };
    assert.equal((await h.ctx.clients().mirroredDatabases.getMirroringStatus(ref)).status, 'Initializing', 'just created');
    assert.equal(await waitWhileInitializing(h.ctx, { workspaceId: salesWs, itemId: item.id! }), 'Initialized');
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(waitWhileInitializing(h.ctx, { workspaceId: salesWs, itemId: item.id! }, { signal: aborted.signal }), /cancel/i);
  });

  it('refuses bad input field by field before sending anything', async () => {
    const from = h.requests.length;
    await rejects(
      createMirroredDatabase(h.ctx, input({ displayName: '  ', retentionInDays: '31', defaultSchema: '', connectionId: 'nope' })),
      {
        displayName: /Enter a name/,
        retentionInDays: /between 1 and 30/,
        defaultSchema: /default schema/,
        connectionId: /GUID/,
      },
    );
    await rejects(createMirroredDatabase(h.ctx, input({ retentionInDays: '2.5', tables: [], description: 'x'.repeat(257) })), {
      retentionInDays: /whole number/,
      tables: /at least one table/,
      description: /256/,
    });
    await rejects(createMirroredDatabase(h.ctx, input({ retentionInDays: '0' })), { retentionInDays: /between 1 and 30/ });
    assert.equal(h.requests.length, from, 'nothing sent');
  });

  it('refuses a name the workspace already uses (any case), after reading the list only', async () => {
    const from = h.requests.length;
    await rejects(createMirroredDatabase(h.ctx, input({ displayName: 'retailops MIRROR' })), {
      displayName: /already has a mirrored database/,
    });
    assert.deepEqual(posts(from), []);
  });

  it('follows a 202 answer through the operation to the created item', async () => {
    const fabricBase = h.emulator.endpoints.fabric;
    let created: unknown;
    const as202: PipelinePolicy = {
      name: 'answer202',
      async sendRequest(request, next) {
        const url = new URL(request.url);
        if (request.method === 'POST' && url.pathname.endsWith('/mirroredDatabases')) {
          const real = await next(request);
          created = JSON.parse(real.bodyAsText ?? '{}');
          return {
            ...real,
            status: 202,
            bodyAsText: '',
            headers: createHttpHeaders({
              location: `${fabricBase}/operations/op-202`,
              'x-ms-operation-id': 'op-202',
              'retry-after': '0',
            }),
          };
        }
        if (url.pathname.endsWith('/operations/op-202'))
          return {
            request,
            status: 200,
            headers: createHttpHeaders({ 'content-type': 'application/json', location: `${fabricBase}/operations/op-202/result` }),
            bodyAsText: JSON.stringify({ status: 'Succeeded', percentComplete: 100 }),
          };
        if (url.pathname.endsWith('/operations/op-202/result'))
          return {
            request,
            status: 200,
            headers: createHttpHeaders({ 'content-type': 'application/json' }),
            bodyAsText: JSON.stringify(created),
          };
        return next(request);
      },
    };
    const pipeline = h.conn.fabric!.transport.pipeline;
    pipeline.addPolicy(as202);
    try {
      const from = h.requests.length;
      const { operation } = await createMirroredDatabase(h.ctx, input({ displayName: 'Accepted later' }));
      const record = h.tracker.list().running.find((r) => r.id === operation.id);
      assert.equal(record?.status, 'running', 'tracked while the operation runs');
      const item = await operation.result;
      assert.equal(item.displayName, 'Accepted later');
      assert.ok(item.id);
      assert.ok(
        h.requests.slice(from).some((r) => r.path.endsWith('/operations/op-202/result')),
        'the result was fetched after the operation succeeded',
      );
      assert.equal(h.tracker.list().history.find((r) => r.id === operation.id)?.status, 'succeeded');
    } finally {
      pipeline.removePolicy({ name: 'answer202' });
    }
  });

  it('lists SQL connections with server and database from the path, SQL ones first', async () => {
    const list = await listSqlConnections(h.ctx);
    const retail = list.find((c) => c.id === retailOpsConnection)!;
    assert.deepEqual(
      { server: retail.server, database: retail.database, fqdn: retail.serverFqdn, type: retail.type },
      { server: 'fabrikam-bi-sea', database: 'RetailOps', fqdn: 'fabrikam-bi-sea.database.windows.net', type: 'SQL' },
    );
    const sorted = sortConnections([
      { id: '1', displayName: 'A lakehouse', type: 'Lakehouse' },
      { id: '2', displayName: 'Z sql', type: 'SQL', server: 's', database: 'd' },
    ]);
    assert.deepEqual(
      sorted.map((c) => c.id),
      ['2', '1'],
    );
    assert.deepEqual(parseSqlConnectionPath('srv.database.windows.net;My Db'), {
      serverFqdn: 'srv.database.windows.net',
      server: 'srv',
      database: 'My Db',
    });
    assert.equal(parseSqlConnectionPath('https://example.com'), undefined);
  });

  it("reads the source database's tables through ARM, each with its mirrorability", async () => {
    const source = await findSourceDatabase(h.ctx, 'fabrikam-bi-sea', 'RetailOps');
    assert.ok(source);
    assert.equal(source.database.sku?.name, 'S3');
    const from = h.requests.length;
    const tables = await listSourceTables(h.ctx, source.ref);
    // Only ARM's schema APIs: schemas, each schema's tables, then every column in one database-wide list.
    const gets = h.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/^.*\/databases\/RetailOps/, '…')}`);
    assert.deepEqual([...new Set(gets)].sort(), [
      'GET …/columns',
      'GET …/schemas',
      'GET …/schemas/dbo/tables',
      'GET …/schemas/sales/tables',
    ]);
    const by = new Map(tables.map((t) => [`${t.schema}.${t.name}`, t]));
    assert.equal(by.get('dbo.Orders')?.status, 'mirrorable');
    assert.equal(by.get('dbo.SessionCache')?.status, 'notMirrorable');
    assert.match(by.get('dbo.SessionCache')!.reason!, /Memory-optimized/);
    assert.equal(by.get('dbo.PriceListHistory')?.status, 'notMirrorable');
    assert.equal(by.get('dbo.PriceList')?.status, 'mirrorable');
    assert.equal(by.get('sales.Shipments')?.status, 'checkKey');
    assert.match(by.get('sales.Shipments')!.reason!, /ShipKey/);
    assert.deepEqual(
      tables.map((t) => `${t.schema}.${t.name}`),
      [...tables.map((t) => `${t.schema}.${t.name}`)].sort((a, b) => a.localeCompare(b)),
    );
    assert.equal(await findSourceDatabase(h.ctx, 'fabrikam-bi-sea', 'Nope'), undefined);
  });
});
