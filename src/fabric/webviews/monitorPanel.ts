// The live replication monitor of one mirrored database: the database's status and error, every table
// (all pages) with rows per second since the previous read, stale detection, totals, filter / sort in
// the page, CSV export. It reads every 10 s while visible, backing off while nothing changes and after
// throttling, and not at all while hidden.
import { checkFromMonitor } from './protocol/monitorShape';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import { recordForTests } from '../../ui/testHooks';
import { escapeHtml } from '../../ui/webview/webviewHtml';
import { WebviewPanelBase, type PanelHost } from '../../ui/webview/webviewPanel';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import { readMirroringStatus, readTableStatuses } from '../workflows/mirroringWorkflows';
import { buildRows, fingerprint, nextRefreshMs, rowsToCsv, type TableReading } from './monitorModel';
import type { FromMonitor, MonitorTableRow, ToMonitor } from './protocol/monitor';

export const STALE_MINUTES_SETTING = 'sqlDataMovement.fabric.staleMinutes';

/** Where an export goes; tests replace it to skip the dialog. */
export type MonitorExportTarget = (defaultUri: vscode.Uri) => Thenable<vscode.Uri | undefined>;

const showSaveDialog: MonitorExportTarget = (defaultUri) =>
  vscode.window.showSaveDialog({ defaultUri, title: 'Export table status', filters: { CSV: ['csv'] } });

function staleMinutes(): number {
  const n = vscode.workspace.getConfiguration().get<number>(STALE_MINUTES_SETTING, 10);
  return Number.isFinite(n) && n > 0 ? n : 10;
}

function body(name: string, workspace?: string): string {
  return `
<h1>${escapeHtml(name)}</h1>
<p class="muted">Replication monitor${workspace ? ` · workspace ${escapeHtml(workspace)}` : ''} · <span id="status">Loading…</span></p>
<p id="db-error" class="warning" hidden></p>
<p id="totals" class="muted"></p>
<div class="row">
  <label for="filter">Filter</label><input id="filter" type="search" placeholder="table or status">
  <label for="sort">Sort by</label>
  <select id="sort">
    <option value="problems">Problems first</option>
    <option value="name">Name</option>
    <option value="rows">Processed rows</option>
    <option value="rate">Rows/s</option>
    <option value="latency">Latency</option>
    <option value="lastSync">Last sync</option>
  </select>
  <button id="refresh" type="button">Refresh</button>
  <button id="export" type="button">Export CSV</button>
</div>
<p id="message" class="muted" hidden></p>
<table>
  <thead><tr><th>Table</th><th>Status</th><th>Rows</th><th>Bytes</th><th>Rows/s</th><th>Last sync</th><th>Latency</th><th>Error</th></tr></thead>
  <tbody id="tables"></tbody>
</table>
<p id="updated" class="muted"></p>`;
}

export class MonitorPanel extends WebviewPanelBase<ToMonitor, FromMonitor> {
  private readings = new Map<string, TableReading>();
  private lastFingerprint: string | undefined;
  private delayMs: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private rows: MonitorTableRow[] = [];
  /** Reads done (status + every table page), for tests and the benchmark. */
  reads = 0;
  exportTarget: MonitorExportTarget = showSaveDialog;
  readonly exports: vscode.Uri[] = [];

  constructor(
    host: PanelHost,
    private readonly ctx: FabricContext,
    readonly target: FabricItemTarget,
    onDispose: () => void,
  ) {
    const name = target.displayName ?? target.itemId;
    super(
      host,
      {
        viewType: 'sqlDataMovement.fabric.monitor',
        script: 'monitor',
        title: `Monitor: ${name}`,
        body: body(name, target.workspaceName),
        checkMessage: checkFromMonitor,
      },
      () => {
        this.stopTimer();
        onDispose();
      },
    );
    this.panel.onDidChangeViewState(() => this.onVisibility(), undefined, this.disposables);
  }

  /** The wait before the next read (undefined before the first). */
  get nextDelayMs(): number | undefined {
    return this.delayMs;
  }

  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  protected async receive(message: FromMonitor): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'refresh':
        return this.refresh();
      case 'export':
        return this.export();
    }
  }

  /** Reads now (a read in progress is shared) and schedules the next one while visible. */
  async refresh(): Promise<void> {
    this.stopTimer();
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
      this.schedule();
    });
    await this.reading;
  }

  private async read(): Promise<void> {
    try {
      const [mirroring, tables] = await Promise.all([readMirroringStatus(this.ctx, this.target), readTableStatuses(this.ctx, this.target)]);
      this.reads++;
      const at = Date.now();
      const print = fingerprint({ mirroring, tables });
      this.delayMs = nextRefreshMs(this.delayMs, print === this.lastFingerprint ? 'unchanged' : 'changed');
      this.lastFingerprint = print;
      const minutes = staleMinutes();
      const built = buildRows({ mirroring, tables, at }, this.readings, minutes);
      this.readings = built.readings;
      this.rows = built.rows;
      this.post({
        type: 'snapshot',
        snapshot: {
          databaseName: this.target.displayName ?? this.target.itemId,
          workspaceName: this.target.workspaceName,
          status: mirroring.status ?? 'Unknown',
          databaseError: mirroring.error ? `${mirroring.error.errorCode ?? 'Error'}: ${mirroring.error.message ?? ''}` : undefined,
          tables: built.rows,
          totals: built.totals,
          staleMinutes: minutes,
          readAt: new Date(at).toISOString(),
          nextRefreshMs: this.delayMs,
        },
      });
    } catch (e) {
      const throttled = isAzureRequestError(e) && e.status === 429;
      this.delayMs = nextRefreshMs(this.delayMs, throttled ? 'throttled' : 'failed');
      const text = isAzureRequestError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
      this.post({ type: 'error', message: text, nextRefreshMs: this.delayMs });
    }
  }

  private schedule(): void {
    this.stopTimer();
    if (this.isDisposed || !this.panel.visible || this.delayMs === undefined) return;
    this.timer = setTimeout(() => void this.refresh(), this.delayMs);
  }

  private onVisibility(): void {
    if (!this.panel.visible) return this.stopTimer();
    // Back in view: read at once when a read was due meanwhile, else keep to the schedule.
    if (!this.timer && !this.reading) void this.refresh();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async export(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
    const safe = (this.target.displayName ?? this.target.itemId).replace(/[^\w.-]+/g, '-');
    const uri = await this.exportTarget(vscode.Uri.joinPath(folder, `mirroring-${safe}.csv`));
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(rowsToCsv(this.rows), 'utf8'));
    recordForTests(this.exports, uri);
    this.post({ type: 'exported', text: `Exported ${this.rows.length} tables to ${uri.fsPath || uri.toString()}.` });
  }

  override dispose(): void {
    this.stopTimer();
    super.dispose();
  }
}
