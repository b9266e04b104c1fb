// Azure Backup's asynchronous operations. A request records an operation and answers 202 with the
// tracking URLs the service hands out (with their old api-versions); the clock ends it after its
// (compressed) duration or when the job it waits for ends, applying its effect through the handler
// registered for its kind. OperationStatus and operationResults answers are rendered here.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import { armError, type EmulatorRequest, type EmulatorResponse } from '../../core/http';
import { key, type BackupOperationRecord, type BackupVaultRecord } from '../../model';
import { backupNow, iso, retryAfter, scaled } from './clock';
import { backupState } from './state';

/** Thrown by a completion handler: the operation fails with this error. */
export class BackupOperationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Completion = (ctx: ServiceContext, op: BackupOperationRecord) => void;
interface Handlers {
  completions: Map<string, Completion>;
  rollbacks: Map<string, Completion>;
}
// Per emulator: several can run in one process (tests), each with its own state.
const registries = new WeakMap<ServiceContext, Handlers>();
function handlers(ctx: ServiceContext): Handlers {
  let h = registries.get(ctx);
  if (!h) registries.set(ctx, (h = { completions: new Map<string, Completion>(), rollbacks: new Map<string, Completion>() }));
  return h;
}

export function onOperation(ctx: ServiceContext, kind: string, complete: Completion, rollback?: Completion): void {
  handlers(ctx).completions.set(kind, complete);
  if (rollback) handlers(ctx).rollbacks.set(kind, rollback);
}

export interface OperationStart {
  vault: BackupVaultRecord;
  kind: string;
  targetId: string;
  serviceSeconds: number;
  jobId?: string;
  /** The operation ends when its job ends (protect, stop protection, delete data). */
  waitForJob?: boolean;
  payload?: Record<string, unknown>;
  /** The request that starts it: an lro-fail fault aimed at it makes the operation fail halfway, changing nothing. */
  req?: EmulatorRequest;
}

export function startOperation(ctx: ServiceContext, s: OperationStart): BackupOperationRecord {
  const now = backupNow(ctx);
  const op: BackupOperationRecord = {
    id: randomUUID(),
    vaultId: s.vault.id,
    kind: s.kind,
    status: 'InProgress',
    startTime: now,
    finishAt: now + scaled(ctx, s.serviceSeconds),
    jobId: s.jobId,
    waitForJob: s.waitForJob,
    targetId: s.targetId,
    payload: s.payload,
  };
  // Only operations without a job: a job's own effects cannot be taken back by failing its operation.
  if (s.req && !s.jobId && ctx.faults.takeLroFailure(s.req.method, s.req.url.pathname))
    op.failAt = now + Math.floor((op.finishAt - now) / 2);
  backupState(ctx).operations[op.id] = op;
  ctx.store.changed();
  return op;
}

const RETENTION_MS = 24 * 3600_000;

export function advanceOperations(ctx: ServiceContext): void {
  const st = backupState(ctx);
  const now = backupNow(ctx);
  for (const op of Object.values(st.operations)) {
    if (op.status !== 'InProgress') {
      if (op.endTime !== undefined && now - op.endTime > RETENTION_MS) {
        delete st.operations[op.id];
        ctx.store.changed();
      }
      continue;
    }
    if (op.waitForJob && op.jobId) {
      const job = st.jobs[op.jobId];
      if (job && (job.status === 'InProgress' || job.status === 'Cancelling')) continue;
      if (job && job.status !== 'Completed' && job.status !== 'CompletedWithWarnings') {
        fail(ctx, op, {
          status: 400,
          code: job.failure?.code ?? 'BMSUserErrorJobCancelled',
          message: job.failure?.message ?? 'The job was cancelled.',
        });
        continue;
      }
    } else if (op.failAt !== undefined && now >= op.failAt) {
      fail(ctx, op, { status: 500, code: 'OperationFailed', message: 'The operation failed midway and changed nothing (injected fault).' });
      continue;
    } else if (now < op.finishAt) continue;
    try {
      handlers(ctx).completions.get(op.kind)?.(ctx, op);
      op.status = 'Succeeded';
      op.endTime = now;
    } catch (e) {
      if (!(e instanceof BackupOperationError)) throw e;
      fail(ctx, op, { status: e.status, code: e.code, message: e.message });
    }
    ctx.store.changed();
  }
}

function fail(ctx: ServiceContext, op: BackupOperationRecord, error: NonNullable<BackupOperationRecord['error']>): void {
  op.status = 'Failed';
  op.error = error;
  op.endTime = backupNow(ctx);
  handlers(ctx).rollbacks.get(op.kind)?.(ctx, op);
  ctx.store.changed();
}

/** Looks an operation up by id within the vault of the request. */
export function getOperation(ctx: ServiceContext, vault: BackupVaultRecord, id: string): BackupOperationRecord {
  const op = backupState(ctx).operations[id] ?? Object.values(backupState(ctx).operations).find((o) => key(o.id) === key(id));
  if (!op || key(op.vaultId) !== key(vault.id))
    throw armError(
      404,
      'BMSUserErrorOperationNotFound',
      `Operation '${id}' was not found. It may have expired; operation results are kept for a day.`,
    );
  return op;
}

/** OperationStatus (…/operationsStatus/{id}, …/backupOperations/{id}, …/operations/{id}). */
export function operationStatusResponse(ctx: ServiceContext, op: BackupOperationRecord): EmulatorResponse {
  const body = {
    id: op.id,
    name: op.id,
    status: op.status,
    startTime: iso(op.startTime),
    ...(op.endTime !== undefined ? { endTime: iso(op.endTime) } : {}),
    ...(op.error ? { error: { code: op.error.code, message: op.error.message } } : {}),
    ...(op.jobId && op.status !== 'InProgress' ? { properties: { objectType: 'OperationStatusJobExtendedInfo', jobId: op.jobId } } : {}),
  };
  return { status: 200, headers: op.status === 'InProgress' ? { 'retry-after': retryAfter(ctx, op.finishAt) } : {}, body };
}

/** operationResults: 202 while running, then 200 with `result()` when it gives a body, else 204; failures as errors. */
export function operationResultResponse(
  ctx: ServiceContext,
  req: EmulatorRequest,
  op: BackupOperationRecord,
  result?: () => unknown,
  runningBody?: unknown,
): EmulatorResponse {
  if (op.status === 'InProgress')
    return { status: 202, headers: { location: req.url.toString(), 'retry-after': retryAfter(ctx, op.finishAt) }, body: runningBody };
  if (op.status === 'Failed')
    throw armError(op.error?.status ?? 500, op.error?.code ?? 'CloudInternalError', op.error?.message ?? 'The operation failed.');
  const body = result?.();
  return body === undefined ? { status: 204 } : { status: 200, body };
}

/**
 * Tracking URLs under the resource an operation acts on: …/operationResults/{id} for the result and
 * …/{statusSegment}/{id} for the status, each with the api-version the service gives it.
 */
export function resourceTrackingUrls(
  req: EmulatorRequest,
  resourceId: string,
  opId: string,
  statusSegment: 'operationsStatus' | 'operations',
  resultVersion: string,
  statusVersion = resultVersion,
): { location: string; asyncOperation: string } {
  const base = `${req.base}${resourceId}`;
  return {
    location: `${base}/operationResults/${opId}?api-version=${resultVersion}`,
    asyncOperation: `${base}/${statusSegment}/${opId}?api-version=${statusVersion}`,
  };
}

/** The 202 answer to the request that started `op`. */
export function acceptedResponse(
  ctx: ServiceContext,
  op: BackupOperationRecord,
  urls: { location?: string; asyncOperation?: string },
  body?: unknown,
): EmulatorResponse {
  const headers: Record<string, string> = { 'retry-after': retryAfter(ctx, op.finishAt) };
  if (urls.location) headers.location = urls.location;
  if (urls.asyncOperation) headers['azure-asyncoperation'] = urls.asyncOperation;
  return { status: 202, headers, body };
}
