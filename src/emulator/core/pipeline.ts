// The request pipeline every request goes through: read body → latency / fault injection → clock tick →
// route → auth → ARM throttling → api-version → handler → reply in the service's error shape.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, errorResponse, newRequestId, readBody, send, type EmulatorRequest } from './http';
import { authenticate, expiredTokenError } from './auth';
import { checkApiVersion } from './apiVersions';
import type { ServiceContext } from './context';
import { htmlErrorPage, withRepeatingNextLink, type FaultRule } from './faults';
import { chargeArmRequest } from './throttling';

export interface Pipeline {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Pending delays (latency faults) are cut short on stop. */
  cancelDelays(): void;
}

const isControl = (path: string): boolean => path.toLowerCase().startsWith('/_emulator');
/** The one control route anyone may call: whether the emulator answers at all. */
const isHealth = (path: string): boolean => path.toLowerCase() === '/_emulator/health';

export const CONTROL_TOKEN_HEADER = 'x-emulator-token';

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
const isFabric = (path: string): boolean => path.toLowerCase().startsWith('/fabric/');

export function createPipeline(ctx: ServiceContext, tick: () => void, defaultBase: () => string, controlToken: string): Pipeline {
  const delays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          delays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      delays.add(entry);
    });

  async function handle(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const host = raw.headers.host;
    const base = host && /^(127\.0\.0\.1|localhost)(:\d+)?$/i.test(host) ? `https://${host}` : defaultBase();
    const url = new URL(raw.url ?? '/', base);
    const req: EmulatorRequest = { method: raw.method ?? 'GET', url, headers: raw.headers, raw, rawBody: '', requestId, params: {}, base };
    const fabric = isFabric(url.pathname);
    let budget: Record<string, string> | undefined;
    try {
      req.rawBody = await readBody(raw);
      // The control API reads the whole state and changes anything: only whoever started the emulator
      // (or reads its data folder's lock) holds the token.
      if (isControl(url.pathname) && !isHealth(url.pathname) && !tokenMatches(raw.headers[CONTROL_TOKEN_HEADER], controlToken))
        throw new HttpError(
          401,
          'ControlTokenRequired',
          `The control API needs the emulator's token in the ${CONTROL_TOKEN_HEADER} header.`,
        );
      if (!isControl(url.pathname)) {
        const entry = ctx.journal.open(req.method, url.pathname, ctx.now());
        res.once('close', () => {
          entry.outcome = res.writableFinished ? 'answered' : 'aborted';
          if (res.writableFinished) entry.status = res.statusCode;
        });
        const ms = ctx.faults.delayFor(req.method, url.pathname);
        if (ms > 0) await delay(ms);
        const fault = ctx.faults.take(req.method, url.pathname);
        if (fault) entry.fault = fault.kind;
        if (fault && applyFault(fault, req, res, ctx, fabric)) return;
      }
      tick();
      const m = ctx.router.match(req.method, url.pathname);
      if (!('route' in m)) {
        throw m.methodMismatch
          ? new HttpError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'.`)
          : new HttpError(404, fabric ? 'EntityNotFound' : 'NotFound', `No route for ${req.method} ${url.pathname} in the emulator.`);
      }
      req.params = m.params;
      const claims = m.route.audience ? authenticate(req, m.route.audience, ctx.tokens, ctx.store.state.tenantId, ctx.now()) : undefined;
      // ARM's throttling budget (token buckets when on; constant headers when off) rides on every ARM answer.
      if (claims && m.route.audience === 'arm')
        budget = chargeArmRequest(ctx.throttle, { method: req.method, pathname: url.pathname }, claims.oid || claims.appid, claims.tid);
      if (m.route.apiVersions) checkApiVersion(req, m.route.apiVersions);
      let answer = await m.route.handler(req);
      if (!isControl(url.pathname) && ctx.faults.takeRepeatingNextLink(req.method, url.pathname))
        answer = withRepeatingNextLink(answer, url.toString(), fabric);
      if (budget) answer.headers = { ...budget, ...(answer.headers ?? {}) };
      send(res, req, answer);
    } catch (e) {
      if (res.headersSent || res.destroyed) return;
      const err = e instanceof HttpError ? e : new HttpError(500, 'InternalServerError', `Emulator error: ${(e as Error).message}`);
      const answer = errorResponse(err, fabric, requestId);
      send(res, req, budget ? { ...answer, headers: { ...budget, ...answer.headers } } : answer);
    }
  }

  return {
    handle,
    cancelDelays: () => {
      for (const d of delays) {
        clearTimeout(d.timer);
        d.resolve();
      }
      delays.clear();
    },
  };
}

/** Answers the request with the fault; returns false when the fault does not replace the response. */
function applyFault(rule: FaultRule, req: EmulatorRequest, res: ServerResponse, ctx: ServiceContext, fabric: boolean): boolean {
  const retryAfter = String(rule.retryAfterSeconds ?? 1);
  switch (rule.kind) {
    case '429': {
      const code = fabric ? 'RequestBlocked' : 'SubscriptionTooManyRequests';
      send(
        res,
        req,
        errorResponse(
          new HttpError(429, code, 'Requests beyond max requests that can be processed by available resources.', {
            'retry-after': retryAfter,
          }),
          fabric,
          req.requestId,
        ),
      );
      return true;
    }
    case '500':
      send(
        res,
        req,
        errorResponse(
          new HttpError(500, 'InternalServerError', 'An unexpected error occured while processing the request (injected fault).'),
          fabric,
          req.requestId,
        ),
      );
      return true;
    case '503':
      send(
        res,
        req,
        errorResponse(
          new HttpError(
            503,
            fabric ? 'ServiceUnavailable' : 'TooManyRequests',
            'The service is temporarily unavailable (injected fault).',
            { 'retry-after': retryAfter },
          ),
          fabric,
          req.requestId,
        ),
      );
      return true;
    case 'reset':
      req.raw.socket.destroy();
      return true;
    case 'hang':
      // Never answer: the client's timeout is what is being tested. stop() closes the socket.
      return true;
    case 'malformed':
      send(res, req, {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"value": [{"id": "/subscriptions/',
      });
      return true;
    case 'html':
      send(res, req, htmlErrorPage(rule));
      return true;
    case 'expired-token':
      send(res, req, errorResponse(expiredTokenError(req, ctx.store.state.tenantId, fabric), fabric, req.requestId));
      return true;
    default:
      return false;
  }
}
