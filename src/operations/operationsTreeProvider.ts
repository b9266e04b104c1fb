// The Operations view: running operations first, then the recent ones (newest first), each with its
// target, start time, duration, status and percent. contextValue flags drive the item actions.
import * as vscode from 'vscode';
import { durationMs, formatDuration, statusText, type OperationRecord } from './operationRecord';
import type { OperationTracker } from './operationTracker';
import { appendInertText } from '../ui/inertText';

export class OperationItem extends vscode.TreeItem {
  constructor(
    readonly record: OperationRecord,
    polling: boolean,
  ) {
    super(record.title, vscode.TreeItemCollapsibleState.None);
    this.id = `operation/${record.id}`;
    this.description = `${record.target.label} · ${statusText(record)}`;
    this.iconPath = iconFor(record, polling);
    const flags = ['operation', record.status];
    if (
      record.retry &&
      (record.status === 'failed' || record.status === 'canceled' || record.status === 'stopped' || record.status === 'unknown')
    )
      flags.push('retryable');
    if (record.target.resourceId) flags.push('hasTarget');
    this.contextValue = flags.join(';');
    const md = new vscode.MarkdownString(undefined, true);
    appendInertText(md, `${record.title}\n`);
    md.appendMarkdown('\n');
    appendInertText(
      md,
      `${record.target.label}\nStarted ${new Date(record.startedAt).toLocaleString()} · ${formatDuration(durationMs(record))}\n${statusText(record)}`,
    );
    if (record.error) {
      md.appendMarkdown('\n\n');
      appendInertText(md, `${record.error.code}: ${record.error.message}`);
    }
    this.tooltip = md;
    this.command = { command: 'sqlDataMovement.operations.showDetails', title: 'Show Details', arguments: [this] };
    this.accessibilityInformation = { label: `${record.title}, ${statusText(record)}` };
  }
}

function iconFor(record: OperationRecord, polling: boolean): vscode.ThemeIcon {
  switch (record.status) {
    case 'running':
      return polling ? new vscode.ThemeIcon('sync~spin') : new vscode.ThemeIcon('watch');
    case 'succeeded':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'canceled':
      return new vscode.ThemeIcon('circle-slash');
    case 'stopped':
      return new vscode.ThemeIcon('debug-pause');
    case 'unknown':
      return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
}

export class OperationsTreeProvider implements vscode.TreeDataProvider<OperationItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly tracker: OperationTracker) {
    this.subscription = tracker.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(element: OperationItem): OperationItem {
    return element;
  }

  getChildren(element?: OperationItem): OperationItem[] {
    if (element) return [];
    const { running, history } = this.tracker.list();
    // Durations of running operations advance: refresh once a second while any runs.
    if (running.length && !this.ticker) this.ticker = setInterval(() => this.refresh(), 1000);
    if (!running.length && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    return [...running.map((r) => new OperationItem(r, this.tracker.isPolling(r.id))), ...history.map((r) => new OperationItem(r, false))];
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
