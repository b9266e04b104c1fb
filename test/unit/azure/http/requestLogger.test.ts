import assert from 'node:assert/strict';
import { formatLogEntry } from '../../../../src/azure/http/requestLogger';

describe('request log lines', () => {
  it('formats status, duration, retries and ids on one line', () => {
    assert.equal(
      formatLogEntry({
        method: 'GET',
        url: 'https://management.azure.com/subscriptions?api-version=2022-12-01',
        status: 200,
        durationMs: 123,
        attempt: 1,
        clientRequestId: 'c',
        requestId: 'r',
        correlationId: 'k',
      }),
      'GET https://management.azure.com/subscriptions?api-version=2022-12-01 200 123ms client-request-id=c request-id=r correlation-id=k',
    );
    assert.equal(
      formatLogEntry({ method: 'PUT', url: 'https://h/x', durationMs: 5, attempt: 3, error: 'ECONNRESET' }),
      'PUT https://h/x failed (ECONNRESET) 5ms (attempt 3)',
    );
  });
});
