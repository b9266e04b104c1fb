// Hands a started Backup call to the operations center (status bar, Operations view, resume after a
// reload). The call's poller follows the Backup job it started, so the tracked operation ends when that
// job ends; afterwards the job is read once for what it says (its operation, status, errorDetails).
import type { BackupJob } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import { operationStatusOf, type LroPoller } from '../../azure/lro/lroTypes';
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

/** The job's failure when it ended Failed or Cancelled; undefined while it runs or once it succeeded. */
export function jobFailureOf(job: BackupJob): BackupJobFailedError | undefined {
  const status = operationStatusOf(job.properties?.status ?? '');
  if (status === 'succeeded' || status === 'running') return undefined;
  const detail = job.properties?.errorDetails?.[0] ?? {};
  const recommendations = Array.isArray(detail.recommendations)
    ? detail.recommendations.filter((r): r is string => typeof r === 'string' && r.trim() !== '')
    : [];
  return new BackupJobFailedError(job, typeof detail.errorTitle === 'string' ? detail.errorTitle : undefined, recommendations);
}

/** The job a tracked operation started, read once it ended; undefined when the operation named none. */
export function endedJobOf(ctx: BackupContext, vault: VaultRef, operationId: string, signal?: AbortSignal): Promise<BackupJob | undefined> {
  const jobId = jobIdOfOperation(ctx, operationId);
  return jobId ? ctx.clients().protection.getJob(vault, jobId, signal) : Promise.resolve(undefined);
}

/**
 * Waits for a tracked operation: its result, or — when it failed because its job failed — the job's
 * error with the service's recommendations (BackupJobFailedError); any other failure as it came.
 */
export async function settledWithJob<T>(ctx: BackupContext, vault: VaultRef, operation: TrackedOperation<T>): Promise<T> {
  try {
    return await operation.result;
  } catch (e) {
    const job = await endedJobOf(ctx, vault, operation.id).catch(() => undefined);
    throw (job && jobFailureOf(job)) ?? e;
  }
}
