// Polls every long-running operation the extension starts, persists it (so a window reload resumes
// it), and tells the UI when one changes or ends. vscode-free: the status bar, tree and
// notifications subscribe to its events. Polling itself is the REST core's poller: never faster
// than Retry-After, otherwise a backoff capped at 30 s; nothing polls when nothing runs.
import { randomUUID } from 'node:crypto';
import type { LroPoller, LroSnapshot } from '../azure/lro/lroTypes';
import { resumePoller, type ResumeDeps } from '../azure/lro/resumePoller';
import { isAzureRequestError } from '../azure/http/azureError';
import type { OperationRecord, OperationTarget, RetrySpec } from './operationRecord';
import { LEASE_MS, type OperationStore } from './operationStore';
import { Signal } from './signal';

export interface TrackerOptions {
  store: OperationStore;
  /** This window's id (leases). */
  owner: string;
  /** Clients to poll an operation of `environment` with, or why it cannot be polled right now. */
  connect: (environment: string) => ResumeDeps | string;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How often to look for operations no window is polling (a closed window's). */
  rescanMs?: number;
  now?: () => number;
}

export interface StartOptions {
  title: string;
  target: OperationTarget;
  environment: string;
  retry?: RetrySpec;
}

export interface TrackedOperation<T> {
  id: string;
  /** The operation's result; rejects with the AzureRequestError when it fails. */
  result: Promise<T>;
}

export class OperationTracker {
  private readonly active = new Map<string, AbortController>();
  private readonly stopRequested = new Set<string>();
  private readonly changed = new Signal<OperationRecord | undefined>();
  private readonly ended = new Signal<OperationRecord>();
  private rescanTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  readonly onDidChange = this.changed.event;
  readonly onDidEnd = this.ended.event;

  constructor(private readonly options: TrackerOptions) {}

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  list(): { running: OperationRecord[]; history: OperationRecord[] } {
    return this.options.store.read();
  }

  /** Is this window polling the operation right now? */
  isPolling(id: string): boolean {
    return this.active.has(id);
  }

  /** Starts tracking a poller returned by a begin… client call. */
  async start<T>(poller: LroPoller<T>, start: StartOptions): Promise<TrackedOperation<T>> {
    const snap = poller.latest;
    const record: OperationRecord = {
      id: randomUUID(),
      title: start.title,
      kind: poller.kind,
      target: start.target,
      environment: start.environment,
      startedAt: this.now - snap.elapsedMs,
      status: 'running',
      percent: snap.percent,
      serviceStatus: snap.serviceStatus,
      initialRequest: snap.initialRequest,
      lastPoll: snap.lastPoll,
      retry: start.retry,
      poller: poller.toJSON(),
      lease: { owner: this.options.owner, until: this.now + LEASE_MS },
    };
    await this.options.store.add(record);
    this.changed.fire(record);
    const result = this.drive(record.id, poller);
    // Callers that only fire and forget must not cause unhandled rejections; awaiting callers still see them.
    result.catch(() => undefined);
    return { id: record.id, result };
  }

  /** Picks up running operations that no window polls: after a reload, or when their window closed. */
  async resumeAll(): Promise<number> {
    let resumed = 0;
    for (const record of this.options.store.read().running) {
      if (this.disposed || this.active.has(record.id)) continue;
      if (await this.resume(record)) resumed++;
    }
    this.scheduleRescan();
    return resumed;
  }

  private async resume(record: OperationRecord): Promise<boolean> {
    if (!record.poller) {
      await this.finishWith(record.id, {
        status: 'failed',
        error: undefined,
        waitingReason: undefined,
        serviceStatus: 'Unknown (no saved polling state)',
      });
      return false;
    }
    const deps = this.options.connect(record.environment);
    if (typeof deps === 'string') {
      if (record.waitingReason !== deps) this.changed.fire(await this.options.store.update(record.id, { waitingReason: deps }));
      return false;
    }
    if (!(await this.options.store.claim(record.id, this.options.owner))) return false;
    let poller: LroPoller<unknown>;
    try {
      poller = resumePoller(record.poller, deps);
    } catch (e) {
      this.changed.fire(await this.options.store.update(record.id, { waitingReason: e instanceof Error ? e.message : String(e) }));
      return false;
    }
    if (record.waitingReason) await this.options.store.update(record.id, { waitingReason: undefined });
    void this.drive(record.id, poller).catch(() => undefined); // the outcome reaches the UI through events
    return true;
  }

  /** Stops waiting for an operation (it may still run in Azure); it moves to the history as "stopped". */
  async stopWaiting(id: string): Promise<void> {
    const ctrl = this.active.get(id);
    if (ctrl) {
      this.stopRequested.add(id);
      ctrl.abort();
      return;
    }
    await this.finishWith(id, { status: 'stopped' });
  }

  async clearFinished(): Promise<number> {
    const n = await this.options.store.clearFinished();
    this.changed.fire(undefined);
    return n;
  }

  private async drive<T>(id: string, poller: LroPoller<T>): Promise<T> {
    const ctrl = new AbortController();
    this.active.set(id, ctrl);
    const heartbeat = setInterval(() => void this.renewLease(id, ctrl), LEASE_MS / 3);
    try {
      const result = await poller.pollUntilDone({
        signal: ctrl.signal,
        minDelayMs: this.options.minDelayMs,
        maxDelayMs: this.options.maxDelayMs,
        onProgress: (snap) => void this.progress(id, poller, snap, ctrl),
      });
      await this.finishWith(id, {
        status: 'succeeded',
        percent: 100,
        serviceStatus: poller.latest.serviceStatus,
        jobId: poller.latest.jobId,
        ...requestTraces(poller.latest),
      });
      return result;
    } catch (e) {
      await this.settleFailure(id, poller, e);
      throw e;
    } finally {
      clearInterval(heartbeat);
      this.active.delete(id);
      this.stopRequested.delete(id);
    }
  }

  private async settleFailure<T>(id: string, poller: LroPoller<T>, e: unknown): Promise<void> {
    const snap = poller.latest;
    if (this.stopRequested.has(id)) {
      await this.finishWith(id, { status: 'stopped' });
    } else if (this.disposed) {
      // The window is closing: leave it running in the store for the next window to resume.
    } else if (snap.status === 'failed' || snap.status === 'canceled') {
      await this.finishWith(id, {
        status: snap.status,
        error: snap.error ?? (isAzureRequestError(e) ? e.toJSON() : undefined),
        serviceStatus: snap.serviceStatus,
        ...requestTraces(snap),
      });
    } else if (this.options.store.get(id)?.status === 'running') {
      // Polling itself failed (network, sign-in): the operation's fate is unknown, so keep it and try later.
      const reason = `polling failed: ${e instanceof Error ? e.message : String(e)}`;
      const patch = { waitingReason: reason, lease: undefined, poller: poller.toJSON(), ...requestTraces(snap) };
      this.changed.fire(await this.options.store.update(id, patch));
      this.scheduleRescan();
    }
  }

  private async progress<T>(id: string, poller: LroPoller<T>, snap: LroSnapshot, ctrl: AbortController): Promise<void> {
    if (snap.status !== 'running') return;
    const updated = await this.options.store.update(id, {
      percent: snap.percent,
      serviceStatus: snap.serviceStatus,
      jobId: snap.jobId,
      ...requestTraces(snap),
      poller: poller.toJSON(),
      lease: { owner: this.options.owner, until: this.now + LEASE_MS },
      waitingReason: undefined,
    });
    if (!updated)
      ctrl.abort(); // stopped or cleared from another window
    else this.changed.fire(updated);
  }

  private async renewLease(id: string, ctrl: AbortController): Promise<void> {
    if (!(await this.options.store.claim(id, this.options.owner))) ctrl.abort();
  }

  private async finishWith(id: string, patch: Partial<OperationRecord>): Promise<void> {
    const ended = await this.options.store.finish(id, patch);
    if (!ended) return;
    this.changed.fire(ended);
    this.ended.fire(ended);
  }

  private scheduleRescan(): void {
    const waiting = this.options.store.read().running.some((r) => !this.active.has(r.id));
    if (!waiting || this.disposed) {
      if (this.rescanTimer) clearInterval(this.rescanTimer);
      this.rescanTimer = undefined;
      return;
    }
    this.rescanTimer ??= setInterval(() => void this.resumeAll(), this.options.rescanMs ?? 5_000);
  }

  /** Stops polling in this window without ending anything: the operations stay running in the store. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    for (const ctrl of this.active.values()) ctrl.abort();
    await this.options.store.release(this.options.owner);
  }
}

/** The ids of the starting request and the latest status check, kept only when known (a resumed poller keeps both). */
function requestTraces(snap: LroSnapshot): Pick<OperationRecord, 'initialRequest' | 'lastPoll'> {
  const traces: Pick<OperationRecord, 'initialRequest' | 'lastPoll'> = {};
  if (snap.initialRequest) traces.initialRequest = snap.initialRequest;
  if (snap.lastPoll) traces.lastPoll = snap.lastPoll;
  return traces;
}
