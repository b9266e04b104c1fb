// Wire shapes of Microsoft.Sql resources, as in the 2025-01-01 examples. Secrets (passwords) are
// never stored, so they can never be rendered.
import type {
  DatabaseRecord,
  FullSchemaSnapshot,
  ServerRecord,
  SyncAgentRecord,
  SyncGroupRecord,
  SyncMemberRecord,
  TableDef,
} from '../../model';
import { schemaTableErrors } from './dataTypes';

export function renderServer(s: ServerRecord): unknown {
  return {
    id: s.id,
    name: s.name,
    type: 'Microsoft.Sql/servers',
    location: s.location,
    kind: 'v12.0',
    ...(s.tags ? { tags: s.tags } : {}),
    ...(s.identity ? { identity: structuredClone(s.identity) } : {}),
    properties: {
      administratorLogin: s.administratorLogin,
      version: '12.0',
      state: 'Ready',
      fullyQualifiedDomainName: `${s.name}.database.windows.net`,
      privateEndpointConnections: [],
      minimalTlsVersion: '1.2',
      publicNetworkAccess: 'Enabled',
      restrictOutboundNetworkAccess: 'Disabled',
      isIPv6Enabled: 'Disabled',
      externalGovernanceStatus: 'Disabled',
    },
  };
}

export function renderDatabase(d: DatabaseRecord): unknown {
  const system = d.kind.includes('system');
  return {
    sku: d.sku,
    kind: d.kind,
    location: d.location,
    id: d.id,
    name: d.name,
    type: 'Microsoft.Sql/servers/databases',
    properties: {
      collation: 'SQL_Latin1_General_CP1_CI_AS',
      maxSizeBytes: d.maxSizeBytes,
      status: 'Online',
      databaseId: d.databaseId,
      creationDate: d.creationDate,
      currentServiceObjectiveName: system ? 'System0' : `${d.sku.name}`,
      requestedServiceObjectiveName: system ? 'System0' : `${d.sku.name}`,
      catalogCollation: 'SQL_Latin1_General_CP1_CI_AS',
      zoneRedundant: false,
      readScale: 'Disabled',
      currentSku: d.sku,
      currentBackupStorageRedundancy: 'Geo',
      requestedBackupStorageRedundancy: 'Geo',
      isLedgerOn: false,
    },
  };
}

const privateEndpointName = (name: string): string => `PE_67FDBBD6-B2D8-4014-9CC6-C68ABBCFD481_${name}`;

export function renderSyncGroup(g: SyncGroupRecord): unknown {
  return {
    id: g.id,
    name: g.name,
    type: 'Microsoft.Sql/servers/databases/syncGroups',
    ...(g.sku ? { sku: g.sku } : {}),
    properties: {
      interval: g.interval,
      lastSyncTime: g.lastSyncTime,
      conflictResolutionPolicy: g.conflictResolutionPolicy,
      syncDatabaseId: g.syncDatabaseId,
      ...(g.hubDatabaseUserName !== undefined ? { hubDatabaseUserName: g.hubDatabaseUserName } : {}),
      syncState: g.syncState,
      ...(g.schema ? { schema: g.schema } : {}),
      enableConflictLogging: g.enableConflictLogging ?? false,
      conflictLoggingRetentionInDays: g.conflictLoggingRetentionInDays ?? 30,
      usePrivateLinkConnection: g.usePrivateLinkConnection ?? false,
      ...(g.usePrivateLinkConnection ? { privateEndpointName: privateEndpointName(g.name) } : {}),
    },
  };
}

export function renderSyncMember(m: SyncMemberRecord): unknown {
  const p: Record<string, unknown> = {
    databaseType: m.databaseType,
    syncDirection: m.syncDirection,
    syncState: m.syncState,
    usePrivateLinkConnection: m.usePrivateLinkConnection ?? false,
  };
  if (m.syncAgentId) p.syncAgentId = m.syncAgentId;
  if (m.sqlServerDatabaseId) p.sqlServerDatabaseId = m.sqlServerDatabaseId;
  if (m.syncMemberAzureDatabaseResourceId) p.syncMemberAzureDatabaseResourceId = m.syncMemberAzureDatabaseResourceId;
  if (m.serverName) p.serverName = m.serverName;
  if (m.databaseName) p.databaseName = m.databaseName;
  if (m.userName) p.userName = m.userName;
  if (m.usePrivateLinkConnection) p.privateEndpointName = privateEndpointName(m.name);
  return { id: m.id, name: m.name, type: 'Microsoft.Sql/servers/databases/syncGroups/syncMembers', properties: p };
}

export function renderSyncAgent(a: SyncAgentRecord): unknown {
  return {
    id: a.id,
    name: a.name,
    type: 'Microsoft.Sql/servers/syncAgents',
    properties: {
      name: a.name,
      syncDatabaseId: a.syncDatabaseId,
      state: a.state,
      isUpToDate: a.isUpToDate,
      expiryTime: a.expiryTime,
      version: a.version,
      ...(a.lastAliveTime ? { lastAliveTime: a.lastAliveTime } : {}),
    },
  };
}

const quote = (name: string): string =>
  name
    .split('.')
    .map((p) => `[${p}]`)
    .join('.');

/** A schema refresh result as SyncFullSchemaProperties, with Data Sync's per-table/column errors. */
export function renderFullSchema(s: FullSchemaSnapshot): unknown {
  return { tables: s.tables.map(renderFullTable), lastUpdateTime: s.lastUpdateTime };
}

function renderFullTable(t: TableDef): unknown {
  const errors = schemaTableErrors(t);
  return {
    columns: t.columns.map((c) => {
      const colError = errors.columns.get(c.name);
      return {
        dataSize: c.dataSize,
        dataType: c.dataType,
        hasError: Boolean(colError),
        ...(colError ? { errorId: colError } : {}),
        isPrimaryKey: Boolean(c.isPrimaryKey),
        name: c.name,
        quotedName: `[${c.name}]`,
      };
    }),
    ...(errors.table ? { errorId: errors.table } : {}),
    hasError: Boolean(errors.table) || errors.columns.size > 0,
    name: t.name,
    quotedName: quote(t.name),
  };
}

export { quote as quoteTableName };
