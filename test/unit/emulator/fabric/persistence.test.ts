// Fabric state lives in state.json with the rest: a mirrored database created and started before a
// restart is still there afterwards, its clock-driven state machine carrying on; a state saved before
// Fabric existed (no `fabric` key) still loads and gains an empty Fabric estate.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../helpers';
import { definitionOf, fabricIds, mirroringDoc, startFabricEmulator } from './fabricHelpers';

describe('emulator Fabric persistence', function () {
  this.timeout(30_000);

  it('keeps mirrored databases across a restart and goes on advancing them', async () => {
    const first = await startFabricEmulator({ fabric: { startMs: 60_000 } });
    const ids = fabricIds(first);
    const created = await first.f('POST', `/workspaces/${ids.sales}/mirroredDatabases`, {
      displayName: 'survives restarts',
      definition: definitionOf(mirroringDoc(ids.eastConnection, { tables: ['dbo.Orders'] })),
    });
    const item = `/workspaces/${ids.sales}/mirroredDatabases/${created.body.id}`;
    await waitFor(async () => ((await first.f('POST', `${item}/getMirroringStatus`)).body.status === 'Initialized' ? true : undefined));
    assert.equal((await first.f('POST', `${item}/startMirroring`)).status, 200);
    await first.stop(true);

    const second = await startFabricEmulator({ fabric: { startMs: 50 } }, first.dataDir);
    try {
      assert.equal((await second.f('GET', item)).body.displayName, 'survives restarts');
      await waitFor(async () => ((await second.f('POST', `${item}/getMirroringStatus`)).body.status === 'Running' ? true : undefined));
      const rows = (await second.f('POST', `${item}/getTablesMirroringStatus`)).body.data;
      assert.deepEqual(
        rows.map((r) => r.sourceTableName),
        ['Orders'],
      );
    } finally {
      await second.stop();
    }
  });

  it('loads a state saved before Fabric existed', async () => {
    const seeded = await startFabricEmulator();
    await seeded.stop(true);
    const file = path.join(seeded.dataDir, 'state.json');
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete state.fabric;
    fs.writeFileSync(file, JSON.stringify(state));
    const t = await startFabricEmulator({}, seeded.dataDir);
    try {
      const r = await t.f('GET', '/workspaces');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.value, []);
      assert.equal((await t.f('GET', '/connections')).body.value.length, 0);
    } finally {
      await t.stop();
    }
  });
});
