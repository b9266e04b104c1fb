// Fabric paging: a page carries `continuationToken` and `continuationUri` (the same request with
// ?continuationToken=), both removed on the last page. The token is opaque to clients. With the
// `continuation: 'token'` option the URI is left out, so clients that rebuild the request from the token
// are exercised too.
import type { EmulatorRequest } from '../../core/http';
import { fabricError } from './errors';

export interface FabricPage<T> {
  items: T[];
  continuationToken?: string;
  continuationUri?: string;
}

export function fabricPage<T>(req: EmulatorRequest, items: T[], pageSize: number, style: 'both' | 'token'): FabricPage<T> {
  const token = req.url.searchParams.get('continuationToken');
  const offset = token ? decodeToken(token) : 0;
  const page = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { items: page };
  const next = encodeToken(offset + pageSize);
  if (style === 'token') return { items: page, continuationToken: next };
  const uri = new URL(req.url.pathname + req.url.search, req.base);
  uri.searchParams.set('continuationToken', next);
  return { items: page, continuationToken: next, continuationUri: uri.toString() };
}

/** The page as a response body with the items under `field` (value, or data for table statuses). */
export function pageBody<T>(page: FabricPage<T>, field: 'value' | 'data' = 'value'): Record<string, unknown> {
  return {
    [field]: page.items,
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    ...(page.continuationUri ? { continuationUri: page.continuationUri } : {}),
  };
}

const encodeToken = (offset: number): string => Buffer.from(`fo:${offset}`).toString('base64url');

function decodeToken(token: string): number {
  const m = /^fo:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw fabricError(400, 'InvalidContinuationToken', `The continuation token '${token}' is not valid.`);
  return Number(m[1]);
}
