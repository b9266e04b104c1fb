// JWT-shaped access tokens (HS256) signed with a secret kept per data folder, so tokens stay valid
// across restarts of the same emulator and are rejected by another one.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';

export const ARM_AUDIENCE = 'https://management.azure.com';
export const FABRIC_AUDIENCE = 'https://api.fabric.microsoft.com';

/** Audiences ARM accepts (it takes the legacy and trailing-slash forms too). */
export const ARM_AUDIENCES = [
  ARM_AUDIENCE,
  `${ARM_AUDIENCE}/`,
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
];
export const FABRIC_AUDIENCES = [FABRIC_AUDIENCE, `${FABRIC_AUDIENCE}/`, 'https://analysis.windows.net/powerbi/api'];

export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  sub: string;
  appid: string;
  azp: string;
  iat: number;
  nbf: number;
  exp: number;
  ver: string;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export class TokenService {
  constructor(private readonly secret: Buffer) {}

  /** Loads DIR/token-secret or creates it (32 random bytes). */
  static forDataDir(file: string): TokenService {
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    return new TokenService(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
  }

  sign(claims: TokenClaims): string {
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'emulator' }));
    const body = b64url(JSON.stringify(claims));
    return `${head}.${body}.${this.mac(`${head}.${body}`)}`;
  }

  /** Returns the claims when the signature is ours; undefined for anything else (expiry is checked by the caller). */
  verify(token: string): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    const actual = Buffer.from(parts[2]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    try {
      return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return undefined;
    }
  }

  private mac(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

/** `https://management.azure.com/.default` → `https://management.azure.com`; first resource scope wins. */
export function audienceFromScope(scope: string): string | undefined {
  const resource = scope.split(/\s+/).find((s) => s && !['openid', 'profile', 'offline_access'].includes(s));
  if (!resource) return undefined;
  return resource.replace(/\/\.default$/, '').replace(/\/$/, '') || undefined;
}
