// Programmatic entry: startEmulator(options) starts the offline Azure emulator (ARM + Entra token
// endpoint + Fabric + control API) on one HTTPS port and returns its endpoints, a control
// API for faults/latency/reset, and stop(). The CLI (main.ts) and the extension both use this.
import https from 'node:https';
import path from 'node:path';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ensureCertificate } from './core/certificate';
import { acquireLock, type DataLock } from './core/dataLock';
import { Router } from './core/router';
import { StateStore } from './core/store';
import { LroEngine } from './core/lroEngine';
import { TokenService } from './core/tokens';
import { FaultInjector, parseFaultSpec, normaliseRule, type FaultRuleInput } from './core/faults';
import { createPipeline } from './core/pipeline';
import { RequestJournal } from './core/requestJournal';
import type { ThrottlingSettings } from './core/throttling';
import { ArmThrottle, initialThrottling, throttlingControl, type ThrottlingControl } from './core/throttlingControl';
import type { FabricOptions, ResolvedOptions, ServiceContext, ServiceModule } from './core/context';
import { buildSeed, type SeedName } from './seeds';
import { entraModule } from './services/entra/module';
import { subscriptionsModule } from './services/arm/subscriptions';
import { resourcesModule } from './services/arm/resources';
import { sqlModule } from './services/sql/module';
import { fabricModule } from './services/fabric/module';
import { controlModule } from './services/control/routes';
import { backupModule } from './services/backup/module';
import { createControl, type EmulatorControl } from './control';
import type { EmulatorEndpoints } from './endpoints';

export type { EmulatorControl } from './control';
export type { EmulatorEndpoints } from './endpoints';
export type { SeedName } from './seeds';
export type { FaultRule, FaultRuleInput } from './core/faults';
export type { EmulatorState, DatabaseHealth } from './model';
export type { FabricOptions } from './core/context';
export { DataFolderLockedError, lockPathOf, readLock, type LockRecord } from './core/dataLock';
export type { JournalEntry } from './core/requestJournal';
export type { ThrottlingSettings, ThrottlingLimits } from './core/throttling';
export type { ThrottlingControl, ThrottlingStatus } from './core/throttlingControl';

/** The client id / secret pair documented for the emulator (any id with a non-empty secret works). */
export const DEFAULT_CREDENTIALS = { clientId: 'emulator', clientSecret: 'emulator' } as const;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** State, certificate and token secret live here (default `.emulator-data`). */
  dataDir?: string;
  /** Used only when the data folder has no state yet (default demo). */
  seed?: SeedName;
  /** Added to every request (ms). */
  latencyMs?: number;
  /** Compact fault spec (see docs/emulator.md) or rules. */
  faults?: string | FaultRuleInput[];
  lroDurationMs?: number;
  syncDurationMs?: number;
  retryAfterSeconds?: number;
  pageSize?: number;
  tokenLifetimeSeconds?: number;
  persistDebounceMs?: number;
  /** How often the clock advances LROs and syncs without requests (ms, default 250). */
  tickMs?: number;
  /** Fabric mirroring timings and choices (see FabricOptions). */
  fabric?: Partial<FabricOptions>;
  /** Azure Backup runs this many times faster than Azure (default 60: a 2-minute backup job takes 2 s). */
  backupTimeScale?: number;
  /** The token the control API requires (header x-emulator-token); default: a new random one. */
  controlToken?: string;
  /** ARM token-bucket throttling: true = Azure's limits, an object = custom limits, false = off. Default: on for the large seed only. */
  throttling?: ThrottlingSettings;
}

export interface EmulatorHandle {
  endpoints: EmulatorEndpoints;
  tenantId: string;
  /** PEM of the certificate, for https.Agent({ ca }). */
  certificatePem: string;
  control: EmulatorControl & ThrottlingControl;
  /** Required by the HTTP control API (/_emulator/*, except health) in the x-emulator-token header. */
  controlToken: string;
  /** The data folder it serves (and locks). */
  dataDir: string;
  stop(): Promise<void>;
}

export const SERVICE_MODULES: ServiceModule[] = [entraModule, subscriptionsModule, resourcesModule, sqlModule, fabricModule, backupModule];

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const dataDir = path.resolve(options.dataDir ?? '.emulator-data');
  fs.mkdirSync(dataDir, { recursive: true });
  const resolved: ResolvedOptions = {
    dataDir,
    port: options.port ?? 0,
    seed: options.seed ?? 'demo',
    lroDurationMs: options.lroDurationMs ?? 3000,
    syncDurationMs: options.syncDurationMs ?? 8000,
    retryAfterSeconds: options.retryAfterSeconds,
    pageSize: options.pageSize ?? 50,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    persistDebounceMs: options.persistDebounceMs ?? 50,
    fabric: {
      initializeMs: 3000,
      startMs: 3000,
      stopMs: 2000,
      snapshotMs: 5000,
      operationMs: options.lroDurationMs ?? 3000,
      definitionLro: 'alternate',
      continuation: 'both',
      maxTables: 1000,
      ...options.fabric,
    },
    backupTimeScale: options.backupTimeScale ?? 60,
  };
  const controlToken = options.controlToken ?? randomBytes(24).toString('base64url');
  // Before the state is read: a second emulator on this folder must not load (and rewrite) it.
  const lock = acquireLock(dataDir, controlToken);
  try {
    return await serve(options, resolved, dataDir, lock, controlToken);
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function serve(
  options: EmulatorOptions,
  resolved: ResolvedOptions,
  dataDir: string,
  lock: DataLock,
  controlToken: string,
): Promise<EmulatorHandle> {
  const cert = await ensureCertificate(dataDir);
  const now = (): number => Date.now();
  const stateFile = path.join(dataDir, 'state.json');
  const store = new StateStore(
    stateFile,
    StateStore.load(stateFile) ?? buildSeed(resolved.seed as SeedName, now()),
    resolved.persistDebounceMs,
  );
  store.changed(); // a freshly seeded state is written at once; a loaded one is rewritten harmlessly
  const faults = new FaultInjector();
  faults.latencyMs = options.latencyMs ?? 0;
  if (options.faults) faults.add(typeof options.faults === 'string' ? parseFaultSpec(options.faults) : options.faults.map(normaliseRule));

  const journal = new RequestJournal();
  const throttle = new ArmThrottle(initialThrottling(options.throttling, store.state.seed), now);

  const tickers: (() => void)[] = [];
  const ctx: ServiceContext = {
    router: new Router(),
    store,
    faults,
    journal,
    throttle,
    options: resolved,
    now,
    lro: new LroEngine(store, { durationMs: resolved.lroDurationMs, retryAfterSeconds: resolved.retryAfterSeconds, now }),
    tokens: TokenService.forDataDir(path.join(dataDir, 'token-secret')),
    onTick: (fn) => {
      tickers.push(fn);
    },
  };
  const tick = (): void => {
    ctx.lro.advance();
    for (const t of tickers) t();
  };

  const control = { ...createControl(store, faults, now, journal), ...throttlingControl(throttle) };
  for (const m of [...SERVICE_MODULES, controlModule(control)]) m.register(ctx);

  let base = 'https://127.0.0.1';
  const pipeline = createPipeline(ctx, tick, () => base, controlToken);
  const server = https.createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    pipeline.handle(req, res).catch((e: unknown) => {
      console.error('emulator request failed:', e);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  base = `https://127.0.0.1:${port}`;

  // A bug in a state machine must not take the whole emulator down from a timer: report and go on.
  const timer = setInterval(() => {
    try {
      tick();
    } catch (e) {
      console.error('emulator clock tick failed:', e);
    }
  }, options.tickMs ?? 250);
  timer.unref();

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      clearInterval(timer);
      pipeline.cancelDelays();
      tick();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.flush();
      lock.release();
    })();
    return stopped;
  };

  const endpoints: EmulatorEndpoints = { arm: base, fabric: `${base}/fabric/v1`, authority: `${base}/entra`, certificate: cert.certPath };
  lock.listening(endpoints);
  return {
    endpoints,
    tenantId: store.state.tenantId,
    certificatePem: cert.cert,
    control,
    controlToken,
    dataDir,
    stop,
  };
}
