// Item workflows against the emulator: all pages of workspaces and mirrored databases, rename and
// description (validated before sending), delete (hardDelete only when asked), the source database.
import * as assert from 'node:assert/strict';
import {
  connectionsOnce,
  deleteItem,
  editDescription,
  getMirroredDatabase,
  isFabricItemValidationError,
  listMirroredDatabases,
  listWorkspaces,
  readSourceDatabase,
  renameItem,
} from '../../../../src/fabric/workflows/itemWorkflows';
import { demoItems, startFabricHarness, type FabricHarness } from '../fabricHarness';

describe('Fabric item workflows (emulator)', function () {
  this.timeout(30_000);
  let h: FabricHarness;

  beforeEach(async () => {
    h = await startFabricHarness({ pageSize: 1, fabric: { startMs: 300, stopMs: 300 } });
  });
  afterEach(async () => {
    await h.stop();
  });

  const sent = (method: string, re: RegExp) => h.requests.filter((r) => r.method === method && re.test(r.url));

  it('lists every page of workspaces and of mirrored databases', async () => {
    const { sales } = demoItems(h);
    const workspaces = await listWorkspaces(h.ctx);
    assert.deepEqual(workspaces.map((w) => w.displayName).sort(), ['Finance Dev', 'HR Reporting', 'Sales Analytics']);
    assert.equal(sent('GET', /\/workspaces(\?|$)/).length, 3, 'one workspace per page');
    const dbs = await listMirroredDatabases(h.ctx, sales);
    assert.deepEqual(dbs.map((d) => d.displayName).sort(), ['RetailOps mirror', 'Sales replica (east)']);
  });

  it('renames and edits the description, refreshing the item', async () => {
    const { stopped } = demoItems(h);
    await renameItem(h.ctx, stopped, 'Sales replica (renamed)');
    await editDescription(h.ctx, stopped, 'East coast copy');
    const read = await getMirroredDatabase(h.ctx, stopped);
    assert.equal(read.displayName, 'Sales replica (renamed)');
    assert.equal(read.description, 'East coast copy');
    assert.deepEqual(h.refreshed, [stopped.itemId, stopped.itemId]);
  });

  it('refuses a description over 256 characters and an empty name without sending anything', async () => {
    const { stopped } = demoItems(h);
    const before = sent('PATCH', /./).length;
    await assert.rejects(editDescription(h.ctx, stopped, 'x'.repeat(257)), (e: unknown) => {
      assert.ok(isFabricItemValidationError(e));
      assert.equal(e.field, 'description');
      assert.match(e.message, /257 characters.*at most 256/);
      return true;
    });
    await assert.rejects(renameItem(h.ctx, stopped, '   '), (e: unknown) => isFabricItemValidationError(e) && e.field === 'displayName');
    assert.equal(sent('PATCH', /./).length, before);
    await editDescription(h.ctx, stopped, 'y'.repeat(256));
    assert.equal((await getMirroredDatabase(h.ctx, stopped)).description, 'y'.repeat(256));
  });

  it('deletes softly by default and with hardDelete=true only when asked', async () => {
    const { stopped, initialized } = demoItems(h);
    await deleteItem(h.ctx, stopped);
    await deleteItem(h.ctx, initialized, { hardDelete: true });
    const deletes = sent('DELETE', /mirroredDatabases/);
    assert.equal(deletes.length, 2);
    assert.doesNotMatch(deletes[0].url, /hardDelete/);
    assert.match(deletes[1].url, /hardDelete=true/);
    await assert.rejects(getMirroredDatabase(h.ctx, stopped), /ItemNotFound|not found/i);
  });

  it('names the source database through the definition and the connection list (read once)', async () => {
    const { running, stopped } = demoItems(h);
    const connections = connectionsOnce(h.ctx);
    const a = await readSourceDatabase(h.ctx, running, connections);
    const b = await readSourceDatabase(h.ctx, stopped, connections);
    assert.equal(a.server, 'fabrikam-bi-sea.database.windows.net');
    assert.equal(a.database, 'RetailOps');
    assert.equal(b.database, 'SalesReplicaEast');
    assert.equal(sent('GET', /\/connections/).length >= 1, true);
    const firstPages = sent('GET', /\/connections(\?|$)/).filter((r) => !/continuation/i.test(r.url));
    assert.equal(firstPages.length, 1, 'the connection list is read once for both');
  });
});
