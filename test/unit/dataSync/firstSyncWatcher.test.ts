// The first-sync step's reads, on a fake clock: one read at a time, a pause that starts at 2 s and
// doubles to 30 s while nothing changes, back to 2 s on a change, and no reads once the watched sync
// has ended or the watcher is stopped.
import * as assert from 'node:assert/strict';
import type { SyncStatus } from '../../../src/dataSync/workflows/syncRunWorkflows';
import { FirstSyncWatcher, FIRST_POLL_MS, MAX_POLL_MS, nextPollDelay, type Timers } from '../../../src/dataSync/webviews/firstSyncWatcher';
import type { ToWizard } from '../../../src/dataSync/webviews/protocol/dataSyncWizard';

const GROUP = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/hub/syncGroups/g';

class FakeTimers implements Timers {
  pending: { fn: () => void; ms: number; id: number }[] = [];
  readonly delays: number[] = [];
  private next = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.next;
    this.pending.push({ fn, ms, id });
    this.delays.push(ms);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }
  /** Runs the one pending timer (there is never more than one). */
  fire(): void {
    assert.equal(this.pending.length, 1, 'exactly one read scheduled');
    this.pending.shift()!.fn();
  }
}

const status = (syncState: string, lastSyncTime = '0001-01-01T00:00:00Z', interval = 300): SyncStatus => ({
  group: { name: 'g', properties: { syncState, lastSyncTime, interval } },
  members: [{ name: 'm', properties: { syncState: syncState === 'Progressing' ? 'SyncInProgress' : 'SyncSucceeded' } }],
});

/** Settles the promise chain of a read. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function harness(states: SyncStatus[]) {
  const timers = new FakeTimers();
  const posted: ToWizard[] = [];
  const notified: string[] = [];
  let reads = 0;
  let triggers = 0;
  let release: (() => void) | undefined;
  let holdReads = false;
  const watcher = new FirstSyncWatcher(
    {
      groupId: () => GROUP,
      post: (m) => posted.push(m),
      isDisposed: () => false,
      membersRead: () => undefined,
      read: async () => {
        reads++;
        if (holdReads) await new Promise<void>((r) => (release = r));
        return states[Math.min(reads - 1, states.length - 1)];
      },
      startSync: () => {
        triggers++;
        return Promise.resolve();
      },
      notify: (text) => notified.push(text),
    },
    timers,
  );
  return {
    timers,
    posted,
    notified,
    watcher,
    reads: () => reads,
    triggers: () => triggers,
    hold: (on: boolean) => (holdReads = on),
    release: () => release?.(),
  };
}

describe('first sync watcher', () => {
  it('backs off from 2 s, doubling to 30 s, while the state does not change', async () => {
    const h = harness([status('NotReady')]);
    h.watcher.start();
    await settle();
    for (let i = 0; i < 6; i++) {
      h.timers.fire();
      await settle();
    }
    assert.deepEqual(h.timers.delays, [2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.equal(h.reads(), 7);
    assert.equal(nextPollDelay(MAX_POLL_MS, false), MAX_POLL_MS);
    assert.equal(nextPollDelay(16_000, true), FIRST_POLL_MS);
  });

  it('goes back to 2 s when the state changes, and stops once the sync it saw running has ended', async () => {
    const h = harness([
      status('NotReady'),
      status('NotReady'),
      status('Progressing'),
      status('Progressing'),
      status('Good', '2026-01-01T00:00:00Z'),
    ]);
    h.watcher.start();
    await settle();
    for (let i = 0; i < 4; i++) {
      h.timers.fire();
      await settle();
    }
    assert.deepEqual(h.timers.delays, [2000, 4000, 2000, 4000], 'no read after the sync ended');
    assert.equal(h.timers.pending.length, 0);
    assert.equal(h.watcher.active, false);
    const last = h.posted.at(-1);
    assert.ok(last?.type === 'syncStatus' && last.group.syncState === 'Good' && last.polling === false);
  });

  it('never reads twice at once: a start or a trigger during a read waits for it', async () => {
    const h = harness([status('NotReady'), status('NotReady'), status('Progressing')]);
    h.hold(true);
    h.watcher.start();
    await settle();
    assert.equal(h.reads(), 1);
    h.watcher.start(); // already watching: nothing new
    const triggered = h.watcher.trigger();
    await settle();
    assert.equal(h.reads(), 1, 'no second read while one is in flight');
    h.hold(false);
    h.release();
    await triggered;
    await settle();
    assert.equal(h.triggers(), 1, 'the trigger read the state after the poll, then started the sync');
    assert.equal(h.reads(), 3, 'then one read at once');
    assert.equal(h.timers.pending.length, 1, 'and one next read scheduled');
    assert.equal(h.timers.pending[0].ms, FIRST_POLL_MS);
  });

  it('stop() cancels the next read, and a read in flight schedules nothing after it', async () => {
    const h = harness([status('NotReady')]);
    h.watcher.start();
    await settle();
    h.watcher.stop();
    assert.equal(h.timers.pending.length, 0);
    h.hold(true);
    h.watcher.start();
    await settle();
    h.watcher.stop();
    h.release();
    await settle();
    assert.equal(h.timers.pending.length, 0);
    assert.equal(h.reads(), 2);
  });

  it('triggers a sync only when none is running', async () => {
    const idle = harness([status('NotReady')]);
    await idle.watcher.trigger();
    assert.equal(idle.triggers(), 1);
    const running = harness([status('Progressing')]);
    await running.watcher.trigger();
    assert.equal(running.triggers(), 0);
    idle.watcher.stop();
    running.watcher.stop();
  });

  it('says so, on the page and in a notification, when a sync it did not start is running; not for its own', async () => {
    const scheduled = harness([status('NotReady'), status('Progressing'), status('Progressing')]);
    scheduled.watcher.start();
    await settle();
    scheduled.timers.fire();
    await settle();
    scheduled.timers.fire();
    await settle();
    assert.deepEqual(scheduled.notified, ['A scheduled sync of g started (the group syncs every 300 seconds).']);
    assert.deepEqual(
      scheduled.posted.filter((m) => m.type === 'syncNotice'),
      [{ type: 'syncNotice', text: scheduled.notified[0] }],
      'once per run',
    );
    scheduled.watcher.stop();

    const own = harness([status('NotReady'), status('Progressing')]);
    await own.watcher.trigger();
    await settle();
    assert.equal(own.triggers(), 1);
    assert.deepEqual(own.notified, [], 'a sync the wizard started is not announced');
    own.watcher.stop();
  });
});
