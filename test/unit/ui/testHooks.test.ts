// Test-only records stay empty in production and fill only once activate() turns the hooks on.
import * as assert from 'node:assert/strict';
import { enableTestHooks, recordForTests, testHooksEnabled } from '../../../src/ui/testHooks';

describe('test hooks', () => {
  afterEach(() => enableTestHooks(false));

  it('records nothing until enabled (production)', () => {
    const list: string[] = [];
    assert.equal(testHooksEnabled(), false);
    for (let i = 0; i < 1000; i++) recordForTests(list, `message ${i}`);
    assert.deepEqual(list, []);
  });

  it('records everything, in order, when enabled (tests and development)', () => {
    enableTestHooks(true);
    const list: number[] = [];
    for (let i = 0; i < 500; i++) recordForTests(list, i);
    assert.equal(testHooksEnabled(), true);
    assert.equal(list.length, 500);
    assert.deepEqual(list.slice(0, 3), [0, 1, 2]);
    assert.equal(list.at(-1), 499);
  });

  it('stops recording when turned off again', () => {
    enableTestHooks(true);
    const list: string[] = [];
    recordForTests(list, 'kept');
    enableTestHooks(false);
    recordForTests(list, 'dropped');
    assert.deepEqual(list, ['kept']);
  });
});
