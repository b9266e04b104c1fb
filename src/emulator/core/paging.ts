// ARM paging: lists return at most `pageSize` items and a `nextLink` that repeats the request with a
// `$skipToken` (or, for sync logs, `continuationToken`) query parameter. Tokens are opaque to clients.
import { armError, type EmulatorRequest } from './http';

export interface Page<T> {
  value: T[];
  nextLink?: string;
}

export function paginate<T>(req: EmulatorRequest, items: T[], pageSize: number, tokenParam = '$skipToken'): Page<T> {
  const token = req.url.searchParams.get(tokenParam);
  const offset = token ? decodeToken(token) : 0;
  const value = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { value };
  const next = new URL(req.url.pathname + req.url.search, req.base);
  next.searchParams.set(tokenParam, encodeToken(offset + pageSize));
  return { value, nextLink: next.toString() };
}

const encodeToken = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');

function decodeToken(token: string): number {
  const m = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw armError(400, 'InvalidParameterValue', `The continuation token '${token}' is invalid.`);
  return Number(m[1]);
}
