// The sync log viewer: time range + type filter, pages loaded on demand (the client's pager follows
// nextLink / continuationToken), and export of what is loaded to CSV or JSON through a save dialog.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { syncGroupPath, type SyncGroupRef } from '../../azure/sql/sqlPaths';
import type { SyncGroupLog } from '../../azure/sql/syncModels';
import type { Page } from '../../azure/paging/pager';
import type { DataSyncContext } from '../dataSyncContext';
import type { FromSyncLogs, LogEntryView, ToSyncLogs } from './protocol/dataSyncLogs';
import { WebviewPanelBase } from '../../ui/webview/webviewPanel';
import type { DataSyncPanelHost } from './dataSyncPanelHost';
import { GroupGoneWatch } from './groupGoneWatch';
import type { LogFilters, SyncLogsState } from './panelStates';
import { checkFromSyncLogs } from './protocol/dataSyncLogsShape';
import { recordForTests } from '../../ui/testHooks';
import { syncLogPages } from '../workflows/syncRunWorkflows';
import { toErrorInfo } from './errorInfo';
import { logsToCsv, logsToJson } from './logExport';
import { resolveLogRange } from './logTimeRange';
import { syncLogsBody } from './syncLogsBody';

/** Where an export goes; tests replace it to skip the dialog. */
export type ExportTarget = (defaultUri: vscode.Uri, format: 'csv' | 'json') => Thenable<vscode.Uri | undefined>;

const showSaveDialog: ExportTarget = (defaultUri, format) =>
  vscode.window.showSaveDialog({
    defaultUri,
    title: 'Export sync logs',
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });

const toView = (l: SyncGroupLog): LogEntryView => ({
  timestamp: l.timestamp ?? '',
  type: l.type ?? '',
  source: l.source ?? '',
  details: l.details ?? '',
  operationStatus: l.operationStatus ?? '',
  tracingId: l.tracingId ?? '',
});

const RETRIED_AFTER_SIGN_IN: ReadonlySet<FromSyncLogs['type']> = new Set(['ready', 'query']);

export class SyncLogsPanel extends WebviewPanelBase<ToSyncLogs, FromSyncLogs> {
  static readonly viewType = 'sqlDataMovement.dataSync.syncLogs';
  private pages: AsyncIterator<Page<SyncGroupLog>> | undefined;
  private hasMore = false;
  readonly entries: SyncGroupLog[] = [];
  private query: { startTime: string; endTime: string; type: string } | undefined;
  /** Bumped by every new query so a slow earlier page cannot land in a newer result. */
  private generation = 0;
  private readonly gone: GroupGoneWatch;
  /** The filters of the last query, kept for a window reload. */
  private filters: LogFilters | undefined;
  exportTarget: ExportTarget = showSaveDialog;
  /** Files written by export, in test mode (read by tests). */
  readonly exports: vscode.Uri[] = [];

  constructor(
    host: DataSyncPanelHost,
    private readonly ctx: DataSyncContext,
    readonly ref: SyncGroupRef,
    onDispose: () => void,
    restored?: { panel: vscode.WebviewPanel; filters?: LogFilters },
  ) {
    super(
      host,
      {
        viewType: SyncLogsPanel.viewType,
        checkMessage: checkFromSyncLogs,
        script: 'syncLogs',
        title: `Logs: ${ref.syncGroup}`,
        body: syncLogsBody(ref.syncGroup),
      },
      onDispose,
      restored?.panel,
    );
    this.filters = restored?.filters;
    this.gone = new GroupGoneWatch(
      ctx,
      host.onDidEndOperation,
      () => syncGroupPath(ref),
      (text) => this.markGone(text),
    );
    this.disposables.push(this.gone);
  }

  protected override get retriedAfterSignIn(): ReadonlySet<string> {
    return RETRIED_AFTER_SIGN_IN;
  }

  protected override restorableState(): SyncLogsState {
    return { groupId: syncGroupPath(this.ref), filters: this.filters };
  }

  protected override onNotFound(): void {
    void this.gone.confirmNotFound();
  }

  protected async receive(message: FromSyncLogs): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', groupName: this.ref.syncGroup, groupId: syncGroupPath(this.ref), filters: this.filters });
        return;
      case 'query': {
        const range = resolveLogRange(message.range);
        if ('error' in range) {
          this.post({ type: 'rangeError', message: range.error });
          return;
        }
        this.query = { ...range, type: message.logType };
        this.filters = { range: message.range, logType: message.logType };
        this.entries.length = 0;
        this.generation++;
        this.pages = syncLogPages(this.ctx, syncGroupPath(this.ref), { ...range, type: message.logType });
        return this.nextPage(false);
      }
      case 'loadMore':
        if (this.pages && this.hasMore) await this.nextPage(true);
        return;
      case 'export':
        return this.export(message.format);
    }
  }

  private async nextPage(append: boolean): Promise<void> {
    const generation = this.generation;
    this.post({ type: 'loading', append });
    try {
      const next = await this.pages!.next();
      if (generation !== this.generation) return;
      const items = next.done ? [] : next.value.items;
      const body = next.done ? {} : (next.value.body as Record<string, unknown>);
      this.hasMore =
        !next.done &&
        ((typeof body.nextLink === 'string' && body.nextLink !== '') ||
          (typeof body.continuationToken === 'string' && body.continuationToken !== ''));
      this.entries.push(...items);
      this.post({
        type: 'entries',
        entries: items.map(toView),
        append,
        hasMore: this.hasMore,
        total: this.entries.length,
        startTime: this.query!.startTime,
        endTime: this.query!.endTime,
      });
    } catch (e) {
      if (generation === this.generation) this.post({ type: 'error', error: toErrorInfo('Read sync logs', e) });
    }
  }

  private async export(format: 'csv' | 'json'): Promise<void> {
    if (!this.query) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
    const uri = await this.exportTarget(vscode.Uri.joinPath(folder, `sync-logs-${this.ref.syncGroup}.${format}`), format);
    if (!uri) return;
    try {
      const text =
        format === 'csv' ? logsToCsv(this.entries) : logsToJson(this.entries, { syncGroupId: syncGroupPath(this.ref), ...this.query });
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      recordForTests(this.exports, uri);
      this.post({ type: 'exported', text: `Exported ${this.entries.length} entries to ${uri.fsPath || uri.toString()}.` });
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo('Export sync logs', e) });
    }
  }
}
