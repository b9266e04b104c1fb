// What the three Data Sync panels share: one webview panel per sync group and kind (reopening reveals
// it), the strict-CSP page, a record of every message posted to the page and received from it (tests
// read these to prove, for example, that no password ever goes back), and CSP violation reports. The
// records fill only in test and development mode (see testHooks.ts). Every message from the page is
// shape-checked before a handler sees it, and a handler that throws shows its error in the page and
// the output channel instead of leaving the page waiting.
import * as vscode from 'vscode';
import { renderWebviewHtml } from './webviewHtml';
import { recordForTests, testHooksEnabled } from '../testHooks';
import { toErrorInfo } from './errorInfo';
import type { MessageShapeCheck } from './messageShape';
import type { PanelNotice } from './panelProtocol';

export interface PanelPage {
  viewType: string;
  script: string;
  title: string;
  body: string;
  /** Keep the page alive while its tab is hidden: only for pages holding unsaved user input. */
  retainContextWhenHidden?: boolean;
  /** Refuses a message from the page whose shape is not in its protocol. */
  checkMessage: MessageShapeCheck;
}

/** Where a panel reports what went wrong (the extension's output channel). */
export interface PanelLog {
  warn(message: string): void;
  error(message: string): void;
}

/** What every panel is built with. */
export interface PanelHost {
  extensionUri: vscode.Uri;
  log: PanelLog;
}

export abstract class WebviewPanelBase<ToPage extends { type: string }, FromPage extends { type: string }> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** Every message posted to the page, in order. */
  readonly posted: Array<ToPage | PanelNotice> = [];
  /** Every message received from the page (passwords redacted before they are recorded). */
  readonly received: FromPage[] = [];
  /** Why each refused message was refused (never its content: it may hold a password). */
  readonly refused: string[] = [];
  readonly cspViolations: string[] = [];
  /** What this panel wrote to the output channel. */
  readonly logged: string[] = [];
  private readyResolve!: () => void;
  /** Resolves when the front end has loaded and said "ready". */
  readonly ready = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });
  protected readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    private readonly panelHost: PanelHost,
    private readonly page: PanelPage,
    onDispose: () => void,
  ) {
    const extensionUri = panelHost.extensionUri;
    this.panel = vscode.window.createWebviewPanel(page.viewType, page.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: page.retainContextWhenHidden ?? false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews')],
    });
    this.panel.webview.html = renderWebviewHtml(this.panel.webview, extensionUri, page);
    this.panel.webview.onDidReceiveMessage((m: unknown) => void this.dispatch(m), undefined, this.disposables);
    this.panel.onDidDispose(
      () => {
        this.disposed = true;
        onDispose();
        this.dispose();
      },
      undefined,
      this.disposables,
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Lets a test act as the front end: the message goes through the same handler as a real one. */
  async simulate(message: FromPage): Promise<void> {
    if (!testHooksEnabled()) throw new Error('simulate() is available only in test and development mode.');
    await this.dispatch(message);
  }

  protected post(message: ToPage | PanelNotice): void {
    if (this.disposed) return;
    recordForTests(this.posted, message);
    void this.panel.webview.postMessage(message);
  }

  private async dispatch(raw: unknown): Promise<void> {
    const problem = this.page.checkMessage(raw);
    if (problem) {
      recordForTests(this.refused, problem);
      this.log('warn', `refused a message from the page: ${problem}`);
      return;
    }
    const message = raw as FromPage;
    try {
      recordForTests(this.received, this.redact(message));
      if (message.type === 'ready') this.readyResolve();
      if (message.type === 'cspViolation') {
        const m = message as unknown as { directive: string; blocked: string };
        recordForTests(this.cspViolations, `${m.directive}: ${m.blocked}`);
        this.log('warn', `Content-Security-Policy blocked ${m.blocked} (${m.directive})`);
        return;
      }
      await this.receive(message);
    } catch (e) {
      // The catch-all: whatever a handler did not expect still reaches the user, and the page stops waiting.
      const error = toErrorInfo(`Handle the page's "${message.type}" request`, e);
      this.log('error', error.details.replace(/\n/g, ' | '));
      this.post({ type: 'panelError', error });
    }
  }

  protected log(level: 'warn' | 'error', text: string): void {
    const line = `${this.page.viewType}: ${text}`;
    recordForTests(this.logged, line);
    this.panelHost.log[level](line);
  }

  /** The copy kept in `received`; panels that get secrets override it. */
  protected redact(message: FromPage): FromPage {
    return message;
  }

  protected abstract receive(message: FromPage): Promise<void>;

  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      this.panel.dispose();
    }
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
