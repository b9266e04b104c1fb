// A request that got no HTTP answer because the connection failed (reset, refused, DNS). The transport's
// error carries only a system code; callers get the same typed error as for any other failure: status 0,
// the system code, a message naming what failed, and the client request id to find the call in logs.
import { isAbortError } from './abortableDelay';
import { AzureRequestError, type FailedOperation } from './azureError';
import type { RequestIds } from './requestIds';

const DESCRIPTIONS: Record<string, string> = {
  ECONNRESET: 'the connection was reset before an answer came',
  EPIPE: 'the connection was closed while the request was being sent',
  ECONNABORTED: 'the connection was aborted',
  UND_ERR_SOCKET: 'the connection was closed before an answer came',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
  ETIMEDOUT: 'the connection timed out',
  ESOCKETTIMEDOUT: 'the connection timed out',
};

export function isConnectionError(err: unknown): err is Error & { code: string } {
  if (isAbortError(err) || !(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^(E[A-Z_]+|UND_ERR\w*)$/.test(code);
}

export function connectionError(err: Error & { code: string }, ids: RequestIds, operation: FailedOperation): AzureRequestError {
  const what = DESCRIPTIONS[err.code] ?? `the connection failed (${err.code})`;
  // A POST is not resent after its connection broke (it may have reached the service): say so.
  const mayHaveRun =
    operation.method === 'POST' && !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(err.code)
      ? ' It may have reached the service, so it was not sent again: check its effect before retrying.'
      : '';
  return new AzureRequestError({
    ...ids,
    status: 0,
    code: err.code,
    operation,
    message: `${operation.name}: ${operation.method} ${pathOf(operation.url)} failed: ${what}.${mayHaveRun}`,
  });
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}
