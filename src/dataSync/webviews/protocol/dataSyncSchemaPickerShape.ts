// The shape of every message the schema picker page may send (see dataSyncSchemaPicker.ts).
import { cspViolationSchema, fields, messageShapeCheck, noFields } from '../../../ui/webview/messageShape';
import { schemaSelectionSchema } from './dataSyncCommonShape';
import type { FromSchemaPicker } from './dataSyncSchemaPicker';

export const checkFromSchemaPicker = messageShapeCheck<FromSchemaPicker>({
  ready: noFields,
  selectionChanged: fields({ selection: schemaSelectionSchema }),
  save: fields({ selection: schemaSelectionSchema }),
  refreshHubSchema: noFields,
  refreshMemberSchemas: noFields,
  cspViolation: cspViolationSchema,
});
