// Contract tests for the Fabric module: every route is covered by a saved spec operation, the checker
// rejects what the schemas forbid, and one answer of every operation — successes, 202s, operation states and results, and errors
// in every status — validates (fabricHelpers checks each answer; these calls reach each shape on purpose).
import assert from 'node:assert/strict';
import { waitFor } from '../helpers';
import { checkFabricResponse, isSpecified } from './fabricSpecSchemas';
import { definitionOf, fabricIds, mirroringDoc, startFabricEmulator, type FabricTestEmulator } from './fabricHelpers';

describe('emulator Fabric contract (answers match the Fabric OpenAPI schemas)', function () {
  let t: FabricTestEmulator;
  let ids: ReturnType<typeof fabricIds>;
  before(async () => {
    t = await startFabricEmulator({ pageSize: 2 });
    ids = fabricIds(t);
  });
  after(() => t.stop());

  it('every Fabric route the emulator serves has a spec operation', () => {
    const W = '/fabric/v1/workspaces/00000000-0000-4000-8000-000000000001';
    const M = `${W}/mirroredDatabases/00000000-0000-4000-8000-000000000002`;
    const routes: [string, string][] = [
      ['GET', '/fabric/v1/workspaces'],
      ['GET', W],
      ['GET', `${W}/roleAssignments`],
      ['POST', `${W}/roleAssignments`],
      ['GET', `${W}/roleAssignments/x`],
      ['DELETE', `${W}/roleAssignments/x`],
      ['GET', `${W}/items`],
      ['GET', `${W}/mirroredDatabases`],
      ['POST', `${W}/mirroredDatabases`],
      ['GET', M],
      ['PATCH', M],
      ['DELETE', M],
      ['POST', `${M}/getDefinition`],
      ['POST', `${M}/updateDefinition`],
      ['POST', `${M}/startMirroring`],
      ['POST', `${M}/stopMirroring`],
      ['POST', `${M}/getMirroringStatus`],
      ['POST', `${M}/getTablesMirroringStatus`],
      ['GET', '/fabric/v1/operations/x'],
      ['GET', '/fabric/operations/x'],
      ['GET', '/fabric/v1/operations/x/result'],
      ['GET', '/fabric/v1/connections'],
    ];
    for (const [method, p] of routes) assert.ok(isSpecified(method, p), `${method} ${p}`);
  });

  it('the checker rejects bodies the schemas forbid', () => {
    assert.match(
      checkFabricResponse('GET', '/fabric/v1/workspaces', 200, { value: [{ id: 'not-a-guid', displayName: 'x' }] })!,
      /description|uuid/,
    );
    assert.ok(checkFabricResponse('POST', '/fabric/v1/workspaces/w/mirroredDatabases/m/getMirroringStatus', 200, {}));
    assert.ok(
      checkFabricResponse('POST', '/fabric/v1/workspaces/w/mirroredDatabases/m/getTablesMirroringStatus', 200, {
        data: [{ sourceObjectType: 'Table', status: 'Replicating', metrics: { processedRows: 1 } }],
      }),
    );
    assert.ok(checkFabricResponse('GET', '/fabric/v1/workspaces/w', 404, { message: 'no code' }));
    const sql = {
      id: '6952a7b2-aea3-414f-9d85-6c0fe5d34539',
      connectivityType: 'ShareableCloud',
      connectionDetails: { type: 'SQL', path: 's;d' },
    };
    assert.equal(checkFabricResponse('GET', '/fabric/v1/connections', 200, { value: [sql] }), undefined);
    assert.match(
      checkFabricResponse('GET', '/fabric/v1/connections', 200, { value: [{ ...sql, connectionDetails: { type: 'SQL' } }] })!,
      /path/,
    );
    assert.match(checkFabricResponse('GET', '/fabric/v1/connections', 200, { value: [{ ...sql, id: 'conn-1' }] })!, /uuid/);
    assert.match(checkFabricResponse('GET', '/fabric/v1/connections', 200, { value: [sql], continuationUri: 7 })!, /continuationUri/);
    assert.ok(checkFabricResponse('GET', '/fabric/v1/connections', 200, { connections: [sql] }));
    assert.equal(checkFabricResponse('GET', '/fabric/v1/workspaces/w', 404, { errorCode: 'WorkspaceNotFound', message: 'm' }), undefined);
  });

  it('workspaces, role assignments and items', async () => {
    assert.equal((await t.f('GET', '/workspaces')).status, 200);
    assert.equal((await t.f('GET', `/workspaces/${ids.sales}`)).status, 200);
    assert.equal((await t.f('GET', `/workspaces/${ids.sales}/roleAssignments`)).status, 200);
    const added = await t.f('POST', `/workspaces/${ids.sales}/roleAssignments`, {
      principal: { id: '22222222-3333-4444-8555-666666666666', type: 'Group' },
      role: 'Viewer',
    });
    assert.equal(added.status, 201);
    assert.equal((await t.f('GET', `/workspaces/${ids.sales}/roleAssignments/${added.body.id}`)).status, 200);
    assert.equal((await t.f('DELETE', `/workspaces/${ids.sales}/roleAssignments/${added.body.id}`)).status, 200);
    assert.equal((await t.f('GET', `/workspaces/${ids.sales}/items`)).status, 200);
  });

  it('mirrored databases through every operation, with 200 and 202 definition answers', async () => {
    const created = await t.f('POST', `/workspaces/${ids.sales}/mirroredDatabases`, {
      displayName: 'contract mirror',
      definition: definitionOf(mirroringDoc(ids.eastConnection, { tables: ['dbo.Customers', 'dbo.Nope'], defaultSchema: 'dbo' })),
    });
    assert.equal(created.status, 201);
    const item = `/workspaces/${ids.sales}/mirroredDatabases/${created.body.id}`;
    assert.equal((await t.f('GET', `/workspaces/${ids.sales}/mirroredDatabases`)).status, 200);
    assert.equal((await t.f('GET', item)).status, 200);
    assert.equal((await t.f('PATCH', item, { description: 'contract' })).status, 200);
    assert.equal((await t.f('POST', `${item}/getDefinition`)).status, 200);
    const accepted = await t.f('POST', `${item}/getDefinition`);
    assert.equal(accepted.status, 202);
    assert.equal(accepted.headers['x-ms-operation-id'], accepted.headers.location.split('/').pop());
    const state = await t.f('GET', accepted.headers.location);
    assert.equal(state.status, 200);
    assert.ok(['Running', 'Succeeded'].includes(state.body.status));
    const done = await waitFor(async () => {
      const s = await t.f('GET', accepted.headers.location);
      return s.body.status === 'Succeeded' ? s : undefined;
    });
    assert.match(done.headers.location, /\/fabric\/v1\/operations\/[0-9a-f-]+\/result$/);
    const result = await t.f('GET', done.headers.location);
    assert.equal(result.status, 200);
    assert.equal(result.body.definition.parts[0].path, 'mirroring.json');
    assert.equal(
      (await t.f('POST', `${item}/updateDefinition`, { definition: definitionOf(mirroringDoc(ids.eastConnection)) })).status,
      200,
    );
    const update202 = await t.f('POST', `${item}/updateDefinition`, { definition: definitionOf(mirroringDoc(ids.eastConnection)) });
    assert.equal(update202.status, 202);
    await waitFor(async () => ((await t.f('GET', update202.headers.location)).body.status === 'Succeeded' ? true : undefined));
    const noResult = await t.f('GET', `${update202.headers.location}/result`);
    assert.equal(noResult.status, 400);
    assert.equal(noResult.body.errorCode, 'OperationHasNoResult');

    await waitFor(async () => ((await t.f('POST', `${item}/getMirroringStatus`)).body.status === 'Initialized' ? true : undefined));
    assert.equal((await t.f('POST', `${item}/startMirroring`)).status, 200);
    await waitFor(async () => ((await t.f('POST', `${item}/getMirroringStatus`)).body.status === 'Running' ? true : undefined));
    const rows = await waitFor(async () => {
      const r = await t.f('POST', `${item}/getTablesMirroringStatus`);
      return r.body.data.some((x: { status: string }) => x.status === 'Replicating') ? r : undefined;
    });
    assert.ok(rows.body.data.length > 0);
    assert.equal((await t.f('POST', `${item}/stopMirroring`)).status, 200);
    assert.equal((await t.f('DELETE', `${item}?hardDelete=false`)).status, 200);
  });

  it('status with an error, table rows with errors and metrics, paged', async () => {
    const running = `/workspaces/${ids.sales}/mirroredDatabases/${ids.running}`;
    const page1 = await t.f('POST', `${running}/getTablesMirroringStatus`);
    assert.ok(page1.body.continuationUri);
    let failed = false;
    for (let url: string | undefined = page1.body.continuationUri; url;) {
      const r = await t.f('POST', url);
      failed ||= r.body.data.some((x: { status: string; error?: unknown }) => x.status === 'Failed' && x.error);
      url = r.body.continuationUri;
    }
    assert.ok(failed || page1.body.data.some((x: { status: string }) => x.status === 'Failed'));
    await t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases/${ids.initialized}/startMirroring`);
    const withError = await t.f('POST', `/workspaces/${ids.finance}/mirroredDatabases/${ids.initialized}/getMirroringStatus`);
    assert.equal(withError.body.error?.errorCode, 'SourceManagedIdentityNotAuthorized');
  });

  it('GET /connections: every page matches ListConnectionsResponse, and the pages together list each connection once', async () => {
    const seen: string[] = [];
    let pages = 0;
    for (let url: string | undefined = '/connections'; url; pages++) {
      const r = await t.f('GET', url);
      assert.equal(r.status, 200);
      assert.ok(r.body.value.length <= 2, 'pageSize 2');
      seen.push(...r.body.value.map((c: { id: string }) => c.id));
      assert.equal(Boolean(r.body.continuationUri), Boolean(r.body.continuationToken), 'token and URI come together');
      url = r.body.continuationUri;
    }
    const databases = t.emu.control.state().databases;
    const listed = Object.values(t.emu.control.state().fabric!.connections).filter((c) => databases[c.databaseId.toLowerCase()]);
    assert.ok(pages > 1, 'more than one page');
    assert.equal(new Set(seen).size, seen.length, 'no connection twice');
    assert.deepEqual([...seen].sort(), listed.map((c) => c.id).sort());
    assert.equal((await t.f('GET', '/connections?continuationToken=not-a-token')).status, 400);
  });

  it('GET /connections paged by token only (no continuationUri) still matches the schema', async () => {
    const tokenOnly = await startFabricEmulator({ pageSize: 3, fabric: { continuation: 'token' } });
    try {
      let pages = 0;
      for (let token: string | undefined = ''; token !== undefined; pages++) {
        const r = await tokenOnly.f('GET', `/connections${token ? `?continuationToken=${encodeURIComponent(token)}` : ''}`);
        assert.equal(r.body.continuationUri, undefined);
        token = r.body.continuationToken;
      }
      assert.ok(pages > 1);
    } finally {
      await tokenOnly.stop();
    }
  });

  it('errors of every status validate against the ErrorResponse schemas', async () => {
    assert.equal((await t.f('GET', '/workspaces/00000000-0000-4000-8000-000000000009')).status, 404);
    assert.equal((await t.f('POST', `/workspaces/${ids.sales}/mirroredDatabases`, { displayName: 'x', definition: {} })).status, 400);
    const dup = await t.f('POST', `/workspaces/${ids.sales}/mirroredDatabases`, {
      displayName: 'RetailOps mirror',
      definition: definitionOf(mirroringDoc(ids.eastConnection)),
    });
    assert.equal(dup.status, 409);
    assert.equal((await t.f('GET', '/operations/00000000-0000-4000-8000-000000000009')).status, 404);
    t.emu.control.addFaults('429*1@/getMirroringStatus$');
    const throttled = await t.f('POST', `/workspaces/${ids.sales}/mirroredDatabases/${ids.running}/getMirroringStatus`);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '1');
  });
});
