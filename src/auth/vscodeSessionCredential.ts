// VS Code's Microsoft account adapted to a TokenCredential, with no dependency on 'vscode' here: the
// extension passes a SessionProvider (see vscodeAuthentication.ts). Tenant choice is a scope:
// VSCODE_TENANT:<id>. Sovereign clouds use the 'microsoft-sovereign-cloud' provider.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { NotSignedInError } from './notSignedInError';

export interface SessionRequest {
  providerId: 'microsoft' | 'microsoft-sovereign-cloud';
  scopes: string[];
  /** Claims from a CAE challenge: the provider must get a fresh token (forceNewSession). */
  claims?: string;
  /** Whether the user may be prompted (false in background refreshes). */
  interactive: boolean;
}

export interface SessionProvider {
  /** Returns an access token or undefined when the user is not signed in / declined. */
  getAccessToken(request: SessionRequest): Promise<string | undefined>;
}

export interface VsCodeAccountOptions {
  providerId: 'microsoft' | 'microsoft-sovereign-cloud';
  tenantId?: string;
  interactive?: boolean;
}

export function vscodeScopes(scopes: string | string[], tenantId?: string): string[] {
  const list = Array.isArray(scopes) ? [...scopes] : [scopes];
  if (tenantId) list.push(`VSCODE_TENANT:${tenantId}`);
  return list;
}

export class VsCodeAccountCredential implements TokenCredential {
  constructor(
    private readonly sessions: SessionProvider,
    private readonly options: VsCodeAccountOptions,
  ) {}

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const token = await this.sessions.getAccessToken({
      providerId: this.options.providerId,
      scopes: vscodeScopes(scopes, options.tenantId ?? this.options.tenantId),
      claims: options.claims,
      interactive: this.options.interactive ?? false,
    });
    if (!token)
      throw new NotSignedInError('Not signed in to a Microsoft account in VS Code. Use "Sign in" in the Azure SQL Data Movement view.');
    return { token, expiresOnTimestamp: jwtExpiry(token) ?? Date.now() + 30 * 60_000, tokenType: 'Bearer' };
  }
}

/** Reads `exp` from a JWT (VS Code sessions don't report expiry); undefined when not a JWT. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
