import * as assert from 'node:assert/strict';
import { ExpansionMemory, type ExpansionStore } from '../../../src/ui/tree/expansionMemory';

/** A store that keeps what was written, as globalState does across a reload. */
function memoryStore(): ExpansionStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(key: string) => data.get(key) as T | undefined,
    update: (key: string, value: unknown) => {
      data.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    },
  };
}

describe('ExpansionMemory: expanded tree nodes survive a reload', () => {
  it('a new memory over the same store (the next window) knows what was expanded and collapsed', async () => {
    const store = memoryStore();
    const first = new ExpansionMemory(store, 'k');
    await first.set('subscription:a', true);
    await first.set('server:b', true);
    await first.set('server:b', false);
    const next = new ExpansionMemory(store, 'k');
    assert.equal(next.isExpanded('subscription:a'), true);
    assert.equal(next.isExpanded('server:b'), false);
    assert.equal(next.isExpanded('never-seen'), false);
  });

  it('keeps only the most recently expanded nodes', async () => {
    const store = memoryStore();
    const memory = new ExpansionMemory(store, 'k', 3);
    for (const id of ['a', 'b', 'c', 'd']) await memory.set(id, true);
    await memory.set('b', true); // expanded again: now the newest
    await memory.set('e', true);
    const next = new ExpansionMemory(store, 'k', 3);
    assert.deepEqual(
      ['a', 'b', 'c', 'd', 'e'].filter((id) => next.isExpanded(id)),
      ['b', 'd', 'e'],
    );
  });

  it('ignores a stored value of the wrong shape instead of failing', () => {
    const store = memoryStore();
    store.data.set('k', { not: 'a list' });
    assert.equal(new ExpansionMemory(store, 'k').isExpanded('not'), false);
    store.data.set('k', ['ok', 42]);
    assert.equal(new ExpansionMemory(store, 'k').isExpanded('ok'), true);
  });
});
