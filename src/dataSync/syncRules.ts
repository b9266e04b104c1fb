// Data Sync's own rules, checked before anything is sent: which tables and columns can be synced (and
// why not), the documented limits, name and interval rules, and schema diffs (what a save changes; how a
// member's schema differs from the hub's). Pure and vscode-free: used by the webviews and by commands.
// Source: Microsoft Learn "What is SQL Data Sync for Azure?" (limitations and considerations) and the
// 2025-01-01 error list (InvalidSyncGroupInterval, CannotCreateSyncGroupDueToQuotaExceeded…).
import { InvalidNameError, validateSegment } from '../azure/resourceId';
import type { SyncFullSchemaTable, SyncFullSchemaTableColumn, SyncGroupSchema, SyncGroupSchemaTable } from '../azure/sql/syncModels';
import { sqlTypeLabel } from './sqlTypeLabel';

export const MAX_TABLES_PER_GROUP = 500;
export const MAX_COLUMNS_PER_TABLE = 1000;
export const MAX_GROUPS_PER_DATABASE = 5;
export const MAX_MEMBERS_PER_GROUP = 30;
/** The API refuses smaller intervals with InvalidSyncGroupInterval; -1 means "sync manually". */
export const MIN_INTERVAL_SECONDS = 5;
export const MANUAL_INTERVAL = -1;
export const MAX_NAME_LENGTH = 150;
/** Conflict log retention the portal offers (days). */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 30;

/** Types Data Sync cannot sync (FileStream, SQL/CLR UDT, XMLSchemaCollection, cursor, rowversion/timestamp, hierarchyid). */
export const UNSUPPORTED_DATA_TYPES: readonly string[] = [
  'timestamp',
  'rowversion',
  'hierarchyid',
  'cursor',
  'filestream',
  'xmlschemacollection',
  'clr_udt',
];
/** Types a primary key column cannot have for Data Sync. */
export const UNSUPPORTED_PRIMARY_KEY_TYPES: readonly string[] = ['sql_variant', 'binary', 'varbinary', 'image', 'xml'];

/** Why the service flags a table/column (errorId in the hub schema) in words a user understands. */
const SERVICE_ERROR_REASONS: Record<string, string> = {
  Schema_TableHasNoPrimaryKey: 'The table has no primary key; Data Sync needs one on every synced table.',
  Schema_UnsupportedDataType: 'Data Sync cannot sync this column type.',
  Schema_ComputedColumn: 'Computed columns are read-only and cannot be synced.',
};

export interface ColumnSyncability {
  syncable: boolean;
  reason?: string;
}
export interface TableSyncability {
  syncable: boolean;
  reason?: string;
  columns: Map<string, ColumnSyncability>;
}

const typeOf = (c: SyncFullSchemaTableColumn): string => (c.dataType ?? '').toLowerCase().trim();
export const columnKey = (c: { quotedName?: string; name?: string }): string => (c.quotedName ?? `[${c.name ?? ''}]`).toLowerCase();
export const tableKey = (t: { quotedName?: string; name?: string }): string => (t.quotedName ?? t.name ?? '').toLowerCase();

export function columnSyncability(c: SyncFullSchemaTableColumn): ColumnSyncability {
  const type = typeOf(c);
  if (UNSUPPORTED_DATA_TYPES.includes(type)) return { syncable: false, reason: `Data Sync cannot sync ${type} columns.` };
  if (c.isPrimaryKey && UNSUPPORTED_PRIMARY_KEY_TYPES.includes(type))
    return { syncable: false, reason: `A primary key column cannot be ${type} for Data Sync.` };
  if ((c as Record<string, unknown>).isComputed === true) return { syncable: false, reason: SERVICE_ERROR_REASONS.Schema_ComputedColumn };
  if (c.hasError)
    return {
      syncable: false,
      reason: SERVICE_ERROR_REASONS[c.errorId ?? ''] ?? `The service flags this column (${c.errorId ?? 'unknown error'}).`,
    };
  return { syncable: true };
}

/** A table is syncable when it has a primary key whose columns are all syncable; other bad columns are only excluded. */
export function syncabilityOf(table: SyncFullSchemaTable): TableSyncability {
  const columns = new Map<string, ColumnSyncability>();
  for (const c of table.columns ?? []) columns.set(columnKey(c), columnSyncability(c));
  const keys = (table.columns ?? []).filter((c) => c.isPrimaryKey);
  if (keys.length === 0) return { syncable: false, reason: SERVICE_ERROR_REASONS.Schema_TableHasNoPrimaryKey, columns };
  const badKey = keys.find((c) => !columns.get(columnKey(c))?.syncable);
  if (badKey)
    return {
      syncable: false,
      reason: `Primary key column ${badKey.quotedName ?? badKey.name ?? ''}: ${columns.get(columnKey(badKey))?.reason ?? ''}`,
      columns,
    };
  if ((table.columns ?? []).length > MAX_COLUMNS_PER_TABLE)
    return { syncable: false, reason: `The table has more than ${MAX_COLUMNS_PER_TABLE} columns.`, columns };
  if (table.hasError && table.errorId && table.errorId !== 'Schema_UnsupportedDataType') {
    return { syncable: false, reason: SERVICE_ERROR_REASONS[table.errorId] ?? `The service flags this table (${table.errorId}).`, columns };
  }
  return { syncable: true, columns };
}

// ---- names, interval, limits ------------------------------------------------------------------------

/** Returns an error message, or undefined when the value is fine. */
export type Check = string | undefined;

/** Sync group / member names: a valid path segment, 1–150 letters, digits, '-' or '_' (InvalidSyncGroupName). */
export function validateSyncName(value: unknown, field = 'Sync group name'): Check {
  try {
    validateSegment(field, value);
  } catch (e) {
    return e instanceof InvalidNameError ? e.message : String(e);
  }
  const name = value as string;
  if (name.length > MAX_NAME_LENGTH) return `${field} is too long (${name.length} characters, at most ${MAX_NAME_LENGTH}).`;
  const bad = [...name].find((ch) => !/[A-Za-z0-9_-]/.test(ch));
  if (bad) return `${field} can contain only letters, digits, "-" and "_" (not "${bad}").`;
  return undefined;
}
export const validateSyncGroupName = (value: unknown): Check => validateSyncName(value, 'Sync group name');
export const validateSyncMemberName = (value: unknown): Check => validateSyncName(value, 'Sync member name');

export function validateInterval(value: unknown): Check {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'Interval must be a whole number of seconds, or -1 to sync manually.';
  if (value === MANUAL_INTERVAL) return undefined;
  if (value < MIN_INTERVAL_SECONDS) return `Interval must be at least ${MIN_INTERVAL_SECONDS} seconds (or -1 to sync manually).`;
  return undefined;
}

/** How changes flow between the hub and a member (the API's SyncDirection values). */
export const SYNC_DIRECTIONS: ReadonlyArray<{ value: string; description: string }> = [
  { value: 'Bidirectional', description: 'changes flow both ways (hub ⇄ member)' },
  { value: 'OneWayMemberToHub', description: 'member → hub' },
  { value: 'OneWayHubToMember', description: 'hub → member' },
];

/** Who wins a conflict (the API's ConflictResolutionPolicy values). */
export const CONFLICT_POLICIES: ReadonlyArray<{ value: string; description: string }> = [
  { value: 'HubWin', description: 'the hub database wins conflicts' },
  { value: 'MemberWin', description: 'the member database wins conflicts' },
];

export function validateSyncDirection(value: unknown): Check {
  return SYNC_DIRECTIONS.some((d) => d.value === value) ? undefined : 'Choose a sync direction.';
}

export function validateConflictPolicy(value: unknown): Check {
  return CONFLICT_POLICIES.some((p) => p.value === value) ? undefined : 'Choose Hub wins or Member wins.';
}

/** A whole number as typed (surrounding blanks allowed), or NaN. */
export const parseWholeNumber = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** An interval as typed: seconds, or "manual" for -1. NaN when it is not a whole number. */
export const parseIntervalText = (text: string): number => (/^\s*manual\s*$/i.test(text) ? MANUAL_INTERVAL : parseWholeNumber(text));

/** The interval rule for typed text (input boxes and the wizard's field). */
export const validateIntervalText = (text: string): Check => validateInterval(parseIntervalText(text));

/** The retention rule for typed text. */
export const validateRetentionText = (text: string): Check => validateRetentionDays(parseWholeNumber(text));

export function validateRetentionDays(value: unknown): Check {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_RETENTION_DAYS || value > MAX_RETENTION_DAYS) {
    return `Conflict log retention must be a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}.`;
  }
  return undefined;
}

export function validateRequired(value: unknown, field: string): Check {
  return typeof value === 'string' && value.trim().length > 0 ? undefined : `${field} is required.`;
}

/** A hub database can be the hub of at most 5 sync groups. */
export function validateGroupQuota(existingGroupsOnHub: number): Check {
  return existingGroupsOnHub >= MAX_GROUPS_PER_DATABASE
    ? `This database is already the hub of ${existingGroupsOnHub} sync groups; Data Sync allows at most ${MAX_GROUPS_PER_DATABASE} per database.`
    : undefined;
}

export function validateMemberQuota(existingMembers: number): Check {
  return existingMembers >= MAX_MEMBERS_PER_GROUP
    ? `The sync group already has ${existingMembers} members; Data Sync allows at most ${MAX_MEMBERS_PER_GROUP}.`
    : undefined;
}

// ---- schema selection -------------------------------------------------------------------------------

export interface SchemaSelection {
  tables: Array<{ quotedName: string; columns: string[] }>;
  masterSyncMemberName?: string;
}

/**
 * Turns a selection into the group's `schema` (dataType/dataSize from the hub schema), or the reasons it
 * cannot be saved: limits, unknown or unsyncable tables/columns. Primary key columns are always added.
 */
export function buildGroupSchema(hub: SyncFullSchemaTable[], selection: SchemaSelection): { schema?: SyncGroupSchema; errors: string[] } {
  const errors: string[] = [];
  if (selection.tables.length > MAX_TABLES_PER_GROUP)
    errors.push(`A sync group can contain at most ${MAX_TABLES_PER_GROUP} tables; ${selection.tables.length} are selected.`);
  const byKey = new Map(hub.map((t) => [tableKey(t), t]));
  const tables: SyncGroupSchemaTable[] = [];
  for (const chosen of selection.tables) {
    const def = byKey.get(chosen.quotedName.toLowerCase());
    if (!def) {
      errors.push(`Table ${chosen.quotedName} is not in the hub schema; refresh the hub schema.`);
      continue;
    }
    const s = syncabilityOf(def);
    if (!s.syncable) {
      errors.push(`Table ${chosen.quotedName} cannot be synced: ${s.reason ?? ''}`);
      continue;
    }
    const wanted = new Set(chosen.columns.map((c) => c.toLowerCase()));
    const columns = (def.columns ?? []).filter((c) => c.isPrimaryKey || wanted.has(columnKey(c)));
    for (const name of wanted) {
      const col = (def.columns ?? []).find((c) => columnKey(c) === name);
      if (!col) errors.push(`Column ${chosen.quotedName}.${name} is not in the hub schema.`);
      else if (!s.columns.get(name)?.syncable)
        errors.push(`Column ${chosen.quotedName}.${col.quotedName ?? name} cannot be synced: ${s.columns.get(name)?.reason ?? ''}`);
    }
    tables.push({
      quotedName: def.quotedName ?? chosen.quotedName,
      columns: columns.map((c) => ({ quotedName: c.quotedName ?? `[${c.name ?? ''}]`, dataSize: c.dataSize, dataType: c.dataType })),
    });
  }
  if (errors.length) return { errors };
  return {
    schema: { tables, ...(selection.masterSyncMemberName ? { masterSyncMemberName: selection.masterSyncMemberName } : {}) },
    errors,
  };
}

export interface SchemaDiff {
  addedTables: string[];
  removedTables: string[];
  /** "[dbo].[T].[Col]" entries, for tables present on both sides. */
  addedColumns: string[];
  removedColumns: string[];
}

export const isEmptyDiff = (d: SchemaDiff): boolean =>
  !d.addedTables.length && !d.removedTables.length && !d.addedColumns.length && !d.removedColumns.length;

type TableLike = { quotedName?: string; name?: string; columns?: Array<{ quotedName?: string; name?: string }> };

/** What changes from `current` to `next` (tables by quoted name, columns of tables kept on both sides).
 *  Case-insensitive, like SQL names. */
export function diffSchemas(current: readonly TableLike[], next: readonly TableLike[]): SchemaDiff {
  const before = new Map(current.map((t) => [tableKey(t), t]));
  const after = new Map(next.map((t) => [tableKey(t), t]));
  const diff: SchemaDiff = { addedTables: [], removedTables: [], addedColumns: [], removedColumns: [] };
  for (const [k, t] of after) if (!before.has(k)) diff.addedTables.push(t.quotedName ?? k);
  for (const [k, t] of before) {
    const other = after.get(k);
    if (!other) {
      diff.removedTables.push(t.quotedName ?? k);
      continue;
    }
    const a = new Map((t.columns ?? []).map((c) => [columnKey(c), c]));
    const b = new Map((other.columns ?? []).map((c) => [columnKey(c), c]));
    for (const [ck, c] of b) if (!a.has(ck)) diff.addedColumns.push(`${t.quotedName ?? k}.${c.quotedName ?? ck}`);
    for (const [ck, c] of a) if (!b.has(ck)) diff.removedColumns.push(`${t.quotedName ?? k}.${c.quotedName ?? ck}`);
  }
  return diff;
}

/** How a member's copy of a hub table/column differs: missing, or another type/size. */
export type Drift = { kind: 'missingTable' } | { kind: 'missingColumn' } | { kind: 'typeDiffers'; member: string; hub: string };

export interface MemberDrift {
  tables: Map<string, Drift>;
  /** Keyed by `${tableKey}.${columnKey}`. */
  columns: Map<string, Drift>;
}

/** The type as a DBA writes it; the storage size only when it is all that differs (two labels alike would say nothing). */
function describeTypes(member: SyncFullSchemaTableColumn, hub: SyncFullSchemaTableColumn): { member: string; hub: string } {
  const m = sqlTypeLabel(member);
  const h = sqlTypeLabel(hub);
  if (m !== h) return { member: m, hub: h };
  return { member: `${m} (size ${member.dataSize ?? '?'})`, hub: `${h} (size ${hub.dataSize ?? '?'})` };
}

export function memberDrift(hub: readonly SyncFullSchemaTable[], member: readonly SyncFullSchemaTable[]): MemberDrift {
  const drift: MemberDrift = { tables: new Map(), columns: new Map() };
  const theirs = new Map(member.map((t) => [tableKey(t), t]));
  for (const t of hub) {
    const mt = theirs.get(tableKey(t));
    if (!mt) {
      drift.tables.set(tableKey(t), { kind: 'missingTable' });
      continue;
    }
    const cols = new Map((mt.columns ?? []).map((c) => [columnKey(c), c]));
    for (const c of t.columns ?? []) {
      const mc = cols.get(columnKey(c));
      const k = `${tableKey(t)}.${columnKey(c)}`;
      if (!mc) drift.columns.set(k, { kind: 'missingColumn' });
      else if (typeOf(mc) !== typeOf(c) || (mc.dataSize ?? '') !== (c.dataSize ?? ''))
        drift.columns.set(k, { kind: 'typeDiffers', ...describeTypes(mc, c) });
    }
  }
  return drift;
}

export function describeDrift(d: Drift): string {
  switch (d.kind) {
    case 'missingTable':
      return 'table missing';
    case 'missingColumn':
      return 'column missing';
    case 'typeDiffers':
      return `${d.member} here, ${d.hub} in the hub`;
  }
}
