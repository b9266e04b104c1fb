// Messages between the schema picker panel and media/webviews/schemaPicker.ts. The same schema messages
// are reused by the setup wizard's table step.
import type { CspViolationMessage, ErrorInfo, SchemaSelectionMessage, SchemaSummary, SchemaView } from './dataSyncCommon';

export type ToSchemaPicker =
  | { type: 'loading'; text: string }
  | { type: 'schema'; view: SchemaView }
  | { type: 'summary'; summary: SchemaSummary }
  | { type: 'saved'; text: string }
  | { type: 'error'; error: ErrorInfo };

export type FromSchemaPicker =
  | { type: 'ready' }
  | { type: 'selectionChanged'; selection: SchemaSelectionMessage }
  | { type: 'save'; selection: SchemaSelectionMessage }
  | { type: 'refreshHubSchema' }
  | { type: 'refreshMemberSchemas' }
  | CspViolationMessage;
