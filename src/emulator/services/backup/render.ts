// Wire shapes of Azure Backup resources (models of bms.json 2026-02-01 / vaults 2026-08-01): the
// resource envelope {id, name, type, properties} with the polymorphic discriminators the SDKs read.
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import type {
  BackupContainerRecord,
  BackupItemRecord,
  BackupJobRecord,
  BackupPolicyRecord,
  BackupRecoveryPointRecord,
  BackupVaultRecord,
  VirtualMachineRecord,
} from '../../model';
import { backupNow, iso, isoDuration } from './clock';
import { containerName, POINT_IN_TIME_POINT, vmOf } from './ids';
import { backupState } from './state';

const T = 'Microsoft.RecoveryServices/vaults';
const etag = (s: string): string => `W/"datetime'${encodeURIComponent(createHash('sha1').update(s).digest('hex').slice(0, 16))}'"`;

export function renderVault(v: BackupVaultRecord): unknown {
  return {
    id: v.id,
    name: v.name,
    type: T,
    location: v.location,
    tags: v.tags ?? {},
    etag: etag(v.id),
    sku: { name: 'RS0', tier: 'Standard' },
    properties: {
      provisioningState: 'Succeeded',
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      publicNetworkAccess: 'Enabled',
      redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Disabled' },
      secureScore: 'None',
      backupStorageVersion: 'V2',
    },
  };
}

export function renderPolicy(ctx: ServiceContext, p: BackupPolicyRecord): unknown {
  const count = Object.values(backupState(ctx).items).filter((i) => i.policyId.toLowerCase() === p.id.toLowerCase()).length;
  return { id: p.id, name: p.name, type: `${T}/backupPolicies`, properties: { ...p.properties, protectedItemsCount: count } };
}

export function renderProtectableContainer(vaultId: string, vm: VirtualMachineRecord): unknown {
  const name = containerName(vm);
  return {
    id: `${vaultId}/backupFabrics/Azure/protectableContainers/${name}`,
    name,
    type: `${T}/backupFabrics/protectableContainers`,
    properties: {
      protectableContainerType: 'VMAppContainer',
      friendlyName: vm.name,
      backupManagementType: 'AzureWorkload',
      healthStatus: 'Healthy',
      containerId: vm.id,
    },
  };
}

const NO_ERROR = { code: 'Success', message: '', recommendations: [''] };

export function renderContainer(ctx: ServiceContext, c: BackupContainerRecord): unknown {
  const vm = vmOf(ctx, c.vmId);
  const inquiry = c.inquiry;
  const error = inquiry?.errorCode ? { code: inquiry.errorCode, message: inquiry.errorCode, recommendations: [] as string[] } : NO_ERROR;
  return {
    id: c.id,
    name: c.name,
    type: `${T}/backupFabrics/protectionContainers`,
    properties: {
      containerType: 'VMAppContainer',
      friendlyName: vm?.name ?? c.name.split(';').pop(),
      backupManagementType: 'AzureWorkload',
      registrationStatus: c.registrationStatus,
      healthStatus: vm ? 'Healthy' : 'Deleted',
      protectableObjectType: 'VMAppContainer',
      sourceResourceId: c.vmId,
      lastUpdatedTime: c.lastUpdatedTime,
      workloadType: 'SQLDataBase',
      operationType: 'Register',
      extendedInfo: {
        hostServerName: vm?.name.toLowerCase() ?? '',
        inquiryInfo: inquiry
          ? {
              status: inquiry.status,
              errorDetail: error,
              inquiryDetails: [
                {
                  type: 'SQL',
                  itemCount: inquiry.itemCount,
                  inquiryValidation: { status: inquiry.status, errorDetail: error },
                },
              ],
            }
          : { status: 'NotStarted', errorDetail: NO_ERROR, inquiryDetails: [] },
        nodesList: [],
      },
    },
  };
}

export interface ProtectableItemView {
  containerId: string;
  name: string;
  type: 'SQLInstance' | 'SQLDataBase' | 'SQLAvailabilityGroupContainer';
  friendlyName: string;
  parentName?: string;
  serverName: string;
  protectionState: string;
  isAutoProtectable: boolean;
  childCount?: number;
  unprotectedChildCount?: number;
  nodes?: string[];
}

export function renderProtectableItem(p: ProtectableItemView): unknown {
  const isDb = p.type === 'SQLDataBase';
  return {
    id: `${p.containerId}/protectableItems/${p.name}`,
    name: p.name,
    type: `${T}/backupFabrics/protectionContainers/protectableItems`,
    properties: {
      protectableItemType: p.type,
      backupManagementType: 'AzureWorkload',
      workloadType: 'SQL',
      friendlyName: p.friendlyName,
      protectionState: p.protectionState,
      ...(p.parentName !== undefined ? { parentName: p.parentName } : {}),
      ...(isDb && p.parentName ? { parentUniqueName: p.parentName.toLowerCase() } : {}),
      serverName: p.serverName,
      isAutoProtectable: p.isAutoProtectable,
      isAutoProtected: false,
      isProtectable: isDb,
      ...(p.childCount !== undefined ? { subinquireditemcount: p.childCount, subprotectableitemcount: p.unprotectedChildCount ?? 0 } : {}),
      ...(p.type === 'SQLInstance' ? { prebackupvalidation: { status: 'Success', code: 'Success', message: '' } } : {}),
      ...(p.nodes ? { nodesList: p.nodes.map((n) => ({ nodeName: n.split('/').pop(), status: 'Succeeded', sourceResourceId: n })) } : {}),
    },
  };
}

export function renderItem(ctx: ServiceContext, i: BackupItemRecord): unknown {
  const vm = vmOf(ctx, i.vmId);
  const db = vm?.sqlInstances.find((s) => s.name.toLowerCase() === i.instance.toLowerCase())?.databases.find((d) => d.name === i.database);
  const policy = backupState(ctx).policies[i.policyId.toLowerCase()];
  const points = [...i.recoveryPoints].sort((a, b) => a.time - b.time);
  const newestLog = i.logRanges.length ? i.logRanges[i.logRanges.length - 1].end : undefined;
  const lastPoint = Math.max(points.at(-1)?.time ?? 0, newestLog ?? 0);
  const backedUp = points.length > 0;
  return {
    id: i.id,
    name: i.name,
    type: `${T}/backupFabrics/protectionContainers/protectedItems`,
    properties: {
      protectedItemType: 'AzureVmWorkloadSQLDatabase',
      backupManagementType: 'AzureWorkload',
      workloadType: 'SQLDataBase',
      containerName: i.containerName,
      sourceResourceId: i.vmId,
      policyId: i.policyId,
      ...(policy ? { policyName: policy.name } : {}),
      ...(lastPoint ? { lastRecoveryPoint: iso(lastPoint) } : {}),
      isArchiveEnabled: false,
      friendlyName: i.database,
      serverName: vm?.name ?? '',
      parentName: i.instance,
      parentType: 'AzureVmWorkloadSQLInstance',
      protectionStatus: 'Healthy',
      protectionState: i.protectionState,
      lastBackupStatus: i.lastBackupStatus,
      ...(i.lastBackupTime !== undefined ? { lastBackupTime: iso(i.lastBackupTime) } : {}),
      lastBackupErrorDetail: i.lastBackupError ?? { code: 'Success', message: '' },
      protectedItemDataSourceId: i.dataSourceId,
      protectedItemHealthStatus: i.healthStatus,
      extendedInfo: {
        ...(backedUp ? { oldestRecoveryPoint: iso(points[0].time), oldestRecoveryPointInVault: iso(points[0].time) } : {}),
        recoveryPointCount: points.length,
        policyState: i.policyId ? 'Consistent' : 'Inconsistent',
        recoveryModel: db?.recoveryModel ?? 'SIMPLE',
      },
      kpisHealths: backedUp || i.lastBackupError ? kpis(i) : {},
      nodesList: [],
    },
  };
}

function kpis(i: BackupItemRecord): Record<string, unknown> {
  const failing = i.lastBackupStatus === 'Unhealthy';
  const out: Record<string, unknown> = {
    BackupOperationStatusKPI: {
      resourceHealthStatus: failing ? 'PersistentUnhealthy' : 'Healthy',
      resourceHealthDetails: [
        failing
          ? {
              code: 1,
              title: i.lastBackupError?.code ?? 'Failed',
              message: i.lastBackupError?.message ?? '',
              recommendations: i.lastBackupError?.recommendations ?? [],
            }
          : { code: 0, title: 'Success', message: '', recommendations: [] },
      ],
    },
  };
  if (i.restoreKpi)
    out.RestoreOperationStatusKPI = {
      resourceHealthStatus: i.restoreKpi,
      resourceHealthDetails: [{ code: 0, title: i.restoreKpi === 'Healthy' ? 'Success' : 'Failed', message: '', recommendations: [] }],
    };
  return out;
}

export interface DataFile {
  type: 'Data' | 'Log';
  path: string;
  logicalName: string;
}

/** The files of a database as the backup saw them (one data and one log file). */
export function dataFilesOf(ctx: ServiceContext, i: BackupItemRecord): DataFile[] {
  const vm = vmOf(ctx, i.vmId);
  const inst = vm?.sqlInstances.find((s) => s.name.toLowerCase() === i.instance.toLowerCase());
  const data = inst?.dataPath ?? 'F:\\data\\';
  const log = inst?.logPath ?? 'G:\\log\\';
  return [
    { type: 'Data', path: `${data}${i.database}.mdf`, logicalName: i.database },
    { type: 'Log', path: `${log}${i.database}_log.ldf`, logicalName: `${i.database}_log` },
  ];
}

const POINT_TYPE = `${T}/backupFabrics/protectionContainers/protectedItems/recoveryPoints`;

export function renderPoint(ctx: ServiceContext, i: BackupItemRecord, p: BackupRecoveryPointRecord, withExtendedInfo: boolean): unknown {
  return {
    id: `${i.id}/recoveryPoints/${p.name}`,
    name: p.name,
    type: POINT_TYPE,
    properties: {
      objectType: 'AzureWorkloadSQLRecoveryPoint',
      recoveryPointTimeInUTC: iso(p.time),
      type: p.type,
      recoveryPointTierDetails: [{ type: 'HardenedRP', status: 'Valid' }],
      recoveryPointMoveReadinessInfo: {
        ArchivedRP: { isReadyForMove: false, additionalInfo: 'Recovery point cannot be moved to Archive tier yet.' },
      },
      recoveryPointProperties: { ...(p.expiry ? { expiryTime: iso(p.expiry) } : {}), ruleName: p.copyOnly ? 'CopyOnlyFull' : p.type },
      ...(withExtendedInfo ? { extendedInfo: { dataDirectoryTimeInUTC: iso(p.time), dataDirectoryPaths: dataFilesOf(ctx, i) } } : {}),
    },
  };
}

export function renderPointInTime(ctx: ServiceContext, i: BackupItemRecord, withExtendedInfo: boolean): unknown {
  return {
    id: `${i.id}/recoveryPoints/${POINT_IN_TIME_POINT}`,
    name: POINT_IN_TIME_POINT,
    type: POINT_TYPE,
    properties: {
      objectType: 'AzureWorkloadSQLPointInTimeRecoveryPoint',
      type: 'Log',
      timeRanges: i.logRanges.map((r) => ({ startTime: iso(r.start), endTime: iso(r.end) })),
      ...(withExtendedInfo && i.logRanges.length
        ? {
            extendedInfo: { dataDirectoryTimeInUTC: iso(i.logRanges[i.logRanges.length - 1].end), dataDirectoryPaths: dataFilesOf(ctx, i) },
          }
        : {}),
    },
  };
}

const SUB_TYPE_LABEL: Record<string, string> = { Full: 'Full', Differential: 'Differential', Log: 'Log', CopyOnlyFull: 'Copy Only Full' };

/** The operation as the job list shows it: "Backup (Full)", "Restore" while running → "Restore (Full)". */
export function jobOperationLabel(j: BackupJobRecord): string {
  if (j.operation === 'Backup' && j.subType) return `Backup (${SUB_TYPE_LABEL[j.subType] ?? j.subType})`;
  if (j.operation === 'Restore' && j.subType && j.status !== 'InProgress') return `Restore (${SUB_TYPE_LABEL[j.subType] ?? j.subType})`;
  return j.operation;
}

export function renderJob(ctx: ServiceContext, j: BackupJobRecord, details: boolean): unknown {
  const end = j.endTime ?? backupNow(ctx);
  const running = j.status === 'InProgress' || j.status === 'Cancelling';
  const taskId = j.operation === 'Backup' ? 'Transfer data to vault' : j.operation === 'Restore' ? 'Transfer data from vault' : undefined;
  const taskStatus = j.status === 'InProgress' ? 'InProgress' : j.status;
  return {
    id: `${j.vaultId}/backupJobs/${j.id}`,
    name: j.id,
    type: `${T}/backupJobs`,
    properties: {
      jobType: 'AzureWorkloadJob',
      entityFriendlyName: j.entityFriendlyName,
      backupManagementType: 'AzureWorkload',
      operation: jobOperationLabel(j),
      status: j.status,
      startTime: iso(j.startTime),
      ...(j.endTime !== undefined ? { endTime: iso(j.endTime) } : {}),
      activityId: `${j.id}-activity`,
      workloadType: 'SQLDataBase',
      duration: isoDuration(end - j.startTime),
      ...(taskId ? { actionsInfo: running && j.status === 'InProgress' ? ['Cancellable'] : [] } : {}),
      ...(j.failure
        ? {
            errorDetails: [
              {
                errorCode: j.failure.errorCode,
                errorString: j.failure.message,
                errorTitle: j.failure.code,
                recommendations: j.failure.recommendations,
                additionalDetails: '',
              },
            ],
          }
        : {}),
      ...(details
        ? {
            extendedInfo: {
              tasksList: taskId ? [{ taskId, status: taskStatus }] : [],
              propertyBag: j.propertyBag,
              ...(j.failure ? { dynamicErrorMessage: j.failure.message } : {}),
            },
          }
        : {}),
    },
  };
}
