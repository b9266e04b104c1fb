// The replication monitor's numbers: rows per second between reads, stale tables only while Running,
// totals, change detection, the refresh schedule and the CSV export.
import * as assert from 'node:assert/strict';
import type { TableMirroringStatus } from '../../../../src/azure/fabric/fabricModels';
import {
  BASE_REFRESH_MS,
  buildRows,
  fingerprint,
  MAX_REFRESH_MS,
  nextRefreshMs,
  rowsToCsv,
  THROTTLED_REFRESH_MS,
} from '../../../../src/fabric/webviews/monitorModel';

const T0 = Date.parse('2026-11-29T05:00:00Z');
const table = (name: string, rows: number, lastSync: string | undefined, status = 'Replicating', error?: string): TableMirroringStatus => ({
  sourceSchemaName: 'dbo',
  sourceTableName: name,
  status,
  metrics: { processedRows: rows, processedBytes: rows * 10, lastSyncDateTime: lastSync, lastSyncLatencyInSeconds: 2 },
  error: error ? { errorCode: 'Bad', message: error } : undefined,
});

describe('replication monitor model', () => {
  it('computes rows per second since the previous read and the totals', () => {
    const first = buildRows(
      {
        mirroring: { status: 'Running' },
        tables: [table('A', 100, '2026-11-29T04:59:50Z'), table('B', 50, '2026-11-29T04:59:55Z')],
        at: T0,
      },
      new Map(),
      10,
    );
    assert.equal(first.rows[0].rowsPerSecond, undefined, 'no rate on the first read');
    assert.equal(first.totals.rowsPerSecond, undefined);
    const second = buildRows(
      {
        mirroring: { status: 'Running' },
        tables: [table('A', 300, '2026-11-29T05:00:09Z'), table('B', 50, '2026-11-29T04:59:55Z')],
        at: T0 + 10_000,
      },
      first.readings,
      10,
    );
    assert.equal(second.rows[0].rowsPerSecond, 20);
    assert.equal(second.rows[1].rowsPerSecond, 0);
    assert.deepEqual(second.totals, { tables: 2, failed: 0, stale: 0, processedRows: 350, processedBytes: 3500, rowsPerSecond: 20 });
  });

  it('marks a table stale after N minutes without a sync, only while the database is Running, never a failed one', () => {
    const tables = [
      table('Old', 1, '2026-11-29T04:40:00Z'),
      table('Fresh', 1, '2026-11-29T04:58:00Z'),
      table('Broken', 0, undefined, 'Failed', 'x'),
    ];
    const running = buildRows({ mirroring: { status: 'Running' }, tables, at: T0 }, new Map(), 10);
    assert.deepEqual(
      running.rows.map((r) => [r.name, r.stale]),
      [
        ['dbo.Old', true],
        ['dbo.Fresh', false],
        ['dbo.Broken', false],
      ],
    );
    assert.equal(running.totals.stale, 1);
    assert.equal(running.totals.failed, 1);
    assert.equal(running.rows[2].error, 'Bad: x');
    assert.equal(buildRows({ mirroring: { status: 'Stopped' }, tables, at: T0 }, new Map(), 10).totals.stale, 0);
    assert.equal(buildRows({ mirroring: { status: 'Running' }, tables, at: T0 }, new Map(), 30).totals.stale, 0, 'N is the setting');
  });

  it('tells a changed read from an unchanged one', () => {
    const a = { mirroring: { status: 'Running' }, tables: [table('A', 1, 'x')] };
    assert.equal(fingerprint(a), fingerprint(structuredClone(a)));
    assert.notEqual(fingerprint(a), fingerprint({ ...a, tables: [table('A', 2, 'x')] }));
  });

  it('reads every 10 s after a change, backs off to 2 min while nothing changes, waits at least a minute after a 429', () => {
    assert.equal(nextRefreshMs(undefined, 'changed'), BASE_REFRESH_MS);
    assert.equal(nextRefreshMs(undefined, 'unchanged'), BASE_REFRESH_MS);
    let d = BASE_REFRESH_MS;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) seen.push((d = nextRefreshMs(d, 'unchanged')));
    assert.deepEqual(seen, [20_000, 40_000, 80_000, MAX_REFRESH_MS, MAX_REFRESH_MS, MAX_REFRESH_MS]);
    assert.equal(nextRefreshMs(MAX_REFRESH_MS, 'changed'), BASE_REFRESH_MS);
    assert.equal(nextRefreshMs(BASE_REFRESH_MS, 'throttled'), THROTTLED_REFRESH_MS);
    assert.ok(nextRefreshMs(BASE_REFRESH_MS, 'failed') > BASE_REFRESH_MS);
  });

  it('exports CSV with quoting and formula neutralisation', () => {
    const { rows } = buildRows(
      { mirroring: { status: 'Running' }, tables: [table('A', 5, undefined, 'Failed', '=HYPERLINK("x"), boom')], at: T0 },
      new Map(),
      10,
    );
    const csv = rowsToCsv(rows);
    const [header, line] = csv.split('\r\n');
    assert.equal(header, 'table,status,processedRows,processedBytes,rowsPerSecond,lastSync,latencySeconds,stale,error');
    assert.equal(line, 'dbo.A,Failed,5,50,,,2,false,"Bad: =HYPERLINK(""x""), boom"');
    const odd = buildRows({ mirroring: { status: 'Running' }, tables: [table('B', 1, undefined, '@SUM(A1)')], at: T0 }, new Map(), 10);
    assert.equal(rowsToCsv(odd.rows).split('\r\n')[1].split(',')[1], "'@SUM(A1)", 'a cell starting a formula is neutralised');
  });
});
