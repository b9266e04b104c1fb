// Client-side model of ARM's token buckets, so a scan never draws a 429 it could have avoided. ARM keeps a
// bucket per subscription (or tenant), principal and operation type — reads 250 tokens refilled at 25/s,
// writes and deletes 200 at 10/s — and reports what is left in `x-ms-ratelimit-remaining-*`. The pacer
// mirrors each bucket: a request goes out only when the model holds a token; until the first answer tells
// the real count, one request at a time probes it (an answer without the header leaves the documented
// bucket as the model). Answers can only lower the model (another client of
// the same principal spends the same tokens), never raise it above what the documented refill allows.
import { AbortError } from './abortableDelay';

export type ArmOperationKind = 'reads' | 'writes' | 'deletes';

export interface PacedBucketLimits {
  size: number;
  refillPerSecond: number;
}

export type ArmPacingLimits = Record<ArmOperationKind, PacedBucketLimits>;

/** Azure Resource Manager's documented token buckets (per subscription and per tenant). */
export const ARM_DOCUMENTED_LIMITS: ArmPacingLimits = {
  reads: { size: 250, refillPerSecond: 25 },
  writes: { size: 200, refillPerSecond: 10 },
  deletes: { size: 200, refillPerSecond: 10 },
};

/** How long the first request of a bucket may keep the others waiting for the count it brings back. */
export const PROBE_PATIENCE_MS = 2000;

export interface PacerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface PacerStats {
  /** Requests let through. */
  sent: number;
  /** 429 answers received (each is still honoured by the retry policy). */
  throttled: number;
  /** Requests that had to wait for a token. */
  delayed: number;
}

/** What an answer said about the bucket: the header's count, or that it was a 429. */
export interface BucketReport {
  remaining?: number;
  throttled?: boolean;
}

interface Waiter {
  priority: number;
  resolve(ticket: number): void;
  reject(e: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** One bucket's model: tokens left (minus requests already sent), refilled from the clock. */
export class PacedBucket {
  private tokens = 0;
  /** The bucket's size: the documented one, or more when the service reports more left than that. */
  private ceiling: number;
  private updatedAt: number;
  /** Until the first answer, the count is unknown: one probe at a time. */
  private known = false;
  private probing = false;
  private probeSentAt = 0;
  private inFlight = 0;
  private sequence = 0;
  private readonly sentAt = new Map<number, number>();
  private readonly waiters: Waiter[] = [];
  private timer: unknown;

  constructor(
    private readonly limits: PacedBucketLimits,
    private readonly clock: PacerClock,
    private readonly stats: PacerStats,
  ) {
    this.updatedAt = clock.now();
    this.ceiling = limits.size;
  }

  /**
   * Waits for a token; resolves with a ticket to pass to `settle`. Waiters with a higher priority go first,
   * equal ones in order of arrival.
   */
  acquire(signal?: AbortSignal, priority = 0): Promise<number> {
    if (signal?.aborted) return Promise.reject(new AbortError());
    if (this.waiters.length === 0 && this.canSend()) return Promise.resolve(this.send());
    this.stats.delayed++;
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = { priority, resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new AbortError());
          this.schedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      const before = this.waiters.findIndex((w) => w.priority < priority);
      if (before < 0) this.waiters.push(waiter);
      else this.waiters.splice(before, 0, waiter);
      this.schedule();
    });
  }

  /** The request with this ticket ended; `report` is what its answer said (nothing for a network error). */
  settle(ticket: number, report: BucketReport): void {
    const sent = this.sentAt.get(ticket);
    this.sentAt.delete(ticket);
    this.inFlight--;
    this.refill();
    // Requests sent after this one may not be counted in its answer yet: they will take their tokens.
    const sentLater = this.sequence - ticket;
    if (report.throttled) {
      this.stats.throttled++;
      if (!this.known) this.tokens = 0;
      this.lower(-sentLater);
    } else if (report.remaining !== undefined && report.remaining >= this.ceiling) {
      // More left than the documented bucket holds (older per-hour limits report 11999): the service's
      // limits are not the modelled ones, so its count is what we go by.
      this.ceiling = report.remaining + 1;
      this.tokens = report.remaining - sentLater;
    } else if (report.remaining !== undefined) {
      // The header is floored and was read at the service before the answer travelled back: the service
      // may hold up to one token more plus what refilled since we sent. Only that upper bound lowers the model.
      const since = sent === undefined ? 0 : this.clock.now() - sent;
      const upper = report.remaining + 1 + (since * this.limits.refillPerSecond) / 1000 - sentLater;
      if (this.known) this.lower(upper);
      else this.tokens = report.remaining - sentLater;
    } else if (!this.known) {
      // No header on the probe's answer: the documented bucket (full, then its refill rate) is all we know.
      this.tokens = this.ceiling - sentLater;
    }
    this.known = true;
    this.probing = false;
    this.drain();
  }

  private lower(value: number): void {
    if (value < this.tokens) this.tokens = value;
  }

  private canSend(): boolean {
    if (!this.known) return !this.probing;
    this.refill();
    return this.tokens >= 1;
  }

  private send(): number {
    if (this.known) this.tokens -= 1;
    else {
      this.probing = true;
      this.probeSentAt = this.clock.now();
    }
    this.inFlight++;
    this.stats.sent++;
    const ticket = ++this.sequence;
    this.sentAt.set(ticket, this.clock.now());
    return ticket;
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    if (!this.known) return;
    // The model counts requests in flight as spent: the bucket itself never exceeds its size.
    this.tokens = Math.min(this.ceiling - this.inFlight, this.tokens + (elapsed * this.limits.refillPerSecond) / 1000);
  }

  private drain(): void {
    while (this.waiters.length > 0 && this.canSend()) {
      const waiter = this.waiters.shift()!;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.send());
    }
    this.schedule();
  }

  /** One timer per bucket, set for when the model next holds a token (a probe in flight wakes it by settling). */
  private schedule(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.waiters.length === 0) return;
    if (!this.known) {
      // A probe that hangs must not hold the subscription's other requests until its timeout: after
      // PROBE_PATIENCE_MS the documented bucket becomes the model and the next answers correct it.
      const wait = Math.max(0, this.probeSentAt + PROBE_PATIENCE_MS - this.clock.now());
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        if (!this.known) {
          this.known = true;
          this.tokens = this.ceiling - this.inFlight;
        }
        this.drain();
      }, wait);
      return;
    }
    const missing = 1 - this.tokens;
    const ms = missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.limits.refillPerSecond);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, ms);
  }

  /** Tokens the model holds now (for tests and diagnostics). */
  get available(): number {
    this.refill();
    return this.tokens;
  }
}

/** All buckets of one principal: keyed by subscription (or tenant) and operation type. */
export class ArmPacer {
  readonly stats: PacerStats = { sent: 0, throttled: 0, delayed: 0 };
  private readonly buckets = new Map<string, PacedBucket>();

  constructor(
    readonly limits: ArmPacingLimits = ARM_DOCUMENTED_LIMITS,
    private readonly clock: PacerClock = realClock,
  ) {}

  bucket(scope: string, kind: ArmOperationKind): PacedBucket {
    const id = `${scope}|${kind}`;
    let b = this.buckets.get(id);
    if (!b) this.buckets.set(id, (b = new PacedBucket(this.limits[kind], this.clock, this.stats)));
    return b;
  }
}

export function armOperationKind(method: string): ArmOperationKind {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD') return 'reads';
  return m === 'DELETE' ? 'deletes' : 'writes';
}

/** The bucket owner of a management URL: its subscription, or the tenant for tenant-level calls. */
export function armScopeOf(url: string): { scope: string; header: (kind: ArmOperationKind) => string } {
  const sub = /^\/subscriptions\/([^/?]+)/i.exec(new URL(url).pathname)?.[1];
  return sub
    ? { scope: `subscription:${sub.toLowerCase()}`, header: (kind) => `x-ms-ratelimit-remaining-subscription-${kind}` }
    : { scope: 'tenant', header: (kind) => `x-ms-ratelimit-remaining-tenant-${kind}` };
}
