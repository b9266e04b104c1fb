// The documented restore request for a SQL database in an Azure VM (AZUREWORKLOAD-MODELS.md §7, the bodies
// azure-cli sends): AzureWorkloadSQLRestoreRequest posted to a full or differential point, or
// AzureWorkloadSQLPointInTimeRestoreRequest with `pointInTime` posted to DefaultRangeRecoveryPoint; to the
// original database, to an alternate database (targetInfo + a path for every file), or as files
// (recoveryMode FileRecovery + a folder). Also the default target paths of an alternate restore.
import type { SqlRestoreRequest } from '../../azure/backup/backupModels';
import { POINT_IN_TIME_POINT } from './restoreTimeline';
import type { FileMappingInput, RestoreInput, RestoreTargetInstance, ValidRestore } from './restoreValidation';

export const SQL_RESTORE = 'AzureWorkloadSQLRestoreRequest';
export const SQL_POINT_IN_TIME_RESTORE = 'AzureWorkloadSQLPointInTimeRestoreRequest';

/** A file of the backed-up database (recovery point extendedInfo.dataDirectoryPaths). */
export interface SourceFile {
  /** Data or Log. */
  type: string;
  path: string;
  logicalName: string;
}

export interface RestoreRequestPlan {
  /** The recovery point the request is posted to. */
  recoveryPoint: string;
  body: SqlRestoreRequest;
}

/**
 * The request for validated choices. `sourceVmId` is the protected item's sourceResourceId (the VM).
 * An alternate restore asks FailOnConflict where the CLI sends Overwrite: the wizard checked the name is
 * new, and a database created under that name meanwhile must fail the job rather than be overwritten.
 */
export function buildRestoreRequest(valid: ValidRestore, input: RestoreInput, sourceVmId: string): RestoreRequestPlan {
  const pit = valid.choice.kind === 'pointInTime';
  const common = {
    objectType: pit ? SQL_POINT_IN_TIME_RESTORE : SQL_RESTORE,
  };
  const tail = {
    shouldUseAlternateTargetLocation: true,
    isNonRecoverable: false,
    ...(valid.choice.kind === 'pointInTime' ? { pointInTime: new Date(valid.choice.time).toISOString() } : {}),
  };
  const recoveryPoint = valid.choice.kind === 'point' ? valid.choice.name : POINT_IN_TIME_POINT;
  if (valid.target === 'original') {
    return {
      recoveryPoint,
      body: { properties: { ...common, recoveryType: 'OriginalLocation', targetInfo: { overwriteOption: 'Overwrite' }, ...tail } },
    };
  }
  const container = valid.container!;
  if (valid.target === 'files') {
    return {
      recoveryPoint,
      body: {
        properties: {
          ...common,
          recoveryType: 'AlternateLocation',
          recoveryMode: 'FileRecovery',
          sourceResourceId: sourceVmId,
          targetInfo: {
            overwriteOption: 'Overwrite',
            containerId: container.containerId,
            targetDirectoryForFileRestore: input.folder.trim(),
          },
          targetVirtualMachineId: container.vmId,
          ...tail,
        },
      },
    };
  }
  return {
    recoveryPoint,
    body: {
      properties: {
        ...common,
        recoveryType: 'AlternateLocation',
        sourceResourceId: sourceVmId,
        targetInfo: {
          overwriteOption: 'FailOnConflict',
          containerId: container.containerId,
          databaseName: `${valid.instance!.name}/${input.databaseName.trim()}`,
        },
        targetVirtualMachineId: container.vmId,
        ...tail,
        alternateDirectoryPaths: input.files.map((f) => ({
          mappingType: f.mappingType,
          sourceLogicalName: f.sourceLogicalName,
          sourcePath: f.sourcePath,
          targetPath: f.targetPath.trim(),
        })),
      },
    },
  };
}

const extensionOf = (path: string, type: string) => /\.(\w+)$/.exec(path)?.[1] ?? (/^log$/i.test(type) ? 'ldf' : 'mdf');
const withSlash = (dir: string) => (dir.endsWith('\\') ? dir : `${dir}\\`);

/**
 * Where each file goes by default: the target instance's default data or log folder, named
 * `<logicalName>_<unix seconds>.<ext>` as azure-cli names them, so a restore never collides with the
 * source's files. The user can edit every path.
 */
export function defaultFileMappings(files: readonly SourceFile[], instance: RestoreTargetInstance, nowMs: number): FileMappingInput[] {
  const stamp = Math.floor(nowMs / 1000);
  return files.map((f) => {
    const dir = /^log$/i.test(f.type) ? (instance.logPath ?? instance.dataPath) : (instance.dataPath ?? instance.logPath);
    const fileName = `${f.logicalName}_${stamp}.${extensionOf(f.path, f.type)}`;
    return {
      mappingType: f.type,
      sourceLogicalName: f.logicalName,
      sourcePath: f.path,
      targetPath: dir ? `${withSlash(dir)}${fileName}` : '',
    };
  });
}
