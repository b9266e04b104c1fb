// A request that got no (complete) answer within its per-attempt timeout. Interactive calls wait
// 30 s by default, not minutes: a hung call then fails with a message naming what timed out, and the
// UI offers Retry. The pipeline does not retry a timeout itself, so the user hears back in 30 s and
// a PUT/POST whose first attempt may have reached the service is never sent twice behind their back.
import { AzureRequestError, type FailedOperation } from './azureError';
import type { RequestIds } from './requestIds';

/** Default per-attempt timeout for ARM and Fabric calls. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Thrown by the transport; turned into an AzureRequestError (code RequestTimeout) by the client. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  /** Read by the logging policy like a network error code. */
  readonly code = 'RequestTimeout';
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${formatSeconds(timeoutMs)}.`);
  }
}

export function isRequestTimeoutError(err: unknown): err is RequestTimeoutError {
  return err instanceof RequestTimeoutError;
}

/** node-fetch's own timeout errors (no answer, or the body stopped arriving). */
export function isFetchTimeout(err: unknown): boolean {
  const type = (err as { type?: unknown } | undefined)?.type;
  return type === 'request-timeout' || type === 'body-timeout';
}

export function timeoutError(err: RequestTimeoutError, ids: RequestIds, operation: FailedOperation): AzureRequestError {
  // The path only: query strings may carry secrets (SAS signatures) and add nothing to "what timed out".
  const path = pathOf(operation.url);
  return new AzureRequestError({
    ...ids,
    status: 0,
    code: 'RequestTimeout',
    operation,
    message: `${operation.name}: ${operation.method} ${path} got no answer within ${formatSeconds(err.timeoutMs)}. The service may be slow or unreachable; it can be retried.`,
  });
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
