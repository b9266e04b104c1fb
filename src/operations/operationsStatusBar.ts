// Status-bar item for long-running operations: hidden when idle, "$(sync~spin) N running" (or the
// operation's title when only one runs) with a tooltip listing them, and a warning state for a while
// after one fails. A click opens the Operations view.
import * as vscode from 'vscode';
import { formatDuration, durationMs, type OperationRecord } from './operationRecord';
import type { OperationTracker } from './operationTracker';
import { appendInertText } from '../ui/inertText';

export const FAILURE_HIGHLIGHT_MS = 15_000;

export class OperationsStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private failedUntil = 0;
  private lastFailure: OperationRecord | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly tracker: OperationTracker) {
    this.item = vscode.window.createStatusBarItem('sqlDataMovement.operations', vscode.StatusBarAlignment.Left, 49);
    this.item.name = 'Azure SQL Data Movement: Operations';
    this.item.command = 'sqlDataMovement.operations.focus';
    this.subscriptions = [
      tracker.onDidChange(() => this.render()),
      tracker.onDidEnd((r) => {
        if (r.status === 'failed') {
          this.failedUntil = Date.now() + FAILURE_HIGHLIGHT_MS;
          this.lastFailure = r;
          setTimeout(() => this.render(), FAILURE_HIGHLIGHT_MS + 50).unref?.();
        }
        this.render();
      }),
    ];
    this.render();
  }

  /** Whether the item is showing (tests and the e2e read this). */
  visible = false;

  render(): void {
    const running = this.tracker.list().running;
    const failing = Date.now() < this.failedUntil;
    if (running.length === 0 && !failing) {
      this.item.hide();
      this.visible = false;
      this.setTicker(false);
      return;
    }
    if (running.length > 0) {
      this.item.text = running.length === 1 ? `$(sync~spin) ${running[0].title}` : `$(sync~spin) ${running.length} running`;
    } else {
      this.item.text = `$(warning) ${this.lastFailure?.title ?? 'Operation'} failed`;
    }
    this.item.backgroundColor = failing ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = this.tooltip(running);
    this.item.show();
    this.visible = true;
    this.setTicker(running.length > 0); // elapsed times in the tooltip move
  }

  private tooltip(running: OperationRecord[]): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    if (running.length) md.appendMarkdown(`**${running.length} operation${running.length === 1 ? '' : 's'} running**\n\n`);
    for (const r of running) {
      const progress = r.percent !== undefined ? `${Math.round(r.percent)}%` : formatDuration(durationMs(r));
      appendInertText(md, `${r.title} — ${r.waitingReason ? `waiting: ${r.waitingReason}` : progress}\n`);
      md.appendMarkdown('\n');
    }
    if (Date.now() < this.failedUntil && this.lastFailure) {
      md.appendMarkdown('$(warning) ');
      appendInertText(md, `${this.lastFailure.title} failed: ${this.lastFailure.error?.message ?? this.lastFailure.serviceStatus ?? ''}`);
      md.appendMarkdown('\n\n');
    }
    md.appendMarkdown('Click to open the Operations view.');
    return md;
  }

  private setTicker(on: boolean): void {
    if (on && !this.ticker) this.ticker = setInterval(() => this.render(), 1000);
    if (!on && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  dispose(): void {
    this.setTicker(false);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
