// The Data Sync setup wizard, extension side: the panel and the routing of the page's messages to the
// steps (wizardSteps.ts) and the first-sync watcher. Can be opened on an existing group at any step.
// Passwords arrive in submit messages, go to the workflows, and are never recorded, logged or posted back.
import type * as vscode from 'vscode';
import { syncGroupPath } from '../../azure/sql/sqlPaths';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupRefFromId } from '../dataSyncRefs';
import { hubDatabaseIdOf } from '../workflows/syncGroupWorkflows';
import { readSyncStatus, triggerSync } from '../workflows/syncRunWorkflows';
import type { FromWizard, ToWizard, WizardStep } from './protocol/dataSyncWizard';
import { notices } from '../../ui/notices';
import { WebviewPanelBase } from '../../ui/webview/webviewPanel';
import type { DataSyncPanelHost } from './dataSyncPanelHost';
import { GroupGoneWatch } from './groupGoneWatch';
import type { SetupWizardState } from './panelStates';
import { checkFromWizard } from './protocol/dataSyncWizardShape';
import { toErrorInfo } from './errorInfo';
import { FirstSyncWatcher } from './firstSyncWatcher';
import { setupWizardBody } from './pageBodies';
import { summarizeSelection } from './schemaViewModel';
import { validateWizardField } from './wizardForms';
import { WizardOptions } from './wizardOptions';
import {
  addMemberStep,
  createGroupStep,
  loadSchemaStep,
  refreshSchemaStep,
  saveSchemaStep,
  type WizardHost,
  type WizardState,
} from './wizardSteps';
import { presetOf, summarizeGroup, summarizeMember } from './wizardSummaries';

export interface WizardTarget {
  kind: 'none' | 'server' | 'database' | 'syncGroup';
  id?: string;
  step?: WizardStep;
}

export class SetupWizardPanel extends WebviewPanelBase<ToWizard, FromWizard> {
  static readonly viewType = 'sqlDataMovement.dataSync.setupWizard';
  private readonly options: WizardOptions;
  private readonly gone: GroupGoneWatch;
  private readonly state: WizardState = { members: [], hub: [], step: 'group' };
  private readonly host: WizardHost;
  private readonly watcher: FirstSyncWatcher;
  private schemaLoad: Promise<void> | undefined;
  /** Called once the wizard's new group exists, so reopening the wizard on it reveals this panel. */
  onGroupCreated: ((groupId: string) => void) | undefined;

  constructor(
    host: DataSyncPanelHost,
    private readonly ctx: DataSyncContext,
    private readonly target: WizardTarget,
    onDispose: () => void,
    restored?: vscode.WebviewPanel,
  ) {
    super(
      host,
      {
        viewType: SetupWizardPanel.viewType,
        checkMessage: checkFromWizard,
        script: 'setupWizard',
        title: 'Data Sync setup',
        body: setupWizardBody('Set up SQL Data Sync'),
        // A five-step form with pickers loaded on demand: rebuilding it on every tab switch would lose what was typed.
        retainContextWhenHidden: true,
      },
      onDispose,
      restored,
    );
    this.options = new WizardOptions(ctx);
    this.gone = new GroupGoneWatch(
      ctx,
      host.onDidEndOperation,
      () => this.state.groupId,
      (text) => this.markGone(text),
    );
    this.disposables.push(this.gone);
    if (target.kind === 'syncGroup' && target.id) {
      const ref = syncGroupRefFromId(target.id);
      this.state.groupId = syncGroupPath(ref);
      this.panel.title = `Data Sync setup: ${ref.syncGroup}`;
    }
    this.host = {
      ctx,
      state: this.state,
      post: (m) => this.post(m),
      groupCreated: (groupId) => {
        this.panel.title = `Data Sync setup: ${syncGroupRefFromId(groupId).syncGroup}`;
        this.onGroupCreated?.(groupId);
      },
    };
    this.watcher = new FirstSyncWatcher({
      read: (groupId) => readSyncStatus(ctx, groupId),
      startSync: (groupId) => triggerSync(ctx, groupId),
      notify: (text) => notices.info(text),
      groupId: () => this.state.groupId,
      post: (m) => this.post(m),
      isDisposed: () => this.isDisposed,
      membersRead: (members) => {
        this.state.members = members;
      },
    });
    this.disposables.push({ dispose: () => this.watcher.stop() });
    // Nobody sees a hidden wizard: its sync step reads nothing until it is shown again.
    this.panel.onDidChangeViewState(
      () => {
        if (!this.panel.visible) this.watcher.stop();
        else if (this.state.step === 'sync' && this.state.groupId && !this.isGone) this.watcher.start();
      },
      undefined,
      this.disposables,
    );
  }

  /** Reads the schema for the Tables step; a second request while one read runs waits for that read. */
  private loadSchemaOnce(): Promise<void> {
    this.schemaLoad ??= loadSchemaStep(this.host).finally(() => {
      this.schemaLoad = undefined;
    });
    return this.schemaLoad;
  }

  /** True while the first-sync step reads the group's state (tests check it stops when hidden or closed). */
  get watchingSync(): boolean {
    return this.watcher.active;
  }

  /** The sync group this wizard works on (after step 1, or when opened on one). */
  get groupId(): string | undefined {
    return this.state.groupId;
  }

  /** Opens on another step (reopening the wizard with a step argument). */
  goto(step: WizardStep): void {
    this.post({ type: 'goto', step });
  }

  protected override restorableState(): SetupWizardState {
    const t = this.target;
    return {
      target: t.kind !== 'none' && t.id ? { kind: t.kind, id: t.id } : undefined,
      groupId: this.state.groupId,
      step: this.state.step,
    };
  }

  protected override onNotFound(): void {
    void this.gone.confirmNotFound();
  }

  protected override onGone(): void {
    this.watcher.stop();
  }

  protected override redact(message: FromWizard): FromWizard {
    if (message.type === 'submitGroup')
      return { ...message, form: { ...message.form, hubDatabasePassword: message.form.hubDatabasePassword ? '<redacted>' : '' } };
    if (message.type === 'submitMember')
      return { ...message, form: { ...message.form, password: message.form.password ? '<redacted>' : '' } };
    return message;
  }

  protected async receive(message: FromWizard): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.init();
      case 'loadOptions':
        try {
          this.post({
            type: 'options',
            kind: message.kind,
            parent: message.parent,
            items: await this.options.load(message.kind, message.parent),
          });
        } catch (e) {
          this.post({ type: 'error', step: this.state.step, error: toErrorInfo('Load choices', e) });
        }
        return;
      case 'submitGroup':
        return createGroupStep(this.host, message.form);
      case 'submitMember':
        return addMemberStep(this.host, message.form);
      case 'validateField':
        this.post({
          type: 'fieldError',
          form: message.form,
          field: message.field,
          message: validateWizardField(message.form, message.field, message.value, {
            groupId: this.state.groupId,
            existingMembers: this.state.members.map((m) => m.name),
            hubDatabaseId: this.state.hubDatabaseId,
          }),
        });
        return;
      case 'refreshHubSchema':
        return refreshSchemaStep(this.host);
      case 'loadSchema':
        return loadSchemaStep(this.host);
      case 'selectionChanged':
        this.state.unsavedSelection = message.selection;
        this.post({ type: 'summary', summary: summarizeSelection(this.state.hub, this.state.currentSchema, message.selection) });
        return;
      case 'saveSchema':
        return saveSchemaStep(this.host, message.selection);
      case 'triggerSync':
        return this.watcher.trigger();
      case 'stepShown':
        this.state.step = message.step;
        // The page keeps the schema it shows, with unsaved choices: read it only when first shown or out of date.
        if (message.step === 'tables' && this.state.groupId && !this.state.schemaShown) await this.loadSchemaOnce();
        if (message.step === 'sync' && this.state.groupId) this.watcher.start();
        else this.watcher.stop();
        return;
    }
  }

  private async init(): Promise<void> {
    try {
      const subscriptions = await this.options.subscriptions();
      const t = this.target;
      const groupId = this.state.groupId;
      if (groupId) {
        const status = await readSyncStatus(this.ctx, groupId);
        this.state.hubDatabaseId = hubDatabaseIdOf(groupId);
        this.state.members = status.members.map(summarizeMember);
        const summary = summarizeGroup(status.group, groupId);
        const step = t.step ?? (this.state.members.length === 0 ? 'members' : summary.hasSchema ? 'sync' : 'refresh');
        this.state.step = step;
        this.post({
          type: 'init',
          step,
          subscriptions,
          preset: presetOf(this.state.hubDatabaseId),
          group: summary,
          members: this.state.members,
        });
        return;
      }
      this.post({ type: 'init', step: 'group', subscriptions, preset: t.id ? presetOf(t.id) : undefined, members: [] });
    } catch (e) {
      this.post({ type: 'init', step: 'group', subscriptions: [], members: [] });
      this.post({ type: 'error', step: 'group', error: toErrorInfo('Open the setup wizard', e) });
    }
  }
}
