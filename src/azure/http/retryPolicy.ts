// Retry with exponential backoff + jitter, honouring Retry-After. Same decisions as
// core-rest-pipeline's defaultRetryPolicy (throttling + exponential + system-error strategies),
// plus what it lacks: a cap on TOTAL time, so a 429 storm ends in bounded time with the last
// answer, AbortSignal-aware sleeping so cancel is immediate, and no resend of a POST whose connection
// broke after it may have reached the service.
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import { abortableDelay, isAbortError } from './abortableDelay';
import { retryAfterMs } from './retryAfter';

export interface RetryOptions {
  /** Retries after the first attempt (so attempts = maxRetries + 1). Default 5. */
  maxRetries?: number;
  /** First backoff delay. Default 800 ms (core's default). */
  baseDelayMs?: number;
  /** Cap for one computed backoff delay. Default 60 s. */
  maxDelayMs?: number;
  /** Cap for the whole request including waits; a retry that would end later is not attempted. Default 120 s. */
  maxTotalMs?: number;
  /** Random source for jitter (tests pass a fixed one). */
  random?: () => number;
}

export const retryPolicyName = 'azureRetryPolicy';

/** 408, 429 and 5xx except 501/505 (same set as core's exponentialRetryStrategy + throttling). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const RETRYABLE_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'ENOENT',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

/** Failures that happen before the request can have left: safe to resend whatever the method. */
const NOT_SENT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ENOENT', 'EAI_AGAIN']);

/**
 * Connection failures are retried; a per-attempt timeout is not (see requestTimeout.ts). A POST is not
 * idempotent (ARM's PUT, PATCH and DELETE are): after a reset it may already have reached the service, so
 * it is resent only when the connection was never made.
 */
export function isRetryableError(err: unknown, method?: string): boolean {
  if (isAbortError(err)) return false;
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !RETRYABLE_ERROR_CODES.has(code)) return false;
  return method?.toUpperCase() !== 'POST' || NOT_SENT_ERROR_CODES.has(code);
}

/** Backoff for retry number `retry` (0-based): base·2^retry capped, with ±20% jitter like core. */
export function backoffDelayMs(retry: number, base: number, max: number, random: () => number = Math.random): number {
  const exponential = Math.min(max, base * 2 ** retry);
  return Math.round(exponential * (0.8 + random() * 0.4));
}

export function retryPolicy(options: RetryOptions = {}): PipelinePolicy {
  const maxRetries = options.maxRetries ?? 5;
  const base = options.baseDelayMs ?? 800;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const maxTotal = options.maxTotalMs ?? 120_000;
  const random = options.random ?? Math.random;

  return {
    name: retryPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const started = Date.now();
      for (let retry = 0; ; retry++) {
        let response: PipelineResponse | undefined;
        let error: unknown;
        try {
          response = await next(request);
        } catch (err) {
          error = err;
        }
        const retryable = response ? isRetryableStatus(response.status) : isRetryableError(error, request.method);
        if (!retryable || retry >= maxRetries) return finish(response, error);
        const asked = response ? retryAfterMs(response.headers) : undefined;
        const delay = asked ?? backoffDelayMs(retry, base, maxDelay, random);
        if (Date.now() - started + delay > maxTotal) return finish(response, error);
        await abortableDelay(delay, request.abortSignal as AbortSignal | undefined);
      }
    },
  };
}

function finish(response: PipelineResponse | undefined, error: unknown): PipelineResponse {
  if (response) return response;
  throw error;
}
