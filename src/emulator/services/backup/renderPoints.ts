// Wire shapes of recovery points: Full / Differential points (AzureWorkloadSQLRecoveryPoint) and the log
// point-in-time pseudo-point DefaultRangeRecoveryPoint, with the database files a restore maps.
import type { ServiceContext } from '../../core/context';
import type { BackupItemRecord, BackupRecoveryPointRecord } from '../../model';
import { iso } from './clock';
import { POINT_IN_TIME_POINT, vmOf } from './ids';
import { VAULTS_TYPE } from './render';

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

const POINT_TYPE = `${VAULTS_TYPE}/backupFabrics/protectionContainers/protectedItems/recoveryPoints`;

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
