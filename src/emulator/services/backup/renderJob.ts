// Wire shape of a backup job (AzureWorkloadJob): operation label, duration, actions, errors and details.
import type { ServiceContext } from '../../core/context';
import type { BackupJobRecord } from '../../model';
import { backupNow, iso, isoDuration } from './clock';
import { VAULTS_TYPE } from './render';

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
    type: `${VAULTS_TYPE}/backupJobs`,
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
