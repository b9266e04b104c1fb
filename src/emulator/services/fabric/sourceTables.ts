// Where a mirrored database's tables come from: the connection (a `<server>.database.windows.net;<db>`
// path, `database` overriding the name) resolved against the emulator's ARM estate, and the tables of
// that SQL database. A table Fabric cannot mirror (the documented Azure SQL limitations) is Failed with
// the reason.
import type { ServiceContext } from '../../core/context';
import { key, type ColumnDef, type DatabaseRecord, type ServerRecord, type TableDef } from '../../model';
import type { FabricErrorInfo, MirroringDocument } from '../../fabricModel';
import { fabricState, fkey } from './state';

/** Source types the emulator can resolve against its Azure SQL estate. */
const SQL_SOURCES = ['AzureSqlDatabase', 'AzureSqlMI', 'MSSQL', 'SqlServer2025'];

export interface ResolvedSource {
  server?: ServerRecord;
  database?: DatabaseRecord;
  /** Why the source cannot be reached (shown as the mirroring error, tables Failed). */
  problem?: FabricErrorInfo;
}

/** `server.database.windows.net;db` → {server, database}. */
export function parseConnectionPath(path: string): { serverName: string; databaseName: string } | undefined {
  const m = /^([^;.]+)\.database\.windows\.net;(.+)$/i.exec(path.trim());
  return m ? { serverName: m[1], databaseName: m[2] } : undefined;
}

export function resolveSource(ctx: ServiceContext, doc: MirroringDocument): ResolvedSource {
  const source = doc.properties.source;
  if (!SQL_SOURCES.includes(source.type)) return {};
  const connectionId = String(source.typeProperties?.connection ?? '');
  const connection = fabricState(ctx).connections[fkey(connectionId)];
  if (!connection)
    return {
      problem: { errorCode: 'ConnectionNotFound', message: `The connection '${connectionId}' does not exist or you cannot use it.` },
    };
  const parsed = parseConnectionPath(connection.path);
  if (!parsed)
    return { problem: { errorCode: 'InvalidConnection', message: `The connection '${connection.displayName}' is not a SQL connection.` } };
  const dbName = source.typeProperties?.database ?? parsed.databaseName;
  const state = ctx.store.state;
  const server = Object.values(state.servers).find((s) => s.name.toLowerCase() === parsed.serverName.toLowerCase());
  const database = server ? state.databases[key(`${server.id}/databases/${dbName}`)] : undefined;
  if (!server || !database)
    return {
      server,
      problem: {
        errorCode: 'SourceDatabaseNotFound',
        message: `Cannot open database '${dbName}' on server '${parsed.serverName}.database.windows.net'.`,
      },
    };
  return { server, database };
}

export interface DesiredTable {
  schemaName: string;
  tableName: string;
  def?: TableDef;
  /** Set when the table cannot be mirrored. */
  error?: FabricErrorInfo;
}

const splitName = (name: string): { schemaName: string; tableName: string } => {
  const i = name.indexOf('.');
  return i < 0 ? { schemaName: 'dbo', tableName: name } : { schemaName: name.slice(0, i), tableName: name.slice(i + 1) };
};

/** The tables a mirrored database replicates: its mountedTables, or every table ("mirror all", capped). */
export function desiredTables(source: DatabaseRecord | undefined, doc: MirroringDocument, maxTables: number): DesiredTable[] {
  const tables = source?.tables ?? [];
  const mounted = doc.properties.mountedTables;
  if (mounted) {
    const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
    return mounted.map((m) => {
      const { schemaName, tableName } = m.source.typeProperties;
      const def = byName.get(`${schemaName}.${tableName}`.toLowerCase());
      if (!source) return { schemaName, tableName };
      if (!def) return { schemaName, tableName, error: { errorCode: 'SourceTableNotFound', message: 'The source table does not exist.' } };
      return { schemaName, tableName, def, error: limitationOf(def) };
    });
  }
  return tables
    .map((def) => ({ ...splitName(def.name), def }))
    .sort((a, b) => a.schemaName.localeCompare(b.schemaName) || a.tableName.localeCompare(b.tableName))
    .slice(0, maxTables)
    .map((t) => ({ ...t, error: limitationOf(t.def) }));
}

const UNSUPPORTED_KEY_TYPES = [
  'geometry',
  'geography',
  'hierarchyid',
  'sql_variant',
  'timestamp',
  'rowversion',
  'image',
  'text',
  'ntext',
  'xml',
];
const PRECISION_TYPES: Record<string, string> = { datetime2: '8', datetimeoffset: '10', time: '5' };
const UNSUPPORTED_COLUMN_TYPES = ['json', 'vector'];

/** Precision 7 (the default) of datetime2 / datetimeoffset / time cannot be part of the key. */
function fullPrecision(c: ColumnDef): boolean {
  const maxSize = PRECISION_TYPES[c.dataType.toLowerCase()];
  if (!maxSize) return false;
  return c.scale !== undefined ? c.scale >= 7 : c.dataSize === maxSize;
}

/** The documented reasons a table cannot be mirrored (Azure SQL Database limitations), or undefined. */
export function limitationOf(t: TableDef): FabricErrorInfo | undefined {
  const name = t.name;
  if (t.memoryOptimized)
    return {
      errorCode: 'MemoryOptimizedTableNotSupported',
      message: `Table '${name}' is memory-optimized; in-memory tables cannot be mirrored.`,
    };
  if (t.temporalType === 'HistoryTable')
    return {
      errorCode: 'TemporalHistoryTableNotSupported',
      message: `Table '${name}' is a temporal history table; history tables cannot be mirrored.`,
    };
  const key = t.columns.filter((c) => c.isPrimaryKey);
  const computed = key.find((c) => c.isComputed);
  if (computed)
    return {
      errorCode: 'UnsupportedPrimaryKey',
      message: `The primary key of table '${name}' uses the computed column '${computed.name}'; such tables cannot be mirrored.`,
    };
  const badType = key.find((c) => UNSUPPORTED_KEY_TYPES.includes(c.dataType.toLowerCase()) || fullPrecision(c));
  if (badType)
    return {
      errorCode: 'UnsupportedPrimaryKey',
      message: `The primary key of table '${name}' uses column '${badType.name}' of type ${badType.dataType}${fullPrecision(badType) ? '(7)' : ''}, which mirroring does not support in a key.`,
    };
  const badColumn = t.columns.find((c) => UNSUPPORTED_COLUMN_TYPES.includes(c.dataType.toLowerCase()));
  if (badColumn)
    return {
      errorCode: 'UnsupportedColumnType',
      message: `Table '${name}' has the ${badColumn.dataType} column '${badColumn.name}'; tables with ${badColumn.dataType} columns cannot be mirrored.`,
    };
  return undefined;
}

/** Managed identity readiness: the server's system-assigned identity must be on and hold a workspace role. */
export function identityProblem(ctx: ServiceContext, server: ServerRecord | undefined, workspaceId: string): FabricErrorInfo | undefined {
  if (!server) return undefined;
  const identity = server.identity;
  if (!identity?.type.includes('SystemAssigned') || !identity.principalId)
    return {
      errorCode: 'SourceManagedIdentityNotEnabled',
      message: `The system-assigned managed identity of server '${server.name}' is not enabled. Enable it before mirroring starts.`,
    };
  const granted = Object.values(fabricState(ctx).roleAssignments).some(
    (r) => fkey(r.workspaceId) === fkey(workspaceId) && fkey(r.principal.id) === fkey(identity.principalId!) && r.role !== 'Viewer',
  );
  if (!granted)
    return {
      errorCode: 'SourceManagedIdentityNotAuthorized',
      message: `The managed identity of server '${server.name}' (${identity.principalId}) has no Contributor, Member or Admin role in the workspace, so it cannot write the mirrored data.`,
    };
  return undefined;
}
