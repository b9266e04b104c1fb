// Shapes shared by the Data Sync page protocols (see dataSyncCommon.ts).
import type { SchemaObject } from 'ajv';
import { fields, str } from '../../../ui/webview/messageShape';

export const schemaSelectionSchema: SchemaObject = fields(
  { tables: { type: 'array', items: fields({ quotedName: str, columns: { type: 'array', items: str } }) } },
  { masterSyncMemberName: str },
);
