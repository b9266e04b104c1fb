// The emulator's persisted state: plain JSON-serialisable records, keyed by lower-cased ARM id
// (ARM ids are case-insensitive, so one canonical key avoids duplicates like .../Servers/A vs .../servers/a).
import type { FabricState } from './fabricModel';

export type DatabaseHealth = 'ok' | 'warning' | 'unreachable';

export interface SubscriptionRecord {
  subscriptionId: string;
  displayName: string;
  state: string;
  tenantId: string;
  tags?: Record<string, string>;
}

export interface ServerRecord {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  administratorLogin: string;
  tags?: Record<string, string>;
  /** The server's managed identity (ARM `identity`); absent = none. */
  identity?: ServerIdentity;
}

export interface ServerIdentity {
  /** None | SystemAssigned | UserAssigned | SystemAssigned,UserAssigned */
  type: string;
  principalId?: string;
  tenantId?: string;
  userAssignedIdentities?: Record<string, { principalId: string; clientId: string }>;
}

/** Temporal type of a table, as the ARM schema APIs name it. */
export type TableTemporalType = 'NonTemporalTable' | 'HistoryTable' | 'SystemVersionedTemporalTable';

/** One column of a table in a database schema (what a schema refresh discovers). */
export interface ColumnDef {
  name: string;
  dataType: string;
  dataSize: string;
  isPrimaryKey?: boolean;
  /** Computed column (cannot be part of a mirrored table's key). */
  isComputed?: boolean;
  /** Fractional-seconds precision of datetime2 / datetimeoffset / time; absent = the type's default (7). */
  scale?: number;
}

export interface TableDef {
  /** schema-qualified, e.g. dbo.Customers */
  name: string;
  columns: ColumnDef[];
  /** Absent = NonTemporalTable. */
  temporalType?: TableTemporalType;
  memoryOptimized?: boolean;
}

export interface DatabaseRecord {
  id: string;
  serverId: string;
  name: string;
  location: string;
  kind: string;
  sku: { name: string; tier: string; capacity: number };
  databaseId: string;
  creationDate: string;
  maxSizeBytes: number;
  tables: TableDef[];
  /** Drives the outcome of syncs that touch this database (emulator-only knob, settable via control API). */
  health: DatabaseHealth;
}

export interface SyncSchemaColumn {
  quotedName: string;
  dataSize?: string;
  dataType?: string;
}
export interface SyncSchemaTable {
  quotedName: string;
  columns: SyncSchemaColumn[];
}
export interface SyncGroupSchema {
  tables: SyncSchemaTable[];
  masterSyncMemberName?: string;
}

export interface FullSchemaSnapshot {
  tables: TableDef[];
  lastUpdateTime: string;
}

export interface SyncLogEntry {
  timestamp: string;
  type: 'Error' | 'Warning' | 'Success';
  source: string;
  details: string;
  tracingId: string;
  operationStatus: string;
}

export interface SyncRun {
  startedAt: number;
  finishAt: number;
  tracingId: string;
  cancelRequested?: boolean;
}

export interface SyncGroupRecord {
  id: string;
  databaseId: string;
  name: string;
  interval: number;
  conflictResolutionPolicy: string;
  syncDatabaseId: string;
  hubDatabaseUserName?: string;
  syncState: string;
  lastSyncTime: string;
  schema?: SyncGroupSchema;
  enableConflictLogging?: boolean;
  conflictLoggingRetentionInDays?: number;
  usePrivateLinkConnection?: boolean;
  sku?: { name: string; tier?: string; capacity?: number };
  hubSchema?: FullSchemaSnapshot;
  logs: SyncLogEntry[];
  run?: SyncRun;
  /** When the last run ended (ms), successful or not; paces interval syncs. */
  lastAttemptAt?: number;
  deleting?: boolean;
}

export interface SyncMemberRecord {
  id: string;
  syncGroupId: string;
  name: string;
  databaseType: string;
  syncAgentId?: string;
  sqlServerDatabaseId?: string;
  syncMemberAzureDatabaseResourceId?: string;
  usePrivateLinkConnection?: boolean;
  serverName?: string;
  databaseName?: string;
  userName?: string;
  syncDirection: string;
  syncState: string;
  memberSchema?: FullSchemaSnapshot;
  deleting?: boolean;
}

export interface LinkedDatabaseRecord {
  databaseId: string;
  databaseType: string;
  description: string;
  serverName: string;
  databaseName: string;
  userName: string;
  tables: TableDef[];
  health: DatabaseHealth;
}

export interface SyncAgentRecord {
  id: string;
  serverId: string;
  name: string;
  syncDatabaseId: string;
  state: string;
  lastAliveTime?: string;
  isUpToDate: boolean;
  expiryTime: string;
  version: string;
  linkedDatabases: LinkedDatabaseRecord[];
}

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface OperationRecord {
  id: string;
  /** Handler key registered by a service module, e.g. "syncGroup.put". */
  kind: string;
  subscriptionId: string;
  location: string;
  /** Resource type segment used in the Azure-AsyncOperation URL, e.g. "syncGroup". */
  family: string;
  resourceId: string;
  /** What the final GET on Location returns when the operation succeeded. */
  finalResult: 'resource' | 'none';
  payload: unknown;
  status: OperationStatus;
  startTime: string;
  endTime?: string;
  startedAt: number;
  finishAt: number;
  /** When set, the operation fails at this time (fault injection: "an LRO that fails midway"). */
  failAt?: number;
  /** The operation was accepted without Retry-After, so its polling URLs answer without it too. */
  noRetryAfter?: boolean;
  error?: { code: string; message: string };
}

export interface EmulatorState {
  version: 1;
  seed: string;
  tenantId: string;
  subscriptions: SubscriptionRecord[];
  servers: Record<string, ServerRecord>;
  databases: Record<string, DatabaseRecord>;
  syncGroups: Record<string, SyncGroupRecord>;
  syncMembers: Record<string, SyncMemberRecord>;
  syncAgents: Record<string, SyncAgentRecord>;
  operations: Record<string, OperationRecord>;
  /** Microsoft Fabric (workspaces, connections, mirrored databases); absent in states saved before Fabric existed. */
  fabric?: FabricState;
}

export const EMULATOR_TENANT_ID = '72f988bf-0000-4e5a-9e1d-0000000e1a70';

export function emptyState(seed: string): EmulatorState {
  return {
    version: 1,
    seed,
    tenantId: EMULATOR_TENANT_ID,
    subscriptions: [],
    servers: {},
    databases: {},
    syncGroups: {},
    syncMembers: {},
    syncAgents: {},
    operations: {},
  };
}

export const key = (id: string): string => id.toLowerCase();
