import * as assert from 'node:assert/strict';
import { copySecretForAMinute, SECRET_CLIPBOARD_MS, type ClipboardLike } from '../../../src/ui/secretClipboard';

class FakeClipboard implements ClipboardLike {
  text = 'before';
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }
  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
}

/** A clock the test moves by hand: one pending timer at a time is enough here. */
function fakeTimer() {
  const pending: { run: () => void; ms: number; disposed: boolean }[] = [];
  return {
    pending,
    schedule: (run: () => void, ms: number) => {
      const t = { run, ms, disposed: false };
      pending.push(t);
      return { dispose: () => (t.disposed = true) };
    },
    fire() {
      for (const t of pending.splice(0)) if (!t.disposed) t.run();
    },
  };
}

describe('copySecretForAMinute', () => {
  it('clears the key after a minute if the clipboard still holds it, and tells the user', async () => {
    const clipboard = new FakeClipboard();
    const told: string[] = [];
    const timer = fakeTimer();
    const { cleared } = await copySecretForAMinute('KEY-123', 'The key of sync agent a1', {
      clipboard,
      tell: (m) => told.push(m),
      schedule: timer.schedule,
    });
    assert.equal(clipboard.text, 'KEY-123');
    assert.equal(timer.pending[0].ms, SECRET_CLIPBOARD_MS);
    assert.deepEqual(told, [], 'nothing cleared before the minute is up');
    timer.fire();
    assert.equal(await cleared, true);
    assert.equal(clipboard.text, '');
    assert.deepEqual(told, ['The key of sync agent a1 was cleared from the clipboard after one minute.']);
    assert.ok(!told.join().includes('KEY-123'), 'the key itself is never shown');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const clipboard = new FakeClipboard();
    const told: string[] = [];
    const timer = fakeTimer();
    const { cleared } = await copySecretForAMinute('KEY-123', 'The key', {
      clipboard,
      tell: (m) => told.push(m),
      schedule: timer.schedule,
    });
    clipboard.text = 'something else';
    timer.fire();
    assert.equal(await cleared, false);
    assert.equal(clipboard.text, 'something else');
    assert.deepEqual(told, []);
  });
});
