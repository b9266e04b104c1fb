// The columns of the fault matrix: each emulator fault, the rule that aims it at one operation's request,
// and the outcome that operation must have under it — retried where that is safe, otherwise a typed error.
import type { FaultRuleInput } from '../../../src/emulator/core/faults';
import type { MatrixOperation } from './matrixOperations';

/** Short Retry-After / backoff values keep the whole matrix fast; the behaviour is the same as with seconds. */
export const RETRY_AFTER_SECONDS = 0.1;

export type Expected =
  | { kind: 'retried'; minGapMs?: number }
  /** requests: how many times the faulted request is sent (1 = not retried, 'all' = until the retries are spent). */
  | { kind: 'error'; code: string; serverAnswered: boolean; requests?: number | 'all' }
  | { kind: 'n/a' };

export interface MatrixFault {
  name: string;
  rule: Omit<FaultRuleInput, 'method' | 'path'>;
  expect(op: Pick<MatrixOperation<unknown>, 'method' | 'kind' | 'canFailMidway' | 'lroFailureCode'>): Expected;
}

const retried: Expected = { kind: 'retried' };

export const FAULTS: MatrixFault[] = [
  {
    name: '429 + Retry-After',
    rule: { kind: '429', count: 1, retryAfterSeconds: RETRY_AFTER_SECONDS },
    expect: () => ({ kind: 'retried', minGapMs: RETRY_AFTER_SECONDS * 1000 - 10 }),
  },
  { name: '500', rule: { kind: '500', count: 1 }, expect: () => retried },
  { name: '503', rule: { kind: '503', count: 1, retryAfterSeconds: 0 }, expect: () => retried },
  {
    name: 'connection reset',
    rule: { kind: 'reset', count: 1 },
    // A POST may have reached the service: it is not sent again.
    expect: (op) => (op.method === 'POST' ? { kind: 'error', code: 'ECONNRESET', serverAnswered: false, requests: 1 } : retried),
  },
  {
    name: 'hang',
    rule: { kind: 'hang', count: 1 },
    expect: () => ({ kind: 'error', code: 'RequestTimeout', serverAnswered: false, requests: 1 }),
  },
  {
    name: 'malformed JSON',
    rule: { kind: 'malformed', count: 1 },
    expect: () => ({ kind: 'error', code: 'InvalidResponseBody', serverAnswered: true, requests: 1 }),
  },
  {
    name: 'HTML error page',
    rule: { kind: 'html' },
    expect: () => ({ kind: 'error', code: 'HttpStatus502', serverAnswered: true, requests: 'all' }),
  },
  { name: 'expired token', rule: { kind: 'expired-token', count: 1 }, expect: () => retried },
  {
    name: 'LRO fails midway',
    rule: { kind: 'lro-fail', count: 1 },
    expect: (op) =>
      op.kind === 'lro' && op.canFailMidway !== false
        ? { kind: 'error', code: op.lroFailureCode ?? 'OperationTimedOut', serverAnswered: true }
        : { kind: 'n/a' },
  },
  {
    name: 'nextLink repeats',
    rule: { kind: 'repeat-nextlink' },
    // The first page, then the page its link pointed back at: the repeat is seen there, not followed again.
    expect: (op) => (op.kind === 'list' ? { kind: 'error', code: 'PagingLoop', serverAnswered: true, requests: 2 } : { kind: 'n/a' }),
  },
];
