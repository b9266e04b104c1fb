// The one place that knows which environment the extension talks to, whether the user is signed in,
// and whether the local emulator runs. Views, the status bar and commands listen to its event; the
// same state is published as context keys for `when` clauses.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EmulatorEndpoints } from '../emulator/endpoints';
import { environmentLabels, type EnvironmentKind } from './environmentKind';
import { onDidChangeEnvironmentKind, readEmulatorSettings, readEnvironmentKind, saveEnvironmentKind } from './environmentSettings';
import { LocalEmulator } from './localEmulator';

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
  private readonly emulator: LocalEmulator;
  private account: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(context: vscode.ExtensionContext, output: vscode.LogOutputChannel) {
    this.emulator = new LocalEmulator({
      script: context.asAbsolutePath(path.join('dist', 'emulator.js')),
      dataDir: path.join(context.globalStorageUri.fsPath, 'emulator'),
      settings: readEmulatorSettings,
      log: output,
      onDidChange: () => this.publish(),
    });
    this.disposables.push(
      onDidChangeEnvironmentKind(() => {
        this.account = undefined;
        void this.publish();
      }),
    );
    void this.publish();
  }

  /** Called once after activation: a window reopened on the emulator environment finds it running. */
  async restore(): Promise<void> {
    if (this.kind === 'LocalEmulator') await this.startEmulator();
  }

  get kind(): EnvironmentKind {
    return readEnvironmentKind();
  }

  snapshot(): EnvironmentSnapshot {
    const kind = this.kind;
    const emulator = this.emulator.endpoints;
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
    await saveEnvironmentKind(kind);
    await this.publish();
  }

  setAccount(account: string | undefined): void {
    this.account = account;
    void this.publish();
  }

  get emulatorEndpoints(): EmulatorEndpoints | undefined {
    return this.emulator.endpoints;
  }

  /** The local emulator's control API token (never shown or logged; the integration tests inject faults with it). */
  get emulatorControlToken(): string | undefined {
    return this.emulator.controlToken;
  }

  /** Starts the bundled emulator once; concurrent callers share the same start. */
  startEmulator(): Promise<EmulatorEndpoints> {
    return this.emulator.start();
  }

  stopEmulator(): Promise<void> {
    return this.emulator.stop();
  }

  private published: string | undefined;

  private async publish(): Promise<void> {
    const snap = this.snapshot();
    const running = this.emulator.isRunning;
    const key = JSON.stringify([snap, running]);
    // Listeners refresh whole trees: tell them only about real changes.
    if (key === this.published) return;
    this.published = key;
    await Promise.all([
      vscode.commands.executeCommand('setContext', `${SECTION}.signedIn`, snap.signedIn),
      vscode.commands.executeCommand('setContext', `${SECTION}.environment`, snap.kind),
      vscode.commands.executeCommand('setContext', `${SECTION}.emulatorRunning`, running),
    ]);
    this.changed.fire(snap);
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    await this.emulator.dispose();
  }
}
