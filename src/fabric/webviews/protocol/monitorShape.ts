// The shape of every message the replication monitor page may send (see monitor.ts), checked before the panel acts.
import { cspViolationSchema, messageShapeCheck, noFields } from '../../../ui/webview/messageShape';
import type { FromMonitor } from './monitor';

export const checkFromMonitor = messageShapeCheck<FromMonitor>({
  ready: noFields,
  refresh: noFields,
  export: noFields,
  cspViolation: cspViolationSchema,
});
