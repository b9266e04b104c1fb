// A 2xx answer whose body cannot be what was asked for: JSON cut off mid-way (a dropped connection, a
// proxy limit) or a list without its items array. Such an answer must surface as an error, never as
// an empty list. The check is shared by the client (which throws) and the logging policy (which marks
// the log line), so a request's expectation travels with the pipeline request.
import type { PipelineRequest } from '@azure/core-rest-pipeline';

export interface BodyExpectation {
  /** The body must be an object with an array in this field (list calls: `value`, Fabric tables: `data`). */
  listField?: string;
}

export interface CheckedBody {
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  /** What is wrong with the body, in words for a user; undefined when it is fine. */
  problem?: string;
}

const expectations = new WeakMap<PipelineRequest, BodyExpectation>();

export function expectBody(request: PipelineRequest, expectation: BodyExpectation): void {
  expectations.set(request, expectation);
}

/** Checks a 2xx body against what its request expected; other statuses are the error parser's business. */
export function checkResponseBody(request: PipelineRequest, status: number, bodyText: string): CheckedBody {
  if (status < 200 || status >= 300) return { body: undefined };
  const listField = expectations.get(request)?.listField;
  let body: unknown;
  if (bodyText.trim()) {
    try {
      body = JSON.parse(bodyText);
    } catch {
      return { body: undefined, problem: `the JSON body is cut off or invalid (${Buffer.byteLength(bodyText)} bytes received)` };
    }
  }
  if (listField === undefined) return { body };
  if (body === undefined) return { body, problem: `the body is empty where a list was expected` };
  const items =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[listField] : undefined;
  if (!Array.isArray(items)) return { body, problem: `the body is not a list (it has no "${listField}" array)` };
  return { body };
}
