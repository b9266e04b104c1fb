// Hands a started Backup call to the operations center (status bar, Operations view, resume after a
// reload), and follows the Backup job an operation started to its end: the operation names the job
// (operationsStatus properties.jobId), the job says how the work itself ended.
import type { BackupJob } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import { abortableDelay } from '../../azure/http/abortableDelay';
import type { LroPoller } from '../../azure/lro/lroTypes';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { BackupContext } from '../backupContext';

export interface TrackAs {
  title: string;
  /** The ARM id of the vault, container or protected item the operation acts on. */
  resourceId: string;
  label: string;
}

export function trackBackup<T>(ctx: BackupContext, poller: LroPoller<T>, as: TrackAs): Promise<TrackedOperation<T>> {
  return ctx.operations.start(poller, {
    title: as.title,
    target: { label: as.label, resourceId: as.resourceId },
    environment: ctx.environmentKey(),
  });
}

/** The Backup job a finished operation started, as the operations center recorded it. */
export function jobIdOfOperation(ctx: BackupContext, operationId: string): string | undefined {
  const { running, history } = ctx.operations.list();
  return [...running, ...history].find((r) => r.id === operationId)?.jobId;
}

/** A Backup job that ended Failed or Cancelled: its error and the service's recommendations. */
export class BackupJobFailedError extends Error {
  override readonly name = 'BackupJobFailedError';

  constructor(
    readonly job: BackupJob,
    readonly code: string | undefined,
    readonly recommendations: string[],
  ) {
    const p = job.properties ?? {};
    const detail = p.errorDetails?.[0] ?? {};
    const said = typeof detail.errorString === 'string' ? ` ${detail.errorString}` : '';
    const advice = recommendations.length ? ` Recommendation: ${recommendations.join(' ')}` : '';
    super(
      `The ${p.operation ?? 'Backup'} job of ${p.entityFriendlyName ?? 'the item'} ended ${p.status ?? 'unsuccessfully'}.${said}${code ? ` (${code})` : ''}${advice}`,
    );
  }
}

const RUNNING_JOB = new Set(['inprogress', 'cancelling', 'notstarted']);
const SUCCEEDED_JOB = new Set(['completed', 'completedwithwarnings']);

export interface FollowJobOptions {
  /** Wait between job reads while it runs (default 5 s, as the Azure CLI polls operations). */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** The job's failure when it ended Failed or Cancelled; undefined while it runs or once it succeeded. */
export function jobFailureOf(job: BackupJob): BackupJobFailedError | undefined {
  const status = (job.properties?.status ?? '').toLowerCase();
  if (SUCCEEDED_JOB.has(status) || RUNNING_JOB.has(status)) return undefined;
  const detail = job.properties?.errorDetails?.[0] ?? {};
  const recommendations = Array.isArray(detail.recommendations)
    ? detail.recommendations.filter((r): r is string => typeof r === 'string' && r.trim() !== '')
    : [];
  return new BackupJobFailedError(job, typeof detail.errorTitle === 'string' ? detail.errorTitle : undefined, recommendations);
}

/** Reads the job until it ends; resolves the ended job, rejects with BackupJobFailedError when it failed. */
export async function followJob(ctx: BackupContext, vault: VaultRef, jobId: string, options: FollowJobOptions = {}): Promise<BackupJob> {
  for (;;) {
    const job = await ctx.clients().protection.getJob(vault, jobId, options.signal);
    const failure = jobFailureOf(job);
    if (failure) throw failure;
    if (SUCCEEDED_JOB.has((job.properties?.status ?? '').toLowerCase())) return job;
    await abortableDelay(options.intervalMs ?? 5_000, options.signal);
  }
}
