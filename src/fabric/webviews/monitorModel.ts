// The replication monitor's numbers, pure so they are unit-tested: rows per second since the previous
// read, stale tables (no sync for N minutes while the database is Running), totals, a fingerprint to
// tell whether anything changed, the refresh schedule (10 s, backing off while nothing changes, longer
// after throttling) and the CSV export.
import type { MirroringStatusResponse, TableMirroringStatus } from '../../azure/fabric/fabricModels';
import { csvCell } from '../../ui/csv';
import type { MonitorTableRow, MonitorTotals } from './protocol/monitor';

export const BASE_REFRESH_MS = 10_000;
export const MAX_REFRESH_MS = 120_000;
export const THROTTLED_REFRESH_MS = 60_000;

export interface TableReading {
  rows?: number;
  at: number;
}

export interface MonitorRead {
  mirroring: MirroringStatusResponse;
  tables: TableMirroringStatus[];
  at: number;
}

const nameOf = (t: TableMirroringStatus) => `${t.sourceSchemaName ?? '?'}.${t.sourceTableName ?? '?'}`;

export function buildRows(
  read: MonitorRead,
  previous: ReadonlyMap<string, TableReading>,
  staleMinutes: number,
): { rows: MonitorTableRow[]; totals: MonitorTotals; readings: Map<string, TableReading> } {
  const running = read.mirroring.status === 'Running';
  const readings = new Map<string, TableReading>();
  const rows = read.tables.map((t): MonitorTableRow => {
    const name = nameOf(t);
    const m = t.metrics;
    const before = previous.get(name);
    const seconds = before ? (read.at - before.at) / 1000 : 0;
    const rowsPerSecond =
      before && seconds > 0 && m?.processedRows !== undefined && before.rows !== undefined
        ? Math.max(0, (m.processedRows - before.rows) / seconds)
        : undefined;
    readings.set(name, { rows: m?.processedRows, at: read.at });
    const lastSyncMs = m?.lastSyncDateTime ? Date.parse(m.lastSyncDateTime) : NaN;
    const stale =
      running &&
      t.status !== 'Failed' &&
      (Number.isNaN(lastSyncMs) ? t.status === 'Replicating' : read.at - lastSyncMs > staleMinutes * 60_000);
    return {
      name,
      status: t.status ?? 'Unknown',
      processedRows: m?.processedRows,
      processedBytes: m?.processedBytes,
      rowsPerSecond,
      lastSync: m?.lastSyncDateTime,
      latencySeconds: m?.lastSyncLatencyInSeconds,
      error: t.error ? `${t.error.errorCode ?? 'Error'}: ${t.error.message ?? ''}` : undefined,
      stale,
    };
  });
  const rates = rows.filter((r) => r.rowsPerSecond !== undefined);
  const totals: MonitorTotals = {
    tables: rows.length,
    failed: rows.filter((r) => r.status === 'Failed').length,
    stale: rows.filter((r) => r.stale).length,
    processedRows: rows.reduce((s, r) => s + (r.processedRows ?? 0), 0),
    processedBytes: rows.reduce((s, r) => s + (r.processedBytes ?? 0), 0),
    rowsPerSecond: rates.length ? rates.reduce((s, r) => s + (r.rowsPerSecond ?? 0), 0) : undefined,
  };
  return { rows, totals, readings };
}

/** What a read says, without its time: equal fingerprints mean nothing changed. */
export function fingerprint(read: Omit<MonitorRead, 'at'>): string {
  return JSON.stringify([read.mirroring, read.tables]);
}

/** The wait before the next read: 10 s after a change, doubling while nothing changes (≤ 2 min); a minute at least after a 429. */
export function nextRefreshMs(previousMs: number | undefined, outcome: 'changed' | 'unchanged' | 'throttled' | 'failed'): number {
  switch (outcome) {
    case 'changed':
      return BASE_REFRESH_MS;
    case 'unchanged':
      return Math.min(MAX_REFRESH_MS, (previousMs ?? BASE_REFRESH_MS / 2) * 2);
    case 'throttled':
      return Math.max(THROTTLED_REFRESH_MS, Math.min(MAX_REFRESH_MS, (previousMs ?? BASE_REFRESH_MS) * 2));
    case 'failed':
      return Math.min(MAX_REFRESH_MS, Math.max(BASE_REFRESH_MS * 3, (previousMs ?? BASE_REFRESH_MS) * 2));
  }
}

export const MONITOR_CSV_COLUMNS = [
  'table',
  'status',
  'processedRows',
  'processedBytes',
  'rowsPerSecond',
  'lastSync',
  'latencySeconds',
  'stale',
  'error',
] as const;

export function rowsToCsv(rows: readonly MonitorTableRow[]): string {
  const lines = [MONITOR_CSV_COLUMNS.join(',')];
  for (const r of rows)
    lines.push(
      [
        r.name,
        r.status,
        r.processedRows,
        r.processedBytes,
        r.rowsPerSecond === undefined ? undefined : Math.round(r.rowsPerSecond * 10) / 10,
        r.lastSync,
        r.latencySeconds,
        r.stale,
        r.error,
      ]
        .map(csvCell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
