// What every service module gets to plug into the shared core: the router, the state store, the LRO
// engine, tokens, faults, options and a clock. Fabric and Backup modules will register the same way.
import type { RequestJournal } from './requestJournal';
import type { Router } from './router';
import type { StateStore } from './store';
import type { LroEngine } from './lroEngine';
import type { TokenService } from './tokens';
import type { FaultInjector } from './faults';
import type { ArmThrottle } from './throttling';

export interface ResolvedOptions {
  dataDir: string;
  port: number;
  seed: string;
  /** Default duration of long-running operations (create/update/delete/refresh). */
  lroDurationMs: number;
  /** How long one sync run takes. */
  syncDurationMs: number;
  /** Overrides the computed Retry-After on 202s (seconds). */
  retryAfterSeconds?: number;
  pageSize: number;
  tokenLifetimeSeconds: number;
  /** Debounce window of state writes. */
  persistDebounceMs: number;
  /** Azure Backup durations and log schedules run this many times faster than on Azure. */
  backupTimeScale: number;
  fabric: FabricOptions;
}

/** Microsoft Fabric mirroring: durations compressed to seconds, and the emulator's deterministic choices. */
export interface FabricOptions {
  /** Initializing → Initialized after create (SQL endpoint provisioning). */
  initializeMs: number;
  /** Starting → Running. */
  startMs: number;
  /** Stopping → Stopped. */
  stopMs: number;
  /** A table's initial snapshot (Snapshotting / Reseeding → Replicating). */
  snapshotMs: number;
  /** Duration of getDefinition / updateDefinition when answered with 202. */
  operationMs: number;
  /** Which getDefinition / updateDefinition calls answer 202: every other one per item (default), all, or none. */
  definitionLro: 'alternate' | 'always' | 'never';
  /** Page links: continuationToken + continuationUri (as Fabric sends), or the token alone. */
  continuation: 'both' | 'token';
  /** "Mirror all" takes at most this many tables (by schema, then name); explicit mountedTables are not capped. */
  maxTables: number;
}

export interface ServiceContext {
  router: Router;
  store: StateStore;
  lro: LroEngine;
  tokens: TokenService;
  faults: FaultInjector;
  /** The last requests and how each ended (answered, or closed by the client first). */
  journal: RequestJournal;
  /** ARM's token-bucket throttling (off unless the options or the control API turn it on). */
  throttle: ArmThrottle;
  options: ResolvedOptions;
  now: () => number;
  /** Registers work the clock does on every tick (e.g. advancing sync runs). */
  onTick(fn: () => void): void;
}

export interface ServiceModule {
  name: string;
  register(ctx: ServiceContext): void;
}
