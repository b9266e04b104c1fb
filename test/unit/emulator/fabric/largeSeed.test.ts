// The large seed's Fabric estate: a workspace with 300 items (paged through continuationUri) and a Running
// mirrored database over 1,200 tables, read through the client's pager.
import assert from 'node:assert/strict';
import { startFabricEmulator, type FabricBody, type FabricTestEmulator } from './fabricHelpers';

describe('emulator Fabric large seed', function () {
  this.timeout(60_000);
  let t: FabricTestEmulator;
  let workspaceId: string;
  let mirroredId: string;
  before(async () => {
    t = await startFabricEmulator({ seed: 'large', pageSize: 100 });
    const fabric = t.emu.control.state().fabric!;
    workspaceId = Object.values(fabric.workspaces).find((w) => w.displayName === 'Large Workspace')!.id;
    mirroredId = Object.values(fabric.mirroredDatabases).find((m) => m.displayName === 'wide mirror')!.id;
  });
  after(() => t.stop());

  async function walk(first: string, method: string, field: 'value' | 'data'): Promise<{ items: FabricBody[]; pages: number }> {
    const items: FabricBody[] = [];
    let pages = 0;
    for (let url: string | undefined = first; url; pages++) {
      const r = await t.f(method, url);
      assert.equal(r.status, 200, r.text);
      items.push(...r.body[field]);
      url = r.body.continuationUri;
    }
    return { items, pages };
  }

  it('lists 300 items in 3 pages without duplicates', async () => {
    const { items, pages } = await walk(`/workspaces/${workspaceId}/items`, 'GET', 'value');
    assert.equal(items.length, 300);
    assert.equal(pages, 3);
    assert.equal(new Set(items.map((i) => i.id)).size, 300);
    assert.equal(items.filter((i) => i.type === 'MirroredDatabase').length, 1);
  });

  it('pages 1,200 table statuses of the mirrored database', async () => {
    const { items, pages } = await walk(
      `/workspaces/${workspaceId}/mirroredDatabases/${mirroredId}/getTablesMirroringStatus`,
      'POST',
      'data',
    );
    assert.equal(items.length, 1200);
    assert.equal(pages, 12);
    assert.equal(new Set(items.map((i) => `${i.sourceSchemaName}.${i.sourceTableName}`)).size, 1200);
    assert.ok(items.every((i) => i.status === 'Replicating'));
  });
});
