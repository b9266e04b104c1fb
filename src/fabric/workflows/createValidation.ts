// The create-mirrored-database input, its rules (each failure tied to the field it is about) and the
// documented request body: displayName, description and a definition whose only part is mirroring.json
// (InlineBase64) with an AzureSqlDatabase source and a Delta MountedRelationalDatabase target — the whole
// database, or the chosen tables as mountedTables (Learn: "Microsoft Fabric mirroring public REST API").
import { jsonPart, type CreateMirroredDatabaseRequest } from '../../azure/fabric/fabricModels';

export interface MountedTableChoice {
  schema: string;
  table: string;
}

export interface CreateMirroredDatabaseInput {
  workspaceId: string;
  displayName: string;
  description?: string;
  /** Fabric connection id (a GUID) of the source database. */
  connectionId: string;
  /** The source database's name. */
  database: string;
  /** Absent = the whole database (new tables are added automatically). */
  tables?: MountedTableChoice[];
  defaultSchema: string;
  /** As typed: validated as an integer 1–30. Empty means the default, 7. */
  retentionInDays?: string | number;
}

export interface FieldProblem {
  field: keyof CreateMirroredDatabaseInput;
  message: string;
}

/** Thrown before any request when the input breaks a rule; `fields` maps each field to its first message. */
export class CreateValidationError extends Error {
  override readonly name = 'FabricValidationError';
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.problems) out[p.field] ??= p.message;
    return out;
  }
}

export const DEFAULT_RETENTION_DAYS = 7;
export const MAX_DISPLAY_NAME_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 256;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SQL_IDENTIFIER_MAX = 128;

export function validateDisplayName(name: string): string | undefined {
  const n = name.trim();
  if (!n) return 'Enter a name for the mirrored database.';
  if (n.length > MAX_DISPLAY_NAME_LENGTH) return `The name can have at most ${MAX_DISPLAY_NAME_LENGTH} characters.`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f]/.test(n)) return 'The name cannot contain control characters.';
  return undefined;
}

/** Integer 1–30; empty means the default. Returns the number or the problem. */
export function parseRetention(value: string | number | undefined): { days: number } | { problem: string } {
  const text = value === undefined ? '' : String(value).trim();
  if (text === '') return { days: DEFAULT_RETENTION_DAYS };
  if (!/^\d+$/.test(text)) return { problem: 'Retention must be a whole number of days between 1 and 30.' };
  const days = Number(text);
  if (days < 1 || days > 30) return { problem: 'Retention must be between 1 and 30 days.' };
  return { days };
}

/** The checks that need no request, in the order the wizard shows the fields. */
export function createProblems(input: CreateMirroredDatabaseInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: FieldProblem['field'], message: string | undefined) => {
    if (message) out.push({ field, message });
  };
  add('workspaceId', input.workspaceId ? undefined : 'Choose a workspace.');
  add('displayName', validateDisplayName(input.displayName));
  add(
    'description',
    (input.description ?? '').length > MAX_DESCRIPTION_LENGTH
      ? `The description can have at most ${MAX_DESCRIPTION_LENGTH} characters.`
      : undefined,
  );
  add(
    'connectionId',
    !input.connectionId ? 'Choose the source connection.' : GUID.test(input.connectionId) ? undefined : 'The connection id must be a GUID.',
  );
  add('database', input.database.trim() ? undefined : 'The source database name is missing.');
  if (input.tables !== undefined)
    add('tables', input.tables.length ? undefined : 'Choose at least one table, or mirror the whole database.');
  const schema = input.defaultSchema.trim();
  add(
    'defaultSchema',
    !schema
      ? 'Enter the default schema (for example dbo).'
      : schema.length > SQL_IDENTIFIER_MAX
        ? `A schema name has at most ${SQL_IDENTIFIER_MAX} characters.`
        : undefined,
  );
  const retention = parseRetention(input.retentionInDays);
  add('retentionInDays', 'problem' in retention ? retention.problem : undefined);
  return out;
}

/** mirroring.json, shaped as the walkthrough's examples (plus the retention section's retentionInDays). */
export function mirroringDocument(input: CreateMirroredDatabaseInput): Record<string, unknown> {
  const retention = parseRetention(input.retentionInDays);
  const days = 'days' in retention ? retention.days : DEFAULT_RETENTION_DAYS;
  return {
    properties: {
      source: {
        type: 'AzureSqlDatabase',
        typeProperties: { connection: input.connectionId, database: input.database.trim() },
      },
      target: {
        type: 'MountedRelationalDatabase',
        typeProperties: { defaultSchema: input.defaultSchema.trim(), format: 'Delta', retentionInDays: days },
      },
      ...(input.tables
        ? { mountedTables: input.tables.map((t) => ({ source: { typeProperties: { schemaName: t.schema, tableName: t.table } } })) }
        : {}),
    },
  };
}

export function createRequestBody(input: CreateMirroredDatabaseInput): CreateMirroredDatabaseRequest {
  const description = input.description?.trim();
  return {
    displayName: input.displayName.trim(),
    ...(description ? { description } : {}),
    definition: { parts: [jsonPart('mirroring.json', mirroringDocument(input))] },
  };
}
