// Fabric long-running operations: a 202 with Location (/v1/operations/{id}), x-ms-operation-id and
// Retry-After; GET /operations/{id} answers the OperationState (while running its Location lacks /v1, as
// in the spec's examples, so clients must follow it as given); GET /operations/{id}/result answers the
// payload once Succeeded, or OperationHasNoResult.
import type { ServiceContext } from '../../core/context';
import type { EmulatorRequest, EmulatorResponse } from '../../core/http';
import type { FabricOperationRecord } from '../../fabricModel';
import { fabricError } from './errors';
import { fabricState, fkey, newId } from './state';

export const FABRIC_BASE = '/fabric/v1';
/** Operation URLs as the spec's operation-state examples give them: without /v1. */
const FABRIC_ROOT = '/fabric';
const RETENTION_MS = 24 * 3600_000;

export type OperationAction = FabricOperationRecord['action'];
/** Applies an action when its operation finishes; returns the /result body (undefined = none). */
export type ActionRunner = (action: OperationAction) => unknown;

function retryAfter(ctx: ServiceContext, op: FabricOperationRecord): string {
  if (ctx.options.retryAfterSeconds !== undefined) return String(ctx.options.retryAfterSeconds);
  return String(Math.min(30, Math.max(1, Math.ceil((op.finishAt - ctx.now()) / 1000))));
}

export function startFabricOperation(ctx: ServiceContext, req: EmulatorRequest, action: OperationAction): EmulatorResponse {
  const now = ctx.now();
  const finishAt = now + ctx.options.fabric.operationMs;
  const op: FabricOperationRecord = { id: newId(), createdAt: now, finishAt, action, status: 'Running' };
  if (ctx.faults.takeLroFailure(req.method, req.url.pathname)) op.failAt = now + Math.floor((finishAt - now) / 2);
  fabricState(ctx).operations[op.id] = op;
  ctx.store.changed();
  return {
    status: 202,
    headers: {
      location: `${req.base}${FABRIC_BASE}/operations/${op.id}`,
      'x-ms-operation-id': op.id,
      'retry-after': retryAfter(ctx, op),
    },
  };
}

/** Finishes operations whose time has come; forgets finished ones after a day. */
export function advanceOperations(ctx: ServiceContext, run: ActionRunner): boolean {
  const now = ctx.now();
  const ops = fabricState(ctx).operations;
  let changed = false;
  for (const op of Object.values(ops)) {
    if (op.status !== 'Running' && op.status !== 'NotStarted') {
      if (now - op.finishAt > RETENTION_MS) {
        delete ops[op.id];
        changed = true;
      }
      continue;
    }
    if (op.failAt !== undefined && now >= op.failAt) {
      op.status = 'Failed';
      op.error = { errorCode: 'OperationFailed', message: 'The operation failed midway and changed nothing (injected fault).' };
      op.finishAt = now;
      changed = true;
      continue;
    }
    if (now < op.finishAt) continue;
    try {
      op.result = run(op.action);
      op.status = 'Succeeded';
    } catch (e) {
      op.status = 'Failed';
      const err = e as { code?: string; message: string };
      op.error = { errorCode: err.code ?? 'UnknownError', message: err.message };
    }
    op.finishAt = now;
    changed = true;
  }
  return changed;
}

function getOperation(ctx: ServiceContext, id: string): FabricOperationRecord {
  const op = fabricState(ctx).operations[fkey(id)] ?? fabricState(ctx).operations[id];
  if (!op) throw fabricError(404, 'OperationNotFound', `The operation '${id}' was not found.`);
  return op;
}

function stateResponse(ctx: ServiceContext, req: EmulatorRequest, op: FabricOperationRecord): EmulatorResponse {
  const now = ctx.now();
  const running = op.status === 'Running';
  const span = Math.max(1, op.finishAt - op.createdAt);
  const percentComplete = running ? Math.min(99, Math.floor(((now - op.createdAt) / span) * 100)) : 100;
  const headers: Record<string, string> = { 'x-ms-operation-id': op.id };
  if (running) {
    headers.location = `${req.base}${FABRIC_ROOT}/operations/${op.id}`;
    headers['retry-after'] = retryAfter(ctx, op);
  } else if (op.status === 'Succeeded' && op.result !== undefined)
    headers.location = `${req.base}${FABRIC_BASE}/operations/${op.id}/result`;
  return {
    status: 200,
    headers,
    body: {
      status: op.status,
      createdTimeUtc: new Date(op.createdAt).toISOString(),
      lastUpdatedTimeUtc: new Date(running ? now : op.finishAt).toISOString(),
      percentComplete,
      ...(op.error ? { error: { ...op.error } } : {}),
    },
  };
}

function resultResponse(ctx: ServiceContext, op: FabricOperationRecord): EmulatorResponse {
  if (op.status === 'Failed') throw fabricError(400, 'OperationFailed', op.error?.message ?? 'The operation failed.');
  if (op.status !== 'Succeeded') throw fabricError(400, 'OperationNotCompleted', 'The operation has not completed yet.');
  if (op.result === undefined) throw fabricError(400, 'OperationHasNoResult', 'The operation has no result.');
  return { status: 200, body: op.result };
}

export function registerOperationRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'fabric' as const };
  for (const root of [FABRIC_BASE, FABRIC_ROOT]) {
    ctx.router.add(
      'GET',
      `${root}/operations/{operationId}`,
      (req) => stateResponse(ctx, req, getOperation(ctx, req.params.operationId)),
      opts,
    );
    ctx.router.add(
      'GET',
      `${root}/operations/{operationId}/result`,
      (req) => resultResponse(ctx, getOperation(ctx, req.params.operationId)),
      opts,
    );
  }
}
