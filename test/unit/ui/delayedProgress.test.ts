// Request progress shows only once a request has run for a second, and its Cancel aborts the request's
// signal. The clock is driven by hand: a test fires the 1 s timer when it means "a second has passed".
import * as assert from 'node:assert/strict';
import { AbortError, isAbortError } from '../../../src/azure/http/abortableDelay';
import { PROGRESS_DELAY_MS, runWithDelayedProgress, type ProgressSurface, type Schedule } from '../../../src/ui/delayedProgress';

class ManualClock {
  readonly timers: { ms: number; fn: () => void; cleared: boolean }[] = [];
  readonly schedule: Schedule = (ms, fn) => {
    const timer = { ms, fn, cleared: false };
    this.timers.push(timer);
    return () => {
      timer.cleared = true;
    };
  };
  /** The delay passes: every timer not cleared fires. */
  elapse(): void {
    for (const t of this.timers) if (!t.cleared) t.fn();
  }
}

class RecordingSurface implements ProgressSurface {
  readonly shown: { done: Promise<unknown>; cancel: () => void }[] = [];
  show(done: Promise<unknown>, cancel: () => void): void {
    this.shown.push({ done, cancel });
  }
}

/** Work that ends when the test says so, or rejects with AbortError when its signal aborts (as a client call does). */
function controllable<T>() {
  let finish!: (value: T) => void;
  let fail!: (e: unknown) => void;
  let signal: AbortSignal | undefined;
  const work = (s: AbortSignal) => {
    signal = s;
    return new Promise<T>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      s.addEventListener('abort', () => reject(new AbortError()), { once: true });
    });
  };
  return { work, finish: (v: T) => finish(v), fail: (e: unknown) => fail(e), signal: () => signal! };
}

describe('runWithDelayedProgress', () => {
  it('shows nothing for a request that answers within the delay, and clears its timer', async () => {
    const clock = new ManualClock();
    const surface = new RecordingSurface();
    const w = controllable<string>();
    const result = runWithDelayedProgress(w.work, surface, { schedule: clock.schedule });
    w.finish('answer');
    assert.equal(await result, 'answer');
    assert.equal(clock.timers.length, 1);
    assert.equal(clock.timers[0].ms, PROGRESS_DELAY_MS, 'the delay is one second by default');
    assert.equal(PROGRESS_DELAY_MS, 1000);
    assert.equal(clock.timers[0].cleared, true, 'the timer is cleared once the answer came');
    clock.elapse();
    assert.equal(surface.shown.length, 0, 'no progress for a quick answer');
  });

  it('shows progress once the delay passes, until the request ends', async () => {
    const clock = new ManualClock();
    const surface = new RecordingSurface();
    const w = controllable<number>();
    const result = runWithDelayedProgress(w.work, surface, { schedule: clock.schedule, delayMs: 250 });
    assert.equal(surface.shown.length, 0, 'nothing before the delay');
    assert.equal(clock.timers[0].ms, 250);
    clock.elapse();
    assert.equal(surface.shown.length, 1, 'progress after the delay');
    let closed = false;
    void surface.shown[0].done.then(() => (closed = true));
    await Promise.resolve();
    assert.equal(closed, false, 'the progress stays while the request runs');
    w.finish(7);
    assert.equal(await result, 7);
    await surface.shown[0].done;
    assert.equal(w.signal().aborted, false, 'a request that ended is not aborted');
  });

  it('Cancel aborts the request signal; the caller sees the AbortError and the progress closes', async () => {
    const clock = new ManualClock();
    const surface = new RecordingSurface();
    const w = controllable<string>();
    const result = runWithDelayedProgress(w.work, surface, { schedule: clock.schedule });
    clock.elapse();
    surface.shown[0].cancel();
    assert.equal(w.signal().aborted, true, 'the request is aborted, not just hidden');
    await assert.rejects(result, (e: unknown) => isAbortError(e));
    await surface.shown[0].done; // resolves (never rejects) when the request ends
  });

  it('a failing request rejects with its own error; the progress closes without seeing it', async () => {
    const clock = new ManualClock();
    const surface = new RecordingSurface();
    const w = controllable<string>();
    const result = runWithDelayedProgress(w.work, surface, { schedule: clock.schedule });
    clock.elapse();
    w.fail(new Error('503 from the service'));
    await assert.rejects(result, /503 from the service/);
    assert.equal(await surface.shown[0].done, undefined);
  });
});
