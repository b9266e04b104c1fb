// Sync log export builders, pure so they are unit-tested. CSV follows RFC 4180 (quote a cell holding a
// quote, comma or line break; double inner quotes) and neutralises spreadsheet formula injection: a
// cell that starts with = + - @ (or tab / carriage return) gets a leading apostrophe, because log
// details contain text from databases and users that Excel would otherwise execute.
import type { SyncGroupLog } from '../../azure/sql/syncModels';

export const LOG_COLUMNS = ['timestamp', 'type', 'source', 'details', 'operationStatus', 'tracingId'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
