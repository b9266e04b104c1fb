// ARM long-running operations. A mutating request is answered in the shape its service chose for that
// operation (LroShape): at once with the result, or 201/202 with Location and, when the shape says so,
// Azure-AsyncOperation and Retry-After. An accepted operation is an OperationRecord the clock completes
// after `durationMs`, applying the effect through the handler its service module registered for the
// operation kind (handlers are code, the record is data, so pending operations survive a restart).
// A fault can make one fail midway.
import { randomUUID } from 'node:crypto';
import type { StateStore } from './store';
import type { OperationRecord } from '../model';
import { armError, type EmulatorRequest, type EmulatorResponse } from './http';

export interface LroHandler {
  /** Applies the operation's effect to the state (create/update/delete/refresh). */
  complete(op: OperationRecord): void;
  /** Undoes bookkeeping done at start (e.g. a "deleting" flag) when the operation fails. */
  rollback?(op: OperationRecord): void;
  /** Body of the final 200 on the Location URL for operations with finalResult "resource". */
  render?(op: OperationRecord, req: EmulatorRequest): unknown;
  /** Body of a 201 that accepts the operation: the resource as requested, before the operation ends. */
  preview?(op: OperationRecord): unknown;
}

/**
 * How ARM answers one mutation. `now`: the effect is applied before answering, 200 (201 when `created`)
 * with the result, nothing to poll. `accepted`: 201/202 with Location, plus Azure-AsyncOperation and
 * Retry-After when the flags say so; both polling URLs then omit Retry-After too when `retryAfter` is false.
 */
export type LroShape =
  { mode: 'now'; created?: boolean } | { mode: 'accepted'; status: 201 | 202; asyncOperation: boolean; retryAfter: boolean };

export interface LroStart {
  kind: string;
  family: string;
  subscriptionId: string;
  location: string;
  resourceId: string;
  finalResult: 'resource' | 'none';
  payload: unknown;
  shape: LroShape;
  /** Builds the two polling URLs for this operation id (the service decides their shape). */
  urls: (operationId: string) => { location: string; asyncOperation: string };
  failMidway?: boolean;
}

const OPERATION_RETENTION_MS = 24 * 3600_000;

export interface LroOptions {
  durationMs: number;
  retryAfterSeconds?: number;
  now: () => number;
}

export class LroEngine {
  private readonly handlers = new Map<string, LroHandler>();

  constructor(
    private readonly store: StateStore,
    private readonly options: LroOptions,
  ) {}

  register(kind: string, handler: LroHandler): void {
    this.handlers.set(kind, handler);
  }

  start(s: LroStart, req: EmulatorRequest): EmulatorResponse {
    const op = this.record(s);
    if (s.shape.mode === 'now') return this.runNow(op, s.shape.created === true, req);
    this.store.state.operations[op.id] = op;
    this.store.changed();
    const urls = s.urls(op.id);
    const headers: Record<string, string> = { location: urls.location };
    if (s.shape.asyncOperation) headers['azure-asyncoperation'] = urls.asyncOperation;
    if (s.shape.retryAfter) headers['retry-after'] = this.retryAfter(op);
    else op.noRetryAfter = true;
    const body = s.shape.status === 201 ? this.handlers.get(op.kind)?.preview?.(op) : undefined;
    return { status: s.shape.status, headers, ...(body === undefined ? {} : { body }) };
  }

  /** Applies the effect before answering: the result, or the error the operation would have ended with. */
  private runNow(op: OperationRecord, created: boolean, req: EmulatorRequest): EmulatorResponse {
    const handler = this.handlers.get(op.kind);
    if (op.failAt !== undefined) {
      handler?.rollback?.(op);
      throw armError(500, 'OperationTimedOut', 'The operation timed out and automatically rolled back. Please retry the operation.');
    }
    try {
      handler?.complete(op);
    } catch (e) {
      handler?.rollback?.(op);
      throw armError(400, 'SyncOperation_GenericFailure', (e as Error).message);
    }
    this.store.changed();
    const body = op.finalResult === 'resource' ? handler?.render?.(op, req) : undefined;
    return { status: created ? 201 : 200, ...(body === undefined ? {} : { body }) };
  }

  private record(s: LroStart): OperationRecord {
    const now = this.options.now();
    const id = randomUUID();
    return {
      id,
      kind: s.kind,
      family: s.family,
      subscriptionId: s.subscriptionId,
      location: s.location,
      resourceId: s.resourceId,
      finalResult: s.finalResult,
      payload: s.payload,
      status: 'InProgress',
      startTime: new Date(now).toISOString(),
      startedAt: now,
      finishAt: now + this.options.durationMs,
      failAt: s.failMidway ? now + Math.floor(this.options.durationMs / 2) : undefined,
    };
  }

  /** Completes (or fails) every operation whose time has come. Called on each request and by a timer. */
  advance(): void {
    const now = this.options.now();
    for (const op of Object.values(this.store.state.operations)) {
      if (op.status !== 'InProgress') {
        // Finished operations stay pollable for a day (ARM keeps results for a while), then go.
        if (op.endTime && now - Date.parse(op.endTime) > OPERATION_RETENTION_MS) {
          delete this.store.state.operations[op.id];
          this.store.changed();
        }
        continue;
      }
      if (op.failAt !== undefined && now >= op.failAt) {
        op.status = 'Failed';
        op.error = {
          code: 'OperationTimedOut',
          message: 'The operation timed out and automatically rolled back. Please retry the operation.',
        };
        this.handlers.get(op.kind)?.rollback?.(op);
      } else if (now >= op.finishAt) {
        try {
          this.handlers.get(op.kind)?.complete(op);
          op.status = 'Succeeded';
        } catch (e) {
          op.status = 'Failed';
          op.error = { code: 'SyncOperation_GenericFailure', message: (e as Error).message };
          this.handlers.get(op.kind)?.rollback?.(op);
        }
      } else continue;
      op.endTime = new Date(now).toISOString();
      this.store.changed();
    }
  }

  get(id: string): OperationRecord {
    const op = this.store.state.operations[id];
    if (!op) throw armError(404, 'OperationIdNotFound', `The operation with Id '${id}' does not exist.`);
    return op;
  }

  /** The Azure-AsyncOperation answer: always 200 with the status document. */
  statusResponse(op: OperationRecord, asyncUrlPath: string): EmulatorResponse {
    const body = {
      id: asyncUrlPath,
      name: op.id,
      status: op.status,
      startTime: op.startTime,
      ...(op.endTime ? { endTime: op.endTime } : {}),
      ...(op.error ? { error: op.error } : {}),
    };
    return { status: 200, headers: op.status === 'InProgress' ? this.retryAfterHeader(op) : {}, body };
  }

  /** The Location answer: 202 while running, then 200 + resource / 204, or the error when it failed. */
  locationResponse(op: OperationRecord, req: EmulatorRequest): EmulatorResponse {
    if (op.status === 'InProgress') return { status: 202, headers: { location: req.url.toString(), ...this.retryAfterHeader(op) } };
    if (op.status === 'Failed' || op.status === 'Canceled') {
      throw armError(
        op.status === 'Canceled' ? 409 : 500,
        op.error?.code ?? 'OperationCancelled',
        op.error?.message ?? 'The operation has been cancelled by user.',
      );
    }
    if (op.finalResult === 'resource') {
      const body = this.handlers.get(op.kind)?.render?.(op, req);
      if (body !== undefined) return { status: 200, body };
    }
    return { status: 204 };
  }

  private retryAfterHeader(op: OperationRecord): Record<string, string> {
    return op.noRetryAfter ? {} : { 'retry-after': this.retryAfter(op) };
  }

  private retryAfter(op: OperationRecord): string {
    if (this.options.retryAfterSeconds !== undefined) return String(this.options.retryAfterSeconds);
    const remaining = Math.max(0, op.finishAt - this.options.now());
    return String(Math.min(10, Math.max(1, Math.ceil(remaining / 1000))));
  }
}
