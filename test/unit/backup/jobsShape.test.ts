import { strict as assert } from 'node:assert';
import { checkFromJobs } from '../../../src/backup/webviews/protocol/jobsShape';

describe('backup jobs page messages', () => {
  it('accepts every message of the protocol', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'loadMore' },
      { type: 'filter', filters: { status: 'Failed', operation: '', period: '7d' } },
      { type: 'details', jobName: 'a1b2' },
      { type: 'cancel', jobName: 'a1b2' },
      { type: 'revealItem', jobName: 'a1b2' },
      { type: 'showOperation', operationId: 'op-1' },
      { type: 'cspViolation', directive: 'script-src', blocked: 'inline' },
    ])
      assert.equal(checkFromJobs(m), undefined, JSON.stringify(m));
  });

  it('refuses unknown types, missing or extra fields and wrong values', () => {
    assert.match(checkFromJobs({ type: 'deleteVault' }) ?? '', /unknown message type/);
    assert.match(checkFromJobs({ type: 'cancel' }) ?? '', /jobName/);
    assert.match(checkFromJobs({ type: 'cancel', jobName: '' }) ?? '', /fewer than 1/);
    assert.match(checkFromJobs({ type: 'details', jobName: 7 }) ?? '', /string/);
    assert.match(checkFromJobs({ type: 'filter', filters: { status: '', operation: '', period: 'forever' } }) ?? '', /allowed values/);
    assert.match(checkFromJobs({ type: 'filter', filters: { status: '', operation: '', period: '7d', sql: 'x' } }) ?? '', /additional/);
    assert.ok(checkFromJobs('ready'));
    assert.ok(checkFromJobs(null));
  });
});
