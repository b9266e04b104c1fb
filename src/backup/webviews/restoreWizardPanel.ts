// The Restore wizard, extension side: reads the database's timeline and the registered VMs through the
// restore workflows, tells the page which backups a choice replays and the exact request it makes, then
// restores and follows the Restore job to its end. Every field stays as typed when the service refuses;
// the panel also keeps the last form sent, so a reloaded page comes back filled in.
import { BACKUP_API_VERSION } from '../../azure/backup/backupModels';
import { recoveryPointPath, type ProtectedItemRef } from '../../azure/backup/backupPaths';
import { isAzureRequestError } from '../../azure/http/azureError';
import { isAbortError } from '../../azure/http/abortableDelay';
import { toErrorInfo } from '../../ui/webview/errorInfo';
import { messageShapeCheck } from '../../ui/webview/messageShape';
import { WebviewPanelBase, type PanelHost } from '../../ui/webview/webviewPanel';
import type { BackupContext } from '../backupContext';
import { defaultFileMappings, type SourceFile } from '../workflows/restoreRequest';
import { chainFor, type ChainLink, type RestoreChoice } from '../workflows/restoreTimeline';
import { fieldOfRestoreRefusal, parseUtc, RestoreValidationError } from '../workflows/restoreValidation';
import {
  beginRestore,
  restoreJobOf,
  loadRestoreSource,
  planRestore,
  sourceFilesOf,
  type RestoreSource,
} from '../workflows/restoreWorkflows';
import type { ChainLinkView, FromRestoreWizard, RestoreForm, RestoreWizardStep, ToRestoreWizard } from './protocol/restoreWizard';
import { FROM_RESTORE_WIZARD_SCHEMAS } from './restoreWizardShapes';
import { restoreWizardBody } from './restoreWizardBody';

const iso = (ms: number) => new Date(ms).toISOString();
const chainView = (chain: ChainLink[]): ChainLinkView[] =>
  chain.map((l) => ({ type: l.type, name: l.name, time: iso(l.time), until: l.until === undefined ? undefined : iso(l.until) }));

function choiceOf(form: RestoreForm): RestoreChoice | undefined {
  if (form.mode === 'point') return form.point ? { kind: 'point', name: form.point } : undefined;
  const time = parseUtc(form.pointInTime);
  return time === undefined ? undefined : { kind: 'pointInTime', time };
}

/** A job error as one line: the service's code, message and recommendations. */
function jobErrorText(detail: Record<string, unknown>): string {
  const recommendations: unknown[] = Array.isArray(detail.recommendations) ? (detail.recommendations as unknown[]) : [];
  const text = [detail.errorString, ...recommendations].filter((x): x is string => typeof x === 'string').join(' ');
  return typeof detail.errorTitle === 'string' && detail.errorTitle ? `${detail.errorTitle}: ${text}` : text;
}

export class RestoreWizardPanel extends WebviewPanelBase<ToRestoreWizard, FromRestoreWizard> {
  private source: RestoreSource | undefined;
  private readonly files = new Map<string, SourceFile[]>();
  /** The last form the page submitted (preview, restore); sent back if the page reloads. */
  draft: RestoreForm | undefined;
  /** The Restore job this wizard started, once known, and how it ended. */
  job: { jobId: string; status: string } | undefined;
  private readonly closed = new AbortController();

  constructor(
    host: PanelHost,
    private readonly ctx: BackupContext,
    readonly ref: ProtectedItemRef,
    private readonly preselect: string | undefined,
    onDispose: () => void,
  ) {
    super(
      host,
      {
        checkMessage: messageShapeCheck(FROM_RESTORE_WIZARD_SCHEMAS),
        viewType: 'sqlDataMovement.backup.restoreWizard',
        script: 'restoreWizard',
        title: `Restore ${ref.item.split(';').pop() ?? ref.item}`,
        body: restoreWizardBody(`Restore ${ref.item.split(';').pop() ?? ref.item}`),
        // A form with typed paths and names: rebuilding it on every tab switch would lose them.
        retainContextWhenHidden: true,
      },
      onDispose,
    );
    this.disposables.push({ dispose: () => this.closed.abort() });
  }

  protected async receive(message: FromRestoreWizard): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.init();
      case 'loadFiles':
        return this.guard('target', 'Read the database files', () => this.loadFiles(message.point, message.containerId, message.instance));
      case 'preview':
        this.draft = message.form;
        return this.guard('summary', 'Check the restore', async () => this.preview(message.form));
      case 'restore':
        this.draft = message.form;
        return this.restore(message.form);
      case 'cspViolation':
        return;
    }
  }

  private async guard(step: RestoreWizardStep, action: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      this.post({ type: 'error', step, error: toErrorInfo(action, e) });
    }
  }

  private async loadedSource(): Promise<RestoreSource> {
    this.source ??= await loadRestoreSource(this.ctx, this.ref, this.closed.signal);
    return this.source;
  }

  private async init(): Promise<void> {
    this.post({ type: 'busy', step: 'point', text: 'Reading the recovery points and registered VMs…' });
    try {
      const s = await this.loadedSource();
      this.panel.title = `Restore ${s.database}`;
      this.post({
        type: 'init',
        database: s.database,
        instance: s.instance,
        vmName: s.targets.find((t) => t.vmId && t.vmId.toLowerCase() === s.vmId.toLowerCase())?.name ?? s.vmId.split('/').pop() ?? '',
        vaultName: this.ref.vault,
        timeline: {
          points: s.timeline.points.map((p) => ({ name: p.name, type: p.type, time: iso(p.time) })),
          ranges: s.timeline.ranges.map((r) => ({ start: iso(r.start), end: iso(r.end) })),
        },
        targets: s.targets.map((t) => ({ containerId: t.containerId, name: t.name, instances: t.instances })),
        preselect: this.preselect,
        draft: this.draft,
      });
    } catch (e) {
      this.post({ type: 'error', step: 'point', error: toErrorInfo('Read the recovery points', e) });
    }
  }

  private async loadFiles(point: string, containerId: string, instanceName: string): Promise<void> {
    const s = await this.loadedSource();
    const instance = s.targets
      .find((t) => t.containerId.toLowerCase() === containerId.toLowerCase())
      ?.instances.find((i) => i.name.toLowerCase() === instanceName.toLowerCase());
    if (!instance) return;
    const key = point.toLowerCase();
    let files = this.files.get(key);
    if (!files) {
      this.post({ type: 'busy', step: 'target', text: 'Reading the files of the backup…' });
      files = await sourceFilesOf(this.ctx, this.ref, point, this.closed.signal);
      this.files.set(key, files);
    }
    this.post({ type: 'files', point, containerId, instance: instance.name, files: defaultFileMappings(files, instance, Date.now()) });
  }

  private async preview(form: RestoreForm): Promise<void> {
    const s = await this.loadedSource();
    const choice = choiceOf(form);
    const found = choice ? chainFor(s.timeline, choice) : undefined;
    const chain = found && 'chain' in found ? chainView(found.chain) : undefined;
    const problem = found && 'problem' in found ? found.problem : undefined;
    try {
      const { plan } = planRestore(s, form);
      this.post({
        type: 'preview',
        chain,
        problem,
        errors: {},
        request: {
          method: 'POST',
          path: `${recoveryPointPath({ ...this.ref, recoveryPoint: plan.recoveryPoint })}/restore?api-version=${BACKUP_API_VERSION}`,
          body: JSON.stringify(plan.body, undefined, 2),
        },
      });
    } catch (e) {
      if (!(e instanceof RestoreValidationError)) throw e;
      this.post({ type: 'preview', chain, problem, errors: e.fields });
    }
  }

  private async restore(form: RestoreForm): Promise<void> {
    let s: RestoreSource;
    try {
      s = await this.loadedSource();
      this.post({ type: 'busy', step: 'summary', text: `Starting the restore of ${s.database}…` });
      const started = await beginRestore(this.ctx, s, form);
      this.post({ type: 'started', text: 'Restore requested: follow it here or in the Operations view.' });
      const job = await restoreJobOf(this.ctx, this.ref, started.operation, ({ jobId, status }) => {
        if (this.closed.signal.aborted) return;
        this.job = { jobId, status };
        this.post({ type: 'job', jobId, status, operation: 'Restore', ended: false, text: `Restore job ${jobId}: ${status}` });
      });
      if (this.closed.signal.aborted) return;
      if (!job?.name) {
        this.post({ type: 'started', text: 'The restore was accepted; the service did not name its job.' });
        return;
      }
      const jobId = job.name;
      const status = job.properties?.status ?? 'Unknown';
      this.job = { jobId, status };
      const failure = (job.properties?.errorDetails ?? []).map(jobErrorText).join(' ');
      this.post({
        type: 'job',
        jobId,
        status,
        operation: job.properties?.operation ?? 'Restore',
        ended: true,
        text: `Restore job ${jobId}: ${status}.${failure ? ` ${failure}` : ''}`,
      });
      this.ctx.refresh(s.itemId);
    } catch (e) {
      if (isAbortError(e)) return;
      if (e instanceof RestoreValidationError) return this.post({ type: 'fieldErrors', errors: e.fields });
      this.post({ type: 'error', step: 'summary', error: toErrorInfo('Restore', e) });
      const field = isAzureRequestError(e) ? fieldOfRestoreRefusal(e.message) : undefined;
      if (field) this.post({ type: 'fieldErrors', errors: { [field]: (e as Error).message } });
    }
  }
}
