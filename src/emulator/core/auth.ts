// Bearer-token checks in front of ARM and Fabric routes, answering 401 the way each service does
// (ARM: {error:{code,message}} + WWW-Authenticate pointing at the authority).
import { HttpError, headerValue, type EmulatorRequest } from './http';
import { ARM_AUDIENCES, FABRIC_AUDIENCES, type TokenService, type TokenClaims } from './tokens';

export function authorityUrl(base: string, tenantId: string): string {
  return `${base}/entra/${tenantId}`;
}

function challenge(req: EmulatorRequest, tenantId: string, status: number, code: string, message: string, fabric: boolean): HttpError {
  const www = `Bearer authorization_uri="${authorityUrl(req.base, tenantId)}", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`;
  return new HttpError(status, fabric ? fabricCode(code) : code, message, { 'www-authenticate': www });
}

/** Fabric names the same conditions differently. */
function fabricCode(code: string): string {
  return code === 'ExpiredAuthenticationToken' ? 'TokenExpired' : 'InvalidToken';
}

export function expiredTokenError(
  req: EmulatorRequest,
  tenantId: string,
  fabric = false,
  expiredAtMs?: number,
  nowMs = Date.now(),
): HttpError {
  const when = (ms: number) => new Date(ms).toISOString();
  const message =
    expiredAtMs === undefined
      ? 'The access token expiry UTC time is earlier than current UTC time.'
      : `The access token expiry UTC time '${when(expiredAtMs)}' is earlier than current UTC time '${when(nowMs)}'.`;
  return challenge(req, tenantId, 401, 'ExpiredAuthenticationToken', message, fabric);
}

export function authenticate(
  req: EmulatorRequest,
  audience: 'arm' | 'fabric',
  tokens: TokenService,
  tenantId: string,
  nowMs: number,
): TokenClaims {
  const fabric = audience === 'fabric';
  const header = headerValue(req.headers.authorization);
  if (!header)
    throw challenge(req, tenantId, 401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", fabric);
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m)
    throw challenge(
      req,
      tenantId,
      401,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      fabric,
    );
  const claims = tokens.verify(m[1]);
  if (!claims) throw challenge(req, tenantId, 401, 'InvalidAuthenticationToken', 'The access token is invalid.', fabric);
  const allowed = fabric ? FABRIC_AUDIENCES : ARM_AUDIENCES;
  if (!allowed.includes(claims.aud)) {
    throw challenge(
      req,
      tenantId,
      401,
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences '${allowed.join("','")}'.`,
      fabric,
    );
  }
  if (claims.exp * 1000 <= nowMs) throw expiredTokenError(req, tenantId, fabric, claims.exp * 1000, nowMs);
  return claims;
}
