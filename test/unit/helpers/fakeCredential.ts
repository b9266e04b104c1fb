// A TokenCredential for tests that records what was asked (scopes, claims) and hands out numbered tokens.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

export interface TokenCall {
  scopes: string[];
  claims?: string;
}

export class RecordingCredential implements TokenCredential {
  readonly calls: TokenCall[] = [];
  constructor(private readonly lifetimeMs = 3_600_000) {}

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const list = Array.isArray(scopes) ? scopes : [scopes];
    this.calls.push({ scopes: list, claims: options?.claims });
    return Promise.resolve({
      token: `token-${this.calls.length}${options?.claims ? '-with-claims' : ''}`,
      expiresOnTimestamp: Date.now() + this.lifetimeMs,
    });
  }
}
