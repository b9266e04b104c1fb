// Backup jobs: started by operations (ConfigureBackup, Backup, Restore, DisableBackup, DeleteBackupData),
// ended by the clock after their compressed duration. A failure asked for through the control API makes
// the job fail with that error; cancel moves it through Cancelling to Cancelled. Each operation type
// registers what its job does to the state when it completes or fails.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import type { BackupJobRecord, BackupVaultRecord } from '../../model';
import { backupNow, scaled } from './clock';
import { failureFor } from './errorCatalog';
import { takeFault } from './faults';
import { backupState } from './state';

interface JobEffects {
  complete?(ctx: ServiceContext, job: BackupJobRecord): void;
  fail?(ctx: ServiceContext, job: BackupJobRecord): void;
}
// Per emulator: several can run in one process (tests), each with its own state.
const registries = new WeakMap<ServiceContext, Map<string, JobEffects>>();
function effectsOf(ctx: ServiceContext): Map<string, JobEffects> {
  let m = registries.get(ctx);
  if (!m) registries.set(ctx, (m = new Map<string, JobEffects>()));
  return m;
}

export function onJob(ctx: ServiceContext, operation: string, e: JobEffects): void {
  effectsOf(ctx).set(operation, e);
}

export interface JobStart {
  vault: BackupVaultRecord;
  operation: string;
  subType?: string;
  entityFriendlyName: string;
  itemId?: string;
  serviceSeconds: number;
  isUserTriggered?: boolean;
  propertyBag?: Record<string, string>;
  payload?: Record<string, unknown>;
  id?: string;
}

export function startJob(ctx: ServiceContext, s: JobStart): BackupJobRecord {
  const now = backupNow(ctx);
  const fault = takeFault(ctx, 'job', s.operation);
  const job: BackupJobRecord = {
    id: s.id ?? randomUUID(),
    vaultId: s.vault.id,
    operation: s.operation,
    subType: s.subType,
    status: 'InProgress',
    startTime: now,
    finishAt: now + scaled(ctx, s.serviceSeconds),
    entityFriendlyName: s.entityFriendlyName,
    itemId: s.itemId,
    isUserTriggered: s.isUserTriggered ?? true,
    propertyBag: s.propertyBag ?? {},
    payload: s.payload,
    ...(fault ? { failure: failureFor(fault.code, fault.message, fault.recommendation) } : {}),
  };
  backupState(ctx).jobs[job.id] = job;
  ctx.store.changed();
  return job;
}

/** A job that fails on its own (not through the control API), e.g. a restore onto an existing database. */
export function failJobWith(job: BackupJobRecord, code: string): void {
  job.failure ??= failureFor(code);
}

export const CANCELLABLE = new Set(['Backup', 'Restore']);

export function advanceJobs(ctx: ServiceContext): void {
  const now = backupNow(ctx);
  for (const job of Object.values(backupState(ctx).jobs)) {
    if ((job.status !== 'InProgress' && job.status !== 'Cancelling') || now < job.finishAt) continue;
    job.endTime = now;
    if (job.status === 'Cancelling') job.status = 'Cancelled';
    else if (job.failure) {
      job.status = 'Failed';
      effectsOf(ctx).get(job.operation)?.fail?.(ctx, job);
    } else {
      job.status = 'Completed';
      effectsOf(ctx).get(job.operation)?.complete?.(ctx, job);
    }
    ctx.store.changed();
  }
}

/** Cancel: InProgress → Cancelling now, Cancelled a few (service) seconds later. */
export function cancelJob(ctx: ServiceContext, job: BackupJobRecord): void {
  job.status = 'Cancelling';
  job.finishAt = backupNow(ctx) + scaled(ctx, 10);
  ctx.store.changed();
}
