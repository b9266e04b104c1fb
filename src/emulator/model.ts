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
  /** Azure VMs running SQL Server (absent in states saved before VMs existed). */
  virtualMachines?: Record<string, VirtualMachineRecord>;
  /** Azure Backup (Recovery Services vaults and everything in them). */
  backup?: BackupState;
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

// ---- Azure VMs running SQL Server, and Azure Backup for them (AzureWorkload / SQLDataBase) ----

export type SqlRecoveryModel = 'FULL' | 'SIMPLE' | 'BULK_LOGGED';

export interface VmSqlDatabase {
  name: string;
  recoveryModel: SqlRecoveryModel;
  system?: boolean;
  sizeMb: number;
  /** Set when the database belongs to an availability group of this VM. */
  availabilityGroup?: string;
}

export interface VmSqlInstance {
  /** e.g. MSSQLSERVER */
  name: string;
  /** Default folders for new data and log files (the workload items' dataDirectoryPaths). */
  dataPath: string;
  logPath: string;
  databases: VmSqlDatabase[];
}

export interface VmAvailabilityGroup {
  name: string;
  /** Stable id used in the AG's protectable-item name. */
  id: string;
  /** ARM ids of the VMs hosting a replica. */
  nodes: string[];
}

export interface VirtualMachineRecord {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  sqlInstances: VmSqlInstance[];
  availabilityGroups?: VmAvailabilityGroup[];
}

export interface BackupVaultRecord {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export interface BackupPolicyRecord {
  id: string;
  vaultId: string;
  name: string;
  /** The policy as stored (AzureVmWorkloadProtectionPolicy properties, validated). */
  properties: Record<string, unknown>;
}

export interface InquiryRecord {
  status: 'Success' | 'Failed';
  at: number;
  itemCount: number;
  errorCode?: string;
}

export interface BackupContainerRecord {
  id: string;
  vaultId: string;
  /** Canonical casing, e.g. VMAppContainer;Compute;rg-sql;sqlvm-01 */
  name: string;
  vmId: string;
  registrationStatus: 'Registering' | 'Registered';
  lastUpdatedTime: string;
  inquiry?: InquiryRecord;
}

export interface BackupRecoveryPointRecord {
  /** Numeric string, as the service names them. */
  name: string;
  time: number;
  type: 'Full' | 'Differential';
  copyOnly?: boolean;
  expiry?: number;
}

export interface LogRangeRecord {
  start: number;
  end: number;
}

export interface BackupItemRecord {
  id: string;
  vaultId: string;
  containerId: string;
  containerName: string;
  /** Canonical casing, e.g. SQLDataBase;mssqlserver;SalesDb */
  name: string;
  vmId: string;
  instance: string;
  database: string;
  policyId: string;
  protectionState: string;
  lastBackupStatus: string;
  healthStatus: string;
  lastBackupTime?: number;
  lastBackupError?: { code: string; message: string; recommendations: string[] };
  dataSourceId: string;
  recoveryPoints: BackupRecoveryPointRecord[];
  logRanges: LogRangeRecord[];
  lastLogBackupAt?: number;
  restoreKpi?: string;
}

export interface BackupJobFailure {
  code: string;
  errorCode: number;
  message: string;
  recommendations: string[];
}

export interface BackupJobRecord {
  id: string;
  vaultId: string;
  /** ConfigureBackup, Backup, Restore, DisableBackup, DeleteBackupData, Register, UnRegister */
  operation: string;
  /** Full, Differential, Log, CopyOnlyFull (Backup) — the restored point's type (Restore). */
  subType?: string;
  status: string;
  startTime: number;
  endTime?: number;
  finishAt: number;
  entityFriendlyName: string;
  itemId?: string;
  isUserTriggered: boolean;
  propertyBag: Record<string, string>;
  failure?: BackupJobFailure;
  /** What the job does when it completes (restore target, backup type…). */
  payload?: Record<string, unknown>;
}

export interface BackupOperationRecord {
  id: string;
  vaultId: string;
  kind: string;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  startTime: number;
  endTime?: number;
  finishAt: number;
  /** The operation ends with this job (when set, it finishes when the job does, or at once). */
  jobId?: string;
  waitForJob?: boolean;
  targetId: string;
  error?: { code: string; message: string; status: number };
  payload?: Record<string, unknown>;
  /** Fault injection (lro-fail): the operation fails at this time, changing nothing. */
  failAt?: number;
}

/** Failures asked for through the control API, consumed when they fire. */
export interface BackupFaultRecord {
  kind: 'inquiry' | 'job';
  /** inquiry: VM id; job: operation (Backup, Restore, ConfigureBackup…) or '*'. */
  target: string;
  code: string;
  message?: string;
  recommendation?: string;
}

export interface BackupState {
  /** Added to the wall clock: the control API moves Backup's time forward. */
  clockOffsetMs: number;
  vaults: Record<string, BackupVaultRecord>;
  policies: Record<string, BackupPolicyRecord>;
  /** Vault key → ids of the VMs its last container refresh found. */
  discovered: Record<string, string[]>;
  containers: Record<string, BackupContainerRecord>;
  items: Record<string, BackupItemRecord>;
  jobs: Record<string, BackupJobRecord>;
  operations: Record<string, BackupOperationRecord>;
  faults: BackupFaultRecord[];
}

export function emptyBackupState(): BackupState {
  return { clockOffsetMs: 0, vaults: {}, policies: {}, discovered: {}, containers: {}, items: {}, jobs: {}, operations: {}, faults: [] };
}
