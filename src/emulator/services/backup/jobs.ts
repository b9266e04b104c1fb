// Backup jobs: list (newest first, $filter on status / operation / backupManagementType / jobId /
// startTime–endTime, $skipToken paging), get (with extendedInfo.tasksList and errorDetails), cancel.
import type { ServiceContext } from '../../core/context';
import { armError } from '../../core/http';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS, BACKUP_TRACKING_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupJobRecord, type BackupVaultRecord } from '../../model';
import { getVault, VAULT } from './ids';
import { CANCELLABLE, cancelJob } from './jobEngine';
import { filterDate, matches, parseFilter } from './odataFilter';
import { acceptedResponse, getOperation, operationResultResponse, startOperation } from './operations';
import { jobOperationLabel, renderJob } from './renderJob';
import { backupState } from './state';

const JOB = `${VAULT}/backupJobs/{jobName}`;

function getJob(ctx: ServiceContext, vault: BackupVaultRecord, name: string): BackupJobRecord {
  const j = backupState(ctx).jobs[name] ?? backupState(ctx).jobs[name.toLowerCase()];
  if (!j || key(j.vaultId) !== key(vault.id)) throw armError(404, 'BMSUserErrorJobNotFound', `Job '${name}' was not found in the vault.`);
  return j;
}

export function registerJobRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS };

  ctx.router.add(
    'GET',
    `${VAULT}/backupJobs`,
    (req) => {
      const vault = getVault(ctx, req);
      const f = parseFilter(req);
      const from = filterDate(f, 'startTime');
      const to = filterDate(f, 'endTime');
      const operation = f.get('operation')?.toLowerCase();
      const list = Object.values(backupState(ctx).jobs)
        .filter((j) => key(j.vaultId) === key(vault.id))
        .filter((j) => matches(f, 'status', j.status) && matches(f, 'backupManagementType', 'AzureWorkload') && matches(f, 'jobId', j.id))
        .filter(
          (j) => operation === undefined || j.operation.toLowerCase() === operation || jobOperationLabel(j).toLowerCase() === operation,
        )
        .filter((j) => matches(f, 'workloadType', 'SQLDataBase') && matches(f, 'entityFriendlyName', j.entityFriendlyName))
        .filter((j) => (from === undefined || j.startTime >= from) && (to === undefined || j.startTime <= to))
        .sort((a, b) => b.startTime - a.startTime || a.id.localeCompare(b.id))
        .map((j) => renderJob(ctx, j, false));
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    JOB,
    (req) => ({ status: 200, body: renderJob(ctx, getJob(ctx, getVault(ctx, req), req.params.jobName), true) }),
    opts,
  );

  ctx.router.add(
    'POST',
    `${JOB}/cancel`,
    (req) => {
      const vault = getVault(ctx, req);
      const job = getJob(ctx, vault, req.params.jobName);
      if (job.status !== 'InProgress' || !CANCELLABLE.has(job.operation))
        throw armError(
          400,
          'BMSUserErrorJobNotCancellable',
          `The job '${job.id}' (${jobOperationLabel(job)}, ${job.status}) cannot be cancelled.`,
        );
      cancelJob(ctx, job);
      const op = startOperation(ctx, { vault, kind: 'cancel', targetId: job.id, serviceSeconds: 2 });
      const v = BACKUP_TRACKING_API_VERSIONS.vault;
      return acceptedResponse(ctx, op, {
        location: `${req.base}${vault.id}/backupJobs/${job.id}/operationResults/${op.id}?api-version=${v}`,
        asyncOperation: `${req.base}${vault.id}/backupOperations/${op.id}?api-version=${v}`,
      });
    },
    opts,
  );

  ctx.router.add(
    'GET',
    `${JOB}/operationResults/{operationId}`,
    (req) => operationResultResponse(ctx, req, getOperation(ctx, getVault(ctx, req), req.params.operationId)),
    opts,
  );
}
