// The JSON schema of every message the Create Mirrored Database page may send, so a panel can refuse an
// unknown type or a missing field before acting on it (the page is a separate program, and a stale one
// after an update).
import type { SchemaObject } from 'ajv';
import type { FromCreateWizard } from './protocol/createWizard';

const str: SchemaObject = { type: 'string' };
const fields = (properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
});

const createForm = fields({
  workspaceId: str,
  displayName: str,
  description: str,
  connectionId: str,
  mode: { type: 'string', enum: ['database', 'tables'] },
  tables: { type: 'array', items: fields({ schema: str, table: str }) },
  defaultSchema: str,
  retentionInDays: str,
});

/** One schema per message type (the `type` itself is checked by whoever compiles these). */
export const FROM_CREATE_WIZARD_SCHEMAS: { [K in FromCreateWizard['type']]: SchemaObject } = {
  ready: fields({}),
  loadConnections: fields({}),
  loadTables: fields({ connectionId: str }),
  runReadiness: fields({ form: createForm }),
  applyFix: fields({ fixId: str, form: createForm }),
  create: fields({ form: createForm }),
  startMirroring: fields({}),
  cspViolation: fields({ directive: str, blocked: str }),
};
