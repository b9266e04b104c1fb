// Reads how long the service asked us to wait. ARM and Fabric send `Retry-After` either as
// delta-seconds ("60") or as an HTTP date; some Azure services add `retry-after-ms` /
// `x-ms-retry-after-ms`. Mirrors core-rest-pipeline's throttlingRetryStrategy.
import type { HttpHeaders } from '@azure/core-rest-pipeline';

const MILLISECOND_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms'];

/** Milliseconds to wait, or undefined when no usable header is present. Never negative. */
export function retryAfterMs(headers: HttpHeaders | Record<string, string | undefined>, now = Date.now()): number | undefined {
  const get = (name: string): string | undefined => (isHttpHeaders(headers) ? headers.get(name) : findHeader(headers, name));
  for (const name of MILLISECOND_HEADERS) {
    const value = get(name);
    if (value !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value));
  }
  const value = get('retry-after');
  return value === undefined ? undefined : parseRetryAfter(value, now);
}

/** Parses a `Retry-After` value: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function isHttpHeaders(h: unknown): h is HttpHeaders {
  return typeof (h as HttpHeaders).get === 'function' && typeof (h as HttpHeaders).has === 'function';
}

function findHeader(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
