// Azure Backup models for SQL Server in Azure VMs (Microsoft.RecoveryServices backup 2026-02-01,
// vaults 2026-08-01). The saved spec subset lacks definitions; fields follow the SDK's models
// (@azure/arm-recoveryservicesbackup). Bodies are polymorphic (protectedItemType, objectType,
// containerType, protectableItemType, jobType); the discriminators and enums are open strings.
import { arrayOf, armResource, model, type FieldSpec, type ModelSpec } from '../models/modelSchema';
import type { ArmResource } from '../sql/syncModels';

export const BACKUP_API_VERSION = '2026-02-01';
export const VAULTS_API_VERSION = '2026-08-01';
/** Azure Backup's only fabric name for Azure VMs. */
export const AZURE_FABRIC = 'Azure';

type Backup<P> = ArmResource<P> & { eTag?: string; etag?: string; location?: string; tags?: Record<string, string> };

export type Vault = Backup<{ provisioningState?: string; [extra: string]: unknown }> & { sku?: { name?: string; tier?: string } };

export interface ProtectionPolicyProperties {
  /** AzureWorkload for SQL in VM (discriminator, open). */
  backupManagementType?: string;
  workLoadType?: string;
  protectedItemsCount?: number;
  settings?: Record<string, unknown>;
  subProtectionPolicy?: Array<Record<string, unknown>>;
  makePolicyConsistent?: boolean;
  [extra: string]: unknown;
}
export type ProtectionPolicy = Backup<ProtectionPolicyProperties>;

export interface ProtectableContainerProperties {
  protectableContainerType?: string;
  friendlyName?: string;
  backupManagementType?: string;
  healthStatus?: string;
  containerId?: string;
  [extra: string]: unknown;
}
export type ProtectableContainer = Backup<ProtectableContainerProperties>;

export interface ProtectionContainerProperties {
  /** VMAppContainer, SQLAGWorkLoadContainer, AzureWorkloadContainer… (open). */
  containerType?: string;
  friendlyName?: string;
  backupManagementType?: string;
  /** Free string, e.g. "Registered". */
  registrationStatus?: string;
  healthStatus?: string;
  protectableObjectType?: string;
  sourceResourceId?: string;
  lastUpdatedTime?: string;
  workloadType?: string;
  operationType?: string;
  extendedInfo?: Record<string, unknown>;
  [extra: string]: unknown;
}
export type ProtectionContainer = Backup<ProtectionContainerProperties>;

export interface ProtectableItemProperties {
  /** SQLDataBase, SQLInstance, SQLAvailabilityGroupContainer… (open). */
  protectableItemType?: string;
  backupManagementType?: string;
  workloadType?: string;
  friendlyName?: string;
  protectionState?: string;
  parentName?: string;
  parentUniqueName?: string;
  serverName?: string;
  isAutoProtectable?: boolean;
  isAutoProtected?: boolean;
  subinquireditemcount?: number;
  subprotectableitemcount?: number;
  isProtectable?: boolean;
  prebackupvalidation?: Record<string, unknown>;
  [extra: string]: unknown;
}
export type ProtectableItem = Backup<ProtectableItemProperties>;

export interface WorkloadItemProperties {
  /** SQLInstance, SQLDataBase… (open). */
  workloadItemType?: string;
  backupManagementType?: string;
  workloadType?: string;
  friendlyName?: string;
  parentName?: string;
  serverName?: string;
  protectionState?: string;
  isAutoProtectable?: boolean;
  subinquireditemcount?: number;
  subWorkloadItemCount?: number;
  /** SQLInstance: the default folders for new data and log files. */
  dataDirectoryPaths?: Array<{ type?: string; path?: string }>;
  [extra: string]: unknown;
}
export type WorkloadItem = Backup<WorkloadItemProperties>;

export interface ProtectedItemProperties {
  /** AzureVmWorkloadSQLDatabase… (open). */
  protectedItemType?: string;
  backupManagementType?: string;
  workloadType?: string;
  containerName?: string;
  sourceResourceId?: string;
  policyId?: string;
  policyName?: string;
  lastRecoveryPoint?: string;
  friendlyName?: string;
  serverName?: string;
  parentName?: string;
  parentType?: string;
  protectionStatus?: string;
  /** Invalid, IRPending, Protected, ProtectionError, ProtectionStopped, ProtectionPaused, BackupsSuspended (open). */
  protectionState?: string;
  lastBackupStatus?: string;
  lastBackupTime?: string;
  protectedItemDataSourceId?: string;
  /** Invalid, Healthy, Unhealthy, NotReachable, IRPending (open). */
  protectedItemHealthStatus?: string;
  lastBackupErrorDetail?: Record<string, unknown>;
  extendedInfo?: Record<string, unknown>;
  [extra: string]: unknown;
}
export type ProtectedItem = Backup<ProtectedItemProperties>;

export interface PointInTimeRange {
  startTime?: string;
  endTime?: string;
}
export interface RecoveryPointProperties {
  /** AzureWorkloadSQLRecoveryPoint, AzureWorkloadSQLPointInTimeRecoveryPoint… (open). */
  objectType?: string;
  recoveryPointTimeInUTC?: string;
  /** Invalid, Full, Log, Differential, Incremental, SnapshotFull, SnapshotCopyOnlyFull (open). */
  type?: string;
  /** Log point-in-time ranges (AzureWorkloadSQLPointInTimeRecoveryPoint). */
  timeRanges?: PointInTimeRange[];
  extendedInfo?: Record<string, unknown>;
  recoveryPointTierDetails?: Array<Record<string, unknown>>;
  [extra: string]: unknown;
}
export type RecoveryPoint = Backup<RecoveryPointProperties>;

export interface JobProperties {
  /** AzureWorkloadJob… (open). */
  jobType?: string;
  entityFriendlyName?: string;
  backupManagementType?: string;
  operation?: string;
  /** InProgress, Completed, Failed, CompletedWithWarnings, Cancelled, Cancelling… (open). */
  status?: string;
  startTime?: string;
  endTime?: string;
  activityId?: string;
  workloadType?: string;
  duration?: string;
  /** JobSupportedAction names, or the integers the service was observed to send (1 = Cancellable). */
  actionsInfo?: Array<string | number>;
  errorDetails?: Array<Record<string, unknown>>;
  extendedInfo?: Record<string, unknown>;
  [extra: string]: unknown;
}
export type BackupJob = Backup<JobProperties>;

export interface OperationStatus {
  id?: string;
  name?: string;
  /** Invalid, InProgress, Succeeded, Failed, Canceled (open). */
  status?: string;
  startTime?: string;
  endTime?: string;
  error?: { code?: string; message?: string };
  properties?: { objectType?: string; jobId?: string; [extra: string]: unknown };
}

/** What "Back up now" sends for a SQL database. backupType: Full | Differential | Log | CopyOnlyFull (open). */
export interface WorkloadBackupRequest {
  properties: {
    objectType: 'AzureWorkloadBackupRequest';
    backupType?: string;
    enableCompression?: boolean;
    recoveryPointExpiryTimeInUTC?: string;
  };
}

/** Restore request for SQL (full point or point in time). */
export interface SqlRestoreRequest {
  properties: {
    objectType: string; // AzureWorkloadSQLRestoreRequest | AzureWorkloadSQLPointInTimeRestoreRequest | …
    recoveryType?: string; // OriginalLocation | AlternateLocation | …
    sourceResourceId?: string;
    pointInTime?: string;
    shouldUseAlternateTargetLocation?: boolean;
    isNonRecoverable?: boolean;
    targetInfo?: { overwriteOption?: string; containerId?: string; databaseName?: string; targetDirectoryForFileRestore?: string };
    alternateDirectoryPaths?: Array<{ mappingType?: string; sourceLogicalName?: string; sourcePath?: string; targetPath?: string }>;
    targetVirtualMachineId?: string;
    [extra: string]: unknown;
  };
}

const backupResource = (name: string, properties: Record<string, FieldSpec>): ModelSpec =>
  armResource(name, properties, { eTag: 'string', etag: 'string' });

export const VAULT = backupResource('Vault', { provisioningState: 'string' });
export const PROTECTION_POLICY = backupResource('ProtectionPolicy', {
  backupManagementType: 'string',
  workLoadType: 'string',
  protectedItemsCount: 'number',
  settings: 'object',
  subProtectionPolicy: arrayOf('object'),
  makePolicyConsistent: 'boolean',
});
export const PROTECTABLE_CONTAINER = backupResource('ProtectableContainer', {
  protectableContainerType: 'string',
  friendlyName: 'string',
  backupManagementType: 'string',
  healthStatus: 'string',
  containerId: 'string',
});
export const PROTECTION_CONTAINER = backupResource('ProtectionContainer', {
  containerType: 'string',
  friendlyName: 'string',
  backupManagementType: 'string',
  registrationStatus: 'string',
  healthStatus: 'string',
  protectableObjectType: 'string',
  sourceResourceId: 'string',
  lastUpdatedTime: 'string',
  workloadType: 'string',
  operationType: 'string',
  extendedInfo: 'object',
});
export const PROTECTABLE_ITEM = backupResource('WorkloadProtectableItem', {
  protectableItemType: 'string',
  backupManagementType: 'string',
  workloadType: 'string',
  friendlyName: 'string',
  protectionState: 'string',
  parentName: 'string',
  parentUniqueName: 'string',
  serverName: 'string',
  isAutoProtectable: 'boolean',
  isAutoProtected: 'boolean',
  subinquireditemcount: 'number',
  subprotectableitemcount: 'number',
  isProtectable: 'boolean',
  prebackupvalidation: 'object',
});
export const WORKLOAD_ITEM = backupResource('WorkloadItem', {
  workloadItemType: 'string',
  backupManagementType: 'string',
  workloadType: 'string',
  friendlyName: 'string',
  parentName: 'string',
  serverName: 'string',
  protectionState: 'string',
  isAutoProtectable: 'boolean',
  subinquireditemcount: 'number',
  subWorkloadItemCount: 'number',
  dataDirectoryPaths: arrayOf(model('SqlDataDirectory', { type: 'string', path: 'string' })),
});
export const PROTECTED_ITEM = backupResource('ProtectedItem', {
  protectedItemType: 'string',
  backupManagementType: 'string',
  workloadType: 'string',
  containerName: 'string',
  sourceResourceId: 'string',
  policyId: 'string',
  policyName: 'string',
  lastRecoveryPoint: 'string',
  friendlyName: 'string',
  serverName: 'string',
  parentName: 'string',
  parentType: 'string',
  protectionStatus: 'string',
  protectionState: 'string',
  lastBackupStatus: 'string',
  lastBackupTime: 'string',
  protectedItemDataSourceId: 'string',
  protectedItemHealthStatus: 'string',
  lastBackupErrorDetail: 'object',
  extendedInfo: 'object',
});
export const RECOVERY_POINT = backupResource('RecoveryPoint', {
  objectType: 'string',
  recoveryPointTimeInUTC: 'string',
  type: 'string',
  extendedInfo: 'object',
  recoveryPointTierDetails: arrayOf('object'),
  timeRanges: arrayOf(model('PointInTimeRange', { startTime: 'string', endTime: 'string' })),
});
export const BACKUP_JOB = backupResource('JobResource', {
  jobType: 'string',
  entityFriendlyName: 'string',
  backupManagementType: 'string',
  operation: 'string',
  status: 'string',
  startTime: 'string',
  endTime: 'string',
  activityId: 'string',
  workloadType: 'string',
  duration: 'string',
  actionsInfo: arrayOf('any'),
  errorDetails: arrayOf('object'),
  extendedInfo: 'object',
});
export const OPERATION_STATUS = model('OperationStatus', {
  id: 'string',
  name: 'string',
  status: 'string',
  startTime: 'string',
  endTime: 'string',
  error: model('OperationStatusError', { code: 'string', message: 'string' }),
  properties: model('OperationStatusExtendedInfo', { objectType: 'string', jobId: 'string' }),
});
