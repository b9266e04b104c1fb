// Back up now: POST …/backup (202, empty body, item operationsStatus/operationResults URLs); the operation
// succeeds within a (service) second and hands out the job id; the Backup job adds the recovery point.
// Differential and Log need a prior Full; Log needs the FULL or BULK_LOGGED recovery model; master takes Full only.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody } from '../../core/http';
import { BACKUP_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupItemRecord, type VmSqlDatabase } from '../../model';
import { backupNow, iso } from './clock';
import { failureFor } from './errorCatalog';
import { getItem, ITEM, vmOf } from './ids';
import { onJob, startJob } from './jobEngine';
import { acceptedResponse, startOperation } from './operations';
import { itemTrackingUrls } from './protectedItems';
import { backupState } from './state';
import { text } from './bodyText';

export const BACKUP_TYPES = ['Full', 'Differential', 'Log', 'CopyOnlyFull'] as const;
const JOB_SECONDS: Record<string, number> = { Full: 120, CopyOnlyFull: 120, Differential: 60, Log: 20 };
const DEFAULT_RETENTION_DAYS: Record<string, number> = { Full: 45, CopyOnlyFull: 30 };

export function databaseOf(ctx: ServiceContext, i: BackupItemRecord): VmSqlDatabase | undefined {
  return vmOf(ctx, i.vmId)
    ?.sqlInstances.find((s) => s.name.toLowerCase() === i.instance.toLowerCase())
    ?.databases.find((d) => d.name.toLowerCase() === i.database.toLowerCase());
}

export const logsAllowed = (db: VmSqlDatabase | undefined): boolean => db?.recoveryModel === 'FULL' || db?.recoveryModel === 'BULK_LOGGED';
const hasBaseFull = (i: BackupItemRecord): boolean => i.recoveryPoints.some((p) => p.type === 'Full' && !p.copyOnly);

/** Applies a finished backup of `type` taken at `at` to the item (recovery point, log chain, health). */
export function applyBackup(
  ctx: ServiceContext,
  item: BackupItemRecord,
  type: string,
  at: number,
  startedAt: number,
  expiry?: number,
): void {
  const db = databaseOf(ctx, item);
  if (type === 'Log') {
    const range = item.logRanges.at(-1);
    if (range) range.end = at;
    item.lastLogBackupAt = at;
  } else {
    item.recoveryPoints.push({
      name: String(at),
      time: at,
      type: type === 'Differential' ? 'Differential' : 'Full',
      ...(type === 'CopyOnlyFull' ? { copyOnly: true } : {}),
      ...(expiry ? { expiry } : {}),
    });
    // A Full starts a log chain when none is running (first backup, or after a resume).
    if (type === 'Full' && logsAllowed(db) && item.lastLogBackupAt === undefined) {
      item.logRanges.push({ start: at, end: at });
      item.lastLogBackupAt = at;
    }
    if (item.protectionState === 'IRPending') item.protectionState = 'Protected';
  }
  item.lastBackupStatus = 'Healthy';
  item.healthStatus = item.protectionState === 'IRPending' ? 'IRPending' : 'Healthy';
  item.lastBackupTime = startedAt;
  item.lastBackupError = undefined;
}

export function registerBackupNowRoutes(ctx: ServiceContext): void {
  onJob(ctx, 'Backup', {
    complete: (c, job) => {
      const item = backupState(c).items[key(job.itemId ?? '')];
      if (!item) return;
      const at = job.startTime + Math.round(((job.endTime ?? job.finishAt) - job.startTime) / 5);
      applyBackup(
        c,
        item,
        job.subType ?? 'Full',
        job.subType === 'Log' ? (job.endTime ?? at) : at,
        job.startTime,
        job.payload?.expiry as number | undefined,
      );
      job.propertyBag = { ...job.propertyBag, 'Data Transferred (in MB)': text(job.payload?.sizeMb) || '28.1147' };
    },
    fail: (c, job) => {
      const item = backupState(c).items[key(job.itemId ?? '')];
      if (!item || !job.failure) return;
      item.lastBackupStatus = 'Unhealthy';
      item.healthStatus = 'Unhealthy';
      item.lastBackupError = { code: job.failure.code, message: job.failure.message, recommendations: job.failure.recommendations };
    },
  });

  ctx.router.add(
    'POST',
    `${ITEM}/backup`,
    (req) => {
      const { vault, item } = getItem(ctx, req);
      const props = (jsonBody(req) as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
      if (props.objectType !== 'AzureWorkloadBackupRequest')
        throw armError(
          400,
          'BMSUserErrorInvalidInput',
          `objectType '${text(props.objectType)}' is not valid for a SQL database; use 'AzureWorkloadBackupRequest'.`,
        );
      const type = text(props.backupType);
      if (!(BACKUP_TYPES as readonly string[]).includes(type))
        throw armError(400, 'BMSUserErrorInvalidInput', `backupType '${type}' is not valid for SQL; use ${BACKUP_TYPES.join(', ')}.`);
      if (item.protectionState !== 'Protected' && item.protectionState !== 'IRPending')
        throw armError(
          400,
          'UserErrorBackupOperationNotAllowed',
          `Backup is not allowed while the item is in the ${item.protectionState} state. Resume protection with a policy first.`,
        );
      const db = databaseOf(ctx, item);
      const unsupported = (why: string) =>
        armError(400, 'UserErrorSQLPODoesNotSupportBackupType', `${failureFor('UserErrorSQLPODoesNotSupportBackupType').message} ${why}`);
      if (type !== 'Full' && type !== 'CopyOnlyFull' && item.database.toLowerCase() === 'master')
        throw unsupported('The master database supports only Full and Copy-only full backups.');
      if (type === 'Log' && !logsAllowed(db))
        throw unsupported(`The database uses the ${db?.recoveryModel ?? 'SIMPLE'} recovery model; log backups need FULL or BULK_LOGGED.`);
      if ((type === 'Differential' || type === 'Log') && !hasBaseFull(item))
        throw armError(400, 'UserErrorParentFullBackupMissing', failureFor('UserErrorParentFullBackupMissing').message);
      const running = Object.values(backupState(ctx).jobs).some(
        (j) => j.operation === 'Backup' && j.status === 'InProgress' && key(j.itemId ?? '') === key(item.id),
      );
      if (running)
        throw armError(
          409,
          'UserErrorAnotherBackupInProgress',
          'Another backup of this database is in progress. Wait for it to finish and try again.',
        );
      const now = backupNow(ctx);
      const expiryRaw = typeof props.recoveryPointExpiryTimeInUTC === 'string' ? Date.parse(props.recoveryPointExpiryTimeInUTC) : NaN;
      const expiry =
        type === 'Full' || type === 'CopyOnlyFull'
          ? Number.isNaN(expiryRaw)
            ? now + DEFAULT_RETENTION_DAYS[type] * 86400_000
            : expiryRaw
          : undefined;
      const vm = vmOf(ctx, item.vmId);
      const job = startJob(ctx, {
        vault,
        operation: 'Backup',
        subType: type,
        entityFriendlyName: `${item.database} [${vm?.name ?? item.containerName.split(';').pop()}]`,
        itemId: item.id,
        serviceSeconds: JOB_SECONDS[type],
        propertyBag: expiry ? { 'Recovery point expiry time': iso(expiry) } : {},
        payload: { expiry, sizeMb: db?.sizeMb ?? 28 },
      });
      const op = startOperation(ctx, { vault, kind: 'backup', targetId: item.id, serviceSeconds: 1, jobId: job.id });
      return acceptedResponse(ctx, op, itemTrackingUrls(req, item.id, op.id));
    },
    { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS },
  );
}
