// The one place that knows which environment the extension talks to, whether the user is signed in,
// and whether the local emulator runs. Views, the status bar and commands listen to its event.
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import { launchEmulator, parseEndpointsLine, type EmulatorEndpoints, type RunningEmulator } from './emulatorProcess';
import { findRunning, forgetRunning, lastPort, recordRunning, rememberEndpoints } from './emulatorRegistry';
import { environmentLabels, isEnvironmentKind, type EnvironmentKind } from './environmentKind';

const SECTION = 'sqlDataMovement';

export interface EnvironmentSnapshot {
  kind: EnvironmentKind;
  label: string;
  signedIn: boolean;
  account?: string;
  emulator?: EmulatorEndpoints;
}

export class EnvironmentController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EnvironmentSnapshot>();
  readonly onDidChange = this.changed.event;
  private emulator: RunningEmulator | undefined;
  /** Whether this window started the emulator (a window that attached leaves it running on close). */
  private ownsEmulator = false;
  private starting: Promise<EmulatorEndpoints> | undefined;
  private account: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.environment`)) {
          this.account = undefined;
          void this.publish();
        }
      }),
    );
    void this.publish();
  }

  /** Called once after activation: a window reopened on the emulator environment finds it running. */
  async restore(): Promise<void> {
    if (this.kind === 'LocalEmulator') await this.startEmulator();
  }

  get kind(): EnvironmentKind {
    const value = vscode.workspace.getConfiguration(SECTION).get<string>('environment');
    return isEnvironmentKind(value) ? value : 'AzureCloud';
  }

  snapshot(): EnvironmentSnapshot {
    const kind = this.kind;
    const emulator = this.emulator?.endpoints;
    const signedIn = kind === 'LocalEmulator' ? emulator !== undefined : this.account !== undefined;
    return {
      kind,
      label: environmentLabels[kind],
      signedIn,
      account: kind === 'LocalEmulator' && emulator ? 'emulator' : this.account,
      emulator,
    };
  }

  async setKind(kind: EnvironmentKind): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('environment', kind, vscode.ConfigurationTarget.Global);
    await this.publish();
  }

  setAccount(account: string | undefined): void {
    this.account = account;
    void this.publish();
  }

  get emulatorEndpoints(): EmulatorEndpoints | undefined {
    return this.emulator?.endpoints;
  }

  /** Starts the bundled emulator once; concurrent callers share the same start. */
  startEmulator(): Promise<EmulatorEndpoints> {
    if (this.emulator) return Promise.resolve(this.emulator.endpoints);
    this.starting ??= this.launch().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async stopEmulator(): Promise<void> {
    const running = this.emulator;
    this.emulator = undefined;
    await running?.stop();
    await this.publish();
  }

  private async launch(): Promise<EmulatorEndpoints> {
    const config = vscode.workspace.getConfiguration(`${SECTION}.emulator`);
    const external = this.externalEndpoints(config.get<Record<string, unknown>>('endpoints'));
    if (external) {
      this.emulator = { endpoints: external, pid: undefined, exited: new Promise(() => undefined), stop: () => Promise.resolve() };
      this.output.info(`Using the emulator already running at ${external.arm}`);
      await this.publish();
      return external;
    }
    const dataDir = path.join(this.context.globalStorageUri.fsPath, 'emulator');
    const attached = await findRunning(dataDir);
    if (attached) {
      const { pid, ...endpoints } = attached;
      this.emulator = {
        endpoints,
        pid,
        exited: new Promise(() => undefined),
        stop: () => {
          forgetRunning(dataDir, pid);
          try {
            process.kill(pid, 'SIGTERM');
          } catch {
            /* gone */
          }
          return Promise.resolve();
        },
      };
      this.ownsEmulator = false;
      this.output.info(`Using the local emulator already running for ${dataDir} at ${endpoints.arm}`);
      await this.publish();
      return endpoints;
    }
    const options = {
      script: this.context.asAbsolutePath(path.join('dist', 'emulator.js')),
      dataDir,
      seed: config.get<string>('seed', 'demo'),
      latencyMs: config.get<number>('latencyMs', 0),
      onOutput: (line: string) => this.output.info(`[emulator] ${line}`),
    };
    const configured = config.get<number>('port', 0);
    // The same port as last time keeps saved operation URLs valid; if it is taken, any free port.
    const preferred = configured || lastPort(dataDir) || 0;
    const running = await launchEmulator({ ...options, port: preferred }).catch((e: unknown) => {
      if (!preferred || configured) throw e;
      this.output.warn(`Port ${preferred} is taken; starting the emulator on another port.`);
      return launchEmulator({ ...options, port: 0 });
    });
    if (running.pid) recordRunning(dataDir, { ...running.endpoints, pid: running.pid });
    rememberEndpoints(dataDir, running.endpoints);
    const stop = running.stop.bind(running);
    running.stop = async () => {
      forgetRunning(dataDir, running.pid);
      await stop();
    };
    this.emulator = running;
    this.ownsEmulator = true;
    this.output.info(`Local emulator started: ARM ${running.endpoints.arm}, data in ${dataDir}`);
    void running.exited.then(async (code) => {
      if (this.emulator !== running) return;
      this.emulator = undefined;
      this.output.warn(`Local emulator exited with code ${code}`);
      await this.publish();
    });
    await this.publish();
    return running.endpoints;
  }

  /** The `sqlDataMovement.emulator.endpoints` setting, validated; undefined when not set. */
  private externalEndpoints(value: Record<string, unknown> | undefined): EmulatorEndpoints | undefined {
    if (!value || Object.keys(value).length === 0) return undefined;
    const endpoints = parseEndpointsLine(JSON.stringify(value));
    if (!fs.existsSync(endpoints.certificate)) {
      throw new Error(`The certificate named in sqlDataMovement.emulator.endpoints does not exist: ${endpoints.certificate}`);
    }
    return endpoints;
  }

  private published: string | undefined;

  private async publish(): Promise<void> {
    const snap = this.snapshot();
    const key = JSON.stringify([snap, this.emulator !== undefined]);
    // Listeners refresh whole trees: tell them only about real changes.
    if (key === this.published) return;
    this.published = key;
    await Promise.all([
      vscode.commands.executeCommand('setContext', `${SECTION}.signedIn`, snap.signedIn),
      vscode.commands.executeCommand('setContext', `${SECTION}.environment`, snap.kind),
      vscode.commands.executeCommand('setContext', `${SECTION}.emulatorRunning`, this.emulator !== undefined),
    ]);
    this.changed.fire(snap);
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    if (this.ownsEmulator) await this.emulator?.stop();
    this.emulator = undefined;
  }
}
