// The JSON schema of every message the Restore page may send: a panel refuses an unknown type or a
// missing field before acting on it (the page is a separate program, and a stale one after an update).
import type { SchemaObject } from 'ajv';
import { cspViolationSchema, fields, noFields, oneOfStrings, str, type MessageSchemas } from '../../ui/webview/messageShape';
import type { FromRestoreWizard } from './protocol/restoreWizard';

const restoreForm = fields({
  mode: oneOfStrings(['point', 'pointInTime']),
  point: str,
  pointInTime: str,
  target: oneOfStrings(['original', 'alternate', 'files']),
  confirmName: str,
  containerId: str,
  instance: str,
  databaseName: str,
  files: {
    type: 'array',
    maxItems: 1000,
    items: { ...fields({ mappingType: str, sourceLogicalName: str, sourcePath: str, targetPath: str }), additionalProperties: false },
  } satisfies SchemaObject,
  folder: str,
});

export const FROM_RESTORE_WIZARD_SCHEMAS: MessageSchemas<FromRestoreWizard> = {
  ready: noFields,
  loadFiles: fields({ point: str, containerId: str, instance: str }),
  preview: fields({ form: restoreForm }),
  restore: fields({ form: restoreForm }),
  cspViolation: cspViolationSchema,
};
