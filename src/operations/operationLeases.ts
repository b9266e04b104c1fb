// Which window polls a running operation. Each operation has one holder (a lease in globalState,
// renewed while it polls); a window takes over an operation no window holds (after a reload, or when
// its window closed), hands it back when another window holds it, and stops when a window asked to stop
// waiting for it. vscode-free, like the tracker that owns it.
import type { LroPoller } from '../azure/lro/lroTypes';
import { resumePoller, type ResumeDeps } from '../azure/lro/resumePoller';
import { abortableDelay } from '../azure/http/abortableDelay';
import type { OperationRecord } from './operationRecord';
import type { OperationStore } from './operationStore';

/** What the leases need from the tracker that owns them. */
export interface LeaseHost {
  store: OperationStore;
  /** This window's id. */
  owner: string;
  /** See TrackerOptions.claimSettleMs. */
  claimSettleMs?: number;
  now(): number;
  isDisposed(): boolean;
  connect(environment: string, account: string | undefined): ResumeDeps | string;
  /** Why this window does not poll the operation (undefined: it may). */
  setWaiting(id: string, reason: string | undefined): void;
  /** This window's copy of an operation it polls. */
  remember(record: OperationRecord): void;
  forget(id: string): void;
  changed(record: OperationRecord | undefined): void;
  finish(id: string, patch: Partial<OperationRecord>): Promise<void>;
  /** Polls a resumed operation until it ends. */
  follow(id: string, poller: LroPoller<unknown>): void;
}

export class OperationLeases {
  /** Operations this window stops polling because a window asked to stop waiting for them. */
  private readonly stopRequested = new Set<string>();
  /** Operations this window stopped polling because another window holds them. */
  private readonly yielded = new Set<string>();
  /** Operations being claimed (between writing the lease and trusting it). */
  private readonly claiming = new Set<string>();

  constructor(private readonly host: LeaseHost) {}

  isClaiming(id: string): boolean {
    return this.claiming.has(id);
  }

  wasStopRequested(id: string): boolean {
    return this.stopRequested.has(id);
  }

  wasYielded(id: string): boolean {
    return this.yielded.has(id);
  }

  /** Polling of the operation ended in this window. */
  forget(id: string): void {
    this.stopRequested.delete(id);
    this.yielded.delete(id);
  }

  /** Resumes polling a running operation if this window can and no other window holds it. */
  async resume(found: OperationRecord): Promise<boolean> {
    const { host } = this;
    if (found.pollFailures && found.pollFailures.retryAt > host.now()) return false; // backing off after failures
    const deps = host.connect(found.environment, found.account);
    if (typeof deps === 'string') {
      host.setWaiting(found.id, deps);
      return false;
    }
    host.setWaiting(found.id, undefined);
    const record = await this.claim(found.id);
    if (!record) return false;
    if (host.store.stopRequested(record.id)) {
      await host.finish(record.id, { status: 'stopped' });
      return false;
    }
    if (!record.poller) {
      await host.finish(record.id, { status: 'failed', error: undefined, serviceStatus: 'Unknown (no saved polling state)' });
      return false;
    }
    let poller: LroPoller<unknown>;
    try {
      poller = resumePoller(record.poller, deps);
    } catch (e) {
      host.changed(await host.store.update(record.id, { waitingReason: e instanceof Error ? e.message : String(e) }, record));
      await host.store.releaseLease(record.id, host.owner);
      host.forget(record.id);
      return false;
    }
    if (record.waitingReason) await host.store.update(record.id, { waitingReason: undefined }, record);
    host.follow(record.id, poller);
    return true;
  }

  /**
   * Takes the lease on a running operation no other window holds: writes this window's lease, waits for
   * the windows' copies to settle, and keeps it only if this window is then the holder. Two windows that
   * claim at once both see both leases after settling and agree on the same holder.
   */
  async claim(id: string): Promise<OperationRecord | undefined> {
    const { store, owner } = this.host;
    const holder = store.holder(id);
    if (holder && holder.owner !== owner) return undefined;
    this.claiming.add(id);
    try {
      await store.writeLease(id, owner);
      await abortableDelay(this.host.claimSettleMs ?? 1_000);
      const record = store.get(id);
      if (this.host.isDisposed() || store.holder(id)?.owner !== owner || record?.status !== 'running') {
        await store.releaseLease(id, owner);
        return undefined;
      }
      this.host.remember(record);
      return record;
    } finally {
      this.claiming.delete(id);
    }
  }

  /** Renews this window's lease; stops polling when another window holds the operation or asked to stop waiting. */
  async renewLease(id: string, ctrl: AbortController): Promise<void> {
    const { store, owner } = this.host;
    await store.writeLease(id, owner);
    if (store.stopRequested(id)) this.requestStopOf(id, ctrl);
    else if (store.holder(id)?.owner !== owner) {
      this.yielded.add(id);
      ctrl.abort();
    }
  }

  /** Stops polling here; the operation then ends as "stopped". */
  requestStopOf(id: string, ctrl: AbortController): void {
    this.stopRequested.add(id);
    ctrl.abort();
  }
}
