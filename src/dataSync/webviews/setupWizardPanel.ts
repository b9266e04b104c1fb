// The Data Sync setup wizard, extension side. Follows the documented order — create the group WITHOUT
// schema, add members, refresh the hub schema, choose tables (PATCH schema + masterSyncMemberName),
// trigger the first sync — and can be opened on an existing group at any step. Every long-running call
// goes through the operation tracker. Passwords arrive in submit messages, go to Azure, and are never
// recorded, logged or posted back.
import type * as vscode from 'vscode';
import { syncGroupPath, type SyncGroupRef } from '../../azure/sql/sqlPaths';
import type { SyncFullSchemaTable, SyncGroup, SyncGroupSchema, SyncMember } from '../../azure/sql/syncModels';
import { validateGroupQuota } from '../syncRules';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, syncGroupRefFromId } from '../dataSyncRefs';
import type { FromWizard, GroupForm, GroupSummary, MemberForm, MemberSummary, ToWizard, WizardStep } from './protocol/dataSyncWizard';
import { WebviewPanelBase } from '../../ui/webview/webviewPanel';
import { toErrorInfo } from './errorInfo';
import { loadSchema, refreshHubSchema, saveSchema, SchemaSelectionError } from './groupSchemaActions';
import { setupWizardBody } from './pageBodies';
import { summarizeSelection } from './schemaViewModel';
import { WizardOptions } from './wizardOptions';
import { validateGroupForm, validateMemberForm } from './wizardForms';

export interface WizardTarget {
  kind: 'none' | 'server' | 'database' | 'syncGroup';
  id?: string;
  step?: WizardStep;
}

/** How often the first-sync step re-reads the group's state. */
export const SYNC_POLL_MS = 2000;

const tail = (id: string | undefined, n: number): string =>
  (id ?? '')
    .split('/')
    .filter((_, i, a) => i >= a.length - n)
    .join('/');

export function summarizeGroup(g: SyncGroup, id: string): GroupSummary {
  const ref = syncGroupRefFromId(id);
  return {
    id,
    name: g.name ?? ref.syncGroup,
    hub: `${ref.server}/${ref.database}`,
    syncState: g.properties?.syncState ?? 'Unknown',
    lastSyncTime: g.properties?.lastSyncTime,
    interval: g.properties?.interval,
    conflictResolutionPolicy: g.properties?.conflictResolutionPolicy,
    hasSchema: Boolean(g.properties?.schema?.tables?.length),
  };
}

export function summarizeMember(m: SyncMember): MemberSummary {
  const p = m.properties ?? {};
  const database = p.syncMemberAzureDatabaseResourceId
    ? tail(p.syncMemberAzureDatabaseResourceId, 3).replace('/databases/', '/')
    : `${p.serverName ?? '?'}/${p.databaseName ?? '?'}`;
  return {
    name: m.name ?? '',
    database,
    databaseType: p.databaseType ?? '',
    syncDirection: p.syncDirection ?? '',
    syncState: p.syncState ?? '',
  };
}

export class SetupWizardPanel extends WebviewPanelBase<ToWizard, FromWizard> {
  private readonly options: WizardOptions;
  private ref: SyncGroupRef | undefined;
  private hubDatabaseId: string | undefined;
  private members: MemberSummary[] = [];
  private hub: SyncFullSchemaTable[] = [];
  private currentSchema: SyncGroupSchema | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private step: WizardStep = 'group';
  /** Called once the wizard's new group exists, so reopening the wizard on it reveals this panel. */
  onGroupCreated: ((groupId: string) => void) | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly ctx: DataSyncContext,
    private readonly target: WizardTarget,
    onDispose: () => void,
  ) {
    super(
      extensionUri,
      {
        viewType: 'sqlDataMovement.dataSync.setupWizard',
        script: 'setupWizard',
        title: 'Data Sync setup',
        body: setupWizardBody('Set up SQL Data Sync'),
        // A five-step form with pickers loaded on demand: rebuilding it on every tab switch would lose what was typed.
        retainContextWhenHidden: true,
      },
      onDispose,
    );
    this.options = new WizardOptions(ctx);
    if (target.kind === 'syncGroup' && target.id) {
      this.ref = syncGroupRefFromId(target.id);
      this.panel.title = `Data Sync setup: ${this.ref.syncGroup}`;
    }
    this.disposables.push({ dispose: () => this.stopPolling() });
  }

  /** The sync group this wizard works on (after step 1, or when opened on one). */
  get groupId(): string | undefined {
    return this.ref ? syncGroupPath(this.ref) : undefined;
  }

  /** Opens on another step (reopening the wizard with a step argument). */
  goto(step: WizardStep): void {
    this.post({ type: 'goto', step });
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
          this.post({ type: 'error', step: this.step, error: toErrorInfo('Load choices', e) });
        }
        return;
      case 'submitGroup':
        return this.createGroup(message.form);
      case 'submitMember':
        return this.addMember(message.form);
      case 'refreshHubSchema':
        return this.refreshSchema();
      case 'loadSchema':
        return this.loadSchema();
      case 'selectionChanged':
        this.post({ type: 'summary', summary: summarizeSelection(this.hub, this.currentSchema, message.selection) });
        return;
      case 'saveSchema':
        return this.saveSchema(message.selection);
      case 'triggerSync':
        return this.triggerSync();
      case 'stepShown':
        this.step = message.step;
        if (message.step === 'tables' && this.ref) await this.loadSchema();
        if (message.step === 'sync' && this.ref) this.startPolling();
        else this.stopPolling();
        return;
    }
  }

  private async init(): Promise<void> {
    try {
      const subscriptions = await this.options.subscriptions();
      const t = this.target;
      if (this.ref) {
        const { groups, members } = this.ctx.clients();
        const [group, list] = await Promise.all([groups.get(this.ref), members.list(this.ref).toArray()]);
        this.hubDatabaseId = this.groupId!.replace(/\/syncGroups\/[^/]+$/i, '');
        this.members = list.map(summarizeMember);
        const summary = summarizeGroup(group, this.groupId!);
        const step = t.step ?? (this.members.length === 0 ? 'members' : summary.hasSchema ? 'sync' : 'refresh');
        this.step = step;
        this.post({ type: 'init', step, subscriptions, preset: this.presetOf(this.hubDatabaseId), group: summary, members: this.members });
        return;
      }
      this.post({ type: 'init', step: 'group', subscriptions, preset: t.id ? this.presetOf(t.id) : undefined, members: [] });
    } catch (e) {
      this.post({ type: 'init', step: 'group', subscriptions: [], members: [] });
      this.post({ type: 'error', step: 'group', error: toErrorInfo('Open the setup wizard', e) });
    }
  }

  private presetOf(id: string): { subscriptionId?: string; serverId?: string; hubDatabaseId?: string } {
    const server = /^(.*?\/providers\/Microsoft\.Sql\/servers\/[^/]+)/i.exec(id)?.[1];
    const database = /^(.*?\/databases\/[^/]+)/i.exec(id)?.[1];
    const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
    return { subscriptionId, serverId: server, hubDatabaseId: database };
  }

  private async createGroup(form: GroupForm): Promise<void> {
    const { errors, body } = validateGroupForm(form);
    if (!body) {
      this.post({ type: 'fieldErrors', form: 'group', errors });
      return;
    }
    this.post({ type: 'fieldErrors', form: 'group', errors: {} });
    this.post({ type: 'busy', step: 'group', text: `Creating sync group ${form.name}…` });
    try {
      const ref = { ...databaseRefFromId(form.hubDatabaseId), syncGroup: form.name };
      const existing = await this.ctx.clients().groups.list(ref).toArray();
      const taken = existing.some((g) => g.name?.toLowerCase() === form.name.toLowerCase())
        ? `The hub database already has a sync group named "${form.name}".`
        : validateGroupQuota(existing.length);
      if (taken) {
        this.post({
          type: 'fieldErrors',
          form: 'group',
          errors: { [existing.some((g) => g.name?.toLowerCase() === form.name.toLowerCase()) ? 'group-name' : 'hub']: taken },
        });
        return;
      }
      const poller = await this.ctx.clients().groups.beginCreateOrUpdate(ref, body);
      const op = await this.ctx.operations.start(poller, {
        title: `Create sync group ${ref.syncGroup}`,
        target: { label: `sync group ${ref.syncGroup}`, resourceId: syncGroupPath(ref) },
        environment: this.ctx.environmentKey(),
      });
      const group = await op.result;
      this.ref = ref;
      this.hubDatabaseId = form.hubDatabaseId;
      this.members = [];
      this.ctx.refresh(form.hubDatabaseId);
      this.onGroupCreated?.(syncGroupPath(ref));
      this.panel.title = `Data Sync setup: ${ref.syncGroup}`;
      this.post({ type: 'groupCreated', group: summarizeGroup(group, syncGroupPath(ref)) });
      this.post({ type: 'goto', step: 'members' });
    } catch (e) {
      this.post({ type: 'error', step: 'group', error: toErrorInfo('Create sync group', e) });
    }
  }

  private async addMember(form: MemberForm): Promise<void> {
    if (!this.ref) {
      this.post({ type: 'fieldErrors', form: 'member', errors: { 'member-name': 'Create the sync group first (step 1).' } });
      return;
    }
    const { errors, body } = validateMemberForm(
      form,
      this.members.map((m) => m.name),
      this.hubDatabaseId,
    );
    if (!body) {
      this.post({ type: 'fieldErrors', form: 'member', errors });
      return;
    }
    this.post({ type: 'fieldErrors', form: 'member', errors: {} });
    this.post({ type: 'busy', step: 'members', text: `Adding member ${form.name}…` });
    try {
      const ref = { ...this.ref, syncMember: form.name };
      const poller = await this.ctx.clients().members.beginCreateOrUpdate(ref, body);
      const op = await this.ctx.operations.start(poller, {
        title: `Add sync member ${form.name}`,
        target: {
          label: `sync member ${form.name}`,
          resourceId: `${syncGroupPath(this.ref)}/syncMembers/${encodeURIComponent(form.name)}`,
        },
        environment: this.ctx.environmentKey(),
      });
      await op.result;
      this.members = (await this.ctx.clients().members.list(this.ref).toArray()).map(summarizeMember);
      this.ctx.refresh(syncGroupPath(this.ref));
      this.post({ type: 'members', members: this.members, added: form.name });
    } catch (e) {
      this.post({ type: 'error', step: 'members', error: toErrorInfo('Add sync member', e) });
    }
  }

  private async refreshSchema(): Promise<void> {
    if (!this.ref) return;
    this.post({ type: 'busy', step: 'refresh', text: 'Refreshing the hub schema… (shown in Operations too)' });
    try {
      await refreshHubSchema(this.ctx, this.ref);
      this.post({ type: 'schemaRefreshed', text: 'Hub schema refreshed.' });
      this.post({ type: 'goto', step: 'tables' });
    } catch (e) {
      this.post({ type: 'error', step: 'refresh', error: toErrorInfo('Refresh hub schema', e) });
    }
  }

  private async loadSchema(): Promise<void> {
    if (!this.ref) return;
    this.post({ type: 'busy', step: 'tables', text: 'Reading the hub and member schemas…' });
    try {
      const loaded = await loadSchema(this.ctx, this.ref);
      this.hub = loaded.hub;
      this.currentSchema = loaded.group.properties?.schema;
      this.post({ type: 'schema', view: loaded.view });
    } catch (e) {
      this.post({ type: 'error', step: 'tables', error: toErrorInfo('Read the sync schema', e) });
    }
  }

  private async saveSchema(selection: Parameters<typeof summarizeSelection>[2]): Promise<void> {
    if (!this.ref) return;
    const summary = summarizeSelection(this.hub, this.currentSchema, selection);
    if (summary.errors.length) {
      this.post({ type: 'summary', summary });
      return;
    }
    this.post({ type: 'busy', step: 'tables', text: 'Saving the sync schema…' });
    try {
      const group = await saveSchema(this.ctx, this.ref, this.hub, selection);
      this.currentSchema = group.properties?.schema;
      this.post({ type: 'schemaSaved', text: `Saved: ${summary.selectedTables} table(s) will sync.` });
      this.post({ type: 'goto', step: 'sync' });
    } catch (e) {
      if (e instanceof SchemaSelectionError) this.post({ type: 'summary', summary: { ...summary, errors: e.problems } });
      else this.post({ type: 'error', step: 'tables', error: toErrorInfo('Save sync schema', e) });
    }
  }

  private async triggerSync(): Promise<void> {
    if (!this.ref) return;
    this.post({ type: 'busy', step: 'sync', text: 'Starting the sync…' });
    try {
      // A scheduled sync may already be running (the interval starts one after the schema is saved): watch it.
      const group = await this.ctx.clients().groups.get(this.ref);
      if (group.properties?.syncState === 'Progressing') {
        await this.pollOnce();
        this.startPolling();
        return;
      }
      await this.ctx.clients().groups.triggerSync(this.ref);
      this.ctx.refresh(syncGroupPath(this.ref));
      await this.pollOnce();
      this.startPolling();
    } catch (e) {
      this.post({ type: 'error', step: 'sync', error: toErrorInfo('Trigger sync', e) });
    }
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    void this.pollOnce();
    this.pollTimer = setInterval(() => void this.pollOnce(), SYNC_POLL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async pollOnce(): Promise<void> {
    if (!this.ref || this.isDisposed) return;
    try {
      const { groups, members } = this.ctx.clients();
      const [group, list] = await Promise.all([groups.get(this.ref), members.list(this.ref).toArray()]);
      this.members = list.map(summarizeMember);
      this.post({
        type: 'syncStatus',
        group: summarizeGroup(group, this.groupId!),
        members: this.members,
        polling: this.pollTimer !== undefined,
      });
    } catch (e) {
      this.stopPolling();
      this.post({ type: 'error', step: 'sync', error: toErrorInfo('Read the sync state', e) });
    }
  }
}
