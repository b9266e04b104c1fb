// Messages between the replication monitor panel and media/webviews/fabric/pages/monitor.ts.

export interface MonitorTableRow {
  /** schema.table */
  name: string;
  status: string;
  processedRows?: number;
  processedBytes?: number;
  /** Rows per second since the previous refresh; undefined on the first one. */
  rowsPerSecond?: number;
  lastSync?: string;
  latencySeconds?: number;
  /** "code: message" as the service sent it (rendered as text). */
  error?: string;
  /** No sync for `staleMinutes` while the database is Running. */
  stale: boolean;
}

export interface MonitorTotals {
  tables: number;
  failed: number;
  stale: number;
  processedRows: number;
  processedBytes: number;
  rowsPerSecond?: number;
}

export interface MonitorSnapshot {
  databaseName: string;
  workspaceName?: string;
  status: string;
  databaseError?: string;
  tables: MonitorTableRow[];
  totals: MonitorTotals;
  staleMinutes: number;
  /** ISO time of the read. */
  readAt: string;
  /** When the next read is due, in ms (while visible). */
  nextRefreshMs: number;
}

export type ToMonitor =
  | { type: 'snapshot'; snapshot: MonitorSnapshot }
  | { type: 'loading' }
  | { type: 'error'; message: string; nextRefreshMs: number }
  | { type: 'exported'; text: string };

export type FromMonitor =
  { type: 'ready' } | { type: 'refresh' } | { type: 'export' } | { type: 'cspViolation'; directive: string; blocked: string };
