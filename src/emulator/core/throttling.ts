// ARM's request throttling, the token-bucket way Azure Resource Manager documents it ("Understand how
// Azure Resource Manager throttles requests"): one bucket per subscription (or, for requests not scoped to
// a subscription, per tenant), per principal and per operation type. Reads hold 250 tokens refilled at
// 25 per second, writes and deletes 200 at 10 per second. Every request takes one token; an empty bucket
// answers 429 with Retry-After. Tokens are counted in thousandths so refill arithmetic stays exact.
import { HttpError } from './http';

export type OperationKind = 'reads' | 'writes' | 'deletes';

export interface BucketSpec {
  /** Tokens a full bucket holds (the burst). */
  size: number;
  /** Tokens added per second, up to `size`. */
  refillPerSecond: number;
}

export type ThrottlingLimits = Record<OperationKind, BucketSpec>;

/** `true` = Azure's documented limits; an object overrides some of them. */
export type ThrottlingSettings = boolean | { [K in OperationKind]?: Partial<BucketSpec> };

export const ARM_THROTTLING_LIMITS: ThrottlingLimits = {
  reads: { size: 250, refillPerSecond: 25 },
  writes: { size: 200, refillPerSecond: 10 },
  deletes: { size: 200, refillPerSecond: 10 },
};

const MILLI = 1000;

export function operationKind(method: string): OperationKind {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD') return 'reads';
  return m === 'DELETE' ? 'deletes' : 'writes';
}

export function resolveLimits(settings: ThrottlingSettings | undefined): ThrottlingLimits {
  const custom = typeof settings === 'object' ? settings : {};
  const pick = (kind: OperationKind): BucketSpec => {
    const spec = { ...ARM_THROTTLING_LIMITS[kind], ...custom[kind] };
    if (!(spec.size >= 1) || !(spec.refillPerSecond > 0))
      throw new RangeError(`Throttling ${kind}: size must be at least 1 and refillPerSecond above 0.`);
    return spec;
  };
  return { reads: pick('reads'), writes: pick('writes'), deletes: pick('deletes') };
}

/** One bucket: millitokens, refilled lazily from the elapsed time whenever it is looked at. */
export class TokenBucket {
  private milli: number;
  private last: number;

  constructor(
    private readonly spec: BucketSpec,
    now: number,
  ) {
    this.milli = spec.size * MILLI;
    this.last = now;
  }

  /** Whole tokens left at `now`. */
  remaining(now: number): number {
    this.refill(now);
    return Math.floor(this.milli / MILLI);
  }

  /** Takes one token; false (nothing taken) when the bucket holds less than one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.milli < MILLI) return false;
    this.milli -= MILLI;
    return true;
  }

  /** Whole seconds until one token is back (ARM's Retry-After is in seconds; at least 1). */
  secondsUntilToken(now: number): number {
    this.refill(now);
    const missing = MILLI - this.milli;
    if (missing <= 0) return 0;
    return Math.max(1, Math.ceil(missing / this.spec.refillPerSecond / MILLI));
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last);
    this.last = Math.max(this.last, now);
    // elapsed ms × tokens/s = millitokens: exact for integer clocks and rates.
    this.milli = Math.min(this.spec.size * MILLI, this.milli + elapsed * this.spec.refillPerSecond);
  }
}

export interface ThrottleScope {
  /** Undefined for tenant-level requests (not under /subscriptions/{id}/…). */
  subscriptionId?: string;
  tenantId: string;
  /** The caller's object id or app id. */
  principal: string;
  kind: OperationKind;
}

export type ThrottleDecision =
  { allowed: true; header: string; remaining: number } | { allowed: false; header: string; retryAfterSeconds: number };

export class ArmThrottle {
  private buckets = new Map<string, TokenBucket>();
  private limits: ThrottlingLimits;

  constructor(
    settings: ThrottlingSettings | undefined,
    private readonly now: () => number,
  ) {
    this.limits = resolveLimits(settings);
    this.enabled = settings !== false && settings !== undefined;
  }

  enabled: boolean;

  /** Switches throttling on (with these limits) or off; either way every bucket starts full again. */
  configure(settings: ThrottlingSettings): void {
    this.limits = resolveLimits(settings);
    this.enabled = settings !== false;
    this.buckets.clear();
  }

  get currentLimits(): ThrottlingLimits {
    return this.limits;
  }

  /** Name of the header that reports what is left in the scope's bucket. */
  static headerName(scope: Pick<ThrottleScope, 'subscriptionId' | 'kind'>): string {
    return `x-ms-ratelimit-remaining-${scope.subscriptionId ? 'subscription' : 'tenant'}-${scope.kind}`;
  }

  take(scope: ThrottleScope): ThrottleDecision {
    const header = ArmThrottle.headerName(scope);
    const now = this.now();
    const owner = scope.subscriptionId ? `sub:${scope.subscriptionId.toLowerCase()}` : `tenant:${scope.tenantId.toLowerCase()}`;
    const id = `${owner}|${scope.principal.toLowerCase()}|${scope.kind}`;
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = new TokenBucket(this.limits[scope.kind], now)));
    if (bucket.take(now)) return { allowed: true, header, remaining: bucket.remaining(now) };
    return { allowed: false, header, retryAfterSeconds: bucket.secondsUntilToken(now) };
  }
}

/** The subscription a management path is scoped to, if any. */
export function subscriptionOfPath(pathname: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(pathname)?.[1];
}

/** ARM's 429 message for an empty bucket. */
export function throttledMessage(scope: ThrottleScope, retryAfterSeconds: number): string {
  const singular = scope.kind.slice(0, -1);
  const where = scope.subscriptionId ? `subscription '${scope.subscriptionId}'` : `tenant '${scope.tenantId}'`;
  return (
    `Number of '${singular}' requests for ${where} actor '${scope.principal}' exceeded. Please try again after ` +
    `'${retryAfterSeconds}' seconds after the additional tokens are available. Refer to https://aka.ms/arm-throttling`
  );
}

/** Constant budget headers sent while throttling is off (what the emulator always sent before). */
function unthrottledHeaders(scope: ThrottleScope): Record<string, string> {
  return { [ArmThrottle.headerName(scope)]: scope.kind === 'reads' ? '11999' : '1199' };
}

/**
 * Takes a token for an authenticated ARM request: returns the budget header to add to the answer, or throws
 * ARM's 429 (SubscriptionRequestsThrottled / TenantRequestsThrottled) with Retry-After when the bucket is empty.
 */
export function chargeArmRequest(
  throttle: ArmThrottle,
  request: { method: string; pathname: string },
  principal: string,
  tenantId: string,
): Record<string, string> {
  const scope: ThrottleScope = {
    subscriptionId: subscriptionOfPath(request.pathname),
    tenantId,
    principal,
    kind: operationKind(request.method),
  };
  if (!throttle.enabled) return unthrottledHeaders(scope);
  const decision = throttle.take(scope);
  if (decision.allowed) return { [decision.header]: String(decision.remaining) };
  throw new HttpError(
    429,
    scope.subscriptionId ? 'SubscriptionRequestsThrottled' : 'TenantRequestsThrottled',
    throttledMessage(scope, decision.retryAfterSeconds),
    {
      'retry-after': String(decision.retryAfterSeconds),
      [decision.header]: '0',
    },
  );
}
