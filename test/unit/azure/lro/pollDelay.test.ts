import assert from 'node:assert/strict';
import { pollDelayMs, MAX_POLL_DELAY_MS } from '../../../../src/azure/lro/basePoller';
import { normalizeStatus } from '../../../../src/azure/lro/lroTypes';

describe('LRO poll delays and status words', () => {
  it('never shorter than Retry-After, even above the 30 s cap', () => {
    assert.equal(pollDelayMs(0, 45_000), 45_000);
    assert.equal(pollDelayMs(5, 2_000, { minDelayMs: 10 }), 2_000);
    assert.equal(pollDelayMs(0, 0, { minDelayMs: 500 }), 500, 'Retry-After: 0 does not make a busy loop');
  });

  it('without Retry-After: backoff from minDelayMs, capped at maxDelayMs and never above 30 s', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((a) => pollDelayMs(a, undefined, { minDelayMs: 1_000, maxDelayMs: 2_000 })),
      [1_000, 1_500, 2_000, 2_000],
    );
    assert.equal(pollDelayMs(50, undefined), MAX_POLL_DELAY_MS);
    assert.equal(pollDelayMs(50, undefined, { maxDelayMs: 120_000 }), 30_000);
    assert.equal(pollDelayMs(0, undefined), 1_000);
  });

  it('maps service status words (any case, open-ended) to four states', () => {
    const cases: Array<[unknown, string]> = [
      ['Succeeded', 'succeeded'],
      ['SUCCEEDED', 'succeeded'],
      ['Completed', 'succeeded'],
      ['CompletedWithWarnings', 'succeeded'],
      ['Failed', 'failed'],
      ['failed', 'failed'],
      ['Canceled', 'canceled'],
      ['Cancelled', 'canceled'],
      ['InProgress', 'running'],
      ['NotStarted', 'running'],
      ['Running', 'running'],
      ['Undefined', 'running'],
      ['Accepted', 'running'],
      ['SomethingNew', 'running'],
      [undefined, 'running'],
      [42, 'running'],
    ];
    for (const [word, expected] of cases) assert.equal(normalizeStatus(word), expected, String(word));
  });
});
