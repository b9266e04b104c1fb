// Polls every long-running operation the extension starts, persists it (so a window reload resumes
// it), and tells the UI when one changes or ends. vscode-free: the status bar, tree and
// notifications subscribe to its events. Polling itself is the REST core's poller: never faster
// than Retry-After, otherwise a backoff capped at 30 s; nothing polls when nothing runs.
import { randomUUID } from 'node:crypto';
import type { LroPoller, LroSnapshot } from '../azure/lro/lroTypes';
import type { ResumeDeps } from '../azure/lro/resumePoller';
import { AzureRequestError, isAzureRequestError } from '../azure/http/azureError';
import { formatDuration, type OperationRecord, type OperationTarget, type RetrySpec } from './operationRecord';
import { redactMessage } from './operationRedaction';
import { OperationLeases } from './operationLeases';
import { LEASE_MS, type OperationStore } from './operationStore';
import type { SentRequestLog } from '../azure/http/sentRequests';
import { Signal } from './signal';

export interface TrackerOptions {
  store: OperationStore;
  /** This window's id (leases). */
  owner: string;
  /** Clients to poll an operation of `environment` and `account` with, or why it cannot be polled right now. */
  connect: (environment: string, account: string | undefined) => ResumeDeps | string;
  /** The account operations started now belong to. */
  account?: () => string | undefined;
  /**
   * How long a window waits after writing its lease before it trusts holder(): long enough for the other
   * windows' leases, written at the same moment, to reach this window's copy of globalState.
   */
  claimSettleMs?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How often to look for operations no window is polling (a closed window's). */
  rescanMs?: number;
  /** After a failure to poll, the wait before the next try: doubles from retryBaseMs (5 s) up to retryMaxMs (2 min). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** An operation that cannot be polled for this long (24 h) is no longer followed: it ends as "unknown". */
  giveUpAfterMs?: number;
  /** The requests this window sent: an operation keeps its initial request's headers and body (redacted) from it. */
  sentRequests?: SentRequestLog;
  /** Where failures nobody awaits are reported (the extension's log). */
  log?: (message: string) => void;
  now?: () => number;
}

export interface StartOptions {
  title: string;
  target: OperationTarget;
  environment: string;
  /** Defaults to the tracker's current account. */
  account?: string;
  retry?: RetrySpec;
}

export interface TrackedOperation<T> {
  id: string;
  /** The operation's result; rejects with the AzureRequestError when it fails. */
  result: Promise<T>;
}

export class OperationTracker {
  private readonly active = new Map<string, AbortController>();
  /** This window's last copy of each operation it polls: an update never depends on globalState having caught up. */
  private readonly known = new Map<string, OperationRecord>();
  /** Why this window does not poll an operation (its environment is not active…); per window, so not persisted. */
  private readonly waiting = new Map<string, string>();
  private readonly changed = new Signal<OperationRecord | undefined>();
  private readonly ended = new Signal<OperationRecord>();
  private rescanTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  readonly onDidChange = this.changed.event;
  readonly onDidEnd = this.ended.event;

  private readonly leases: OperationLeases;

  constructor(private readonly options: TrackerOptions) {
    this.leases = new OperationLeases({
      store: options.store,
      owner: options.owner,
      claimSettleMs: options.claimSettleMs,
      now: () => this.now,
      isDisposed: () => this.disposed,
      connect: (environment, account) => options.connect(environment, account),
      setWaiting: (id, reason) => this.setWaiting(id, reason),
      remember: (record) => this.known.set(record.id, record),
      forget: (id) => this.known.delete(id),
      changed: (record) => this.changed.fire(record),
      finish: (id, patch) => this.finishWith(id, patch),
      follow: (id, poller) => this.background(this.drive(id, poller), 'poll', true),
    });
  }

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  list(): { running: OperationRecord[]; history: OperationRecord[] } {
    const { running, history } = this.options.store.read();
    return { running: running.map((r) => (this.waiting.has(r.id) ? { ...r, waitingReason: this.waiting.get(r.id) } : r)), history };
  }

  /** The requests this window sent, redacted ("Copy as REST Request" gives an action's requests from it). */
  get sentRequests(): SentRequestLog | undefined {
    return this.options.sentRequests;
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
      account: start.account ?? this.options.account?.(),
      // The poller's own start (persisted with it), not when this window saw the operation.
      startedAt: poller.toJSON().startedAt,
      status: 'running',
      percent: snap.percent,
      serviceStatus: snap.serviceStatus,
      initialRequest: snap.initialRequest,
      lastPoll: snap.lastPoll,
      retry: start.retry,
      poller: poller.toJSON(),
    };
    const sent = snap.initialRequest && this.options.sentRequests?.find(snap.initialRequest.method, snap.initialRequest.url);
    if (sent) {
      record.initialRequestHeaders = sent.headers;
      if (sent.body !== undefined) record.initialRequestBody = sent.body;
    }
    // The lease goes first: a window that sees the record also sees who polls it.
    await this.options.store.writeLease(record.id, this.options.owner);
    this.known.set(record.id, await this.options.store.add(record));
    this.changed.fire(record);
    const result = this.drive(record.id, poller);
    // Callers that only fire and forget must not cause unhandled rejections; awaiting callers still see them.
    result.catch(() => undefined);
    return { id: record.id, result };
  }

  /** Picks up running operations that no window polls: after a reload, or when their window closed. */
  async resumeAll(): Promise<number> {
    await this.options.store.migrateLegacy();
    if (this.disposed) return 0;
    const candidates = this.options.store.read().running.filter((r) => !this.active.has(r.id) && !this.leases.isClaiming(r.id));
    // In parallel: each claim waits for the windows' copies to settle.
    const resumed = (await Promise.all(candidates.map((r) => this.leases.resume(r)))).filter(Boolean).length;
    this.scheduleRescan();
    return resumed;
  }

  private setWaiting(id: string, reason: string | undefined): void {
    if (this.waiting.get(id) === reason) return;
    if (reason === undefined) this.waiting.delete(id);
    else this.waiting.set(id, reason);
    const record = this.options.store.get(id);
    this.changed.fire(record && (reason ? { ...record, waitingReason: reason } : record));
  }

  /** Stops waiting for an operation (it may still run in Azure); it moves to the history as "stopped". */
  async stopWaiting(id: string): Promise<void> {
    const ctrl = this.active.get(id);
    if (ctrl) return this.leases.requestStopOf(id, ctrl);
    // Another window may be polling it: ask it to stop; if none is, end it here.
    await this.options.store.requestStop(id);
    if (await this.leases.claim(id)) await this.finishWith(id, { status: 'stopped' });
  }

  async clearFinished(): Promise<number> {
    const n = await this.options.store.clearFinished();
    this.changed.fire(undefined);
    return n;
  }

  private async drive<T>(id: string, poller: LroPoller<T>): Promise<T> {
    const ctrl = new AbortController();
    this.active.set(id, ctrl);
    const heartbeat = setInterval(() => this.background(this.leases.renewLease(id, ctrl), 'renew the lease of'), LEASE_MS / 3);
    try {
      const result = await poller.pollUntilDone({
        signal: ctrl.signal,
        minDelayMs: this.options.minDelayMs,
        maxDelayMs: this.options.maxDelayMs,
        onProgress: (snap) => this.background(this.progress(id, poller, snap, ctrl), 'save the progress of'),
      });
      await this.finishWith(id, {
        status: 'succeeded',
        percent: 100,
        serviceStatus: poller.latest.serviceStatus,
        jobId: poller.latest.jobId,
        ...requestTraces(poller.latest),
        endedAt: endedAt(poller.latest),
      });
      return result;
    } catch (e) {
      this.active.delete(id); // no longer polled here: a rescan may pick it up again
      // A failure to record the outcome must not replace the outcome the caller sees.
      await this.settleFailure(id, poller, e).catch((err: unknown) => this.logFailure(`record the end of operation ${id}`, err));
      throw e;
    } finally {
      clearInterval(heartbeat);
      this.active.delete(id);
      this.leases.forget(id);
      this.known.delete(id);
    }
  }

  private async settleFailure<T>(id: string, poller: LroPoller<T>, e: unknown): Promise<void> {
    const snap = poller.latest;
    if (this.leases.wasStopRequested(id)) {
      await this.finishWith(id, { status: 'stopped' });
    } else if (this.disposed || this.leases.wasYielded(id)) {
      // The window is closing: leave it running in the store for the next window to resume.
    } else if (snap.status === 'failed' || snap.status === 'canceled') {
      await this.finishWith(id, {
        status: snap.status,
        error: snap.error ?? (isAzureRequestError(e) ? e.toJSON() : undefined),
        serviceStatus: snap.serviceStatus,
        // A failed Backup operation names the job whose errorDetails say why.
        ...(snap.jobId ? { jobId: snap.jobId } : {}),
        ...requestTraces(snap),
        endedAt: endedAt(snap),
      });
    } else {
      const current = this.options.store.get(id) ?? this.known.get(id);
      if (current?.status === 'running') await this.pollingFailed(current, poller, e);
    }
  }

  /**
   * Polling itself failed (network, sign-in, a service error that says nothing about the operation): its
   * fate is unknown, so it stays running and is tried again later, each time waiting twice as long (up to
   * retryMaxMs); once it could not be polled for giveUpAfterMs it ends as "unknown" with the last error.
   */
  private async pollingFailed<T>(current: OperationRecord, poller: LroPoller<T>, e: unknown): Promise<void> {
    const now = this.now;
    const since = current.pollFailures?.since ?? now;
    const count = (current.pollFailures?.count ?? 0) + 1;
    const message = e instanceof Error ? e.message : String(e);
    if (now - since >= (this.options.giveUpAfterMs ?? 24 * 60 * 60_000)) {
      const error = isAzureRequestError(e)
        ? e.toJSON()
        : new AzureRequestError({
            status: 0,
            code: 'PollingFailed',
            message,
            operation: { name: current.title, method: 'GET', url: current.lastPoll?.url ?? '' },
          }).toJSON();
      await this.finishWith(current.id, { status: 'unknown', error, pollFailures: undefined, ...requestTraces(poller.latest) });
      return;
    }
    const base = this.options.retryBaseMs ?? 5_000;
    const delay = Math.min(this.options.retryMaxMs ?? 120_000, base * 2 ** (count - 1));
    const patch: Partial<OperationRecord> = {
      waitingReason: `polling failed: ${message} (trying again in ${formatDuration(delay)})`,
      pollFailures: { since, count, retryAt: now + delay },
      poller: poller.toJSON(),
      ...requestTraces(poller.latest),
    };
    this.changed.fire(await this.options.store.update(current.id, patch, this.known.get(current.id)));
    await this.options.store.releaseLease(current.id, this.options.owner);
    this.scheduleRescan();
  }

  /** Runs a promise nobody awaits: its failure is logged, never an unhandled rejection. */
  private background(promise: Promise<unknown>, what: string, outcomeIsRecorded = false): void {
    promise.catch((err: unknown) => {
      // An operation's own failure or a stop is already in its record; anything else is a bug worth a log line.
      if (outcomeIsRecorded && (isAzureRequestError(err) || (err instanceof Error && err.name === 'AbortError'))) return;
      this.logFailure(what, err);
    });
  }

  private logFailure(what: string, err: unknown): void {
    this.options.log?.(`Operations: could not ${what}: ${redactMessage(err instanceof Error ? err.message : String(err))}`);
  }

  private async progress<T>(id: string, poller: LroPoller<T>, snap: LroSnapshot, ctrl: AbortController): Promise<void> {
    if (snap.status !== 'running') return;
    const updated = await this.options.store.update(
      id,
      {
        percent: snap.percent,
        serviceStatus: snap.serviceStatus,
        jobId: snap.jobId,
        ...requestTraces(snap),
        poller: poller.toJSON(),
        waitingReason: undefined,
        pollFailures: undefined,
      },
      this.known.get(id),
    );
    if (!updated || updated.status !== 'running') return ctrl.abort(); // ended from another window
    this.known.set(id, updated);
    this.changed.fire(updated);
    if (this.options.store.stopRequested(id)) this.leases.requestStopOf(id, ctrl);
  }

  private async finishWith(id: string, patch: Partial<OperationRecord>): Promise<void> {
    const ended = await this.options.store.finish(id, patch, this.known.get(id));
    this.waiting.delete(id);
    this.known.delete(id);
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
    this.rescanTimer ??= setInterval(() => this.background(this.resumeAll(), 'resume operations'), this.options.rescanMs ?? 5_000);
  }

  /** Stops polling in this window without ending anything: the operations stay running in the store. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    for (const ctrl of this.active.values()) ctrl.abort();
    await this.options.store.release(this.options.owner);
  }
}

/**
 * When a finished operation ended: the service's end time when it reports one, else when its end was
 * first seen (the status check that saw it). Never when a window took it over, which may be much later.
 */
function endedAt(snap: LroSnapshot): number | undefined {
  for (const iso of [snap.endTime, snap.lastPoll?.at, snap.initialRequest?.at]) {
    const t = iso ? Date.parse(iso) : NaN;
    if (Number.isFinite(t)) return t;
  }
  return undefined;
}

/** The ids of the starting request and the latest status check, kept only when known (a resumed poller keeps both). */
function requestTraces(snap: LroSnapshot): Pick<OperationRecord, 'initialRequest' | 'lastPoll'> {
  const traces: Pick<OperationRecord, 'initialRequest' | 'lastPoll'> = {};
  if (snap.initialRequest) traces.initialRequest = snap.initialRequest;
  if (snap.lastPoll) traces.lastPoll = snap.lastPoll;
  return traces;
}
