// The Getting Started panel: where the user is (environment, sign-in), and the three ways to begin —
// sign in, switch environment, or start the local emulator. One panel at a time; reopening reveals it.
import * as vscode from 'vscode';
import type { EnvironmentController, EnvironmentSnapshot } from '../environment/environmentController';
import { gettingStartedActions, type FromGettingStarted, type GettingStartedState, type ToGettingStarted } from './protocol/gettingStarted';
import { checkGettingStartedMessage } from './protocol/gettingStartedShape';
import { renderWebviewHtml } from '../ui/webview/webviewHtml';
import { NOT_YET_AVAILABLE, SERVICES } from './serviceCatalog';
import { recordForTests, testHooksEnabled } from '../ui/testHooks';

const body = `
<h1>Azure SQL Data Movement</h1>
<p class="muted">Azure SQL Data Sync, Microsoft Fabric mirrored databases and Azure Backup for SQL Server in Azure VMs, in one sidebar.</p>
<div class="card">
  <div class="row"><strong>Environment:</strong> <span id="environment">…</span> <vscode-badge id="signed-in">…</vscode-badge></div>
  <div class="row muted" id="emulator-line" hidden>Emulator ARM endpoint: <code id="emulator-arm"></code></div>
  <div class="row">
    <vscode-button id="sign-in" data-action="signIn">Sign in to Azure</vscode-button>
    <vscode-button secondary data-action="chooseEnvironment">Choose environment…</vscode-button>
    <vscode-button secondary id="start-emulator" data-action="startEmulator">Start local emulator</vscode-button>
    <vscode-button secondary data-action="showRequestLog">Show request log</vscode-button>
  </div>
</div>
<vscode-divider></vscode-divider>
<h2>What you can do here</h2>
<ul id="services"></ul>
<p class="muted">No Azure subscription at hand? The local emulator answers the same REST APIs offline, with a demo estate.</p>`;

export class GettingStartedPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The front end's last "ready" message and any CSP violations it saw (read by tests). */
  lastReady: { elements: string[] } | undefined;
  /** The service list as the page last rendered it (read by tests). */
  lastRendered: string[] | undefined;
  readonly cspViolations: string[] = [];
  /** Why each refused message was refused (read by tests). */
  readonly refused: string[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly environment: EnvironmentController,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(environment.onDidChange((snap) => this.postState(snap)));
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel('sqlDataMovement.gettingStarted', 'Azure SQL Data Movement', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webviews')],
    });
    this.panel = panel;
    this.lastReady = undefined;
    this.lastRendered = undefined;
    panel.webview.html = renderWebviewHtml(panel.webview, this.extensionUri, {
      script: 'gettingStarted',
      title: 'Azure SQL Data Movement',
      body,
    });
    panel.webview.onDidReceiveMessage((m: unknown) => this.dispatch(m), undefined, this.subscriptions);
    panel.onDidDispose(
      () => {
        this.panel = undefined;
      },
      undefined,
      this.subscriptions,
    );
    return panel;
  }

  /** Hands a message to the panel as if the page sent it (test and development mode only). */
  simulate(message: unknown): void {
    if (!testHooksEnabled()) throw new Error('simulate() is available only in test and development mode.');
    this.dispatch(message);
  }

  private dispatch(raw: unknown): void {
    const problem = checkGettingStartedMessage(raw);
    if (problem) {
      recordForTests(this.refused, problem);
      this.output.warn(`Getting Started: refused a message from the page: ${problem}`);
      return;
    }
    this.receive(raw as FromGettingStarted);
  }

  private receive(message: FromGettingStarted): void {
    switch (message.type) {
      case 'ready':
        this.lastReady = { elements: message.elements };
        this.postState(this.environment.snapshot());
        break;
      case 'rendered':
        this.lastRendered = message.services;
        break;
      case 'run':
        // Only known actions: the front end is not trusted to name arbitrary commands.
        if (gettingStartedActions.includes(message.action)) void vscode.commands.executeCommand(`sqlDataMovement.${message.action}`);
        break;
      case 'cspViolation':
        recordForTests(this.cspViolations, `${message.directive}: ${message.blocked}`);
        this.output.warn(`Webview Content-Security-Policy violation (${message.directive}): ${message.blocked}`);
        break;
    }
  }

  private postState(snap: EnvironmentSnapshot): void {
    const state: GettingStartedState = {
      environmentLabel: snap.label,
      isEmulator: snap.kind === 'LocalEmulator',
      signedIn: snap.signedIn,
      account: snap.account,
      emulatorArm: snap.emulator?.arm,
      services: SERVICES.map((s) => ({ ...s, availability: s.available ? undefined : NOT_YET_AVAILABLE })),
    };
    void this.panel?.webview.postMessage({ type: 'state', state } satisfies ToGettingStarted);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
