// Data Sync models (Microsoft.Sql 2025-01-01: SyncGroups.json, SyncMembers.json, SyncAgents.json).
// Enums are open strings: the documented values are listed for reference, unknown ones pass through.
// Passwords are write-only: they appear in request types, never in what we read back.
import { arrayOf, armResource, model } from '../models/modelSchema';

export interface ArmResource<P> {
  id?: string;
  name?: string;
  type?: string;
  properties?: P;
  [extra: string]: unknown;
}

/** NotReady | Error | Warning | Progressing | Good (open). */
export type SyncGroupState = string;
/** HubWin | MemberWin (open). */
export type ConflictResolutionPolicy = string;
/** AzureSqlDatabase | SqlServerDatabase (open). */
export type SyncMemberDbType = string;
/** Bidirectional | OneWayMemberToHub | OneWayHubToMember (open). */
export type SyncDirection = string;
/** SyncInProgress, SyncSucceeded, SyncFailed, … UnReprovisioned (open). */
export type SyncMemberState = string;
/** Online | Offline | NeverConnected (open). */
export type SyncAgentState = string;

export interface SyncGroupSchemaTableColumn {
  quotedName?: string;
  dataSize?: string;
  dataType?: string;
}
export interface SyncGroupSchemaTable {
  columns?: SyncGroupSchemaTableColumn[];
  quotedName?: string;
}
export interface SyncGroupSchema {
  tables?: SyncGroupSchemaTable[];
  masterSyncMemberName?: string;
}

export interface SyncGroupProperties {
  interval?: number;
  lastSyncTime?: string;
  conflictResolutionPolicy?: ConflictResolutionPolicy;
  syncDatabaseId?: string;
  hubDatabaseUserName?: string;
  syncState?: SyncGroupState;
  schema?: SyncGroupSchema;
  enableConflictLogging?: boolean;
  conflictLoggingRetentionInDays?: number;
  usePrivateLinkConnection?: boolean;
  privateEndpointName?: string;
  [extra: string]: unknown;
}
export type SyncGroup = ArmResource<SyncGroupProperties> & { sku?: Record<string, unknown> };
/** What we send: the password is write-only. */
export type SyncGroupInput = {
  properties: Omit<SyncGroupProperties, 'syncState' | 'lastSyncTime' | 'privateEndpointName'> & { hubDatabasePassword?: string };
  sku?: Record<string, unknown>;
};

export interface SyncMemberProperties {
  databaseType?: SyncMemberDbType;
  syncAgentId?: string;
  sqlServerDatabaseId?: string;
  syncMemberAzureDatabaseResourceId?: string;
  usePrivateLinkConnection?: boolean;
  privateEndpointName?: string;
  serverName?: string;
  databaseName?: string;
  userName?: string;
  syncDirection?: SyncDirection;
  syncState?: SyncMemberState;
  [extra: string]: unknown;
}
export type SyncMember = ArmResource<SyncMemberProperties>;
export type SyncMemberInput = { properties: Omit<SyncMemberProperties, 'syncState' | 'privateEndpointName'> & { password?: string } };

export interface SyncAgentProperties {
  name?: string;
  syncDatabaseId?: string;
  lastAliveTime?: string;
  state?: SyncAgentState;
  isUpToDate?: boolean;
  expiryTime?: string;
  version?: string;
  [extra: string]: unknown;
}
export type SyncAgent = ArmResource<SyncAgentProperties>;
export interface SyncAgentKey {
  syncAgentKey?: string;
}
export interface SyncAgentLinkedDatabaseProperties {
  databaseType?: string;
  databaseId?: string;
  description?: string;
  serverName?: string;
  databaseName?: string;
  userName?: string;
  [extra: string]: unknown;
}
export type SyncAgentLinkedDatabase = ArmResource<SyncAgentLinkedDatabaseProperties>;

export interface SyncFullSchemaTableColumn {
  dataSize?: string;
  dataType?: string;
  errorId?: string;
  hasError?: boolean;
  isPrimaryKey?: boolean;
  name?: string;
  quotedName?: string;
}
export interface SyncFullSchemaTable {
  columns?: SyncFullSchemaTableColumn[];
  errorId?: string;
  hasError?: boolean;
  name?: string;
  quotedName?: string;
}
export interface SyncFullSchema {
  tables?: SyncFullSchemaTable[];
  lastUpdateTime?: string;
}

/** All | Error | Warning | Success (open). */
export type SyncGroupLogType = string;
export interface SyncGroupLog {
  timestamp?: string;
  type?: SyncGroupLogType;
  source?: string;
  details?: string;
  tracingId?: string;
  operationStatus?: string;
}
export interface SyncDatabaseId {
  id?: string;
}

const schemaColumn = model('SyncGroupSchemaTableColumn', { quotedName: 'string', dataSize: 'string', dataType: 'string' });
const schema = model('SyncGroupSchema', {
  tables: arrayOf(model('SyncGroupSchemaTable', { columns: arrayOf(schemaColumn), quotedName: 'string' })),
  masterSyncMemberName: 'string',
});

export const SYNC_GROUP = armResource(
  'SyncGroup',
  {
    interval: 'number',
    lastSyncTime: 'string',
    conflictResolutionPolicy: 'string',
    syncDatabaseId: 'string',
    hubDatabaseUserName: 'string',
    syncState: 'string',
    schema,
    enableConflictLogging: 'boolean',
    conflictLoggingRetentionInDays: 'number',
    usePrivateLinkConnection: 'boolean',
    privateEndpointName: 'string',
  },
  { sku: 'object' },
);

export const SYNC_MEMBER = armResource('SyncMember', {
  databaseType: 'string',
  syncAgentId: 'string',
  sqlServerDatabaseId: 'string',
  syncMemberAzureDatabaseResourceId: 'string',
  usePrivateLinkConnection: 'boolean',
  privateEndpointName: 'string',
  serverName: 'string',
  databaseName: 'string',
  userName: 'string',
  syncDirection: 'string',
  syncState: 'string',
});

export const SYNC_AGENT = armResource('SyncAgent', {
  name: 'string',
  syncDatabaseId: 'string',
  lastAliveTime: 'string',
  state: 'string',
  isUpToDate: 'boolean',
  expiryTime: 'string',
  version: 'string',
});
export const SYNC_AGENT_KEY = model('SyncAgentKeyProperties', { syncAgentKey: 'string' });
export const SYNC_AGENT_LINKED_DATABASE = armResource('SyncAgentLinkedDatabase', {
  databaseType: 'string',
  databaseId: 'string',
  description: 'string',
  serverName: 'string',
  databaseName: 'string',
  userName: 'string',
});

const fullColumn = model('SyncFullSchemaTableColumn', {
  dataSize: 'string',
  dataType: 'string',
  errorId: 'string',
  hasError: 'boolean',
  isPrimaryKey: 'boolean',
  name: 'string',
  quotedName: 'string',
});
export const SYNC_FULL_SCHEMA = model('SyncFullSchemaProperties', {
  tables: arrayOf(
    model('SyncFullSchemaTable', {
      columns: arrayOf(fullColumn),
      errorId: 'string',
      hasError: 'boolean',
      name: 'string',
      quotedName: 'string',
    }),
  ),
  lastUpdateTime: 'string',
});
export const SYNC_GROUP_LOG = model('SyncGroupLogProperties', {
  timestamp: 'string',
  type: 'string',
  source: 'string',
  details: 'string',
  tracingId: 'string',
  operationStatus: 'string',
});
export const SYNC_DATABASE_ID = model('SyncDatabaseIdProperties', { id: 'string' });
