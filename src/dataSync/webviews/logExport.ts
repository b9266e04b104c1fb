// Sync log export builders, pure so they are unit-tested. CSV cells go through the shared csvCell (RFC
// 4180, formula injection neutralised: log details contain text from databases and users).
import type { SyncGroupLog } from '../../azure/sql/syncModels';
import { csvCell } from '../../ui/csv';

export { csvCell } from '../../ui/csv';

export const LOG_COLUMNS = ['timestamp', 'type', 'source', 'details', 'operationStatus', 'tracingId'] as const;

export function logsToCsv(logs: readonly SyncGroupLog[]): string {
  const lines = [LOG_COLUMNS.join(',')];
  for (const log of logs) lines.push(LOG_COLUMNS.map((c) => csvCell(log[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function logsToJson(
  logs: readonly SyncGroupLog[],
  query: { syncGroupId: string; startTime: string; endTime: string; type: string },
): string {
  return `${JSON.stringify({ ...query, exportedAt: new Date().toISOString(), count: logs.length, logs }, undefined, 2)}\n`;
}
