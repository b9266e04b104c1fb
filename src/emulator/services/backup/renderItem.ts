// Wire shape of a protected SQL database (AzureVmWorkloadSQLDatabase) with its KPI health.
import type { ServiceContext } from '../../core/context';
import type { BackupItemRecord } from '../../model';
import { iso } from './clock';
import { vmOf } from './ids';
import { VAULTS_TYPE } from './render';
import { backupState } from './state';

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
    type: `${VAULTS_TYPE}/backupFabrics/protectionContainers/protectedItems`,
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
