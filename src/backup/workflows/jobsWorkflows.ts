// The jobs view's use cases: one page of a vault's jobs for the filters (server-side `$filter`, the
// next page through `$skipToken`), one job's details, cancelling a job through the operations center,
// and finding the protected item a job is about. vscode-free.
import type { BackupJob } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { BackupContext } from '../backupContext';
import { containerRefOf } from '../backupTarget';
import { jobEntity } from './jobModel';
import { vaultIdOf } from './protectionIds';
import { jobsFilterText, type JobsFilter } from './jobsQuery';

export interface JobsPage {
  jobs: BackupJob[];
  /** Where the next page starts; undefined on the last page. */
  skipToken?: string;
  /** The `$filter` sent. */
  filter: string;
}

/** The `$skipToken` of an ARM nextLink (the service pages jobs with it). */
export function skipTokenOf(nextLink: unknown): string | undefined {
  if (typeof nextLink !== 'string' || !nextLink) return undefined;
  try {
    return new URL(nextLink).searchParams.get('$skipToken') ?? undefined;
  } catch {
    return undefined;
  }
}

/** One page of jobs, newest first as the service sorts them. */
export async function readJobsPage(
  ctx: BackupContext,
  vault: VaultRef,
  filters: JobsFilter,
  skipToken?: string,
  signal?: AbortSignal,
): Promise<JobsPage> {
  const filter = jobsFilterText(filters);
  const pages = ctx.clients().protection.listJobs(vault, { filter, skipToken, signal }).byPage();
  for await (const page of pages) {
    return { jobs: page.items, skipToken: skipTokenOf((page.body as { nextLink?: unknown }).nextLink), filter };
  }
  return { jobs: [], filter };
}

export function readJob(ctx: BackupContext, vault: VaultRef, jobName: string, signal?: AbortSignal): Promise<BackupJob> {
  return ctx.clients().protection.getJob(vault, jobName, signal);
}

export interface StartedCancel {
  /** The operation's id in the operations center. */
  operationId: string;
  /** Resolves when the job is Cancelled; rejects (JobNotCancelled) when it ended some other way first. */
  result: Promise<void>;
}

/** POST …/cancel, tracked in the operations center under the job's id. */
export async function cancelJob(ctx: BackupContext, vault: VaultRef, job: BackupJob): Promise<StartedCancel> {
  const name = job.name ?? '';
  const poller = await ctx.clients().protection.beginCancelJob(vault, name);
  const label = `${job.properties?.operation ?? 'job'} of ${job.properties?.entityFriendlyName ?? name}`;
  const op = await ctx.operations.start(poller, {
    title: `Cancel ${label}`,
    target: { label: `backup job ${label}`, resourceId: job.id ?? `${vaultIdOf(vault)}/backupJobs/${name}` },
    environment: ctx.environmentKey(),
  });
  return { operationId: op.id, result: op.result };
}

/**
 * The protected item a job is about. Jobs name it only as `db [vm]` (or `db`), so the vault's SQL
 * items with that friendly name are listed and the one on that VM is taken; undefined when none or
 * several match.
 */
export async function findJobProtectedItem(ctx: BackupContext, vault: VaultRef, job: BackupJob): Promise<string | undefined> {
  const entity = jobEntity(job);
  if (!entity) return undefined;
  const filter = `backupManagementType eq 'AzureWorkload' and itemType eq 'SQLDataBase' and friendlyName eq '${entity.database.replace(/'/g, "''")}'`;
  const items = await ctx.clients().protection.listProtectedItems(vault, { filter }).toArray();
  const vm = entity.vm?.toLowerCase();
  const onVm = items.filter((i) => {
    if (!vm) return true;
    const container = (i.properties?.containerName ?? containerRefOf(i.id)?.container ?? '').toLowerCase();
    const source = (i.properties?.sourceResourceId ?? '').toLowerCase();
    return container.endsWith(`;${vm}`) || source.endsWith(`/virtualmachines/${vm}`);
  });
  return onVm.length === 1 ? onVm[0].id : undefined;
}
