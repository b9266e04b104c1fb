// The shape of every message the jobs page may send (see jobs.ts), checked before the panel acts.
import { cspViolationSchema, fields, messageShapeCheck, noFields, oneOfStrings, str } from '../../../ui/webview/messageShape';
import type { FromJobs } from './jobs';

const name = { type: 'string', minLength: 1, maxLength: 200 };

export const checkFromJobs = messageShapeCheck<FromJobs>({
  ready: noFields,
  filter: fields({
    filters: {
      ...fields({
        status: { ...str, maxLength: 100 },
        operation: { ...str, maxLength: 100 },
        period: oneOfStrings(['24h', '7d', '30d', 'all']),
      }),
      additionalProperties: false,
    },
  }),
  refresh: noFields,
  loadMore: noFields,
  details: fields({ jobName: name }),
  cancel: fields({ jobName: name }),
  revealItem: fields({ jobName: name }),
  showOperation: fields({ operationId: name }),
  cspViolation: cspViolationSchema,
});
