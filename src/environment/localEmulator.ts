// The local emulator's lifecycle for this window: use the one named in the settings, else attach to
// the one already running for the data folder, else start one (on the last port when free, so saved
// operation URLs stay valid). Only an emulator this window started is stopped when the window closes.
// Never imports 'vscode': settings and logging come in through the options.
import type { EmulatorEndpoints } from '../emulator/endpoints';
import { launchEmulator, type RunningEmulator } from './emulatorProcess';
import { findRunning, forgetRunning, lastPort, recordRunning, rememberEndpoints } from './emulatorRegistry';

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
    if (attached) {
      const { pid, ...endpoints } = attached;
      this.use({ endpoints, pid, exited: new Promise(() => undefined), stop: () => Promise.resolve(stopAttached(dataDir, pid)) }, false);
      log.info(`Using the local emulator already running for ${dataDir} at ${endpoints.arm}`);
      await this.options.onDidChange();
      return endpoints;
    }
    const running = await this.spawn(settings);
    this.use(running, true);
    log.info(`Local emulator started: ARM ${running.endpoints.arm}, data in ${dataDir}`);
    void running.exited.then(async (code) => {
      if (this.running !== running) return;
      this.running = undefined;
      log.warn(`Local emulator exited with code ${code}`);
      await this.options.onDidChange();
    });
    await this.options.onDidChange();
    return running.endpoints;
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
    if (running.pid) recordRunning(dataDir, { ...running.endpoints, pid: running.pid });
    rememberEndpoints(dataDir, running.endpoints);
    const stop = running.stop.bind(running);
    running.stop = async () => {
      forgetRunning(dataDir, running.pid);
      await stop();
    };
    return running;
  }
}

function stopAttached(dataDir: string, pid: number): void {
  forgetRunning(dataDir, pid);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* gone */
  }
}
