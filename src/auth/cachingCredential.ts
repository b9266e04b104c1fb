// One token per audience (scope set + tenant), reused until shortly before it expires (default
// 5 minutes), so a tree expansion of 200 requests asks the credential once. Concurrent callers share
// one in-flight request. A claims challenge (CAE) bypasses the cache: the policy asks again with
// `claims`, and the fresh token replaces the cached one.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

export interface CachingCredentialOptions {
  /** Refresh when fewer than this many ms remain. Default 5 min. */
  refreshMarginMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

export class CachingCredential implements TokenCredential {
  private readonly cache = new Map<string, AccessToken>();
  private readonly inFlight = new Map<string, Promise<AccessToken | null>>();
  private readonly margin: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: TokenCredential,
    options: CachingCredentialOptions = {},
  ) {
    this.margin = options.refreshMarginMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken | null> {
    const key = cacheKey(scopes, options.tenantId);
    if (!options.claims) {
      const cached = this.cache.get(key);
      if (cached && cached.expiresOnTimestamp - this.margin > this.now()) return cached;
      const pending = this.inFlight.get(key);
      if (pending) return pending;
    }
    const request = this.inner
      .getToken(scopes, options)
      .then((token) => {
        if (token) this.cache.set(key, token);
        else this.cache.delete(key);
        return token;
      })
      .finally(() => this.inFlight.delete(key));
    if (!options.claims) this.inFlight.set(key, request);
    return request;
  }

  /** Forget the token for these scopes (the service rejected it before its stated expiry). */
  invalidate(scopes: string | string[], tenantId?: string): void {
    this.cache.delete(cacheKey(scopes, tenantId));
  }

  /** Forget every token (sign-out, account switch). */
  clear(): void {
    this.cache.clear();
  }
}

function cacheKey(scopes: string | string[], tenantId?: string): string {
  const list = (Array.isArray(scopes) ? scopes : [scopes]).map((s) => s.toLowerCase()).sort();
  return `${tenantId ?? ''}|${list.join(' ')}`;
}
