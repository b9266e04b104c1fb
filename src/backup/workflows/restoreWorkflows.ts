// Restore of a protected SQL database: read what the wizard offers (the database, its recovery timeline,
// the registered VMs with their SQL instances and default folders), the files a point holds, then check
// the choices, post the documented request (tracked in the Operations view against the protected item,
// where the operation ends when the Restore job it started ends) and read that job once it ended.
import type { BackupJob, ProtectedItem, ProtectionContainer, RecoveryPoint, WorkloadItem } from '../../azure/backup/backupModels';
import type { ProtectedItemRef, VaultRef } from '../../azure/backup/backupPaths';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { BackupContext } from '../backupContext';
import { containerRefOf } from '../backupTarget';
import { isJobRunning } from './jobModel';
import { endedJobOf } from './protectionTracking';
import { buildRestoreRequest, type RestoreRequestPlan, type SourceFile } from './restoreRequest';
import { buildTimeline, POINT_IN_TIME_POINT, type RestoreTimeline } from './restoreTimeline';
import {
  validateRestore,
  type RestoreContext,
  type RestoreInput,
  type RestoreTargetContainer,
  type RestoreTargetInstance,
  type ValidRestore,
} from './restoreValidation';

export interface RestoreSource {
  ref: ProtectedItemRef;
  item: ProtectedItem;
  /** The protected item's ARM id (what the operation is filed under). */
  itemId: string;
  database: string;
  instance: string;
  /** The source VM's ARM id. */
  vmId: string;
  timeline: RestoreTimeline;
  targets: RestoreTargetContainer[];
}

const SQL_WORKLOAD = "backupManagementType eq 'AzureWorkload'";

function instancesOf(items: readonly WorkloadItem[]): RestoreTargetInstance[] {
  const instances = items
    .filter((w) => w.properties?.workloadItemType === 'SQLInstance')
    .map((w): RestoreTargetInstance => {
      const dirs = w.properties?.dataDirectoryPaths ?? [];
      return {
        name: w.properties?.friendlyName ?? w.name ?? '',
        dataPath: dirs.find((d) => d.type === 'Data')?.path,
        logPath: dirs.find((d) => d.type === 'Log')?.path,
        databases: [],
      };
    });
  for (const w of items) {
    if (w.properties?.workloadItemType !== 'SQLDataBase') continue;
    const parent = (w.properties.parentName ?? '').toLowerCase();
    const inst = instances.find((i) => i.name.toLowerCase() === parent);
    if (inst && w.properties.friendlyName) inst.databases.push(w.properties.friendlyName);
  }
  return instances;
}

async function targetOf(
  ctx: BackupContext,
  container: ProtectionContainer,
  signal?: AbortSignal,
): Promise<RestoreTargetContainer | undefined> {
  const ref = container.id ? containerRefOf(container.id) : undefined;
  if (!ref || !container.id) return undefined;
  const items = await ctx.clients().discovery.listWorkloadItems(ref, { filter: SQL_WORKLOAD, signal }).toArray();
  return {
    containerId: container.id,
    name: container.properties?.friendlyName ?? container.name ?? ref.container,
    vmId: container.properties?.sourceResourceId ?? '',
    instances: instancesOf(items),
  };
}

/** The registered VMs of the vault with their SQL instances (each instance's default folders and databases). */
export async function listRestoreTargets(ctx: BackupContext, vault: VaultRef, signal?: AbortSignal): Promise<RestoreTargetContainer[]> {
  const containers = await ctx.clients().discovery.listContainers(vault, { signal }).toArray();
  const registered = containers.filter((c) => (c.properties?.registrationStatus ?? '').toLowerCase() === 'registered');
  const targets = await Promise.all(registered.map((c) => targetOf(ctx, c, signal)));
  return targets.filter((t): t is RestoreTargetContainer => t !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/** Everything the wizard shows before the user chooses: the database, its timeline and the targets. */
export async function loadRestoreSource(ctx: BackupContext, ref: ProtectedItemRef, signal?: AbortSignal): Promise<RestoreSource> {
  const { protection } = ctx.clients();
  const [item, points, targets] = await Promise.all([
    protection.getProtectedItem(ref, signal),
    protection.listRecoveryPoints(ref, { signal }).toArray(),
    listRestoreTargets(ctx, ref, signal),
  ]);
  return {
    ref,
    item,
    itemId: item.id ?? '',
    database: item.properties?.friendlyName ?? ref.item.split(';').pop() ?? ref.item,
    instance: item.properties?.parentName ?? '',
    vmId: item.properties?.sourceResourceId ?? '',
    timeline: buildTimeline(points),
    targets,
  };
}

/** The files a point holds (extendedInfo.dataDirectoryPaths, given on a single point's GET). */
export async function sourceFilesOf(ctx: BackupContext, ref: ProtectedItemRef, point: string, signal?: AbortSignal): Promise<SourceFile[]> {
  const rp: RecoveryPoint = await ctx
    .clients()
    .protection.getRecoveryPoint({ ...ref, recoveryPoint: point || POINT_IN_TIME_POINT }, signal);
  const paths = (rp.properties?.extendedInfo as { dataDirectoryPaths?: unknown } | undefined)?.dataDirectoryPaths;
  if (!Array.isArray(paths)) return [];
  return paths
    .map((p: unknown) => p as { type?: unknown; path?: unknown; logicalName?: unknown })
    .filter((p) => typeof p.path === 'string' && typeof p.logicalName === 'string')
    .map((p) => ({ type: typeof p.type === 'string' ? p.type : 'Data', path: p.path as string, logicalName: p.logicalName as string }));
}

export function restoreContextOf(source: RestoreSource): RestoreContext {
  return { database: source.database, timeline: source.timeline, targets: source.targets };
}

/** Checks the choices and gives the exact request they make (the wizard's summary shows it). */
export function planRestore(source: RestoreSource, input: RestoreInput): { valid: ValidRestore; plan: RestoreRequestPlan } {
  const valid = validateRestore(input, restoreContextOf(source));
  return { valid, plan: buildRestoreRequest(valid, input, source.vmId) };
}

export interface StartedRestore {
  plan: RestoreRequestPlan;
  /** Ends when the Restore job ends; rejects with the job's failure. */
  operation: TrackedOperation<void>;
}

/** Checks the choices, posts the restore and tracks it against the protected item; throws RestoreValidationError first. */
export async function beginRestore(ctx: BackupContext, source: RestoreSource, input: RestoreInput): Promise<StartedRestore> {
  const { plan } = planRestore(source, input);
  const poller = await ctx.clients().protection.beginRestore({ ...source.ref, recoveryPoint: plan.recoveryPoint }, plan.body);
  const where =
    input.target === 'original'
      ? 'over the original database'
      : input.target === 'files'
        ? `as files to ${input.folder.trim()}`
        : `to ${input.instance}/${input.databaseName.trim()}`;
  const operation = await ctx.operations.start(poller, {
    title: `Restore ${source.database} ${where}`,
    target: { label: `database ${source.database}`, resourceId: source.itemId },
    environment: ctx.environmentKey(),
  });
  return { plan, operation };
}

/** The Restore job as the operations center learns of it: its name and latest status. */
export interface RestoreJobProgress {
  jobId: string;
  status: string;
}

/**
 * Waits for the restore's operation and resolves the Restore job it ended with (Completed, Failed,
 * Cancelled…), reporting the job while it runs; rejects when the request itself failed before any job.
 */
export async function restoreJobOf(
  ctx: BackupContext,
  vault: VaultRef,
  operation: TrackedOperation<void>,
  onProgress?: (progress: RestoreJobProgress) => void,
): Promise<BackupJob | undefined> {
  const watching = ctx.operations.onDidChange((record) => {
    if (record?.id === operation.id && record.status === 'running' && record.jobId)
      onProgress?.({ jobId: record.jobId, status: record.serviceStatus ?? 'InProgress' });
  });
  try {
    await operation.result;
  } catch (e) {
    const job = await endedJobOf(ctx, vault, operation.id).catch(() => undefined);
    if (job && !isJobRunning(job)) return job;
    throw e;
  } finally {
    watching.dispose();
  }
  return endedJobOf(ctx, vault, operation.id);
}
