// StateStore: debounced, serialised, atomic writes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StateStore } from '../../../src/emulator/core/store';
import { emptyState } from '../../../src/emulator/model';

describe('emulator state store', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('coalesces a burst of changes into few writes and ends with the last state', async () => {
    const file = path.join(dir, 'state.json');
    const store = new StateStore(file, emptyState('empty'), 20);
    for (let i = 0; i < 200; i++) {
      store.state.subscriptions.push({ subscriptionId: String(i), displayName: `s${i}`, state: 'Enabled', tenantId: 't' });
      store.changed();
    }
    await new Promise((r) => setTimeout(r, 60));
    await store.flush();
    assert.ok(store.writes >= 1 && store.writes <= 2, `writes: ${store.writes}`);
    assert.equal(StateStore.load(file)!.subscriptions.length, 200);
  });

  it('serialises concurrent flushes; no temp files remain; a change during a write gets its own write', async () => {
    const file = path.join(dir, 'state.json');
    const store = new StateStore(file, emptyState('empty'), 1000);
    store.changed();
    const a = store.flush();
    store.state.seed = 'changed-during-write';
    store.changed();
    await Promise.all([a, store.flush(), store.flush()]);
    assert.equal(StateStore.load(file)!.seed, 'changed-during-write');
    assert.deepEqual(fs.readdirSync(dir), ['state.json']);
  });

  it('moves an unreadable file aside', () => {
    const file = path.join(dir, 'state.json');
    fs.writeFileSync(file, '{"version": 2}');
    const warnings: string[] = [];
    assert.equal(
      StateStore.load(file, (m) => warnings.push(m)),
      undefined,
    );
    assert.match(warnings[0], /unknown state version 2/);
    assert.equal(fs.existsSync(file), false);
  });
});
