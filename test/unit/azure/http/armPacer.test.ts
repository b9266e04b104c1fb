// The ARM pacer's token-bucket model on a fake clock: probing, learning from the budget header, refill,
// lowering on answers and 429s, cancellation — then a 2,000-request burst against the throttling emulator.
import assert from 'node:assert/strict';
import {
  ArmPacer,
  PROBE_PATIENCE_MS,
  PacedBucket,
  armScopeOf,
  type PacerClock,
  type PacerStats,
} from '../../../../src/azure/http/armPacer';
import { isAbortError } from '../../../../src/azure/http/abortableDelay';

class FakeClock implements PacerClock {
  time = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = (): number => this.time;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = end;
  }
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

function setup(size = 250, refillPerSecond = 25) {
  const clock = new FakeClock();
  const stats: PacerStats = { sent: 0, throttled: 0, delayed: 0 };
  const bucket = new PacedBucket({ size, refillPerSecond }, clock, stats);
  const tickets: number[] = [];
  /** Queues one request; its ticket is recorded when it may go. */
  const startOne = (signal?: AbortSignal): Promise<number> => {
    const p = bucket.acquire(signal);
    p.then(
      (t) => tickets.push(t),
      () => undefined,
    );
    return p;
  };
  const start = (n: number): void => {
    for (let i = 0; i < n; i++) void startOne();
  };
  return { clock, stats, bucket, tickets, start, startOne };
}

describe('ARM pacer: token-bucket model', () => {
  it('sends one probe until the first answer, then as many as the header allows', async () => {
    const { bucket, tickets, start } = setup();
    start(10);
    await flush();
    assert.deepEqual(tickets, [1], 'only the probe goes before the count is known');
    bucket.settle(1, { remaining: 5 });
    await flush();
    assert.deepEqual(tickets, [1, 2, 3, 4, 5, 6], 'five tokens left: five more go');
    assert.ok(bucket.available < 1);
  });

  it('a probe without an answer holds the others for at most PROBE_PATIENCE_MS, then the documented bucket applies', async () => {
    const { clock, bucket, tickets, start } = setup(3, 10);
    start(5);
    await flush();
    assert.deepEqual(tickets, [1]);
    clock.advance(PROBE_PATIENCE_MS - 1);
    await flush();
    assert.deepEqual(tickets, [1]);
    clock.advance(1);
    await flush();
    assert.deepEqual(tickets, [1, 2, 3], 'a full bucket of 3, the hung probe counted as in flight');
    bucket.settle(2, { remaining: 0 });
    assert.ok(bucket.available <= 0, 'a later answer lowers the model again');
  });

  it('after the tokens are spent, releases one request per refill interval (25/s = every 40 ms)', async () => {
    const { clock, bucket, tickets, start } = setup();
    start(1);
    await flush();
    bucket.settle(1, { remaining: 0 });
    start(3);
    await flush();
    assert.equal(tickets.length, 1);
    clock.advance(39);
    await flush();
    assert.equal(tickets.length, 1, '39 ms is not yet a token');
    clock.advance(1);
    await flush();
    assert.equal(tickets.length, 2);
    clock.advance(80);
    await flush();
    assert.equal(tickets.length, 4);
  });

  it('a later answer only lowers the model (to what the service may hold at most), never raises it', async () => {
    const { bucket, tickets, start } = setup();
    start(1);
    await flush();
    bucket.settle(1, { remaining: 10 });
    start(3); // tickets 2..4, model 10 → 7
    await flush();
    bucket.settle(2, { remaining: 100 });
    assert.ok(Math.abs(bucket.available - 7) < 1e-9, 'a higher count does not add tokens');
    // Another client spent tokens: the service says 2 left after ticket 3; ticket 4 was sent later.
    bucket.settle(3, { remaining: 2 });
    assert.ok(Math.abs(bucket.available - (2 + 1 - 1)) < 1e-9, `model ${bucket.available}`);
    assert.equal(tickets.length, 4);
  });

  it('a 429 empties the model, is counted, and later requests wait for refill', async () => {
    const { clock, bucket, stats, tickets, start } = setup(250, 10);
    start(1);
    await flush();
    bucket.settle(1, { remaining: 50 });
    start(1);
    await flush();
    bucket.settle(2, { throttled: true });
    assert.equal(stats.throttled, 1);
    start(1);
    await flush();
    assert.equal(tickets.length, 2);
    clock.advance(100);
    await flush();
    assert.equal(tickets.length, 3, 'one token after 100 ms at 10/s');
  });

  it('without a budget header it assumes the documented bucket: full, then its refill rate', async () => {
    const { clock, bucket, tickets, start } = setup(3, 10);
    start(6);
    await flush();
    bucket.settle(1, {});
    await flush();
    assert.equal(tickets.length, 4, 'probe, then the three tokens of a full bucket');
    for (const ticket of [2, 3, 4]) bucket.settle(ticket, {});
    clock.advance(99);
    await flush();
    assert.equal(tickets.length, 4);
    clock.advance(1);
    await flush();
    assert.equal(tickets.length, 5, 'then one per 100 ms');
  });

  it('goes by the count when the service reports more left than the documented bucket holds', async () => {
    const { bucket, tickets, start } = setup(250, 25);
    start(1);
    await flush();
    bucket.settle(1, { remaining: 11999 });
    start(1000);
    await flush();
    assert.equal(tickets.length, 1001, 'no wait: 11999 left');
    for (let t = 2; t <= 1001; t++) bucket.settle(t, { remaining: 11999 });
    start(500);
    await flush();
    assert.equal(tickets.length, 1501);
  });

  it('never models more than the bucket size minus requests in flight', async () => {
    const { clock, bucket, start } = setup(5, 25);
    start(1);
    await flush();
    bucket.settle(1, { remaining: 4 });
    clock.advance(60_000);
    assert.equal(bucket.available, 5);
    start(2);
    await flush();
    clock.advance(60_000);
    assert.equal(bucket.available, 3, 'two requests in flight');
  });

  it('a cancelled waiter leaves the queue with an AbortError and the next one takes its place', async () => {
    const { clock, bucket, tickets, start, startOne } = setup();
    start(1);
    await flush();
    bucket.settle(1, { remaining: 0 });
    const controller = new AbortController();
    const cancelled = startOne(controller.signal);
    start(1);
    controller.abort();
    await assert.rejects(cancelled, (e) => isAbortError(e));
    clock.advance(40);
    await flush();
    assert.deepEqual(tickets, [1, 2]);
    await assert.rejects(bucket.acquire(controller.signal), (e) => isAbortError(e), 'an aborted signal never queues');
  });

  it('a waiter with a higher priority goes first; equal priorities keep their order', async () => {
    const { clock, bucket } = setup();
    const order: string[] = [];
    void bucket.acquire().then(() => order.push('probe'));
    await flush();
    bucket.settle(1, { remaining: 0 });
    for (const [name, priority] of [
      ['groups-1', 8],
      ['groups-2', 8],
      ['members', 10],
      ['agents', 6],
    ] as const)
      void bucket.acquire(undefined, priority).then(() => order.push(name));
    clock.advance(160);
    await flush();
    assert.deepEqual(order, ['probe', 'members', 'groups-1', 'groups-2', 'agents']);
  });

  it('keys buckets by subscription (case-insensitive) or tenant, and by operation type', () => {
    const pacer = new ArmPacer();
    const a = armScopeOf('https://management.azure.com/subscriptions/ABC/resourceGroups/rg?api-version=1');
    const b = armScopeOf('https://management.azure.com/subscriptions/abc');
    const tenant = armScopeOf('https://management.azure.com/subscriptions?api-version=1');
    assert.equal(a.scope, b.scope);
    assert.equal(a.header('reads'), 'x-ms-ratelimit-remaining-subscription-reads');
    assert.equal(tenant.scope, 'tenant');
    assert.equal(tenant.header('writes'), 'x-ms-ratelimit-remaining-tenant-writes');
    assert.equal(pacer.bucket(a.scope, 'reads'), pacer.bucket(b.scope, 'reads'));
    assert.notEqual(pacer.bucket(a.scope, 'reads'), pacer.bucket(a.scope, 'writes'));
    assert.notEqual(pacer.bucket(a.scope, 'reads'), pacer.bucket(tenant.scope, 'reads'));
  });
});
