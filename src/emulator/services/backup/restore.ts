// Restore: POST …/recoveryPoints/{rp}/restore (202, empty body) → a Restore job ("Restore" while it runs,
// "Restore (Full)" when done). Original location (with overwrite), alternate location on another
// registered SQL instance (new name + a target path for every file of the point), restore as files
// (recoveryMode FileRecovery + a target folder), and point in time inside the log ranges.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody } from '../../core/http';
import { BACKUP_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupContainerRecord, type BackupVaultRecord } from '../../model';
import { iso } from './clock';
import { databaseOf } from './backupNow';
import { getItem, POINT, POINT_IN_TIME_POINT, vmOf } from './ids';
import { failJobWith, onJob, startJob } from './jobEngine';
import { acceptedResponse, startOperation } from './operations';
import { itemTrackingUrls } from './protectedItems';
import { findPoint, pointNotFound } from './recoveryPoints';
import { dataFilesOf } from './renderPoints';
import { backupState } from './state';
import { text } from './bodyText';

type Obj = Record<string, unknown>;
const SQL_RESTORE = 'AzureWorkloadSQLRestoreRequest';
const SQL_PIT_RESTORE = 'AzureWorkloadSQLPointInTimeRestoreRequest';

const invalid = (detail: string): Error =>
  armError(400, 'UserErrorOperationFailedInvalidParameters', `The operation failed because of invalid parameters. ${detail}`);

const restoreTime = (ms: number): string =>
  iso(ms)
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');

function targetContainer(ctx: ServiceContext, vault: BackupVaultRecord, containerId: unknown): BackupContainerRecord {
  const c = typeof containerId === 'string' ? backupState(ctx).containers[key(containerId)] : undefined;
  if (!c || key(c.vaultId) !== key(vault.id) || c.registrationStatus !== 'Registered')
    throw invalid(`targetInfo.containerId '${text(containerId)}' is not a container registered to this vault.`);
  return c;
}

export function registerRestoreRoutes(ctx: ServiceContext): void {
  onJob(ctx, 'Restore', {
    complete: (c, job) => {
      const p = job.payload as
        { targetVmId?: string; instance?: string; database?: string; recoveryModel?: string; sizeMb?: number } | undefined;
      const item = backupState(c).items[key(job.itemId ?? '')];
      if (item) item.restoreKpi = 'Healthy';
      job.propertyBag = { ...job.propertyBag, 'Data Transferred (in MB)': String(p?.sizeMb ?? 28) };
      if (!p?.targetVmId || !p.instance || !p.database) return;
      const inst = vmOf(c, p.targetVmId)?.sqlInstances.find((s) => s.name.toLowerCase() === p.instance!.toLowerCase());
      if (inst && !inst.databases.some((d) => d.name.toLowerCase() === p.database!.toLowerCase()))
        inst.databases.push({ name: p.database, recoveryModel: p.recoveryModel === 'FULL' ? 'FULL' : 'SIMPLE', sizeMb: p.sizeMb ?? 28 });
    },
    fail: (c, job) => {
      const item = backupState(c).items[key(job.itemId ?? '')];
      if (item) item.restoreKpi = 'PersistentUnhealthy';
    },
  });

  ctx.router.add(
    'POST',
    `${POINT}/restore`,
    (req) => {
      const { vault, item } = getItem(ctx, req);
      const props = (jsonBody(req) as { properties?: Obj } | undefined)?.properties ?? {};
      const objectType = text(props.objectType);
      if (objectType !== SQL_RESTORE && objectType !== SQL_PIT_RESTORE)
        throw armError(
          400,
          'BMSUserErrorInvalidInput',
          `objectType '${objectType}' is not valid for a SQL database; use ${SQL_RESTORE} or ${SQL_PIT_RESTORE}.`,
        );
      const rpName = req.params.recoveryPointId;
      const pit = rpName.toLowerCase() === POINT_IN_TIME_POINT.toLowerCase();
      let pointTime: number;
      let pointType: string;
      if (pit) {
        if (objectType !== SQL_PIT_RESTORE) throw invalid(`Restoring ${POINT_IN_TIME_POINT} needs an ${SQL_PIT_RESTORE} with pointInTime.`);
        const at = typeof props.pointInTime === 'string' ? Date.parse(props.pointInTime) : NaN;
        if (Number.isNaN(at)) throw invalid('pointInTime is required for a point-in-time restore.');
        if (!item.logRanges.some((r) => at >= r.start && at <= r.end))
          throw invalid(
            `The point in time ${props.pointInTime as string} is outside the available log ranges (${item.logRanges.map((r) => `${iso(r.start)} – ${iso(r.end)}`).join(', ') || 'none'}). Pick a time inside a range of ${POINT_IN_TIME_POINT}.`,
          );
        pointTime = at;
        pointType = 'Log';
      } else {
        const point = findPoint(item, rpName);
        if (!point) throw pointNotFound(rpName);
        if (objectType === SQL_PIT_RESTORE) throw invalid(`A point-in-time restore must use ${POINT_IN_TIME_POINT}.`);
        pointTime = point.time;
        pointType = point.type;
      }
      const recoveryType = text(props.recoveryType);
      if (recoveryType !== 'OriginalLocation' && recoveryType !== 'AlternateLocation')
        throw invalid(`recoveryType '${recoveryType}' is not valid; use OriginalLocation or AlternateLocation.`);
      const target = (props.targetInfo ?? {}) as Obj;
      const sourceVm = vmOf(ctx, item.vmId);
      const db = databaseOf(ctx, item);
      let jobType: string;
      let destination: string;
      let payload: Obj = { sizeMb: db?.sizeMb ?? 28 };
      let conflict = false;
      if (props.recoveryMode === 'FileRecovery') {
        const c = targetContainer(ctx, vault, target.containerId);
        const folder = target.targetDirectoryForFileRestore;
        if (typeof folder !== 'string' || !/^[A-Za-z]:\\/.test(folder))
          throw invalid('Restore as files needs targetInfo.targetDirectoryForFileRestore (e.g. F:\\restore).');
        jobType = 'Recovery as files';
        destination = `${vmOf(ctx, c.vmId)?.name ?? c.name}/${folder}`;
      } else if (recoveryType === 'AlternateLocation') {
        const c = targetContainer(ctx, vault, target.containerId);
        const [instance, newName] = text(target.databaseName).split('/');
        const targetVm = vmOf(ctx, c.vmId);
        const inst = targetVm?.sqlInstances.find((s) => s.name.toLowerCase() === (instance ?? '').toLowerCase());
        if (!inst || !newName)
          throw invalid(
            `targetInfo.databaseName must be '<instance>/<database>' with an instance of the target VM, got '${text(target.databaseName)}'.`,
          );
        const paths = Array.isArray(props.alternateDirectoryPaths) ? (props.alternateDirectoryPaths as Obj[]) : [];
        for (const f of dataFilesOf(ctx, item)) {
          const m = paths.filter((p) => text(p.sourceLogicalName).toLowerCase() === f.logicalName.toLowerCase());
          if (
            m.length !== 1 ||
            typeof m[0].targetPath !== 'string' ||
            !/^[A-Za-z]:\\.+\.\w+$/.test(m[0].targetPath) ||
            m[0].mappingType !== f.type
          )
            throw invalid(
              `alternateDirectoryPaths needs exactly one ${f.type} mapping for the file '${f.logicalName}' with a full targetPath.`,
            );
        }
        conflict = inst.databases.some((d) => d.name.toLowerCase() === newName.toLowerCase()) && target.overwriteOption !== 'Overwrite';
        jobType = 'Recovery to an alternate database';
        destination = `${targetVm!.name}/${inst.name}/${newName}`;
        payload = { ...payload, targetVmId: targetVm!.id, instance: inst.name, database: newName, recoveryModel: db?.recoveryModel };
      } else {
        conflict = target.overwriteOption === 'FailOnConflict';
        jobType = 'Recovery to the original database';
        destination = `${sourceVm?.name ?? ''}/${item.instance}/${item.database}`;
      }
      const job = startJob(ctx, {
        vault,
        operation: 'Restore',
        subType: pointType,
        entityFriendlyName: `${item.database} [${sourceVm?.name ?? ''}]`,
        itemId: item.id,
        serviceSeconds: 180,
        propertyBag: { 'Job Type': jobType, RestoreRecoveryPointTime: restoreTime(pointTime), RestoreDestination: destination },
        payload,
      });
      if (conflict) failJobWith(job, 'UserErrorCannotRestoreExistingDBWithoutForceOverwrite');
      const op = startOperation(ctx, { vault, kind: 'restore', targetId: item.id, serviceSeconds: 1, jobId: job.id });
      return acceptedResponse(ctx, op, itemTrackingUrls(req, item.id, op.id));
    },
    { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS },
  );
}
