// Mirroring readiness checks against the emulator's demo estate: each check passing, failing with its
// reason, and its fix applied through the API (the identity through a tracked server PATCH, the role
// through Fabric's role assignments); what no API can see stays "check yourself".
import * as assert from 'node:assert/strict';
import { listSqlConnections, listWorkspaces } from '../../../../src/fabric/workflows/createWorkflows';
import {
  applyReadinessFix,
  checkReadiness,
  readinessInputOf,
  type ReadinessCheck,
  type ReadinessResult,
} from '../../../../src/fabric/workflows/readinessWorkflows';
import { startFabricHarness, type FabricHarness } from '../fabricHarness';

const check = (r: ReadinessResult, id: ReadinessCheck['id']): ReadinessCheck => {
  const c = r.checks.find((x) => x.id === id);
  assert.ok(c, `check ${id} present`);
  return c;
};

describe('mirroring readiness checks (emulator)', function () {
  this.timeout(30_000);
  let h: FabricHarness;
  let sales: string;
  let finance: string;
  let seaServerId: string;

  before(async () => {
    // Initializing lasts long enough to be seen, short enough to wait out.
    h = await startFabricHarness({ fabric: { initializeMs: 1500 } });
    const ws = await listWorkspaces(h.ctx);
    sales = ws.find((w) => w.displayName === 'Sales Analytics')!.id!;
    finance = ws.find((w) => w.displayName === 'Finance Dev')!.id!;
    seaServerId = Object.values(h.emulator.control.state().servers).find((s) => s.name === 'fabrikam-bi-sea')!.id;
  });
  after(async () => {
    await h.stop();
  });

  it('passes identity, role and tier for RetailOps in Sales Analytics; chosen mirrorable tables pass', async () => {
    const r = await checkReadiness(h.ctx, {
      workspaceId: sales,
      server: 'fabrikam-bi-sea',
      database: 'RetailOps',
      tables: [{ schema: 'dbo', table: 'Orders' }],
    });
    assert.equal(check(r, 'serverIdentity').status, 'pass');
    assert.equal(check(r, 'workspaceRole').status, 'pass');
    assert.match(check(r, 'workspaceRole').reason, /Contributor/);
    assert.equal(check(r, 'tier').status, 'pass');
    assert.equal(check(r, 'tables').status, 'pass');
    assert.equal(r.ready, true);
  });

  it('lists what no API can check as "check yourself" with the exact T-SQL or setting, never as passed', async () => {
    const r = await checkReadiness(h.ctx, {
      workspaceId: sales,
      server: 'fabrikam-bi-sea',
      database: 'RetailOps',
      tables: [{ schema: 'dbo', table: 'Orders' }],
    });
    for (const id of ['sqlPermissions', 'changeFeed', 'keyColumns', 'tenantSettings'] as const) {
      const c = check(r, id);
      assert.equal(c.status, 'manual', id);
      assert.ok(c.instructions, id);
      assert.equal(c.fix, undefined);
    }
    assert.match(check(r, 'sqlPermissions').instructions!, /fn_my_permissions[\s\S]*ALTER ANY EXTERNAL MIRROR/);
    assert.match(check(r, 'changeFeed').instructions!, /is_cdc_enabled/);
    assert.match(check(r, 'keyColumns').reason, /datetime2\(7\)/);
    assert.match(check(r, 'keyColumns').instructions!, /sys\.index_columns[\s\S]*WHERE k\.unsupported IS NOT NULL/);
    assert.match(check(r, 'tenantSettings').instructions!, /OneLake with apps external to Fabric/);
  });

  it('fails the tables that cannot be mirrored, with why, and asks for a key check where ARM shows no keys', async () => {
    const whole = await checkReadiness(h.ctx, { workspaceId: sales, server: 'fabrikam-bi-sea', database: 'RetailOps' });
    const t = check(whole, 'tables');
    assert.equal(t.status, 'fail');
    assert.equal(whole.ready, false);
    const named = new Map((t.tables ?? []).map((v) => [`${v.schema}.${v.name}`, v]));
    assert.equal(named.get('dbo.SessionCache')?.status, 'notMirrorable');
    assert.equal(named.get('dbo.PriceListHistory')?.status, 'notMirrorable');
    assert.equal(named.get('sales.Shipments')?.status, 'checkKey');
    assert.match(t.instructions ?? '', /OBJECT_ID\(N'\[sales\]\.\[Shipments\]'\)/);
    assert.ok(!named.has('dbo.Orders'));

    const keyOnly = await checkReadiness(h.ctx, {
      workspaceId: sales,
      server: 'fabrikam-bi-sea',
      database: 'RetailOps',
      tables: [{ schema: 'sales', table: 'Shipments' }],
    });
    assert.equal(check(keyOnly, 'tables').status, 'manual', 'not claimed as passed nor as failed');
    const missing = await checkReadiness(h.ctx, {
      workspaceId: sales,
      server: 'fabrikam-bi-sea',
      database: 'RetailOps',
      tables: [{ schema: 'dbo', table: 'Gone' }],
    });
    assert.match(check(missing, 'tables').reason, /do not exist \(dbo\.Gone\)/);
    const none = await checkReadiness(h.ctx, { workspaceId: sales, server: 'fabrikam-bi-sea', database: 'RetailOps', tables: [] });
    assert.equal(check(none, 'tables').status, 'fail');
    assert.match(check(none, 'tables').reason, /No table is chosen/);
  });

  it('fails a Basic database on the tier check', async () => {
    const r = await checkReadiness(h.ctx, { workspaceId: sales, server: 'fabrikam-bi-sea', database: 'Staging' });
    assert.equal(check(r, 'tier').status, 'fail');
    assert.match(check(r, 'tier').reason, /Basic is not supported/);
  });

  it('fails the role check in a workspace where the identity has no role; the fix adds Contributor', async () => {
    const input = { workspaceId: finance, server: 'fabrikam-bi-sea', database: 'RetailOps', tables: [{ schema: 'dbo', table: 'Orders' }] };
    const before = await checkReadiness(h.ctx, input);
    const role = check(before, 'workspaceRole');
    assert.equal(role.status, 'fail');
    assert.match(role.reason, /no role in the workspace/);
    assert.ok(role.fix);
    assert.equal(role.fix.action.kind, 'grantWorkspaceRole');
    const from = h.requests.length;
    const outcome = await applyReadinessFix(h.ctx, role.fix.action);
    assert.equal(outcome.kind, 'grantWorkspaceRole');
    const post = h.requests.slice(from).find((r) => r.method === 'POST');
    assert.equal(post?.path, `/fabric/v1/workspaces/${finance}/roleAssignments`);
    const identity = check(before, 'serverIdentity').reason.match(/principal ([0-9a-f-]+)/)![1];
    assert.deepEqual(post?.body, { principal: { id: identity, type: 'ServicePrincipal' }, role: 'Contributor' });
    assert.equal(check(await checkReadiness(h.ctx, input), 'workspaceRole').status, 'pass');
  });

  it('fails the identity check when the server identity is off; the fix PATCHes the server, tracked', async () => {
    await h.control('/_emulator/serverIdentity', { serverId: seaServerId, type: 'None' });
    const input = { workspaceId: sales, server: 'fabrikam-bi-sea', database: 'RetailOps', tables: [{ schema: 'dbo', table: 'Orders' }] };
    const before = await checkReadiness(h.ctx, input);
    const identity = check(before, 'serverIdentity');
    assert.equal(identity.status, 'fail');
    assert.match(identity.reason, /off/);
    assert.equal(check(before, 'workspaceRole').status, 'fail', 'no identity, so no role to check');
    assert.equal(check(before, 'workspaceRole').fix, undefined);
    assert.ok(identity.fix);
    const from = h.requests.length;
    const outcome = await applyReadinessFix(h.ctx, identity.fix.action);
    assert.equal(outcome.kind, 'enableServerIdentity');
    if (outcome.kind !== 'enableServerIdentity') return;
    const server = await outcome.operation.result;
    assert.equal((server.identity as { type?: string }).type, 'SystemAssigned');
    const patch = h.requests.slice(from).find((r) => r.method === 'PATCH');
    assert.equal(patch?.path.toLowerCase(), seaServerId.toLowerCase());
    assert.deepEqual(patch?.body, { identity: { type: 'SystemAssigned' } });
    const record = h.tracker.list().history.find((r) => r.id === outcome.operation.id);
    assert.equal(record?.status, 'succeeded');
    assert.equal(record?.title, 'Enable the managed identity of fabrikam-bi-sea');
    const after = await checkReadiness(h.ctx, input);
    assert.equal(check(after, 'serverIdentity').status, 'pass');
    assert.equal(check(after, 'workspaceRole').status, 'pass', 'the same principal comes back, with its role');
  });

  it('reads an existing mirrored database: its connection, database and mounted tables', async () => {
    const item = (await h.ctx.clients().mirroredDatabases.list(sales).toArray()).find((d) => d.displayName === 'RetailOps mirror')!;
    const input = await readinessInputOf(h.ctx, { workspaceId: sales, itemId: item.id! });
    assert.equal(input.server, 'fabrikam-bi-sea');
    assert.equal(input.database, 'RetailOps');
    assert.equal(input.tables?.length, 8);
    const r = await checkReadiness(h.ctx, input);
    assert.equal(check(r, 'tables').status, 'fail');
    // Stores has a geography column: fine unless it is in the key, which ARM cannot show.
    assert.deepEqual(
      check(r, 'tables').tables?.map((t) => [t.name, t.status]),
      [
        ['PriceListHistory', 'notMirrorable'],
        ['Stores', 'checkKey'],
      ],
    );
  });

  it('says so when the source database cannot be found, and checks nothing it cannot reach', async () => {
    const conn = (await listSqlConnections(h.ctx))[0];
    const r = await checkReadiness(h.ctx, { workspaceId: sales, server: conn.server ?? 'x', database: 'NoSuchDb' });
    assert.equal(check(r, 'source').status, 'fail');
    assert.equal(
      r.checks.find((c) => c.id === 'serverIdentity'),
      undefined,
    );
    assert.equal(r.ready, false);
  });
});
