// Fabric routes of the emulator: workspaces, role assignments, items, connections, and mirrored database
// create / get / list / update / delete with Fabric's error shapes, including the definition validation.
import assert from 'node:assert/strict';
import { waitFor } from '../helpers';
import { b64, definitionOf, fabricIds, mirroringDoc, startFabricEmulator, type FabricBody, type FabricTestEmulator } from './fabricHelpers';

describe('emulator Fabric routes', function () {
  let t: FabricTestEmulator;
  let ids: ReturnType<typeof fabricIds>;
  before(async () => {
    t = await startFabricEmulator({ pageSize: 2 });
    ids = fabricIds(t);
  });
  after(() => t.stop());

  const assertError = (
    r: { status: number; body: { errorCode: string; message: string; requestId: string } },
    status: number,
    code: string,
  ) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.errorCode, code);
    assert.ok(r.body.message && r.body.requestId);
  };

  async function walk(first: string, field: 'value' | 'data' = 'value', method = 'GET'): Promise<{ items: FabricBody[]; pages: number }> {
    const items: FabricBody[] = [];
    let url: string | undefined = first;
    let pages = 0;
    while (url) {
      const r = await t.f(method, url);
      assert.equal(r.status, 200, r.text);
      items.push(...r.body[field]);
      pages++;
      assert.equal(Boolean(r.body.continuationToken), Boolean(r.body.continuationUri), 'token and uri come together');
      url = r.body.continuationUri;
    }
    return { items, pages };
  }

  it('lists workspaces in pages (continuationUri) and filters by roles', async () => {
    const { items, pages } = await walk('/workspaces');
    assert.equal(items.length, 3);
    assert.equal(pages, 2);
    const sales = items.find((w) => w.id === ids.sales)!;
    assert.equal(sales.displayName, 'Sales Analytics');
    assert.equal(sales.type, 'Workspace');
    assert.ok(sales.capacityId);
    const contributor = await t.f('GET', '/workspaces?roles=Contributor');
    assert.deepEqual(
      contributor.body.value.map((w: { displayName: string }) => w.displayName),
      ['Finance Dev'],
    );
    assert.equal((await t.f('GET', `/workspaces/${ids.hr}`)).body.displayName, 'HR Reporting');
    assertError(await t.f('GET', '/workspaces/00000000-0000-4000-8000-000000000000'), 404, 'WorkspaceNotFound');
  });

  it('follows continuationToken given back as a query parameter', async () => {
    const first = await t.f('GET', '/workspaces');
    const second = await t.f('GET', `/workspaces?continuationToken=${encodeURIComponent(first.body.continuationToken as string)}`);
    assert.equal(second.status, 200);
    assert.equal(second.body.value.length, 1);
    assert.equal(second.body.continuationToken, undefined);
    assertError(await t.f('GET', '/workspaces?continuationToken=garbage'), 400, 'InvalidContinuationToken');
  });

  it('lists SQL connections whose path names a database of the ARM estate', async () => {
    const { items } = await walk('/connections');
    const conns = items as { id: string; connectionDetails: { type: string; path: string }; connectivityType: string }[];
    const st = t.emu.control.state();
    const userDbs = Object.values(st.databases).filter((d) => !d.kind.includes('system') && !d.kind.includes('datawarehouse'));
    assert.equal(conns.length, userDbs.length);
    for (const c of conns) {
      assert.equal(c.connectionDetails.type, 'SQL');
      assert.match(c.connectionDetails.path, /^[a-z0-9-]+\.database\.windows\.net;[A-Za-z]+$/);
      assert.equal(c.connectivityType, 'ShareableCloud');
    }
    assert.ok(conns.some((c) => c.id === ids.salesHubConnection));
  });

  it('adds, lists and deletes workspace role assignments', async () => {
    const before = await walk(`/workspaces/${ids.finance}/roleAssignments`);
    const principal = { id: '11111111-2222-4333-8444-555555555555', type: 'ServicePrincipal' };
    const added = await t.f('POST', `/workspaces/${ids.finance}/roleAssignments`, { principal, role: 'Contributor' });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.body.role, 'Contributor');
    assert.deepEqual(added.body.principal, principal);
    assertError(
      await t.f('POST', `/workspaces/${ids.finance}/roleAssignments`, { principal, role: 'Viewer' }),
      409,
      'PrincipalAlreadyHasWorkspaceRolePermissions',
    );
    assertError(await t.f('POST', `/workspaces/${ids.finance}/roleAssignments`, { principal, role: 'Owner' }), 400, 'InvalidRequest');
    const after = await walk(`/workspaces/${ids.finance}/roleAssignments`);
    assert.equal(after.items.length, before.items.length + 1);
    assert.equal((await t.f('DELETE', `/workspaces/${ids.finance}/roleAssignments/${added.body.id}`)).status, 200);
    assertError(await t.f('GET', `/workspaces/${ids.finance}/roleAssignments/${added.body.id}`), 404, 'WorkspaceRoleAssignmentNotFound');
  });

  it('lists items, optionally by type', async () => {
    const all = await walk(`/workspaces/${ids.sales}/items`);
    assert.equal(all.items.length, 5, 'three generic items and two mirrored databases');
    const mirrored = await walk(`/workspaces/${ids.sales}/items?type=MirroredDatabase`);
    assert.deepEqual(
      (mirrored.items as { displayName: string; type: string }[]).map((i) => [i.type, i.displayName]),
      [
        ['MirroredDatabase', 'RetailOps mirror'],
        ['MirroredDatabase', 'Sales replica (east)'],
      ],
    );
  });

  it('gets and lists mirrored databases with their properties', async () => {
    const r = await t.f('GET', `/workspaces/${ids.sales}/mirroredDatabases/${ids.running}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.type, 'MirroredDatabase');
    assert.equal(r.body.workspaceId, ids.sales);
    assert.equal(r.body.properties.oneLakeTablesPath, `https://onelake.dfs.fabric.microsoft.com/${ids.sales}/${ids.running}/Tables`);
    assert.equal(r.body.properties.sqlEndpointProperties.provisioningStatus, 'Success');
    assert.match(r.body.properties.sqlEndpointProperties.connectionString, /\.datawarehouse\.fabric\.microsoft\.com$/);
    assert.equal(r.body.properties.defaultSchema, 'dbo');
    const stopped = await t.f('GET', `/workspaces/${ids.sales}/mirroredDatabases/${ids.stopped}`);
    assert.equal(stopped.body.properties.defaultSchema, undefined, 'defaultSchema only when set in the definition');
    const list = await walk(`/workspaces/${ids.sales}/mirroredDatabases`);
    assert.equal(list.items.length, 2);
    assertError(await t.f('GET', `/workspaces/${ids.finance}/mirroredDatabases/${ids.running}`), 404, 'ItemNotFound');
  });

  it('creates (201, Initializing), renames, and deletes a mirrored database; then ItemNotFound', async () => {
    const body = {
      displayName: 'Mirror created by test',
      description: 'from the walkthrough',
      definition: definitionOf(
        mirroringDoc(ids.salesHubConnection, { tables: ['dbo.Customers'], defaultSchema: 'dbo', retentionInDays: 3 }),
      ),
    };
    const created = await t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases`, body);
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(Object.keys(created.body).sort(), ['description', 'displayName', 'id', 'type', 'workspaceId']);
    const id = created.body.id;
    const status = await t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases/${id}/getMirroringStatus`);
    assert.equal(status.body.status, 'Initializing');
    assertError(
      await t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases`, { ...body, displayName: 'MIRROR CREATED BY TEST' }),
      409,
      'ItemDisplayNameAlreadyInUse',
    );
    const patched = await t.f('PATCH', `/workspaces/${ids.finance}/mirroredDatabases/${id}`, {
      displayName: 'Renamed mirror',
      description: 'new',
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.displayName, 'Renamed mirror');
    assert.equal(patched.body.description, 'new');
    const long = await t.f('PATCH', `/workspaces/${ids.finance}/mirroredDatabases/${id}`, { description: 'x'.repeat(257) });
    assertError(long, 400, 'InvalidRequest');
    assert.match(long.body.message, /description/);
    assert.equal((await t.f('DELETE', `/workspaces/${ids.finance}/mirroredDatabases/${id}?hardDelete=true`)).status, 200);
    assertError(await t.f('GET', `/workspaces/${ids.finance}/mirroredDatabases/${id}`), 404, 'ItemNotFound');
    assertError(await t.f('DELETE', `/workspaces/${ids.finance}/mirroredDatabases/${id}`), 404, 'ItemNotFound');
  });

  it('updateDefinition?updateMetadata=true takes displayName and description from .platform', async () => {
    const doc = mirroringDoc(ids.salesHubConnection, { tables: ['dbo.Orders'] });
    const created = await t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases`, {
      displayName: 'metadata test',
      definition: definitionOf(doc),
    });
    const item = `/workspaces/${ids.finance}/mirroredDatabases/${created.body.id}`;
    const platform = (displayName: string) => ({
      path: '.platform',
      payload: b64({ metadata: { type: 'MirroredDatabase', displayName, description: 'from .platform' }, config: { version: '2.0' } }),
      payloadType: 'InlineBase64',
    });
    const definition = (name: string) => ({ parts: [...definitionOf(doc).parts, platform(name)] });
    // Without updateMetadata the item keeps its name (1st definition call of the item: 200).
    assert.equal((await t.f('POST', `${item}/updateDefinition`, { definition: definition('ignored name') })).status, 200);
    assert.equal((await t.f('GET', item)).body.displayName, 'metadata test');
    // A name taken by another item is refused at once (it does not count as a definition call).
    const taken = await t.f('POST', `${item}/updateDefinition?updateMetadata=true`, { definition: definition('RetailOps sandbox') });
    assertError(taken, 409, 'ItemDisplayNameAlreadyInUse');
    // The item's 2nd definition call: 202, applied when the operation completes.
    const accepted = await t.f('POST', `${item}/updateDefinition?updateMetadata=true`, { definition: definition('renamed by platform') });
    assert.equal(accepted.status, 202);
    const renamed = await waitFor(async () => {
      const r = await t.f('GET', item);
      return r.body.displayName === 'renamed by platform' ? r : undefined;
    });
    assert.equal(renamed.body.description, 'from .platform');
    const got = await t.f('POST', `${item}/getDefinition`);
    const parts = (got.status === 200 ? got.body : (await t.f('GET', (await waitForOperation(got.headers.location)).headers.location)).body)
      .definition.parts;
    assert.equal(parts.find((p) => p.path === '.platform')?.payload, platform('renamed by platform').payload);
  });

  /** Polls an operation until it succeeded; returns the last state answer (its Location is the result). */
  const waitForOperation = (location: string) =>
    waitFor(async () => {
      const r = await t.f('GET', location);
      return r.body.status === 'Succeeded' ? r : undefined;
    });

  describe('definition validation on create', () => {
    const create = (definition: unknown, displayName = `bad-${Math.random().toString(36).slice(2)}`) =>
      t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases`, { displayName, definition });
    const withDoc = (mutate: (d: ReturnType<typeof mirroringDoc>) => unknown) =>
      create(definitionOf(mutate(mirroringDoc(ids.salesHubConnection))));

    it('needs a definition with a mirroring.json part', async () => {
      const none = await t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases`, { displayName: 'no definition' });
      assertError(none, 400, 'InvalidRequest');
      assert.match(none.body.message, /definition/);
      const platformOnly = await create({ parts: [{ path: '.platform', payload: b64({}), payloadType: 'InlineBase64' }] });
      assertError(platformOnly, 400, 'CorruptedPayload');
      assert.match(platformOnly.body.message, /mirroring\.json/);
    });

    it('refuses payloads that are not InlineBase64 JSON', async () => {
      const notJson = await create({
        parts: [{ path: 'mirroring.json', payload: Buffer.from('{nope').toString('base64'), payloadType: 'InlineBase64' }],
      });
      assertError(notJson, 400, 'CorruptedPayload');
      assertError(
        await create({ parts: [{ path: 'mirroring.json', payload: '***', payloadType: 'InlineBase64' }] }),
        400,
        'CorruptedPayload',
      );
      const wrongType = await create({ parts: [{ path: 'mirroring.json', payload: b64({}), payloadType: 'Url' }] });
      assertError(wrongType, 400, 'InvalidRequest');
      assert.match(wrongType.body.message, /payloadType/);
    });

    const cases: [string, (d: ReturnType<typeof mirroringDoc>) => unknown, RegExp][] = [
      ['unknown source type', (d) => ((d.properties.source.type = 'Excel'), d), /properties\.source\.type/],
      [
        'missing connection',
        (d) => ((d.properties.source.typeProperties = {} as never), d),
        /properties\.source\.typeProperties\.connection/,
      ],
      ['wrong target type', (d) => ((d.properties.target.type = 'Lakehouse'), d), /properties\.target\.type/],
      [
        'format other than Delta',
        (d) => ((d.properties.target.typeProperties.format = 'Parquet'), d),
        /properties\.target\.typeProperties\.format/,
      ],
      ['retention 0', (d) => (((d.properties.target.typeProperties as Record<string, unknown>).retentionInDays = 0), d), /retentionInDays/],
      [
        'retention 31',
        (d) => (((d.properties.target.typeProperties as Record<string, unknown>).retentionInDays = 31), d),
        /retentionInDays/,
      ],
      [
        'retention 1.5',
        (d) => (((d.properties.target.typeProperties as Record<string, unknown>).retentionInDays = 1.5), d),
        /retentionInDays/,
      ],
      ['mountedTables not an array', (d) => ({ properties: { ...d.properties, mountedTables: {} } }), /properties\.mountedTables/],
      [
        'mountedTables entry without tableName',
        (d) => ({ properties: { ...d.properties, mountedTables: [{ source: { typeProperties: { schemaName: 'dbo' } } }] } }),
        /mountedTables\[0\]\.source\.typeProperties\.tableName/,
      ],
      ['no properties', () => ({ source: {} }), /'properties'/],
    ];
    for (const [name, mutate, property] of cases)
      it(`InvalidRequest naming the property: ${name}`, async () => {
        const r = await withDoc(mutate);
        assertError(r, 400, 'InvalidRequest');
        assert.match(r.body.message, property);
      });

    it('accepts retention 1 and 30 and every documented source type shape', async () => {
      for (const days of [1, 30]) {
        const r = await withDoc((d) => (((d.properties.target.typeProperties as Record<string, unknown>).retentionInDays = days), d));
        assert.equal(r.status, 201, r.text);
      }
      const generic = await create(
        definitionOf({
          properties: {
            source: { type: 'GenericMirror' },
            target: { type: 'MountedRelationalDatabase', typeProperties: { format: 'Delta' } },
          },
        }),
      );
      assert.equal(generic.status, 201, generic.text);
    });
  });

  it('answers 429 with Retry-After in Fabric shape when the fault injector fires', async () => {
    t.emu.control.addFaults('429*1@GET /fabric/v1/workspaces$');
    const r = await t.f('GET', '/workspaces');
    assertError(r, 429, 'RequestBlocked');
    assert.equal(r.headers['retry-after'], '1');
    assert.equal((await t.f('GET', '/workspaces')).status, 200);
  });
});
