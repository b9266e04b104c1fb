// Persists the operations center in a Memento (VS Code's globalState). Every window has its own copy of
// globalState and sees the other windows' writes only later, so nothing here is a shared blob that a
// window rewrites from its copy: each operation is its own key (found again through keys()), each
// window's lease on an operation is its own key, and a request to stop waiting is its own key. A window
// therefore only ever writes what it owns or what it changes, and cannot erase another window's records.
// Leases: a window polls an operation only while its lease is the oldest unexpired one (see holder()).
import type { OperationRecord } from './operationRecord';
import { redactRecord } from './operationRedaction';

/** The slice of vscode.Memento the store needs (globalState in the extension, a Map in tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
  /** Every key, including those other windows wrote (vscode.Memento.keys()). */
  keys(): readonly string[];
}

/** A window's claim to poll an operation: `since` is kept while renewed, so the first claimant keeps winning. */
export interface Lease {
  owner: string;
  since: number;
  until: number;
}

export const HISTORY_LIMIT = 50;
// Short, because a window that goes away without deactivating (a browser reload in code-server leaves
// its extension host orphaned) blocks the operation until its lease runs out.
export const LEASE_MS = 20_000;

const PREFIX = 'sqlDataMovement.operations.v2/';
const RECORD = `${PREFIX}op/`;
const LEASE = `${PREFIX}lease/`;
const STOP = `${PREFIX}stop/`;
/** The single-blob layout of earlier versions, moved to per-operation keys once. */
const LEGACY_KEY = 'sqlDataMovement.operations.v1';

export class OperationStore {
  constructor(
    private readonly memento: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  private records(): OperationRecord[] {
    const out: OperationRecord[] = [];
    for (const key of this.memento.keys()) {
      if (!key.startsWith(RECORD)) continue;
      const record = this.memento.get<OperationRecord>(key);
      if (record) out.push(record);
    }
    return out;
  }

  /** Running operations (newest first) and the last finished ones (most recently ended first). */
  read(): { running: OperationRecord[]; history: OperationRecord[] } {
    const all = this.records();
    const running = all.filter((r) => r.status === 'running').sort((a, b) => b.startedAt - a.startedAt);
    const history = all
      .filter((r) => r.status !== 'running')
      .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
      .slice(0, HISTORY_LIMIT);
    return { running, history };
  }

  get(id: string): OperationRecord | undefined {
    return this.memento.get<OperationRecord>(RECORD + id);
  }

  /** Writes a record, redacted, and only when it differs from what this window sees. */
  private async put(record: OperationRecord): Promise<OperationRecord> {
    const clean = redactRecord(record);
    const current = this.get(record.id);
    if (!current || JSON.stringify(current) !== JSON.stringify(clean)) await this.memento.update(RECORD + record.id, clean);
    return clean;
  }

  add(record: OperationRecord): Promise<OperationRecord> {
    return this.put(record);
  }

  /**
   * Updates a running record. `known` is the caller's last copy: when this window's globalState does not
   * show the record (yet), the update is applied to it instead of being lost. Returns the record as it
   * now stands; a finished one is returned unchanged (another window ended it).
   */
  async update(id: string, patch: Partial<OperationRecord>, known?: OperationRecord): Promise<OperationRecord | undefined> {
    const current = this.get(id) ?? known;
    if (!current) return undefined;
    if (current.status !== 'running') return current;
    return this.put({ ...current, ...patch, id });
  }

  /**
   * Ends a running record: drops its poller state, leases and stop request, and keeps the history to
   * HISTORY_LIMIT. Undefined when it had already ended (so only one window announces the end).
   */
  async finish(id: string, patch: Partial<OperationRecord>, known?: OperationRecord): Promise<OperationRecord | undefined> {
    const current = this.get(id) ?? known;
    if (!current || current.status !== 'running') return undefined;
    const { poller: _poller, waitingReason: _waiting, pollFailures: _failures, ...rest } = { ...current, ...patch, id };
    const ended = await this.put({ ...rest, endedAt: patch.endedAt ?? this.now() });
    for (const key of this.memento.keys()) if (key.startsWith(`${LEASE}${id}/`)) await this.memento.update(key, undefined);
    if (this.memento.get(STOP + id) !== undefined) await this.memento.update(STOP + id, undefined);
    await this.prune();
    return ended;
  }

  private async prune(): Promise<void> {
    const finished = this.records()
      .filter((r) => r.status !== 'running')
      .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
    for (const old of finished.slice(HISTORY_LIMIT)) await this.memento.update(RECORD + old.id, undefined);
  }

  leases(id: string): Lease[] {
    const out: Lease[] = [];
    for (const key of this.memento.keys()) {
      if (!key.startsWith(`${LEASE}${id}/`)) continue;
      const lease = this.memento.get<Lease>(key);
      if (lease) out.push(lease);
    }
    return out;
  }

  /**
   * The window entitled to poll the operation: the oldest unexpired lease (ties by owner id). Every window
   * that sees the same leases picks the same holder, so two windows that claim at once agree on one.
   */
  holder(id: string): Lease | undefined {
    const now = this.now();
    return this.leases(id)
      .filter((l) => l.until > now)
      .sort((a, b) => a.since - b.since || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0))[0];
  }

  /** Writes (or renews) `owner`'s lease. Whether it holds the operation is holder()'s answer, once the windows have synced. */
  async writeLease(id: string, owner: string): Promise<void> {
    const now = this.now();
    const mine = this.memento.get<Lease>(`${LEASE}${id}/${owner}`);
    const since = mine && mine.until > now ? mine.since : now;
    await this.memento.update(`${LEASE}${id}/${owner}`, { owner, since, until: now + LEASE_MS } satisfies Lease);
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    if (this.memento.get(`${LEASE}${id}/${owner}`) !== undefined) await this.memento.update(`${LEASE}${id}/${owner}`, undefined);
  }

  /** Gives up this owner's leases (on window close) so another window can take over at once. */
  async release(owner: string): Promise<void> {
    for (const key of this.memento.keys())
      if (key.startsWith(LEASE) && key.endsWith(`/${owner}`) && this.memento.get(key) !== undefined)
        await this.memento.update(key, undefined);
  }

  /** Asks whichever window polls the operation to stop waiting for it. */
  async requestStop(id: string): Promise<void> {
    await this.memento.update(STOP + id, this.now());
  }

  stopRequested(id: string): boolean {
    return this.memento.get(STOP + id) !== undefined;
  }

  async clearFinished(): Promise<number> {
    const finished = this.records().filter((r) => r.status !== 'running');
    for (const r of finished) await this.memento.update(RECORD + r.id, undefined);
    return finished.length;
  }

  /** Moves the records of the earlier single-blob layout to their own keys (idempotent). */
  async migrateLegacy(): Promise<void> {
    const legacy = this.memento.get<{ running?: OperationRecord[]; history?: OperationRecord[] }>(LEGACY_KEY);
    if (!legacy) return;
    for (const r of [...(legacy.running ?? []), ...(legacy.history ?? [])]) {
      const { lease: _lease, ...record } = r as OperationRecord & { lease?: unknown };
      if (!this.get(record.id)) await this.put(record);
    }
    await this.memento.update(LEGACY_KEY, undefined);
  }
}
