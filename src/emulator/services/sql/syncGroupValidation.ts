// Validation of sync group bodies, with the error codes the spec documents. Runs before the LRO starts,
// so a bad request gets its 400 at once instead of a failed operation.
import type { ServiceContext } from '../../core/context';
import { armError, type EmulatorRequest } from '../../core/http';
import { key, type DatabaseRecord, type SyncGroupRecord, type SyncGroupSchema } from '../../model';
import { isUnsupportedType, MAX_TABLES_PER_GROUP, MIN_INTERVAL_SECONDS } from './dataTypes';
import { membersOf, parseDatabaseId } from './ids';
import { quoteTableName } from './render';

export interface SyncGroupFields {
  interval?: number;
  conflictResolutionPolicy?: string;
  syncDatabaseId?: string;
  hubDatabaseUserName?: string;
  schema?: SyncGroupSchema;
  enableConflictLogging?: boolean;
  conflictLoggingRetentionInDays?: number;
  usePrivateLinkConnection?: boolean;
  sku?: { name: string; tier?: string; capacity?: number };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `{properties:{…}}`; hubDatabasePassword is accepted and dropped (write-only, never stored). */
export function readGroupBody(body: unknown): SyncGroupFields {
  if (!isObject(body) || !isObject(body.properties)) {
    throw armError(400, 'InvalidSyncGroupCreateOrUpdateRequest', 'The create or update sync group request body is empty.');
  }
  const p = body.properties;
  const f: SyncGroupFields = {};
  if (p.interval !== undefined) {
    if (!Number.isInteger(p.interval))
      throw armError(400, 'InvalidParameterValue', `An invalid value was given to parameter 'interval': ${JSON.stringify(p.interval)}.`);
    f.interval = p.interval as number;
  }
  for (const k of ['conflictResolutionPolicy', 'syncDatabaseId', 'hubDatabaseUserName'] as const) {
    if (p[k] !== undefined) {
      if (typeof p[k] !== 'string') throw armError(400, 'InvalidParameterValue', `An invalid value was given to parameter '${k}'.`);
      f[k] = p[k];
    }
  }
  for (const k of ['enableConflictLogging', 'usePrivateLinkConnection'] as const) if (typeof p[k] === 'boolean') f[k] = p[k];
  if (Number.isInteger(p.conflictLoggingRetentionInDays)) f.conflictLoggingRetentionInDays = p.conflictLoggingRetentionInDays as number;
  if (p.schema !== undefined && p.schema !== null) {
    if (!isObject(p.schema)) throw armError(400, 'InvalidParameterValue', "An invalid value was given to parameter 'schema'.");
    const tables = Array.isArray(p.schema.tables) ? (p.schema.tables as SyncGroupSchema['tables']) : [];
    f.schema = {
      tables,
      ...(typeof p.schema.masterSyncMemberName === 'string' ? { masterSyncMemberName: p.schema.masterSyncMemberName } : {}),
    };
  }
  if (isObject(body.sku) && typeof body.sku.name === 'string') f.sku = body.sku as SyncGroupFields['sku'];
  return f;
}

export function validateInterval(interval: number | undefined): void {
  if (interval === undefined || interval === -1) return;
  if (interval < MIN_INTERVAL_SECONDS) {
    throw armError(
      400,
      'InvalidSyncGroupInterval',
      `Sync Interval should be greater than or equal to ${MIN_INTERVAL_SECONDS} seconds (or -1 for manual sync); got ${interval}.`,
    );
  }
}

export function validateConflictPolicy(policy: string | undefined, required: boolean): void {
  if (policy === undefined) {
    if (required) throw armError(400, 'MissingConflictResolutionPolicy', 'The Conflict Resolution Policy is missing');
    return;
  }
  if (!['HubWin', 'MemberWin'].includes(policy))
    throw armError(
      400,
      'InvalidParameterValue',
      `An invalid value was given to parameter 'conflictResolutionPolicy': '${policy}'. Allowed: HubWin, MemberWin.`,
    );
}

export const isMasterDb = (db: DatabaseRecord): boolean => db.name.toLowerCase() === 'master' || db.kind.includes('system');

/** Dedicated SQL pools (formerly SQL DW) cannot take part in Data Sync. */
export const isDataWarehouse = (db: DatabaseRecord): boolean => db.kind.includes('datawarehouse') || db.sku.tier === 'DataWarehouse';

/** The checks every database taking part in Data Sync (hub, member, sync metadata) must pass. */
export function assertSyncableDatabase(db: DatabaseRecord): void {
  if (isMasterDb(db)) throw armError(400, 'SyncOperation_MasterDbInSyncGroup', 'Cannot use logical master in data sync.');
  if (isDataWarehouse(db)) throw armError(400, 'SyncOperation_DwInSyncGroup', 'Cannot use datawarehouse edition in data sync.');
}

/** The sync metadata database must exist, be a user database, and stay the same for the group's life. */
export function validateSyncDatabase(ctx: ServiceContext, syncDatabaseId: string | undefined, existing?: SyncGroupRecord): void {
  if (syncDatabaseId === undefined) {
    if (!existing)
      throw armError(400, 'InvalidSyncMetadataDatabase', 'Sync metadata database is invalid: properties.syncDatabaseId is required.');
    return;
  }
  if (!parseDatabaseId(syncDatabaseId))
    throw armError(400, 'InvalidDatabaseResourceId', `Invalid database resource identifier '${syncDatabaseId}'.`);
  if (existing && key(existing.syncDatabaseId) !== key(syncDatabaseId)) {
    throw armError(400, 'SyncOperation_WrongSyncDatabase', 'The sync database specified does not match the existing one.');
  }
  const db = ctx.store.state.databases[key(syncDatabaseId)];
  if (!db) throw armError(400, 'InvalidSyncMetadataDatabase', `Sync metadata database is invalid: '${syncDatabaseId}' does not exist.`);
  assertSyncableDatabase(db);
}

/** Chosen tables must come from the refreshed hub schema, have a primary key and only syncable column types. */
export function validateSchema(ctx: ServiceContext, group: SyncGroupRecord, schema: SyncGroupSchema): void {
  if (schema.tables.length > MAX_TABLES_PER_GROUP) {
    throw armError(
      400,
      'InvalidSyncGroup',
      `Sync group is invalid: a sync group can contain at most ${MAX_TABLES_PER_GROUP} tables; the schema has ${schema.tables.length}.`,
    );
  }
  if (
    schema.masterSyncMemberName &&
    !membersOf(ctx, group.id).some((m) => m.name.toLowerCase() === schema.masterSyncMemberName!.toLowerCase())
  ) {
    throw armError(
      400,
      'InvalidSyncMember',
      `Sync member is invalid: masterSyncMemberName '${schema.masterSyncMemberName}' is not a member of sync group '${group.name}'.`,
    );
  }
  if (!schema.tables.length) return;
  const hub = group.hubSchema;
  if (!hub)
    throw armError(
      400,
      'InvalidSyncGroup',
      'Sync group is invalid: refresh the hub schema (POST …/refreshHubSchema) before choosing tables.',
    );
  for (const t of schema.tables) {
    const def = hub.tables.find((h) => quoteTableName(h.name).toLowerCase() === String(t.quotedName).toLowerCase());
    if (!def)
      throw armError(400, 'InvalidSyncGroup', `Sync group is invalid: table ${t.quotedName} does not exist in the hub database schema.`);
    if (!def.columns.some((c) => c.isPrimaryKey)) {
      throw armError(400, 'InvalidSyncGroup', `Sync group is invalid: table ${t.quotedName} has no primary key.`, [
        { code: 'Schema_TableHasNoPrimaryKey', target: t.quotedName, message: 'Data Sync needs a primary key on every synced table.' },
      ]);
    }
    for (const c of Array.isArray(t.columns) ? t.columns : []) {
      const col = def.columns.find((d) => `[${d.name}]`.toLowerCase() === String(c.quotedName).toLowerCase());
      if (!col)
        throw armError(400, 'InvalidSyncGroup', `Sync group is invalid: column ${c.quotedName} does not exist in table ${t.quotedName}.`);
      if (isUnsupportedType(col.dataType)) {
        throw armError(
          400,
          'SyncOperation_UnsupportedDataTypeColumnInSchema',
          `Cannot add column to schema because the data type of the column is unsupported: ${t.quotedName}.${c.quotedName} is ${col.dataType}.`,
        );
      }
    }
    if (!(Array.isArray(t.columns) && t.columns.length)) {
      const bad = def.columns.find((c) => isUnsupportedType(c.dataType));
      if (bad)
        throw armError(
          400,
          'SyncOperation_UnsupportedDataTypeColumnInSchema',
          `Cannot add column to schema because the data type of the column is unsupported: ${t.quotedName}.[${bad.name}] is ${bad.dataType}. Choose the columns to sync.`,
        );
    }
    const pk = def.columns.filter((c) => c.isPrimaryKey).map((c) => `[${c.name}]`.toLowerCase());
    const chosen = (Array.isArray(t.columns) ? t.columns : []).map((c) => String(c.quotedName).toLowerCase());
    if (chosen.length && pk.some((k) => !chosen.includes(k))) {
      throw armError(
        400,
        'InvalidSyncGroup',
        `Sync group is invalid: the primary key columns of ${t.quotedName} must be part of the sync schema.`,
      );
    }
  }
}

export function hubDatabaseOf(ctx: ServiceContext, req: EmulatorRequest): DatabaseRecord {
  const id = `/subscriptions/${req.params.subscriptionId}/resourceGroups/${req.params.resourceGroupName}/providers/Microsoft.Sql/servers/${req.params.serverName}/databases/${req.params.databaseName}`;
  return ctx.store.state.databases[key(id)];
}
