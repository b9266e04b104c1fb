// What every strategy shares: snapshot bookkeeping, the wait loop (Retry-After, else backoff capped at
// 30 s), cancellation of the wait, and turning a failed snapshot into a thrown AzureRequestError.
import { abortableDelay, throwIfAborted } from '../http/abortableDelay';
import { AzureRequestError, isAzureRequestError, type FailedOperation, type SerializedAzureError } from '../http/azureError';
import type { AzureClient, AzureResponse } from '../http/azureClient';
import { readErrorObject } from '../http/parseErrorBody';
import { redactFreeText, redactUrl } from '../http/redaction';
import type { RequestIds } from '../http/requestIds';
import { retryAfterMs } from '../http/retryAfter';
import {
  isTerminal,
  type LroKind,
  type LroPoller,
  type LroSnapshot,
  type LroState,
  type PollUntilDoneOptions,
  type RequestTrace,
} from './lroTypes';

export const MAX_POLL_DELAY_MS = 30_000;

export abstract class BasePoller<TResult, TState extends LroState> implements LroPoller<TResult> {
  /** A step in progress: concurrent poll() calls share it instead of polling twice. */
  private stepping: Promise<void> | undefined;

  protected constructor(protected state: TState) {}

  get kind(): LroKind {
    return this.state.kind;
  }
  get operationName(): string {
    return this.state.operationName;
  }
  get latest(): LroSnapshot {
    return { ...this.state.snapshot, elapsedMs: Date.now() - this.state.startedAt };
  }
  get result(): TResult | undefined {
    return this.state.result as TResult | undefined;
  }
  isDone(): boolean {
    return isTerminal(this.state.snapshot.status);
  }

  toJSON(): TState {
    return JSON.parse(JSON.stringify(this.state)) as TState;
  }

  async poll(signal?: AbortSignal): Promise<LroSnapshot> {
    throwIfAborted(signal);
    if (!this.isDone()) {
      this.stepping ??= this.step(signal).finally(() => {
        this.stepping = undefined;
      });
      await this.stepping;
    }
    return this.latest;
  }

  async pollUntilDone(options: PollUntilDoneOptions = {}): Promise<TResult> {
    // The last answer's Retry-After (the initial response's, or the one saved before a reload) still applies.
    const owed = this.retryAfterOwedMs();
    if (owed > 0) await abortableDelay(owed, options.signal);
    for (let attempt = 0; ; attempt++) {
      const snapshot = await this.poll(options.signal);
      options.onProgress?.(snapshot);
      if (isTerminal(snapshot.status)) break;
      await abortableDelay(pollDelayMs(attempt, snapshot.retryAfterMs, options), options.signal);
    }
    const final = this.state.snapshot;
    if (final.status === 'succeeded') return this.state.result as TResult;
    throw final.error
      ? AzureRequestError.fromJSON(final.error)
      : new AzureRequestError({
          status: 0,
          operationStatus: final.serviceStatus ?? (final.status === 'canceled' ? 'Canceled' : 'Failed'),
          code: final.status === 'canceled' ? 'OperationCanceled' : 'OperationFailed',
          message: `${this.operationName} ${final.status === 'canceled' ? 'was canceled' : 'failed'}${final.serviceStatus ? ` (status ${final.serviceStatus})` : ''}.`,
          operation: { name: this.operationName, method: 'GET', url: '' },
        });
  }

  /** What is left of the latest answer's Retry-After, counted from when that answer came. */
  private retryAfterOwedMs(): number {
    const { retryAfterMs: asked, lastPoll, initialRequest } = this.state.snapshot;
    if (this.isDone() || !asked) return 0;
    const at = Date.parse((lastPoll ?? initialRequest)?.at ?? '');
    return Number.isFinite(at) ? Math.max(0, Math.min(asked, at + asked - Date.now())) : asked;
  }

  /** Advances the state by one poll. Implementations update this.state (snapshot, phase, result). */
  protected abstract step(signal?: AbortSignal): Promise<void>;

  /** Remembers the request that started the operation (its ids are what support asks for first). */
  protected recordInitial(response: AzureResponse): void {
    this.state.snapshot.initialRequest = requestTrace(response.method, response.url, response.status, response.ids);
  }

  /** GETs a status or result URL and remembers its ids, whether it answers or fails. */
  protected async pollGet(client: AzureClient, url: string, signal?: AbortSignal): Promise<AzureResponse> {
    try {
      const response = await client.send({ operationName: `${this.state.operationName} (status)`, method: 'GET', url, signal });
      this.state.snapshot.lastPoll = requestTrace('GET', url, response.status, response.ids);
      return response;
    } catch (err) {
      if (isAzureRequestError(err)) this.state.snapshot.lastPoll = requestTrace('GET', url, err.status || undefined, err);
      throw err;
    }
  }

  protected setRunning(response: AzureResponse | undefined, extra: Partial<LroSnapshot> = {}): void {
    this.state.snapshot = {
      ...this.state.snapshot,
      ...extra,
      status: 'running',
      retryAfterMs: response ? retryAfterMs(response.headers) : undefined,
      elapsedMs: Date.now() - this.state.startedAt,
    };
  }

  /** Records the result of a succeeded operation and ends polling. */
  protected succeedWith(result: unknown): void {
    this.state.result = result;
    this.state.phase = 'done';
    this.setTerminal('succeeded');
  }

  /** Ends polling with the operation failed. */
  protected failWith(error: SerializedAzureError, extra: Partial<LroSnapshot> = {}): void {
    this.state.phase = 'done';
    this.setTerminal('failed', { ...extra, error });
  }

  /**
   * An error answer from a status or result URL: a 4xx (other than 408/429) is the operation's end — the
   * service will not answer differently next time — so it fails with that answer's code and message.
   * Throttling, 5xx and network failures say nothing about the operation: rethrown, so polling resumes later.
   */
  protected failOnStatusCheckError(err: unknown): void {
    if (!isAzureRequestError(err) || err.status < 400 || err.status >= 500 || err.status === 408 || err.status === 429) throw err;
    this.failWith(operationFailureFrom(err));
  }

  /** A status document whose status word is missing or unknown: fails, showing the answer, instead of polling forever. */
  protected failUnrecognisedStatus(response: AzureResponse, serviceStatus: string | undefined): void {
    const excerpt = redactFreeText(response.bodyText.trim().slice(0, 500)) || '(empty body)';
    const said = serviceStatus === undefined ? 'no status' : `the status "${serviceStatus}"`;
    this.failWith(
      new AzureRequestError({
        ...response.ids,
        status: 0,
        operationStatus: serviceStatus ?? 'Unknown',
        operation: { name: this.operationName, method: 'GET', url: response.url },
        code: 'UnrecognizedOperationStatus',
        message: `${this.operationName}: the status check answered with ${said}, which does not say whether the operation is running, succeeded or failed. Answer: ${excerpt}`,
        rawBodyExcerpt: excerpt,
      }).toJSON(),
      { serviceStatus },
    );
  }

  protected setTerminal(status: 'succeeded' | 'failed' | 'canceled', extra: Partial<LroSnapshot> = {}): void {
    this.state.snapshot = {
      ...this.state.snapshot,
      ...extra,
      status,
      retryAfterMs: undefined,
      elapsedMs: Date.now() - this.state.startedAt,
    };
    if (status === 'succeeded') this.state.snapshot.percent = 100;
  }

  /** The error of a failed/canceled operation from a status body ({status, error}): the operation's own code and
   *  message and the status check's request ids; no HTTP status (the status check itself succeeded). */
  protected failure(response: AzureResponse, outcome: 'failed' | 'canceled', serviceStatus?: string): SerializedAzureError {
    const body = response.body as Record<string, unknown> | undefined;
    const fields = readErrorObject(
      body && typeof body.error === 'object' && body.error !== null && 'errorCode' in body.error ? body.error : body,
    );
    const operation: FailedOperation = { name: this.operationName, method: 'GET', url: response.url };
    return new AzureRequestError({
      ...response.ids,
      requestId: response.ids.requestId ?? fields?.requestId,
      status: 0,
      operationStatus: serviceStatus ?? (outcome === 'canceled' ? 'Canceled' : 'Failed'),
      operation,
      code: fields?.code ?? (outcome === 'canceled' ? 'OperationCanceled' : 'OperationFailed'),
      message:
        fields?.message ??
        `${this.operationName} ${outcome === 'canceled' ? 'was canceled' : 'failed'} (status ${serviceStatus ?? outcome}).`,
      target: fields?.target,
      details: fields?.details,
    }).toJSON();
  }
}

/** A status or result URL that answered its failure as an HTTP error (ARM's Location polling): the operation failed. */
export function operationFailureFrom(err: AzureRequestError): SerializedAzureError {
  return { ...err.toJSON(), status: 0, operationStatus: 'Failed' };
}

/**
 * Wait before the next poll: the service's Retry-After when given (never shorter, even above the cap;
 * at least minDelayMs), otherwise backoff ×1.5 from minDelayMs (default 1 s) capped at maxDelayMs
 * (default and upper bound 30 s).
 */
export function pollDelayMs(
  attempt: number,
  retryAfter: number | undefined,
  options: Pick<PollUntilDoneOptions, 'minDelayMs' | 'maxDelayMs'> = {},
): number {
  const minDelay = Math.max(0, options.minDelayMs ?? 1_000);
  const maxDelay = Math.min(MAX_POLL_DELAY_MS, Math.max(minDelay, options.maxDelayMs ?? MAX_POLL_DELAY_MS));
  if (retryAfter !== undefined) return Math.max(retryAfter, minDelay);
  return Math.min(maxDelay, minDelay * 1.5 ** attempt);
}

export function requestTrace(method: string, url: string, status: number | undefined, ids: RequestIds): RequestTrace {
  const trace: RequestTrace = { method, url: redactUrl(url), status, at: new Date().toISOString() };
  if (ids.requestId) trace.requestId = ids.requestId;
  if (ids.correlationId) trace.correlationId = ids.correlationId;
  if (ids.clientRequestId) trace.clientRequestId = ids.clientRequestId;
  return trace;
}

export function initialSnapshot(): LroSnapshot {
  return { status: 'running', elapsedMs: 0 };
}

export function percentFrom(body: unknown): number | undefined {
  const p = (body as { percentComplete?: unknown } | undefined)?.percentComplete;
  return typeof p === 'number' && Number.isFinite(p) ? Math.max(0, Math.min(100, p)) : undefined;
}

export function header(response: { headers: Record<string, string> }, name: string): string | undefined {
  return response.headers[name.toLowerCase()] || undefined;
}
