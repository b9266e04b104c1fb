// The Backup jobs of one vault: filters sent to the service as `$filter` (status, operation, time
// window), pages read on demand through `$skipToken` ("Load more"), a job's details (tasks, duration,
// errors with recommendations, the property bag), Cancel where the job allows it (tracked in the
// operations center, which the job then links to), and "Reveal protected item". While visible and some
// listed job is running it reads again, backing off while nothing changes; while hidden it does not.
import * as vscode from 'vscode';
import type { BackupJob } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import { recordForTests } from '../../ui/testHooks';
import { toErrorInfo } from '../../ui/webview/errorInfo';
import { escapeHtml } from '../../ui/webview/webviewHtml';
import { WebviewPanelBase, type PanelHost } from '../../ui/webview/webviewPanel';
import type { BackupContext } from '../backupContext';
import { jobDetails, jobRow, nextJobsRefreshMs, type JobRow } from '../workflows/jobModel';
import { JOB_OPERATIONS, JOB_STATUSES, periodFilter, type JobPeriod, type JobsFilter } from '../workflows/jobsQuery';
import { REVEAL_ITEM_COMMAND } from '../commands/revealItemCommand';
import { cancelJob, findJobProtectedItem, readJob, readJobsPage } from '../workflows/jobsWorkflows';
import type { FromJobs, JobsFilterChoice, ToJobs } from './protocol/jobs';
import { checkFromJobs } from './protocol/jobsShape';

export const SHOW_OPERATION_COMMAND = 'sqlDataMovement.operations.showDetails';

function body(vault: VaultRef): string {
  const option = (v: string, label = v) => `<option value="${escapeHtml(v)}">${escapeHtml(label)}</option>`;
  return `
<h1>Backup jobs: ${escapeHtml(vault.vault)}</h1>
<p class="muted">Recovery Services vault · resource group ${escapeHtml(vault.resourceGroup)} · <span id="status">Loading…</span></p>
<div class="row">
  <label for="f-status">Status</label><select id="f-status">${option('', 'Any')}${JOB_STATUSES.map((s) => option(s)).join('')}</select>
  <label for="f-operation">Operation</label><select id="f-operation">${option('', 'Any')}${JOB_OPERATIONS.map((s) => option(s)).join('')}</select>
  <label for="f-period">Started</label>
  <select id="f-period">${option('24h', 'Last 24 hours')}${option('7d', 'Last 7 days')}${option('30d', 'Last 30 days')}${option('all', 'Any time')}</select>
  <button id="refresh" type="button">Refresh</button>
</div>
<p id="message" class="muted" hidden></p>
<p id="error" class="warning" hidden></p>
<table>
  <thead><tr><th>Operation</th><th>Status</th><th>Item</th><th>Started</th><th>Duration</th><th>Error</th><th></th></tr></thead>
  <tbody id="jobs"></tbody>
</table>
<div class="row"><button id="more" type="button" hidden>Load more</button><span id="count" class="muted"></span></div>
<section id="details" class="card" hidden></section>
<p id="updated" class="muted"></p>`;
}

const DEFAULT_FILTERS: JobsFilterChoice = { status: '', operation: '', period: '7d' };

export class JobsPanel extends WebviewPanelBase<ToJobs, FromJobs> {
  private filters: JobsFilterChoice = { ...DEFAULT_FILTERS };
  private jobs: BackupJob[] = [];
  private skipToken: string | undefined;
  private pages = 0;
  /** A job to open once the page is ready (the panel was opened on one job, e.g. from Estate Health). */
  private pendingJob: string | undefined;
  private pageReady = false;
  private filterText = '';
  private delayMs: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private fingerprint = '';
  /** Job name → the operation this panel started for it. */
  readonly operations = new Map<string, string>();
  /** Requests (list pages and job reads) sent, for tests and the benchmark. */
  reads = 0;
  /** Ids the "Reveal" action handed on (test mode). */
  readonly revealed: string[] = [];

  constructor(
    host: PanelHost,
    private readonly ctx: BackupContext,
    readonly vault: VaultRef,
    onDispose: () => void,
  ) {
    super(
      host,
      {
        viewType: 'sqlDataMovement.backup.jobs',
        script: 'backupJobs',
        title: `Jobs: ${vault.vault}`,
        body: body(vault),
        checkMessage: checkFromJobs,
      },
      () => {
        this.stopTimer();
        onDispose();
      },
    );
    this.panel.onDidChangeViewState(() => this.onVisibility(), undefined, this.disposables);
  }

  /** The jobs listed now, as the page shows them. */
  get rows(): JobRow[] {
    return this.jobs.map((j) => jobRow(j));
  }

  get hasMore(): boolean {
    return this.skipToken !== undefined;
  }

  get nextDelayMs(): number | undefined {
    return this.delayMs;
  }

  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  get currentFilters(): JobsFilterChoice {
    return { ...this.filters };
  }

  protected async receive(message: FromJobs): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.post({ type: 'init', filters: this.filters, statuses: [...JOB_STATUSES], operations: [...JOB_OPERATIONS] });
        await this.reload();
        this.pageReady = true;
        const pending = this.pendingJob;
        this.pendingJob = undefined;
        return pending ? this.showDetails(pending) : undefined;
      }
      case 'filter':
        this.filters = { ...message.filters };
        return this.reload();
      case 'refresh':
        return this.refresh();
      case 'loadMore':
        return this.loadMore();
      case 'details':
        return this.showDetails(message.jobName);
      case 'cancel':
        return this.cancel(message.jobName);
      case 'revealItem':
        return this.revealItem(message.jobName);
      case 'showOperation':
        await vscode.commands.executeCommand(SHOW_OPERATION_COMMAND, message.operationId);
        return;
    }
  }

  private query(): JobsFilter {
    return {
      status: this.filters.status || undefined,
      operation: this.filters.operation || undefined,
      ...periodFilter(this.filters.period as JobPeriod),
    };
  }

  /** Reads the first page for the current filters (what was listed is replaced). */
  async reload(): Promise<void> {
    this.stopTimer();
    this.post({ type: 'loading', what: 'Reading jobs…' });
    try {
      this.reads++;
      const page = await readJobsPage(this.ctx, this.vault, this.query());
      this.jobs = page.jobs;
      this.skipToken = page.skipToken;
      this.filterText = page.filter;
      this.pages = 1;
      this.delayMs = undefined;
      this.publish();
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo('Read the backup jobs', e) });
    }
  }

  /** Reads the next page and adds it below. */
  async loadMore(): Promise<void> {
    if (!this.skipToken) return;
    this.post({ type: 'loading', what: 'Reading more jobs…' });
    try {
      this.reads++;
      const page = await readJobsPage(this.ctx, this.vault, this.query(), this.skipToken);
      const seen = new Set(this.jobs.map((j) => j.id?.toLowerCase()));
      this.jobs = [...this.jobs, ...page.jobs.filter((j) => !seen.has(j.id?.toLowerCase()))];
      this.skipToken = page.skipToken;
      this.pages++;
      this.publish();
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo('Read more backup jobs', e) });
    }
  }

  /**
   * Reads what changes: the first page (new jobs) and every listed job still running; the pages read
   * further down stay. A read in progress is shared.
   */
  async refresh(): Promise<void> {
    this.stopTimer();
    this.reading ??= this.readChanges().finally(() => {
      this.reading = undefined;
      this.schedule();
    });
    await this.reading;
  }

  private async readChanges(): Promise<void> {
    try {
      this.reads++;
      const first = await readJobsPage(this.ctx, this.vault, this.query());
      const fresh = new Map(first.jobs.map((j) => [j.id?.toLowerCase(), j]));
      const rest = this.jobs.filter((j) => !fresh.has(j.id?.toLowerCase()));
      const updated = await Promise.all(
        rest.map(async (j) => {
          if (!jobRow(j).running || !j.name) return j;
          this.reads++;
          return readJob(this.ctx, this.vault, j.name);
        }),
      );
      // A job read again that no longer has the status filtered on (a cancelled one) leaves the list.
      const wanted = this.filters.status.toLowerCase();
      const still = updated.filter((j) => !wanted || (j.properties?.status ?? '').toLowerCase() === wanted);
      this.jobs = [...first.jobs, ...still];
      if (this.pages <= 1) this.skipToken = first.skipToken;
      this.pages = Math.max(this.pages, 1);
      this.publish();
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo('Refresh the backup jobs', e) });
    }
  }

  private publish(): void {
    const rows = this.rows;
    const print = JSON.stringify(rows.map((r) => [r.id, r.status]));
    const running = rows.some((r) => r.running);
    this.delayMs = running ? nextJobsRefreshMs(this.delayMs, print !== this.fingerprint) : undefined;
    this.fingerprint = print;
    this.post({
      type: 'jobs',
      listing: {
        vaultName: this.vault.vault,
        rows,
        hasMore: this.hasMore,
        pages: this.pages,
        filter: this.filterText,
        readAt: new Date().toISOString(),
        nextRefreshMs: this.delayMs,
        operations: Object.fromEntries(this.operations),
      },
    });
    this.schedule();
  }

  private schedule(): void {
    this.stopTimer();
    if (this.isDisposed || !this.panel.visible || this.delayMs === undefined || this.reading) return;
    this.timer = setTimeout(() => void this.refresh(), this.delayMs);
  }

  private onVisibility(): void {
    if (!this.panel.visible) return this.stopTimer();
    if (!this.timer && !this.reading && this.delayMs !== undefined) void this.refresh();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private listed(jobName: string): BackupJob | undefined {
    return this.jobs.find((j) => j.name?.toLowerCase() === jobName.toLowerCase());
  }

  /** Shows one job's details: at once when the page is ready, else as soon as it is. */
  openJob(jobName: string): Promise<void> {
    if (this.pageReady) return this.showDetails(jobName);
    this.pendingJob = jobName;
    return Promise.resolve();
  }

  private async showDetails(jobName: string): Promise<void> {
    try {
      this.reads++;
      const job = await readJob(this.ctx, this.vault, jobName);
      this.replace(job);
      this.post({ type: 'details', details: jobDetails(job), operationId: this.operations.get(jobName.toLowerCase()) });
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo(`Read the backup job ${jobName}`, e) });
    }
  }

  private replace(job: BackupJob): void {
    const i = this.jobs.findIndex((j) => j.id?.toLowerCase() === job.id?.toLowerCase());
    if (i >= 0) this.jobs[i] = job;
  }

  /** Cancel, only when the job (read again now) still allows it. */
  private async cancel(jobName: string): Promise<void> {
    let job: BackupJob;
    try {
      this.reads++;
      job = await readJob(this.ctx, this.vault, jobName);
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo(`Read the backup job ${jobName}`, e) });
      return;
    }
    this.replace(job);
    if (!jobRow(job).cancellable) {
      this.post({ type: 'notice', text: `This job cannot be cancelled (${job.properties?.status ?? 'unknown status'}).` });
      this.publish();
      return;
    }
    try {
      const started = await cancelJob(this.ctx, this.vault, job);
      this.operations.set(jobName.toLowerCase(), started.operationId);
      this.post({
        type: 'notice',
        text: `Cancelling ${job.properties?.operation ?? 'the job'} of ${job.properties?.entityFriendlyName ?? jobName}…`,
      });
      await started.result;
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo(`Cancel the backup job ${jobName}`, e) });
    }
    this.delayMs = undefined;
    await this.refresh();
    await this.showDetails(jobName);
  }

  private async revealItem(jobName: string): Promise<void> {
    const job = this.listed(jobName) ?? (await readJob(this.ctx, this.vault, jobName));
    const id = await findJobProtectedItem(this.ctx, this.vault, job);
    if (!id) {
      this.post({
        type: 'notice',
        text: `No single protected item in this vault matches "${job.properties?.entityFriendlyName ?? jobName}".`,
      });
      return;
    }
    recordForTests(this.revealed, id);
    await vscode.commands.executeCommand(REVEAL_ITEM_COMMAND, { resourceId: id });
  }

  override dispose(): void {
    this.stopTimer();
    super.dispose();
  }
}
