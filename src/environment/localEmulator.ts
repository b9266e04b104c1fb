// The local emulator's lifecycle for this window: use the one named in the settings, else attach to
// the one already running for the data folder, else start one (on the last port when free, so saved
// operation URLs stay valid). Two windows starting at once: the emulator's data folder lock lets one
// win, the other attaches to it. An attached window watches the lock and notices when the owner stops
// the emulator. Only an emulator this window started is stopped when the window closes (and it stops
// by itself if the window's process dies). Never imports 'vscode': settings and logging come in through the options.
import { abortableDelay } from '../azure/http/abortableDelay';
import type { EmulatorEndpoints } from '../emulator/endpoints';
import { launchEmulator, type RunningEmulator } from './emulatorProcess';
import { findRunning, lastPort, rememberEndpoints, stillRunning, type RunningRecord } from './emulatorRegistry';

export interface EmulatorSettings {
  /** An emulator started elsewhere (`npm start`) to use instead of starting one. */
  external?: EmulatorEndpoints;
  /** 0: the last port used, else any free port. */
  port: number;
  seed: string;
  latencyMs: number;
}

export interface EmulatorLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface LocalEmulatorOptions {
  /** dist/emulator.js */
  script: string;
  /** State, certificate and the running record (the extension's global storage). */
  dataDir: string;
  settings: () => EmulatorSettings;
  log: EmulatorLog;
  /** Called after the emulator starts, is attached, stops or exits. */
  onDidChange: () => Promise<void>;
  /** How often an attached window checks that the emulator still runs (default 2 s). */
  watchMs?: number;
}

export class LocalEmulator {
  private running: RunningEmulator | undefined;
  /** Whether this window started the emulator (a window that attached leaves it running on close). */
  private owned = false;
  private starting: Promise<EmulatorEndpoints> | undefined;

  constructor(private readonly options: LocalEmulatorOptions) {}

  get endpoints(): EmulatorEndpoints | undefined {
    return this.running?.endpoints;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The control API's token of the local emulator (undefined for an external one). */
  get controlToken(): string | undefined {
    return this.running?.controlToken;
  }

  /** Starts or attaches once; concurrent callers share the same start. */
  start(): Promise<EmulatorEndpoints> {
    if (this.running) return Promise.resolve(this.running.endpoints);
    this.starting ??= this.launch().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
    await this.options.onDidChange();
  }

  /** Stops the emulator if this window started it; an attached or external one keeps running. */
  async dispose(): Promise<void> {
    if (this.owned) await this.running?.stop();
    this.running = undefined;
  }

  private async launch(): Promise<EmulatorEndpoints> {
    const settings = this.options.settings();
    const { log, dataDir } = this.options;
    if (settings.external) {
      const external = settings.external;
      this.use({ endpoints: external, pid: undefined, exited: new Promise(() => undefined), stop: () => Promise.resolve() }, false);
      log.info(`Using the emulator already running at ${external.arm}`);
      await this.options.onDidChange();
      return external;
    }
    const attached = await findRunning(dataDir);
    if (attached) return this.attach(attached);
    let running: RunningEmulator;
    try {
      running = await this.spawn(settings);
    } catch (e) {
      // Another window started one on this folder at the same moment and holds its lock: use that one.
      const winner = await this.waitForRunning();
      if (!winner) throw e;
      return this.attach(winner);
    }
    this.use(running, true);
    log.info(`Local emulator started: ARM ${running.endpoints.arm}, data in ${dataDir}`);
    this.whenGone(running, (code) => `Local emulator exited with code ${code}`);
    await this.options.onDidChange();
    return running.endpoints;
  }

  private async attach(record: RunningRecord): Promise<EmulatorEndpoints> {
    const { pid, controlToken, ...endpoints } = record;
    const { dataDir, log } = this.options;
    let gone: (code: number | null) => void = () => undefined;
    const running: RunningEmulator = {
      endpoints,
      pid,
      controlToken,
      exited: new Promise((resolve) => (gone = resolve)),
      stop: () => Promise.resolve(stopAttached(pid)),
    };
    this.use(running, false);
    void this.watchAttached(running, pid).then(gone);
    log.info(`Using the local emulator already running for ${dataDir} at ${endpoints.arm}`);
    this.whenGone(running, () => `The local emulator at ${endpoints.arm} (started by another window) stopped`);
    await this.options.onDidChange();
    return endpoints;
  }

  /** When the emulator goes away while this window uses it: forget it, say so, and let the views show it stopped. */
  private whenGone(running: RunningEmulator, message: (code: number | null) => string): void {
    void running.exited.then(async (code) => {
      if (this.running !== running) return;
      this.running = undefined;
      this.options.log.warn(message(code));
      await this.options.onDidChange();
    });
  }

  /** Resolves once the attached emulator's process ended or gave up the folder's lock, or this window let go of it. */
  private async watchAttached(running: RunningEmulator, pid: number): Promise<number | null> {
    const every = this.options.watchMs ?? 2_000;
    while (this.running === running) {
      await abortableDelay(every);
      if (this.running === running && !stillRunning(this.options.dataDir, pid)) break;
    }
    return null;
  }

  /** The emulator another window is starting on this folder, once it answers (undefined when there is none). */
  private async waitForRunning(): Promise<RunningRecord | undefined> {
    for (let i = 0; i < 20; i++) {
      const found = await findRunning(this.options.dataDir);
      if (found) return found;
      await abortableDelay(250);
    }
    return undefined;
  }

  private use(running: RunningEmulator, owned: boolean): void {
    this.running = running;
    this.owned = owned;
  }

  private async spawn(settings: EmulatorSettings): Promise<RunningEmulator> {
    const { script, dataDir, log } = this.options;
    const options = {
      script,
      dataDir,
      seed: settings.seed,
      latencyMs: settings.latencyMs,
      onOutput: (line: string) => log.info(`[emulator] ${line}`),
    };
    // The same port as last time keeps saved operation URLs valid; if it is taken, any free port.
    const preferred = settings.port || lastPort(dataDir) || 0;
    const running = await launchEmulator({ ...options, port: preferred }).catch((e: unknown) => {
      if (!preferred || settings.port) throw e;
      log.warn(`Port ${preferred} is taken; starting the emulator on another port.`);
      return launchEmulator({ ...options, port: 0 });
    });
    rememberEndpoints(dataDir, running.endpoints);
    return running;
  }
}

function stopAttached(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* gone */
  }
}
