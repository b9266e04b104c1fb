// Request/response helpers shared by every service module: body parsing, JSON replies and the
// error shapes of ARM ({error:{code,message}}) and Fabric ({errorCode,message,requestId}).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export interface EmulatorRequest {
  method: string;
  url: URL;
  /** Lower-cased header map (node already lower-cases). */
  headers: IncomingMessage['headers'];
  raw: IncomingMessage;
  rawBody: string;
  requestId: string;
  /** Route parameters, decoded. */
  params: Record<string, string>;
  /** Base URL of this server, e.g. https://127.0.0.1:4443 (no trailing slash). */
  base: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as-is; undefined means no body. */
  body?: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
    readonly details?: unknown[],
  ) {
    super(message);
  }
}

export const armError = (status: number, code: string, message: string, details?: unknown[]): HttpError =>
  new HttpError(status, code, message, {}, details);

export function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(armError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a JSON body; ARM answers malformed JSON with 400 InvalidRequestContent. */
export function jsonBody(req: EmulatorRequest): unknown {
  if (!req.rawBody.trim()) return undefined;
  try {
    return JSON.parse(req.rawBody) as unknown;
  } catch (e) {
    throw armError(
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${(e as Error).message}'.`,
    );
  }
}

export function send(res: ServerResponse, req: { requestId: string; headers: IncomingMessage['headers'] }, r: EmulatorResponse): void {
  const headers: Record<string, string> = {
    'x-ms-request-id': req.requestId,
    'x-ms-correlation-request-id': headerValue(req.headers['x-ms-correlation-request-id']) ?? req.requestId,
    'x-ms-routing-request-id': `LOCAL:${req.requestId}`,
    // ARM echoes the client's request id when one was sent.
    ...(req.headers['x-ms-client-request-id'] ? { 'x-ms-client-request-id': headerValue(req.headers['x-ms-client-request-id'])! } : {}),
    ...(r.headers ?? {}),
  };
  let payload: string | undefined;
  if (r.body !== undefined) {
    payload = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(payload ? Buffer.byteLength(payload) : 0);
  res.writeHead(r.status, headers);
  res.end(payload);
}

export const headerValue = (h: string | string[] | undefined): string | undefined => (Array.isArray(h) ? h[0] : h);

export const newRequestId = (): string => randomUUID();

export function errorResponse(e: HttpError, fabric: boolean, requestId: string): EmulatorResponse {
  const body = fabric
    ? { errorCode: e.code, message: e.message, requestId, ...(e.details ? { moreDetails: e.details } : {}) }
    : { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
  return { status: e.status, headers: e.extraHeaders, body };
}
