import assert from 'node:assert/strict';
import { csvCell, logsToCsv, logsToJson } from '../../../src/dataSync/webviews/logExport';
import { resolveLogRange } from '../../../src/dataSync/webviews/logTimeRange';

describe('sync log export', () => {
  it('escapes quotes, commas and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line1\nline2'), '"line1\nline2"');
    assert.equal(csvCell('cr\r\n'), '"cr\r\n"');
    assert.equal(csvCell(undefined), '');
  });
  it('neutralises formula injection with a leading apostrophe', () => {
    for (const s of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx']) assert.ok(csvCell(s).replace(/^"/, '').startsWith(`'${s[0]}`), s);
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
    assert.equal(csvCell('a=b'), 'a=b');
  });
  it('writes a header and one row per entry, CRLF separated', () => {
    const csv = logsToCsv([
      {
        timestamp: '2026-01-01T00:00:00Z',
        type: 'Error',
        source: 'srv/db',
        details: 'failed, "badly"\nretry',
        tracingId: 't1',
        operationStatus: 'SyncFailure',
      },
    ]);
    assert.equal(
      csv,
      'timestamp,type,source,details,operationStatus,tracingId\r\n2026-01-01T00:00:00Z,Error,srv/db,"failed, ""badly""\nretry",SyncFailure,t1\r\n',
    );
  });
  it('JSON keeps the query and every entry', () => {
    const json = JSON.parse(
      logsToJson([{ type: 'Success', details: '=x' }], { syncGroupId: '/g', startTime: 's', endTime: 'e', type: 'All' }),
    ) as { count: number; logs: unknown[]; syncGroupId: string };
    assert.equal(json.count, 1);
    assert.equal(json.syncGroupId, '/g');
    assert.deepEqual(json.logs, [{ type: 'Success', details: '=x' }]);
  });
});

describe('sync log time range', () => {
  const now = Date.parse('2026-05-01T12:00:00Z');
  it('resolves presets', () => {
    assert.deepEqual(resolveLogRange({ preset: 'lastHour' }, now), {
      startTime: '2026-05-01T11:00:00.000Z',
      endTime: '2026-05-01T12:00:00.000Z',
    });
    assert.deepEqual(resolveLogRange({ preset: 'last7Days' }, now), {
      startTime: '2026-04-24T12:00:00.000Z',
      endTime: '2026-05-01T12:00:00.000Z',
    });
  });
  it('validates a custom range', () => {
    assert.ok('startTime' in resolveLogRange({ start: '2026-05-01T10:00Z', end: '2026-05-01T11:00Z' }, now));
    assert.match((resolveLogRange({ start: 'x', end: '2026-05-01' }) as { error: string }).error, /Start time/);
    assert.match((resolveLogRange({ start: '2026-05-02', end: '2026-05-01' }) as { error: string }).error, /after the start/);
  });
  it('says a missing start or end is required, not that it is an invalid date', () => {
    assert.deepEqual(resolveLogRange({ start: '', end: '2026-05-01T11:00Z' }, now), { error: 'Start time is required.' });
    assert.deepEqual(resolveLogRange({ start: '  ', end: '' }, now), { error: 'Start time is required.' });
    assert.deepEqual(resolveLogRange({ start: '2026-05-01T10:00Z', end: '' }, now), { error: 'End time is required.' });
  });
});
