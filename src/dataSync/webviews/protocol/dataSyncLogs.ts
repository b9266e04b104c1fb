// Messages between the sync log panel and media/webviews/syncLogs.ts.
import type { CspViolationMessage, ErrorInfo } from './dataSyncCommon';

export type LogTypeFilter = 'All' | 'Error' | 'Warning' | 'Success';
export type LogRangeMessage = { preset: 'lastHour' | 'last24Hours' | 'last7Days' } | { start: string; end: string };

export interface LogEntryView {
  timestamp: string;
  type: string;
  source: string;
  details: string;
  operationStatus: string;
  tracingId: string;
}

export type ToSyncLogs =
  /** `filters`: the ones in use before a window reload, to query again. */
  | { type: 'init'; groupName: string; groupId: string; filters?: { range: LogRangeMessage; logType: LogTypeFilter } }
  | { type: 'loading'; append: boolean }
  | { type: 'entries'; entries: LogEntryView[]; append: boolean; hasMore: boolean; total: number; startTime: string; endTime: string }
  | { type: 'exported'; text: string }
  | { type: 'rangeError'; message: string }
  | { type: 'error'; error: ErrorInfo };

export type FromSyncLogs =
  | { type: 'ready' }
  | { type: 'query'; range: LogRangeMessage; logType: LogTypeFilter }
  | { type: 'loadMore' }
  | { type: 'export'; format: 'csv' | 'json' }
  | CspViolationMessage;
