// The shape of every message the sync log page may send (see dataSyncLogs.ts), checked before the panel acts.
import { cspViolationSchema, fields, messageShapeCheck, noFields, oneOfStrings, str } from '../../../ui/webview/messageShape';
import type { FromSyncLogs } from './dataSyncLogs';

export const LOG_PRESETS = ['lastHour', 'last24Hours', 'last7Days'] as const;
export const LOG_TYPES = ['All', 'Error', 'Warning', 'Success'] as const;

export const checkFromSyncLogs = messageShapeCheck<FromSyncLogs>({
  ready: noFields,
  query: fields({
    range: { anyOf: [fields({ preset: oneOfStrings(LOG_PRESETS) }), fields({ start: str, end: str })] },
    logType: oneOfStrings(LOG_TYPES),
  }),
  loadMore: noFields,
  export: fields({ format: oneOfStrings(['csv', 'json']) }),
  cspViolation: cspViolationSchema,
});
