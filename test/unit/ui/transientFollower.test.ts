// The tree's follower of transient nodes, on a manual clock: backoff, settling, visibility.
import assert from 'node:assert/strict';
import { TransientFollower, type FollowerTimers } from '../../../src/ui/tree/transientFollower';

/** A clock the test advances; runs due callbacks in time order. */
class ManualClock implements FollowerTimers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): number {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get scheduled(): number[] {
    return [...this.pending.values()].map((p) => p.at - this.now);
  }

  /** Runs the next due timer (and lets the round's promises settle); returns its time. */
  async fireNext(): Promise<number> {
    const [id, due] = [...this.pending.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
    assert.ok(due && id !== undefined, 'a timer is scheduled');
    this.pending.delete(id);
    this.now = due.at;
    due.fn();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return this.now;
  }
}

describe('TransientFollower', () => {
  let clock: ManualClock;
  let rounds: { at: number; ids: string[] }[];
  let settleAfter: number;
  let follower: TransientFollower;

  beforeEach(() => {
    clock = new ManualClock();
    rounds = [];
    settleAfter = Infinity;
    follower = new TransientFollower(
      (ids) => {
        rounds.push({ at: clock.now, ids });
        // The provider reports the new state of each node it re-read.
        for (const id of ids) follower.update(id, rounds.length < settleAfter);
        return Promise.resolve();
      },
      { initialDelayMs: 2_000, maxDelayMs: 30_000, timers: clock },
    );
  });

  it('re-reads a transient node with a delay doubling from 2 s to 30 s', async () => {
    follower.setVisible(true);
    follower.update('group', true);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push(await clock.fireNext());
    const gaps = times.map((t, i) => t - (i ? times[i - 1] : 0));
    assert.deepEqual(gaps, [2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    assert.deepEqual(rounds[0].ids, ['group']);
  });

  it('stops once every followed node settles', async () => {
    settleAfter = 3;
    follower.setVisible(true);
    follower.update('group', true);
    follower.update('member', true);
    await clock.fireNext();
    await clock.fireNext();
    await clock.fireNext();
    assert.equal(rounds.length, 3);
    assert.deepEqual(follower.ids, []);
    assert.equal(follower.active, false);
    assert.deepEqual(clock.scheduled, [], 'no timer left');
  });

  it('does nothing while the view is hidden, and starts again (from 2 s) when it shows', async () => {
    follower.update('group', true);
    assert.deepEqual(clock.scheduled, [], 'hidden from the start: nothing scheduled');
    follower.setVisible(true);
    await clock.fireNext();
    await clock.fireNext();
    follower.setVisible(false);
    assert.deepEqual(clock.scheduled, [], 'hiding the view cancels the next round');
    assert.equal(follower.active, false);
    assert.deepEqual(follower.ids, ['group'], 'but remembers what to follow');
    clock.now += 600_000;
    follower.setVisible(true);
    assert.deepEqual(clock.scheduled, [2_000]);
  });

  it('a node turning transient restarts the backoff; an already followed one does not', async () => {
    follower.setVisible(true);
    follower.update('group', true);
    await clock.fireNext();
    await clock.fireNext();
    assert.deepEqual(clock.scheduled, [8_000]);
    follower.update('group', true);
    assert.deepEqual(clock.scheduled, [8_000]);
    follower.update('other', true);
    assert.deepEqual(clock.scheduled, [2_000]);
  });

  it('forgets a node that settles outside a round, and clears on dispose', () => {
    follower.setVisible(true);
    follower.update('group', true);
    follower.update('group', false);
    assert.deepEqual(clock.scheduled, []);
    follower.update('member', true);
    follower.dispose();
    assert.deepEqual(clock.scheduled, []);
    follower.update('again', true);
    assert.deepEqual(clock.scheduled, [], 'a disposed follower schedules nothing');
  });
});
