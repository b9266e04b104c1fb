// What the pipeline tells a logger about each HTTP attempt. Pure data, already redacted: the VS Code
// LogOutputChannel adapter (owned by the extension) only formats it. There is deliberately no field
// for headers or bodies, so a token or password cannot reach a log by accident.
import type { RequestIds } from './requestIds';

export interface RequestLogEntry extends RequestIds {
  method: string;
  /** Secret query parameters already replaced by <redacted>. */
  url: string;
  /** Undefined when no HTTP answer came back (connection reset, abort). */
  status?: number;
  durationMs: number;
  /** 1 for the first try; counts retries. */
  attempt: number;
  /** Network error code or message when no answer came back. */
  error?: string;
  /** Why a 2xx body was rejected (cut-off JSON, a list without its array); the call failed with InvalidResponseBody. */
  bodyProblem?: string;
}

export interface RequestLogger {
  log(entry: RequestLogEntry): void;
}

/** Formats an entry as one line, e.g. `GET https://… 200 123ms (attempt 1) request-id=…`. */
export function formatLogEntry(e: RequestLogEntry): string {
  const ids = [
    e.clientRequestId && `client-request-id=${e.clientRequestId}`,
    e.requestId && `request-id=${e.requestId}`,
    e.correlationId && `correlation-id=${e.correlationId}`,
  ]
    .filter(Boolean)
    .join(' ');
  const status = e.bodyProblem ? `${e.status} INVALID BODY (${e.bodyProblem})` : String(e.status);
  const outcome = e.status !== undefined ? status : `failed (${e.error ?? 'no response'})`;
  return `${e.method} ${e.url} ${outcome} ${e.durationMs}ms${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}${ids ? ` ${ids}` : ''}`;
}
