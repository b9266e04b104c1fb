// What the three Data Sync panels share: one webview panel per sync group and kind (reopening reveals
// it), the strict-CSP page, a record of every message posted to the page and received from it (tests
// read these to prove, for example, that no password ever goes back), and CSP violation reports. The
// records fill only in test and development mode (see testHooks.ts). Every message from the page is
// shape-checked before a handler sees it, and a handler that throws shows its error in the page and
// the output channel instead of leaving the page waiting. Also: telling the page its resource was
// deleted, the state the page keeps for the serializer that reopens it after a window reload, and a
// read that failed signed out run again once signed in (panelProtocol.ts lists these messages).
import * as vscode from 'vscode';
import { renderWebviewHtml } from './webviewHtml';
import { recordForTests, testHooksEnabled } from '../testHooks';
import { toErrorInfo } from './errorInfo';
import type { MessageShapeCheck } from './messageShape';
import type { PanelErrorInfo, PanelNotice, PanelRequest } from './panelProtocol';

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
  /** Fires when the environment or sign-in changes (a read that failed signed out is tried again then). */
  onDidChangeConnection?: (listener: () => void) => vscode.Disposable;
}

/** The code of the error a call fails with when there is no connection (src/auth/notSignedInError.ts). */
const NOT_SIGNED_IN = 'NotSignedInError';

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
  /** Why the panel's resource is gone (deleted), once it is. */
  private goneText: string | undefined;
  /** The last state the page was asked to keep (JSON). */
  private keptState: string | undefined;
  /** How many "not signed in" errors the page was shown (to find the request that failed that way). */
  private signedOutErrors = 0;
  /** A read that failed only because nobody was signed in: run again once the connection changes. */
  private afterSignIn: FromPage | undefined;

  constructor(
    private readonly panelHost: PanelHost,
    private readonly page: PanelPage,
    onDispose: () => void,
    /** A panel VS Code brought back after a reload (its serializer), instead of a new one. */
    restored?: vscode.WebviewPanel,
  ) {
    const extensionUri = panelHost.extensionUri;
    const options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews')] };
    if (restored) {
      restored.webview.options = options;
      restored.title = page.title;
    }
    this.panel =
      restored ??
      vscode.window.createWebviewPanel(page.viewType, page.title, vscode.ViewColumn.Active, {
        ...options,
        retainContextWhenHidden: page.retainContextWhenHidden ?? false,
      });
    this.panel.webview.html = renderWebviewHtml(this.panel.webview, extensionUri, page);
    this.panel.webview.onDidReceiveMessage((m: unknown) => void this.dispatch(m), undefined, this.disposables);
    // After a window reload a restored tab loads before the sign-in is back: its first read then runs again.
    const retry = panelHost.onDidChangeConnection?.(() => {
      const message = this.afterSignIn;
      this.afterSignIn = undefined;
      if (!message || this.disposed) return;
      this.post({ type: 'clearPanelError' });
      void this.dispatch(message);
    });
    if (retry) this.disposables.push(retry);
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

  /** True once the resource the panel works on was found deleted. */
  get isGone(): boolean {
    return this.goneText !== undefined;
  }

  /**
   * The resource is gone: the page says so in a banner, makes its inputs read-only (what the user typed
   * stays on screen to copy) and offers Close. Nothing more is sent to Azure for it.
   */
  protected markGone(text: string): void {
    if (this.goneText !== undefined || this.disposed) return;
    this.goneText = text;
    this.panel.title = `${this.panel.title} (deleted)`;
    this.onGone();
    this.post({ type: 'resourceGone', text });
  }

  /**
   * What the page keeps (vscode.setState) for the panel's serializer to reopen it after a reload; undefined
   * keeps nothing. Ids and choices only: never a password.
   */
  protected restorableState(): object | undefined {
    return undefined;
  }

  private keepState(): void {
    const state = this.restorableState();
    const json = JSON.stringify(state);
    if (state === undefined || json === this.keptState) return;
    this.keptState = json;
    this.post({ type: 'keepState', state });
  }

  /** Stops whatever the panel keeps doing on its own (polling) once its resource is gone. */
  protected onGone(): void {}

  /** A call of this panel answered 404: a panel whose resource may have been deleted checks that here. */
  protected onNotFound(): void {}

  /** Lets a test act as the front end: the message goes through the same handler as a real one. */
  async simulate(message: FromPage | PanelRequest): Promise<void> {
    if (!testHooksEnabled()) throw new Error('simulate() is available only in test and development mode.');
    await this.dispatch(message);
  }

  protected post(message: ToPage | PanelNotice): void {
    if (this.disposed) return;
    recordForTests(this.posted, message);
    void this.panel.webview.postMessage(message);
    if ((message as { error?: PanelErrorInfo }).error?.code === NOT_SIGNED_IN) this.signedOutErrors++;
    if ((message as { error?: PanelErrorInfo }).error?.status === 404 && !this.isGone) this.onNotFound();
  }

  private async dispatch(raw: unknown): Promise<void> {
    if (isPanelRequest(raw)) {
      if (raw.type === 'closePanel') this.dispose();
      return;
    }
    const problem = this.page.checkMessage(raw);
    if (problem) {
      recordForTests(this.refused, problem);
      this.log('warn', `refused a message from the page: ${problem}`);
      return;
    }
    const message = raw as FromPage;
    const signedOutBefore = this.signedOutErrors;
    try {
      recordForTests(this.received, this.redact(message));
      if (message.type === 'ready') this.readyResolve();
      if (this.goneText !== undefined && message.type !== 'cspViolation') {
        // A reloaded page learns again that the resource is gone; nothing else is acted on.
        if (message.type === 'ready') this.post({ type: 'resourceGone', text: this.goneText });
        return;
      }
      if (message.type === 'cspViolation') {
        const m = message as unknown as { directive: string; blocked: string };
        recordForTests(this.cspViolations, `${m.directive}: ${m.blocked}`);
        this.log('warn', `Content-Security-Policy blocked ${m.blocked} (${m.directive})`);
        return;
      }
      await this.receive(message);
      this.keepState();
    } catch (e) {
      // The catch-all: whatever a handler did not expect still reaches the user, and the page stops waiting.
      const error = toErrorInfo(`Handle the page's "${message.type}" request`, e);
      this.log('error', error.details.replace(/\n/g, ' | '));
      this.post({ type: 'panelError', error });
    }
    if (this.signedOutErrors > signedOutBefore && this.retriedAfterSignIn.has(message.type)) this.afterSignIn = message;
  }

  /** Requests that only read, which run again by themselves once signed in (see afterSignIn). */
  protected get retriedAfterSignIn(): ReadonlySet<string> {
    return READY_ONLY;
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

const READY_ONLY: ReadonlySet<string> = new Set(['ready']);

function isPanelRequest(m: unknown): m is PanelRequest {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'closePanel' && Object.keys(m).length === 1;
}
