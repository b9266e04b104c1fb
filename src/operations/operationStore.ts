// Persists the operations center in a Memento (VS Code's globalState, shared by every window):
// running operations with their poller state, and the last 50 finished ones, newest first.
// Windows coordinate through leases: a window polls an operation only while it holds an unexpired
// lease on it, and renews the lease as it polls, so two windows never poll one operation twice.
import type { OperationLease, OperationRecord } from './operationRecord';

/** The slice of vscode.Memento the store needs (globalState in the extension, a Map in tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

export const HISTORY_LIMIT = 50;
// Short, because a window that goes away without deactivating (a browser reload in code-server leaves
// its extension host orphaned) blocks the operation until its lease runs out.
export const LEASE_MS = 20_000;
const KEY = 'sqlDataMovement.operations.v1';

interface Persisted {
  running: OperationRecord[];
  history: OperationRecord[];
}

export class OperationStore {
  /** Serialises read-modify-write cycles within this window. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly memento: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  read(): Persisted {
    const value = this.memento.get<Persisted>(KEY);
    return { running: value?.running ?? [], history: value?.history ?? [] };
  }

  get(id: string): OperationRecord | undefined {
    const { running, history } = this.read();
    return running.find((r) => r.id === id) ?? history.find((r) => r.id === id);
  }

  /** Applies a change to the persisted lists; changes are applied one at a time. */
  mutate<T>(change: (state: Persisted) => T): Promise<T> {
    const next = this.queue.then(async () => {
      const state = this.read();
      const result = change(state);
      state.history = state.history.slice(0, HISTORY_LIMIT);
      await this.memento.update(KEY, state);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  add(record: OperationRecord): Promise<void> {
    return this.mutate((s) => {
      s.running = [record, ...s.running.filter((r) => r.id !== record.id)];
    });
  }

  /** Updates a running record in place (progress, poller state, lease). No-op once it has ended. */
  update(id: string, patch: Partial<OperationRecord>): Promise<OperationRecord | undefined> {
    return this.mutate((s) => {
      const i = s.running.findIndex((r) => r.id === id);
      if (i < 0) return undefined;
      s.running[i] = { ...s.running[i], ...patch };
      return s.running[i];
    });
  }

  /** Moves a record from running to the head of the history, without its poller state or lease. */
  finish(id: string, patch: Partial<OperationRecord>): Promise<OperationRecord | undefined> {
    return this.mutate((s) => {
      const i = s.running.findIndex((r) => r.id === id);
      if (i < 0) return undefined;
      const { poller: _poller, lease: _lease, waitingReason: _waiting, ...rest } = { ...s.running[i], ...patch };
      const ended: OperationRecord = { ...rest, endedAt: patch.endedAt ?? this.now() };
      s.running.splice(i, 1);
      s.history = [ended, ...s.history.filter((r) => r.id !== id)];
      return ended;
    });
  }

  /**
   * Takes (or renews) the lease on a running operation for `owner`. Fails when another owner holds
   * an unexpired lease or the operation is no longer running.
   */
  claim(id: string, owner: string): Promise<boolean> {
    return this.mutate((s) => {
      const r = s.running.find((x) => x.id === id);
      if (!r) return false;
      if (r.lease && r.lease.owner !== owner && r.lease.until > this.now()) return false;
      r.lease = { owner, until: this.now() + LEASE_MS } satisfies OperationLease;
      return true;
    });
  }

  /** Gives up this owner's leases (on window close) so another window can take over at once. */
  release(owner: string): Promise<void> {
    return this.mutate((s) => {
      for (const r of s.running) if (r.lease?.owner === owner) r.lease = undefined;
    });
  }

  clearFinished(): Promise<number> {
    return this.mutate((s) => {
      const n = s.history.length;
      s.history = [];
      return n;
    });
  }
}
