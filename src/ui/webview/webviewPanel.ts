// What the three Data Sync panels share: one webview panel per sync group and kind (reopening reveals
// it), the strict-CSP page, a record of every message posted to the page and received from it (tests
// read these to prove, for example, that no password ever goes back), and CSP violation reports. The
// records fill only in test and development mode (see testHooks.ts).
import * as vscode from 'vscode';
import { renderWebviewHtml } from './webviewHtml';
import { recordForTests, testHooksEnabled } from '../testHooks';

export interface PanelPage {
  viewType: string;
  script: string;
  title: string;
  body: string;
  /** Keep the page alive while its tab is hidden: only for pages holding unsaved user input. */
  retainContextWhenHidden?: boolean;
}

export abstract class WebviewPanelBase<ToPage extends { type: string }, FromPage extends { type: string }> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** Every message posted to the page, in order. */
  readonly posted: ToPage[] = [];
  /** Every message received from the page (passwords redacted before they are recorded). */
  readonly received: FromPage[] = [];
  readonly cspViolations: string[] = [];
  private readyResolve!: () => void;
  /** Resolves when the front end has loaded and said "ready". */
  readonly ready = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });
  protected readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(extensionUri: vscode.Uri, page: PanelPage, onDispose: () => void) {
    this.panel = vscode.window.createWebviewPanel(page.viewType, page.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: page.retainContextWhenHidden ?? false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews')],
    });
    this.panel.webview.html = renderWebviewHtml(this.panel.webview, extensionUri, page);
    this.panel.webview.onDidReceiveMessage((m: FromPage) => void this.dispatch(m), undefined, this.disposables);
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

  protected post(message: ToPage): void {
    if (this.disposed) return;
    recordForTests(this.posted, message);
    void this.panel.webview.postMessage(message);
  }

  private async dispatch(message: FromPage): Promise<void> {
    recordForTests(this.received, this.redact(message));
    if (message.type === 'ready') this.readyResolve();
    if (message.type === 'cspViolation') {
      const m = message as unknown as { directive: string; blocked: string };
      recordForTests(this.cspViolations, `${m.directive}: ${m.blocked}`);
      return;
    }
    await this.receive(message);
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
